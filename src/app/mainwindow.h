// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "appservices.h"
#include "appsettings.h"
#include "credentialstore.h"
#include "launchoptions.h"
#include "platformclient.h"
#include "signinflow.h"
#include "terminaltab.h"
#include "tray.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <functional>

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;
class QSystemTrayIcon;
class QTabWidget;

namespace lap {

class TabStore;
class WakeWatcher;

// The window: a tab per sandbox session and the menus that reach every action. Signing in, what
// is saved of the tabs, the tray and the wake/network watch are classes of their own.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const AppServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Signs in (environment, saved profile + keychain, or the dialog), then opens what the
    // command line asked for. Returns at once; the work continues in the event loop.
    void start(const LaunchOptions &options);
    // Signs in with a known config without any dialog (environment sign-in, tests).
    void setPlatform(const PlatformConfig &config, const QString &profileName);
    bool isSignedIn() const { return !m_platform.masterKey.isEmpty(); }
    const PlatformConfig &platform() const { return m_platform; }

    TerminalTab *openAgent(const QString &agentNameOrId);
    // A `<base>/sessions/<id>` of another origin uses the key of the saved profile for that
    // origin, else the tab asks before it sends this profile's key there.
    TerminalTab *attachSession(const ResumeArgument &arg);
    QList<TerminalTab *> tabs() const;
    TerminalTab *currentTab() const;
    QSystemTrayIcon *trayIcon() const { return m_tray->icon(); }
    QMenu *trayMenu() const { return m_tray->menu(); }
    // Reconnects every tab whose connection dropped or that was detached.
    void reconnectAll();
    // Arguments handed over by a second `lap-desktop` process (single instance).
    void handleForwardedArguments(const QStringList &arguments);
    // Tabs waiting out a reconnect back-off try at once; returns how many did.
    int retryDroppedNow();
    static QString environmentProfile() { return SignInFlow::environmentProfile(); }
    // Background tabs marked by a bell or a dead session, and how many notifications were sent.
    bool isMarked(TerminalTab *tab) const { return m_marked.contains(tab); }
    int notificationCount() const { return m_notificationCount; }

public slots:
    void showAgentPicker();
    void showAttachPrompt();
    void showSettings();
    void showSignIn(const QString &reason = QString());
    void signOut();
    void toggleVisible();
    void quit();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void bringToFront();
    void buildActions();
    void buildMenus();
    void buildTray();
    // An action on the current tab, if there is one.
    std::function<void()> onCurrentTab(const std::function<void(TerminalTab *)> &act);
    // The Edit and View menus show the current terminal's own actions.
    void showCurrentTerminalActions();
    void addTab(TerminalTab *tab);
    void saveTab(TerminalTab *tab);
    QList<Profile> otherProfiles() const; // the saved profiles but the one signed in
    void closeTab(int index);
    void updateTab(TerminalTab *tab);
    void showStatus(const QString &text);
    bool isInBackground(TerminalTab *tab) const;
    void notifyInBackground(TerminalTab *tab, const QString &title, const QString &text);
    void confirmTerminate(TerminalTab *tab);
    void updateActions();
    void runPending();
    void restoreTabs();

    AppServices m_services;
    AppSettings m_settings;
    PlatformConfig m_platform;
    QString m_profileName;
    LaunchOptions m_pending;
    bool m_quitting = false;
    QSet<QString> m_restored; // the sign-ins (profile and platform) whose saved tabs are back
    QHash<const TerminalTab *, QString> m_tabProfile; // the profile each tab was opened under
    bool m_trayHintShown = false;
    QSet<TerminalTab *> m_marked; // background tabs with news the user has not looked at
    int m_notificationCount = 0;

    QStackedWidget *m_central = nullptr;
    QWidget *m_emptyPage = nullptr;
    QLabel *m_emptyText = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_statusProfile = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_editEnd = nullptr; // the terminal's actions go before these separators
    QAction *m_viewEnd = nullptr;
    QList<QAction *> m_shownTerminalActions;
    QList<QAction *> m_noTerminalActions; // disabled stand-ins while no tab is open

    SignInFlow *m_signInFlow = nullptr;
    TabStore *m_tabStore = nullptr;
    Tray *m_tray = nullptr;
    WakeWatcher *m_wake = nullptr;

    QAction *m_openAgent = nullptr;
    QAction *m_attach = nullptr;
    QAction *m_reconnect = nullptr;
    QAction *m_reconnectAll = nullptr;
    QAction *m_detach = nullptr;
    QAction *m_closeTab = nullptr;
    QAction *m_terminate = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_signIn = nullptr;
    QAction *m_signOut = nullptr;
    QAction *m_showHide = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_nextTab = nullptr;
    QAction *m_prevTab = nullptr;
};

} // namespace lap
