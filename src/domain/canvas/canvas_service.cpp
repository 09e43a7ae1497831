#include "domain/canvas/canvas_service.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "domain/canvas/arithmetic.hpp"
#include "domain/identity/principals.hpp"
#include "domain/permissions/unrestricted.hpp"

namespace rapport::domain::canvas {

using customers::EntityType;
using nlohmann::json;
using segments::Segment;

namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
constexpr int kMaxSegments = 200;

// "YYYY-MM-DD" (UTC) of an instant, for the date conditions of list filters.
std::string day_of(UnixMillis ms) {
    using namespace std::chrono;
    const auto days = floor<std::chrono::days>(sys_time<milliseconds>(milliseconds(ms)));
    const year_month_day ymd{days};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

std::string list_route(EntityType type) {
    return type == EntityType::Person ? "/people" : "/companies";
}

json condition(const char* field, const char* op, json value = nullptr) {
    json c = {{"field", field}, {"op", op}};
    if (!value.is_null()) c["value"] = std::move(value);
    return c;
}

json all_of(std::vector<json> parts) {
    json out = json::array();
    for (auto& p : parts) {
        if (p.is_null() || (p.is_object() && p.empty())) continue;
        out.push_back(std::move(p));
    }
    if (out.empty()) return nullptr;
    if (out.size() == 1) return out[0];
    return json{{"and", out}};
}

// The members of a segment, narrowed by `extra` (a list filter) when the segment is a filter;
// a static segment's members are its page (lists cannot filter by membership).
Link segment_link(const Segment& s, json extra = nullptr) {
    if (s.type == segments::SegmentType::Static) return {"/segments/" + id_to_string(s.segment_id), nullptr};
    return {list_route(s.entity_type), all_of({s.filter, std::move(extra)})};
}

json created_between(Period p) {
    return all_of({condition("created_at", "gte", day_of(p.from)), condition("created_at", "lt", day_of(p.to))});
}

json owned_by(Id user) {
    return condition("owner_user_id", "eq", id_to_string(user));
}

const TypeActivity* find_type(const std::vector<TypeActivity>& rows, const std::string& type) {
    for (const auto& r : rows) {
        if (r.relationship_type == type) return &r;
    }
    return nullptr;
}

Figures type_figures(const TypeActivity* a, std::int64_t members, const Link& link) {
    const std::int64_t n = a ? a->interactions : 0;
    const std::int64_t c = a ? a->customers : 0;
    const std::int64_t m = a ? a->minutes : 0;
    return {{"interactions", Figure::count(n, link)},
            {"customers_touched", Figure::count(c, link)},
            {"activity_per_100", Figure::number(per_100(n, members), "no_customers", link)},
            {"touched_share", Figure::number(share(c, members), "no_customers", link)},
            {"minutes", Figure::count(m, link)}};
}

std::optional<double> average(const RatingFacts& r) {
    if (r.count <= 0) return std::nullopt;
    return static_cast<double>(r.sum) / static_cast<double>(r.count);
}

std::optional<double> as_number(std::optional<std::int64_t> v) {
    if (!v) return std::nullopt;
    return static_cast<double>(*v);
}

std::int64_t count_of(const std::vector<KeyCount>& rows, const std::string& key) {
    for (const auto& r : rows) {
        if (r.key == key) return r.count;
    }
    return 0;
}

std::int64_t total_of(const std::vector<KeyCount>& rows) {
    std::int64_t t = 0;
    for (const auto& r : rows) t += r.count;
    return t;
}

// Where the values of a source come from: the import history for imports.
Link source_link(const std::string& source_kind) {
    if (source_kind == "import") return {"/imports", nullptr};
    return {};
}

}  // namespace

const std::vector<std::string>& relationship_types() {
    static const std::vector<std::string> types = {
        "personal_assistance", "dedicated_assistance", "self_service", "automated", "community", "co_creation"};
    return types;
}

Status CanvasService::check(const Principal& actor, Period period, int no_contact_days) {
    RAPPORT_CHECK(require_role(actor, Role::Member, "canvas.action_reading"));
    std::vector<FieldError> errors;
    if (period.from >= period.to) errors.push_back(FieldError::localized("?from", "canvas.period_reversed"));
    if (no_contact_days < 1 || no_contact_days > kMaxNoContactDays) {
        errors.push_back(FieldError::localized("?no_contact_days", "canvas.no_contact_days_range",
                                               {{"max", std::to_string(kMaxNoContactDays)}}));
    }
    if (!errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "canvas.invalid_parameters", {}, std::move(errors)));
    }
    return {};
}

