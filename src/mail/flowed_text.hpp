#pragma once
// Undoing format=flowed (RFC 3676), which Thunderbird and Apple Mail send: a line that ends in
// a space continues on the next line of the same quote depth, so paragraphs come back whole
// instead of broken at 72 columns. Space-stuffing is removed, quote depth kept ("> > text"),
// the signature separator "-- " stays a line of its own; with delsp=yes the space that marked
// a soft break is deleted. Pure function; input and output are UTF-8 with LF line ends.
#include <string>
#include <string_view>

namespace rapport::mail {

std::string unflow_text(std::string_view text, bool delete_space);

}  // namespace rapport::mail
