// SPDX-License-Identifier: GPL-2.0-or-later
#include "mainwindow.h"

#include "agentpicker.h"
#include "attachdialog.h"
#include "remoteterminal.h"
#include "settingsdialog.h"
#include "signindialog.h"
#include "tabsnapshot.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCommandLineParser>
#include <QDateTime>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#if QT_VERSION >= QT_VERSION_CHECK(6, 1, 0)
#include <QNetworkInformation>
#endif
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace lap {

MainWindow::MainWindow(const AppServices &services, QWidget *parent)
    : QMainWindow(parent), m_services(services), m_settings(AppSettings::load(*services.settings))
{
    setWindowTitle(tr("LAP Desktop"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/lap-desktop.svg")));
    resize(1000, 680);

    m_central = new QStackedWidget(this);
    setCentralWidget(m_central);

    // What a new user sees before the first tab: the two things they can do.
    m_emptyPage = new QWidget(m_central);
    auto *el = new QVBoxLayout(m_emptyPage);
    el->addStretch(2);
    auto *logo = new QLabel(m_emptyPage);
    logo->setPixmap(windowIcon().pixmap(96, 96));
    logo->setAlignment(Qt::AlignCenter);
    m_emptyText = new QLabel(m_emptyPage);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    auto *openButton = new QPushButton(tr("Open agent…"), m_emptyPage);
    auto *attachButton = new QPushButton(tr("Attach to session…"), m_emptyPage);
    openButton->setObjectName(QStringLiteral("emptyOpenAgent"));
    connect(openButton, &QPushButton::clicked, this, &MainWindow::showAgentPicker);
    connect(attachButton, &QPushButton::clicked, this, &MainWindow::showAttachPrompt);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(openButton);
    row->addWidget(attachButton);
    row->addStretch();
    el->addWidget(logo);
    el->addSpacing(8);
    el->addWidget(m_emptyText);
    el->addSpacing(12);
    el->addLayout(row);
    el->addStretch(3);
    m_central->addWidget(m_emptyPage);

    m_tabs = new QTabWidget(m_central);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setElideMode(Qt::ElideMiddle);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        updateActions();
        if (index >= 0)
            m_tabs->tabBar()->setTabTextColor(index, QColor());
        if (TerminalTab *t = currentTab()) {
            m_marked.remove(t);
            t->setFocus();
            // A tab that was hidden may have missed a window resize: re-send its size.
            t->terminal()->requestSizeResend();
        }
    });
    m_central->addWidget(m_tabs);

    m_statusProfile = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusProfile);

    buildActions();
    buildMenus();
    buildTray();
    watchForWakeAndNetwork();
    updateActions();
}

void MainWindow::watchForWakeAndNetwork()
{
    // After a suspend the wall clock has jumped past what the probe's interval explains; the
    // dropped tabs should not sit out their back-off then.
    m_wakeProbe.setInterval(5000);
    m_lastProbeMs = QDateTime::currentMSecsSinceEpoch();
    connect(&m_wakeProbe, &QTimer::timeout, this, [this] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - m_lastProbeMs > 20000)
            retryDroppedNow();
        m_lastProbeMs = now;
    });
    m_wakeProbe.start();
#if QT_VERSION >= QT_VERSION_CHECK(6, 1, 0)
    if (QNetworkInformation::load(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability r) {
                    if (r == QNetworkInformation::Reachability::Online)
                        retryDroppedNow();
                });
    }
#endif
}

