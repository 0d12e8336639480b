// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"
#include "models.h"

#include <QAbstractTableModel>
#include <QDialog>
#include <QPointer>
#include <QTimer>

#include <memory>

class QPushButton;
class QSortFilterProxyModel;

namespace Ui {
class AgentPicker;
}

namespace lap {

class PlatformCall;
class PlatformClient;

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

// Picks an agent to open: every agent over all pages of GET /agents, filtered on the server as
// the user types (debounced), with loading, empty and error states shown in place of the list
// (the error with a Retry button). Enter or a double-click on a terminal agent accepts; chat
// agents can be selected but Open stays disabled with the explanation shown.
class AgentPicker : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kFilterDebounceMs = 250;

    AgentPicker(PlatformClient *client, QWidget *parent = nullptr);
    ~AgentPicker() override;

    // The selected row's agent; an Agent with an empty id when nothing is selected.
    Agent selectedAgent() const;
    // Lists again with the current filter (what Retry does); aborts a listing in flight.
    void reload();

    // Accepts only while a terminal (TUI) agent is selected.
    void accept() override;
    void done(int result) override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onFilterChanged();
    void onListed(quint64 generation, const QString &filter, const Result<QList<Agent>> &r);
    void onSelectionChanged();
    void abortCall();
    void showMessage(const QString &text, bool offerRetry, bool isError,
                     const QString &detail = {});
    void setBusy(bool busy, const QString &status);
    void selectAfterLoad(const QString &preferredId);
    void fitColumns();

    PlatformClient *m_client;
    std::unique_ptr<Ui::AgentPicker> m_ui;
    AgentListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QPushButton *m_openButton = nullptr;
    QTimer m_debounce;
    QPointer<PlatformCall> m_call;
    quint64 m_generation = 0;
    bool m_loadedOnce = false;
};

} // namespace lap
