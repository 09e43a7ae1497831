#include "domain/servicedesk/conversation.hpp"

#include <gtest/gtest.h>

#include "domain/servicedesk/conversation_repository.hpp"
#include "domain/servicedesk/mailbox.hpp"

namespace rapport::domain::servicedesk {

TEST(TicketReferenceTest, FindsTheFirstWellFormedReference) {
    EXPECT_EQ(find_ticket_reference("Re: Order late [#42]"), 42);
    EXPECT_EQ(find_ticket_reference("[#7] and [#9]"), 7);
    EXPECT_EQ(find_ticket_reference("[#x] then [#12]"), 12);
    EXPECT_FALSE(find_ticket_reference("no reference"));
    EXPECT_FALSE(find_ticket_reference("[#] [#0] [#-3] [#12"));
    EXPECT_EQ(ticket_reference(1234), "[#1234]");
}

TEST(TicketReferenceTest, ReplySubjectAddsReAndTheReferenceOnce) {
    EXPECT_EQ(reply_subject("Order late", 5), "Re: Order late [#5]");
    EXPECT_EQ(reply_subject("Re: Order late [#5]", 5), "Re: Order late [#5]");
    EXPECT_EQ(reply_subject("RE: Order late", 5), "RE: Order late [#5]");
    // A reference to another ticket in the customer's subject stays, and ours is added.
    EXPECT_EQ(reply_subject("About [#4]", 5), "Re: About [#4] [#5]");
}

TEST(ConversationStateTest, ActiveStatusesAreTheWorkingOnes) {
    EXPECT_TRUE(is_active(ConversationStatus::New));
    EXPECT_TRUE(is_active(ConversationStatus::Open));
    EXPECT_TRUE(is_active(ConversationStatus::Pending));
    EXPECT_FALSE(is_active(ConversationStatus::Resolved));
    EXPECT_FALSE(is_active(ConversationStatus::Closed));
}

TEST(ConversationStateTest, EarliestOpenDueFollowsWhatIsStillOwed) {
    Conversation c;
    c.status = ConversationStatus::Open;
    c.first_response_due_at = 1000;
    c.next_response_due_at = 500;
    c.resolution_due_at = 5000;
    // Nobody answered yet: the first response (next response does not apply before it).
    EXPECT_EQ(earliest_open_due(c), 1000);
    // Answered, nothing waiting: only the resolution is owed.
    c.first_response_at = 900;
    EXPECT_EQ(earliest_open_due(c), 5000);
    // The customer wrote again: the next response.
    c.awaiting_since = 950;
    EXPECT_EQ(earliest_open_due(c), 500);
    // Waiting on the customer pauses everything.
    c.status = ConversationStatus::Pending;
    EXPECT_FALSE(earliest_open_due(c));
    // Resolved or merged: nothing is due.
    c.status = ConversationStatus::Resolved;
    EXPECT_FALSE(earliest_open_due(c));
    c.status = ConversationStatus::Open;
    c.merged_into_id = 7;
    EXPECT_FALSE(earliest_open_due(c));
}

TEST(ConversationStateTest, SlaStateWarnsBeforeAndBreachesAtTheDueTime) {
    Conversation c;
    EXPECT_FALSE(sla_state(c, 0));
    c.sla_due_at = 10 * 60'000;
    c.sla_warn_minutes = 5;
    EXPECT_EQ(sla_state(c, 0), SlaState::Ok);
    EXPECT_EQ(sla_state(c, 5 * 60'000), SlaState::Warning);
    EXPECT_EQ(sla_state(c, 10 * 60'000), SlaState::Breached);
}

TEST(ConversationNamesTest, EveryNameParsesBack) {
    for (auto v : {ConversationStatus::New, ConversationStatus::Open, ConversationStatus::Pending,
                   ConversationStatus::Resolved, ConversationStatus::Closed}) {
        EXPECT_EQ(parse_conversation_status(to_string(v)), v);
    }
    for (auto v : {InboxView::Unanswered, InboxView::Unassigned, InboxView::Mine, InboxView::Waiting,
                   InboxView::Breaching, InboxView::Open, InboxView::Resolved, InboxView::All}) {
        EXPECT_EQ(parse_inbox_view(to_string(v)), v);
    }
    for (auto v : {Topic::Product, Topic::Service, Topic::Process, Topic::Billing, Topic::Other}) {
        EXPECT_EQ(parse_topic(to_string(v)), v);
    }
    EXPECT_FALSE(parse_priority("critical"));
    EXPECT_FALSE(parse_inbox_view(""));
}

TEST(InboxCursorTest, RoundTripsAndRefusesGarbage) {
    InboxCursor c{1796668713596, 7535774772153022341};
    auto back = parse_inbox_cursor(format_cursor(c));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->at, c.at);
    EXPECT_EQ(back->conversation_id, c.conversation_id);
    EXPECT_FALSE(parse_inbox_cursor("12"));
    EXPECT_FALSE(parse_inbox_cursor("x.12"));
    EXPECT_FALSE(parse_inbox_cursor("12.x"));
}

TEST(MailboxTest, AddressDomainForMessageIds) {
    EXPECT_EQ(address_domain("Support@ACME.test"), "acme.test");
    EXPECT_EQ(address_domain("nobody"), "rapport.invalid");
    EXPECT_EQ(parse_mail_security("starttls"), MailSecurity::StartTls);
    EXPECT_EQ(parse_after_fetch("move"), AfterFetch::Move);
    EXPECT_FALSE(parse_after_fetch("delete"));  // mail is never deleted from the server
}

}  // namespace rapport::domain::servicedesk
