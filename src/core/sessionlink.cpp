// SPDX-License-Identifier: GPL-2.0-or-later
#include "sessionlink.h"

#include "catrust.h"
#include "reconnectdecision.h"
#include "reconnectpolicy.h"
#include "sessionkeepalive.h"
#include "sessionopener.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace lap {

// The sentences below were the terminal tab's before they moved here; they keep its
// translation context ("lap::TerminalTab"), spelled out at each call so that lupdate finds
// them, and the shipped catalogues still translate them.

SessionLink::SessionLink(QNetworkAccessManager *nam, const PlatformConfig &platform,
                         SessionLinkSettings settings, QObject *parent)
    : QObject(parent)
    , m_client(new PlatformClient(nam, platform, this))
    , m_settings(std::move(settings))
    , m_backoff([](int attempt) {
        return reconnectDelayMs(attempt, QRandomGenerator::global()->generateDouble());
    })
{
    qRegisterMetaType<lap::SessionLink::Notice>();
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SessionLink::tryReconnect);
}

SessionLink::~SessionLink()
{
    // close() may report `closed` synchronously; a link being destroyed (often together with
    // its view) must not react to that or tell anyone about it.
    blockSignals(true);
    if (m_channel) {
        disconnect(m_channel, nullptr, this, nullptr);
        if (m_channel->state() == TtyChannel::State::Open)
            m_channel->close(); // a close frame: the platform keeps the session
    }
}

void SessionLink::openAgent(const QString &agentNameOrId)
{
    m_agentSpec = agentNameOrId;
    m_attachOnly = false;
    m_session = Session{};
    startOpener();
}

void SessionLink::attachSession(const QString &sessionId)
{
    m_attachOnly = true;
    m_session = Session{};
    m_session.id = sessionId;
    startOpener();
}

void SessionLink::setAgent(const QString &name, const QString &id)
{
    m_agentName = name;
    m_agentId = id;
    m_agentSpec = id.isEmpty() ? name : id;
    emit identityChanged();
}

void SessionLink::setPlatform(const PlatformConfig &platform)
{
    m_client->setConfig(platform);
}

void SessionLink::setSettings(const SessionLinkSettings &settings)
{
    m_settings = settings;
    if (m_keepAlive)
        m_keepAlive->setEnabled(settings.keepSessionAlive);
}

void SessionLink::setBackoff(Backoff backoff)
{
    m_backoff = std::move(backoff);
}

qint64 SessionLink::openElapsedMs() const
{
    return m_opener ? m_opener->elapsedMs() : 0;
}

bool SessionLink::canReconnect() const
{
    return !m_session.id.isEmpty() &&
           (isDropped() || m_state == State::AgentExited ||
            (m_state == State::Failed && m_lastError.kind != LapError::Kind::Cancelled &&
             reconnectMayHelp()));
}

bool SessionLink::reconnectMayHelp() const
{
    return lap::reconnectMayHelp(m_session, m_target.url.isValid(), m_lastError.kind);
}

int SessionLink::msUntilRetry() const
{
    return m_reconnectTimer.isActive() ? m_reconnectTimer.remainingTime() : -1;
}

void SessionLink::startKeepAlive()
{
    // TTY traffic does not count as activity on the platform, which reaps a ready session one
    // idle window after it became ready (docs/platform-api.md §5). Refresh it while the user types;
    // a session left alone is still reaped as the platform intends.
    delete m_keepAlive;
    m_keepAlive = new SessionKeepAlive(m_client, m_session.id, KeepAlivePolicy{}, this);
    m_keepAlive->setIdleWindowMs(m_session.idleTimeoutMs.value_or(0));
    m_keepAlive->setEnabled(m_settings.keepSessionAlive);
}

void SessionLink::askForKey()
{
    m_askingForKey = true;
    say(Notice::Kind::KeyConsentNeeded);
    setState(State::Opening,
             QCoreApplication::translate("lap::TerminalTab",
                                         "Waiting for you to allow sending the master key to %1")
                 .arg(m_client->config().baseUrl.toDisplayString()));
}

