// SPDX-License-Identifier: GPL-2.0-or-later
#include "models.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace lap;

namespace {

QJsonObject obj(const char *json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("bad test JSON: %s", json);
    return doc.object();
}

QJsonDocument doc(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json));
}

// moc (Qt 5) does not know raw strings and then silently skips the test class: fixtures use one
// raw string per line, and plain literals where the JSON holds "//" or a lone quote.

// An agent row as GET /agents returns it (docs/platform-api.md §4.1), env_vars included.
const char kAgentRow[] =
    R"({ )"
    R"("id": "6f1c2a4e-3b0d-4c8e-9a51-2d7e8f9a0b1c", "name": "coder", "harness_id": "claude-code", )"
    R"("supports_tui": true, "model": "claude-sonnet-4", "prompt": null, )"
    "\"repo_url\": \"https:/"
    "/github.com/x/y\", \"branch\": \"main\", \"pfp_url\": null, "
    R"("mcp_servers": [], "allow_out": ["*"], "deny_out": [], "attached_skill_ids": [], )"
    R"("env_vars": {"GITHUB_TOKEN": "ghp_secret"}, "env_var_hosts": {"GITHUB_TOKEN": ["github.com"]}, )"
    R"("projects": [], "preload_memory_limit": 5, "template_id": null, "template_prompt": null, )"
    R"("template_latest_prompt": null, "template_version": null, "template_latest_version": null, )"
    R"("template_in_sync": true, "created_at": "2026-05-30T10:11:12.345Z", )"
    R"("session_count": 7, "has_active_session": true )"
    R"(})";

