// SPDX-License-Identifier: GPL-2.0-or-later
// TtyEndpoint: docs/platform-api.md §6 URL choice, token transport, §10 row 13 and row 21.
#include "ttyendpoint.h"

#include <QUrlQuery>
#include <QtTest>

using namespace lap;

namespace {

const QString kId = QStringLiteral("3f2b8c1e-7a4d-4e1b-9c2a-0d5e6f7a8b9c");
const QString kRowHint = QStringLiteral("Upgrade the platform, or set a TTY fallback URL "
                                        "(ws://host:port/tty) in Settings or in LAP_TTY_FALLBACK.");

Session session(const QString &ttyUrl, const QString &sandboxUrl, const QString &token = {})
{
    // Assigned directly: the test must not depend on Session::fromJson.
    Session s;
    s.id = kId;
    s.status = QStringLiteral("ready");
    s.ttyUrl = ttyUrl;
    s.sandboxUrl = sandboxUrl;
    s.ttyToken = token;
    return s;
}

QString derived(const Session &s, const QString &base, const TtyOverrides &o = {})
{
    const Result<TtyTarget> r = deriveTtyTarget(s, QUrl(base), o);
    if (!r.ok())
        return QStringLiteral("ERROR: ") + r.error.message;
    return r.value.url.toString(QUrl::FullyEncoded);
}

} // namespace

class TstTtyEndpoint : public QObject
{
    Q_OBJECT
private slots:
    void ttyUrl_data();
    void ttyUrl();
    void sandboxUrl_data();
    void sandboxUrl();
    void ttyUrlWinsOverSandboxUrl();
    void fallbackWhenInCluster();
    void fallbackWhenNothing();
    void fallbackHttpIsRewritten();
    void fallbackGarbageIsAnError();
    void errorInCluster();
    void errorNeither();
    void relativeTtyUrlWithoutBaseFallsThrough();
    void tokenPrecedence();
    void urlWithToken_data();
    void urlWithToken();
    void oddTokenRoundTrips();
    void requestCarriesHeaderAndQuery();
    void requestWithoutToken();
    void overridesFromEnvironment();
    void resumeAccepts_data();
    void resumeAccepts();
    void resumeRejects_data();
    void resumeRejects();
};

void TstTtyEndpoint::ttyUrl_data()
{
    QTest::addColumn<QString>("ttyUrl");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("expected");
    const QString path =
        QStringLiteral("/api/v1/managed_agents/sessions/") + kId + QStringLiteral("/tty");

    QTest::newRow("ws verbatim") << QStringLiteral("ws://proxy.example:3000/x/tty?a=1")
                                 << QStringLiteral("https://lap.x")
                                 << QStringLiteral("ws://proxy.example:3000/x/tty?a=1");
    QTest::newRow("wss verbatim") << QStringLiteral("wss://proxy.example/tty")
                                  << QStringLiteral("http://ignored")
                                  << QStringLiteral("wss://proxy.example/tty");
    QTest::newRow("http -> ws") << QStringLiteral("http://10.1.2.3:4096/tty")
                                << QStringLiteral("https://lap.x")
                                << QStringLiteral("ws://10.1.2.3:4096/tty");
    QTest::newRow("https -> wss") << QStringLiteral("https://lap.x/tty")
                                  << QStringLiteral("http://ignored")
                                  << QStringLiteral("wss://lap.x/tty");
    QTest::newRow("path on https base")
        << path << QStringLiteral("https://lap.x") << QStringLiteral("wss://lap.x") + path;
    QTest::newRow("path on http base with port") << path << QStringLiteral("http://127.0.0.1:3000")
                                                 << QStringLiteral("ws://127.0.0.1:3000") + path;
    QTest::newRow("leading slash ensured")
        << path.mid(1) << QStringLiteral("https://lap.x") << QStringLiteral("wss://lap.x") + path;
    QTest::newRow("base prefix kept, trailing slash stripped")
        << path << QStringLiteral("https://host.example/lap/")
        << QStringLiteral("wss://host.example/lap") + path;
    QTest::newRow("base query dropped") << path << QStringLiteral("https://lap.x/?q=1#frag")
                                        << QStringLiteral("wss://lap.x") + path;
}

void TstTtyEndpoint::ttyUrl()
{
    QFETCH(QString, ttyUrl);
    QFETCH(QString, base);
    QFETCH(QString, expected);
    const Session s = session(ttyUrl, QStringLiteral("http://sandbox.local:4096"));
    const Result<TtyTarget> r = deriveTtyTarget(s, QUrl(base), {});
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.value.url.toString(QUrl::FullyEncoded), expected);
    QCOMPARE(r.value.usedFallback, false);
}

