#include "domain/segments/segment_service.hpp"

#include "domain/audit/audit_of.hpp"

#include <set>

#include "core/utf8.hpp"
#include "domain/customers/list_query.hpp"
#include "domain/filters/dates.hpp"
#include "domain/filters/parse.hpp"
#include "domain/identity/principals.hpp"

namespace rapport::domain::segments {

using customers::CustomerRecord;
using customers::EntityType;

namespace {

constexpr int kHistoryLimit = 1000;
constexpr int kPassBatch = 200;
constexpr int kDefaultHistoryDays = 365;

std::string what(EntityType type) {
    return type == EntityType::Company ? "company" : "person";
}

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

// A dynamic segment's stored filter is checked again on every use, because a custom field it
// names can be removed after it was saved. Its problems point into the segment (/filter/...:
// the member requests take no filter of their own), and say whose filter it is.
template <class T>
Result<T> about_stored_filter(Result<T> result) {
    if (result || result.error().code != ErrorCode::Validation) return result;
    Error e = std::move(result).error();
    bool stored = false;
    for (const auto& f : e.fields) stored = stored || f.pointer.rfind("/filter", 0) == 0;
    if (!stored) return fail(std::move(e));
    return fail(Error::localized(ErrorCode::Validation, "segments.stored_filter_stale", {}, std::move(e.fields)));
}

}  // namespace

AuditEntry SegmentService::audit(const Principal& actor, std::string action, Id segment_id,
                                 const std::string& ip) const {
    return audit_of(actor, clock_.now_ms(), std::move(action), "segment", id_to_string(segment_id), ip);
}

Result<Segment> SegmentService::find_visible(const Principal& actor, Id segment_id) {
    auto found = RAPPORT_TRY(repo_.find(actor.workspace_id, segment_id));
    if (!found || (found->owner_user_id != actor.user_id && RAPPORT_TRY(actors_.is_partner(actor)))) {
        return fail(Error::localized(ErrorCode::NotFound, "segments.not_found", {{"id", id_to_string(segment_id)}}));
    }
    return std::move(*found);
}

Status SegmentService::ensure_can_change(const Principal& actor, const Segment& segment, std::string_view action) {
    if (role_at_least(actor.role, Role::Manager)) return {};
    if (role_at_least(actor.role, Role::Member) && actor.user_id && segment.owner_user_id == actor.user_id) return {};
    return fail(Error::localized(ErrorCode::Forbidden, "segments.change_needs_manager",
                                 {{messages::has(action) ? "action_key" : "action", std::string(action)},
                                  {"role", std::string(to_string(actor.role))}}));
}

Status SegmentService::ensure_reads_all(const Principal& actor, std::string_view action) {
    const RoleGrants grants = RAPPORT_TRY(actors_.role_grants(actor));
    if (grants.for_role(actor.role).read == Scope::All) return {};
    return fail(Error::localized(ErrorCode::Forbidden, "segments.needs_read_all",
                                 {{messages::has(action) ? "action_key" : "action", std::string(action)},
                                  {"role", std::string(to_string(actor.role))}}));
}

Status SegmentService::apply(const Principal& actor, Segment& segment, const SegmentInput& input, bool creating) {
    std::vector<FieldError> errors = input.request_errors;
    const auto required = [&](const char* pointer) {
        errors.push_back(FieldError::localized(pointer, "common.required"));
    };

    if (input.name) {
        const std::string name = trimmed(*input.name);
        if (name.empty() || code_points(name) > kMaxNameLength) {
            errors.push_back(FieldError::localized("/name", "segments.name_length"));
        } else {
            segment.name = name;
        }
    } else if (creating) {
        required("/name");
    }
    if (input.description) {
        if (code_points(*input.description) > kMaxDescriptionLength) {
            errors.push_back(FieldError::localized("/description", "common.too_long", {{"max", "2000"}}));
        } else {
            segment.description = *input.description;
        }
    }
    if (input.kind) {
        segment.kind = *input.kind;
    } else if (creating) {
        required("/kind");
    }
    // The entity type and the type decide what the members are; changing them would turn the
    // segment into another one under the same id.
    if (input.entity_type) {
        if (!creating && *input.entity_type != segment.entity_type) {
            errors.push_back(FieldError::localized("/entity_type", "segments.unchangeable"));
        } else {
            segment.entity_type = *input.entity_type;
        }
    } else if (creating) {
        required("/entity_type");
    }
    if (input.type) {
        if (!creating && *input.type != segment.type) {
            errors.push_back(FieldError::localized("/type", "segments.unchangeable"));
        } else {
            segment.type = *input.type;
        }
    } else if (creating) {
        required("/type");
    }

    // The filter is checked against the fields of the segment's entity type, so it needs both
    // to be known.
    if (!creating || (input.type && input.entity_type)) {
        if (segment.type == SegmentType::Dynamic) {
            if (input.filter && input.filter->is_null()) {
                errors.push_back(
                    FieldError::localized("/filter", "segments.dynamic_needs_filter_" + what(segment.entity_type)));
            } else if (input.filter) {
                const auto defs = RAPPORT_TRY(customers_.custom_fields(actor, segment.entity_type));
                auto parsed = filters::parse_filter(*input.filter, customers::filter_catalog(segment.entity_type, defs),
                                                    "/filter");
                if (!parsed) {
                    auto problems = std::move(parsed).error();
                    if (problems.fields.empty()) {
                        problems.fields.push_back({"/filter", problems.detail, problems.key, problems.args});
                    }
                    for (auto& f : problems.fields) errors.push_back(std::move(f));
                } else {
                    segment.filter = *input.filter;
                }
            } else if (creating) {
                errors.push_back(
                    FieldError::localized("/filter", "segments.filter_required_" + what(segment.entity_type)));
            }
        } else {
            if (input.filter && !input.filter->is_null()) {
                errors.push_back(FieldError::localized("/filter", "segments.static_has_no_filter"));
            }
            segment.filter = nullptr;
        }
    }

    if (input.owner_user_id) {
        const auto& owner = *input.owner_user_id;
        if (owner != actor.user_id && !role_at_least(actor.role, Role::Manager)) {
            errors.push_back(FieldError::localized("/owner_user_id", "segments.give_needs_manager"));
        } else if (owner) {
            auto user = users_.get_user(actor, *owner);
            if (!user && user.error().code != ErrorCode::NotFound) return fail(std::move(user).error());
            if (!user) {
                errors.push_back(FieldError::localized("/owner_user_id", "customers.no_owner_user"));
            } else {
                segment.owner_user_id = owner;
            }
        } else {
            segment.owner_user_id.reset();
        }
    }

    if (!errors.empty()) {
        const std::string count = std::to_string(errors.size());
        return fail(Error::localized(ErrorCode::Validation, "segments.invalid", {{"count", count}}, std::move(errors)));
    }
    return {};
}

Result<Segment> SegmentService::create(const Principal& actor, const SegmentInput& input, const std::string& ip) {
    RAPPORT_CHECK(require_role(actor, Role::Member, "segments.action_creating"));
    Segment segment;
    segment.workspace_id = actor.workspace_id;
    segment.segment_id = new_id();
    segment.owner_user_id = actor.user_id;  // default: the creator owns it
    RAPPORT_CHECK(apply(actor, segment, input, true));
    segment.created_at = segment.updated_at = clock_.now_ms();
    RAPPORT_CHECK(repo_.insert(segment, audit(actor, "segment.created", segment.segment_id, ip)));
    return segment;
}

Result<Segment> SegmentService::update(const Principal& actor, Id segment_id, const SegmentInput& input,
                                       const std::string& ip) {
    Segment segment = RAPPORT_TRY(find_visible(actor, segment_id));
    RAPPORT_CHECK(ensure_can_change(actor, segment, "segments.action_changing"));
    RAPPORT_CHECK(apply(actor, segment, input, false));
    segment.updated_at = clock_.now_ms();
    RAPPORT_CHECK(repo_.update(segment, audit(actor, "segment.updated", segment_id, ip)));
    return segment;
}

Status SegmentService::remove(const Principal& actor, Id segment_id, const std::string& ip) {
    Segment segment = RAPPORT_TRY(find_visible(actor, segment_id));
    RAPPORT_CHECK(ensure_can_change(actor, segment, "segments.action_deleting"));
    return repo_.remove(actor.workspace_id, segment_id, audit(actor, "segment.deleted", segment_id, ip));
}

Result<Segment> SegmentService::get(const Principal& actor, Id segment_id) {
    return find_visible(actor, segment_id);
}

Result<Page<Segment>> SegmentService::list(const Principal& actor, const PageRequest& page) {
    // A buyer's partner user works outside the company: the workspace's segments (its plans
    // for its customers) are not theirs, only those they made.
    const bool partner = RAPPORT_TRY(actors_.is_partner(actor));
    return repo_.list(actor.workspace_id, page, partner ? actor.user_id : std::nullopt);
}

customers::ListRequest SegmentService::member_request(const Segment& segment) {
    customers::ListRequest request;
    if (segment.type == SegmentType::Dynamic) {
        request.filter = segment.filter;
    } else {
        request.member_of = segment.segment_id;
    }
    return request;
}

Result<std::int64_t> SegmentService::count(const Principal& actor, const Segment& segment) {
    return about_stored_filter(customers_.count(actor, segment.entity_type, member_request(segment)));
}

Result<Page<CustomerRecord>> SegmentService::members(const Principal& actor, const Segment& segment, int limit,
                                                     std::optional<std::string> cursor) {
    auto request = member_request(segment);
    request.limit = limit;
    request.cursor = std::move(cursor);
    return about_stored_filter(customers_.list(actor, segment.entity_type, request));
}

Result<customers::RecordStream> SegmentService::stream(const Principal& actor, const Segment& segment, std::string sort,
                                                       bool descending) {
    auto request = member_request(segment);
    request.sort = std::move(sort);
    request.descending = descending;
    return about_stored_filter(customers_.stream(actor, segment.entity_type, request));
}

Result<std::int64_t> SegmentService::add_members(const Principal& actor, Id segment_id,
                                                 const std::vector<std::string>& ids) {
    const Segment segment = RAPPORT_TRY(find_visible(actor, segment_id));
    RAPPORT_CHECK(ensure_can_change(actor, segment, "segments.action_changing_members"));
    if (segment.type == SegmentType::Dynamic) {
        return fail(Error::localized_field("/ids", "segments.dynamic_takes_no_members"));
    }
    std::vector<FieldError> errors;
    std::vector<Id> accepted;
    if (ids.empty()) errors.push_back(FieldError::localized("/ids", "segments.ids_empty"));
    if (ids.size() > kMaxMembersPerRequest) {
        errors.push_back(
            FieldError::localized("/ids", "segments.too_many_ids", {{"max", std::to_string(kMaxMembersPerRequest)}}));
    } else {
        std::set<Id> seen;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const std::string pointer = "/ids/" + std::to_string(i);
            const auto id = parse_id(ids[i]);
            if (!id) {
                errors.push_back(FieldError::localized(pointer, "common.record_id_invalid"));
                continue;
            }
            if (!seen.insert(*id).second) continue;
            // A record the actor may not read is answered exactly like a missing one.
            auto readable = customers_.ensure_readable(actor, segment.entity_type, *id);
            if (!readable) {
                if (readable.error().code != ErrorCode::NotFound) return fail(std::move(readable).error());
                errors.push_back(FieldError::localized(pointer, "customers." + what(segment.entity_type) + "_not_found",
                                                       {{"id", ids[i]}}));
                continue;
            }
            accepted.push_back(*id);
        }
    }
    if (!errors.empty()) {
        const std::string count = std::to_string(errors.size());
        return fail(Error::localized(ErrorCode::Validation, "segments.no_member_added_ids", {{"count", count}},
                                     std::move(errors)));
    }
    return repo_.add_members(actor.workspace_id, segment_id, accepted, clock_.now_ms());
}

