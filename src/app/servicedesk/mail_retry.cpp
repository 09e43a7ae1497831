#include "app/servicedesk/mail_retry.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace rapport::app {

namespace {
double retry_scale() {
    static const double scale = [] {
        const char* v = std::getenv("RAPPORT_MAIL_RETRY_SCALE");
        if (v == nullptr || *v == '\0') return 1.0;
        char* end = nullptr;
        const double d = std::strtod(v, &end);
        return end != v && *end == '\0' && d > 0 && d <= 1000 ? d : 1.0;
    }();
    return scale;
}
}  // namespace

std::chrono::milliseconds mail_retry_backoff(std::int64_t failed_attempts) {
    static constexpr std::array<int, 6> kSeconds{15, 60, 300, 900, 1800, 3600};
    const auto at = static_cast<std::size_t>(std::clamp<std::int64_t>(failed_attempts - 1, 0, kSeconds.size() - 1));
    return std::chrono::milliseconds(static_cast<std::int64_t>(kSeconds[at] * 1000 * retry_scale()));
}

}  // namespace rapport::app
