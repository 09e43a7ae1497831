// A record's provenance per field from the stored rows: the creation's single row stands for
// every field set at creation, and a later change's row for its field wins.
#include <gtest/gtest.h>

#include "domain/customers/record_provenance.hpp"

namespace rapport::domain::customers {
namespace {

FieldProvenance row(std::string field, SourceKind kind, std::string ref, UnixMillis at) {
    return FieldProvenance{std::move(field), Source{kind, std::move(ref), DataKind::ThirdParty}, at};
}

CustomerRecord imported_person() {
    CustomerRecord r;
    r.type = EntityType::Person;
    r.fields = {{"first_name", "Giulia"},
                {"last_name", "Bianchi"},
                {"email", nullptr},
                {"city", "Milano"},
                {"phones", nlohmann::json::array()}};
    r.custom = {{"tier", "gold"}, {"notes", ""}};
    r.tags = {"vip"};
    r.owner_user_id = 7;
    return r;
}

TEST(RecordProvenance, TheCreationRowCoversEveryFieldWithAValue) {
    const auto out = resolve_provenance(
        imported_person(), {row(std::string(kCreatedFields), SourceKind::Import, "import:1:people.csv", 100)});
    std::vector<std::string> fields;
    for (const auto& p : out) {
        fields.push_back(p.field);
        EXPECT_EQ(p.source.kind, SourceKind::Import);
        EXPECT_EQ(p.source.ref, "import:1:people.csv");
        EXPECT_EQ(p.source.data_kind, DataKind::ThirdParty);
        EXPECT_EQ(p.recorded_at, 100);
    }
    // Sorted; null, empty text and empty lists have no provenance; no "*" entry.
    EXPECT_EQ(fields,
              (std::vector<std::string>{"city", "custom.tier", "first_name", "last_name", "owner_user_id", "tags"}));
}

TEST(RecordProvenance, ALaterChangeOfAFieldWinsOverTheCreation) {
    auto record = imported_person();
    record.fields["email"] = "giulia@example.it";
    const auto out = resolve_provenance(
        record, {row("city", SourceKind::Manual, "user:3", 300), row("email", SourceKind::Api, "api_key:9", 200),
                 row(std::string(kCreatedFields), SourceKind::Import, "import:1:people.csv", 100)});
    ASSERT_EQ(out.size(), 7u);
    for (const auto& p : out) {
        if (p.field == "city")
            EXPECT_EQ(p.source.ref, "user:3");
        else if (p.field == "email")
            EXPECT_EQ(p.source.ref, "api_key:9");
        else
            EXPECT_EQ(p.source.ref, "import:1:people.csv") << p.field;
    }
}

TEST(RecordProvenance, RecordsStoredPerFieldAreReturnedAsTheyAre) {
    // Records created before the creation row existed, and a cleared field keeping its row.
    auto record = imported_person();
    record.fields["city"] = nullptr;
    const auto out = resolve_provenance(
        record, {row("last_name", SourceKind::Manual, "user:3", 10), row("city", SourceKind::Manual, "user:3", 20)});
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].field, "city");
    EXPECT_EQ(out[1].field, "last_name");
}

}  // namespace
}  // namespace rapport::domain::customers
