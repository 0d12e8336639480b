// SPDX-License-Identifier: GPL-2.0-or-later
// TtyChannel against real sockets on 127.0.0.1: a QWebSocketServer for the protocol, a
// hand-written one (tests/common/rawwsserver.h) where the exact bytes on the wire matter
// (handshake, pings, an empty close frame as the harness sends after the agent exits, rejected
// upgrades).
#include "laptest.h"
#include "rawwsserver.h"
#include "testcerts.h"
#include "ttychannel.h"

#include <QPointer>
#include <QUrlQuery>
#include <QWebSocketServer>
#include <QtTest>

#ifndef QT_NO_SSL
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#endif

Q_DECLARE_METATYPE(lap::Result<lap::Session>)

using namespace lap;
using laptest::joined;
using laptest::RawWsServer;
using laptest::WsHandshake;

namespace {

constexpr int kWait = 10000; // generous: the CI machine has two cores shared with other builds

TtyTarget target(quint16 port, const QString &token = QStringLiteral("tok"),
                 const QString &scheme = QStringLiteral("ws"))
{
    TtyTarget t;
    t.url = QUrl(QStringLiteral("%1://127.0.0.1:%2/tty").arg(scheme).arg(port));
    t.token = token;
    return t;
}

// The protocol side of a harness: collects what the client sends, lets the test push frames.
class WsServer : public QObject
{
public:
    explicit WsServer(QWebSocketServer::SslMode mode = QWebSocketServer::NonSecureMode)
        : m_server(QStringLiteral("tst"), mode)
    {
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *ws = m_server.nextPendingConnection()) {
                ws->setParent(this);
                peers << ws;
                connect(ws, &QWebSocket::textMessageReceived, this,
                        [this](const QString &t) { texts << t; });
                connect(ws, &QWebSocket::binaryMessageReceived, this,
                        [this](const QByteArray &b) { binaries << b; });
                connect(ws, &QWebSocket::disconnected, this, [this] { ++disconnects; });
            }
        });
    }
    QWebSocketServer &server() { return m_server; }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    QWebSocket *peer() const { return peers.isEmpty() ? nullptr : peers.last().data(); }

    QList<QPointer<QWebSocket>> peers;
    QStringList texts;
    QList<QByteArray> binaries;
    int disconnects = 0;

private:
    QWebSocketServer m_server;
};

TtyClose closeOf(const QSignalSpy &spy)
{
    return spy.isEmpty() ? TtyClose{} : spy.first().first().value<TtyClose>();
}

LapError errorOf(const QSignalSpy &spy)
{
    return spy.isEmpty() ? LapError{} : spy.first().first().value<LapError>();
}

Session sessionWithStatus(const QString &status, const QString &reason = {})
{
    Session s;
    s.id = QStringLiteral("3f2b8c1e-7a4d-4e1b-9c2a-0d5e6f7a8b9c");
    s.status = status;
    s.failureReason = reason;
    return s;
}

} // namespace

class TstTtyChannel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    // handshake
    void tokenInHeaderAndQuery();
    void noTokenSendsNeither();
    // traffic
    void keystrokesAreBinaryFrames();
    void resizeIsExactJson();
    void resizeIsSentAgainAfterReopen();
    void textAndBinaryOutput();
    void utf8SplitAcrossBinaryFrames();
    void keepAlivePings();
    // how it ends
    void serverGoingAwayWithReason();
    void serverAbortIsAbnormalClosure();
    void agentExitedNoticeThenEmptyClose();
    void spawnFailedNotice();
    void oldNoticeScrolledOutIsADrop();
    void userCloseIsDetach();
    void userCloseWhileConnecting();
    void userAbortIsDetach();
    // failures before open
    void upgradeRejected_data();
    void upgradeRejected();
    void refusedPort();
    void remoteClosedDuringHandshake();
    void connectTimeout();
    void invalidUrl();
    void tlsUntrusted();
    void tlsTrustedByConfiguration();
    // lifetime
    void deleteWhileConnecting();
    void deleteWhileOpen();
    void deleteFromOutputSlot();
    void reopenFromFailedSlot();
    // pure
    void statusFromErrorString_data();
    void statusFromErrorString();
    void describeClose_data();
    void describeClose();
    void describeDropVariants_data();
    void describeDropVariants();
};

void TstTtyChannel::initTestCase()
{
    qRegisterMetaType<lap::TtyClose>();
    qRegisterMetaType<lap::LapError>();
}

