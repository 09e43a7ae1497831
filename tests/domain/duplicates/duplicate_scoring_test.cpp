// Duplicate detection as pure logic: name normalisation and similarity, the scoring rules,
// blocking (same pairs as all-pairs on a small set, never a clique on a huge block) and
// the field-by-field merge plan.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/customers/contact_list.hpp"
#include "domain/duplicates/blocking.hpp"
#include "domain/duplicates/merge_plan.hpp"
#include "domain/duplicates/name_similarity.hpp"

namespace rapport::domain::duplicates {
namespace {

using customers::CustomerRecord;

MatchRecord person(Id id, std::string first, std::string last, std::string city = "", std::string email = "") {
    MatchRecord m;
    m.id = id;
    m.name = std::move(first);
    m.alt_name = std::move(last);
    m.city = std::move(city);
    m.email = std::move(email);
    return m;
}

MatchRecord company(Id id, std::string legal, std::string city = "", std::string vat = "") {
    MatchRecord m;
    m.id = id;
    m.name = std::move(legal);
    m.city = std::move(city);
    m.tax_id = std::move(vat);
    return m;
}

std::optional<Match> score(EntityType type, const MatchRecord& a, const MatchRecord& b) {
    return score_pair(type, prepare(type, a), prepare(type, b));
}

TEST(DuplicateNames, NormalisationFoldsAccentsCaseAndLegalForms) {
    EXPECT_EQ(normalize_name("  Bárbara   Conceição ", false), "barbara conceicao");
    EXPECT_EQ(normalize_name("Rossi Meccanica S.r.l.", true), "rossi meccanica");
    EXPECT_EQ(normalize_name("ROSSI MECCANICA SRL", true), "rossi meccanica");
    EXPECT_EQ(normalize_name("Telefónica, S.A.", true), "telefonica");
    EXPECT_EQ(normalize_name("D'Angelo", false), "dangelo");
    EXPECT_EQ(normalize_name("S.p.A.", true), "spa");  // nothing but a legal form: kept
}

TEST(DuplicateNames, JaroWinklerMatchesTheTextbookValues) {
    EXPECT_NEAR(jaro_winkler("martha", "marhta"), 0.961, 0.001);
    EXPECT_NEAR(jaro_winkler("dwayne", "duane"), 0.84, 0.001);
    EXPECT_NEAR(jaro_winkler("dixon", "dicksonx"), 0.813, 0.001);
    EXPECT_DOUBLE_EQ(jaro_winkler("rossi", "rossi"), 1.0);
    EXPECT_DOUBLE_EQ(jaro_winkler("", "rossi"), 0.0);
    EXPECT_DOUBLE_EQ(jaro_winkler("abc", "xyz"), 0.0);
}

TEST(DuplicateNames, PhoneticKeyIsShortSoundexOfTheFirstWord) {
    EXPECT_EQ(phonetic_key("robert"), "r16");
    EXPECT_EQ(phonetic_key("rupert smith"), "r16");
    EXPECT_EQ(phonetic_key("rossi"), phonetic_key("rosi"));
    EXPECT_EQ(phonetic_key("bianchi"), phonetic_key("bianchl"));
    EXPECT_EQ(phonetic_key("ashcraft"), "a26");
    EXPECT_EQ(phonetic_key(""), "");
}

TEST(DuplicateScoring, ExactKeysScoreHigh) {
    auto a = person(1, "Giulia", "Bianchi", "", "giulia@example.com");
    auto b = person(2, "G.", "Verdi", "", "giulia@example.com");
    auto m = score(EntityType::Person, a, b);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->score, 95);
    EXPECT_EQ(m->reasons.front().rule, "email");

