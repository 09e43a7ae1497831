#pragma once
// What ImportMapper stores: the accepted mapping. Thread-safe; scoped to one workspace.
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"

namespace rapport::domain::imports {

class MappingRepository {
public:
    virtual ~MappingRepository() = default;

    // Stores the mapping and moves the job to Mapped. False when the job is no longer
    // Uploaded or Mapped (it started meanwhile).
    virtual Result<bool> save_mapping(Id workspace_id, Id import_id, const std::string& mapping_json,
                                      UnixMillis now) = 0;
};

}  // namespace rapport::domain::imports
