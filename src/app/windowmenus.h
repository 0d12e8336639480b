// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>

class QAction;
class QMainWindow;
class QMenu;
class QWidget;

namespace lap {

// The Edit and View menus, and where the current terminal's own actions go in them.
struct WindowMenus
{
    QMenu *edit = nullptr;
    QMenu *view = nullptr;
    QAction *editEnd = nullptr; // the terminal's actions go before these separators
    QAction *viewEnd = nullptr;
};

// The menu bar of `window`: Session, Edit, View, Platform and Help, from the window's actions (a
// null entry is a separator). Edit and View get a separator first, for the terminal's actions.
WindowMenus buildWindowMenus(QMainWindow *window, const QList<QAction *> &session,
                             const QList<QAction *> &edit, const QList<QAction *> &view,
                             const QList<QAction *> &platform);

// Asks before a session is terminated (it stops the sandbox for everyone attached).
bool confirmTerminate(QWidget *parent, const QString &sessionId, const QString &agentName);

} // namespace lap
