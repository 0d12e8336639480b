// SPDX-License-Identifier: GPL-2.0-or-later
#include "tray.h"

#include "terminaltab.h"

#include <QCoreApplication>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

namespace lap {

namespace {

// These strings were MainWindow's: they keep its translation context, and so their translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(lap::MainWindow)
};

} // namespace

Tray::Tray(QWidget *window, TabList tabs) : QObject(window), m_tabs(std::move(tabs))
{
    m_menu = new QMenu(window);
    connect(m_menu, &QMenu::aboutToShow, this, &Tray::rebuildMenu);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return; // every tray action is also in the window's menus
    m_icon = new QSystemTrayIcon(window->windowIcon(), this);
    m_icon->setToolTip(Text::tr("LAP Desktop"));
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger)
            emit clicked();
    });
    m_icon->show();
}

bool Tray::isVisible() const
{
    return m_icon && m_icon->isVisible();
}

void Tray::rebuildMenu()
{
    m_menu->clear();
    const QList<TerminalTab *> all = m_tabs();
    if (all.isEmpty()) {
        QAction *none = m_menu->addAction(Text::tr("No open sessions"));
        none->setEnabled(false);
    }
    for (TerminalTab *t : all) {
        // One submenu per session: its state at a glance, and what can be done about it.
        QMenu *sub = m_menu->addMenu(
            t->stateIcon(),
            Text::tr("%1 — %2").arg(t->title(), TerminalTab::stateName(t->state())));
        sub->setToolTip(t->stateReason());
        sub->addAction(Text::tr("Show"), this, [this, t] { emit showTabRequested(t); });
        QAction *rc = sub->addAction(Text::tr("Reconnect"), t, &TerminalTab::reconnect);
        rc->setEnabled(t->canReconnect());
    }
    m_menu->addSeparator();
    for (QAction *a : std::as_const(m_actions)) {
        if (a)
            m_menu->addAction(a);
        else
            m_menu->addSeparator();
    }
}

void Tray::update()
{
    if (!m_icon)
        return;
    int live = 0;
    int trying = 0;
    int lost = 0;
    for (TerminalTab *x : m_tabs()) {
        live += x->state() == TerminalTab::State::Connected;
        trying += x->state() == TerminalTab::State::Reconnecting;
        lost += x->state() == TerminalTab::State::Failed;
    }
    m_icon->setIcon(QIcon(iconPath(live, trying, lost)));
    m_icon->setToolTip(Text::tr("LAP Desktop — %n session(s) connected", nullptr, live));
}

void Tray::notify(const QString &title, const QString &text)
{
    if (isVisible())
        m_icon->showMessage(title, text, QSystemTrayIcon::Information, 8000);
}

QString Tray::iconPath(int connected, int reconnecting, int failed)
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

} // namespace lap
