// SPDX-License-Identifier: GPL-2.0-or-later
// Sessions that survive: drops and reconnects, input during an outage, terminating, and
// background notifications — real tabs, real QTermWidgets, the local platform with real PTYs.
#include "lptesthelpers.h"
#include "sessionkeepalive.h"
#include "uistyle.h"
#include "windowfixture.h"

#include <QDateTime>
#include <QLabel>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QtTest>

#include <memory>

using namespace lap;
using namespace windowtest;
using lap::local::LocalPlatform;
using lptest::openFdCount;

class TestSurvive : public QObject, protected WindowFixture
{
    Q_OBJECT

    // Signs in the way LAP_BASE_URL/LAP_MASTER_KEY do, through start(), so that saved tabs of
    // this platform are restored as on a real launch.
    void makeWindow()
    {
        showWindow([this](MainWindow &w) {
            LaunchOptions o;
            o.envBaseUrl = m_platform->baseUrl();
            o.envMasterKey = m_platform->masterKey();
            w.start(o);
        });
    }

private slots:
    void initTestCase() { setUpServices(); }

    void init()
    {
        startPlatform();
        if (!QTest::currentTestFailed())
            makeWindow();
    }

    void cleanup() { tearDown(); }

    void hundredDropsEachBackInTheSameShell()
    {
        TerminalTab *tab = openConnected();
        QCOMPARE(tab->state(), TerminalTab::State::Connected);
        const QString id = tab->sessionId();
        type(tab, QStringLiteral("LAP_MARK=survivor-$((40+2)); clear"));
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(id), 1, kTimeoutMs);
        QTest::qWait(300);
        const int fdsBefore = openFdCount();
        const int ptysBefore = m_platform->livePtyCount();

