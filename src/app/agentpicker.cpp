// SPDX-License-Identifier: GPL-2.0-or-later
#include "agentpicker.h"

#include "pickerlist.h"
#include "platformclient.h"
#include "ui_agentpicker.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPalette>
#include <QPushButton>
#include <QSortFilterProxyModel>

namespace lap {

namespace {

// English plurals that read right without a translation loaded; translators get both forms.
QString plural(const char *one, const char *many, int n)
{
    return AgentListModel::tr(n == 1 ? one : many, nullptr, n);
}

QString createdText(const QString &iso)
{
    const QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dt.isValid())
        return iso;
    // Compact and unambiguous in every locale; the tooltip has the exact UTC time.
    return dt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

// ---- AgentListModel -----------------------------------------------------------------------

AgentListModel::AgentListModel(QObject *parent) : QAbstractTableModel(parent) {}

void AgentListModel::setAgents(const QList<Agent> &agents)
{
    beginResetModel();
    m_agents = agents;
    endResetModel();
}

int AgentListModel::rowOf(const QString &agentId) const
{
    for (int i = 0; i < m_agents.size(); ++i) {
        if (m_agents.at(i).id == agentId)
            return i;
    }
    return -1;
}

int AgentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_agents.size();
}

int AgentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AgentListModel::chatModeExplanation(const Agent &agent)
{
    return tr("“%1” uses the %2 harness, which works in chat mode. LAP Desktop opens terminal "
              "(TUI) agents only; chat mode comes in a later version.")
        .arg(agent.displayName(), agent.harnessId);
}

QVariant AgentListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_agents.size())
        return {};
    const Agent &a = m_agents.at(index.row());
    const bool tui = a.isTui();

    switch (role) {
    case AgentRole:
        return QVariant::fromValue(a);
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return a.displayName();
        case HarnessColumn:
            return a.harnessId;
        case ModeColumn:
            return tui ? tr("Terminal") : tr("Chat — not supported yet");
        case SessionsColumn:
            if (a.sessionCount < 0)
                return QStringLiteral("–");
            return a.hasActiveSession ? tr("%1 · active").arg(a.sessionCount)
                                      : QString::number(a.sessionCount);
        case CreatedColumn:
            return createdText(a.createdAt);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return a.displayName().toLower();
        case HarnessColumn:
            return a.harnessId;
        case ModeColumn:
            return tui ? 0 : 1;
        case SessionsColumn:
            return (a.hasActiveSession ? 1000000 : 0) + qMax(0, a.sessionCount);
        case CreatedColumn:
            return a.createdAt; // ISO-8601 UTC sorts as text
        }
        break;
    case Qt::ToolTipRole:
        if (!tui)
            return chatModeExplanation(a);
        switch (index.column()) {
        case NameColumn: {
            QStringList lines{tr("id: %1").arg(a.id)};
            if (!a.model.isEmpty())
                lines << tr("model: %1").arg(a.model);
            if (!a.repoUrl.isEmpty())
                lines << tr("repository: %1")
                             .arg(a.branch.isEmpty() ? a.repoUrl
                                                     : a.repoUrl + QLatin1Char('@') + a.branch);
            return lines.join(QLatin1Char('\n'));
        }
        case SessionsColumn:
            if (a.sessionCount < 0)
                return {};
            return a.hasActiveSession
                       ? plural(
                             QT_TRANSLATE_N_NOOP("lap::AgentListModel",
                                                 "%n session; it is ready or starting."),
                             QT_TRANSLATE_N_NOOP("lap::AgentListModel",
                                                 "%n sessions; at least one is ready or starting."),
                             a.sessionCount)
                       : plural(
                             QT_TRANSLATE_N_NOOP("lap::AgentListModel", "%n session; not active."),
                             QT_TRANSLATE_N_NOOP("lap::AgentListModel",
                                                 "%n sessions; none is active."),
                             a.sessionCount);
        case CreatedColumn:
            return a.createdAt;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == SessionsColumn && a.hasActiveSession) {
            static const QIcon dot = statusDot(QColor(0x2e, 0xa0, 0x43));
            return dot;
        }
        break;
    case Qt::ForegroundRole:
        // Greyed, yet still selectable: selecting one is how the user learns why.
        if (!tui)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    }
    return {};
}

