#pragma once
// A person's mail address as the mail layer hands it on: the display name decoded to UTF-8
// and the address itself lower-cased, so two spellings of one mailbox compare equal.
#include <string>

namespace rapport::mail {

struct MailAddress {
    std::string name;   // display name in UTF-8; empty when the header gives none
    std::string email;  // addr-spec, lower-cased ("anna.rossi@example.it")

    bool operator==(const MailAddress&) const = default;
};

}  // namespace rapport::mail