    auto c1 = company(1, "Rossi S.r.l.", "", "00743110157");
    auto c2 = company(2, "Completely Different", "", "00743110157");
    auto cm = score(EntityType::Company, c1, c2);
    ASSERT_TRUE(cm);
    EXPECT_EQ(cm->score, 98);
    EXPECT_EQ(cm->reasons.front().rule, "vat_id");
}

TEST(DuplicateScoring, PlaceholdersKeptByFlaggedImportsAreNoKeys) {
    // Imports that flag invalid values keep them as written: "n/a" in a thousand rows is not
    // one customer.
    auto a = person(1, "Giulia", "Bianchi", "", "n/a");
    auto b = person(2, "Marco", "Verdi", "", "n/a");
    EXPECT_FALSE(score(EntityType::Person, a, b));
    a.phone = b.phone = "0000";
    EXPECT_FALSE(score(EntityType::Person, a, b));
    a.phone = b.phone = "+39 347 000";
    EXPECT_FALSE(score(EntityType::Person, a, b));
    a.phone = b.phone = "+393471234567";
    EXPECT_TRUE(score(EntityType::Person, a, b));  // a real E.164 number still is a key

    auto c1 = company(1, "Rossi S.r.l.", "", "-");
    auto c2 = company(2, "Completely Different", "", "-");
    EXPECT_FALSE(score(EntityType::Company, c1, c2));
    c1.pec = c2.pec = "none";
    EXPECT_FALSE(score(EntityType::Company, c1, c2));
}

TEST(DuplicateScoring, FuzzyNameNeedsTheSameCityOrCompany) {
    auto a = person(1, "Giulia", "Bianchi", "Milano");
    auto b = person(2, "Giulia", "Bianchl", "Milano");
    auto m = score(EntityType::Person, a, b);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->reasons.front().rule, "name_city");
    EXPECT_GE(m->score, 70);  // a letter off in the last name: 0.94 alike
    EXPECT_LT(m->score, 90);
    EXPECT_GT(m->reasons.front().similarity, 0.9);

    auto elsewhere = person(3, "Giulia", "Bianchl", "Roma");
    EXPECT_FALSE(score(EntityType::Person, a, elsewhere));

    auto colleague = person(4, "Giulia", "Bianchi");
    auto other = person(5, "Giulia", "Bianchi");
    colleague.company_id = other.company_id = 77;
    auto cm = score(EntityType::Person, colleague, other);
    ASSERT_TRUE(cm);
    EXPECT_EQ(cm->reasons.front().rule, "name_company");
    EXPECT_EQ(cm->score, 95);
}

TEST(DuplicateScoring, NamesInTheOtherOrderAndAccentsStillMatch) {
    auto a = person(1, "José", "García", "Madrid");
    auto b = person(2, "Garcia", "Jose", "madrid");
    auto m = score(EntityType::Person, a, b);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->score, 90);  // identical after normalisation, same city
}

TEST(DuplicateScoring, DifferentNamesAndContradictionsAreNotDuplicates) {
    EXPECT_FALSE(
        score(EntityType::Person, person(1, "Giulia", "Bianchi", "Milano"), person(2, "Marco", "Ferrari", "Milano")));
    // Same name and city but different VAT ids: two companies.
    EXPECT_FALSE(score(EntityType::Company, company(1, "Rossi S.r.l.", "Milano", "00743110157"),
                       company(2, "Rossi SRL", "Milano", "12345678903")));
    // Same name and city, different birthdays: two people.
    auto a = person(1, "Giulia", "Bianchi", "Milano");
    auto b = person(2, "Giulia", "Bianchi", "Milano");
    a.birthday = "1980-01-01";
    b.birthday = "1991-05-05";
    EXPECT_FALSE(score(EntityType::Person, a, b));
    // ... unless an exact key joins them, capped low.
    a.email = b.email = "family@example.com";
    auto m = score(EntityType::Person, a, b);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->score, 65);
}

TEST(DuplicateScoring, SeveralRulesAddUp) {
    auto a = person(1, "Giulia", "Bianchi", "Milano", "g@example.com");
    auto b = person(2, "Giulia", "Bianchi", "Milano", "g@example.com");
    a.phone = b.phone = "+390212345678";
    auto m = score(EntityType::Person, a, b);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->reasons.size(), 3u);
    EXPECT_EQ(m->score, 100);  // 95 + 3 + 3, capped
    EXPECT_EQ(parse_reasons(reasons_json(m->reasons)).size(), 3u);
}

TEST(DuplicateBlocking, FindsTheSamePairsAsAllPairsOnASmallSet) {
    std::vector<MatchRecord> raw = {
        person(1, "Giulia", "Bianchi", "Milano"),
        person(2, "Giulia", "Bianchl", "Milano"),
        person(3, "Marco", "Ferrari", "Torino", "m@x.it"),
        person(4, "M.", "Ferrero", "Roma", "m@x.it"),
        person(5, "Anna", "Rossi", "Napoli"),
        person(6, "Ana", "Rossi", "Napoli"),
        person(7, "Luca", "Neri", "Bari"),
    };
    std::vector<PreparedRecord> records;
    for (const auto& r : raw) records.push_back(prepare(EntityType::Person, r));
    auto pairs = find_pairs(EntityType::Person, records);
    std::vector<std::pair<Id, Id>> found;
    for (const auto& p : pairs) found.emplace_back(p.first, p.second);
    std::vector<std::pair<Id, Id>> expected;
    for (std::size_t i = 0; i < records.size(); ++i) {
        for (std::size_t j = i + 1; j < records.size(); ++j) {
            if (score_pair(EntityType::Person, records[i], records[j]))
                expected.emplace_back(records[i].id, records[j].id);
        }
    }
    EXPECT_EQ(found, expected);
    EXPECT_EQ(found, (std::vector<std::pair<Id, Id>>{{1, 2}, {3, 4}, {5, 6}}));
}

