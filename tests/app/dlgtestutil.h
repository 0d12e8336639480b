// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Helpers shared by the GUI tests: screenshots (tst_signindialog*, tst_agentpicker,
// tst_settingsdialog, tst_attachdialog, tst_mainwindow, tst_remoteterminal).

#include <QCoreApplication>
#include <QDir>
#include <QPixmap>
#include <QString>
#include <QTcpServer>
#include <QWidget>

namespace dlgtest {

// <build dir>/screenshots/<name>; the directory comes from tests/app/CMakeLists.txt.
inline QString screenshotPath(const QString &name)
{
    const QString dir = QStringLiteral(LAP_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

// Lets pending layout requests run first: a label that was just shown or filled would
// otherwise be drawn with its old geometry.
inline bool saveScreenshot(QWidget *w, const QString &name)
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    return w->grab().save(screenshotPath(name));
}

// A loopback port that nothing listens on (bound, then released).
inline quint16 closedPort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

} // namespace dlgtest
