#include "domain/privacy/privacy_service.hpp"

#include "domain/audit/audit_of.hpp"
#include "domain/identity/principals.hpp"

namespace rapport::domain::privacy {

using customers::EntityType;
using nlohmann::json;

AuditEntry PrivacyService::audit(const Principal& actor, std::string action, Id person_id,
                                 const std::string& ip) const {
    return audit_of(actor, clock_.now_ms(), std::move(action), "person", id_to_string(person_id), ip);
}

Result<json> PrivacyService::export_person(const Principal& actor, Id person_id, const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "privacy.action_exporting"));
    auto view = RAPPORT_TRY(customers_.get(actor, EntityType::Person, person_id));
    json doc;
    doc["person"] = {{"id", id_to_string(view.record.id)},   {"fields", view.record.fields},
                     {"custom", view.record.custom},         {"tags", view.record.tags},
                     {"created_at", view.record.created_at}, {"updated_at", view.record.updated_at}};
    json provenance = json::object();
    for (const auto& p : view.provenance) {
        provenance[p.field] = {{"source", to_string(p.source.kind)},
                               {"ref", p.source.ref},
                               {"data_kind", to_string(p.source.data_kind)},
                               {"recorded_at", p.recorded_at}};
    }
    doc["provenance"] = provenance;
    doc["affiliations"] = RAPPORT_TRY(repo_.affiliations_of(actor.workspace_id, person_id));
    json history = json::array();
    PageRequest page;
    page.limit = 500;
    while (true) {  // every change ever recorded, page by page
        auto h = RAPPORT_TRY(customers_.history(actor, EntityType::Person, person_id, page));
        for (const auto& e : h.items) {
            history.push_back({{"field", e.field},
                               {"old_value", e.old_value ? json(*e.old_value) : json(nullptr)},
                               {"new_value", e.new_value ? json(*e.new_value) : json(nullptr)},
                               {"changed_at", e.changed_at},
                               {"source", to_string(e.source.kind)},
                               {"source_ref", e.source.ref}});
        }
        if (!h.next_cursor) break;
        page.after = parse_id(*h.next_cursor);
    }
    doc["history"] = history;
    json interactions = json::array();
    std::optional<timeline::TimelineCursor> before;
    while (true) {
        auto t = RAPPORT_TRY(timeline_.timeline(actor, EntityType::Person, person_id, before, 500));
        for (const auto& i : t.items) {
            interactions.push_back({{"kind", to_string(i.kind)},
                                    {"subject", i.subject},
                                    {"body", i.body},
                                    {"channel", i.channel ? json(to_string(*i.channel)) : json(nullptr)},
                                    {"direction", i.direction ? json(to_string(*i.direction)) : json(nullptr)},
                                    {"occurred_at", i.occurred_at}});
        }
        if (!t.next) break;
        before = t.next;
    }
    doc["interactions"] = interactions;
    doc["exported_at"] = clock_.now_ms();
    RAPPORT_CHECK(repo_.record_access_export(audit(actor, "person.data_exported", person_id, ip)));
    return doc;
}

Status PrivacyService::erase_person(const Principal& actor, Id person_id, const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Admin, "privacy.action_erasing"));
    RAPPORT_CHECK(customers_.ensure_readable(actor, EntityType::Person, person_id));
    std::vector<std::string> columns, fields;
    for (const auto& f : customers::person_fields()) {
        if (!f.personal) continue;
        fields.push_back(f.name);
        if (f.name != "first_name" && f.name != "last_name") columns.push_back(f.column);
    }
    return repo_.erase_person(actor.workspace_id, person_id, columns, fields, clock_.now_ms(),
                              audit(actor, "person.erased", person_id, ip));
}

}  // namespace rapport::domain::privacy
