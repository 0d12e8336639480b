// SPDX-License-Identifier: GPL-2.0-or-later
#include "agentlistmodel.h"

#include "plural.h"
#include "uistyle.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QPalette>

namespace lap {

namespace {

const char kTrContext[] = "lap::AgentListModel";

QString createdText(const QString &iso)
{
    const QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dt.isValid())
        return iso;
    // Compact and unambiguous in every locale; the tooltip has the exact UTC time.
    return dt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

AgentListModel::AgentListModel(QObject *parent) : QAbstractTableModel(parent) {}

void AgentListModel::setAgents(const QList<Agent> &agents)
{
    beginResetModel();
    m_agents = agents;
    endResetModel();
}

int AgentListModel::rowOf(const QString &agentId) const
{
    for (int i = 0; i < m_agents.size(); ++i) {
        if (m_agents.at(i).id == agentId)
            return i;
    }
    return -1;
}

int AgentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_agents.size();
}

int AgentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AgentListModel::chatModeExplanation(const Agent &agent)
{
    return tr("“%1” uses the %2 harness, which works in chat mode. LAP Desktop opens terminal "
              "(TUI) agents only; chat mode comes in a later version.")
        .arg(agent.displayName(), agent.harnessId);
}

QVariant AgentListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_agents.size())
        return {};
    const Agent &a = m_agents.at(index.row());
    const bool tui = a.isTui();

    switch (role) {
    case AgentRole:
        return QVariant::fromValue(a);
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return a.displayName();
        case HarnessColumn:
            return a.harnessId;
        case ModeColumn:
            return tui ? tr("Terminal") : tr("Chat — not supported yet");
        case SessionsColumn:
            if (a.sessionCount < 0)
                return QStringLiteral("–");
            return a.hasActiveSession ? tr("%1 · active").arg(a.sessionCount)
                                      : QString::number(a.sessionCount);
        case CreatedColumn:
            return createdText(a.createdAt);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return a.displayName().toLower();
        case HarnessColumn:
            return a.harnessId;
        case ModeColumn:
            return tui ? 0 : 1;
        case SessionsColumn:
            return (a.hasActiveSession ? 1000000 : 0) + qMax(0, a.sessionCount);
        case CreatedColumn:
            return a.createdAt; // ISO-8601 UTC sorts as text
        }
        break;
    case Qt::ToolTipRole:
        if (!tui)
            return chatModeExplanation(a);
        switch (index.column()) {
        case NameColumn: {
            QStringList lines{tr("id: %1").arg(a.id)};
            if (!a.model.isEmpty())
                lines << tr("model: %1").arg(a.model);
            if (!a.repoUrl.isEmpty())
                lines << tr("repository: %1")
                             .arg(a.branch.isEmpty() ? a.repoUrl
                                                     : a.repoUrl + QLatin1Char('@') + a.branch);
            return lines.join(QLatin1Char('\n'));
        }
        case SessionsColumn:
            if (a.sessionCount < 0)
                return {};
            return a.hasActiveSession
                       ? plural(
                             kTrContext,
                             QT_TRANSLATE_N_NOOP("lap::AgentListModel",
                                                 "%n session; it is ready or starting."),
                             QT_TRANSLATE_N_NOOP("lap::AgentListModel",
                                                 "%n sessions; at least one is ready or starting."),
                             a.sessionCount)
                       : plural(
                             kTrContext,
                             QT_TRANSLATE_N_NOOP("lap::AgentListModel", "%n session; not active."),
                             QT_TRANSLATE_N_NOOP("lap::AgentListModel",
                                                 "%n sessions; none is active."),
                             a.sessionCount);
        case CreatedColumn:
            return a.createdAt;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == SessionsColumn && a.hasActiveSession) {
            static const QIcon dot = statusDot(colors::ready());
            return dot;
        }
        break;
    case Qt::ForegroundRole:
        // Greyed, yet still selectable: selecting one is how the user learns why.
        if (!tui)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    }
    return {};
}

QVariant AgentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case HarnessColumn:
        return tr("Harness");
    case ModeColumn:
        return tr("Mode");
    case SessionsColumn:
        return tr("Sessions");
    case CreatedColumn:
        return tr("Created");
    }
    return {};
}

} // namespace lap
