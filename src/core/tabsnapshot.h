// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QUrl>

class QSettings;

namespace lap {

// One open terminal tab as it is remembered across a restart: enough to reattach to the same
// session (or, when it died, to say why and offer to open the agent anew). Never a secret:
// the master key stays in the keychain and the tty token is fetched with the session.
struct SavedTab
{
    QString profile;   // the sign-in profile the tab belonged to; empty = the active one
    QUrl baseUrl;      // the platform of the tab; empty in files written before it was saved
    QString agentName; // for display and for "open the agent anew"
    QString agentId;
    QString sessionId;
    QString title;

    bool operator==(const SavedTab &o) const
    {
        return profile == o.profile && baseUrl == o.baseUrl && agentName == o.agentName &&
               agentId == o.agentId && sessionId == o.sessionId && title == o.title;
    }
};

// More tabs than this in the settings file means it was edited or corrupted; the rest is
// ignored rather than reattached by the hundred.
constexpr int kMaxSavedTabs = 100;

// Reads the tabs saved by saveTabs() (group "restore", array "tabs"; relative to the group the
// settings object currently has open). Entries that cannot be reattached are skipped: a
// session id that is empty or not a session id, or a base URL that is not http(s) with a host.
QList<SavedTab> loadSavedTabs(const QSettings &settings);
// Replaces what was saved before. Tabs without a session id are not written.
void saveTabs(QSettings &settings, const QList<SavedTab> &tabs);

} // namespace lap
