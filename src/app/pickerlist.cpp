// SPDX-License-Identifier: GPL-2.0-or-later
#include "pickerlist.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
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

// ---- ListLoader ---------------------------------------------------------------------------

ListLoader::ListLoader(const Widgets &widgets, std::function<void()> pageChanged)
    : m_w(widgets), m_pageChanged(std::move(pageChanged))
{}

ListLoader::~ListLoader()
{
    abort();
}

void ListLoader::abort()
{
    if (m_call)
        m_call->abort();
    m_call = nullptr;
}

quint64 ListLoader::restart()
{
    abort();
    return ++m_generation;
}

void ListLoader::showMessage(const QString &text, bool offerRetry, bool isError,
                             const QString &detail)
{
    m_w.messageLabel->setText(text);
    m_w.messageLabel->setToolTip(detail);
    QLabel *icon = m_w.messageIcon;
    if (isError) {
        QStyle *style = icon->style();
        const int size = style->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, icon);
        icon->setPixmap(
            style->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, icon).pixmap(size));
    }
    icon->setVisible(isError);
    m_w.retryButton->setVisible(offerRetry);
    m_w.stack->setCurrentWidget(m_w.messagePage);
    if (m_pageChanged)
        m_pageChanged();
}

void ListLoader::showList()
{
    m_w.stack->setCurrentWidget(m_w.listPage);
}

bool ListLoader::showsList() const
{
    return m_w.stack->currentWidget() == m_w.listPage;
}

void ListLoader::setBusy(bool busy, const QString &status)
{
    m_w.busyBar->setVisible(busy);
    m_w.statusLabel->setText(status);
}

} // namespace lap
