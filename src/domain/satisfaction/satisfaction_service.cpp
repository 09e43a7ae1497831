#include "domain/satisfaction/satisfaction_service.hpp"

#include <algorithm>
#include <set>

#include "core/utf8.hpp"

namespace rapport::domain::satisfaction {

namespace {

constexpr UnixMillis kDayMs = 24LL * 60 * 60 * 1000;

std::string person_name(const customers::CustomerRecord& r) {
    std::string name;
    for (const char* f : {"first_name", "last_name"}) {
        if (auto it = r.fields.find(f); it != r.fields.end() && it->is_string()) {
            if (!name.empty()) name += ' ';
            name += it->get<std::string>();
        }
    }
    return name;
}

std::optional<std::string> email_of(const customers::CustomerRecord& r) {
    auto it = r.fields.find("email");
    if (it == r.fields.end() || !it->is_string() || it->get<std::string>().empty()) return std::nullopt;
    return it->get<std::string>();
}

std::vector<CountRow> sorted_counts(const std::map<std::string, CountRow>& rows) {
    std::vector<CountRow> out;
    for (const auto& [key, row] : rows) out.push_back(row);
    std::stable_sort(out.begin(), out.end(), [](const CountRow& a, const CountRow& b) { return a.count > b.count; });
    return out;
}

void count(std::map<std::string, CountRow>& rows, const std::string& key, const std::string& label) {
    auto& row = rows[key];
    row.key = key;
    row.label = label;
    ++row.count;
}

}  // namespace

std::optional<CsatGroup> parse_csat_group(std::string_view text) {
    if (text == "agent") return CsatGroup::Agent;
    if (text == "team") return CsatGroup::Team;
    if (text == "segment") return CsatGroup::Segment;
    if (text == "topic") return CsatGroup::Topic;
    return std::nullopt;
}

Result<bool> SatisfactionService::conversation_changed(Id workspace_id, Id conversation_id) {
    auto facts = RAPPORT_TRY(repo_.conversation(workspace_id, conversation_id));
    if (!facts || facts->merged || facts->status != "resolved" || !facts->resolved_at) return false;
    const UnixMillis now = clock_.now_ms();
    CsatRequest r;
    r.workspace_id = workspace_id;
    r.survey_id = new_id();
    r.conversation_id = conversation_id;
    r.resolved_at = *facts->resolved_at;
    r.person_id = facts->person_id;
    r.email = facts->person_email;
    r.person_name = facts->person_name;
    r.agent_user_id = facts->assignee_user_id;
    r.team_id = facts->team_id;
    r.mailbox_id = facts->mailbox_id;
    r.topic = facts->topic;
    r.conversation_number = facts->number;
    r.subject = facts->subject;
    r.expires_at = now + kSurveyLifetimeMs;
    r.created_at = now;
    return repo_.create_csat(r);
}

Result<std::string> SatisfactionService::token_for(SurveyKind kind, Id workspace_id, Id survey_id,
                                                   UnixMillis expires_at) {
    const std::string key = RAPPORT_TRY(repo_.survey_key(workspace_id, clock_.now_ms()));
    return sign_survey_token({kind, workspace_id, survey_id, expires_at}, key);
}

Result<SatisfactionService::Checked> SatisfactionService::check(std::string_view token) {
    const auto ref = read_survey_token(token);
    if (!ref) return fail(Error::localized(ErrorCode::NotFound, "satisfaction.survey_not_found"));
    const std::string key = RAPPORT_TRY(repo_.survey_key(ref->workspace_id, clock_.now_ms()));
    switch (check_survey_token(token, key, clock_.now_ms())) {
        case TokenCheck::Valid: return Checked{*ref};
        case TokenCheck::Expired: return fail(Error::localized(ErrorCode::Forbidden, "satisfaction.survey_expired"));
        case TokenCheck::Malformed:
        case TokenCheck::Tampered: break;
    }
    return fail(Error::localized(ErrorCode::NotFound, "satisfaction.survey_not_found"));
}

Result<PublicSurvey> SatisfactionService::open(std::string_view token) {
    const auto checked = RAPPORT_TRY(check(token));
    const SurveyRef& ref = checked.ref;
    PublicSurvey out;
    out.kind = ref.kind;
    out.expires_at = ref.expires_at;
    if (ref.kind == SurveyKind::Csat) {
        auto found = RAPPORT_TRY(repo_.find_csat(ref.workspace_id, ref.survey_id));
        if (!found || found->expires_at != ref.expires_at) {
            return fail(Error::localized(ErrorCode::NotFound, "satisfaction.survey_not_found"));
        }
        out.subject = found->subject;
        out.conversation_number = found->conversation_number;
        out.answered = found->answered_at.has_value();
        out.value = found->rating;
    } else {
        auto found = RAPPORT_TRY(repo_.find_nps(ref.workspace_id, ref.survey_id));
        if (!found || found->expires_at != ref.expires_at) {
            return fail(Error::localized(ErrorCode::NotFound, "satisfaction.survey_not_found"));
        }
        out.subject = found->question;
        out.answered = found->answered_at.has_value();
        out.value = found->score;
    }
    return out;
}

Result<PublicSurvey> SatisfactionService::answer(std::string_view token, int value, const std::string& comment) {
    auto survey = RAPPORT_TRY(open(token));
    if (survey.answered) return fail(Error::localized(ErrorCode::Conflict, "satisfaction.already_answered"));
    const auto ref = *read_survey_token(token);
    if (ref.kind == SurveyKind::Csat && (value < 1 || value > 5)) {
        return fail(Error::localized_field("/rating", "satisfaction.rating_range"));
    }
    if (ref.kind == SurveyKind::Nps && (value < 0 || value > 10)) {
        return fail(Error::localized_field("/rating", "satisfaction.score_range"));
    }
    if (comment.size() > kMaxComment) {
        return fail(Error::localized_field("/comment", "satisfaction.comment_too_long",
                                           {{"max", std::to_string(kMaxComment)}}));
    }
    const UnixMillis now = clock_.now_ms();
    const bool stored = ref.kind == SurveyKind::Csat
                            ? RAPPORT_TRY(repo_.answer_csat(ref.workspace_id, ref.survey_id, value, comment, now))
                            : RAPPORT_TRY(repo_.answer_nps(ref.workspace_id, ref.survey_id, value, comment, now));
    if (!stored) return fail(Error::localized(ErrorCode::Conflict, "satisfaction.already_answered"));
    survey.answered = true;
    survey.value = value;
    return survey;
}

Status SatisfactionService::may_read_reports(const Principal& actor) {
    if (RAPPORT_TRY(actors_.is_partner(actor))) {
        return fail(Error::localized(ErrorCode::Forbidden, "satisfaction.partner_reports"));
    }
    return {};
}

Result<std::vector<SatisfactionService::RequestWithToken>> SatisfactionService::requests_of(const Principal& actor,
                                                                                            Id conversation_id) {
    if (!role_at_least(actor.role, Role::Admin)) {
        return fail(Error::localized(ErrorCode::Forbidden, "satisfaction.links_admins_only"));
    }
    std::vector<RequestWithToken> out;
    for (auto& r : RAPPORT_TRY(repo_.csat_of_conversation(actor.workspace_id, conversation_id))) {
        auto token = RAPPORT_TRY(token_for(SurveyKind::Csat, r.workspace_id, r.survey_id, r.expires_at));
        out.push_back({std::move(r), std::move(token)});
    }
    return out;
}

Result<CsatResults> SatisfactionService::csat_results(const Principal& actor, CsatGroup group, Period period) {
    RAPPORT_CHECK(may_read_reports(actor));
    const auto answers = RAPPORT_TRY(repo_.csat_answers(actor.workspace_id, period.from, period.to));
    CsatResults out;
    std::map<std::string, CsatGroupRow> groups;
    auto add = [&groups](const std::string& key, const std::string& label, int rating) {
        auto& g = groups[key];
        g.key = key;
        g.label = label;
        add_rating(g.summary, rating);
    };
    for (const auto& a : answers) {
        const auto& r = a.request;
        if (!r.rating) continue;
        add_rating(out.overall, *r.rating);
        switch (group) {
            case CsatGroup::Agent:
                add(r.agent_user_id ? id_to_string(*r.agent_user_id) : "", a.agent_name, *r.rating);
                break;
            case CsatGroup::Team: add(r.team_id ? id_to_string(*r.team_id) : "", a.team_name, *r.rating); break;
            case CsatGroup::Topic: add(r.topic.value_or(""), r.topic.value_or(""), *r.rating); break;
            case CsatGroup::Segment:
                if (a.segments.empty()) add("", "", *r.rating);
                for (const auto& s : a.segments) add(id_to_string(s.segment_id), s.name, *r.rating);
                break;
        }
        if (!r.comment.empty()) {
            out.comments.push_back({r.survey_id, r.conversation_id, r.conversation_number, r.subject, *r.rating,
                                    r.comment, r.topic, r.answered_at.value_or(0)});
        }
    }
    finish(out.overall);
    for (auto& [key, g] : groups) {
        finish(g.summary);
        out.groups.push_back(std::move(g));
    }
    std::stable_sort(out.groups.begin(), out.groups.end(),
                     [](const CsatGroupRow& a, const CsatGroupRow& b) { return a.summary.count > b.summary.count; });
    std::sort(out.comments.begin(), out.comments.end(),
              [](const CsatComment& a, const CsatComment& b) { return a.answered_at > b.answered_at; });
    return out;
}

Result<NpsSurvey> SatisfactionService::create_nps(const Principal& actor, Id segment_id, const std::string& question) {
    if (!role_at_least(actor.role, Role::Manager)) {
        return fail(Error::localized(ErrorCode::Forbidden, "satisfaction.nps_managers_only"));
    }
    if (code_points(question) > kMaxQuestion) {
        return fail(Error::localized_field("/question", "satisfaction.question_too_long",
                                           {{"max", std::to_string(kMaxQuestion)}}));
    }
    const auto segment = RAPPORT_TRY(segments_.get(actor, segment_id));
    if (segment.entity_type != customers::EntityType::Person) {
        return fail(Error::localized_field("/segment_id", "satisfaction.nps_people_only"));
    }
    const UnixMillis now = clock_.now_ms();
    NpsSurvey survey;
    survey.workspace_id = actor.workspace_id;
    survey.nps_survey_id = new_id();
    survey.segment_id = segment_id;
    survey.segment_name = segment.name;
    survey.question = question;
    survey.created_by_user_id = actor.user_id;
    survey.created_at = now;
    std::vector<NpsResponse> responses;
    std::set<std::string> emails;
    std::optional<std::string> cursor;
    do {
        auto page = RAPPORT_TRY(segments_.members(actor, segment, 500, cursor));
        for (const auto& record : page.items) {
            const auto email = email_of(record);
            if (!email || !emails.insert(*email).second) continue;
            if (static_cast<std::int64_t>(responses.size()) >= kMaxRecipients) {
                return fail(Error::localized_field("/segment_id", "satisfaction.nps_too_many",
                                                   {{"max", std::to_string(kMaxRecipients)}}));
            }
            NpsResponse r;
            r.workspace_id = actor.workspace_id;
            r.response_id = new_id();
            r.nps_survey_id = survey.nps_survey_id;
            r.segment_id = segment_id;
            r.person_id = record.id;
            r.email = *email;
            r.person_name = person_name(record);
            r.question = question;
            r.expires_at = now + kSurveyLifetimeMs;
            r.created_at = now;
            responses.push_back(std::move(r));
        }
        cursor = page.next_cursor;
    } while (cursor);
    if (responses.empty()) return fail(Error::localized_field("/segment_id", "satisfaction.nps_no_recipients"));
    survey.recipients = static_cast<std::int64_t>(responses.size());
    RAPPORT_CHECK(repo_.create_nps(survey, responses));
    return survey;
}

Result<std::vector<NpsSeries>> SatisfactionService::nps_results(const Principal& actor, std::optional<Id> segment_id) {
    RAPPORT_CHECK(may_read_reports(actor));
    const auto surveys = RAPPORT_TRY(repo_.nps_surveys(actor.workspace_id, segment_id));
    const auto answers = RAPPORT_TRY(repo_.nps_answers(actor.workspace_id, segment_id));
    std::map<Id, NpsSummary> by_survey;
    for (const auto& a : answers) {
        if (a.score) add_score(by_survey[a.nps_survey_id], *a.score);
    }
    std::map<Id, NpsSeries> series;
    for (const auto& s : surveys) {  // oldest first
        auto& row = series[s.segment_id];
        row.segment_id = s.segment_id;
        row.segment_name = s.segment_name;
        NpsPoint point{s, by_survey[s.nps_survey_id]};
        point.survey.answers = point.summary.count;
        row.overall.count += point.summary.count;
        row.overall.promoters += point.summary.promoters;
        row.overall.passives += point.summary.passives;
        row.overall.detractors += point.summary.detractors;
        finish(point.summary);
        row.points.push_back(std::move(point));
    }
    std::vector<NpsSeries> out;
    for (auto& [id, s] : series) {
        finish(s.overall);
        out.push_back(std::move(s));
    }
    return out;
}

Result<std::vector<FeedbackItem>> SatisfactionService::feedback(const Principal& actor,
                                                                std::optional<std::string> topic, Period period) {
    RAPPORT_CHECK(may_read_reports(actor));
    std::vector<FeedbackItem> out;
    auto wanted = [&topic](const std::optional<std::string>& t) { return !topic || t == topic; };
    for (const auto& a : RAPPORT_TRY(repo_.csat_answers(actor.workspace_id, period.from, period.to))) {
        const auto& r = a.request;
        if (r.comment.empty() || !wanted(r.topic)) continue;
        out.push_back({"csat", r.topic, r.comment, r.rating, r.conversation_id, r.conversation_number, std::nullopt,
                       r.answered_at.value_or(0)});
    }
    if (!topic) {  // NPS answers are about the relationship, not one topic
        for (const auto& r : RAPPORT_TRY(repo_.nps_answers(actor.workspace_id, std::nullopt))) {
            const UnixMillis at = r.answered_at.value_or(0);
            if (r.comment.empty() || at < period.from || at >= period.to) continue;
            out.push_back({"nps", std::nullopt, r.comment, r.score, std::nullopt, 0, r.segment_id, at});
        }
    }
    for (const auto& c : RAPPORT_TRY(repo_.conversations(actor.workspace_id, period.from, period.to, std::nullopt))) {
        if (!c.topic || c.created_at < period.from || !wanted(c.topic)) continue;
        out.push_back({"conversation", c.topic, c.subject, std::nullopt, c.conversation_id, c.number, std::nullopt,
                       c.created_at});
    }
    std::stable_sort(out.begin(), out.end(), [](const FeedbackItem& a, const FeedbackItem& b) { return a.at > b.at; });
    return out;
}

Result<ServiceReport> SatisfactionService::service_report(const Principal& actor, Period period,
                                                          std::optional<Id> team_id) {
    RAPPORT_CHECK(may_read_reports(actor));
    if ((period.to - period.from) / kDayMs > kMaxBacklogDays) {
        return fail(Error::localized_field("?from", "satisfaction.period_too_long",
                                           {{"max", std::to_string(kMaxBacklogDays)}}));
    }
    const UnixMillis now = clock_.now_ms();
    const auto facts = RAPPORT_TRY(repo_.conversations(actor.workspace_id, period.from, period.to, team_id));
    ServiceReport out;
    std::vector<std::int64_t> first_response, resolution;
    std::map<std::string, CountRow> channels, topics, segments;
    for (const auto& c : facts) {
        if (c.sla_due_at && *c.sla_due_at < now && c.status != "resolved" && c.status != "closed") ++out.breached;
        if (c.created_at < period.from) continue;
        ++out.conversations;
        if (c.first_response_at) first_response.push_back(*c.first_response_at - c.created_at);
        if (c.resolved_at) resolution.push_back(*c.resolved_at - c.created_at);
        count(channels, c.channel, c.channel);
        count(topics, c.topic.value_or(""), c.topic.value_or(""));
        if (c.segments.empty()) count(segments, "", "");
        for (const auto& s : c.segments) count(segments, id_to_string(s.segment_id), s.name);
    }
    out.first_response = summarize_durations(first_response);
    out.resolution = summarize_durations(resolution);
    out.by_channel = sorted_counts(channels);
    out.by_topic = sorted_counts(topics);
    out.by_segment = sorted_counts(segments);
    for (UnixMillis day = period.from - ((period.from % kDayMs) + kDayMs) % kDayMs; day < period.to; day += kDayMs) {
        const UnixMillis end = std::min(day + kDayMs, now);
        BacklogPoint point{day, 0};
        if (day <= now) {
            for (const auto& c : facts) {
                if (c.created_at >= end) continue;
                std::optional<UnixMillis> done = c.resolved_at;
                if (!done && c.status == "closed") done = c.updated_at;
                if (done && *done < end) continue;
                ++point.open;
            }
        }
        out.backlog.push_back(point);
    }
    return out;
}

}  // namespace rapport::domain::satisfaction
