// SPDX-License-Identifier: GPL-2.0-or-later
// The installed experience of single instance: a running lap-desktop (signed in through a saved
// profile and the real keychain) and a second `lap-desktop --agent X` that hands its arguments
// over and exits 0, after which the first one has opened the tab. Real processes, real keychain,
// the local platform in this process.
#include "credentialstore.h"
#include "laptest.h"
#include "localplatform.h"

#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace lap;
using lap::local::LocalPlatform;
using lap::local::LocalPlatformOptions;

class TestSingleInstanceApp : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<LocalPlatform> m_platform;
    QString m_profile;

    QProcessEnvironment childEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("LAP_BASE_URL"));
        env.remove(QStringLiteral("LAP_MASTER_KEY"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("run")));
        return env;
    }

    bool storeKey(const QString &key)
    {
        CredentialStore keys;
        const LapError error = laptest::writeKeySync(keys, m_profile, key, 10000);
        if (error.isError())
            qWarning() << error.text(); // a keychain that did not answer says so here
        return !error.isError() && !keys.isKeptInMemory(m_profile);
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs a session bus with a Secret Service (tools/test provides one)");
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("run")));
        QFile::setPermissions(m_dir.filePath(QStringLiteral("run")), QFileDevice::ReadOwner |
                                                                         QFileDevice::WriteOwner |
                                                                         QFileDevice::ExeOwner);
        LocalPlatformOptions o;
        o.readyDelayMs = 0;
        o.command = laptest::testShell();
        m_platform = std::make_unique<LocalPlatform>(o);
        QString error;
        QVERIFY2(m_platform->start(&error), qPrintable(error));

        // A saved profile, as the sign-in dialog leaves it: URL in the settings file, key in
        // the keychain.
        m_profile =
            QStringLiteral("single-instance-test-%1").arg(QCoreApplication::applicationPid());
        QSettings settings(m_dir.filePath(QStringLiteral("config/lap-desktop/lap-desktop.conf")),
                           QSettings::NativeFormat);
        ProfileStore profiles(&settings);
        profiles.save(Profile{m_profile, m_platform->baseUrl()});
        profiles.setActiveName(m_profile);
        settings.sync();
        QVERIFY(storeKey(m_platform->masterKey()));
    }

    void cleanupTestCase()
    {
        if (m_profile.isEmpty())
            return;
        CredentialStore keys;
        const LapError error = laptest::deleteKeySync(keys, m_profile, 10000);
        // Only a keychain that never answered is a failure (the store's own errors are not
        // Kind::Timeout); a key that is gone already is fine.
        QVERIFY2(error.kind != LapError::Kind::Timeout, qPrintable(error.text()));
    }

    void secondProcessHandsOverAndExits()
    {
        QProcess primary;
        primary.setProcessEnvironment(childEnvironment());
        primary.setProcessChannelMode(QProcess::ForwardedChannels);
        primary.start(QStringLiteral(LAP_DESKTOP_BIN),
                      {QStringLiteral("--agent"), QStringLiteral("shell")});
        QVERIFY(primary.waitForStarted());
        // The primary read its key from the keychain and opened its own tab.
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(), 1, 30000);

        QProcess second;
        second.setProcessEnvironment(childEnvironment());
        second.setProcessChannelMode(QProcess::ForwardedChannels);
        second.start(QStringLiteral(LAP_DESKTOP_BIN),
                     {QStringLiteral("--agent"), QStringLiteral("codex-shell")});
        QVERIFY(second.waitForFinished(20000));
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);

        // The first process opened the second tab: a codex-shell session with a terminal.
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(), 2, 30000);
        const QString codex = LocalPlatform::agentIdForName(QStringLiteral("codex-shell"));
        bool found = false;
        for (const QString &id : m_platform->sessionIds())
            found |=
                m_platform->sessionJson(id).value(QStringLiteral("agent_id")).toString() == codex &&
                m_platform->openTtyCount(id) == 1;
        QVERIFY(found);
        QCOMPARE(primary.state(), QProcess::Running);

        primary.terminate();
        if (!primary.waitForFinished(10000)) {
            primary.kill();
            primary.waitForFinished(5000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(), 0, 20000);
    }
};

QTEST_GUILESS_MAIN(TestSingleInstanceApp)
#include "tst_singleinstance_app.moc"
