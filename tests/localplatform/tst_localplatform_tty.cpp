// SPDX-License-Identifier: GPL-2.0-or-later
// The /tty WebSocket of the local platform (docs/platform-api.md §7) with real PTYs and tmux.
#include "lptesthelpers.h"

#include "ttybridge.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <memory>

#include <unistd.h>

using lap::local::LocalPlatform;
using lap::local::LocalPlatformOptions;
using lap::local::TtyStyle;
using namespace lptest;

namespace {

const QString kKey = QStringLiteral("tty-master-key");
const QString kToken = QStringLiteral("tty-harness-token");

struct Fixture
{
    explicit Fixture(LocalPlatformOptions options = {})
    {
        options.masterKey = kKey;
        options.harnessToken = kToken;
        options.readyDelayMs = 0;
        options.command = testShell();
        platform = std::make_unique<LocalPlatform>(options);
        platform->start();
        http = std::make_unique<Http>(platform->baseUrl(), kKey);
    }
    ~Fixture()
    {
        // Everything spawned for the test is gone before the next one starts.
        platform.reset();
    }

    QString session(const QString &agent = QStringLiteral("shell"))
    {
        return readySession(*http, *platform, agent);
    }
    QString wsBase() const { return QStringLiteral("ws://127.0.0.1:%1").arg(platform->port()); }
    QString proxyUrl(const QString &id) const
    {
        return wsBase() + QStringLiteral("/api/v1/managed_agents/sessions/%1/tty").arg(id);
    }
    QString sandboxUrl(const QString &id) const
    {
        return wsBase() + QStringLiteral("/sandboxes/%1/tty").arg(id);
    }
    bool waitAllClosed()
    {
        return QTest::qWaitFor(
            [this] { return platform->openTtyCount() == 0 && platform->livePtyCount() == 0; },
            kWaitMs);
    }

    std::unique_ptr<LocalPlatform> platform;
    std::unique_ptr<Http> http;
};

// A bare WebSocket client that shows exactly what the server puts on the wire.
class RawWs
{
public:
    // Sends the upgrade request (`headers` each end in \r\n) and returns the status line of the
    // answer, empty when the server closed without a word. Once the whole head is in,
    // `headReceived` is set and `buffer` keeps what followed it.
    QByteArray handshake(quint16 port, const QByteArray &target,
                         const QByteArray &headers = QByteArray())
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!socket.waitForConnected(kWaitMs))
            return "no connection";
        socket.write("GET " + target +
                     " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                     "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     "Sec-WebSocket-Version: 13\r\n" +
                     headers + "\r\n");
        (void)QTest::qWaitFor(
            [&] {
                buffer += socket.readAll();
                return buffer.contains("\r\n\r\n") ||
                       socket.state() == QAbstractSocket::UnconnectedState;
            },
            kWaitMs);
        buffer += socket.readAll();
        const QByteArray status = buffer.left(buffer.indexOf("\r\n"));
        const int headEnd = buffer.indexOf("\r\n\r\n");
        headReceived = headEnd >= 0;
        if (headReceived)
            buffer.remove(0, headEnd + 4);
        return status;
    }
    bool upgrade(quint16 port, const QByteArray &target)
    {
        return handshake(port, target).startsWith("HTTP/1.1 101") && headReceived;
    }
    // One masked binary frame (mask key 0, so the payload goes as is).
    void sendBinary(const QByteArray &payload)
    {
        socket.write(QByteArray("\x82", 1) + char(0x80 | payload.size()) + QByteArray(4, '\0') +
                     payload);
    }
    void pump()
    {
        buffer += socket.readAll();
        while (buffer.size() >= 2 && closePayload < 0) {
            const int opcode = buffer[0] & 0x0f;
            qint64 length = buffer[1] & 0x7f;
            int header = 2;
            if (length == 126) {
                if (buffer.size() < 4)
                    return;
                length = (quint8(buffer[2]) << 8) | quint8(buffer[3]);
                header = 4;
            } else if (length == 127) {
                if (buffer.size() < 10)
                    return;
                length = 0;
                for (int i = 2; i < 10; ++i)
                    length = (length << 8) | quint8(buffer[i]);
                header = 10;
            }
            if (buffer.size() < header + length)
                return;
            const QByteArray body = buffer.mid(header, static_cast<int>(length));
            buffer.remove(0, header + static_cast<int>(length));
            if (opcode == 0x1)
                text += QString::fromUtf8(body);
            else if (opcode == 0x8)
                closePayload = body.size();
        }
    }
    bool waitFor(const QString &needle)
    {
        return QTest::qWaitFor(
            [&] {
                pump();
                return text.contains(needle);
            },
            kWaitMs);
    }
    bool waitCloseFrame()
    {
        return QTest::qWaitFor(
            [&] {
                pump();
                return closePayload >= 0;
            },
            kWaitMs);
    }
    // TCP gone; returns false if it did not happen in time.
    bool waitDisconnected()
    {
        return QTest::qWaitFor(
            [&] {
                pump();
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            kWaitMs);
    }

    QTcpSocket socket;
    QByteArray buffer;
    QString text;
    int closePayload = -1; // -1: no close frame seen
    bool headReceived = false;
};

