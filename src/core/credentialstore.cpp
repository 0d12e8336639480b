// SPDX-License-Identifier: GPL-2.0-or-later
#include "credentialstore.h"

#include <QCoreApplication>
#include <QtGlobal>

#if QT_VERSION_MAJOR >= 6
#include <qt6keychain/keychain.h>
#else
#include <qt5keychain/keychain.h>
#endif

namespace lap {

namespace {

// What went wrong with the keychain, as far as the user can do something about it.
enum class KeychainProblem
{
    NoBus,
    NoProvider,
    Locked,
    NotFound,
    Other
};

// QtKeychain reports most libsecret/D-Bus failures as OtherError, so the text decides. Every
// pattern below is an errorString captured from QtKeychain 0.13 on Debian 12:
//   no bus:      "Could not connect: No such file or directory" (DBUS_SESSION_BUS_ADDRESS dangling)
//                "Cannot autolaunch D-Bus without X11 $DISPLAY" (no address, no X11)
//   no provider: "The name org.freedesktop.secrets was not provided by any .service files"
//   no keyring:  "Object does not exist at path “/org/freedesktop/secrets/collection/login”"
//   locked:      AccessDenied, "Cannot create an item in a locked collection"
//   not found:   EntryNotFound, "Entry not found"
KeychainProblem classify(int code, const QString &detail)
{
    const auto has = [&detail](const char *s) {
        return detail.contains(QLatin1String(s), Qt::CaseInsensitive);
    };
    if (code == QKeychain::EntryNotFound)
        return KeychainProblem::NotFound;
    if (code == QKeychain::AccessDenied || code == QKeychain::AccessDeniedByUser || has("locked"))
        return KeychainProblem::Locked;
    // Checked before the bus: the ServiceUnknown error name itself contains "DBus".
    if (code == QKeychain::NoBackendAvailable || has("org.freedesktop.secrets") ||
        has("was not provided") || has("ServiceUnknown"))
        return KeychainProblem::NoProvider;
    if (has("D-Bus") || has("DBus") || has("autolaunch") || has("DBUS_SESSION_BUS_ADDRESS") ||
        has("Could not connect"))
        return KeychainProblem::NoBus;
    // The Secret Service is there but has no login keyring to put the key in (a fresh account
    // whose keyring was never created): the fix is the same as for a locked one.
    if (has("collection/login"))
        return KeychainProblem::Locked;
    return KeychainProblem::Other;
}

bool keychainMissing(KeychainProblem p)
{
    return p == KeychainProblem::NoBus || p == KeychainProblem::NoProvider;
}

QString saveAction()
{
    return QCoreApplication::translate("lap", "Saving the master key");
}

QString readAction()
{
    return QCoreApplication::translate("lap", "Reading the master key");
}

QString removeAction()
{
    return QCoreApplication::translate("lap", "Removing the master key");
}

} // namespace

CredentialStore::CredentialStore(QObject *parent, QString service)
    : QObject(parent), m_service(std::move(service))
{}

LapError CredentialStore::keychainError(int code, const QString &detail, const QString &action)
{
    const QString noKeychainHint = QCoreApplication::translate(
        "lap", "The key will be kept in memory for this run only; install and start "
               "gnome-keyring or KWallet to save it.");
    QString message;
    QString hint;
    switch (classify(code, detail)) {
    case KeychainProblem::NoBus:
        message = QCoreApplication::translate(
                      "lap", "%1: no keychain is available (there is no D-Bus session bus).")
                      .arg(action);
        hint = noKeychainHint;
        break;
    case KeychainProblem::NoProvider:
        message =
            QCoreApplication::translate("lap", "%1: no keychain is available (no Secret Service "
                                               "provider such as GNOME Keyring or KWallet is "
                                               "running).")
                .arg(action);
        hint = noKeychainHint;
        break;
    case KeychainProblem::Locked:
        message =
            QCoreApplication::translate("lap", "%1: the keychain is locked or access was denied.")
                .arg(action);
        hint = QCoreApplication::translate("lap", "Unlock your login keyring, then sign in again.");
        break;
    case KeychainProblem::NotFound:
        message =
            QCoreApplication::translate("lap", "%1: no master key is stored for this profile.")
                .arg(action);
        hint = QCoreApplication::translate("lap", "Sign in again.");
        break;
    case KeychainProblem::Other:
        message =
            QCoreApplication::translate("lap", "%1: keychain error (%2).").arg(action, detail);
        break;
    }
    return LapError(LapError::Kind::Keychain, message, hint,
                    QStringLiteral("QtKeychain error %1: %2").arg(code).arg(detail));
}

void CredentialStore::readKey(const QString &profile,
                              std::function<void(const Result<QString> &)> done)
{
    if (m_memoryKeys.contains(profile)) {
        // Asynchronous like the keychain path, so callers see one behaviour.
        const QString key = m_memoryKeys.value(profile);
        QMetaObject::invokeMethod(
            this,
            [done, key] {
                if (done)
                    done(Result<QString>::success(key));
            },
            Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(profile);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        if (!done)
            return;
        if (j->error() != QKeychain::NoError) {
            done(Result<QString>::failure(
                keychainError(j->error(), j->errorString(), readAction())));
            return;
        }
        done(Result<QString>::success(static_cast<QKeychain::ReadPasswordJob *>(j)->textData()));
    });
    job->start();
}

void CredentialStore::writeKey(const QString &profile, const QString &key,
                               std::function<void(const LapError &)> done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(profile);
    job->setTextData(key);
    connect(job, &QKeychain::Job::finished, this, [this, done, profile, key](QKeychain::Job *j) {
        LapError error;
        if (j->error() == QKeychain::NoError) {
            m_memoryKeys.remove(profile);
        } else {
            // With no keychain at all the key stays usable for this run, as the hint promises;
            // a locked keyring is different: the user can fix it and should.
            if (keychainMissing(classify(j->error(), j->errorString())))
                m_memoryKeys.insert(profile, key);
            error = keychainError(j->error(), j->errorString(), saveAction());
        }
        if (done)
            done(error);
    });
    job->start();
}

void CredentialStore::deleteKey(const QString &profile, std::function<void(const LapError &)> done)
{
    const bool hadMemoryKey = m_memoryKeys.remove(profile) > 0;
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(profile);
    connect(job, &QKeychain::Job::finished, this, [done, hadMemoryKey](QKeychain::Job *j) {
        LapError error;
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound) {
            if (keychainMissing(classify(j->error(), j->errorString()))) {
                // With no keychain the only copy lived in memory, and it is gone now. Without
                // one, the key may still sit in a keychain we cannot reach: say so.
                if (!hadMemoryKey) {
                    error = keychainError(j->error(), j->errorString(), removeAction());
                    error.hint = QCoreApplication::translate(
                        "lap", "Nothing was removed; sign out again once the keychain is back.");
                }
            } else {
                error = keychainError(j->error(), j->errorString(), removeAction());
            }
        }
        if (done)
            done(error);
    });
    job->start();
}

} // namespace lap
