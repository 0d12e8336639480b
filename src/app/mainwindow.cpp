// SPDX-License-Identifier: GPL-2.0-or-later
#include "mainwindow.h"

#include "agentpicker.h"
#include "attachdialog.h"
#include "emptypage.h"
#include "remoteterminal.h"
#include "settingsdialog.h"
#include "signindialog.h"
#include "signinflow.h"
#include "signout.h"
#include "tabsaving.h"
#include "tabstore.h"
#include "tray.h"
#include "uistyle.h"
#include "wakewatcher.h"
#include "windowmenus.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCommandLineParser>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

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

    auto *empty = new EmptyPage(windowIcon(), m_central);
    connect(empty, &EmptyPage::openAgentClicked, this, &MainWindow::showAgentPicker);
    connect(empty, &EmptyPage::attachClicked, this, &MainWindow::showAttachPrompt);
    m_emptyPage = empty;
    m_emptyText = empty->textLabel();
    m_central->addWidget(m_emptyPage);

    m_tabs = new QTabWidget(m_central);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setElideMode(Qt::ElideMiddle);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        showCurrentTerminalActions();
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

    m_tabStore = new TabStore(m_services.settings, this);
    m_signInFlow = new SignInFlow(m_services, this);
    m_signInFlow->setCaFile(m_settings.caFile);
    connect(m_signInFlow, &SignInFlow::signedIn, this,
            [this](const PlatformConfig &config, const QString &profile) {
                setPlatform(config, profile);
                runPending();
            });
    connect(m_signInFlow, &SignInFlow::progress, m_emptyText, &QLabel::setText);
    connect(m_signInFlow, &SignInFlow::keyKeptInMemory, this, [this] {
        statusBar()->showMessage(
            tr("The master key is kept in memory for this run only: no keychain is available."));
    });
    connect(m_signInFlow, &SignInFlow::declined, this, [this](const QString &reason) {
        if (!isSignedIn())
            m_emptyText->setText(reason.isEmpty() ? tr("Not signed in.") : reason);
        updateActions();
    });

    buildActions();
    buildMenus();
    buildTray();
    // After a suspend or when the network is back, dropped tabs should not sit out their
    // back-off.
    m_wake = new WakeWatcher(this);
    connect(m_wake, &WakeWatcher::resumed, this, &MainWindow::retryDroppedNow);
    connect(m_wake, &WakeWatcher::networkBack, this, &MainWindow::retryDroppedNow);
    m_wake->start();
    showCurrentTerminalActions();
    updateActions();
}

int MainWindow::retryDroppedNow()
{
    int n = 0;
    for (TerminalTab *t : tabs())
        n += t->retryNow() ? 1 : 0;
    return n;
}

MainWindow::~MainWindow()
{
    // The tabs go after this body (children of the tab widget): what they signal on the way
    // out must not reach a half-destroyed window, nor change what is saved of them.
    for (TerminalTab *t : tabs())
        disconnect(t, nullptr, this, nullptr);
    m_tabStore->flush();
}

