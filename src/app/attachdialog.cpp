// SPDX-License-Identifier: GPL-2.0-or-later
#include "attachdialog.h"

#include "pickerlist.h"
#include "platformclient.h"
#include "sessionopener.h"
#include "ui_attachdialog.h"

#include <QGuiApplication>
#include <QHeaderView>
#include <QPalette>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>

#include <algorithm>
#include <limits>

namespace lap {

namespace {

// English plurals that read right without a translation loaded; translators get both forms.
QString plural(const char *one, const char *many, int n)
{
    return SessionListModel::tr(n == 1 ? one : many, nullptr, n);
}

QDateTime parseTime(const QString &iso)
{
    return iso.isEmpty() ? QDateTime() : QDateTime::fromString(iso, Qt::ISODateWithMs);
}

QString localTimeText(const QDateTime &t)
{
    return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

// Where the sessions sort in the Status column: the attachable ones first.
int statusRank(const QString &status)
{
    static const char *const order[] = {"ready", "creating", "failed", "dead", "stopped"};
    for (int i = 0; i < int(sizeof(order) / sizeof(order[0])); ++i) {
        if (status == QLatin1String(order[i]))
            return i;
    }
    return 99;
}

} // namespace

// ---- SessionListModel ---------------------------------------------------------------------

SessionListModel::SessionListModel(QObject *parent) : QAbstractTableModel(parent)
{
    for (const char *status : {"ready", "creating", "failed", "dead", "stopped"}) {
        const QString s = QLatin1String(status);
        m_statusIcons.insert(s, statusDot(statusColor(s)));
    }
}

void SessionListModel::setSessions(const QList<Session> &sessions, const QDateTime &fetchedAt)
{
    beginResetModel();
    m_sessions = sessions;
    m_fetchedAt = fetchedAt;
    endResetModel();
}

void SessionListModel::setAgentNames(const QHash<QString, QString> &names)
{
    m_agentNames = names;
    if (!m_sessions.isEmpty())
        emit dataChanged(index(0, AgentColumn), index(m_sessions.size() - 1, AgentColumn));
}

QString SessionListModel::agentText(const QString &agentId) const
{
    const QString name = m_agentNames.value(agentId);
    return name.isEmpty() ? agentId.left(8) : name;
}

int SessionListModel::rowOf(const QString &sessionId) const
{
    for (int i = 0; i < m_sessions.size(); ++i) {
        if (m_sessions.at(i).id == sessionId)
            return i;
    }
    return -1;
}

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_sessions.size();
}

int SessionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SessionListModel::durationText(qint64 seconds)
{
    // A server clock slightly ahead of ours must not read as "-1 min".
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60)
        return tr("< 1 min");
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 48 * 3600)
        return tr("%1 h").arg(seconds / 3600);
    return tr("%1 d").arg(seconds / 86400);
}

QString SessionListModel::notReadyExplanation(const Session &s)
{
    const QString why = describeUnattachableSession(s);
    // What helps differs: a starting session only needs time, a dead one cannot come back.
    if (s.isCreating())
        return why + QLatin1Char(' ') + tr("Refresh when it is ready.");
    return s.isTerminal() ? why + QLatin1Char(' ') + tr("Open its agent again for a new session.")
                          : why;
}

