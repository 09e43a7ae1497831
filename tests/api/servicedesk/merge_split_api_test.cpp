// Merge and split over real HTTP: a merged conversation hands its messages to the one it was
// merged into and leaves the views; a split moves a message and those after it to a new one.
#include "api/servicedesk/servicedesk_fixture.hpp"

namespace rapport::testing {

class ServicedeskMergeSplitApiTest : public ServicedeskApiTest {};

TEST_F(ServicedeskMergeSplitApiTest, MergingMovesTheMessagesAndHidesTheSource) {
    auto owner = owner_of(acme_);
    const auto email = unique_email();
    const auto into = new_conversation(owner, email, "The blender is broken", {{"occurred_at", 1'700'000'001'000}});
    const auto from = new_conversation(owner, email, "Also the lid is missing", {{"occurred_at", 1'700'000'002'000}});
    ASSERT_FALSE(into.empty());
    ASSERT_FALSE(from.empty());

    auto merged = owner.post("/api/v1/conversations/" + from + "/merge", {{"into_id", into}});
    ASSERT_EQ(merged.status, 200) << merged.body;
    EXPECT_EQ(merged.json()["id"], into);
    auto c = conversation(owner, into);
    ASSERT_EQ(c["messages"].size(), 2u);
    EXPECT_EQ(c["messages"][0]["text"], "The blender is broken");
    EXPECT_EQ(c["messages"][1]["text"], "Also the lid is missing");

    // The inbox row counts both messages and previews the newest.
    auto row = row_of(owner, into);
    ASSERT_TRUE(row.is_object());
    EXPECT_EQ(row["message_count"], 2);
    EXPECT_EQ(row["preview"], "Also the lid is missing");

    auto source = conversation(owner, from);
    EXPECT_EQ(source["merged_into_id"], into);
    EXPECT_TRUE(source["messages"].empty());
    for (const char* view : {"all", "open", "unanswered", "unassigned", "resolved"}) {
        EXPECT_FALSE(contains(view_ids(owner, view), from)) << view;
    }
    EXPECT_TRUE(contains(view_ids(owner, "unanswered"), into));
    // A merged conversation takes no more work.
    expect_problem(owner.post("/api/v1/conversations/" + from + "/notes", {{"text", "too late"}}), 409);
    expect_problem(owner.post("/api/v1/conversations/" + into + "/merge", {{"into_id", into}}), 422);
    auto missing = owner.post("/api/v1/conversations/" + into + "/merge", nlohmann::json::object());
    expect_problem(missing, 422);
    EXPECT_TRUE(has_error_at(missing, "/into_id")) << missing.body;
    expect_problem(owner.post("/api/v1/conversations/" + into + "/merge", {{"into_id", "999999999"}}), 404);
}

TEST_F(ServicedeskMergeSplitApiTest, SplittingMovesAMessageToANewConversation) {
    auto owner = owner_of(acme_);
    const auto email = unique_email();
    const auto id = new_conversation(owner, email, "Refund for order 1", {{"subject", "Refund"}});
    ASSERT_FALSE(id.empty());
    const auto number = conversation(owner, id)["number"].get<std::int64_t>();
    auto second = owner.post("/api/v1/conversations",
                             chat_message(email, "Unrelated: I want to change my address",
                                          {{"subject", "New address [#" + std::to_string(number) + "]"}}));
    ASSERT_EQ(second.status, 201) << second.body;
    ASSERT_EQ(second.json()["conversation_id"], id);
    const std::string moved = second.json()["message_id"];

    auto first_id = conversation(owner, id)["messages"][0]["id"].get<std::string>();
    auto refused = owner.post("/api/v1/conversations/" + id + "/split", {{"message_id", first_id}});
    expect_problem(refused, 422);
    EXPECT_TRUE(has_error_at(refused, "/message_id")) << refused.body;

    auto split = owner.post("/api/v1/conversations/" + id + "/split", {{"message_id", moved}});
    ASSERT_EQ(split.status, 201) << split.body;
    auto fresh = split.json();
    const std::string fresh_id = fresh["id"];
    EXPECT_NE(fresh_id, id);
    EXPECT_NE(fresh["number"], number);
    EXPECT_EQ(fresh["person"]["email"], email);

    auto old_thread = conversation(owner, id)["messages"];
    ASSERT_EQ(old_thread.size(), 1u);
    EXPECT_EQ(old_thread[0]["text"], "Refund for order 1");
    auto new_thread = conversation(owner, fresh_id)["messages"];
    ASSERT_EQ(new_thread.size(), 1u);
    EXPECT_EQ(new_thread[0]["id"], moved);
    EXPECT_TRUE(contains(view_ids(owner, "unanswered"), fresh_id));
    EXPECT_TRUE(contains(view_ids(owner, "unanswered"), id));
    // Each inbox row counts and previews what its conversation now holds.
    auto old_row = row_of(owner, id);
    auto new_row = row_of(owner, fresh_id);
    ASSERT_TRUE(old_row.is_object());
    ASSERT_TRUE(new_row.is_object());
    EXPECT_EQ(old_row["message_count"], 1);
    EXPECT_EQ(old_row["preview"], "Refund for order 1");
    EXPECT_EQ(new_row["message_count"], 1);
    EXPECT_EQ(new_row["preview"], "Unrelated: I want to change my address");

    // A message of another conversation cannot be split off this one.
    auto foreign = owner.post("/api/v1/conversations/" + id + "/split", {{"message_id", moved}});
    expect_problem(foreign, 422);
}

}  // namespace rapport::testing
