// SPDX-License-Identifier: GPL-2.0-or-later
#include "pickerlist.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QPainter>
#include <QPixmap>
#include <QSortFilterProxyModel>
#include <QStyle>
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

void fitColumns(QTreeView *view, int columnCount, int stretchColumn, int gap)
{
    int used = 0;
    for (int c = 0; c < columnCount; ++c) {
        view->resizeColumnToContents(c);
        view->setColumnWidth(c, view->columnWidth(c) + gap);
        used += view->columnWidth(c);
    }
    const int spare = view->viewport()->width() - used;
    if (spare > 0)
        view->setColumnWidth(stretchColumn, view->columnWidth(stretchColumn) + spare);
}

QIcon statusDot(const QColor &color)
{
    QPixmap pm(16, 16);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(4, 4, 8, 8));
    return QIcon(pm);
}

void setWarningSign(QLabel *icon, bool shown)
{
    if (shown) {
        QStyle *style = icon->style();
        const int size = style->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, icon);
        icon->setPixmap(
            style->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, icon).pixmap(size));
    }
    icon->setVisible(shown);
}

} // namespace lap
