// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"

#include <QHash>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace lap {

// A saved platform: its name and URL live in QSettings, its master key in the OS keychain.
struct Profile
{
    QString name;
    QUrl baseUrl;
    bool isValid() const { return !name.isEmpty() && baseUrl.isValid(); }
};

// The first of profiles whose platform is on url's origin (its key may go there), else invalid.
Profile profileOfOrigin(const QList<Profile> &profiles, const QUrl &url);

// Non-secret profile data in QSettings (group "profiles"). Never stores a key.
class ProfileStore
{
public:
    explicit ProfileStore(QSettings *settings);

    QList<Profile> profiles() const;
    Profile profile(const QString &name) const; // invalid if unknown
    void save(const Profile &profile);          // adds or replaces by name
    void remove(const QString &name);
    QString activeName() const;
    void setActiveName(const QString &name);
    Profile active() const; // the active profile, else the first one, else invalid

private:
    QSettings *m_settings;
};

// The master key in the OS keychain through QtKeychain (Secret Service, KWallet, macOS
// Keychain, Windows Credential Store). Service "lap-desktop", key = profile name.
// Errors are turned into sentences that say what is missing and what to do (no D-Bus session,
// no Secret Service provider, locked keyring, access denied).
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    explicit CredentialStore(QObject *parent = nullptr,
                             QString service = QStringLiteral("lap-desktop"));

    void readKey(const QString &profile, std::function<void(const Result<QString> &)> done);
    void writeKey(const QString &profile, const QString &key,
                  std::function<void(const LapError &)> done);
    // Deleting a key that is not there is not an error.
    void deleteKey(const QString &profile, std::function<void(const LapError &)> done);

    // True when the last writeKey() found no keychain at all (no D-Bus session bus, no Secret
    // Service) and kept the key in this object's memory instead: it is gone when the app quits.
    bool isKeptInMemory(const QString &profile) const { return m_memoryKeys.contains(profile); }

    // QtKeychain error code + its errorString → our message. Exposed for tests.
    static LapError keychainError(int code, const QString &detail, const QString &action);

private:
    QString m_service;
    // Keys that could not be saved because no keychain exists; see isKeptInMemory().
    QHash<QString, QString> m_memoryKeys;
};

// The reference CLI's plaintext config (~/.lap/config.json: {"base","key"}).
struct CliConfig
{
    QString path;
    QUrl base;
    QString key;
};
QString defaultCliConfigPath();
Result<CliConfig> readCliConfig(const QString &path);

} // namespace lap
