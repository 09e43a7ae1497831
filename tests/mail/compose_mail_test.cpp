// compose_mail writes what parse_mail reads back: a reply keeps its subject, text, ids and
// addresses through a round trip.
#include "mail/outgoing_mail.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mail/parsed_mail.hpp"

namespace rapport::mail {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

OutgoingMail reply() {
    OutgoingMail mail;
    mail.from = {"Assistenza Négozio", "assistenza@negozio.example.it"};
    mail.to = {{"François Dupré", "f.dupre@studio-dupre.example.fr"}};
    mail.cc = {{"", "acquisti@studio-dupre.example.fr"}};
    mail.subject = "Re: La sua richiesta [#1042] è in lavorazione – grazie";
    mail.text =
        "Gentile François,\n\nla sostituzione è partita oggi: costo 0 €.\nUna riga molto lunga "
        "che supera di parecchio i settantasei caratteri ammessi in una riga codificata in quoted-printable.\n\n"
        "> il pacco è arrivato danneggiato\n";
    mail.message_id = "rapport-reply-1042-3@negozio.example.it";
    mail.in_reply_to = {"AM0PR07MB6123@outlook.com"};
    mail.references = {"rapport-first-1042@negozio.example.it", "<AM0PR07MB6123@outlook.com>"};
    mail.date = 1793782800000;  // 2026-11-04 09:00:00 UTC
    mail.extra_headers = {{"Auto-Submitted", "auto-generated"}, {"X-Rapport-Ticket", "1042"}};
    return mail;
}

TEST(ComposeMailTest, RoundTripsThroughParseMail) {
    std::string raw = compose_mail(reply());
    auto parsed = parse_mail(raw);
    ASSERT_TRUE(parsed) << parsed.error().detail;
    EXPECT_EQ(parsed->subject, "Re: La sua richiesta [#1042] è in lavorazione – grazie");
    EXPECT_EQ(parsed->text, reply().text);
    EXPECT_EQ(parsed->message_id, "rapport-reply-1042-3@negozio.example.it");
    EXPECT_FALSE(parsed->message_id_made_up);
    EXPECT_THAT(parsed->in_reply_to, ElementsAre("AM0PR07MB6123@outlook.com"));
    EXPECT_THAT(parsed->references, ElementsAre("rapport-first-1042@negozio.example.it", "AM0PR07MB6123@outlook.com"));
    ASSERT_TRUE(parsed->from);
    EXPECT_EQ(*parsed->from, (MailAddress{"Assistenza Négozio", "assistenza@negozio.example.it"}));
    EXPECT_THAT(parsed->to, ElementsAre(MailAddress{"François Dupré", "f.dupre@studio-dupre.example.fr"}));
    EXPECT_THAT(parsed->cc, ElementsAre(MailAddress{"", "acquisti@studio-dupre.example.fr"}));
    ASSERT_TRUE(parsed->date);
    EXPECT_EQ(*parsed->date, 1793782800000);
    EXPECT_EQ(parsed->auto_kind, AutoKind::AutoReply);  // the Auto-Submitted extra header
    EXPECT_THAT(parsed->warnings, ::testing::IsEmpty());
}

TEST(ComposeMailTest, WritesSevenBitMimeWithCrlfLineEnds) {
    std::string raw = compose_mail(reply());
    for (char c : raw) ASSERT_LT(static_cast<unsigned char>(c), 0x80) << "8-bit byte in the composed mail";
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\n') {
            ASSERT_GT(i, 0U);
            ASSERT_EQ(raw[i - 1], '\r') << "bare LF at byte " << i;
        }
    }
    EXPECT_THAT(raw, HasSubstr("MIME-Version: 1.0\r\n"));
    EXPECT_THAT(raw, HasSubstr("Message-Id: <rapport-reply-1042-3@negozio.example.it>\r\n"));
    EXPECT_THAT(raw, HasSubstr("In-Reply-To: <AM0PR07MB6123@outlook.com>\r\n"));
    EXPECT_THAT(raw, HasSubstr("Auto-Submitted: auto-generated\r\n"));
    EXPECT_THAT(raw, HasSubstr("Content-Type: text/plain; charset=utf-8\r\n"));
    EXPECT_THAT(raw, HasSubstr("Content-Transfer-Encoding: quoted-printable\r\n"));
    EXPECT_THAT(raw, HasSubstr("Date: Wed, 04 Nov 2026 09:00:00 +0000\r\n"));
}

TEST(ComposeMailTest, LineBreaksInHeaderValuesCannotInjectHeaders) {
    OutgoingMail mail = reply();
    mail.subject = "Ciao\r\nBcc: victim@example.com";
    mail.extra_headers = {{"X-Note\r\nBcc", "a\nBcc: other@example.com"}};
    std::string raw = compose_mail(mail);
    EXPECT_THAT(raw, Not(HasSubstr("\r\nBcc:")));
    auto parsed = parse_mail(raw);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->subject, "Ciao  Bcc: victim@example.com");
}

TEST(ComposeMailTest, MakeMessageIdIsRandomAtTheDomain) {
    std::string a = make_message_id("negozio.example.it");
    std::string b = make_message_id("negozio.example.it");
    EXPECT_THAT(a, ::testing::MatchesRegex("[A-Za-z0-9_-]{24}@negozio\\.example\\.it"));
    EXPECT_NE(a, b);
}

}  // namespace
}  // namespace rapport::mail
