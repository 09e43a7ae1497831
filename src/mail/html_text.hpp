#pragma once
// The readable text of an HTML mail body, for a mail that has no text/plain part: tags dropped
// (with the contents of head, script, style and title), block elements and <br> turned into line
// breaks, runs of white space collapsed as a browser would, character references decoded
// (named HTML 4 entities and numeric ones). Not a sanitiser: the HTML itself is sanitised by
// the web application before display. Pure function; input and output are UTF-8.
#include <string>
#include <string_view>

namespace rapport::mail {

std::string html_to_text(std::string_view html);

}  // namespace rapport::mail
