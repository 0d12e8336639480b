// SPDX-License-Identifier: GPL-2.0-or-later
#include "windowmenus.h"

#include <QCoreApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>

namespace lap {

namespace {

// The window's translation context: these strings were MainWindow's and keep their translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(lap::MainWindow)
};

void addAll(QMenu *menu, const QList<QAction *> &actions)
{
    for (QAction *a : actions) {
        if (a)
            menu->addAction(a);
        else
            menu->addSeparator();
    }
}

} // namespace

WindowMenus buildWindowMenus(QMainWindow *window, const QList<QAction *> &session,
                             const QList<QAction *> &edit, const QList<QAction *> &view,
                             const QList<QAction *> &platform)
{
    QMenuBar *bar = window->menuBar();
    addAll(bar->addMenu(Text::tr("&Session")), session);
    WindowMenus m;
    m.edit = bar->addMenu(Text::tr("&Edit"));
    m.editEnd = m.edit->addSeparator();
    addAll(m.edit, edit);
    m.view = bar->addMenu(Text::tr("&View"));
    m.viewEnd = m.view->addSeparator();
    addAll(m.view, view);
    addAll(bar->addMenu(Text::tr("&Platform")), platform);

    QMenu *help = bar->addMenu(Text::tr("&Help"));
    help->addAction(Text::tr("&About LAP Desktop"), window, [window] {
        QMessageBox::about(
            window, Text::tr("About LAP Desktop"),
            Text::tr(
                "<h3>LAP Desktop %1</h3><p>Terminal tabs on LiteLLM Agent Platform sandboxes.</p>"
                "<p>Licensed under the GNU General Public License, version 2 or later.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
    return m;
}

bool confirmTerminate(QWidget *parent, const QString &sessionId, const QString &agentName)
{
    QMessageBox box(QMessageBox::Warning, Text::tr("Terminate Session"),
                    Text::tr("Terminate session %1 of %2?").arg(sessionId, agentName),
                    QMessageBox::Cancel, parent);
    box.setInformativeText(
        Text::tr("This stops the sandbox for everyone attached to it; its shell, "
                 "files and the agent's state are lost. Closing the tab instead "
                 "only detaches."));
    QPushButton *yes = box.addButton(Text::tr("Terminate"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.setObjectName(QStringLiteral("terminateConfirmation"));
    box.exec();
    return box.clickedButton() == yes;
}

} // namespace lap
