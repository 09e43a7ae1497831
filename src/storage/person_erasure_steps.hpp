#pragma once
// What other areas erase with a person (GDPR art. 17), inside the privacy area's transaction:
// the service desk's conversations, the satisfaction surveys' comments... Each area adds its
// step when the application is composed (src/app), so privacy needs to know none of them and
// an erasure stays one transaction: all of it happens, or none.
#include <functional>
#include <vector>

#include "core/ids.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

using PersonErasureStep = std::function<Status(Connection&, Id workspace_id, Id person_id)>;

class PersonErasureSteps {
public:
    void add(PersonErasureStep step) { steps_.push_back(std::move(step)); }

    Status run(Connection& conn, Id workspace_id, Id person_id) const {
        for (const auto& step : steps_) RAPPORT_CHECK(step(conn, workspace_id, person_id));
        return {};
    }

private:
    std::vector<PersonErasureStep> steps_;
};

}  // namespace rapport::storage
