#pragma once
// Small RAII and conversion helpers around GMime's C API, shared by the parser and the
// composer (internal to the mail layer). Every GObject we create is held by a GObjectPtr so it
// is unreferenced on every path; objects GMime returns "transfer none" are never held.
#include <gmime/gmime.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace rapport::mail::gmime {

struct GObjectUnref {
    void operator()(void* object) const {
        if (object != nullptr) g_object_unref(object);
    }
};
template <class T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree {
    void operator()(void* p) const { g_free(p); }
};
// A string GMime hands over ("transfer full"), freed with g_free.
using GCharPtr = std::unique_ptr<char, GFree>;

struct ParserOptionsFree {
    void operator()(GMimeParserOptions* options) const { g_mime_parser_options_free(options); }
};
using ParserOptionsPtr = std::unique_ptr<GMimeParserOptions, ParserOptionsFree>;

struct FormatOptionsFree {
    void operator()(GMimeFormatOptions* options) const { g_mime_format_options_free(options); }
};
using FormatOptionsPtr = std::unique_ptr<GMimeFormatOptions, FormatOptionsFree>;

template <class T>
bool is_a(T* object, GType type) {
    return object != nullptr && g_type_check_instance_is_a(reinterpret_cast<GTypeInstance*>(object), type) != FALSE;
}

template <class To, class From>
To* as(From* object) {
    return reinterpret_cast<To*>(object);
}

inline std::string str(const char* s) {
    return s == nullptr ? std::string() : std::string(s);
}

inline std::string take(char* s) {
    GCharPtr owned(s);
    return str(owned.get());
}

// A memory stream holding a copy of `bytes`.
inline GObjectPtr<GMimeStream> memory_stream(std::string_view bytes) {
    return GObjectPtr<GMimeStream>(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
}

// Everything in a memory stream, as bytes.
inline std::string bytes_of(GMimeStream* memory) {
    GByteArray* array = g_mime_stream_mem_get_byte_array(as<GMimeStreamMem>(memory));
    if (array == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(array->data), array->len);
}

// The decoded content (transfer encoding undone, charset untouched) of a data wrapper.
inline std::string decoded_bytes(GMimeDataWrapper* content) {
    if (content == nullptr) return {};
    GObjectPtr<GMimeStream> out(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, out.get());
    return bytes_of(out.get());
}

// The content's size once decoded, without keeping it.
inline std::int64_t decoded_size(GMimeDataWrapper* content) {
    if (content == nullptr) return 0;
    GObjectPtr<GMimeStream> sink(g_mime_stream_null_new());
    ssize_t written = g_mime_data_wrapper_write_to_stream(content, sink.get());
    return written < 0 ? 0 : static_cast<std::int64_t>(written);
}

// The content as it stands in the message (still base64 or quoted-printable).
inline std::string encoded_bytes(GMimeDataWrapper* content) {
    if (content == nullptr) return {};
    GMimeStream* stream = g_mime_data_wrapper_get_stream(content);
    if (stream == nullptr) return {};
    GObjectPtr<GMimeStream> out(g_mime_stream_mem_new());
    g_mime_stream_reset(stream);
    g_mime_stream_write_to_stream(stream, out.get());
    g_mime_stream_reset(stream);
    return bytes_of(out.get());
}

inline std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = g_ascii_tolower(c);
    return out;
}

inline std::string_view trim(std::string_view s) {
    const char* ws = " \t\r\n";
    std::size_t begin = s.find_first_not_of(ws);
    if (begin == std::string_view::npos) return {};
    std::size_t end = s.find_last_not_of(ws);
    return s.substr(begin, end - begin + 1);
}

// A header of a message or part, decoded (RFC 2047) and unfolded; empty if absent.
inline std::string header(GMimeObject* object, const char* name) {
    return std::string(trim(str(g_mime_object_get_header(object, name))));
}

}  // namespace rapport::mail::gmime
