// The streaming CSV reader: RFC 4180 cases, what real exports do beyond it, the size guards,
// and the promise that chunking never changes the result.
#include "domain/imports/csv_reader.hpp"

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace rapport::domain::imports {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::vector<CsvRecord> parse_chunks(const std::vector<std::string_view>& chunks, const CsvOptions& options = {}) {
    CsvReader reader(options);
    std::vector<CsvRecord> out;
    CsvRecord record;  // reused on purpose, as callers should
    for (const std::string_view chunk : chunks) {
        reader.feed(chunk);
        while (reader.next(record)) out.push_back(record);
    }
    reader.finish();
    while (reader.next(record)) out.push_back(record);
    EXPECT_FALSE(reader.next(record));
    return out;
}

std::vector<CsvRecord> parse(std::string_view input, const CsvOptions& options = {}) {
    return parse_chunks({input}, options);
}

Rows rows_of(const std::vector<CsvRecord>& records) {
    Rows rows;
    for (const CsvRecord& r : records) rows.push_back(r.fields);
    return rows;
}

CsvOptions with_delimiter(char delimiter) {
    CsvOptions options;
    options.delimiter = delimiter;
    return options;
}

// Everything a record says, in one comparable string.
std::string dump(const std::vector<CsvRecord>& records) {
    std::string out;
    for (const CsvRecord& r : records) {
        out += std::to_string(r.number) + "@" + std::to_string(r.line) + " " + std::string(to_string(r.error)) +
               (r.lenient ? " lenient" : "") + " [" + r.message + "]";
        for (const std::string& f : r.fields) out += " <" + f + ">";
        out += "\n";
    }
    return out;
}

TEST(CsvReader, ReadsSimpleRecordsWithNumbersAndLines) {
    const auto records = parse("name,city\nRossi,Milano\nGarcía,Madrid\n");
    EXPECT_EQ(rows_of(records), (Rows{{"name", "city"}, {"Rossi", "Milano"}, {"García", "Madrid"}}));
    ASSERT_EQ(records.size(), 3u);
    for (std::size_t i = 0; i < records.size(); ++i) {
        EXPECT_EQ(records[i].number, i + 1);
        EXPECT_EQ(records[i].line, i + 1);
        EXPECT_TRUE(records[i].ok());
        EXPECT_FALSE(records[i].lenient);
    }
}

TEST(CsvReader, LastRecordNeedsNoLineBreak) {
    EXPECT_EQ(rows_of(parse("a,b\n1,2")), (Rows{{"a", "b"}, {"1", "2"}}));
    EXPECT_EQ(rows_of(parse("a,b\n1,2\n")), (Rows{{"a", "b"}, {"1", "2"}}));
    EXPECT_EQ(rows_of(parse("\"quoted\"")), (Rows{{"quoted"}}));
    EXPECT_EQ(rows_of(parse("a,\"b\"")), (Rows{{"a", "b"}}));
}

TEST(CsvReader, AcceptsCrlfLfAndCrLineEnds) {
    const Rows expected{{"a", "b"}, {"1", "2"}, {"3", "4"}};
    for (const std::string_view input :
         {"a,b\r\n1,2\r\n3,4\r\n", "a,b\n1,2\n3,4\n", "a,b\r1,2\r3,4\r", "a,b\r\n1,2\n3,4"}) {
        const auto records = parse(input);
        EXPECT_EQ(rows_of(records), expected) << input;
        ASSERT_EQ(records.size(), 3u);
        EXPECT_EQ(records[2].line, 3u) << input;
    }
}

TEST(CsvReader, QuotedFieldsHoldDelimitersQuotesAndLineBreaks) {
    const auto records =
        parse("id,note,who\n1,\"Via Roma, 5\",\"say \"\"ciao\"\"\"\n2,\"two\nlines\",x\n3,\"\"\"\",\"\"\n");
    EXPECT_EQ(
        rows_of(records),
        (Rows{{"id", "note", "who"}, {"1", "Via Roma, 5", "say \"ciao\""}, {"2", "two\nlines", "x"}, {"3", "\"", ""}}));
    ASSERT_EQ(records.size(), 4u);
    EXPECT_EQ(records[2].line, 3u);
    EXPECT_EQ(records[3].line, 5u);  // record 3 spans lines 3-4
    EXPECT_EQ(records[3].number, 4u);
    for (const CsvRecord& r : records) EXPECT_FALSE(r.lenient);
}

TEST(CsvReader, LineBreaksInsideQuotesKeepTheirBytesAndCountAsLines) {
    const auto records = parse("a\r\n\"x\r\ny\",\"p\rq\",\"m\n\nn\"\r\nlast\r\n");
    EXPECT_EQ(rows_of(records), (Rows{{"a"}, {"x\r\ny", "p\rq", "m\n\nn"}, {"last"}}));
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[1].line, 2u);
    EXPECT_EQ(records[2].line, 7u);  // CRLF counts once, lone CR once, each LF once
}

