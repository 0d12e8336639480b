// SPDX-License-Identifier: GPL-2.0-or-later
// TabStore's merge rules against a real QSettings INI file, no network: a run changes only the
// tabs it opened, whatever another run or profile saved stays as it was.

#include "tabstore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lap;

namespace {

const QUrl kWorkUrl(QStringLiteral("https://work.example.com"));
const QUrl kHomeUrl(QStringLiteral("https://home.example.com"));

QString sid(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

SavedTab entry(const QString &profile, int n, const QUrl &base = kWorkUrl)
{
    SavedTab t;
    t.profile = profile;
    t.baseUrl = base;
    t.agentName = QStringLiteral("shell");
    t.sessionId = sid(n);
    t.title = QStringLiteral("tab %1").arg(n);
    return t;
}

QStringList ids(const QList<SavedTab> &tabs)
{
    QStringList out;
    for (const SavedTab &t : tabs)
        out << t.profile + QLatin1Char(':') + t.sessionId.right(2);
    return out;
}

} // namespace

class TestTabStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<QSettings> m_settings;

    // The file as the next start reads it: through another QSettings object.
    QList<SavedTab> onDisk() const
    {
        QSettings s(m_path, QSettings::IniFormat);
        return loadSavedTabs(s);
    }

private slots:
    void init()
    {
        static int n = 0;
        m_path = m_dir.filePath(QStringLiteral("tabs-%1.ini").arg(++n));
        m_settings = std::make_unique<QSettings>(m_path, QSettings::IniFormat);
    }

    void mergeKeepsWhatItDidNotTouch()
    {
        const QList<SavedTab> saved{entry(QStringLiteral("work"), 1),
                                    entry(QStringLiteral("home"), 2, kHomeUrl),
                                    entry(QStringLiteral("work"), 3)};
        // Nothing to change: the list as it was, in its order.
        QCOMPARE(mergeSavedTabs(saved, {}, {}), saved);
        // Another profile's tab with the same session is another tab.
        SavedTab other = entry(QStringLiteral("environment"), 1);
        QCOMPARE(ids(mergeSavedTabs(saved, {}, {other})),
                 (QStringList{QStringLiteral("work:01"), QStringLiteral("home:02"),
                              QStringLiteral("work:03"), QStringLiteral("environment:01")}));
        QCOMPARE(ids(mergeSavedTabs(saved, {other}, {})), ids(saved));
        // An update replaces in place.
        SavedTab renamed = entry(QStringLiteral("work"), 1);
        renamed.title = QStringLiteral("renamed");
        const QList<SavedTab> merged = mergeSavedTabs(saved, {}, {renamed});
        QCOMPARE(ids(merged), ids(saved));
        QCOMPARE(merged.first().title, QStringLiteral("renamed"));
        // A drop removes only that profile's entry; a put of the same tab wins over its drop.
        QCOMPARE(ids(mergeSavedTabs(saved, {entry(QStringLiteral("work"), 3)}, {})),
                 (QStringList{QStringLiteral("work:01"), QStringLiteral("home:02")}));
        QCOMPARE(ids(mergeSavedTabs(saved, {renamed}, {renamed})), ids(saved));
        // Entries without a session are never written; repeated entries of a file come once.
        QCOMPARE(mergeSavedTabs({}, {}, {SavedTab{}}).size(), 0);
        QCOMPARE(ids(mergeSavedTabs(saved + saved, {}, {})), ids(saved));
    }

    void mergeKeepsTheNewestWhenFull()
    {
        QList<SavedTab> saved;
        for (int i = 0; i < kMaxSavedTabs; ++i)
            saved << entry(QStringLiteral("work"), i);
        const QList<SavedTab> merged =
            mergeSavedTabs(saved, {}, {entry(QStringLiteral("home"), 999)});
        QCOMPARE(merged.size(), kMaxSavedTabs);
        QCOMPARE(merged.first().sessionId, sid(1));
        QCOMPARE(merged.last().sessionId, sid(999));
    }

    void worthRestoring()
    {
        QVERIFY(!isWorthRestoring(QString(), false, LapError::Kind::None));
        QVERIFY(isWorthRestoring(sid(1), false, LapError::Kind::None));
        for (LapError::Kind k :
             {LapError::Kind::Network, LapError::Kind::Timeout, LapError::Kind::Server,
              LapError::Kind::TtyUpgrade, LapError::Kind::TtyConnect, LapError::Kind::Tls,
              LapError::Kind::Auth})
            QVERIFY2(isWorthRestoring(sid(1), true, k), qPrintable(QString::number(int(k))));
        for (LapError::Kind k :
             {LapError::Kind::SessionFailed, LapError::Kind::NotFound, LapError::Kind::NoTtyUrl,
              LapError::Kind::StartTimeout, LapError::Kind::Cancelled})
            QVERIFY2(!isWorthRestoring(sid(1), true, k), qPrintable(QString::number(int(k))));
    }

    void whatASignInBringsBack()
    {
        SavedTab legacy = entry(QStringLiteral("work"), 4, QUrl()); // an older file
        const QList<SavedTab> saved{entry(QStringLiteral("work"), 1),
                                    entry(QStringLiteral("work"), 2, kHomeUrl),
                                    entry(QStringLiteral("home"), 3, kHomeUrl),
                                    legacy,
                                    entry(QStringLiteral("environment"), 5, kWorkUrl),
                                    entry(QStringLiteral("environment"), 6, kHomeUrl)};
        QCOMPARE(ids(savedTabsFor(saved, QStringLiteral("work"), kWorkUrl, false)),
                 (QStringList{QStringLiteral("work:01"), QStringLiteral("work:02"),
                              QStringLiteral("work:04")}));
        QCOMPARE(ids(savedTabsFor(saved, QStringLiteral("environment"), kHomeUrl, true)),
                 QStringList{QStringLiteral("environment:06")});
        QCOMPARE(savedTabsFor(saved, QStringLiteral("nobody"), kWorkUrl, false).size(), 0);
    }

