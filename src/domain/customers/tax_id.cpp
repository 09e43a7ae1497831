#include "domain/customers/tax_id.hpp"

#include <algorithm>
#include <array>

namespace rapport::domain {

namespace {

// DNI/NIE/NIF control letters, indexed by the number mod 23 (Real Decreto 1553/2005).
constexpr std::string_view kDniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";
// A CIF's control letter for each control digit 0..9 (J stands for 0).
constexpr std::string_view kCifLetters = "JABCDEFGHI";
// Irish check letters, indexed by the weighted sum mod 23 (W stands for 0).
constexpr std::string_view kIrishLetters = "WABCDEFGHIJKLMNOPQRSTUV";

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
int digit_value(char c) {
    return c - '0';
}
char digit_char(int d) {
    return static_cast<char>('0' + d);
}

bool all_digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), is_digit);
}
bool all_alnum(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c) || is_upper(c); });
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

std::string zero_pad(std::uint64_t n, std::size_t width) {
    std::string s = std::to_string(n);
    if (s.size() < width) s.insert(0, width - s.size(), '0');
    return s;
}

// A bijection on [0, modulus) for moduli whose prime factors are 2, 3 and 5: multiplying by
// a number coprime with them permutes the residues, so sequential seeds give scattered,
// distinct numbers instead of 0000001, 0000002, ...
std::uint64_t scatter(std::uint64_t n, std::uint64_t modulus) {
    return ((n % modulus) * 7'919'063ULL + 1'234'567ULL) % modulus;
}

// ---------------------------------------------------------------------------------------
// Check digit algorithms

// Luhn over the digits of `body` (the number without its check digit): the digits in the
// 2nd, 4th, ... positions from the left are doubled (minus 9 when above 9), as the
// Agenzia delle Entrate defines the Partita IVA check digit on its 10 leading digits.
int luhn_left_check_digit(std::string_view body) {
    int sum = 0;
    for (std::size_t i = 0; i < body.size(); ++i) {
        int d = digit_value(body[i]);
        if (i % 2 == 1) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
    }
    return (10 - sum % 10) % 10;
}

// The CIF control digit over the 7 central digits: odd positions doubled (digits summed),
// even positions as they are; the complement to 10 of the units.
int cif_control_digit(std::string_view seven) {
    int sum = 0;
    for (std::size_t i = 0; i < seven.size(); ++i) {
        int d = digit_value(seven[i]);
        if (i % 2 == 0) {
            d *= 2;
            d = d / 10 + d % 10;
        }
        sum += d;
    }
    return (10 - sum % 10) % 10;
}

int portuguese_check_digit(std::string_view eight) {
    int sum = 0;
    for (std::size_t i = 0; i < 8; ++i) sum += digit_value(eight[i]) * static_cast<int>(9 - i);
    const int r = sum % 11;
    return r < 2 ? 0 : 11 - r;
}

// HMRC weighted sum of the first seven digits (weights 8..2).
int uk_weighted_sum(std::string_view seven) {
    int sum = 0;
    for (std::size_t i = 0; i < 7; ++i) sum += digit_value(seven[i]) * static_cast<int>(8 - i);
    return sum;
}

// Irish check letter over seven digits (weights 8..2) plus 9 x the value of the optional
// second letter (A=1 .. I=9, W=0).
char irish_check_letter(std::string_view seven, char second) {
    int sum = 0;
    for (std::size_t i = 0; i < 7; ++i) sum += digit_value(seven[i]) * static_cast<int>(8 - i);
    if (second != 0) sum += 9 * static_cast<int>(kIrishLetters.find(second));
    return kIrishLetters[static_cast<std::size_t>(sum % 23)];
}

// ---------------------------------------------------------------------------------------
// Country rules

TaxIdCheck ok(TaxIdCheck r, TaxIdStrength strength) {
    r.valid = true;
    r.reason.clear();
    r.strength = strength;
    return r;
}

