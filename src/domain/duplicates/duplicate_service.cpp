#include "domain/duplicates/duplicate_service.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "core/memory.hpp"
#include "domain/audit/audit_of.hpp"
#include "domain/customers/record_provenance.hpp"
#include "domain/customers/record_ref.hpp"
#include "domain/identity/principals.hpp"

namespace rapport::domain::duplicates {

using namespace rapport::domain::customers;

namespace {

std::string what(EntityType type) {
    return type == EntityType::Company ? "company" : "person";
}

std::string text_of(const nlohmann::json& fields, const char* key) {
    return fields.contains(key) && fields.at(key).is_string() ? fields.at(key).get<std::string>() : "";
}

// The match data of a record not yet stored (a create that may be refused).
MatchRecord match_record_of(const CustomerRecord& r) {
    MatchRecord m;
    m.id = r.id;
    if (r.type == EntityType::Company) {
        m.name = text_of(r.fields, "legal_name");
        m.alt_name = text_of(r.fields, "trade_name");
        m.tax_id = text_of(r.fields, "vat_id");
        m.pec = text_of(r.fields, "pec");
    } else {
        m.name = text_of(r.fields, "first_name");
        m.alt_name = text_of(r.fields, "last_name");
        m.birthday = text_of(r.fields, "birthday");
    }
    m.email = text_of(r.fields, "email");
    m.phone = text_of(r.fields, "phone");
    m.city = text_of(r.fields, "city");
    m.owner_user_id = r.owner_user_id;
    m.team_id = r.team_id;
    return m;
}

std::string display_name(EntityType type, const MatchRecord& m) {
    if (type == EntityType::Company) return m.name;
    return m.name.empty() ? m.alt_name : m.alt_name.empty() ? m.name : m.name + " " + m.alt_name;
}

std::vector<PreparedRecord> prepared(EntityType type, const std::vector<MatchRecord>& records) {
    std::vector<PreparedRecord> out;
    out.reserve(records.size());
    for (const auto& r : records) out.push_back(prepare(type, r));
    return out;
}

}  // namespace

namespace {
// Comparisons of a check beyond which it uses blocking (see detect).
constexpr std::size_t kCompareAllLimit = 200'000;
}  // namespace

Result<std::vector<FoundPair>> DuplicateService::detect(Id ws, EntityType type, const std::vector<Id>& ids) {
    const auto probes = RAPPORT_TRY(repo_.match_records(ws, type, ids));
    if (probes.empty()) return std::vector<FoundPair>{};
    auto neighbours = prepared(type, RAPPORT_TRY(repo_.neighbours(ws, type, probes, BlockLimits{})));
    std::vector<FoundPair> pairs;
    // A few records against their neighbours: compare them all. An import batch against a
    // crowded block (5,000 people of one city with the same initial) would be quadratic, so
    // it goes through the workspace scan's blocking instead and keeps the pairs with a probe.
    if (probes.size() * neighbours.size() > kCompareAllLimit) {
        std::set<Id> probe_ids;
        for (const auto& p : probes) probe_ids.insert(p.id);
        std::set<Id> present;
        for (const auto& n : neighbours) present.insert(n.id);
        for (const auto& p : probes) {
            if (!present.count(p.id)) neighbours.push_back(prepare(type, p));
        }
        for (auto& pair : find_pairs(type, neighbours)) {
            if (probe_ids.count(pair.first) || probe_ids.count(pair.second)) pairs.push_back(std::move(pair));
        }
        return pairs;
    }
    std::set<std::pair<Id, Id>> seen;
    for (const auto& probe : probes) {
        for (auto& pair : match_against(type, prepare(type, probe), neighbours)) {
            // Two records of the same batch find each other twice.
            if (seen.insert({pair.first, pair.second}).second) pairs.push_back(std::move(pair));
        }
    }
    return pairs;
}

Status DuplicateService::check_records(Id ws, EntityType type, const std::vector<Id>& ids) {
    if (ids.empty()) return {};
    const auto pairs = RAPPORT_TRY(detect(ws, type, ids));
    return repo_.record_pairs(ws, type, pairs, ids, clock_.now_ms());
}

Result<std::vector<DuplicateHit>> DuplicateService::check(const Principal& actor, EntityType type,
                                                          const std::vector<Id>& ids) {
    RAPPORT_CHECK(check_records(actor.workspace_id, type, ids));
    std::vector<DuplicateHit> hits;
    if (ids.empty()) return hits;
    auto page = RAPPORT_TRY(list(actor, type, CandidateStatus::Open, ids.front(), 20, std::nullopt));
    for (auto& c : page.items) {
        DuplicateHit hit;
        hit.candidate_id = c.candidate_id;
        hit.other = c.first.id == ids.front() ? std::move(c.second) : std::move(c.first);
        hit.score = c.score;
        hit.reasons = std::move(c.reasons);
        hits.push_back(std::move(hit));
    }
    return hits;
}

Result<CheckedCreate> DuplicateService::create_checked(const Principal& actor, EntityType type,
                                                       const CustomerInput& input, const Source& source,
                                                       bool refuse_likely) {
    if (refuse_likely) {
        const WriteContext context = RAPPORT_TRY(customers_.write_context(actor, type));
        const RecordWrite planned = RAPPORT_TRY(customers_.prepare_create(actor, context, type, input, source));
        const MatchRecord probe = match_record_of(planned.record);
        const auto neighbours = RAPPORT_TRY(repo_.neighbours(actor.workspace_id, type, {probe}, BlockLimits{}));
        std::vector<FieldError> errors;
        for (const auto& other : neighbours) {
            // Only records the actor may read: a refusal must not reveal the others.
            if (!customers_.ensure_readable(actor, type, other.id)) continue;
            auto match = score_pair(type, prepare(type, probe), prepare(type, other));
            if (!match || match->score < kLikelyScore) continue;
            errors.push_back(FieldError::localized("/fields", "duplicates.likely_" + what(type),
                                                   {{"id", id_to_string(other.id)},
                                                    {"name", display_name(type, other)},
                                                    {"score", std::to_string(match->score)},
                                                    {"rule", std::string(match->reasons.front().rule)}}));
        }
        if (!errors.empty()) {
            const std::string count = std::to_string(errors.size());
            return fail(Error::localized(ErrorCode::Conflict, "duplicates.refused_" + what(type), {{"count", count}},
                                         std::move(errors)));
        }
    }
    CheckedCreate out;
    out.record = RAPPORT_TRY(customers_.create(actor, type, input, source));
    out.duplicates = RAPPORT_TRY(check(actor, type, {out.record.id}));
    return out;
}

Result<ScanReport> DuplicateService::scan(const Principal& actor, EntityType type) {
    RAPPORT_CHECK(require_role(actor, Role::Manager, "duplicates.action_scanning"));
    const UnixMillis started = clock_.now_ms();
    std::vector<PreparedRecord> records;
    RAPPORT_CHECK(repo_.for_each_match_record(actor.workspace_id, type,
                                              [&](const MatchRecord& r) { records.push_back(prepare(type, r)); }));
    auto pairs = find_pairs(type, records);
    RAPPORT_CHECK(repo_.record_pairs(actor.workspace_id, type, pairs, std::nullopt, clock_.now_ms()));
    if (statistics_) statistics_->after_bulk_write();  // a first scan can write millions of pairs
    ScanReport report;
    report.records = static_cast<std::int64_t>(records.size());
    report.pairs = static_cast<std::int64_t>(pairs.size());
    report.elapsed_ms = clock_.now_ms() - started;
    records = {};
    pairs = {};
    release_free_memory();  // the records and pairs of a big workspace: hundreds of MB
    return report;
}

Result<Page<DuplicateCandidate>> DuplicateService::list(const Principal& actor, EntityType type, CandidateStatus status,
                                                        std::optional<Id> record_id, int limit,
                                                        const std::optional<std::string>& cursor) {
    const Actor permissions = RAPPORT_TRY(actors_.actor_for(actor));
    const RoleGrants grants = RAPPORT_TRY(actors_.role_grants(actor));
    CandidateQuery query;
    query.type = type;
    query.status = status;
    query.record_id = record_id;
    query.access = read_filter(permissions, grants);
    query.limit = limit;
    if (cursor) {
        query.after = decode_candidate_cursor(*cursor);
        if (!query.after) return fail(Error::localized_field("/cursor", "common.cursor_invalid"));
    }
    return repo_.list(actor.workspace_id, query);
}

Result<DuplicateCandidate> DuplicateService::get(const Principal& actor, Id candidate_id) {
    auto found = RAPPORT_TRY(repo_.find(actor.workspace_id, candidate_id));
    const Error missing =
        Error::localized(ErrorCode::NotFound, "duplicates.candidate_not_found", {{"id", id_to_string(candidate_id)}});
    if (!found) return fail(missing);
    // Visible only when both records are.
    for (const Id id : {found->first.id, found->second.id}) {
        auto st = customers_.ensure_readable(actor, found->type, id);
        if (!st) return fail(missing);
    }
    return *found;
}

Result<CustomerRecord> DuplicateService::writable(const Principal& actor, const Actor& permissions,
                                                  const RoleGrants& grants, EntityType type, Id id) {
    auto found = RAPPORT_TRY(customers_repo_.find(actor.workspace_id, type, id));
    if (!found || !can_read(permissions, grants, customers::ref_of(*found))) {
        return fail(Error::localized(ErrorCode::NotFound, "customers." + what(type) + "_not_found",
                                     {{"id", id_to_string(id)}}));
    }
    if (!can_write(permissions, grants, customers::ref_of(*found))) {
        return fail(Error::localized(ErrorCode::Forbidden, "duplicates." + what(type) + "_read_only",
                                     {{"id", id_to_string(id)}, {"role", std::string(to_string(actor.role))}}));
    }
    return std::move(*found);
}

Result<DuplicateCandidate> DuplicateService::dismiss(const Principal& actor, Id candidate_id, const std::string& ip) {
    auto candidate = RAPPORT_TRY(get(actor, candidate_id));
    const Actor permissions = RAPPORT_TRY(actors_.actor_for(actor));
    const RoleGrants grants = RAPPORT_TRY(actors_.role_grants(actor));
    for (const Id id : {candidate.first.id, candidate.second.id}) {
        RAPPORT_CHECK(writable(actor, permissions, grants, candidate.type, id));
    }
    if (candidate.status != CandidateStatus::Open) {
        return fail(
            Error::localized(ErrorCode::Conflict, "duplicates.already_" + std::string(to_string(candidate.status))));
    }
    const UnixMillis now = clock_.now_ms();
    const nlohmann::json detail = {{"type", what(candidate.type)},
                                   {"records", {id_to_string(candidate.first.id), id_to_string(candidate.second.id)}},
                                   {"score", candidate.score}};
    RAPPORT_CHECK(repo_.dismiss(
        actor.workspace_id, candidate_id, actor.user_id, now,
        audit_of(actor, now, "duplicate.dismissed", "duplicate", id_to_string(candidate_id), ip, detail.dump())));
    return get(actor, candidate_id);
}

Result<CustomerRecord> DuplicateService::merge(const Principal& actor, EntityType type, Id survivor_id,
                                               const MergeRequest& request, const std::string& ip) {
    if (request.merged_id == survivor_id) {
        return fail(Error::localized_field("/merged_id", "duplicates.merge_into_itself"));
    }
    const Actor permissions = RAPPORT_TRY(actors_.actor_for(actor));
    const RoleGrants grants = RAPPORT_TRY(actors_.role_grants(actor));
    CustomerRecord survivor = RAPPORT_TRY(writable(actor, permissions, grants, type, survivor_id));
    CustomerRecord merged = RAPPORT_TRY(writable(actor, permissions, grants, type, request.merged_id));
    if (request.candidate_id) {
        auto candidate = RAPPORT_TRY(repo_.find(actor.workspace_id, *request.candidate_id));
        const Id low = std::min(survivor_id, request.merged_id), high = std::max(survivor_id, request.merged_id);
        if (!candidate || candidate->type != type || candidate->first.id != low || candidate->second.id != high) {
            return fail(Error::localized_field("/candidate_id", "duplicates.not_their_candidate"));
        }
        if (candidate->status != CandidateStatus::Open) {
            return fail(Error::localized(ErrorCode::Conflict,
                                         "duplicates.already_" + std::string(to_string(candidate->status))));
        }
    }
    const auto defs = RAPPORT_TRY(customers_repo_.custom_fields(actor.workspace_id, type));
    MergePlan plan = RAPPORT_TRY(plan_merge(survivor, merged, request.choices, defs));
    // Both records were writable; the combination (one's owner, the other's team or buyer)
    // must be a state the actor could create too.
    RAPPORT_CHECK(customers_.check_result(actor, customers::WriteContext{permissions, grants, defs},
                                          customers::ref_of(survivor), plan.record, "merge into"));

    MergeWrite write;
    const UnixMillis now = clock_.now_ms();
    plan.record.updated_at = now;
    if (type == EntityType::Person) {
        const auto mine = RAPPORT_TRY(customers_repo_.affiliations(actor.workspace_id, survivor_id));
        const auto theirs = RAPPORT_TRY(customers_repo_.affiliations(actor.workspace_id, request.merged_id));
        auto combined = merge_affiliations(mine, theirs);
        if (combined.size() != mine.size()) {
            plan.changes.push_back({"affiliations", std::to_string(mine.size()) + " compan(ies)",
                                    std::to_string(combined.size()) + " compan(ies)"});
        }
        write.affiliations = std::move(combined);
    }
    const auto provenance = resolve_provenance(
        merged, RAPPORT_TRY(customers_repo_.provenance(actor.workspace_id, type, request.merged_id)));
    for (const auto& p : provenance) {
        if (std::find(plan.taken_from_merged.begin(), plan.taken_from_merged.end(), p.field) !=
            plan.taken_from_merged.end()) {
            write.carried_provenance.push_back(p);
        }
    }
    Source source{SourceKind::Merge, "merge:" + id_to_string(request.merged_id), DataKind::FirstParty};
    write.survivor = RecordWrite{plan.record, plan.changes, source, actor.user_id, actor.label, now};
    write.merged = merged;
    write.candidate_id = request.candidate_id;
    nlohmann::json chosen = nlohmann::json::array();
    for (const auto& f : plan.taken_from_merged) chosen.push_back(f);
    const nlohmann::json detail = {
        {"merged_id", id_to_string(request.merged_id)},
        {"candidate_id",
         request.candidate_id ? nlohmann::json(id_to_string(*request.candidate_id)) : nlohmann::json(nullptr)},
        {"fields_from_merged", chosen}};
    write.audit =
        audit_of(actor, now, what(type) + ".merged", what(type), id_to_string(survivor_id), ip, detail.dump());
    RAPPORT_CHECK(repo_.merge(write));
    // The survivor may now pair with records neither had matched; a failure here leaves the
    // merge done and the queue to the next scan.
    (void)check_records(actor.workspace_id, type, {survivor_id});
    if (statistics_) statistics_->after_bulk_write();
    return std::move(plan.record);
}

}  // namespace rapport::domain::duplicates
