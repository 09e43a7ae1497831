#pragma once
// Where a fact about a customer came from, and which kind of data it is (the "Data" block
// of the CRM Model Canvas). Every field value keeps the Source of its last write.
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace rapport::domain::customers {

enum class SourceKind { Manual, Import, Api, Connector, Merge, System };
enum class DataKind { ZeroParty, FirstParty, SecondParty, ThirdParty };

std::string_view to_string(SourceKind kind);
std::optional<SourceKind> parse_source_kind(std::string_view text);
std::string_view to_string(DataKind kind);
std::optional<DataKind> parse_data_kind(std::string_view text);

struct Source {
    SourceKind kind = SourceKind::Manual;
    std::string ref;  // "user:<id>", "import:<file>", "api_key:<id>", "connector:<name>"
    DataKind data_kind = DataKind::FirstParty;
};

struct FieldProvenance {
    std::string field;
    Source source;
    UnixMillis recorded_at = 0;
};

}  // namespace rapport::domain::customers