// A ready TUI session as GET /sessions/:id returns it in-cluster (docs/platform-api.md §4.3).
const char kSessionRow[] =
    R"({ )"
    R"("id": "0b5e2d6c-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "agent_id": "6f1c2a4e-3b0d-4c8e-9a51-2d7e8f9a0b1c", )"
    R"("status": "ready", "phase": "ready", "phase_detail": null, "failure_reason": null, )"
    "\"sandbox_url\": \"http:/"
    "/sbx-1.lap.svc.cluster.local:4096\", "
    R"("tty_url": "/api/v1/managed_agents/sessions/0b5e2d6c-1a2b-4c3d-8e9f-0a1b2c3d4e5f/tty", )"
    R"("tty_token": "harness-secret", "supports_tui": true, "harness_session_id": "tty", )"
    R"("task_arn": "sbx-1", "response": null, "created_at": "2026-06-01T08:00:00.000Z", )"
    R"("last_seen_at": "2026-06-01T08:00:21.500Z", "idle_timeout_ms": 900000, )"
    R"("origin": null, "title_preview": "fix the tests", "sandboxes": null )"
    R"(})";

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private slots:
    void agentFullRow()
    {
        const Result<Agent> r = Agent::fromJson(obj(kAgentRow));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        const Agent &a = r.value;
        QCOMPARE(a.id, QStringLiteral("6f1c2a4e-3b0d-4c8e-9a51-2d7e8f9a0b1c"));
        QCOMPARE(a.name, QStringLiteral("coder"));
        QCOMPARE(a.harnessId, QStringLiteral("claude-code"));
        QVERIFY(a.supportsTui.has_value());
        QCOMPARE(*a.supportsTui, true);
        QCOMPARE(a.model, QStringLiteral("claude-sonnet-4"));
        QCOMPARE(a.repoUrl, QStringLiteral("https://github.com/x/y"));
        QCOMPARE(a.branch, QStringLiteral("main"));
        QCOMPARE(a.createdAt, QStringLiteral("2026-05-30T10:11:12.345Z"));
        QCOMPARE(a.sessionCount, 7);
        QCOMPARE(a.hasActiveSession, true);
        QCOMPARE(a.displayName(), QStringLiteral("coder"));
    }

    void agentNullsAndMissingFields()
    {
        // GET /agents/:id has no session_count/has_active_session; name and repo_url are null.
        const Result<Agent> r =
            Agent::fromJson(obj(R"({"id": "abc", "name": null, )"
                                R"("harness_id": "opencode", "repo_url": null, "model": "m"})"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.value.name, QString());
        QCOMPARE(r.value.repoUrl, QString());
        QVERIFY(!r.value.supportsTui.has_value());
        QCOMPARE(r.value.sessionCount, -1);
        QCOMPARE(r.value.hasActiveSession, false);
    }

    void agentIgnoresEnvVars()
    {
        // env_vars holds decrypted secrets and is never read, whatever its shape.
        const Result<Agent> r =
            Agent::fromJson(obj(R"({"id": "abc", "env_vars": "not an object", "projects": 3})"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.value.id, QStringLiteral("abc"));
    }

    void agentWrongTypes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("name number") << QByteArray(R"({"id":"a","name":5})")
                                     << QStringLiteral("field 'name' should be a string");
        QTest::newRow("supports_tui string")
            << QByteArray(R"({"id":"a","supports_tui":"true"})")
            << QStringLiteral("field 'supports_tui' should be true or false");
        QTest::newRow("has_active_session number")
            << QByteArray(R"({"id":"a","has_active_session":1})")
            << QStringLiteral("field 'has_active_session' should be true or false");
        QTest::newRow("session_count fraction")
            << QByteArray(R"({"id":"a","session_count":2.5})")
            << QStringLiteral("field 'session_count' should be an integer");
        QTest::newRow("session_count string")
            << QByteArray(R"({"id":"a","session_count":"7"})")
            << QStringLiteral("field 'session_count' should be an integer");
        QTest::newRow("harness_id object")
            << QByteArray(R"({"id":"a","harness_id":{}})")
            << QStringLiteral("field 'harness_id' should be a string");
        QTest::newRow("id missing")
            << QByteArray(R"({"name":"x"})") << QStringLiteral("field 'id' is missing");
        QTest::newRow("id null") << QByteArray(R"({"id":null})")
                                 << QStringLiteral("field 'id' is missing");
        QTest::newRow("id empty") << QByteArray(R"({"id":""})")
                                  << QStringLiteral("field 'id' is missing");
        QTest::newRow("id number")
            << QByteArray(R"({"id":42})") << QStringLiteral("field 'id' should be a string");
    }
    void agentWrongTypes()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const Result<Agent> r = Agent::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, LapError::Kind::Protocol);
        QCOMPARE(r.error.message, message);
    }

    void agentIsTui_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("tui");
        QTest::newRow("flag true beats harness")
            << QByteArray(R"({"id":"a","harness_id":"opencode","supports_tui":true})") << true;
        QTest::newRow("flag false beats allowlist")
            << QByteArray(R"({"id":"a","harness_id":"claude-code","supports_tui":false})") << false;
        QTest::newRow("no flag, claude-code")
            << QByteArray(R"({"id":"a","harness_id":"claude-code"})") << true;
        QTest::newRow("no flag, codex") << QByteArray(R"({"id":"a","harness_id":"codex"})") << true;
        // The reference's fallback list names only claude-code and codex (docs/platform-api.md §9).
        QTest::newRow("no flag, gemini")
            << QByteArray(R"({"id":"a","harness_id":"gemini"})") << false;
        QTest::newRow("null flag, opencode")
            << QByteArray(R"({"id":"a","harness_id":"opencode","supports_tui":null})") << false;
    }
    void agentIsTui()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, tui);
        const Result<Agent> r = Agent::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.value.isTui(), tui);
    }

    void agentDisplayNameWithoutName()
    {
        Agent a;
        a.id = QStringLiteral("1234abcd-0000-4000-8000-000000000000");
        QCOMPARE(a.displayName(), QStringLiteral("<unnamed 1234abcd>"));
    }

    void agentPage()
    {
        const Result<AgentPage> r =
            AgentPage::fromJson(obj(R"({"data": [ )"
                                    R"({"id": "a1", "name": "one"}, {"id": "a2", "name": null}], )"
                                    R"("total": 402, "limit": 200, "offset": 200})"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.value.agents.size(), 2);
        QCOMPARE(r.value.agents.at(0).name, QStringLiteral("one"));
        QCOMPARE(r.value.agents.at(1).id, QStringLiteral("a2"));
        QCOMPARE(r.value.total, 402);
        QCOMPARE(r.value.limit, 200);
        QCOMPARE(r.value.offset, 200);
    }

    void agentPageWithoutTotalIsTheLastPage()
    {
        const Result<AgentPage> r =
            AgentPage::fromJson(obj(R"({"data": [{"id": "a1"}, {"id": "a2"}], "offset": 10})"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.value.total, 12);
        QCOMPARE(r.value.offset, 10);
    }

    void agentPageErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        // LiteLLM's passthrough answers unknown paths with other JSON: not an empty list.
        QTest::newRow("no data") << QByteArray(R"({"object":"list"})")
                                 << QStringLiteral("field 'data' is missing");
        QTest::newRow("data object")
            << QByteArray(R"({"data":{}})") << QStringLiteral("field 'data' should be an array");
        QTest::newRow("row not object") << QByteArray(R"({"data":[{"id":"a"}, "b"]})")
                                        << QStringLiteral("field 'data[1]' should be an object");
        QTest::newRow("row field wrong")
            << QByteArray(R"({"data":[{"id":"a"},{"id":"b"},{"id":"c","supports_tui":"no"}]})")
            << QStringLiteral("field 'data[2].supports_tui' should be true or false");
        QTest::newRow("row without id") << QByteArray(R"({"data":[{"name":"x"}]})")
                                        << QStringLiteral("field 'data[0].id' is missing");
        QTest::newRow("total string") << QByteArray(R"({"data":[],"total":"10"})")
                                      << QStringLiteral("field 'total' should be an integer");
        QTest::newRow("offset negative") << QByteArray(R"({"data":[],"offset":-1})")
                                         << QStringLiteral("field 'offset' should be an integer");
    }
    void agentPageErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const Result<AgentPage> r = AgentPage::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, LapError::Kind::Protocol);
        QCOMPARE(r.error.message, message);
    }

    void sessionFullRow()
    {
        const Result<Session> r = Session::fromJson(obj(kSessionRow));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        const Session &s = r.value;
        QCOMPARE(s.id, QStringLiteral("0b5e2d6c-1a2b-4c3d-8e9f-0a1b2c3d4e5f"));
        QCOMPARE(s.agentId, QStringLiteral("6f1c2a4e-3b0d-4c8e-9a51-2d7e8f9a0b1c"));
        QCOMPARE(s.status, QStringLiteral("ready"));
        QCOMPARE(s.phase, QStringLiteral("ready"));
        QCOMPARE(s.phaseDetail, QString());
        QCOMPARE(s.failureReason, QString());
        QCOMPARE(s.sandboxUrl, QStringLiteral("http://sbx-1.lap.svc.cluster.local:4096"));
        QCOMPARE(s.ttyUrl,
                 QStringLiteral(
                     "/api/v1/managed_agents/sessions/0b5e2d6c-1a2b-4c3d-8e9f-0a1b2c3d4e5f/tty"));
        QCOMPARE(s.ttyToken, QStringLiteral("harness-secret"));
        QVERIFY(s.supportsTui.has_value() && *s.supportsTui);
        QCOMPARE(s.harnessSessionId, QStringLiteral("tty"));
        QCOMPARE(s.taskArn, QStringLiteral("sbx-1"));
        QCOMPARE(s.createdAt, QStringLiteral("2026-06-01T08:00:00.000Z"));
        QCOMPARE(s.lastSeenAt, QStringLiteral("2026-06-01T08:00:21.500Z"));
        QVERIFY(s.idleTimeoutMs.has_value());
        QCOMPARE(*s.idleTimeoutMs, qint64(900000));
        QCOMPARE(s.titlePreview, QStringLiteral("fix the tests"));
        QVERIFY(s.isReady());
        QVERIFY(!s.isCreating());
        QVERIFY(!s.isTerminal());
    }

    void sessionJustCreated()
    {
        const Result<Session> r = Session::fromJson(obj(
            R"({"id":"s1","agent_id":"a1", )"
            R"("status":"creating","phase":null,"sandbox_url":null,"tty_url":null,"tty_token":null, )"
            R"("idle_timeout_ms":null,"last_seen_at":null})"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QVERIFY(r.value.isCreating());
        QCOMPARE(r.value.phase, QString());
        QCOMPARE(r.value.ttyToken, QString());
        QVERIFY(!r.value.idleTimeoutMs.has_value());
        QVERIFY(!r.value.supportsTui.has_value());
    }

    void sessionTerminal_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("terminal");
        QTest::newRow("creating") << QStringLiteral("creating") << false;
        QTest::newRow("ready") << QStringLiteral("ready") << false;
        QTest::newRow("failed") << QStringLiteral("failed") << true;
        QTest::newRow("dead") << QStringLiteral("dead") << true;
        QTest::newRow("stopped") << QStringLiteral("stopped") << true;
        QTest::newRow("unknown") << QStringLiteral("restarting") << false;
    }
    void sessionTerminal()
    {
        QFETCH(QString, status);
        QFETCH(bool, terminal);
        Session s;
        s.status = status;
        QCOMPARE(s.isTerminal(), terminal);
    }

    void sessionWrongTypes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("status number") << QByteArray(R"({"id":"s","status":1})")
                                       << QStringLiteral("field 'status' should be a string");
        QTest::newRow("phase array")
            << QByteArray(R"({"id":"s","status":"ready","phase":["ready"]})")
            << QStringLiteral("field 'phase' should be a string");
        QTest::newRow("tty_token number")
            << QByteArray(R"({"id":"s","status":"ready","tty_token":123})")
            << QStringLiteral("field 'tty_token' should be a string");
        QTest::newRow("idle_timeout_ms string")
            << QByteArray(R"({"id":"s","status":"ready","idle_timeout_ms":"900000"})")
            << QStringLiteral("field 'idle_timeout_ms' should be an integer");
        QTest::newRow("supports_tui string")
            << QByteArray(R"({"id":"s","status":"ready","supports_tui":"yes"})")
            << QStringLiteral("field 'supports_tui' should be true or false");
        QTest::newRow("id missing")
            << QByteArray(R"({"status":"ready"})") << QStringLiteral("field 'id' is missing");
        // Every decision about a session is made on its status (docs/platform-api.md §4.4).
        QTest::newRow("status missing") << QByteArray(R"({"id":"s","phase":"ready"})")
                                        << QStringLiteral("field 'status' is missing");
        QTest::newRow("status null") << QByteArray(R"({"id":"s","status":null})")
                                     << QStringLiteral("field 'status' is missing");
        QTest::newRow("status empty") << QByteArray(R"({"id":"s","status":""})")
                                      << QStringLiteral("field 'status' is missing");
    }
    void sessionWrongTypes()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const Result<Session> r = Session::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, LapError::Kind::Protocol);
        QCOMPARE(r.error.message, message);
    }

    void sessionList()
    {
        const Result<QList<Session>> r = Session::listFromJson(
            doc(R"([{"id":"s2","status":"ready","title_preview":null,"origin":null}, )"
                R"({"id":"s1","status":"dead","failure_reason":"idle timeout"}])"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.value.size(), 2);
        QCOMPARE(r.value.at(0).id, QStringLiteral("s2"));
        QCOMPARE(r.value.at(1).failureReason, QStringLiteral("idle timeout"));

        const Result<QList<Session>> empty = Session::listFromJson(doc("[]"));
        QVERIFY(empty.ok());
        QCOMPARE(empty.value.size(), 0);
    }

    void sessionListErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("wrapped in data")
            << QByteArray(R"({"data":[]})")
            << QStringLiteral("the session list should be a JSON array");
        QTest::newRow("row not object")
            << QByteArray(R"([5])") << QStringLiteral("field '[0]' should be an object");
        QTest::newRow("row field wrong")
            << QByteArray(R"([{"id":"a","status":"ready"},{"id":"b","status":false}])")
            << QStringLiteral("field '[1].status' should be a string");
    }
    void sessionListErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const Result<QList<Session>> r = Session::listFromJson(QJsonDocument::fromJson(json));
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, LapError::Kind::Protocol);
        QCOMPARE(r.error.message, message);
    }

    void deletedSession_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("message");
        // docs/platform-api.md §4.6: "deleted", or the status it had already ended with.
        QTest::newRow("deleted") << QByteArray(R"({"id":"s","status":"deleted"})")
                                 << QStringLiteral("deleted") << QString();
        QTest::newRow("already stopped") << QByteArray(R"({"id":"s","status":"stopped"})")
                                         << QStringLiteral("stopped") << QString();
        QTest::newRow("status missing") << QByteArray(R"({"id":"s"})") << QString()
                                        << QStringLiteral("field 'status' is missing");
        QTest::newRow("status number") << QByteArray(R"({"status":404})") << QString()
                                       << QStringLiteral("field 'status' should be a string");
    }
    void deletedSession()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, status);
        QFETCH(QString, message);
        const Result<DeletedSession> r = DeletedSession::fromJson(obj(json.constData()));
        QCOMPARE(r.ok(), message.isEmpty());
        QCOMPARE(r.value.status, status);
        QCOMPARE(r.error.message, message);
    }

    void uuid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("uuid");
        QTest::newRow("canonical")
            << QStringLiteral("6f1c2a4e-3b0d-4c8e-9a51-2d7e8f9a0b1c") << true;
        QTest::newRow("upper case")
            << QStringLiteral("6F1C2A4E-3B0D-4C8E-9A51-2D7E8F9A0B1C") << true;
        // The reference's regex only counts characters, so this counts as an id too.
        QTest::newRow("36 hex and dashes") << QString(36, QLatin1Char('0')) << true;
        QTest::newRow("35 chars") << QStringLiteral("6f1c2a4e-3b0d-4c8e-9a51-2d7e8f9a0b1") << false;
        QTest::newRow("37 chars") << QStringLiteral("6f1c2a4e-3b0d-4c8e-9a51-2d7e8f9a0b1cc")
                                  << false;
        QTest::newRow("non-hex") << QStringLiteral("6f1c2a4e-3b0d-4c8e-9a51-2d7e8f9a0b1g") << false;
        QTest::newRow("name") << QStringLiteral("coder") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void uuid()
    {
        QFETCH(QString, text);
        QFETCH(bool, uuid);
        QCOMPARE(looksLikeUuid(text), uuid);
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