void TstTtyChannel::tokenInHeaderAndQuery()
{
    RawWsServer server;
    QVERIFY(server.start());
    TtyChannel ch;
    QSignalSpy opened(&ch, &TtyChannel::opened);
    ch.open(target(server.serverPort(), QStringLiteral("a b&c=d/é")));
    QVERIFY(opened.wait(kWait));
    QVERIFY(server.last());
    const QByteArray request = server.last()->rawRequest();
    QCOMPARE(ch.state(), TtyChannel::State::Open);
    const QList<QByteArray> lines = request.split('\n');
    QCOMPARE(lines.first().trimmed(), QByteArray("GET /tty?token=a%20b%26c%3Dd%2F%C3%A9 HTTP/1.1"));
    // Header names are case-insensitive (RFC 9110 §5.1) and Qt 6.8 sends "authorization:".
    QCOMPARE(server.last()->header("Authorization"), QByteArray("Bearer a b&c=d/\xc3\xa9"));
    QVERIFY2(request.toLower().count("\r\nauthorization:") == 1, request.constData());
    // No subprotocol: the harness negotiates none.
    QVERIFY(!request.toLower().contains("sec-websocket-protocol"));
}

void TstTtyChannel::noTokenSendsNeither()
{
    RawWsServer server;
    QVERIFY(server.start());
    TtyChannel ch;
    QSignalSpy opened(&ch, &TtyChannel::opened);
    ch.open(target(server.serverPort(), QString()));
    QVERIFY(opened.wait(kWait));
    QVERIFY(server.last());
    const QByteArray request = server.last()->rawRequest();
    QCOMPARE(request.split('\n').first().trimmed(), QByteArray("GET /tty HTTP/1.1"));
    QVERIFY(!request.toLower().contains("authorization"));
}

void TstTtyChannel::keystrokesAreBinaryFrames()
{
    WsServer server;
    QVERIFY(server.listen());
    TtyChannel ch;
    QCOMPARE(ch.sendInput("early"), false);
    QSignalSpy opened(&ch, &TtyChannel::opened);
    ch.open(target(server.port()));
    QCOMPARE(ch.sendInput("still connecting"), false);
    QVERIFY(opened.wait(kWait));
    QVERIFY(ch.sendInput("ls -l\r"));
    // Pasted JSON that looks like a resize must reach the PTY as typed.
    QVERIFY(ch.sendInput("{\"type\":\"resize\",\"cols\":1,\"rows\":1}"));
    QVERIFY(ch.sendInput(QByteArray("\x04\x00\xff", 3)));
    QCOMPARE(ch.sendInput(QByteArray()), false);
    QTRY_COMPARE_WITH_TIMEOUT(server.binaries.size(), 3, kWait);
    QCOMPARE(server.binaries.at(0), QByteArray("ls -l\r"));
    QCOMPARE(server.binaries.at(1), QByteArray("{\"type\":\"resize\",\"cols\":1,\"rows\":1}"));
    QCOMPARE(server.binaries.at(2), QByteArray("\x04\x00\xff", 3));
    QVERIFY(server.texts.isEmpty());
}

void TstTtyChannel::resizeIsExactJson()
{
    WsServer server;
    QVERIFY(server.listen());
    TtyChannel ch;
    QCOMPARE(ch.sendResize(80, 24), false); // not open yet
    QSignalSpy opened(&ch, &TtyChannel::opened);
    ch.open(target(server.port()));
    QVERIFY(opened.wait(kWait));

    QCOMPARE(ch.sendResize(120, 40), true);
    QCOMPARE(ch.sendResize(120, 40), false); // duplicate
    QCOMPARE(ch.sendResize(0, 40), false);
    QCOMPARE(ch.sendResize(120, 0), false);
    QCOMPARE(ch.sendResize(-5, 10), false);
    QCOMPARE(ch.sendResize(120, 40, true), true); // forced re-send
    QCOMPARE(ch.sendResize(1, 1), true);
    ch.sendInput("sync"); // frames arrive in order: once this is in, so is everything before
    QTRY_COMPARE_WITH_TIMEOUT(server.binaries.size(), 1, kWait);
    QCOMPARE(server.texts,
             (QStringList{QStringLiteral("{\"type\":\"resize\",\"cols\":120,\"rows\":40}"),
                          QStringLiteral("{\"type\":\"resize\",\"cols\":120,\"rows\":40}"),
                          QStringLiteral("{\"type\":\"resize\",\"cols\":1,\"rows\":1}")}));
}

void TstTtyChannel::resizeIsSentAgainAfterReopen()
{
    WsServer server;
    QVERIFY(server.listen());
    TtyChannel ch;
    QSignalSpy opened(&ch, &TtyChannel::opened);
    QSignalSpy closed(&ch, &TtyChannel::closed);
    ch.open(target(server.port()));
    QVERIFY(opened.wait(kWait));
    QVERIFY(ch.sendResize(100, 30));
    ch.close();
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
    ch.open(target(server.port()));
    QVERIFY(opened.wait(kWait));
    // A new attach is a new tmux client: the same size must go out again without `force`.
    QCOMPARE(ch.sendResize(100, 30), true);
    QTRY_COMPARE_WITH_TIMEOUT(server.texts.size(), 2, kWait);
}

