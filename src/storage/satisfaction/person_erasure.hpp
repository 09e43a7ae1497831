#pragma once
// Satisfaction's part of erasing a person (GDPR art. 17; run in the privacy area's
// transaction, see storage/person_erasure_steps.hpp).
#include "core/ids.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

// The person's survey invitations and answers lose their address, name, subject and comments;
// the scores stay, so CSAT and NPS figures remain true.
Status erase_person_surveys(Connection& conn, Id workspace_id, Id person_id);

}  // namespace rapport::storage
