// SPDX-License-Identifier: GPL-2.0-or-later
#include "sessionkeepalive.h"

#include "laperror.h"
#include "platformclient.h"

#include <QDateTime>

#include <algorithm>

namespace lap {

namespace {

// Retrying a failed touch sooner than the interval keeps the margin intact; a few tries in the
// two thirds of the window that the interval leaves are enough.
constexpr qint64 kMaxRetryDelayMs = 30000;

} // namespace

qint64 keepAliveIntervalMs(const KeepAlivePolicy &policy)
{
    if (policy.idleWindowMs <= 0)
        return 0;
    const qint64 third = policy.idleWindowMs / 3;
    const qint64 interval =
        policy.minIntervalMs > 0 ? std::min(policy.minIntervalMs, third) : third;
    return std::max(interval, kMinTouchIntervalMs);
}

bool shouldTouch(qint64 nowMs, qint64 lastInputMs, qint64 lastTouchMs,
                 const KeepAlivePolicy &policy)
{
    const qint64 interval = keepAliveIntervalMs(policy);
    if (interval <= 0 || lastInputMs == kKeepAliveNever)
        return false;
    if (lastTouchMs == kKeepAliveNever)
        return true;
    if (lastInputMs <= lastTouchMs)
        return false; // that input was already covered; idleness must be allowed to reap
    if (nowMs < lastTouchMs)
        return true;
    return nowMs - lastTouchMs >= interval;
}

SessionKeepAlive::SessionKeepAlive(PlatformClient *client, QString sessionId,
                                   KeepAlivePolicy policy, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_sessionId(std::move(sessionId))
    , m_policy(policy)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SessionKeepAlive::check);
}

SessionKeepAlive::~SessionKeepAlive()
{
    abortCall();
}

void SessionKeepAlive::setClock(Clock clock)
{
    m_clock = std::move(clock);
    schedule();
}

void SessionKeepAlive::noteInput()
{
    m_lastInputMs = m_clock();
    // The common case while typing: a check is already armed or a touch is on its way.
    if (m_enabled && !m_call && !m_timer.isActive())
        schedule();
}

void SessionKeepAlive::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    if (!enabled)
        abortCall();
    schedule();
}

void SessionKeepAlive::setIdleWindowMs(qint64 ms)
{
    m_policy.idleWindowMs = ms;
    schedule();
}

int SessionKeepAlive::msUntilNextCheck() const
{
    return m_timer.isActive() ? m_timer.remainingTime() : -1;
}

void SessionKeepAlive::abortCall()
{
    if (m_call)
        m_call->abort();
    m_call = nullptr;
}

void SessionKeepAlive::schedule()
{
    const qint64 interval = keepAliveIntervalMs(m_policy);
    const bool uncovered = m_lastInputMs != kKeepAliveNever &&
                           (m_lastTouchMs == kKeepAliveNever || m_lastInputMs > m_lastTouchMs);
    // Without uncovered input nothing can become due: noteInput() arms the timer again.
    if (!m_enabled || m_call || interval <= 0 || !uncovered) {
        m_timer.stop();
        return;
    }
    const qint64 now = m_clock();
    qint64 due = now;
    if (m_lastTouchMs != kKeepAliveNever && now >= m_lastTouchMs)
        due = m_lastTouchMs + interval;
    if (m_retryAtMs != kKeepAliveNever)
        due = std::max(due, m_retryAtMs);
    const qint64 wait = std::clamp<qint64>(due - now, 0, std::numeric_limits<int>::max());
    m_timer.start(static_cast<int>(wait));
}

void SessionKeepAlive::check()
{
    m_timer.stop();
    if (!m_enabled || m_call)
        return;
    const qint64 now = m_clock();
    const bool retryWait = m_retryAtMs != kKeepAliveNever && now < m_retryAtMs;
    if (retryWait || !shouldTouch(now, m_lastInputMs, m_lastTouchMs, m_policy)) {
        schedule();
        return;
    }
    // The platform bumps last_seen_at when the request arrives, so the send time is what
    // covers the input seen until now.
    const qint64 sentAt = now;
    m_call = m_client->touchSession(m_sessionId, [this, sentAt](const Result<bool> &r) {
        m_call = nullptr;
        if (r.error.kind == LapError::Kind::Cancelled)
            return;
        QString error;
        if (r.ok()) {
            m_lastTouchMs = sentAt;
            m_retryAtMs = kKeepAliveNever;
        } else {
            const qint64 interval = keepAliveIntervalMs(m_policy);
            const bool permanent =
                r.error.kind == LapError::Kind::Auth || r.error.kind == LapError::Kind::NotFound;
            const qint64 delay =
                permanent ? interval
                          : std::min(std::max<qint64>(interval / 4, 1), kMaxRetryDelayMs);
            m_retryAtMs = m_clock() + delay;
            error = r.error.text();
        }
        // Armed before the signal: a receiver may delete this object.
        schedule();
        emit touched(r.ok(), error);
    });
}

} // namespace lap
