// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QSettings>
#include <QString>
#include <QUrl>

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

} // namespace lap
