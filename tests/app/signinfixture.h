// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// The set-up both sign-in dialog tests share (tst_signindialog, tst_signindialog_nokeychain).

#include "credentialstore.h"
#include "localplatform.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace dlgtest {

class SignInFixture
{
protected:
    QString m_home;
    std::unique_ptr<QTemporaryDir> m_dir; // under HOME, so the secret scan covers it
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<lap::ProfileStore> m_profiles;
    lap::CredentialStore *m_keys = nullptr; // a child of the test object
    QNetworkAccessManager m_nam;
    std::unique_ptr<lap::local::LocalPlatform> m_platform;
    QString m_key;

    // For initTestCase(): the settings file in <HOME>/<dirName>-XXXXXX, a CredentialStore on
    // keychain service `service` owned by `owner`, and a local platform with `masterKey`.
    void setUpSignIn(QObject *owner, const QString &dirName, const QString &service,
                     const QString &masterKey)
    {
        m_home = QDir::homePath();
        m_dir = std::make_unique<QTemporaryDir>(m_home + QLatin1Char('/') + dirName +
                                                QStringLiteral("-XXXXXX"));
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<QSettings>(
            m_dir->filePath(QStringLiteral("lap-desktop.conf")), QSettings::IniFormat);
        m_profiles = std::make_unique<lap::ProfileStore>(m_settings.get());
        m_keys = new lap::CredentialStore(owner, service);

        lap::local::LocalPlatformOptions options;
        options.masterKey = masterKey;
        m_platform = std::make_unique<lap::local::LocalPlatform>(options);
        QString error;
        QVERIFY2(m_platform->start(&error), qPrintable(error));
        m_key = m_platform->masterKey();
        QCOMPARE(m_key, masterKey);
    }

    // For cleanupTestCase().
    void stopPlatform()
    {
        if (m_platform)
            m_platform->stop();
    }
};

} // namespace dlgtest
