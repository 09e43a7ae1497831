#include "domain/imports/import_service.hpp"

#include <algorithm>
#include <exception>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/bounded_queue.hpp"
#include "domain/imports/csv_reader.hpp"
#include "domain/imports/csv_sniffer.hpp"
#include "domain/imports/encoding.hpp"

namespace rapport::domain::imports {

using customers::CustomerInput;
using customers::CustomerRecord;
using customers::EntityType;
using customers::RecordWrite;
using nlohmann::json;

namespace {

constexpr std::size_t kFeedChunk = 64 * 1024;

std::string what(EntityType type) {
    return type == EntityType::Company ? "company" : "person";
}
std::string what_plural(EntityType type) {
    return type == EntityType::Company ? "companies" : "people";
}

// Keeps the last path component, without control characters, within `max` bytes (cut at a
// character boundary); "import.csv" when nothing is left.
std::string clean_filename(std::string_view name, std::size_t max) {
    if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    std::string out;
    for (unsigned char c : name) {
        if (c >= 0x20 && c != 0x7F) out += static_cast<char>(c);
    }
    if (out.size() > max) {
        std::size_t cut = max;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
    }
    if (out.find_first_not_of(" .") == std::string::npos) return "import.csv";
    return out;
}

// Feeds a stored (UTF-8) file to a CsvReader in chunks, so the reader never holds a second
// copy of the whole file.
class RowSource {
public:
    RowSource(std::string_view content, char delimiter) : content_(content), reader_({delimiter, Encoding::Utf8}) {}

