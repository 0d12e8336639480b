// SPDX-License-Identifier: GPL-2.0-or-later
#include "signinflow.h"

#include "credentialstore.h"
#include "signindialog.h"

#include <QCoreApplication>
#include <QPointer>
#include <QWidget>

namespace lap {

namespace {

// These strings were MainWindow's: they keep its translation context, and so their translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(lap::MainWindow)
};

} // namespace

SignInFlow::SignInFlow(const AppServices &services, QWidget *dialogParent)
    : QObject(dialogParent), m_services(services), m_dialogParent(dialogParent)
{}

QString SignInFlow::environmentProfile()
{
    return QStringLiteral("environment");
}

PlatformConfig SignInFlow::configFor(const QUrl &base) const
{
    PlatformConfig c;
    c.baseUrl = base;
    c.caFile = m_caFile;
    return c;
}

void SignInFlow::start(const LaunchOptions &options)
{
    if (options.hasEnvironmentSignIn()) {
        PlatformConfig c = configFor(options.envBaseUrl);
        c.masterKey = options.envMasterKey;
        emit signedIn(c, environmentProfile());
        return;
    }
    const Profile p = options.profile.isEmpty() ? m_services.profiles->active()
                                                : m_services.profiles->profile(options.profile);
    if (!options.profile.isEmpty() && !p.isValid()) {
        ask(Text::tr("No saved platform profile named '%1'.").arg(options.profile));
        return;
    }
    if (!p.isValid()) {
        ask();
        return;
    }
    readKeyAndSignIn(p);
}

void SignInFlow::readKeyAndSignIn(const Profile &profile)
{
    emit progress(Text::tr("Reading the master key for %1 from the keychain…")
                      .arg(profile.baseUrl.toString()));
    m_services.keys->readKey(profile.name, [this, profile](const Result<QString> &r) {
        if (!r.ok()) {
            ask(r.error.text());
            return;
        }
        PlatformConfig c = configFor(profile.baseUrl);
        c.masterKey = r.value;
        emit signedIn(c, profile.name);
    });
}

void SignInFlow::useKeyOfOrigin(const QList<Profile> &profiles, const PlatformConfig &config,
                                QObject *context,
                                const std::function<void(const PlatformConfig &, bool)> &then)
{
    const Profile owner =
        config.needsKeyConsent() ? profileOfOrigin(profiles, config.baseUrl) : Profile();
    if (!owner.isValid() || !m_services.keys) {
        then(config, false);
        return;
    }
    // A saved profile is for that platform: its own key is the one to send, no question asked.
    QPointer<QObject> guard(context);
    m_services.keys->readKey(owner.name, [guard, config, owner, then](const Result<QString> &key) {
        if (!guard)
            return;
        if (!key.ok() || key.value.isEmpty()) {
            then(config, false);
            return;
        }
        PlatformConfig own = config;
        own.masterKey = key.value;
        own.keyHome = owner.baseUrl;
        then(own, true);
    });
}

void SignInFlow::ask(const QString &reason)
{
    SignInDialog dialog(m_services.nam, m_services.profiles, m_services.keys, m_dialogParent);
    dialog.setCaFile(m_caFile);
    if (!m_currentProfile.isEmpty())
        dialog.setProfileName(m_currentProfile);
    if (!reason.isEmpty())
        dialog.setMessage(reason);
    if (dialog.exec() != QDialog::Accepted) {
        emit declined(reason);
        return;
    }
    PlatformConfig c = configFor(dialog.profile().baseUrl);
    c.masterKey = dialog.masterKey();
    emit signedIn(c, dialog.profile().name);
    if (!dialog.keySavedInKeychain())
        emit keyKeptInMemory();
}

} // namespace lap
