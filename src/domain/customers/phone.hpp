#pragma once
// Phone numbers normalised to E.164 with libphonenumber.
#include <optional>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "core/error.hpp"

namespace rapport::domain::customers {

// "+39 02 1234 5678", "02 12345678" with default region "IT", "0039..." -> "+390212345678".
// Fails with a reason (src/domain/customers/messages.json) when the number is not a possible
// number of its region.
tl::expected<std::string, Message> to_e164(std::string_view raw, std::optional<std::string_view> default_region);

}  // namespace rapport::domain::customers
