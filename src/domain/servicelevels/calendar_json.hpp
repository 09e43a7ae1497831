#pragma once
// The JSON shape of a calendar's hours and holidays, shared by the API (request and answer)
// and storage (the hours_json and holidays_json columns):
//   hours:    {"mon": [{"start": "09:00", "end": "13:00"}, ...], ..., "sun": []}
//   holidays: [{"date": "2026-12-25", "name": "Christmas"}, ...]
#include <nlohmann/json.hpp>

#include "domain/servicelevels/calendar.hpp"

namespace rapport::domain::servicelevels {

nlohmann::json hours_to_json(const WeeklyHours& hours);
nlohmann::json holidays_to_json(const std::vector<Holiday>& holidays);
// Read `doc`, adding an error per malformed part (pointers under `at`, e.g. "/hours").
WeeklyHours hours_from_json(const nlohmann::json& doc, const std::string& at, std::vector<FieldError>& errors);
std::vector<Holiday> holidays_from_json(const nlohmann::json& doc, const std::string& at,
                                        std::vector<FieldError>& errors);

}  // namespace rapport::domain::servicelevels