Result<bool> CanvasService::sees_all(const Principal& actor) {
    if (RAPPORT_TRY(actors_.is_partner(actor))) return false;
    const auto q = RAPPORT_TRY(customers_.list_query(actor, EntityType::Person, customers::ListRequest{}));
    return restricts_nothing(q.access);
}

Result<SegmentEstablished> CanvasService::established(const Principal& actor, Id segment_id, Period period,
                                                      int no_contact_days) {
    RAPPORT_CHECK(check(actor, period, no_contact_days));
    const Segment segment = RAPPORT_TRY(segments_.get(actor, segment_id));
    return measure(actor, segment, period, no_contact_days, RAPPORT_TRY(sees_all(actor)));
}

Result<std::vector<SegmentEstablished>> CanvasService::established_all(const Principal& actor, Period period,
                                                                       int no_contact_days) {
    RAPPORT_CHECK(check(actor, period, no_contact_days));
    const bool all = RAPPORT_TRY(sees_all(actor));
    const auto page = RAPPORT_TRY(segments_.list(actor, PageRequest{kMaxSegments, std::nullopt}));
    std::vector<SegmentEstablished> out;
    for (const auto& s : page.items) {
        auto measured = measure(actor, s, period, no_contact_days, all);
        // A segment whose stored filter went stale (a custom field removed) is left out here;
        // asked for alone, it answers the 422 that says why.
        if (!measured && measured.error().code == ErrorCode::Validation) continue;
        out.push_back(RAPPORT_TRY(std::move(measured)));
    }
    return out;
}

