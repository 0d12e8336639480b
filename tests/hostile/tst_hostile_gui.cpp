// SPDX-License-Identifier: GPL-2.0-or-later
// Hostile servers seen through the GUI: a real TerminalTab with a real QTermWidget on
// the offscreen platform, talking to a canned REST server and a hand-written /tty server over
// 127.0.0.1. For each case: the GUI thread keeps turning (a 5 ms timer measures the longest
// stall, reported, with only a generous bound asserted), the user's keystrokes still reach the
// server, and the tab says what happened.
#include "cannedhttpserver.h"
#include "laptest.h"
#include "rawwsserver.h"
#include "remoteterminal.h"
#include "terminaltab.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>

#include <memory>

using namespace lap;
using laptest::CannedHttpServer;
using laptest::CannedResponse;
using laptest::LoopProbe;
using laptest::RawWsConnection;
using laptest::RawWsServer;

namespace {

const char kKey[] = "sk-hostile-gui-master-key-9876543210";
using laptest::api;
using laptest::kAgentUuid;
using laptest::kSessionUuid;
const int kWait = 30000;

} // namespace

class TestHostileGui : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CannedHttpServer> m_rest;
    std::unique_ptr<RawWsServer> m_tty;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<TerminalTab> m_tab;

    QByteArray sessionRow(const char *status) const
    {
        return QByteArray("{\"id\":\"") + kSessionUuid + "\",\"agent_id\":\"" + kAgentUuid +
               "\",\"status\":\"" + status + "\",\"phase\":\"ready\",\"tty_url\":\"" +
               m_tty->url().toEncoded() + "\",\"tty_token\":\"harness-token\"}";
    }

    // m_tab: a TerminalTab on the canned platform, shown at a fixed size; false if it was
    // never exposed.
    bool makeTab(const AppSettings &settings = AppSettings())
    {
        PlatformConfig platform;
        platform.baseUrl = m_rest->baseUrl();
        platform.masterKey = QLatin1String(kKey);
        platform.requestTimeoutMs = kWait;
        m_tab = std::make_unique<TerminalTab>(m_nam.get(), platform, settings);
        m_tab->resize(800, 500);
        m_tab->show();
        return QTest::qWaitForWindowExposed(m_tab.get());
    }

    // A tab that opened the agent and whose terminal is connected.
    bool openTab(bool autoReconnect = false)
    {
        m_rest->scriptAgentAndCreate(kAgentUuid, CannedResponse::json(200, sessionRow("ready")));
        AppSettings settings;
        settings.autoReconnect = autoReconnect;
        settings.keepSessionsAlive = false;
        if (!makeTab(settings))
            return false;
        m_tab->openAgent(QLatin1String(kAgentUuid));
        return QTest::qWaitFor(
            [this] {
                return m_tab->state() == TerminalTab::State::Connected && m_tty->last() &&
                       m_tty->last()->isUpgraded();
            },
            kWait);
    }

    QWidget *display() const { return m_tab->terminal()->terminalDisplay(); }
    QString screen() const { return m_tab->terminal()->screenText(); }
    QString banner() const
    {
        auto *label = m_tab->findChild<QLabel *>(QStringLiteral("banner"));
        return label && label->isVisible() ? label->text() : QString();
    }

    // The user types `text` (and Return) into the terminal; true once the server has it all.
    bool typeAndArrive(RawWsConnection *c, const QString &text)
    {
        const QByteArray before = c->binaryInput();
        QTest::keyClicks(display(), text);
        QTest::keyClick(display(), Qt::Key_Return);
        const QByteArray expected = before + text.toUtf8() + '\r';
        return QTest::qWaitFor([&] { return c->binaryInput() == expected; }, kWait);
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
        m_rest = std::make_unique<CannedHttpServer>();
        QVERIFY(m_rest->start());
        m_tty = std::make_unique<RawWsServer>();
        QVERIFY(m_tty->start());
        m_nam = std::make_unique<QNetworkAccessManager>();
    }

    void cleanup()
    {
        m_tab.reset();
        m_nam.reset();
        m_tty.reset();
        m_rest.reset();
    }

    // 1 MB of output in one text frame: the terminal renders all of it in order without
    // freezing the window, and what the user types meanwhile reaches the server.
    void oneMegabyteFrameRendersWithoutFreezing()
    {
        QVERIFY(openTab());
        RawWsConnection *c = m_tty->last();
        QByteArray payload;
        int n = 0;
        while (payload.size() < 1024 * 1024 - 200)
            payload += "line " + QByteArray::number(n++).rightJustified(6, '0') + " \xe2\x82\xac " +
                       QByteArray(50, 'x') + "\r\n";
        payload += "END-OF-MEGABYTE";
        LoopProbe probe;
        QElapsedTimer clock;
        clock.start();
        c->sendText(payload);
        QVERIFY(typeAndArrive(c, QStringLiteral("typed while rendering")));
        QTRY_VERIFY_WITH_TIMEOUT(screen().contains(QLatin1String("END-OF-MEGABYTE")), kWait);
        const QStringList rows = screen().split(QLatin1Char('\n'));
        const int end = rows.indexOf(QStringLiteral("END-OF-MEGABYTE"));
        QVERIFY(end > 0);
        QCOMPARE(rows.at(end - 1), QStringLiteral("line %1 € %2")
                                       .arg(n - 1, 6, 10, QLatin1Char('0'))
                                       .arg(QString(50, QLatin1Char('x'))));
        qInfo("1 MB frame rendered in %lld ms; longest GUI stall %lld ms of CPU", clock.elapsed(),
              probe.longestStallMs());
        QVERIFY2(probe.longestStallMs() < 5000, "the GUI thread was blocked");
        QCOMPARE(m_tab->state(), TerminalTab::State::Connected);
    }

    // Bytes that are not UTF-8, in a binary frame: shown as U+FFFD, the session goes on.
    void invalidUtf8RendersAsReplacementCharacters()
    {
        QVERIFY(openTab());
        RawWsConnection *c = m_tty->last();
        c->sendBinary(QByteArray("A\xff\xfe"
                                 "B \xc3\x28 C\r\nnext line\r\n"));
        QTRY_VERIFY2_WITH_TIMEOUT(screen().contains(QLatin1String("next line")),
                                  qPrintable(screen()), kWait);
        const QString first = screen().split(QLatin1Char('\n')).first();
        QVERIFY2(first.startsWith(QLatin1Char('A')) && first.contains(QChar(0xfffd)) &&
                     first.contains(QLatin1Char('B')) && first.endsWith(QLatin1Char('C')),
                 qPrintable(first));
        QVERIFY(typeAndArrive(c, QStringLiteral("still typing")));
        QCOMPARE(m_tab->state(), TerminalTab::State::Connected);
    }

    // Invalid UTF-8 in a text frame ends the connection (RFC 6455): the banner says why, and
    // the output that arrived before stays on screen.
    void invalidUtf8TextFrameIsExplained()
    {
        QVERIFY(openTab());
        RawWsConnection *c = m_tty->last();
        m_rest->script("GET", api(QByteArray("/sessions/") + kSessionUuid),
                       {CannedResponse::stalled()});
        c->sendText("kept output\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(screen().contains(QLatin1String("kept output")), kWait);
        c->sendText("\xff\xfe");
        QTRY_COMPARE_WITH_TIMEOUT(banner(),
                                  QStringLiteral("Connection lost (code 1007: invalid data — "
                                                 "Invalid UTF-8 code encountered). Checking the "
                                                 "session…"),
                                  kWait);
        QCOMPARE(m_tab->state(), TerminalTab::State::Reconnecting);
        QVERIFY(screen().contains(QLatin1String("kept output")));
    }

    // A server that accepts the upgrade and never sends a byte: the user can type, resize and
    // detach (Ctrl-D), even though the server does not answer the close frame either.
    void silentServerStillLetsTheUserTypeAndDetach()
    {
        QVERIFY(openTab());
        RawWsConnection *c = m_tty->last();
        c->setEchoClose(false);
        QVERIFY(typeAndArrive(c, QStringLiteral("echo hello")));
        QTRY_VERIFY_WITH_TIMEOUT(c->countReceived(laptest::WsText) >= 1, kWait); // the resize
        LoopProbe probe;
        QTest::keyClick(display(), Qt::Key_D, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_tab->state(), TerminalTab::State::Detached, kWait);
        QCOMPARE(banner(), QStringLiteral("Detached — the session keeps running on the platform. "
                                          "Press Enter to reattach."));
        QTRY_VERIFY_WITH_TIMEOUT(c->closeReceived(), kWait);
        // Ctrl-D itself never went to the remote.
        QCOMPARE(c->binaryInput(), QByteArray("echo hello\r"));
        qInfo("detach from a silent server: longest GUI stall %lld ms of CPU",
              probe.longestStallMs());
    }

    // 20000 pings in one burst while the user types.
    void pingFloodKeepsTheTerminalResponsive()
    {
        QVERIFY(openTab());
        RawWsConnection *c = m_tty->last();
        QByteArray burst;
        for (int i = 0; i < 20000; ++i)
            burst += RawWsConnection::frame(laptest::WsPing, QByteArray(100, 'p'));
        burst += RawWsConnection::frame(laptest::WsText, "flood over\r\n");
        LoopProbe probe;
        c->sendRaw(burst);
        QVERIFY(typeAndArrive(c, QStringLiteral("typed during the flood")));
        QTRY_VERIFY_WITH_TIMEOUT(screen().contains(QLatin1String("flood over")), kWait);
        qInfo("ping flood: longest GUI stall %lld ms of CPU", probe.longestStallMs());
        QVERIFY2(probe.longestStallMs() < 5000, "the GUI thread was blocked");
        QCOMPARE(m_tab->state(), TerminalTab::State::Connected);
    }

    // A close reason full of line breaks, escape sequences, a bidi override and markup: the
    // banner shows one plain line.
    void oddCloseReasonIsShownAsPlainText()
    {
        QVERIFY(openTab());
        RawWsConnection *c = m_tty->last();
        m_rest->script("GET", api(QByteArray("/sessions/") + kSessionUuid),
                       {CannedResponse::stalled()});
        c->sendClose(4321, "a\r\nb \x1b[31mred\x1b[0m \xe2\x80\xae<b>bold</b><img src=x>");
        const QString expected = QStringLiteral(
            "Connection lost (code 4321 — a b red <b>bold</b><img src=x>). Checking the session…");
        QTRY_COMPARE_WITH_TIMEOUT(banner(), expected, kWait);
        auto *label = m_tab->findChild<QLabel *>(QStringLiteral("banner"));
        QVERIFY(label);
        // What the user sees must be the text itself, not rendered markup.
        const bool rendersMarkup =
            label->textFormat() == Qt::RichText ||
            (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
        QVERIFY(!rendersMarkup);
    }

    // The REST side through the tab: a 10 MB agent reply ends on the failure page with the
    // sentence, and the GUI never froze.
    void tenMegabyteReplyEndsOnTheFailurePage()
    {
        QByteArray body = "{\"id\":\"x\",\"pad\":\"";
        body += QByteArray(10 * 1024 * 1024, 'x');
        body += "\"}";
        m_rest->script("GET", api(QByteArray("/agents/") + kAgentUuid),
                       {CannedResponse::json(200, body)});
        QVERIFY(makeTab());
        LoopProbe probe;
        m_tab->openAgent(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(m_tab->state(), TerminalTab::State::Failed, kWait);
        auto *message = m_tab->findChild<QLabel *>(QStringLiteral("failureMessage"));
        QVERIFY(message);
        QCOMPARE(message->text(),
                 QStringLiteral("Looking up the agent failed: the reply from %1 is larger than 8 "
                                "MB, so it was not read.")
                     .arg(m_rest->baseUrl().toString()));
        qInfo("10 MB reply: longest GUI stall %lld ms of CPU", probe.longestStallMs());
        QVERIFY2(probe.longestStallMs() < 5000, "the GUI thread was blocked");
    }

    // A reply that trickles in: the progress page stays live and Cancel works at once.
    void slowDripCanBeCancelled()
    {
        CannedResponse drip = CannedResponse::json(200, QByteArray(4096, ' ') + "{}");
        drip.dripMs = 50;
        drip.dripBodyOnly = true;
        m_rest->script("GET", api(QByteArray("/agents/") + kAgentUuid), {drip});
        QVERIFY(makeTab());
        m_tab->openAgent(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(m_rest->count("GET", api(QByteArray("/agents/") + kAgentUuid)), 1,
                                  kWait);
        auto *cancel = m_tab->findChild<QPushButton *>(QStringLiteral("cancelButton"));
        QVERIFY(cancel);
        QTRY_VERIFY_WITH_TIMEOUT(cancel->isVisible() && cancel->isEnabled(), kWait);
        QTest::qWait(300); // let a few bytes drip
        // "At once": the state is Failed when click() returns, and click() did not wait for the
        // reply, which needs another ~200 s of dripping (4 KB at 50 ms a byte). The bound is far
        // from both, so a loaded machine cannot reach it.
        QElapsedTimer clock;
        clock.start();
        cancel->click();
        QCOMPARE(m_tab->state(), TerminalTab::State::Failed);
        QVERIFY2(clock.elapsed() < 60000, qPrintable(QString::number(clock.elapsed())));
        auto *message = m_tab->findChild<QLabel *>(QStringLiteral("failureMessage"));
        QCOMPARE(message->text(), QStringLiteral("Opening was cancelled."));
    }
};

QTEST_MAIN(TestHostileGui)
#include "tst_hostile_gui.moc"