void TstTtyChannel::textAndBinaryOutput()
{
    WsServer server;
    QVERIFY(server.listen());
    TtyChannel ch;
    QSignalSpy opened(&ch, &TtyChannel::opened);
    QSignalSpy output(&ch, &TtyChannel::output);
    ch.open(target(server.port()));
    QVERIFY(opened.wait(kWait));
    QTRY_VERIFY_WITH_TIMEOUT(server.peer(), kWait);
    server.peer()->sendTextMessage(QStringLiteral("h\u00e9llo \u2500\r\n"));
    server.peer()->sendBinaryMessage(QByteArray("\x1b[0m\x00\xff", 6));
    QTRY_COMPARE_WITH_TIMEOUT(output.size(), 2, kWait);
    QCOMPARE(output.at(0).first().toByteArray(), QByteArray("h\xc3\xa9llo \xe2\x94\x80\r\n"));
    QCOMPARE(output.at(1).first().toByteArray(), QByteArray("\x1b[0m\x00\xff", 6));
    QCOMPARE(ch.bytesReceived(), qint64(12 + 6));
}

void TstTtyChannel::utf8SplitAcrossBinaryFrames()
{
    WsServer server;
    QVERIFY(server.listen());
    TtyChannel ch;
    QSignalSpy opened(&ch, &TtyChannel::opened);
    QSignalSpy output(&ch, &TtyChannel::output);
    ch.open(target(server.port()));
    QVERIFY(opened.wait(kWait));
    QTRY_VERIFY_WITH_TIMEOUT(server.peer(), kWait);
    // "€ok" = E2 82 AC 6F 6B, cut inside the euro sign.
    server.peer()->sendBinaryMessage(QByteArray("\xe2"));
    server.peer()->sendBinaryMessage(QByteArray("\x82\xac"
                                                "ok"));
    QTRY_COMPARE_WITH_TIMEOUT(output.size(), 2, kWait);
    QCOMPARE(output.at(0).first().toByteArray(), QByteArray("\xe2"));
    QCOMPARE(joined(output), QByteArray("\xe2\x82\xac"
                                        "ok"));
}

void TstTtyChannel::keepAlivePings()
{
    RawWsServer server;
    server.setAutoPong(true); // a live harness answers the pings
    QVERIFY(server.start());
    TtyChannel ch;
    ch.setKeepAliveInterval(100);
    QSignalSpy opened(&ch, &TtyChannel::opened);
    ch.open(target(server.serverPort()));
    QVERIFY(opened.wait(kWait));
    QTRY_VERIFY_WITH_TIMEOUT(server.last()->countReceived(laptest::WsPing) >= 2, kWait);
    // Protocol pings only: nothing that the harness could type into the PTY.
    QCOMPARE(server.last()->countReceived(laptest::WsText), 0);
    QCOMPARE(server.last()->countReceived(laptest::WsBinary), 0);
}

void TstTtyChannel::serverGoingAwayWithReason()
{
    WsServer server;
    QVERIFY(server.listen());
    TtyChannel ch;
    QSignalSpy opened(&ch, &TtyChannel::opened);
    QSignalSpy closed(&ch, &TtyChannel::closed);
    QSignalSpy failed(&ch, &TtyChannel::failed);
    ch.open(target(server.port()));
    QVERIFY(opened.wait(kWait));
    QTRY_VERIFY_WITH_TIMEOUT(server.peer(), kWait);
    server.peer()->close(QWebSocketProtocol::CloseCodeGoingAway,
                         QStringLiteral("pod shutting down"));
    QVERIFY(closed.wait(kWait));
    const TtyClose c = closeOf(closed);
    QCOMPARE(c.reason, TtyClose::Reason::Dropped);
    QCOMPARE(c.code, 1001);
    QCOMPARE(c.codeReason, QStringLiteral("pod shutting down"));
    QCOMPARE(c.describe(),
             QStringLiteral("Connection lost (code 1001: going away — pod shutting down)."));
    QCOMPARE(ch.state(), TtyChannel::State::Closed);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(ch.sendInput("x"), false);
}

void TstTtyChannel::serverAbortIsAbnormalClosure()
{
    WsServer server;
    QVERIFY(server.listen());
    TtyChannel ch;
    QSignalSpy opened(&ch, &TtyChannel::opened);
    QSignalSpy closed(&ch, &TtyChannel::closed);
    ch.open(target(server.port()));
    QVERIFY(opened.wait(kWait));
    QTRY_VERIFY_WITH_TIMEOUT(server.peer(), kWait);
    server.peer()->abort();
    QVERIFY(closed.wait(kWait));
    const TtyClose c = closeOf(closed);
    QCOMPARE(c.reason, TtyClose::Reason::Dropped);
    QCOMPARE(c.code, 1006);
    QCOMPARE(c.describe(), QStringLiteral("Connection lost (code 1006: abnormal closure)."));
    QCOMPARE(closed.size(), 1);
}