        int reconnects = 0;
        connect(tab, &TerminalTab::stateChanged, this,
                [&](TerminalTab::State s) { reconnects += s == TerminalTab::State::Connected; });
        for (int cycle = 0; cycle < 100; ++cycle) {
            m_platform->dropAllTty(); // TCP close without a close frame: a 1006 for the client
            QVERIFY2(
                QTest::qWaitFor([&] { return reconnects == cycle + 1; }, kTimeoutMs),
                qPrintable(QStringLiteral("cycle %1: %2 — %3")
                               .arg(cycle)
                               .arg(TerminalTab::stateName(tab->state()), tab->stateReason())));
            QCOMPARE(tab->sessionId(), id);
        }
        QCOMPARE(tab->state(), TerminalTab::State::Connected);
        type(tab, QStringLiteral("echo still-$LAP_MARK"));
        QTRY_VERIFY2_WITH_TIMEOUT(screenHasLine(tab, QStringLiteral("still-survivor-42")),
                                  qPrintable(tab->terminal()->screenText()), kTimeoutMs);
        // Nothing piled up: one socket, one PTY, and our own descriptors back where they were.
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(id), 1, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->livePtyCount(), ptysBefore, kTimeoutMs);
        QTRY_VERIFY2_WITH_TIMEOUT(
            openFdCount() <= fdsBefore + 2,
            qPrintable(QStringLiteral("fds %1 -> %2").arg(fdsBefore).arg(openFdCount())),
            kTimeoutMs);
    }

    void keysTypedDuringAnOutageAreNeverDelivered()
    {
        TerminalTab *tab = openConnected();
        const QString id = tab->sessionId();
        QByteArray delivered;
        connect(m_platform.get(), &LocalPlatform::ptyInput, this,
                [&](const QString &sid, const QByteArray &b) {
                    if (sid == id)
                        delivered += b;
                });
        // The platform answers 502 to the next checks, so the tab stays in its back-off.
        m_platform->setTransientErrors(3);
        m_platform->dropAllTty();
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Reconnecting, kTimeoutMs);
        type(tab, QStringLiteral("touch /tmp/lap-outage-should-not-exist"), false);
        auto *banner = tab->findChild<QLabel *>(QStringLiteral("banner"));
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("keystrokes are not being sent")),
                 qPrintable(banner->text()));
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Connected, 30000);
        type(tab, QStringLiteral("echo after-$((1+1))"));
        QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(tab, QStringLiteral("after-2")), kTimeoutMs);
        QVERIFY2(!delivered.contains("lap-outage"), delivered.constData());
        QVERIFY(delivered.contains("echo after-"));
        QVERIFY(banner->isVisible());
        QVERIFY2(
            banner->text().startsWith(QStringLiteral("Reconnected. ")) &&
                banner->text().endsWith(QStringLiteral(" typed while disconnected were not sent.")),
            qPrintable(banner->text()));
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), kTimeoutMs);
    }

    void wakeOrNetworkBackSkipsTheBackoff()
    {
        TerminalTab *tab = openConnected();
        QCOMPARE(m_window->retryDroppedNow(), 0); // nothing is waiting
        m_platform->setTransientErrors(1);
        m_platform->dropAllTty();
        auto *banner = tab->findChild<QLabel *>(QStringLiteral("banner"));
        QTRY_VERIFY_WITH_TIMEOUT(banner->text().contains(QStringLiteral("Reconnecting in")),
                                 kTimeoutMs);
        QCOMPARE(m_window->retryDroppedNow(), 1); // the back-off was cut short
        QCOMPARE(m_window->retryDroppedNow(), 0); // and a check is now in flight
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Connected, kTimeoutMs);
    }

    void aFloodIsFlowControlled()
    {
        // 24 MB on attach, faster than the emulator can take it: reading must pause instead of
        // queueing the flood in memory, and the shell must still answer afterwards. Watched at
        // every output frame and every pause of the channel rather than sampled on a timer
        // (which a loaded machine starves): once the backlog reaches the high-water mark reading
        // is paused at once, and what still arrives during one pause (what the socket had already
        // taken from the kernel) stays bounded. Each pause is judged by itself: its 3 s safety
        // limit may end one while a starved emulator still holds the backlog, and the next frame
        // pauses again.
        m_platform->setFloodBytes(24 * 1024 * 1024);
        constexpr qint64 kHighWater = 1024 * 1024; // terminaltab.cpp's kOutputHighWater
        constexpr qint64 kMaxPauseTail = 7 * 1024 * 1024;
        int pauses = 0;
        qint64 tail = 0;    // bytes received during the current pause
        qint64 maxTail = 0; // over all pauses
        qint64 unpausedAtHighWater =
            0; // frames after which the backlog was high but reading went on
        TtyChannel *watched = nullptr;
        QObject wiring; // declared last: its connections end before the variables they use
        TerminalTab *tab = m_window->openAgent(QStringLiteral("shell"));
        connect(tab, &TerminalTab::stateChanged, &wiring, [&](TerminalTab::State s) {
            // Connecting: the channel exists, its socket is not open yet.
            if (s != TerminalTab::State::Connecting || watched || !tab->channel())
                return;
            watched = tab->channel();
            // After the tab's own handler, which queues the frame and decides on the pause.
            connect(watched, &TtyChannel::output, &wiring, [&](const QByteArray &bytes) {
                if (watched->isReadPaused())
                    tail += bytes.size();
                else if (tab->terminal()->pendingOutputBytes() >= kHighWater)
                    ++unpausedAtHighWater;
                maxTail = qMax(maxTail, tail);
            });
            connect(watched, &TtyChannel::readPausedChanged, &wiring, [&](bool paused) {
                if (paused)
                    ++pauses;
                tail = 0;
            });
        });
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Connected, kTimeoutMs);
        QVERIFY(watched);
        QCOMPARE(tab->channel(), watched);
        m_platform->setFloodBytes(0);
        QTRY_VERIFY_WITH_TIMEOUT(tab->channel()->bytesReceived() > 24 * 1024 * 1024, 120000);
        type(tab, QStringLiteral("echo flood-$((7*6))"));
        QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(tab, QStringLiteral("flood-42")), 120000);
        QVERIFY(pauses > 0);
        QCOMPARE(unpausedAtHighWater, qint64(0));
        QVERIFY2(maxTail < kMaxPauseTail, qPrintable(QString::number(maxTail)));
        QCOMPARE(tab->channel(), watched); // one connection all along: every frame was seen
    }

    void agentExitIsNotADrop()
    {
        TerminalTab *tab = openConnected();
        type(tab, QStringLiteral("exit"));
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::AgentExited, kTimeoutMs);
        QVERIFY2(tab->stateReason().startsWith(QStringLiteral("The agent exited")),
                 qPrintable(tab->stateReason()));
        auto *banner = tab->findChild<QLabel *>(QStringLiteral("banner"));
        QVERIFY2(banner->text().endsWith(QStringLiteral("Press Enter to start it again.")),
                 qPrintable(banner->text()));
        // Enter starts a fresh agent in the same session.
        QTest::keyClick(tab->terminal()->terminalDisplay(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Connected, kTimeoutMs);
        type(tab, QStringLiteral("echo fresh-$((5*5))"));
        QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(tab, QStringLiteral("fresh-25")), kTimeoutMs);
    }

    void deadSessionStopsReconnecting()
    {
        TerminalTab *tab = openConnected();
        QVERIFY(m_platform->markDead(tab->sessionId(), QStringLiteral("oom killed")));
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Failed, kTimeoutMs);
        QCOMPARE(tab->findChild<QLabel *>(QStringLiteral("failureMessage"))->text(),
                 QStringLiteral("Session is dead — oom killed."));
        // Nothing to reconnect to: the tray's Reconnect is off, the button opens the agent.
        QVERIFY(!tab->canReconnect());
        QCOMPARE(tab->findChild<QPushButton *>(QStringLiteral("retryButton"))->text(),
                 QStringLiteral("Open agent again"));
    }

    void terminateStopsTheSandbox()
    {
        TerminalTab *tab = openConnected();
        const QString id = tab->sessionId();
        tab->terminateSession();
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Failed, kTimeoutMs);
        QCOMPARE(m_platform->sessionStatus(id), QStringLiteral("dead"));
        QCOMPARE(tab->findChild<QLabel *>(QStringLiteral("failureMessage"))->text(),
                 QStringLiteral("Session %1 was terminated; its sandbox is gone.").arg(id));
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(id), 0, kTimeoutMs);
    }

    void restartReattachesTheSameShells()
    {
        TerminalTab *a = openConnected();
        TerminalTab *b = openConnected(QStringLiteral("codex-shell"));
        QCOMPARE(b->state(), TerminalTab::State::Connected);
        const QString idA = a->sessionId();
        const QString idB = b->sessionId();
        type(a, QStringLiteral("LAP_MARK=first-$((10+1)); echo set-$LAP_MARK"));
        type(b, QStringLiteral("LAP_MARK=second-$((20+2)); echo set-$LAP_MARK"));
        // Both shells have run the assignment before the window goes.
        QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(a, QStringLiteral("set-first-11")), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(b, QStringLiteral("set-second-22")), kTimeoutMs);

        m_window->close(); // quit: tabs are saved and detached, the sessions stay
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(), 0, kTimeoutMs);
        m_window.reset();

        makeWindow();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->tabs().size(), 2, kTimeoutMs);
        const QList<TerminalTab *> restored = m_window->tabs();
        for (TerminalTab *t : restored)
            QTRY_COMPARE_WITH_TIMEOUT(t->state(), TerminalTab::State::Connected, kTimeoutMs);
        QCOMPARE(restored[0]->sessionId(), idA);
        QCOMPARE(restored[1]->sessionId(), idB);
        QCOMPARE(restored[0]->agentName(), QStringLiteral("shell"));
        QCOMPARE(restored[1]->agentName(), QStringLiteral("codex-shell"));
        type(restored[0], QStringLiteral("echo got-$LAP_MARK"));
        type(restored[1], QStringLiteral("echo got-$LAP_MARK"));
        QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(restored[0], QStringLiteral("got-first-11")),
                                 kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(restored[1], QStringLiteral("got-second-22")),
                                 kTimeoutMs);
    }

    void restoredTabOfADeadSessionSaysWhy()
    {
        TerminalTab *a = openConnected();
        const QString id = a->sessionId();
        m_window->close();
        m_window.reset();
        QVERIFY(m_platform->markDead(id, QStringLiteral("idle timeout")));
        makeWindow();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->tabs().size(), 1, kTimeoutMs);
        TerminalTab *t = m_window->tabs().first();
        QTRY_COMPARE_WITH_TIMEOUT(t->state(), TerminalTab::State::Failed, kTimeoutMs);
        QCOMPARE(t->findChild<QLabel *>(QStringLiteral("failureMessage"))->text(),
                 QStringLiteral("Cannot attach — the session is dead: idle timeout."));
        auto *retry = t->findChild<QPushButton *>(QStringLiteral("retryButton"));
        QCOMPARE(retry->text(), QStringLiteral("Open agent again"));
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(t->state(), TerminalTab::State::Connected, kTimeoutMs);
        QVERIFY(t->sessionId() != id);
        QCOMPARE(t->agentName(), QStringLiteral("shell"));
    }

    // The platform's reaper and both tabs' keep-alives share one fake clock that the test steps
    // (100 ms a step, a keystroke every 300 ms), so a loaded machine cannot stretch the 3 s
    // window: every touch of the busy tab is the one shouldTouch() predicts, the busy session
    // outlives several windows and the idle one is reaped exactly when its window is over.
    void typingKeepsTheSessionFromTheIdleReaper()
    {
        constexpr qint64 kIdleMs = 3000;
        constexpr qint64 kStepMs = 100;
        constexpr qint64 kTypingMs = 8000;
        // Shared: the platform and the tabs outlive this function until cleanup().
        const auto now = std::make_shared<qint64>(QDateTime::currentMSecsSinceEpoch());
        m_platform->setClock([now] { return QDateTime::fromMSecsSinceEpoch(*now).toUTC(); });
        m_platform->setIdleTimeoutMs(kIdleMs);
        TerminalTab *busy = openConnected();
        TerminalTab *idle = openConnected(QStringLiteral("codex-shell"));
        QCOMPARE(idle->state(), TerminalTab::State::Connected);
        QVERIFY(busy->keepAlive() && busy->keepAlive()->isEnabled());
        QVERIFY(idle->keepAlive());
        busy->keepAlive()->setClock([now] { return *now; });
        idle->keepAlive()->setClock([now] { return *now; });
        QSignalSpy touches(busy->keepAlive(), &SessionKeepAlive::touched);
        QSignalSpy idleTouches(idle->keepAlive(), &SessionKeepAlive::touched);
        KeepAlivePolicy policy;
        policy.idleWindowMs = kIdleMs;
        const qint64 start = *now; // both sessions' last_seen_at

        auto *tabs = m_window->findChild<QTabWidget *>();
        tabs->setCurrentWidget(busy);
        // Type into the busy tab for well over two reaping windows.
        qint64 lastInput = kKeepAliveNever;
        qint64 lastTouch = start;
        for (; *now - start <= kTypingMs; *now += kStepMs) {
            if ((*now - start) % 300 == 0) {
                type(busy, QStringLiteral(":"));
                lastInput = *now;
            }
            const bool due = shouldTouch(*now, lastInput, busy->keepAlive()->lastTouchMs(), policy);
            const int before = touches.count();
            busy->keepAlive()->check();
            idle->keepAlive()->check();
            if (due) {
                QTRY_COMPARE_WITH_TIMEOUT(touches.count(), before + 1, kTimeoutMs);
                QVERIFY2(touches.last().at(0).toBool(),
                         qPrintable(touches.last().at(1).toString()));
                lastTouch = *now;
            }
            QCOMPARE(touches.count(), before + (due ? 1 : 0));
            m_platform->reapIdle();
            QVERIFY2(*now - lastTouch <= kIdleMs, "the busy session went a whole window untouched");
            QCOMPARE(m_platform->sessionStatus(busy->sessionId()), QStringLiteral("ready"));
            QCOMPARE(m_platform->sessionStatus(idle->sessionId()),
                     *now - start > kIdleMs ? QStringLiteral("dead") : QStringLiteral("ready"));
        }
        QVERIFY(touches.count() >= int(kTypingMs / keepAliveIntervalMs(policy)));
        QCOMPARE(idleTouches.count(), 0);
        QCOMPARE(busy->state(), TerminalTab::State::Connected);
        // The one nobody typed into was reaped, and its tab says so.
        QCOMPARE(m_platform->sessionStatus(idle->sessionId()), QStringLiteral("dead"));
        QTRY_COMPARE_WITH_TIMEOUT(idle->state(), TerminalTab::State::Failed, kTimeoutMs);
        QCOMPARE(idle->findChild<QLabel *>(QStringLiteral("failureMessage"))->text(),
                 QStringLiteral("Session is dead — idle timeout."));
    }

    // The emulator answers a remote program's queries by itself (tmux asks for the device
    // attributes on every attach). Those answers go out as input, but they are not a user: a
    // session nobody types into is reaped as the platform intends.
    void terminalAnswersDoNotKeepTheSessionAlive()
    {
        m_platform->setIdleTimeoutMs(3000);
        // All of it is wired before the tab can get that far: the attach, tmux's query and the
        // terminal's answer take a few milliseconds.
        QHash<QString, QByteArray> typed; // per session, what reached its PTY
        QString id;
        int touches = 0;
        QObject wiring; // declared last: its connections end before the variables they use
        connect(m_platform.get(), &LocalPlatform::ptyInput, &wiring,
                [&typed](const QString &session, const QByteArray &b) { typed[session] += b; });
        TerminalTab *tab = m_window->openAgent(QStringLiteral("shell"));
        connect(tab, &TerminalTab::stateChanged, &wiring, [&](TerminalTab::State s) {
            // Connecting: the keep-alive exists, the socket is not open yet.
            if (s == TerminalTab::State::Connecting && id.isEmpty() && tab->keepAlive()) {
                id = tab->sessionId();
                QVERIFY(tab->keepAlive()->isEnabled());
                connect(tab->keepAlive(), &SessionKeepAlive::touched, &wiring,
                        [&touches] { ++touches; });
            }
        });
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Connected, kTimeoutMs);
        QVERIFY(!id.isEmpty());
        // The terminal's answer (ESC [ > … c) went out without a key being pressed.
        QTRY_VERIFY_WITH_TIMEOUT(typed.value(id).contains("\x1b["), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->sessionStatus(id), QStringLiteral("dead"),
                                  kTimeoutMs);
        QCOMPARE(touches, 0);
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Failed, kTimeoutMs);
        QCOMPARE(tab->findChild<QLabel *>(QStringLiteral("failureMessage"))->text(),
                 QStringLiteral("Session is dead — idle timeout."));
    }

    void backgroundBellMarksTheTab()
    {
        TerminalTab *a = openConnected();
        TerminalTab *b = openConnected(QStringLiteral("codex-shell"));
        QCOMPARE(b->state(), TerminalTab::State::Connected);
        auto *tabs = m_window->findChild<QTabWidget *>();
        QCOMPARE(tabs->currentWidget(), b);
        const int before = m_window->notificationCount();
        // A bell rung in the background tab's shell.
        a->channel()->sendInput(QByteArrayLiteral("sleep 0.3; printf '\\a'\r"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isMarked(a), kTimeoutMs);
        QCOMPARE(m_window->notificationCount(), before + 1);
        QCOMPARE(tabs->tabBar()->tabTextColor(tabs->indexOf(a)), colors::error());
        QVERIFY(!m_window->isMarked(b));
        tabs->setCurrentWidget(a);
        QVERIFY(!m_window->isMarked(a));
    }
};

QTEST_MAIN(TestSurvive)
#include "tst_survive.moc"
