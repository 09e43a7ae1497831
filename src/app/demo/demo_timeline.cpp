#include "app/demo/demo_timeline.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <span>
#include <string_view>

#include "app/demo/demo_rng.hpp"
#include "app/demo/demo_timeline_words.hpp"

namespace rapport::app::demo {

namespace {

using domain::timeline::Channel;
using domain::timeline::Direction;
using domain::timeline::InteractionKind;
using domain::timeline::RelationshipType;

constexpr std::int64_t kMinuteMs = 60LL * 1000;
constexpr std::int64_t kHourMs = 60 * kMinuteMs;
constexpr std::int64_t kDayMs = 24 * kHourMs;

Country country_of(std::string_view iso2) {
    if (iso2 == "IT") return Country::It;
    if (iso2 == "ES") return Country::Es;
    if (iso2 == "PT") return Country::Pt;
    if (iso2 == "IE") return Country::Ie;
    if (iso2 == "US") return Country::Us;
    return Country::Gb;
}

std::string fill(std::string_view text, const std::string& company, const std::string& name) {
    std::string out(text);
    for (const auto& [from, to] : {std::pair<std::string_view, const std::string&>{"{company}", company},
                                   std::pair<std::string_view, const std::string&>{"{name}", name}}) {
        for (auto pos = out.find(from); pos != std::string::npos; pos = out.find(from, pos + to.size())) {
            out.replace(pos, from.size(), to);
        }
    }
    return out;
}

// What kinds an account's timeline is made of: calls and emails most, then tasks done,
// notes and meetings.
enum class Step { CallOut, CallIn, Meeting, EmailOut, EmailIn, Note, Task };
constexpr std::array<int, 7> kStepWeights = {18, 10, 10, 16, 14, 12, 20};

class TimelineGenerator {
public:
    TimelineGenerator(std::uint32_t seed, const DemoCustomers& customers, const TimelineStaff& staff,
                      std::int64_t now_ms)
        : rng_(seed ^ 0x7143u), customers_(customers), staff_(staff), now_(now_ms) {
        for (const auto& a : customers_.affiliations) {
            if (a.is_primary) contacts_[a.company_id].push_back(a.person_id);
        }
        for (std::size_t i = 0; i < customers_.people.size(); ++i) person_index_[customers_.people[i].person_id] = i;
    }

    std::vector<InteractionRow> run() {
        for (const auto& company : customers_.companies) {
            if (company.buyer_kind || rng_.chance(0.65)) account_timeline(company);
        }
        owner_desk();
        for (const auto& person : customers_.people) {
            if (person.kind == "b2c_consumer" && rng_.chance(0.2)) consumer_timeline(person);
        }
        return std::move(out_);
    }

private:
    // When something happened: a working day's office hours, after `not_before`, within the last year.
    std::int64_t when(std::int64_t not_before) {
        const std::int64_t from = std::max(not_before, now_ - 365 * kDayMs);
        if (from >= now_ - kHourMs) return now_ - kHourMs;
        std::int64_t t = rng_.between64(from, now_ - kHourMs);
        const std::int64_t day = t - t % kDayMs;
        t = day + rng_.between64(7 * kHourMs, 16 * kHourMs);  // 9:00 to 18:00 in Italy and Spain
        return std::clamp(t, from, now_ - kHourMs);
    }

    const TimelineLine& line(std::span<const TimelineLine> lines) { return rng_.pick(lines); }

    InteractionRow base(InteractionKind kind, const CompanyRow& company, std::optional<Id> person,
                        const std::string& name, const TimelineLine& text, std::int64_t at, std::optional<Id> author) {
        InteractionRow r;
        r.interaction_id = new_id();
        r.kind = kind;
        r.company_id = company.company_id;
        r.person_id = person;
        const std::string company_name = company.trade_name ? *company.trade_name : company.legal_name;
        r.subject = fill(text.subject, company_name, name);
        r.body = fill(text.body, company_name, name);
        r.occurred_at = at;
        r.created_at = at;
        r.created_by_user_id = author;
        return r;
    }