void TstTtyChannel::agentExitedNoticeThenEmptyClose()
{
    RawWsServer server;
    QVERIFY(server.start());
    TtyChannel ch;
    QSignalSpy opened(&ch, &TtyChannel::opened);
    QSignalSpy closed(&ch, &TtyChannel::closed);
    QSignalSpy output(&ch, &TtyChannel::output);
    ch.open(target(server.serverPort()));
    QVERIFY(opened.wait(kWait));
    // What the harness does (docs/platform-api.md §7): dim notice as a text frame, then a close
    // frame without a status code.
    const QByteArray notice("\x1b[2m\r\n[bridge] process exited (code=0, signal=0)\r\n\x1b[0m");
    server.last()->sendFrame(laptest::WsText, "$ exit\r\n");
    server.last()->sendFrame(laptest::WsText, notice);
    server.last()->sendFrame(laptest::WsClose, QByteArray());
    QVERIFY(closed.wait(kWait));
    const TtyClose c = closeOf(closed);
    QCOMPARE(c.reason, TtyClose::Reason::AgentExited);
    QCOMPARE(c.notice, QStringLiteral("[bridge] process exited (code=0, signal=0)"));
    QCOMPARE(c.describe(),
             QStringLiteral("The agent exited ([bridge] process exited (code=0, signal=0))."));
    // The notice is still terminal output: it is shown as the harness sent it.
    QCOMPARE(joined(output), QByteArray("$ exit\r\n") + notice);
}

void TstTtyChannel::spawnFailedNotice()
{
    WsServer server;
    QVERIFY(server.listen());
    TtyChannel ch;
    QSignalSpy opened(&ch, &TtyChannel::opened);
    QSignalSpy closed(&ch, &TtyChannel::closed);
    ch.open(target(server.port()));
    QVERIFY(opened.wait(kWait));
    QTRY_VERIFY_WITH_TIMEOUT(server.peer(), kWait);
    server.peer()->sendTextMessage(
        QStringLiteral("\x1b[31m[bridge] failed to spawn: posix_spawnp failed.\x1b[0m\r\n"));
    server.peer()->close();
    QVERIFY(closed.wait(kWait));
    const TtyClose c = closeOf(closed);
    QCOMPARE(c.reason, TtyClose::Reason::SpawnFailed);
    QCOMPARE(c.notice, QStringLiteral("[bridge] failed to spawn: posix_spawnp failed."));
    QCOMPARE(c.describe(), QStringLiteral("The sandbox could not start the agent ([bridge] failed "
                                          "to spawn: posix_spawnp failed.)."));
}

void TstTtyChannel::oldNoticeScrolledOutIsADrop()
{
    WsServer server;
    QVERIFY(server.listen());
    TtyChannel ch;
    QSignalSpy opened(&ch, &TtyChannel::opened);
    QSignalSpy closed(&ch, &TtyChannel::closed);
    ch.open(target(server.port()));
    QVERIFY(opened.wait(kWait));
    QTRY_VERIFY_WITH_TIMEOUT(server.peer(), kWait);
    // Someone cat-ing a log that mentions the notice, followed by plenty of other output.
    server.peer()->sendTextMessage(QStringLiteral("[bridge] process exited (code=1)\r\n"));
    server.peer()->sendTextMessage(QString(600, QLatin1Char('x')));
    server.peer()->abort();
    QVERIFY(closed.wait(kWait));
    QCOMPARE(closeOf(closed).reason, TtyClose::Reason::Dropped);
}

void TstTtyChannel::userCloseIsDetach()
{
    WsServer server;
    QVERIFY(server.listen());
    TtyChannel ch;
    QSignalSpy opened(&ch, &TtyChannel::opened);
    QSignalSpy closed(&ch, &TtyChannel::closed);
    ch.open(target(server.port()));
    QVERIFY(opened.wait(kWait));
    ch.close();
    QCOMPARE(ch.sendInput("x"), false); // detaching: nothing more goes out
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
    const TtyClose c = closeOf(closed);
    QCOMPARE(c.reason, TtyClose::Reason::UserDetached);
    QCOMPARE(c.describe(), QString());
    QCOMPARE(ch.state(), TtyChannel::State::Closed);
    QTRY_COMPARE_WITH_TIMEOUT(server.disconnects, 1, kWait);
    QCOMPARE(closed.size(), 1);
}

void TstTtyChannel::userCloseWhileConnecting()
{
    RawWsServer server;
    server.setHandshake(WsHandshake::Hang);
    QVERIFY(server.start());
    TtyChannel ch;
    QSignalSpy closed(&ch, &TtyChannel::closed);
    QSignalSpy failed(&ch, &TtyChannel::failed);
    ch.open(target(server.serverPort()));
    QTRY_VERIFY_WITH_TIMEOUT(server.last() && server.last()->requestReceived(), kWait);
    ch.close();
    QCOMPARE(closed.size(), 1);
    QCOMPARE(closeOf(closed).reason, TtyClose::Reason::UserDetached);
    QTRY_COMPARE_WITH_TIMEOUT(server.disconnectCount(), 1, kWait);
    QCOMPARE(failed.size(), 0);
}

