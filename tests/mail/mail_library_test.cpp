#include "mail/mail_library.hpp"

#include <curl/curl.h>
#include <gmime/gmime.h>
#include <gtest/gtest.h>

namespace rapport::mail {

TEST(MailLibraryTest, InitialisesGMimeAndCurlOnceAndCurlSpeaksTheMailProtocols) {
    ensure_mail_libraries();
    ensure_mail_libraries();  // a second call is harmless
    GMimeMessage* message = g_mime_message_new(TRUE);
    ASSERT_NE(message, nullptr);
    g_object_unref(message);
    const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
    bool imaps = false, smtps = false;
    for (const char* const* p = info->protocols; *p != nullptr; ++p) {
        imaps = imaps || std::string_view(*p) == "imaps";
        smtps = smtps || std::string_view(*p) == "smtps";
    }
    EXPECT_TRUE(imaps);
    EXPECT_TRUE(smtps);
}

}  // namespace rapport::mail
