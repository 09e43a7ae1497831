#include "mail/imap_connection.hpp"

#include <poll.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <utility>

#include "mail/mail_library.hpp"

namespace rapport::mail::detail {

namespace {

// A line that ends with an IMAP literal announcement, "{123}" or "{123+}": its size.
std::optional<std::size_t> literal_size(std::string_view line) {
    if (line.empty() || line.back() != '}') return std::nullopt;
    const std::size_t open = line.rfind('{');
    if (open == std::string_view::npos) return std::nullopt;
    std::string_view digits = line.substr(open + 1, line.size() - open - 2);
    if (!digits.empty() && digits.back() == '+') digits.remove_suffix(1);
    if (digits.empty()) return std::nullopt;
    std::size_t size = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), size);
    if (ec != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
    return size;
}

constexpr std::chrono::seconds kLogoutWait{2};

}  // namespace

ImapConnection::ImapConnection(const MailServer& server) : server_(server) {}

ImapConnection::~ImapConnection() {
    close();
}

Status ImapConnection::open() {
    ensure_mail_libraries();
    close();
    CurlHandle handle(curl_easy_init());
    if (!handle) return fail(Error::internal("libcurl could not create a handle"));
    error_buffer_[0] = '\0';
    if (!apply_server_options(handle.get(), server_, Protocol::Imap, error_buffer_) ||
        curl_easy_setopt(handle.get(), CURLOPT_CONNECT_ONLY, 1L) != CURLE_OK) {
        return fail(Error::internal("libcurl refused an IMAP option"));
    }
    // CONNECT_ONLY on an IMAP URL: libcurl connects, negotiates TLS or STARTTLS, reads the
    // capabilities and logs in (SASL or LOGIN), then hands the connection over.
    const CURLcode code = curl_easy_perform(handle.get());
    if (code != CURLE_OK) return fail(connection_error(code, error_buffer_, server_, Protocol::Imap));
    handle_ = std::move(handle);
    buffer_.clear();
    consumed_ = 0;
    partial_.reset();
    pending_literal_.reset();
    return {};
}

void ImapConnection::close() {
    if (!handle_) return;
    // LOGOUT ourselves, so the server ends the session cleanly; libcurl's own LOGOUT at cleanup
    // then meets a closed connection and gives up at once.
    const std::string tag = next_tag();
    if (send_line(tag + " LOGOUT")) {
        const Deadline until = std::chrono::steady_clock::now() + kLogoutWait;
        for (;;) {
            auto line = read_line(until);
            if (!line || !line->has_value()) break;
            if ((*line)->text.rfind(tag + " ", 0) == 0) break;
        }
    }
    handle_.reset();
}

std::string ImapConnection::next_tag() {
    return "R" + std::to_string(++tag_counter_);
}

Deadline ImapConnection::reply_deadline() const {
    const auto seconds = server_.timeout.count() > 0 ? server_.timeout : std::chrono::seconds(30);
    return std::chrono::steady_clock::now() + seconds;
}

Error ImapConnection::lost(const std::string& what) {
    handle_.reset();
    return server_error(
        ErrorCode::Unavailable, "connection_lost",
        "the connection to the mail server " + server_name(server_, Protocol::Imap) + " was lost (" + what + ")",
        server_, Protocol::Imap);
}

