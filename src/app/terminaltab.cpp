// SPDX-License-Identifier: GPL-2.0-or-later
#include "terminaltab.h"

#include "catrust.h"
#include "reconnectpolicy.h"
#include "remoteterminal.h"
#include "sessionkeepalive.h"
#include "sessionopener.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace lap {

namespace {

// Backlog of remote output not yet taken by the emulator at which reading pauses.
constexpr qint64 kOutputHighWater = 1024 * 1024;

QColor stateColor(TerminalTab::State state)
{
    switch (state) {
    case TerminalTab::State::Opening:
    case TerminalTab::State::Connecting:
        return QColor(0x3d, 0x8b, 0xe0); // blue: on its way
    case TerminalTab::State::Connected:
        return QColor(0x3c, 0xb3, 0x4a);
    case TerminalTab::State::Reconnecting:
        return QColor(0xf0, 0x9a, 0x1a);
    case TerminalTab::State::Detached:
    case TerminalTab::State::AgentExited:
        return QColor(0x8a, 0x8f, 0x98);
    case TerminalTab::State::Failed:
        return QColor(0xd9, 0x3b, 0x3b);
    }
    return Qt::gray;
}

QString shortId(const QString &id)
{
    return id.left(8);
}

} // namespace

QIcon TerminalTab::iconForState(State state)
{
    // Drawn rather than shipped: one dot per state keeps the tab bar, the tray menu and the
    // window menu in the same colours without a set of image files per theme.
    QIcon icon;
    for (int size : {16, 22, 32}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor c = stateColor(state);
        p.setPen(QPen(c.darker(140), size / 16.0));
        p.setBrush(c);
        const qreal m = size * 0.18;
        p.drawEllipse(QRectF(m, m, size - 2 * m, size - 2 * m));
        if (state == State::Reconnecting || state == State::Opening || state == State::Connecting) {
            // A hollow centre tells "in progress" apart from "connected" without relying on colour.
            p.setBrush(Qt::white);
            p.setPen(Qt::NoPen);
            const qreal r = size * 0.16;
            p.drawEllipse(QPointF(size / 2.0, size / 2.0), r, r);
        }
        icon.addPixmap(pm);
    }
    return icon;
}

QString TerminalTab::stateName(State state)
{
    switch (state) {
    case State::Opening:
        return tr("Opening");
    case State::Connecting:
        return tr("Connecting");
    case State::Connected:
        return tr("Connected");
    case State::Reconnecting:
        return tr("Reconnecting");
    case State::Detached:
        return tr("Detached");
    case State::AgentExited:
        return tr("Agent exited");
    case State::Failed:
        return tr("Failed");
    }
    return {};
}

TerminalTab::TerminalTab(QNetworkAccessManager *nam, const PlatformConfig &platform,
                         const AppSettings &settings, QWidget *parent)
    : QWidget(parent), m_client(new PlatformClient(nam, platform, this)), m_settings(settings)
{
    buildUi();
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, &TerminalTab::updateProgress);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &TerminalTab::tryReconnect);
}

TerminalTab::~TerminalTab()
{
    // close() may report `closed` synchronously; a tab being destroyed (often together with its
    // window) must not react to that or tell anyone about it.
    blockSignals(true);
    if (m_channel) {
        disconnect(m_channel, nullptr, this, nullptr);
        if (m_channel->state() == TtyChannel::State::Open)
            m_channel->close(); // a close frame: the platform keeps the session
    }
}