int MainWindow::retryDroppedNow()
{
    int n = 0;
    for (TerminalTab *t : tabs())
        n += t->retryNow() ? 1 : 0;
    return n;
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    auto make = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *a = new QAction(text, this);
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_openAgent = make(tr("&Open Agent…"), QKeySequence(QStringLiteral("Ctrl+Shift+T")),
                       &MainWindow::showAgentPicker);
    m_attach = make(tr("&Attach to Session…"), QKeySequence(QStringLiteral("Ctrl+Shift+O")),
                    &MainWindow::showAttachPrompt);
    m_reconnect = make(tr("&Reconnect"), QKeySequence(QStringLiteral("Ctrl+Shift+R")), [this] {
        if (TerminalTab *t = currentTab())
            t->reconnect();
    });
    m_reconnectAll = make(tr("Reconnect &All Dropped"), QKeySequence(), &MainWindow::reconnectAll);
    m_detach = make(tr("&Detach"), QKeySequence(), [this] {
        if (TerminalTab *t = currentTab())
            t->detach();
    });
    m_terminate = make(tr("&Terminate Session…"), QKeySequence(), [this] {
        if (TerminalTab *t = currentTab())
            confirmTerminate(t);
    });
    m_closeTab = make(tr("&Close Tab"), QKeySequence(QStringLiteral("Ctrl+Shift+W")), [this] {
        if (m_tabs->currentIndex() >= 0)
            closeTab(m_tabs->currentIndex());
    });
    m_closeTab->setToolTip(tr("Closes the tab and detaches; the session keeps running on the "
                              "platform"));
    m_copy = make(tr("&Copy"), QKeySequence(QStringLiteral("Ctrl+Shift+C")), [this] {
        if (TerminalTab *t = currentTab())
            t->terminal()->copyClipboard();
    });
    m_paste = make(tr("&Paste"), QKeySequence(QStringLiteral("Ctrl+Shift+V")), [this] {
        if (TerminalTab *t = currentTab())
            t->terminal()->pasteClipboard();
    });
    m_find = make(tr("&Find…"), QKeySequence(QStringLiteral("Ctrl+Shift+F")), [this] {
        if (TerminalTab *t = currentTab())
            t->terminal()->toggleSearchBar();
    });
    m_zoomIn = make(tr("Zoom &In"), QKeySequence(QStringLiteral("Ctrl++")), [this] {
        if (TerminalTab *t = currentTab())
            t->terminal()->zoomIn();
    });
    m_zoomOut = make(tr("Zoom &Out"), QKeySequence(QStringLiteral("Ctrl+-")), [this] {
        if (TerminalTab *t = currentTab())
            t->terminal()->zoomOut();
    });
    m_zoomReset = make(tr("&Reset Zoom"), QKeySequence(QStringLiteral("Ctrl+0")), [this] {
        if (TerminalTab *t = currentTab())
            t->terminal()->zoomReset();
    });
    // The terminal owns these keys (its own actions, tested there); two window-wide actions on
    // one key would make Qt fire neither. The menu entries show the key but only the focused
    // terminal reacts to it.
    for (QAction *a : {m_copy, m_paste, m_find, m_zoomIn, m_zoomOut, m_zoomReset})
        a->setShortcutContext(Qt::WidgetShortcut);
    m_settingsAction = make(tr("&Settings…"), QKeySequence(), &MainWindow::showSettings);
    m_signIn = make(tr("Sign &In / Switch Platform…"), QKeySequence(), [this] { showSignIn(); });
    m_signOut = make(tr("Sign &Out"), QKeySequence(), &MainWindow::signOut);
    m_showHide = make(tr("&Hide Window"), QKeySequence(), &MainWindow::toggleVisible);
    // Ctrl+Q belongs to the terminal (XON); terminals quit with Ctrl+Shift+Q.
    m_quit = make(tr("&Quit"), QKeySequence(QStringLiteral("Ctrl+Shift+Q")), &MainWindow::quit);
    m_nextTab = make(tr("Next Tab"), QKeySequence(QStringLiteral("Ctrl+PgDown")), [this] {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
    });
    m_prevTab = make(tr("Previous Tab"), QKeySequence(QStringLiteral("Ctrl+PgUp")), [this] {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) %
                                    m_tabs->count());
    });
}

