// SPDX-License-Identifier: GPL-2.0-or-later
#include "cannedhttpserver.h"
#include "laptest.h"
#include "platformclient.h"
#include "testcerts.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lap;
using laptest::CannedHttpServer;
using laptest::CannedRequest;
using laptest::CannedResponse;

// moc (Qt 5) does not know raw strings and then silently skips the test class: JSON holding "//"
// or a lone quote is written as a plain literal.

namespace {

const char kKey[] = "sk-master-0123456789";
using laptest::api;
using laptest::kAgentUuid;
using laptest::kSessionUuid;
const int kWait = 15000;

// One callback's Result<T>, and how often it fired (laptest.h).
template<class T> using Catcher = laptest::Catcher<Result<T>>;

QByteArray agentJson(const QString &id, const QString &name)
{
    return QStringLiteral(
               R"({"id":"%1","name":"%2","harness_id":"claude-code","supports_tui":true,)"
               R"("env_vars":{"SECRET":"v"}})")
        .arg(id, name)
        .toUtf8();
}

// One GET /agents page with `count` agents named <prefix><offset+i>.
QByteArray pageJson(const char *prefixText, int offset, int count, int total)
{
    const QString prefix = QString::fromLatin1(prefixText);
    QStringList rows;
    for (int i = 0; i < count; ++i) {
        const QString id = QStringLiteral("%1-id-%2").arg(prefix).arg(offset + i);
        rows << QString::fromUtf8(agentJson(id, prefix + QString::number(offset + i)));
    }
    return QStringLiteral(R"({"data":[%1],"total":%2,"limit":200,"offset":%3})")
        .arg(rows.join(QLatin1Char(',')))
        .arg(total)
        .arg(offset)
        .toUtf8();
}

QByteArray sessionJson(const QString &id, const QString &status)
{
    return QStringLiteral(R"({"id":"%1","agent_id":"%2","status":"%3","phase":null,)"
                          R"("tty_token":"harness-token","tty_url":null,"sandbox_url":null})")
        .arg(id, QLatin1String(kAgentUuid), status)
        .toUtf8();
}

} // namespace

class TestPlatformClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CannedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<PlatformClient> m_client;
    QString m_base;

    PlatformConfig config(const QUrl &base, int timeoutMs = kWait) const
    {
        PlatformConfig c;
        c.baseUrl = base;
        c.masterKey = QLatin1String(kKey);
        c.requestTimeoutMs = timeoutMs;
        return c;
    }

    static void verifyNoKey(const LapError &e)
    {
        const QString key = QLatin1String(kKey);
        QVERIFY(!e.message.contains(key));
        QVERIFY(!e.hint.contains(key));
        QVERIFY(!e.detail.contains(key));
    }

