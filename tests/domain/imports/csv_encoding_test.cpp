// UTF-8 validation and Windows-1252 transcoding of imported files. Expected strings are UTF-8
// literals (this file is UTF-8); input bytes are written as escapes so what is tested is exact.
#include "domain/imports/encoding.hpp"

#include <string>

#include <gtest/gtest.h>

namespace rapport::domain::imports {
namespace {

TEST(EncodingUtf8, AcceptsWellFormedText) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("plain ASCII, with digits 0123456789"));
    EXPECT_TRUE(is_valid_utf8("Città, Perù, São Paulo, Señor, 1 000 €, “quoted” – dash"));
    EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // U+1F600, 4 bytes
    EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
    EXPECT_TRUE(is_valid_utf8("\xEF\xBB\xBFName"));  // a BOM is a valid character
}

TEST(EncodingUtf8, RejectsMalformedText) {
    EXPECT_FALSE(is_valid_utf8("Citt\xE0"));              // Windows-1252 à
    EXPECT_FALSE(is_valid_utf8("Citt\xE0;Per\xF9"));      // à followed by ASCII
    EXPECT_FALSE(is_valid_utf8("\xC3"));                  // cut sequence
    EXPECT_FALSE(is_valid_utf8("\x80"));                  // lone continuation byte
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));              // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));          // overlong, 3 bytes
    EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));      // overlong, 4 bytes
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));          // surrogate U+D800
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));      // above U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));      // never a lead byte
    EXPECT_FALSE(is_valid_utf8("abcdefgh\xFFijklmnop"));  // in the middle of an ASCII run
}

TEST(EncodingUtf8, IsAsciiLooksAtEveryByte) {
    EXPECT_TRUE(is_ascii(""));
    EXPECT_TRUE(is_ascii("0123456789abcdefghij"));
    EXPECT_FALSE(is_ascii("0123456789abcdefghi\xE9"));
    EXPECT_FALSE(
        is_ascii("\xE9"
                 "0123456789"));
}

TEST(EncodingWindows1252, ConvertsLatin1Letters) {
    EXPECT_EQ(windows1252_to_utf8("Citt\xE0;Per\xF9;S\xE3o Paulo;Espa\xF1"
                                  "a;Gar\xE7on"),
              "Città;Perù;São Paulo;España;Garçon");
    EXPECT_EQ(windows1252_to_utf8("\xC0\xC9\xD1\xD6\xDC\xDF\xE4\xF6\xFC\xFF"), "ÀÉÑÖÜßäöüÿ");
    EXPECT_EQ(windows1252_to_utf8("\xA0\xA3\xA7\xB0\xBA\xAA"), "\u00A0£§°ºª");
    EXPECT_EQ(windows1252_to_utf8("plain"), "plain");
    EXPECT_EQ(windows1252_to_utf8(""), "");
}

TEST(EncodingWindows1252, ConvertsTheCp1252Specials) {
    EXPECT_EQ(windows1252_to_utf8("\x80"), "€");
    EXPECT_EQ(windows1252_to_utf8("\x91quoted\x92 \x93"
                                  "double\x94"),
              "‘quoted’ “double”");
    EXPECT_EQ(windows1252_to_utf8("a\x96"
                                  "b\x97"
                                  "c\x85"),
              "a–b—c…");
    EXPECT_EQ(windows1252_to_utf8("\x8A\x8C\x8E\x9A\x9C\x9E\x9F"), "ŠŒŽšœžŸ");
    EXPECT_EQ(windows1252_to_utf8("\x82\x83\x84\x86\x87\x88\x89\x8B\x95\x98\x99\x9B"), "‚ƒ„†‡ˆ‰‹•˜™›");
}

TEST(EncodingWindows1252, KeepsUndefinedBytesAsC1Controls) {
    // 0x81 0x8D 0x8F 0x90 0x9D are unassigned in cp1252; they must not vanish.
    EXPECT_EQ(windows1252_to_utf8("\x81\x8D\x8F\x90\x9D"), "\u0081\u008D\u008F\u0090\u009D");
}

TEST(EncodingWindows1252, EveryByteBecomesValidUtf8) {
    std::string all;
    for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
    const std::string out = windows1252_to_utf8(all);
    EXPECT_TRUE(is_valid_utf8(out));
    EXPECT_EQ(out.substr(0, 128), all.substr(0, 128));
    for (int b = 0x80; b < 0x100; ++b) {
        const std::string one = windows1252_to_utf8(std::string(1, static_cast<char>(b)));
        EXPECT_TRUE(one.size() == 2 || one.size() == 3) << b;
    }
}

TEST(EncodingLenient, KeepsUtf8AndReadsStrayBytesAsWindows1252) {
    std::string out;
    EXPECT_EQ(append_utf8_lenient("Caf\xC3\xA9, Citt\xE0, \x80 5", out), 2u);
    EXPECT_EQ(out, "Café, Città, € 5");
    out.clear();
    EXPECT_EQ(append_utf8_lenient("Per\xC3", out), 1u);  // a cut sequence at the end
    EXPECT_EQ(out, "PerÃ");
    out.clear();
    EXPECT_EQ(append_utf8_lenient("\xE2\x82"
                                  "A",
                                  out),
              2u);  // a broken 3-byte sequence
    EXPECT_EQ(out, "â‚A");
    out = "kept:";
    EXPECT_EQ(append_utf8_lenient("€", out), 0u);
    EXPECT_EQ(out, "kept:€");
}

