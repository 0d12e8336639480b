// SPDX-License-Identifier: GPL-2.0-or-later
// The tray on its own: the icon for the tabs' states and the menu without sessions. The menu with
// real sessions is tested with the window (tst_mainwindow).
#include "terminaltab.h"
#include "tray.h"

#include <QAction>
#include <QImage>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QtTest>

using namespace lap;

class TestTray : public QObject
{
    Q_OBJECT

    static int visiblePixels(const QImage &image)
    {
        int n = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                n += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
        }
        return n;
    }

private slots:
    void iconShowsTheWorstState()
    {
        QCOMPARE(Tray::iconPath(0, 0, 0), QStringLiteral(":/icons/tray/lap-desktop-tray-idle.svg"));
        QCOMPARE(Tray::iconPath(3, 0, 0),
                 QStringLiteral(":/icons/tray/lap-desktop-tray-connected.svg"));
        QCOMPARE(Tray::iconPath(3, 0, 1),
                 QStringLiteral(":/icons/tray/lap-desktop-tray-offline.svg"));
        QCOMPARE(Tray::iconPath(3, 1, 1),
                 QStringLiteral(":/icons/tray/lap-desktop-tray-reconnecting.svg"));
        // Without Qt's SVG plugins every SVG icon renders as nothing, and the tray would show
        // an empty square; each state must draw something, and something of its own.
        QList<QImage> seen;
        for (const QString &path : {Tray::iconPath(0, 0, 0), Tray::iconPath(1, 0, 0),
                                    Tray::iconPath(0, 0, 1), Tray::iconPath(0, 1, 0)}) {
            const QImage image = QIcon(path).pixmap(22, 22).toImage();
            QVERIFY2(visiblePixels(image) > 0,
                     qPrintable(path + QStringLiteral(" renders blank: Qt's SVG icon engine is "
                                                      "not installed (Debian: qt6-svg-plugins "
                                                      "for Qt 6, libqt5svg5 for Qt 5)")));
            QVERIFY2(!seen.contains(image),
                     qPrintable(path + QStringLiteral(" looks like another state's icon")));
            seen << image;
        }
    }

    void menuWithoutSessions()
    {
        QWidget window;
        Tray tray(&window, [] { return QList<TerminalTab *>(); });
        QAction open(QStringLiteral("&Open Agent…"));
        QAction quit(QStringLiteral("&Quit"));
        tray.setActions({&open, nullptr, &quit});
        QMetaObject::invokeMethod(tray.menu(), "aboutToShow");
        const QList<QAction *> entries = tray.menu()->actions();
        QCOMPARE(entries.size(), 5);
        QCOMPARE(entries.at(0)->text(), QStringLiteral("No open sessions"));
        QVERIFY(!entries.at(0)->isEnabled());
        QVERIFY(entries.at(1)->isSeparator());
        QCOMPARE(entries.at(2), &open);
        QVERIFY(entries.at(3)->isSeparator());
        QCOMPARE(entries.at(4), &quit);
        // Shown again, the menu is rebuilt, not appended to.
        QMetaObject::invokeMethod(tray.menu(), "aboutToShow");
        QCOMPARE(tray.menu()->actions().size(), 5);
        // Without a system tray (offscreen) there is no icon, and notify() has nowhere to go.
        if (!QSystemTrayIcon::isSystemTrayAvailable()) {
            QVERIFY(!tray.icon());
            QVERIFY(!tray.isVisible());
            tray.notify(QStringLiteral("t"), QStringLiteral("x"));
        }
    }
};

QTEST_MAIN(TestTray)
#include "tst_tray.moc"
