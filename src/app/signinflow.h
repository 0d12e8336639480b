// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "appservices.h"
#include "launchoptions.h"
#include "platformclient.h"

#include <QObject>
#include <QString>

#include <functional>

class QWidget;

namespace lap {

struct Profile;

// How the window gets signed in: from the environment (LAP_BASE_URL + LAP_MASTER_KEY), from a
// saved profile and its key in the keychain, or through the sign-in dialog. The result comes as
// signedIn(); the window only applies it.
class SignInFlow : public QObject
{
    Q_OBJECT
public:
    // `dialogParent` parents the sign-in dialog (the window).
    SignInFlow(const AppServices &services, QWidget *dialogParent);

    // CA file of the settings, for every config this flow hands out.
    void setCaFile(const QString &path) { m_caFile = path; }
    // The profile the window is signed in with now, preselected in the dialog.
    void setCurrentProfile(const QString &name) { m_currentProfile = name; }

    // Signs in the way the command line and the saved profiles say; asks only when it must.
    // Returns at once when it reads the keychain; the dialog is modal.
    void start(const LaunchOptions &options);
    // The sign-in dialog, with `reason` above the form when not empty.
    void ask(const QString &reason = QString());

    // A config for another origin than its key's (keyHome set) gets the key of the saved profile
    // for that origin among `profiles`, if there is one: `then(config, true)` with that key, else
    // `then(config, false)` unchanged. Not called if `context` is gone by the time the keychain
    // answers.
    void useKeyOfOrigin(const QList<Profile> &profiles, const PlatformConfig &config,
                        QObject *context,
                        const std::function<void(const PlatformConfig &, bool)> &then);

    // The config for a platform at `base` (no key yet).
    PlatformConfig configFor(const QUrl &base) const;
    // The profile name of a sign-in from the environment.
    static QString environmentProfile();

signals:
    void signedIn(const lap::PlatformConfig &config, const QString &profileName);
    // Signed in, but the key could not go to a keychain: it is kept for this run only.
    void keyKeptInMemory();
    // What is going on while the keychain is read.
    void progress(const QString &text);
    // The user closed the dialog without signing in; `reason` is what it said, if anything.
    void declined(const QString &reason);

private:
    void readKeyAndSignIn(const Profile &profile);

    AppServices m_services;
    QWidget *m_dialogParent;
    QString m_caFile;
    QString m_currentProfile;
};

} // namespace lap
