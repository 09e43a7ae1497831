#include "storage/timeline/interaction_row.hpp"

namespace rapport::storage {

using namespace rapport::domain::timeline;

std::string interaction_columns(const std::string& alias) {
    static constexpr const char* kColumns[kInteractionColumnCount] = {"workspace_id",
                                                                      "interaction_id",
                                                                      "kind",
                                                                      "person_id",
                                                                      "company_id",
                                                                      "subject",
                                                                      "body",
                                                                      "channel",
                                                                      "direction",
                                                                      "relationship_type",
                                                                      "minutes_spent",
                                                                      "occurred_at",
                                                                      "due_at",
                                                                      "assignee_user_id",
                                                                      "completed_at",
                                                                      "created_by_user_id",
                                                                      "created_at",
                                                                      "assigned_at",
                                                                      "assigned_by_user_id"};
    std::string out;
    for (const char* column : kColumns) {
        if (!out.empty()) out += ", ";
        if (!alias.empty()) out += alias + ".";
        out += column;
    }
    return out;
}

Interaction interaction_from_row(const Row& row, std::size_t first) {
    auto r = [&row, first](std::size_t i) -> const Value& { return row[first + i]; };
    Interaction i;
    i.workspace_id = as_int(r(0));
    i.interaction_id = as_int(r(1));
    i.kind = parse_interaction_kind(as_text(r(2))).value_or(InteractionKind::Note);
    i.person_id = as_opt_int(r(3));
    i.company_id = as_opt_int(r(4));
    i.subject = as_text(r(5));
    i.body = as_text(r(6));
    if (auto s = as_opt_text(r(7))) i.channel = parse_channel(*s);
    if (auto s = as_opt_text(r(8))) i.direction = parse_direction(*s);
    if (auto s = as_opt_text(r(9))) i.relationship_type = parse_relationship_type(*s);
    i.minutes_spent = as_int(r(10));
    i.occurred_at = as_int(r(11));
    i.due_at = as_opt_int(r(12));
    i.assignee_user_id = as_opt_int(r(13));
    i.completed_at = as_opt_int(r(14));
    i.created_by_user_id = as_opt_int(r(15));
    i.created_at = as_int(r(16));
    i.assigned_at = as_opt_int(r(17));
    i.assigned_by_user_id = as_opt_int(r(18));
    return i;
}

}  // namespace rapport::storage
