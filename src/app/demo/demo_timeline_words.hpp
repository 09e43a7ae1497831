#pragma once
// What the demo's timelines say, per language of the customer: subjects and bodies of calls,
// meetings, emails, notes and tasks between a coffee roaster's staff and its customers (bars,
// shops, distributors, consumers). Plain constant data; demo_timeline.hpp draws from it.
// Placeholders: {company} the company's trade or legal name, {name} the contact's first name.
#include <span>
#include <string_view>

#include "app/demo/demo_words.hpp"

namespace rapport::app::demo {

struct TimelineLine {
    std::string_view subject;
    std::string_view body;
};

struct TimelineWords {
    std::span<const TimelineLine> calls_out;   // we call a business customer
    std::span<const TimelineLine> calls_in;    // a business customer calls us
    std::span<const TimelineLine> meetings;    // visits, tastings, reviews
    std::span<const TimelineLine> emails_out;  // offers, price lists, confirmations
    std::span<const TimelineLine> emails_in;   // orders and questions
    std::span<const TimelineLine> notes;       // what the account's owner wants colleagues to know
    std::span<const TimelineLine> tasks;       // follow-ups (done or still open)
    std::span<const TimelineLine> service;     // a consumer's question answered by Customer Service
    std::span<const TimelineLine> automated;   // newsletters and order confirmations to consumers
};

// The customer's language: Italian, Spanish, Portuguese; English for the others.
const TimelineWords& timeline_words(Country country);

}  // namespace rapport::app::demo
