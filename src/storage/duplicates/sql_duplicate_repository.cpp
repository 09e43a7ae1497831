#include "storage/duplicates/sql_duplicate_repository.hpp"

#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "storage/access_filter_sql.hpp"
#include "storage/audit_sql.hpp"
#include "storage/batch_sql.hpp"
#include "storage/customers/provenance_sql.hpp"
#include "storage/customers/sql_customer_repository.hpp"
#include "storage/transaction.hpp"

namespace rapport::storage {

using namespace rapport::domain;
using namespace rapport::domain::customers;
using namespace rapport::domain::duplicates;

namespace {

// Match columns, in MatchRecord order: id, name, alt_name, email, phone, tax_id, pec, city,
// birthday, company_id, owner_user_id, team_id. Over table alias r.
constexpr const char* kPersonMatchColumns =
    "r.person_id, r.first_name, r.last_name, r.email, r.phone, CAST(NULL AS TEXT), CAST(NULL AS TEXT), r.city,"
    " r.birthday, (SELECT a.company_id FROM affiliations a WHERE a.workspace_id = r.workspace_id"
    " AND a.person_id = r.person_id ORDER BY a.is_primary DESC, a.company_id LIMIT 1), r.owner_user_id, r.team_id";
constexpr const char* kCompanyMatchColumns =
    "r.company_id, r.legal_name, r.trade_name, r.email, r.phone, r.vat_id, r.pec, r.city, CAST(NULL AS TEXT),"
    " CAST(NULL AS BIGINT), r.owner_user_id, r.team_id";

std::string match_select(EntityType type) {
    return type == EntityType::Company ? std::string("SELECT ") + kCompanyMatchColumns + " FROM companies r"
                                       : std::string("SELECT ") + kPersonMatchColumns + " FROM people r";
}
std::string id_column(EntityType type) {
    return type == EntityType::Company ? "company_id" : "person_id";
}
std::string table_of(EntityType type) {
    return type == EntityType::Company ? "companies" : "people";
}

MatchRecord match_from(const Row& row) {
    MatchRecord m;
    m.id = as_int(row[0]);
    m.name = as_opt_text(row[1]).value_or("");
    m.alt_name = as_opt_text(row[2]).value_or("");
    m.email = as_opt_text(row[3]).value_or("");
    m.phone = as_opt_text(row[4]).value_or("");
    m.tax_id = as_opt_text(row[5]).value_or("");
    m.pec = as_opt_text(row[6]).value_or("");
    m.city = as_opt_text(row[7]).value_or("");
    m.birthday = as_opt_text(row[8]).value_or("");
    m.company_id = as_opt_int(row[9]);
    m.owner_user_id = as_opt_int(row[10]);
    m.team_id = as_opt_int(row[11]);
    return m;
}

// The first `n` characters of a name (UTF-8), ASCII letters lower-cased: what SQL's
// lower(substr(name, 1, n)) gives on both engines (SQLite's lower() and PostgreSQL's in the C
// locale fold ASCII only).
std::string prefix_of(const std::string& name, std::size_t n) {
    std::string out;
    std::size_t at = 0;
    for (std::size_t count = 0; count < n && at < name.size(); ++count) {
        const auto c = static_cast<unsigned char>(name[at]);
        const std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        for (std::size_t k = 0; k < len && at < name.size(); ++k, ++at) {
            const auto b = static_cast<unsigned char>(name[at]);
            out += (b >= 'A' && b <= 'Z') ? static_cast<char>(b - 'A' + 'a') : static_cast<char>(b);
        }
    }
    return out;
}

// The lower-cased first character (a whole UTF-8 sequence) of a name, as SQL's
// lower(substr(name, 1, 1)) gives it for ASCII initials.
std::string initial_of(const std::string& name) {
    std::size_t at = 0;
    while (at < name.size() && std::isspace(static_cast<unsigned char>(name[at]))) ++at;
    if (at >= name.size()) return "";
    const auto c = static_cast<unsigned char>(name[at]);
    if (c < 0x80) return std::string(1, static_cast<char>(std::tolower(c)));
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    return name.substr(at, len);
}

constexpr const char* kCandidateSelect =
    "SELECT d.candidate_id, d.entity_type, d.record_a, d.record_b, d.score, d.reasons, d.status, d.created_at,"
    " d.updated_at, d.resolved_by_user_id, d.resolved_at, ";

// The queue's view of both records over aliases a and b (LEFT JOINs: a merged record is gone).
std::string candidate_sql(EntityType type) {
    const std::string t = table_of(type), id = id_column(type);
    const std::string name_a =
        type == EntityType::Company ? "a.legal_name" : "COALESCE(a.first_name || ' ' || a.last_name, '')";
    const std::string name_b =
        type == EntityType::Company ? "b.legal_name" : "COALESCE(b.first_name || ' ' || b.last_name, '')";
    return kCandidateSelect + name_a + ", a.email, a.city, " + name_b + ", b.email, b.city, a." + id + ", b." + id +
           " FROM duplicate_candidates d LEFT JOIN " + t + " a ON a.workspace_id = d.workspace_id AND a." + id +
           " = d.record_a LEFT JOIN " + t + " b ON b.workspace_id = d.workspace_id AND b." + id + " = d.record_b";
}

DuplicateCandidate candidate_from(Id ws, const Row& row) {
    DuplicateCandidate c;
    c.workspace_id = ws;
    c.candidate_id = as_int(row[0]);
    c.type = parse_entity_type(as_text(row[1])).value_or(EntityType::Person);
    c.first.id = as_int(row[2]);
    c.second.id = as_int(row[3]);
    c.score = static_cast<int>(as_int(row[4]));
    c.reasons = parse_reasons(as_text(row[5]));
    c.status = parse_candidate_status(as_text(row[6])).value_or(CandidateStatus::Open);
    c.created_at = as_int(row[7]);
    c.updated_at = as_int(row[8]);
    c.resolved_by_user_id = as_opt_int(row[9]);
    c.resolved_at = as_opt_int(row[10]);
    c.first.name = as_opt_text(row[11]).value_or("");
    c.first.email = as_opt_text(row[12]).value_or("");
    c.first.city = as_opt_text(row[13]).value_or("");
    c.second.name = as_opt_text(row[14]).value_or("");
    c.second.email = as_opt_text(row[15]).value_or("");
    c.second.city = as_opt_text(row[16]).value_or("");
    return c;
}

constexpr const char* kCandidateType =
    "SELECT entity_type FROM duplicate_candidates WHERE workspace_id = $1 AND candidate_id = $2";
constexpr const char* kDismiss =
    "UPDATE duplicate_candidates SET status = 'dismissed', resolved_by_user_id = $3, resolved_at = $4, updated_at = $4"
    " WHERE workspace_id = $1 AND candidate_id = $2 AND status = 'open'";
constexpr const char* kUpsertPairsHead =
    "INSERT INTO duplicate_candidates (workspace_id, candidate_id, entity_type, record_a, record_b, score, reasons,"
    " status, seen_round, created_at, updated_at)";
constexpr const char* kUpsertPairsTail =
    " ON CONFLICT (workspace_id, entity_type, record_a, record_b) DO UPDATE SET score = excluded.score,"
    " reasons = excluded.reasons, seen_round = excluded.seen_round, updated_at = excluded.updated_at"
    " WHERE duplicate_candidates.status = 'open'";
constexpr const char* kRemoveUnseen =
    "DELETE FROM duplicate_candidates WHERE workspace_id = $1 AND entity_type = $2 AND status = 'open'"
    " AND seen_round <> $3";

// Merge statements. $1 workspace, $2 merged id, $3 survivor id where both ids appear.
constexpr const char* kClearAffiliations = "DELETE FROM affiliations WHERE workspace_id = $1 AND person_id = $2";
constexpr const char* kInsertAffiliation =
    "INSERT INTO affiliations (workspace_id, person_id, company_id, job_title, is_primary) VALUES ($1, $2, $3, $4, $5)";
constexpr const char* kMovePersonTimeline =
    "UPDATE interactions SET person_id = $3 WHERE workspace_id = $1 AND person_id = $2";
constexpr const char* kMoveCompanyTimeline =
    "UPDATE interactions SET company_id = $3 WHERE workspace_id = $1 AND company_id = $2";
constexpr const char* kMoveContacts =
    "UPDATE affiliations SET company_id = $3 WHERE workspace_id = $1 AND company_id = $2 AND NOT EXISTS"
    " (SELECT 1 FROM affiliations x WHERE x.workspace_id = affiliations.workspace_id"
    " AND x.person_id = affiliations.person_id AND x.company_id = $3)";
constexpr const char* kDropContacts = "DELETE FROM affiliations WHERE workspace_id = $1 AND company_id = $2";
constexpr const char* kMoveConsumers =
    "UPDATE people SET buyer_company_id = $3 WHERE workspace_id = $1 AND buyer_company_id = $2";
constexpr const char* kMoveMemberships =
    "UPDATE segment_members SET entity_id = $3 WHERE workspace_id = $1 AND entity_id = $2 AND NOT EXISTS"
    " (SELECT 1 FROM segment_members x WHERE x.workspace_id = segment_members.workspace_id"
    " AND x.segment_id = segment_members.segment_id AND x.entity_id = $3)";
constexpr const char* kDropMemberships = "DELETE FROM segment_members WHERE workspace_id = $1 AND entity_id = $2";
constexpr const char* kDropTags = "DELETE FROM tags WHERE workspace_id = $1 AND entity_type = $2 AND entity_id = $3";
constexpr const char* kDropProvenance =
    "DELETE FROM field_provenance WHERE workspace_id = $1 AND entity_type = $2 AND entity_id = $3";
constexpr const char* kDropFlags =
    "DELETE FROM field_flags WHERE workspace_id = $1 AND entity_type = $2 AND entity_id = $3";
constexpr const char* kRepointRedirects =
    "UPDATE merged_records SET survivor_id = $3 WHERE workspace_id = $1 AND survivor_id = $2 AND entity_type = $4";
constexpr const char* kInsertRedirect =
    "INSERT INTO merged_records (workspace_id, entity_type, merged_id, survivor_id, merged_at)"
    " VALUES ($1, $2, $3, $4, $5)";
constexpr const char* kResolveCandidate =
    "UPDATE duplicate_candidates SET status = 'merged', resolved_by_user_id = $3, resolved_at = $4, updated_at = $4"
    " WHERE workspace_id = $1 AND candidate_id = $2 AND status = 'open'";
constexpr const char* kDropOpenCandidatesOf =
    "DELETE FROM duplicate_candidates WHERE workspace_id = $1 AND entity_type = $2 AND status = 'open'"
    " AND (record_a = $3 OR record_b = $3)";

}  // namespace

Result<std::vector<MatchRecord>> SqlDuplicateRepository::match_records(Id ws, EntityType type,
                                                                       const std::vector<Id>& ids) {
    return read(db_, [&](Connection& c) -> Result<std::vector<MatchRecord>> {
        std::vector<MatchRecord> out;
        std::set<Id> seen;
        const std::string sql = match_select(type) + " WHERE r.workspace_id = $1 AND r." + id_column(type) + " IN ";
        RAPPORT_CHECK(for_in_chunks(ids, {ws}, [&](const std::string& list, const Params& params) -> Status {
            auto rs = RAPPORT_TRY(c.query(sql + list, params));
            for (const auto& row : rs.rows) {
                auto m = match_from(row);
                if (seen.insert(m.id).second) out.push_back(std::move(m));
            }
            return {};
        }));
        return out;
    });
}

Result<std::vector<MatchRecord>> SqlDuplicateRepository::neighbours(Id ws, EntityType type,
                                                                    const std::vector<MatchRecord>& probes,
                                                                    BlockLimits limits) {
    return read(db_, [&](Connection& c) -> Result<std::vector<MatchRecord>> {
        std::vector<MatchRecord> out;
        std::set<Id> seen;
        const std::string select = match_select(type);
        auto collect = [&](const std::string& sql, const Params& params) -> Status {
            auto rs = RAPPORT_TRY(c.query(sql, params));
            for (const auto& row : rs.rows) {
                auto m = match_from(row);
                if (seen.insert(m.id).second) out.push_back(std::move(m));
            }
            return {};
        };
        // Exact keys, each an indexed IN look-up.
        auto by_column = [&](const std::string& column, auto value_of) -> Status {
            std::set<std::string> values;
            for (const auto& p : probes) {
                const std::string v = value_of(p);
                if (!v.empty()) values.insert(v);
            }
            const std::vector<std::string> list(values.begin(), values.end());
            const std::string sql = select + " WHERE r.workspace_id = $1 AND r." + column + " IN ";
            return for_in_chunks(list, {ws}, [&](const std::string& in, const Params& params) -> Status {
                return collect(sql + in, params);
            });
        };
        RAPPORT_CHECK(by_column("email", [](const MatchRecord& m) { return m.email; }));
        RAPPORT_CHECK(by_column("phone", [](const MatchRecord& m) { return m.phone; }));
        if (type == EntityType::Company) {
            RAPPORT_CHECK(by_column("vat_id", [](const MatchRecord& m) { return m.tax_id; }));
            RAPPORT_CHECK(by_column("pec", [](const MatchRecord& m) { return m.pec; }));
        }
        // Same city (the lower(city) indexes of migration 0009; a plain `city =` would scan the
        // table once per city and initial) and, for companies, the same initial of a name;
        // for people the same first three letters of the last name (migration 0015 indexes
        // them with the first name's initial): with the initial alone, an import batch read
        // every person of each city under half the alphabet, so each batch cost more than the
        // last (600 rows/s at 180,000 people). A block of more than limits.whole people is
        // narrowed to those with the probe's first initial too, and not read when that is still
        // more than limits.whole (reading blocks was most of an import's duplicate check). A
        // typo in those letters is left to the workspace scan's phonetic blocking.
        const bool company = type == EntityType::Company;
        const std::string block = company ? " FROM companies r WHERE r.workspace_id = $1 AND lower(r.city) = lower($2)"
                                            " AND (lower(substr(r.legal_name, 1, 1)) = $3"
                                            " OR lower(substr(r.trade_name, 1, 1)) = $3)"
                                          : " FROM people r WHERE r.workspace_id = $1 AND lower(r.city) = lower($2)"
                                            " AND lower(substr(r.last_name, 1, 3)) = $3";
        const std::string narrow_block = block + " AND lower(substr(r.first_name, 1, 1)) = $4";
        // A block's size is an index-only count that stops past the limit that matters.
        const auto count_sql = [](const std::string& from, std::size_t limit) {
            return "SELECT COUNT(*) FROM (SELECT 1" + from + " LIMIT " + std::to_string(limit + 1) + ") AS b";
        };
        const std::string count_block = count_sql(block, company ? limits.crowded : limits.whole);
        const std::string count_narrow = count_sql(narrow_block, limits.whole);
        const auto size_of = [&](const std::string& sql, const Params& params) -> Result<std::size_t> {
            auto rs = RAPPORT_TRY(c.query(sql, params));
            return static_cast<std::size_t>(as_int(rs.rows.at(0).at(0)));
        };
        // Each block's size is asked once, and each block (or narrowed block) read once, per call:
        // the probes of an import batch share many.
        std::map<std::pair<std::string, std::string>, std::size_t> sizes;
        std::set<std::tuple<std::string, std::string, std::string>> read_blocks;  // city, letters, initial
        for (const auto& p : probes) {
            if (p.city.empty()) continue;
            // People: the first name's letters too, for names typed in the other order.
            struct Key {
                std::string block, initial;
            };
            for (const Key& key : company ? std::vector<Key>{{initial_of(p.name), ""}, {initial_of(p.alt_name), ""}}
                                          : std::vector<Key>{{prefix_of(p.alt_name, 3), prefix_of(p.name, 1)},
                                                             {prefix_of(p.name, 3), prefix_of(p.alt_name, 1)}}) {
                if (key.block.empty()) continue;
                const Params params{ws, p.city, key.block};
                auto [size, fresh] = sizes.try_emplace({p.city, key.block}, 0);
                if (fresh) size->second = RAPPORT_TRY(size_of(count_block, params));
                if (size->second <= (company ? limits.crowded : limits.whole)) {
                    if (read_blocks.insert({p.city, key.block, ""}).second) {
                        RAPPORT_CHECK(collect(select + block.substr(block.find(" WHERE")), params));
                    }
                    continue;
                }
                if (company || key.initial.empty() || !read_blocks.insert({p.city, key.block, key.initial}).second) {
                    continue;
                }
                const Params narrow{ws, p.city, key.block, key.initial};
                if (RAPPORT_TRY(size_of(count_narrow, narrow)) > limits.whole) continue;
                RAPPORT_CHECK(collect(select + narrow_block.substr(narrow_block.find(" WHERE")), narrow));
            }
        }
        // People: the contacts of the probes' companies.
        if (type == EntityType::Person) {
            std::set<Id> companies;
            for (const auto& p : probes) {
                if (p.company_id) companies.insert(*p.company_id);
            }
            const std::vector<Id> list(companies.begin(), companies.end());
            const std::string sql =
                select +
                " WHERE r.workspace_id = $1 AND r.person_id IN (SELECT x.person_id FROM affiliations"
                " x WHERE x.workspace_id = $1 AND x.company_id IN ";
            RAPPORT_CHECK(for_in_chunks(list, {ws}, [&](const std::string& in, const Params& params) -> Status {
                return collect(sql + in + ")", params);
            }));
        }
        return out;
    });
}

Status SqlDuplicateRepository::for_each_match_record(Id ws, EntityType type,
                                                     const std::function<void(const MatchRecord&)>& on_record) {
    return read(db_, [&](Connection& c) -> Status {
        return c.query_each(match_select(type) + " WHERE r.workspace_id = $1 ORDER BY r." + id_column(type), {ws},
                            [&](const Row& row) {
                                on_record(match_from(row));
                                return true;
                            });
    });
}

namespace {

constexpr const char* kStoredPairs =
    "SELECT candidate_id, record_a, record_b, score, reasons, status FROM duplicate_candidates"
    " WHERE workspace_id = $1 AND entity_type = $2 ORDER BY record_a, record_b";
constexpr const char* kUpdatePair =
    "UPDATE duplicate_candidates SET score = $3, reasons = $4, updated_at = $5"
    " WHERE workspace_id = $1 AND candidate_id = $2 AND status = 'open'";
constexpr const char* kDeletePairs = "DELETE FROM duplicate_candidates WHERE workspace_id = $1 AND candidate_id IN ";

// Inserts (or, for a pair stored meanwhile, updates) pairs[k] for each k of `which`. The
// rows' parameters are built a chunk at a time: a scan of a million people may find millions
// of pairs, and all their parameters at once took gigabytes.
template <class Which>
Status insert_pairs(Connection& c, Id ws, const std::string& type_name, const std::vector<FoundPair>& pairs,
                    std::size_t count, Which which, Id round, UnixMillis now) {
    constexpr std::size_t kChunk = 4096;
    std::vector<Params> rows;
    for (std::size_t at = 0; at < count; at += kChunk) {
        rows.clear();
        for (std::size_t k = at; k < std::min(count, at + kChunk); ++k) {
            const auto& p = pairs[which(k)];
            rows.push_back({ws, new_id(), type_name, p.first, p.second, std::int64_t{p.match.score},
                            reasons_json(p.match.reasons), std::string("open"), round, now, now});
        }
        RAPPORT_CHECK(insert_rows(c, kUpsertPairsHead, 11, kUpsertPairsTail, std::move(rows)));
    }
    return {};
}

}  // namespace

Status SqlDuplicateRepository::record_pairs(Id ws, EntityType type, const std::vector<FoundPair>& pairs,
                                            const std::optional<std::vector<Id>>& scope, UnixMillis now) {
    const std::string type_name(to_string(type));
    const Id round = new_id();
    if (!scope) return record_scan(ws, type_name, pairs, round, now);
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_CHECK(insert_pairs(
            c, ws, type_name, pairs, pairs.size(), [](std::size_t k) { return k; }, round, now));
        const std::string sql = std::string(kRemoveUnseen) + " AND (record_a IN ";
        return for_in_chunks(*scope, {ws, type_name, round},
                             [&](const std::string& in, const Params& params) -> Status {
                                 RAPPORT_CHECK(c.execute(sql + in + " OR record_b IN " + in + ")", params));
                                 return {};
                             });
    });
}