// Invalid, with a reason from the message catalogue.
TaxIdCheck bad_msg(TaxIdCheck r, std::string key, MessageArgs args = {}) {
    r.valid = false;
    r.reason = messages::render(key, "en", args);
    r.reason_key = std::move(key);
    r.reason_args = std::move(args);
    return r;
}

TaxIdCheck check_italian(TaxIdCheck r) {
    r.kind = "Partita IVA";
    const std::string& n = r.normalized;
    r.strength = TaxIdStrength::CheckDigit;
    if (n.size() == 16 && all_alnum(n) && !all_digits(n)) {
        return bad_msg(r, "customers.tax_id_it_codice_fiscale");
    }
    if (!all_digits(n)) return bad_msg(r, "customers.tax_id_it_digits_only");
    if (n.size() != 11) return bad_msg(r, "customers.tax_id_it_length", {{"count", std::to_string(n.size())}});
    if (n.starts_with("0000000")) return bad_msg(r, "customers.tax_id_it_zero_company");
    // Digits 8-10 name the provincial office that issued the number.
    const std::string office = n.substr(7, 3);
    if (!((office >= "001" && office <= "100") || office == "120" || office == "121" || office == "888" ||
          office == "999")) {
        return bad_msg(r, "customers.tax_id_it_office", {{"office", office}});
    }
    const char expected = digit_char(luhn_left_check_digit(std::string_view(n).substr(0, 10)));
    if (n[10] != expected) {
        return bad_msg(r, "customers.tax_id_check_digit",
                       {{"expected", std::string(1, expected)}, {"got", std::string(1, n[10])}});
    }
    return ok(r, TaxIdStrength::CheckDigit);
}

TaxIdCheck check_dni_like(TaxIdCheck r, std::string_view digits, std::uint64_t number, char letter) {
    if (!all_digits(digits)) {
        return bad_msg(r, "customers.tax_id_es_inner_digits", {{"kind", r.kind}});
    }
    const char expected = kDniLetters[static_cast<std::size_t>(number % 23)];
    if (letter != expected) {
        return bad_msg(r, "customers.tax_id_es_letter",
                       {{"expected", std::string(1, expected)}, {"got", std::string(1, letter)}});
    }
    return ok(r, TaxIdStrength::CheckDigit);
}

std::uint64_t parse_digits(std::string_view s) {
    std::uint64_t n = 0;
    for (char c : s) n = n * 10 + static_cast<std::uint64_t>(digit_value(c));
    return n;
}

