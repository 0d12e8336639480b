// SPDX-License-Identifier: GPL-2.0-or-later
// The keychain error sentences and the keychain itself: a real Secret Service round trip (needs the
// session bus .ci/run provides), plus child processes that see no bus / no Secret Service at all.
#include "credentialstore.h"
#include "laptest.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <cstdio>

using namespace lap;
using laptest::deleteKeySync;
using laptest::readKeySync;
using laptest::writeKeySync;

namespace {

constexpr int kWait = 20000;
const char kProbeArg[] = "--keychain-probe";
const QString kTestService = QStringLiteral("lap-desktop-test");
const QString kNoKeychainHint =
    QStringLiteral("The key will be kept in memory for this run only; install and start "
                   "gnome-keyring or KWallet to save it.");

// Run in a child whose environment has no usable keychain: prints what the user would read,
// and whether the key is still usable for this run.
int keychainProbe()
{
    CredentialStore store(nullptr, kTestService);
    const QString key = QStringLiteral("sk-probe-secret");
    const LapError e = writeKeySync(store, QStringLiteral("probe"), key);
    const Result<QString> back = readKeySync(store, QStringLiteral("probe"));
    std::printf("message: %s\nhint: %s\nin-memory: %s\nread-back: %s\nleaks-key: %s\n",
                qPrintable(e.message), qPrintable(e.hint),
                store.isKeptInMemory(QStringLiteral("probe")) ? "yes" : "no",
                back.ok() && back.value == key ? "same key" : qPrintable(back.error.message),
                (e.text() + e.detail).contains(key) ? "yes" : "no");
    return 0;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return path;
}

} // namespace

class TstCredentialStore : public QObject
{
    Q_OBJECT
private slots:
    void keychainErrorMapping_data();
    void keychainErrorMapping();
    void realKeychainRoundTrip();
    void noSessionBus();
    void noSecretService();
};

void TstCredentialStore::keychainErrorMapping_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("hint");
    const QString save = QStringLiteral("Saving the master key");
    const QString read = QStringLiteral("Reading the master key");
    const QString noBus =
        QStringLiteral(": no keychain is available (there is no D-Bus session bus).");
    const QString noProvider = QStringLiteral(
        ": no keychain is available (no Secret Service provider such as GNOME Keyring or KWallet "
        "is running).");
    const QString locked = QStringLiteral(": the keychain is locked or access was denied.");
    const QString unlockHint = QStringLiteral("Unlock your login keyring, then sign in again.");

    // Every detail string below was produced by QtKeychain 0.13 on Debian 12 (see
    // credentialstore.cpp for the situation behind each).
    QTest::newRow("bus address dangling")
        << 7 << QStringLiteral("Could not connect: No such file or directory") << save
        << save + noBus << kNoKeychainHint;
    QTest::newRow("no bus, no X11")
        << 7 << QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY") << read
        << read + noBus << kNoKeychainHint;
    QTest::newRow("bus address named") << 7 << QStringLiteral("DBUS_SESSION_BUS_ADDRESS is not set")
                                       << save << save + noBus << kNoKeychainHint;
    QTest::newRow("no secret service")
        << 7
        << QStringLiteral("The name org.freedesktop.secrets was not provided by any .service files")
        << save << save + noProvider << kNoKeychainHint;
    QTest::newRow("no backend") << 5 << QStringLiteral("No keychain service available") << save
                                << save + noProvider << kNoKeychainHint;
    QTest::newRow("locked collection")
        << 4 << QStringLiteral("Cannot create an item in a locked collection") << save
        << save + locked << unlockHint;
    QTest::newRow("denied by user")
        << 3 << QStringLiteral("User denied access") << read << read + locked << unlockHint;
    QTest::newRow("no login keyring")
        << 7
        << QStringLiteral("Object does not exist at path "
                          "\u201c/org/freedesktop/secrets/collection/login\u201d")
        << save << save + locked << unlockHint;
    QTest::newRow("not found") << 1 << QStringLiteral("Entry not found") << read
                               << read +
                                      QStringLiteral(": no master key is stored for this profile.")
                               << QStringLiteral("Sign in again.");
    QTest::newRow("other")
        << 2 << QStringLiteral("Could not delete entry")
        << QStringLiteral("Removing the master key")
        << QStringLiteral("Removing the master key: keychain error (Could not delete entry).")
        << QString();
}

