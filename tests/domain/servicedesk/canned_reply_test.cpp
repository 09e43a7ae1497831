#include "domain/servicedesk/canned_reply.hpp"

#include <gtest/gtest.h>

namespace rapport::domain::servicedesk {

namespace {

CannedReply version(std::string name, std::string language, std::string body, Id id) {
    CannedReply r;
    r.canned_reply_id = id;
    r.name = std::move(name);
    r.language = std::move(language);
    r.body = std::move(body);
    return r;
}

}  // namespace

TEST(CannedReply, KnownPlaceholdersPassWithOrWithoutSpaces) {
    EXPECT_TRUE(
        unknown_placeholders("Hi {{customer.first_name}}, {{ agent.name }} here about #{{conversation.number}}: "
                             "{{conversation.subject}} ({{customer.last_name}}, {{customer.name}})")
            .empty());
    EXPECT_TRUE(unknown_placeholders("no placeholders at all, even with { single } braces").empty());
}

TEST(CannedReply, UnknownPlaceholdersAreNamedOnceInOrder) {
    auto unknown = unknown_placeholders("{{customer.nickname}} {{agent.name}} {{ order.id }} {{customer.nickname}}");
    EXPECT_EQ(unknown, (std::vector<std::string>{"{{customer.nickname}}", "{{order.id}}"}));
}

TEST(CannedReply, AnUnclosedPlaceholderIsReported) {
    auto unknown = unknown_placeholders("Hello {{customer.first_name");
    ASSERT_EQ(unknown.size(), 1u);
    EXPECT_EQ(unknown[0], "{{customer.first_name");
}

TEST(CannedReply, RenderFillsValuesAndLeavesMissingOnesEmpty) {
    std::map<std::string, std::string> values = {{"customer.first_name", "Ada"}, {"conversation.number", "42"}};
    EXPECT_EQ(
        render_canned_reply("Dear {{ customer.first_name }}, ticket #{{conversation.number}}.{{agent.name}}", values),
        "Dear Ada, ticket #42.");
    // A value is inserted as it is: a placeholder inside a value is not expanded again.
    values["customer.first_name"] = "{{agent.name}}";
    EXPECT_EQ(render_canned_reply("{{customer.first_name}}", values), "{{agent.name}}");
}

TEST(CannedReply, TheCustomersLanguageWinsThenTheWorkspaceDefaultThenEnglish) {
    std::vector<CannedReply> all = {version("Thanks", "en", "Thank you", 1), version("Thanks", "it", "Grazie", 2),
                                    version("Thanks", "es", "Gracias", 3), version("Other", "pt", "Outro", 4)};
    EXPECT_EQ(choose_version(all, "Thanks", "it", "en")->canned_reply_id, 2);
    EXPECT_EQ(choose_version(all, "Thanks", "pt", "es")->canned_reply_id, 3);  // no pt: the workspace's es
    EXPECT_EQ(choose_version(all, "Thanks", "pt", "pt")->canned_reply_id, 1);  // then English
    EXPECT_EQ(choose_version(all, "Thanks", "", "")->canned_reply_id, 1);
    EXPECT_EQ(choose_version(all, "Other", "it", "en")->canned_reply_id, 4);  // the only version
    EXPECT_EQ(choose_version(all, "Missing", "it", "en"), nullptr);
}

TEST(CannedReply, LanguagesAreTheFourServedOnes) {
    for (const char* l : {"en", "it", "es", "pt"}) EXPECT_TRUE(is_canned_reply_language(l)) << l;
    for (const char* l : {"", "fr", "EN", "pt-BR"}) EXPECT_FALSE(is_canned_reply_language(l)) << l;
}

}  // namespace rapport::domain::servicedesk
