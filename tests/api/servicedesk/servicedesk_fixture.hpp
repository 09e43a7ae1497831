#pragma once
// Shared helpers of the service desk API tests: customer messages posted through the API
// channel (POST /api/v1/conversations), the inbox views and a conversation's thread.
#include <algorithm>
#include <string>
#include <vector>

#include "api/api_fixture.hpp"

namespace rapport::testing {

class ServicedeskApiTest : public ApiTest {
protected:
    // A chat message from `email` (a unique one when empty); extra members are merged in.
    static nlohmann::json chat_message(const std::string& email, const std::string& text,
                                       nlohmann::json extra = nlohmann::json::object()) {
        nlohmann::json body{{"channel", "chat"},
                            {"sender", {{"name", "Carla Bruni"}, {"email", email.empty() ? unique_email() : email}}},
                            {"body", text}};
        for (auto& [k, v] : extra.items()) body[k] = v;
        return body;
    }
    static std::string unique_email() { return unique_name("cust") + "@customers.test"; }

    // Posts a new customer message and answers its conversation's id ("" on a failure, reported).
    static std::string new_conversation(HttpClient& c, const std::string& email, const std::string& text,
                                        nlohmann::json extra = nlohmann::json::object()) {
        auto res = c.post("/api/v1/conversations", chat_message(email, text, std::move(extra)));
        EXPECT_EQ(res.status, 201) << res.body;
        if (res.status != 201) return "";
        return res.json()["conversation_id"].get<std::string>();
    }

    static nlohmann::json conversation(HttpClient& c, const std::string& id) {
        auto res = c.get("/api/v1/conversations/" + id);
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json();
    }

    // The id of the newest inbound or reply message (what a reply is written "after").
    static std::string latest_message_id(HttpClient& c, const std::string& id) {
        std::string latest;
        const auto thread = conversation(c, id);
        for (const auto& m : thread.value("messages", nlohmann::json::array())) {
            if (m["kind"] == "inbound" || m["kind"] == "reply") latest = m["id"];
        }
        return latest;
    }

    static HttpResult reply(HttpClient& c, const std::string& id, const std::string& text,
                            nlohmann::json extra = nlohmann::json::object()) {
        nlohmann::json body{{"text", text}, {"after_message_id", latest_message_id(c, id)}};
        for (auto& [k, v] : extra.items()) body[k] = v;
        return c.post("/api/v1/conversations/" + id + "/replies", body);
    }

    // The ids in one view, first page of up to 200.
    static std::vector<std::string> view_ids(HttpClient& c, const std::string& view) {
        auto res = c.get("/api/v1/conversations?limit=200&view=" + view);
        EXPECT_EQ(res.status, 200) << res.body;
        std::vector<std::string> out;
        const auto body = res.json();
        for (const auto& i : body["items"]) out.push_back(i["id"]);
        return out;
    }
    // A conversation's row as the "all" view lists it (null when it is not listed).
    static nlohmann::json row_of(HttpClient& c, const std::string& id) {
        std::string cursor;
        for (int page = 0; page < 100; ++page) {
            auto res = c.get("/api/v1/conversations?limit=200&view=all" + (cursor.empty() ? "" : "&cursor=" + cursor));
            EXPECT_EQ(res.status, 200) << res.body;
            const auto body = res.json();
            for (const auto& i : body["items"]) {
                if (i["id"] == id) return i;
            }
            if (!body["next_cursor"].is_string()) break;
            cursor = body["next_cursor"];
        }
        return nullptr;
    }
    static bool contains(const std::vector<std::string>& ids, const std::string& id) {
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    }
};

}  // namespace rapport::testing