TaxIdCheck check_spanish(TaxIdCheck r) {
    const std::string& n = r.normalized;
    r.kind = "NIF";
    r.strength = TaxIdStrength::CheckDigit;
    if (!all_alnum(n)) return bad_msg(r, "customers.tax_id_es_alnum");
    if (n.size() != 9) {
        return bad_msg(
            r, n.size() == 8 && is_digit(n[0]) ? "customers.tax_id_es_length_dni" : "customers.tax_id_es_length",
            {{"count", std::to_string(n.size())}});
    }
    const char first = n[0];
    const std::string_view body = std::string_view(n).substr(1, 7);
    if (is_digit(first)) {
        r.kind = "DNI";
        const std::string_view digits = std::string_view(n).substr(0, 8);
        if (!all_digits(digits)) return bad_msg(r, "customers.tax_id_es_dni_shape");
        return check_dni_like(r, digits, parse_digits(digits), n[8]);
    }
    if (first == 'X' || first == 'Y' || first == 'Z') {
        r.kind = "NIE";
        if (!all_digits(body)) return bad_msg(r, "customers.tax_id_es_nie_shape");
        // X, Y and Z stand for a leading 0, 1 and 2.
        const std::uint64_t prefix = static_cast<std::uint64_t>(first - 'X');
        return check_dni_like(r, body, prefix * 10'000'000ULL + parse_digits(body), n[8]);
    }
    if (first == 'K' || first == 'L' || first == 'M') {
        if (!all_digits(body)) return bad_msg(r, "customers.tax_id_es_klm_shape");
        return check_dni_like(r, body, parse_digits(body), n[8]);
    }
    constexpr std::string_view kEntityLetters = "ABCDEFGHJNPQRSUVW";
    if (kEntityLetters.find(first) == std::string_view::npos) {
        return bad_msg(r, "customers.tax_id_es_first", {{"first", std::string(1, first)}});
    }
    r.kind = "CIF";
    if (!all_digits(body)) return bad_msg(r, "customers.tax_id_es_cif_shape");
    const int control = cif_control_digit(body);
    const char as_digit = digit_char(control);
    const char as_letter = kCifLetters[static_cast<std::size_t>(control)];
    const char got = n[8];
    // Orden EHA/451/2008: public bodies, religious institutions and non-residents (P, Q, R,
    // S, W, or province digits 00) carry a letter; companies A, B, E, H a digit; others either.
    const bool letter_required =
        std::string_view("PQRSW").find(first) != std::string_view::npos || (n[1] == '0' && n[2] == '0');
    const bool digit_required = !letter_required && std::string_view("ABEH").find(first) != std::string_view::npos;
    if (letter_required) {
        if (got == as_letter) return ok(r, TaxIdStrength::CheckDigit);
        if (got == as_digit) {
            return bad_msg(r, "customers.tax_id_es_cif_needs_letter",
                           {{"expected", std::string(1, as_letter)}, {"got", std::string(1, got)}});
        }
        return bad_msg(r, "customers.tax_id_es_control_letter",
                       {{"expected", std::string(1, as_letter)}, {"got", std::string(1, got)}});
    }
    if (digit_required) {
        if (got == as_digit) return ok(r, TaxIdStrength::CheckDigit);
        if (got == as_letter) {
            return bad_msg(r, "customers.tax_id_es_cif_needs_digit",
                           {{"first", std::string(1, first)},
                            {"expected", std::string(1, as_digit)},
                            {"got", std::string(1, got)}});
        }
        return bad_msg(r, "customers.tax_id_es_control_digit",
                       {{"expected", std::string(1, as_digit)}, {"got", std::string(1, got)}});
    }
    if (got == as_digit || got == as_letter) return ok(r, TaxIdStrength::CheckDigit);
    return bad_msg(
        r, "customers.tax_id_es_control_either",
        {{"digit", std::string(1, as_digit)}, {"letter", std::string(1, as_letter)}, {"got", std::string(1, got)}});
}

bool portuguese_range_ok(std::string_view n) {
    switch (n[0]) {
        case '1':
        case '2':
        case '3':
        case '5':
        case '6': return true;
        default: break;
    }
    constexpr std::array<std::string_view, 13> kTwoDigitRanges = {"45", "70", "71", "72", "74", "75", "77",
                                                                  "78", "79", "90", "91", "98", "99"};
    const std::string_view head = n.substr(0, 2);
    return std::find(kTwoDigitRanges.begin(), kTwoDigitRanges.end(), head) != kTwoDigitRanges.end();
}

TaxIdCheck check_portuguese(TaxIdCheck r) {
    r.kind = "NIF";
    r.strength = TaxIdStrength::CheckDigit;
    const std::string& n = r.normalized;
    if (!all_digits(n)) return bad_msg(r, "customers.tax_id_pt_digits_only");
    if (n.size() != 9) return bad_msg(r, "customers.tax_id_pt_length", {{"count", std::to_string(n.size())}});
    if (n[0] == '8') {
        return bad_msg(r, "customers.tax_id_pt_eight");
    }
    if (!portuguese_range_ok(n)) {
        return bad_msg(r, "customers.tax_id_pt_range", {{"start", n.substr(0, 2)}});
    }
    const char expected = digit_char(portuguese_check_digit(std::string_view(n).substr(0, 8)));
    if (n[8] != expected) {
        return bad_msg(r, "customers.tax_id_check_digit",
                       {{"expected", std::string(1, expected)}, {"got", std::string(1, n[8])}});
    }
    return ok(r, TaxIdStrength::CheckDigit);
}