TEST(CsvReader, EmptyFields) {
    EXPECT_EQ(rows_of(parse(",,\n")), (Rows{{"", "", ""}}));
    EXPECT_EQ(rows_of(parse("a,,b\n")), (Rows{{"a", "", "b"}}));
    EXPECT_EQ(rows_of(parse("a,b,\n")), (Rows{{"a", "b", ""}}));
    EXPECT_EQ(rows_of(parse("a,b,")), (Rows{{"a", "b", ""}}));
    EXPECT_EQ(rows_of(parse("\"\"\n")), (Rows{{""}}));
    EXPECT_EQ(rows_of(parse("\"\",\"\"\n")), (Rows{{"", ""}}));
    EXPECT_EQ(rows_of(parse(" \n")), (Rows{{" "}}));
}

TEST(CsvReader, SkipsBlankLinesButCountsThem) {
    const auto records = parse("a\n\n\r\n\nb\n\n");
    EXPECT_EQ(rows_of(records), (Rows{{"a"}, {"b"}}));
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[1].number, 2u);
    EXPECT_EQ(records[1].line, 5u);
    EXPECT_TRUE(parse("").empty());
    EXPECT_TRUE(parse("\n\r\n\r").empty());
}

TEST(CsvReader, KeepsStrayQuotesAsTextLikeExcel) {
    const auto records = parse("ab\"c,d\n\"ab\"c,d\n\"ab\" ,d\n5\" screen,x\"\n");
    EXPECT_EQ(rows_of(records), (Rows{{"ab\"c", "d"}, {"abc", "d"}, {"ab ", "d"}, {"5\" screen", "x\""}}));
    for (const CsvRecord& r : records) {
        EXPECT_TRUE(r.ok()) << r.message;
        EXPECT_TRUE(r.lenient) << r.number;
    }
    // A field that does not start with a quote is unquoted even if a quote follows spaces.
    EXPECT_EQ(rows_of(parse(" \"a,b\"\n")), (Rows{{" \"a", "b\""}}));
}

TEST(CsvReader, ReportsAnUnterminatedQuoteWithItsLine) {
    const auto records = parse("name,note\nRossi,ok\nBianchi,\"never closed\nVerdi,x\nNeri,y\n");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_TRUE(records[1].ok());
    const CsvRecord& bad = records[2];
    EXPECT_EQ(bad.error, CsvError::UnterminatedQuote);
    EXPECT_EQ(bad.line, 3u);
    EXPECT_EQ(bad.number, 3u);
    EXPECT_NE(bad.message.find("line 3"), std::string::npos) << bad.message;
    EXPECT_EQ(bad.fields, (std::vector<std::string>{"Bianchi", "never closed\nVerdi,x\nNeri,y\n"}));

    // The quote may open on a later line than the record.
    const auto later = parse("a,\"x\ny\",\"open\n");
    ASSERT_EQ(later.size(), 1u);
    EXPECT_EQ(later[0].line, 1u);
    EXPECT_NE(later[0].message.find("line 2"), std::string::npos) << later[0].message;
}