QColor SessionListModel::statusColor(const QString &status)
{
    if (status == QLatin1String("ready"))
        return QColor(0x2e, 0x7d, 0x32);
    if (status == QLatin1String("creating"))
        return QColor(0x15, 0x65, 0xc0);
    if (status == QLatin1String("failed") || status == QLatin1String("dead") ||
        status == QLatin1String("stopped"))
        return QColor(0xc6, 0x28, 0x28);
    return QColor();
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_sessions.size())
        return {};
    const Session &s = m_sessions.at(index.row());
    const QDateTime created = parseTime(s.createdAt);
    const QDateTime seen = parseTime(s.lastSeenAt);
    constexpr qint64 kUnknown = std::numeric_limits<qint64>::max();

    switch (role) {
    case SessionRole:
        return QVariant::fromValue(s);
    case Qt::DisplayRole:
        switch (index.column()) {
        case AgentColumn:
            return agentText(s.agentId);
        case StatusColumn:
            return s.status;
        case AgeColumn:
            return created.isValid() ? durationText(created.secsTo(m_fetchedAt))
                                     : QStringLiteral("—");
        case LastActivityColumn:
            return seen.isValid() ? tr("%1 ago").arg(durationText(seen.secsTo(m_fetchedAt)))
                                  : QStringLiteral("—");
        case SessionColumn:
            return s.id.left(8);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case AgentColumn:
            return agentText(s.agentId).toLower();
        case StatusColumn:
            return statusRank(s.status);
        case AgeColumn:
            return created.isValid() ? created.secsTo(m_fetchedAt) : kUnknown;
        case LastActivityColumn:
            return seen.isValid() ? seen.secsTo(m_fetchedAt) : kUnknown;
        case SessionColumn:
            return s.id;
        }
        break;
    case Qt::ToolTipRole:
        if (!s.isReady())
            return notReadyExplanation(s);
        switch (index.column()) {
        case AgentColumn:
            return tr("agent id: %1").arg(s.agentId);
        case AgeColumn:
            return created.isValid() ? tr("created %1").arg(localTimeText(created)) : QVariant();
        case LastActivityColumn:
            return seen.isValid() ? tr("last seen by the platform %1").arg(localTimeText(seen))
                                  : QVariant();
        case SessionColumn:
            return s.id;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return m_statusIcons.value(s.status);
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn) {
            const QColor c = statusColor(s.status);
            if (c.isValid())
                return c;
        } else if (s.isTerminal()) {
            // Greyed, yet still selectable: selecting one is how the user learns why.
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        }
        break;
    }
    return {};
}

QVariant SessionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AgentColumn:
        return tr("Agent");
    case StatusColumn:
        return tr("Status");
    case AgeColumn:
        return tr("Age");
    case LastActivityColumn:
        return tr("Last activity");
    case SessionColumn:
        return tr("Session");
    }
    return {};
}

// ---- AttachDialog -------------------------------------------------------------------------

AttachDialog::AttachDialog(PlatformClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_ui(std::make_unique<Ui::AttachDialog>())
    , m_model(new SessionListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    const QString host = m_client->config().baseUrl.host();
    if (!host.isEmpty())
        setWindowTitle(tr("Attach to a session — %1").arg(host));

    QTreeView *view = m_ui->sessionView;
    // Youngest first, as the platform lists them.
    setUpSortedList(view, m_proxy, m_model, SessionListModel::SortRole, SessionListModel::AgeColumn,
                    Qt::AscendingOrder);
    m_attachButton =
        addAcceptButton(m_ui->buttonBox, tr("&Attach"), QStringLiteral("attachButton"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AttachDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AttachDialog::reject);
    connect(m_ui->retryButton, &QPushButton::clicked, this, &AttachDialog::reload);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &AttachDialog::reload);
    connect(view, &QAbstractItemView::doubleClicked, this, &AttachDialog::accept);
    // A click on a row means that row, not an earlier paste.
    connect(view, &QAbstractItemView::pressed, m_ui->pasteEdit, &QLineEdit::clear);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AttachDialog::onSelectionChanged);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AttachDialog::onSelectionChanged);
    connect(m_ui->agentFilter, QOverload<int>::of(&QComboBox::activated), this,
            &AttachDialog::onFilterActivated);
    connect(m_ui->pasteEdit, &QLineEdit::textChanged, this, &AttachDialog::updateAttachState);
    connect(m_ui->pasteEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        // Typing a paste replaces the row as the thing to attach; say so by deselecting it.
        if (!text.trimmed().isEmpty())
            m_ui->sessionView->selectionModel()->clear();
    });

    m_ui->agentFilter->addItem(tr("All agents"), QString());
    m_ui->explanationLabel->hide();
    m_ui->pasteMessageLabel->hide();
    view->setFocus();
    resize(860, 520);

    m_agentsCall = m_client->listAllAgents(
        QString(), [this](const Result<QList<Agent>> &r) { onAgentsListed(r); });
    reload();
}

