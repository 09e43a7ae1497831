#include "domain/servicelevels/calendar_json.hpp"

namespace rapport::domain::servicelevels {

using nlohmann::json;

json hours_to_json(const WeeklyHours& hours) {
    json out = json::object();
    for (std::size_t day = 0; day < hours.size(); ++day) {
        json intervals = json::array();
        for (const auto& iv : hours[day]) {
            intervals.push_back(
                {{"start", format_clock_time(iv.start_minute)}, {"end", format_clock_time(iv.end_minute)}});
        }
        out[std::string(kWeekdayKeys[day])] = std::move(intervals);
    }
    return out;
}

json holidays_to_json(const std::vector<Holiday>& holidays) {
    json out = json::array();
    for (const auto& h : holidays) out.push_back({{"date", h.date}, {"name", h.name}});
    return out;
}

WeeklyHours hours_from_json(const json& doc, const std::string& at, std::vector<FieldError>& errors) {
    WeeklyHours hours;
    if (!doc.is_object()) {
        errors.push_back(FieldError::localized(at, "servicelevels.hours_shape"));
        return hours;
    }
    for (const auto& [key, value] : doc.items()) {
        const auto day = std::find(kWeekdayKeys.begin(), kWeekdayKeys.end(), key);
        const std::string day_at = at + "/" + key;
        if (day == kWeekdayKeys.end()) {
            errors.push_back(FieldError::localized(day_at, "common.unknown_field"));
            continue;
        }
        if (!value.is_array()) {
            errors.push_back(FieldError::localized(day_at, "servicelevels.hours_shape"));
            continue;
        }
        auto& intervals = hours[static_cast<std::size_t>(day - kWeekdayKeys.begin())];
        for (std::size_t i = 0; i < value.size(); ++i) {
            const auto& iv = value[i];
            const std::string iv_at = day_at + "/" + std::to_string(i);
            if (!iv.is_object()) {
                errors.push_back(FieldError::localized(iv_at, "servicelevels.hours_shape"));
                continue;
            }
            OpeningInterval interval;
            bool ok = true;
            for (const char* edge : {"start", "end"}) {
                auto it = iv.find(edge);
                std::optional<int> minute;
                if (it != iv.end() && it->is_string()) minute = parse_clock_time(it->get<std::string>());
                if (!minute) {
                    errors.push_back(FieldError::localized(iv_at + "/" + edge, "servicelevels.clock_time_invalid"));
                    ok = false;
                } else if (std::string_view(edge) == "start") {
                    interval.start_minute = *minute;
                } else {
                    interval.end_minute = *minute;
                }
            }
            for (const auto& [k, v] : iv.items()) {
                if (k != "start" && k != "end")
                    errors.push_back(FieldError::localized(iv_at + "/" + k, "common.unknown_field"));
            }
            if (ok) intervals.push_back(interval);
        }
    }
    return hours;
}

std::vector<Holiday> holidays_from_json(const json& doc, const std::string& at, std::vector<FieldError>& errors) {
    std::vector<Holiday> holidays;
    if (!doc.is_array()) {
        errors.push_back(FieldError::localized(at, "servicelevels.holidays_shape"));
        return holidays;
    }
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const auto& h = doc[i];
        const std::string h_at = at + "/" + std::to_string(i);
        if (!h.is_object()) {
            errors.push_back(FieldError::localized(h_at, "servicelevels.holidays_shape"));
            continue;
        }
        Holiday holiday;
        auto date = h.find("date");
        if (date == h.end() || !date->is_string()) {
            errors.push_back(FieldError::localized(h_at + "/date", "servicelevels.date_invalid"));
        } else {
            holiday.date = date->get<std::string>();
        }
        if (auto name = h.find("name"); name != h.end() && !name->is_null()) {
            if (name->is_string()) {
                holiday.name = name->get<std::string>();
            } else {
                errors.push_back(FieldError::localized(h_at + "/name", "servicelevels.holiday_name_text"));
            }
        }
        for (const auto& [k, v] : h.items()) {
            if (k != "date" && k != "name")
                errors.push_back(FieldError::localized(h_at + "/" + k, "common.unknown_field"));
        }
        holidays.push_back(std::move(holiday));
    }
    return holidays;
}

}  // namespace rapport::domain::servicelevels