void SessionLink::allowKey()
{
    PlatformConfig c = m_client->config();
    c.keyHome = c.baseUrl; // for this link only: the saved profile is unchanged
    m_client->setConfig(c);
    startOpener();
}

void SessionLink::refuseKey()
{
    const QString there = m_client->config().baseUrl.toDisplayString();
    fail(LapError(LapError::Kind::Cancelled,
                  QCoreApplication::translate("lap::TerminalTab",
                                              "Not attached: your master key was not sent to %1.")
                      .arg(there),
                  QCoreApplication::translate(
                      "lap::TerminalTab",
                      "Sign in to %1 as another profile with its own key, then attach again.")
                      .arg(there)));
}

void SessionLink::startOpener()
{
    m_reconnectTimer.stop();
    m_reconnectAttempt = 0;
    m_terminated = false;
    if (m_client->config().needsKeyConsent()) {
        askForKey();
        return;
    }
    m_askingForKey = false;
    delete m_opener;
    OpenOptions options;
    options.giveUpMs = m_settings.pollGiveUpMs;
    options.overrides = overrides();
    m_opener = new SessionOpener(m_client, options, this);
    connect(m_opener, &SessionOpener::agentResolved, this, [this](const Agent &agent) {
        m_agentName = agent.displayName();
        m_agentId = agent.id;
        emit identityChanged();
    });
    connect(m_opener, &SessionOpener::sessionCreated, this, [this](const Session &s) {
        m_session = s;
        emit identityChanged();
    });
    connect(m_opener, &SessionOpener::polled, this, [this](const Session &s) {
        m_session = s;
        if (m_agentId.isEmpty())
            m_agentId = s.agentId;
    });
    connect(m_opener, &SessionOpener::phaseChanged, this, [this](const QString &phase) {
        m_phases << phase;
        emit progressed();
    });
    connect(m_opener, &SessionOpener::ready, this, &SessionLink::onOpenerReady);
    connect(m_opener, &SessionOpener::failed, this, &SessionLink::fail);

    m_phases.clear();
    say(Notice::Kind::OpeningStarted);
    setState(State::Opening,
             m_attachOnly
                 ? QCoreApplication::translate("lap::TerminalTab", "Fetching the session")
                 : QCoreApplication::translate("lap::TerminalTab", "Starting the session"));
    if (m_attachOnly)
        m_opener->attach(m_session.id);
    else
        m_opener->open(m_agentSpec);
}

void SessionLink::cancelOpening()
{
    if (m_opener)
        m_opener->cancel();
    fail(LapError(LapError::Kind::Cancelled,
                  QCoreApplication::translate("lap::TerminalTab", "Opening was cancelled."),
                  m_session.id.isEmpty()
                      ? QString()
                      : QCoreApplication::translate(
                            "lap::TerminalTab",
                            "Session %1 may still be starting on the platform; attach "
                            "to it later or terminate it.")
                            .arg(m_session.id)));
}

void SessionLink::onOpenerReady(const Session &session, const TtyTarget &target)
{
    m_session = session;
    m_target = target;
    if (m_agentId.isEmpty())
        m_agentId = session.agentId;
    startKeepAlive();
    if (m_agentName.isEmpty() && !m_agentId.isEmpty()) {
        // Attached by id: fetch the agent's name so the view can say what it is.
        m_client->getAgent(m_agentId, [this](const Result<Agent> &r) {
            if (!r.ok() || !m_agentName.isEmpty())
                return;
            m_agentName = r.value.displayName();
            if (m_agentSpec.isEmpty())
                m_agentSpec = r.value.id;
            emit identityChanged();
        });
    }
    emit identityChanged();
    connectChannel();
}

