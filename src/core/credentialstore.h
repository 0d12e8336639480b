// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"
// Not used here: mainwindow.h still takes Profile and ProfileStore from this header.
#include "profilestore.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace lap {

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

} // namespace lap