// The status line the server answers an upgrade with; empty when it closed without a word.
QByteArray rawUpgrade(quint16 port, const QByteArray &target,
                      const QByteArray &headers = QByteArray())
{
    return RawWs().handshake(port, target, headers);
}

bool hasTmux()
{
    return !QStandardPaths::findExecutable(QStringLiteral("tmux")).isEmpty();
}

int tmux(const QStringList &args)
{
    QProcess p;
    p.setProgram(QStringLiteral("tmux"));
    p.setArguments(args);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start();
    if (!p.waitForFinished(kWaitMs))
        return -1;
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool serverAlive(const QString &socket)
{
    return tmux({QStringLiteral("-L"), socket, QStringLiteral("has-session")}) == 0;
}

bool startServer(const QString &socket)
{
    return tmux({QStringLiteral("-L"), socket, QStringLiteral("-f"), QStringLiteral("/dev/null"),
                 QStringLiteral("new-session"), QStringLiteral("-d"),
                 QStringLiteral("sleep 600")}) == 0;
}

} // namespace

class TestLocalPlatformTty : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void upgradeAuthAndAvailability();
    void typedCommandEchoes();
    void resizeReachesThePty();
    void reattachFindsTheSameShell();
    void agentExitSendsNoticeAndCloseWithoutStatus();
    void dropAfterMsClosesAbnormally();
    void dropAllAndDeleteDropSockets();
    void idleReaperIgnoresTtyTraffic();
    void floodComesFirstAsValidUtf8();
    void utf8SplitAcrossReadsStaysValid();
    void spawnFailureSendsRedNotice();
    void sandboxAndInClusterPaths();
    void noLeaksAfterManyAttachCycles_data();
    void noLeaksAfterManyAttachCycles();
    void orphanedTmuxServersAreReaped();
};

