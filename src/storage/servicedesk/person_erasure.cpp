#include "storage/servicedesk/person_erasure.hpp"

namespace rapport::storage {

namespace {
// The person's messages wherever they are, and every message of their conversations.
constexpr const char* kMessages =
    " WHERE workspace_id = $1 AND (person_id = $2 OR conversation_id IN"
    " (SELECT conversation_id FROM conversations WHERE workspace_id = $1 AND person_id = $2))";
}  // namespace

Status erase_person_conversations(Connection& conn, Id ws, Id person_id) {
    const Params params{ws, person_id};
    RAPPORT_TRY(conn.execute(std::string("DELETE FROM message_sources WHERE workspace_id = $1 AND message_id IN"
                                         " (SELECT message_id FROM conversation_messages") +
                                 kMessages + ")",
                             params));
    RAPPORT_TRY(conn.execute(std::string("DELETE FROM message_attachments WHERE workspace_id = $1 AND message_id IN"
                                         " (SELECT message_id FROM conversation_messages") +
                                 kMessages + ")",
                             params));
    RAPPORT_TRY(conn.execute(std::string("UPDATE conversation_messages SET from_name = '', from_address = NULL,"
                                         " to_addresses = '[]', cc_addresses = '[]', subject = '', body_text = '',"
                                         " body_html = '', delivery_error = NULL") +
                                 kMessages,
                             params));
    RAPPORT_TRY(conn.execute(
        "UPDATE conversations SET subject = '', preview = '' WHERE workspace_id = $1 AND person_id = $2", params));
    return {};
}

}  // namespace rapport::storage