void TerminalTab::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);

    // Progress page: what the platform is doing, for how long, and a way out.
    m_progressPage = new QWidget(m_stack);
    auto *pl = new QVBoxLayout(m_progressPage);
    pl->addStretch(2);
    m_progressTitle = new QLabel(m_progressPage);
    m_progressTitle->setAlignment(Qt::AlignCenter);
    QFont big = m_progressTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_progressTitle->setFont(big);
    m_progressPhases = new QLabel(m_progressPage);
    m_progressPhases->setAlignment(Qt::AlignCenter);
    m_progressPhases->setWordWrap(true);
    m_progressPhases->setTextFormat(Qt::RichText);
    m_progressElapsed = new QLabel(m_progressPage);
    m_progressElapsed->setAlignment(Qt::AlignCenter);
    m_cancelButton = new QPushButton(tr("Cancel"), m_progressPage);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    connect(m_cancelButton, &QPushButton::clicked, this, &TerminalTab::cancelOpening);
    pl->addWidget(m_progressTitle);
    pl->addSpacing(12);
    pl->addWidget(m_progressPhases);
    pl->addWidget(m_progressElapsed);
    pl->addSpacing(12);
    auto *cancelRow = new QHBoxLayout;
    cancelRow->addStretch();
    cancelRow->addWidget(m_cancelButton);
    cancelRow->addStretch();
    pl->addLayout(cancelRow);
    pl->addStretch(3);
    m_stack->addWidget(m_progressPage);

    // Failure page: the sentence, the fix, and the block to paste into a bug report.
    m_failurePage = new QWidget(m_stack);
    auto *fl = new QVBoxLayout(m_failurePage);
    fl->setContentsMargins(24, 24, 24, 24);
    m_failureMessage = new QLabel(m_failurePage);
    m_failureMessage->setObjectName(QStringLiteral("failureMessage"));
    m_failureMessage->setWordWrap(true);
    m_failureMessage->setTextFormat(Qt::PlainText); // server text, never markup
    m_failureMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_failureMessage->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_failureMessage->setFont(bold);
    m_failureHint = new QLabel(m_failurePage);
    m_failureHint->setObjectName(QStringLiteral("failureHint"));
    m_failureHint->setWordWrap(true);
    m_failureHint->setTextFormat(Qt::PlainText); // server text, never markup
    m_failureHint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_failureDetail = new QPlainTextEdit(m_failurePage);
    m_failureDetail->setObjectName(QStringLiteral("failureDetail"));
    m_failureDetail->setReadOnly(true);
    m_failureDetail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *buttons = new QHBoxLayout;
    auto *copy = new QPushButton(tr("Copy details"), m_failurePage);
    copy->setObjectName(QStringLiteral("copyDetailsButton"));
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_failureMessage->text() + QLatin1Char('\n') +
                                           m_failureHint->text() + QLatin1String("\n\n") +
                                           m_failureDetail->toPlainText());
    });
    m_retryButton = new QPushButton(m_failurePage);
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    connect(m_retryButton, &QPushButton::clicked, this, &TerminalTab::retry);
    buttons->addWidget(copy);
    buttons->addStretch();
    buttons->addWidget(m_retryButton);
    fl->addWidget(m_failureMessage);
    fl->addWidget(m_failureHint);
    fl->addSpacing(8);
    fl->addWidget(m_failureDetail, 1);
    fl->addLayout(buttons);
    m_stack->addWidget(m_failurePage);

    // Key consent page: the session is on another platform than the one the key was saved for.
    m_keyConsentPage = new QWidget(m_stack);
    auto *centred = new QHBoxLayout(m_keyConsentPage);
    auto *keyColumn = new QWidget(m_keyConsentPage);
    keyColumn->setMaximumWidth(720); // a question reads badly across a wide window
    centred->addWidget(keyColumn);
    auto *kl = new QVBoxLayout(keyColumn);
    kl->setContentsMargins(24, 24, 24, 24);
    kl->addStretch(2);
    auto *keyTitle = new QLabel(tr("Send your master key to another platform?"), m_keyConsentPage);
    keyTitle->setFont(bold);
    keyTitle->setWordWrap(true);
    m_keyConsentText = new QLabel(m_keyConsentPage);
    m_keyConsentText->setObjectName(QStringLiteral("keyConsentText"));
    m_keyConsentText->setWordWrap(true);
    m_keyConsentText->setTextFormat(Qt::PlainText); // URLs from a pasted link, never markup
    m_keyConsentText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *keyButtons = new QHBoxLayout;
    auto *refuse = new QPushButton(tr("Don't Send"), m_keyConsentPage);
    refuse->setObjectName(QStringLiteral("refuseKeyButton"));
    connect(refuse, &QPushButton::clicked, this, [this] {
        const QString there = m_client->config().baseUrl.toDisplayString();
        showFailure(
            LapError(LapError::Kind::Cancelled,
                     tr("Not attached: your master key was not sent to %1.").arg(there),
                     tr("Sign in to %1 as another profile with its own key, then attach again.")
                         .arg(there)));
    });
    m_sendKeyButton = new QPushButton(m_keyConsentPage);
    m_sendKeyButton->setObjectName(QStringLiteral("sendKeyButton"));
    connect(m_sendKeyButton, &QPushButton::clicked, this, &TerminalTab::allowKeyForThisTab);
    keyButtons->addStretch();
    keyButtons->addWidget(refuse);
    keyButtons->addWidget(m_sendKeyButton);
    kl->addWidget(keyTitle);
    kl->addSpacing(8);
    kl->addWidget(m_keyConsentText);
    kl->addSpacing(12);
    kl->addLayout(keyButtons);
    kl->addStretch(3);
    m_stack->addWidget(m_keyConsentPage);

    // Terminal page: a banner line above the terminal for connection news.
    m_terminalPage = new QWidget(m_stack);
    auto *tl = new QVBoxLayout(m_terminalPage);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->setSpacing(0);
    m_banner = new QLabel(m_terminalPage);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText); // server text, never markup
    m_banner->setContentsMargins(8, 4, 8, 4);
    m_banner->setAutoFillBackground(true);
    QPalette bp = m_banner->palette();
    bp.setColor(QPalette::Window, QColor(0xfd, 0xf0, 0xc8));
    bp.setColor(QPalette::WindowText, QColor(0x4a, 0x3a, 0x00));
    m_banner->setPalette(bp);
    m_banner->hide();
    m_terminal = new RemoteTerminal(m_settings.terminal, m_terminalPage);
    tl->addWidget(m_banner);
    tl->addWidget(m_terminal, 1);
    m_stack->addWidget(m_terminalPage);

    connect(m_terminal, &RemoteTerminal::input, this, &TerminalTab::onTerminalInput);
    connect(m_terminal, &RemoteTerminal::sizeChanged, this, [this](int cols, int rows) {
        if (m_channel)
            m_channel->sendResize(cols, rows);
    });
    connect(m_terminal, &RemoteTerminal::detachRequested, this, &TerminalTab::detach);
    // Only a person at the keyboard keeps the session from the idle reaper: the emulator's
    // answers to a remote program's queries go out as input too, but must not.
    connect(m_terminal, &RemoteTerminal::userActive, this, [this] {
        if (m_keepAlive && m_channel && m_channel->state() == TtyChannel::State::Open)
            m_keepAlive->noteInput();
    });
    connect(m_terminal, &RemoteTerminal::outputDrained, this, [this] {
        if (m_channel)
            m_channel->setReadPaused(false);
    });
    connect(m_terminal, &RemoteTerminal::bell, this, &TerminalTab::bellRang);

    m_stack->setCurrentWidget(m_progressPage);
    setFocusProxy(m_terminal);
}