Result<SegmentEstablished> CanvasService::measure(const Principal& actor, const Segment& segment, Period period,
                                                  int no_contact_days, bool all) {
    const UnixMillis now = clock_.now_ms();
    Selection selection{segment.entity_type,
                        RAPPORT_TRY(customers_.list_query(actor, segment.entity_type,
                                                          segments::SegmentService::member_request(segment)))};
    // "No contact in N days" looks back from the end of the period (or now, for a period that
    // has not ended yet).
    const UnixMillis contact_until = std::min(period.to, now);
    const UnixMillis contact_since = contact_until - static_cast<UnixMillis>(no_contact_days) * kDayMs;
    const auto facts =
        RAPPORT_TRY(repo_.selection_facts(actor.workspace_id, selection, period, contact_since, contact_until));
    const std::int64_t members = facts.members.members;

    SegmentEstablished out;
    out.segment = {segment.segment_id, segment.name, std::string(segments::to_string(segment.kind)),
                   std::string(customers::to_string(segment.entity_type))};
    out.period = period;
    out.no_contact_days = no_contact_days;
    const Link everyone = segment_link(segment);
    const Link inbox{"/inbox", nullptr};
    const Link reports{"/reports", nullptr};

    for (const auto& type : relationship_types()) {
        Section s;
        s.name = type;
        if (type == "dedicated_assistance") {
            const std::int64_t without = members - facts.members.with_owner;
            s.figures = {
                {"customers", Figure::count(members, everyone)},
                {"with_owner", Figure::count(facts.members.with_owner,
                                             segment_link(segment, condition("owner_user_id", "is_not_empty")))},
                {"without_owner",
                 Figure::count(without, segment_link(segment, condition("owner_user_id", "is_empty")))},
                {"owner_share", Figure::number(share(facts.members.with_owner, members), "no_customers", everyone)},
                {"not_contacted", Figure::count(facts.members.not_contacted, everyone)},
                {"not_contacted_share",
                 Figure::number(share(facts.members.not_contacted, members), "no_customers", everyone)},
                {"owners", Figure::count(static_cast<std::int64_t>(facts.owners.size()), everyone)},
            };
            std::vector<Row> portfolios;
            for (const auto& o : facts.owners) {
                const Link mine = segment_link(segment, owned_by(o.user_id));
                portfolios.push_back({id_to_string(o.user_id),
                                      o.name,
                                      "",
                                      {{"customers", Figure::count(o.customers, mine)},
                                       {"share", Figure::number(share(o.customers, members), "no_customers", mine)}}});
            }
            s.rows.emplace_back("portfolios", std::move(portfolios));
        }
        for (auto& f : type_figures(find_type(facts.activity, type), members, everyone)) {
            s.figures.push_back(std::move(f));
        }
        if (type == "personal_assistance") {
            std::vector<std::int64_t> first_response;
            std::vector<std::int64_t> resolution;
            std::int64_t handled = 0;
            SlaOutcome sla;
            for (const auto& c : facts.conversations) {
                if (c.first_response_at) first_response.push_back(*c.first_response_at - c.created_at);
                if (c.resolved_at) resolution.push_back(*c.resolved_at - c.created_at);
                if (c.first_response_at || c.resolved_at) ++handled;
                add_sla(sla, c.first_response_due_at, c.first_response_at, now);
            }
            const auto fr = summarize(first_response);
            const auto rs = summarize(resolution);
            s.figures.insert(
                s.figures.end(),
                {{"conversations", Figure::count(static_cast<std::int64_t>(facts.conversations.size()), inbox)},
                 {"conversations_handled", Figure::count(handled, inbox)},
                 {"first_response_median_ms", Figure::number(as_number(fr.median), "no_data", inbox)},
                 {"first_response_p90_ms", Figure::number(as_number(fr.p90), "no_data", inbox)},
                 {"resolution_median_ms", Figure::number(as_number(rs.median), "no_data", inbox)},
                 {"resolution_p90_ms", Figure::number(as_number(rs.p90), "no_data", inbox)},
                 {"sla_met", Figure::count(sla.met, inbox)},
                 {"sla_breached", Figure::count(sla.breached, inbox)},
                 {"sla_compliance", Figure::number(share(sla.met, sla.met + sla.breached), "no_data", inbox)},
                 {"csat_average", Figure::number(average(facts.csat), "no_data", reports)},
                 {"csat_count", Figure::count(facts.csat.count, reports)}});
        }
        out.types.push_back(std::move(s));
    }

    // Segment metrics.
    Section& m = out.metrics;
    m.name = "metrics";
    const Link created = segment_link(segment, created_between(period));
    m.figures.push_back({"size", Figure::count(members, everyone)});
    m.figures.push_back({"new_customers", Figure::count(facts.members.created_in_period, created)});
    if (!all) {
        for (const char* name : {"size_at_start", "size_at_end", "lost_customers", "retention_rate"}) {
            m.figures.push_back({name, Figure::missing("not_visible", everyone)});
        }
    } else {
        // Snapshot days: the snapshot of day D is the size as D began (the daily pass runs just
        // after midnight UTC), so the period's start reads the last day up to from's day, its
        // end the last day up to to's day.
        const std::string from_day = day_of(period.from);
        const auto snapshots = RAPPORT_TRY(repo_.snapshots(actor.workspace_id, segment.segment_id, day_of(period.to)));
        std::optional<std::int64_t> start;
        std::optional<std::int64_t> end;
        for (const auto& snap : snapshots) {
            if (snap.day <= from_day) start = snap.members;
            if (snap.day >= from_day) out.trend.push_back(snap);
            end = snap.members;
        }
        if (period.to > now) end = members;  // the period has not ended: its end is now
        m.figures.push_back(
            {"size_at_start", start ? Figure::count(*start, everyone) : Figure::missing("no_snapshot", everyone)});
        m.figures.push_back(
            {"size_at_end", end ? Figure::count(*end, everyone) : Figure::missing("no_snapshot", everyone)});
        if (start && end) {
            const auto r = retention(*start, *end, facts.members.created_in_period);
            m.figures.push_back({"lost_customers", Figure::count(r.lost, everyone)});
            m.figures.push_back({"retention_rate", Figure::number(r.rate, "no_customers", everyone)});
        } else {
            m.figures.push_back({"lost_customers", Figure::missing("no_snapshot", everyone)});
            m.figures.push_back({"retention_rate", Figure::missing("no_snapshot", everyone)});
        }
    }
    const auto fields = static_cast<std::int64_t>(key_fields(segment.entity_type).size());
    m.figures.insert(
        m.figures.end(),
        {{"interactions", Figure::count(facts.interactions, everyone)},
         {"interactions_per_customer",
          Figure::number(members > 0 ? std::optional<double>(static_cast<double>(facts.interactions) /
                                                             static_cast<double>(members))
                                     : std::nullopt,
                         "no_customers", everyone)},
         {"contacted_share", Figure::number(share(facts.customers_touched, members), "no_customers", everyone)},
         {"csat_average", Figure::number(average(facts.csat), "no_data", reports)},
         {"csat_count", Figure::count(facts.csat.count, reports)},
         {"profile_completeness",
          Figure::number(share(facts.members.key_fields_filled, members * fields), "no_customers", everyone)},
         {"revenue_per_customer", Figure::missing("not_yet_measured")}});
    out.facts = facts;
    return out;
}

