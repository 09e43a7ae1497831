// The hostile client: batteries of what an attacker or a broken integration sends, kept
// running on both engines. Each battery states the one property that must hold for every
// input in it (no 5xx, a problem+json naming the trouble, nothing outside the web root,
// nothing acknowledged lost). Request smuggling and the write-permission matrix have their
// own files (http_framing_api_test.cpp, write_permissions_api_test.cpp).
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "api/api_fixture.hpp"
#include "app/services.hpp"
#include "core/ids.hpp"
#include "storage/database.hpp"

namespace rapport::testing {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

int status_of(const std::string& raw) {
    if (raw.rfind("HTTP/1.1 ", 0) != 0 || raw.size() < 12) return 0;
    return std::stoi(raw.substr(9, 3));
}

}  // namespace

class HostileClientApiTest : public ApiTest {};

// Malformed, mistyped and oversized bodies on a public endpoint (login) and an authenticated
// one (create a person): every one is a 4xx problem+json, and the server stays up.
TEST_F(HostileClientApiTest, MalformedBodiesAreClearFourHundreds) {
    std::vector<std::string> bodies = {
        "",
        "{",
        "}",
        "[]",
        "null",
        "42",
        "\"a string\"",
        "{\"fields\":",
        "{\"fields\": {\"first_name\": \"A\", }}",
        "{'fields': {}}",
        "{\"fields\": {\"first_name\": \"\xff\xfe\"}}",
        "{\"fields\": {\"first_name\": \"A\\u0000B\", \"last_name\": \"C\"}}",
        "{\"fields\": {\"first_name\": \"\\ud800\"}}",
        "{\"fields\": {\"first_name\": 1e400}}",
        "{\"fields\": {\"first_name\": -1e400}}",
        "{\"n\": " + std::string(5000, '9') + "}",
        "{\"fields\": {\"first_name\": [], \"last_name\": {}}}",
        "{\"fields\": {\"first_name\": true, \"last_name\": 12}}",
        "{\"fields\": \"not an object\"}",
        "{\"fields\": {}, \"fields\": {}}",
        "{\"custom\": [1, 2]}",
        "{\"tags\": \"vip\"}",
        "{\"tags\": [1, null, {}]}",
        "{\"owner_user_id\": \"not an id\"}",
        "{\"owner_user_id\": 99999999999999999999999}",
        "{\"source\": {\"data_kind\": \"fourth_party\"}}",
        std::string(100000, '[') + std::string(100000, ']'),
        "{\"a\":" + std::string(5000, '{') + std::string(5000, '}') + "}",
        "{\"fields\": {\"first_name\": \"" + std::string(200000, 'x') + "\"}}",
        std::string("\x00\x01\x02\x03", 4),
        "\xef\xbb\xbf{\"fields\": {}}",
    };
    auto owner = owner_of(acme_);
    auto anonymous = server_->client();
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        SCOPED_TRACE("body #" + std::to_string(i) + ": " + bodies[i].substr(0, 60));
        for (auto* c : {&owner, &anonymous}) {
            const std::string target = c == &owner ? "/api/v1/people" : "/api/v1/auth/login";
            auto res = c->request("POST", target, bodies[i], {{"Content-Type", "application/json"}});
            EXPECT_GE(res.status, 400) << res.body.substr(0, 300);
            EXPECT_LT(res.status, 500) << res.body.substr(0, 300);
            EXPECT_EQ(res.header("content-type"), "application/problem+json");
            // An error answer never grows past its input (no amplification).
            EXPECT_LT(res.body.size(), std::max<std::size_t>(bodies[i].size(), 4096) * 2);
        }
    }
    // Wrong or missing content types are refused, not guessed.
    for (const std::string type : {"text/plain", "application/x-www-form-urlencoded", "application/xml"}) {
        std::map<std::string, std::string> headers{{"Content-Type", type}};
        auto res = owner.request("POST", "/api/v1/people", R"({"fields":{"first_name":"A","last_name":"B"}})", headers);
        EXPECT_GE(res.status, 400) << type << " " << res.body;
        EXPECT_LT(res.status, 500) << type << " " << res.body;
    }
    EXPECT_EQ(server_->client().get("/healthz").status, 200);
}