void TstTtyEndpoint::sandboxUrl_data()
{
    QTest::addColumn<QString>("sandboxUrl");
    QTest::addColumn<QString>("expected");
    QTest::newRow("http") << QStringLiteral("http://10.0.0.5:4096")
                          << QStringLiteral("ws://10.0.0.5:4096/tty");
    QTest::newRow("trailing slash")
        << QStringLiteral("http://10.0.0.5:4096/") << QStringLiteral("ws://10.0.0.5:4096/tty");
    QTest::newRow("several trailing slashes") << QStringLiteral("http://node.example:31000//")
                                              << QStringLiteral("ws://node.example:31000/tty");
    QTest::newRow("https") << QStringLiteral("https://pod.example/")
                           << QStringLiteral("wss://pod.example/tty");
    QTest::newRow("with path") << QStringLiteral("http://127.0.0.1:8080/sb/1/")
                               << QStringLiteral("ws://127.0.0.1:8080/sb/1/tty");
}

void TstTtyEndpoint::sandboxUrl()
{
    QFETCH(QString, sandboxUrl);
    QFETCH(QString, expected);
    QCOMPARE(derived(session({}, sandboxUrl), QStringLiteral("https://lap.x")), expected);
}

void TstTtyEndpoint::ttyUrlWinsOverSandboxUrl()
{
    const Session s = session(QStringLiteral("/api/v1/managed_agents/sessions/x/tty"),
                              QStringLiteral("http://10.0.0.5:4096"));
    QCOMPARE(derived(s, QStringLiteral("https://lap.x")),
             QStringLiteral("wss://lap.x/api/v1/managed_agents/sessions/x/tty"));
}

void TstTtyEndpoint::fallbackWhenInCluster()
{
    TtyOverrides o;
    o.fallbackUrl = QStringLiteral("ws://127.0.0.1:7681/tty");
    const Session s = session({}, QStringLiteral("http://sb-1.lap.svc.cluster.local:4096"));
    const Result<TtyTarget> r = deriveTtyTarget(s, QUrl(QStringLiteral("https://lap.x")), o);
    QVERIFY(r.ok());
    QCOMPARE(r.value.url.toString(), QStringLiteral("ws://127.0.0.1:7681/tty"));
    QCOMPARE(r.value.usedFallback, true);
}

void TstTtyEndpoint::fallbackWhenNothing()
{
    TtyOverrides o;
    o.fallbackUrl = QStringLiteral("  wss://tunnel.example/t/tty?x=y  ");
    const Result<TtyTarget> r = deriveTtyTarget(session({}, {}), QUrl(), o);
    QVERIFY(r.ok());
    QCOMPARE(r.value.url.toString(), QStringLiteral("wss://tunnel.example/t/tty?x=y"));
    QCOMPARE(r.value.usedFallback, true);
}

void TstTtyEndpoint::fallbackHttpIsRewritten()
{
    TtyOverrides o;
    o.fallbackUrl = QStringLiteral("http://127.0.0.1:9/tty");
    const Result<TtyTarget> r = deriveTtyTarget(session({}, {}), QUrl(), o);
    QVERIFY(r.ok());
    QCOMPARE(r.value.url.toString(), QStringLiteral("ws://127.0.0.1:9/tty"));
}

void TstTtyEndpoint::fallbackGarbageIsAnError()
{
    TtyOverrides o;
    o.fallbackUrl = QStringLiteral("localhost:9/tty?token=hunter2");
    const Result<TtyTarget> r = deriveTtyTarget(session({}, {}), QUrl(), o);
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, LapError::Kind::NoTtyUrl);
    QCOMPARE(
        r.error.message,
        QStringLiteral("The TTY fallback URL 'localhost:9/tty' is not a ws:// or wss:// URL."));
    QCOMPARE(r.error.hint, QStringLiteral("Set it to ws://host:port/tty."));
    QVERIFY(!r.error.text().contains(QLatin1String("hunter2")));
}

void TstTtyEndpoint::errorInCluster()
{
    const Session s = session({}, QStringLiteral("http://sb-1.lap.svc.cluster.local:4096"));
    const Result<TtyTarget> r = deriveTtyTarget(s, QUrl(QStringLiteral("https://lap.x")), {});
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, LapError::Kind::NoTtyUrl);
    QCOMPARE(r.error.message,
             QStringLiteral("session.sandbox_url is in-cluster "
                            "(http://sb-1.lap.svc.cluster.local:4096) and the platform did not "
                            "return a tty_url."));
    QCOMPARE(r.error.hint, kRowHint);
}

