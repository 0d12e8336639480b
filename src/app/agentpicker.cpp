// SPDX-License-Identifier: GPL-2.0-or-later
#include "agentpicker.h"

#include "agentlistmodel.h"
#include "pickerlist.h"
#include "platformclient.h"
#include "plural.h"
#include "ui_agentpicker.h"

#include <QKeyEvent>
#include <QPushButton>
#include <QSortFilterProxyModel>

namespace lap {

namespace {

// The status line is translated along with the list's own texts (its context in translations/).
const char kTrContext[] = "lap::AgentListModel";

} // namespace

AgentPicker::AgentPicker(PlatformClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_ui(std::make_unique<Ui::AgentPicker>())
    , m_model(new AgentListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_loader = std::make_unique<ListLoader>(ListLoader::widgetsOf(m_ui.get()),
                                            [this] { onSelectionChanged(); });
    const QString host = m_client->config().baseUrl.host();
    if (!host.isEmpty())
        setWindowTitle(tr("Open an agent — %1").arg(host));

    QTreeView *view = m_ui->agentView;
    // Newest first, as the platform lists them and as the lap CLI shows them.
    setUpSortedList(view, m_proxy, m_model, AgentListModel::SortRole, AgentListModel::CreatedColumn,
                    Qt::DescendingOrder);
    m_openButton = addAcceptButton(m_ui->buttonBox, tr("&Open"), QStringLiteral("openButton"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AgentPicker::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AgentPicker::reject);
    connect(m_ui->retryButton, &QPushButton::clicked, this, &AgentPicker::reload);
    connect(view, &QAbstractItemView::doubleClicked, this, &AgentPicker::accept);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AgentPicker::onSelectionChanged);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AgentPicker::onSelectionChanged);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kFilterDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &AgentPicker::reload);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, &AgentPicker::onFilterChanged);
    m_ui->filterEdit->installEventFilter(this);

    m_ui->explanationLabel->hide();
    resize(820, 500);
    reload();
}

AgentPicker::~AgentPicker() = default;

void AgentPicker::onFilterChanged()
{
    // A listing for the old text would only flash stale rows.
    m_loader->invalidate();
    m_debounce.start();
    m_loader->setBusy(true, tr("Searching…"));
}

void AgentPicker::reload()
{
    m_debounce.stop();
    const QString filter = m_ui->filterEdit->text().trimmed();
    m_loader->load<QList<Agent>>(
        tr("Loading agents from %1…").arg(m_client->config().baseUrl.toDisplayString()),
        filter.isEmpty() ? tr("Loading agents…") : tr("Searching for “%1”…").arg(filter),
        [this, filter](auto done) { return m_client->listAllAgents(filter, done); },
        [this] { m_model->setAgents({}); },
        [this, filter](const QList<Agent> &agents) { onListed(filter, agents); });
}

void AgentPicker::onListed(const QString &filter, const QList<Agent> &agents)
{
    const QString previous = selectedAgent().id;
    m_model->setAgents(agents);
    const int n = agents.size();
    m_loader->setBusy(
        false,
        filter.isEmpty()
            ? plural(kTrContext, QT_TRANSLATE_N_NOOP("lap::AgentListModel", "%n agent"),
                     QT_TRANSLATE_N_NOOP("lap::AgentListModel", "%n agents"), n)
            : plural(kTrContext,
                     QT_TRANSLATE_N_NOOP("lap::AgentListModel", "%n agent matching “%1”"),
                     QT_TRANSLATE_N_NOOP("lap::AgentListModel", "%n agents matching “%1”"), n)
                  .arg(filter));
    if (n == 0) {
        if (filter.isEmpty())
            m_loader->showMessage(
                tr("There are no agents on %1 yet. Create one in the platform's web UI, "
                   "then press Retry.")
                    .arg(m_client->config().baseUrl.toDisplayString()),
                true, false);
        else
            m_loader->showMessage(tr("No agent matches “%1”.").arg(filter), false, false);
        return;
    }
    m_loader->showList();
    fitColumns();
    selectAfterLoad(previous);
}

void AgentPicker::fitColumns()
{
    lap::fitColumns(m_ui->agentView, AgentListModel::ColumnCount, AgentListModel::NameColumn);
}

void AgentPicker::selectAfterLoad(const QString &preferredId)
{
    // Keep the user's row across a refinement of the filter; otherwise the first agent that
    // can be opened, so that Enter right away does something useful.
    QModelIndex target =
        rowToSelect<Agent>(m_proxy, preferredId.isEmpty() ? -1 : m_model->rowOf(preferredId),
                           AgentListModel::AgentRole, [](const Agent &a) { return a.isTui(); });
    if (!target.isValid())
        target = m_proxy->index(0, 0);
    m_ui->agentView->setCurrentIndex(target);
    m_ui->agentView->scrollTo(target);
    onSelectionChanged();
}

Agent AgentPicker::selectedAgent() const
{
    if (!m_loader->showsList())
        return {};
    const QModelIndexList rows = m_ui->agentView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(AgentListModel::AgentRole).value<Agent>();
}

void AgentPicker::onSelectionChanged()
{
    const Agent a = selectedAgent();
    const bool chat = !a.id.isEmpty() && !a.isTui();
    m_openButton->setEnabled(!a.id.isEmpty() && a.isTui());
    m_ui->explanationLabel->setText(chat ? AgentListModel::chatModeExplanation(a) : QString());
    m_ui->explanationLabel->setVisible(chat);
}

void AgentPicker::accept()
{
    const Agent a = selectedAgent();
    if (a.id.isEmpty() || !a.isTui())
        return;
    QDialog::accept();
}

void AgentPicker::done(int result)
{
    m_debounce.stop();
    m_loader->abort();
    QDialog::done(result);
}

bool AgentPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->filterEdit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            // Enter right after typing means "search now", not "open the stale selection".
            if (m_debounce.isActive()) {
                reload();
                return true;
            }
            break;
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            // Move through the list while the cursor stays in the filter.
            QCoreApplication::sendEvent(m_ui->agentView, event);
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace lap