void TestLocalPlatformTty::upgradeAuthAndAvailability()
{
    Fixture f;
    const QString id = f.session();
    QVERIFY(!id.isEmpty());
    const quint16 port = f.platform->port();
    const QByteArray path = "/api/v1/managed_agents/sessions/" + id.toUtf8() + "/tty";
    const QByteArray good = kToken.toUtf8();

    QCOMPARE(rawUpgrade(port, path), QByteArray("HTTP/1.1 401 Unauthorized"));
    QCOMPARE(rawUpgrade(port, path + "?token=wrong"), QByteArray("HTTP/1.1 401 Unauthorized"));
    // The header wins over ?token=, both ways.
    QCOMPARE(rawUpgrade(port, path + "?token=" + good, "Authorization: Bearer wrong\r\n"),
             QByteArray("HTTP/1.1 401 Unauthorized"));
    // The master key is never a TTY credential.
    QCOMPARE(rawUpgrade(port, path, "Authorization: Bearer " + kKey.toUtf8() + "\r\n"),
             QByteArray("HTTP/1.1 401 Unauthorized"));
    QCOMPARE(rawUpgrade(port, "/sandboxes/" + id.toUtf8() + "/tty?token=nope"),
             QByteArray("HTTP/1.1 401 Unauthorized"));
    // Nothing was spawned for any of them.
    QCOMPARE(f.platform->livePtyCount(), 0);
    QCOMPARE(f.platform->openTtyCount(), 0);

    QCOMPARE(rawUpgrade(port, path + "?token=wrong", "Authorization: BEARER   " + good + "  \r\n"),
             QByteArray("HTTP/1.1 101 Switching Protocols"));
    QCOMPARE(rawUpgrade(port, path + "?token=" + good),
             QByteArray("HTTP/1.1 101 Switching Protocols"));
    QCOMPARE(rawUpgrade(port, path, "Authorization: Basic " + good + "\r\n"),
             QByteArray("HTTP/1.1 401 Unauthorized"));
    // Header names in any case (Qt 6.8 sends "authorization:"), both ways.
    QCOMPARE(rawUpgrade(port, path + "?token=wrong", "authorization: Bearer " + good + "\r\n"),
             QByteArray("HTTP/1.1 101 Switching Protocols"));
    QCOMPARE(rawUpgrade(port, path + "?token=" + good, "AUTHORIZATION: Bearer wrong\r\n"),
             QByteArray("HTTP/1.1 401 Unauthorized"));
    QVERIFY(f.waitAllClosed());

    // Not assigned a sandbox yet (or no such session): 503 on the proxy path.
    f.platform->setReadyDelayMs(60000);
    const QString creating = createSession(*f.http);
    QCOMPARE(rawUpgrade(port, "/api/v1/managed_agents/sessions/" + creating.toUtf8() +
                                  "/tty?token=" + good),
             QByteArray("HTTP/1.1 503 Service Unavailable"));
    QCOMPARE(rawUpgrade(port, "/api/v1/managed_agents/sessions/unknown/tty?token=" + good),
             QByteArray("HTTP/1.1 503 Service Unavailable"));
    QCOMPARE(rawUpgrade(port, "/api/v1/managed_agents/sessions/unknown/tty"),
             QByteArray("HTTP/1.1 401 Unauthorized"));
    // No pod behind it: the connection just drops.
    QCOMPARE(rawUpgrade(port, "/sandboxes/" + creating.toUtf8() + "/tty?token=" + good),
             QByteArray());
    QCOMPARE(rawUpgrade(port, "/elsewhere?token=" + good), QByteArray());
    QVERIFY(f.platform->markDead(id, QStringLiteral("task disappeared")));
    QCOMPARE(rawUpgrade(port, path + "?token=" + good), QByteArray());
    QCOMPARE(rawUpgrade(port, "/sandboxes/" + id.toUtf8() + "/tty?token=" + good), QByteArray());
    // A chat harness serves no terminal.
    f.platform->setReadyDelayMs(0);
    const QString chat = f.session(QStringLiteral("chat-bot"));
    QCOMPARE(
        rawUpgrade(port, "/api/v1/managed_agents/sessions/" + chat.toUtf8() + "/tty?token=" + good),
        QByteArray("HTTP/1.1 404 Not Found"));
    QCOMPARE(f.platform->livePtyCount(), 0);
}