void TstTtyEndpoint::errorNeither()
{
    const Result<TtyTarget> r =
        deriveTtyTarget(session({}, {}), QUrl(QStringLiteral("https://lap.x")), {});
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, LapError::Kind::NoTtyUrl);
    QCOMPARE(
        r.error.message,
        QStringLiteral("The platform returned neither a tty_url nor a reachable sandbox_url."));
    QCOMPARE(r.error.hint, kRowHint);
}

void TstTtyEndpoint::relativeTtyUrlWithoutBaseFallsThrough()
{
    const Session s =
        session(QStringLiteral("/api/v1/x/tty"), QStringLiteral("http://127.0.0.1:4096"));
    QCOMPARE(derived(s, QString()), QStringLiteral("ws://127.0.0.1:4096/tty"));
}

void TstTtyEndpoint::tokenPrecedence()
{
    TtyOverrides o;
    o.token = QStringLiteral("from-env");
    const QUrl base(QStringLiteral("http://127.0.0.1:3000"));
    const QString sb = QStringLiteral("http://127.0.0.1:4096");
    QCOMPARE(deriveTtyTarget(session({}, sb, QStringLiteral("from-row")), base, o).value.token,
             QStringLiteral("from-row"));
    QCOMPARE(deriveTtyTarget(session({}, sb), base, o).value.token, QStringLiteral("from-env"));
    QCOMPARE(deriveTtyTarget(session({}, sb), base, {}).value.token, QString());
}

void TstTtyEndpoint::urlWithToken_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no token, unchanged")
        << QStringLiteral("ws://h:1/tty?x=1") << QString() << QStringLiteral("ws://h:1/tty?x=1");
    QTest::newRow("plain") << QStringLiteral("ws://h:1/tty") << QStringLiteral("abc123")
                           << QStringLiteral("ws://h:1/tty?token=abc123");
    QTest::newRow("odd characters") << QStringLiteral("ws://h:1/tty") << QStringLiteral("a b&c=d/é")
                                    << QStringLiteral("ws://h:1/tty?token=a%20b%26c%3Dd%2F%C3%A9");
    QTest::newRow("plus and hash") << QStringLiteral("wss://h/tty") << QStringLiteral("a+b#c?d")
                                   << QStringLiteral("wss://h/tty?token=a%2Bb%23c%3Fd");
    QTest::newRow("merged with query")
        << QStringLiteral("ws://h:1/tty?cols=80&x=%2F") << QStringLiteral("t")
        << QStringLiteral("ws://h:1/tty?cols=80&x=%2F&token=t");
    QTest::newRow("empty query") << QStringLiteral("ws://h:1/tty?") << QStringLiteral("t")
                                 << QStringLiteral("ws://h:1/tty?token=t");
}

void TstTtyEndpoint::urlWithToken()
{
    QFETCH(QString, url);
    QFETCH(QString, token);
    QFETCH(QString, expected);
    TtyTarget t;
    t.url = QUrl(url);
    t.token = token;
    QCOMPARE(t.urlWithToken().toString(QUrl::FullyEncoded), expected);
    QCOMPARE(t.url.toString(QUrl::FullyEncoded), url); // the target itself stays token-free
}

void TstTtyEndpoint::oddTokenRoundTrips()
{
    // What a server's query parser reads back must be the token, byte for byte.
    TtyTarget t;
    t.url = QUrl(QStringLiteral("ws://h:1/tty?x=1"));
    t.token = QStringLiteral("a b&c=d/é+%");
    const QUrlQuery q(t.urlWithToken());
    QCOMPARE(q.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded), t.token);
    QCOMPARE(q.queryItemValue(QStringLiteral("x")), QStringLiteral("1"));
}

void TstTtyEndpoint::requestCarriesHeaderAndQuery()
{
    TtyTarget t;
    t.url = QUrl(QStringLiteral("ws://127.0.0.1:4096/tty"));
    t.token = QStringLiteral("s3cr et");
    const QNetworkRequest req = t.request();
    QCOMPARE(req.url().toString(QUrl::FullyEncoded),
             QStringLiteral("ws://127.0.0.1:4096/tty?token=s3cr%20et"));
    QCOMPARE(req.rawHeader("Authorization"), QByteArray("Bearer s3cr et"));
}

void TstTtyEndpoint::requestWithoutToken()
{
    TtyTarget t;
    t.url = QUrl(QStringLiteral("ws://127.0.0.1:4096/tty"));
    const QNetworkRequest req = t.request();
    QCOMPARE(req.url().toString(), QStringLiteral("ws://127.0.0.1:4096/tty"));
    QVERIFY(!req.hasRawHeader("Authorization"));
}

