// SPDX-License-Identifier: GPL-2.0-or-later
// replyerrors.h without a network: the facts of a finished reply (status, body, Qt's network
// error) in, the exact LapError the user reads out. The "row N" names are the rows of the error
// table in docs/platform-api.md §10 whose REST side each case covers.
#include "replyerrors.h"

#include <QTimeZone>
#include <QtTest>

using namespace lap;

namespace {

const QString kBase = QStringLiteral("https://lap.example.com");

ReplyFacts http(int status, const QByteArray &verb = QByteArrayLiteral("POST"),
                const QString &path = QStringLiteral("/agents/a1/session"))
{
    ReplyFacts f;
    f.httpStatus = status;
    f.verb = verb;
    f.url = QUrl(kBase + QStringLiteral("/api/v1/managed_agents") + path);
    if (status >= 400) {
        // What Qt reports next to an HTTP error status; the status decides the message.
        f.error = status >= 500 ? QNetworkReply::InternalServerError
                                : QNetworkReply::ProtocolInvalidOperationError;
        f.errorString = QStringLiteral("Error transferring - server replied: x");
    }
    return f;
}

ReplyFacts network(QNetworkReply::NetworkError error, const QString &text)
{
    ReplyFacts f = http(0, QByteArrayLiteral("GET"), QStringLiteral("/sessions/s1"));
    f.error = error;
    f.errorString = text;
    return f;
}

ReplyContext context(const QString &action, int timeoutMs = 30000)
{
    ReplyContext c;
    c.action = action;
    c.base = kBase;
    c.requestTimeoutMs = timeoutMs;
    c.now = QDateTime(QDate(2026, 6, 1), QTime(12, 0), QTimeZone::utc());
    return c;
}

const QString kAuthHint = QStringLiteral("Sign in again with a valid master key.");
const QString kServerHint = QStringLiteral("The platform had a problem; try again in a moment.");
const QString kProtocolHint =
    QStringLiteral("Check that the platform URL points to a LiteLLM Agent Platform.");
const QString kReachHint =
    QStringLiteral("Check the platform URL and that the platform is running.");
const QString kSlowHint =
    QStringLiteral("The platform or a proxy in between may be overloaded; try again.");

AgentPage page(int total, const QStringList &names)
{
    AgentPage p;
    p.total = total;
    for (const QString &n : names) {
        Agent a;
        a.id = n + QStringLiteral("-id");
        a.name = n;
        p.agents.append(a);
    }
    return p;
}

} // namespace

Q_DECLARE_METATYPE(lap::ReplyFacts)

