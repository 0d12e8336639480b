// SPDX-License-Identifier: GPL-2.0-or-later
#include "attachdialog.h"

#include "pickerlist.h"
#include "platformclient.h"
#include "plural.h"
#include "sessionlistmodel.h"
#include "ui_attachdialog.h"
#include "uistyle.h"

#include <QPushButton>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>

#include <algorithm>
#include <utility>

namespace lap {

namespace {

// The status line is translated along with the list's own texts (its context in translations/).
const char kTrContext[] = "lap::SessionListModel";

} // namespace

AttachDialog::AttachDialog(PlatformClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_ui(std::make_unique<Ui::AttachDialog>())
    , m_model(new SessionListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_loader = std::make_unique<ListLoader>(ListLoader::widgetsOf(m_ui.get()),
                                            [this] { onSelectionChanged(); });
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
    const QString agentId = m_agentFilter;
    m_loader->load<QList<Session>>(
        tr("Loading sessions from %1…").arg(m_client->config().baseUrl.toDisplayString()),
        tr("Loading sessions…"),
        [this, agentId](auto done) { return m_client->listSessions(agentId, kListLimit, done); },
        [this] { m_model->setSessions({}, QDateTime::currentDateTimeUtc()); },
        [this, agentId](const QList<Session> &sessions) { onListed(agentId, sessions); });
}

void AttachDialog::onAgentsListed(const Result<QList<Agent>> &r)
{
    m_agentsCall = nullptr;
    // Without names the rows show short agent ids, which still work; no need to shout.
    if (!r.ok())
        return;
    m_agents = r.value;
    QHash<QString, QString> names;
    for (const Agent &a : std::as_const(m_agents))
        names.insert(a.id, a.displayName());
    m_model->setAgentNames(names);
    rebuildAgentFilter();
    fitColumns();
}

void AttachDialog::onListed(const QString &agentId, const QList<Session> &sessions)
{
    const QString previous = selectedRow().id;
    m_model->setSessions(sessions, QDateTime::currentDateTimeUtc());
    rebuildAgentFilter();
    const int n = sessions.size();
    const QString agentName = agentDisplayName(agentId);
    QString status;
    if (n >= kListLimit)
        status = tr("The newest %1 sessions (the platform lists no more)").arg(n);
    else if (agentId.isEmpty())
        status = plural(kTrContext, QT_TRANSLATE_N_NOOP("lap::SessionListModel", "%n session"),
                        QT_TRANSLATE_N_NOOP("lap::SessionListModel", "%n sessions"), n);
    else
        status =
            plural(kTrContext, QT_TRANSLATE_N_NOOP("lap::SessionListModel", "%n session of “%1”"),
                   QT_TRANSLATE_N_NOOP("lap::SessionListModel", "%n sessions of “%1”"), n)
                .arg(agentName);
    m_loader->setBusy(false, status);
    if (n == 0) {
        m_loader->showMessage(agentId.isEmpty()
                                  ? tr("There are no sessions on %1. Open an agent to start one.")
                                        .arg(m_client->config().baseUrl.toDisplayString())
                                  : tr("“%1” has no sessions.").arg(agentName),
                              false, false);
        return;
    }
    m_loader->showList();
    fitColumns();
    selectAfterLoad(previous);
}

void AttachDialog::rebuildAgentFilter()
{
    // Agents that have sessions (as the agent list counted them, or as the session list shows
    // them), and the current filter whatever it is.
    QHash<QString, QString> labels;
    for (const Agent &a : std::as_const(m_agents)) {
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
    for (const QString &label : std::as_const(labels))
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
    for (const auto &e : std::as_const(entries))
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
    const QModelIndex target = rowToSelect<Session>(
        m_proxy, preferredId.isEmpty() ? -1 : m_model->rowOf(preferredId),
        SessionListModel::SessionRole, [](const Session &s) { return s.isReady(); });
    if (target.isValid()) {
        m_ui->sessionView->setCurrentIndex(target);
        m_ui->sessionView->scrollTo(target);
    } else {
        m_ui->sessionView->selectionModel()->clear();
    }
    onSelectionChanged();
}

Session AttachDialog::selectedRow() const
{
    if (!m_loader->showsList())
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

PastedSession AttachDialog::pasted() const
{
    return resolvePastedSession(m_ui->pasteEdit->text(), m_client->config().baseUrl,
                                m_otherProfiles, m_model->sessions());
}

ResumeArgument AttachDialog::chosen() const
{
    const PastedSession p = pasted();
    if (p.kind != PastedSession::Kind::Empty)
        return p.argument;
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
    const PastedSession p = pasted();
    const QUrl home = m_client->config().baseUrl;
    const QString there = p.argument.baseOverride.toDisplayString();
    QString note;
    bool noteIsError = false;
    switch (p.kind) {
    case PastedSession::Kind::Empty:
    case PastedSession::Kind::ThisPlatform:
        break;
    case PastedSession::Kind::Invalid:
        note = p.error.text();
        noteIsError = true;
        break;
    case PastedSession::Kind::NotReady:
        note = SessionListModel::notReadyExplanation(p.listed);
        noteIsError = true;
        break;
    case PastedSession::Kind::OtherPrefix:
        note = tr("This session is under %1: LAP Desktop attaches there for this tab "
                  "only.")
                   .arg(there);
        break;
    case PastedSession::Kind::OtherProfile:
        note = tr("This session is on %1: the tab uses the key of your profile “%2”.")
                   .arg(there, p.owner.name);
        break;
    case PastedSession::Kind::OtherPlatform:
        note = tr("This session is on %1, not on %2: the tab asks before it sends your "
                  "master key there.")
                   .arg(there, home.toDisplayString());
        break;
    }
    QLabel *pasteMessage = m_ui->pasteMessageLabel;
    pasteMessage->setPalette(noteIsError ? errorTextPalette(palette()) : palette());
    pasteMessage->setText(note);
    pasteMessage->setVisible(!note.isEmpty());

    // The row's explanation only while the row, not a paste, is what Attach would use.
    const Session row = p.kind == PastedSession::Kind::Empty ? selectedRow() : Session();
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
    m_loader->abort();
    if (m_agentsCall)
        m_agentsCall->abort();
    m_agentsCall = nullptr;
    QDialog::done(result);
}

} // namespace lap