void TestLocalPlatformTty::typedCommandEchoes()
{
    Fixture f;
    const QString id = f.session();
    QSignalSpy opened(f.platform.get(), &LocalPlatform::ttyOpened);
    QSignalSpy input(f.platform.get(), &LocalPlatform::ptyInput);
    TtyClient c;
    QVERIFY2(c.open(f.proxyUrl(id), kToken), qPrintable(c.error));
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, kWaitMs);
    QCOMPARE(opened.first().first().toString(), id);
    QCOMPARE(f.platform->openTtyCount(), 1);
    QCOMPARE(f.platform->lastPtySize(id), QSize(100, 30));

    c.ws.sendTextMessage(QStringLiteral("{\"type\":\"ping\"}")); // web UI keepalive: ignored
    c.type("echo hi-$((6*7))\r");
    QVERIFY2(c.waitFor(QStringLiteral("hi-42")), qPrintable(c.text.right(300)));
    QVERIFY(c.textFrames > 0);
    QCOMPARE(c.binaryFrames, 0); // output comes as text frames
    QCOMPARE(input.count(), 1);
    QCOMPARE(input.first().at(0).toString(), id);
    QCOMPARE(input.first().at(1).toByteArray(), QByteArray("echo hi-$((6*7))\r"));

    // TTY traffic does not refresh the idle clock.
    const QString seen =
        f.platform->sessionJson(id).value(QStringLiteral("last_seen_at")).toString();
    c.type("true\r");
    QTest::qWait(50);
    QCOMPARE(f.platform->sessionJson(id).value(QStringLiteral("last_seen_at")).toString(), seen);

    QSignalSpy closed(f.platform.get(), &LocalPlatform::ttyClosed);
    c.ws.close();
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, kWaitMs);
    QVERIFY(f.waitAllClosed());
    QCOMPARE(f.platform->sessionStatus(id), QStringLiteral("ready"));
}

void TestLocalPlatformTty::resizeReachesThePty()
{
    Fixture f;
    const QString id = f.session();
    QSignalSpy input(f.platform.get(), &LocalPlatform::ptyInput);
    TtyClient c;
    QVERIFY(c.open(f.proxyUrl(id), kToken));
    c.ws.sendTextMessage(QStringLiteral("{\"type\":\"resize\",\"cols\":123,\"rows\":45}"));
    QTRY_COMPARE_WITH_TIMEOUT(f.platform->lastPtySize(id), QSize(123, 45), kWaitMs);
    c.type("stty size\r");
    QVERIFY2(c.waitFor(QStringLiteral("45 123")), qPrintable(c.text.right(300)));
    QCOMPARE(input.count(), 1); // the resize itself is not input

    // Sizes node-pty refuses are typed as keystrokes, like the harness does.
    const QString invalid = QStringLiteral("{\"type\":\"resize\",\"cols\":0,\"rows\":10}");
    c.ws.sendTextMessage(invalid);
    QTRY_COMPARE_WITH_TIMEOUT(input.count(), 2, kWaitMs);
    QCOMPARE(input.last().at(1).toByteArray(), invalid.toUtf8());
    c.ws.sendTextMessage(QStringLiteral("{\"type\":\"resize\",\"cols\":\"80\",\"rows\":24}"));
    QTRY_COMPARE_WITH_TIMEOUT(input.count(), 3, kWaitMs);
    QCOMPARE(f.platform->lastPtySize(id), QSize(123, 45));
    c.type("\x15stty size\r"); // Ctrl-U clears the typed JSON first
    QTRY_VERIFY_WITH_TIMEOUT(c.text.count(QStringLiteral("45 123")) >= 2, kWaitMs);
}