void SessionLink::connectChannel()
{
    if (!m_channel) {
        m_channel = new TtyChannel(this);
        connect(m_channel, &TtyChannel::opened, this, &SessionLink::onChannelOpened);
        connect(m_channel, &TtyChannel::output, this, &SessionLink::output);
        connect(m_channel, &TtyChannel::closed, this, &SessionLink::onChannelClosed);
        connect(m_channel, &TtyChannel::failed, this, &SessionLink::onChannelFailed);
    }
    if (m_target.url.scheme() == QLatin1String("wss")) {
        // The CA chosen in Settings (now, not when the channel was made) is trusted for wss://
        // exactly as for https://.
        const Result<QSslConfiguration> ssl = sslConfigurationTrusting(
            m_client->config().caFile,
            QCoreApplication::translate("lap::TerminalTab", "Connecting to the terminal"));
        if (!ssl.ok()) {
            fail(ssl.error);
            return;
        }
        m_channel->setSslConfiguration(ssl.value);
    }
    setState(m_state == State::Reconnecting ? State::Reconnecting : State::Connecting,
             QCoreApplication::translate("lap::TerminalTab", "Connecting to %1")
                 .arg(m_target.url.toString(QUrl::RemoveQuery)));
    m_channel->open(m_target);
}

void SessionLink::onChannelOpened()
{
    m_askingForKey = false;
    Notice n;
    n.kind = Notice::Kind::Connected;
    n.reattach = m_everConnected;
    n.droppedBytes = m_droppedInput;
    m_everConnected = true;
    m_reconnectAttempt = 0;
    m_reconnectTimer.stop();
    m_droppedInput = 0;
    emit notice(n);
    setState(State::Connected,
             QCoreApplication::translate("lap::TerminalTab", "Connected to session %1")
                 .arg(m_session.id));
}

bool SessionLink::sendInput(const QByteArray &bytes)
{
    if (m_channel && m_channel->state() == TtyChannel::State::Open) {
        m_channel->sendInput(bytes);
        return true;
    }
    // Input during the back-off is a sign the user is back (and often the network too): try
    // now instead of waiting out the delay. The input itself is still dropped.
    retryNow();
    m_droppedInput += bytes.size();
    Notice n;
    n.kind = Notice::Kind::InputDropped;
    n.droppedBytes = m_droppedInput;
    emit notice(n);
    return false;
}

void SessionLink::resize(int cols, int rows, bool force)
{
    if (m_channel)
        m_channel->sendResize(cols, rows, force);
}

void SessionLink::noteUserActivity()
{
    if (m_keepAlive && m_channel && m_channel->state() == TtyChannel::State::Open)
        m_keepAlive->noteInput();
}

void SessionLink::setReadPaused(bool paused)
{
    if (m_channel)
        m_channel->setReadPaused(paused);
}

void SessionLink::detach()
{
    m_reconnectTimer.stop();
    if (m_channel && m_channel->state() != TtyChannel::State::Closed &&
        m_channel->state() != TtyChannel::State::Idle)
        m_channel->close();
    else
        setState(State::Detached,
                 QCoreApplication::translate(
                     "lap::TerminalTab", "Detached; the session keeps running on the platform"));
}

void SessionLink::reconnect()
{
    if (m_session.id.isEmpty())
        return;
    m_reconnectTimer.stop();
    if (m_channel && m_channel->state() == TtyChannel::State::Open)
        return;
    setState(
        State::Reconnecting,
        QCoreApplication::translate("lap::TerminalTab", "Checking session %1").arg(m_session.id));
    tryReconnect();
}

bool SessionLink::retryNow()
{
    if (m_state != State::Reconnecting || !m_reconnectTimer.isActive() || m_checkCall)
        return false;
    m_reconnectTimer.stop();
    m_reconnectAttempt = 0;
    tryReconnect();
    return true;
}

void SessionLink::restart()
{
    if (reconnectMayHelp())
        reconnect();
    else if (!m_agentSpec.isEmpty())
        openAgent(m_agentSpec);
    else if (!m_session.id.isEmpty())
        attachSession(m_session.id);
}

void SessionLink::terminate()
{
    if (m_session.id.isEmpty())
        return;
    m_reconnectTimer.stop();
    if (m_opener)
        m_opener->cancel();
    setState(m_state, QCoreApplication::translate("lap::TerminalTab", "Terminating session %1")
                          .arg(m_session.id));
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
        fail(LapError(LapError::Kind::SessionFailed,
                      QCoreApplication::translate("lap::TerminalTab",
                                                  "Session %1 was terminated; its sandbox is gone.")
                          .arg(m_session.id),
                      m_agentSpec.isEmpty() ? QString()
                                            : QCoreApplication::translate(
                                                  "lap::TerminalTab",
                                                  "Open the agent again to start a new session.")));
    });
}