std::function<void()> MainWindow::onCurrentTab(const std::function<void(TerminalTab *)> &act)
{
    return [this, act] {
        if (TerminalTab *t = currentTab())
            act(t);
    };
}

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
    m_reconnect = make(tr("&Reconnect"), QKeySequence(QStringLiteral("Ctrl+Shift+R")),
                       onCurrentTab([](TerminalTab *t) { t->reconnect(); }));
    m_reconnectAll = make(tr("Reconnect &All Dropped"), QKeySequence(), &MainWindow::reconnectAll);
    m_detach =
        make(tr("&Detach"), QKeySequence(), onCurrentTab([](TerminalTab *t) { t->detach(); }));
    m_terminate = make(tr("&Terminate Session…"), QKeySequence(),
                       onCurrentTab([this](TerminalTab *t) { confirmTerminate(t); }));
    m_closeTab = make(tr("&Close Tab"), QKeySequence(QStringLiteral("Ctrl+Shift+W")),
                      onCurrentTab([this](TerminalTab *t) { closeTab(m_tabs->indexOf(t)); }));
    m_closeTab->setToolTip(tr("Closes the tab and detaches; the session keeps running on the "
                              "platform"));
    // Copy, paste, find and zoom are each terminal's own actions (with the keys that work
    // there); the Edit and View menus show the current one's. With no tab open, these disabled
    // stand-ins keep the menus' shape.
    for (const QString &text : {tr("&Copy"), tr("&Paste"), tr("&Find…"), tr("Zoom &In"),
                                tr("Zoom &Out"), tr("&Reset Zoom")}) {
        auto *a = new QAction(text, this);
        a->setEnabled(false);
        m_noTerminalActions << a;
    }
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
    const WindowMenus menus =
        buildWindowMenus(this,
                         {m_openAgent, m_attach, nullptr, m_reconnect, m_reconnectAll, m_detach,
                          m_terminate, m_closeTab, nullptr, m_showHide, m_quit},
                         {m_settingsAction}, {m_nextTab, m_prevTab}, {m_signIn, m_signOut});
    m_editMenu = menus.edit;
    m_viewMenu = menus.view;
    m_editEnd = menus.editEnd;
    m_viewEnd = menus.viewEnd;
}

void MainWindow::showCurrentTerminalActions()
{
    for (QAction *a : std::as_const(m_shownTerminalActions)) {
        m_editMenu->removeAction(a);
        m_viewMenu->removeAction(a);
    }
    QList<QAction *> shown = m_noTerminalActions;
    if (TerminalTab *t = currentTab()) {
        const RemoteTerminal *term = t->terminal();
        shown = {term->copyAction(),   term->pasteAction(),   term->findAction(),
                 term->zoomInAction(), term->zoomOutAction(), term->zoomResetAction()};
    }
    m_editMenu->insertActions(m_editEnd, shown.mid(0, 3));
    m_viewMenu->insertActions(m_viewEnd, shown.mid(3));
    m_shownTerminalActions = shown;
}

void MainWindow::buildTray()
{
    m_tray = new Tray(this, [this] { return tabs(); });
    m_tray->setActions({m_reconnectAll, m_openAgent, m_showHide, nullptr, m_quit});
    m_tray->rebuildMenu();
    connect(m_tray, &Tray::clicked, this, &MainWindow::toggleVisible);
    connect(m_tray, &Tray::showTabRequested, this, [this](TerminalTab *t) {
        m_tabs->setCurrentWidget(t);
        bringToFront();
    });
}

void MainWindow::start(const LaunchOptions &options)
{
    m_pending = options;
    m_signInFlow->start(options);
}

void MainWindow::setPlatform(const PlatformConfig &config, const QString &profileName)
{
    m_platform = config;
    m_profileName = profileName;
    m_signInFlow->setCurrentProfile(profileName);
    m_statusProfile->setText(tr("%1 · %2").arg(profileName, config.baseUrl.toString()));
    updateActions();
}

void MainWindow::restoreTabs()
{
    // Once per sign-in of this run: switching back to a profile does not open its tabs twice.
    const QString signIn = m_profileName + QLatin1Char(' ') + m_platform.baseUrl.toString();
    if (m_restored.contains(signIn))
        return;
    m_restored.insert(signIn);
    const bool environment = m_profileName == environmentProfile();
    for (const SavedTab &saved :
         m_tabStore->savedFor(m_profileName, m_platform.baseUrl, environment)) {
        ResumeArgument arg;
        arg.sessionId = saved.sessionId;
        if (saved.baseUrl.isValid() && saved.baseUrl != m_platform.baseUrl)
            arg.baseOverride = saved.baseUrl;
        TerminalTab *tab = attachSession(arg);
        // A session that died meanwhile shows why, and "Open agent again" starts a new one.
        tab->setAgent(saved.agentName, saved.agentId);
        m_tabStore->adopt(tab, saved);
        saveTab(tab); // what is saved of it now carries its platform
    }
}

