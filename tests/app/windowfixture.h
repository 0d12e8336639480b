// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// The fixture of the window tests (tst_mainwindow, tst_survive): real MainWindows with real
// TerminalTabs and QTermWidgets on the offscreen platform, talking to an in-process local platform
// over 127.0.0.1 with real PTYs behind it.

#include "laptest.h"
#include "localplatform.h"
#include "mainwindow.h"
#include "remoteterminal.h"
#include "terminaltab.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

namespace windowtest {

constexpr int kTimeoutMs = 20000;

// Whether one line of the tab's screen is `line` once trimmed.
inline bool screenHasLine(lap::TerminalTab *tab, const QString &line)
{
    for (const QString &l : tab->terminal()->screenText().split(QLatin1Char('\n')))
        if (l.trimmed() == line)
            return true;
    return false;
}

// Types `text` into the tab's terminal, then Return unless `enter` is false.
inline void type(lap::TerminalTab *tab, const QString &text, bool enter = true)
{
    QTest::keyClicks(tab->terminal()->terminalDisplay(), text);
    if (enter)
        QTest::keyClick(tab->terminal()->terminalDisplay(), Qt::Key_Return);
}

// Settings, profiles and keychain for the whole test case (setUpServices() in initTestCase()); a
// local platform (startPlatform() in init()) and a window per test function; tearDown() in
// cleanup().
class WindowFixture
{
protected:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<lap::ProfileStore> m_profiles;
    std::unique_ptr<lap::CredentialStore> m_keys;
    QNetworkAccessManager m_nam;
    std::unique_ptr<lap::local::LocalPlatform> m_platform;
    std::unique_ptr<lap::MainWindow> m_window;

    void setUpServices()
    {
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                                 QSettings::IniFormat);
        m_profiles = std::make_unique<lap::ProfileStore>(m_settings.get());
        m_keys = std::make_unique<lap::CredentialStore>();
    }

    // The test shell, ready as soon as it is created.
    void startPlatform()
    {
        lap::local::LocalPlatformOptions o;
        o.readyDelayMs = 0;
        o.command = laptest::testShell();
        m_platform = std::make_unique<lap::local::LocalPlatform>(o);
        QString error;
        QVERIFY2(m_platform->start(&error), qPrintable(error));
    }

    // A new window on the shared services, signed in to the platform by `signIn`, shown at
    // 900×600.
    void showWindow(const std::function<void(lap::MainWindow &)> &signIn)
    {
        m_window = std::make_unique<lap::MainWindow>(
            lap::AppServices{&m_nam, m_settings.get(), m_profiles.get(), m_keys.get()});
        signIn(*m_window);
        m_window->resize(900, 600);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    lap::TerminalTab *openConnected(const QString &agent = QStringLiteral("shell"))
    {
        lap::TerminalTab *tab = m_window->openAgent(agent);
        // The callers assert the state; say here why it was not reached.
        if (!QTest::qWaitFor([tab] { return tab->state() == lap::TerminalTab::State::Connected; },
                             kTimeoutMs))
            qWarning() << "tab not connected:" << lap::TerminalTab::stateName(tab->state())
                       << tab->stateReason();
        return tab;
    }

    void tearDown()
    {
        m_window.reset();
        m_platform.reset();
    }
};

} // namespace windowtest
