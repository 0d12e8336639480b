// SPDX-License-Identifier: GPL-2.0-or-later
#include "pickerlist.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>

namespace lap {

void setUpSortedList(QTreeView *view, QSortFilterProxyModel *proxy, QAbstractItemModel *model,
                     int sortRole, int sortColumn, Qt::SortOrder order)
{
    proxy->setSourceModel(model);
    proxy->setSortRole(sortRole);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    view->setModel(proxy);
    QHeaderView *header = view->header();
    header->setStretchLastSection(false);
    header->setSortIndicator(sortColumn, order);
    view->setSortingEnabled(true);
}

QPushButton *addAcceptButton(QDialogButtonBox *box, const QString &text, const QString &objectName)
{
    QPushButton *button = box->addButton(text, QDialogButtonBox::AcceptRole);
    button->setObjectName(objectName);
    button->setDefault(true);
    button->setEnabled(false);
    return button;
}

} // namespace lap
