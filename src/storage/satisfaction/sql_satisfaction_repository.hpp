#pragma once
#include "domain/satisfaction/satisfaction_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

// The satisfaction area's SQL (migration 0032), and the reports' reads of the service desk's
// conversations table (migration 0027) with the names of their people, agents, teams and the
// static segments their person or company belongs to.
class SqlSatisfactionRepository final : public domain::satisfaction::SatisfactionRepository {
public:
    explicit SqlSatisfactionRepository(Database& db) : db_(db) {}

    Result<std::string> survey_key(Id workspace_id, UnixMillis now) override;
    Result<std::vector<Id>> workspace_ids() override;
    Result<std::vector<std::pair<Id, Id>>> unasked_resolutions(UnixMillis since, int limit) override;
    Result<std::optional<domain::satisfaction::ConversationFacts>> conversation(Id workspace_id,
                                                                                Id conversation_id) override;
    Result<bool> create_csat(const domain::satisfaction::CsatRequest& request) override;
    Result<std::optional<domain::satisfaction::CsatRequest>> find_csat(Id workspace_id, Id survey_id) override;
    Result<bool> answer_csat(Id workspace_id, Id survey_id, int rating, const std::string& comment,
                             UnixMillis at) override;
    Result<std::vector<domain::satisfaction::CsatRequest>> csat_of_conversation(Id workspace_id,
                                                                                Id conversation_id) override;
    Result<std::vector<domain::satisfaction::CsatAnswer>> csat_answers(Id workspace_id, UnixMillis from,
                                                                       UnixMillis to) override;
    Status create_nps(const domain::satisfaction::NpsSurvey& survey,
                      const std::vector<domain::satisfaction::NpsResponse>& responses) override;
    Result<std::vector<domain::satisfaction::NpsSurvey>> nps_surveys(Id workspace_id,
                                                                     std::optional<Id> segment_id) override;
    Result<std::optional<domain::satisfaction::NpsResponse>> find_nps(Id workspace_id, Id response_id) override;
    Result<bool> answer_nps(Id workspace_id, Id response_id, int score, const std::string& comment,
                            UnixMillis at) override;
    Result<std::vector<domain::satisfaction::NpsResponse>> nps_answers(Id workspace_id,
                                                                       std::optional<Id> segment_id) override;
    Result<std::vector<domain::satisfaction::ConversationFacts>> conversations(Id workspace_id, UnixMillis from,
                                                                               UnixMillis to,
                                                                               std::optional<Id> team_id) override;
    Result<std::vector<domain::satisfaction::Invitation>> due_invitations(UnixMillis now, int limit) override;
    Status mark_invitation_sent(domain::satisfaction::SurveyKind kind, Id workspace_id, Id survey_id,
                                UnixMillis at) override;
    Status mark_invitation_failed(domain::satisfaction::SurveyKind kind, Id workspace_id, Id survey_id,
                                  const std::string& error, std::optional<UnixMillis> retry_at) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