void TestLocalPlatformTty::reattachFindsTheSameShell()
{
    if (!hasTmux())
        QSKIP("tmux is not installed");
    Fixture f;
    QVERIFY(f.platform->usesTmux());
    const QString id = f.session();
    {
        TtyClient c;
        QVERIFY(c.open(f.proxyUrl(id), kToken));
        c.type("export LAPVAR=kept-$((40+2)); echo set-$((1+1))\r");
        QVERIFY2(c.waitFor(QStringLiteral("set-2")), qPrintable(c.text.right(300)));
        c.ws.close();
        QVERIFY(c.waitClosed());
    }
    QVERIFY(f.waitAllClosed()); // the tmux client is gone, the shell lives on in the tmux server
    TtyClient again;
    QVERIFY(again.open(f.proxyUrl(id), kToken));
    again.type("echo got-$LAPVAR\r");
    QVERIFY2(again.waitFor(QStringLiteral("got-kept-42")), qPrintable(again.text.right(300)));

    // A restart is a fresh sandbox: the socket drops and the old shell is gone.
    const HttpResult restarted =
        f.http->post(managed(QStringLiteral("/sessions/%1/restart").arg(id)));
    QCOMPARE(restarted.status, 200);
    QVERIFY(again.waitClosed());
    QVERIFY(f.waitAllClosed());
    TtyClient fresh;
    QVERIFY(fresh.open(f.proxyUrl(id), kToken));
    fresh.type("echo fresh-[$LAPVAR]-$((2+3))\r");
    QVERIFY2(fresh.waitFor(QStringLiteral("fresh-[]-5")), qPrintable(fresh.text.right(300)));
}

void TestLocalPlatformTty::agentExitSendsNoticeAndCloseWithoutStatus()
{
    Fixture f;
    const QString id = f.session();
    RawWs raw;
    QVERIFY(raw.upgrade(f.platform->port(), "/api/v1/managed_agents/sessions/" + id.toUtf8() +
                                                "/tty?token=" + kToken.toUtf8()));
    raw.sendBinary("exit\r");
    QVERIFY(raw.waitCloseFrame());
    QVERIFY2(raw.text.contains(QStringLiteral(
                 "\r\n\x1b[2m[bridge] process exited (code=0, signal=0)\x1b[0m\r\n")),
             qPrintable(raw.text.right(200)));
    QCOMPARE(raw.closePayload, 0); // no status code: clients report 1005
    raw.socket.abort();
    QVERIFY(f.waitAllClosed());
    // The session itself is still ready; the next attach starts a fresh shell.
    QCOMPARE(f.platform->sessionStatus(id), QStringLiteral("ready"));
    TtyClient c;
    QVERIFY(c.open(f.proxyUrl(id), kToken));
    c.type("echo fresh-[$LAPVAR]-$((2+3))\r");
    QVERIFY(c.waitFor(QStringLiteral("fresh-[]-5")));

    // And through a Qt client: notice, then the socket closes.
    c.type("exit\r");
    QVERIFY(c.waitFor(QStringLiteral("[bridge] process exited")));
    QVERIFY(c.waitClosed());
}

void TestLocalPlatformTty::dropAfterMsClosesAbnormally()
{
    Fixture f;
    const QString id = f.session();
    f.platform->setDropAfterMs(300);
    RawWs raw;
    // Started before the upgrade: the platform's timer starts when it accepts the upgrade,
    // which a loaded machine may report to us much later.
    QElapsedTimer open;
    open.start();
    QVERIFY(raw.upgrade(f.platform->port(),
                        "/sandboxes/" + id.toUtf8() + "/tty?token=" + kToken.toUtf8()));
    QVERIFY(raw.waitDisconnected());
    QVERIFY(open.elapsed() >= 250);
    QCOMPARE(raw.closePayload, -1); // no close frame at all: clients report 1006
    TtyClient c;
    QVERIFY(c.open(f.proxyUrl(id), kToken));
    QVERIFY(c.waitClosed());
    QVERIFY(f.waitAllClosed());
    QCOMPARE(f.platform->sessionStatus(id), QStringLiteral("ready"));
}