TaxIdCheck check_uk(TaxIdCheck r) {
    r.kind = "VAT number";
    r.strength = TaxIdStrength::CheckDigit;
    const std::string& n = r.normalized;
    if (n.size() == 5 && (n.starts_with("GD") || n.starts_with("HA")) && all_digits(n.substr(2))) {
        // Government departments (GD000-GD499) and health authorities (HA500-HA999) have no check digits.
        const int number = static_cast<int>(parse_digits(n.substr(2)));
        if (n[0] == 'G' && number >= 500) return bad_msg(r, "customers.tax_id_gb_gd");
        if (n[0] == 'H' && number < 500) return bad_msg(r, "customers.tax_id_gb_ha");
        return ok(r, TaxIdStrength::Format);
    }
    if (!all_digits(n) || (n.size() != 9 && n.size() != 12)) {
        return bad_msg(r, "customers.tax_id_gb_length", {{"count", std::to_string(n.size())}});
    }
    const int total = uk_weighted_sum(n) + static_cast<int>(parse_digits(std::string_view(n).substr(7, 2)));
    // Two schemes: numbers issued before 2010 make the total a multiple of 97, later ones total + 55.
    if (total % 97 != 0 && (total + 55) % 97 != 0) {
        return bad_msg(r, "customers.tax_id_gb_check");
    }
    return ok(r, TaxIdStrength::CheckDigit);
}

TaxIdCheck check_irish(TaxIdCheck r) {
    r.kind = "VAT number";
    r.strength = TaxIdStrength::CheckDigit;
    const std::string& n = r.normalized;
    const std::string_view v = n;
    char expected = 0;
    char got = 0;
    if ((n.size() == 8 || n.size() == 9) && all_digits(v.substr(0, 7)) && is_upper(n[7])) {
        // 1234567T, or since 2013 1234567TW / 1234567TA..TI.
        char second = 0;
        if (n.size() == 9) {
            second = n[8];
            if (second != 'W' && (second < 'A' || second > 'I')) {
                return bad_msg(r, "customers.tax_id_ie_second_letter");
            }
        }
        expected = irish_check_letter(v.substr(0, 7), second);
        got = n[7];
    } else if (n.size() == 8 && is_digit(n[0]) && (is_upper(n[1]) || n[1] == '+' || n[1] == '*') &&
               all_digits(v.substr(2, 5)) && is_upper(n[7])) {
        // The old format 1A23456T: the check covers the digits as 0 + 23456 + 1.
        const std::string seven = std::string("0") + n.substr(2, 5) + n[0];
        expected = irish_check_letter(seven, 0);
        got = n[7];
    } else {
        return bad_msg(r, "customers.tax_id_ie_shape");
    }
    if (got != expected) {
        return bad_msg(r, "customers.tax_id_ie_check",
                       {{"expected", std::string(1, expected)}, {"got", std::string(1, got)}});
    }
    return ok(r, TaxIdStrength::CheckDigit);
}

// VIES shapes: 'd' a digit, 'l' a letter, 'a' a letter or digit, anything else itself.
struct VatFormat {
    std::string_view country;
    std::string_view prefix;
    std::string_view adjective;
    std::string_view patterns;  // alternatives separated by '|'
    std::string_view description;
};