QString TerminalTab::title() const
{
    const QString name = m_agentName.isEmpty() ? m_agentSpec : m_agentName;
    if (m_session.id.isEmpty())
        return name.isEmpty() ? tr("New session") : name;
    if (name.isEmpty())
        return shortId(m_session.id);
    return tr("%1 · %2").arg(name, shortId(m_session.id));
}

bool TerminalTab::canReconnect() const
{
    return !m_session.id.isEmpty() &&
           (isDropped() || m_state == State::AgentExited ||
            (m_state == State::Failed && m_lastError.kind != LapError::Kind::Cancelled &&
             reconnectMayHelp()));
}

bool TerminalTab::reconnectMayHelp() const
{
    // SessionFailed: the opener saw the session fail before this tab ever held it.
    return !m_session.id.isEmpty() && !m_session.isTerminal() && m_target.url.isValid() &&
           m_lastError.kind != LapError::Kind::SessionFailed;
}

void TerminalTab::openAgent(const QString &agentNameOrId)
{
    m_agentSpec = agentNameOrId;
    m_attachOnly = false;
    m_session = Session{};
    startOpener();
}

void TerminalTab::attachSession(const QString &sessionId)
{
    m_attachOnly = true;
    m_session = Session{};
    m_session.id = sessionId;
    startOpener();
}

void TerminalTab::setAgent(const QString &name, const QString &id)
{
    m_agentName = name;
    m_agentId = id;
    m_agentSpec = id.isEmpty() ? name : id;
    emit titleChanged(title());
}

