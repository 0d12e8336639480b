// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QString>
#include <Qt>

class QAbstractItemModel;
class QColor;
class QDialogButtonBox;
class QSortFilterProxyModel;
class QTreeView;

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

// A small filled circle, the status mark in front of a row.
QIcon statusDot(const QColor &color);

// The message page both pickers show instead of the list (loading failed, nothing to list).
// Only failures get the warning sign; "no agents" and "loading" are not problems. `Ui` is the
// dialog's generated form: both name their widgets alike.
void setWarningSign(QLabel *icon, bool shown);
template<class Ui>
void showListMessage(Ui *ui, const QString &text, bool offerRetry, bool isError,
                     const QString &detail)
{
    ui->messageLabel->setText(text);
    ui->messageLabel->setToolTip(detail);
    setWarningSign(ui->messageIcon, isError);
    ui->retryButton->setVisible(offerRetry);
    ui->stack->setCurrentWidget(ui->messagePage);
}

// The busy bar and the status line under the list.
template<class Ui> void setListBusy(Ui *ui, bool busy, const QString &status)
{
    ui->busyBar->setVisible(busy);
    ui->statusLabel->setText(status);
}

} // namespace lap
