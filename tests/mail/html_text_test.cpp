#include "mail/html_text.hpp"

#include <gtest/gtest.h>

namespace rapport::mail {
namespace {

TEST(HtmlTextTest, BlocksBecomeLinesAndWhiteSpaceCollapses) {
    EXPECT_EQ(html_to_text("<p>Ciao   Anna,</p>\n<p>come\n stai?</p>"), "Ciao Anna,\n\ncome stai?");
    EXPECT_EQ(html_to_text("riga uno<br>riga due<br/>riga tre"), "riga uno\nriga due\nriga tre");
    EXPECT_EQ(html_to_text("<div>a</div><div>b</div>"), "a\nb");
    EXPECT_EQ(html_to_text("<table><tr><td>1</td><td>2</td></tr></table>"), "1 2");
}

TEST(HtmlTextTest, HiddenElementsAndCommentsAreDropped) {
    EXPECT_EQ(html_to_text("<html><head><title>T</title><style>p{color:red}</style></head>"
                           "<body><!-- nota --><script>alert(1)</script>Testo</body></html>"),
              "Testo");
    EXPECT_EQ(html_to_text("<STYLE type=\"text/css\">x</STYLE>dopo"), "dopo");
}

TEST(HtmlTextTest, CharacterReferencesAreDecoded) {
    EXPECT_EQ(html_to_text("perch&eacute; &egrave; &euro;&nbsp;5 &amp; &lt;b&gt; &#8220;s&#x00EC;&#8221;"),
              "perché è € 5 & <b> “sì”");
    EXPECT_EQ(html_to_text("&unknown; &amp &#xZZ;"), "&unknown; &amp &#xZZ;");
    EXPECT_EQ(html_to_text("&#0;&#99999999;"), "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(HtmlTextTest, BrokenHtmlEndsCleanly) {
    EXPECT_EQ(html_to_text("testo <b"), "testo");
    EXPECT_EQ(html_to_text("<style>never closed"), "");
    EXPECT_EQ(html_to_text("<!-- never closed"), "");
    EXPECT_EQ(html_to_text(""), "");
}

}  // namespace
}  // namespace rapport::mail
