// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "credentialstore.h"
#include "laperror.h"
#include "models.h"
#include "profilestore.h"
#include "signout.h"

#include <QDialog>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QNetworkAccessManager;
class QPushButton;

namespace Ui {
class SignInDialog;
}

namespace lap {

class PlatformCall;
class PlatformClient;

// Signs in to a platform: profile name, URL and master key are checked with GET /agents?limit=1
// before anything is saved; then the key goes to the keychain (never to a file) and the profile
// (name + URL) to QSettings and becomes the active one. Without a usable keychain the user may
// continue with the key held in memory for this run only. Can import the lap CLI's plaintext
// ~/.lap/config.json and then offers to delete it.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(QNetworkAccessManager *nam, ProfileStore *profiles, CredentialStore *keys,
                 QWidget *parent = nullptr);
    ~SignInDialog() override;

    // Valid after the dialog was accepted: the saved, now active profile and its key.
    Profile profile() const { return m_profile; }
    QString masterKey() const { return m_masterKey; }
    // False when the user chose to continue with the key in memory only.
    bool keySavedInKeychain() const { return m_keySavedInKeychain; }

    // Preselects a profile by name (a saved one fills in its URL), e.g. to sign in again after
    // the key was rejected.
    void setProfileName(const QString &name);
    // Why the user is asked to sign in (e.g. the saved key was rejected), shown like an error
    // until the next attempt.
    void setMessage(const QString &text);
    // Extra CA certificates (PEM) to trust while checking the key (AppSettings::caFile).
    void setCaFile(const QString &path) { m_caFile = path; }
    // Fills URL and key from a lap CLI config file. On failure shows why and returns false.
    bool importCliConfig(const QString &path);

    void reject() override;
    void done(int result) override;

private:
    enum class Stage
    {
        Editing,
        Checking,
        SavingKey,
        KeychainChoice,
        Finishing
    };

    void startSignIn();
    void onChecked(const LapError &error);
    void onKeyWritten(const LapError &error);
    void continueWithoutKeychain();
    void backToEditing();
    void finish();
    void offerCliConfigDeletion();
    void deleteCliConfig();
    void chooseCliConfig();
    void onProfileActivated(int index);
    void setStage(Stage stage, const QString &busyText = {});
    void showError(const QString &text, const QString &detail = {});
    void clearMessages();
    void updateImportHint();
    void setKeyVisible(bool visible);
    void growToFit();

    ProfileStore *m_profiles;
    CredentialStore *m_keys;
    std::unique_ptr<Ui::SignInDialog> m_ui;
    QPushButton *m_signInButton = nullptr;
    QAction *m_showKeyAction = nullptr;
    PlatformClient *m_client = nullptr;
    QPointer<PlatformCall> m_call;
    Stage m_stage = Stage::Editing;
    QString m_caFile;
    QString m_importedPath;

    Profile m_pendingProfile;
    QString m_pendingKey; // secret: only in memory, never logged or shown
    Profile m_profile;
    QString m_masterKey; // secret
    bool m_keySavedInKeychain = false;
};

// Kept for mainwindow.cpp until it calls signOut() (signout.h) itself.
struct SignOut
{
    static void run(CredentialStore *keys, ProfileStore *profiles, const QString &profileName,
                    bool forgetProfile, std::function<void(const LapError &)> done)
    {
        signOut(keys, profiles, profileName, forgetProfile, std::move(done));
    }
};

} // namespace lap
