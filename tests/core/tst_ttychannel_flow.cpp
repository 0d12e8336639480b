// SPDX-License-Identifier: GPL-2.0-or-later
// TtyChannel's flow control (setReadPaused) against a real QWebSocketServer on 127.0.0.1: a
// paused channel delivers nothing and its sender ends up waiting with data queued (the pause
// reaches the far side through TCP), keystrokes still go out, resuming delivers every byte in
// order, and a pause ends by itself before Qt's 5 s incomplete-frame timeout would drop the
// connection. Issue 6 (bench/) measures what this does to a 100 MB flood.
#include "ttychannel.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtEndian>
#include <QtTest>

using namespace lap;

namespace {

constexpr int kWait = 20000; // generous: two cores shared with other builds
constexpr int kFrame = 64 * 1024;
constexpr qint64 kTotal = 32LL * 1024 * 1024; // far more than the kernel buffers hold

// Sends numbered binary frames of kFrame bytes as fast as the client takes them: never more
// than 2 MB queued in the server's own socket, so `sent` stops growing once the client stops
// reading and TCP's buffers are full.
class FloodServer : public QObject
{
public:
    FloodServer() : m_server(QStringLiteral("tst"), QWebSocketServer::NonSecureMode)
    {
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *ws = m_server.nextPendingConnection()) {
                ws->setParent(this);
                m_peer = ws;
                connect(ws, &QWebSocket::binaryMessageReceived, this,
                        [this](const QByteArray &b) { binaries << b; });
                connect(ws, &QWebSocket::bytesWritten, this, &FloodServer::pump);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    TtyTarget target() const
    {
        TtyTarget t;
        t.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/tty").arg(m_server.serverPort()));
        t.token = QStringLiteral("tok");
        return t;
    }
    QWebSocket *peer() const { return m_peer; }
    void start(qint64 total)
    {
        m_total = total;
        pump();
    }
    void pump()
    {
        while (m_peer && sent < m_total && m_peer->bytesToWrite() < 2 * 1024 * 1024) {
            QByteArray frame(kFrame, 'x');
            qToBigEndian<quint64>(quint64(sent / kFrame), frame.data());
            m_peer->sendBinaryMessage(frame);
            sent += kFrame;
        }
    }

    qint64 sent = 0;
    QList<QByteArray> binaries;

private:
    QWebSocketServer m_server;
    QPointer<QWebSocket> m_peer;
    qint64 m_total = 0;
};

// Counts what the channel delivers and checks that the frames come whole and in order.
class Sink : public QObject
{
public:
    explicit Sink(TtyChannel *channel)
    {
        connect(channel, &TtyChannel::output, this, [this](const QByteArray &b) {
            if (b.size() != kFrame || qFromBigEndian<quint64>(b.constData()) != next)
                inOrder = false;
            ++next;
            received += b.size();
            lastOutput.start();
        });
    }
    qint64 received = 0;
    quint64 next = 0;
    bool inOrder = true;
    QElapsedTimer lastOutput;
};

// Waits until the server has stopped sending for `quietMs`: the client's pause has filled every
// buffer between the two.
bool waitSenderStalled(FloodServer &server, int quietMs)
{
    QElapsedTimer total;
    total.start();
    qint64 last = -1;
    QElapsedTimer still;
    while (total.elapsed() < kWait) {
        if (server.sent != last) {
            last = server.sent;
            still.start();
        } else if (still.elapsed() >= quietMs) {
            return true;
        }
        QTest::qWait(20);
    }
    return false;
}

} // namespace

class TstTtyChannelFlow : public QObject
{
    Q_OBJECT

private slots:
    void pauseHoldsTheSenderBackAndResumeDeliversAll();
    void keystrokesGoOutWhilePaused();
    void pauseEndsByItselfBeforeQtDropsTheConnection();
    void openResetsThePause();
};

void TstTtyChannelFlow::pauseHoldsTheSenderBackAndResumeDeliversAll()
{
    FloodServer server;
    QVERIFY(server.listen());
    TtyChannel channel;
    Sink sink(&channel);
    QSignalSpy opened(&channel, &TtyChannel::opened);
    channel.open(server.target());
    QVERIFY(opened.wait(kWait));
    QTRY_VERIFY_WITH_TIMEOUT(server.peer(), kWait);

    channel.setReadPaused(true);
    QVERIFY(channel.isReadPaused());
    server.start(kTotal);
    QVERIFY(waitSenderStalled(server, 300));
    // Nothing came through, and the sender is left with most of the flood and a full queue.
    QCOMPARE(sink.received, qint64(0));
    QVERIFY2(server.sent < kTotal / 2, qPrintable(QString::number(server.sent)));
    QVERIFY(server.peer()->bytesToWrite() > 0);
    QCOMPARE(channel.state(), TtyChannel::State::Open);

    channel.setReadPaused(false);
    QVERIFY(!channel.isReadPaused());
    QTRY_COMPARE_WITH_TIMEOUT(sink.received, kTotal, kWait);
    QVERIFY(sink.inOrder);
    QCOMPARE(channel.state(), TtyChannel::State::Open);
}

void TstTtyChannelFlow::keystrokesGoOutWhilePaused()
{
    FloodServer server;
    QVERIFY(server.listen());
    TtyChannel channel;
    Sink sink(&channel);
    QSignalSpy opened(&channel, &TtyChannel::opened);
    channel.open(server.target());
    QVERIFY(opened.wait(kWait));
    QTRY_VERIFY_WITH_TIMEOUT(server.peer(), kWait);

    channel.setReadPaused(true);
    server.start(kTotal);
    QVERIFY(waitSenderStalled(server, 300));
    QVERIFY(channel.sendInput(QByteArray("\x03", 1))); // Ctrl-C during a flood
    QTRY_COMPARE_WITH_TIMEOUT(server.binaries.size(), 1, kWait);
    QCOMPARE(server.binaries.first(), QByteArray("\x03", 1));
    QCOMPARE(sink.received, qint64(0));
}

void TstTtyChannelFlow::pauseEndsByItselfBeforeQtDropsTheConnection()
{
    FloodServer server;
    QVERIFY(server.listen());
    TtyChannel channel;
    Sink sink(&channel);
    QSignalSpy opened(&channel, &TtyChannel::opened);
    QSignalSpy closed(&channel, &TtyChannel::closed);
    channel.open(server.target());
    QVERIFY(opened.wait(kWait));
    QTRY_VERIFY_WITH_TIMEOUT(server.peer(), kWait);

    QElapsedTimer clock;
    clock.start();
    channel.setReadPaused(true);
    server.start(kTotal);
    // Never resumed by the caller: the channel does it, before Qt's 5 s frame timeout.
    QTRY_VERIFY_WITH_TIMEOUT(sink.received > 0, kWait);
    const qint64 firstOutputAfterMs = clock.elapsed();
    // A coarse QTimer may fire up to 5 % early.
    QVERIFY2(firstOutputAfterMs >= TtyChannel::kMaxReadPauseMs * 9 / 10,
             qPrintable(QString::number(firstOutputAfterMs)));
    QVERIFY(!channel.isReadPaused());
    QTRY_COMPARE_WITH_TIMEOUT(sink.received, kTotal, kWait);
    QVERIFY(sink.inOrder);
    QCOMPARE(closed.count(), 0);
}

void TstTtyChannelFlow::openResetsThePause()
{
    FloodServer server;
    QVERIFY(server.listen());
    TtyChannel channel;
    channel.setReadPaused(true); // before any socket: kept, and cleared by open()
    QVERIFY(channel.isReadPaused());
    Sink sink(&channel);
    QSignalSpy opened(&channel, &TtyChannel::opened);
    channel.open(server.target());
    QVERIFY(!channel.isReadPaused());
    QVERIFY(opened.wait(kWait));
    QTRY_VERIFY_WITH_TIMEOUT(server.peer(), kWait);
    server.start(4 * kFrame);
    QTRY_COMPARE_WITH_TIMEOUT(sink.received, qint64(4 * kFrame), kWait);
    QVERIFY(sink.inOrder);
}

QTEST_GUILESS_MAIN(TstTtyChannelFlow)
#include "tst_ttychannel_flow.moc"