TEST(CsvReader, CutsAnOversizeFieldAndGoesOn) {
    CsvOptions options;
    options.max_field_bytes = 16;
    const auto records = parse("a,0123456789abcdefXYZ,c\n\"quoted 0123456789\n0123456789\",d\nnext,1\n", options);
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[0].error, CsvError::FieldTooLarge);
    EXPECT_EQ(records[0].fields, (std::vector<std::string>{"a", "0123456789abcdef", "c"}));
    EXPECT_NE(records[0].message.find("field 2"), std::string::npos) << records[0].message;
    EXPECT_EQ(records[1].error, CsvError::FieldTooLarge);
    EXPECT_EQ(records[1].fields, (std::vector<std::string>{"quoted 012345678", "d"}));
    EXPECT_TRUE(records[2].ok());
    EXPECT_EQ(records[2].line, 4u);
    EXPECT_EQ(records[2].fields, (std::vector<std::string>{"next", "1"}));
}

TEST(CsvReader, DefaultFieldLimitIsOneMebibyte) {
    const std::string huge(std::size_t{1} << 20, 'x');
    const std::string input = "a," + huge + "y,b\nc,\"" + huge + "\"\nd\n";
    // Fed in 64 KiB pieces, as from a file: the field spans many chunks.
    std::vector<std::string_view> chunks;
    for (std::size_t at = 0; at < input.size(); at += 65536)
        chunks.push_back(std::string_view(input).substr(at, 65536));
    const auto records = parse_chunks(chunks);
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[0].error, CsvError::FieldTooLarge);
    EXPECT_EQ(records[0].fields[1].size(), huge.size());
    EXPECT_EQ(records[0].fields[2], "b");
    EXPECT_TRUE(records[1].ok());  // exactly at the limit is fine
    EXPECT_EQ(records[1].fields[1].size(), huge.size());
    EXPECT_EQ(records[2].fields, std::vector<std::string>{"d"});
}

