// SPDX-License-Identifier: GPL-2.0-or-later
// Hostile servers on every REST route: invalid JSON, wrong types, nulls, 10 MB
// bodies, bodies that never finish, slow drip, cross-origin redirects, proxy HTML pages, 429 and
// 503 with Retry-After. Real sockets (tests/core/cannedhttpserver.h), one test per case, each
// run against every route the client uses, each asserting the exact sentence the user reads.
#include "cannedhttpserver.h"
#include "laptest.h"
#include "platformclient.h"
#include "sessionopener.h"

#include <QTimeZone>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace lap;
using laptest::CannedHttpServer;
using laptest::CannedRequest;
using laptest::CannedResponse;
using laptest::LoopProbe;

// moc (Qt 5) does not know raw strings: JSON with "//" or a lone quote is written plainly.

namespace {

const char kKey[] = "sk-hostile-master-key-0123456789";
const int kWait = 20000;
using laptest::api;
using laptest::kAgentUuid;
using laptest::kSessionUuid;

enum Route
{
    ListAgents,
    GetAgent,
    CreateSession,
    GetSession,
    ListSessions,
    DeleteSession,
    TouchSession
};

struct RouteInfo
{
    QByteArray method;
    QByteArray path;
    QString action;
};

RouteInfo routeInfo(int route)
{
    const QByteArray agent = QByteArray("/agents/") + kAgentUuid;
    const QByteArray session = QByteArray("/sessions/") + kSessionUuid;
    switch (route) {
    case ListAgents:
        return {"GET", api("/agents"), QStringLiteral("Listing agents")};
    case GetAgent:
        return {"GET", api(agent), QStringLiteral("Looking up the agent")};
    case CreateSession:
        return {"POST", api(agent + "/session"), QStringLiteral("Creating the session")};
    case GetSession:
        return {"GET", api(session), QStringLiteral("Fetching the session")};
    case ListSessions:
        return {"GET", api("/sessions"), QStringLiteral("Listing sessions")};
    case DeleteSession:
        return {"DELETE", api(session), QStringLiteral("Deleting the session")};
    case TouchSession:
        return {"GET", api(session + "/events"), QStringLiteral("Refreshing the session")};
    }
    return {};
}

// Every route whose 2xx body is read as JSON (touchSession stops at the headers).
const int kJsonRoutes[] = {ListAgents, GetAgent,     CreateSession,
                           GetSession, ListSessions, DeleteSession};
const char *const kRouteNames[] = {"list agents",  "get agent",     "create session",
                                   "get session",  "list sessions", "delete session",
                                   "touch session"};

void addJsonRoutes()
{
    QTest::addColumn<int>("route");
    for (int r : kJsonRoutes)
        QTest::newRow(kRouteNames[r]) << r;
}

void addAllRoutes()
{
    addJsonRoutes();
    QTest::newRow(kRouteNames[TouchSession]) << int(TouchSession);
}

// What one call ended with.
struct Outcome
{
    bool done = false;
    bool ok = false;
    LapError error;
};

QByteArray htmlPage(const char *title, const char *heading)
{
    return QByteArray("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>") + title +
           "</title><style>body{font-family:sans-serif}</style></head>\n<body><h1>" + heading +
           "</h1><hr><center>nginx/1.25.3</center>\n<script>var a = '<b>x</b>';</script>"
           "</body></html>\n";
}

} // namespace

