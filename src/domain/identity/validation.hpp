#pragma once
// Input rules for identity data, shared by the API, the CLI and the demo loader.
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace rapport::domain {

// Trims and lower-cases; returns nullopt unless it looks like one deliverable address.
std::optional<std::string> normalize_email(std::string_view email);

// nullopt when acceptable, otherwise the reason, phrased for the person choosing it.
std::optional<Message> password_problem(std::string_view password);

// "Acme Italia S.p.A." -> "acme-italia-s-p-a"; empty when nothing usable remains.
std::string slugify(std::string_view name);

constexpr std::size_t kMinPasswordLength = 10;

}  // namespace rapport::domain
