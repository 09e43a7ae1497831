#pragma once
// JSON representations of domain records. Ids are strings (JavaScript numbers stop at 2^53).
#include <nlohmann/json.hpp>

#include "domain/audit/audit_entry.hpp"
#include "domain/identity/entities.hpp"
#include "domain/page.hpp"
#include "domain/permissions/record_access.hpp"
#include "domain/teams/team.hpp"
#include "http/message.hpp"

namespace rapport::api {

nlohmann::json to_json(const domain::Workspace& w);
nlohmann::json to_json(const domain::User& u);
nlohmann::json to_json(const domain::Team& t);
nlohmann::json to_json(const domain::ApiKey& k);
nlohmann::json to_json(const domain::AuditEntry& e);
nlohmann::json to_json(const domain::RoleGrant& g);

template <class T>
nlohmann::json page_json(const domain::Page<T>& page) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : page.items) items.push_back(to_json(item));
    return {{"items", std::move(items)},
            {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor) : nlohmann::json(nullptr)}};
}

http::Response ok_json(const nlohmann::json& body, http::HttpStatus status = http::HttpStatus::ok);
http::Response no_content();

}  // namespace rapport::api
