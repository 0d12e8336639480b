// SPDX-License-Identifier: GPL-2.0-or-later
// platformrequests.h without a network: each REST call's verb, URL, body, headers and the words
// its errors start with, and the errors of a request that cannot be made.
#include "platformrequests.h"

#include <QtTest>

using namespace lap;

namespace {

PlatformConfig config(const QString &base, const QString &key = QStringLiteral("sk-master"))
{
    PlatformConfig c;
    c.baseUrl = QUrl(base);
    c.masterKey = key;
    c.requestTimeoutMs = 5000;
    return c;
}

QString urlOf(const PlatformRequest &r, const QString &base = QStringLiteral("https://h/lap/"))
{
    return platformRequestUrl(QUrl(base), r).toString(QUrl::FullyEncoded);
}

} // namespace

Q_DECLARE_METATYPE(lap::PlatformRequest)

class TstPlatformRequests : public QObject
{
    Q_OBJECT
private slots:
    void requests_data()
    {
        QTest::addColumn<PlatformRequest>("request");
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path"); // after https://h/lap/api/v1/managed_agents
        QTest::addColumn<QByteArray>("accept");
        QTest::addColumn<QString>("action");
        const QByteArray json = QByteArrayLiteral("application/json");
        AgentQuery q;
        q.search = QStringLiteral("c++ & co=1");
        q.limit = 500;
        q.offset = -3;
        QTest::newRow("list agents")
            << listAgentsRequest(q) << QByteArray("GET")
            << QStringLiteral("/agents?limit=200&offset=0&search=c%2B%2B%20%26%20co%3D1") << json
            << QStringLiteral("Listing agents");
        QTest::newRow("agent page")
            << agentPageRequest(QStringLiteral("coder"), 400, QStringLiteral("Looking"))
            << QByteArray("GET") << QStringLiteral("/agents?limit=200&offset=400&search=coder")
            << json << QStringLiteral("Looking");
        QTest::newRow("get agent")
            << getAgentRequest(QStringLiteral("a/1")) << QByteArray("GET")
            << QStringLiteral("/agents/a%2F1") << json << QStringLiteral("Looking up the agent");
        QTest::newRow("create session")
            << createSessionRequest(QStringLiteral("a1"), QStringLiteral("lap-desktop"))
            << QByteArray("POST") << QStringLiteral("/agents/a1/session") << json
            << QStringLiteral("Creating the session");
        QTest::newRow("get session")
            << getSessionRequest(QStringLiteral("s 1")) << QByteArray("GET")
            << QStringLiteral("/sessions/s%201") << json << QStringLiteral("Fetching the session");
        QTest::newRow("poll session")
            << getSessionRequest(QStringLiteral("s1"), QStringLiteral("Checking the session"))
            << QByteArray("GET") << QStringLiteral("/sessions/s1") << json
            << QStringLiteral("Checking the session");
        QTest::newRow("list sessions")
            << listSessionsRequest(QStringLiteral("a1"), 900) << QByteArray("GET")
            << QStringLiteral("/sessions?agent_id=a1&limit=200") << json
            << QStringLiteral("Listing sessions");
        QTest::newRow("list all sessions")
            << listSessionsRequest(QString(), 0) << QByteArray("GET") << QStringLiteral("/sessions")
            << json << QStringLiteral("Listing sessions");
        QTest::newRow("delete session")
            << deleteSessionRequest(QStringLiteral("s1")) << QByteArray("DELETE")
            << QStringLiteral("/sessions/s1") << json << QStringLiteral("Deleting the session");
        QTest::newRow("touch session")
            << touchSessionRequest(QStringLiteral("s1")) << QByteArray("GET")
            << QStringLiteral("/sessions/s1/events") << QByteArray("text/event-stream")
            << QStringLiteral("Refreshing the session");
    }
    void requests()
    {
        QFETCH(PlatformRequest, request);
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(QByteArray, accept);
        QFETCH(QString, action);
        QCOMPARE(request.verb, verb);
        QCOMPARE(urlOf(request), QStringLiteral("https://h/lap/api/v1/managed_agents") + path);
        QCOMPARE(request.accept, accept);
        QCOMPARE(request.action, action);
    }
    void requestFields()
    {
        const PlatformRequest c = createSessionRequest(QStringLiteral("a1"), QStringLiteral("t"));
        QCOMPARE(c.verb, QByteArray("POST"));
        QCOMPARE(c.body, QByteArray(R"({"title":"t"})"));
        QCOMPARE(c.action, QStringLiteral("Creating the session"));
        const PlatformRequest e = createSessionRequest(QStringLiteral("a1"), QString());
        QVERIFY(!e.body.isNull());
        QVERIFY(e.body.isEmpty());
        const PlatformRequest d = deleteSessionRequest(QStringLiteral("s1"));
        QCOMPARE(d.verb, QByteArray("DELETE"));
        QVERIFY(d.body.isNull());
        QCOMPARE(d.action, QStringLiteral("Deleting the session"));
        const PlatformRequest t = touchSessionRequest(QStringLiteral("s1"));
        QCOMPARE(t.accept, QByteArray("text/event-stream"));
        QCOMPARE(t.action, QStringLiteral("Refreshing the session"));
        QCOMPARE(getSessionRequest(QStringLiteral("s1")).action,
                 QStringLiteral("Fetching the session"));
        QCOMPARE(listSessionsRequest(QString(), 0).query.size(), 0);
        QCOMPARE(listAgentsRequest(AgentQuery()).action, QStringLiteral("Listing agents"));
        QCOMPARE(getAgentRequest(QStringLiteral("a1")).action,
                 QStringLiteral("Looking up the agent"));
    }