// A whole workspace's pairs (sorted by record ids, as find_pairs returns them) against the
// stored ones, read in the same order through the (record_a, record_b) index: only what
// changed is written. New pairs are inserted, open pairs whose score or reasons changed are
// updated, open pairs no longer found are deleted; dismissed and merged pairs stay. A rescan
// that finds what the last one found writes nothing (it rewrote every row: 2.3M updates).
Status SqlDuplicateRepository::record_scan(Id ws, const std::string& type_name, const std::vector<FoundPair>& pairs,
                                           Id round, UnixMillis now) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        std::vector<std::size_t> added;
        std::vector<std::pair<Id, std::size_t>> changed;  // candidate id, index in pairs
        std::vector<Id> gone;
        std::size_t next = 0;
        const auto before = [](const FoundPair& p, Id a, Id b) {
            return p.first < a || (p.first == a && p.second < b);
        };
        RAPPORT_CHECK(c.query_each(kStoredPairs, {ws, type_name}, [&](const Row& row) {
            const Id a = as_int(row[1]), b = as_int(row[2]);
            while (next < pairs.size() && before(pairs[next], a, b)) added.push_back(next++);
            const bool open = as_text(row[5]) == "open";
            if (next < pairs.size() && pairs[next].first == a && pairs[next].second == b) {
                const auto& p = pairs[next];
                if (open && (as_int(row[3]) != p.match.score || as_text(row[4]) != reasons_json(p.match.reasons))) {
                    changed.emplace_back(as_int(row[0]), next);
                }
                ++next;
            } else if (open) {
                gone.push_back(as_int(row[0]));
            }
            return true;
        }));
        while (next < pairs.size()) added.push_back(next++);
        RAPPORT_CHECK(insert_pairs(
            c, ws, type_name, pairs, added.size(), [&](std::size_t k) { return added[k]; }, round, now));
        for (const auto& [candidate_id, index] : changed) {
            const auto& p = pairs[index];
            RAPPORT_CHECK(c.execute(
                kUpdatePair, {ws, candidate_id, std::int64_t{p.match.score}, reasons_json(p.match.reasons), now}));
        }
        return for_in_chunks(gone, {ws}, [&](const std::string& in, const Params& params) -> Status {
            RAPPORT_CHECK(c.execute(kDeletePairs + in, params));
            return {};
        });
    });
}