void TerminalTab::terminateSession()
{
    if (m_session.id.isEmpty())
        return;
    m_reconnectTimer.stop();
    if (m_opener)
        m_opener->cancel();
    m_progressTimer.stop();
    setState(m_state, tr("Terminating session %1").arg(m_session.id));
    // From now on the platform drops our socket: that is no drop to recover from.
    m_terminated = true;
    if (m_checkCall)
        m_checkCall->abort();
    m_client->deleteSession(m_session.id, [this](const Result<QString> &r) {
        if (!r.ok()) {
            // The session lives on: keep working with it, or try again.
            m_terminated = false;
            emit terminateFailed(r.error);
            setState(m_state, r.error.message);
            if (!m_channel || m_channel->state() != TtyChannel::State::Open)
                reconnect();
            return;
        }
        if (m_channel)
            m_channel->abort();
        m_session.status = QStringLiteral("dead");
        showFailure(
            LapError(LapError::Kind::SessionFailed,
                     tr("Session %1 was terminated; its sandbox is gone.").arg(m_session.id),
                     m_agentSpec.isEmpty() ? QString()
                                           : tr("Open the agent again to start a new session.")));
    });
}

void TerminalTab::startKeepAlive()
{
    // TTY traffic does not count as activity on the platform, which reaps a ready session one
    // idle window after it became ready (platform-api.md §5). Refresh it while the user types;
    // a session left alone is still reaped as the platform intends.
    delete m_keepAlive;
    m_keepAlive = new SessionKeepAlive(m_client, m_session.id, KeepAlivePolicy{}, this);
    m_keepAlive->setIdleWindowMs(m_session.idleTimeoutMs.value_or(0));
    m_keepAlive->setEnabled(m_settings.keepSessionsAlive);
}

void TerminalTab::setPlatform(const PlatformConfig &platform)
{
    m_client->setConfig(platform);
}

bool TerminalTab::isAskingToSendKey() const
{
    return m_stack->currentWidget() == m_keyConsentPage;
}

void TerminalTab::askToSendKey()
{
    m_progressTimer.stop();
    const PlatformConfig &c = m_client->config();
    const QString there = c.baseUrl.toDisplayString();
    m_keyConsentText->setText(
        tr("Session %1 is on %2. Your master key was saved for %3 and goes nowhere else unless "
           "you allow it: whoever runs %2 would receive it and could use it on %3.\n\n"
           "Allow it only if %2 is the same platform under another address.")
            .arg(m_session.id, there, c.keyOrigin().toDisplayString()));
    const QString hostPort =
        c.baseUrl.port() == -1
            ? c.baseUrl.host()
            : QStringLiteral("%1:%2").arg(c.baseUrl.host()).arg(c.baseUrl.port());
    m_sendKeyButton->setText(tr("Send Key to %1").arg(hostPort));
    m_stack->setCurrentWidget(m_keyConsentPage);
    setState(State::Opening,
             tr("Waiting for you to allow sending the master key to %1").arg(there));
}

void TerminalTab::allowKeyForThisTab()
{
    PlatformConfig c = m_client->config();
    c.keyHome = c.baseUrl; // for this tab only: the saved profile is unchanged
    m_client->setConfig(c);
    startOpener();
}

void TerminalTab::startOpener()
{
    m_reconnectTimer.stop();
    m_reconnectAttempt = 0;
    m_terminated = false;
    if (m_client->config().needsKeyConsent()) {
        askToSendKey();
        return;
    }
    delete m_opener;
    OpenOptions options;
    options.giveUpMs = m_settings.pollGiveUpSeconds * 1000;
    options.overrides = overrides();
    m_opener = new SessionOpener(m_client, options, this);
    connect(m_opener, &SessionOpener::agentResolved, this, [this](const Agent &agent) {
        m_agentName = agent.displayName();
        m_agentId = agent.id;
        emit titleChanged(title());
        updateProgress();
    });
    connect(m_opener, &SessionOpener::sessionCreated, this, [this](const Session &s) {
        m_session = s;
        emit titleChanged(title());
        updateProgress();
    });
    connect(m_opener, &SessionOpener::polled, this, [this](const Session &s) {
        m_session = s;
        if (m_agentId.isEmpty())
            m_agentId = s.agentId;
    });
    connect(m_opener, &SessionOpener::phaseChanged, this, &TerminalTab::onPhase);
    connect(m_opener, &SessionOpener::ready, this, &TerminalTab::onOpenerReady);
    connect(m_opener, &SessionOpener::failed, this, &TerminalTab::onOpenerFailed);

    m_phases.clear();
    m_openClock.start();
    m_progressTimer.start();
    m_stack->setCurrentWidget(m_progressPage);
    m_cancelButton->setEnabled(true);
    setState(State::Opening,
             m_attachOnly ? tr("Fetching the session") : tr("Starting the session"));
    updateProgress();
    if (m_attachOnly)
        m_opener->attach(m_session.id);
    else
        m_opener->open(m_agentSpec);
}

