#include "domain/imports/csv_reader.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace rapport::domain::imports {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kReadChunk = 64 * 1024;

}  // namespace

std::string_view to_string(CsvError error) {
    switch (error) {
        case CsvError::None: return "none";
        case CsvError::UnterminatedQuote: return "unterminated_quote";
        case CsvError::FieldTooLarge: return "field_too_large";
        case CsvError::RecordTooLarge: return "record_too_large";
        case CsvError::TooManyFields: return "too_many_fields";
    }
    return "none";
}

CsvReader::CsvReader(CsvOptions options) : options_(options) {
    const char d = options_.delimiter;
    if (d == '"' || d == '\r' || d == '\n')
        throw std::invalid_argument("CSV delimiter cannot be a quote or a line break");
    for (const char c : {d, '"', '\r', '\n'}) stops_unquoted_[static_cast<unsigned char>(c)] = true;
    // The guards must leave room for at least one byte, or nothing could ever be read.
    options_.max_field_bytes = std::max<std::size_t>(options_.max_field_bytes, 1);
    options_.max_record_bytes = std::max(options_.max_record_bytes, options_.max_field_bytes);
    options_.max_fields = std::max<std::size_t>(options_.max_fields, 1);
    start_field();
}

void CsvReader::feed(std::string_view chunk) {
    bytes_fed_ += chunk.size();
    if (pos_ == buf_.size()) {
        buf_.assign(chunk.data(), chunk.size());
    } else {
        // The caller fed again without draining next(): keep the unread tail.
        buf_.erase(0, pos_);
        buf_.append(chunk.data(), chunk.size());
    }
    pos_ = 0;
}

void CsvReader::finish() {
    finished_ = true;
}

bool CsvReader::next(CsvRecord& out) {
    if (parse_record()) {
        emit(out);
        return true;
    }
    if (finished_ && state_ != State::RecordStart) {
        end_of_input_record();
        emit(out);
        return true;
    }
    return false;
}

void CsvReader::start_field() {
    field_start_ = data_.size();
    if (field_start_ >= options_.max_record_bytes) {
        limit_ = field_start_;  // the record is already full: RecordTooLarge was set
    } else {
        limit_ = std::min(field_start_ + options_.max_field_bytes, options_.max_record_bytes);
    }
}

void CsvReader::set_error(CsvError error, std::string message) {
    // The first problem of a record is the one worth reporting; later ones follow from it.
    if (error_ != CsvError::None) return;
    error_ = error;
    message_ = std::move(message);
}

void CsvReader::append_slow(const char* data, std::size_t size) {
    const std::size_t room = limit_ > data_.size() ? limit_ - data_.size() : 0;
    data_.append(data, std::min(size, room));
    if (size <= room) return;
    const std::size_t field_number = ends_.size() + 1;
    if (data_.size() - field_start_ >= options_.max_field_bytes) {
        set_error(CsvError::FieldTooLarge, "field " + std::to_string(field_number) + " is longer than " +
                                               std::to_string(options_.max_field_bytes) + " bytes and was cut");
    } else {
        set_error(CsvError::RecordTooLarge, "the record is longer than " + std::to_string(options_.max_record_bytes) +
                                                " bytes; fields from field " + std::to_string(field_number) +
                                                " on were cut");
    }
}

void CsvReader::end_field() {
    if (ends_.size() < options_.max_fields) {
        ends_.push_back(data_.size());
    } else {
        data_.resize(field_start_);
        set_error(CsvError::TooManyFields, "the record has more than " + std::to_string(options_.max_fields) +
                                               " fields; the extra fields were dropped");
    }
    start_field();
}

void CsvReader::count_lines(const char* begin, const char* end) {
    if (begin == end) return;
    const auto size = static_cast<std::size_t>(end - begin);
    // Quoted text rarely holds line breaks: look for them before walking byte by byte.
    if (std::memchr(begin, '\n', size) == nullptr && std::memchr(begin, '\r', size) == nullptr) {
        prev_cr_ = false;
        return;
    }
    for (const char* p = begin; p < end; ++p) {
        if (*p == '\n') {
            if (!prev_cr_) ++line_;
            prev_cr_ = false;
        } else if (*p == '\r') {
            ++line_;
            prev_cr_ = true;
        } else {
            prev_cr_ = false;
        }
    }
}

