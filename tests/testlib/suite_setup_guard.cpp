// When a suite's SetUpTestSuite fails (an EXPECT in the shared world it builds), gtest skips
// its tests, and ctest counts a skipped test as passed: a broken set-up would pass CI. This
// listener, registered in every binary that links testlib (API and app tests), ends the process
// with a failure as the first of those tests starts, before any "[  SKIPPED ]" is printed.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

namespace rapport::testing {
namespace {

class SuiteSetupGuard : public ::testing::EmptyTestEventListener {
    void OnTestStart(const ::testing::TestInfo& test) override {
        const auto* suite = ::testing::UnitTest::GetInstance()->current_test_suite();
        if (suite == nullptr || !suite->ad_hoc_test_result().Failed()) return;
        std::fprintf(stderr, "\n%s: the suite's SetUpTestSuite failed (see above), so %s.%s cannot run\n",
                     suite->name(), test.test_suite_name(), test.name());
        std::fflush(stdout);
        std::fflush(stderr);
        std::_Exit(1);
    }
};

const bool registered = [] {
    ::testing::UnitTest::GetInstance()->listeners().Append(new SuiteSetupGuard);
    return true;
}();

}  // namespace
}  // namespace rapport::testing