void TerminalTab::cancelOpening()
{
    if (m_opener)
        m_opener->cancel();
    m_progressTimer.stop();
    LapError e(LapError::Kind::Cancelled, tr("Opening was cancelled."),
               m_session.id.isEmpty()
                   ? QString()
                   : tr("Session %1 may still be starting on the platform; attach to it later "
                        "or terminate it.")
                         .arg(m_session.id));
    showFailure(e);
}

void TerminalTab::retry()
{
    if (reconnectMayHelp())
        reconnect();
    else if (!m_agentSpec.isEmpty())
        openAgent(m_agentSpec);
    else if (!m_session.id.isEmpty())
        attachSession(m_session.id);
}

void TerminalTab::onPhase(const QString &phase)
{
    m_phases << phase;
    updateProgress();
}

void TerminalTab::updateProgress()
{
    const QString who = m_agentName.isEmpty() ? m_agentSpec : m_agentName;
    if (m_attachOnly)
        m_progressTitle->setText(tr("Attaching to session %1…").arg(shortId(m_session.id)));
    else
        m_progressTitle->setText(tr("Starting %1…").arg(who.toHtmlEscaped()));
    QStringList shown;
    for (int i = 0; i < m_phases.size(); ++i) {
        const QString p = m_phases.at(i).toHtmlEscaped();
        shown << (i + 1 == m_phases.size() ? QStringLiteral("<b>%1</b>").arg(p) : p);
    }
    QString status = m_session.status.isEmpty() ? tr("requesting a sandbox") : m_session.status;
    m_progressPhases->setText(shown.isEmpty() ? status.toHtmlEscaped()
                                              : shown.join(QStringLiteral(" → ")));
    const double secs = m_openClock.isValid() ? m_openClock.elapsed() / 1000.0 : 0.0;
    QString line = tr("%1 s elapsed").arg(secs, 0, 'f', 1);
    if (!m_session.id.isEmpty())
        line += tr(" · session %1").arg(shortId(m_session.id));
    m_progressElapsed->setText(line);
}

void TerminalTab::onOpenerReady(const Session &session, const TtyTarget &target)
{
    m_progressTimer.stop();
    m_session = session;
    m_target = target;
    if (m_agentId.isEmpty())
        m_agentId = session.agentId;
    startKeepAlive();
    if (m_agentName.isEmpty() && !m_agentId.isEmpty()) {
        // Attached by id: fetch the agent's name so the tab says what it is.
        m_client->getAgent(m_agentId, [this](const Result<Agent> &r) {
            if (!r.ok() || !m_agentName.isEmpty())
                return;
            m_agentName = r.value.displayName();
            if (m_agentSpec.isEmpty())
                m_agentSpec = r.value.id;
            emit titleChanged(title());
        });
    }
    emit titleChanged(title());
    connectChannel();
}

void TerminalTab::onOpenerFailed(const LapError &error)
{
    m_progressTimer.stop();
    showFailure(error);
}

void TerminalTab::connectChannel()
{
    if (!m_channel) {
        m_channel = new TtyChannel(this);
        connect(m_channel, &TtyChannel::opened, this, &TerminalTab::onChannelOpened);
        connect(m_channel, &TtyChannel::output, this, [this](const QByteArray &bytes) {
            m_terminal->writeOutput(bytes);
            // Flow control: the emulator is slower than a fast remote. Stop reading the socket
            // while its backlog is large instead of buffering a flood without bound (bench/).
            if (m_terminal->pendingOutputBytes() >= kOutputHighWater)
                m_channel->setReadPaused(true);
            emit activity();
        });
        connect(m_channel, &TtyChannel::closed, this, &TerminalTab::onChannelClosed);
        connect(m_channel, &TtyChannel::failed, this, &TerminalTab::onChannelFailed);
    }
    if (m_target.url.scheme() == QLatin1String("wss")) {
        // The CA chosen in Settings (now, not when the channel was made) is trusted for wss://
        // exactly as for https://.
        const Result<QSslConfiguration> ssl =
            sslConfigurationTrusting(m_client->config().caFile, tr("Connecting to the terminal"));
        if (!ssl.ok()) {
            showFailure(ssl.error);
            return;
        }
        m_channel->setSslConfiguration(ssl.value);
    }
    setState(m_state == State::Reconnecting ? State::Reconnecting : State::Connecting,
             tr("Connecting to %1").arg(m_target.url.toString(QUrl::RemoveQuery)));
    m_channel->open(m_target);
}