void TestLocalPlatformTty::dropAllAndDeleteDropSockets()
{
    Fixture f;
    const QString a = f.session();
    const QString b = f.session(QStringLiteral("codex-shell"));
    RawWs c1;
    TtyClient c2;
    QVERIFY(c1.upgrade(f.platform->port(),
                       "/sandboxes/" + a.toUtf8() + "/tty?token=" + kToken.toUtf8()));
    QVERIFY(c2.open(f.proxyUrl(b), kToken));
    QTRY_COMPARE_WITH_TIMEOUT(f.platform->openTtyCount(), 2, kWaitMs);
    f.platform->dropAllTty();
    QVERIFY(c1.waitDisconnected());
    QCOMPARE(c1.closePayload, -1);
    QVERIFY(c2.waitClosed());
    QVERIFY(f.waitAllClosed());

    // The admin route does the same for a process-based test.
    TtyClient c3;
    QVERIFY(c3.open(f.proxyUrl(a), kToken));
    QCOMPARE(f.http->post(QStringLiteral("/__local/drop-tty"))
                 .object()
                 .value(QStringLiteral("dropped"))
                 .toInt(),
             1);
    QVERIFY(c3.waitClosed());

    // DELETE takes the pod, and the terminal with it.
    RawWs c4;
    QVERIFY(c4.upgrade(f.platform->port(),
                       "/sandboxes/" + b.toUtf8() + "/tty?token=" + kToken.toUtf8()));
    QTRY_COMPARE_WITH_TIMEOUT(f.platform->openTtyCount(), 1, kWaitMs);
    QCOMPARE(f.http->del(managed(QStringLiteral("/sessions/") + b)).status, 200);
    QVERIFY(c4.waitDisconnected());
    QCOMPARE(c4.closePayload, -1);
    QVERIFY(f.waitAllClosed());
    QCOMPARE(f.platform->sessionStatus(b), QStringLiteral("dead"));
}

void TestLocalPlatformTty::idleReaperIgnoresTtyTraffic()
{
    LocalPlatformOptions options;
    options.idleTimeoutMs = 1000;
    Fixture f(options);
    const QString id = f.session();
    TtyClient c;
    QVERIFY(c.open(f.proxyUrl(id), kToken));
    // Typing all the time does not keep the session alive (docs/platform-api.md §5).
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (c.ws.state() == QAbstractSocket::ConnectedState)
                c.type("true\r");
            return f.platform->sessionStatus(id) == QLatin1String("dead");
        },
        kWaitMs));
    QCOMPARE(f.platform->sessionJson(id).value(QStringLiteral("failure_reason")).toString(),
             QStringLiteral("idle timeout"));
    QVERIFY(c.waitClosed());
    QVERIFY(f.waitAllClosed());
}

void TestLocalPlatformTty::floodComesFirstAsValidUtf8()
{
    LocalPlatformOptions options;
    options.floodBytes = 300000;
    Fixture f(options);
    const QString id = f.session();
    TtyClient c;
    QVERIFY(c.open(f.proxyUrl(id), kToken));
    QVERIFY(QTest::qWaitFor([&] { return c.text.toUtf8().size() >= 300000; }, kWaitMs));
    const QByteArray flood = c.text.toUtf8().left(300000);
    QVERIFY(flood.startsWith("\x1b[3"));
    QVERIFY(flood.contains("✓"));
    QVERIFY(!c.text.contains(QChar::ReplacementCharacter));
    QVERIFY(c.textFrames > 1);
    c.type("echo after-$((3*3))\r");
    QVERIFY(c.waitFor(QStringLiteral("after-9")));
    QVERIFY(c.text.indexOf(QStringLiteral("after-9")) > c.text.indexOf(QStringLiteral("flood ")));

    QCOMPARE(LocalPlatform::agentIdForName(QStringLiteral("x")).size(), 36);
    qint64 line = 0;
    const QByteArray chunk = lap::local::TtyBridge::floodChunk(&line, 1000);
    QCOMPARE(chunk.size(), 1000);
    QVERIFY(QString::fromUtf8(chunk).toUtf8() == chunk);
}

