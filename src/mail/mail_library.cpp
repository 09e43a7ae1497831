#include "mail/mail_library.hpp"

#include <curl/curl.h>
#include <gmime/gmime.h>

#include <mutex>

namespace rapport::mail {

void ensure_mail_libraries() {
    static std::once_flag once;
    std::call_once(once, [] {
        g_mime_init();
        curl_global_init(CURL_GLOBAL_DEFAULT);
    });
}

}  // namespace rapport::mail
