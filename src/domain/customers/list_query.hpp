#pragma once
// What a list of companies or people can ask for: a filter in the JSON filter language
// (domain/filters), a sort on any sortable field, keyset paging and field selection.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "domain/customers/custom_field.hpp"
#include "domain/filters/filter.hpp"

namespace rapport::domain::customers {

// The filter catalog of an entity type: built-in fields, created_at/updated_at, tags,
// owner_user_id, team_id, and the workspace's custom fields as "custom.<key>".
filters::FieldCatalog filter_catalog(EntityType type, const std::vector<CustomFieldDef>& custom);

// Built-in fields a list can sort on (custom fields and tags cannot: no index serves them).
bool sortable(EntityType type, std::string_view field);

struct ListRequest {
    nlohmann::json filter;  // null: everything
    // Quick search (?q=): every word must begin a name word or the email (quick_search.hpp);
    // combines with the filter. Empty: no quick search.
    std::string q;
    std::vector<Id> ids = {};  // only these records (empty: no such restriction)
    std::string sort;          // empty: by id (creation order)
    bool descending = false;
    int limit = 50;
    std::optional<std::string> cursor;       // opaque, from the previous page
    std::vector<FieldError> request_errors;  // found while reading the request; reported with the rest
    // Only the explicit members of this static segment (segments hold their members in
    // segment_members); the filter and permissions still apply on top.
    std::optional<Id> member_of;
    // The record fields a list answer keeps (built-in names or custom.<key>; empty: all).
    // Checked with the rest, so a misspelt name is a 422, never silently dropped.
    std::vector<std::string> fields = {};
};

// A keyset position: the sort value of the last row and its id.
struct SortCursor {
    std::string value;  // the sort column's value as text ("" for null)
    Id id = 0;
};
std::string encode_cursor(const SortCursor& c);
std::optional<SortCursor> decode_cursor(std::string_view text);

}  // namespace rapport::domain::customers
