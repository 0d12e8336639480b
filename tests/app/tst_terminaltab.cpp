// SPDX-License-Identifier: GPL-2.0-or-later
// TerminalTab's static pages (the forms terminal*page.ui): what a screen reader is told about
// every control on the progress, failure and key-consent pages. No platform: a closed port
// makes the open fail, and a key saved for another origin makes the tab ask.
#include "laptest.h"
#include "terminaltab.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QtTest>

using namespace lap;

namespace {

constexpr int kWaitMs = 20000;

// The controls of the tab's current page that have no accessible name, by object name.
QStringList unnamedControls(TerminalTab *tab)
{
    QStringList unnamed;
    QWidget *page = tab->findChild<QStackedWidget *>()->currentWidget();
    const QList<QWidget *> widgets = page->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!qobject_cast<QAbstractButton *>(w) && !qobject_cast<QLabel *>(w) &&
            !qobject_cast<QPlainTextEdit *>(w))
            continue;
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << w->objectName();
    }
    return unnamed;
}

QString accessibleName(QWidget *w)
{
    QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
    return a ? a->text(QAccessible::Name) : QString();
}

} // namespace

class TestTerminalTab : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    PlatformConfig nowhere() const
    {
        PlatformConfig c;
        c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(laptest::closedPort()));
        c.masterKey = QStringLiteral("sk-test");
        c.requestTimeoutMs = 5000;
        return c;
    }

private slots:
    void progressAndFailurePagesNameEveryControl()
    {
        TerminalTab tab(&m_nam, nowhere(), AppSettings{});
        tab.openAgent(QStringLiteral("shell"));
        QCOMPARE(tab.state(), TerminalTab::State::Opening);
        QVERIFY(tab.findChild<QPushButton *>(QStringLiteral("cancelButton"))->isVisibleTo(&tab));
        QCOMPARE(unnamedControls(&tab), QStringList());
        QCOMPARE(accessibleName(tab.findChild<QPushButton *>(QStringLiteral("cancelButton"))),
                 QStringLiteral("Cancel opening"));

        QTRY_COMPARE_WITH_TIMEOUT(tab.state(), TerminalTab::State::Failed, kWaitMs);
        auto *retry = tab.findChild<QPushButton *>(QStringLiteral("retryButton"));
        QVERIFY(retry->isVisibleTo(&tab));
        QCOMPARE(retry->text(), QStringLiteral("Open agent again"));
        QCOMPARE(accessibleName(retry), retry->text());
        QCOMPARE(unnamedControls(&tab), QStringList());
    }

    void keyConsentPageNamesEveryControl()
    {
        PlatformConfig c = nowhere();
        c.keyHome = QUrl(QStringLiteral("https://lap.example.com"));
        TerminalTab tab(&m_nam, c, AppSettings{});
        tab.attachSession(QStringLiteral("0b7c9a4e-1111-4222-8333-944455556666"));
        QVERIFY(tab.isAskingToSendKey());
        QCOMPARE(unnamedControls(&tab), QStringList());
        QCOMPARE(accessibleName(tab.findChild<QPushButton *>(QStringLiteral("refuseKeyButton"))),
                 QStringLiteral("Don't send the master key"));
        auto *send = tab.findChild<QPushButton *>(QStringLiteral("sendKeyButton"));
        QCOMPARE(send->text(), QStringLiteral("Send Key to 127.0.0.1:%1").arg(c.baseUrl.port()));
        QCOMPARE(accessibleName(send), QStringLiteral("Send the master key to this platform"));

        tab.findChild<QPushButton *>(QStringLiteral("refuseKeyButton"))->click();
        QCOMPARE(tab.state(), TerminalTab::State::Failed);
        QCOMPARE(tab.findChild<QPushButton *>(QStringLiteral("retryButton"))->text(),
                 QStringLiteral("Try again"));
        QCOMPARE(unnamedControls(&tab), QStringList());
    }
};

QTEST_MAIN(TestTerminalTab)
#include "tst_terminaltab.moc"
