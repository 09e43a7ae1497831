// Guessing the delimiter, encoding and header of an imported CSV from its first bytes.
#include "domain/imports/csv_sniffer.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace rapport::domain::imports {
namespace {

using Strings = std::vector<std::string>;

CsvSniff sniff_ok(std::string_view head, bool whole_file = true) {
    auto r = sniff_csv(head, whole_file);
    EXPECT_TRUE(r.has_value()) << (r.has_value() ? "" : r.error().detail);
    return r.has_value() ? *r : CsvSniff{};
}

std::string sniff_error(std::string_view head, bool whole_file = true) {
    auto r = sniff_csv(head, whole_file);
    EXPECT_FALSE(r.has_value());
    if (r.has_value()) return "";
    EXPECT_EQ(r.error().code, ErrorCode::Validation);
    return r.error().detail;
}

TEST(CsvSniffer, CommaFile) {
    const CsvSniff s =
        sniff_ok("Company name,VAT number,City\nAcme Ltd,GB123456789,London\nFoo plc,GB987654321,Leeds\n");
    EXPECT_EQ(s.delimiter, ',');
    EXPECT_EQ(s.encoding, Encoding::Utf8);
    EXPECT_FALSE(s.has_bom);
    EXPECT_TRUE(s.has_header);
    EXPECT_EQ(s.header, (Strings{"Company name", "VAT number", "City"}));
    EXPECT_EQ(s.sample_rows.size(), 2u);
    EXPECT_NE(s.delimiter_reason.find("comma"), std::string::npos) << s.delimiter_reason;
    EXPECT_NE(s.encoding_reason.find("ASCII"), std::string::npos) << s.encoding_reason;
}

TEST(CsvSniffer, SemicolonFileWithDecimalCommas) {
    const CsvSniff s = sniff_ok(
        "Ragione sociale;Fatturato;Città\r\n"
        "Rossi S.r.l.;1.234,50;Milano\r\n"
        "Bianchi S.p.A.;99,90;Torino\r\n"
        "Verdi & C.;10,00;Roma\r\n");
    EXPECT_EQ(s.delimiter, ';');
    EXPECT_EQ(s.header, (Strings{"Ragione sociale", "Fatturato", "Città"}));
    ASSERT_EQ(s.sample_rows.size(), 3u);
    EXPECT_EQ(s.sample_rows[0], (Strings{"Rossi S.r.l.", "1.234,50", "Milano"}));
    EXPECT_NE(s.delimiter_reason.find("semicolon gives 3 fields on 4 of the first 4 records"), std::string::npos)
        << s.delimiter_reason;
    EXPECT_NE(s.encoding_reason.find("valid UTF-8"), std::string::npos) << s.encoding_reason;
}

TEST(CsvSniffer, TabFile) {
    const CsvSniff s = sniff_ok("Nombre\tApellidos\tEmpresa\nJuan\tGarcía, López\tACME, S.L.\nAna\tPérez\tFoo, S.A.\n");
    EXPECT_EQ(s.delimiter, '\t');
    EXPECT_EQ(s.header, (Strings{"Nombre", "Apellidos", "Empresa"}));
    EXPECT_EQ(s.sample_rows[0], (Strings{"Juan", "García, López", "ACME, S.L."}));
}

TEST(CsvSniffer, IgnoresDelimitersInsideQuotes) {
    // Counting raw semicolons would suggest ';' (two per line); quoted, they are data.
    const CsvSniff s = sniff_ok(
        "name,notes\n"
        "\"Rossi; Mario\",\"a; b; c\"\n"
        "\"Bianchi; Anna\",\"d; e; f\"\n"
        "\"Multi\nline; here\",x\n");
    EXPECT_EQ(s.delimiter, ',');
    EXPECT_EQ(s.header, (Strings{"name", "notes"}));
    ASSERT_EQ(s.sample_rows.size(), 3u);
    EXPECT_EQ(s.sample_rows[2], (Strings{"Multi\nline; here", "x"}));
}

TEST(CsvSniffer, DetectsBomAndKeepsItOutOfTheHeader) {
    const CsvSniff s = sniff_ok(
        "\xEF\xBB\xBF"
        "Email;Nome\r\nmario@example.com;Mario\r\n");
    EXPECT_TRUE(s.has_bom);
    EXPECT_EQ(s.encoding, Encoding::Utf8);
    EXPECT_EQ(s.delimiter, ';');
    EXPECT_EQ(s.header, (Strings{"Email", "Nome"}));
    EXPECT_NE(s.encoding_reason.find("byte order mark"), std::string::npos) << s.encoding_reason;
}

TEST(CsvSniffer, Windows1252FileIsTranscoded) {
    // What Excel's plain "CSV" export writes on an Italian Windows: cp1252 bytes, semicolons.
    const CsvSniff s = sniff_ok("Citt\xE0;Per\xF9;\x80\r\nMilano;Lima;10\r\nTorino;Cusco;20\r\n");
    EXPECT_EQ(s.encoding, Encoding::Windows1252);
    EXPECT_EQ(s.delimiter, ';');
    EXPECT_EQ(s.header, (Strings{"Città", "Perù", "€"}));
    EXPECT_EQ(s.sample_rows.size(), 2u);
    EXPECT_NE(s.encoding_reason.find("0xE0"), std::string::npos) << s.encoding_reason;
    EXPECT_NE(s.encoding_reason.find("line 1"), std::string::npos) << s.encoding_reason;
    EXPECT_NE(s.encoding_reason.find("Windows-1252"), std::string::npos) << s.encoding_reason;

    const CsvSniff later = sniff_ok("name;city\nRossi;Milano\nVerdi;Citt\xE0\n");
    EXPECT_EQ(later.encoding, Encoding::Windows1252);
    EXPECT_NE(later.encoding_reason.find("line 3"), std::string::npos) << later.encoding_reason;
    EXPECT_EQ(later.sample_rows[1], (Strings{"Verdi", "Città"}));
}

TEST(CsvSniffer, ACharacterCutByTheSniffLimitIsNotABadEncoding) {
    const std::string file = "Nome;Città\nRossi;Perù\n";
    const std::string head = file.substr(0, file.size() - 2);  // ends inside "ù"
    ASSERT_EQ(static_cast<unsigned char>(head.back()), 0xC3);
    const CsvSniff s = sniff_ok(head, /*whole_file=*/false);
    EXPECT_EQ(s.encoding, Encoding::Utf8) << s.encoding_reason;
    EXPECT_EQ(s.header, (Strings{"Nome", "Città"}));
    EXPECT_TRUE(s.sample_rows.empty());  // the cut record is not shown
}

TEST(CsvSniffer, MostlyUtf8WithAStrayByteStaysUtf8) {
    std::string file = "nome;città\n";
    for (int i = 0; i < 30; ++i) file += "Perù;Città\n";
    file += "Strano;Citt\xE0\n";
    const CsvSniff s = sniff_ok(file);
    EXPECT_EQ(s.encoding, Encoding::Utf8) << s.encoding_reason;
    EXPECT_NE(s.encoding_reason.find("stray"), std::string::npos) << s.encoding_reason;
}

TEST(CsvSniffer, SamplesAtMostFiveCompleteRows) {
    std::string file = "a,b\n";
    for (int i = 1; i <= 8; ++i) file += std::to_string(i) + ",x\n";
    const CsvSniff s = sniff_ok(file);
    ASSERT_EQ(s.sample_rows.size(), kSampleRows);
    EXPECT_EQ(s.sample_rows[4], (Strings{"5", "x"}));

    // A prefix of a longer file: the record cut at the end of the prefix is left out.
    const CsvSniff prefix = sniff_ok("a,b\n1,x\n2,x\n3,incompl", /*whole_file=*/false);
    EXPECT_EQ(prefix.sample_rows.size(), 2u);
    const CsvSniff whole = sniff_ok("a,b\n1,x\n2,x\n3,complete", /*whole_file=*/true);
    EXPECT_EQ(whole.sample_rows.size(), 3u);
}

TEST(CsvSniffer, TrimsHeaderNames) {
    EXPECT_EQ(sniff_ok(" Email , Nome \n").header, (Strings{"Email", "Nome"}));
}

TEST(CsvSniffer, SingleColumnFallsBackToComma) {
    const CsvSniff s = sniff_ok("email\na@example.com\nb@example.com\n");
    EXPECT_EQ(s.delimiter, ',');
    EXPECT_EQ(s.header, (Strings{"email"}));
    EXPECT_NE(s.delimiter_reason.find("one column"), std::string::npos) << s.delimiter_reason;
}

TEST(CsvSniffer, MostConsistentDelimiterWins) {
    // Commas appear in some lines only; semicolons split every line into 3.
    const CsvSniff s = sniff_ok("a;b;c\nx, y;2;3\nz;4;5, 6\nw;7;8\n");
    EXPECT_EQ(s.delimiter, ';');
}

TEST(CsvSniffer, RejectsWhatIsNotCsv) {
    EXPECT_NE(sniff_error("").find("empty"), std::string::npos);
    EXPECT_NE(sniff_error("\xEF\xBB\xBF").find("empty"), std::string::npos);
    EXPECT_NE(sniff_error("\n\r\n\n").find("empty"), std::string::npos);
    EXPECT_NE(sniff_error(std::string("\xFF\xFEN\0a\0m\0e\0", 10)).find("UTF-16"), std::string::npos);
    EXPECT_NE(sniff_error(std::string("PK\x03\x04\x14\0\x06\0", 8)).find(".xlsx"), std::string::npos);
    EXPECT_NE(sniff_error("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest").find(".xls"), std::string::npos);
    EXPECT_NE(sniff_error(std::string("name\0city\n", 10)).find("binary"), std::string::npos);
    // A first "row" longer than the sniffed prefix: an unclosed quote, or not a CSV.
    EXPECT_NE(sniff_error("\"never closed, " + std::string(1000, 'x'), false).find("first row"), std::string::npos);
}

TEST(CsvSniffer, NamesDelimiters) {
    EXPECT_EQ(delimiter_name(','), "comma");
    EXPECT_EQ(delimiter_name(';'), "semicolon");
    EXPECT_EQ(delimiter_name('\t'), "tab");
    EXPECT_EQ(delimiter_name('#'), "'#'");
}

}  // namespace
}  // namespace rapport::domain::imports
