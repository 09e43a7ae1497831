#include "mail/html_text.hpp"

#include <cstdint>
#include <string_view>

namespace rapport::mail {
namespace {

struct Entity {
    std::string_view name;
    std::uint32_t code;
};

// The named references mail clients actually write: the markup ones, HTML 4's Latin-1 set
// and its common punctuation.
constexpr Entity kEntities[] = {
    {"amp", 38},      {"lt", 60},       {"gt", 62},       {"quot", 34},    {"apos", 39},     {"nbsp", 160},
    {"iexcl", 161},   {"cent", 162},    {"pound", 163},   {"curren", 164}, {"yen", 165},     {"brvbar", 166},
    {"sect", 167},    {"uml", 168},     {"copy", 169},    {"ordf", 170},   {"laquo", 171},   {"not", 172},
    {"shy", 173},     {"reg", 174},     {"macr", 175},    {"deg", 176},    {"plusmn", 177},  {"sup2", 178},
    {"sup3", 179},    {"acute", 180},   {"micro", 181},   {"para", 182},   {"middot", 183},  {"cedil", 184},
    {"sup1", 185},    {"ordm", 186},    {"raquo", 187},   {"frac14", 188}, {"frac12", 189},  {"frac34", 190},
    {"iquest", 191},  {"Agrave", 192},  {"Aacute", 193},  {"Acirc", 194},  {"Atilde", 195},  {"Auml", 196},
    {"Aring", 197},   {"AElig", 198},   {"Ccedil", 199},  {"Egrave", 200}, {"Eacute", 201},  {"Ecirc", 202},
    {"Euml", 203},    {"Igrave", 204},  {"Iacute", 205},  {"Icirc", 206},  {"Iuml", 207},    {"ETH", 208},
    {"Ntilde", 209},  {"Ograve", 210},  {"Oacute", 211},  {"Ocirc", 212},  {"Otilde", 213},  {"Ouml", 214},
    {"times", 215},   {"Oslash", 216},  {"Ugrave", 217},  {"Uacute", 218}, {"Ucirc", 219},   {"Uuml", 220},
    {"Yacute", 221},  {"THORN", 222},   {"szlig", 223},   {"agrave", 224}, {"aacute", 225},  {"acirc", 226},
    {"atilde", 227},  {"auml", 228},    {"aring", 229},   {"aelig", 230},  {"ccedil", 231},  {"egrave", 232},
    {"eacute", 233},  {"ecirc", 234},   {"euml", 235},    {"igrave", 236}, {"iacute", 237},  {"icirc", 238},
    {"iuml", 239},    {"eth", 240},     {"ntilde", 241},  {"ograve", 242}, {"oacute", 243},  {"ocirc", 244},
    {"otilde", 245},  {"ouml", 246},    {"divide", 247},  {"oslash", 248}, {"ugrave", 249},  {"uacute", 250},
    {"ucirc", 251},   {"uuml", 252},    {"yacute", 253},  {"thorn", 254},  {"yuml", 255},    {"OElig", 338},
    {"oelig", 339},   {"Scaron", 352},  {"scaron", 353},  {"Yuml", 376},   {"circ", 710},    {"tilde", 732},
    {"ensp", 8194},   {"emsp", 8195},   {"thinsp", 8201}, {"zwnj", 8204},  {"zwj", 8205},    {"ndash", 8211},
    {"mdash", 8212},  {"lsquo", 8216},  {"rsquo", 8217},  {"sbquo", 8218}, {"ldquo", 8220},  {"rdquo", 8221},
    {"bdquo", 8222},  {"dagger", 8224}, {"Dagger", 8225}, {"bull", 8226},  {"hellip", 8230}, {"permil", 8240},
    {"lsaquo", 8249}, {"rsaquo", 8250}, {"euro", 8364},   {"trade", 8482}, {"larr", 8592},
};

void append_utf8(std::string& out, std::uint32_t code) {
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equals_lower(std::string_view a, std::string_view lower_b) {
    if (a.size() != lower_b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower_b[i]) return false;
    return true;
}

// Decodes the character reference at html[i] ('&'); returns how many bytes it took (0: not one).
std::size_t decode_reference(std::string_view html, std::size_t i, std::string& out) {
    std::size_t semi = html.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 12) return 0;
    std::string_view body = html.substr(i + 1, semi - i - 1);
    if (body.size() >= 2 && body[0] == '#') {
        bool hex = body[1] == 'x' || body[1] == 'X';
        std::string_view digits = body.substr(hex ? 2 : 1);
        if (digits.empty()) return 0;
        std::uint32_t code = 0;
        for (char c : digits) {
            std::uint32_t d;
            if (c >= '0' && c <= '9') {
                d = static_cast<std::uint32_t>(c - '0');
            } else if (hex && lower(c) >= 'a' && lower(c) <= 'f') {
                d = static_cast<std::uint32_t>(lower(c) - 'a' + 10);
            } else {
                return 0;
            }
            code = code * (hex ? 16U : 10U) + d;
            if (code > 0x10FFFF) code = 0x110000;  // stays invalid, never overflows
        }
        append_utf8(out, code);
        return semi - i + 1;
    }
    for (const Entity& e : kEntities) {
        if (e.name == body) {
            append_utf8(out, e.code);
            return semi - i + 1;
        }
    }
    return 0;
}

// Blocks set apart by an empty line.
bool is_paragraph(std::string_view tag) {
    for (std::string_view b : {"p", "table", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl"})
        if (equals_lower(tag, b)) return true;
    return false;
}

// Blocks that start on a line of their own.
bool is_block(std::string_view tag) {
    for (std::string_view b : {"div", "tr", "li", "hr", "section", "article", "header", "footer", "dt", "dd"})
        if (equals_lower(tag, b)) return true;
    return false;
}

// Elements whose content is not text to read.
bool is_hidden(std::string_view tag) {
    return equals_lower(tag, "head") || equals_lower(tag, "script") || equals_lower(tag, "style") ||
           equals_lower(tag, "title");
}

class TextBuilder {
public:
    void text(char c) {
        if (is_space(c)) {
            pending_space_ = !out_.empty() && out_.back() != '\n';
            return;
        }
        if (pending_space_) out_ += ' ';
        pending_space_ = false;
        out_ += c;
    }
    void text(std::string_view s) {
        for (char c : s) text(c);
    }
    // A <br>: one more line break (at most one empty line in a row, none at the start).
    void line_break() {
        trim_spaces();
        if (out_.empty() || out_.ends_with("\n\n")) return;
        out_ += '\n';
    }
    // A block's edge: the text goes on `lines` lines below (1: next line, 2: after an empty line).
    void block_edge(int lines) {
        trim_spaces();
        if (out_.empty()) return;
        int have = 0;
        for (auto it = out_.rbegin(); it != out_.rend() && *it == '\n' && have < 2; ++it) ++have;
        for (; have < lines; ++have) out_ += '\n';
    }
    std::string finish() {
        while (!out_.empty() && (out_.back() == '\n' || out_.back() == ' ')) out_.pop_back();
        return std::move(out_);
    }

private:
    void trim_spaces() {
        pending_space_ = false;
        while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    }

    std::string out_;
    bool pending_space_ = false;
};

}  // namespace

std::string html_to_text(std::string_view html) {
    TextBuilder text;
    std::size_t i = 0;
    while (i < html.size()) {
        char c = html[i];
        if (c == '<') {
            if (html.substr(i, 4) == "<!--") {
                std::size_t end = html.find("-->", i + 4);
                i = end == std::string_view::npos ? html.size() : end + 3;
                continue;
            }
            std::size_t end = html.find('>', i + 1);
            if (end == std::string_view::npos) break;  // an unclosed tag ends the text
            std::string_view tag = html.substr(i + 1, end - i - 1);
            bool closing = !tag.empty() && tag[0] == '/';
            if (closing) tag.remove_prefix(1);
            std::size_t name_end = 0;
            while (name_end < tag.size() && !is_space(tag[name_end]) && tag[name_end] != '/') ++name_end;
            std::string_view name = tag.substr(0, name_end);
            i = end + 1;
            if (!closing && is_hidden(name)) {
                // Skip to the matching close tag ("</style>"), case-insensitively.
                std::string lower_name;
                for (char ch : name) lower_name += lower(ch);
                std::size_t j = i;
                bool found = false;
                while ((j = html.find("</", j)) != std::string_view::npos) {
                    if (equals_lower(html.substr(j + 2, lower_name.size()), lower_name)) {
                        std::size_t close = html.find('>', j);
                        i = close == std::string_view::npos ? html.size() : close + 1;
                        found = true;
                        break;
                    }
                    j += 2;
                }
                if (!found) i = html.size();
                continue;
            }
            if (equals_lower(name, "br")) {
                text.line_break();
            } else if (is_paragraph(name)) {
                text.block_edge(2);
            } else if (is_block(name)) {
                text.block_edge(1);
            } else if (equals_lower(name, "td") || equals_lower(name, "th")) {
                text.text(' ');
            }
            continue;
        }
        if (c == '&') {
            std::string decoded;
            std::size_t used = decode_reference(html, i, decoded);
            if (used > 0) {
                // A no-break space reads as a space in plain text.
                text.text(decoded == "\xC2\xA0" ? std::string_view(" ") : std::string_view(decoded));
                i += used;
                continue;
            }
        }
        text.text(c);
        ++i;
    }
    return text.finish();
}

}  // namespace rapport::mail
