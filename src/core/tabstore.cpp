// SPDX-License-Identifier: GPL-2.0-or-later
#include "tabstore.h"

#include <QSettings>
#include <QTimer>

#include <algorithm>

namespace lap {

bool isWorthRestoring(const QString &sessionId, bool failed, LapError::Kind failure)
{
    if (sessionId.isEmpty())
        return false;
    if (!failed)
        return true;
    switch (failure) {
    case LapError::Kind::None:
    case LapError::Kind::Auth:
    case LapError::Kind::Network:
    case LapError::Kind::Tls:
    case LapError::Kind::Timeout:
    case LapError::Kind::Server:
    case LapError::Kind::TtyUpgrade:
    case LapError::Kind::TtyConnect:
    case LapError::Kind::Keychain:
        return true;
    default:
        return false; // dead, not found, no terminal URL, never became ready, ...
    }
}

bool isSameSavedTab(const SavedTab &a, const SavedTab &b)
{
    return a.profile == b.profile && a.sessionId == b.sessionId;
}

QList<SavedTab> mergeSavedTabs(const QList<SavedTab> &saved, const QList<SavedTab> &drop,
                               const QList<SavedTab> &put)
{
    auto matches = [](const QList<SavedTab> &list, const SavedTab &t) {
        return std::any_of(list.begin(), list.end(),
                           [&t](const SavedTab &x) { return isSameSavedTab(x, t); });
    };
    QList<SavedTab> out;
    for (const SavedTab &t : saved) {
        if (matches(out, t))
            continue; // a hand-edited file may repeat an entry
        if (matches(drop, t) && !matches(put, t))
            continue;
        out << t;
    }
    for (const SavedTab &t : put) {
        if (t.sessionId.isEmpty())
            continue;
        auto it = std::find_if(out.begin(), out.end(),
                               [&t](const SavedTab &x) { return isSameSavedTab(x, t); });
        if (it != out.end())
            *it = t;
        else
            out << t;
    }
    while (out.size() > kMaxSavedTabs)
        out.removeFirst();
    return out;
}

QList<SavedTab> savedTabsFor(const QList<SavedTab> &saved, const QString &profile,
                             const QUrl &platform, bool environment)
{
    QList<SavedTab> out;
    for (const SavedTab &t : saved) {
        if (t.profile != profile)
            continue;
        if (environment && t.baseUrl.isValid() && t.baseUrl != platform)
            continue;
        out << t;
    }
    return out;
}

TabStore::TabStore(QSettings *settings, QObject *parent) : QObject(parent), m_settings(settings) {}

TabStore::~TabStore()
{
    flush();
}

QList<SavedTab> TabStore::saved() const
{
    return loadSavedTabs(*m_settings);
}

QList<SavedTab> TabStore::savedFor(const QString &profile, const QUrl &platform,
                                   bool environment) const
{
    m_settings->sync(); // another run may have written since
    return savedTabsFor(saved(), profile, platform, environment);
}

int TabStore::indexOf(const QObject *tab) const
{
    for (int i = 0; i < m_open.size(); ++i)
        if (m_open.at(i).first == tab)
            return i;
    return -1;
}

void TabStore::update(const QObject *tab, const SavedTab &entry, bool worthRestoring)
{
    const int i = indexOf(tab);
    const bool keep = worthRestoring && !entry.sessionId.isEmpty();
    if (i < 0) {
        if (!keep)
            return; // nothing saved of it yet, nothing to save
        m_open.append({tab, entry});
        scheduleWrite();
        return;
    }
    const SavedTab before = m_open.at(i).second;
    if (keep && before == entry)
        return;
    if (!keep || !isSameSavedTab(before, entry))
        m_dropped << before;
    if (keep)
        m_open[i].second = entry;
    else
        m_open.removeAt(i);
    scheduleWrite();
}

void TabStore::adopt(const QObject *tab, const SavedTab &entry)
{
    if (indexOf(tab) < 0)
        m_open.append({tab, entry});
}

void TabStore::remove(const QObject *tab)
{
    const int i = indexOf(tab);
    if (i < 0)
        return;
    m_dropped << m_open.takeAt(i).second;
    scheduleWrite();
}

void TabStore::scheduleWrite()
{
    if (m_writePending)
        return;
    m_writePending = true;
    // Several changes of one event (a tab's session and title) end up in one write.
    QTimer::singleShot(0, this, &TabStore::flush);
}

void TabStore::flush()
{
    if (!m_writePending)
        return;
    m_writePending = false;
    QList<SavedTab> put;
    for (const auto &open : std::as_const(m_open))
        put << open.second;
    m_settings->sync(); // merge into what is on disk now, not into what this run read at start
    saveTabs(*m_settings, mergeSavedTabs(loadSavedTabs(*m_settings), m_dropped, put));
    m_settings->sync();
    m_dropped.clear();
    ++m_writes;
    emit written();
}

} // namespace lap
