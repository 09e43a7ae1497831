#pragma once
// Imports over real HTTP, for the tests of imports: upload a file, wait for its job.
#include <chrono>
#include <string>
#include <thread>

#include "api/api_fixture.hpp"

namespace rapport::testing {

inline HttpResult upload_import(HttpClient& c, const std::string& entity, const std::string& filename,
                                const std::string& bytes) {
    return c.request("POST", "/api/v1/imports?entity=" + entity + "&filename=" + url_encode(filename), bytes,
                     {{"Content-Type", "text/csv"}});
}

// Polls until the import leaves "running" (or 60 s pass); returns the last state.
inline nlohmann::json wait_import_finished(HttpClient& c, const std::string& id) {
    nlohmann::json state;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        auto res = c.get("/api/v1/imports/" + id);
        EXPECT_EQ(res.status, 200) << res.body;
        state = res.json();
        if (state["status"] != "running") return state;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << "the import did not finish: " << state.dump();
    return state;
}

}  // namespace rapport::testing