void MainWindow::buildMenus()
{
    QMenu *session = menuBar()->addMenu(tr("&Session"));
    session->addAction(m_openAgent);
    session->addAction(m_attach);
    session->addSeparator();
    session->addAction(m_reconnect);
    session->addAction(m_reconnectAll);
    session->addAction(m_detach);
    session->addAction(m_terminate);
    session->addAction(m_closeTab);
    session->addSeparator();
    session->addAction(m_showHide);
    session->addAction(m_quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_copy);
    edit->addAction(m_paste);
    edit->addAction(m_find);
    edit->addSeparator();
    edit->addAction(m_settingsAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_zoomIn);
    view->addAction(m_zoomOut);
    view->addAction(m_zoomReset);
    view->addSeparator();
    view->addAction(m_nextTab);
    view->addAction(m_prevTab);

    QMenu *account = menuBar()->addMenu(tr("&Platform"));
    account->addAction(m_signIn);
    account->addAction(m_signOut);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About LAP Desktop"), this, [this] {
        QMessageBox::about(
            this, tr("About LAP Desktop"),
            tr("<h3>LAP Desktop %1</h3><p>Terminal tabs on LiteLLM Agent Platform sandboxes.</p>"
               "<p>Licensed under the GNU General Public License, version 2 or later.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::buildTray()
{
    m_trayMenu = new QMenu(this);
    connect(m_trayMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildTrayMenu);
    rebuildTrayMenu();
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return; // every tray action is also in the window's menus
    m_tray = new QSystemTrayIcon(windowIcon(), this);
    m_tray->setToolTip(tr("LAP Desktop"));
    m_tray->setContextMenu(m_trayMenu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger)
            toggleVisible();
    });
    m_tray->show();
}

void MainWindow::rebuildTrayMenu()
{
    m_trayMenu->clear();
    const QList<TerminalTab *> all = tabs();
    if (all.isEmpty()) {
        QAction *none = m_trayMenu->addAction(tr("No open sessions"));
        none->setEnabled(false);
    }
    for (TerminalTab *t : all) {
        // One submenu per session: its state at a glance, and what can be done about it.
        QMenu *sub = m_trayMenu->addMenu(
            t->stateIcon(), tr("%1 — %2").arg(t->title(), TerminalTab::stateName(t->state())));
        sub->setToolTip(t->stateReason());
        sub->addAction(tr("Show"), this, [this, t] {
            m_tabs->setCurrentWidget(t);
            bringToFront();
        });
        QAction *rc = sub->addAction(tr("Reconnect"), t, &TerminalTab::reconnect);
        rc->setEnabled(t->canReconnect());
    }
    m_trayMenu->addSeparator();
    m_trayMenu->addAction(m_reconnectAll);
    m_trayMenu->addAction(m_openAgent);
    m_trayMenu->addAction(m_showHide);
    m_trayMenu->addSeparator();
    m_trayMenu->addAction(m_quit);
}

void MainWindow::start(const LaunchOptions &options)
{
    m_pending = options;
    if (options.hasEnvironmentSignIn()) {
        PlatformConfig c = configFor(options.envBaseUrl);
        c.masterKey = options.envMasterKey;
        setPlatform(c, environmentProfile());
        runPending();
        return;
    }
    Profile p = options.profile.isEmpty() ? m_services.profiles->active()
                                          : m_services.profiles->profile(options.profile);
    if (!options.profile.isEmpty() && !p.isValid()) {
        showSignIn(tr("No saved platform profile named '%1'.").arg(options.profile));
        return;
    }
    if (!p.isValid()) {
        showSignIn();
        return;
    }
    readKeyAndStart(p);
}

void MainWindow::readKeyAndStart(const Profile &profile)
{
    m_emptyText->setText(
        tr("Reading the master key for %1 from the keychain…").arg(profile.baseUrl.toString()));
    m_services.keys->readKey(profile.name, [this, profile](const Result<QString> &r) {
        if (!r.ok()) {
            showSignIn(r.error.text());
            return;
        }
        PlatformConfig c = configFor(profile.baseUrl);
        c.masterKey = r.value;
        setPlatform(c, profile.name);
        runPending();
    });
}

PlatformConfig MainWindow::configFor(const QUrl &base) const
{
    PlatformConfig c;
    c.baseUrl = base;
    c.caFile = m_settings.caFile;
    return c;
}

void MainWindow::setPlatform(const PlatformConfig &config, const QString &profileName)
{
    m_platform = config;
    m_profileName = profileName;
    m_statusProfile->setText(tr("%1 · %2").arg(profileName, config.baseUrl.toString()));
    updateActions();
}

void MainWindow::restoreTabs()
{
    for (const SavedTab &saved : loadSavedTabs(*m_services.settings)) {
        // Only this profile's tabs; an environment sign-in also must be the same platform.
        if (saved.profile != m_profileName)
            continue;
        if (m_profileName == environmentProfile() && saved.baseUrl != m_platform.baseUrl)
            continue;
        ResumeArgument arg;
        arg.sessionId = saved.sessionId;
        if (saved.baseUrl.isValid() && saved.baseUrl != m_platform.baseUrl)
            arg.baseOverride = saved.baseUrl;
        TerminalTab *tab = attachSession(arg);
        // A session that died meanwhile shows why, and "Open agent again" starts a new one.
        tab->setAgent(saved.agentName, saved.agentId);
    }
}

void MainWindow::scheduleSaveTabs()
{
    if (!m_restored || m_quitting)
        return; // nothing to save before the saved tabs are back, nor while quitting
    QTimer::singleShot(0, this, &MainWindow::saveTabsNow);
}

void MainWindow::saveTabsNow()
{
    // Before the saved tabs were restored (still signing in), writing would wipe them.
    if (!isSignedIn() || !m_restored)
        return;
    QList<SavedTab> out;
    for (TerminalTab *t : tabs()) {
        if (t->sessionId().isEmpty())
            continue;
        if (t->state() == TerminalTab::State::Failed &&
            t->lastError().kind != LapError::Kind::TtyUpgrade &&
            t->lastError().kind != LapError::Kind::TtyConnect)
            continue; // a dead or failed session is not worth coming back to
        SavedTab st;
        st.profile = m_profileName;
        st.baseUrl = t->baseUrl();
        st.agentName = t->agentName();
        st.agentId = t->agentId();
        st.sessionId = t->sessionId();
        st.title = t->title();
        out << st;
    }
    saveTabs(*m_services.settings, out);
    m_services.settings->sync();
}

QString MainWindow::environmentProfile()
{
    return QStringLiteral("environment");
}

void MainWindow::handleForwardedArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    addLaunchOptions(parser);
    // The secondary process already handled --help/--version and bad options itself.
    if (parser.parse(QStringList{QCoreApplication::applicationFilePath()} + arguments)) {
        const Result<LaunchOptions> r = readLaunchOptions(parser, QString(), QString());
        if (r.ok()) {
            m_pending.agents += r.value.agents;
            m_pending.resumes += r.value.resumes;
            if (isSignedIn())
                runPending();
        } else {
            showStatus(r.error.text());
        }
    }
    bringToFront();
}