AttachDialog::~AttachDialog()
{
    if (m_call)
        m_call->abort();
    if (m_agentsCall)
        m_agentsCall->abort();
}

QString AttachDialog::agentDisplayName(const QString &agentId) const
{
    return m_model->agentText(agentId);
}

QString AttachDialog::agentFilter() const
{
    return m_agentFilter;
}

void AttachDialog::onFilterActivated()
{
    const QString agentId = m_ui->agentFilter->currentData().toString();
    if (agentId == m_agentFilter)
        return;
    m_agentFilter = agentId;
    reload();
}

void AttachDialog::reload()
{
    if (m_call)
        m_call->abort();
    m_call = nullptr;
    const quint64 generation = ++m_generation;
    const QString agentId = m_agentFilter;
    if (!m_loadedOnce) {
        showMessage(
            tr("Loading sessions from %1…").arg(m_client->config().baseUrl.toDisplayString()),
            false, false);
        setBusy(true, QString());
    } else {
        setBusy(true, tr("Loading sessions…"));
    }
    m_call = m_client->listSessions(agentId, kListLimit,
                                    [this, generation, agentId](const Result<QList<Session>> &r) {
                                        onListed(generation, agentId, r);
                                    });
}

void AttachDialog::onAgentsListed(const Result<QList<Agent>> &r)
{
    m_agentsCall = nullptr;
    // Without names the rows show short agent ids, which still work; no need to shout.
    if (!r.ok())
        return;
    m_agents = r.value;
    QHash<QString, QString> names;
    for (const Agent &a : qAsConst(m_agents))
        names.insert(a.id, a.displayName());
    m_model->setAgentNames(names);
    rebuildAgentFilter();
    fitColumns();
}

void AttachDialog::onListed(quint64 generation, const QString &agentId,
                            const Result<QList<Session>> &r)
{
    if (generation != m_generation)
        return;
    m_call = nullptr;
    if (!r.ok()) {
        if (r.error.kind == LapError::Kind::Cancelled)
            return;
        setBusy(false, QString());
        m_model->setSessions({}, QDateTime::currentDateTimeUtc());
        showMessage(r.error.text(), true, true, r.error.detail);
        return;
    }
    const QString previous = selectedRow().id;
    m_loadedOnce = true;
    m_model->setSessions(r.value, QDateTime::currentDateTimeUtc());
    rebuildAgentFilter();
    const int n = r.value.size();
    const QString agentName = agentDisplayName(agentId);
    QString status;
    if (n >= kListLimit)
        status = tr("The newest %1 sessions (the platform lists no more)").arg(n);
    else if (agentId.isEmpty())
        status = plural(QT_TRANSLATE_N_NOOP("lap::SessionListModel", "%n session"),
                        QT_TRANSLATE_N_NOOP("lap::SessionListModel", "%n sessions"), n);
    else
        status = plural(QT_TRANSLATE_N_NOOP("lap::SessionListModel", "%n session of “%1”"),
                        QT_TRANSLATE_N_NOOP("lap::SessionListModel", "%n sessions of “%1”"), n)
                     .arg(agentName);
    setBusy(false, status);
    if (n == 0) {
        showMessage(agentId.isEmpty()
                        ? tr("There are no sessions on %1. Open an agent to start one.")
                              .arg(m_client->config().baseUrl.toDisplayString())
                        : tr("“%1” has no sessions.").arg(agentName),
                    false, false);
        return;
    }
    m_ui->stack->setCurrentWidget(m_ui->listPage);
    fitColumns();
    selectAfterLoad(previous);
}