Result<bool> ImapConnection::wait_socket(bool for_write, Deadline until) {
    curl_socket_t socket = CURL_SOCKET_BAD;
    if (curl_easy_getinfo(handle_.get(), CURLINFO_ACTIVESOCKET, &socket) != CURLE_OK || socket == CURL_SOCKET_BAD) {
        return fail(lost("no socket"));
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd descriptor{socket, static_cast<short>(for_write ? POLLOUT : POLLIN), 0};
    const int ready = ::poll(&descriptor, 1, static_cast<int>(std::min<long long>(left.count(), 60'000)));
    if (ready < 0 && errno != EINTR) return fail(lost("poll failed"));
    return true;  // ready, interrupted, or a slice of a long wait: the caller tries again
}

Status ImapConnection::send_all(std::string_view bytes) {
    if (!handle_) return fail(lost("not connected"));
    const Deadline until = reply_deadline();
    while (!bytes.empty()) {
        std::size_t sent = 0;
        const CURLcode code = curl_easy_send(handle_.get(), bytes.data(), bytes.size(), &sent);
        if (code == CURLE_AGAIN) {
            auto waited = wait_socket(true, until);
            if (!waited) return fail(waited.error());
            if (!*waited) return fail(lost("timed out sending"));
            continue;
        }
        if (code != CURLE_OK) return fail(lost(curl_easy_strerror(code)));
        bytes.remove_prefix(sent);
    }
    return {};
}

Status ImapConnection::send_line(std::string_view line) {
    std::string bytes(line);
    bytes += "\r\n";
    return send_all(bytes);
}

Result<bool> ImapConnection::fill(Deadline until) {
    if (!handle_) return fail(lost("not connected"));
    if (consumed_ > 0 && consumed_ * 2 >= buffer_.size()) {
        buffer_.erase(0, consumed_);
        consumed_ = 0;
    }
    char chunk[16384];
    for (;;) {
        std::size_t received = 0;
        const CURLcode code = curl_easy_recv(handle_.get(), chunk, sizeof chunk, &received);
        if (code == CURLE_OK) {
            if (received == 0) return fail(lost("closed by the server"));
            buffer_.append(chunk, received);
            return true;
        }
        if (code != CURLE_AGAIN) return fail(lost(curl_easy_strerror(code)));
        // TLS may hold decrypted bytes the socket does not show, so recv is always tried first.
        if (std::chrono::steady_clock::now() >= until) return false;
        auto waited = wait_socket(false, until);
        if (!waited) return fail(waited.error());
        if (!*waited) return false;
    }
}

Result<std::optional<ImapLine>> ImapConnection::read_line(Deadline until) {
    if (!partial_) partial_.emplace();
    for (;;) {
        if (pending_literal_) {
            const std::size_t need = *pending_literal_;
            if (buffer_.size() - consumed_ >= need) {
                partial_->literals.emplace_back(buffer_, consumed_, need);
                consumed_ += need;
                pending_literal_.reset();
                continue;  // the line goes on after the literal
            }
        } else {
            const std::size_t end = buffer_.find("\r\n", consumed_);
            if (end != std::string::npos) {
                std::string_view piece(buffer_.data() + consumed_, end - consumed_);
                partial_->text.append(piece);
                consumed_ = end + 2;
                if (auto size = literal_size(piece)) {
                    pending_literal_ = *size;
                    continue;
                }
                std::optional<ImapLine> line = std::move(partial_);
                partial_.reset();
                return line;
            }
        }
        auto more = fill(until);
        if (!more) return fail(more.error());
        if (!*more) return std::optional<ImapLine>{};
    }
}

Result<ImapResponse> ImapConnection::read_until_tagged(const std::string& tag) {
    ImapResponse response;
    const std::string prefix = tag + " ";
    for (;;) {
        auto line = read_line(reply_deadline());
        if (!line) return fail(line.error());
        if (!line->has_value()) return fail(lost("no reply in time"));
        ImapLine& got = **line;
        if (got.text.rfind(prefix, 0) == 0) {
            std::string_view rest(got.text);
            rest.remove_prefix(prefix.size());
            const std::size_t space = rest.find(' ');
            response.status = std::string(rest.substr(0, space));
            std::transform(response.status.begin(), response.status.end(), response.status.begin(),
                           [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
            response.text = space == std::string_view::npos ? std::string() : std::string(rest.substr(space + 1));
            return response;
        }
        if (got.text.rfind("* BYE", 0) == 0) {
            // The server is closing; the tagged reply may still follow, so keep reading.
            response.untagged.push_back(std::move(got));
            continue;
        }
        response.untagged.push_back(std::move(got));
    }
}

Result<ImapResponse> ImapConnection::command(std::string_view text) {
    const std::string tag = next_tag();
    std::string line = tag;
    line += ' ';
    line += text;
    RAPPORT_CHECK(send_line(line));
    return read_until_tagged(tag);
}

Result<ImapResponse> ImapConnection::command_with_literal(std::string_view text, std::string_view literal) {
    const std::string tag = next_tag();
    std::string line = tag;
    line += ' ';
    line += text;
    RAPPORT_CHECK(send_line(line));
    ImapResponse early;
    for (;;) {
        auto got = read_line(reply_deadline());
        if (!got) return fail(got.error());
        if (!got->has_value()) return fail(lost("no reply in time"));
        if ((*got)->text.rfind("+", 0) == 0) break;
        if ((*got)->text.rfind(tag + " ", 0) == 0) {
            // Refused before the literal (e.g. the folder does not exist).
            std::string_view rest((*got)->text);
            rest.remove_prefix(tag.size() + 1);
            const std::size_t space = rest.find(' ');
            early.status = std::string(rest.substr(0, space));
            early.text = space == std::string_view::npos ? std::string() : std::string(rest.substr(space + 1));
            return early;
        }
        early.untagged.push_back(std::move(**got));
    }
    std::string bytes(literal);
    bytes += "\r\n";
    RAPPORT_CHECK(send_all(bytes));
    auto response = read_until_tagged(tag);
    if (!response) return response;
    response->untagged.insert(response->untagged.begin(), early.untagged.begin(), early.untagged.end());
    return response;
}

}  // namespace rapport::mail::detail