Status SegmentService::remove_member(const Principal& actor, Id segment_id, Id record_id) {
    const Segment segment = RAPPORT_TRY(find_visible(actor, segment_id));
    RAPPORT_CHECK(ensure_can_change(actor, segment, "segments.action_changing_members"));
    if (segment.type == SegmentType::Dynamic) {
        return fail(Error::localized(ErrorCode::Validation, "segments.dynamic_members_by_filter"));
    }
    const Error missing =
        Error::localized(ErrorCode::NotFound, "segments.member_not_found", {{"id", id_to_string(record_id)}});
    auto readable = customers_.ensure_readable(actor, segment.entity_type, record_id);
    if (!readable) {
        if (readable.error().code == ErrorCode::NotFound) return fail(missing);
        return fail(std::move(readable).error());
    }
    if (!RAPPORT_TRY(repo_.remove_member(actor.workspace_id, segment_id, record_id))) {
        return fail(missing);
    }
    return {};
}

Result<Snapshot> SegmentService::take_snapshot(const Segment& segment) {
    const auto count = RAPPORT_TRY(
        about_stored_filter(customers_.count_all(segment.workspace_id, segment.entity_type, member_request(segment))));
    Snapshot snapshot;
    snapshot.taken_at = clock_.now_ms();
    snapshot.day = utc_day(snapshot.taken_at);
    snapshot.member_count = count;
    RAPPORT_CHECK(repo_.upsert_snapshot(segment.workspace_id, segment.segment_id, snapshot));
    return snapshot;
}