Result<CrmCanvas> CanvasService::crm(const Principal& actor, Period period, const std::string& version) {
    RAPPORT_CHECK(check(actor, period, kDefaultNoContactDays));
    const bool partner = RAPPORT_TRY(actors_.is_partner(actor));
    Selection people{EntityType::Person,
                     RAPPORT_TRY(customers_.list_query(actor, EntityType::Person, customers::ListRequest{}))};
    Selection companies{EntityType::Company,
                        RAPPORT_TRY(customers_.list_query(actor, EntityType::Company, customers::ListRequest{}))};
    const bool wide = !partner;
    const auto f = RAPPORT_TRY(repo_.workspace_facts(actor.workspace_id, people, companies, period, wide));

    CrmCanvas out;
    out.period = period;
    const Link people_list{"/people", nullptr};
    const Link company_list{"/companies", nullptr};

    // Customer: segments with their sizes, the B2B / B2C / B2B2C split, satisfaction.
    {
        Section s;
        s.name = "customer";
        const std::int64_t b2b = total_of(f.companies_by_market);
        const std::int64_t b2c = count_of(f.people_by_kind, "b2c_consumer");
        const std::int64_t b2b2c = f.consumers_of_buyers;
        const std::int64_t customers = b2b + b2c + b2b2c;
        const Link b2c_link{
            "/people", all_of({condition("kind", "eq", "b2c_consumer"), condition("buyer_company_id", "is_empty")})};
        const Link b2b2c_link{"/people", condition("buyer_company_id", "is_not_empty")};
        s.figures = {{"customers", Figure::count(customers)},
                     {"b2b", Figure::count(b2b, company_list)},
                     {"b2c", Figure::count(b2c, b2c_link)},
                     {"b2b2c", Figure::count(b2b2c, b2b2c_link)},
                     {"b2b_share", Figure::number(share(b2b, customers), "no_customers", company_list)},
                     {"b2c_share", Figure::number(share(b2c, customers), "no_customers", b2c_link)},
                     {"b2b2c_share", Figure::number(share(b2b2c, customers), "no_customers", b2b2c_link)},
                     {"b2b_contacts", Figure::count(count_of(f.people_by_kind, "b2b_contact"),
                                                    Link{"/people", condition("kind", "eq", "b2b_contact")})},
                     {"csat_average", Figure::number(average(f.csat), "no_data", Link{"/reports", nullptr})},
                     {"csat_count", Figure::count(f.csat.count, Link{"/reports", nullptr})}};
        std::vector<Row> rows;
        const auto page = RAPPORT_TRY(segments_.list(actor, PageRequest{kMaxSegments, std::nullopt}));
        for (const auto& seg : page.items) {
            // A filter that names a custom field since removed selects nothing any more: that
            // segment's size is "stale_filter", and the rest of the canvas stands.
            auto query = customers_.list_query(actor, seg.entity_type, segments::SegmentService::member_request(seg));
            Figure size = Figure::missing("stale_filter", segment_link(seg));
            if (query) {
                size = Figure::count(RAPPORT_TRY(repo_.count(actor.workspace_id, Selection{seg.entity_type, *query})),
                                     segment_link(seg));
            } else if (query.error().code != ErrorCode::Validation) {
                return fail(std::move(query).error());
            }
            rows.push_back({id_to_string(seg.segment_id),
                            seg.name,
                            std::string(segments::to_string(seg.kind)),
                            {{"size", std::move(size)}}});
        }
        s.rows.emplace_back("segments", std::move(rows));
        out.blocks.push_back(std::move(s));
    }
    // Data: field values by data kind; consent coverage once consent exists.
    {
        Section s;
        s.name = "data";
        const std::int64_t values = total_of(f.values_by_data_kind);
        s.figures.push_back({"field_values", Figure::count(values)});
        for (const char* kind : {"zero_party", "first_party", "second_party", "third_party"}) {
            const std::int64_t n = count_of(f.values_by_data_kind, kind);
            s.figures.push_back({std::string(kind), Figure::count(n)});
            s.figures.push_back({std::string(kind) + "_share", Figure::number(share(n, values), "no_data")});
        }
        s.figures.push_back({"consent_coverage", Figure::missing("not_yet_measured")});
        out.blocks.push_back(std::move(s));
    }
    // Data sources: records and field values by source, the last import per entity type.
    {
        Section s;
        s.name = "data_sources";
        std::vector<Row> sources;
        for (const auto& v : f.values_by_source) {
            sources.push_back({v.key,
                               v.key,
                               "",
                               {{"field_values", Figure::count(v.count, source_link(v.key))},
                                {"records", Figure::count(count_of(f.records_by_source, v.key), source_link(v.key))}}});
        }
        s.rows.emplace_back("sources", std::move(sources));
        if (wide) {
            std::vector<Row> imports;
            for (const auto& i : f.last_imports) {
                const Link link{"/import/" + id_to_string(i.import_id), nullptr};
                Row row{id_to_string(i.import_id), i.filename, i.entity_type, {}};
                row.figures = {{"created", Figure::count(i.created, link)},
                               {"updated", Figure::count(i.updated, link)},
                               {"finished_at", i.finished_at ? Figure::count(*i.finished_at, link)
                                                             : Figure::missing("no_data", link)}};
                imports.push_back(std::move(row));
            }
            s.rows.emplace_back("last_imports", std::move(imports));
        }
        out.blocks.push_back(std::move(s));
    }
    // Executors: teams with their kinds, hunters and farmers, workload per person.
    {
        Section s;
        s.name = "executors";
        if (!wide) {
            s.reason = "not_visible";
        } else {
            const Link teams_link{"/settings/teams", nullptr};
            std::int64_t hunters = 0;
            std::int64_t farmers = 0;
            std::vector<Row> teams;
            for (const auto& t : f.teams) {
                hunters += t.hunters;
                farmers += t.farmers;
                const Link link{"/settings/teams/" + id_to_string(t.team_id), nullptr};
                teams.push_back({id_to_string(t.team_id),
                                 t.name,
                                 t.kind,
                                 {{"members", Figure::count(t.members, link)},
                                  {"hunters", Figure::count(t.hunters, link)},
                                  {"farmers", Figure::count(t.farmers, link)}}});
            }
            s.figures = {{"teams", Figure::count(static_cast<std::int64_t>(f.teams.size()), teams_link)},
                         {"hunters", Figure::count(hunters, teams_link)},
                         {"farmers", Figure::count(farmers, teams_link)},
                         {"people", Figure::count(static_cast<std::int64_t>(f.workload.size()),
                                                  Link{"/settings/users", nullptr})}};
            std::vector<Row> workload;
            for (const auto& w : f.workload) {
                workload.push_back(
                    {id_to_string(w.user_id),
                     w.name,
                     "",
                     {{"open_conversations", Figure::count(w.open_conversations, Link{"/inbox", nullptr})},
                      {"open_tasks", Figure::count(w.open_tasks, Link{"/tasks", nullptr})},
                      {"owned_customers", Figure::count(w.owned_customers, Link{"/people", owned_by(w.user_id)})}}});
            }
            s.rows.emplace_back("teams", std::move(teams));
            s.rows.emplace_back("workload", std::move(workload));
        }
        out.blocks.push_back(std::move(s));
    }
    // Market: B2B against B2C (companies by their market, consumers as B2C).
    {
        Section s;
        s.name = "market";
        const std::int64_t b2b = count_of(f.companies_by_market, "b2b");
        const std::int64_t b2c =
            count_of(f.companies_by_market, "b2c") + count_of(f.people_by_kind, "b2c_consumer") + f.consumers_of_buyers;
        s.figures = {{"b2b", Figure::count(b2b, Link{"/companies", condition("market", "eq", "b2b")})},
                     {"b2c", Figure::count(b2c)},
                     {"b2b_share", Figure::number(share(b2b, b2b + b2c), "no_customers")},
                     {"b2c_share", Figure::number(share(b2c, b2b + b2c), "no_customers")}};
        out.blocks.push_back(std::move(s));
    }
    // Strategies and processes come from the relationship plans, costs from the cost model:
    // explicit hooks, filled when those join the canvas.
    for (const char* name : {"strategies", "processes"}) {
        Section s;
        s.name = name;
        s.reason = "no_plan_yet";
        out.blocks.push_back(std::move(s));
    }
    {
        Section s;
        s.name = "costs";
        s.reason = "not_yet_measured";
        s.figures = {{"total", Figure::missing("not_yet_measured")}};
        out.blocks.push_back(std::move(s));
    }
    // Technology: this deployment.
    {
        Section s;
        s.name = "technology";
        s.facts = {{"engine", repo_.engine()}, {"version", version}};
        if (wide) {
            const Link mailboxes{"/settings/mailboxes", nullptr};
            s.figures = {{"mailboxes", Figure::count(f.mailboxes, mailboxes)},
                         {"mailboxes_enabled", Figure::count(f.mailboxes_enabled, mailboxes)},
                         {"channels", Figure::count(static_cast<std::int64_t>(f.conversation_channels.size()),
                                                    Link{"/inbox", nullptr})},
                         {"api_keys", Figure::count(f.api_keys_active, Link{"/settings/api-keys", nullptr})},
                         {"contact_forms", Figure::count(f.contact_forms)}};
            std::vector<Row> channels;
            for (const auto& c : f.conversation_channels) {
                channels.push_back(
                    {c.key, c.key, "", {{"conversations", Figure::count(c.count, Link{"/inbox", nullptr})}}});
            }
            s.rows.emplace_back("channels", std::move(channels));
        } else {
            s.reason = "not_visible";
        }
        out.blocks.push_back(std::move(s));
    }
    return out;
}

}  // namespace rapport::domain::canvas