    // Key accounts (the English-speaking ones and the distributors) get dedicated assistance.
    static RelationshipType account_relationship(const CompanyRow& c) {
        const bool key = c.country_code == Country::Gb || c.country_code == Country::Ie ||
                         c.country_code == Country::Us || c.buyer_kind == std::optional<std::string>("distributor");
        return key ? RelationshipType::DedicatedAssistance : RelationshipType::PersonalAssistance;
    }

    void account_timeline(const CompanyRow& company) {
        const TimelineWords& w = timeline_words(company.country_code);
        const auto it = contacts_.find(company.company_id);
        const std::vector<Id>* contacts = it == contacts_.end() ? nullptr : &it->second;
        const std::optional<Id> author =
            company.owner_user_id ? company.owner_user_id : std::optional<Id>(staff_.demo_owner);
        const int steps = company.buyer_kind ? rng_.between(8, 16) : rng_.between(3, 10);
        for (int s = 0; s < steps; ++s) {
            std::optional<Id> person;
            std::string name = "team";
            if (contacts && !contacts->empty()) {
                person = rng_.pick(std::span<const Id>(*contacts));
                name = customers_.people[person_index_.at(*person)].first_name;
            }
            const auto step = static_cast<Step>(rng_.weighted(kStepWeights));
            const std::int64_t at = when(company.created_at);
            InteractionRow r;
            switch (step) {
                case Step::CallOut:
                case Step::CallIn:
                    r = base(InteractionKind::Call, company, person, name,
                             line(step == Step::CallOut ? w.calls_out : w.calls_in), at, author);
                    r.channel = Channel::Phone;
                    r.direction = step == Step::CallOut ? Direction::Outbound : Direction::Inbound;
                    r.minutes_spent = rng_.between(4, 30);
                    break;
                case Step::Meeting:
                    r = base(InteractionKind::Meeting, company, person, name, line(w.meetings), at, author);
                    r.channel = rng_.chance(0.75) ? Channel::InPerson : Channel::Web;
                    r.direction = Direction::Outbound;
                    r.minutes_spent = 15 * rng_.between(2, 8);
                    if (rng_.chance(0.15)) r.relationship_type = RelationshipType::CoCreation;
                    break;
                case Step::EmailOut:
                case Step::EmailIn:
                    r = base(InteractionKind::Email, company, person, name,
                             line(step == Step::EmailOut ? w.emails_out : w.emails_in), at, author);
                    r.channel = Channel::Email;
                    r.direction = step == Step::EmailOut ? Direction::Outbound : Direction::Inbound;
                    r.minutes_spent = rng_.between(3, 15);
                    break;
                case Step::Note:
                    r = base(InteractionKind::Note, company, person, name, line(w.notes), at, author);
                    r.minutes_spent = rng_.between(2, 5);
                    break;
                case Step::Task:
                    r = base(InteractionKind::Task, company, person, name, line(w.tasks), at, author);
                    r.due_at = at + rng_.between(1, 10) * kDayMs;
                    r.assignee_user_id = author;
                    r.completed_at = std::min(now_ - kMinuteMs, *r.due_at - rng_.between64(0, 2 * kDayMs));
                    r.completed_at = std::max(*r.completed_at, at + kHourMs);
                    r.minutes_spent = rng_.between(10, 60);
                    r.channel = rng_.chance(0.5) ? std::optional<Channel>(Channel::Phone) : std::nullopt;
                    break;
            }
            if (!r.relationship_type) r.relationship_type = account_relationship(company);
            out_.push_back(std::move(r));
        }
        // A quarter of the accounts have a follow-up still open, for their owner.
        if (rng_.chance(0.25)) {
            open_task(company, company.owner_user_id ? *company.owner_user_id : staff_.demo_owner, contacts);
        }
    }

    // Due: some overdue, some today, most next week, a few later.
    std::int64_t due_date() {
        static constexpr std::array<int, 4> kWeights = {30, 20, 35, 15};
        switch (rng_.weighted(kWeights)) {
            case 0: return now_ - rng_.between(1, 12) * kDayMs - rng_.between64(0, 8 * kHourMs);
            case 1: return due_today();
            case 2: return now_ + rng_.between(3, 8) * kDayMs;
            default: return now_ + rng_.between(12, 30) * kDayMs;
        }
    }

