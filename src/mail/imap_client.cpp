#include "mail/imap_client.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string_view>
#include <thread>
#include <utility>

#include "mail/curl_options.hpp"
#include "mail/imap_connection.hpp"

namespace rapport::mail {

using detail::ImapConnection;
using detail::ImapLine;
using detail::ImapResponse;
using detail::Protocol;

namespace {

constexpr std::chrono::milliseconds kStopPollInterval{200};

// An IMAP quoted string. Folder names outside ASCII would need modified UTF-7 (RFC 3501
// §5.1.3); mailbox settings name folders the server listed, which are already in that form.
std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
           });
}

std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ') ++i;
        if (i > start) out.push_back(text.substr(start, i - start));
    }
    return out;
}

std::optional<std::uint32_t> number(std::string_view text) {
    std::uint32_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// "* 12 EXISTS" -> 12 when `line` is "* <n> <name>".
std::optional<std::uint32_t> counted(const ImapLine& line, std::string_view name) {
    const auto w = words(line.text);
    if (w.size() < 3 || w[0] != "*" || !iequals(w[2], name)) return std::nullopt;
    return number(w[1]);
}

// The number in a response code such as "[UIDVALIDITY 3857529045]".
std::optional<std::uint32_t> response_code(const ImapLine& line, std::string_view code) {
    std::string upper = line.text;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    const std::string needle = "[" + std::string(code) + " ";
    const std::size_t at = upper.find(needle);
    if (at == std::string::npos) return std::nullopt;
    const std::size_t start = at + needle.size();
    const std::size_t end = upper.find(']', start);
    if (end == std::string::npos) return std::nullopt;
    return number(std::string_view(upper).substr(start, end - start));
}

}  // namespace

ImapClient::ImapClient(MailServer server, std::string folder)
    : server_(std::move(server)), folder_(std::move(folder)) {}
ImapClient::~ImapClient() = default;
ImapClient::ImapClient(ImapClient&&) noexcept = default;
ImapClient& ImapClient::operator=(ImapClient&&) noexcept = default;

Error ImapClient::rejected(const std::string& what, const ImapResponse& response) const {
    return detail::server_error(ErrorCode::Unavailable, "rejected",
                                "the mail server " + detail::server_name(server_, Protocol::Imap) + " refused to " +
                                    what + ": " + response.status + " " + response.text,
                                server_, Protocol::Imap);
}

void ImapClient::note_unsolicited(const ImapResponse& response) {
    for (const ImapLine& line : response.untagged) {
        if (auto n = counted(line, "EXISTS")) {
            if (*n > exists_) new_mail_pending_ = true;
            exists_ = *n;
        } else if (counted(line, "EXPUNGE")) {
            if (exists_ > 0) --exists_;
        }
    }
}

Result<FolderState> ImapClient::select() {
    selected_ = false;
    if (!connection_ || !connection_->is_open()) {
        connection_ = std::make_unique<ImapConnection>(server_);
        capabilities_.reset();
        RAPPORT_CHECK(connection_->open());
    }
    auto response = connection_->command("SELECT " + quoted(folder_));
    if (!response) return fail(response.error());
    if (!response->ok()) {
        return fail(detail::server_error(ErrorCode::NotFound, "folder_missing",
                                         "the folder " + folder_ + " does not exist on the mail server " +
                                             detail::server_name(server_, Protocol::Imap) + " (" + response->status +
                                             " " + response->text + ")",
                                         server_, Protocol::Imap));
    }
    FolderState state;
    for (const ImapLine& line : response->untagged) {
        if (auto n = counted(line, "EXISTS")) state.exists = *n;
        if (auto v = response_code(line, "UIDVALIDITY")) state.uid_validity = *v;
        if (auto v = response_code(line, "UIDNEXT")) state.uid_next = *v;
    }
    exists_ = state.exists;
    selected_ = true;
    return state;
}

Status ImapClient::ensure_selected() {
    if (selected_ && connection_ && connection_->is_open()) return {};
    auto state = select();
    if (!state) return fail(state.error());
    return {};
}

Result<ImapResponse> ImapClient::run(const std::string& command) {
    RAPPORT_CHECK(ensure_selected());
    auto response = connection_->command(command);
    if (!response) {
        selected_ = false;  // the connection is gone; the next call connects again
        return response;
    }
    note_unsolicited(*response);
    return response;
}

Result<FolderState> ImapClient::examine() {
    return select();
}

