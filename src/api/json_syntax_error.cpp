#include "api/json_syntax_error.hpp"
#include "core/json_pointer.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace rapport::api {

namespace {

using nlohmann::json;

// Follows the parse only to know the path of the value being read when it fails; it builds
// no document.
class PathTracker : public nlohmann::json_sax<json> {
public:
    bool null() override { return value_done(); }
    bool boolean(bool) override { return value_done(); }
    bool number_integer(number_integer_t) override { return value_done(); }
    bool number_unsigned(number_unsigned_t) override { return value_done(); }
    bool number_float(number_float_t, const string_t&) override { return value_done(); }
    bool string(string_t&) override { return value_done(); }
    bool binary(binary_t&) override { return value_done(); }
    bool start_object(std::size_t) override {
        frames_.push_back({false, 0, {}, false});
        return true;
    }
    bool key(string_t& k) override {
        frames_.back().key = k;
        frames_.back().has_key = true;
        return true;
    }
    bool end_object() override {
        frames_.pop_back();
        return value_done();
    }
    bool start_array(std::size_t) override {
        frames_.push_back({true, 0, {}, false});
        return true;
    }
    bool end_array() override {
        frames_.pop_back();
        return value_done();
    }
    bool parse_error(std::size_t position, const std::string& last_token,
                     const nlohmann::detail::exception& ex) override {
        error_ = JsonSyntaxError{position, pointer(), {}};
        const bool top = error_->pointer.empty();
        error_->args = {{"byte", std::to_string(position)}};
        if (!top) error_->args.push_back({"pointer", error_->pointer});
        if (ex.id == 406) {  // out_of_range.406: number overflow
            const std::string shown = last_token.size() > 32 ? last_token.substr(0, 32) + "..." : last_token;
            error_->args.push_back({"token", shown});
            error_->key = top ? "common.json_number_out_of_range" : "common.json_number_out_of_range_at";
        } else {
            error_->key = top ? "common.json_syntax_error" : "common.json_syntax_error_at";
        }
        error_->detail = messages::render(error_->key, "en", error_->args);
        return false;
    }

    const std::optional<JsonSyntaxError>& error() const { return error_; }

private:
    struct Frame {
        bool array;
        std::size_t index;  // values completed so far, i.e. the index being read
        std::string key;
        bool has_key;
    };

    // A member's value is complete: an error from here on (a missing comma, a bad next key)
    // belongs to the enclosing object, not to that member.
    bool value_done() {
        if (frames_.empty()) return true;
        if (frames_.back().array) {
            ++frames_.back().index;
        } else {
            frames_.back().has_key = false;
        }
        return true;
    }
    std::string pointer() const {
        std::string out;
        for (const auto& f : frames_) {
            if (f.array) {
                out += "/" + std::to_string(f.index);
            } else if (f.has_key) {
                out += "/" + json_pointer_token(f.key);
            }
        }
        return out;
    }

    std::vector<Frame> frames_;
    std::optional<JsonSyntaxError> error_;
};

}  // namespace

std::optional<JsonSyntaxError> find_json_error(std::string_view text) {
    PathTracker tracker;
    if (json::sax_parse(text, &tracker)) return std::nullopt;
    if (tracker.error()) return tracker.error();
    return JsonSyntaxError{text.size(), "", messages::render("common.body_not_json", "en"), "common.body_not_json", {}};
}

}  // namespace rapport::api