void MainWindow::runPending()
{
    if (!m_restored) {
        m_restored = true;
        restoreTabs();
    }
    const LaunchOptions todo = m_pending;
    m_pending = LaunchOptions{};
    for (const QString &agent : todo.agents)
        openAgent(agent);
    for (const ResumeArgument &r : todo.resumes)
        attachSession(r);
    updateActions();
}

TerminalTab *MainWindow::openAgent(const QString &agentNameOrId)
{
    auto *tab = new TerminalTab(m_services.nam, m_platform, m_settings, m_tabs);
    addTab(tab);
    tab->openAgent(agentNameOrId);
    return tab;
}

TerminalTab *MainWindow::attachSession(const ResumeArgument &arg)
{
    PlatformConfig c = m_platform;
    if (arg.baseOverride.isValid()) {
        // This attach only; the saved profile is unchanged. The key stays with the platform it
        // was saved for: another origin gets it only if the user allows it in the tab.
        c.baseUrl = arg.baseOverride;
        c.keyHome = m_platform.baseUrl;
    }
    auto *tab = new TerminalTab(m_services.nam, c, m_settings, m_tabs);
    addTab(tab);
    const Profile owner =
        c.needsKeyConsent() ? profileOfOrigin(otherProfiles(), c.baseUrl) : Profile();
    if (!owner.isValid() || !m_services.keys) {
        tab->attachSession(arg.sessionId);
        return tab;
    }
    // A saved profile is for that platform: its own key is the one to send, no question asked.
    QPointer<TerminalTab> guard(tab);
    m_services.keys->readKey(owner.name, [guard, c, owner, arg](const Result<QString> &key) {
        if (!guard)
            return;
        if (key.ok() && !key.value.isEmpty()) {
            PlatformConfig own = c;
            own.masterKey = key.value;
            own.keyHome = owner.baseUrl;
            guard->setPlatform(own);
        }
        guard->attachSession(arg.sessionId); // without that key it asks about this one
    });
    return tab;
}

