#include "core/bounded_queue.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

using rapport::BoundedQueue;

TEST(BoundedQueue, DeliversInOrderAcrossThreadsAndDrainsAfterClose) {
    BoundedQueue<int> queue(2);
    std::thread producer([&] {
        for (int i = 0; i < 1000; ++i) ASSERT_TRUE(queue.push(i));
        queue.close();
    });
    std::vector<int> got;
    while (auto item = queue.pop()) got.push_back(*item);
    producer.join();
    ASSERT_EQ(got.size(), 1000u);
    for (int i = 0; i < 1000; ++i) EXPECT_EQ(got[static_cast<std::size_t>(i)], i);
}

TEST(BoundedQueue, CloseReleasesABlockedProducerAndRefusesMore) {
    BoundedQueue<int> queue(1);
    ASSERT_TRUE(queue.push(1));
    bool accepted = true;
    std::thread producer([&] { accepted = queue.push(2); });  // blocks: the queue is full
    queue.close();
    producer.join();
    EXPECT_FALSE(accepted);
    EXPECT_EQ(queue.pop(), 1);  // what was queued is still delivered
    EXPECT_EQ(queue.pop(), std::nullopt);
}