Result<Snapshot> SegmentService::snapshot(const Principal& actor, Id segment_id) {
    const Segment segment = RAPPORT_TRY(find_visible(actor, segment_id));
    RAPPORT_CHECK(ensure_reads_all(actor, "segments.action_snapshot"));
    return take_snapshot(segment);
}

Result<std::vector<Snapshot>> SegmentService::history(const Principal& actor, Id segment_id,
                                                      std::optional<std::string> from, std::optional<std::string> to) {
    RAPPORT_CHECK(find_visible(actor, segment_id));
    RAPPORT_CHECK(ensure_reads_all(actor, "segments.action_reading_history"));
    std::vector<FieldError> errors;
    auto to_date = filters::date_of(clock_.now_ms());
    if (to) {
        if (auto d = filters::parse_iso_date(*to)) {
            to_date = *d;
        } else {
            errors.push_back(FieldError::localized("/to", "common.must_be_date"));
        }
    }
    auto from_date = filters::CalendarDate{to_date.days - (kDefaultHistoryDays - 1)};
    if (from) {
        if (auto d = filters::parse_iso_date(*from)) {
            from_date = *d;
        } else {
            errors.push_back(FieldError::localized("/from", "common.must_be_date"));
        }
    }
    if (errors.empty() && from_date > to_date)
        errors.push_back(FieldError::localized("/from", "segments.from_after_to"));
    if (!errors.empty())
        return fail(Error::localized(ErrorCode::Validation, "segments.history_request_invalid", {}, std::move(errors)));
    return repo_.snapshots(actor.workspace_id, segment_id, filters::format_iso_date(from_date),
                           filters::format_iso_date(to_date), kHistoryLimit);
}

Result<SnapshotPassReport> SegmentService::snapshot_all(bool only_missing, const std::function<bool()>& keep_going) {
    SnapshotPassReport report;
    std::optional<SegmentKey> after;
    for (;;) {
        const auto batch = RAPPORT_TRY(repo_.all_after(after, kPassBatch));
        for (const auto& segment : batch) {
            if (!keep_going()) {
                report.interrupted = true;
                return report;
            }
            after = SegmentKey{segment.workspace_id, segment.segment_id};
            const std::string name = id_to_string(segment.workspace_id) + "/" + id_to_string(segment.segment_id);
            if (only_missing) {
                auto has = repo_.has_snapshot(segment.workspace_id, segment.segment_id, utc_day(clock_.now_ms()));
                if (!has) {
                    report.failed.push_back(name + ": " + has.error().detail);
                    continue;
                }
                if (*has) {
                    ++report.skipped;
                    continue;
                }
            }
            if (auto taken = take_snapshot(segment); !taken) {
                report.failed.push_back(name + ": " + taken.error().detail);
            } else {
                ++report.written;
            }
        }
        if (static_cast<int>(batch.size()) < kPassBatch) return report;
    }
}

}  // namespace rapport::domain::segments