QList<Profile> MainWindow::otherProfiles() const
{
    QList<Profile> others =
        m_services.profiles ? m_services.profiles->profiles() : QList<Profile>();
    others.erase(std::remove_if(others.begin(), others.end(),
                                [this](const Profile &p) { return p.name == m_profileName; }),
                 others.end());
    return others;
}

void MainWindow::addTab(TerminalTab *tab)
{
    const int index = m_tabs->addTab(tab, tab->stateIcon(), tab->title());
    m_tabs->setCurrentIndex(index);
    m_central->setCurrentWidget(m_tabs);
    if (QWidget *closeButton = m_tabs->tabBar()->tabButton(index, QTabBar::RightSide))
        closeButton->setToolTip(
            tr("Close tab — detaches; the session keeps running on the platform"));
    connect(tab, &TerminalTab::stateChanged, this, [this, tab](TerminalTab::State state) {
        updateTab(tab);
        if (state == TerminalTab::State::Failed && !tab->sessionId().isEmpty())
            notifyInBackground(tab, tr("%1 stopped").arg(tab->title()), tab->stateReason());
    });
    connect(tab, &TerminalTab::terminateFailed, this, [this](const LapError &e) {
        QMessageBox::warning(this, tr("Terminate Session"), e.text());
    });
    connect(tab, &TerminalTab::titleChanged, this, [this, tab] {
        updateTab(tab);
        scheduleSaveTabs();
    });
    connect(tab, &TerminalTab::bellRang, this, [this, tab] {
        notifyInBackground(tab, tr("Bell in %1").arg(tab->title()), QString());
    });
    updateTab(tab); // updates the actions too
}

