#pragma once
// Cursor pagination shared by every list: items in a stable order (ascending id) and the
// cursor to pass for the next page, absent on the last page.
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"

namespace rapport::domain {

struct PageRequest {
    int limit = 50;
    std::optional<Id> after;  // decoded cursor: return items with id > after
};

template <class T>
struct Page {
    std::vector<T> items;
    std::optional<std::string> next_cursor;
};

}  // namespace rapport::domain
