#pragma once
// The service desk's part of erasing a person (GDPR art. 17; the privacy area runs it in its
// transaction, see storage/person_erasure_steps.hpp).
#include "core/ids.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

// Every message of the person's conversations (theirs, and the replies that address and quote
// them) loses its text, addresses and subject; raw sources and attachments are deleted. What
// the measures need stays: kinds, times, answered and delivery states, minutes, counts.
Status erase_person_conversations(Connection& conn, Id workspace_id, Id person_id);

}  // namespace rapport::storage
