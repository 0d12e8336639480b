// SPDX-License-Identifier: GPL-2.0-or-later
// The window end to end on the offscreen platform: a real MainWindow with real TerminalTabs and
// QTermWidgets, talking to the local platform over 127.0.0.1 with real PTYs behind it.
#include "dlgtestutil.h"
#include "windowfixture.h"

#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QtTest>

#include <algorithm>

using namespace lap;
using namespace windowtest;
using lap::local::TtyStyle;

class TestMainWindow : public QObject, protected WindowFixture
{
    Q_OBJECT

    void makeWindow()
    {
        showWindow([this](MainWindow &w) {
            PlatformConfig c;
            c.baseUrl = m_platform->baseUrl();
            c.masterKey = m_platform->masterKey();
            w.setPlatform(c, QStringLiteral("test"));
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

    void openAgentTypeAndReadTheAnswer()
    {
        TerminalTab *tab = openConnected();
        QCOMPARE(tab->state(), TerminalTab::State::Connected);
        QCOMPARE(m_window->tabs().size(), 1);
        QVERIFY2(tab->title().startsWith(QStringLiteral("shell · ")), qPrintable(tab->title()));
        type(tab, QStringLiteral("echo $((6*7))"));
        QTRY_VERIFY2_WITH_TIMEOUT(screenHasLine(tab, QStringLiteral("42")),
                                  qPrintable(tab->terminal()->screenText()), kTimeoutMs);
        // Colours for the screenshot of a working terminal.
        type(tab, QStringLiteral("printf '\\033[1;32mready\\033[0m \\033[34mblue\\033[0m "
                                 "\\033[41;97m red bg \\033[0m\\n'; ls -la / | head -8"));
        QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(tab, QStringLiteral("ready blue  red bg")),
                                 kTimeoutMs);
        dlgtest::saveScreenshot(m_window.get(), QStringLiteral("terminal.png"));
    }

    void resizingTheWindowResizesTheRemotePty()
    {
        TerminalTab *tab = openConnected();
        QCOMPARE(tab->state(), TerminalTab::State::Connected);
        const QString id = tab->sessionId();
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->lastPtySize(id), tab->terminal()->terminalSize(),
                                  kTimeoutMs);
        const QSize before = tab->terminal()->terminalSize();
        m_window->resize(1200, 800);
        QTRY_VERIFY_WITH_TIMEOUT(tab->terminal()->terminalSize().width() > before.width(),
                                 kTimeoutMs);
        const QSize after = tab->terminal()->terminalSize();
        QVERIFY(after.height() > before.height());
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->lastPtySize(id), after, kTimeoutMs);
        // tmux gives the shell's pane the PTY's new size a moment later. The shell says its size
        // now and again on every SIGWINCH, so the new size shows up whenever it is applied.
        const QString expected =
            QStringLiteral("size=%1x%2").arg(after.height()).arg(after.width());
        type(tab, QStringLiteral("clear; trap 'echo size=$(stty size | tr \\  x)' WINCH; "
                                 "echo size=$(stty size | tr \\  x)"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            tab->terminal()->screenText().contains(expected),
            qPrintable(expected + QLatin1Char('\n') + tab->terminal()->screenText()), kTimeoutMs);
    }

    void ctrlDDetachesAndTheSessionStaysReady()
    {
        TerminalTab *tab = openConnected();
        QCOMPARE(tab->state(), TerminalTab::State::Connected);
        const QString id = tab->sessionId();
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(id), 1, kTimeoutMs);
        QTest::keyClick(tab->terminal()->terminalDisplay(), Qt::Key_D, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Detached, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(id), 0, kTimeoutMs);
        // Asked over REST as a client would: the session is still there.
        PlatformConfig c = m_window->platform();
        PlatformClient client(&m_nam, c);
        QString status;
        client.getSession(id, [&](const Result<Session> &r) { status = r.value.status; });
        QTRY_COMPARE_WITH_TIMEOUT(status, QStringLiteral("ready"), kTimeoutMs);
        auto *banner = tab->findChild<QLabel *>(QStringLiteral("banner"));
        QVERIFY(banner && banner->isVisible());
        QCOMPARE(banner->text(), QStringLiteral("Detached — the session keeps running on the "
                                                "platform. Press Enter to reattach."));
        // Enter reattaches to the same shell.
        QTest::keyClick(tab->terminal()->terminalDisplay(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Connected, kTimeoutMs);
        QCOMPARE(tab->sessionId(), id);
    }

    void startingTabShowsPhasesAndCanBeCancelled()
    {
        // Five seconds a phase: the tab has shown three phases at 10 s and is ready only at
        // 30 s, so a loaded machine cannot let it get ready before the cancel.
        m_platform->setReadyDelayMs(30000);
        TerminalTab *tab = m_window->openAgent(QStringLiteral("shell"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_platform->sessionIds().isEmpty(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_platform->sessionStatus(m_platform->sessionIds().first()) ==
                                         QStringLiteral("creating") &&
                                     tab->sessionId() == m_platform->sessionIds().first(),
                                 kTimeoutMs);
        // A few phases have arrived, for the screenshot.
        const auto showsPhase = [tab](const QString &phase) {
            const QList<QLabel *> labels = tab->findChildren<QLabel *>();
            return std::any_of(labels.cbegin(), labels.cend(), [&phase](const QLabel *l) {
                return l->isVisible() && l->text().contains(phase);
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(showsPhase(QStringLiteral("pod_running")), 25000);
        QCOMPARE(tab->state(), TerminalTab::State::Opening);
        dlgtest::saveScreenshot(m_window.get(), QStringLiteral("starting.png"));
        auto *cancel = tab->findChild<QPushButton *>(QStringLiteral("cancelButton"));
        QVERIFY(cancel && cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(tab->state(), TerminalTab::State::Failed);
        auto *msg = tab->findChild<QLabel *>(QStringLiteral("failureMessage"));
        QCOMPARE(msg->text(), QStringLiteral("Opening was cancelled."));
    }

    void inClusterSandboxShowsTheFix()
    {
        m_platform->setTtyStyle(TtyStyle::InCluster);
        TerminalTab *tab = m_window->openAgent(QStringLiteral("shell"));
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Failed, kTimeoutMs);
        const QString sandbox = m_platform->sessionJson(tab->sessionId())
                                    .value(QStringLiteral("sandbox_url"))
                                    .toString();
        QCOMPARE(tab->findChild<QLabel *>(QStringLiteral("failureMessage"))->text(),
                 QStringLiteral("session.sandbox_url is in-cluster (%1) and the platform did not "
                                "return a tty_url.")
                     .arg(sandbox));
        QCOMPARE(tab->findChild<QLabel *>(QStringLiteral("failureHint"))->text(),
                 QStringLiteral("Upgrade the platform, or set a TTY fallback URL "
                                "(ws://host:port/tty) in Settings or in LAP_TTY_FALLBACK."));
    }

    void rejectedTtyTokenShowsTheMessage()
    {
        m_platform->setAdvertiseWrongToken(true);
        TerminalTab *tab = m_window->openAgent(QStringLiteral("shell"));
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Failed, kTimeoutMs);
        QCOMPARE(tab->findChild<QLabel *>(QStringLiteral("failureMessage"))->text(),
                 QStringLiteral("The sandbox refused the terminal connection: TTY token rejected "
                                "(HTTP 401)."));
        QCOMPARE(tab->stateReason(),
                 tab->findChild<QLabel *>(QStringLiteral("failureMessage"))->text());
        QCOMPARE(m_platform->livePtyCount(), 0);
    }

    void failedStartupShowsDiagnostics()
    {
        m_platform->setReadyDelayMs(300);
        m_platform->setFailStartup(QStringLiteral("pod never reached Running (ImagePullBackOff)"));
        TerminalTab *tab = m_window->openAgent(QStringLiteral("shell"));
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Failed, kTimeoutMs);
        QCOMPARE(tab->findChild<QLabel *>(QStringLiteral("failureMessage"))->text(),
                 QStringLiteral("The session failed to start: pod never reached Running "
                                "(ImagePullBackOff)."));
        const QString detail =
            tab->findChild<QPlainTextEdit *>(QStringLiteral("failureDetail"))->toPlainText();
        QVERIFY2(detail.contains(QStringLiteral("session_id:     %1").arg(tab->sessionId())),
                 qPrintable(detail));
        QVERIFY(detail.contains(QStringLiteral("status:         failed")));
        QVERIFY(detail.contains(
            QStringLiteral("failure_reason: pod never reached Running (ImagePullBackOff)")));
        auto *retry = tab->findChild<QPushButton *>(QStringLiteral("retryButton"));
        QCOMPARE(retry->text(), QStringLiteral("Open agent again"));
        dlgtest::saveScreenshot(m_window.get(), QStringLiteral("failure.png"));

        // Retry opens a new session once the platform behaves again.
        m_platform->setFailStartup(QString());
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Connected, kTimeoutMs);
    }

    void trayMenuListsSessionsAndActions()
    {
        TerminalTab *a = openConnected();
        TerminalTab *b = openConnected(QStringLiteral("codex-shell"));
        QCOMPARE(b->state(), TerminalTab::State::Connected);
        a->detach();
        QTRY_COMPARE_WITH_TIMEOUT(a->state(), TerminalTab::State::Detached, kTimeoutMs);
        QMenu *menu = m_window->trayMenu();
        QMetaObject::invokeMethod(menu, "aboutToShow");
        QStringList texts;
        for (QAction *act : menu->actions())
            texts << act->text();
        QVERIFY2(texts.contains(a->title() + QStringLiteral(" — Detached")),
                 qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(b->title() + QStringLiteral(" — Connected")));
        QVERIFY(texts.contains(QStringLiteral("Reconnect &All Dropped")));
        QVERIFY(texts.contains(QStringLiteral("&Open Agent…")));
        QVERIFY(texts.contains(QStringLiteral("&Quit")));
        // The detached session's Reconnect entry works from the tray.
        QMenu *sub = nullptr;
        for (QAction *act : menu->actions())
            if (act->text().startsWith(a->title()))
                sub = act->menu();
        QVERIFY(sub);
        QAction *reconnect = nullptr;
        for (QAction *act : sub->actions())
            if (act->text() == QStringLiteral("Reconnect"))
                reconnect = act;
        QVERIFY(reconnect && reconnect->isEnabled());
        menu->adjustSize();
        dlgtest::saveScreenshot(menu, QStringLiteral("traymenu.png"));
        reconnect->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(a->state(), TerminalTab::State::Connected, kTimeoutMs);
    }

    void editAndViewMenusActOnTheCurrentTerminal()
    {
        auto menu = [this](const QString &title) -> QMenu * {
            for (QAction *a : m_window->menuBar()->actions())
                if (a->text() == title)
                    return a->menu();
            return nullptr;
        };
        auto entry = [](QMenu *m, const QString &text) -> QAction * {
            for (QAction *a : m->actions())
                if (a->text() == text)
                    return a;
            return nullptr;
        };
        QMenu *edit = menu(QStringLiteral("&Edit"));
        QMenu *view = menu(QStringLiteral("&View"));
        QVERIFY(edit && view);
        // No tab: the entries are there, disabled.
        QVERIFY(entry(edit, QStringLiteral("&Paste")) &&
                !entry(edit, QStringLiteral("&Paste"))->isEnabled());
        QVERIFY(entry(view, QStringLiteral("Zoom &In")) &&
                !entry(view, QStringLiteral("Zoom &In"))->isEnabled());

        TerminalTab *a = openConnected();
        TerminalTab *b = openConnected(QStringLiteral("codex-shell"));
        QCOMPARE(b->state(), TerminalTab::State::Connected);
        // The current terminal's own actions, with the keys that work in it; one of each.
        QCOMPARE(entry(edit, QStringLiteral("&Paste")), b->terminal()->pasteAction());
        QCOMPARE(entry(edit, QStringLiteral("&Copy")), b->terminal()->copyAction());
        QCOMPARE(entry(edit, QStringLiteral("&Find…")), b->terminal()->findAction());
        QCOMPARE(entry(view, QStringLiteral("Zoom &In")), b->terminal()->zoomInAction());
        QCOMPARE(entry(view, QStringLiteral("Zoom &Out")), b->terminal()->zoomOutAction());
        QCOMPARE(entry(view, QStringLiteral("&Reset Zoom")), b->terminal()->zoomResetAction());
        QCOMPARE(entry(view, QStringLiteral("Zoom &In"))->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::Key_Plus));
        const QList<QAction *> editEntries = edit->actions();
        QCOMPARE(std::count_if(editEntries.begin(), editEntries.end(),
                               [](QAction *x) { return x->text() == QStringLiteral("&Paste"); }),
                 1);

        auto *tabs = m_window->findChild<QTabWidget *>();
        tabs->setCurrentWidget(a);
        QCOMPARE(entry(edit, QStringLiteral("&Paste")), a->terminal()->pasteAction());
        QCOMPARE(entry(view, QStringLiteral("Zoom &In")), a->terminal()->zoomInAction());
        entry(view, QStringLiteral("Zoom &In"))->trigger();
        QCOMPARE(a->terminal()->zoomStep(), 1);
        QCOMPARE(b->terminal()->zoomStep(), 0);
        // The menu's key works in the terminal that has focus.
        tabs->setCurrentWidget(b);
        b->terminal()->setFocusToTerminal();
        QTest::keyClick(b->terminal()->terminalDisplay(), Qt::Key_Minus, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(b->terminal()->zoomStep(), -1, kTimeoutMs);
        QCOMPARE(a->terminal()->zoomStep(), 1);
    }

    void closingATabDetachesWithoutEndingTheSession()
    {
        TerminalTab *tab = openConnected();
        const QString id = tab->sessionId();
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(id), 1, kTimeoutMs);
        auto *tabs = m_window->findChild<QTabWidget *>();
        QVERIFY(tabs);
        QCOMPARE(tabs->tabBar()->tabButton(0, QTabBar::RightSide)->toolTip(),
                 QStringLiteral("Close tab — detaches; the session keeps running on the platform"));
        emit tabs->tabCloseRequested(0);
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(id), 0, kTimeoutMs);
        QCOMPARE(m_platform->sessionStatus(id), QStringLiteral("ready"));
        QVERIFY(m_window->tabs().isEmpty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
