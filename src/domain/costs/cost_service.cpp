#include "domain/costs/cost_service.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "domain/audit/audit_of.hpp"
#include "domain/permissions/unrestricted.hpp"

namespace rapport::domain::costs {

namespace {

constexpr int kBatch = 500;
// Above this many ids, selecting by id batches costs more than reading the request's own
// records once (a segment's members, the reader's records) and keeping those with a cost.
constexpr std::size_t kStreamAbove = 20000;

std::string text_field(const customers::CustomerRecord& r, const char* name) {
    auto it = r.fields.find(name);
    return it != r.fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string name_of(const customers::CustomerRecord& r) {
    if (r.type == customers::EntityType::Company) {
        auto name = text_field(r, "trade_name");
        return name.empty() ? text_field(r, "legal_name") : name;
    }
    auto first = text_field(r, "first_name"), last = text_field(r, "last_name");
    return first.empty() ? last : last.empty() ? first : first + " " + last;
}

// The versions in effect over [from, to): (version or null, from, to) slices.
std::vector<Slice> slices_of(const std::vector<CostModel>& models, Period period) {
    std::vector<Slice> out;
    Day at = period.from;
    while (at < period.to) {
        const CostModel* current = nullptr;
        Day next = period.to;
        for (const auto& m : models) {
            const Day from = *parse_day(m.effective_from);
            if (from <= at) {
                current = &m;
            } else {
                next = std::min(next, from);
                break;
            }
        }
        Slice s;
        s.model = current;
        s.from = at;
        s.to = next;
        out.push_back(std::move(s));
        at = next;
    }
    return out;
}

}  // namespace

Status CostService::may_read(const Principal& actor) {
    if (!role_at_least(actor.role, Role::Member) || RAPPORT_TRY(actors_.is_partner(actor))) {
        return fail(Error::localized(ErrorCode::Forbidden, "costs.read_forbidden"));
    }
    return {};
}

Status CostService::may_write(const Principal& actor) {
    if (!role_at_least(actor.role, Role::Admin)) {
        return fail(Error::localized(ErrorCode::Forbidden, "costs.write_admins_only"));
    }
    return {};
}

Result<std::vector<CostModel>> CostService::history(const Principal& actor) {
    RAPPORT_CHECK(may_read(actor));
    auto models = RAPPORT_TRY(repo_.models(actor.workspace_id));
    std::reverse(models.begin(), models.end());
    return models;
}

Result<std::optional<CostModel>> CostService::in_effect(const Principal& actor, std::optional<Day> day) {
    RAPPORT_CHECK(may_read(actor));
    const Day on = day.value_or(day_of(clock_.now_ms()));
    std::optional<CostModel> found;
    for (auto& m : RAPPORT_TRY(repo_.models(actor.workspace_id))) {
        if (*parse_day(m.effective_from) <= on) found = std::move(m);
    }
    return found;
}

Result<CostModel> CostService::save(const Principal& actor, CostModel model, const std::string& ip,
                                    std::vector<FieldError> request_errors) {
    RAPPORT_CHECK(may_write(actor));
    auto errors = std::move(request_errors);
    // A field the request already got wrong is not reported twice.
    for (auto& e : validate(model, RAPPORT_TRY(repo_.team_ids(actor.workspace_id)))) {
        const bool known = std::any_of(errors.begin(), errors.end(), [&](const FieldError& r) {
            return r.pointer == e.pointer || e.pointer.rfind(r.pointer + "/", 0) == 0;
        });
        if (!known) errors.push_back(std::move(e));
    }
    if (errors.empty()) {
        // One currency for the whole history, so periods spanning versions add up: a change
        // of currency is possible only while the version replaced is the only one.
        for (const auto& m : RAPPORT_TRY(repo_.models(actor.workspace_id))) {
            if (m.effective_from != model.effective_from && m.currency != model.currency) {
                errors.push_back(
                    FieldError::localized("/currency", "costs.currency_fixed", {{"currency", m.currency}}));
                break;
            }
        }
    }
    if (!errors.empty()) {
        return fail(Error::localized(ErrorCode::Validation, "costs.model_invalid",
                                     {{"count", std::to_string(errors.size())}}, std::move(errors)));
    }
    model.workspace_id = actor.workspace_id;
    model.version_id = new_id();
    model.created_at = clock_.now_ms();
    model.created_by_user_id = actor.user_id;
    return repo_.save_model(
        model, audit_of(actor, model.created_at, "costs.model_saved", "cost_model", model.effective_from, ip));
}

Status CostService::remove(const Principal& actor, Id version_id, const std::string& ip) {
    RAPPORT_CHECK(may_write(actor));
    const auto entry =
        audit_of(actor, clock_.now_ms(), "costs.model_removed", "cost_model", id_to_string(version_id), ip);
    if (!RAPPORT_TRY(repo_.remove_model(actor.workspace_id, version_id, entry))) {
        return fail(Error::localized(ErrorCode::NotFound, "costs.version_not_found"));
    }
    return {};
}

Result<CostReport> CostService::compute(Id workspace_id, Period period, std::vector<Id>& versions,
                                        std::string& currency) {
    const auto models = RAPPORT_TRY(repo_.models(workspace_id));
    if (!models.empty()) currency = models.back().currency;
    auto slices = slices_of(models, period);
    for (auto& s : slices) {
        if (s.model) versions.push_back(s.model->version_id);
        s.minutes = RAPPORT_TRY(repo_.minutes(workspace_id, start_of(s.from), start_of(s.to)));
        s.messages = RAPPORT_TRY(repo_.messages(workspace_id, start_of(s.from), start_of(s.to)));
    }
    const auto authors = RAPPORT_TRY(repo_.authors(workspace_id));
    return compute_costs(slices, authors);
}

Result<bool> CostService::reads_everything(const Principal& actor) {
    if (RAPPORT_TRY(actors_.is_partner(actor))) return false;
    const auto q = RAPPORT_TRY(customers_.list_query(actor, customers::EntityType::Person, customers::ListRequest{}));
    return restricts_nothing(q.access);
}

Result<std::map<CustomerKey, std::string>> CostService::select(const Principal& actor, customers::EntityType type,
                                                               const customers::ListRequest& request,
                                                               const std::vector<Id>& ids) {
    std::map<CustomerKey, std::string> out;
    if (ids.size() > kStreamAbove) {
        const std::unordered_set<Id> wanted(ids.begin(), ids.end());
        auto stream = RAPPORT_TRY(customers_.stream(actor, type, request));
        bool more = true;
        while (more) {
            more = RAPPORT_TRY(stream.next(kBatch, [&](const customers::CustomerRecord& r) {
                if (wanted.contains(r.id)) out[{type, r.id}] = name_of(r);
            }));
        }
        return out;
    }
    for (std::size_t at = 0; at < ids.size(); at += kBatch) {
        customers::ListRequest batch = request;
        batch.ids.assign(ids.begin() + static_cast<std::ptrdiff_t>(at),
                         ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), at + kBatch)));
        auto stream = RAPPORT_TRY(customers_.stream(actor, type, batch));
        bool more = true;
        while (more) {
            more = RAPPORT_TRY(stream.next(kBatch, [&](const customers::CustomerRecord& r) {
                out[{type, r.id}] = name_of(r);
            }));
        }
    }
    return out;
}

