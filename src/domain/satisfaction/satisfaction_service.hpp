#pragma once
// Satisfaction and feedback, and the service-level reports:
// - CSAT: each resolution of a conversation gets one request with a signed link (made when the
//   service desk reports the conversation changed); the customer answers once, 1 to 5 and a
//   comment, on a public page, within 30 days. Results per agent, team, segment and topic.
// - NPS: managers and above send a survey to every person of a segment who has an email; each
//   answers 0 to 10 and a comment; scores per segment over time.
// - Feedback: the comments of both, and the conversations' topics, listed by topic.
// - Service report: first response and resolution times, breaches, volume, backlog.
// Every reader of the workspace but partner users (who see only their buyer's consumers) reads
// the reports; the public answers need only the signed token.
#include <map>

#include "core/clock.hpp"
#include "domain/identity/actor_directory.hpp"
#include "domain/satisfaction/satisfaction_repository.hpp"
#include "domain/satisfaction/statistics.hpp"
#include "domain/segments/segment_service.hpp"

namespace rapport::domain::satisfaction {

enum class CsatGroup { Agent, Team, Segment, Topic };
std::optional<CsatGroup> parse_csat_group(std::string_view text);

struct Period {
    UnixMillis from = 0;
    UnixMillis to = 0;
};

struct CsatGroupRow {
    std::string key;  // the id (agent, team, segment) or the topic; "" for none
    std::string label;
    RatingSummary summary;
};
struct CsatComment {
    Id survey_id = 0;
    Id conversation_id = 0;
    std::int64_t conversation_number = 0;
    std::string subject;
    int rating = 0;
    std::string comment;
    std::optional<std::string> topic;
    UnixMillis answered_at = 0;
};
struct CsatResults {
    RatingSummary overall;
    std::vector<CsatGroupRow> groups;
    std::vector<CsatComment> comments;  // newest first
};

struct NpsPoint {
    NpsSurvey survey;
    NpsSummary summary;
};
struct NpsSeries {
    Id segment_id = 0;
    std::string segment_name;
    std::vector<NpsPoint> points;  // oldest survey first
    NpsSummary overall;
};

struct FeedbackItem {
    std::string source;  // "csat", "nps" or "conversation"
    std::optional<std::string> topic;
    std::string text;
    std::optional<int> rating;  // CSAT 1-5 or NPS 0-10
    std::optional<Id> conversation_id;
    std::int64_t conversation_number = 0;
    std::optional<Id> segment_id;
    UnixMillis at = 0;
};

struct CountRow {
    std::string key;
    std::string label;
    std::int64_t count = 0;
};
struct BacklogPoint {
    UnixMillis day = 0;  // midnight UTC
    std::int64_t open = 0;
};
struct ServiceReport {
    std::int64_t conversations = 0;  // created in the period
    DurationSummary first_response;  // milliseconds
    DurationSummary resolution;
    std::int64_t breached = 0;  // with a due time passed and not met
    std::vector<CountRow> by_channel, by_topic, by_segment;
    std::vector<BacklogPoint> backlog;
};

// What the public page shows about a survey before it is answered.
struct PublicSurvey {
    SurveyKind kind = SurveyKind::Csat;
    std::string subject;  // CSAT: the conversation's subject; NPS: the question
    std::int64_t conversation_number = 0;
    bool answered = false;
    std::optional<int> value;
    UnixMillis expires_at = 0;
};

class SatisfactionService {
public:
    SatisfactionService(SatisfactionRepository& repo, segments::SegmentService& segments, ActorDirectory& actors,
                        const Clock& clock)
        : repo_(repo), segments_(segments), actors_(actors), clock_(clock) {}

    // The service desk said the conversation changed: asks for a rating when it is resolved
    // and this resolution has no request yet. True when a request was made.
    Result<bool> conversation_changed(Id workspace_id, Id conversation_id);

    // The signed link of a survey (CSAT survey id, or NPS response id).
    Result<std::string> token_for(SurveyKind kind, Id workspace_id, Id survey_id, UnixMillis expires_at);

    // --- public: the token is the only credential
    Result<PublicSurvey> open(std::string_view token);
    Result<PublicSurvey> answer(std::string_view token, int value, const std::string& comment);

    // --- readers
    // The CSAT requests of a conversation with their signed links (admins and owners, who may
    // send a link again by hand).
    struct RequestWithToken {
        CsatRequest request;
        std::string token;
    };
    Result<std::vector<RequestWithToken>> requests_of(const Principal& actor, Id conversation_id);
    Result<CsatResults> csat_results(const Principal& actor, CsatGroup group, Period period);
    Result<NpsSurvey> create_nps(const Principal& actor, Id segment_id, const std::string& question);
    Result<std::vector<NpsSeries>> nps_results(const Principal& actor, std::optional<Id> segment_id);
    Result<std::vector<FeedbackItem>> feedback(const Principal& actor, std::optional<std::string> topic, Period period);
    Result<ServiceReport> service_report(const Principal& actor, Period period, std::optional<Id> team_id);

    static constexpr std::size_t kMaxComment = 4000;
    static constexpr std::size_t kMaxQuestion = 300;
    static constexpr std::int64_t kMaxRecipients = 20'000;
    static constexpr std::int64_t kMaxBacklogDays = 366;

private:
    Status may_read_reports(const Principal& actor);
    struct Checked {
        SurveyRef ref;
    };
    Result<Checked> check(std::string_view token);

    SatisfactionRepository& repo_;
    segments::SegmentService& segments_;
    ActorDirectory& actors_;
    const Clock& clock_;
};

}  // namespace rapport::domain::satisfaction
