// SPDX-License-Identifier: GPL-2.0-or-later
#include "profilestore.h"

#include "platformclient.h"

namespace lap {

namespace {

const char kGroup[] = "profiles";
const char kList[] = "list";
const char kActive[] = "active";
// Far more profiles than anyone keeps; bounds the loop below when a corrupted or hand-edited
// file claims list/size=2000000000: startup would hang (tests/fuzz, corpus huge_size.ini).
const int kMaxProfiles = 1000;

void writeProfiles(QSettings *settings, const QList<Profile> &list)
{
    settings->beginGroup(QLatin1String(kGroup));
    // An array, not one key per name: a profile name may contain '/' or any other character.
    settings->remove(QLatin1String(kList));
    settings->beginWriteArray(QLatin1String(kList), list.size());
    for (int i = 0; i < list.size(); ++i) {
        settings->setArrayIndex(i);
        settings->setValue(QStringLiteral("name"), list.at(i).name);
        settings->setValue(QStringLiteral("baseUrl"), list.at(i).baseUrl.toString());
    }
    settings->endArray();
    settings->endGroup();
}

} // namespace

Profile profileOfOrigin(const QList<Profile> &profiles, const QUrl &url)
{
    for (const Profile &p : profiles) {
        if (sameOrigin(p.baseUrl, url))
            return p;
    }
    return {};
}

ProfileStore::ProfileStore(QSettings *settings) : m_settings(settings) {}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> out;
    m_settings->beginGroup(QLatin1String(kGroup));
    const int n = qMin(m_settings->beginReadArray(QLatin1String(kList)), kMaxProfiles);
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        Profile p;
        p.name = m_settings->value(QStringLiteral("name")).toString();
        p.baseUrl = QUrl(m_settings->value(QStringLiteral("baseUrl")).toString());
        if (!p.name.isEmpty())
            out << p;
    }
    m_settings->endArray();
    m_settings->endGroup();
    return out;
}

Profile ProfileStore::profile(const QString &name) const
{
    for (const Profile &p : profiles()) {
        if (p.name == name)
            return p;
    }
    return {};
}

void ProfileStore::save(const Profile &profile)
{
    if (profile.name.isEmpty())
        return;
    QList<Profile> list = profiles();
    bool replaced = false;
    for (Profile &p : list) {
        if (p.name == profile.name) {
            p = profile;
            replaced = true;
        }
    }
    if (!replaced)
        list << profile;
    writeProfiles(m_settings, list);
}

void ProfileStore::remove(const QString &name)
{
    QList<Profile> list = profiles();
    for (int i = list.size() - 1; i >= 0; --i) {
        if (list.at(i).name == name)
            list.removeAt(i);
    }
    writeProfiles(m_settings, list);
    if (activeName() == name)
        m_settings->remove(QLatin1String(kGroup) + QLatin1Char('/') + QLatin1String(kActive));
}

QString ProfileStore::activeName() const
{
    return m_settings->value(QLatin1String(kGroup) + QLatin1Char('/') + QLatin1String(kActive))
        .toString();
}

void ProfileStore::setActiveName(const QString &name)
{
    m_settings->setValue(QLatin1String(kGroup) + QLatin1Char('/') + QLatin1String(kActive), name);
}

Profile ProfileStore::active() const
{
    const QList<Profile> list = profiles();
    const QString name = activeName();
    for (const Profile &p : list) {
        if (p.name == name)
            return p;
    }
    return list.isEmpty() ? Profile{} : list.first();
}

} // namespace lap