constexpr std::array<VatFormat, 23> kVatFormats = {{
    {"AT", "AT", "Austrian", "Udddddddd", "U followed by 8 digits"},
    {"BE", "BE", "Belgian", "dddddddddd", "10 digits"},
    {"BG", "BG", "Bulgarian", "ddddddddd|dddddddddd", "9 or 10 digits"},
    {"CY", "CY", "Cypriot", "ddddddddl", "8 digits and a letter"},
    {"CZ", "CZ", "Czech", "dddddddd|ddddddddd|dddddddddd", "8 to 10 digits"},
    {"DE", "DE", "German", "ddddddddd", "9 digits"},
    {"DK", "DK", "Danish", "dddddddd", "8 digits"},
    {"EE", "EE", "Estonian", "ddddddddd", "9 digits"},
    {"GR", "EL", "Greek", "ddddddddd", "9 digits"},
    {"FI", "FI", "Finnish", "dddddddd", "8 digits"},
    {"FR", "FR", "French", "aaddddddddd", "2 letters or digits followed by the 9-digit SIREN"},
    {"HR", "HR", "Croatian", "ddddddddddd", "11 digits"},
    {"HU", "HU", "Hungarian", "dddddddd", "8 digits"},
    {"LT", "LT", "Lithuanian", "ddddddddd|dddddddddddd", "9 or 12 digits"},
    {"LU", "LU", "Luxembourg", "dddddddd", "8 digits"},
    {"LV", "LV", "Latvian", "ddddddddddd", "11 digits"},
    {"MT", "MT", "Maltese", "dddddddd", "8 digits"},
    {"NL", "NL", "Dutch", "dddddddddBdd", "9 digits, the letter B and 2 digits"},
    {"PL", "PL", "Polish", "dddddddddd", "10 digits"},
    {"RO", "RO", "Romanian", "dd|ddd|dddd|ddddd|dddddd|ddddddd|dddddddd|ddddddddd|dddddddddd", "2 to 10 digits"},
    {"SE", "SE", "Swedish", "dddddddddddd", "12 digits"},
    {"SI", "SI", "Slovenian", "dddddddd", "8 digits"},
    {"SK", "SK", "Slovak", "dddddddddd", "10 digits"},
}};

const VatFormat* find_format(std::string_view country) {
    if (country == "EL") country = "GR";
    for (const auto& f : kVatFormats) {
        if (f.country == country) return &f;
    }
    return nullptr;
}

bool matches(std::string_view pattern, std::string_view s) {
    if (pattern.size() != s.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char p = pattern[i];
        const char c = s[i];
        bool hit = p == c;
        if (p == 'd') hit = is_digit(c);
        if (p == 'l') hit = is_upper(c);
        if (p == 'a') hit = is_digit(c) || is_upper(c);
        if (!hit) return false;
    }
    return true;
}

bool matches_any(std::string_view patterns, std::string_view s) {
    while (!patterns.empty()) {
        const auto bar = patterns.find('|');
        if (matches(patterns.substr(0, bar), s)) return true;
        if (bar == std::string_view::npos) break;
        patterns.remove_prefix(bar + 1);
    }
    return false;
}

TaxIdCheck check_format(TaxIdCheck r, const VatFormat& f) {
    r.kind = "VAT number";
    r.strength = TaxIdStrength::Format;
    if (matches_any(f.patterns, r.normalized)) return ok(r, TaxIdStrength::Format);
    // "a German VAT number is 9 digits (...)": the country's name for it and its shape are
    // messages of their own, filled in the same language.
    const std::string country(f.country);
    return bad_msg(r, "customers.tax_id_eu_format",
                   {{"vat_key", "customers.vat_number_" + country},
                    {"shape_key", "customers.vat_shape_" + country},
                    {"prefix", std::string(f.prefix)}});
}

std::string normalize(std::string_view country, std::string_view raw) {
    std::string s;
    s.reserve(raw.size());
    for (char c : raw) {
        if (c == ' ' || c == '\t' || c == '.' || c == '-' || c == '/' || c == '\n' || c == '\r') continue;
        s.push_back(c);
    }
    s = upper(s);
    const std::string prefix = vat_prefix(country);
    std::string_view alt = country == "GR" || country == "EL" ? "GR" : "";
    // A French number may itself begin with the letters FR (its key), so there the prefix is
    // only recognised on the full 13-character form.
    const bool french_key_ambiguous = country == "FR" && s.size() == 11;
    if (!prefix.empty() && !french_key_ambiguous) {
        if (s.starts_with(prefix) || (!alt.empty() && s.starts_with(alt))) s.erase(0, 2);
    }
    return s;
}

}  // namespace

std::string vat_prefix(std::string_view country_iso2) {
    const std::string c = upper(country_iso2);
    if (c == "IT" || c == "ES" || c == "PT" || c == "GB" || c == "IE") return c;
    if (const auto* f = find_format(c)) return std::string(f->prefix);
    return {};
}