void TstTtyChannel::userAbortIsDetach()
{
    WsServer server;
    QVERIFY(server.listen());
    TtyChannel ch;
    QSignalSpy opened(&ch, &TtyChannel::opened);
    QSignalSpy closed(&ch, &TtyChannel::closed);
    ch.open(target(server.port()));
    QVERIFY(opened.wait(kWait));
    ch.abort();
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
    QCOMPARE(closeOf(closed).reason, TtyClose::Reason::UserDetached);
}

void TstTtyChannel::upgradeRejected_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("hint");
    QTest::addColumn<QByteArray>("headers");
    QTest::newRow("401 with token")
        << 401 << QStringLiteral("wrong-token")
        << QStringLiteral(
               "The sandbox refused the terminal connection: TTY token rejected (HTTP 401).")
        << QStringLiteral("The pod may predate the platform's harness token: restart the session, "
                          "or set LAP_TTY_TOKEN.")
        << QByteArray();
    QTest::newRow("401 without token")
        << 401 << QString()
        << QStringLiteral("The sandbox refused the terminal connection: no TTY token was sent "
                          "(HTTP 401).")
        << QStringLiteral("The platform returned no tty_token: set LAP_TTY_TOKEN.") << QByteArray();
    QTest::newRow("503") << 503 << QStringLiteral("secret-503")
                         << QStringLiteral(
                                "The sandbox is not ready for a terminal yet (HTTP 503).")
                         << QStringLiteral("It is starting or restarting; try again in a moment.")
                         << QByteArray();
    QTest::newRow("502") << 502 << QStringLiteral("secret-502")
                         << QStringLiteral("Cannot reach the sandbox (HTTP 502).")
                         << QStringLiteral("The pod may be gone, or the platform's proxy still "
                                           "remembers an old address (up to 30 s after a restart).")
                         << QByteArray();
    QTest::newRow("404") << 404 << QStringLiteral("secret-404")
                         << QStringLiteral("The terminal connection was refused (HTTP 404).")
                         << QString() << QByteArray();
    // Qt 6.6 and later read these as authentication challenges: one it cannot answer, and one
    // it could answer with credentials, which asks for them (authenticationRequired).
    const QString rejected = QStringLiteral(
        "The sandbox refused the terminal connection: TTY token rejected (HTTP 401).");
    const QString rejectedHint = QStringLiteral(
        "The pod may predate the platform's harness token: restart the session, or set "
        "LAP_TTY_TOKEN.");
    QTest::newRow("401 Bearer challenge")
        << 401 << QStringLiteral("wrong-token") << rejected << rejectedHint
        << QByteArray("WWW-Authenticate: Bearer\r\n");
    QTest::newRow("401 Basic challenge")
        << 401 << QStringLiteral("wrong-token") << rejected << rejectedHint
        << QByteArray("WWW-Authenticate: Basic realm=\"tty\"\r\nContent-Length: 0\r\n");
}

void TstTtyChannel::upgradeRejected()
{
    QFETCH(int, status);
    QFETCH(QString, token);
    QFETCH(QString, message);
    QFETCH(QString, hint);
    QFETCH(QByteArray, headers);
    // As the proxy answers: a bare status line, no body, connection closed.
    RawWsServer server;
    server.setHandshake(WsHandshake::Reply, QByteArray("HTTP/1.1 ") + QByteArray::number(status) +
                                                " Whatever\r\n" + headers + "\r\n");
    QVERIFY(server.start());
    TtyChannel ch;
    QSignalSpy failed(&ch, &TtyChannel::failed);
    QSignalSpy closed(&ch, &TtyChannel::closed);
    QSignalSpy opened(&ch, &TtyChannel::opened);
    ch.open(target(server.serverPort(), token));
    QVERIFY(failed.wait(kWait));
    const LapError e = errorOf(failed);
    QCOMPARE(e.kind, LapError::Kind::TtyUpgrade);
    QCOMPARE(e.httpStatus, status);
    QCOMPARE(e.message, message);
    QCOMPARE(e.hint, hint);
    if (!token.isEmpty()) {
        QVERIFY(!e.text().contains(token));
        QVERIFY(!e.detail.contains(token));
    }
    QCOMPARE(ch.state(), TtyChannel::State::Closed);
    // Exactly one outcome, even though Qt reports this failure twice.
    QTest::qWait(100);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(closed.size(), 0);
    QCOMPARE(opened.size(), 0);
}