    bool next(CsvRecord& out) {
        while (!reader_.next(out)) {
            if (pos_ < content_.size()) {
                const std::size_t n = std::min(kFeedChunk, content_.size() - pos_);
                reader_.feed(content_.substr(pos_, n));
                pos_ += n;
            } else if (!finished_) {
                reader_.finish();
                finished_ = true;
            } else {
                return false;
            }
        }
        return true;
    }

private:
    std::string_view content_;
    CsvReader reader_;
    std::size_t pos_ = 0;
    bool finished_ = false;
};

// The next batch of data rows after `rows_done` (record 1 is the header). Empty at the end.
void next_batch(RowSource& source, std::int64_t rows_done, std::size_t size, std::vector<CsvRecord>& batch) {
    batch.clear();
    CsvRecord record;
    while (batch.size() < size && source.next(record)) {
        if (record.number <= 1) continue;
        if (static_cast<std::int64_t>(record.number) - 1 <= rows_done) continue;
        batch.push_back(std::move(record));
    }
}

std::string csv_field(std::string_view text, char delimiter) {
    const bool quote = text.find_first_of(std::string{delimiter, '"', '\r', '\n'}) != std::string_view::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string interrupted_message(std::int64_t rows_done, std::int64_t rows_total, std::string_view cause) {
    return "interrupted after row " + std::to_string(rows_done) + " of " + std::to_string(rows_total) + ": " +
           std::string(cause) + "; start the import again to resume from row " + std::to_string(rows_done + 1) +
           " (rows already imported are kept and are not imported twice)";
}

// What one batch of rows does: the writes, the rejected rows and the counts.
struct PlannedBatch {
    std::vector<RecordWrite> inserts;
    std::vector<RecordWrite> updates;
    std::vector<RejectedRow> rejected;
    std::vector<RejectedRow> flagged;  // rows written with flagged values (counted below as well)
    std::int64_t created = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
};

// Turns batches of CSV records into writes, through the customers service's validation.
// The import commits each planned batch before planning the next, so look-ups see earlier
// batches in the database; a dry run commits nothing, so with `simulate` the planner keeps
// the records earlier batches would have written (those with an upsert key) and lets later
// batches find them, which keeps the dry run's counts and checks exact.
//
// An import plans the next batch while the previous one commits (ImportService::run_batches),
// so the batches planned but not yet known to be committed are "in flight": the planner keeps
// their records, by id and by key, and lets them take precedence over what the database says
// (which may not hold them yet, or hold an older state), exactly as if each batch had been
// committed before the next was planned. forget_committed() drops them once committed.
class BatchPlanner {
public:
    BatchPlanner(customers::CustomerService& customers, const Principal& actor, const ImportJob& job,
                 const ImportMapping& mapping, const customers::WriteContext& context, bool simulate)
        : customers_(customers), actor_(actor), job_(job), mapping_(mapping), context_(context), simulate_(simulate) {
        source_.kind = customers::SourceKind::Import;
        source_.ref = "import:" + id_to_string(job.import_id) + ":" + job.filename;
        source_.data_kind = mapping.data_kind;
    }

    // Dry run, first pass: counts each upsert key of the file (by hash), so that remember()
    // keeps only records that a later row can meet again. Memory then grows with the keys
    // that repeat, not with the file.
    void count_keys(const std::vector<CsvRecord>& records) {
        counted_ = true;
        for (const auto& record : records) {
            if (shape_problem(record)) continue;
            for (const auto& key : input_keys(row_input(record.fields, mapping_))) ++key_counts_[hash(key)];
        }
    }

    // The batches up to `sequence` (plan()'s numbering) are committed: the database has them.
    void forget_committed(std::uint64_t sequence) {
        for (auto it = inflight_.begin(); it != inflight_.end();) {
            if (it->second.sequence > sequence) {
                ++it;
                continue;
            }
            forget_keys(it->first, it->second.record);
            it = inflight_.erase(it);
        }
    }

    // `sequence` numbers the batches of a run that plans ahead (> 0, increasing); 0 plans
    // a batch that commits before the next is planned, or a dry run's.
    Result<PlannedBatch> plan(const std::vector<CsvRecord>& records, std::uint64_t sequence = 0) {
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
                if (!write &&
                    (write.error().code == ErrorCode::NotFound || write.error().code == ErrorCode::Forbidden)) {
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

private:
    using Key = std::pair<std::string, std::string>;  // upsert field, normalised value

    // Why a record cannot be read as a row at all, before any field is looked at.
    std::optional<std::string> shape_problem(const CsvRecord& record) const {
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

    RejectedRow rejected(const CsvRecord& record, std::vector<RowError> errors) const {
        return {static_cast<std::int64_t>(record.number) - 1, static_cast<std::int64_t>(record.line), record.fields,
                std::move(errors)};
    }

    std::string column_of(const std::string& field) const {
        for (const auto& c : mapping_.columns) {
            if (c.target == field) return c.header;
        }
        return "";
    }

    // The row's upsert keys in match_on order, normalised as they are stored (an email in
    // lower case, a VAT number in its national form) by the field's own normaliser.
    std::vector<Key> input_keys(const CustomerInput& input) const {
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

    std::vector<Key> record_keys(const CustomerRecord& record) const {
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
    void fly(const CustomerRecord& record, std::uint64_t sequence) {
        if (auto it = inflight_.find(record.id); it != inflight_.end()) forget_keys(record.id, it->second.record);
        for (auto& key : record_keys(record)) inflight_keys_[std::move(key)] = record.id;
        inflight_[record.id] = {sequence, record};
    }

    void forget_keys(Id id, const CustomerRecord& record) {
        for (const auto& key : record_keys(record)) {
            if (auto it = inflight_keys_.find(key); it != inflight_keys_.end() && it->second == id) {
                inflight_keys_.erase(it);
            }
        }
    }

    static std::uint64_t hash(const Key& key) { return std::hash<std::string>{}(key.first + '\0' + key.second); }

    // Dry run: what an earlier batch would have left, kept compactly as JSON text, for the
    // records a later row can find (a key that occurs again in the file). Two rows that reach
    // one stored record through different keys are the exception: the later one is checked
    // against the record as stored.
    void remember(const CustomerRecord& record) {
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

    CustomerRecord decode(const std::string& text) const {
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

    customers::CustomerService& customers_;
    const Principal& actor_;
    const ImportJob& job_;
    const ImportMapping& mapping_;
    const customers::WriteContext& context_;
    const bool simulate_;
    customers::Source source_;
    std::map<Id, std::string> simulated_;
    std::map<Key, Id> simulated_keys_;
    std::unordered_map<std::uint64_t, std::uint32_t> key_counts_;
    bool counted_ = false;
    struct InFlight {
        std::uint64_t sequence = 0;
        CustomerRecord record;
    };
    std::map<Id, InFlight> inflight_;
    std::map<Key, Id> inflight_keys_;
};

}  // namespace

ImportService::ImportService(ImportRepository& repo, customers::CustomerService& customers, const Clock& clock,
                             ImportServiceOptions options, PlannerStatistics* statistics)
    : repo_(repo), customers_(customers), clock_(clock), options_(options), statistics_(statistics) {}

ImportService::~ImportService() {
    shutdown();
}

Result<ImportJob> ImportService::visible(const Principal& actor, Id import_id) {
    auto job = RAPPORT_TRY(repo_.find(actor.workspace_id, import_id));
    const bool allowed =
        job && (role_at_least(actor.role, Role::Admin) || (actor.user_id && job->created_by_user_id == actor.user_id) ||
                (actor.api_key_id && job->created_by_api_key_id == actor.api_key_id));
    // Someone else's import is answered exactly like a missing one.
    if (!allowed) return fail(Error::not_found("no import " + id_to_string(import_id) + " that you can see"));
    return *job;
}

bool ImportService::active(Id workspace_id, Id import_id) {
    std::lock_guard lock(mutex_);
    return active_.count({workspace_id, import_id}) > 0;
}

Result<UploadResult> ImportService::upload(const Principal& actor, EntityType type, std::string_view filename,
                                           std::string_view bytes) {
    const auto context = RAPPORT_TRY(customers_.write_context(actor, type));
    if (!can_write(context.permissions, context.grants, {actor.user_id, std::nullopt})) {
        return fail(Error::forbidden("your role (" + std::string(to_string(actor.role)) + ") cannot create " +
                                     what_plural(type) + ", so it cannot import them"));
    }
    if (bytes.empty()) return fail(Error::validation("the file is empty: send the CSV file as the request body"));
    const bool whole = bytes.size() <= kSniffBytes;
    auto sniff = RAPPORT_TRY(sniff_csv(bytes.substr(0, std::min(bytes.size(), kSniffBytes)), whole));

    // Stored as UTF-8, whatever the file was: every later read is plain UTF-8. NUL bytes
    // (possible past the sniffed 64 KiB) are dropped: PostgreSQL text cannot hold them.
    std::string content;
    content.reserve(bytes.size() + bytes.size() / 8);
    Transcoder transcoder(sniff.encoding);
    transcoder.feed(bytes, content);
    transcoder.finish(content);
    content.erase(std::remove(content.begin(), content.end(), '\0'), content.end());

    std::int64_t rows = 0;
    {
        RowSource source(content, sniff.delimiter);
        CsvRecord record;
        while (source.next(record)) ++rows;
    }
    rows = std::max<std::int64_t>(0, rows - 1);  // the header
    if (rows == 0) {
        return fail(Error::validation("the file has a header row but no data rows"));
    }

    ImportJob job;
    job.workspace_id = actor.workspace_id;
    job.import_id = new_id();
    job.entity_type = type;
    job.filename = clean_filename(filename, options_.max_filename_bytes);
    job.status = ImportStatus::Uploaded;
    job.size_bytes = static_cast<std::int64_t>(bytes.size());
    job.encoding = sniff.encoding;
    job.encoding_reason = sniff.encoding_reason;
    job.delimiter = sniff.delimiter;
    job.delimiter_reason = sniff.delimiter_reason;
    job.has_bom = sniff.has_bom;
    job.header = sniff.header;
    job.rows_total = rows;
    job.created_by_user_id = actor.user_id;
    job.created_by_api_key_id = actor.api_key_id;
    job.created_by_label = actor.label;
    job.created_at = job.updated_at = clock_.now_ms();
    RAPPORT_CHECK(repo_.create(job, content));

    UploadResult out;
    out.suggestions =
        suggest_mapping(job.header, type == EntityType::Company ? ImportTarget::Companies : ImportTarget::People);
    out.sample_rows = std::move(sniff.sample_rows);
    out.job = std::move(job);
    return out;
}

Result<ImportJob> ImportService::get(const Principal& actor, Id import_id) {
    auto job = RAPPORT_TRY(visible(actor, import_id));
    const UnixMillis now = clock_.now_ms();
    if (job.status == ImportStatus::Running && job.run_id && job.heartbeat_at &&
        *job.heartbeat_at < now - options_.stale_after_ms && !active(job.workspace_id, job.import_id)) {
        // The server that ran it died without a word (crash, kill -9): say so.
        (void)RAPPORT_TRY(
            repo_.finish(job.workspace_id, job.import_id, *job.run_id, ImportStatus::Failed,
                         interrupted_message(job.rows_done, job.rows_total, "the server running it stopped"), now));
        job = RAPPORT_TRY(visible(actor, import_id));
    }
    return job;
}

Result<ImportMapping> ImportService::mapping_of(const Principal& actor, const ImportJob& job) {
    if (!job.mapping_json) {
        return fail(Error::conflict("map the file's columns first (PUT /api/v1/imports/" + id_to_string(job.import_id) +
                                    "/mapping)"));
    }
    const auto defs = RAPPORT_TRY(customers_.custom_fields(actor, job.entity_type));
    const auto stored = json::parse(*job.mapping_json, nullptr, false);
    // Checked again: a custom field may have been removed since the mapping was accepted.
    return parse_mapping(stored, job.entity_type, job.header, defs, ColumnKeys::Index);
}

Status ImportService::check_constants(const Principal& actor, EntityType type, const ImportMapping& mapping) {
    if (mapping.constants.empty()) return {};
    // The constants alone, through the validation of every write: a bad one is reported
    // once here, instead of rejecting every row of the file.
    const auto context = RAPPORT_TRY(customers_.write_context(actor, type));
    const auto checked = customers_.prepare_create(actor, context, type, constants_input(mapping),
                                                   customers::CustomerService::default_source(actor));
    if (checked || checked.error().code != ErrorCode::Validation) return {};
    auto errors = constant_errors(checked.error(), mapping);
    if (errors.empty()) return {};
    const std::string detail = "the mapping cannot be used: " + std::to_string(errors.size()) +
                               " constant value(s) are invalid and would be rejected on every row";
    return fail(Error::validation(detail, std::move(errors)));
}

Result<ImportJob> ImportService::set_mapping(const Principal& actor, Id import_id, const json& body) {
    auto job = RAPPORT_TRY(visible(actor, import_id));
    if (job.status != ImportStatus::Uploaded && job.status != ImportStatus::Mapped) {
        return fail(Error::conflict("the mapping cannot change once the import has started (it is " +
                                    std::string(to_string(job.status)) + ")"));
    }
    const auto defs = RAPPORT_TRY(customers_.custom_fields(actor, job.entity_type));
    const auto mapping = RAPPORT_TRY(parse_mapping(body, job.entity_type, job.header, defs));
    RAPPORT_CHECK(check_constants(actor, job.entity_type, mapping));
    if (mapping.invalid_values == customers::InvalidValues::Flag && !role_at_least(actor.role, Role::Admin)) {
        return fail(Error{ErrorCode::Forbidden,
                          "only admins and owners may import invalid values as flagged; you are " +
                              std::string(to_string(actor.role)),
                          {{"/invalid_values", "\"flag\" needs the admin role or higher; use \"reject\""}}});
    }
    if (!RAPPORT_TRY(repo_.save_mapping(job.workspace_id, job.import_id, mapping_to_stored_json(mapping).dump(),
                                        clock_.now_ms()))) {
        return fail(Error::conflict("the import started meanwhile; its mapping can no longer change"));
    }
    return visible(actor, import_id);
}

Result<DryRunReport> ImportService::dry_run(const Principal& actor, Id import_id) {
    const auto job = RAPPORT_TRY(visible(actor, import_id));
    const auto mapping = RAPPORT_TRY(mapping_of(actor, job));
    const auto context = RAPPORT_TRY(customers_.write_context(actor, job.entity_type));
    const std::string content = RAPPORT_TRY(repo_.content(job.workspace_id, job.import_id));
    BatchPlanner planner(customers_, actor, job, mapping, context, true);
    std::vector<CsvRecord> batch;
    if (!mapping.match_on.empty()) {
        RowSource keys(content, job.delimiter);
        for (next_batch(keys, 0, options_.batch_rows, batch); !batch.empty();
             next_batch(keys, 0, options_.batch_rows, batch)) {
            planner.count_keys(batch);
        }
    }
    RowSource source(content, job.delimiter);
    DryRunReport report;
    report.rows_total = job.rows_total;
    for (;;) {
        next_batch(source, 0, options_.batch_rows, batch);
        if (batch.empty()) break;
        auto planned = RAPPORT_TRY(planner.plan(batch));
        report.would_create += planned.created;
        report.would_update += planned.updated;
        report.unchanged += planned.unchanged;
        report.rejected += static_cast<std::int64_t>(planned.rejected.size());
        for (auto& r : planned.rejected) {
            if (report.rejected_rows.size() < options_.max_listed_rejections) {
                report.rejected_rows.push_back(std::move(r));
            } else {
                report.truncated = true;
            }
        }
        report.flagged += static_cast<std::int64_t>(planned.flagged.size());
        for (auto& r : planned.flagged) {
            if (report.flagged_rows.size() < options_.max_listed_rejections) {
                report.flagged_rows.push_back(std::move(r));
            } else {
                report.flagged_truncated = true;
            }
        }
    }
    return report;
}

Result<ImportJob> ImportService::start(const Principal& actor, Id import_id) {
    auto job = RAPPORT_TRY(get(actor, import_id));
    switch (job.status) {
        case ImportStatus::Uploaded:
            return fail(Error::conflict("map the file's columns first (PUT /api/v1/imports/" + id_to_string(import_id) +
                                        "/mapping)"));
        case ImportStatus::Running:
            return fail(Error::conflict(
                "the import is already running; if the server running it stopped, it shows as failed once it has "
                "made no progress for " +
                std::to_string(options_.stale_after_ms / 1000) + " s, and can then be started again to resume"));
        case ImportStatus::Completed:
            return fail(
                Error::conflict("the import is complete; upload the file again to import it again "
                                "(rows that exist are updated, not duplicated)"));
        case ImportStatus::Cancelled:
            return fail(Error::conflict("a cancelled import cannot be started again; upload the file again"));
        case ImportStatus::Mapped:
        case ImportStatus::Failed: break;
    }
    (void)RAPPORT_TRY(mapping_of(actor, job));
    const auto context = RAPPORT_TRY(customers_.write_context(actor, job.entity_type));
    if (!can_write(context.permissions, context.grants, {actor.user_id, std::nullopt})) {
        return fail(Error::forbidden("your role (" + std::string(to_string(actor.role)) + ") cannot create " +
                                     what_plural(job.entity_type) + ", so it cannot import them"));
    }
    QueuedRun queued{actor, job.workspace_id, job.import_id, new_id(), std::make_shared<std::atomic<bool>>(false)};
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return fail(Error::unavailable("the server is shutting down; start the import again later"));
        if (active_.count({queued.workspace_id, queued.import_id})) {
            return fail(Error::conflict("the import is already running"));
        }
        const UnixMillis now = clock_.now_ms();
        if (!RAPPORT_TRY(repo_.claim(queued.workspace_id, queued.import_id, queued.run_id, now,
                                     now - options_.stale_after_ms))) {
            return fail(Error::conflict("the import changed meanwhile; reload it"));
        }
        active_[{queued.workspace_id, queued.import_id}] = queued.cancelled;
        queue_.push_back(queued);
        if (!worker_.joinable()) worker_ = std::thread([this] { worker_loop(); });
    }
    wake_.notify_one();
    return visible(actor, import_id);
}

Result<ImportJob> ImportService::cancel(const Principal& actor, Id import_id) {
    auto job = RAPPORT_TRY(get(actor, import_id));
    if (job.status == ImportStatus::Completed || job.status == ImportStatus::Cancelled) {
        return fail(Error::conflict("the import is already " + std::string(to_string(job.status))));
    }
    if (!RAPPORT_TRY(repo_.cancel(job.workspace_id, job.import_id, clock_.now_ms()))) {
        return fail(Error::conflict("the import finished meanwhile"));
    }
    {
        std::lock_guard lock(mutex_);
        if (auto it = active_.find({job.workspace_id, job.import_id}); it != active_.end()) *it->second = true;
    }
    return visible(actor, import_id);
}

Result<std::string> ImportService::rejected_csv(const Principal& actor, Id import_id) {
    const auto job = RAPPORT_TRY(visible(actor, import_id));
    const char d = job.delimiter;
    std::string out = "\xEF\xBB\xBF";  // so that spreadsheets read it as UTF-8
    const auto add_row = [&](const std::vector<std::string>& fields, const std::string& error) {
        for (const auto& f : fields) {
            out += csv_field(f, d);
            out += d;
        }
        out += csv_field(error, d);
        out += "\r\n";
    };
    add_row(job.header, "error");
    RAPPORT_CHECK(repo_.rejected_rows(job.workspace_id, job.import_id, [&](const RejectedRow& row) {
        std::vector<std::string> fields = row.fields;
        if (fields.size() < job.header.size()) fields.resize(job.header.size());
        add_row(fields, "row " + std::to_string(row.row) + " (line " + std::to_string(row.line) +
                            "): " + describe_errors(row.errors));
    }));
    return out;
}

void ImportService::shutdown() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        stop_requested_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void ImportService::worker_loop() {
    for (;;) {
        QueuedRun queued;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;
            queued = std::move(queue_.front());
            queue_.pop_front();
        }
        if (stop_requested_) {
            interrupt(queued, "the server shut down before it began");
        } else {
            run(queued);
        }
        std::lock_guard lock(mutex_);
        active_.erase({queued.workspace_id, queued.import_id});
    }
}

void ImportService::interrupt(const QueuedRun& queued, const std::string& why) {
    auto job = repo_.find(queued.workspace_id, queued.import_id);
    if (!job || !*job) return;
    (void)repo_.finish(queued.workspace_id, queued.import_id, queued.run_id, ImportStatus::Failed,
                       interrupted_message((*job)->rows_done, (*job)->rows_total, why), clock_.now_ms());
}

void ImportService::run(const QueuedRun& queued) {
    std::string failure;
    try {
        auto done = run_batches(queued);
        if (done) return;
        failure = done.error().detail;
    } catch (const std::exception& e) {
        failure = std::string("internal error: ") + e.what();
    }
    // A failed run keeps its committed batches; starting it again resumes after them.
    auto job = repo_.find(queued.workspace_id, queued.import_id);
    const std::int64_t rows_done = job && *job ? (*job)->rows_done : 0;
    (void)repo_.finish(queued.workspace_id, queued.import_id, queued.run_id, ImportStatus::Failed,
                       "the import stopped after row " + std::to_string(rows_done) + ": " + failure +
                           "; start it again to resume from row " + std::to_string(rows_done + 1),
                       clock_.now_ms());
}

Status ImportService::run_batches(const QueuedRun& queued) {
    auto found = RAPPORT_TRY(repo_.find(queued.workspace_id, queued.import_id));
    if (!found || found->status != ImportStatus::Running || found->run_id != queued.run_id) return {};
    const ImportJob job = std::move(*found);
    const auto mapping = RAPPORT_TRY(mapping_of(queued.actor, job));
    const auto context = RAPPORT_TRY(customers_.write_context(queued.actor, job.entity_type));
    const std::string content = RAPPORT_TRY(repo_.content(job.workspace_id, job.import_id));

    // Two threads, one per core: a planner reads, validates and normalises the next batches
    // (planned ahead at most options.batches_ahead) while this thread commits them in order.
    // The planner keeps the records of batches not yet committed in flight (BatchPlanner), so
    // every batch is planned as if the ones before it were committed; nothing else changes:
    // each batch still commits whole with its checkpoint, and a batch planned but not
    // committed when the run stops is simply dropped.
    struct Planned {
        std::uint64_t sequence = 0;
        std::int64_t rows_done_after = 0;
        Result<PlannedBatch> batch = PlannedBatch{};
    };
    BoundedQueue<Planned> queue(options_.batches_ahead);
    std::atomic<std::uint64_t> committed{0};
    std::thread planning([&] {
        try {
            BatchPlanner planner(customers_, queued.actor, job, mapping, context, false);
            RowSource source(content, job.delimiter);
            std::vector<CsvRecord> batch;
            for (std::uint64_t sequence = 1;; ++sequence) {
                next_batch(source, job.rows_done, options_.batch_rows, batch);
                if (batch.empty()) break;
                planner.forget_committed(committed.load());
                Planned planned{sequence, static_cast<std::int64_t>(batch.back().number) - 1,
                                planner.plan(batch, sequence)};
                const bool failed = !planned.batch;
                if (!queue.push(std::move(planned)) || failed) break;
            }
        } catch (const std::exception& e) {
            queue.push({0, 0, fail(Error::internal(std::string("internal error: ") + e.what()))});
        }
        queue.close();
    });
    // Whatever way this thread leaves, the planner stops and is joined first.
    struct Join {
        BoundedQueue<Planned>& queue;
        std::thread& thread;
        ~Join() {
            queue.close();
            thread.join();
        }
    } join{queue, planning};

    // A third thread runs the batch observer (the duplicate check) on committed batches, so
    // the writer goes on with the next batch meanwhile: on SQLite the check's reads run on
    // their own connection beside the writer. At most one batch waits for it; the run ends
    // (and the job is completed) only after it has seen every committed batch. Declared after
    // the planner's, it is joined before it.
    struct Written {
        Id workspace_id = 0;
        EntityType type = EntityType::Person;
        std::vector<Id> ids;
    };
    BoundedQueue<Written> written_queue(1);
    std::thread observing;
    if (after_batch_) {
        observing = std::thread([&] {
            while (auto batch = written_queue.pop()) after_batch_(batch->workspace_id, batch->type, batch->ids);
        });
    }
    struct Drain {
        BoundedQueue<Written>& queue;
        std::thread& thread;
        void wait() {
            queue.close();
            if (thread.joinable()) thread.join();
        }
        ~Drain() { wait(); }
    } drain{written_queue, observing};

    std::int64_t rows_done = job.rows_done;
    std::int64_t created = 0;  // by this run
    while (auto planned = queue.pop()) {
        if (*queued.cancelled) return {};  // cancel() already recorded it
        if (stop_requested_) {
            (void)RAPPORT_TRY(repo_.finish(job.workspace_id, job.import_id, queued.run_id, ImportStatus::Failed,
                                           interrupted_message(rows_done, job.rows_total, "the server shut down"),
                                           clock_.now_ms()));
            return {};
        }
        if (!planned->batch) return fail(std::move(planned->batch).error());
        auto& batch = *planned->batch;
        BatchCommit commit;
        commit.workspace_id = job.workspace_id;
        commit.import_id = job.import_id;
        commit.run_id = queued.run_id;
        commit.rows_done_before = rows_done;
        commit.rows_done_after = planned->rows_done_after;
        commit.created = batch.created;
        commit.updated = batch.updated;
        commit.unchanged = batch.unchanged;
        commit.rejected = static_cast<std::int64_t>(batch.rejected.size());
        commit.flagged = static_cast<std::int64_t>(batch.flagged.size());
        commit.at = clock_.now_ms();
        commit.inserts = std::move(batch.inserts);
        commit.updates = std::move(batch.updates);
        commit.rejections = std::move(batch.rejected);
        if (auto st = repo_.commit_batch(commit); !st) {
            // Cancelled or taken over by another run: nothing of this batch was written.
            if (st.error().code == ErrorCode::PreconditionFailed) return {};
            return st;
        }
        committed.store(planned->sequence);
        rows_done = commit.rows_done_after;
        created += commit.created;
        if (commit.created > 0) repo_.refresh_statistics(job.entity_type, created);
        if (after_batch_) {
            Written written{job.workspace_id, job.entity_type, {}};
            for (const auto* writes : {&commit.inserts, &commit.updates}) {
                for (const auto& w : *writes) written.ids.push_back(w.record.id);
            }
            if (!written.ids.empty()) written_queue.push(std::move(written));
        }
    }
    drain.wait();
    if (statistics_ && created > 0) statistics_->after_bulk_write();
    (void)RAPPORT_TRY(repo_.finish(job.workspace_id, job.import_id, queued.run_id, ImportStatus::Completed,
                                   std::nullopt, clock_.now_ms()));
    return {};
}

}  // namespace rapport::domain::imports
