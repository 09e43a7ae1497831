#pragma once
// Tax and VAT identification numbers of companies and people: normalisation, validation
// and (for demo and test data) generation. Pure functions, no I/O.
//
// Full check-digit validation for the countries Rapport's first users work in:
//   IT  Partita IVA: 11 digits: the company number (7, not all zeros), the issuing office
//       (001-100, 120, 121, 888 or 999) and a Luhn check digit over the first 10.
//   ES  DNI (8 digits + letter, mod 23), NIE (X/Y/Z + 7 digits + letter), NIF of K/L/M
//       (letter + 7 digits + letter) and CIF (entity letter + 7 digits + control digit or
//       letter; which of the two depends on the entity letter).
//   PT  NIF/NIPC: 9 digits, mod-11 check digit, first digits from the assigned ranges.
//   GB  9 or 12 digits with the HMRC mod-97 check (both schemes), or GD/HA + 3 digits.
//   IE  7 digits + check letter (+ optional second letter), mod 23, and the old format.
// Format-only checks (VIES patterns) for the other EU countries, and no check at all for
// countries without rules (anything alphanumeric is accepted, marked Unchecked).
//
// The normalised form is the national number: upper case, without spaces, dots, dashes,
// slashes and without the VAT country prefix ("IT 007.431.101-57" -> "00743110157").
#include <cstdint>
#include <string>
#include <string_view>

#include "core/messages.hpp"

namespace rapport::domain {

enum class TaxIdStrength {
    CheckDigit,  // format and check digit verified
    Format,      // the shape is verified (VIES pattern), as the customers issue asks of the other EU
                 // countries; records show this strength so nobody takes it for a checked number
    Unchecked,   // no rules for the country: alphanumeric, stored as typed
};

struct TaxIdCheck {
    bool valid = false;
    std::string normalized;  // national form, also filled when invalid (to show what was checked)
    std::string kind;        // "Partita IVA", "CIF", "DNI", "NIE", "NIF", "VAT number", ...
    std::string reason;      // why it is invalid, phrased for the person who typed it; empty when valid
    std::string reason_key;  // the catalogue key of `reason` (src/domain/customers/messages.json), if it has one
    MessageArgs reason_args;
    TaxIdStrength strength = TaxIdStrength::Unchecked;
};

// Checks `raw` as a tax id of the country `country_iso2` (ISO 3166 alpha-2, any case;
// "GR" and "EL" both mean Greece). An optional VAT prefix of that country is accepted.
TaxIdCheck check_tax_id(std::string_view country_iso2, std::string_view raw);

// The VIES prefix of a country's VAT numbers: "IT" for IT, "EL" for GR; empty when the
// country has none that Rapport knows.
std::string vat_prefix(std::string_view country_iso2);

// Generators of valid ids for demo and test data. Deterministic: the same seed gives the
// same id, and different seeds below 1,000,000 give different ids (per generator and options).
std::string make_partita_iva(std::uint64_t seed);
// `entity` is the CIF entity letter (A sociedad anónima, B sociedad limitada, ...).
std::string make_spanish_cif(std::uint64_t seed, char entity = 'B');
std::string make_spanish_dni(std::uint64_t seed);
// `first_digit` 5 for companies (NIPC), 1-3 for people.
std::string make_portuguese_nif(std::uint64_t seed, int first_digit = 5);
std::string make_uk_vat(std::uint64_t seed);
std::string make_irish_vat(std::uint64_t seed);

}  // namespace rapport::domain