void TstTtyChannel::refusedPort()
{
    const quint16 port = laptest::closedPort();
    QVERIFY(port != 0);
    TtyChannel ch;
    QSignalSpy failed(&ch, &TtyChannel::failed);
    QSignalSpy closed(&ch, &TtyChannel::closed);
    ch.open(target(port));
    QVERIFY(failed.wait(kWait));
    const LapError e = errorOf(failed);
    QCOMPARE(e.kind, LapError::Kind::TtyConnect);
    QCOMPARE(e.httpStatus, 0);
    QCOMPARE(
        e.message,
        QStringLiteral("Cannot reach the sandbox at 127.0.0.1:%1: Connection refused.").arg(port));
    QCOMPARE(e.hint, QStringLiteral("The pod may be gone or the address unreachable."));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(closed.size(), 0);
}

void TstTtyChannel::remoteClosedDuringHandshake()
{
    RawWsServer server;
    server.setHandshake(WsHandshake::CloseAtOnce);
    QVERIFY(server.start());
    TtyChannel ch;
    QSignalSpy failed(&ch, &TtyChannel::failed);
    ch.open(target(server.serverPort()));
    QVERIFY(failed.wait(kWait));
    const LapError e = errorOf(failed);
    QCOMPARE(e.kind, LapError::Kind::TtyConnect);
    QCOMPARE(e.message,
             QStringLiteral("Cannot reach the sandbox at 127.0.0.1:%1: The remote host closed the "
                            "connection.")
                 .arg(server.serverPort()));
}

void TstTtyChannel::connectTimeout()
{
    RawWsServer server;
    server.setHandshake(WsHandshake::Hang);
    QVERIFY(server.start());
    TtyChannel ch;
    ch.setConnectTimeout(300);
    QSignalSpy failed(&ch, &TtyChannel::failed);
    ch.open(target(server.serverPort()));
    QVERIFY(failed.wait(kWait));
    const LapError e = errorOf(failed);
    QCOMPARE(e.kind, LapError::Kind::TtyConnect);
    QCOMPARE(e.message, QStringLiteral("Cannot reach the sandbox at 127.0.0.1:%1: no answer within "
                                       "0.3 s.")
                            .arg(server.serverPort()));
    QTRY_COMPARE_WITH_TIMEOUT(server.disconnectCount(), 1, kWait); // the attempt is really dropped

    ch.setConnectTimeout(1000);
    ch.open(target(server.serverPort()));
    QVERIFY(failed.wait(kWait));
    QCOMPARE(failed.size(), 2);
    QCOMPARE(failed.at(1).first().value<LapError>().message,
             QStringLiteral("Cannot reach the sandbox at 127.0.0.1:%1: no answer within 1 s.")
                 .arg(server.serverPort()));
}

void TstTtyChannel::invalidUrl()
{
    TtyChannel ch;
    QSignalSpy failed(&ch, &TtyChannel::failed);
    ch.open(TtyTarget{});
    QCOMPARE(failed.size(), 0); // reported from the event loop, not from inside open()
    QVERIFY(failed.wait(kWait));
    QCOMPARE(errorOf(failed).message,
             QStringLiteral("The terminal URL is not a valid ws:// or wss:// URL."));
}

#ifndef QT_NO_SSL
namespace {
QSslConfiguration serverTls()
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setLocalCertificate(QSslCertificate(QByteArray(laptest::kTestLeafPem)));
    c.setPrivateKey(QSslKey(QByteArray(laptest::kTestLeafKeyPem), QSsl::Rsa));
    c.setPeerVerifyMode(QSslSocket::VerifyNone);
    return c;
}
} // namespace
#endif

void TstTtyChannel::tlsUntrusted()
{
#ifdef QT_NO_SSL
    QSKIP("Qt built without TLS");
#else
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend available");
    WsServer server(QWebSocketServer::SecureMode);
    server.server().setSslConfiguration(serverTls());
    QVERIFY(server.listen());
    TtyChannel ch;
    QSignalSpy failed(&ch, &TtyChannel::failed);
    ch.open(target(server.port(), QStringLiteral("t"), QStringLiteral("wss")));
    QVERIFY(failed.wait(kWait));
    const LapError e = errorOf(failed);
    QCOMPARE(e.kind, LapError::Kind::Tls);
    // The list itself comes from the TLS backend; the sentence around it is ours.
    QVERIFY2(e.message.startsWith(QLatin1String("TLS error connecting to the sandbox: ")),
             qPrintable(e.message));
    QVERIFY2(e.message.contains(QLatin1String("certificate")), qPrintable(e.message));
    QVERIFY(e.message.endsWith(QLatin1Char('.')));
#endif
}