void SessionLink::tryReconnect()
{
    if (m_terminated)
        return;
    // Always look at the session first: reconnecting to a dead one would only fail at TCP level
    // (the proxy does not check status), and the user deserves the real reason.
    if (m_checkCall)
        m_checkCall->abort();
    m_checkCall = m_client->getSession(m_session.id, [this](const Result<Session> &r) {
        if (r.ok())
            m_session = r.value;
        switch (afterSessionCheck(r)) {
        case SessionCheckStep::Connect: {
            const Result<TtyTarget> t =
                deriveTtyTarget(r.value, m_client->config().baseUrl, overrides());
            if (!t.ok()) {
                fail(t.error);
                return;
            }
            m_target = t.value;
            connectChannel();
            return;
        }
        case SessionCheckStep::Ended:
            fail(LapError(LapError::Kind::SessionFailed, describeEndedSession(r.value),
                          QCoreApplication::translate(
                              "lap::TerminalTab", "Open the agent again to start a new session."),
                          diagnosticsBlock(r.value)));
            return;
        case SessionCheckStep::Stop:
            fail(r.error);
            return;
        case SessionCheckStep::Wait:
            // creating (a restart is running), or a transient error: wait like any outage.
            break;
        }
        scheduleReconnect(
            r.ok() ? QCoreApplication::translate("lap::TerminalTab", "The session is %1.")
                         .arg(r.value.status)
                   : r.error.message);
    });
}

void SessionLink::scheduleReconnect(const QString &why)
{
    if (!m_settings.autoReconnect) {
        setState(State::Reconnecting, why);
        say(Notice::Kind::RetryWaitsForUser, why);
        return;
    }
    ++m_reconnectAttempt;
    const int delay = m_backoff(m_reconnectAttempt);
    m_reconnectTimer.start(delay);
    setState(State::Reconnecting, why);
    Notice n;
    n.kind = Notice::Kind::RetryScheduled;
    n.why = why;
    n.delayMs = delay;
    emit notice(n);
}

void SessionLink::onChannelClosed(const TtyClose &close)
{
    if (m_terminated)
        return;
    switch (afterClose(close.reason)) {
    case CloseStep::Detached:
        setState(State::Detached,
                 QCoreApplication::translate(
                     "lap::TerminalTab", "Detached; the session keeps running on the platform"));
        say(Notice::Kind::Detached);
        return;
    case CloseStep::AgentExited:
        setState(State::AgentExited, close.describe());
        say(Notice::Kind::AgentExited, close.describe());
        return;
    case CloseStep::CheckAndReconnect:
        break;
    }
    setState(State::Reconnecting, close.describe());
    say(Notice::Kind::Dropped, close.describe());
    tryReconnect();
}

void SessionLink::onChannelFailed(const LapError &error)
{
    m_lastError = error;
    if (afterConnectFailure(error, m_everConnected, m_reconnectAttempt) ==
        ConnectFailureStep::Stop) {
        fail(error);
        return;
    }
    m_askingForKey = false;
    say(Notice::Kind::ConnectFailed, error.message);
    scheduleReconnect(error.message);
}

void SessionLink::fail(const LapError &error)
{
    m_reconnectTimer.stop();
    m_askingForKey = false;
    m_lastError = error;
    emit failed(error);
    setState(State::Failed, error.message);
}

void SessionLink::say(Notice::Kind kind, const QString &why)
{
    Notice n;
    n.kind = kind;
    n.why = why;
    emit notice(n);
}

void SessionLink::setState(State state, const QString &reason)
{
    const bool changed = state != m_state || reason != m_reason;
    m_state = state;
    m_reason = reason;
    if (changed)
        emit stateChanged(state);
}

TtyOverrides SessionLink::overrides() const
{
    TtyOverrides o = TtyOverrides::fromEnvironment();
    if (!m_settings.ttyFallbackUrl.isEmpty())
        o.fallbackUrl = m_settings.ttyFallbackUrl;
    return o;
}

} // namespace lap
