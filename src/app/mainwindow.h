// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "appsettings.h"
#include "credentialstore.h"
#include "launchoptions.h"
#include "platformclient.h"
#include "terminaltab.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QTimer>

class QAction;
class QLabel;
class QMenu;
class QNetworkAccessManager;
class QSettings;
class QStackedWidget;
class QSystemTrayIcon;
class QTabWidget;

namespace lap {

// Long-lived objects the window works with; owned by main() so tests can build their own.
struct AppServices
{
    QNetworkAccessManager *nam = nullptr;
    QSettings *settings = nullptr;
    ProfileStore *profiles = nullptr;
    CredentialStore *keys = nullptr;
};

// The window: a tab per sandbox session, the menus that reach every action, and the tray.
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
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    QMenu *trayMenu() const { return m_trayMenu; }
    // Reconnects every tab whose connection dropped or that was detached.
    void reconnectAll();
    // Arguments handed over by a second `lap-desktop` process (single instance).
    void handleForwardedArguments(const QStringList &arguments);
    // Tabs waiting out a reconnect back-off try at once; returns how many did.
    int retryDroppedNow();
    // Writes the open tabs for the next start (also done on quit).
    void saveTabsNow();
    static QString environmentProfile();
    // The tray icon for these counts of tabs (resource path).
    static QString trayIconPath(int connected, int reconnecting, int failed);
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
    void watchForWakeAndNetwork();
    void addTab(TerminalTab *tab);
    QList<Profile> otherProfiles() const; // the saved profiles but the one signed in
    void closeTab(int index);
    void updateTab(TerminalTab *tab);
    void showStatus(const QString &text);
    bool isInBackground(TerminalTab *tab) const;
    void notifyInBackground(TerminalTab *tab, const QString &title, const QString &text);
    void confirmTerminate(TerminalTab *tab);
    void updateActions();
    void rebuildTrayMenu();
    void runPending();
    void restoreTabs();
    void scheduleSaveTabs();
    void readKeyAndStart(const Profile &profile);
    PlatformConfig configFor(const QUrl &base) const;

    AppServices m_services;
    AppSettings m_settings;
    PlatformConfig m_platform;
    QString m_profileName;
    LaunchOptions m_pending;
    bool m_quitting = false;
    bool m_restored = false;
    QTimer m_wakeProbe;
    qint64 m_lastProbeMs = 0;
    bool m_trayHintShown = false;
    QSet<TerminalTab *> m_marked; // background tabs with news the user has not looked at
    int m_notificationCount = 0;

    QStackedWidget *m_central = nullptr;
    QWidget *m_emptyPage = nullptr;
    QLabel *m_emptyText = nullptr;
    QTabWidget *m_tabs = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_trayMenu = nullptr;
    QLabel *m_statusProfile = nullptr;

    QAction *m_openAgent = nullptr;
    QAction *m_attach = nullptr;
    QAction *m_reconnect = nullptr;
    QAction *m_reconnectAll = nullptr;
    QAction *m_detach = nullptr;
    QAction *m_closeTab = nullptr;
    QAction *m_terminate = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_paste = nullptr;
    QAction *m_find = nullptr;
    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QAction *m_zoomReset = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_signIn = nullptr;
    QAction *m_signOut = nullptr;
    QAction *m_showHide = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_nextTab = nullptr;
    QAction *m_prevTab = nullptr;
};

} // namespace lap
