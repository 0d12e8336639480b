// SPDX-License-Identifier: GPL-2.0-or-later
// Hostile /tty servers against TtyChannel, over real sockets with a server that
// writes its frames by hand (rawwsserver.h): invalid UTF-8, UTF-8 split over frames at every
// byte position, 1 MB single frames, close codes 1000–4999 with long and odd reasons, ping
// floods, a frame that never finishes, a server that accepts the upgrade and never sends, and
// one that never answers the upgrade. Each: no crash, the exact sentence the user reads, the
// event loop keeps turning, and what the user typed still reaches the server.
#include "cannedhttpserver.h"
#include "laptest.h"
#include "rawwsserver.h"
#include "ttychannel.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace lap;
using laptest::joined;
using laptest::LoopProbe;
using laptest::RawWsConnection;
using laptest::RawWsServer;
using laptest::WsFrame;

namespace {

const int kWait = 20000; // generous: two cores shared with other builds (and ASan)

} // namespace

class TestHostileTty : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RawWsServer> m_server;
    std::unique_ptr<TtyChannel> m_channel;
    std::unique_ptr<QSignalSpy> m_opened;
    std::unique_ptr<QSignalSpy> m_output;
    std::unique_ptr<QSignalSpy> m_closed;
    std::unique_ptr<QSignalSpy> m_failed;

    TtyTarget target() const
    {
        TtyTarget t;
        t.url = m_server->url();
        t.token = QStringLiteral("harness-token");
        return t;
    }

    // Opens the channel and waits until the server has the upgraded connection.
    RawWsConnection *openChannel()
    {
        m_channel->open(target());
        if (!m_opened->wait(kWait) && m_opened->isEmpty())
            return nullptr;
        if (!QTest::qWaitFor([this] { return m_server->last() && m_server->last()->isUpgraded(); },
                             kWait))
            return nullptr;
        return m_server->last();
    }

    TtyClose waitClosed()
    {
        if (m_closed->isEmpty() && !m_closed->wait(kWait))
            return TtyClose();
        return m_closed->first().at(0).value<TtyClose>();
    }

    // The user types; the bytes must reach the server as one binary frame.
    bool typeAndArrive(RawWsConnection *c, const QByteArray &keys)
    {
        const QByteArray before = c->binaryInput();
        if (!m_channel->sendInput(keys))
            return false;
        return QTest::qWaitFor([&] { return c->binaryInput() == before + keys; }, kWait);
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<lap::TtyClose>();
        qRegisterMetaType<lap::LapError>();
        qRegisterMetaType<laptest::WsFrame>();
    }

    void init()
    {
        m_server = std::make_unique<RawWsServer>();
        QVERIFY(m_server->start());
        m_channel = std::make_unique<TtyChannel>();
        m_channel->setKeepAliveInterval(0);
        m_opened = std::make_unique<QSignalSpy>(m_channel.get(), &TtyChannel::opened);
        m_output = std::make_unique<QSignalSpy>(m_channel.get(), &TtyChannel::output);
        m_closed = std::make_unique<QSignalSpy>(m_channel.get(), &TtyChannel::closed);
        m_failed = std::make_unique<QSignalSpy>(m_channel.get(), &TtyChannel::failed);
    }

    void cleanup()
    {
        m_opened.reset();
        m_output.reset();
        m_closed.reset();
        m_failed.reset();
        m_channel.reset();
        m_server.reset();
    }

    // A text frame that is not UTF-8 breaks RFC 6455 (§8.1): the client closes with 1007 and
    // says so; what arrived before it is kept.
    void invalidUtf8InATextFrame()
    {
        RawWsConnection *c = openChannel();
        QVERIFY(c);
        c->sendText("before\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(joined(*m_output), QByteArray("before\r\n"), kWait);
        QVERIFY(typeAndArrive(c, "typed before"));
        c->sendText("bad \xff\xfe\xc3 bytes");
        const TtyClose close = waitClosed();
        QCOMPARE(close.reason, TtyClose::Reason::Dropped);
        QCOMPARE(close.code, 1007);
        QCOMPARE(close.describe(), QStringLiteral("Connection lost (code 1007: invalid data — "
                                                  "Invalid UTF-8 code encountered)."));
        QCOMPARE(joined(*m_output), QByteArray("before\r\n"));
        QCOMPARE(c->binaryInput(), QByteArray("typed before"));
        QCOMPARE(m_failed->count(), 0);
    }

    // Binary frames are bytes: invalid UTF-8 goes to the terminal as is (its decoder shows
    // U+FFFD), and the connection stays up.
    void invalidUtf8InABinaryFrame()
    {
        RawWsConnection *c = openChannel();
        QVERIFY(c);
        const QByteArray bad("bad \xff\xfe\xc3\x28 \xed\xa0\x80 \xf8\x88\x80\x80\x80 end", 23);
        c->sendBinary(bad);
        QTRY_COMPARE_WITH_TIMEOUT(joined(*m_output), bad, kWait);
        QCOMPARE(m_channel->state(), TtyChannel::State::Open);
        QVERIFY(typeAndArrive(c, "still typing"));
    }

    // One character split over two frames at every byte position: as a text message in
    // continuation frames (RFC 6455 fragmentation; Qt reassembles and checks it), and as two
    // binary messages (passed through; the terminal's decoder is stateful).
    void utf8SplitOverFramesAtEveryBytePosition_data()
    {
        QTest::addColumn<bool>("fragments");
        QTest::addColumn<int>("split");
        const QByteArray text("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z"); // a é € 😀 z
        for (int split = 1; split < text.size(); ++split) {
            QTest::addRow("text continuation frames, split at %d", split) << true << split;
            QTest::addRow("binary messages, split at %d", split) << false << split;
        }
    }
    void utf8SplitOverFramesAtEveryBytePosition()
    {
        QFETCH(bool, fragments);
        QFETCH(int, split);
        const QByteArray text("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z");
        RawWsConnection *c = openChannel();
        QVERIFY(c);
        if (fragments) {
            c->sendFrame(laptest::WsText, text.left(split), false);
            c->sendFrame(laptest::WsContinuation, text.mid(split), true);
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
            // Qt 6.4 checks UTF-8 per fragment rather than per message (RFC 6455 §5.6 allows
            // the split): a cut inside a character ends the connection with 1007. The real
            // harness never fragments (node-pty hands whole strings to `ws`), and the user is
            // told what happened.
            const QByteArray first = text.left(split);
            const bool cutInsideACharacter =
                (uchar(text.at(split)) & 0xc0) == 0x80 && !first.isEmpty();
            if (cutInsideACharacter) {
                const TtyClose close = waitClosed();
                QCOMPARE(close.code, 1007);
                QCOMPARE(close.describe(), QStringLiteral("Connection lost (code 1007: invalid "
                                                          "data — Invalid UTF-8 code "
                                                          "encountered)."));
                return;
            }
#endif
        } else {
            c->sendBinary(text.left(split));
            c->sendBinary(text.mid(split));
        }
        QTRY_COMPARE_WITH_TIMEOUT(joined(*m_output), text, kWait);
        QCOMPARE(QString::fromUtf8(joined(*m_output)),
                 QString::fromUtf8("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z"));
        QCOMPARE(m_channel->state(), TtyChannel::State::Open);
    }

    // 1 MB in one frame, text and binary: all of it arrives, in order, the event loop keeps
    // turning, and keys typed right after reach the server.
    void oneMegabyteSingleFrame_data()
    {
        QTest::addColumn<bool>("text");
        QTest::newRow("text") << true;
        QTest::newRow("binary") << false;
    }
    void oneMegabyteSingleFrame()
    {
        QFETCH(bool, text);
        RawWsConnection *c = openChannel();
        QVERIFY(c);
        QByteArray payload;
        const QByteArray line("\xe2\x82\xac line of output with a euro sign 0123456789\r\n");
        while (payload.size() + line.size() <= 1024 * 1024)
            payload += line;
        payload += QByteArray(1024 * 1024 - payload.size(), '.');
        QCOMPARE(payload.size(), 1024 * 1024);
        LoopProbe probe;
        c->sendFrame(text ? laptest::WsText : laptest::WsBinary, payload);
        QVERIFY(typeAndArrive(c, "ls\r"));
        QTRY_COMPARE_WITH_TIMEOUT(m_channel->bytesReceived(), qint64(payload.size()), kWait);
        QCOMPARE(joined(*m_output), payload);
        qInfo("1 MB %s frame: longest event-loop stall %lld ms of CPU", text ? "text" : "binary",
              probe.longestStallMs());
        QVERIFY2(probe.longestStallMs() < 5000, "the event loop was blocked");
        QCOMPARE(m_channel->state(), TtyChannel::State::Open);
    }

    // Close frames with every kind of code and reason a server can send.
    void closeCodesAndReasons_data()
    {
        const QString kInvalidCode = QStringLiteral(
            "Connection lost (code 1002: protocol error — the server sent an invalid close code).");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<int>("seenCode");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, int code, const QByteArray &reason, int seen,
                            const QString &message) {
            QTest::newRow(name) << code << reason << seen << message;
        };
        row("1000 normal", 1000, "", 1000,
            QStringLiteral("Connection lost (code 1000: normal closure)."));
        row("1000 with reason", 1000, "bye", 1000,
            QStringLiteral("Connection lost (code 1000: normal closure — bye)."));
        row("1001 going away", 1001, "pod shutting down", 1001,
            QStringLiteral("Connection lost (code 1001: going away — pod shutting down)."));
        row("1002 protocol error", 1002, "", 1002,
            QStringLiteral("Connection lost (code 1002: protocol error)."));
        row("1003 unsupported data", 1003, "", 1003,
            QStringLiteral("Connection lost (code 1003: unsupported data)."));
        row("1007 invalid data", 1007, "", 1007,
            QStringLiteral("Connection lost (code 1007: invalid data)."));
        row("1008 policy", 1008, "token expired", 1008,
            QStringLiteral("Connection lost (code 1008: policy violation — token expired)."));
        row("1009 too big", 1009, "", 1009,
            QStringLiteral("Connection lost (code 1009: message too big)."));
        row("1010 extension", 1010, "", 1010,
            QStringLiteral("Connection lost (code 1010: missing extension)."));
        row("1011 server error", 1011, "boom", 1011,
            QStringLiteral("Connection lost (code 1011: server error — boom)."));
        row("1012 restart", 1012, "", 1002, kInvalidCode);
        row("1013 try again later", 1013, "", 1002, kInvalidCode);
        row("1014 bad gateway", 1014, "", 1002, kInvalidCode);
        row("2999 unassigned", 2999, "", 1002, kInvalidCode);
        row("3000 registered", 3000, "app", 3000,
            QStringLiteral("Connection lost (code 3000 — app)."));
        row("3999", 3999, "", 3999, QStringLiteral("Connection lost (code 3999)."));
        row("4000 private", 4000, "custom", 4000,
            QStringLiteral("Connection lost (code 4000 — custom)."));
        row("4999 last", 4999, "", 4999, QStringLiteral("Connection lost (code 4999)."));
        // Codes that must never be sent on the wire (RFC 6455 §7.4.1).
        row("1005 on the wire", 1005, "", 1002, kInvalidCode);
        row("1006 on the wire", 1006, "", 1002, kInvalidCode);
        row("999 below range", 999, "", 1002, kInvalidCode);
        row("5000 above range", 5000, "", 1002, kInvalidCode);
        // The longest legal reason: 123 bytes.
        const QByteArray longest(123, 'r');
        row("123-byte reason", 4001, longest, 4001,
            QStringLiteral("Connection lost (code 4001 — %1).").arg(QString::fromLatin1(longest)));
        row("odd reason: newlines, ANSI, markup", 4002,
            "line1\r\nline2 \x1b[31mred\x1b[0m <b>bold</b> \xe2\x80\xae", 4002,
            QStringLiteral("Connection lost (code 4002 — line1 line2 red <b>bold</b>)."));
        row("reason not UTF-8", 4003, "caf\xe9", 1007,
            QStringLiteral(
                "Connection lost (code 1007: invalid data — Invalid UTF-8 code encountered)."));
        // A control frame over 125 bytes breaks the protocol.
        row("reason too long for a control frame", 4004, QByteArray(200, 'x'), 1002,
            QStringLiteral("Connection lost (code 1002: protocol error — Control frame is larger "
                           "than 125 bytes)."));
    }
    void closeCodesAndReasons()
    {
        QFETCH(int, code);
        QFETCH(QByteArray, reason);
        QFETCH(int, seenCode);
        QFETCH(QString, message);
        RawWsConnection *c = openChannel();
        QVERIFY(c);
        QVERIFY(typeAndArrive(c, "typed"));
        c->sendClose(code, reason);
        const TtyClose close = waitClosed();
        QCOMPARE(close.reason, TtyClose::Reason::Dropped);
        QCOMPARE(close.code, seenCode);
        QCOMPARE(close.describe(), message);
        QCOMPARE(m_failed->count(), 0);
        QCOMPARE(c->binaryInput(), QByteArray("typed"));
    }

    // Thousands of pings in one burst: Qt answers them, output and input keep flowing.
    void pingFlood()
    {
        RawWsConnection *c = openChannel();
        QVERIFY(c);
        const int pings = 20000;
        QByteArray burst;
        for (int i = 0; i < pings; ++i)
            burst += RawWsConnection::frame(laptest::WsPing,
                                            QByteArray::number(i).leftJustified(120, '.'));
        burst += RawWsConnection::frame(laptest::WsText, "after the flood\r\n");
        LoopProbe probe;
        c->sendRaw(burst);
        QVERIFY(typeAndArrive(c, "typed during the flood"));
        QTRY_COMPARE_WITH_TIMEOUT(joined(*m_output), QByteArray("after the flood\r\n"), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(c->countReceived(laptest::WsPong), pings, kWait);
        qInfo("%d pings: longest event-loop stall %lld ms of CPU", pings, probe.longestStallMs());
        QVERIFY2(probe.longestStallMs() < 5000, "the event loop was blocked");
        QCOMPARE(m_channel->state(), TtyChannel::State::Open);
    }

    // A frame header announcing 1 MB, a little of it, then silence.
    void frameThatNeverFinishes()
    {
        RawWsConnection *c = openChannel();
        QVERIFY(c);
        c->sendText("prompt$ ");
        QTRY_COMPARE_WITH_TIMEOUT(joined(*m_output), QByteArray("prompt$ "), kWait);
        const QByteArray whole =
            RawWsConnection::frame(laptest::WsBinary, QByteArray(1 << 20, 'x'));
        c->sendRaw(whole.left(1000));
        // Typing still works while the frame hangs.
        QVERIFY(typeAndArrive(c, "typed"));
        const TtyClose close = waitClosed();
        QCOMPARE(close.reason, TtyClose::Reason::Dropped);
        QCOMPARE(close.describe(), QStringLiteral("Connection lost (code 1001: going away — "
                                                  "Timeout when reading data from socket)."));
        QCOMPARE(joined(*m_output), QByteArray("prompt$ "));
    }

    // A frame claiming 2^63 bytes.
    void frameLengthBeyondAnyLimit()
    {
        RawWsConnection *c = openChannel();
        QVERIFY(c);
        QByteArray header("\x82\x7f\x7f\xff\xff\xff\xff\xff\xff\xff", 10);
        c->sendRaw(header + "xyz");
        const TtyClose close = waitClosed();
        QCOMPARE(close.reason, TtyClose::Reason::Dropped);
        QCOMPARE(close.describe(),
                 QStringLiteral(
                     "Connection lost (code 1009: message too big — Maximum framesize exceeded)."));
    }

    // A frame announcing 100 MB: refused from its header (1009), never buffered.
    void frameOverTheSizeLimit()
    {
        RawWsConnection *c = openChannel();
        QVERIFY(c);
        QByteArray header("\x82\x7f", 2);
        char len[8];
        qToBigEndian<quint64>(100ull * 1024 * 1024, len);
        header.append(len, 8);
        c->sendRaw(header + QByteArray(4096, 'x'));
        const TtyClose close = waitClosed();
        QCOMPARE(close.reason, TtyClose::Reason::Dropped);
        QCOMPARE(close.describe(), QStringLiteral("Connection lost (code 1009: message too big — "
                                                  "Maximum framesize exceeded)."));
        QCOMPARE(m_channel->bytesReceived(), qint64(0));
    }

    // The same size in 1 MB continuation frames: the message limit ends it.
    void messageOverTheSizeLimit()
    {
        RawWsConnection *c = openChannel();
        QVERIFY(c);
        const QByteArray piece(1024 * 1024, 'y');
        c->sendFrame(laptest::WsBinary, piece, false);
        for (int i = 0; i < 70; ++i)
            c->sendFrame(laptest::WsContinuation, piece, false);
        const TtyClose close = waitClosed();
        QCOMPARE(close.reason, TtyClose::Reason::Dropped);
        QCOMPARE(close.describe(), QStringLiteral("Connection lost (code 1009: message too big — "
                                                  "Received message is too big)."));
        QCOMPARE(m_channel->bytesReceived(), qint64(0));
    }

    // The upgrade succeeds and then nothing ever comes: the user can still type, and detaching
    // works even though the server never answers the close frame either.
    void acceptsTheUpgradeAndNeverSends()
    {
        RawWsConnection *c = openChannel();
        QVERIFY(c);
        c->setEchoClose(false);
        QVERIFY(typeAndArrive(c, "echo hello\r"));
        QVERIFY(m_channel->sendResize(120, 40));
        QTRY_VERIFY_WITH_TIMEOUT(c->countReceived(laptest::WsText) == 1, kWait);
        QCOMPARE(c->received().last().payload,
                 QByteArray("{\"type\":\"resize\",\"cols\":120,\"rows\":40}"));
        QElapsedTimer clock;
        clock.start();
        m_channel->close();
        const TtyClose close = waitClosed();
        QCOMPARE(close.reason, TtyClose::Reason::UserDetached);
        QCOMPARE(close.describe(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(c->closeReceived(), kWait);
        qInfo("detach from a silent server took %lld ms", clock.elapsed());
        QCOMPARE(m_output->count(), 0);
        QCOMPARE(c->binaryInput(), QByteArray("echo hello\r"));
    }

    // The upgrade answered with a redirect to another host: not followed (the token stays
    // here), and said plainly.
    void upgradeRedirectedToAnotherHost()
    {
        RawWsServer other;
        QVERIFY(other.start());
        laptest::CannedHttpServer redirecting;
        QVERIFY(redirecting.start());
        redirecting.script("GET", "/tty",
                           {laptest::CannedResponse::redirect(302, other.url().toEncoded())});
        TtyTarget t = target();
        t.url.setPort(redirecting.serverPort());
        m_channel->open(t);
        QVERIFY(m_failed->wait(kWait));
        const LapError e = m_failed->first().at(0).value<LapError>();
        QCOMPARE(e.kind, LapError::Kind::TtyUpgrade);
        QCOMPARE(e.message, QStringLiteral("The terminal connection was refused (HTTP 302)."));
        QCOMPARE(e.httpStatus, 302);
        QCOMPARE(redirecting.requests().size(), 1);
        QTest::qWait(200);
        QCOMPARE(other.connections().size(), 0);
    }

    // The server reads the upgrade request and never answers it.
    void neverAnswersTheUpgrade()
    {
        m_server->setAnswerUpgrade(false);
        m_channel->setConnectTimeout(1000);
        m_channel->open(target());
        QVERIFY(m_failed->wait(kWait));
        const LapError e = m_failed->first().at(0).value<LapError>();
        QCOMPARE(e.kind, LapError::Kind::TtyConnect);
        QCOMPARE(e.message, QStringLiteral("Cannot reach the sandbox at 127.0.0.1:%1: no answer "
                                           "within 1 s.")
                                .arg(m_server->serverPort()));
        QCOMPARE(e.hint, QStringLiteral("The pod may be gone or the address unreachable."));
        QCOMPARE(m_opened->count(), 0);
        // Typing while not connected is refused, not queued.
        QVERIFY(!m_channel->sendInput("lost?"));
    }
};

QTEST_GUILESS_MAIN(TestHostileTty)
#include "tst_hostile_tty.moc"