TEST(DuplicateBlocking, ACommonNameInACityIsNoEvidenceUnlessAnotherReasonSaysSo) {
    std::vector<MatchRecord> raw;
    for (Id i = 1; i <= 12; ++i) raw.push_back(person(i, "Marco", "Rossi", "Milano"));
    raw[1].email = raw[4].email = "m.rossi@example.com";     // ids 2 and 5
    raw.push_back(person(50, "Marco", "Rosssi", "Milano"));  // a rare spelling of it
    raw.push_back(person(60, "Anna", "Bianchi", "Milano"));
    raw.push_back(person(61, "Anna", "Bianchi", "Milano"));  // two namesakes are no crowd
    std::vector<PreparedRecord> records;
    for (const auto& r : raw) records.push_back(prepare(EntityType::Person, r));
    std::vector<std::pair<Id, Id>> found;
    for (const auto& p : find_pairs(EntityType::Person, records)) found.emplace_back(p.first, p.second);
    std::vector<std::pair<Id, Id>> expected = {{2, 5}};
    for (Id i = 1; i <= 12; ++i) expected.emplace_back(i, 50);
    expected.emplace_back(60, 61);
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(found, expected);
}

TEST(DuplicateBlocking, AHugeSharedKeyIsAStarNotAClique) {
    std::vector<PreparedRecord> records;
    for (Id i = 1; i <= 1000; ++i) {
        records.push_back(prepare(EntityType::Person,
                                  person(i, "P" + std::to_string(i), "X" + std::to_string(i * 7919), "", "info@x.it")));
    }
    auto pairs = find_pairs(EntityType::Person, records);
    EXPECT_EQ(pairs.size(), 999u);
    for (const auto& p : pairs) EXPECT_EQ(p.first, 1);
}

CustomerRecord stored_person(Id id) {
    CustomerRecord r;
    r.type = EntityType::Person;
    r.id = id;
    r.workspace_id = 1;
    return r;
}

TEST(DuplicateMerge, DefaultsToTheSurvivorsValuesAndFillsItsGaps) {
    auto survivor = stored_person(1);
    survivor.fields = {{"first_name", "Giulia"}, {"last_name", "Bianchi"}, {"kind", "b2b_contact"}};
    survivor.tags = {"vip"};
    auto merged = stored_person(2);
    merged.fields = {{"first_name", "Giulia M."},
                     {"last_name", "Bianchi"},
                     {"email", "giulia@example.com"},
                     {"kind", "b2b_contact"}};
    merged.tags = {"newsletter", "vip"};
    auto plan = plan_merge(survivor, merged, {}, {});
    ASSERT_TRUE(plan) << plan.error().detail;
    EXPECT_EQ(plan->record.fields["first_name"], "Giulia");
    EXPECT_EQ(plan->record.fields["email"], "giulia@example.com");
    EXPECT_EQ(plan->record.tags, (std::vector<std::string>{"newsletter", "vip"}));
    EXPECT_EQ(plan->taken_from_merged, (std::vector<std::string>{"email"}));
    ASSERT_FALSE(plan->changes.empty());
    EXPECT_EQ(plan->changes.back().field, "merged_from");
    EXPECT_EQ(plan->changes.back().new_value, "2");

    auto chosen = plan_merge(survivor, merged, {{"first_name", Side::Merged}}, {});
    ASSERT_TRUE(chosen);
    EXPECT_EQ(chosen->record.fields["first_name"], "Giulia M.");

    auto bad = plan_merge(survivor, merged, {{"colour", Side::Merged}}, {});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().fields.at(0).pointer, "/choices/colour");
}

