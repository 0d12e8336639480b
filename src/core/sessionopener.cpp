// SPDX-License-Identifier: GPL-2.0-or-later
#include "sessionopener.h"

#include "platformclient.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <iterator>

namespace lap {

namespace {

// Three failures in a row end the poll, as in the reference CLI (docs/platform-api.md §8).
const int kMaxConsecutiveFailures = 3;
// The longest pause a Retry-After can impose on the poll; the give-up time bounds the total.
const int kMaxRetryAfterMs = 30000;

QString reasonOrDefault(const QString &reason)
{
    const QString r = withoutFinalPeriod(reason);
    return r.isEmpty() ? QCoreApplication::translate("lap", "no reason given") : r;
}

} // namespace

int pollDelayMs(int attempt, qint64 elapsedMs, int maxMs)
{
    maxMs = std::max(0, maxMs);
    if (attempt <= 0)
        return 0;
    const qint64 floor = std::min(100, maxMs);
    return int(std::clamp(std::max<qint64>(0, elapsedMs) / 8, floor, qint64(maxMs)));
}

QString describeUnattachableSession(const Session &s)
{
    if (s.isCreating()) {
        return s.phase.isEmpty()
                   ? QCoreApplication::translate(
                         "lap", "Cannot attach yet — the session is creating: still starting.")
                   : QCoreApplication::translate(
                         "lap", "Cannot attach yet — the session is creating: still starting (%1).")
                         .arg(s.phase);
    }
    const QString reason = withoutFinalPeriod(s.failureReason);
    return reason.isEmpty()
               ? QCoreApplication::translate(
                     "lap", "Cannot attach — the session is %1: the platform gave no reason.")
                     .arg(s.status)
               : QCoreApplication::translate("lap", "Cannot attach — the session is %1: %2.")
                     .arg(s.status, reason);
}

QString diagnosticsBlock(const Session &s)
{
    // Same keys and 16-column alignment as the reference's block, so reports look alike.
    const QPair<QString, QString> rows[] = {
        {QStringLiteral("session_id"), s.id},
        {QStringLiteral("status"), s.status},
        {QStringLiteral("phase"), s.phase},
        {QStringLiteral("phase_detail"), s.phaseDetail},
        {QStringLiteral("failure_reason"), s.failureReason},
        {QStringLiteral("sandbox_url"), s.sandboxUrl},
        {QStringLiteral("created_at"), s.createdAt},
        {QStringLiteral("last_seen_at"), s.lastSeenAt},
    };
    QStringList lines;
    for (const auto &row : rows) {
        if (row.second.isEmpty())
            continue;
        lines << (row.first + QLatin1Char(':')).leftJustified(16) + row.second;
    }
    return lines.join(QLatin1Char('\n'));
}

SessionOpener::SessionOpener(PlatformClient *client, OpenOptions options, QObject *parent)
    : QObject(parent), m_client(client), m_options(std::move(options))
{
    m_timer.setSingleShot(true);
    m_giveUpTimer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SessionOpener::poll);
    connect(&m_giveUpTimer, &QTimer::timeout, this, &SessionOpener::giveUp);
}

SessionOpener::~SessionOpener()
{
    // The call's callback captures `this`; the call must not outlive us.
    if (m_call)
        m_call->abort();
}

qint64 SessionOpener::elapsedMs() const
{
    return m_clock.isValid() ? m_clock.elapsed() : 0;
}

void SessionOpener::stop()
{
    m_timer.stop();
    m_giveUpTimer.stop();
    if (m_call)
        m_call->abort();
    m_call = nullptr;
}

quint64 SessionOpener::begin()
{
    stop();
    ++m_generation;
    m_running = true;
    m_clock.start();
    m_session = Session();
    m_agent = Agent();
    m_lastPhase.clear();
    m_attempt = 0;
    m_sinceCreated.invalidate();
    m_consecutiveFailures = 0;
    return m_generation;
}

void SessionOpener::cancel()
{
    stop();
    ++m_generation;
    m_running = false;
}

void SessionOpener::open(const QString &agentNameOrId)
{
    const quint64 gen = begin();
    m_call = m_client->resolveAgent(agentNameOrId, [this, gen](const Result<Agent> &r) {
        if (gen != m_generation)
            return;
        m_call = nullptr;
        if (!r.ok()) {
            fail(r.error);
            return;
        }
        m_agent = r.value;
        QPointer<SessionOpener> self(this);
        emit agentResolved(m_agent);
        if (!self || gen != m_generation)
            return;
        create(m_agent);
    });
}

void SessionOpener::create(const Agent &agent)
{
    const quint64 gen = m_generation;
    m_call =
        m_client->createSession(agent.id, m_options.title, [this, gen](const Result<Session> &r) {
            if (gen != m_generation)
                return;
            m_call = nullptr;
            if (!r.ok()) {
                fail(r.error);
                return;
            }
            m_session = r.value;
            // The give-up time counts from here: it is about the
            // session becoming ready, not about our own requests.
            m_giveUpTimer.start(std::max(0, m_options.giveUpMs));
            m_sinceCreated.start();
            QPointer<SessionOpener> self(this);
            emit sessionCreated(m_session);
            if (!self || gen != m_generation)
                return;
            onSession(m_session, false);
        });
}

void SessionOpener::schedulePoll()
{
    m_timer.start(nextPollDelayMs());
}

int SessionOpener::nextPollDelayMs()
{
    const qint64 elapsed = m_sinceCreated.isValid() ? m_sinceCreated.elapsed() : 0;
    return pollDelayMs(m_attempt++, elapsed, m_options.maxPollIntervalMs);
}