class TstReplyErrors : public QObject
{
    Q_OBJECT
private slots:
    void replyError_data()
    {
        QTest::addColumn<ReplyFacts>("facts");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("hint");
        const QString create = QStringLiteral("Creating the session");
        const QString poll = QStringLiteral("Checking the session");
        const QString fetch = QStringLiteral("Fetching the session");
        const QString del = QStringLiteral("Deleting the session");
        const QString list = QStringLiteral("Listing agents");

        QTest::newRow("row 2: 401") << http(401) << QByteArray(R"({"error":"unauthorized"})")
                                    << list << int(LapError::Kind::Auth)
                                    << QStringLiteral("Listing agents failed: master key rejected "
                                                      "by https://lap.example.com (HTTP 401).")
                                    << kAuthHint;
        QTest::newRow("row 2: 403")
            << http(403) << QByteArray("Forbidden") << create << int(LapError::Kind::Auth)
            << QStringLiteral("Creating the session failed: master key "
                              "rejected by https://lap.example.com (HTTP "
                              "403).")
            << kAuthHint;
        QTest::newRow("row 2: 401 while polling")
            << http(401, "GET", QStringLiteral("/sessions/s1"))
            << QByteArray(R"({"error":"unauthorized"})") << poll << int(LapError::Kind::Auth)
            << QStringLiteral("Checking the session failed: master key rejected by "
                              "https://lap.example.com (HTTP 401).")
            << kAuthHint;
        QTest::newRow("row 3: refused")
            << network(QNetworkReply::ConnectionRefusedError, QStringLiteral("Connection refused"))
            << QByteArray() << list << int(LapError::Kind::Network)
            << QStringLiteral("Listing agents failed: cannot reach https://lap.example.com "
                              "(Connection refused).")
            << kReachHint;
        QTest::newRow("row 3: DNS")
            << network(QNetworkReply::HostNotFoundError,
                       QStringLiteral("Host lap.example.com not found"))
            << QByteArray() << fetch << int(LapError::Kind::Network)
            << QStringLiteral("Fetching the session failed: cannot reach https://lap.example.com "
                              "(Host lap.example.com not found).")
            << kReachHint;
        QTest::newRow("row 3: closed")
            << network(QNetworkReply::RemoteHostClosedError, QStringLiteral("Connection closed"))
            << QByteArray() << poll << int(LapError::Kind::Network)
            << QStringLiteral("Checking the session failed: cannot reach https://lap.example.com "
                              "(Connection closed).")
            << kReachHint;
        QTest::newRow("row 6: 404 unknown agent")
            << http(404)
            << QByteArray("{\"error\":\"agent '00000000-0000-4000-8000-000000000000' not found\"}")
            << create << int(LapError::Kind::NotFound)
            << QStringLiteral("Creating the session failed: agent "
                              "'00000000-0000-4000-8000-000000000000' not found (HTTP 404).")
            << QString();
        QTest::newRow("404 without body")
            << http(404) << QByteArray() << create << int(LapError::Kind::NotFound)
            << QStringLiteral("Creating the session failed: not found (HTTP 404).") << QString();
        QTest::newRow("row 7: 400 zod issues")
            << http(400)
            << QByteArray(
                   R"({"error":[)"
                   R"({"code":"custom","path":["env_vars","BAD-NAME"],"message":"Invalid env var name"},)"
                   R"({"code":"invalid_enum_value","path":["initial_attachments",0,"mime_type"],"message":"Invalid enum value."},)"
                   R"({"code":"invalid_string","path":["skill_ids",3],"message":"Invalid uuid"},)"
                   R"({"code":"too_big","path":["env_vars"],"message":"Too many keys"}]})")
            << create << int(LapError::Kind::BadRequest)
            << QStringLiteral("Creating the session failed: the platform rejected the request "
                              "(HTTP 400): env_vars.BAD-NAME: Invalid env var name; "
                              "initial_attachments.0.mime_type: Invalid enum value; skill_ids.3: "
                              "Invalid uuid (+1 more).")
            << QString();
        QTest::newRow("row 7: 400 empty")
            << http(400) << QByteArray() << create << int(LapError::Kind::BadRequest)
            << QStringLiteral("Creating the session failed: the platform rejected the request "
                              "(HTTP 400).")
            << QString();
        QTest::newRow("row 8: 503 inline harness")
            << http(503) << QByteArray(R"({"error":"OPENCODE_INLINE_URL is not set"})") << create
            << int(LapError::Kind::Server)
            << QStringLiteral("Creating the session failed: server error (HTTP 503): "
                              "OPENCODE_INLINE_URL is not set")
            << kServerHint;
        QTest::newRow("row 9: poll 404")
            << http(404, "GET", QStringLiteral("/sessions/s1"))
            << QByteArray(R"({"error":"session s1 not found"})") << poll
            << int(LapError::Kind::NotFound)
            << QStringLiteral("Checking the session failed: session s1 not found (HTTP 404).")
            << QString();
        QTest::newRow("row 9: poll 502 html")
            << http(502, "GET", QStringLiteral("/sessions/s1"))
            << QByteArray("<html><head><title>502 Bad Gateway</title></head>"
                          "<body><h1>Bad Gateway</h1></body></html>")
            << poll << int(LapError::Kind::Server)
            << QStringLiteral(
                   "Checking the session failed: server error (HTTP 502): 502 Bad Gateway")
            << kServerHint;
        QTest::newRow("row 22: 404 on resume")
            << http(404, "GET", QStringLiteral("/sessions/s1"))
            << QByteArray(R"({"error":"session s1 not found"})") << fetch
            << int(LapError::Kind::NotFound)
            << QStringLiteral("Fetching the session failed: session s1 not found (HTTP 404).")
            << QString();
        QTest::newRow("row 26: 409")
            << http(409) << QByteArray(R"({"error":"session is creating"})") << create
            << int(LapError::Kind::Conflict)
            << QStringLiteral("Creating the session failed: session is "
                              "creating (HTTP 409).")
            << QString();
        QTest::newRow("row 26: 409 without body")
            << http(409) << QByteArray() << create << int(LapError::Kind::Conflict)
            << QStringLiteral("Creating the session failed: conflict (HTTP 409).") << QString();
        QTest::newRow("row 26: 502 restart failed")
            << http(502) << QByteArray(R"({"error":"session restart failed: no capacity"})")
            << create << int(LapError::Kind::Server)
            << QStringLiteral("Creating the session failed: server error (HTTP 502): session "
                              "restart failed: no capacity")
            << kServerHint;
        QTest::newRow("row 27: DELETE 404")
            << http(404, "DELETE", QStringLiteral("/sessions/s1"))
            << QByteArray(R"({"error":"session s1 not found"})") << del
            << int(LapError::Kind::NotFound)
            << QStringLiteral("Deleting the session failed: session s1 not found (HTTP 404).")
            << QString();
        QTest::newRow("row 27: DELETE 500")
            << http(500, "DELETE", QStringLiteral("/sessions/s1"))
            << QByteArray(R"({"error":"internal error"})") << del << int(LapError::Kind::Server)
            << QStringLiteral(
                   "Deleting the session failed: server error (HTTP 500): internal error")
            << kServerHint;
        QTest::newRow("500 empty")
            << http(500) << QByteArray() << create << int(LapError::Kind::Server)
            << QStringLiteral("Creating the session failed: server error (HTTP 500).")
            << kServerHint;
        QTest::newRow("429 with Retry-After")
            <<
            [] {
                ReplyFacts f = http(429);
                f.retryAfter = QByteArrayLiteral("7");
                return f;
            }()
            << QByteArray() << create << int(LapError::Kind::Server)
            << QStringLiteral("Creating the session failed: https://lap.example.com is limiting "
                              "the rate of requests (HTTP 429).")
            << QStringLiteral("Wait 7 s and try again.");
        QTest::newRow("429 without Retry-After")
            << http(429) << QByteArray() << create << int(LapError::Kind::Server)
            << QStringLiteral("Creating the session failed: https://lap.example.com is limiting "
                              "the rate of requests (HTTP 429).")
            << QStringLiteral("Wait a moment and try again.");
        QTest::newRow("no answer in time")
            << network(QNetworkReply::OperationCanceledError, QStringLiteral("Operation canceled"))
            << QByteArray() << poll << int(LapError::Kind::Timeout)
            << QStringLiteral("Checking the session failed: https://lap.example.com did not "
                              "answer within 30 s.")
            << QStringLiteral("The platform may be overloaded or unreachable; try again.");
        QTest::newRow("stalled after headers")
            <<
            [] {
                ReplyFacts f = http(200);
                f.error = QNetworkReply::OperationCanceledError;
                return f;
            }()
            << QByteArray() << list << int(LapError::Kind::Timeout)
            << QStringLiteral("Listing agents failed: https://lap.example.com stopped sending its "
                              "reply (nothing more for 30 s).")
            << kSlowHint;
        QTest::newRow("dripping")
            <<
            [] {
                ReplyFacts f = http(200);
                f.error = QNetworkReply::OperationCanceledError;
                f.abort = ReplyFacts::Abort::TooSlow;
                return f;
            }()
            << QByteArray() << list << int(LapError::Kind::Timeout)
            << QStringLiteral("Listing agents failed: https://lap.example.com sent its reply too "
                              "slowly (not complete after 120 s).")
            << kSlowHint;
        QTest::newRow("too large")
            <<
            [] {
                ReplyFacts f = http(200);
                f.error = QNetworkReply::OperationCanceledError;
                f.abort = ReplyFacts::Abort::TooLarge;
                return f;
            }()
            << QByteArray() << list << int(LapError::Kind::Protocol)
            << QStringLiteral("Listing agents failed: the reply from https://lap.example.com is "
                              "larger than 8 MB, so it was not read.")
            << kProtocolHint;
        QTest::newRow("TLS")
            <<
            [] {
                ReplyFacts f = network(QNetworkReply::SslHandshakeFailedError,
                                       QStringLiteral("SSL handshake failed"));
                f.sslErrors = QStringLiteral("The certificate is self-signed, and untrusted");
                return f;
            }()
            << QByteArray() << fetch << int(LapError::Kind::Tls)
            << QStringLiteral("Fetching the session failed: TLS error talking to "
                              "https://lap.example.com (The certificate is self-signed, and "
                              "untrusted).")
            << QStringLiteral("Check the server certificate, or choose its CA file in Settings.");
        QTest::newRow("TLS without certificate errors")
            << network(QNetworkReply::SslHandshakeFailedError,
                       QStringLiteral("SSL handshake failed"))
            << QByteArray() << fetch << int(LapError::Kind::Tls)
            << QStringLiteral("Fetching the session failed: TLS error talking to "
                              "https://lap.example.com (SSL handshake failed).")
            << QStringLiteral("Check the server certificate, or choose its CA file in Settings.");
        QTest::newRow("cross-origin redirect")
            <<
            [] {
                ReplyFacts f = http(302, "GET", QStringLiteral("/agents/a1"));
                f.error = QNetworkReply::InsecureRedirectError;
                f.redirectTarget = QUrl(QStringLiteral("https://evil.example:8443/steal?k=1"));
                return f;
            }()
            << QByteArray() << QStringLiteral("Looking up the agent")
            << int(LapError::Kind::Protocol)
            << QStringLiteral("Looking up the agent failed: https://lap.example.com redirected to "
                              "another site (https://evil.example:8443); the master key was not "
                              "sent there.")
            << QStringLiteral("If that site is the platform, use its address as the platform URL.");
    }
    void replyError()
    {
        QFETCH(ReplyFacts, facts);
        QFETCH(QByteArray, body);
        QFETCH(QString, action);
        QFETCH(int, kind);
        QFETCH(QString, message);
        QFETCH(QString, hint);
        const LapError e = lap::replyError(facts, body, context(action));
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.message, message);
        QCOMPARE(e.hint, hint);
        if (facts.httpStatus >= 400) {
            QCOMPARE(e.httpStatus, facts.httpStatus);
            // The detail keeps what the platform said, for "Copy details".
            QVERIFY2(e.detail.contains(QStringLiteral("HTTP %1").arg(facts.httpStatus)),
                     qPrintable(e.detail));
        }
    }

    void success2xxIsNoError()
    {
        QVERIFY(!lap::replyError(http(200), QByteArray("{}"), context(QStringLiteral("x"))));
        QVERIFY(!lap::replyError(http(204), QByteArray(), context(QStringLiteral("x"))));
    }

    void retryAfterIsCarried()
    {
        ReplyFacts f = http(503);
        f.retryAfter = QByteArrayLiteral("Mon, 01 Jun 2026 12:00:20 GMT");
        const LapError e = lap::replyError(f, QByteArray(), context(QStringLiteral("x")));
        QCOMPARE(e.retryAfterMs, 20000);
    }

    void jsonReply_data()
    {
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        const QString head = QStringLiteral("Creating the session failed: the platform sent an "
                                            "unexpected reply (");
        QTest::newRow("empty") << QString() << QByteArray(" \n")
                               << head + QStringLiteral("the reply is empty).");
        // Qt's own words and offset for the parse error (they differ between Qt versions).
        QJsonParseError perr;
        QJsonDocument::fromJson(QByteArray("{x"), &perr);
        QTest::newRow("not JSON") << QStringLiteral("application/json") << QByteArray("{x")
                                  << head +
                                         QStringLiteral("the reply is not JSON: %1 at offset %2).")
                                             .arg(perr.errorString())
                                             .arg(perr.offset);
        QTest::newRow("HTML without title")
            << QString() << QByteArray("<!DOCTYPE html><html></html>")
            << head + QStringLiteral("an HTML page instead of JSON).");
        QTest::newRow("captive portal")
            << QStringLiteral("text/html; charset=utf-8")
            << QByteArray("<p>x</p><title>Hotel Wi-Fi — Log in.</title>")
            << head + QStringLiteral("an HTML page instead of JSON: Hotel Wi-Fi — Log in).");
    }
    void jsonReply()
    {
        QFETCH(QString, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const Result<QJsonDocument> r =
            lap::jsonReply(contentType, body, QStringLiteral("Creating the session"));
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error.kind), int(LapError::Kind::Protocol));
        QCOMPARE(r.error.message, message);
        QCOMPARE(r.error.hint, kProtocolHint);
    }
    void jsonReplyReadsJson()
    {
        const Result<QJsonDocument> r =
            lap::jsonReply(QString(), QByteArray(R"({"id":"s1"})"), QStringLiteral("x"));
        QVERIFY(r.ok());
        QCOMPARE(r.value.object().value(QLatin1String("id")).toString(), QStringLiteral("s1"));
    }
    void notAnObject()
    {
        const LapError e = notAnObjectError(QStringLiteral("Listing agents"));
        QCOMPARE(e.message,
                 QStringLiteral("Listing agents failed: the platform sent an "
                                "unexpected reply (the reply should be a JSON object)."));
        QCOMPARE(e.hint, kProtocolHint);
    }

    // Row 4: a name not on the platform, with what the first page says about the others.
    void agentNameNotFound_data()
    {
        QTest::addColumn<bool>("listed");
        QTest::addColumn<int>("total");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("hint");
        const QString spelling =
            QStringLiteral("Check the spelling (names are case-sensitive) or use the agent's id.");
        QTest::newRow("many")
            << true << 11
            << QString::fromLatin1("a0 a1 a2 a3 a4 a5 a6 a7 a8 a9 Coder").split(QLatin1Char(' '))
            << QStringLiteral("No agent named 'coder' on https://lap.example.com "
                              "— 11 agents available: a0, a1, a2, a3, a4, a5, "
                              "a6, a7 (+3 more).")
            << spelling;
        QTest::newRow("one") << true << 1 << QStringList{QStringLiteral("solo")}
                             << QStringLiteral("No agent named 'coder' on https://lap.example.com "
                                               "— 1 agent available: solo.")
                             << spelling;
        QTest::newRow("none") << true << 0 << QStringList()
                              << QStringLiteral("No agent named 'coder' on https://lap.example.com "
                                                "— the platform has no agents.")
                              << QStringLiteral("Create an agent on the platform first.");
        QTest::newRow("list unreadable")
            << false << 0 << QStringList()
            << QStringLiteral("No agent named 'coder' on https://lap.example.com.") << spelling;
    }
    void agentNameNotFound()
    {
        QFETCH(bool, listed);
        QFETCH(int, total);
        QFETCH(QStringList, names);
        QFETCH(QString, message);
        QFETCH(QString, hint);
        const Result<AgentPage> first =
            listed ? Result<AgentPage>::success(page(total, names))
                   : Result<AgentPage>::failure(LapError(LapError::Kind::Network, {}));
        const LapError e = lap::agentNameNotFound(QStringLiteral("coder"), kBase, first);
        QCOMPARE(int(e.kind), int(LapError::Kind::NotFound));
        QCOMPARE(e.message, message);
        QCOMPARE(e.hint, hint);
    }
    void emptyAgentName()
    {
        const LapError e = emptyAgentNameError();
        QCOMPARE(int(e.kind), int(LapError::Kind::Usage));
        QCOMPARE(e.message, QStringLiteral("Enter an agent name or id."));
    }
};

QTEST_GUILESS_MAIN(TstReplyErrors)
#include "tst_replyerrors.moc"
