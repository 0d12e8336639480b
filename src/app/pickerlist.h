// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <Qt>

class QAbstractItemModel;
class QDialogButtonBox;
class QPushButton;
class QSortFilterProxyModel;
class QString;
class QTreeView;

namespace lap {

// The list both pickers (agents, sessions) show: `model` sorted through `proxy` on `sortRole`,
// the user free to sort by any column, `sortColumn` in `order` to begin with, and columns sized
// by the dialog rather than by stretching the last one.
void setUpSortedList(QTreeView *view, QSortFilterProxyModel *proxy, QAbstractItemModel *model,
                     int sortRole, int sortColumn, Qt::SortOrder order);

// The dialog's accept button: the default one, and disabled until there is something to accept.
QPushButton *addAcceptButton(QDialogButtonBox *box, const QString &text, const QString &objectName);

} // namespace lap