void AttachDialog::rebuildAgentFilter()
{
    // Agents that have sessions (as the agent list counted them, or as the session list shows
    // them), and the current filter whatever it is.
    QHash<QString, QString> labels;
    for (const Agent &a : qAsConst(m_agents)) {
        if (a.sessionCount != 0)
            labels.insert(a.id, a.displayName());
    }
    for (const Session &s : m_model->sessions()) {
        if (!labels.contains(s.agentId))
            labels.insert(s.agentId, m_model->agentText(s.agentId));
    }
    if (!m_agentFilter.isEmpty() && !labels.contains(m_agentFilter))
        labels.insert(m_agentFilter, m_model->agentText(m_agentFilter));

    QHash<QString, int> uses;
    for (const QString &label : qAsConst(labels))
        ++uses[label];
    QList<QPair<QString, QString>> entries; // label, id
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        // Two agents of one name must stay tellable apart.
        const QString label = uses.value(it.value()) > 1
                                  ? QStringLiteral("%1 (%2)").arg(it.value(), it.key().left(8))
                                  : it.value();
        entries.append({label, it.key()});
    }
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) {
        const int c = a.first.compare(b.first, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.second < b.second;
    });

    QComboBox *combo = m_ui->agentFilter;
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(tr("All agents"), QString());
    for (const auto &e : qAsConst(entries))
        combo->addItem(e.first, e.second);
    combo->setCurrentIndex(std::max(0, combo->findData(m_agentFilter)));
}

void AttachDialog::fitColumns()
{
    // Short columns side by side ("< 1 min" next to "< 1 min ago") need air between them.
    QTreeView *view = m_ui->sessionView;
    lap::fitColumns(view, SessionListModel::ColumnCount, SessionListModel::AgentColumn,
                    2 * view->fontMetrics().averageCharWidth());
}

void AttachDialog::selectAfterLoad(const QString &preferredId)
{
    // A paste is what Attach uses; selecting a row now would only contradict it.
    if (!m_ui->pasteEdit->text().trimmed().isEmpty()) {
        updateAttachState();
        return;
    }
    // Keep the user's row across a refresh; otherwise the first attachable one, so that
    // Enter right away does something useful. Nothing when no session is ready.
    QModelIndex target;
    const int keep = preferredId.isEmpty() ? -1 : m_model->rowOf(preferredId);
    if (keep >= 0) {
        target = m_proxy->mapFromSource(m_model->index(keep, 0));
    } else {
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex i = m_proxy->index(row, 0);
            if (i.data(SessionListModel::SessionRole).value<Session>().isReady()) {
                target = i;
                break;
            }
        }
    }
    if (target.isValid()) {
        m_ui->sessionView->setCurrentIndex(target);
        m_ui->sessionView->scrollTo(target);
    } else {
        m_ui->sessionView->selectionModel()->clear();
    }
    onSelectionChanged();
}

void AttachDialog::showMessage(const QString &text, bool offerRetry, bool isError,
                               const QString &detail)
{
    showListMessage(m_ui.get(), text, offerRetry, isError, detail);
    onSelectionChanged();
}

void AttachDialog::setBusy(bool busy, const QString &status)
{
    setListBusy(m_ui.get(), busy, status);
}

Session AttachDialog::selectedRow() const
{
    if (m_ui->stack->currentWidget() != m_ui->listPage)
        return {};
    const QModelIndexList rows = m_ui->sessionView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(SessionListModel::SessionRole).value<Session>();
}

void AttachDialog::onSelectionChanged()
{
    // The user moved to a row with the keyboard: that, not an earlier paste, is what they want
    // to attach (clicks are handled through pressed()).
    if (m_ui->sessionView->hasFocus() && !selectedRow().id.isEmpty() &&
        !m_ui->pasteEdit->text().isEmpty()) {
        m_ui->pasteEdit->clear(); // updates the state through textChanged
        return;
    }
    updateAttachState();
}

void AttachDialog::setOtherProfiles(const QList<Profile> &profiles)
{
    m_otherProfiles = profiles;
    updateAttachState();
}

bool AttachDialog::sameBase(const QUrl &a, const QUrl &b) const
{
    const auto path = [](const QUrl &u) {
        QString p = u.path();
        while (p.endsWith(QLatin1Char('/')))
            p.chop(1);
        return p;
    };
    return a.isValid() && b.isValid() && sameOrigin(a, b) && path(a) == path(b);
}