void TstCredentialStore::keychainErrorMapping()
{
    QFETCH(int, code);
    QFETCH(QString, detail);
    QFETCH(QString, action);
    QFETCH(QString, message);
    QFETCH(QString, hint);
    const LapError e = CredentialStore::keychainError(code, detail, action);
    QCOMPARE(e.kind, LapError::Kind::Keychain);
    QCOMPARE(e.message, message);
    QCOMPARE(e.hint, hint);
    QVERIFY(e.detail.contains(detail)); // the raw text stays available for "Copy details"
}

void TstCredentialStore::realKeychainRoundTrip()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS unset): run the suite under "
              "dbus-run-session with an unlocked gnome-keyring, as .ci/run does.");
    CredentialStore store(nullptr, kTestService);
    const QString profile =
        QStringLiteral("tst-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString key = QStringLiteral("sk-τest-%1").arg(QUuid::createUuid().toString());

    const LapError written = writeKeySync(store, profile, key);
    QVERIFY2(!written.isError(), qPrintable(written.text()));
    QVERIFY(!store.isKeptInMemory(profile));

    // A second store: the key must come from the keychain, not from this object's memory.
    CredentialStore other(nullptr, kTestService);
    const Result<QString> read = readKeySync(other, profile);
    QVERIFY2(read.ok(), qPrintable(read.error.text()));
    QCOMPARE(read.value, key);

    // Overwrite.
    QVERIFY(!writeKeySync(store, profile, key + QStringLiteral("2")).isError());
    QCOMPARE(readKeySync(other, profile).value, key + QStringLiteral("2"));

    const LapError deleted = deleteKeySync(store, profile);
    QVERIFY2(!deleted.isError(), qPrintable(deleted.text()));
    const Result<QString> gone = readKeySync(other, profile);
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error.kind, LapError::Kind::Keychain);
    QCOMPARE(gone.error.message,
             QStringLiteral("Reading the master key: no master key is stored for this profile."));
    QCOMPARE(gone.error.hint, QStringLiteral("Sign in again."));

    // Deleting what is not there is not an error.
    const LapError again = deleteKeySync(store, profile);
    QVERIFY2(!again.isError(), qPrintable(again.text()));
}

void TstCredentialStore::noSessionBus()
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent/lap-test/bus"));
    env.remove(QStringLiteral("DISPLAY"));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kProbeArg)});
    QVERIFY(child.waitForFinished(kWait * 2));
    QCOMPARE(child.exitCode(), 0);
    const QString out = QString::fromUtf8(child.readAllStandardOutput());
    QCOMPARE(out, QStringLiteral("message: Saving the master key: no keychain is available (there "
                                 "is no D-Bus session bus).\n"
                                 "hint: ") +
                      kNoKeychainHint +
                      QStringLiteral("\nin-memory: yes\nread-back: same key\nleaks-key: no\n"));
}

void TstCredentialStore::noSecretService()
{
    const QString runner = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
    if (runner.isEmpty() || QStandardPaths::findExecutable(QStringLiteral("dbus-daemon")).isEmpty())
        QSKIP("dbus-run-session / dbus-daemon not installed");
    // A private session bus without any .service directory: nothing can provide
    // org.freedesktop.secrets, as on a desktop without GNOME Keyring or KWallet.
    QTemporaryDir dir;
    const QString conf =
        writeFile(dir, QStringLiteral("session.conf"), R"(<!DOCTYPE busconfig PUBLIC
 "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)");
    QProcess child;
    child.start(runner, {QStringLiteral("--config-file=") + conf, QStringLiteral("--"),
                         QCoreApplication::applicationFilePath(), QString::fromLatin1(kProbeArg)});
    QVERIFY(child.waitForFinished(kWait * 2));
    QCOMPARE(child.exitCode(), 0);
    const QString out = QString::fromUtf8(child.readAllStandardOutput());
    QCOMPARE(out, QStringLiteral("message: Saving the master key: no keychain is available (no "
                                 "Secret Service provider such as GNOME Keyring or KWallet is "
                                 "running).\n"
                                 "hint: ") +
                      kNoKeychainHint +
                      QStringLiteral("\nin-memory: yes\nread-back: same key\nleaks-key: no\n"));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], kProbeArg) == 0)
        return keychainProbe();
    TstCredentialStore tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_credentialstore.moc"
