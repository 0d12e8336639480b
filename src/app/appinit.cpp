// SPDX-License-Identifier: GPL-2.0-or-later
#include "appinit.h"

#include "apptranslations.h"

#include <QApplication>
#include <QLocale>

namespace lap {

void initApplication(QApplication &app)
{
    QApplication::setApplicationName(QStringLiteral("lap-desktop"));
    QApplication::setApplicationDisplayName(QStringLiteral("LAP Desktop"));
    QApplication::setOrganizationName(QStringLiteral("lap-desktop"));
    QApplication::setApplicationVersion(QStringLiteral(LAP_VERSION));
    // The id of the installed .desktop file and AppStream metainfo (packaging/): Wayland
    // compositors use it to find the window's icon and name.
    QApplication::setDesktopFileName(QStringLiteral("io.github.lap_desktop.LapDesktop"));
    installTranslations(&app, QLocale::system());
}

} // namespace lap