void SessionOpener::poll()
{
    const quint64 gen = m_generation;
    m_call = m_client->getSession(
        m_session.id,
        [this, gen](const Result<Session> &r) {
            if (gen != m_generation)
                return;
            m_call = nullptr;
            if (r.ok()) {
                m_consecutiveFailures = 0;
                onSession(r.value, true);
                return;
            }
            // The platform asked for a pause (429/503 with Retry-After): that is not the
            // session failing, so it does not count towards the limit; the give-up time still
            // bounds the whole wait.
            if (r.error.retryAfterMs > 0 && r.error.kind != LapError::Kind::Auth) {
                m_timer.start(
                    std::max(nextPollDelayMs(), std::min(r.error.retryAfterMs, kMaxRetryAfterMs)));
                return;
            }
            // A rejected key will not heal by itself; anything else (network, timeout, 404,
            // 5xx) may be a blip while the platform rolls out.
            if (r.error.kind == LapError::Kind::Auth ||
                ++m_consecutiveFailures >= kMaxConsecutiveFailures) {
                fail(r.error);
                return;
            }
            schedulePoll();
        },
        QCoreApplication::translate("lap", "Checking the session"));
}

// By value: `s` is often m_session, and a slot may start a new run that resets it.
void SessionOpener::onSession(Session s, bool fromPoll)
{
    const quint64 gen = m_generation;
    QPointer<SessionOpener> self(this);
    m_session = s;
    // Phases arrive out of order and can repeat (cloning_repo twice): report every change
    // against the last one seen, and never decide anything on them.
    if (!s.phase.isEmpty() && s.phase != m_lastPhase) {
        m_lastPhase = s.phase;
        emit phaseChanged(s.phase);
        if (!self || gen != m_generation)
            return;
    }
    if (fromPoll) {
        emit polled(s);
        if (!self || gen != m_generation)
            return;
    }
    if (s.isReady()) {
        succeed(s);
    } else if (s.isTerminal()) {
        finishWithDiagnostics(s, false);
    } else {
        schedulePoll();
    }
}

void SessionOpener::giveUp()
{
    if (!m_running)
        return;
    // The poll in flight is dropped; finishWithDiagnostics stops the timers and asks once more.
    if (m_call)
        m_call->abort();
    m_call = nullptr;
    finishWithDiagnostics(m_session, true);
}

LapError SessionOpener::terminalError(const Session &s) const
{
    const QString reason = reasonOrDefault(s.failureReason);
    const QString msg =
        s.status == QLatin1String("failed")
            ? QCoreApplication::translate("lap", "The session failed to start: %1.").arg(reason)
            : QCoreApplication::translate("lap", "The session is %1: %2.").arg(s.status, reason);
    return LapError(LapError::Kind::SessionFailed, msg, QString(), diagnosticsBlock(s));
}

void SessionOpener::finishWithDiagnostics(const Session &last, bool gaveUp)
{
    m_timer.stop();
    m_giveUpTimer.stop();
    const quint64 gen = m_generation;
    m_call = m_client->getSession(
        last.id,
        [this, gen, last, gaveUp](const Result<Session> &r) {
            if (gen != m_generation)
                return;
            m_call = nullptr;
            // The fresh row carries the reason the platform wrote after our poll; without it
            // the last polled row is the best we have.
            const Session s = r.ok() ? r.value : last;
            if (r.ok()) {
                m_session = s;
                if (gaveUp && s.isReady()) {
                    succeed(s);
                    return;
                }
            }
            if (s.isTerminal()) {
                fail(terminalError(s));
                return;
            }
            if (!gaveUp) {
                // The fresh row is no longer terminal (a restart began); report what we saw.
                fail(terminalError(last));
                return;
            }
            const QString phase = !s.phase.isEmpty() ? s.phase
                                  : !m_lastPhase.isEmpty()
                                      ? m_lastPhase
                                      : QCoreApplication::translate("lap", "none");
            fail(LapError(
                LapError::Kind::StartTimeout,
                QCoreApplication::translate(
                    "lap", "The session did not become ready within %1 s (last phase: %2).")
                    .arg(secondsText(m_options.giveUpMs), phase),
                QCoreApplication::translate(
                    "lap", "The platform keeps trying for up to 10 minutes and the session was "
                           "left running: attach to it later, or raise the give-up time in "
                           "Settings."),
                diagnosticsBlock(s)));
        },
        QCoreApplication::translate("lap", "Checking the session"));
}

void SessionOpener::attach(const QString &sessionId)
{
    const quint64 gen = begin();
    m_session.id = sessionId;
    m_call = m_client->getSession(sessionId, [this, gen](const Result<Session> &r) {
        if (gen != m_generation)
            return;
        m_call = nullptr;
        if (!r.ok()) {
            fail(r.error);
            return;
        }
        m_session = r.value;
        if (r.value.isReady()) {
            succeed(r.value);
            return;
        }
        const Session &s = r.value;
        const QString msg = describeUnattachableSession(s);
        const QString hint =
            s.isCreating()
                ? QCoreApplication::translate("lap", "It is still starting; try again in a moment.")
                : QCoreApplication::translate("lap",
                                              "Open the agent again to start a new session.");
        fail(LapError(LapError::Kind::SessionFailed, msg, hint, diagnosticsBlock(s)));
    });
}

void SessionOpener::succeed(const Session &s)
{
    const Result<TtyTarget> target =
        deriveTtyTarget(s, m_client->config().baseUrl, m_options.overrides);
    if (!target.ok()) {
        fail(target.error);
        return;
    }
    // Copies: a slot may delete us or start a new run while the signal is being delivered.
    const Session session = s;
    const TtyTarget tty = target.value;
    stop();
    m_running = false;
    emit ready(session, tty);
}

void SessionOpener::fail(const LapError &error)
{
    const LapError copy = error;
    stop();
    m_running = false;
    emit failed(copy);
}

} // namespace lap
