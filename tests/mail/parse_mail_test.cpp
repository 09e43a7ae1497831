// parse_mail on the mail the service desk must handle (issue 15, "Mail it must handle"): each
// case is a sample message written for it under tests/mail/samples/.
#include "mail/parsed_mail.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mail/samples.hpp"

namespace rapport::mail {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using testing::read_sample;

ParsedMail parse_sample(const std::string& name, const ParseOptions& options = {}) {
    auto parsed = parse_mail(read_sample(name), options);
    if (!parsed) ADD_FAILURE() << name << ": " << parsed.error().detail;
    return parsed ? *parsed : ParsedMail{};
}

TEST(ParseMailTest, GmailItalianQuotedPrintableIsDecodedToUtf8) {
    ParsedMail mail = parse_sample("gmail_italian_quoted_printable.eml");
    EXPECT_EQ(mail.message_id, "CAJx9fK3vQ+Lm2pTnq7wYh5sD0bR1eE=uZ8xk@mail.gmail.com");
    EXPECT_FALSE(mail.message_id_made_up);
    EXPECT_EQ(mail.subject, "Perché il mio ordine non è arrivato?");
    ASSERT_TRUE(mail.from);
    EXPECT_EQ(mail.from->name, "Giulia Bianchi");
    EXPECT_EQ(mail.from->email, "giulia.bianchi@gmail.com");  // lower-cased
    EXPECT_THAT(mail.to, ElementsAre(MailAddress{"Assistenza Clienti", "assistenza@negozio.example.it"}));
    ASSERT_TRUE(mail.date);
    EXPECT_EQ(*mail.date, 1793693667000);  // 2026-11-03 08:14:27 UTC
    EXPECT_THAT(mail.text, HasSubstr("vorrei sapere perché l'ordine n. 4521 non è ancora arrivato"));
    EXPECT_THAT(mail.text, HasSubstr("prevista per lunedì"));
    EXPECT_THAT(mail.text, Not(HasSubstr("\r")));
    EXPECT_THAT(mail.text, Not(HasSubstr("=C3")));
    EXPECT_THAT(mail.html, HasSubstr("<div>Buongiorno,</div>"));
    EXPECT_THAT(mail.html, HasSubstr("è davvero urgente"));
    EXPECT_THAT(mail.attachments, IsEmpty());
    EXPECT_EQ(mail.auto_kind, AutoKind::None);
    EXPECT_THAT(mail.warnings, IsEmpty());
}

TEST(ParseMailTest, OutlookReplyInIso88591KeepsItsThreadAndQuotedHistory) {
    ParsedMail mail = parse_sample("outlook_reply_iso_8859_1.eml");
    EXPECT_EQ(mail.message_id, "AM0PR07MB6123A1B2C3D4E5F6A7B8C9D0E1F2A@AM0PR07MB6123.eurprd07.prod.outlook.com");
    EXPECT_THAT(mail.in_reply_to, ElementsAre("rapport-reply-1042-2@negozio.example.it"));
    EXPECT_THAT(mail.references,
                ElementsAre("rapport-first-1042@negozio.example.it", "rapport-reply-1042-2@negozio.example.it"));
    EXPECT_EQ(mail.subject, "R: La sua richiesta [#1042] è urgente");
    ASSERT_TRUE(mail.from);
    EXPECT_EQ(mail.from->name, "François Dupré");
    EXPECT_EQ(mail.from->email, "f.dupre@studio-dupre.example.fr");
    EXPECT_THAT(mail.cc, ElementsAre(MailAddress{"Ufficio Acquisti", "acquisti@studio-dupre.example.fr"},
                                     MailAddress{"", "paola@studio-dupre.example.fr"}));
    EXPECT_THAT(mail.text, HasSubstr("Il pacco è arrivato oggi, però la scatola era danneggiata."));
    EXPECT_THAT(mail.text, HasSubstr("-----Messaggio originale-----"));
    EXPECT_THAT(mail.text, HasSubstr("> Gentile cliente, la spedizione è partita ieri."));
    EXPECT_THAT(mail.html, HasSubstr("&egrave;"));  // as sent
    // Exchange's own headers alone do not make it automatic.
    EXPECT_EQ(mail.auto_kind, AutoKind::None);
    EXPECT_THAT(mail.warnings, IsEmpty());
}

TEST(ParseMailTest, TextIsDerivedFromHtmlWhenThereIsNoPlainPart) {
    std::string raw = read_sample("outlook_reply_iso_8859_1.eml");
    // Drop the text/plain alternative: what stays is the HTML one.
    std::size_t begin = raw.find("--_000_AM0PR07MB6123A1B2C3D4E5F6A7B8_\r\nContent-Type: text/plain");
    std::size_t end = raw.find("--_000_AM0PR07MB6123A1B2C3D4E5F6A7B8_\r\nContent-Type: text/html");
    ASSERT_NE(begin, std::string::npos);
    ASSERT_NE(end, std::string::npos);
    raw.erase(begin, end - begin);
    auto mail = parse_mail(raw);
    ASSERT_TRUE(mail) << mail.error().detail;
    EXPECT_EQ(mail->text,
              "Buongiorno Marco,\n\ngrazie per la risposta. Il pacco è arrivato oggi, però la scatola era "
              "danneggiata.\n\nDa: Marco Verdi");
}

TEST(ParseMailTest, AMessageWithoutMessageIdGetsAStableMadeUpOne) {
    ParsedMail first = parse_sample("no_message_id.eml");
    ParsedMail again = parse_sample("no_message_id.eml");
    ParsedMail other = parse_sample("no_message_id_other.eml");
    EXPECT_TRUE(first.message_id_made_up);
    EXPECT_THAT(first.message_id, ::testing::MatchesRegex("rapport-[0-9a-f]{64}@rapport\\.invalid"));
    EXPECT_EQ(first.message_id, again.message_id);
    EXPECT_NE(first.message_id, other.message_id);  // same headers, another body
    // A web form writes from its own address and puts the customer in Reply-To.
    ASSERT_TRUE(first.reply_to);
    EXPECT_EQ(*first.reply_to, (MailAddress{"Elena Marchetti", "elena.marchetti@example.org"}));
    EXPECT_FALSE(parse_sample("gmail_italian_quoted_printable.eml").reply_to);

    // The same mail with CRLF line ends (as IMAP serves it) keeps its id.
    std::string crlf;
    for (char c : read_sample("no_message_id.eml")) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    auto from_imap = parse_mail(crlf);
    ASSERT_TRUE(from_imap);
    EXPECT_EQ(from_imap->message_id, first.message_id);
}

TEST(ParseMailTest, TheSameMessageDeliveredTwiceGetsTheSameId) {
    // One mail without a Message-ID, delivered through two MX hosts to two of our addresses:
    // only the trace headers (Received, Delivered-To, X-Original-To) differ.
    ParsedMail first = parse_sample("duplicate_delivery_via_mx1.eml");
    ParsedMail second = parse_sample("duplicate_delivery_via_mx2.eml");
    EXPECT_TRUE(first.message_id_made_up);
    EXPECT_EQ(first.message_id, second.message_id);
    EXPECT_EQ(first.text, second.text);
    EXPECT_THAT(first.text, HasSubstr("la taglia è sbagliata."));
}

TEST(ParseMailTest, AReplyWithOnlyATicketReferenceInItsSubject) {
    ParsedMail mail = parse_sample("reply_with_ticket_reference_only.eml");
    EXPECT_THAT(mail.in_reply_to, IsEmpty());
    EXPECT_THAT(mail.references, IsEmpty());
    EXPECT_EQ(mail.subject, "Re: [#1042] La sua richiesta – ancora niente");  // threading reads it from here
    EXPECT_EQ(mail.text,
              "Scrivo da un altro programma di posta, che non tiene le intestazioni della risposta: il pacco non è "
              "ancora arrivato.\n");
}

TEST(ParseMailTest, InlineImagesAndAttachmentsWithEncodedNames) {
    ParsedMail mail = parse_sample("inline_image_and_attachments.eml");
    EXPECT_THAT(mail.text, HasSubstr("Ecco la foto del prodotto rotto:"));
    EXPECT_THAT(mail.html, HasSubstr("cid:foto-123@russo.example.it"));
    ASSERT_EQ(mail.attachments.size(), 3U);

    const MailAttachment& image = mail.attachments[0];
    EXPECT_EQ(image.filename, "foto.png");
    EXPECT_EQ(image.content_type, "image/png");
    EXPECT_EQ(image.content_id, "foto-123@russo.example.it");
    EXPECT_TRUE(image.is_inline);
    EXPECT_EQ(image.size, 70);
    EXPECT_EQ(image.data.substr(0, 8), "\x89PNG\r\n\x1a\n");
    EXPECT_EQ(image.rejected_reason, "");

    const MailAttachment& pdf = mail.attachments[1];
    EXPECT_EQ(pdf.filename, "fattura n° 12 € 49,90.pdf");  // RFC 2231
    EXPECT_EQ(pdf.content_type, "application/pdf");
    EXPECT_FALSE(pdf.is_inline);
    EXPECT_EQ(pdf.content_id, "");
    EXPECT_EQ(pdf.data.substr(0, 8), "%PDF-1.4");
    EXPECT_EQ(pdf.size, static_cast<std::int64_t>(pdf.data.size()));

    const MailAttachment& csv = mail.attachments[2];
    EXPECT_EQ(csv.filename, "note di consegna – è.csv");  // RFC 2047 in a parameter
    EXPECT_EQ(csv.content_type, "text/plain");
    EXPECT_EQ(csv.data, "quantità;prezzo\n2;49,90\n");
    EXPECT_THAT(mail.text, Not(HasSubstr("quantità")));  // an attached text is not the body
}

TEST(ParseMailTest, MalformedMimeIsParsedWithWarnings) {
    ParsedMail mail = parse_sample("malformed_boundary_and_base64.eml");
    EXPECT_EQ(mail.message_id, "broken-1@example.net");
    EXPECT_THAT(mail.text, HasSubstr("Il testo arriva lo stesso."));
    ASSERT_EQ(mail.attachments.size(), 1U);
    EXPECT_EQ(mail.attachments[0].filename, "dati.bin");
    EXPECT_THAT(mail.attachments[0].data, HasSubstr("Hello "));  // what could be decoded is kept
    EXPECT_THAT(mail.warnings, Contains("broken multipart boundary: the closing boundary is missing"));
    EXPECT_THAT(mail.warnings, Contains("invalid base64 in part 2 (application/octet-stream)"));
}

TEST(ParseMailTest, AMultipartWithoutBoundaryParameterIsReadAsText) {
    std::string raw =
        "From: a@example.com\nMessage-ID: <nb@example.com>\nContent-Type: multipart/mixed\n\nplain words\n";
    auto mail = parse_mail(raw);
    ASSERT_TRUE(mail) << mail.error().detail;
    EXPECT_EQ(mail->text, "plain words\n");
    EXPECT_THAT(mail->warnings, Contains("broken multipart boundary: a multipart/mixed has no boundary parameter"));
}

TEST(ParseMailTest, AMultipartWhoseBoundaryNeverComesKeepsItsText) {
    std::string raw =
        "From: a@example.com\nMessage-ID: <nb2@example.com>\nContent-Type: multipart/mixed; boundary=\"abc\"\n\n"
        "--abd\nContent-Type: text/plain\n\nparole perse?\n";
    auto mail = parse_mail(raw);
    ASSERT_TRUE(mail) << mail.error().detail;
    EXPECT_THAT(mail->text, HasSubstr("parole perse?"));
    EXPECT_THAT(mail->warnings, Not(IsEmpty()));
}

TEST(ParseMailTest, AForwardedMessageIsAnAttachmentNamedAfterItsSubject) {
    std::string raw =
        "From: a@example.com\nMessage-ID: <fw@example.com>\nSubject: Fwd: reclamo\nMIME-Version: 1.0\n"
        "Content-Type: multipart/mixed; boundary=\"fw\"\n\n--fw\nContent-Type: text/plain\n\nVedi sotto.\n"
        "--fw\nContent-Type: message/rfc822\n\nFrom: b@example.com\nSubject: Reclamo / urgente\n"
        "Message-ID: <orig@example.com>\n\nIl prodotto non funziona.\n--fw--\n";
    auto mail = parse_mail(raw);
    ASSERT_TRUE(mail) << mail.error().detail;
    EXPECT_EQ(mail->text, "Vedi sotto.");
    ASSERT_EQ(mail->attachments.size(), 1U);
    EXPECT_EQ(mail->attachments[0].filename, "Reclamo _ urgente.eml");
    EXPECT_EQ(mail->attachments[0].content_type, "message/rfc822");
    EXPECT_THAT(mail->attachments[0].data, HasSubstr("Il prodotto non funziona."));
    EXPECT_EQ(mail->attachments[0].size, static_cast<std::int64_t>(mail->attachments[0].data.size()));
    EXPECT_EQ(mail->auto_kind, AutoKind::None);  // a person forwarding mail is no bounce
}

TEST(ParseMailTest, WarningsAreListedOnceAndAtMostFifty) {
    std::string raw =
        "From: a@example.com\nMessage-ID: <many@example.com>\nContent-Type: multipart/mixed; boundary=b\n\n";
    for (int i = 0; i < 80; ++i)
        raw += "--b\nContent-Type: text/plain; charset=iso-8859-1\n\n\x93" + std::to_string(i) +
               "\n--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n!!\n";
    raw += "--b--\n";
    auto mail = parse_mail(raw);
    ASSERT_TRUE(mail) << mail.error().detail;
    ASSERT_EQ(mail->warnings.size(), 50U);
    EXPECT_EQ(mail->warnings[0], "declared charset iso-8859-1 decoded as windows-1252");  // once, not 80 times
    EXPECT_EQ(mail->warnings[1], "invalid base64 in part 2 (application/octet-stream)");
    EXPECT_EQ(mail->warnings.back(), "more problems not listed");
    EXPECT_THAT(mail->text, HasSubstr("“79"));
    EXPECT_EQ(mail->attachments.size(), 80U);
}

TEST(ParseMailTest, Iso88591LabelOnWindows1252BytesIsDecodedAsWindows1252) {
    ParsedMail mail = parse_sample("windows_1252_labelled_iso_8859_1.eml");
    EXPECT_THAT(mail.text, HasSubstr("era € 49,90 ma mi avete addebitato € 59,90."));
    EXPECT_THAT(mail.text, HasSubstr("detto “non è un problema nostro” – vorrei"));
    EXPECT_THAT(mail.warnings, ElementsAre("declared charset iso-8859-1 decoded as windows-1252"));
}

TEST(ParseMailTest, AnAttachmentOverTheLimitIsKeptAsARejectionNotDropped) {
    ParseOptions options;
    options.max_attachment_bytes = 1024;
    ParsedMail mail = parse_sample("attachment_over_limit.eml", options);
    EXPECT_THAT(mail.text, HasSubstr("Vi mando il video del difetto."));
    ASSERT_EQ(mail.attachments.size(), 1U);
    const MailAttachment& video = mail.attachments[0];
    EXPECT_EQ(video.filename, "difetto.mp4");
    EXPECT_EQ(video.content_type, "video/mp4");
    EXPECT_EQ(video.size, 3000);
    EXPECT_EQ(video.data, "");
    EXPECT_EQ(video.rejected_reason, "attachment of 3000 bytes exceeds the limit of 1024 bytes");

    // Under the default limit (25 MiB) the same attachment is kept whole.
    ParsedMail kept = parse_sample("attachment_over_limit.eml");
    ASSERT_EQ(kept.attachments.size(), 1U);
    EXPECT_EQ(kept.attachments[0].data.size(), 3000U);
    EXPECT_EQ(kept.attachments[0].rejected_reason, "");
}

TEST(ParseMailTest, BytesThatAreNoMailFailWithAReason) {
    auto garbage = parse_mail(read_sample("not_a_mail.txt"));
    ASSERT_FALSE(garbage);
    EXPECT_EQ(garbage.error().code, ErrorCode::Validation);
    EXPECT_THAT(garbage.error().detail, HasSubstr("not a mail message"));

    auto empty = parse_mail("");
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().detail, "not a mail message: the input is empty");
    EXPECT_FALSE(parse_mail(" \r\n\r\n"));

    auto headers_but_no_mail = parse_mail("X-Whatever: 1\nFoo: bar\n\nhello\n");
    ASSERT_FALSE(headers_but_no_mail);
    EXPECT_EQ(headers_but_no_mail.error().detail, "not a mail message: no From, Message-ID or Date header");
}

TEST(ParseMailTest, AnMboxFromLineIsSkipped) {
    std::string raw = "From MAILER-DAEMON Fri Jul  8 12:08:34 2011\n" + read_sample("auto_reply_x_autoreply.eml");
    auto mail = parse_mail(raw);
    ASSERT_TRUE(mail) << mail.error().detail;
    EXPECT_EQ(mail->message_id, "ack-20261105-1@vendor.example.com");
}

}  // namespace
}  // namespace rapport::mail
