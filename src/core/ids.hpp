#pragma once
// Record ids: 63-bit, time-ordered (milliseconds in the high bits, randomness below), so
// ids sort by creation time, which gives cursor pagination a stable order for free,
// and need no database sequence (Citus-friendly: any node can mint them).
// Exposed to JSON clients as decimal strings, because JavaScript numbers stop at 2^53.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rapport {

using Id = std::int64_t;

// Thread-safe. Ids minted by one process are strictly increasing.
Id new_id();

std::string id_to_string(Id id);
std::optional<Id> parse_id(std::string_view text);

}  // namespace rapport