TEST(EncodingScan, CountsCharactersAndStrayBytes) {
    const Utf8Scan clean = scan_utf8("Città e Perù");
    EXPECT_EQ(clean.multibyte_chars, 2u);
    EXPECT_EQ(clean.invalid_bytes, 0u);

    const Utf8Scan latin = scan_utf8("abc\xE0;Per\xF9");
    EXPECT_EQ(latin.multibyte_chars, 0u);
    EXPECT_EQ(latin.invalid_bytes, 2u);
    EXPECT_EQ(latin.first_invalid, 3u);

    EXPECT_EQ(scan_utf8("Per\xC3", false).invalid_bytes, 1u);
    EXPECT_EQ(scan_utf8("Per\xC3", true).invalid_bytes, 0u);   // cut by the sniffing limit
    EXPECT_EQ(scan_utf8("Per\xC3;", true).invalid_bytes, 1u);  // broken, not cut
}

TEST(EncodingValidator, AcceptsUtf8SplitAtEveryByte) {
    const std::string text = "Città;Perù;€ 5;\xF0\x9F\x98\x80;São";
    for (std::size_t i = 0; i <= text.size(); ++i) {
        for (std::size_t j = i; j <= text.size(); ++j) {
            Utf8Validator v;
            v.feed(std::string_view(text).substr(0, i));
            v.feed(std::string_view(text).substr(i, j - i));
            v.feed(std::string_view(text).substr(j));
            EXPECT_TRUE(v.finish()) << i << "," << j;
            EXPECT_EQ(v.multibyte_chars(), 5u);  // à ù € 😀 ã
        }
    }
}

TEST(EncodingValidator, FindsTheFirstBadByteAcrossChunks) {
    const std::string text = "ok \xC3\xA9 then Citt\xE0 more";
    const std::size_t bad = text.find('\xE0');
    for (std::size_t i = 0; i <= text.size(); ++i) {
        Utf8Validator v;
        v.feed(std::string_view(text).substr(0, i));
        v.feed(std::string_view(text).substr(i));
        EXPECT_FALSE(v.finish()) << i;
        EXPECT_EQ(v.invalid_offset(), bad) << i;
        EXPECT_EQ(v.invalid_byte(), 0xE0) << i;
    }
    // A broken sequence is reported at its lead byte, also when the break is in the next chunk.
    Utf8Validator split;
    split.feed("ab\xE2\x82");
    EXPECT_TRUE(split.valid());
    EXPECT_FALSE(split.feed("A"));
    EXPECT_EQ(split.invalid_offset(), 2u);
}

TEST(EncodingValidator, ACutSequenceIsOnlyBadWhenTheInputReallyEnds) {
    Utf8Validator truncated;
    truncated.feed("Per\xC3");
    EXPECT_TRUE(truncated.finish(/*input_truncated=*/true));

    Utf8Validator complete;
    complete.feed("Per\xC3");
    EXPECT_FALSE(complete.finish());
    EXPECT_EQ(complete.invalid_offset(), 3u);
}

std::string transcode_in_pieces(Encoding source, std::string_view input, std::size_t i, std::size_t j) {
    Transcoder t(source);
    std::string out;
    t.feed(input.substr(0, i), out);
    t.feed(input.substr(i, j - i), out);
    t.feed(input.substr(j), out);
    t.finish(out);
    return out;
}

TEST(EncodingTranscoder, Utf8SourceGivesTheSameTextHoweverItIsSplit) {
    const std::string input =
        "Città;\xF0\x9F\x98\x80;Per\xF9;\xE2\x82"
        "A;\x80;São\xC3";
    std::string expected;
    append_utf8_lenient(input, expected);
    EXPECT_EQ(expected, "Città;😀;Perù;â‚A;€;SãoÃ");
    for (std::size_t i = 0; i <= input.size(); ++i) {
        for (std::size_t j = i; j <= input.size(); ++j) {
            ASSERT_EQ(transcode_in_pieces(Encoding::Utf8, input, i, j), expected) << i << "," << j;
        }
    }
}

TEST(EncodingTranscoder, Windows1252SourceGivesTheSameTextHoweverItIsSplit) {
    const std::string input = "Citt\xE0;Per\xF9;\x80;\x93quoted\x94";
    for (std::size_t i = 0; i <= input.size(); ++i) {
        EXPECT_EQ(transcode_in_pieces(Encoding::Windows1252, input, i, i), "Città;Perù;€;“quoted”") << i;
    }
}

TEST(EncodingTranscoder, CountsFallbackBytesAndFlushesAtTheEnd) {
    Transcoder t(Encoding::Utf8);
    std::string out;
    t.feed("Caf\xC3", out);
    EXPECT_EQ(out, "Caf");  // the cut sequence waits for the next chunk
    t.feed("\xA9 ok \xE0", out);
    t.feed("", out);
    EXPECT_EQ(out, "Café ok ");
    t.finish(out);
    EXPECT_EQ(out, "Café ok à");
    EXPECT_EQ(t.fallback_bytes(), 1u);
    EXPECT_TRUE(is_valid_utf8(out));
}

TEST(EncodingNames, AreReadable) {
    EXPECT_EQ(to_string(Encoding::Utf8), "UTF-8");
    EXPECT_EQ(to_string(Encoding::Windows1252), "Windows-1252");
}

}  // namespace
}  // namespace rapport::domain::imports
