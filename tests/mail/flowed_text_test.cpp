#include "mail/flowed_text.hpp"

#include <gtest/gtest.h>

#include "mail/parsed_mail.hpp"
#include "mail/samples.hpp"

namespace rapport::mail {
namespace {

TEST(FlowedTextTest, SoftBreaksJoinAndHardBreaksStay) {
    EXPECT_EQ(unflow_text("uno \ndue \ntre\nquattro\n", false), "uno due tre\nquattro\n");
    EXPECT_EQ(unflow_text("a \n\nb", false), "a \nb");  // an empty line ends the paragraph
    EXPECT_EQ(unflow_text("ciao", false), "ciao");
    EXPECT_EQ(unflow_text("", false), "");
}

TEST(FlowedTextTest, QuotesStuffingSignatureAndDelsp) {
    EXPECT_EQ(unflow_text("> a \n> b\n>> c \n>> d\n>\nx", false), "> a b\n>> c d\n>\nx");
    EXPECT_EQ(unflow_text("> a \nb", false), "> a \nb");  // a soft line before another depth ends there
    EXPECT_EQ(unflow_text(" From here\n  two", false), "From here\n two");
    EXPECT_EQ(unflow_text("testo \n-- \nPaolo", false), "testo \n-- \nPaolo");
    EXPECT_EQ(unflow_text("-- \nPaolo", false), "-- \nPaolo");
    EXPECT_EQ(unflow_text("日本 \n語", true), "日本語");
}

TEST(FlowedTextTest, ThunderbirdMailComesBackInParagraphs) {
    auto mail = parse_mail(testing::read_sample("thunderbird_format_flowed.eml"));
    ASSERT_TRUE(mail) << mail.error().detail;
    EXPECT_EQ(mail->text,
              "Buongiorno, ho ricevuto il pacco ma manca il cavo di alimentazione che era indicato nella descrizione "
              "del prodotto. Potete spedirlo a parte?\n"
              "\n"
              "From the box: only the manual.\n"
              "\n"
              "Il 18/11/26 17:02, Assistenza ha scritto:\n"
              "> Gentile cliente, il pacco è partito ieri con il corriere.\n"
              ">> Quando arriva il mio ordine? Grazie\n"
              "\n"
              "-- \n"
              "Paolo Fontana\n");
}

}  // namespace
}  // namespace rapport::mail