class TestHostileRest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CannedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<PlatformClient> m_client;
    QString m_base;

    void setTimeout(int ms)
    {
        PlatformConfig c = m_client->config();
        c.requestTimeoutMs = ms;
        m_client->setConfig(c);
    }

    // Starts one call of `route`; the outcome fills in from the event loop.
    std::shared_ptr<Outcome> start(int route)
    {
        auto o = std::make_shared<Outcome>();
        auto finish = [o](const LapError &e) {
            o->error = e;
            o->ok = !e.isError();
            o->done = true;
        };
        const QString agent = QLatin1String(kAgentUuid);
        const QString session = QLatin1String(kSessionUuid);
        switch (route) {
        case ListAgents:
            m_client->listAgents(AgentQuery{},
                                 [finish](const Result<AgentPage> &r) { finish(r.error); });
            break;
        case GetAgent:
            m_client->getAgent(agent, [finish](const Result<Agent> &r) { finish(r.error); });
            break;
        case CreateSession:
            m_client->createSession(agent, QStringLiteral("lap-desktop"),
                                    [finish](const Result<Session> &r) { finish(r.error); });
            break;
        case GetSession:
            m_client->getSession(session, [finish](const Result<Session> &r) { finish(r.error); });
            break;
        case ListSessions:
            m_client->listSessions(QString(), 0,
                                   [finish](const Result<QList<Session>> &r) { finish(r.error); });
            break;
        case DeleteSession:
            m_client->deleteSession(session,
                                    [finish](const Result<QString> &r) { finish(r.error); });
            break;
        case TouchSession:
            m_client->touchSession(session, [finish](const Result<bool> &r) { finish(r.error); });
            break;
        }
        return o;
    }

    // Scripts `response` on `route`, runs the call and returns its error.
    LapError failWith(int route, const CannedResponse &response)
    {
        const RouteInfo info = routeInfo(route);
        m_server->script(info.method, info.path, {response});
        const auto o = start(route);
        if (!QTest::qWaitFor([&] { return o->done; }, kWait)) {
            QTest::qFail("the call never finished", __FILE__, __LINE__);
            return LapError(LapError::Kind::None, QStringLiteral("<no answer>"));
        }
        if (o->ok)
            return LapError(LapError::Kind::None, QStringLiteral("<succeeded>"));
        return o->error;
    }

    static void verifyNoKey(const LapError &e)
    {
        const QString key = QLatin1String(kKey);
        QVERIFY(!e.message.contains(key));
        QVERIFY(!e.hint.contains(key));
        QVERIFY(!e.detail.contains(key));
    }

    static QString protocolHint()
    {
        return QStringLiteral("Check that the platform URL points to a LiteLLM Agent Platform.");
    }

    QByteArray sessionRow(const char *status) const
    {
        return QByteArray("{\"id\":\"") + kSessionUuid + "\",\"agent_id\":\"" + kAgentUuid +
               "\",\"status\":\"" + status +
               "\",\"phase\":null,\"sandbox_url\":\"http:/"
               "/127.0.0.1:9/sbx\",\"tty_url\":null,\"tty_token\":\"harness-token\"}";
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<lap::LapError>();
        qRegisterMetaType<lap::Session>();
        qRegisterMetaType<lap::TtyTarget>();
        qRegisterMetaType<lap::Agent>();
    }

    void init()
    {
        m_server = std::make_unique<CannedHttpServer>();
        QVERIFY(m_server->start());
        m_base = m_server->baseUrl().toString();
        m_nam = std::make_unique<QNetworkAccessManager>();
        PlatformConfig c;
        c.baseUrl = m_server->baseUrl();
        c.masterKey = QLatin1String(kKey);
        c.requestTimeoutMs = kWait;
        m_client = std::make_unique<PlatformClient>(m_nam.get(), c);
    }

    void cleanup()
    {
        m_client.reset();
        m_nam.reset();
        m_server.reset();
    }

    // --- bodies that are not what the contract says -------------------------------------------

    void invalidJson_data() { addJsonRoutes(); }
    void invalidJson()
    {
        QFETCH(int, route);
        const LapError e =
            failWith(route, CannedResponse::json(200, "{\"data\": [{\"id\": \"a\", \"name\": "));
        QCOMPARE(e.kind, LapError::Kind::Protocol);
        QCOMPARE(e.message,
                 routeInfo(route).action +
                     QStringLiteral(" failed: the platform sent an unexpected reply "
                                    "(the reply is not JSON: unterminated object at offset "
                                    "30)."));
        QCOMPARE(e.hint, protocolHint());
    }

    void jsonOfTheWrongTypes_data()
    {
        QTest::addColumn<int>("route");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("why");
        // A number where a string id belongs, `data` as an object, a status that is a number...
        QTest::newRow("list agents: data is an object")
            << int(ListAgents) << QByteArray("{\"data\":{\"id\":\"a\"},\"total\":1}")
            << QStringLiteral("field 'data' should be an array");
        QTest::newRow("list agents: id is a number")
            << int(ListAgents) << QByteArray("{\"data\":[{\"id\":12345}],\"total\":1}")
            << QStringLiteral("field 'data[0].id' should be a string");
        QTest::newRow("list agents: total is a string")
            << int(ListAgents) << QByteArray("{\"data\":[],\"total\":\"many\"}")
            << QStringLiteral("field 'total' should be an integer");
        QTest::newRow("get agent: id is a number")
            << int(GetAgent) << QByteArray("{\"id\":6,\"name\":\"coder\"}")
            << QStringLiteral("field 'id' should be a string");
        QTest::newRow("get agent: supports_tui is a string")
            << int(GetAgent) << QByteArray("{\"id\":\"a\",\"supports_tui\":\"yes\"}")
            << QStringLiteral("field 'supports_tui' should be true or false");
        QTest::newRow("get agent: an array") << int(GetAgent) << QByteArray("[{\"id\":\"a\"}]")
                                             << QStringLiteral("the reply should be a JSON object");
        QTest::newRow("create session: status is a number")
            << int(CreateSession) << QByteArray("{\"id\":\"s\",\"status\":7}")
            << QStringLiteral("field 'status' should be a string");
        QTest::newRow("get session: tty_token is a number")
            << int(GetSession) << QByteArray("{\"id\":\"s\",\"status\":\"ready\",\"tty_token\":42}")
            << QStringLiteral("field 'tty_token' should be a string");
        QTest::newRow("get session: idle_timeout_ms is huge")
            << int(GetSession)
            << QByteArray("{\"id\":\"s\",\"status\":\"ready\",\"idle_timeout_ms\":1e300}")
            << QStringLiteral("field 'idle_timeout_ms' should be an integer");
        QTest::newRow("list sessions: wrapped in data")
            << int(ListSessions) << QByteArray("{\"data\":[]}")
            << QStringLiteral("the session list should be a JSON array");
        QTest::newRow("list sessions: row is a string")
            << int(ListSessions) << QByteArray("[\"s\"]")
            << QStringLiteral("field '[0]' should be an object");
        QTest::newRow("delete session: status is a number")
            << int(DeleteSession) << QByteArray("{\"id\":\"s\",\"status\":404}")
            << QStringLiteral("field 'status' should be a string");
    }
    void jsonOfTheWrongTypes()
    {
        QFETCH(int, route);
        QFETCH(QByteArray, body);
        QFETCH(QString, why);
        const LapError e = failWith(route, CannedResponse::json(200, body));
        QCOMPARE(e.kind, LapError::Kind::Protocol);
        QCOMPARE(e.message, routeInfo(route).action +
                                QStringLiteral(" failed: the platform sent an unexpected reply (") +
                                why + QStringLiteral(")."));
        QCOMPARE(e.hint, protocolHint());
    }

    void nullsEverywhere_data()
    {
        QTest::addColumn<int>("route");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("why");
        QTest::newRow("list agents")
            << int(ListAgents)
            << QByteArray("{\"data\":null,\"total\":null,\"limit\":null,\"offset\":null}")
            << QStringLiteral("field 'data' is missing");
        QTest::newRow("list agents: null row")
            << int(ListAgents) << QByteArray("{\"data\":[null],\"total\":null}")
            << QStringLiteral("field 'data[0]' should be an object");
        QTest::newRow("get agent")
            << int(GetAgent)
            << QByteArray("{\"id\":null,\"name\":null,\"harness_id\":null,\"supports_tui\":null}")
            << QStringLiteral("field 'id' is missing");
        QTest::newRow("create session")
            << int(CreateSession)
            << QByteArray("{\"id\":null,\"status\":null,\"phase\":null,\"tty_url\":null}")
            << QStringLiteral("field 'id' is missing");
        QTest::newRow("get session")
            << int(GetSession) << QByteArray("{\"id\":null,\"status\":null,\"tty_token\":null}")
            << QStringLiteral("field 'id' is missing");
        QTest::newRow("list sessions") << int(ListSessions) << QByteArray("[null,null]")
                                       << QStringLiteral("field '[0]' should be an object");
        QTest::newRow("delete session")
            << int(DeleteSession) << QByteArray("{\"id\":null,\"status\":null}")
            << QStringLiteral("field 'status' is missing");
    }
    void nullsEverywhere()
    {
        QFETCH(int, route);
        QFETCH(QByteArray, body);
        QFETCH(QString, why);
        const LapError e = failWith(route, CannedResponse::json(200, body));
        QCOMPARE(e.kind, LapError::Kind::Protocol);
        QCOMPARE(e.message, routeInfo(route).action +
                                QStringLiteral(" failed: the platform sent an unexpected reply (") +
                                why + QStringLiteral(")."));
    }

    // `status` missing from a session row: the opener decides on status only, so it must not
    // keep polling a row it cannot decide on until the give-up time.
    void statusMissingWhilePolling()
    {
        const QByteArray sessionPath = api(QByteArray("/sessions/") + kSessionUuid);
        m_server->scriptAgentAndCreate(kAgentUuid,
                                       CannedResponse::json(200, sessionRow("creating")));
        m_server->script("GET", sessionPath,
                         {CannedResponse::json(200, QByteArray("{\"id\":\"") + kSessionUuid +
                                                        "\",\"phase\":\"pod_pending\"}")});
        OpenOptions options;
        options.maxPollIntervalMs = 50;
        SessionOpener opener(m_client.get(), options);
        QSignalSpy failed(&opener, &SessionOpener::failed);
        QSignalSpy ready(&opener, &SessionOpener::ready);
        opener.open(QLatin1String(kAgentUuid));
        QVERIFY(failed.wait(kWait));
        QCOMPARE(ready.count(), 0);
        QCOMPARE(m_server->count("GET", sessionPath), 3); // three in a row, as any bad poll
        const LapError e = failed.first().at(0).value<LapError>();
        QCOMPARE(e.kind, LapError::Kind::Protocol);
        QCOMPARE(e.message, QStringLiteral("Checking the session failed: the platform sent an "
                                           "unexpected reply (field 'status' is missing)."));
        QCOMPARE(e.hint, protocolHint());
    }

    void statusMissingOnAttach()
    {
        m_server->script("GET", api(QByteArray("/sessions/") + kSessionUuid),
                         {CannedResponse::json(200, QByteArray("{\"id\":\"") + kSessionUuid +
                                                        "\",\"tty_url\":\"/x/tty\"}")});
        SessionOpener opener(m_client.get(), OpenOptions());
        QSignalSpy failed(&opener, &SessionOpener::failed);
        opener.attach(QLatin1String(kSessionUuid));
        QVERIFY(failed.wait(kWait));
        const LapError e = failed.first().at(0).value<LapError>();
        QCOMPARE(e.message, QStringLiteral("Fetching the session failed: the platform sent an "
                                           "unexpected reply (field 'status' is missing)."));
    }

    // --- bodies that are too big, never end, or trickle ---------------------------------------

    void tenMegabyteBody_data() { addJsonRoutes(); }
    void tenMegabyteBody()
    {
        QFETCH(int, route);
        // Valid JSON all the way: only the size is wrong.
        QByteArray body = "{\"data\":[],\"pad\":\"";
        body += QByteArray(10 * 1024 * 1024, 'x');
        body += "\"}";
        LoopProbe probe;
        QElapsedTimer clock;
        clock.start();
        const LapError e = failWith(route, CannedResponse::json(200, body));
        qInfo("10 MB body: failed after %lld ms, longest event-loop stall %lld ms of CPU", clock.elapsed(),
              probe.longestStallMs());
        QCOMPARE(e.kind, LapError::Kind::Protocol);
        QCOMPARE(e.message, routeInfo(route).action +
                                QStringLiteral(" failed: the reply from %1 is larger than 8 MB, so "
                                               "it was not read.")
                                    .arg(m_base));
        QCOMPARE(e.hint, protocolHint());
        // Generous: what matters is that the loop kept turning, not how fast this machine is.
        QVERIFY2(probe.longestStallMs() < 5000, "the event loop was blocked");
    }

    // The same without Content-Length: the size is only known while it arrives.
    void tenMegabyteChunkedBody_data() { addJsonRoutes(); }
    void tenMegabyteChunkedBody()
    {
        QFETCH(int, route);
        CannedResponse r = CannedResponse::json(200, QByteArray(10 * 1024 * 1024, ' ') + "{}");
        r.chunked = true;
        const LapError e = failWith(route, r);
        QCOMPARE(e.message, routeInfo(route).action +
                                QStringLiteral(" failed: the reply from %1 is larger than 8 MB, so "
                                               "it was not read.")
                                    .arg(m_base));
    }

    // Headers and a Content-Length, then a few bytes of the body and silence.
    void bodyThatNeverFinishes_data() { addJsonRoutes(); }
    void bodyThatNeverFinishes()
    {
        QFETCH(int, route);
        setTimeout(1000);
        CannedResponse r = CannedResponse::json(200, sessionRow("ready"));
        r.partialBytes = 10;
        const LapError e = failWith(route, r);
        QCOMPARE(e.kind, LapError::Kind::Timeout);
        QCOMPARE(e.message,
                 routeInfo(route).action +
                     QStringLiteral(" failed: %1 stopped sending its reply (nothing more for 1 s).")
                         .arg(m_base));
        QCOMPARE(e.hint, QStringLiteral(
                             "The platform or a proxy in between may be overloaded; try again."));
    }

    // No answer at all (the request is read, nothing comes back).
    void noAnswerAtAll_data() { addAllRoutes(); }
    void noAnswerAtAll()
    {
        QFETCH(int, route);
        setTimeout(1000);
        const LapError e = failWith(route, CannedResponse::stalled());
        QCOMPARE(e.kind, LapError::Kind::Timeout);
        QCOMPARE(e.message,
                 routeInfo(route).action +
                     QStringLiteral(" failed: %1 did not answer within 1 s.").arg(m_base));
    }

    // The headers one byte every 20 ms: Qt's transfer timeout counts only body progress, so
    // the call ends as "no answer" after 0.5 s.
    void slowDripOfTheHeaders_data() { addAllRoutes(); }
    void slowDripOfTheHeaders()
    {
        QFETCH(int, route);
        setTimeout(500);
        CannedResponse r = CannedResponse::json(200, sessionRow("ready"));
        r.dripMs = 20;
        const LapError e = failWith(route, r);
        QCOMPARE(e.kind, LapError::Kind::Timeout);
        QCOMPARE(e.message,
                 routeInfo(route).action +
                     QStringLiteral(" failed: %1 did not answer within 0.5 s.").arg(m_base));
    }

    // The body one byte every 20 ms: the transfer timeout (no progress for 0.5 s) never fires,
    // the whole-reply deadline (4 × 0.5 s) does.
    void slowDripOfTheBody_data() { addJsonRoutes(); }
    void slowDripOfTheBody()
    {
        QFETCH(int, route);
        setTimeout(500);
        CannedResponse r = CannedResponse::json(200, sessionRow("ready"));
        r.dripMs = 20;
        r.dripBodyOnly = true;
        QElapsedTimer clock;
        clock.start();
        const LapError e = failWith(route, r);
        QCOMPARE(e.kind, LapError::Kind::Timeout);
        QCOMPARE(
            e.message,
            routeInfo(route).action +
                QStringLiteral(" failed: %1 sent its reply too slowly (not complete after 2 s).")
                    .arg(m_base));
        QCOMPARE(e.hint, QStringLiteral(
                             "The platform or a proxy in between may be overloaded; try again."));
        QVERIFY(clock.elapsed() >= 1800); // QTimer may fire 5 % early
    }

    // --- redirects, proxies, rate limits -------------------------------------------------------

    // A redirect to another host: Qt must not follow it, and the key must not travel there.
    void redirectToAnotherHost_data() { addAllRoutes(); }
    void redirectToAnotherHost()
    {
        QFETCH(int, route);
        CannedHttpServer other; // another port is another origin
        QVERIFY(other.start());
        const RouteInfo info = routeInfo(route);
        other.script(info.method, info.path, {CannedResponse::json(200, sessionRow("ready"))});
        const LapError e =
            failWith(route, CannedResponse::redirect(307, other.baseUrl().toEncoded() + info.path));
        QCOMPARE(other.requests().size(), 0);
        QCOMPARE(e.kind, LapError::Kind::Protocol);
        QCOMPARE(e.message, info.action + QStringLiteral(" failed: %1 redirected to another site "
                                                         "(%2); the master key was not sent there.")
                                              .arg(m_base, other.baseUrl().toString()));
        verifyNoKey(e);
        // The request that did go out went to the platform, with the key.
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().header("Authorization"),
                 QByteArray("Bearer ") + kKey);
    }

    // A load balancer's or proxy's own error page in front of the platform.
    void htmlErrorPageFromProxy_data() { addAllRoutes(); }
    void htmlErrorPageFromProxy()
    {
        QFETCH(int, route);
        CannedResponse r;
        r.status = 502;
        r.body = htmlPage("502 Bad Gateway", "502 Bad Gateway");
        r.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("text/html; charset=utf-8")));
        const LapError e = failWith(route, r);
        QCOMPARE(e.kind, LapError::Kind::Server);
        QCOMPARE(e.message,
                 routeInfo(route).action +
                     QStringLiteral(" failed: server error (HTTP 502): 502 Bad Gateway"));
        QCOMPARE(e.hint, QStringLiteral("The platform had a problem; try again in a moment."));
        QCOMPARE(e.httpStatus, 502);
    }

    // A captive portal or SSO proxy answering 200 with its login page.
    void htmlPageInsteadOfJson_data() { addJsonRoutes(); }
    void htmlPageInsteadOfJson()
    {
        QFETCH(int, route);
        CannedResponse r;
        r.status = 200;
        r.body = htmlPage("Sign in to Guest Wi-Fi &amp; more", "Welcome");
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/html")));
        const LapError e = failWith(route, r);
        QCOMPARE(e.kind, LapError::Kind::Protocol);
        QCOMPARE(e.message, routeInfo(route).action +
                                QStringLiteral(" failed: the platform sent an unexpected reply (an "
                                               "HTML page instead of JSON: Sign in to Guest Wi-Fi "
                                               "& more)."));
        QCOMPARE(e.hint, protocolHint());
    }

    void tooManyRequestsWithRetryAfter_data() { addAllRoutes(); }
    void tooManyRequestsWithRetryAfter()
    {
        QFETCH(int, route);
        CannedResponse r = CannedResponse::json(429, "{\"error\":\"rate limited\"}");
        r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("7")));
        const LapError e = failWith(route, r);
        QCOMPARE(e.kind, LapError::Kind::Server);
        QCOMPARE(e.message, routeInfo(route).action +
                                QStringLiteral(" failed: %1 is limiting the rate of requests "
                                               "(HTTP 429).")
                                    .arg(m_base));
        QCOMPARE(e.hint, QStringLiteral("Wait 7 s and try again."));
        QCOMPARE(e.retryAfterMs, 7000);
        QCOMPARE(e.httpStatus, 429);
    }

    void serviceUnavailableWithRetryAfter_data() { addAllRoutes(); }
    void serviceUnavailableWithRetryAfter()
    {
        QFETCH(int, route);
        CannedResponse r = CannedResponse::json(503, "{\"error\":\"platform is restarting\"}");
        // An HTTP date 20 s ahead, the other form Retry-After takes.
        const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(20);
        const QByteArray date =
            QLocale::c().toString(when, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1();
        r.headers.append(qMakePair(QByteArray("Retry-After"), date + " GMT"));
        const LapError e = failWith(route, r);
        QCOMPARE(e.kind, LapError::Kind::Server);
        QCOMPARE(e.message,
                 routeInfo(route).action +
                     QStringLiteral(" failed: server error (HTTP 503): platform is restarting"));
        QVERIFY2(e.retryAfterMs > 15000 && e.retryAfterMs <= 20000,
                 qPrintable(QString::number(e.retryAfterMs)));
    }

    void retryAfterValues_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("ms");
        QTest::newRow("seconds") << QByteArray("120") << 120000;
        QTest::newRow("padded") << QByteArray(" 3 ") << 3000;
        QTest::newRow("zero") << QByteArray("0") << 0;
        QTest::newRow("negative") << QByteArray("-5") << 0;
        QTest::newRow("garbage") << QByteArray("soon") << 0;
        QTest::newRow("fraction") << QByteArray("1.5") << 0;
        QTest::newRow("huge is capped at an hour") << QByteArray("99999999999") << 3600000;
        QTest::newRow("date") << QByteArray("Wed, 21 Oct 2026 07:28:10 GMT") << 10000;
        QTest::newRow("date with offset") << QByteArray("Wed, 21 Oct 2026 09:28:10 +0200") << 10000;
        QTest::newRow("date in the past") << QByteArray("Wed, 21 Oct 2026 07:27:00 GMT") << 0;
        QTest::newRow("empty") << QByteArray() << 0;
    }
    void retryAfterValues()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, ms);
        const QDateTime now(QDate(2026, 10, 21), QTime(7, 28, 0), QTimeZone::utc());
        QCOMPARE(retryAfterMs(value, now), ms);
    }

    // The poll honours Retry-After: it waits as asked, and such answers do not count towards
    // the three-failures-in-a-row limit.
    void pollHonoursRetryAfter()
    {
        const QByteArray sessionPath = api(QByteArray("/sessions/") + kSessionUuid);
        m_server->scriptAgentAndCreate(kAgentUuid,
                                       CannedResponse::json(200, sessionRow("creating")));
        CannedResponse limited = CannedResponse::json(429, "{\"error\":\"slow down\"}");
        limited.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
        CannedResponse busy = CannedResponse::json(503, "{\"error\":\"busy\"}");
        busy.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
        m_server->script(
            "GET", sessionPath,
            {limited, busy, limited, busy, CannedResponse::json(200, sessionRow("ready"))});
        OpenOptions options;
        options.maxPollIntervalMs = 50;
        SessionOpener opener(m_client.get(), options);
        QSignalSpy failed(&opener, &SessionOpener::failed);
        QSignalSpy ready(&opener, &SessionOpener::ready);
        opener.open(QLatin1String(kAgentUuid));
        QVERIFY(ready.wait(kWait));
        QCOMPARE(failed.count(), 0);
        const QList<CannedRequest> polls = m_server->requestsTo("GET", sessionPath);
        QCOMPARE(polls.size(), 5);
        for (int i = 1; i < polls.size(); ++i) {
            const qint64 gap = polls.at(i).atMs - polls.at(i - 1).atMs;
            QVERIFY2(gap >= 900, // QTimer may fire 5 % early
                     qPrintable(QStringLiteral("poll %1 after %2 ms").arg(i).arg(gap)));
        }
    }

    // A Retry-After of a day does not make the opener wait a day: the give-up time ends it.
    void pollRetryAfterIsBoundedByTheGiveUpTime()
    {
        const QByteArray sessionPath = api(QByteArray("/sessions/") + kSessionUuid);
        m_server->scriptAgentAndCreate(kAgentUuid,
                                       CannedResponse::json(200, sessionRow("creating")));
        CannedResponse limited = CannedResponse::json(429, "{\"error\":\"come back tomorrow\"}");
        limited.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("86400")));
        m_server->script("GET", sessionPath, {limited});
        OpenOptions options;
        options.giveUpMs = 2000;
        SessionOpener opener(m_client.get(), options);
        QSignalSpy failed(&opener, &SessionOpener::failed);
        QElapsedTimer clock;
        clock.start();
        opener.open(QLatin1String(kAgentUuid));
        QVERIFY(failed.wait(kWait));
        QVERIFY(clock.elapsed() < 10000);
        const LapError e = failed.first().at(0).value<LapError>();
        QCOMPARE(e.kind, LapError::Kind::StartTimeout);
        QCOMPARE(e.message, QStringLiteral("The session did not become ready within 2 s (last "
                                           "phase: none)."));
    }
};

QTEST_GUILESS_MAIN(TestHostileRest)
#include "tst_hostile_rest.moc"