    void networkRequestHeaders()
    {
        const Result<QNetworkRequest> r =
            networkRequest(config(QStringLiteral("https://lap.example.com")),
                           createSessionRequest(QStringLiteral("a1"), QStringLiteral("t")));
        QVERIFY(r.ok());
        const QNetworkRequest &req = r.value;
        QCOMPARE(req.url().toString(),
                 QStringLiteral("https://lap.example.com/api/v1/managed_agents/agents/a1/session"));
        QCOMPARE(req.rawHeader("Authorization"), QByteArray("Bearer sk-master"));
        QCOMPARE(req.rawHeader("Accept"), QByteArray("application/json"));
        QCOMPARE(req.header(QNetworkRequest::ContentTypeHeader).toString(),
                 QStringLiteral("application/json"));
        QVERIFY(req.header(QNetworkRequest::UserAgentHeader)
                    .toString()
                    .startsWith(QLatin1String("lap-desktop/")));
        QCOMPARE(req.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
                 int(QNetworkRequest::SameOriginRedirectPolicy));
        QCOMPARE(req.transferTimeout(), 5000);
    }
    void networkRequestWithoutBodyHasNoContentType()
    {
        const Result<QNetworkRequest> r =
            networkRequest(config(QStringLiteral("https://lap.example.com")),
                           getSessionRequest(QStringLiteral("s1")));
        QVERIFY(r.ok());
        QVERIFY(!r.value.header(QNetworkRequest::ContentTypeHeader).isValid());
    }
    void keyGoesOnlyToItsOrigin()
    {
        PlatformConfig c = config(QStringLiteral("https://other.example"));
        c.keyHome = QUrl(QStringLiteral("https://lap.example.com"));
        const Result<QNetworkRequest> r =
            networkRequest(c, getSessionRequest(QStringLiteral("s1")));
        QVERIFY(r.ok());
        QVERIFY(!r.value.hasRawHeader("Authorization"));
        c.keyHome = QUrl(QStringLiteral("https://other.example:443"));
        QCOMPARE(networkRequest(c, getSessionRequest(QStringLiteral("s1")))
                     .value.rawHeader("Authorization"),
                 QByteArray("Bearer sk-master"));
    }
    void userInfoAndFragmentAreDropped()
    {
        QCOMPARE(urlOf(getSessionRequest(QStringLiteral("s1")),
                       QStringLiteral("https://me:pw@h/lap//#frag")),
                 QStringLiteral("https://h/lap/api/v1/managed_agents/sessions/s1"));
    }

    void noPlatformUrl_data()
    {
        QTest::addColumn<QString>("base");
        QTest::newRow("empty") << QString();
        QTest::newRow("ws") << QStringLiteral("ws://lap.example.com");
        QTest::newRow("no host") << QStringLiteral("http:///x");
    }
    void noPlatformUrl()
    {
        QFETCH(QString, base);
        const Result<QNetworkRequest> r =
            networkRequest(config(base), getAgentRequest(QStringLiteral("a1")));
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error.kind), int(LapError::Kind::Config));
        QCOMPARE(r.error.message,
                 QStringLiteral("Looking up the agent failed: no platform URL is set."));
        QCOMPARE(r.error.hint, QStringLiteral("Sign in with the platform URL and master key."));
    }
    void unreadableCaFile()
    {
        PlatformConfig c = config(QStringLiteral("https://127.0.0.1:9"));
        c.caFile = QStringLiteral("/nonexistent/ca.pem");
        const Result<QNetworkRequest> r =
            networkRequest(c, getSessionRequest(QStringLiteral("s1")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error.message,
                 QStringLiteral("Fetching the session failed: no CA certificate could be read from "
                                "/nonexistent/ca.pem."));
        QCOMPARE(
            r.error.hint,
            QStringLiteral("Choose a PEM file with the platform's CA certificate in Settings."));
    }
};

QTEST_GUILESS_MAIN(TstPlatformRequests)
#include "tst_platformrequests.moc"
