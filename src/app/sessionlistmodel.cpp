// SPDX-License-Identifier: GPL-2.0-or-later
#include "sessionlistmodel.h"

#include "sessionopener.h"
#include "uistyle.h"

#include <QGuiApplication>
#include <QPalette>

#include <algorithm>
#include <limits>

namespace lap {

namespace {

QDateTime parseTime(const QString &iso)
{
    return iso.isEmpty() ? QDateTime() : QDateTime::fromString(iso, Qt::ISODateWithMs);
}

QString localTimeText(const QDateTime &t)
{
    return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

// Where the sessions sort in the Status column: the attachable ones first.
int statusRank(const QString &status)
{
    static const char *const order[] = {"ready", "creating", "failed", "dead", "stopped"};
    for (int i = 0; i < int(sizeof(order) / sizeof(order[0])); ++i) {
        if (status == QLatin1String(order[i]))
            return i;
    }
    return 99;
}

} // namespace

SessionListModel::SessionListModel(QObject *parent) : QAbstractTableModel(parent)
{
    for (const char *status : {"ready", "creating", "failed", "dead", "stopped"}) {
        const QString s = QLatin1String(status);
        m_statusIcons.insert(s, statusDot(statusColor(s)));
    }
}

void SessionListModel::setSessions(const QList<Session> &sessions, const QDateTime &fetchedAt)
{
    beginResetModel();
    m_sessions = sessions;
    m_fetchedAt = fetchedAt;
    endResetModel();
}

void SessionListModel::setAgentNames(const QHash<QString, QString> &names)
{
    m_agentNames = names;
    if (!m_sessions.isEmpty())
        emit dataChanged(index(0, AgentColumn), index(m_sessions.size() - 1, AgentColumn));
}

QString SessionListModel::agentText(const QString &agentId) const
{
    const QString name = m_agentNames.value(agentId);
    return name.isEmpty() ? agentId.left(8) : name;
}

int SessionListModel::rowOf(const QString &sessionId) const
{
    for (int i = 0; i < m_sessions.size(); ++i) {
        if (m_sessions.at(i).id == sessionId)
            return i;
    }
    return -1;
}

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_sessions.size();
}

int SessionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SessionListModel::durationText(qint64 seconds)
{
    // A server clock slightly ahead of ours must not read as "-1 min".
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60)
        return tr("< 1 min");
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 48 * 3600)
        return tr("%1 h").arg(seconds / 3600);
    return tr("%1 d").arg(seconds / 86400);
}

QString SessionListModel::notReadyExplanation(const Session &s)
{
    const QString why = describeUnattachableSession(s);
    // What helps differs: a starting session only needs time, a dead one cannot come back.
    if (s.isCreating())
        return why + QLatin1Char(' ') + tr("Refresh when it is ready.");
    return s.isTerminal() ? why + QLatin1Char(' ') + tr("Open its agent again for a new session.")
                          : why;
}

QColor SessionListModel::statusColor(const QString &status)
{
    if (status == QLatin1String("ready"))
        return colors::ready();
    if (status == QLatin1String("creating"))
        return colors::starting();
    if (status == QLatin1String("failed") || status == QLatin1String("dead") ||
        status == QLatin1String("stopped"))
        return colors::error();
    return QColor();
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_sessions.size())
        return {};
    const Session &s = m_sessions.at(index.row());
    const QDateTime created = parseTime(s.createdAt);
    const QDateTime seen = parseTime(s.lastSeenAt);
    constexpr qint64 kUnknown = std::numeric_limits<qint64>::max();

    switch (role) {
    case SessionRole:
        return QVariant::fromValue(s);
    case Qt::DisplayRole:
        switch (index.column()) {
        case AgentColumn:
            return agentText(s.agentId);
        case StatusColumn:
            return s.status;
        case AgeColumn:
            return created.isValid() ? durationText(created.secsTo(m_fetchedAt))
                                     : QStringLiteral("—");
        case LastActivityColumn:
            return seen.isValid() ? tr("%1 ago").arg(durationText(seen.secsTo(m_fetchedAt)))
                                  : QStringLiteral("—");
        case SessionColumn:
            return s.id.left(8);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case AgentColumn:
            return agentText(s.agentId).toLower();
        case StatusColumn:
            return statusRank(s.status);
        case AgeColumn:
            return created.isValid() ? created.secsTo(m_fetchedAt) : kUnknown;
        case LastActivityColumn:
            return seen.isValid() ? seen.secsTo(m_fetchedAt) : kUnknown;
        case SessionColumn:
            return s.id;
        }
        break;
    case Qt::ToolTipRole:
        if (!s.isReady())
            return notReadyExplanation(s);
        switch (index.column()) {
        case AgentColumn:
            return tr("agent id: %1").arg(s.agentId);
        case AgeColumn:
            return created.isValid() ? tr("created %1").arg(localTimeText(created)) : QVariant();
        case LastActivityColumn:
            return seen.isValid() ? tr("last seen by the platform %1").arg(localTimeText(seen))
                                  : QVariant();
        case SessionColumn:
            return s.id;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return m_statusIcons.value(s.status);
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn) {
            const QColor c = statusColor(s.status);
            if (c.isValid())
                return c;
        } else if (s.isTerminal()) {
            // Greyed, yet still selectable: selecting one is how the user learns why.
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        }
        break;
    }
    return {};
}

QVariant SessionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AgentColumn:
        return tr("Agent");
    case StatusColumn:
        return tr("Status");
    case AgeColumn:
        return tr("Age");
    case LastActivityColumn:
        return tr("Last activity");
    case SessionColumn:
        return tr("Session");
    }
    return {};
}

} // namespace lap
