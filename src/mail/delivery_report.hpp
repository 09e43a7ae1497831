#pragma once
// Reading bounces. A delivery status notification (RFC 3464) is a multipart/report whose
// message/delivery-status part holds blocks of header-like fields: one about the message, then
// one per recipient. GMime's header parser reads each block (folding, comments); this picks the
// recipient that failed, else the first one. Pure functions; thread-safe.
#include <string>
#include <string_view>

#include "mail/parsed_mail.hpp"

namespace rapport::mail {

// The fields of a message/delivery-status body (decoded bytes). original_message_id is left
// empty: it comes from the returned message, another part.
DeliveryReport read_delivery_status(std::string_view body);

// Whether `email` (lower-case) belongs to a mail system rather than a person: its local part is
// mailer-daemon or postmaster.
bool is_mail_system_address(std::string_view email);

}  // namespace rapport::mail
