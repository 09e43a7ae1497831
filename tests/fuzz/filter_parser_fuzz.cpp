// parse_filter on arbitrary JSON documents against a catalog with one field of each type:
// no memory error, no exception, and a failure always says where.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/filters/parse.hpp"
#include "fuzz/fuzz_check.hpp"

using namespace rapport::domain::filters;

namespace {

const FieldCatalog& catalog() {
    static const FieldCatalog c({
        {"city", FieldType::Text, {}},
        {"score", FieldType::Number, {}},
        {"revenue", FieldType::Money, {}},
        {"birthday", FieldType::Date, {}},
        {"created_at", FieldType::DateTime, {}},
        {"vip", FieldType::Bool, {}},
        {"tier", FieldType::Enum, {"basic", "plus", "vip"}},
        {"tags", FieldType::Tags, {}},
        {"buyer_company_id", FieldType::Reference, {}},
        {"custom.segment", FieldType::Text, {}},
    });
    return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded()) return 0;
    const auto parsed = parse_filter(doc, catalog(), "/filter");
    if (parsed) {
        for (const auto& field : referenced_fields(*parsed)) RAPPORT_FUZZ_CHECK(catalog().find(field) != nullptr);
        return 0;
    }
    RAPPORT_FUZZ_CHECK(!parsed.error().detail.empty());
    RAPPORT_FUZZ_CHECK(parsed.error().fields.size() <= 100);
    for (const auto& f : parsed.error().fields) RAPPORT_FUZZ_CHECK(f.pointer.rfind("/filter", 0) == 0);
    return 0;
}
