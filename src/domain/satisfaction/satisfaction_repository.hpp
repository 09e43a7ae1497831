#pragma once
// Storing surveys and reading what the reports need. Thread-safe; each write is one transaction.
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/satisfaction/conversation_facts.hpp"
#include "domain/satisfaction/survey.hpp"

namespace rapport::domain::satisfaction {

// An answered CSAT request with what it is grouped by.
struct CsatAnswer {
    CsatRequest request;
    std::string agent_name;
    std::string team_name;
    std::vector<SegmentRef> segments;
};

class SatisfactionRepository {
public:
    virtual ~SatisfactionRepository() = default;

    // The workspace's survey key, made (randomly, kept) the first time it is asked for.
    virtual Result<std::string> survey_key(Id workspace_id, UnixMillis now) = 0;

    // Every workspace's id (the resolution watcher reads each one's changes).
    virtual Result<std::vector<Id>> workspace_ids() = 0;

    // --- CSAT
    // Conversations resolved since `since` (and still resolved: closing one sets its resolved_at
    // again, and is not a new resolution) whose resolution has no request yet, across workspaces: (workspace id,
    // conversation id).
    virtual Result<std::vector<std::pair<Id, Id>>> unasked_resolutions(UnixMillis since, int limit) = 0;
    virtual Result<std::optional<ConversationFacts>> conversation(Id workspace_id, Id conversation_id) = 0;
    // Stores a request unless one exists for the same conversation and resolution: false then.
    virtual Result<bool> create_csat(const CsatRequest& request) = 0;
    virtual Result<std::optional<CsatRequest>> find_csat(Id workspace_id, Id survey_id) = 0;
    // Records the answer if the request has none yet: false when it was answered already.
    virtual Result<bool> answer_csat(Id workspace_id, Id survey_id, int rating, const std::string& comment,
                                     UnixMillis at) = 0;
    virtual Result<std::vector<CsatRequest>> csat_of_conversation(Id workspace_id, Id conversation_id) = 0;
    // Answered requests whose answer came in [from, to).
    virtual Result<std::vector<CsatAnswer>> csat_answers(Id workspace_id, UnixMillis from, UnixMillis to) = 0;

    // --- NPS
    virtual Status create_nps(const NpsSurvey& survey, const std::vector<NpsResponse>& responses) = 0;
    virtual Result<std::vector<NpsSurvey>> nps_surveys(Id workspace_id, std::optional<Id> segment_id) = 0;
    virtual Result<std::optional<NpsResponse>> find_nps(Id workspace_id, Id response_id) = 0;
    virtual Result<bool> answer_nps(Id workspace_id, Id response_id, int score, const std::string& comment,
                                    UnixMillis at) = 0;
    // Answered responses, optionally of one segment, oldest survey first.
    virtual Result<std::vector<NpsResponse>> nps_answers(Id workspace_id, std::optional<Id> segment_id) = 0;

    // --- reports
    // Conversations (not merged away) created before `to` and not resolved before `from`,
    // optionally of one team.
    virtual Result<std::vector<ConversationFacts>> conversations(Id workspace_id, UnixMillis from, UnixMillis to,
                                                                 std::optional<Id> team_id) = 0;

    // --- invitations
    // Invitations not sent yet whose next attempt is due, across workspaces.
    virtual Result<std::vector<Invitation>> due_invitations(UnixMillis now, int limit) = 0;
    virtual Status mark_invitation_sent(SurveyKind kind, Id workspace_id, Id survey_id, UnixMillis at) = 0;
    // A failed attempt: retried at `retry_at`, or given up when absent.
    virtual Status mark_invitation_failed(SurveyKind kind, Id workspace_id, Id survey_id, const std::string& error,
                                          std::optional<UnixMillis> retry_at) = 0;
};

}  // namespace rapport::domain::satisfaction
