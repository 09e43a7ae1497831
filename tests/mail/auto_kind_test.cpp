// Auto-replies and delivery reports never create or reopen a conversation: parse_mail says
// which mail a machine wrote (issue 15, "Recognise auto-replies and delivery reports").
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mail/parsed_mail.hpp"
#include "mail/samples.hpp"

namespace rapport::mail {
namespace {

using testing::read_sample;

ParsedMail parse_sample(const std::string& name) {
    auto parsed = parse_mail(read_sample(name));
    if (!parsed) ADD_FAILURE() << name << ": " << parsed.error().detail;
    return parsed ? *parsed : ParsedMail{};
}

// A person's mail (the X-Autoreply sample without that header) with `header` added.
AutoKind kind_with(const std::string& header) {
    std::string raw = read_sample("auto_reply_x_autoreply.eml");
    std::size_t at = raw.find("X-Autoreply: yes\n");
    raw.replace(at, 17, header.empty() ? "" : header + "\n");
    auto parsed = parse_mail(raw);
    if (!parsed) ADD_FAILURE() << parsed.error().detail;
    return parsed ? parsed->auto_kind : AutoKind::None;
}

TEST(AutoKindTest, Rfc3834AutoSubmittedMakesAnAutoReply) {
    ParsedMail mail = parse_sample("auto_reply_rfc3834.eml");
    EXPECT_EQ(mail.auto_kind, AutoKind::AutoReply);
    EXPECT_FALSE(mail.delivery_report);
    EXPECT_EQ(mail.subject, "Fuori sede: La sua richiesta [#1042]");
    EXPECT_THAT(mail.in_reply_to, ::testing::ElementsAre("rapport-reply-1042-3@negozio.example.it"));
}

TEST(AutoKindTest, CommonAutoReplyHeaders) {
    EXPECT_EQ(parse_sample("auto_reply_x_autoreply.eml").auto_kind, AutoKind::AutoReply);
    EXPECT_EQ(parse_sample("auto_reply_precedence_bulk.eml").auto_kind, AutoKind::AutoReply);
    EXPECT_EQ(kind_with(""), AutoKind::None);
    EXPECT_EQ(kind_with("Auto-Submitted: auto-generated"), AutoKind::AutoReply);
    EXPECT_EQ(kind_with("Auto-Submitted: auto-notified"), AutoKind::AutoReply);  // anything but "no"
    EXPECT_EQ(kind_with("Auto-Submitted: No"), AutoKind::None);
    EXPECT_EQ(kind_with("auto-submitted:   no (a person wrote this)"), AutoKind::None);
    EXPECT_EQ(kind_with("X-Autorespond: Vacation"), AutoKind::AutoReply);
    EXPECT_EQ(kind_with("Precedence: auto_reply"), AutoKind::AutoReply);
    EXPECT_EQ(kind_with("Precedence: junk"), AutoKind::AutoReply);
    EXPECT_EQ(kind_with("Precedence: list"), AutoKind::None);
    EXPECT_EQ(kind_with("X-Auto-Response-Suppress: All"), AutoKind::None);
    EXPECT_EQ(kind_with("X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent"), AutoKind::None);
}

TEST(AutoKindTest, SubjectPrefixesAndExchangeHeadersAloneAreNotEnough) {
    ParsedMail mail = parse_sample("outlook_out_of_office_subject_only.eml");
    EXPECT_EQ(mail.subject, "Risposta automatica: La sua richiesta [#1042]");
    EXPECT_EQ(mail.auto_kind, AutoKind::None);
}

TEST(AutoKindTest, Rfc3464DeliveryStatusNotificationAboutAReplyWeSent) {
    ParsedMail mail = parse_sample("dsn_rfc3464_failed.eml");
    EXPECT_EQ(mail.auto_kind, AutoKind::DeliveryReport);
    ASSERT_TRUE(mail.delivery_report);
    EXPECT_EQ(mail.delivery_report->action, "failed");
    EXPECT_EQ(mail.delivery_report->status, "5.1.1");
    EXPECT_EQ(mail.delivery_report->recipient, "mario.rossi@example.invalid");
    EXPECT_EQ(mail.delivery_report->diagnostic,
              "550 5.1.1 <mario.rossi@example.invalid>: Recipient address rejected: User unknown in virtual mailbox "
              "table");
    EXPECT_EQ(mail.delivery_report->original_message_id, "rapport-7Qm2xZ9kL0pW4vN8sR1t@negozio.example.it");
    // The bounce's own text is its body; the returned message is not.
    EXPECT_THAT(mail.text, ::testing::HasSubstr("could not\nbe delivered"));
    EXPECT_THAT(mail.text, ::testing::Not(::testing::HasSubstr("Gentile Mario")));
}

TEST(AutoKindTest, DelayedReportWithReturnedHeadersOnly) {
    ParsedMail mail = parse_sample("dsn_delayed_headers_only.eml");
    EXPECT_EQ(mail.auto_kind, AutoKind::DeliveryReport);
    ASSERT_TRUE(mail.delivery_report);
    EXPECT_EQ(mail.delivery_report->action, "delayed");
    EXPECT_EQ(mail.delivery_report->status, "4.4.7");
    EXPECT_EQ(mail.delivery_report->recipient, "anna@slow.example.net");
    EXPECT_EQ(mail.delivery_report->diagnostic, "");
    EXPECT_EQ(mail.delivery_report->original_message_id, "rapport-delay-1@negozio.example.it");
}

TEST(AutoKindTest, OldStyleMailerDaemonBounceWithoutMultipartReport) {
    ParsedMail mail = parse_sample("bounce_mailer_daemon_plain.eml");
    EXPECT_EQ(mail.auto_kind, AutoKind::DeliveryReport);
    ASSERT_TRUE(mail.delivery_report);
    EXPECT_EQ(mail.delivery_report->action, "failed");
    EXPECT_EQ(mail.delivery_report->original_message_id, "rapport-qmail-returned@negozio.example.it");
}

TEST(AutoKindTest, APostmasterWritingWithoutReturningAMessageIsNoBounce) {
    std::string raw =
        "From: postmaster@example.com\nTo: assistenza@negozio.example.it\nSubject: Cambio server\n"
        "Message-ID: <pm-1@example.com>\n\nDa lunedì il server di posta cambia indirizzo.\n";
    auto mail = parse_mail(raw);
    ASSERT_TRUE(mail);
    EXPECT_EQ(mail->auto_kind, AutoKind::None);
    EXPECT_FALSE(mail->delivery_report);
}

TEST(AutoKindTest, EximBounceNamesItsFailedRecipients) {
    std::string raw =
        "From: Mail Delivery System <Mailer-Daemon@mx.example.com>\nTo: assistenza@negozio.example.it\n"
        "Subject: Mail delivery failed: returning message to sender\nMessage-ID: <E1x@mx.example.com>\n"
        "X-Failed-Recipients: Gone@Example.org\n\nA message that you sent could not be delivered.\n";
    auto mail = parse_mail(raw);
    ASSERT_TRUE(mail);
    EXPECT_EQ(mail->auto_kind, AutoKind::DeliveryReport);
    ASSERT_TRUE(mail->delivery_report);
    EXPECT_EQ(mail->delivery_report->recipient, "gone@example.org");
    EXPECT_EQ(mail->delivery_report->original_message_id, "");
}

}  // namespace
}  // namespace rapport::mail
