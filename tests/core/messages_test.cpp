// The message catalogue (core/messages.hpp): complete in every language, placeholders that
// agree, and the language negotiation the api layer relies on.
#include "core/messages.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/error.hpp"

namespace rapport {
namespace {

TEST(MessageCatalogue, EveryMessageHasEveryLanguageWithTheSamePlaceholders) {
    const auto all = messages::all();
    ASSERT_FALSE(all.empty());
    std::set<std::string> keys;
    for (const auto& m : all) {
        SCOPED_TRACE(std::string(m.key) + " (" + m.file + ")");
        EXPECT_TRUE(keys.insert(m.key).second) << "defined twice";
        // "area.name": the part before the dot says whose message it is.
        const std::string key(m.key);
        EXPECT_NE(key.find('.'), std::string::npos) << "a key is <area>.<name>";
        ASSERT_NE(m.texts[0], nullptr) << "no English text";
        const auto english = messages::placeholders(m.texts[0]);
        for (std::size_t i = 0; i < messages::kLanguageCount; ++i) {
            const auto lang = messages::kLanguages[i];
            if (!m.texts[i]) {
                ADD_FAILURE() << "missing language '" << lang << "'";
                continue;
            }
            EXPECT_FALSE(std::string_view(m.texts[i]).empty()) << "empty in '" << lang << "'";
            EXPECT_EQ(messages::placeholders(m.texts[i]), english) << "placeholders differ in '" << lang << "'";
        }
    }
}

TEST(MessageCatalogue, RendersWithArgumentsAndFallsBack) {
    EXPECT_EQ(messages::render("common.too_long", "it", {{"max", "200"}}), "al massimo 200 caratteri");
    EXPECT_EQ(messages::render("common.too_long", "en", {{"max", "200"}}), "at most 200 characters");
    EXPECT_EQ(messages::render("common.too_long", "de", {{"max", "5"}}), "at most 5 characters");  // English
    EXPECT_EQ(messages::render("no.such_key", "it"), "no.such_key");
    EXPECT_EQ(messages::render("common.too_long", "en"), "at most {max} characters");  // a missing argument stays
    EXPECT_TRUE(messages::has("common.required"));
    EXPECT_FALSE(messages::has("no.such_key"));
}

TEST(MessageCatalogue, PicksThePluralFormByCount) {
    // "<key>_one" / "<key>_other", rendered by the base key with a `count` argument.
    EXPECT_TRUE(messages::has("common.fields_need_attention"));
    EXPECT_FALSE(messages::has("common.fields_need_attention_few"));
    EXPECT_EQ(messages::render("common.fields_need_attention", "en", {{"count", "1"}}), "1 field needs attention");
    EXPECT_EQ(messages::render("common.fields_need_attention", "en", {{"count", "3"}}), "3 fields need attention");
    EXPECT_EQ(messages::render("common.fields_need_attention", "en", {{"count", "0"}}), "0 fields need attention");
    EXPECT_EQ(messages::render("common.fields_need_attention", "it", {{"count", "1"}}), "1 campo da correggere");
    EXPECT_EQ(messages::render("common.fields_need_attention", "it", {{"count", "2"}}), "2 campi da correggere");
    EXPECT_EQ(messages::render("common.fields_need_attention", "pt", {{"count", "0"}}), "0 campo precisa de atenção");
    EXPECT_EQ(messages::render("common.fields_need_attention", "es", {{"count", "11"}}),
              "11 campos requieren atención");
    // Without a count, the "other" form.
    EXPECT_EQ(messages::render("common.fields_need_attention", "en"), "{count} fields need attention");
    const Error e = Error::localized(ErrorCode::Validation, "common.fields_need_attention", {{"count", "1"}});
    EXPECT_EQ(e.detail, "1 field needs attention");
}

TEST(MessageCatalogue, AnArgumentMayNameAnotherMessage) {
    // "{action}" filled from "action_key": that message, in the same language.
    const MessageArgs args = {{"action_key", "teams.action_creating"}, {"needed", "manager"}, {"role", "viewer"}};
    EXPECT_EQ(messages::render("common.role_needed", "en", args),
              "creating teams needs the manager role or higher; you are viewer");
    EXPECT_EQ(messages::render("common.role_needed", "it", args),
              "creare team: serve il ruolo manager o superiore; il tuo ruolo è viewer");
    // A plain argument wins over a named message.
    EXPECT_EQ(
        messages::render("common.role_needed", "en",
                         {{"action", "x"}, {"action_key", "teams.action_creating"}, {"needed", "a"}, {"role", "b"}}),
        "x needs the a role or higher; you are b");
}

TEST(MessageCatalogue, PluralMessagesHaveBothForms) {
    std::set<std::string> keys;
    for (const auto& m : messages::all()) keys.insert(m.key);
    for (const auto& key : keys) {
        for (const auto& [mine, other] : {std::pair{"_one", "_other"}, std::pair{"_other", "_one"}}) {
            const std::string suffix(mine);
            if (key.size() > suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0) {
                const std::string base = key.substr(0, key.size() - suffix.size());
                EXPECT_TRUE(keys.count(base + other)) << key << " has no " << base << other;
                EXPECT_FALSE(keys.count(base)) << base << " is both a message and a plural";
            }
        }
    }
}

TEST(MessageCatalogue, ErrorsKeepTheirKeyAndTheEnglishText) {
    const Error e = Error::localized(ErrorCode::NotFound, "identity.user_not_found", {{"id", "42"}});
    EXPECT_EQ(e.detail, "no user 42 in this workspace");
    EXPECT_EQ(e.key, "identity.user_not_found");
    const Error f = Error::localized_field("/email", "common.email_invalid");
    EXPECT_EQ(f.code, ErrorCode::Validation);
    ASSERT_EQ(f.fields.size(), 1u);
    EXPECT_EQ(f.fields[0].pointer, "/email");
    EXPECT_EQ(f.fields[0].message, "not a valid email address");
    EXPECT_EQ(f.fields[0].key, "common.email_invalid");
    EXPECT_EQ(f.detail, "not a valid email address");
}

TEST(MessageCatalogue, PicksTheBestServedLanguageOfAcceptLanguage) {
    EXPECT_EQ(messages::from_accept_language("it-IT,it;q=0.9,en;q=0.8"), "it");
    EXPECT_EQ(messages::from_accept_language("de-DE, es;q=0.5, en;q=0.7"), "en");
    EXPECT_EQ(messages::from_accept_language("de, fr"), "");
    EXPECT_EQ(messages::from_accept_language("pt-BR"), "pt");
    EXPECT_EQ(messages::from_accept_language("ES;q=0.4, it;q=0"), "es");  // q=0 means "not this one"
    EXPECT_EQ(messages::from_accept_language(""), "");
    EXPECT_EQ(messages::served_language("es-419"), "es");
    EXPECT_EQ(messages::served_language("EN"), "en");
    EXPECT_EQ(messages::served_language(""), "");
}

}  // namespace
}  // namespace rapport
