// SPDX-License-Identifier: GPL-2.0-or-later
// Saved tabs of profile A survive what used to lose them: a run signed in from the environment,
// switching to profile B and quitting, and a SIGKILL of the app right after a tab was opened.
// Each time the tab comes back under A on the next start with A. Real windows (and, for the
// kill, real lap-desktop processes), the real keychain, the local platform in this process.
#include "tabstore.h"
#include "windowfixture.h"

#include <QAction>
#include <QProcess>
#include <QTabWidget>
#include <QtTest>

#include <csignal>
#include <sys/types.h>

using namespace lap;
using namespace windowtest;

class TestTabStoreApp : public QObject, protected WindowFixture
{
    Q_OBJECT

    QString m_profileA;
    QString m_profileB;

    // Signs in as a real start does: the saved profile and its key in the keychain.
    void startWithProfile(const QString &name)
    {
        showWindow([name](MainWindow &w) {
            LaunchOptions o;
            o.profile = name;
            w.start(o);
        });
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isSignedIn(), kTimeoutMs);
    }

    // LAP_BASE_URL + LAP_MASTER_KEY, as tools/demo and scripts sign in.
    void startFromEnvironment()
    {
        showWindow([this](MainWindow &w) {
            LaunchOptions o;
            o.envBaseUrl = m_platform->baseUrl();
            o.envMasterKey = m_platform->masterKey();
            w.start(o);
        });
        QVERIFY(m_window->isSignedIn());
    }

    void quitFromTheMenu()
    {
        QAction *quit = nullptr;
        for (QAction *a : m_window->findChildren<QAction *>())
            if (a->text() == QStringLiteral("&Quit"))
                quit = a;
        QVERIFY(quit);
        quit->trigger();
        m_window.reset();
    }

    // What the settings file holds for `profile`, read as the next start reads it.
    QStringList savedSessions(const QString &profile) const
    {
        QSettings s(m_settings->fileName(), QSettings::IniFormat);
        QStringList out;
        for (const SavedTab &t : loadSavedTabs(s))
            if (t.profile == profile)
                out << t.sessionId;
        return out;
    }

    bool storeKey(const QString &profile)
    {
        const LapError error = laptest::writeKeySync(*m_keys, profile, m_platform->masterKey());
        if (error.isError())
            qWarning() << error.text();
        return !error.isError();
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs a session bus with a Secret Service (tools/test provides one)");
        setUpServices();
        startPlatform();
        const qint64 pid = QCoreApplication::applicationPid();
        m_profileA = QStringLiteral("tabstore-a-%1").arg(pid);
        m_profileB = QStringLiteral("tabstore-b-%1").arg(pid);
        for (const QString &p : {m_profileA, m_profileB}) {
            m_profiles->save(Profile{p, m_platform->baseUrl()});
            QVERIFY(storeKey(p));
        }
        m_settings->sync();
    }

    void init()
    {
        m_settings->remove(QStringLiteral("restore"));
        m_settings->sync();
    }

    void cleanup() { m_window.reset(); }

    void cleanupTestCase()
    {
        m_window.reset();
        for (const QString &p : {m_profileA, m_profileB})
            if (!p.isEmpty() && m_keys)
                laptest::deleteKeySync(*m_keys, p);
        m_platform.reset();
    }

    void survivesARunSignedInFromTheEnvironment()
    {
        startWithProfile(m_profileA);
        TerminalTab *tab = openConnected();
        QCOMPARE(tab->state(), TerminalTab::State::Connected);
        const QString id = tab->sessionId();
        // Saved as soon as it had a session, not only at quit.
        QTRY_COMPARE_WITH_TIMEOUT(savedSessions(m_profileA), QStringList{id}, kTimeoutMs);
        quitFromTheMenu();

        // The run of the bug report: environment sign-in, a tab of its own, quit from the menu.
        startFromEnvironment();
        QVERIFY(m_window->tabs().isEmpty()); // A's tab is not the environment's
        TerminalTab *own = openConnected();
        QCOMPARE(own->state(), TerminalTab::State::Connected);
        const QString envId = own->sessionId();
        QTRY_COMPARE_WITH_TIMEOUT(savedSessions(MainWindow::environmentProfile()),
                                  QStringList{envId}, kTimeoutMs);
        quitFromTheMenu();
        QCOMPARE(savedSessions(m_profileA), QStringList{id});

        startWithProfile(m_profileA);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->tabs().size(), 1, kTimeoutMs);
        TerminalTab *back = m_window->tabs().first();
        QCOMPARE(back->sessionId(), id);
        QTRY_COMPARE_WITH_TIMEOUT(back->state(), TerminalTab::State::Connected, kTimeoutMs);
        quitFromTheMenu();
        // The environment's own tab is kept for the environment's next run.
        QCOMPARE(savedSessions(MainWindow::environmentProfile()), QStringList{envId});
    }

    void survivesSwitchingToAnotherProfileAndQuitting()
    {
        startWithProfile(m_profileA);
        TerminalTab *tab = openConnected();
        QCOMPARE(tab->state(), TerminalTab::State::Connected);
        const QString idA = tab->sessionId();
        QTRY_COMPARE_WITH_TIMEOUT(savedSessions(m_profileA), QStringList{idA}, kTimeoutMs);

        // Switch to B (what the sign-in dialog does), open a tab there, quit.
        PlatformConfig b;
        b.baseUrl = m_platform->baseUrl();
        b.masterKey = m_platform->masterKey();
        m_window->setPlatform(b, m_profileB);
        TerminalTab *tabB = openConnected();
        QCOMPARE(tabB->state(), TerminalTab::State::Connected);
        const QString idB = tabB->sessionId();
        QTRY_COMPARE_WITH_TIMEOUT(savedSessions(m_profileB), QStringList{idB}, kTimeoutMs);
        quitFromTheMenu();
        QCOMPARE(savedSessions(m_profileA), QStringList{idA}); // not relabelled as B's

        startWithProfile(m_profileA);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->tabs().size(), 1, kTimeoutMs);
        QCOMPARE(m_window->tabs().first()->sessionId(), idA);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->tabs().first()->state(), TerminalTab::State::Connected,
                                  kTimeoutMs);
        quitFromTheMenu();

        startWithProfile(m_profileB);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->tabs().size(), 1, kTimeoutMs);
        QCOMPARE(m_window->tabs().first()->sessionId(), idB);
        quitFromTheMenu();
    }

    void closingATabForgetsOnlyThatTab()
    {
        startWithProfile(m_profileA);
        TerminalTab *keep = openConnected();
        TerminalTab *close = openConnected(QStringLiteral("codex-shell"));
        QCOMPARE(close->state(), TerminalTab::State::Connected);
        const QString keepId = keep->sessionId();
        QTRY_COMPARE_WITH_TIMEOUT(savedSessions(m_profileA).size(), 2, kTimeoutMs);
        auto *tabs = m_window->findChild<QTabWidget *>();
        QVERIFY(tabs);
        emit tabs->tabCloseRequested(1);
        QTRY_COMPARE_WITH_TIMEOUT(savedSessions(m_profileA), QStringList{keepId}, kTimeoutMs);
        quitFromTheMenu();
        QCOMPARE(savedSessions(m_profileA), QStringList{keepId});
    }

    void survivesASigkillRightAfterATabWasOpened()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QVERIFY(QDir(home.path()).mkpath(QStringLiteral("run")));
        QFile::setPermissions(home.filePath(QStringLiteral("run")), QFileDevice::ReadOwner |
                                                                        QFileDevice::WriteOwner |
                                                                        QFileDevice::ExeOwner);
        const QString conf = home.filePath(QStringLiteral("config/lap-desktop/lap-desktop.conf"));
        {
            QSettings settings(conf, QSettings::NativeFormat);
            ProfileStore profiles(&settings);
            profiles.save(Profile{m_profileA, m_platform->baseUrl()});
            profiles.setActiveName(m_profileA);
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("LAP_BASE_URL"));
        env.remove(QStringLiteral("LAP_MASTER_KEY"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("run")));
        auto savedInFile = [&conf, this] {
            QSettings s(conf, QSettings::NativeFormat);
            QStringList out;
            for (const SavedTab &t : loadSavedTabs(s))
                if (t.profile == m_profileA)
                    out << t.sessionId;
            return out;
        };
        const QStringList before = m_platform->sessionIds();

        QProcess first;
        first.setProcessEnvironment(env);
        first.setProcessChannelMode(QProcess::ForwardedChannels);
        first.start(QStringLiteral(LAP_DESKTOP_BIN),
                    {QStringLiteral("--profile"), m_profileA, QStringLiteral("--agent"),
                     QStringLiteral("shell")});
        QVERIFY(first.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->sessionIds().size(), before.size() + 1, 30000);
        const QString id = m_platform->sessionIds().first(); // newest first
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(id), 1, 30000);
        // The save happens when the tab gets its session, not at quit.
        QTRY_COMPARE_WITH_TIMEOUT(savedInFile(), QStringList{id}, 30000);

        QVERIFY(::kill(pid_t(first.processId()), SIGKILL) == 0);
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(id), 0, 30000);

        QProcess second;
        second.setProcessEnvironment(env);
        second.setProcessChannelMode(QProcess::ForwardedChannels);
        second.start(QStringLiteral(LAP_DESKTOP_BIN), {QStringLiteral("--profile"), m_profileA});
        QVERIFY(second.waitForStarted());
        // The tab is back on the same session; no new one was created.
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(id), 1, 30000);
        QCOMPARE(m_platform->sessionIds().size(), before.size() + 1);
        QCOMPARE(savedInFile(), QStringList{id});

        second.terminate();
        if (!second.waitForFinished(10000)) {
            second.kill();
            second.waitForFinished(5000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(id), 0, 30000);
    }
};

QTEST_MAIN(TestTabStoreApp)
#include "tst_tabstore_app.moc"