    void aRunChangesOnlyItsOwnTabs()
    {
        // Profile work saved one tab in an earlier run.
        saveTabs(*m_settings, {entry(QStringLiteral("work"), 1)});
        m_settings->sync();

        // A run signed in from the environment on the same platform opens and closes tabs.
        {
            QSettings s(m_path, QSettings::IniFormat);
            TabStore store(&s);
            QObject a, b;
            store.update(&a, entry(QStringLiteral("environment"), 7), true);
            store.update(&b, entry(QStringLiteral("environment"), 8), true);
            store.flush();
            QCOMPARE(ids(onDisk()),
                     (QStringList{QStringLiteral("work:01"), QStringLiteral("environment:07"),
                                  QStringLiteral("environment:08")}));
            store.remove(&a);
            store.flush();
        }
        QCOMPARE(ids(onDisk()),
                 (QStringList{QStringLiteral("work:01"), QStringLiteral("environment:08")}));
        QCOMPARE(ids(TabStore(m_settings.get()).savedFor(QStringLiteral("work"), kWorkUrl, false)),
                 QStringList{QStringLiteral("work:01")});
    }

    void aTabKeepsItsProfileAfterASwitch()
    {
        TabStore store(m_settings.get());
        QObject a;
        store.update(&a, entry(QStringLiteral("work"), 1), true);
        store.flush();
        // The window now signs in as home; the open tab is still work's and is saved as such.
        SavedTab again = entry(QStringLiteral("work"), 1);
        again.title = QStringLiteral("still work");
        store.update(&a, again, true);
        QObject b;
        store.update(&b, entry(QStringLiteral("home"), 2, kHomeUrl), true);
        store.flush();
        QCOMPARE(ids(onDisk()),
                 (QStringList{QStringLiteral("work:01"), QStringLiteral("home:02")}));
        QCOMPARE(onDisk().first().title, QStringLiteral("still work"));
    }

    void aNewSessionReplacesTheOldAndADeadOneGoes()
    {
        TabStore store(m_settings.get());
        QObject a;
        store.update(&a, entry(QStringLiteral("work"), 1), true);
        store.flush();
        // "Open agent again": no session while it starts (nothing to save), then a new one.
        SavedTab starting = entry(QStringLiteral("work"), 1);
        starting.sessionId.clear();
        store.update(&a, starting, true);
        store.update(&a, entry(QStringLiteral("work"), 2), true);
        store.flush();
        QCOMPARE(ids(onDisk()), QStringList{QStringLiteral("work:02")});
        store.update(&a, entry(QStringLiteral("work"), 2), false); // its session died
        store.flush();
        QCOMPARE(onDisk().size(), 0);
    }

    void aRestoredTabIsNotWrittenUntilItChanges()
    {
        saveTabs(*m_settings, {entry(QStringLiteral("work"), 1), entry(QStringLiteral("work"), 2)});
        TabStore store(m_settings.get());
        QObject a;
        store.adopt(&a, entry(QStringLiteral("work"), 2));
        store.update(&a, entry(QStringLiteral("work"), 2), true);
        QVERIFY(!store.hasPendingWrite());
        QCOMPARE(store.writeCount(), 0);
        store.remove(&a);
        store.flush();
        QCOMPARE(ids(onDisk()), QStringList{QStringLiteral("work:01")});
    }

    void changesAreWrittenFromTheEventLoopAndMergedWithOtherWriters()
    {
        TabStore store(m_settings.get());
        QSignalSpy written(&store, &TabStore::written);
        QObject a;
        store.update(&a, entry(QStringLiteral("work"), 1), true);
        SavedTab titled = entry(QStringLiteral("work"), 1);
        titled.title = QStringLiteral("titled");
        store.update(&a, titled, true);
        QVERIFY(store.hasPendingWrite());
        QVERIFY(written.wait(5000));
        QCOMPARE(store.writeCount(), 1); // both changes of one turn in one write
        QCOMPARE(onDisk().value(0).title, QStringLiteral("titled"));

        // Another process writes its tab meanwhile; the next write of this run keeps it.
        {
            QSettings other(m_path, QSettings::IniFormat);
            saveTabs(other, loadSavedTabs(other) << entry(QStringLiteral("environment"), 9));
        }
        QObject b;
        store.update(&b, entry(QStringLiteral("work"), 2), true);
        QVERIFY(written.wait(5000));
        QCOMPARE(ids(onDisk()),
                 (QStringList{QStringLiteral("work:01"), QStringLiteral("environment:09"),
                              QStringLiteral("work:02")}));
    }

    void readsTheFormatOfEarlierVersions()
    {
        // As written before tabs carried their platform: no base URL for the profile's own.
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[restore]\ntabs\\size=1\ntabs\\1\\profile=work\ntabs\\1\\sessionId=" +
                sid(1).toLatin1() + "\ntabs\\1\\baseUrl=\ntabs\\1\\title=old\n");
        f.close();
        m_settings = std::make_unique<QSettings>(m_path, QSettings::IniFormat);
        TabStore store(m_settings.get());
        const QList<SavedTab> back = store.savedFor(QStringLiteral("work"), kWorkUrl, false);
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.first().title, QStringLiteral("old"));
        QVERIFY(!back.first().baseUrl.isValid());
    }
};

QTEST_GUILESS_MAIN(TestTabStore)
#include "tst_tabstore.moc"
