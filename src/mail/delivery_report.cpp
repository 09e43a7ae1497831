#include "mail/delivery_report.hpp"

#include <vector>

#include "mail/gmime_handles.hpp"
#include "mail/mail_library.hpp"

namespace rapport::mail {
namespace {

using gmime::GObjectPtr;

// Folded lines read as one, with single spaces.
std::string collapse_spaces(std::string_view value) {
    std::string out;
    for (char c : gmime::trim(value)) {
        bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (space && !out.empty() && out.back() == ' ') continue;
        out += space ? ' ' : c;
    }
    return out;
}

// "rfc822; Anna@Example.it" gives "anna@example.it"; "smtp; 550 5.1.1 ..." gives "550 5.1.1 ...".
std::string without_type(std::string_view value) {
    std::size_t semi = value.find(';');
    if (semi != std::string_view::npos) value = value.substr(semi + 1);
    return collapse_spaces(value);
}

std::string address_of(std::string_view value) {
    std::string address = gmime::lower_ascii(without_type(value));
    if (address.size() >= 2 && address.front() == '<' && address.back() == '>')
        address = address.substr(1, address.size() - 2);
    return address;
}

// "5.1.1 (bad destination mailbox)" gives "5.1.1".
std::string status_code(std::string_view value) {
    value = gmime::trim(value);
    return std::string(value.substr(0, value.find_first_of(" \t(")));
}

struct Block {
    std::string action, status, final_recipient, original_recipient, diagnostic;
};

}  // namespace

DeliveryReport read_delivery_status(std::string_view body) {
    ensure_mail_libraries();
    // Each round lets GMime read one block of fields as the headers of a part; the rest of the
    // body becomes that part's content, read again in the next round.
    std::vector<Block> blocks;
    GMimeParserOptions* defaults = g_mime_parser_options_get_default();
    // A report names a few recipients; the caps keep a hostile one from costing much (each
    // round copies what is left).
    constexpr std::size_t kMaxBytes = 256 * 1024;
    constexpr int kMaxBlocks = 100;
    std::string rest(body.substr(0, kMaxBytes));
    for (int round = 0; round < kMaxBlocks && !gmime::trim(rest).empty(); ++round) {
        // Blank lines between blocks would read as an empty header block: skip them.
        std::size_t start = rest.find_first_not_of(" \t\r\n");
        rest.erase(0, start);
        auto stream = gmime::memory_stream(rest);
        GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
        GObjectPtr<GMimeObject> part(g_mime_parser_construct_part(parser.get(), defaults));
        if (!part) break;
        Block block;
        block.action = gmime::lower_ascii(gmime::header(part.get(), "Action"));
        block.status = status_code(gmime::header(part.get(), "Status"));
        block.final_recipient = address_of(gmime::header(part.get(), "Final-Recipient"));
        block.original_recipient = address_of(gmime::header(part.get(), "Original-Recipient"));
        block.diagnostic = without_type(gmime::header(part.get(), "Diagnostic-Code"));
        blocks.push_back(std::move(block));
        std::string next = gmime::is_a(part.get(), GMIME_TYPE_PART)
                               ? gmime::decoded_bytes(g_mime_part_get_content(gmime::as<GMimePart>(part.get())))
                               : std::string();
        if (next.size() >= rest.size()) break;  // no progress: stop rather than loop
        rest = std::move(next);
    }

    const Block* chosen = nullptr;
    for (const Block& b : blocks) {
        if (b.action == "failed") {
            chosen = &b;
            break;
        }
    }
    if (chosen == nullptr) {
        for (const Block& b : blocks) {
            if (!b.action.empty() || !b.final_recipient.empty()) {
                chosen = &b;
                break;
            }
        }
    }
    DeliveryReport report;
    if (chosen != nullptr) {
        report.action = chosen->action;
        report.status = chosen->status;
        report.recipient = chosen->original_recipient.empty() ? chosen->final_recipient : chosen->original_recipient;
        report.diagnostic = chosen->diagnostic;
    }
    return report;
}

bool is_mail_system_address(std::string_view email) {
    std::string local = gmime::lower_ascii(email.substr(0, email.find('@')));
    return local == "mailer-daemon" || local == "postmaster";
}

}  // namespace rapport::mail