void TstTtyEndpoint::overridesFromEnvironment()
{
    qputenv("LAP_TTY_FALLBACK", " ws://127.0.0.1:7681/tty ");
    qputenv("LAP_TTY_TOKEN", "env-token");
    TtyOverrides o = TtyOverrides::fromEnvironment();
    QCOMPARE(o.fallbackUrl, QStringLiteral("ws://127.0.0.1:7681/tty"));
    QCOMPARE(o.token, QStringLiteral("env-token"));
    qunsetenv("LAP_TTY_FALLBACK");
    qunsetenv("LAP_TTY_TOKEN");
    o = TtyOverrides::fromEnvironment();
    QCOMPARE(o.fallbackUrl, QString());
    QCOMPARE(o.token, QString());
}

void TstTtyEndpoint::resumeAccepts_data()
{
    QTest::addColumn<QString>("arg");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("base"); // empty: no override
    const QString upper = kId.toUpper();
    QTest::newRow("bare id") << kId << kId << QString();
    QTest::newRow("bare id, upper case") << upper << kId << QString();
    QTest::newRow("bare id, whitespace")
        << QStringLiteral("  \t") + kId + QStringLiteral("\n") << kId << QString();
    QTest::newRow("url") << QStringLiteral("https://lap.example.com/sessions/") + kId << kId
                         << QStringLiteral("https://lap.example.com");
    QTest::newRow("url http with port") << QStringLiteral("http://127.0.0.1:3000/sessions/") + kId
                                        << kId << QStringLiteral("http://127.0.0.1:3000");
    QTest::newRow("url with prefix path")
        << QStringLiteral("https://corp.example/tools/lap/sessions/") + kId << kId
        << QStringLiteral("https://corp.example/tools/lap");
    QTest::newRow("url trailing slash")
        << QStringLiteral("https://lap.example.com/sessions/") + kId + QStringLiteral("/") << kId
        << QStringLiteral("https://lap.example.com");
    QTest::newRow("url with query")
        << QStringLiteral("https://lap.example.com/sessions/") + kId + QStringLiteral("?tab=tty")
        << kId << QStringLiteral("https://lap.example.com");
    QTest::newRow("url with fragment")
        << QStringLiteral("https://lap.example.com/sessions/") + kId + QStringLiteral("#log") << kId
        << QStringLiteral("https://lap.example.com");
    QTest::newRow("url upper case, whitespace")
        << QStringLiteral(" HTTPS://LAP.example.com/Sessions/") + upper + QStringLiteral(" ") << kId
        << QStringLiteral("https://lap.example.com");
}

void TstTtyEndpoint::resumeAccepts()
{
    QFETCH(QString, arg);
    QFETCH(QString, id);
    QFETCH(QString, base);
    const Result<ResumeArgument> r = parseResumeArgument(arg);
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.value.sessionId, id);
    if (base.isEmpty()) {
        QVERIFY(!r.value.baseOverride.isValid());
    } else {
        QCOMPARE(r.value.baseOverride.toString(), base);
    }
}

void TstTtyEndpoint::resumeRejects_data()
{
    QTest::addColumn<QString>("arg");
    QTest::addColumn<QString>("message");
    QTest::newRow("garbage") << QStringLiteral("my-agent")
                             << QStringLiteral("'my-agent' is not a session id or a "
                                               "<base>/sessions/<id> URL.");
    QTest::newRow("empty") << QStringLiteral("   ")
                           << QStringLiteral(
                                  "'' is not a session id or a <base>/sessions/<id> URL.");
    QTest::newRow("short id") << kId.left(35)
                              << QStringLiteral("'") + kId.left(35) +
                                     QStringLiteral("' is not a session id or a "
                                                    "<base>/sessions/<id> URL.");
    QTest::newRow("agent url") << QStringLiteral("https://lap.x/agents/") + kId
                               << QStringLiteral("'https://lap.x/agents/") + kId +
                                      QStringLiteral("' is not a session id or a "
                                                     "<base>/sessions/<id> URL.");
    QTest::newRow("ftp url") << QStringLiteral("ftp://lap.x/sessions/") + kId
                             << QStringLiteral("'ftp://lap.x/sessions/") + kId +
                                    QStringLiteral("' is not a session id or a "
                                                   "<base>/sessions/<id> URL.");
    QTest::newRow("id with suffix")
        << QStringLiteral("https://lap.x/sessions/") + kId + QStringLiteral("x")
        << QStringLiteral("'https://lap.x/sessions/") + kId +
               QStringLiteral("x' is not a session id or a "
                              "<base>/sessions/<id> URL.");
}

void TstTtyEndpoint::resumeRejects()
{
    QFETCH(QString, arg);
    QFETCH(QString, message);
    const Result<ResumeArgument> r = parseResumeArgument(arg);
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, LapError::Kind::Usage);
    QCOMPARE(r.error.message, message);
}

QTEST_GUILESS_MAIN(TstTtyEndpoint)
#include "tst_ttyendpoint.moc"