void TstTtyChannel::tlsTrustedByConfiguration()
{
#ifdef QT_NO_SSL
    QSKIP("Qt built without TLS");
#else
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend available");
    WsServer server(QWebSocketServer::SecureMode);
    server.server().setSslConfiguration(serverTls());
    QVERIFY(server.listen());
    TtyChannel ch;
    QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
    trust.setCaCertificates({QSslCertificate(QByteArray(laptest::kTestCaPem))});
    ch.setSslConfiguration(trust);
    QSignalSpy opened(&ch, &TtyChannel::opened);
    QSignalSpy failed(&ch, &TtyChannel::failed);
    ch.open(target(server.port(), QStringLiteral("t"), QStringLiteral("wss")));
    QVERIFY2(opened.wait(kWait), failed.isEmpty() ? "" : qPrintable(errorOf(failed).message));
    QVERIFY(ch.sendInput("over tls"));
    QTRY_COMPARE_WITH_TIMEOUT(server.binaries.size(), 1, kWait);
    QCOMPARE(server.binaries.first(), QByteArray("over tls"));
#endif
}

void TstTtyChannel::deleteWhileConnecting()
{
    RawWsServer server;
    server.setHandshake(WsHandshake::Hang);
    QVERIFY(server.start());
    auto *ch = new TtyChannel;
    ch->open(target(server.serverPort()));
    QTRY_VERIFY_WITH_TIMEOUT(server.last() && server.last()->requestReceived(), kWait);
    delete ch;
    QTRY_COMPARE_WITH_TIMEOUT(server.disconnectCount(), 1, kWait);
}

void TstTtyChannel::deleteWhileOpen()
{
    WsServer server;
    QVERIFY(server.listen());
    auto *ch = new TtyChannel;
    QSignalSpy opened(ch, &TtyChannel::opened);
    ch->open(target(server.port()));
    QVERIFY(opened.wait(kWait));
    delete ch;
    // The harness sees the tmux client go away (a close, not a hang).
    QTRY_COMPARE_WITH_TIMEOUT(server.disconnects, 1, kWait);
}

void TstTtyChannel::deleteFromOutputSlot()
{
    WsServer server;
    QVERIFY(server.listen());
    QPointer<TtyChannel> ch = new TtyChannel;
    QSignalSpy opened(ch.data(), &TtyChannel::opened);
    int calls = 0;
    connect(ch.data(), &TtyChannel::output, this, [&ch, &calls](const QByteArray &) {
        ++calls;
        delete ch.data(); // a tab closed in reaction to output
    });
    ch->open(target(server.port()));
    QVERIFY(opened.wait(kWait));
    QTRY_VERIFY_WITH_TIMEOUT(server.peer(), kWait);
    // Several frames in one TCP read: the socket keeps delivering after the channel is gone.
    server.peer()->sendTextMessage(QStringLiteral("one"));
    server.peer()->sendTextMessage(QStringLiteral("two"));
    server.peer()->sendBinaryMessage("three");
    QTRY_VERIFY_WITH_TIMEOUT(ch.isNull(), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(server.disconnects, 1, kWait);
    QCOMPARE(calls, 1);
}

void TstTtyChannel::reopenFromFailedSlot()
{
    RawWsServer refusing;
    refusing.setHandshake(WsHandshake::Reply, "HTTP/1.1 503 Service Unavailable\r\n\r\n");
    QVERIFY(refusing.start());
    WsServer server;
    QVERIFY(server.listen());
    TtyChannel ch;
    QSignalSpy opened(&ch, &TtyChannel::opened);
    QSignalSpy failed(&ch, &TtyChannel::failed);
    // The retry-on-503 pattern: open again from inside the failure handler.
    connect(&ch, &TtyChannel::failed, this,
            [&ch, &server](const LapError &) { ch.open(target(server.port())); });
    ch.open(target(refusing.serverPort()));
    QVERIFY(opened.wait(kWait));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(errorOf(failed).httpStatus, 503);
    QCOMPARE(ch.state(), TtyChannel::State::Open);
}

void TstTtyChannel::statusFromErrorString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("status");
    QTest::newRow("qt 5.15 / 6.4")
        << QStringLiteral("QWebSocketPrivate::processHandshake: Unhandled http status code: 401 "
                          "(Unauthorized).")
        << 401;
    QTest::newRow("no reason phrase")
        << QStringLiteral(
               "QWebSocketPrivate::processHandshake: Unhandled http status code: 503 ().")
        << 503;
    QTest::newRow("status line quoted")
        << QStringLiteral("Invalid response: HTTP/1.1 502 Bad Gateway") << 502;
    QTest::newRow("qt 6.6+: 401, no challenge")
        << QStringLiteral("QWebSocketPrivate::processHandshake: Unsupported WWW-Authenticate "
                          "challenges encountered.")
        << 401;
    QTest::newRow("qt 6.6+: 401, one challenge")
        << QStringLiteral("QWebSocketPrivate::processHandshake: Unsupported WWW-Authenticate "
                          "challenge encountered.")
        << 401;
    QTest::newRow("qt 6.6+: 401, no credentials")
        << QStringLiteral("QWebSocket::processHandshake: Host requires authentication") << 401;
    QTest::newRow("prefix cleaned") << QStringLiteral("Host requires authentication") << 401;
    QTest::newRow("other authentication") << QStringLiteral("Proxy requires authentication") << 0;
    QTest::newRow("refused") << QStringLiteral("Connection refused") << 0;
    QTest::newRow("port number is not a status")
        << QStringLiteral("Host 10.0.0.1 port 4096 unreachable") << 0;
    QTest::newRow("empty") << QString() << 0;
}

