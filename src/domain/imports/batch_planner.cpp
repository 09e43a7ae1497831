#include "domain/imports/batch_planner.hpp"

#include <algorithm>
#include <functional>
#include <set>

namespace rapport::domain::imports {

using customers::CustomerInput;
using customers::CustomerRecord;
using customers::EntityType;
using customers::RecordWrite;
using nlohmann::json;

namespace {

std::string what(EntityType type) {
    return type == EntityType::Company ? "company" : "person";
}

}  // namespace

BatchPlanner::BatchPlanner(PlannerCustomers& customers, const Principal& actor, const ImportJob& job,
                           const ImportMapping& mapping, const customers::WriteContext& context, bool simulate)
    : customers_(customers), actor_(actor), job_(job), mapping_(mapping), context_(context), simulate_(simulate) {
    source_.kind = customers::SourceKind::Import;
    source_.ref = "import:" + id_to_string(job.import_id) + ":" + job.filename;
    source_.data_kind = mapping.data_kind;
}

void BatchPlanner::count_keys(const std::vector<CsvRecord>& records) {
    counted_ = true;
    for (const auto& record : records) {
        if (shape_problem(record)) continue;
        for (const auto& key : input_keys(row_input(record.fields, mapping_))) ++key_counts_[hash(key)];
    }
}

void BatchPlanner::forget_committed(std::uint64_t sequence) {
    for (auto it = inflight_.begin(); it != inflight_.end();) {
        if (it->second.sequence > sequence) {
            ++it;
            continue;
        }
        forget_keys(it->first, it->second.record);
        it = inflight_.erase(it);
    }
}

Result<PlannedBatch> BatchPlanner::plan(const std::vector<CsvRecord>& records, std::uint64_t sequence) {
    PlannedBatch out;
    struct Row {
        const CsvRecord* record;
        CustomerInput input;
        std::vector<Key> keys;
    };
    std::vector<Row> rows;
    rows.reserve(records.size());
    for (const auto& record : records) {
        if (auto problem = shape_problem(record)) {
            out.rejected.push_back(rejected(record, {{"", "", *problem}}));
            continue;
        }
        Row row{&record, row_input(record.fields, mapping_), {}};
        row.keys = input_keys(row.input);
        rows.push_back(std::move(row));
    }

    // One IN look-up per key field for the whole batch.
    std::map<Key, Id> stored_keys;
    std::map<Id, CustomerRecord> stored;
    for (const auto& field : mapping_.match_on) {
        std::set<std::string> values;
        for (const auto& row : rows) {
            for (const auto& key : row.keys) {
                if (key.first == field) values.insert(key.second);
            }
        }
        if (values.empty()) continue;
        auto found = RAPPORT_TRY(customers_.find_by_field(actor_, job_.entity_type, field,
                                                          std::vector<std::string>(values.begin(), values.end())));
        for (auto& record : found) {
            // A record that a batch in flight changed has the keys it will have then.
            const auto flying = inflight_.find(record.id);
            for (const auto& key : record_keys(flying != inflight_.end() ? flying->second.record : record)) {
                if (key.first != field) continue;
                // Two stored records with one key: the oldest is the one rows update.
                auto [it, inserted] = stored_keys.emplace(key, record.id);
                if (!inserted && record.id < it->second) it->second = record.id;
            }
            const Id id = record.id;
            stored.emplace(id, std::move(record));
        }
    }

    struct Pending {
        RecordWrite write;
        bool insert = false;
    };
    std::vector<Pending> pending;
    std::map<Id, std::size_t> pending_of;
    std::map<Key, Id> batch_keys;
    for (auto& row : rows) {
        std::optional<Id> target;
        std::string matched_on;
        for (const auto& key : row.keys) {
            if (auto it = batch_keys.find(key); it != batch_keys.end()) {
                target = it->second;
            } else if (auto sim = simulated_keys_.find(key); sim != simulated_keys_.end()) {
                target = sim->second;
            } else if (auto fly = inflight_keys_.find(key); fly != inflight_keys_.end()) {
                target = fly->second;
            } else if (auto db = stored_keys.find(key); db != stored_keys.end()) {
                target = db->second;
            }
            if (target) {
                matched_on = key.first;
                break;
            }
        }
        Result<RecordWrite> write = fail(Error::internal("not planned"));
        const auto pending_it = target ? pending_of.find(*target) : pending_of.end();
        if (target) {
            CustomerRecord current;
            if (pending_it != pending_of.end()) {
                current = pending[pending_it->second].write.record;
            } else if (auto sim = simulated_.find(*target); sim != simulated_.end()) {
                current = decode(sim->second);
            } else if (auto fly = inflight_.find(*target); fly != inflight_.end()) {
                current = fly->second.record;
            } else {
                current = stored.at(*target);
            }
            fill_default_country(row.input, mapping_, &current);
            // Tags in a file add to the record's tags; an import never removes data.
            if (row.input.tags) {
                std::set<std::string> tags(current.tags.begin(), current.tags.end());
                tags.insert(row.input.tags->begin(), row.input.tags->end());
                row.input.tags = std::vector<std::string>(tags.begin(), tags.end());
            }
            write = customers_.prepare_update(actor_, context_, std::move(current), row.input, source_);
            if (!write && (write.error().code == ErrorCode::NotFound || write.error().code == ErrorCode::Forbidden)) {
                out.rejected.push_back(
                    rejected(*row.record, {{matched_on, column_of(matched_on),
                                            "matches an existing " + what(job_.entity_type) + " (by " + matched_on +
                                                ") that you are not allowed to change"}}));
                continue;
            }
        } else {
            fill_default_country(row.input, mapping_, nullptr);
            write = customers_.prepare_create(actor_, context_, job_.entity_type, row.input, source_);
        }
        if (!write) {
            const auto code = write.error().code;
            if (code != ErrorCode::Validation && code != ErrorCode::Forbidden) return fail(write.error());
            out.rejected.push_back(rejected(*row.record, row_errors(write.error(), mapping_)));
            continue;
        }
        if (!write->raised_flags.empty() || !write->ignored_values.empty()) {
            std::vector<RowError> flags;
            for (const auto& f : write->raised_flags) flags.push_back({f.field, column_of(f.field), f.rule});
            for (const auto& f : write->ignored_values) {
                flags.push_back({f.field, column_of(f.field),
                                 f.rule + "; ignored, not stored: the " + what(job_.entity_type) +
                                     " already has a valid " + f.field + ", which is kept"});
            }
            out.flagged.push_back(rejected(*row.record, std::move(flags)));
        }
        const Id id = write->record.id;
        if (!target) {
            ++out.created;
            pending_of[id] = pending.size();
            pending.push_back({std::move(*write), true});
        } else if (pending_it != pending_of.end()) {
            // A second row for a record of this batch: one write with both rows' changes.
            auto& p = pending[pending_it->second].write;
            ++(write->changes.empty() ? out.unchanged : out.updated);
            p.record = std::move(write->record);
            p.changes.insert(p.changes.end(), write->changes.begin(), write->changes.end());
            p.at = write->at;
        } else if (write->changes.empty()) {
            ++out.unchanged;
            continue;
        } else {
            ++out.updated;
            pending_of[id] = pending.size();
            pending.push_back({std::move(*write), false});
        }
        for (const auto& key : record_keys(pending[pending_of[id]].write.record)) batch_keys[key] = id;
    }

    for (auto& p : pending) {
        if (simulate_) remember(p.write.record);
        if (sequence > 0) fly(p.write.record, sequence);
        (p.insert ? out.inserts : out.updates).push_back(std::move(p.write));
    }
    std::sort(out.rejected.begin(), out.rejected.end(),
              [](const RejectedRow& a, const RejectedRow& b) { return a.row < b.row; });
    std::sort(out.flagged.begin(), out.flagged.end(),
              [](const RejectedRow& a, const RejectedRow& b) { return a.row < b.row; });
    return out;
}

// Why a record cannot be read as a row at all, before any field is looked at.
std::optional<std::string> BatchPlanner::shape_problem(const CsvRecord& record) const {
    if (!record.ok()) return record.message;
    if (mapping_.lenient) return std::nullopt;
    if (record.lenient) {
        return std::string(
            "a quote inside a field that does not start with one was kept as text; check the row, or import "
            "with \"lenient\": true");
    }
    const std::size_t width = job_.header.size();
    if (record.fields.size() < width) {
        return "the row has " + std::to_string(record.fields.size()) + " fields but the header has " +
               std::to_string(width) + "; a delimiter or a quote is probably missing";
    }
    for (std::size_t i = width; i < record.fields.size(); ++i) {
        // Empty trailing fields (a delimiter at the end of each line) are harmless.
        if (!record.fields[i].empty()) {
            return "the row has " + std::to_string(record.fields.size()) + " fields but the header has " +
                   std::to_string(width) + "; a value probably contains an unquoted delimiter";
        }
    }
    return std::nullopt;
}

RejectedRow BatchPlanner::rejected(const CsvRecord& record, std::vector<RowError> errors) const {
    return {static_cast<std::int64_t>(record.number) - 1, static_cast<std::int64_t>(record.line), record.fields,
            std::move(errors)};
}

std::string BatchPlanner::column_of(const std::string& field) const {
    for (const auto& c : mapping_.columns) {
        if (c.target == field) return c.header;
    }
    return "";
}

// The row's upsert keys in match_on order, normalised as they are stored (an email in
// lower case, a VAT number in its national form) by the field's own normaliser.
std::vector<BatchPlanner::Key> BatchPlanner::input_keys(const CustomerInput& input) const {
    std::vector<Key> keys;
    customers::NormalizeContext context;
    if (const auto text = row_country(input, mapping_)) {
        const auto* def = customers::find_field(job_.entity_type, "country");
        auto country = customers::normalize_value(*def, *text, context);
        if (country && country->is_string()) context.country = country->get<std::string>();
    }
    for (const auto& field : mapping_.match_on) {
        if (!input.fields.contains(field)) continue;
        const auto* def = customers::find_field(job_.entity_type, field);
        if (!def) continue;
        auto value = customers::normalize_value(*def, input.fields[field], context);
        if (value && value->is_string()) keys.emplace_back(field, value->get<std::string>());
    }
    return keys;
}

std::vector<BatchPlanner::Key> BatchPlanner::record_keys(const CustomerRecord& record) const {
    std::vector<Key> keys;
    for (const auto& field : mapping_.match_on) {
        if (!record.fields.contains(field) || !record.fields[field].is_string()) continue;
        // A flagged value is raw text that failed validation: never a key.
        if (customers::find_flag(record.flags, field)) continue;
        auto value = record.fields[field].get<std::string>();
        if (!value.empty()) keys.emplace_back(field, std::move(value));
    }
    return keys;
}

// A record written by the batch `sequence`, in flight until that batch is committed.
void BatchPlanner::fly(const CustomerRecord& record, std::uint64_t sequence) {
    if (auto it = inflight_.find(record.id); it != inflight_.end()) forget_keys(record.id, it->second.record);
    for (auto& key : record_keys(record)) inflight_keys_[std::move(key)] = record.id;
    inflight_[record.id] = {sequence, record};
}

void BatchPlanner::forget_keys(Id id, const CustomerRecord& record) {
    for (const auto& key : record_keys(record)) {
        if (auto it = inflight_keys_.find(key); it != inflight_keys_.end() && it->second == id) {
            inflight_keys_.erase(it);
        }
    }
}

std::uint64_t BatchPlanner::hash(const Key& key) {
    return std::hash<std::string>{}(key.first + '\0' + key.second);
}

// Dry run: what an earlier batch would have left, kept compactly as JSON text, for the
// records a later row can find (a key that occurs again in the file). Two rows that reach
// one stored record through different keys are the exception: the later one is checked
// against the record as stored.
void BatchPlanner::remember(const CustomerRecord& record) {
    const auto keys = record_keys(record);
    const bool met_again = std::any_of(keys.begin(), keys.end(), [&](const Key& key) {
        auto it = key_counts_.find(hash(key));
        return !counted_ || (it != key_counts_.end() && it->second > 1);
    });
    if (!met_again) return;
    json doc = {{"fields", record.fields},
                {"custom", record.custom},
                {"tags", record.tags},
                {"created_at", record.created_at},
                {"updated_at", record.updated_at}};
    if (record.owner_user_id) doc["owner"] = *record.owner_user_id;
    if (record.team_id) doc["team"] = *record.team_id;
    if (!record.flags.empty()) {
        json flags = json::array();
        for (const auto& f : record.flags) flags.push_back({f.field, f.rule, f.value});
        doc["flags"] = std::move(flags);
    }
    simulated_[record.id] = doc.dump();
    for (const auto& key : keys) simulated_keys_[key] = record.id;
}

CustomerRecord BatchPlanner::decode(const std::string& text) const {
    const auto doc = json::parse(text);
    CustomerRecord r;
    r.type = job_.entity_type;
    r.workspace_id = job_.workspace_id;
    r.fields = doc["fields"];
    r.custom = doc["custom"];
    r.tags = doc["tags"].get<std::vector<std::string>>();
    if (doc.contains("owner")) r.owner_user_id = doc["owner"].get<Id>();
    if (doc.contains("team")) r.team_id = doc["team"].get<Id>();
    r.created_at = doc["created_at"].get<UnixMillis>();
    r.updated_at = doc["updated_at"].get<UnixMillis>();
    if (doc.contains("flags")) {
        for (const auto& f : doc["flags"]) {
            customers::FieldFlag flag;
            flag.field = f[0].get<std::string>();
            flag.rule = f[1].get<std::string>();
            flag.value = f[2].get<std::string>();
            r.flags.push_back(std::move(flag));
        }
    }
    return r;
}

}  // namespace rapport::domain::imports