Result<ResumeArgument> AttachDialog::pastedArgument() const
{
    Result<ResumeArgument> r = parseResumeArgument(m_ui->pasteEdit->text());
    if (r.ok() && r.value.baseOverride.isValid() &&
        sameBase(r.value.baseOverride, m_client->config().baseUrl))
        r.value.baseOverride = QUrl();
    return r;
}

ResumeArgument AttachDialog::chosen() const
{
    if (!m_ui->pasteEdit->text().trimmed().isEmpty()) {
        const Result<ResumeArgument> p = pastedArgument();
        if (!p.ok())
            return {};
        if (!p.value.baseOverride.isValid()) {
            // A listed session of this platform that is not ready cannot be attached either.
            const int row = m_model->rowOf(p.value.sessionId);
            if (row >= 0 && !m_model->sessions().at(row).isReady())
                return {};
        }
        return p.value;
    }
    const Session s = selectedRow();
    if (!s.isReady())
        return {};
    ResumeArgument a;
    a.sessionId = s.id;
    return a;
}

Session AttachDialog::chosenSession() const
{
    const ResumeArgument a = chosen();
    if (a.sessionId.isEmpty() || a.baseOverride.isValid())
        return {};
    const int row = m_model->rowOf(a.sessionId);
    return row >= 0 ? m_model->sessions().at(row) : Session();
}

void AttachDialog::updateAttachState()
{
    const QString pasted = m_ui->pasteEdit->text().trimmed();
    QLabel *pasteMessage = m_ui->pasteMessageLabel;
    QPalette notePalette = palette();
    QString note;
    bool noteIsError = false;
    if (!pasted.isEmpty()) {
        const Result<ResumeArgument> p = pastedArgument();
        if (!p.ok()) {
            note = p.error.text();
            noteIsError = true;
        } else if (p.value.baseOverride.isValid()) {
            const QUrl there = p.value.baseOverride;
            const QUrl home = m_client->config().baseUrl;
            const Profile owner = profileOfOrigin(m_otherProfiles, there);
            if (sameOrigin(there, home))
                note = tr("This session is under %1: LAP Desktop attaches there for this tab "
                          "only.")
                           .arg(there.toDisplayString());
            else if (owner.isValid())
                note = tr("This session is on %1: the tab uses the key of your profile “%2”.")
                           .arg(there.toDisplayString(), owner.name);
            else
                note = tr("This session is on %1, not on %2: the tab asks before it sends your "
                          "master key there.")
                           .arg(there.toDisplayString(), home.toDisplayString());
        } else {
            const int row = m_model->rowOf(p.value.sessionId);
            if (row >= 0 && !m_model->sessions().at(row).isReady()) {
                note = SessionListModel::notReadyExplanation(m_model->sessions().at(row));
                noteIsError = true;
            }
        }
    }
    if (noteIsError)
        notePalette.setColor(QPalette::WindowText,
                             SessionListModel::statusColor(QStringLiteral("failed")));
    pasteMessage->setPalette(notePalette);
    pasteMessage->setText(note);
    pasteMessage->setVisible(!note.isEmpty());

    // The row's explanation only while the row, not a paste, is what Attach would use.
    const Session row = pasted.isEmpty() ? selectedRow() : Session();
    const bool explain = !row.id.isEmpty() && !row.isReady();
    m_ui->explanationLabel->setText(explain ? SessionListModel::notReadyExplanation(row)
                                            : QString());
    m_ui->explanationLabel->setVisible(explain);

    m_attachButton->setEnabled(!chosen().sessionId.isEmpty());
}

void AttachDialog::accept()
{
    if (chosen().sessionId.isEmpty()) {
        if (!m_ui->pasteEdit->text().trimmed().isEmpty())
            m_ui->pasteEdit->setFocus();
        return;
    }
    QDialog::accept();
}

void AttachDialog::done(int result)
{
    if (m_call)
        m_call->abort();
    m_call = nullptr;
    if (m_agentsCall)
        m_agentsCall->abort();
    m_agentsCall = nullptr;
    QDialog::done(result);
}

} // namespace lap