// Path traversal in thirty spellings, raw on the wire (no client normalises them): nothing
// outside the web root is ever served, and nothing answers 5xx.
TEST(HostileClientStaticTest, NoPathTraversalInAnySpelling) {
    const fs::path base = fs::temp_directory_path() / ("rapport-traversal-" + std::to_string(::getpid()));
    fs::create_directories(base / "web" / "assets");
    std::ofstream(base / "web" / "index.html") << "<!doctype html><title>Rapport</title>";
    std::ofstream(base / "web" / "assets" / "app.js") << "console.log('app')";
    std::ofstream(base / "secret.txt") << "TOPSECRET-OUTSIDE-THE-ROOT";
    TestServer server({{"--web-root", (base / "web").string()}});
    const std::vector<std::string> targets = {
        "/../secret.txt",
        "/../../etc/passwd",
        "/..%2fsecret.txt",
        "/%2e%2e/secret.txt",
        "/%2e%2e%2fsecret.txt",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/.%2e/secret.txt",
        "/%2e./secret.txt",
        "/..\\secret.txt",
        "/..%5csecret.txt",
        "/%2e%2e%5csecret.txt",
        "/%252e%252e/secret.txt",
        "/..%252fsecret.txt",
        "/....//secret.txt",
        "/..../secret.txt",
        "/..;/secret.txt",
        "/assets/../../secret.txt",
        "/assets/..%2f..%2fsecret.txt",
        "/./../secret.txt",
        "//../secret.txt",
        "/%2f..%2fsecret.txt",
        "/%00../secret.txt",
        "/index.html%00../../secret.txt",
        "/..%c0%afsecret.txt",
        "/%c0%ae%c0%ae/secret.txt",
        "/%uff0e%uff0e/secret.txt",
        "http://127.0.0.1/../secret.txt",
        "/api/v1/../../secret.txt",
        "/api/v1/people/..%2f..%2f..%2fsecret.txt",
        "/assets/app.js/../../../secret.txt",
    };
    for (const auto& target : targets) {
        SCOPED_TRACE(target);
        const std::string raw = raw_exchange(
            server.port(), "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 5000);
        const int status = status_of(raw);
        EXPECT_NE(status, 0) << raw.substr(0, 200);
        EXPECT_LT(status, 500) << raw.substr(0, 300);
        EXPECT_EQ(raw.find("TOPSECRET"), std::string::npos) << raw.substr(0, 300);
        EXPECT_EQ(raw.find("root:x:0"), std::string::npos) << raw.substr(0, 300);
    }
    EXPECT_EQ(server.client().get("/assets/app.js").status, 200);
    server.stop();
    fs::remove_all(base);
}

// Every create the server acknowledged (201) survives a kill -9 in the middle of a burst of
// concurrent creates; nothing half-written appears (each row whole, with its history).
TEST(HostileClientCrashTest, AcknowledgedCreatesSurviveKillDashNine) {
    auto server = std::make_unique<TestServer>();
    auto ws = server->bootstrap("crashcreate");
    std::mutex mu;
    std::vector<std::string> acknowledged;
    std::atomic<bool> stop{false};
    // Signed in before the burst: a sign-in (argon2id) is slow on a loaded machine.
    std::vector<HttpClient> clients;
    for (int t = 0; t < 4; ++t) clients.push_back(signed_in_client(*server, ws.owner_email, ws.password));
    std::vector<std::thread> writers;
    for (int t = 0; t < 4; ++t) {
        writers.emplace_back([&, t] {
            auto& c = clients[static_cast<std::size_t>(t)];
            for (int i = 0; !stop; ++i) {
                HttpResult res;
                try {
                    res = c.post("/api/v1/people",
                                 {{"fields",
                                   {{"first_name", "Kill" + std::to_string(t)},
                                    {"last_name", "Burst" + std::to_string(i)},
                                    {"email", "k" + std::to_string(t) + "." + std::to_string(i) + "@burst.test"}}}});
                } catch (const std::exception&) {
                    break;  // the server is gone
                }
                if (res.status != 201) break;
                std::lock_guard lock(mu);
                acknowledged.push_back(res.json()["id"]);
            }
        });
    }
    // Killed in full flight: once a few dozen creates were acknowledged (or after 30 s).
    for (int waited = 0; waited < 3000; ++waited) {
        {
            std::lock_guard lock(mu);
            if (acknowledged.size() >= 40) break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    server->kill_now();
    stop = true;
    for (auto& w : writers) w.join();
    ASSERT_GT(acknowledged.size(), 10u);

    auto services = app::Services::open(server->database_url());
    ASSERT_TRUE(services) << services.error().detail;
    auto lease = (*services)->database().acquire(storage::Access::Read);
    ASSERT_TRUE(lease);
    for (const auto& id : acknowledged) {
        auto row = (*lease)->query(
            "SELECT (SELECT COUNT(*) FROM people WHERE person_id = $1),"
            " (SELECT COUNT(*) FROM field_history WHERE entity_id = $1)",
            {*parse_id(id)});
        ASSERT_TRUE(row) << row.error().detail;
        EXPECT_EQ(storage::as_int(row->rows[0][0]), 1) << "acknowledged person " << id << " is missing";
        EXPECT_GT(storage::as_int(row->rows[0][1]), 0) << "person " << id << " has no creation history";
    }
    // Nothing half-written: every stored person of the burst has its history too.
    auto orphans = (*lease)->query(
        "SELECT COUNT(*) FROM people p WHERE p.last_name LIKE 'Burst%' AND NOT EXISTS"
        " (SELECT 1 FROM field_history h WHERE h.workspace_id = p.workspace_id AND h.entity_id = p.person_id)",
        {});
    ASSERT_TRUE(orphans) << orphans.error().detail;
    EXPECT_EQ(storage::as_int(orphans->rows[0][0]), 0);
}

}  // namespace rapport::testing