Result<Page<DuplicateCandidate>> SqlDuplicateRepository::list(Id ws, const CandidateQuery& q) {
    return read(db_, [&](Connection& c) -> Result<Page<DuplicateCandidate>> {
        Params params{ws, std::string(to_string(q.type)), std::string(to_string(q.status))};
        std::string where = " WHERE d.workspace_id = $1 AND d.entity_type = $2 AND d.status = $3";
        const std::string id = id_column(q.type);
        // An open pair needs both records; a resolved one at least one (a merged record is gone).
        where += q.status == CandidateStatus::Open ? " AND a." + id + " IS NOT NULL AND b." + id + " IS NOT NULL"
                                                   : " AND (a." + id + " IS NOT NULL OR b." + id + " IS NOT NULL)";
        where +=
            " AND (a." + id + " IS NULL OR " + access_condition(q.access, params, "a.owner_user_id", "a.team_id") + ")";
        where +=
            " AND (b." + id + " IS NULL OR " + access_condition(q.access, params, "b.owner_user_id", "b.team_id") + ")";
        if (q.record_id) {
            params.push_back(*q.record_id);
            const std::string p = "$" + std::to_string(params.size());
            where += " AND (d.record_a = " + p + " OR d.record_b = " + p + ")";
        }
        if (q.after) {
            params.push_back(std::int64_t{q.after->score});
            const std::string s = "$" + std::to_string(params.size());
            params.push_back(q.after->candidate_id);
            const std::string i = "$" + std::to_string(params.size());
            where += " AND (d.score < " + s + " OR (d.score = " + s + " AND d.candidate_id > " + i + "))";
        }
        params.push_back(std::int64_t{q.limit} + 1);
        auto rs = RAPPORT_TRY(c.query(candidate_sql(q.type) + where + " ORDER BY d.score DESC, d.candidate_id LIMIT $" +
                                          std::to_string(params.size()),
                                      params));
        Page<DuplicateCandidate> page;
        for (const auto& row : rs.rows) {
            if (static_cast<int>(page.items.size()) == q.limit) {
                const auto& last = page.items.back();
                page.next_cursor = encode_candidate_cursor({last.score, last.candidate_id});
                break;
            }
            page.items.push_back(candidate_from(ws, row));
        }
        return page;
    });
}

