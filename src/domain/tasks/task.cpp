#include "domain/tasks/task.hpp"

#include <charconv>

namespace rapport::domain::tasks {

std::optional<TaskStatus> parse_task_status(std::string_view text) {
    if (text == "open") return TaskStatus::Open;
    if (text == "done") return TaskStatus::Done;
    if (text == "overdue") return TaskStatus::Overdue;
    if (text == "all") return TaskStatus::Any;
    return std::nullopt;
}

// "d<due>.<id>" among tasks with a due date, "n<id>" among those without one.
std::string format_cursor(const TaskCursor& c) {
    if (c.due_at) return "d" + std::to_string(*c.due_at) + "." + id_to_string(c.interaction_id);
    return "n" + id_to_string(c.interaction_id);
}

std::optional<TaskCursor> parse_task_cursor(std::string_view text) {
    if (text.empty()) return std::nullopt;
    TaskCursor c;
    if (text[0] == 'n') {
        auto id = parse_id(text.substr(1));
        if (!id) return std::nullopt;
        c.interaction_id = *id;
        return c;
    }
    if (text[0] != 'd') return std::nullopt;
    text.remove_prefix(1);
    const auto dot = text.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    UnixMillis due = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + dot, due);
    if (ec != std::errc{} || p != text.data() + dot) return std::nullopt;
    auto id = parse_id(text.substr(dot + 1));
    if (!id) return std::nullopt;
    c.due_at = due;
    c.interaction_id = *id;
    return c;
}

}  // namespace rapport::domain::tasks
