// SPDX-License-Identifier: GPL-2.0-or-later
// ttywording.h and bridgenotice.h without a socket: what TtyChannel saw in, the exact text the
// user reads out. "row N" names the row of the error table in docs/platform-api.md §10.
#include "bridgenotice.h"
#include "ttywording.h"

#include <QtTest>

using namespace lap;

namespace {

const QString kUnreachable = QStringLiteral("The pod may be gone or the address unreachable.");

TtyConnectFacts facts(const QString &url, const QString &errorString,
                      QAbstractSocket::SocketError error = QAbstractSocket::ConnectionRefusedError)
{
    TtyConnectFacts f;
    f.url = QUrl(url);
    f.tokenSent = true;
    f.connectTimeoutMs = 20000;
    f.errorString = errorString;
    f.socketError = error;
    return f;
}

Session session(const QString &status, const QString &reason = QString())
{
    Session s;
    s.id = QStringLiteral("s1");
    s.status = status;
    s.failureReason = reason;
    return s;
}

TtyClose dropped(int code, const QString &reason = QString())
{
    TtyClose c;
    c.reason = TtyClose::Reason::Dropped;
    c.code = code;
    c.codeReason = reason;
    return c;
}

} // namespace

Q_DECLARE_METATYPE(lap::TtyConnectFacts)