TEST(CsvReader, GuardsRecordSizeAndFieldCount) {
    CsvOptions options;
    options.max_field_bytes = 8;
    options.max_record_bytes = 12;
    const auto big = parse("aaaaaaaa,bbbbbbbb,c\nok\n", options);
    ASSERT_EQ(big.size(), 2u);
    EXPECT_EQ(big[0].error, CsvError::RecordTooLarge);
    EXPECT_EQ(big[0].fields, (std::vector<std::string>{"aaaaaaaa", "bbbb", ""}));
    EXPECT_TRUE(big[1].ok());

    CsvOptions few;
    few.max_fields = 3;
    const auto wide = parse("a,b,c,d,e\nx\n", few);
    ASSERT_EQ(wide.size(), 2u);
    EXPECT_EQ(wide[0].error, CsvError::TooManyFields);
    EXPECT_EQ(wide[0].fields, (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_TRUE(wide[1].ok());
}

TEST(CsvReader, SkipsAUtf8Bom) {
    const auto records = parse("\xEF\xBB\xBFName,City\nx,y\n");
    EXPECT_EQ(rows_of(records), (Rows{{"Name", "City"}, {"x", "y"}}));
    CsvReader reader;
    reader.feed("\xEF");
    CsvRecord record;
    EXPECT_FALSE(reader.next(record));
    reader.feed("\xBB");
    EXPECT_FALSE(reader.next(record));
    reader.feed(
        "\xBF"
        "a\n");
    ASSERT_TRUE(reader.next(record));
    EXPECT_TRUE(reader.has_bom());
    EXPECT_EQ(record.fields, std::vector<std::string>{"a"});

    EXPECT_TRUE(parse("\xEF\xBB\xBF").empty());
    // Bytes that only start like a BOM are data (read as Windows-1252: not UTF-8).
    EXPECT_EQ(rows_of(parse("\xEF\xBBx\n")), (Rows{{"ï»x"}}));
    EXPECT_EQ(rows_of(parse("\xEF")), (Rows{{"ï"}}));
}

TEST(CsvReader, SemicolonAndTabDelimiters) {
    EXPECT_EQ(rows_of(parse("Nome;Prezzo\nCaffè;1,50\n\"a;b\";\"c\"\n", with_delimiter(';'))),
              (Rows{{"Nome", "Prezzo"}, {"Caffè", "1,50"}, {"a;b", "c"}}));
    EXPECT_EQ(rows_of(parse("Name\tCity\nRossi, Mario\tRoma\n\"a\tb\"\tc\n", with_delimiter('\t'))),
              (Rows{{"Name", "City"}, {"Rossi, Mario", "Roma"}, {"a\tb", "c"}}));
}

TEST(CsvReader, RejectsImpossibleDelimiters) {
    EXPECT_THROW(CsvReader(with_delimiter('"')), std::invalid_argument);
    EXPECT_THROW(CsvReader(with_delimiter('\n')), std::invalid_argument);
    EXPECT_THROW(CsvReader(with_delimiter('\r')), std::invalid_argument);
}

TEST(CsvReader, TranscodesWindows1252Fields) {
    CsvOptions options = with_delimiter(';');
    options.encoding = Encoding::Windows1252;
    EXPECT_EQ(rows_of(parse("Citt\xE0;Per\xF9;\x80\n\"\x93"
                            "Ciao\x94\";x\n",
                            options)),
              (Rows{{"Città", "Perù", "€"}, {"“Ciao”", "x"}}));
}

TEST(CsvReader, Utf8FieldsStayAndStrayBytesAreReadAsWindows1252) {
    CsvReader reader;
    reader.feed("Caf\xC3\xA9,Citt\xE0\n");
    reader.finish();
    CsvRecord record;
    ASSERT_TRUE(reader.next(record));
    EXPECT_EQ(record.fields, (std::vector<std::string>{"Café", "Città"}));
    EXPECT_EQ(reader.fallback_bytes(), 1u);
}

TEST(CsvReader, ReusedRecordsShrinkAndGrow) {
    EXPECT_EQ(rows_of(parse("a,b,c\nd\ne,f\n")), (Rows{{"a", "b", "c"}, {"d"}, {"e", "f"}}));
    CsvReader reader;
    CsvRecord record;
    record.error = CsvError::FieldTooLarge;
    record.message = "stale";
    reader.feed("x\n");
    ASSERT_TRUE(reader.next(record));
    EXPECT_TRUE(record.ok());
    EXPECT_TRUE(record.message.empty());
}

TEST(CsvReader, FeedingWithoutDrainingKeepsTheInput) {
    CsvReader reader;
    reader.feed("a,b\nc");
    reader.feed(",d\ne");
    reader.finish();
    std::vector<CsvRecord> records;
    CsvRecord record;
    while (reader.next(record)) records.push_back(record);
    EXPECT_EQ(rows_of(records), (Rows{{"a", "b"}, {"c", "d"}, {"e"}}));
}

// An input that exercises every state of the reader at once.
const std::string kTricky =
    "\xEF\xBB\xBFid;nome;nota\r\n"
    "1;Citt\xC3\xA0;\"Via Roma; 5\r\nsecondo piano\"\r\n"
    "\r\n"
    "2;\"\"\"Quoted\"\"\";\xE2\x82\xAC 10\r"
    "3;Per\xF9;ab\"c\n"
    "4;\"x\"y;\"\"\n"
    ";;\n"
    "5;\"a\r\"\n"
    "6;\xF0\x9F\x98\x80;\"never closed\nlast line";

TEST(CsvReader, SameRecordsHoweverTheInputIsSplitInTwo) {
    CsvOptions options = with_delimiter(';');
    const std::string whole = dump(parse(kTricky, options));
    EXPECT_NE(whole.find("unterminated_quote"), std::string::npos) << whole;
    EXPECT_NE(whole.find("<Città>"), std::string::npos) << whole;
    EXPECT_NE(whole.find("<Perù>"), std::string::npos) << whole;
    EXPECT_NE(whole.find("<😀>"), std::string::npos) << whole;
    for (std::size_t i = 0; i <= kTricky.size(); ++i) {
        const std::string_view all(kTricky);
        ASSERT_EQ(dump(parse_chunks({all.substr(0, i), all.substr(i)}, options)), whole) << "split at " << i;
    }
}

TEST(CsvReader, SameRecordsHoweverTheInputIsSplitInThree) {
    CsvOptions options = with_delimiter(';');
    const std::string whole = dump(parse(kTricky, options));
    const std::string_view all(kTricky);
    for (std::size_t i = 0; i <= all.size(); ++i) {
        for (std::size_t j = i; j <= all.size(); ++j) {
            ASSERT_EQ(dump(parse_chunks({all.substr(0, i), all.substr(i, j - i), all.substr(j)}, options)), whole)
                << "split at " << i << " and " << j;
        }
    }
}

TEST(CsvReader, SameRecordsFedOneByteAtATime) {
    CsvOptions options = with_delimiter(';');
    std::vector<std::string_view> bytes;
    for (std::size_t i = 0; i < kTricky.size(); ++i) bytes.push_back(std::string_view(kTricky).substr(i, 1));
    EXPECT_EQ(dump(parse_chunks(bytes, options)), dump(parse(kTricky, options)));
}

TEST(CsvReader, RandomInputsGiveTheSameRecordsInAnyChunksAndValidUtf8) {
    // Inputs made of the bytes that matter to the state machine, split at random places.
    const std::string alphabet = "a;\"\r\n \xC3\xA0\xE0\xEF\xBB\xBF";
    std::uint64_t seed = 12345;
    const auto next = [&seed](std::uint64_t bound) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return (seed >> 33) % bound;
    };
    CsvOptions options = with_delimiter(';');
    options.max_field_bytes = 7;  // small, so that the guards are exercised too
    for (int round = 0; round < 3000; ++round) {
        std::string input;
        const std::uint64_t length = next(40);
        for (std::uint64_t i = 0; i < length; ++i) input.push_back(alphabet[next(alphabet.size())]);
        const auto records = parse(input, options);
        for (const CsvRecord& r : records) {
            for (const std::string& f : r.fields) EXPECT_TRUE(is_valid_utf8(f)) << input;
        }
        std::vector<std::string_view> chunks;
        for (std::size_t at = 0; at < input.size();) {
            const std::size_t size = 1 + next(5);
            chunks.push_back(std::string_view(input).substr(at, size));
            at += size;
        }
        ASSERT_EQ(dump(parse_chunks(chunks, options)), dump(records)) << "input #" << round;
    }
}

TEST(CsvReader, TrickyInputReadsAsExpected) {
    const auto records = parse(kTricky, with_delimiter(';'));
    EXPECT_EQ(dump(records),
              "1@1 none [] <id> <nome> <nota>\n"
              "2@2 none [] <1> <Città> <Via Roma; 5\r\nsecondo piano>\n"
              "3@5 none [] <2> <\"Quoted\"> <€ 10>\n"
              "4@6 none lenient [] <3> <Perù> <ab\"c>\n"
              "5@7 none lenient [] <4> <xy> <>\n"
              "6@8 none [] <> <> <>\n"
              "7@9 none [] <5> <a\r>\n"
              "8@11 unterminated_quote [the quoted field opened on line 11 is never closed] <6> <😀> <never "
              "closed\nlast line>\n");
}

TEST(CsvReader, ReadsAStreamInChunks) {
    std::string text = "id,name\n";
    for (int i = 1; i <= 20000; ++i) text += std::to_string(i) + ",\"Person " + std::to_string(i) + "\"\n";
    ASSERT_GT(text.size(), 4u * 65536u);
    std::istringstream in(text);
    std::uint64_t last_line = 0;
    std::string last_name;
    auto count = read_csv(in, {}, [&](const CsvRecord& r) {
        last_line = r.line;
        last_name = r.fields.at(1);
        return true;
    });
    ASSERT_TRUE(count.has_value());
    EXPECT_EQ(*count, 20001u);
    EXPECT_EQ(last_line, 20001u);
    EXPECT_EQ(last_name, "Person 20000");

    std::istringstream again(text);
    auto stopped = read_csv(again, {}, [](const CsvRecord& r) { return r.number < 10; });
    ASSERT_TRUE(stopped.has_value());
    EXPECT_EQ(*stopped, 10u);
}

}  // namespace
}  // namespace rapport::domain::imports