void TestLocalPlatformTty::utf8SplitAcrossReadsStaysValid()
{
    // Without tmux the bytes are the program's own, so the count is exact.
    LocalPlatformOptions options;
    options.noTmux = true;
    Fixture f(options);
    const QString id = f.session();
    TtyClient c;
    QVERIFY(c.open(f.proxyUrl(id), kToken));
    c.type("printf '\\u2713%.0s' $(seq 1 30000); echo; echo done-$((1+1))\r");
    QVERIFY2(c.waitFor(QStringLiteral("done-2")), qPrintable(c.text.right(200)));
    QCOMPARE(c.text.count(QChar(0x2713)), 30000);
    QVERIFY(!c.text.contains(QChar::ReplacementCharacter));
    QVERIFY(c.textFrames > 1);
}

void TestLocalPlatformTty::spawnFailureSendsRedNotice()
{
    LocalPlatformOptions options;
    options.noTmux = true;
    Fixture f(options);
    f.platform->setCommand(QString()); // the default: $SHELL, run directly without tmux
    const QByteArray oldShell = qgetenv("SHELL");
    qputenv("SHELL", "/nonexistent/lap-shell");
    const QString id = f.session();
    TtyClient c;
    QVERIFY(c.open(f.proxyUrl(id), kToken));
    QVERIFY2(c.waitFor(QStringLiteral("\x1b[31m[bridge] failed to spawn")), qPrintable(c.text));
    QVERIFY(c.waitClosed());
    qputenv("SHELL", oldShell);
    QVERIFY(f.waitAllClosed());
}

void TestLocalPlatformTty::sandboxAndInClusterPaths()
{
    LocalPlatformOptions options;
    options.ttyStyle = TtyStyle::Sandbox;
    Fixture f(options);
    const QString id = f.session();
    const QJsonObject row = f.http->get(managed(QStringLiteral("/sessions/") + id)).object();
    QVERIFY(row.value(QStringLiteral("tty_url")).isNull());
    // lap's rule 2: sandbox_url with http->ws and /tty appended.
    QString url = row.value(QStringLiteral("sandbox_url")).toString();
    url.replace(0, 4, QStringLiteral("ws"));
    TtyClient c;
    QVERIFY(c.open(url + QStringLiteral("/tty"), kToken, true, false)); // header only
    c.type("echo sandbox-$((5*5))\r");
    QVERIFY(c.waitFor(QStringLiteral("sandbox-25")));
    c.ws.close();
    QVERIFY(c.waitClosed());

    // In-cluster rows are unusable as is; the socket still answers for LAP_TTY_FALLBACK.
    f.platform->setTtyStyle(TtyStyle::InCluster);
    const QJsonObject inCluster = f.http->get(managed(QStringLiteral("/sessions/") + id)).object();
    QVERIFY(inCluster.value(QStringLiteral("tty_url")).isNull());
    QVERIFY(inCluster.value(QStringLiteral("sandbox_url"))
                .toString()
                .contains(QLatin1String(".svc.cluster.local")));
    TtyClient fallback;
    QVERIFY(fallback.open(f.sandboxUrl(id), kToken, false, true)); // query only
    fallback.type("echo fallback-$((6*6))\r");
    QVERIFY(fallback.waitFor(QStringLiteral("fallback-36")));
}

void TestLocalPlatformTty::noLeaksAfterManyAttachCycles_data()
{
    QTest::addColumn<bool>("tmux");
    QTest::newRow("tmux") << true;
    QTest::newRow("no tmux") << false;
}

