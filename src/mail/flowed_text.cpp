#include "mail/flowed_text.hpp"

#include <vector>

namespace rapport::mail {
namespace {

struct Line {
    int depth = 0;
    std::string_view text;  // without quote marks and space-stuffing
    bool soft = false;      // ends in a space: continues on the next line
};

Line read_line(std::string_view raw) {
    Line line;
    while (!raw.empty() && raw.front() == '>') {
        ++line.depth;
        raw.remove_prefix(1);
    }
    if (!raw.empty() && raw.front() == ' ') raw.remove_prefix(1);  // space-stuffing
    line.text = raw;
    line.soft = !raw.empty() && raw.back() == ' ' && raw != "-- ";
    return line;
}

}  // namespace

std::string unflow_text(std::string_view text, bool delete_space) {
    std::vector<Line> lines;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(read_line(text.substr(pos, end - pos)));
        pos = end + 1;
    }
    std::string out;
    out.reserve(text.size());
    bool continuing = false;  // the previous line was soft, at this depth
    int depth = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        // A soft line followed by another depth, or by the signature separator, ends there.
        bool separator = line.text == "-- ";
        if (!continuing || line.depth != depth || separator) {
            if (continuing) out += '\n';
            depth = line.depth;
            out.append(static_cast<std::size_t>(depth), '>');
            if (depth > 0 && !line.text.empty()) out += ' ';
        }
        std::string_view content = line.text;
        if (line.soft && delete_space) content.remove_suffix(1);
        out.append(content);
        continuing = line.soft;
        if (!continuing && i + 1 < lines.size()) out += '\n';
    }
    return out;
}

}  // namespace rapport::mail