QVariant AgentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case HarnessColumn:
        return tr("Harness");
    case ModeColumn:
        return tr("Mode");
    case SessionsColumn:
        return tr("Sessions");
    case CreatedColumn:
        return tr("Created");
    }
    return {};
}

// ---- AgentPicker --------------------------------------------------------------------------

AgentPicker::AgentPicker(PlatformClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_ui(std::make_unique<Ui::AgentPicker>())
    , m_model(new AgentListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
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

AgentPicker::~AgentPicker()
{
    abortCall();
}

void AgentPicker::abortCall()
{
    if (m_call)
        m_call->abort();
    m_call = nullptr;
}

void AgentPicker::onFilterChanged()
{
    // A listing for the old text would only flash stale rows.
    abortCall();
    ++m_generation;
    m_debounce.start();
    setBusy(true, tr("Searching…"));
}

void AgentPicker::reload()
{
    m_debounce.stop();
    abortCall();
    const quint64 generation = ++m_generation;
    const QString filter = m_ui->filterEdit->text().trimmed();
    if (!m_loadedOnce) {
        showMessage(tr("Loading agents from %1…").arg(m_client->config().baseUrl.toDisplayString()),
                    false, false);
        setBusy(true, QString());
    } else {
        setBusy(true,
                filter.isEmpty() ? tr("Loading agents…") : tr("Searching for “%1”…").arg(filter));
    }
    m_call =
        m_client->listAllAgents(filter, [this, generation, filter](const Result<QList<Agent>> &r) {
            onListed(generation, filter, r);
        });
}

void AgentPicker::onListed(quint64 generation, const QString &filter, const Result<QList<Agent>> &r)
{
    if (generation != m_generation)
        return;
    m_call = nullptr;
    if (!r.ok()) {
        if (r.error.kind == LapError::Kind::Cancelled)
            return;
        setBusy(false, QString());
        m_model->setAgents({});
        showMessage(r.error.text(), true, true, r.error.detail);
        return;
    }
    const QString previous = selectedAgent().id;
    m_loadedOnce = true;
    m_model->setAgents(r.value);
    const int n = r.value.size();
    setBusy(false,
            filter.isEmpty()
                ? plural(QT_TRANSLATE_N_NOOP("lap::AgentListModel", "%n agent"),
                         QT_TRANSLATE_N_NOOP("lap::AgentListModel", "%n agents"), n)
                : plural(QT_TRANSLATE_N_NOOP("lap::AgentListModel", "%n agent matching “%1”"),
                         QT_TRANSLATE_N_NOOP("lap::AgentListModel", "%n agents matching “%1”"), n)
                      .arg(filter));
    if (n == 0) {
        if (filter.isEmpty())
            showMessage(tr("There are no agents on %1 yet. Create one in the platform's web UI, "
                           "then press Retry.")
                            .arg(m_client->config().baseUrl.toDisplayString()),
                        true, false);
        else
            showMessage(tr("No agent matches “%1”.").arg(filter), false, false);
        return;
    }
    m_ui->stack->setCurrentWidget(m_ui->listPage);
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
    QModelIndex target;
    const int keep = preferredId.isEmpty() ? -1 : m_model->rowOf(preferredId);
    if (keep >= 0) {
        target = m_proxy->mapFromSource(m_model->index(keep, 0));
    } else {
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex i = m_proxy->index(row, 0);
            if (i.data(AgentListModel::AgentRole).value<Agent>().isTui()) {
                target = i;
                break;
            }
        }
        if (!target.isValid())
            target = m_proxy->index(0, 0);
    }
    m_ui->agentView->setCurrentIndex(target);
    m_ui->agentView->scrollTo(target);
    onSelectionChanged();
}

void AgentPicker::showMessage(const QString &text, bool offerRetry, bool isError,
                              const QString &detail)
{
    showListMessage(m_ui.get(), text, offerRetry, isError, detail);
    onSelectionChanged();
}

void AgentPicker::setBusy(bool busy, const QString &status)
{
    setListBusy(m_ui.get(), busy, status);
}

Agent AgentPicker::selectedAgent() const
{
    if (m_ui->stack->currentWidget() != m_ui->listPage)
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
    abortCall();
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
