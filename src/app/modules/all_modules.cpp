// Every area of Rapport, in the order they are built: an area comes after those it uses
// (scripts/check-layers.sh holds the declared uses). A new area adds one line here.
#include "app/area_module.hpp"

#define RAPPORT_AREAS(AREA) \
    AREA(identity)          \
    AREA(audit)             \
    AREA(teams)             \
    AREA(customers)         \
    AREA(timeline)          \
    AREA(search)            \
    AREA(privacy)           \
    AREA(segments)          \
    AREA(servicelevels)     \
    AREA(partitions)        \
    AREA(duplicates)        \
    AREA(exports)           \
    AREA(imports)           \
    AREA(tasks)             \
    AREA(desk)              \
    AREA(servicedesk)       \
    AREA(satisfaction)      \
    AREA(relationships)     \
    AREA(portfolios)        \
    AREA(costs)             \
    AREA(canvas)

namespace rapport::app {

#define RAPPORT_DECLARE_MODULE(area) std::unique_ptr<AreaModule> make_##area##_module();
RAPPORT_AREAS(RAPPORT_DECLARE_MODULE)
#undef RAPPORT_DECLARE_MODULE

std::vector<std::unique_ptr<AreaModule>> all_modules() {
    std::vector<std::unique_ptr<AreaModule>> modules;
#define RAPPORT_ADD_MODULE(area) modules.push_back(make_##area##_module());
    RAPPORT_AREAS(RAPPORT_ADD_MODULE)
#undef RAPPORT_ADD_MODULE
    return modules;
}

}  // namespace rapport::app