TaxIdCheck check_tax_id(std::string_view country_iso2, std::string_view raw) {
    const std::string country = upper(country_iso2);
    TaxIdCheck r;
    r.normalized = normalize(country, raw);
    if (r.normalized.empty()) {
        r.kind = "tax id";
        return bad_msg(r, "customers.tax_id_empty");
    }
    if (country == "IT") return check_italian(std::move(r));
    if (country == "ES") return check_spanish(std::move(r));
    if (country == "PT") return check_portuguese(std::move(r));
    if (country == "GB") return check_uk(std::move(r));
    if (country == "IE") return check_irish(std::move(r));
    if (const auto* f = find_format(country)) return check_format(std::move(r), *f);
    r.kind = "tax id";
    if (!all_alnum(r.normalized)) return bad_msg(r, "customers.tax_id_alnum");
    if (r.normalized.size() > 30) return bad_msg(r, "customers.tax_id_too_long", {{"max", "30"}});
    return ok(r, TaxIdStrength::Unchecked);
}

// ---------------------------------------------------------------------------------------
// Generators

std::string make_partita_iva(std::uint64_t seed) {
    const std::uint64_t low = seed % 10'000'000ULL;
    const std::uint64_t high = seed / 10'000'000ULL;
    // 7-digit company number, then the 3-digit provincial office code (001-100). The one seed
    // whose company number scatters to 0000000 (not allowed) gets office 888, used by no other.
    const std::uint64_t company = scatter(low, 10'000'000ULL);
    const std::uint64_t office = company == 0 ? 888 : (high + low * 37) % 100 + 1;
    std::string n = zero_pad(company == 0 ? 1 : company, 7) + zero_pad(office, 3);
    n.push_back(digit_char(luhn_left_check_digit(n)));
    return n;
}

std::string make_spanish_cif(std::uint64_t seed, char entity) {
    constexpr std::string_view kEntityLetters = "ABCDEFGHJNPQRSUVW";
    if (entity >= 'a' && entity <= 'z') entity = static_cast<char>(entity - 'a' + 'A');
    if (kEntityLetters.find(entity) == std::string_view::npos) entity = 'B';
    const std::uint64_t low = seed % 100'000ULL;
    const std::uint64_t high = seed / 100'000ULL;
    // Province code 01-99 (00 would mark a non-resident), then the 5-digit registry number.
    const std::string seven = zero_pad((high + low * 13) % 99 + 1, 2) + zero_pad(scatter(low, 100'000ULL), 5);
    const int control = cif_control_digit(seven);
    const bool letter = std::string_view("PQRSW").find(entity) != std::string_view::npos;
    std::string n(1, entity);
    n += seven;
    n.push_back(letter ? kCifLetters[static_cast<std::size_t>(control)] : digit_char(control));
    return n;
}

std::string make_spanish_dni(std::uint64_t seed) {
    const std::uint64_t number = scatter(seed, 100'000'000ULL);
    return zero_pad(number, 8) + kDniLetters[static_cast<std::size_t>(number % 23)];
}

std::string make_portuguese_nif(std::uint64_t seed, int first_digit) {
    if (first_digit != 1 && first_digit != 2 && first_digit != 3 && first_digit != 5 && first_digit != 6) {
        first_digit = 5;
    }
    std::string n = std::string(1, digit_char(first_digit)) + zero_pad(scatter(seed, 10'000'000ULL), 7);
    n.push_back(digit_char(portuguese_check_digit(n)));
    return n;
}

std::string make_uk_vat(std::uint64_t seed) {
    // First digit 1-9, as issued numbers have.
    const std::uint64_t body = 1'000'000ULL + scatter(seed, 9'000'000ULL);
    const std::string seven = std::to_string(body);
    // The pre-2010 scheme: the check digits bring the weighted sum to a multiple of 97.
    const int check = 97 - uk_weighted_sum(seven) % 97;
    return seven + zero_pad(static_cast<std::uint64_t>(check), 2);
}

std::string make_irish_vat(std::uint64_t seed) {
    const std::string seven = zero_pad(scatter(seed, 10'000'000ULL), 7);
    return seven + irish_check_letter(seven, 0);
}

}  // namespace rapport::domain