Result<std::optional<DuplicateCandidate>> SqlDuplicateRepository::find(Id ws, Id candidate_id) {
    return read(db_, [&](Connection& c) -> Result<std::optional<DuplicateCandidate>> {
        auto type_rs = RAPPORT_TRY(c.query(kCandidateType, {ws, candidate_id}));
        if (type_rs.empty()) return std::optional<DuplicateCandidate>{};
        const auto type = parse_entity_type(as_text(type_rs.rows[0][0])).value_or(EntityType::Person);
        auto rs = RAPPORT_TRY(
            c.query(candidate_sql(type) + " WHERE d.workspace_id = $1 AND d.candidate_id = $2", {ws, candidate_id}));
        if (rs.empty()) return std::optional<DuplicateCandidate>{};
        return std::optional<DuplicateCandidate>{candidate_from(ws, rs.rows[0])};
    });
}

Status SqlDuplicateRepository::dismiss(Id ws, Id candidate_id, std::optional<Id> user_id, UnixMillis now,
                                       const AuditEntry& audit) {
    return write_transaction(db_, [&](Connection& c) -> Status {
        auto changed = RAPPORT_TRY(c.execute(kDismiss, {ws, candidate_id, opt(user_id), now}));
        if (changed == 0) return fail(Error::localized(ErrorCode::Conflict, "duplicates.no_longer_open"));
        return insert_audit(c, audit);
    });
}

