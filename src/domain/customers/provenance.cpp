#include "domain/customers/provenance.hpp"

#include <array>
#include <utility>

namespace rapport::domain::customers {

namespace {
constexpr std::array<std::pair<SourceKind, std::string_view>, 6> kSources = {{{SourceKind::Manual, "manual"},
                                                                              {SourceKind::Import, "import"},
                                                                              {SourceKind::Api, "api"},
                                                                              {SourceKind::Connector, "connector"},
                                                                              {SourceKind::Merge, "merge"},
                                                                              {SourceKind::System, "system"}}};
constexpr std::array<std::pair<DataKind, std::string_view>, 4> kKinds = {{{DataKind::ZeroParty, "zero_party"},
                                                                          {DataKind::FirstParty, "first_party"},
                                                                          {DataKind::SecondParty, "second_party"},
                                                                          {DataKind::ThirdParty, "third_party"}}};
}  // namespace

std::string_view to_string(SourceKind kind) {
    for (const auto& [k, s] : kSources) {
        if (k == kind) return s;
    }
    return "manual";
}
std::optional<SourceKind> parse_source_kind(std::string_view text) {
    for (const auto& [k, s] : kSources) {
        if (s == text) return k;
    }
    return std::nullopt;
}
std::string_view to_string(DataKind kind) {
    for (const auto& [k, s] : kKinds) {
        if (k == kind) return s;
    }
    return "first_party";
}
std::optional<DataKind> parse_data_kind(std::string_view text) {
    for (const auto& [k, s] : kKinds) {
        if (s == text) return k;
    }
    return std::nullopt;
}

}  // namespace rapport::domain::customers