void MainWindow::updateTab(TerminalTab *tab)
{
    const int index = m_tabs->indexOf(tab);
    if (index < 0)
        return;
    m_tabs->setTabText(index, tab->title());
    m_tabs->setTabIcon(index, tab->stateIcon());
    // The reason may be a server's text: escaped, so a tooltip never renders it as markup.
    const QString tip =
        tr("%1\n%2: %3")
            .arg(tab->title(), TerminalTab::stateName(tab->state()), tab->stateReason());
    m_tabs->setTabToolTip(
        index, QStringLiteral("<p style='white-space:pre-wrap'>%1</p>")
                   .arg(tip.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
    if (tab == currentTab())
        showStatus(tab->stateReason());
    updateActions();
}

bool MainWindow::isInBackground(TerminalTab *tab) const
{
    return m_tabs->currentWidget() != tab || !isVisible() || isMinimized() || !isActiveWindow();
}

void MainWindow::notifyInBackground(TerminalTab *tab, const QString &title, const QString &text)
{
    if (!isInBackground(tab))
        return;
    // Marked until the user looks at the tab again (cleared in the currentChanged handler).
    const int index = m_tabs->indexOf(tab);
    if (index >= 0)
        m_tabs->tabBar()->setTabTextColor(index, QColor(0xd9, 0x3b, 0x3b));
    m_marked.insert(tab);
    ++m_notificationCount;
    if (m_tray && m_tray->isVisible())
        m_tray->showMessage(title, text.isEmpty() ? tab->title() : text,
                            QSystemTrayIcon::Information, 8000);
    QApplication::alert(this);
}

void MainWindow::confirmTerminate(TerminalTab *tab)
{
    if (tab->sessionId().isEmpty())
        return;
    QMessageBox box(QMessageBox::Warning, tr("Terminate Session"),
                    tr("Terminate session %1 of %2?").arg(tab->sessionId(), tab->agentName()),
                    QMessageBox::Cancel, this);
    box.setInformativeText(tr("This stops the sandbox for everyone attached to it; its shell, "
                              "files and the agent's state are lost. Closing the tab instead "
                              "only detaches."));
    QPushButton *yes = box.addButton(tr("Terminate"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.setObjectName(QStringLiteral("terminateConfirmation"));
    box.exec();
    if (box.clickedButton() == yes)
        tab->terminateSession();
}

void MainWindow::showStatus(const QString &text)
{
    // Long reasons (a server's error text) must not run into the profile label on the right;
    // the full text stays in the tab's tooltip and on its failure page.
    const int room = qMax(80, statusBar()->width() - m_statusProfile->sizeHint().width() - 48);
    statusBar()->showMessage(statusBar()->fontMetrics().elidedText(text, Qt::ElideRight, room));
}

void MainWindow::closeTab(int index)
{
    auto *tab = qobject_cast<TerminalTab *>(m_tabs->widget(index));
    if (!tab)
        return;
    m_tabs->removeTab(index);
    m_marked.remove(tab);
    tab->detach();
    scheduleSaveTabs();
    tab->deleteLater();
    updateActions(); // shows the empty page after the last tab
}

QList<TerminalTab *> MainWindow::tabs() const
{
    QList<TerminalTab *> out;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *t = qobject_cast<TerminalTab *>(m_tabs->widget(i)))
            out << t;
    return out;
}

TerminalTab *MainWindow::currentTab() const
{
    return qobject_cast<TerminalTab *>(m_tabs->currentWidget());
}

void MainWindow::reconnectAll()
{
    for (TerminalTab *t : tabs())
        if (t->isDropped())
            t->reconnect();
}

void MainWindow::updateActions()
{
    TerminalTab *t = currentTab();
    const bool signedIn = isSignedIn();
    m_openAgent->setEnabled(signedIn);
    m_attach->setEnabled(signedIn);
    m_signOut->setEnabled(signedIn && m_profileName != environmentProfile());
    m_reconnect->setEnabled(t && t->canReconnect());
    m_detach->setEnabled(t && t->state() == TerminalTab::State::Connected);
    m_terminate->setEnabled(t && !t->sessionId().isEmpty() &&
                            t->state() != TerminalTab::State::Failed);
    m_closeTab->setEnabled(t != nullptr);
    for (QAction *a : {m_copy, m_paste, m_find, m_zoomIn, m_zoomOut, m_zoomReset})
        a->setEnabled(t != nullptr);
    bool anyDropped = false;
    for (TerminalTab *x : tabs())
        anyDropped |= x->isDropped();
    m_reconnectAll->setEnabled(anyDropped);
    m_showHide->setText(isVisible() ? tr("&Hide Window") : tr("&Show Window"));
    if (m_tabs->count() == 0) {
        m_central->setCurrentWidget(m_emptyPage);
        if (signedIn)
            m_emptyText->setText(tr("Signed in to %1.\nOpen an agent to get a terminal on a new "
                                    "sandbox, or attach to a running session.")
                                     .arg(m_platform.baseUrl.toString()));
        else if (m_emptyText->text().isEmpty())
            m_emptyText->setText(tr("Not signed in."));
    }
    if (m_tray) {
        int live = 0;
        int trying = 0;
        int lost = 0;
        for (TerminalTab *x : tabs()) {
            live += x->state() == TerminalTab::State::Connected;
            trying += x->state() == TerminalTab::State::Reconnecting;
            lost += x->state() == TerminalTab::State::Failed;
        }
        m_tray->setIcon(QIcon(trayIconPath(live, trying, lost)));
        m_tray->setToolTip(tr("LAP Desktop — %n session(s) connected", nullptr, live));
    }
}

QString MainWindow::trayIconPath(int connected, int reconnecting, int failed)
{
    // The worst news wins: a reconnecting or lost session is what the user must notice.
    if (reconnecting > 0)
        return QStringLiteral(":/icons/tray/lap-desktop-tray-reconnecting.svg");
    if (failed > 0)
        return QStringLiteral(":/icons/tray/lap-desktop-tray-offline.svg");
    if (connected > 0)
        return QStringLiteral(":/icons/tray/lap-desktop-tray-connected.svg");
    return QStringLiteral(":/icons/tray/lap-desktop-tray-idle.svg");
}

void MainWindow::showAgentPicker()
{
    if (!isSignedIn()) {
        showSignIn();
        return;
    }
    PlatformClient client(m_services.nam, m_platform);
    AgentPicker picker(&client, this);
    if (picker.exec() == QDialog::Accepted) // accepts only a listed agent, which has an id
        openAgent(picker.selectedAgent().id);
}

void MainWindow::showAttachPrompt()
{
    if (!isSignedIn()) {
        showSignIn();
        return;
    }
    PlatformClient client(m_services.nam, m_platform);
    AttachDialog dialog(&client, this);
    dialog.setOtherProfiles(otherProfiles());
    if (dialog.exec() != QDialog::Accepted)
        return;
    TerminalTab *tab = attachSession(dialog.chosen());
    const Session listed = dialog.chosenSession();
    if (!listed.id.isEmpty() && !listed.agentId.isEmpty())
        tab->setAgent(dialog.agentDisplayName(listed.agentId), listed.agentId);
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_settings = dialog.settings();
    m_settings.save(*m_services.settings);
    m_platform.caFile = m_settings.caFile;
    for (TerminalTab *t : tabs())
        t->applySettings(m_settings);
}

void MainWindow::showSignIn(const QString &reason)
{
    SignInDialog dialog(m_services.nam, m_services.profiles, m_services.keys, this);
    dialog.setCaFile(m_settings.caFile);
    if (!m_profileName.isEmpty())
        dialog.setProfileName(m_profileName);
    if (!reason.isEmpty())
        dialog.setMessage(reason);
    if (dialog.exec() != QDialog::Accepted) {
        if (!isSignedIn())
            m_emptyText->setText(reason.isEmpty() ? tr("Not signed in.") : reason);
        updateActions();
        return;
    }
    PlatformConfig c = configFor(dialog.profile().baseUrl);
    c.masterKey = dialog.masterKey();
    setPlatform(c, dialog.profile().name);
    if (!dialog.keySavedInKeychain())
        statusBar()->showMessage(
            tr("The master key is kept in memory for this run only: no keychain is available."));
    runPending();
}

void MainWindow::signOut()
{
    const QString name = m_profileName;
    SignOut::run(m_services.keys, m_services.profiles, name, false, [this](const LapError &e) {
        if (e.isError())
            QMessageBox::warning(this, tr("Sign Out"), e.text());
    });
    while (m_tabs->count() > 0)
        closeTab(0); // detaches
    saveTabsNow();
    m_platform = PlatformConfig{};
    m_profileName.clear();
    m_statusProfile->clear();
    m_emptyText->setText(
        tr("Signed out: the master key of '%1' was removed from the keychain.").arg(name));
    updateActions();
}

void MainWindow::toggleVisible()
{
    if (isVisible() && !isMinimized()) {
        hide();
    } else {
        bringToFront();
    }
    updateActions();
}

void MainWindow::bringToFront()
{
    showNormal();
    raise();
    activateWindow();
}

void MainWindow::quit()
{
    saveTabsNow(); // what is open now comes back on the next start
    m_quitting = true;
    close();
    QApplication::quit();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_quitting && m_tray && m_tray->isVisible() && !tabs().isEmpty()) {
        // Sessions stay attached in the background; the tray brings the window back.
        hide();
        if (!m_trayHintShown) {
            m_tray->showMessage(tr("LAP Desktop is still running"),
                                tr("Your sessions stay connected. Use the tray icon to show the "
                                   "window, or Quit to detach them all."));
            m_trayHintShown = true;
        }
        event->ignore();
        updateActions();
        return;
    }
    if (!m_quitting)
        saveTabsNow();
    m_quitting = true;
    for (TerminalTab *t : tabs())
        t->detach();
    event->accept();
}

} // namespace lap