private slots:
    void init()
    {
        m_server = std::make_unique<CannedHttpServer>();
        QVERIFY(m_server->start());
        m_base = m_server->baseUrl().toString();
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<PlatformClient>(m_nam.get(), config(m_server->baseUrl()));
    }

    void cleanup()
    {
        m_client.reset();
        m_nam.reset();
        m_server.reset();
    }

    void normalizeBaseUrl_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("error");
        QTest::newRow("plain") << QStringLiteral("https://lap.example.com")
                               << QStringLiteral("https://lap.example.com") << QString();
        QTest::newRow("trailing slashes") << QStringLiteral("  http://127.0.0.1:8080// ")
                                          << QStringLiteral("http://127.0.0.1:8080") << QString();
        QTest::newRow("prefix") << QStringLiteral("https://host/lap/")
                                << QStringLiteral("https://host/lap") << QString();
        QTest::newRow("empty")
            << QStringLiteral("  ") << QString()
            << QStringLiteral("Enter the platform URL, for example https://lap.example.com.");
        QTest::newRow("no scheme")
            << QStringLiteral("lap.example.com") << QString()
            << QStringLiteral("The platform URL must start with http:// or https://.");
        QTest::newRow("ws scheme")
            << QStringLiteral("ws://lap.example.com") << QString()
            << QStringLiteral("The platform URL must start with http:// or https://.");
        QTest::newRow("no host") << QStringLiteral("http:///path") << QString()
                                 << QStringLiteral("The platform URL has no host name.");
        QTest::newRow("user info")
            << QStringLiteral("https://me:pw@lap.example.com") << QString()
            << QStringLiteral("The platform URL must not contain a user name or password.");
        QTest::newRow("query") << QStringLiteral("https://lap.example.com/?x=1") << QString()
                               << QStringLiteral("The platform URL must not contain '?' or '#'.");
    }
    void normalizeBaseUrl()
    {
        QFETCH(QString, text);
        QFETCH(QString, url);
        QFETCH(QString, error);
        QString err = QStringLiteral("unset");
        const QUrl result = lap::normalizeBaseUrl(text, &err);
        QCOMPARE(result.toString(), url);
        QCOMPARE(result.isValid(), error.isEmpty());
        QCOMPARE(err, error);
    }

    void sendsKeyAndAcceptToTheBaseOrigin()
    {
        m_server->script("GET", api("/agents/") + kAgentUuid,
                         {CannedResponse::json(
                             200, agentJson(QLatin1String(kAgentUuid), QStringLiteral("coder")))});
        Catcher<Agent> c;
        m_client->getAgent(QLatin1String(kAgentUuid), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QVERIFY2(c.result()->ok(), qPrintable(c.error().message));
        QCOMPARE(c.result()->value.name, QStringLiteral("coder"));
        QCOMPARE(m_server->requests().size(), 1);
        const CannedRequest &r = m_server->requests().first();
        QCOMPARE(r.header("Authorization"), QByteArray("Bearer ") + kKey);
        QCOMPARE(r.header("Accept"), QByteArray("application/json"));
        QCOMPARE(r.header("User-Agent"), QByteArray("lap-desktop/" LAP_VERSION));
    }

    void callbackIsNeverSynchronous()
    {
        // Even an error known before any I/O arrives from the event loop.
        m_client->setConfig(PlatformConfig{});
        Catcher<Agent> c;
        m_client->getAgent(QLatin1String(kAgentUuid), c.fn());
        QCOMPARE(c.calls(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(c.calls(), 1, kWait);
        QCOMPARE(c.error().kind, LapError::Kind::Config);
        QCOMPARE(c.error().message,
                 QStringLiteral("Looking up the agent failed: no platform URL is set."));
        QCOMPARE(c.error().hint, QStringLiteral("Sign in with the platform URL and master key."));
    }

    void listAgentsQuery()
    {
        m_server->script("GET", api("/agents"),
                         {CannedResponse::json(200, pageJson("a", 0, 2, 2))});
        Catcher<AgentPage> c;
        AgentQuery q;
        q.search = QStringLiteral("c++ & co=1");
        q.limit = 500;
        q.offset = 5;
        m_client->listAgents(q, c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QVERIFY2(c.result()->ok(), qPrintable(c.error().message));
        QCOMPARE(c.result()->value.agents.size(), 2);
        QCOMPARE(c.result()->value.total, 2);
        const CannedRequest &r = m_server->requests().first();
        QCOMPARE(r.param(QStringLiteral("limit")), QStringLiteral("200"));
        QCOMPARE(r.param(QStringLiteral("offset")), QStringLiteral("5"));
        // '+' must arrive as %2B: URLSearchParams would read a bare '+' as a space.
        QVERIFY2(r.query.contains("search=c%2B%2B%20%26%20co%3D1"), r.query.constData());
        QCOMPARE(r.param(QStringLiteral("search")), QStringLiteral("c++ & co=1"));
    }

    void listAllAgentsPagesUntilTotal()
    {
        m_server->on("GET", api("/agents"), [](const CannedRequest &r) {
            const int offset = r.param(QStringLiteral("offset")).toInt();
            return CannedResponse::json(200,
                                        pageJson("a", offset, std::min(200, 450 - offset), 450));
        });
        Catcher<QList<Agent>> c;
        m_client->listAllAgents(QString(), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QVERIFY2(c.result()->ok(), qPrintable(c.error().message));
        QCOMPARE(c.result()->value.size(), 450);
        QCOMPARE(c.result()->value.at(449).name, QStringLiteral("a449"));
        const QList<CannedRequest> reqs = m_server->requests();
        QCOMPARE(reqs.size(), 3);
        QCOMPARE(reqs.at(0).param(QStringLiteral("offset")), QStringLiteral("0"));
        QCOMPARE(reqs.at(1).param(QStringLiteral("offset")), QStringLiteral("200"));
        QCOMPARE(reqs.at(2).param(QStringLiteral("offset")), QStringLiteral("400"));
        for (const CannedRequest &r : reqs) {
            QCOMPARE(r.param(QStringLiteral("limit")), QStringLiteral("200"));
            QVERIFY(!r.hasParam(QStringLiteral("search")));
        }
        QCOMPARE(c.calls(), 1);
    }

    void listAllAgentsStopsAt401MidWay()
    {
        m_server->script("GET", api("/agents"),
                         {CannedResponse::json(200, pageJson("a", 0, 200, 600)),
                          CannedResponse::json(401, R"({"error":"unauthorized"})"),
                          CannedResponse::json(200, pageJson("a", 400, 200, 600))});
        Catcher<QList<Agent>> c;
        m_client->listAllAgents(QString(), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QCOMPARE(c.error().kind, LapError::Kind::Auth);
        QCOMPARE(c.error().httpStatus, 401);
        QCOMPARE(c.error().message,
                 QStringLiteral("Listing agents failed: master key rejected by %1 (HTTP 401).")
                     .arg(m_base));
        QCOMPARE(c.error().hint, QStringLiteral("Sign in again with a valid master key."));
        QCOMPARE(c.error().text(),
                 QStringLiteral("Listing agents failed: master key rejected by %1 (HTTP 401). "
                                "Sign in again with a valid master key.")
                     .arg(m_base));
        // The detail names the request and the answer, in readable UTF-8.
        QCOMPARE(c.error().detail.section(QLatin1Char('\n'), 0, 0),
                 QStringLiteral("GET %1/api/v1/managed_agents/agents?limit=200&offset=200 → "
                                "HTTP 401")
                     .arg(m_base));
        verifyNoKey(c.error());
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(c.calls(), 1);
    }

    void listAllAgentsStopsOnEmptyPage()
    {
        // A server that claims more than it delivers must not keep us paging.
        m_server->script("GET", api("/agents"),
                         {CannedResponse::json(200, pageJson("a", 0, 200, 1000)),
                          CannedResponse::json(200, pageJson("a", 200, 0, 1000))});
        Catcher<QList<Agent>> c;
        m_client->listAllAgents(QString(), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QVERIFY(c.result()->ok());
        QCOMPARE(c.result()->value.size(), 200);
        QCOMPARE(m_server->requests().size(), 2);
    }

    void listAllAgentsStopsWhenOffsetIsIgnored()
    {
        m_server->script("GET", api("/agents"),
                         {CannedResponse::json(200, pageJson("a", 0, 200, 1000))});
        Catcher<QList<Agent>> c;
        m_client->listAllAgents(QString(), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QVERIFY(c.result()->ok());
        QCOMPARE(c.result()->value.size(), 200);
        QCOMPARE(m_server->requests().size(), 2);
    }

    void resolveAgentByUuid()
    {
        const QString id = QString::fromLatin1(kAgentUuid).toUpper();
        m_server->script("GET", api("/agents/") + id.toLatin1(),
                         {CannedResponse::json(200, agentJson(id, QStringLiteral("coder")))});
        Catcher<Agent> c;
        m_client->resolveAgent(id, c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QVERIFY2(c.result()->ok(), qPrintable(c.error().message));
        QCOMPARE(c.result()->value.id, id);
        QCOMPARE(m_server->requests().size(), 1);
    }

    void resolveAgentUnknownUuid()
    {
        const QString id = QStringLiteral("00000000-0000-4000-8000-000000000000");
        m_server->script(
            "GET", api("/agents/") + id.toLatin1(),
            {CannedResponse::json(
                404, "{\"error\":\"agent '00000000-0000-4000-8000-000000000000' not found\"}")});
        Catcher<Agent> c;
        m_client->resolveAgent(id, c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QCOMPARE(c.error().kind, LapError::Kind::NotFound);
        QCOMPARE(c.error().message,
                 QStringLiteral("Looking up the agent failed: agent "
                                "'00000000-0000-4000-8000-000000000000' not found (HTTP 404)."));
    }

    void resolveAgentByExactName()
    {
        // The server's search is a case-insensitive substring match over two pages.
        m_server->on("GET", api("/agents"), [](const CannedRequest &r) {
            if (r.param(QStringLiteral("offset")) == QLatin1String("0"))
                return CannedResponse::json(200, pageJson("Coder", 0, 200, 203));
            return CannedResponse::json(
                200, QByteArray(R"({"data":[)") +
                         agentJson(QStringLiteral("x1"), QStringLiteral("coder-2")) + "," +
                         agentJson(QStringLiteral("x2"), QStringLiteral("coder")) + "," +
                         agentJson(QStringLiteral("x3"), QStringLiteral("Coder")) +
                         R"(],"total":203,"limit":200,"offset":200})");
        });
        Catcher<Agent> c;
        m_client->resolveAgent(QStringLiteral("coder"), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QVERIFY2(c.result()->ok(), qPrintable(c.error().message));
        QCOMPARE(c.result()->value.id, QStringLiteral("x2"));
        QCOMPARE(m_server->requests().size(), 2);
        for (const CannedRequest &r : m_server->requests())
            QCOMPARE(r.param(QStringLiteral("search")), QStringLiteral("coder"));
    }

    void resolveAgentNameNotFoundListsNames()
    {
        m_server->on("GET", api("/agents"), [](const CannedRequest &r) {
            if (r.hasParam(QStringLiteral("search")))
                return CannedResponse::json(
                    200, QByteArray(R"({"data":[)") +
                             agentJson(QStringLiteral("x1"), QStringLiteral("Coder")) +
                             R"(],"total":1,"limit":200,"offset":0})");
            return CannedResponse::json(200, pageJson("agent", 0, 11, 11));
        });
        Catcher<Agent> c;
        m_client->resolveAgent(QStringLiteral("coder"), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QCOMPARE(c.error().kind, LapError::Kind::NotFound);
        QCOMPARE(c.error().message,
                 QStringLiteral("No agent named 'coder' on %1 — 11 agents available: agent0, "
                                "agent1, agent2, agent3, agent4, agent5, agent6, agent7 (+3 more).")
                     .arg(m_base));
        QCOMPARE(
            c.error().hint,
            QStringLiteral("Check the spelling (names are case-sensitive) or use the agent's id."));
        QCOMPARE(m_server->requests().size(), 2);
        QVERIFY(!m_server->requests().at(1).hasParam(QStringLiteral("search")));
    }

    void resolveAgentNameNotFoundSingular()
    {
        m_server->on("GET", api("/agents"), [](const CannedRequest &r) {
            if (r.hasParam(QStringLiteral("search")))
                return CannedResponse::json(200, R"({"data":[],"total":0,"limit":200,"offset":0})");
            return CannedResponse::json(
                200, QByteArray(R"({"data":[)") +
                         agentJson(QStringLiteral("x1"), QStringLiteral("solo")) +
                         R"(],"total":1,"limit":200,"offset":0})");
        });
        Catcher<Agent> c;
        m_client->resolveAgent(QStringLiteral("coder"), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QCOMPARE(
            c.error().message,
            QStringLiteral("No agent named 'coder' on %1 — 1 agent available: solo.").arg(m_base));
    }

    void resolveAgentNameNotFoundNoAgents()
    {
        m_server->script(
            "GET", api("/agents"),
            {CannedResponse::json(200, R"({"data":[],"total":0,"limit":200,"offset":0})")});
        Catcher<Agent> c;
        m_client->resolveAgent(QStringLiteral("coder"), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QCOMPARE(c.error().kind, LapError::Kind::NotFound);
        QCOMPARE(c.error().message,
                 QStringLiteral("No agent named 'coder' on %1 — the platform has no agents.")
                     .arg(m_base));
        QCOMPARE(c.error().hint, QStringLiteral("Create an agent on the platform first."));
    }

    void createSessionSendsTitle()
    {
        m_server->script("POST", api("/agents/") + kAgentUuid + "/session",
                         {CannedResponse::json(
                             200, sessionJson(QStringLiteral("s1"), QStringLiteral("creating")))});
        Catcher<Session> c;
        m_client->createSession(QLatin1String(kAgentUuid), QStringLiteral("lap-desktop"), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QVERIFY2(c.result()->ok(), qPrintable(c.error().message));
        QCOMPARE(c.result()->value.id, QStringLiteral("s1"));
        QVERIFY(c.result()->value.isCreating());
        const CannedRequest &r = m_server->requests().first();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(r.body, QByteArray(R"({"title":"lap-desktop"})"));
        QCOMPARE(r.header("Authorization"), QByteArray("Bearer ") + kKey);
    }

    void createSessionErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("hint");
        const QString auth = QStringLiteral("Sign in again with a valid master key.");
        const QString server = QStringLiteral("The platform had a problem; try again in a moment.");
        const QString protocol =
            QStringLiteral("Check that the platform URL points to a LiteLLM Agent Platform.");
        QTest::newRow("401") << 401 << QByteArray(R"({"error":"unauthorized"})")
                             << int(LapError::Kind::Auth)
                             << QStringLiteral(
                                    "Creating the session failed: master key rejected by "
                                    "%1 (HTTP 401).")
                             << auth;
        QTest::newRow("403") << 403 << QByteArray("Forbidden") << int(LapError::Kind::Auth)
                             << QStringLiteral(
                                    "Creating the session failed: master key rejected by "
                                    "%1 (HTTP 403).")
                             << auth;
        QTest::newRow("404 row 6")
            << 404
            << QByteArray("{\"error\":\"agent '00000000-0000-4000-8000-000000000000' not found\"}")
            << int(LapError::Kind::NotFound)
            << QStringLiteral("Creating the session failed: agent "
                              "'00000000-0000-4000-8000-000000000000' not found (HTTP 404).")
            << QString();
        QTest::newRow("404 without body")
            << 404 << QByteArray() << int(LapError::Kind::NotFound)
            << QStringLiteral("Creating the session failed: not found (HTTP 404).") << QString();
        QTest::newRow("400 zod issues")
            << 400
            << QByteArray(
                   R"({"error":[)"
                   R"({"code":"custom","path":["env_vars","BAD-NAME"],"message":"Invalid env var name"},)"
                   R"({"code":"invalid_enum_value","path":["initial_attachments",0,"mime_type"],"message":"Invalid enum value."},)"
                   R"({"code":"invalid_string","path":["skill_ids",3],"message":"Invalid uuid"},)"
                   R"({"code":"too_big","path":["env_vars"],"message":"Too many keys"},)"
                   R"({"code":"custom","path":[],"message":"Body too large"}]})")
            << int(LapError::Kind::BadRequest)
            << QStringLiteral("Creating the session failed: the platform rejected the request "
                              "(HTTP 400): env_vars.BAD-NAME: Invalid env var name; "
                              "initial_attachments.0.mime_type: Invalid enum value; skill_ids.3: "
                              "Invalid uuid (+2 more).")
            << QString();
        QTest::newRow("400 one issue without path")
            << 400
            << QByteArray(R"({"error":[{"code":"custom","path":[],"message":"Body too large"}]})")
            << int(LapError::Kind::BadRequest)
            << QStringLiteral("Creating the session failed: the platform rejected the request "
                              "(HTTP 400): Body too large.")
            << QString();
        QTest::newRow("400 string")
            << 400 << QByteArray(R"({"error":"title must be a string"})")
            << int(LapError::Kind::BadRequest)
            << QStringLiteral("Creating the session failed: the platform rejected the request "
                              "(HTTP 400): title must be a string.")
            << QString();
        QTest::newRow("409") << 409 << QByteArray(R"({"error":"session is creating"})")
                             << int(LapError::Kind::Conflict)
                             << QStringLiteral(
                                    "Creating the session failed: session is creating (HTTP 409).")
                             << QString();
        QTest::newRow("500 json")
            << 500 << QByteArray(R"({"error":"session create failed: quota exceeded"})")
            << int(LapError::Kind::Server)
            << QStringLiteral(
                   "Creating the session failed: server error (HTTP 500): session create "
                   "failed: quota exceeded")
            << server;
        QTest::newRow("503 html")
            << 503
            << QByteArray(
                   "<html>\n  <head><title>503 Service Temporarily Unavailable</title></head>\n"
                   "  <body>\n\t<center><h1>503 Service Temporarily Unavailable</h1></center>\n"
                   "  <hr><center>nginx</center>\n  </body>\n</html>\n")
            << int(LapError::Kind::Server)
            // a proxy's HTML page is summarised by its title
            << QStringLiteral("Creating the session failed: server error (HTTP 503): 503 Service "
                              "Temporarily Unavailable")
            << server;
        QTest::newRow("502 empty")
            << 502 << QByteArray() << int(LapError::Kind::Server)
            << QStringLiteral("Creating the session failed: server error (HTTP 502).") << server;
        QTest::newRow("429 nested error") // 429 says what it is
            << 429 << QByteArray(R"({"error":{"message":"slow down"}})")
            << int(LapError::Kind::Server)
            << QStringLiteral("Creating the session failed: %1 is limiting the rate of requests "
                              "(HTTP 429).")
            << QStringLiteral("Wait a moment and try again.");
        QTest::newRow("200 html") << 200 << QByteArray("<!DOCTYPE html><html></html>")
                                  << int(LapError::Kind::Protocol)
                                  << QStringLiteral( // names the HTML page
                                         "Creating the session failed: the platform sent "
                                         "an unexpected reply (an HTML page instead of JSON).")
                                  << protocol;
        QTest::newRow("200 wrong type")
            << 200 << QByteArray(R"({"id":"s1","status":5})") << int(LapError::Kind::Protocol)
            << QStringLiteral("Creating the session failed: the platform sent an unexpected reply "
                              "(field 'status' should be a string).")
            << protocol;
        QTest::newRow("200 array")
            << 200 << QByteArray("[]") << int(LapError::Kind::Protocol)
            << QStringLiteral("Creating the session failed: the platform sent "
                              "an unexpected reply (the reply should be a "
                              "JSON object).")
            << protocol;
        QTest::newRow("200 empty")
            << 200 << QByteArray() << int(LapError::Kind::Protocol)
            << QStringLiteral("Creating the session failed: the platform sent "
                              "an unexpected reply (the reply is empty).")
            << protocol;
    }
    void createSessionErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, message);
        QFETCH(QString, hint);
        m_server->script("POST", api("/agents/") + kAgentUuid + "/session",
                         {CannedResponse::json(status, body)});
        Catcher<Session> c;
        m_client->createSession(QLatin1String(kAgentUuid), QStringLiteral("t"), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QVERIFY(!c.result()->ok());
        QCOMPARE(int(c.error().kind), kind);
        QCOMPARE(c.error().message,
                 message.contains(QLatin1String("%1")) ? message.arg(m_base) : message);
        QCOMPARE(c.error().hint, hint);
        if (status != 200) {
            QCOMPARE(c.error().httpStatus, status);
            // The detail keeps what the platform said, for "Copy details".
            QVERIFY2(c.error().detail.contains(QStringLiteral("HTTP %1").arg(status)),
                     qPrintable(c.error().detail));
        }
        verifyNoKey(c.error());
    }

    void connectionRefused()
    {
        const quint16 port = laptest::closedPort();
        QVERIFY(port != 0);
        const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(port));
        m_client->setConfig(config(base));
        Catcher<QList<Agent>> c;
        m_client->listAllAgents(QString(), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QCOMPARE(c.error().kind, LapError::Kind::Network);
        QCOMPARE(c.error().message,
                 QStringLiteral("Listing agents failed: cannot reach %1 (Connection refused).")
                     .arg(base.toString()));
        QCOMPARE(c.error().hint,
                 QStringLiteral("Check the platform URL and that the platform is running."));
    }

    void connectionDroppedWithoutAnswer()
    {
        m_server->script("GET", api("/sessions/s1"), {CannedResponse::dropped()});
        Catcher<Session> c;
        m_client->getSession(QStringLiteral("s1"), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QCOMPARE(c.error().kind, LapError::Kind::Network);
        QCOMPARE(c.error().message,
                 QStringLiteral("Fetching the session failed: cannot reach %1 (Connection closed).")
                     .arg(m_base));
    }

    void timeoutOnStallingServer()
    {
        m_server->script("GET", api("/sessions/s1"), {CannedResponse::stalled()});
        m_client->setConfig(config(m_server->baseUrl(), 300));
        Catcher<Session> c;
        m_client->getSession(QStringLiteral("s1"), c.fn(), QStringLiteral("Checking the session"));
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QCOMPARE(c.error().kind, LapError::Kind::Timeout);
        QCOMPARE(c.error().message,
                 QStringLiteral("Checking the session failed: %1 did not answer within 0.3 s.")
                     .arg(m_base));
        QCOMPARE(c.error().hint,
                 QStringLiteral("The platform may be overloaded or unreachable; try again."));
    }

    void timeoutInWholeSeconds()
    {
        m_server->script("GET", api("/sessions"), {CannedResponse::stalled()});
        m_client->setConfig(config(m_server->baseUrl(), 1000));
        Catcher<QList<Session>> c;
        m_client->listSessions(QString(), 0, c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QCOMPARE(
            c.error().message,
            QStringLiteral("Listing sessions failed: %1 did not answer within 1 s.").arg(m_base));
    }

    void sameOriginRedirectKeepsTheKey()
    {
        m_server->script("GET", api("/sessions/old"),
                         {CannedResponse::redirect(307, api("/sessions/new"))});
        m_server->script("GET", api("/sessions/new"),
                         {CannedResponse::json(
                             200, sessionJson(QStringLiteral("new"), QStringLiteral("ready")))});
        Catcher<Session> c;
        m_client->getSession(QStringLiteral("old"), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QVERIFY2(c.result()->ok(), qPrintable(c.error().message));
        QCOMPARE(c.result()->value.id, QStringLiteral("new"));
        QCOMPARE(m_server->count("GET", api("/sessions/new")), 1);
        QCOMPARE(m_server->requestsTo("GET", api("/sessions/new")).first().header("Authorization"),
                 QByteArray("Bearer ") + kKey);
    }

    void crossOriginRedirectNeverCarriesTheKey_data()
    {
        QTest::addColumn<int>("code");
        QTest::newRow("302") << 302;
        QTest::newRow("307") << 307;
        QTest::newRow("308") << 308;
    }
    void crossOriginRedirectNeverCarriesTheKey()
    {
        QFETCH(int, code);
        CannedHttpServer other; // another port is another origin
        QVERIFY(other.start());
        other.script("GET", api("/agents/") + kAgentUuid,
                     {CannedResponse::json(
                         200, agentJson(QLatin1String(kAgentUuid), QStringLiteral("evil")))});
        const QByteArray target = other.baseUrl().toEncoded() + api("/agents/") + kAgentUuid;
        m_server->script("GET", api("/agents/") + kAgentUuid,
                         {CannedResponse::redirect(code, target)});
        Catcher<Agent> c;
        m_client->getAgent(QLatin1String(kAgentUuid), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        // Whatever Qt does, the other origin never saw the key (and here, no request at all).
        for (const CannedRequest &r : other.requests())
            QVERIFY(!r.hasHeader("Authorization"));
        QCOMPARE(other.requests().size(), 0);
        QCOMPARE(c.error().kind, LapError::Kind::Protocol);
        QCOMPARE(c.error().message,
                 QStringLiteral("Looking up the agent failed: %1 redirected to another site (%2); "
                                "the master key was not sent there.")
                     .arg(m_base, other.baseUrl().toString()));
        QCOMPARE(
            c.error().hint,
            QStringLiteral("If that site is the platform, use its address as the platform URL."));
        verifyNoKey(c.error());
    }

    // A pasted `<other>/sessions/<id>` link: requests go there, the key stays with its platform.
    void keyHomeOfAnotherOriginKeepsTheKey()
    {
        CannedHttpServer other;
        QVERIFY(other.start());
        other.script("GET", api("/sessions/") + kSessionUuid,
                     {CannedResponse::json(404, QByteArrayLiteral("{\"error\":\"not found\"}"))});
        PlatformConfig c = m_client->config();
        c.keyHome = c.baseUrl;
        c.baseUrl = other.baseUrl();
        QVERIFY(c.needsKeyConsent());
        PlatformClient client(m_nam.get(), c);
        Catcher<Session> got;
        client.getSession(QLatin1String(kSessionUuid), got.fn());
        QTRY_VERIFY_WITH_TIMEOUT(got.result().has_value(), kWait);
        QCOMPARE(other.requests().size(), 1);
        QVERIFY(!other.requests().first().hasHeader("Authorization"));

        // Once allowed for this client, the key goes there.
        c.keyHome = c.baseUrl;
        QVERIFY(!c.needsKeyConsent());
        client.setConfig(c);
        Catcher<Session> again;
        client.getSession(QLatin1String(kSessionUuid), again.fn());
        QTRY_VERIFY_WITH_TIMEOUT(again.result().has_value(), kWait);
        QCOMPARE(other.requests().size(), 2);
        QCOMPARE(other.requests().last().header("Authorization"), QByteArray("Bearer ") + kKey);
    }

    void sameOriginComparesSchemeHostAndPort_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("path differs") << "https://lap.example/a"
                                      << "https://lap.example/b/c" << true;
        QTest::newRow("default port") << "https://lap.example"
                                      << "https://LAP.example:443" << true;
        QTest::newRow("http default") << "http://h"
                                      << "http://h:80/x" << true;
        QTest::newRow("port differs") << "https://lap.example"
                                      << "https://lap.example:8443" << false;
        QTest::newRow("scheme differs") << "http://lap.example"
                                        << "https://lap.example" << false;
        QTest::newRow("host differs") << "https://lap.example"
                                      << "https://lap.example.evil" << false;
        QTest::newRow("subdomain") << "https://lap.example"
                                   << "https://a.lap.example" << false;
    }
    void sameOriginComparesSchemeHostAndPort()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(sameOrigin(QUrl(a), QUrl(b)), same);
        QCOMPARE(sameOrigin(QUrl(b), QUrl(a)), same);
    }

    void needsKeyConsentOnlyForAKeyOfAnotherOrigin()
    {
        PlatformConfig c;
        c.baseUrl = QUrl(QStringLiteral("https://other.example/prefix"));
        QVERIFY(!c.needsKeyConsent()); // no keyHome: the key belongs to baseUrl
        c.keyHome = QUrl(QStringLiteral("https://lap.example"));
        QVERIFY(!c.needsKeyConsent()); // no key, nothing to leak
        c.masterKey = QStringLiteral("k");
        QVERIFY(c.needsKeyConsent());
        QCOMPARE(c.keyOrigin(), c.keyHome);
        c.keyHome = QUrl(QStringLiteral("https://other.example"));
        QVERIFY(!c.needsKeyConsent()); // same origin, another path prefix
    }

    void tlsUntrustedCertificate()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        CannedHttpServer tls;
        tls.setTls(QSslCertificate(QByteArray(laptest::kTestLeafPem)),
                   QSslKey(QByteArray(laptest::kTestLeafKeyPem), QSsl::Rsa));
        QVERIFY(tls.start());
        tls.script("GET", api("/sessions/s1"),
                   {CannedResponse::json(
                       200, sessionJson(QStringLiteral("s1"), QStringLiteral("ready")))});
        m_client->setConfig(config(tls.baseUrl()));
        Catcher<Session> c;
        m_client->getSession(QStringLiteral("s1"), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QCOMPARE(c.error().kind, LapError::Kind::Tls);
        QCOMPARE(
            c.error().message,
            QStringLiteral("Fetching the session failed: TLS error talking to %1 (The issuer "
                           "certificate of a locally looked up certificate could not be found; "
                           "No certificates could be verified).")
                .arg(tls.baseUrl().toString()));
        QCOMPARE(
            c.error().hint,
            QStringLiteral("Check the server certificate, or choose its CA file in Settings."));
        QCOMPARE(tls.requests().size(), 0);
    }

    void tlsTrustedWithCaFile()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        CannedHttpServer tls;
        tls.setTls(QSslCertificate(QByteArray(laptest::kTestLeafPem)),
                   QSslKey(QByteArray(laptest::kTestLeafKeyPem), QSsl::Rsa));
        QVERIFY(tls.start());
        tls.script("GET", api("/sessions/s1"),
                   {CannedResponse::json(
                       200, sessionJson(QStringLiteral("s1"), QStringLiteral("ready")))});
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString caPath = dir.filePath(QStringLiteral("ca.pem"));
        QFile ca(caPath);
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write(laptest::kTestCaPem);
        ca.close();
        PlatformConfig cfg = config(tls.baseUrl());
        cfg.caFile = caPath;
        m_client->setConfig(cfg);
        Catcher<Session> c;
        m_client->getSession(QStringLiteral("s1"), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QVERIFY2(c.result()->ok(), qPrintable(c.error().message));
        QCOMPARE(tls.requests().size(), 1);
        QCOMPARE(tls.requests().first().header("Authorization"), QByteArray("Bearer ") + kKey);
    }

    void tlsUnreadableCaFile()
    {
        PlatformConfig cfg = config(QUrl(QStringLiteral("https://127.0.0.1:9")));
        cfg.caFile = QStringLiteral("/nonexistent/ca.pem");
        m_client->setConfig(cfg);
        Catcher<Session> c;
        m_client->getSession(QStringLiteral("s1"), c.fn());
        QCOMPARE(c.calls(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QCOMPARE(c.error().kind, LapError::Kind::Tls);
        QCOMPARE(c.error().message,
                 QStringLiteral("Fetching the session failed: no CA certificate could be read from "
                                "/nonexistent/ca.pem."));
        QCOMPARE(
            c.error().hint,
            QStringLiteral("Choose a PEM file with the platform's CA certificate in Settings."));
    }

    void abortStopsTheChain()
    {
        // Page 1 answers, page 2 never does: abort while page 2 is in flight.
        m_server->script(
            "GET", api("/agents"),
            {CannedResponse::json(200, pageJson("a", 0, 200, 600)), CannedResponse::stalled()});
        m_server->script("GET", api("/sessions/s1"),
                         {CannedResponse::json(
                             200, sessionJson(QStringLiteral("s1"), QStringLiteral("ready")))});
        Catcher<QList<Agent>> c;
        QPointer<PlatformCall> call = m_client->listAllAgents(QString(), c.fn());
        QSignalSpy finished(call.data(), &PlatformCall::finished);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 2, kWait);
        call->abort();
        QTRY_VERIFY_WITH_TIMEOUT(call.isNull(), kWait);
        // A later call on the same client completes; the aborted one stayed silent.
        Catcher<Session> later;
        m_client->getSession(QStringLiteral("s1"), later.fn());
        QTRY_VERIFY_WITH_TIMEOUT(later.result().has_value(), kWait);
        QCOMPARE(c.calls(), 0);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(m_server->count("GET", api("/agents")), 2);
    }

    void abortBeforeTheReply()
    {
        m_server->script("GET", api("/sessions/s1"),
                         {CannedResponse::json(
                             200, sessionJson(QStringLiteral("s1"), QStringLiteral("ready")))});
        Catcher<Session> c;
        PlatformCall *call = m_client->getSession(QStringLiteral("s1"), c.fn());
        call->abort();
        Catcher<Session> later;
        m_client->getSession(QStringLiteral("s1"), later.fn());
        QTRY_VERIFY_WITH_TIMEOUT(later.result().has_value(), kWait);
        QCOMPARE(c.calls(), 0);
    }

    void finishedIsEmittedOnce()
    {
        m_server->script("GET", api("/sessions/s1"),
                         {CannedResponse::json(
                             200, sessionJson(QStringLiteral("s1"), QStringLiteral("ready")))});
        Catcher<Session> c;
        QPointer<PlatformCall> call = m_client->getSession(QStringLiteral("s1"), c.fn());
        QSignalSpy finished(call.data(), &PlatformCall::finished);
        QVERIFY(!call->isFinished());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWait);
        QCOMPARE(c.calls(), 1);
        // It cleans up after itself.
        QTRY_VERIFY_WITH_TIMEOUT(call.isNull(), kWait);
    }

    void destroyedClientDropsCallbacks()
    {
        m_server->script("GET", api("/sessions/slow"), {CannedResponse::stalled()});
        m_server->script("GET", api("/sessions/s1"),
                         {CannedResponse::json(
                             200, sessionJson(QStringLiteral("s1"), QStringLiteral("ready")))});
        Catcher<Session> c;
        QPointer<PlatformCall> call = m_client->getSession(QStringLiteral("slow"), c.fn());
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 1, kWait);
        m_client.reset();
        QVERIFY(call.isNull());
        PlatformClient other(m_nam.get(), config(m_server->baseUrl()));
        Catcher<Session> later;
        other.getSession(QStringLiteral("s1"), later.fn());
        QTRY_VERIFY_WITH_TIMEOUT(later.result().has_value(), kWait);
        QCOMPARE(c.calls(), 0);
    }

    void destroyingTheClientInsideTheCallbackIsSafe()
    {
        m_server->script("GET", api("/sessions/s1"),
                         {CannedResponse::json(
                             200, sessionJson(QStringLiteral("s1"), QStringLiteral("ready")))});
        auto *client = new PlatformClient(m_nam.get(), config(m_server->baseUrl()));
        QPointer<PlatformClient> guard(client);
        int calls = 0;
        client->getSession(QStringLiteral("s1"), [&calls, client](const Result<Session> &r) {
            ++calls;
            QVERIFY(r.ok());
            delete client; // the call that runs this callback dies with it
        });
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), kWait);
        QCOMPARE(calls, 1);
    }

    void destroyedClientDropsQueuedErrors()
    {
        m_client->setConfig(PlatformConfig{});
        Catcher<Session> c;
        m_client->getSession(QStringLiteral("s1"), c.fn());
        m_client.reset();
        Catcher<Session> later;
        PlatformClient other(m_nam.get(), PlatformConfig{});
        other.getSession(QStringLiteral("s1"), later.fn());
        QTRY_VERIFY_WITH_TIMEOUT(later.result().has_value(), kWait);
        QCOMPARE(c.calls(), 0);
    }

    void getSessionActionAndPath()
    {
        m_server->script("GET", api("/sessions/a%2Fb"),
                         {CannedResponse::json(404, R"({"error":"session a/b not found"})")});
        Catcher<Session> c;
        m_client->getSession(QStringLiteral("a/b"), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        // The id is one path segment, never a way to another route.
        QCOMPARE(m_server->requests().first().path, api("/sessions/a%2Fb"));
        QCOMPARE(c.error().message,
                 QStringLiteral("Fetching the session failed: session a/b not found (HTTP 404)."));
    }

    void listSessions()
    {
        m_server->script(
            "GET", api("/sessions"),
            {CannedResponse::json(
                200, "[" + sessionJson(QStringLiteral("s2"), QStringLiteral("ready")) + "," +
                         sessionJson(QStringLiteral("s1"), QStringLiteral("dead")) + "]")});
        Catcher<QList<Session>> c;
        m_client->listSessions(QLatin1String(kAgentUuid), 500, c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QVERIFY2(c.result()->ok(), qPrintable(c.error().message));
        QCOMPARE(c.result()->value.size(), 2);
        QCOMPARE(c.result()->value.at(1).status, QStringLiteral("dead"));
        const CannedRequest &r = m_server->requests().first();
        QCOMPARE(r.param(QStringLiteral("agent_id")), QString::fromLatin1(kAgentUuid));
        QCOMPARE(r.param(QStringLiteral("limit")), QStringLiteral("200"));
    }

    void listSessionsWrappedIsAnError()
    {
        m_server->script("GET", api("/sessions"), {CannedResponse::json(200, R"({"data":[]})")});
        Catcher<QList<Session>> c;
        m_client->listSessions(QString(), 0, c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QCOMPARE(
            c.error().message,
            QStringLiteral("Listing sessions failed: the platform sent an unexpected reply (the "
                           "session list should be a JSON array)."));
        QVERIFY(!m_server->requests().first().hasParam(QStringLiteral("agent_id")));
        QVERIFY(!m_server->requests().first().hasParam(QStringLiteral("limit")));
    }

    void deleteSession()
    {
        m_server->script("DELETE", api("/sessions/s1"),
                         {CannedResponse::json(200, R"({"id":"s1","status":"deleted"})"),
                          CannedResponse::json(404, R"({"error":"session s1 not found"})")});
        Catcher<QString> c;
        m_client->deleteSession(QStringLiteral("s1"), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QVERIFY2(c.result()->ok(), qPrintable(c.error().message));
        QCOMPARE(c.result()->value, QStringLiteral("deleted"));
        QCOMPARE(m_server->requests().first().header("Authorization"),
                 QByteArray("Bearer ") + kKey);

        Catcher<QString> again;
        m_client->deleteSession(QStringLiteral("s1"), again.fn());
        QTRY_VERIFY_WITH_TIMEOUT(again.result().has_value(), kWait);
        QCOMPARE(again.error().message,
                 QStringLiteral("Deleting the session failed: session s1 not found (HTTP 404)."));
    }

    void touchSessionStopsAtTheHeaders()
    {
        // The stream stays open; the call must not wait for it to end.
        m_server->script("GET", api("/sessions/s1/events"), {CannedResponse::eventStream(200)});
        Catcher<bool> c;
        m_client->touchSession(QStringLiteral("s1"), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QVERIFY2(c.result()->ok(), qPrintable(c.error().message));
        QCOMPARE(c.result()->value, true);
        QCOMPARE(c.calls(), 1);
        const CannedRequest &r = m_server->requests().first();
        QCOMPARE(r.header("Accept"), QByteArray("text/event-stream"));
        QCOMPARE(r.header("Authorization"), QByteArray("Bearer ") + kKey);
    }

    void touchSessionRejected()
    {
        m_server->script("GET", api("/sessions/s1/events"),
                         {CannedResponse::json(401, R"({"error":"unauthorized"})")});
        Catcher<bool> c;
        m_client->touchSession(QStringLiteral("s1"), c.fn());
        QTRY_VERIFY_WITH_TIMEOUT(c.result().has_value(), kWait);
        QCOMPARE(
            c.error().message,
            QStringLiteral("Refreshing the session failed: master key rejected by %1 (HTTP 401).")
                .arg(m_base));
    }
};

QTEST_GUILESS_MAIN(TestPlatformClient)
#include "tst_platformclient.moc"