class TstTtyWording : public QObject
{
    Q_OBJECT
private slots:
    void closeCodeNames_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("name");
        const char *names[] = {"normal closure",
                               "going away",
                               "protocol error",
                               "unsupported data",
                               nullptr,
                               "no status",
                               "abnormal closure",
                               "invalid data",
                               "policy violation",
                               "message too big",
                               "missing extension",
                               "server error",
                               "service restart",
                               "try again later",
                               "bad gateway"};
        for (int i = 0; i < 15; ++i)
            QTest::addRow("%d", 1000 + i) << 1000 + i << QString::fromLatin1(names[i]);
        QTest::newRow("999") << 999 << QString();
        QTest::newRow("1015") << 1015 << QString();
        QTest::newRow("4000") << 4000 << QString();
    }
    void closeCodeNames()
    {
        QFETCH(int, code);
        QFETCH(QString, name);
        QCOMPARE(closeCodeName(code), name);
    }

    void closeFrameReasonNamesQtsInvalidCode()
    {
        QCOMPARE(closeFrameReason(1002, QStringLiteral("Invalid close code 1005 detected.")),
                 QStringLiteral("the server sent an invalid close code"));
        QCOMPARE(closeFrameReason(1002, QStringLiteral("Invalid close code 5000 detected")),
                 QStringLiteral("the server sent an invalid close code"));
        QCOMPARE(closeFrameReason(1002, QStringLiteral("bad frame")), QStringLiteral("bad frame"));
        QCOMPARE(closeFrameReason(1001, QStringLiteral("Invalid close code 1005 detected.")),
                 QStringLiteral("Invalid close code 1005 detected."));
    }

    // Rows 17-19: how the connection ended.
    void describe_data()
    {
        QTest::addColumn<int>("reason");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("codeReason");
        QTest::addColumn<QString>("notice");
        QTest::addColumn<QString>("expected");
        const int drop = int(TtyClose::Reason::Dropped);
        QTest::newRow("row 17: 1006") << drop << 1006 << QString() << QString()
                                      << QStringLiteral("Connection lost (code 1006: abnormal "
                                                        "closure).");
        QTest::newRow("row 17: 1001 with reason")
            << drop << 1001 << QStringLiteral("pod shutting down.") << QString()
            << QStringLiteral("Connection lost (code 1001: going away — pod shutting down).");
        QTest::newRow("no code") << drop << 0 << QString() << QString()
                                 << QStringLiteral("Connection lost.");
        QTest::newRow("unnamed") << drop << 4000 << QString() << QString()
                                 << QStringLiteral("Connection lost (code 4000).");
        QTest::newRow("unnamed with reason")
            << drop << 4000 << QStringLiteral("custom") << QString()
            << QStringLiteral("Connection lost (code 4000 — custom).");
        QTest::newRow("hostile reason")
            << drop << 1000 << QStringLiteral("\x1b[31mbye\r\nnow\u202e..") << QString()
            << QStringLiteral("Connection lost (code 1000: normal closure — bye now).");
        QTest::newRow("row 18: agent exited")
            << int(TtyClose::Reason::AgentExited) << 1000 << QString()
            << QStringLiteral("[bridge] process exited (code=0, signal=0)")
            << QStringLiteral("The agent exited ([bridge] process exited (code=0, signal=0)).");
        QTest::newRow("agent exited without notice")
            << int(TtyClose::Reason::AgentExited) << 1000 << QString() << QString()
            << QStringLiteral("The agent exited.");
        QTest::newRow("row 19: spawn failed")
            << int(TtyClose::Reason::SpawnFailed) << 1000 << QString()
            << QStringLiteral("[bridge] failed to spawn: ENOENT")
            << QStringLiteral("The sandbox could not start the agent ([bridge] failed to spawn: "
                              "ENOENT).");
        QTest::newRow("spawn failed without notice")
            << int(TtyClose::Reason::SpawnFailed) << 1000 << QString() << QString()
            << QStringLiteral("The sandbox could not start the agent.");
        QTest::newRow("detached") << int(TtyClose::Reason::UserDetached) << 1000 << QString()
                                  << QString() << QString();
    }
    void describe()
    {
        QFETCH(int, reason);
        QFETCH(int, code);
        QFETCH(QString, codeReason);
        QFETCH(QString, notice);
        QFETCH(QString, expected);
        TtyClose c;
        c.reason = TtyClose::Reason(reason);
        c.code = code;
        c.codeReason = codeReason;
        c.notice = notice;
        QCOMPARE(c.describe(), expected);
    }

    // Rows 17 and 20: the drop, then what a fresh GET said.
    void describeDrop_data()
    {
        QTest::addColumn<TtyClose>("close");
        QTest::addColumn<bool>("gotSession");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("failureReason");
        QTest::addColumn<QString>("expected");
        const QString lost = QStringLiteral("Connection lost (code 1006: abnormal closure). ");
        QTest::newRow("still running")
            << dropped(1006) << true << QStringLiteral("ready") << QString()
            << lost + QStringLiteral("The session is still running — reconnect to continue.");
        QTest::newRow("row 20: idle reaped")
            << dropped(1006) << true << QStringLiteral("dead") << QStringLiteral("idle timeout.")
            << lost + QStringLiteral("Session is dead — idle timeout.");
        QTest::newRow("dead without reason")
            << dropped(1006) << true << QStringLiteral("dead") << QString()
            << lost + QStringLiteral("Session is dead.");
        QTest::newRow("restarting")
            << dropped(1006) << true << QStringLiteral("creating") << QString()
            << lost + QStringLiteral("Session is creating — reconnect once it is ready.");
        QTest::newRow("check failed")
            << dropped(1006) << false << QString() << QString()
            << lost + QStringLiteral("Could not check the session (Checking the session failed: "
                                     "cannot reach h (x)) — try reconnecting.");
        TtyClose detached;
        detached.reason = TtyClose::Reason::UserDetached;
        QTest::newRow("detached") << detached << true << QStringLiteral("ready") << QString()
                                  << QStringLiteral("The session is still running — reconnect "
                                                    "to continue.");
    }
    void describeDrop()
    {
        QFETCH(TtyClose, close);
        QFETCH(bool, gotSession);
        QFETCH(QString, status);
        QFETCH(QString, failureReason);
        QFETCH(QString, expected);
        const Result<Session> after =
            gotSession ? Result<Session>::success(session(status, failureReason))
                       : Result<Session>::failure(
                             LapError(LapError::Kind::Network,
                                      QStringLiteral("Checking the session failed: cannot reach "
                                                     "h (x).")));
        QCOMPARE(lap::describeDrop(close, after), expected);
    }

    void describeEndedSession()
    {
        QCOMPARE(lap::describeEndedSession(
                     session(QStringLiteral("failed"), QStringLiteral("creating timeout"))),
                 QStringLiteral("Session is failed — creating timeout."));
        QCOMPARE(lap::describeEndedSession(session(QStringLiteral("stopped"))),
                 QStringLiteral("Session is stopped."));
    }

    void statusFromHandshakeError_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("status");
        QTest::newRow("qt 5.15/6.4")
            << QStringLiteral("QWebSocketPrivate::processHandshake: Unhandled http status code: "
                              "401 (Unauthorized).")
            << 401;
        QTest::newRow("status line") << QStringLiteral("Invalid response: HTTP/1.1 503 x") << 503;
        QTest::newRow("refused") << QStringLiteral("Connection refused") << 0;
        QTest::newRow("port number") << QStringLiteral("Host 10.0.0.1 port 4096 unreachable") << 0;
    }
    void statusFromHandshakeError()
    {
        QFETCH(QString, text);
        QFETCH(int, status);
        QCOMPARE(httpStatusFromHandshakeError(text), status);
    }

    // Rows 14-16 and the other ways a connection cannot open.
    void connectError_data()
    {
        QTest::addColumn<TtyConnectFacts>("facts");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("hint");
        const QString url = QStringLiteral("wss://lap.example.com/api/v1/managed_agents/sessions/"
                                           "s1/tty?token=secret-token");
        const QString handshake =
            QStringLiteral("QWebSocketPrivate::processHandshake: Unhandled http status code: %1 "
                           "(x).");
        const int upgrade = int(LapError::Kind::TtyUpgrade);
        QTest::newRow("row 14: 401 with token")
            << facts(url, handshake.arg(401)) << upgrade << 401
            << QStringLiteral(
                   "The sandbox refused the terminal connection: TTY token rejected (HTTP 401).")
            << QStringLiteral("The pod may predate the platform's harness token: restart the "
                              "session, or set LAP_TTY_TOKEN.");
        TtyConnectFacts noToken = facts(url, handshake.arg(401));
        noToken.tokenSent = false;
        QTest::newRow("row 14: 401 without token")
            << noToken << upgrade << 401
            << QStringLiteral("The sandbox refused the terminal connection: no TTY token was sent "
                              "(HTTP 401).")
            << QStringLiteral("The platform returned no tty_token: set LAP_TTY_TOKEN.");
        // Qt 6.6 and later: a bare 401 is an authentication challenge it cannot answer, and
        // one naming a scheme it knows asks for credentials (authenticationRequired) first.
        QTest::newRow("row 14: 401, Qt 6.6+ challenge text")
            << facts(url, QStringLiteral("QWebSocketPrivate::processHandshake: Unsupported "
                                         "WWW-Authenticate challenges encountered."))
            << upgrade << 401
            << QStringLiteral(
                   "The sandbox refused the terminal connection: TTY token rejected (HTTP 401).")
            << QStringLiteral("The pod may predate the platform's harness token: restart the "
                              "session, or set LAP_TTY_TOKEN.");
        TtyConnectFacts challenged = facts(url, QStringLiteral("Some other text"));
        challenged.authChallenged = true;
        QTest::newRow("row 14: 401, Qt 6.6+ asked for credentials")
            << challenged << upgrade << 401
            << QStringLiteral(
                   "The sandbox refused the terminal connection: TTY token rejected (HTTP 401).")
            << QStringLiteral("The pod may predate the platform's harness token: restart the "
                              "session, or set LAP_TTY_TOKEN.");
        QTest::newRow("row 15: 503")
            << facts(url, handshake.arg(503)) << upgrade << 503
            << QStringLiteral("The sandbox is not ready for a terminal yet (HTTP 503).")
            << QStringLiteral("It is starting or restarting; try again in a moment.");
        QTest::newRow("row 16: 502")
            << facts(url, handshake.arg(502)) << upgrade << 502
            << QStringLiteral("Cannot reach the sandbox (HTTP 502).")
            << QStringLiteral("The pod may be gone, or the platform's proxy still remembers an "
                              "old address (up to 30 s after a restart).");
        QTest::newRow("other status")
            << facts(url, handshake.arg(404)) << upgrade << 404
            << QStringLiteral("The terminal connection was refused (HTTP 404).") << QString();
        QTest::newRow("row 16: socket dropped")
            << facts(url,
                     QStringLiteral("QWebSocketPrivate::processHandshake: The remote host closed "
                                    "the connection."),
                     QAbstractSocket::RemoteHostClosedError)
            << int(LapError::Kind::TtyConnect) << 0
            << QStringLiteral("Cannot reach the sandbox at lap.example.com:443: The remote host "
                              "closed the connection.")
            << kUnreachable;
        QTest::newRow("refused, IPv6")
            << facts(QStringLiteral("ws://[::1]:4096/tty"), QStringLiteral("Connection refused"))
            << int(LapError::Kind::TtyConnect) << 0
            << QStringLiteral("Cannot reach the sandbox at [::1]:4096: Connection refused.")
            << kUnreachable;
        TtyConnectFacts slow = facts(QStringLiteral("ws://10.0.0.1/tty"), QString());
        slow.timedOut = true;
        slow.connectTimeoutMs = 1500;
        QTest::newRow("timeout") << slow << int(LapError::Kind::TtyConnect) << 0
                                 << QStringLiteral("Cannot reach the sandbox at 10.0.0.1:80: no "
                                                   "answer within 1.5 s.")
                                 << kUnreachable;
        TtyConnectFacts tls = facts(url, QStringLiteral("SSL handshake failed"),
                                    QAbstractSocket::SslHandshakeFailedError);
        tls.sslErrors = QStringLiteral("The certificate is self-signed, and untrusted");
        QTest::newRow("TLS certificate")
            << tls << int(LapError::Kind::Tls) << 0
            << QStringLiteral("TLS error connecting to the sandbox: The certificate is "
                              "self-signed, and untrusted.")
            << QString();
        QTest::newRow("TLS handshake")
            << facts(url, QStringLiteral("QSslSocket::startHandshake: SSL handshake failed."),
                     QAbstractSocket::SslHandshakeFailedError)
            << int(LapError::Kind::Tls) << 0
            << QStringLiteral("TLS error connecting to the sandbox: SSL handshake failed.")
            << QString();
        QTest::newRow("invalid URL")
            << facts(QStringLiteral("ws:///tty"), QString()) << int(LapError::Kind::TtyConnect) << 0
            << QStringLiteral("The terminal URL is not a valid ws:// or wss:// URL.") << QString();
    }
    void connectError()
    {
        QFETCH(TtyConnectFacts, facts);
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(QString, message);
        QFETCH(QString, hint);
        const LapError e = ttyConnectError(facts);
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.message, message);
        QCOMPARE(e.hint, hint);
        // The token rides in the query: never in what the user can copy.
        QVERIFY2(!e.detail.contains(QLatin1String("secret-token")), qPrintable(e.detail));
    }

    void bridgeNotices_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("line");
        const int exited = int(BridgeNotice::Kind::Exited);
        QTest::newRow("exit notice, dim")
            << QByteArray("bye\r\n\x1b[2m\r\n[bridge] process exited (code=0, signal=0)\r\n\x1b[0m")
            << exited << QStringLiteral("[bridge] process exited (code=0, signal=0)");
        QTest::newRow("spawn failure, red")
            << QByteArray("\x1b[31m[bridge] failed to spawn: ENOENT\x1b[0m\r\n")
            << int(BridgeNotice::Kind::SpawnFailed)
            << QStringLiteral("[bridge] failed to spawn: ENOENT");
        QTest::newRow("exit wins")
            << QByteArray("[bridge] failed to spawn: x\r\n[bridge] process exited (code=1)\r\n")
            << exited << QStringLiteral("[bridge] process exited (code=1)");
        QTest::newRow("nothing") << QByteArray("$ exit\r\nlogout\r\n")
                                 << int(BridgeNotice::Kind::None) << QString();
    }
    void bridgeNotices()
    {
        QFETCH(QByteArray, output);
        QFETCH(int, kind);
        QFETCH(QString, line);
        QByteArray tail;
        keepBridgeTail(tail, output);
        const BridgeNotice n = scanBridgeNotice(tail);
        QCOMPARE(int(n.kind), kind);
        QCOMPARE(n.line, line);
    }
    void noticeScrolledOutOfTheTailIsForgotten()
    {
        QByteArray tail;
        keepBridgeTail(tail, QByteArray("[bridge] process exited (code=0)\r\n"));
        QCOMPARE(int(scanBridgeNotice(tail).kind), int(BridgeNotice::Kind::Exited));
        keepBridgeTail(tail, QByteArray(kBridgeTailBytes, 'x'));
        QCOMPARE(tail.size(), kBridgeTailBytes);
        QCOMPARE(int(scanBridgeNotice(tail).kind), int(BridgeNotice::Kind::None));
    }
    void stripAnsiKeepsText()
    {
        QCOMPARE(stripAnsi(QStringLiteral("\x1b[1;31mred\x1b[0m \x1b]0;title\x07plain\x1bM")),
                 QStringLiteral("red plain"));
    }
};

QTEST_GUILESS_MAIN(TstTtyWording)
#include "tst_ttywording.moc"