namespace {

Status check_period(Period period) {
    if (period.from >= period.to) return fail(Error::localized_field("?from", "costs.period_reversed"));
    if (period.to - period.from > CostService::kMaxPeriodDays) {
        return fail(Error::localized_field("?to", "costs.period_too_long",
                                           {{"max", std::to_string(CostService::kMaxPeriodDays)}}));
    }
    return {};
}

}  // namespace

Result<CostsView> CostService::costs(const Principal& actor, Period period, std::optional<Id> segment_id, int limit) {
    RAPPORT_CHECK(may_read(actor));
    RAPPORT_CHECK(check_period(period));
    limit = std::clamp(limit, 1, kMaxLimit);
    std::vector<segments::Segment> wanted;
    if (segment_id) {
        wanted.push_back(RAPPORT_TRY(segments_.get(actor, *segment_id)));
    } else {
        PageRequest page;
        page.limit = 100;
        while (static_cast<int>(wanted.size()) < kMaxSegments) {
            auto got = RAPPORT_TRY(segments_.list(actor, page));
            for (auto& s : got.items) wanted.push_back(std::move(s));
            if (!got.next_cursor || got.items.empty()) break;
            page.after = wanted.back().segment_id;
        }
    }

    CostsView view;
    view.period = period;
    view.segment_id = segment_id;
    view.report = RAPPORT_TRY(compute(actor.workspace_id, period, view.versions_used, view.currency));

    // Ids per entity type of the customers with a cost or activity (the ranked list), and what
    // segments sum: people's costs, and each company's roll-up (its contacts' costs included).
    std::map<customers::EntityType, std::vector<Id>> ids, segment_ids;
    for (const auto& c : view.report.by_customer) ids[c.customer.type].push_back(c.customer.id);
    std::map<CustomerKey, const CustomerCost*> cost_of;
    for (const auto& c : view.report.by_customer) {
        if (c.customer.type != customers::EntityType::Person) continue;
        cost_of[c.customer] = &c;
        segment_ids[c.customer.type].push_back(c.customer.id);
    }
    for (const auto& c : view.report.by_company) {
        cost_of[c.customer] = &c;
        segment_ids[c.customer.type].push_back(c.customer.id);
    }
    // A reader who reads every record sees every customer of a segment without a filter: its
    // members with a cost are all of them, with no record read.
    const bool everything = RAPPORT_TRY(reads_everything(actor));
    for (const auto& segment : wanted) {
        std::map<CustomerKey, std::string> members;
        const bool whole = segment.type == segments::SegmentType::Dynamic &&
                           (segment.filter.is_null() || (segment.filter.is_object() && segment.filter.empty()));
        if (everything && whole) {
            for (Id id : segment_ids[segment.entity_type]) members[{segment.entity_type, id}];
        } else {
            members = RAPPORT_TRY(select(actor, segment.entity_type, segments::SegmentService::member_request(segment),
                                         segment_ids[segment.entity_type]));
        }
        SegmentCost row;
        row.segment_id = segment.segment_id;
        row.name = segment.name;
        row.entity_type = segment.entity_type;
        for (const auto& [key, name] : members) {
            const CustomerCost& c = *cost_of.at(key);
            row.cost += c.cost;
            row.activity.minutes += c.activity.minutes;
            row.activity.messages += c.activity.messages;
            ++row.customers_with_activity;
            for (const auto& [type, cost] : c.by_type) row.by_type[type] += cost;
        }
        view.by_segment.push_back(std::move(row));
    }

    // The ranked list: readable customers, most costly first; of a segment, its members (a
    // company segment lists its companies with their roll-up).
    const bool companies = segment_id && wanted.front().entity_type == customers::EntityType::Company;
    const auto& ranked = companies ? view.report.by_company : view.report.by_customer;
    std::map<CustomerKey, std::string> readable;
    if (everything && !segment_id) {
        // Every ranked customer is readable: names are needed for the first `limit` only.
        view.customer_count = static_cast<std::int64_t>(ranked.size());
        std::map<customers::EntityType, std::vector<Id>> first;
        for (std::size_t i = 0; i < ranked.size() && static_cast<int>(i) < limit; ++i) {
            first[ranked[i].customer.type].push_back(ranked[i].customer.id);
        }
        for (const auto& [type, list] : first) readable.merge(RAPPORT_TRY(select(actor, type, {}, list)));
        for (std::size_t i = 0; i < ranked.size() && static_cast<int>(view.customers.size()) < limit; ++i) {
            auto it = readable.find(ranked[i].customer);
            // A record deleted since the period keeps its cost but has no name to show.
            view.customers.push_back({ranked[i], it == readable.end() ? std::string() : it->second});
        }
        view.report.by_customer.clear();
        view.report.by_company.clear();
        return view;
    }
    for (auto type : {customers::EntityType::Company, customers::EntityType::Person}) {
        if (segment_id && wanted.front().entity_type != type) continue;
        const auto request =
            segment_id ? segments::SegmentService::member_request(wanted.front()) : customers::ListRequest{};
        readable.merge(RAPPORT_TRY(select(actor, type, request, segment_id ? segment_ids[type] : ids[type])));
    }
    for (const auto& c : ranked) {
        auto it = readable.find(c.customer);
        if (it == readable.end()) continue;
        ++view.customer_count;
        if (static_cast<int>(view.customers.size()) < limit) view.customers.push_back({c, it->second});
    }
    view.report.by_customer.clear();
    view.report.by_company.clear();
    return view;
}

Result<CustomerCostView> CostService::customer_cost(const Principal& actor, customers::EntityType type, Id id,
                                                    Period period) {
    RAPPORT_CHECK(may_read(actor));
    RAPPORT_CHECK(check_period(period));
    RAPPORT_CHECK(customers_.ensure_readable(actor, type, id));
    CustomerCostView view;
    view.period = period;
    std::vector<Id> versions;
    const auto report = RAPPORT_TRY(compute(actor.workspace_id, period, versions, view.currency));
    const CustomerKey key{type, id};
    view.customer.cost.customer = key;
    const auto names = RAPPORT_TRY(select(actor, type, customers::ListRequest{}, {id}));
    if (auto it = names.find(key); it != names.end()) view.customer.name = it->second;
    // A company answers with its roll-up (its contacts' costs included), ranked among companies.
    const auto& rows = type == customers::EntityType::Company ? report.by_company : report.by_customer;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].customer == key) {
            view.customer.cost = rows[i];
            if (rows[i].cost.total_cents() > 0) view.rank = static_cast<std::int64_t>(i) + 1;
            break;
        }
    }
    return view;
}

}  // namespace rapport::domain::costs
