#pragma once
// The coded values of a company's `industry`: a short list of stable codes, with their names
// in the four served languages so that an import (or an API client) may give a name instead
// of the code. The web app shows each code by its name in the reader's language
// (web/src/features/customers/i18n, `codes.industry.<code>`).
//
// Text that is neither a code nor a known name is kept as written (industry was free text
// before it had codes): old values stay readable and an import never fails on this field.
// Pure data and functions; thread-safe.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::domain::customers {

struct Industry {
    std::string_view code;  // "manufacturing"
    std::string_view en, it, es, pt;
};

const std::vector<Industry>& industries();
std::vector<std::string> industry_codes();

// The code that `text` is or names, in any language, ignoring case and accents
// ("Manufatturiero" -> "manufacturing"); none for other text.
std::optional<std::string> industry_code(std::string_view text);

}  // namespace rapport::domain::customers
