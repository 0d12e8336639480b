// SPDX-License-Identifier: GPL-2.0-or-later
// Saved tabs in a real QSettings INI file: round trip, garbage and secrets.

#include "tabsnapshot.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace lap;

namespace {

const QString kId1 = QStringLiteral("11111111-2222-4333-8444-555555555555");
const QString kId2 = QStringLiteral("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
const QString kId3 = QStringLiteral("01234567-89ab-4cde-8f01-23456789abcd");
const QString kAgent = QStringLiteral("99999999-8888-4777-8666-555555555555");

SavedTab tab(const QString &sessionId, const QString &title, const QUrl &base = QUrl())
{
    SavedTab t;
    t.profile = QStringLiteral("work");
    t.baseUrl = base;
    t.agentName = QStringLiteral("shell");
    t.agentId = kAgent;
    t.sessionId = sessionId;
    t.title = title;
    return t;
}

} // namespace

class TestTabSnapshot : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    QString freshFile() { return m_dir.filePath(QStringLiteral("tabs-%1.ini").arg(++m_files)); }

    static QByteArray contents(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void roundTrip()
    {
        const QList<SavedTab> tabs{
            tab(kId1, QStringLiteral("shell — build")),
            tab(kId2, QStringLiteral("ünïcödé, commas, \"quotes\" = and / slashes"),
                QUrl(QStringLiteral("https://other.example.com/lap"))),
            tab(kId3, QString()),
        };
        const QString path = freshFile();
        {
            QSettings s(path, QSettings::IniFormat);
            saveTabs(s, tabs);
        }
        QSettings s(path, QSettings::IniFormat);
        const QList<SavedTab> loaded = loadSavedTabs(s);
        QCOMPARE(loaded.size(), 3);
        for (int i = 0; i < tabs.size(); ++i)
            QVERIFY2(loaded.at(i) == tabs.at(i), qPrintable(QString::number(i)));
        QCOMPARE(loaded.at(1).baseUrl.toString(), QStringLiteral("https://other.example.com/lap"));
        QVERIFY(!loaded.at(0).baseUrl.isValid());
    }

    void savingAShorterListDropsTheOldTail()
    {
        const QString path = freshFile();
        QSettings s(path, QSettings::IniFormat);
        saveTabs(s, {tab(kId1, QStringLiteral("a")), tab(kId2, QStringLiteral("b")),
                     tab(kId3, QStringLiteral("c"))});
        saveTabs(s, {tab(kId2, QStringLiteral("only"))});
        s.sync();
        QCOMPARE(loadSavedTabs(s), QList<SavedTab>{tab(kId2, QStringLiteral("only"))});
        QVERIFY(!s.contains(QStringLiteral("restore/tabs/2/sessionId")));
        QVERIFY(!contents(path).contains(kId1.toLatin1()));

        saveTabs(s, {});
        QCOMPARE(loadSavedTabs(s).size(), 0);
    }

    void emptySessionIdsAreSkipped()
    {
        const QString path = freshFile();
        QSettings s(path, QSettings::IniFormat);
        saveTabs(
            s, {tab(QString(), QStringLiteral("never attached")), tab(kId1, QStringLiteral("x"))});
        QCOMPARE(s.value(QStringLiteral("restore/tabs/size")).toInt(), 1);
        QCOMPARE(loadSavedTabs(s), QList<SavedTab>{tab(kId1, QStringLiteral("x"))});

        // An entry with an empty id written by something else is skipped on load too.
        s.setValue(QStringLiteral("restore/tabs/size"), 2);
        s.setValue(QStringLiteral("restore/tabs/2/sessionId"), QString());
        s.setValue(QStringLiteral("restore/tabs/2/title"), QStringLiteral("ghost"));
        QCOMPARE(loadSavedTabs(s).size(), 1);
    }

    void garbageIsSkipped()
    {
        const QString path = freshFile();
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[restore]\n"
                "tabs\\size=7\n"
                "tabs\\1\\sessionId=not-a-session\n"
                "tabs\\1\\title=bad id\n"
                "tabs\\2\\sessionId=" +
                kId1.toUpper().toLatin1() +
                "\n"
                "tabs\\2\\title=good upper-case id\n"
                "tabs\\2\\agentId=garbage\n"
                "tabs\\3\\sessionId=" +
                kId2.toLatin1() +
                "\n"
                "tabs\\3\\baseUrl=ftp://files.example.com\n"
                "tabs\\4\\sessionId=" +
                kId2.toLatin1() +
                "\n"
                "tabs\\4\\baseUrl=https://user:pw@lap.example.com\n"
                "tabs\\5\\sessionId=" +
                kId3.toLatin1() + ", " + kId1.toLatin1() +
                "\n"
                "tabs\\6\\sessionId=" +
                kId3.toLatin1() +
                "\n"
                "tabs\\6\\baseUrl=https://lap.example.com/prefix/\n"
                "tabs\\6\\title=good with base\n");
        f.close();
        QSettings s(path, QSettings::IniFormat);
        const QList<SavedTab> loaded = loadSavedTabs(s);
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded.at(0).sessionId, kId1); // lower-cased, as the platform spells ids
        QCOMPARE(loaded.at(0).title, QStringLiteral("good upper-case id"));
        QCOMPARE(loaded.at(0).agentId, QString()); // dropped, the tab kept
        QCOMPARE(loaded.at(1).sessionId, kId3);
        QCOMPARE(loaded.at(1).baseUrl, QUrl(QStringLiteral("https://lap.example.com/prefix")));