Result<std::vector<std::uint32_t>> ImapClient::uids_from(std::uint32_t first_uid, std::size_t max) {
    first_uid = std::max<std::uint32_t>(first_uid, 1);
    // A session sees mail delivered since its last command only once the server has told it
    // (an untagged EXISTS); a SEARCH alone may answer from the older view. NOOP first makes the
    // search include everything delivered so far, and the announcements it brings are answered
    // by this search (later ones still wake wait_for_mail).
    auto synced = RAPPORT_TRY(run("NOOP"));
    if (!synced.ok()) return fail(rejected("sync the folder " + folder_, synced));
    new_mail_pending_ = false;
    auto response = RAPPORT_TRY(run("UID SEARCH UID " + std::to_string(first_uid) + ":*"));
    if (!response.ok()) return fail(rejected("search the folder " + folder_, response));
    std::vector<std::uint32_t> uids;
    for (const ImapLine& line : response.untagged) {
        const auto w = words(line.text);
        if (w.size() < 2 || w[0] != "*" || !iequals(w[1], "SEARCH")) continue;
        for (std::size_t i = 2; i < w.size(); ++i) {
            if (auto uid = number(w[i]); uid && *uid >= first_uid) uids.push_back(*uid);
        }
    }
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    if (uids.size() > max) uids.resize(max);
    return uids;
}

Result<std::string> ImapClient::fetch(std::uint32_t uid) {
    auto response = RAPPORT_TRY(run("UID FETCH " + std::to_string(uid) + " BODY.PEEK[]"));
    if (!response.ok()) return fail(rejected("fetch message " + std::to_string(uid), response));
    const std::string uid_word = std::to_string(uid);
    for (ImapLine& line : response.untagged) {
        const auto w = words(line.text);
        if (w.size() < 3 || w[0] != "*" || !iequals(w[2], "FETCH") || line.literals.empty()) continue;
        // The FETCH of this uid (a server may add unsolicited FETCHes of others' flag changes).
        std::string upper = line.text;
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        const std::size_t at = upper.find("UID ");
        if (at == std::string::npos) continue;
        const auto rest = words(std::string_view(upper).substr(at + 4));
        if (rest.empty() || rest[0].substr(0, rest[0].find(')')) != uid_word) continue;
        if (upper.find("BODY[]") == std::string::npos) continue;
        return std::move(line.literals.front());
    }
    return fail(detail::server_error(
        ErrorCode::NotFound, "not_found",
        "no message with uid " + uid_word + " in " + folder_ + " on " + detail::server_name(server_, Protocol::Imap),
        server_, Protocol::Imap));
}

Status ImapClient::mark_seen(std::uint32_t uid) {
    auto response = RAPPORT_TRY(run("UID STORE " + std::to_string(uid) + " +FLAGS.SILENT (\\Seen)"));
    if (!response.ok()) return fail(rejected("mark message " + std::to_string(uid) + " as read", response));
    return {};
}