bool CsvReader::parse_record() {
    if (!bom_checked_) {
        const std::string_view rest(buf_.data() + pos_, buf_.size() - pos_);
        // A BOM may be split across the first chunks: wait until it can be decided.
        if (rest.size() < kBom.size() && !finished_ && kBom.substr(0, rest.size()) == rest) return false;
        bom_checked_ = true;
        if (rest.starts_with(kBom)) {
            has_bom_ = true;
            pos_ += kBom.size();
        }
    }
    const char* const begin = buf_.data();
    const char* const end = begin + buf_.size();
    const char* p = begin + pos_;
    const char delimiter = options_.delimiter;
    while (p < end) {
        switch (state_) {
            case State::RecordStart: {
                const char c = *p;
                if (c == '\n') {
                    if (!prev_cr_) ++line_;
                    prev_cr_ = false;
                    ++p;
                    continue;
                }
                if (c == '\r') {
                    ++line_;
                    prev_cr_ = true;
                    ++p;
                    continue;
                }
                prev_cr_ = false;
                record_line_ = line_;
                state_ = State::FieldStart;
                [[fallthrough]];
            }
            case State::FieldStart:
                if (*p == '"') {
                    state_ = State::Quoted;
                    quote_line_ = line_;
                    ++p;
                    continue;
                }
                state_ = State::Unquoted;
                [[fallthrough]];
            case State::Unquoted: {
                const char* run = p;
                while (p < end && !stops_unquoted_[static_cast<unsigned char>(*p)]) ++p;
                append(run, static_cast<std::size_t>(p - run));
                if (p == end) break;
                const char c = *p++;
                if (c == delimiter) {
                    end_field();
                    state_ = State::FieldStart;
                    continue;
                }
                if (c == '"') {  // a quote inside unquoted text: kept, as Excel does
                    append(&c, 1);
                    lenient_ = true;
                    continue;
                }
                // '\r' or '\n' ends the record (prev_cr_ is always false inside a field).
                end_field();
                ++line_;
                prev_cr_ = c == '\r';
                state_ = State::RecordStart;
                pos_ = static_cast<std::size_t>(p - begin);
                return true;
            }
            case State::Quoted: {
                const auto* quote = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
                const char* run_end = quote != nullptr ? quote : end;
                count_lines(p, run_end);
                append(p, static_cast<std::size_t>(run_end - p));
                p = run_end;
                if (quote == nullptr) break;
                ++p;
                prev_cr_ = false;
                state_ = State::QuoteInQuoted;
                continue;
            }
            case State::QuoteInQuoted:
                if (*p == '"') {  // '""' is one quote
                    append(p, 1);
                    ++p;
                    state_ = State::Quoted;
                    continue;
                }
                // The quote closed the field. Text before the next delimiter is kept ('"ab"c' -> 'abc').
                if (*p != delimiter && *p != '\r' && *p != '\n') lenient_ = true;
                state_ = State::Unquoted;
                continue;
        }
    }
    buf_.clear();
    pos_ = 0;
    return false;
}

void CsvReader::end_of_input_record() {
    if (state_ == State::Quoted) {
        set_error(CsvError::UnterminatedQuote,
                  "the quoted field opened on line " + std::to_string(quote_line_) + " is never closed");
    }
    end_field();
    state_ = State::RecordStart;
}

void CsvReader::emit(CsvRecord& out) {
    out.line = record_line_;
    out.number = ++records_;
    out.error = error_;
    out.message.swap(message_);
    message_.clear();
    out.lenient = lenient_;
    const std::size_t count = ends_.size();
    out.fields.resize(count);
    // Most records are ASCII: then the bytes are the text in either encoding.
    const bool ascii = is_ascii(data_);
    std::size_t start = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string_view raw(data_.data() + start, ends_[i] - start);
        std::string& field = out.fields[i];
        if (ascii) {
            field.assign(raw);
        } else {
            field.clear();
            if (options_.encoding == Encoding::Windows1252) {
                append_windows1252_as_utf8(raw, field);
            } else {
                fallback_bytes_ += append_utf8_lenient(raw, field);
            }
        }
        start = ends_[i];
    }
    data_.clear();
    ends_.clear();
    error_ = CsvError::None;
    lenient_ = false;
    start_field();
}

Result<std::uint64_t> read_csv(std::istream& in, const CsvOptions& options,
                               const std::function<bool(const CsvRecord&)>& on_record) {
    CsvReader reader(options);
    CsvRecord record;
    std::uint64_t count = 0;
    std::string chunk(kReadChunk, '\0');
    bool more = true;
    while (more) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (in.bad()) return fail(Error::internal("reading the CSV input failed"));
        more = got == chunk.size();
        reader.feed(std::string_view(chunk.data(), got));
        if (!more) reader.finish();
        while (reader.next(record)) {
            ++count;
            if (!on_record(record)) return count;
        }
    }
    return count;
}

}  // namespace rapport::domain::imports
