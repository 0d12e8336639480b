// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models.h"

#include <QAbstractTableModel>

namespace lap {

// The agents of one listing as table rows: Name, Harness, Mode, Sessions, Created. Chat
// (non-TUI) agents are listed greyed with the reason in their tooltip: the desktop client can
// only open terminal agents for now.
class AgentListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        HarnessColumn,
        ModeColumn,
        SessionsColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role
    {
        AgentRole = Qt::UserRole + 1, // the row's lap::Agent
        SortRole                      // a value that sorts the column sensibly
    };

    explicit AgentListModel(QObject *parent = nullptr);

    void setAgents(const QList<Agent> &agents);
    const QList<Agent> &agents() const { return m_agents; }
    // -1 when the id is not listed.
    int rowOf(const QString &agentId) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Why a chat agent cannot be opened, as the tooltip and the picker's explanation say it.
    static QString chatModeExplanation(const Agent &agent);

private:
    QList<Agent> m_agents;
};

} // namespace lap
