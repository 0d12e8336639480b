// SPDX-License-Identifier: GPL-2.0-or-later
// ProfileStore on a real ini file.
#include "profilestore.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace lap;

class TstProfileStore : public QObject
{
    Q_OBJECT
private slots:
    void profileStoreRoundTrip();
    void profileStoreActiveFallsBack();
};

void TstProfileStore::profileStoreRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ini = dir.filePath(QStringLiteral("lap.ini"));
    {
        QSettings settings(ini, QSettings::IniFormat);
        ProfileStore store(&settings);
        QVERIFY(store.profiles().isEmpty());
        QVERIFY(!store.active().isValid());
        store.save({QStringLiteral("work"), QUrl(QStringLiteral("https://lap.example.com"))});
        // Names are free text: '/' and '=' must not turn into settings groups or break the file.
        store.save(
            {QStringLiteral("lab/staging = b"), QUrl(QStringLiteral("http://127.0.0.1:3000"))});
        store.setActiveName(QStringLiteral("lab/staging = b"));
        // Replaced by name, not appended.
        store.save(
            {QStringLiteral("work"), QUrl(QStringLiteral("https://lap2.example.com/prefix"))});
    }
    QSettings settings(ini, QSettings::IniFormat);
    ProfileStore store(&settings);
    const QList<Profile> all = store.profiles();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).name, QStringLiteral("work"));
    QCOMPARE(all.at(0).baseUrl, QUrl(QStringLiteral("https://lap2.example.com/prefix")));
    QCOMPARE(all.at(1).name, QStringLiteral("lab/staging = b"));
    QCOMPARE(all.at(1).baseUrl, QUrl(QStringLiteral("http://127.0.0.1:3000")));
    QCOMPARE(store.activeName(), QStringLiteral("lab/staging = b"));
    QCOMPARE(store.active().name, QStringLiteral("lab/staging = b"));
    QCOMPARE(store.profile(QStringLiteral("work")).baseUrl.host(),
             QStringLiteral("lap2.example.com"));
    QVERIFY(!store.profile(QStringLiteral("nope")).isValid());

    QFile f(ini);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY2(text.contains("[profiles]"), text.constData());
    QVERIFY2(!text.toLower().contains("key"), text.constData()); // never a key in QSettings
}

void TstProfileStore::profileStoreActiveFallsBack()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("lap.ini")), QSettings::IniFormat);
    ProfileStore store(&settings);
    store.save({QStringLiteral("a"), QUrl(QStringLiteral("https://a.example"))});
    store.save({QStringLiteral("b"), QUrl(QStringLiteral("https://b.example"))});
    store.setActiveName(QStringLiteral("b"));
    QCOMPARE(store.active().name, QStringLiteral("b"));
    store.remove(QStringLiteral("b"));
    QCOMPARE(store.activeName(), QString());
    QCOMPARE(store.active().name, QStringLiteral("a")); // the first one
    QCOMPARE(store.profiles().size(), 1);
    store.setActiveName(QStringLiteral("gone"));
    QCOMPARE(store.active().name, QStringLiteral("a"));
    store.remove(QStringLiteral("a"));
    QVERIFY(!store.active().isValid());
}

QTEST_GUILESS_MAIN(TstProfileStore)
#include "tst_profilestore.moc"
