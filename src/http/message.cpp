#include "http/message.hpp"

namespace rapport::http {

Response make_response(HttpStatus status, std::string body, std::string_view content_type) {
    Response res{status, 11};
    res.set(beast_http::field::content_type, boost::beast::string_view(content_type.data(), content_type.size()));
    res.body() = std::move(body);
    res.prepare_payload();
    return res;
}

Response json_response(HttpStatus status, std::string body) {
    return make_response(status, std::move(body), "application/json");
}

Response streaming_response(HttpStatus status, std::string_view content_type, BodyProducer producer) {
    Response res{status, 11};
    res.set(beast_http::field::content_type, boost::beast::string_view(content_type.data(), content_type.size()));
    res.stream = std::move(producer);
    return res;
}

}  // namespace rapport::http