void TestLocalPlatformTty::noLeaksAfterManyAttachCycles()
{
    QFETCH(bool, tmux);
    if (tmux && !hasTmux())
        QSKIP("tmux is not installed");
    LocalPlatformOptions options;
    options.noTmux = !tmux;
    Fixture f(options);
    const QString id = f.session();
    const auto cycle = [&](int n) {
        TtyClient c;
        if (!c.open(f.proxyUrl(id), kToken))
            return false;
        c.type("echo cycle-" + QByteArray::number(n) + "-$((1+1))\r");
        if (!c.waitFor(QStringLiteral("cycle-%1-2").arg(n)))
            return false;
        c.ws.close();
        return c.waitClosed() && f.waitAllClosed();
    };
    QVERIFY(cycle(0)); // warm-up: lazy Qt descriptors, the tmux server
    QTest::qWait(50);
    const int fds = openFdCount();
    const int children = childProcessCount();
    for (int i = 1; i <= 15; ++i)
        QVERIFY2(cycle(i), qPrintable(QStringLiteral("cycle %1").arg(i)));
    QTRY_COMPARE_WITH_TIMEOUT(openFdCount(), fds, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(childProcessCount(), children, kWaitMs);
    QCOMPARE(f.platform->livePtyCount(), 0);

    // Shutting down reaps everything, the tmux server included.
    const QString socketName = f.platform->tmuxSocketName();
    f.platform.reset();
    QTRY_COMPARE_WITH_TIMEOUT(childProcessCount(), 0, kWaitMs);
    if (tmux)
        QVERIFY(!serverAlive(socketName));
}

// A local platform that died without cleaning up (a crashed test) leaves a tmux server with its
// shells behind. The next local platform ends it, and leaves a live owner's server alone.
void TestLocalPlatformTty::orphanedTmuxServersAreReaped()
{
    if (!hasTmux())
        QSKIP("tmux is not installed");
    // A socket directory of this test's own: the local platforms of tests running next to it
    // would otherwise reap its orphan first.
    QTemporaryDir socketDir;
    QVERIFY(socketDir.isValid());
    const QByteArray previousDir = qgetenv("TMUX_TMPDIR");
    qputenv("TMUX_TMPDIR", QFile::encodeName(socketDir.path()));
    struct Restore
    {
        QByteArray value;
        ~Restore()
        {
            if (value.isEmpty())
                qunsetenv("TMUX_TMPDIR");
            else
                qputenv("TMUX_TMPDIR", value);
        }
    } restore{previousDir};
    QCOMPARE(LocalPlatform::tmuxSocketDir(),
             QStringLiteral("%1/tmux-%2").arg(socketDir.path()).arg(::getuid()));

    QProcess gone; // its pid names an owner that no longer exists
    gone.start(QStringLiteral("true"), QStringList());
    QVERIFY(gone.waitForStarted(kWaitMs));
    const qint64 deadPid = gone.processId();
    QVERIFY(gone.waitForFinished(kWaitMs));
    QProcess owner; // a live owner
    owner.start(QStringLiteral("sleep"), {QStringLiteral("600")});
    QVERIFY(owner.waitForStarted(kWaitMs));
    const QString orphan = QStringLiteral("lap-local-%1-0badc0de").arg(deadPid);
    const QString owned = QStringLiteral("lap-local-%1-0badc0de").arg(owner.processId());
    struct KillServers // also when a check fails half-way
    {
        QStringList sockets;
        ~KillServers()
        {
            for (const QString &socket : sockets)
                tmux({QStringLiteral("-L"), socket, QStringLiteral("kill-server")});
        }
    } killServers{{orphan, owned}};
    QVERIFY(startServer(orphan));
    QVERIFY(startServer(owned));
    QVERIFY(serverAlive(orphan));

    Fixture f;
    QVERIFY(f.platform->usesTmux());
    QVERIFY(serverAlive(orphan)); // nothing happens before the platform needs tmux
    const QString id = f.session();
    TtyClient c;
    QVERIFY(c.open(f.proxyUrl(id), kToken));
    c.type("echo up-$((2+3))\r");
    QVERIFY(c.waitFor(QStringLiteral("up-5")));

    QVERIFY(!serverAlive(orphan));
    QVERIFY(!QFileInfo::exists(LocalPlatform::tmuxSocketDir() + QLatin1Char('/') + orphan));
    QVERIFY(serverAlive(owned));
    QVERIFY(serverAlive(f.platform->tmuxSocketName()));
    owner.kill();
    owner.waitForFinished(kWaitMs);
}

QTEST_GUILESS_MAIN(TestLocalPlatformTty)
#include "tst_localplatform_tty.moc"
