// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "credentialstore.h"
#include "laperror.h"
#include "models.h"
#include "ttyendpoint.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QDialog>
#include <QHash>
#include <QIcon>
#include <QPointer>

#include <memory>

class QPushButton;
class QSortFilterProxyModel;

namespace Ui {
class AttachDialog;
}

namespace lap {

class PlatformCall;
class PlatformClient;

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

// Attaches a tab to an existing session: the sessions of GET /sessions (newest first, up to
// 200, optionally of one agent — filtered by the platform), with loading and error states in
// place of the list (the error with Retry). Only ready sessions can be attached; selecting
// another one says why. A pasted session id or <base>/sessions/<id> URL attaches to that
// session instead; a URL of another platform is used for that attach only, with the key of the
// saved profile for that platform, or this one's after the tab asked (see TerminalTab).
class AttachDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kListLimit = 200;

    AttachDialog(PlatformClient *client, QWidget *parent = nullptr);
    ~AttachDialog() override;

    // What Attach attaches to: the pasted argument when the paste field has text (baseOverride
    // only when its base differs from the client's), else the selected ready row. An empty
    // sessionId when there is nothing attachable.
    ResumeArgument chosen() const;
    // The listed row of the chosen session (for the tab title and the agent), if it is listed;
    // a Session with an empty id otherwise (e.g. a pasted id of another platform).
    Session chosenSession() const;
    // The name shown for an agent id (a short id while names are unknown).
    QString agentDisplayName(const QString &agentId) const;

    // The other saved profiles, so that a pasted link of their platform says whose key it uses.
    void setOtherProfiles(const QList<Profile> &profiles);

    // The agent whose sessions are listed (empty: all), as chosen in the dialog.
    QString agentFilter() const;
    // Lists again (what Refresh and Retry do); aborts a listing in flight.
    void reload();

    void accept() override;
    void done(int result) override;

private:
    void onListed(quint64 generation, const QString &agentId, const Result<QList<Session>> &r);
    void onAgentsListed(const Result<QList<Agent>> &r);
    void onFilterActivated();
    void onSelectionChanged();
    void rebuildAgentFilter();
    void updateAttachState();
    void showMessage(const QString &text, bool offerRetry, bool isError,
                     const QString &detail = {});
    void setBusy(bool busy, const QString &status);
    void selectAfterLoad(const QString &preferredId);
    void fitColumns();
    Session selectedRow() const;
    // The pasted argument with baseOverride cleared when it names the client's own platform.
    Result<ResumeArgument> pastedArgument() const;
    bool sameBase(const QUrl &a, const QUrl &b) const;

    PlatformClient *m_client;
    QList<Profile> m_otherProfiles;
    std::unique_ptr<Ui::AttachDialog> m_ui;
    SessionListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QPushButton *m_attachButton = nullptr;
    QPointer<PlatformCall> m_call;
    QPointer<PlatformCall> m_agentsCall;
    QList<Agent> m_agents;
    QString m_agentFilter;
    quint64 m_generation = 0;
    bool m_loadedOnce = false;
};

} // namespace lap