        for (const char *size : {"abc", "-3", ""}) {
            s.setValue(QStringLiteral("restore/tabs/size"), QString::fromLatin1(size));
            QCOMPARE(loadSavedTabs(s).size(), 0);
        }
    }

    void absurdCountsAreCapped()
    {
        QSettings s(freshFile(), QSettings::IniFormat);
        QList<SavedTab> many;
        for (int i = 0; i < kMaxSavedTabs + 20; ++i)
            many << tab(
                QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0')),
                QString::number(i));
        saveTabs(s, many);
        const QList<SavedTab> loaded = loadSavedTabs(s);
        QCOMPARE(loaded.size(), kMaxSavedTabs);
        QCOMPARE(loaded.last().title, QString::number(kMaxSavedTabs - 1));
    }

    void noSecretIsWritten()
    {
        const QString path = freshFile();
        {
            QSettings s(path, QSettings::IniFormat);
            saveTabs(s, {tab(kId1, QStringLiteral("t"),
                             QUrl(QStringLiteral("https://alice:hunter2@lap.example.com")))});
            s.beginGroup(QStringLiteral("restore/tabs/1"));
            QStringList keys = s.childKeys();
            keys.sort();
            QCOMPARE(keys, (QStringList{QStringLiteral("agentId"), QStringLiteral("agentName"),
                                        QStringLiteral("baseUrl"), QStringLiteral("profile"),
                                        QStringLiteral("sessionId"), QStringLiteral("title")}));
        }
        const QByteArray bytes = contents(path);
        QVERIFY(!bytes.contains("hunter2"));
        QVERIFY(!bytes.contains("alice"));
        QSettings s(path, QSettings::IniFormat);
        QCOMPARE(loadSavedTabs(s).value(0).baseUrl,
                 QUrl(QStringLiteral("https://lap.example.com")));
    }

    void keysAreRelativeToTheOpenGroup()
    {
        const QString path = freshFile();
        QSettings s(path, QSettings::IniFormat);
        s.beginGroup(QStringLiteral("profiles/work"));
        saveTabs(s, {tab(kId1, QStringLiteral("in a group"))});
        QCOMPARE(loadSavedTabs(s).size(), 1);
        s.endGroup();
        QCOMPARE(loadSavedTabs(s).size(), 0);
        QCOMPARE(s.value(QStringLiteral("profiles/work/restore/tabs/1/sessionId")).toString(),
                 kId1);
    }
};

QTEST_GUILESS_MAIN(TestTabSnapshot)
#include "tst_tabsnapshot.moc"