Result<const std::vector<std::string>*> ImapClient::capabilities() {
    if (capabilities_) return &*capabilities_;
    auto response = RAPPORT_TRY(run("CAPABILITY"));
    if (!response.ok()) return fail(rejected("list its capabilities", response));
    std::vector<std::string> found;
    for (const ImapLine& line : response.untagged) {
        const auto w = words(line.text);
        if (w.size() < 2 || w[0] != "*" || !iequals(w[1], "CAPABILITY")) continue;
        for (std::size_t i = 2; i < w.size(); ++i) {
            std::string capability(w[i]);
            std::transform(capability.begin(), capability.end(), capability.begin(),
                           [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
            found.push_back(std::move(capability));
        }
    }
    capabilities_ = std::move(found);
    return &*capabilities_;
}

Status ImapClient::move(std::uint32_t uid, const std::string& folder) {
    const auto* caps = RAPPORT_TRY(capabilities());
    const auto has = [&](std::string_view name) { return std::find(caps->begin(), caps->end(), name) != caps->end(); };
    const std::string id = std::to_string(uid);
    const auto missing_folder = [&](const ImapResponse& response) -> Error {
        return detail::server_error(ErrorCode::NotFound, "folder_missing",
                                    "cannot move message " + id + " to " + folder + " on " +
                                        detail::server_name(server_, Protocol::Imap) + ": " + response.status + " " +
                                        response.text,
                                    server_, Protocol::Imap);
    };
    if (has("MOVE")) {
        auto response = RAPPORT_TRY(run("UID MOVE " + id + " " + quoted(folder)));
        if (!response.ok()) return fail(missing_folder(response));
        return {};
    }
    auto copied = RAPPORT_TRY(run("UID COPY " + id + " " + quoted(folder)));
    if (!copied.ok()) return fail(missing_folder(copied));
    auto flagged = RAPPORT_TRY(run("UID STORE " + id + " +FLAGS.SILENT (\\Deleted)"));
    if (!flagged.ok()) return fail(rejected("flag message " + id + " as moved", flagged));
    if (has("UIDPLUS")) {
        auto expunged = RAPPORT_TRY(run("UID EXPUNGE " + id));
        if (!expunged.ok()) return fail(rejected("remove the moved message " + id, expunged));
    }
    return {};
}

Status ImapClient::create_folder(const std::string& folder) {
    auto response = RAPPORT_TRY(run("CREATE " + quoted(folder)));
    if (response.ok()) return {};
    // RFC 5530's ALREADYEXISTS; servers without it say so in words.
    std::string upper = response.text;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (upper.find("ALREADYEXISTS") != std::string::npos || upper.find("ALREADY EXISTS") != std::string::npos) {
        return {};
    }
    return fail(rejected("create the folder " + folder, response));
}

Status ImapClient::append(const std::string& folder, std::string_view raw_message) {
    RAPPORT_CHECK(ensure_selected());
    auto response = connection_->command_with_literal(
        "APPEND " + quoted(folder) + " {" + std::to_string(raw_message.size()) + "}", raw_message);
    if (!response) {
        selected_ = false;
        return fail(response.error());
    }
    note_unsolicited(*response);
    if (!response->ok()) {
        return fail(detail::server_error(ErrorCode::NotFound, "folder_missing",
                                         "cannot add a message to " + folder + " on " +
                                             detail::server_name(server_, Protocol::Imap) + ": " + response->status +
                                             " " + response->text,
                                         server_, Protocol::Imap));
    }
    return {};
}

Result<bool> ImapClient::supports_idle() {
    const auto* caps = RAPPORT_TRY(capabilities());
    return std::find(caps->begin(), caps->end(), "IDLE") != caps->end();
}

Result<bool> ImapClient::wait_for_mail(std::chrono::seconds timeout, const std::function<bool()>& should_stop) {
    const bool idle = RAPPORT_TRY(supports_idle());
    if (!idle) {
        return fail(detail::server_error(
            ErrorCode::Unavailable, "idle_unsupported",
            "the mail server " + detail::server_name(server_, Protocol::Imap) + " does not offer IDLE; poll it instead",
            server_, Protocol::Imap));
    }
    RAPPORT_CHECK(ensure_selected());
    if (new_mail_pending_) {
        new_mail_pending_ = false;
        return true;
    }
    const auto stop_requested = [&] { return should_stop && should_stop(); };
    if (stop_requested()) return false;

    // IDLE (RFC 2177): the server pushes untagged responses until we send DONE.
    ImapConnection& connection = *connection_;
    const std::string tag = connection.next_tag();
    const auto lost = [&](Error error) {
        selected_ = false;
        connection_.reset();
        return fail(std::move(error));
    };
    if (auto sent = connection.send_line(tag + " IDLE"); !sent) return lost(sent.error());
    bool announced = false;
    bool idling = false;
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (!announced) {
        const auto now = std::chrono::steady_clock::now();
        if (idling && (now >= end || stop_requested())) break;
        // Before the continuation "+ idling" arrives, wait as long as any reply may take.
        const auto until = idling ? std::min(end, now + kStopPollInterval) : connection.reply_deadline();
        auto line = connection.read_line(until);
        if (!line) return lost(line.error());
        if (!line->has_value()) {
            if (!idling) return lost(Error::unavailable("no reply to IDLE"));
            continue;
        }
        const ImapLine& got = **line;
        if (got.text.rfind("+", 0) == 0) {
            idling = true;
        } else if (got.text.rfind(tag + " ", 0) == 0) {
            // The server ended IDLE by itself, or refused it.
            if (!idling && !iequals(words(got.text).size() > 1 ? words(got.text)[1] : "", "OK")) {
                return fail(detail::server_error(
                    ErrorCode::Unavailable, "idle_unsupported",
                    "the mail server " + detail::server_name(server_, Protocol::Imap) + " refused IDLE: " + got.text,
                    server_, Protocol::Imap));
            }
            return announced;
        } else if (auto n = counted(got, "EXISTS")) {
            // Any EXISTS during IDLE counts: a spurious wake-up costs one empty search, a
            // missed one costs a whole timeout.
            announced = true;
            exists_ = *n;
        } else if (auto recent = counted(got, "RECENT"); recent && *recent > 0) {
            announced = true;
        } else if (counted(got, "EXPUNGE")) {
            if (exists_ > 0) --exists_;
        }
    }
    if (auto sent = connection.send_line("DONE"); !sent) return lost(sent.error());
    auto finished = connection.read_until_tagged(tag);
    if (!finished) return lost(finished.error());
    note_unsolicited(*finished);
    new_mail_pending_ = false;
    return announced;
}

Status ImapClient::test_connection() {
    connection_.reset();
    selected_ = false;
    auto state = select();
    if (!state) return fail(state.error());
    return {};
}

}  // namespace rapport::mail
