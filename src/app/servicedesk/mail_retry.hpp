#pragma once
// When a mail that could not be sent is tried again: 15 s, 1, 5, 15 and 30 minutes, then every
// hour, for ever (a reply or a survey is never dropped; a permanent refusal is marked failed by
// its sender instead). Shared by the reply sender and the survey mailer.
#include <chrono>
#include <cstdint>

namespace rapport::app {

// The wait before the next attempt after `failed_attempts` failed ones (1 for the first).
// RAPPORT_MAIL_RETRY_SCALE (hidden, for tests and benchmarks) multiplies it: 0.01 retries after
// 150 ms instead of 15 s; unset, empty, not a number or out of (0, 1000]: 1.
std::chrono::milliseconds mail_retry_backoff(std::int64_t failed_attempts);

}  // namespace rapport::app