void TerminalTab::onChannelOpened()
{
    const bool reattach = m_everConnected;
    m_everConnected = true;
    m_reconnectAttempt = 0;
    m_reconnectTimer.stop();
    m_stack->setCurrentWidget(m_terminalPage);
    if (reattach) {
        // The old stream may have left modes on that the new tmux client will not turn off.
        m_terminal->resetModes();
    }
    const QSize size = m_terminal->terminalSize();
    if (size.width() > 0 && size.height() > 0)
        m_channel->sendResize(size.width(), size.height(), true);
    else
        m_terminal->requestSizeResend();
    if (m_droppedKeys > 0) {
        // The user typed into the outage; say once that those keys never reached the shell.
        showBanner(tr("Reconnected. %n byte(s) typed while disconnected were not sent.", nullptr,
                      m_droppedKeys));
        QTimer::singleShot(6000, m_banner, [this] {
            if (m_state == State::Connected)
                m_banner->hide();
        });
    } else {
        m_banner->hide();
    }
    m_droppedKeys = 0;
    setState(State::Connected, tr("Connected to session %1").arg(m_session.id));
    m_terminal->setFocusToTerminal();
}

void TerminalTab::onTerminalInput(const QByteArray &bytes)
{
    if (m_channel && m_channel->state() == TtyChannel::State::Open) {
        m_channel->sendInput(bytes);
        emit userTyped();
        return;
    }
    // A key pressed during the back-off is a sign the user is back (and often the network too):
    // try now instead of waiting out the delay. The key itself is still dropped.
    retryNow();
    if ((m_state == State::Detached || m_state == State::AgentExited) &&
        (bytes == "\r" || bytes == "\n")) {
        reconnect();
        return;
    }
    // Never queue keystrokes for later: replayed into a shell whose state we cannot see, they
    // could run a half-typed command. Drop them and say so.
    m_droppedKeys += bytes.size();
    if (m_state == State::Reconnecting || m_state == State::Connecting)
        showBanner(tr("Reconnecting… keystrokes are not being sent (%n byte(s) dropped).", nullptr,
                      m_droppedKeys));
}

void TerminalTab::detach()
{
    m_reconnectTimer.stop();
    if (m_channel && m_channel->state() != TtyChannel::State::Closed &&
        m_channel->state() != TtyChannel::State::Idle)
        m_channel->close();
    else
        setState(State::Detached, tr("Detached; the session keeps running on the platform"));
}

void TerminalTab::reconnect()
{
    if (m_session.id.isEmpty())
        return;
    m_reconnectTimer.stop();
    if (m_channel && m_channel->state() == TtyChannel::State::Open)
        return;
    setState(State::Reconnecting, tr("Checking session %1").arg(m_session.id));
    tryReconnect();
}

bool TerminalTab::retryNow()
{
    if (m_state != State::Reconnecting || !m_reconnectTimer.isActive() || m_checkCall)
        return false;
    m_reconnectTimer.stop();
    m_reconnectAttempt = 0;
    tryReconnect();
    return true;
}

void TerminalTab::tryReconnect()
{
    if (m_terminated)
        return;
    // Always look at the session first: reconnecting to a dead one would only fail at TCP level
    // (the proxy does not check status), and the user deserves the real reason.
    if (m_checkCall)
        m_checkCall->abort();
    m_checkCall = m_client->getSession(m_session.id, [this](const Result<Session> &r) {
        if (r.ok()) {
            m_session = r.value;
            if (r.value.isReady()) {
                const Result<TtyTarget> t =
                    deriveTtyTarget(r.value, m_client->config().baseUrl, overrides());
                if (!t.ok()) {
                    showFailure(t.error);
                    return;
                }
                m_target = t.value;
                connectChannel();
                return;
            }
            if (r.value.isTerminal()) {
                showDeadSession(r.value);
                return;
            }
            // creating (a restart is running): wait for it like any other outage.
        } else if (r.error.kind == LapError::Kind::Auth ||
                   r.error.kind == LapError::Kind::NotFound) {
            showFailure(r.error);
            return;
        }
        scheduleReconnect(r.ok() ? tr("The session is %1.").arg(r.value.status) : r.error.message);
    });
}

