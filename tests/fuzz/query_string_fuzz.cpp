// The request-target and query-string parser on arbitrary bytes: no memory error, and what
// it accepts keeps its promises (a path that starts with '/', no NUL, no ".." segment).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "http/query_string.hpp"

using namespace rapport::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    if (auto target = parse_target(input)) {
        RAPPORT_FUZZ_CHECK(!target->path.empty() && target->path.front() == '/');
        RAPPORT_FUZZ_CHECK(target->path.find('\0') == std::string::npos);
        RAPPORT_FUZZ_CHECK(target->path.find("/../") == std::string::npos);
        RAPPORT_FUZZ_CHECK(target->path.size() < 3 || target->path.substr(target->path.size() - 3) != "/..");
        if (auto q = QueryParams::parse(target->query)) {
            for (const auto& [k, v] : q->items()) RAPPORT_FUZZ_CHECK(q->get(k).has_value());
        }
    }
    if (auto q = QueryParams::parse(input)) {
        for (const auto& [k, v] : q->items()) {
            RAPPORT_FUZZ_CHECK(k.find('\0') == std::string::npos && v.find('\0') == std::string::npos);
            RAPPORT_FUZZ_CHECK(!q->get_all(k).empty());
        }
    }
    (void)percent_decode(input, true);
    (void)percent_decode(input, false);
    return 0;
}