void TstTtyChannel::statusFromErrorString()
{
    QFETCH(QString, text);
    QFETCH(int, status);
    QCOMPARE(httpStatusFromHandshakeError(text), status);
}

void TstTtyChannel::describeClose_data()
{
    QTest::addColumn<int>("reason");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("codeReason");
    QTest::addColumn<QString>("notice");
    QTest::addColumn<QString>("expected");
    const int dropped = int(TtyClose::Reason::Dropped);
    QTest::newRow("1006") << dropped << 1006 << QString() << QString()
                          << QStringLiteral("Connection lost (code 1006: abnormal closure).");
    QTest::newRow("no code") << dropped << 0 << QString() << QString()
                             << QStringLiteral("Connection lost.");
    QTest::newRow("1001 with reason")
        << dropped << 1001 << QStringLiteral("server restart") << QString()
        << QStringLiteral("Connection lost (code 1001: going away — server restart).");
    QTest::newRow("1011") << dropped << 1011 << QString() << QString()
                          << QStringLiteral("Connection lost (code 1011: server error).");
    QTest::newRow("unnamed code") << dropped << 4000 << QString() << QString()
                                  << QStringLiteral("Connection lost (code 4000).");
    QTest::newRow("unnamed code with reason")
        << dropped << 4000 << QStringLiteral("custom") << QString()
        << QStringLiteral("Connection lost (code 4000 — custom).");
    QTest::newRow("agent exited")
        << int(TtyClose::Reason::AgentExited) << 1005 << QString()
        << QStringLiteral("[bridge] process exited (code=130, signal=null)")
        << QStringLiteral("The agent exited ([bridge] process exited (code=130, signal=null)).");
    QTest::newRow("spawn failed") << int(TtyClose::Reason::SpawnFailed) << 1000 << QString()
                                  << QStringLiteral("[bridge] failed to spawn: ENOENT")
                                  << QStringLiteral("The sandbox could not start the agent "
                                                    "([bridge] failed to spawn: ENOENT).");
    QTest::newRow("user detached")
        << int(TtyClose::Reason::UserDetached) << 1000 << QString() << QString() << QString();
}

void TstTtyChannel::describeClose()
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

void TstTtyChannel::describeDropVariants_data()
{
    QTest::addColumn<Result<Session>>("after");
    QTest::addColumn<QString>("expected");
    const QString lost = QStringLiteral("Connection lost (code 1006: abnormal closure). ");
    QTest::newRow("still ready")
        << Result<Session>::success(sessionWithStatus(QStringLiteral("ready")))
        << lost + QStringLiteral("The session is still running — reconnect to continue.");
    QTest::newRow("reaped") << Result<Session>::success(sessionWithStatus(
                                   QStringLiteral("dead"), QStringLiteral("idle timeout")))
                            << lost + QStringLiteral("Session is dead — idle timeout.");
    QTest::newRow("failed, no reason")
        << Result<Session>::success(sessionWithStatus(QStringLiteral("failed")))
        << lost + QStringLiteral("Session is failed.");
    QTest::newRow("stopped") << Result<Session>::success(sessionWithStatus(
                                    QStringLiteral("stopped"), QStringLiteral("deleted")))
                             << lost + QStringLiteral("Session is stopped — deleted.");
    QTest::newRow("restarting")
        << Result<Session>::success(sessionWithStatus(QStringLiteral("creating")))
        << lost + QStringLiteral("Session is creating — reconnect once it is ready.");
    QTest::newRow("GET failed")
        << Result<Session>::failure(LapError(LapError::Kind::Network,
                                             QStringLiteral("Cannot reach https://lap.x: "
                                                            "Connection refused."),
                                             QStringLiteral("Check the URL.")))
        << lost + QStringLiteral("Could not check the session (Cannot reach https://lap.x: "
                                 "Connection refused) — try reconnecting.");
}

void TstTtyChannel::describeDropVariants()
{
    QFETCH(Result<Session>, after);
    QFETCH(QString, expected);
    TtyClose c;
    c.reason = TtyClose::Reason::Dropped;
    c.code = 1006;
    QCOMPARE(describeDrop(c, after), expected);

    // The agent-exit variant reads the same way.
    TtyClose exited;
    exited.reason = TtyClose::Reason::AgentExited;
    exited.notice = QStringLiteral("[bridge] process exited (code=0, signal=null)");
    const QString second = describeDrop(exited, after);
    QVERIFY2(second.startsWith(QStringLiteral("The agent exited ([bridge] process exited "
                                              "(code=0, signal=null)). ")),
             qPrintable(second));
}

QTEST_GUILESS_MAIN(TstTtyChannel)
#include "tst_ttychannel.moc"
