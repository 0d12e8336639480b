// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"
#include "tabsnapshot.h"

#include <QList>
#include <QObject>
#include <QPair>

class QSettings;

namespace lap {

// Whether a tab is worth coming back to on the next start: it has a session, and it did not fail
// in a way that says the session is gone or cannot be reached by attaching again. A tab that
// failed on the network, TLS, a rejected key or a WebSocket problem keeps its place: the session
// may well be alive, and the platform being away for a moment must not cost the user a tab.
bool isWorthRestoring(const QString &sessionId, bool failed, LapError::Kind failure);

// Two saved entries stand for the same tab when they belong to the same profile and session.
bool isSameSavedTab(const SavedTab &a, const SavedTab &b);

// The saved list after a run's changes: entries matching one in `drop` go, each of `put` replaces
// the entry it matches in place (the order the user had is kept) or is appended. Everything else
// is kept as it was: a run never removes or relabels a tab it did not open. Beyond kMaxSavedTabs
// the oldest entries go, so that the newest tab is always among those read back.
QList<SavedTab> mergeSavedTabs(const QList<SavedTab> &saved, const QList<SavedTab> &drop,
                               const QList<SavedTab> &put);

// The saved tabs that a sign-in to `profile` on `platform` brings back. A tab saved with another
// base URL than the profile's (a pasted URL) comes back too, except for a sign-in from the
// environment: that one's profile name is the same for every platform, so only its own platform
// counts. An entry without a base URL (written before base URLs were saved) is the profile's own.
QList<SavedTab> savedTabsFor(const QList<SavedTab> &saved, const QString &profile,
                             const QUrl &platform, bool environment);

// The open tabs of one run and what is saved of them for the next start (QSettings group
// "restore", read with the format of tabsnapshot.h). Every change is merged into what is on disk
// (re-read first: another run, e.g. one signed in from the environment, may have written since)
// and written within the same event-loop turn, so a crash loses nothing and one run never wipes
// or relabels the tabs of another run or profile.
class TabStore : public QObject
{
    Q_OBJECT
public:
    // `settings` must outlive the store.
    explicit TabStore(QSettings *settings, QObject *parent = nullptr);
    ~TabStore() override; // writes what is still pending

    // What is saved now, all profiles.
    QList<SavedTab> saved() const;
    // The saved tabs of this sign-in (savedTabsFor()).
    QList<SavedTab> savedFor(const QString &profile, const QUrl &platform, bool environment) const;

    // `tab` (any object that stands for one open tab of this run) is now `entry`. Saved when that
    // changed and the tab is worth restoring; when it no longer is, or its session changed, what
    // was saved of it before goes.
    void update(const QObject *tab, const SavedTab &entry, bool worthRestoring);
    // A restored tab: `entry` is what is saved of it already, nothing is written.
    void adopt(const QObject *tab, const SavedTab &entry);
    // The user closed the tab: it does not come back.
    void remove(const QObject *tab);
    // Writes pending changes now (also done from the event loop and on destruction).
    void flush();
    bool hasPendingWrite() const { return m_writePending; }
    // Writes done since construction.
    int writeCount() const { return m_writes; }

signals:
    // The file holds this run's changes.
    void written();

private:
    int indexOf(const QObject *tab) const;
    void scheduleWrite();

    QSettings *m_settings;
    QList<QPair<const QObject *, SavedTab>> m_open; // in the order the tabs were opened
    QList<SavedTab> m_dropped;
    bool m_writePending = false;
    int m_writes = 0;
};

} // namespace lap