    // Later today (UTC), or, in the last minutes of a UTC day, right now.
    std::int64_t due_today() const {
        const std::int64_t end_of_day = now_ - now_ % kDayMs + kDayMs - 1;
        return now_ + (end_of_day - now_) / 2;
    }

    void open_task(const CompanyRow& company, Id assignee, const std::vector<Id>* contacts, std::int64_t due = 0) {
        const TimelineWords& w = timeline_words(company.country_code);
        std::optional<Id> person;
        std::string name = "team";
        if (contacts && !contacts->empty()) {
            person = rng_.pick(std::span<const Id>(*contacts));
            name = customers_.people[person_index_.at(*person)].first_name;
        }
        const std::int64_t created = when(std::max(company.created_at, now_ - 20 * kDayMs));
        InteractionRow r = base(InteractionKind::Task, company, person, name, line(w.tasks), created,
                                company.owner_user_id ? company.owner_user_id : std::optional<Id>(staff_.demo_owner));
        r.due_at = due != 0 ? due : due_date();
        r.assignee_user_id = assignee;
        r.relationship_type = account_relationship(company);
        out_.push_back(std::move(r));
    }

    // The demo owner's desk: open tasks on a dozen accounts, three overdue, three due today,
    // four next week, two later.
    void owner_desk() {
        static constexpr std::array<int, 12> kDueDays = {-6, -3, -1, 0, 0, 0, 2, 4, 5, 6, 14, 21};
        std::size_t next = 0;
        for (std::size_t i = 0; i < kDueDays.size(); ++i) {
            // Every 17th company: different countries and kinds.
            const CompanyRow& company = customers_.companies[next % customers_.companies.size()];
            next += 17;
            const auto it = contacts_.find(company.company_id);
            const std::int64_t due = kDueDays[i] == 0 ? due_today() : now_ + kDueDays[i] * kDayMs;
            open_task(company, staff_.demo_owner, it == contacts_.end() ? nullptr : &it->second, due);
        }
    }

    void consumer_timeline(const PersonRow& person) {
        const TimelineWords& w = timeline_words(country_of(person.country));
        const int steps = rng_.between(1, 3);
        for (int s = 0; s < steps; ++s) {
            InteractionRow r;
            r.interaction_id = new_id();
            r.person_id = person.person_id;
            r.occurred_at = when(person.created_at);
            r.created_at = r.occurred_at;
            if (!staff_.service.empty() && (person.buyer_company_id || rng_.chance(0.5))) {
                const TimelineLine& text = line(w.service);
                r.kind = rng_.chance(0.5) ? InteractionKind::Call : InteractionKind::Email;
                r.subject = std::string(text.subject);
                r.body = std::string(text.body);
                r.channel = r.kind == InteractionKind::Call ? Channel::Phone : Channel::Email;
                r.direction = Direction::Inbound;
                r.relationship_type =
                    rng_.chance(0.7) ? RelationshipType::PersonalAssistance : RelationshipType::SelfService;
                r.minutes_spent = rng_.between(3, 20);
                r.created_by_user_id = rng_.pick(std::span<const Id>(staff_.service));
            } else {
                const TimelineLine& text = line(w.automated);
                r.kind = InteractionKind::Email;
                r.subject = std::string(text.subject);
                r.body = std::string(text.body);
                r.channel = Channel::Email;
                r.direction = Direction::Outbound;
                r.relationship_type = rng_.chance(0.8) ? RelationshipType::Automated : RelationshipType::Community;
                r.minutes_spent = 0;
                if (!staff_.marketing.empty()) r.created_by_user_id = rng_.pick(std::span<const Id>(staff_.marketing));
            }
            out_.push_back(std::move(r));
        }
    }

    Rng rng_;
    const DemoCustomers& customers_;
    const TimelineStaff& staff_;
    std::int64_t now_;
    std::map<Id, std::vector<Id>> contacts_;  // company -> its primary contacts
    std::map<Id, std::size_t> person_index_;
    std::vector<InteractionRow> out_;
};

}  // namespace

std::vector<InteractionRow> generate_timelines(std::uint32_t seed, const DemoCustomers& customers,
                                               const TimelineStaff& staff, std::int64_t now_ms) {
    return TimelineGenerator(seed, customers, staff, now_ms).run();
}

}  // namespace rapport::app::demo
