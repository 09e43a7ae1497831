#include "storage/satisfaction/person_erasure.hpp"

namespace rapport::storage {

Status erase_person_surveys(Connection& conn, Id ws, Id person_id) {
    // An invitation not sent yet is never sent: there is nobody to send it to.
    RAPPORT_TRY(
        conn.execute("UPDATE csat_requests SET email = NULL, person_name = '', subject = '', comment = '',"
                     " send_error = NULL, next_attempt_at = NULL WHERE workspace_id = $1 AND person_id = $2",
                     {ws, person_id}));
    RAPPORT_TRY(
        conn.execute("UPDATE nps_responses SET email = '', person_name = '', comment = '', send_error = NULL,"
                     " next_attempt_at = NULL WHERE workspace_id = $1 AND person_id = $2",
                     {ws, person_id}));
    return {};
}

}  // namespace rapport::storage
