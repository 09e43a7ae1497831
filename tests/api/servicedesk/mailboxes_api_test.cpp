// Mailboxes over real HTTP: admins only, passwords write-only, validation naming each field,
// the connection test against a port where nothing listens, and the (empty) quarantine.
// <utility> first: Boost.Asio's awaitable.hpp uses std::exchange without including it.
#include <utility>

#include <boost/asio.hpp>

#include "api/servicedesk/servicedesk_fixture.hpp"

namespace rapport::testing {

class ServicedeskMailboxesApiTest : public ServicedeskApiTest {
protected:
    // A loopback port where nothing listens: bound, then released.
    static int closed_port() {
        boost::asio::io_context io;
        boost::asio::ip::tcp::acceptor acceptor(
            io, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
        const int port = acceptor.local_endpoint().port();
        acceptor.close();
        return port;
    }
    static nlohmann::json mailbox(const std::string& name, int port) {
        return {{"name", name},
                {"address", "help@acme.test"},
                {"imap",
                 {{"host", "127.0.0.1"},
                  {"port", port},
                  {"security", "none"},
                  {"username", "help"},
                  {"password", "imap secret"}}},
                {"smtp",
                 {{"host", "127.0.0.1"},
                  {"port", port},
                  {"security", "none"},
                  {"username", "help"},
                  {"password", "smtp secret"}}},
                {"poll_seconds", 60},
                {"enabled", false}};
    }
};

TEST_F(ServicedeskMailboxesApiTest, AdminsCreateReadChangeAndDeleteMailboxesWithWriteOnlyPasswords) {
    auto owner = owner_of(acme_);
    auto created = owner.post("/api/v1/mailboxes", mailbox("Help desk", closed_port()));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = created.json()["id"];
    EXPECT_EQ(created.json()["imap"]["password"], "");
    EXPECT_EQ(created.json()["imap"]["has_password"], true);
    EXPECT_EQ(created.body.find("secret"), std::string::npos) << created.body;

    auto read = owner.get("/api/v1/mailboxes/" + id);
    ASSERT_EQ(read.status, 200) << read.body;
    auto m = read.json();
    EXPECT_EQ(m["name"], "Help desk");
    EXPECT_EQ(m["address"], "help@acme.test");
    EXPECT_EQ(m["folder"], "INBOX");
    EXPECT_EQ(m["enabled"], false);
    EXPECT_EQ(m["imap"]["password"], "");
    EXPECT_EQ(m["imap"]["has_password"], true);
    EXPECT_EQ(m["smtp"]["password"], "");
    EXPECT_EQ(m["smtp"]["has_password"], true);
    EXPECT_EQ(read.body.find("secret"), std::string::npos) << read.body;
    auto listed = owner.get("/api/v1/mailboxes");
    ASSERT_EQ(listed.status, 200);
    ASSERT_EQ(listed.json()["items"].size(), 1u);
    EXPECT_EQ(listed.body.find("secret"), std::string::npos) << listed.body;

    // Sending back what was read (password "") keeps the stored password.
    m["name"] = "Help";
    auto changed = owner.patch("/api/v1/mailboxes/" + id, m);
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(changed.json()["name"], "Help");
    EXPECT_EQ(changed.json()["imap"]["has_password"], true);

    auto admin = new_acme_user("admin", "Ada Admin");
    EXPECT_EQ(admin.client.get("/api/v1/mailboxes/" + id).status, 200);
    EXPECT_EQ(admin.client.del("/api/v1/mailboxes/" + id).status, 204);
    expect_problem(owner.get("/api/v1/mailboxes/" + id), 404);
    EXPECT_TRUE(owner.get("/api/v1/mailboxes").json()["items"].empty());
}

TEST_F(ServicedeskMailboxesApiTest, MembersMayNotSeeOrChangeMailboxes) {
    auto owner = owner_of(acme_);
    auto created = owner.post("/api/v1/mailboxes", mailbox("Sales", closed_port()));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = created.json()["id"];
    for (const char* role : {"member", "manager"}) {
        auto user = new_acme_user(role, std::string("Not admin ") + role);
        expect_problem(user.client.get("/api/v1/mailboxes"), 403);
        expect_problem(user.client.get("/api/v1/mailboxes/" + id), 403);
        expect_problem(user.client.post("/api/v1/mailboxes", mailbox("Mine", 993)), 403);
        expect_problem(user.client.patch("/api/v1/mailboxes/" + id, {{"name", "Mine"}}), 403);
        expect_problem(user.client.del("/api/v1/mailboxes/" + id), 403);
        expect_problem(user.client.post("/api/v1/mailboxes/" + id + "/test", nlohmann::json::object()), 403);
        expect_problem(user.client.get("/api/v1/mail-quarantine"), 403);
    }
    EXPECT_EQ(owner.get("/api/v1/mailboxes/" + id).json()["name"], "Sales");
    EXPECT_EQ(owner.del("/api/v1/mailboxes/" + id).status, 204);
}

TEST_F(ServicedeskMailboxesApiTest, InvalidSettingsNameEachField) {
    auto owner = owner_of(acme_);
    auto res = owner.post("/api/v1/mailboxes", {{"name", ""},
                                                {"address", "not an address"},
                                                {"imap", {{"host", ""}, {"port", 0}}},
                                                {"smtp", {{"host", "smtp.acme.test"}, {"port", 70000}}},
                                                {"poll_seconds", 1},
                                                {"after_fetch", "move"}});
    expect_problem(res, 422);
    for (const char* p :
         {"/name", "/address", "/imap/host", "/imap/port", "/smtp/port", "/poll_seconds", "/move_to_folder"}) {
        EXPECT_TRUE(has_error_at(res, p)) << p << " " << res.body;
    }
    // The summary counts them.
    EXPECT_NE(res.json()["detail"].get<std::string>().find("7 fields"), std::string::npos) << res.body;
    // A value the body cannot even be read with is reported first, on its own.
    auto unreadable = mailbox("Bad security", 993);
    unreadable["imap"]["security"] = "maybe";
    auto refused_security = owner.post("/api/v1/mailboxes", unreadable);
    expect_problem(refused_security, 422);
    EXPECT_TRUE(has_error_at(refused_security, "/imap/security")) << refused_security.body;
    auto missing = owner.post("/api/v1/mailboxes", {{"name", "No servers"}, {"address", "a@acme.test"}});
    expect_problem(missing, 422);
    EXPECT_TRUE(has_error_at(missing, "/imap/host")) << missing.body;
    EXPECT_TRUE(has_error_at(missing, "/smtp/host")) << missing.body;
    auto moving = mailbox("Mover", 993);
    moving["after_fetch"] = "move";
    auto refused = owner.post("/api/v1/mailboxes", moving);
    expect_problem(refused, 422);
    EXPECT_TRUE(has_error_at(refused, "/move_to_folder")) << refused.body;
    EXPECT_TRUE(owner.get("/api/v1/mailboxes").json()["items"].empty());
}

TEST_F(ServicedeskMailboxesApiTest, TheConnectionTestReportsAClosedPort) {
    auto owner = owner_of(acme_);
    auto res = owner.post("/api/v1/mailboxes/test", mailbox("Probe", closed_port()));
    ASSERT_EQ(res.status, 200) << res.body;
    auto check = res.json();
    EXPECT_EQ(check["imap"]["ok"], false) << res.body;
    EXPECT_FALSE(check["imap"]["message"].get<std::string>().empty()) << res.body;
    EXPECT_EQ(check["smtp"]["ok"], false) << res.body;
    EXPECT_FALSE(check["smtp"]["message"].get<std::string>().empty()) << res.body;
    // Nothing was saved.
    EXPECT_TRUE(owner.get("/api/v1/mailboxes").json()["items"].empty());

    auto saved = owner.post("/api/v1/mailboxes", mailbox("Saved probe", closed_port()));
    ASSERT_EQ(saved.status, 201) << saved.body;
    auto again =
        owner.post("/api/v1/mailboxes/" + saved.json()["id"].get<std::string>() + "/test", nlohmann::json::object());
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.json()["imap"]["ok"], false) << again.body;
    EXPECT_EQ(owner.del("/api/v1/mailboxes/" + saved.json()["id"].get<std::string>()).status, 204);
}

TEST_F(ServicedeskMailboxesApiTest, ANewWorkspaceHasAnEmptyQuarantine) {
    auto res = owner_of(globex_).get("/api/v1/mail-quarantine");
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_TRUE(res.json()["items"].is_array());
    EXPECT_TRUE(res.json()["items"].empty());
    expect_problem(owner_of(globex_).post("/api/v1/mail-quarantine/999999999/reprocess", nlohmann::json::object()),
                   404);
}

}  // namespace rapport::testing
