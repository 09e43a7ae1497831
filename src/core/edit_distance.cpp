#include "core/edit_distance.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace rapport {

int edit_distance(std::string_view a, std::string_view b, int cap) {
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (std::abs(n - m) > cap) return cap + 1;
    // Three rows of the distance matrix: a swap looks two rows back.
    std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
    for (int j = 0; j <= m; ++j) previous[j] = j;
    for (int i = 1; i <= n; ++i) {
        current[0] = i;
        int row_best = current[0];
        for (int j = 1; j <= m; ++j) {
            const int replace = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + replace});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
            row_best = std::min(row_best, current[j]);
        }
        if (row_best > cap) return cap + 1;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], cap + 1);
}

}  // namespace rapport
