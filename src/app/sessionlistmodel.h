// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QDateTime>
#include <QHash>
#include <QIcon>

namespace lap {

// The rows of GET /sessions: Agent, Status, Age, Last activity, Session. Ages are relative to
// the time the list was fetched, so a row does not change under the user's eyes.
class SessionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        AgentColumn,
        StatusColumn,
        AgeColumn,
        LastActivityColumn,
        SessionColumn,
        ColumnCount
    };
    enum Role
    {
        SessionRole = Qt::UserRole + 1, // the row's lap::Session
        SortRole
    };

    explicit SessionListModel(QObject *parent = nullptr);

    void setSessions(const QList<Session> &sessions, const QDateTime &fetchedAt);
    const QList<Session> &sessions() const { return m_sessions; }
    // Agent id -> display name; rows of unknown agents show the first 8 characters of the id.
    void setAgentNames(const QHash<QString, QString> &names);
    QString agentText(const QString &agentId) const;
    int rowOf(const QString &sessionId) const; // -1 when not listed

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "< 1 min", "3 min", "2 h", "4 d".
    static QString durationText(qint64 seconds);
    // Why a session that is not ready cannot be attached, as the dialog says it.
    static QString notReadyExplanation(const Session &session);
    static QColor statusColor(const QString &status);

private:
    QList<Session> m_sessions;
    QHash<QString, QString> m_agentNames;
    QDateTime m_fetchedAt;
    QHash<QString, QIcon> m_statusIcons;
};

} // namespace lap