Status SqlDuplicateRepository::merge(const MergeWrite& m) {
    const auto& survivor = m.survivor.record;
    const Id ws = survivor.workspace_id, from = m.merged.id, into = survivor.id;
    const EntityType type = survivor.type;
    const std::string type_name(to_string(type));
    return write_transaction(db_, [&](Connection& c) -> Status {
        RAPPORT_CHECK(write_records(c, {}, {m.survivor}));
        for (const auto& p : m.carried_provenance) {
            RAPPORT_CHECK(c.execute(kUpsertProvenance,
                                    {ws, type_name, into, p.field, std::string(to_string(p.source.kind)), p.source.ref,
                                     std::string(to_string(p.source.data_kind)), p.recorded_at}));
        }
        if (type == EntityType::Person) {
            RAPPORT_CHECK(c.execute(kMovePersonTimeline, {ws, from, into}));
            if (m.affiliations) {
                RAPPORT_CHECK(c.execute(kClearAffiliations, {ws, into}));
                for (const auto& a : *m.affiliations) {
                    RAPPORT_CHECK(c.execute(
                        kInsertAffiliation,
                        {ws, into, a.company_id, a.job_title.empty() ? Value{} : Value{a.job_title}, a.is_primary}));
                }
            }
            RAPPORT_CHECK(c.execute(kClearAffiliations, {ws, from}));
        } else {
            RAPPORT_CHECK(c.execute(kMoveCompanyTimeline, {ws, from, into}));
            RAPPORT_CHECK(c.execute(kMoveContacts, {ws, from, into}));
            RAPPORT_CHECK(c.execute(kDropContacts, {ws, from}));
            RAPPORT_CHECK(c.execute(kMoveConsumers, {ws, from, into}));
        }
        RAPPORT_CHECK(c.execute(kMoveMemberships, {ws, from, into}));
        RAPPORT_CHECK(c.execute(kDropMemberships, {ws, from}));
        RAPPORT_CHECK(c.execute(kDropTags, {ws, type_name, from}));
        RAPPORT_CHECK(c.execute(kDropProvenance, {ws, type_name, from}));
        RAPPORT_CHECK(c.execute(kDropFlags, {ws, type_name, from}));
        auto removed = RAPPORT_TRY(c.execute(
            "DELETE FROM " + table_of(type) + " WHERE workspace_id = $1 AND " + id_column(type) + " = $2", {ws, from}));
        if (removed == 0) return fail(Error::localized(ErrorCode::NotFound, "duplicates.merged_deleted_meanwhile"));
        RAPPORT_CHECK(c.execute(kRepointRedirects, {ws, from, into, type_name}));
        RAPPORT_CHECK(c.execute(kInsertRedirect, {ws, type_name, from, into, m.survivor.at}));
        if (m.candidate_id) {
            auto resolved = RAPPORT_TRY(
                c.execute(kResolveCandidate, {ws, *m.candidate_id, opt(m.survivor.actor_user_id), m.survivor.at}));
            if (resolved == 0) return fail(Error::localized(ErrorCode::Conflict, "duplicates.no_longer_open"));
        }
        RAPPORT_CHECK(c.execute(kDropOpenCandidatesOf, {ws, type_name, from}));
        return insert_audit(c, m.audit);
    });
}

}  // namespace rapport::storage