void TerminalTab::scheduleReconnect(const QString &why)
{
    if (!m_settings.autoReconnect) {
        setState(State::Reconnecting, why);
        showBanner(tr("%1 Automatic reconnect is off: use Session ▸ Reconnect.").arg(why));
        return;
    }
    ++m_reconnectAttempt;
    const int delay =
        reconnectDelayMs(m_reconnectAttempt, QRandomGenerator::global()->generateDouble());
    m_reconnectTimer.start(delay);
    setState(State::Reconnecting, why);
    showBanner(tr("%1 Reconnecting in %2 s… keystrokes are not being sent.")
                   .arg(why)
                   .arg(qMax(1, (delay + 500) / 1000)));
}

void TerminalTab::onChannelClosed(const TtyClose &close)
{
    if (m_terminated)
        return;
    switch (close.reason) {
    case TtyClose::Reason::UserDetached:
        setState(State::Detached, tr("Detached; the session keeps running on the platform"));
        showBanner(tr("Detached — the session keeps running on the platform. Press Enter to "
                      "reattach."));
        return;
    case TtyClose::Reason::AgentExited:
    case TtyClose::Reason::SpawnFailed:
        setState(State::AgentExited, close.describe());
        showBanner(tr("%1 Press Enter to start it again.").arg(close.describe()));
        return;
    case TtyClose::Reason::Dropped:
        break;
    }
    setState(State::Reconnecting, close.describe());
    showBanner(tr("%1 Checking the session…").arg(close.describe()));
    tryReconnect();
}

void TerminalTab::onChannelFailed(const LapError &error)
{
    m_lastError = error;
    if (error.kind == LapError::Kind::TtyUpgrade && error.httpStatus == 401) {
        // A rejected token will not fix itself by retrying.
        showFailure(error);
        return;
    }
    if (!m_everConnected && m_reconnectAttempt >= 2 && error.httpStatus != 503) {
        showFailure(error);
        return;
    }
    if (m_stack->currentWidget() != m_terminalPage)
        m_stack->setCurrentWidget(m_terminalPage);
    scheduleReconnect(error.message);
}

void TerminalTab::showDeadSession(const Session &s)
{
    LapError e(LapError::Kind::SessionFailed, describeEndedSession(s),
               tr("Open the agent again to start a new session."), diagnosticsBlock(s));
    showFailure(e);
}

void TerminalTab::showFailure(const LapError &error)
{
    m_reconnectTimer.stop();
    m_lastError = error;
    m_failureMessage->setText(error.message);
    m_failureHint->setText(error.hint);
    m_failureHint->setVisible(!error.hint.isEmpty());
    m_failureDetail->setPlainText(error.detail);
    m_failureDetail->setVisible(!error.detail.isEmpty());
    m_retryButton->setText(reconnectMayHelp()      ? tr("Reconnect")
                           : m_agentSpec.isEmpty() ? tr("Try again")
                                                   : tr("Open agent again"));
    m_stack->setCurrentWidget(m_failurePage);
    setState(State::Failed, error.message);
}

void TerminalTab::showBanner(const QString &text)
{
    m_banner->setText(text);
    m_banner->show();
}

void TerminalTab::setState(State state, const QString &reason)
{
    const bool changed = state != m_state || reason != m_reason;
    m_state = state;
    m_reason = reason;
    if (changed)
        emit stateChanged(state);
}

TtyOverrides TerminalTab::overrides() const
{
    TtyOverrides o = TtyOverrides::fromEnvironment();
    if (!m_settings.ttyFallbackUrl.isEmpty())
        o.fallbackUrl = m_settings.ttyFallbackUrl;
    return o;
}

void TerminalTab::applySettings(const AppSettings &settings)
{
    m_settings = settings;
    // The next request and the next (re)connect trust the CA file chosen now.
    PlatformConfig platform = m_client->config();
    platform.caFile = settings.caFile;
    m_client->setConfig(platform);
    m_terminal->applySettings(settings.terminal);
    if (m_keepAlive)
        m_keepAlive->setEnabled(settings.keepSessionsAlive);
}

} // namespace lap