TEST(DuplicateMerge, KeepsTheLosersEmailAndPhoneAsOtherEntries) {
    auto survivor = stored_person(1);
    survivor.fields = {{"first_name", "Giulia"},
                       {"last_name", "Bianchi"},
                       {"email", "giulia@example.com"},
                       {"phone", "+390212345678"},
                       {"other_emails", {{{"label", "home"}, {"value", "g@home.it"}}}}};
    auto merged = stored_person(2);
    merged.fields = {
        {"first_name", "Giulia"},
        {"last_name", "Bianchi"},
        {"email", "gbianchi@work.it"},
        {"phone", "+390212345678"},  // the same number: not repeated
        {"other_emails", {{{"label", "work"}, {"value", "g@home.it"}}, {{"label", "old"}, {"value", "o@x.it"}}}}};
    auto plan = plan_merge(survivor, merged, {}, {});
    ASSERT_TRUE(plan) << plan.error().detail;
    EXPECT_EQ(plan->record.fields["email"], "giulia@example.com");
    EXPECT_EQ(customers::contact_values(plan->record.fields["other_emails"]),
              (std::vector<std::string>{"g@home.it", "o@x.it", "gbianchi@work.it"}));
    EXPECT_EQ(plan->record.fields["other_emails"][0]["label"], "home");  // the survivor's entry first
    EXPECT_FALSE(plan->record.fields.contains("other_phones"));
    const auto change = std::find_if(plan->changes.begin(), plan->changes.end(),
                                     [](const customers::FieldChange& c) { return c.field == "other_emails"; });
    ASSERT_NE(change, plan->changes.end());
    EXPECT_EQ(std::count_if(plan->changes.begin(), plan->changes.end(),
                            [](const customers::FieldChange& c) { return c.field == "other_emails"; }),
              1);

    // Choosing the merged email keeps the survivor's as another entry.
    auto theirs = plan_merge(survivor, merged, {{"email", Side::Merged}}, {});
    ASSERT_TRUE(theirs);
    EXPECT_EQ(theirs->record.fields["email"], "gbianchi@work.it");
    EXPECT_EQ(customers::contact_values(theirs->record.fields["other_emails"]),
              (std::vector<std::string>{"g@home.it", "o@x.it", "giulia@example.com"}));
}

TEST(DuplicateMerge, AFieldCanBeCleared) {
    auto survivor = stored_person(1);
    survivor.fields = {
        {"first_name", "Giulia"}, {"last_name", "Bianchi"}, {"phone", "+390212345678"}, {"city", "Milano"}};
    survivor.owner_user_id = 7;
    auto merged = stored_person(2);
    merged.fields = {{"first_name", "Giulia"}, {"last_name", "Bianchi"}, {"phone", "+390298765432"}};
    auto plan = plan_merge(survivor, merged,
                           {{"phone", Side::Clear}, {"city", Side::Clear}, {"owner_user_id", Side::Clear}}, {});
    ASSERT_TRUE(plan) << plan.error().detail;
    EXPECT_FALSE(plan->record.fields.contains("phone"));
    EXPECT_FALSE(plan->record.fields.contains("city"));
    EXPECT_FALSE(plan->record.owner_user_id);
    // A cleared phone is not kept as another entry either: clearing means "not this".
    EXPECT_FALSE(plan->record.fields.contains("other_phones"));
    const auto cleared = std::find_if(plan->changes.begin(), plan->changes.end(),
                                      [](const customers::FieldChange& c) { return c.field == "city"; });
    ASSERT_NE(cleared, plan->changes.end());
    EXPECT_EQ(cleared->old_value, "Milano");
    EXPECT_EQ(cleared->new_value, "");

    // A required field cannot be cleared.
    auto bad = plan_merge(survivor, merged, {{"last_name", Side::Clear}}, {});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().fields.at(0).pointer, "/choices/last_name");

    // Clearing the list drops every other entry, the loser's primary included.
    auto none = plan_merge(survivor, merged, {{"other_phones", Side::Clear}}, {});
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->record.fields.contains("other_phones"));
    auto kept = plan_merge(survivor, merged, {}, {});
    ASSERT_TRUE(kept);
    EXPECT_EQ(customers::contact_values(kept->record.fields["other_phones"]),
              (std::vector<std::string>{"+390298765432"}));
}

TEST(DuplicateMerge, AffiliationsAreTheUnionWithOnePrimary) {
    std::vector<customers::Affiliation> mine = {{10, "CEO", true}};
    std::vector<customers::Affiliation> theirs = {{10, "Boss", true}, {11, "Advisor", true}};
    auto all = merge_affiliations(mine, theirs);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].job_title, "CEO");
    EXPECT_FALSE(all[1].is_primary);
}

}  // namespace
}  // namespace rapport::domain::duplicates
