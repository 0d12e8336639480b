// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"
#include "platformclient.h"

#include <QPointer>
#include <QSortFilterProxyModel>
#include <QString>
#include <Qt>

#include <functional>

class QAbstractItemModel;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTreeView;
class QWidget;

namespace lap {

// The list both pickers (agents, sessions) show: `model` sorted through `proxy` on `sortRole`,
// the user free to sort by any column, `sortColumn` in `order` to begin with, and columns sized
// by the dialog rather than by stretching the last one.
void setUpSortedList(QTreeView *view, QSortFilterProxyModel *proxy, QAbstractItemModel *model,
                     int sortRole, int sortColumn, Qt::SortOrder order);

// The dialog's accept button: the default one, and disabled until there is something to accept.
QPushButton *addAcceptButton(QDialogButtonBox *box, const QString &text, const QString &objectName);

// Every column as wide as its contents plus `gap`, and what the viewport has left to
// `stretchColumn`: a stretched column would be the one squeezed when the others are wide.
void fitColumns(QTreeView *view, int columnCount, int stretchColumn, int gap = 0);

// The row to select after a listing, in view order: source row `keep` when it is listed (the
// user's row across a refresh), else the first row whose `roleValue` satisfies `wanted`;
// invalid when there is none.
template<class T, class Wanted>
QModelIndex rowToSelect(const QSortFilterProxyModel *proxy, int keep, int role, Wanted wanted)
{
    if (keep >= 0)
        return proxy->mapFromSource(proxy->sourceModel()->index(keep, 0));
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex i = proxy->index(row, 0);
        if (wanted(i.data(role).template value<T>()))
            return i;
    }
    return {};
}

// The loading skeleton both pickers share. One listing is in flight at a time: a newer one
// aborts the older, and an answer that arrives late anyway is dropped. Until a first listing
// arrived the message page says what is loading; after that the list stays in place and the
// status line under it says what is going on. A failure replaces the list with the message
// page, the error and Retry (only failures get the warning sign: "no agents" and "loading" are
// not problems); a listing cancelled by the user shows nothing.
class ListLoader
{
public:
    struct Widgets
    {
        QStackedWidget *stack;
        QWidget *listPage;
        QWidget *messagePage;
        QLabel *messageLabel;
        QLabel *messageIcon;
        QPushButton *retryButton;
        QProgressBar *busyBar;
        QLabel *statusLabel;
    };
    // `Ui` is the dialog's generated form: both name their widgets alike.
    template<class Ui> static Widgets widgetsOf(Ui *ui)
    {
        return {ui->stack,       ui->listPage,    ui->messagePage, ui->messageLabel,
                ui->messageIcon, ui->retryButton, ui->busyBar,     ui->statusLabel};
    }

    // `pageChanged` runs after every message shown (the dialog updates its buttons then).
    ListLoader(const Widgets &widgets, std::function<void()> pageChanged);
    ~ListLoader();
    ListLoader(const ListLoader &) = delete;
    ListLoader &operator=(const ListLoader &) = delete;

    // Starts a listing: `start(done)` makes the PlatformClient call that answers `done` with a
    // Result<T>. `failed()` runs on a failure before it is shown (to empty the model),
    // `listed(value)` on success, both only for the newest listing. `loadingText` is the first
    // listing's message, `busyText` the status line of every later one.
    template<class T, class Start, class Failed, class Listed>
    void load(const QString &loadingText, const QString &busyText, Start start, Failed failed,
              Listed listed)
    {
        const quint64 generation = restart();
        if (!m_loadedOnce) {
            showMessage(loadingText, false, false);
            setBusy(true, QString());
        } else {
            setBusy(true, busyText);
        }
        m_call = start([this, generation, failed, listed](const Result<T> &r) {
            if (!isCurrent(generation))
                return;
            m_call = nullptr;
            if (!r.ok()) {
                if (r.error.kind == LapError::Kind::Cancelled)
                    return;
                setBusy(false, QString());
                failed();
                showMessage(r.error.text(), true, true, r.error.detail);
                return;
            }
            m_loadedOnce = true;
            listed(r.value);
        });
    }

    // Aborts the listing in flight and drops any answer still to come for it.
    void invalidate() { restart(); }
    // Aborts the listing in flight, if any.
    void abort();

    void showMessage(const QString &text, bool offerRetry, bool isError,
                     const QString &detail = {});
    void showList();
    bool showsList() const;
    // The busy bar and the status line under the list.
    void setBusy(bool busy, const QString &status);

private:
    quint64 restart();
    bool isCurrent(quint64 generation) const { return generation == m_generation; }

    Widgets m_w;
    std::function<void()> m_pageChanged;
    QPointer<PlatformCall> m_call;
    quint64 m_generation = 0;
    bool m_loadedOnce = false;
};

} // namespace lap