void MainWindow::saveTab(TerminalTab *tab)
{
    m_tabStore->update(tab, savedTabOf(*tab, m_tabProfile.value(tab)), isWorthRestoring(*tab));
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
    restoreTabs();
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
    m_signInFlow->useKeyOfOrigin(otherProfiles(), c, tab,
                                 [tab, id = arg.sessionId](const PlatformConfig &own, bool found) {
                                     if (found)
                                         tab->setPlatform(own);
                                     tab->attachSession(id); // without that key it asks first
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
    m_tabProfile.insert(tab, m_profileName);
    const int index = m_tabs->addTab(tab, tab->stateIcon(), tab->title());
    m_tabs->setCurrentIndex(index);
    m_central->setCurrentWidget(m_tabs);
    if (QWidget *closeButton = m_tabs->tabBar()->tabButton(index, QTabBar::RightSide))
        closeButton->setToolTip(
            tr("Close tab — detaches; the session keeps running on the platform"));
    connect(tab, &TerminalTab::stateChanged, this, [this, tab](TerminalTab::State state) {
        updateTab(tab);
        saveTab(tab); // a new session, or one not worth coming back to any more
        if (state == TerminalTab::State::Failed && !tab->sessionId().isEmpty())
            notifyInBackground(tab, tr("%1 stopped").arg(tab->title()), tab->stateReason());
    });
    connect(tab, &TerminalTab::terminateFailed, this, [this](const LapError &e) {
        QMessageBox::warning(this, tr("Terminate Session"), e.text());
    });
    connect(tab, &TerminalTab::titleChanged, this, [this, tab] {
        updateTab(tab);
        saveTab(tab);
    });
    connect(tab, &TerminalTab::bellRang, this, [this, tab] {
        notifyInBackground(tab, tr("Bell in %1").arg(tab->title()), QString());
    });
    updateTab(tab); // updates the actions too
    saveTab(tab);
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
        m_tabs->tabBar()->setTabTextColor(index, colors::error());
    m_marked.insert(tab);
    ++m_notificationCount;
    m_tray->notify(title, text.isEmpty() ? tab->title() : text);
    QApplication::alert(this);
}

void MainWindow::confirmTerminate(TerminalTab *tab)
{
    if (!tab->sessionId().isEmpty() &&
        lap::confirmTerminate(this, tab->sessionId(), tab->agentName()))
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
    disconnect(tab, nullptr, this, nullptr);
    m_tabStore->remove(tab); // closed by the user: it does not come back
    m_tabProfile.remove(tab);
    tab->detach();
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
    m_tray->update();
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
    m_signInFlow->setCaFile(m_settings.caFile);
    for (TerminalTab *t : tabs())
        t->applySettings(m_settings);
}

void MainWindow::showSignIn(const QString &reason)
{
    m_signInFlow->ask(reason);
}

void MainWindow::signOut()
{
    const QString name = m_profileName;
    lap::signOut(m_services.keys, m_services.profiles, name, false, [this](const LapError &e) {
        if (e.isError())
            QMessageBox::warning(this, tr("Sign Out"), e.text());
    });
    while (m_tabs->count() > 0)
        closeTab(0); // detaches; they do not come back
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
    m_tabStore->flush(); // what is open now comes back on the next start
    m_quitting = true;
    close();
    QApplication::quit();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_quitting && m_tray->isVisible() && !tabs().isEmpty()) {
        // Sessions stay attached in the background; the tray brings the window back.
        hide();
        if (!m_trayHintShown) {
            m_tray->notify(tr("LAP Desktop is still running"),
                           tr("Your sessions stay connected. Use the tray icon to show the "
                              "window, or Quit to detach them all."));
            m_trayHintShown = true;
        }
        event->ignore();
        updateActions();
        return;
    }
    m_quitting = true;
    for (TerminalTab *t : tabs())
        t->detach();
    m_tabStore->flush();
    event->accept();
}

} // namespace lap
