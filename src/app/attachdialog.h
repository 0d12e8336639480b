// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"
#include "models.h"
#include "pastedsession.h"
#include "profilestore.h"
#include "ttyendpoint.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QPushButton;
class QSortFilterProxyModel;

namespace Ui {
class AttachDialog;
}

namespace lap {

class ListLoader;
class PlatformCall;
class PlatformClient;
class SessionListModel;

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
    void onListed(const QString &agentId, const QList<Session> &sessions);
    void onAgentsListed(const Result<QList<Agent>> &r);
    void onFilterActivated();
    void onSelectionChanged();
    void rebuildAgentFilter();
    void updateAttachState();
    void selectAfterLoad(const QString &preferredId);
    void fitColumns();
    Session selectedRow() const;
    // What the paste field's text resolves to (the rules: resolvePastedSession()).
    PastedSession pasted() const;

    PlatformClient *m_client;
    QList<Profile> m_otherProfiles;
    std::unique_ptr<Ui::AttachDialog> m_ui;
    std::unique_ptr<ListLoader> m_loader;
    SessionListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QPushButton *m_attachButton = nullptr;
    QPointer<PlatformCall> m_agentsCall;
    QList<Agent> m_agents;
    QString m_agentFilter;
};

} // namespace lap
