// parse_mail on cut-off mail: every sample truncated at every 97th byte must parse or fail
// with a reason, never crash or leak (the ASan build runs this with leak detection).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "mail/parsed_mail.hpp"
#include "mail/samples.hpp"

namespace rapport::mail {
namespace {

TEST(ParseMailRobustnessTest, EverySampleTruncatedAtEvery97thByte) {
    auto names = testing::sample_names();
    ASSERT_GE(names.size(), 10U);
    std::size_t parsed = 0, failed = 0;
    for (const std::string& name : names) {
        std::string raw = testing::read_sample(name);
        for (std::size_t length = 0; length <= raw.size(); length += 97) {
            auto mail = parse_mail(std::string_view(raw).substr(0, length));
            if (mail) {
                ++parsed;
                EXPECT_FALSE(mail->message_id.empty()) << name << " cut at " << length;
            } else {
                ++failed;
                EXPECT_FALSE(mail.error().detail.empty()) << name << " cut at " << length;
            }
        }
        auto whole = parse_mail(raw);
        EXPECT_EQ(whole.has_value(), name != "not_a_mail.txt") << name;
    }
    EXPECT_GT(parsed, 0U);
    EXPECT_GT(failed, 0U);  // at least the empty prefixes
}

// Damaged rather than cut: every 53rd byte overwritten with a byte that breaks something
// (NUL, a line end, a boundary dash, an 8-bit byte), in turn.
TEST(ParseMailRobustnessTest, EverySampleWithBytesOverwritten) {
    const char damage[] = {'\0', '\n', '-', '\xFF', '=', '\r'};
    for (const std::string& name : testing::sample_names()) {
        std::string raw = testing::read_sample(name);
        for (char bad : damage) {
            std::string damaged = raw;
            for (std::size_t i = 0; i < damaged.size(); i += 53) damaged[i] = bad;
            auto mail = parse_mail(damaged);
            if (mail) {
                EXPECT_FALSE(mail->message_id.empty()) << name;
            } else {
                EXPECT_FALSE(mail.error().detail.empty()) << name;
            }
        }
    }
}

// Ingestion may parse on several threads at once: GMime's shared state (its iconv cache, the
// charset tables) must not mix their results.
TEST(ParseMailRobustnessTest, ThreadsParsingAtOnceGetWhatOneThreadGets) {
    struct Expected {
        std::string raw, id, text;
        std::size_t attachments;
    };
    std::vector<Expected> expected;
    for (const std::string& name : testing::sample_names()) {
        std::string raw = testing::read_sample(name);
        auto mail = parse_mail(raw);
        if (mail) expected.push_back({raw, mail->message_id, mail->text, mail->attachments.size()});
    }
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int round = 0; round < 20; ++round) {
                for (const Expected& e : expected) {
                    auto mail = parse_mail(e.raw);
                    if (!mail || mail->message_id != e.id || mail->text != e.text ||
                        mail->attachments.size() != e.attachments)
                        ++mismatches;
                }
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace rapport::mail
