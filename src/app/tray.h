// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace lap {

class TerminalTab;

// The tray icon and its menu: one submenu per open session (state, Show, Reconnect), then the
// window's actions that make sense without the window. Without a system tray there is only the
// menu (every entry of it is also in the window's menus).
class Tray : public QObject
{
    Q_OBJECT
public:
    using TabList = std::function<QList<TerminalTab *>()>;

    // `window` parents the menu and gives the icon; `tabs` lists the open sessions.
    Tray(QWidget *window, TabList tabs);

    // Entries after the sessions; a null entry is a separator.
    void setActions(const QList<QAction *> &actions) { m_actions = actions; }
    QMenu *menu() const { return m_menu; }
    QSystemTrayIcon *icon() const { return m_icon; }
    bool isVisible() const;
    // The icon and tooltip for the tabs' states now.
    void update();
    // A balloon message, when there is a visible tray icon to show it.
    void notify(const QString &title, const QString &text);
    void rebuildMenu();

    // The icon for these counts of tabs (resource path): the worst news wins.
    static QString iconPath(int connected, int reconnecting, int failed);

signals:
    void showTabRequested(lap::TerminalTab *tab);
    // The icon was clicked (not its context menu).
    void clicked();

private:
    TabList m_tabs;
    QList<QAction *> m_actions;
    QMenu *m_menu = nullptr;
    QSystemTrayIcon *m_icon = nullptr;
};

} // namespace lap
