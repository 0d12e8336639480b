// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models.h"

#include <QDialog>
#include <QTimer>

#include <memory>

class QPushButton;
class QSortFilterProxyModel;

namespace Ui {
class AgentPicker;
}

namespace lap {

class AgentListModel;
class ListLoader;
class PlatformClient;

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
    void onListed(const QString &filter, const QList<Agent> &agents);
    void onSelectionChanged();
    void selectAfterLoad(const QString &preferredId);
    void fitColumns();

    PlatformClient *m_client;
    std::unique_ptr<Ui::AgentPicker> m_ui;
    std::unique_ptr<ListLoader> m_loader;
    AgentListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QPushButton *m_openButton = nullptr;
    QTimer m_debounce;
};

} // namespace lap
