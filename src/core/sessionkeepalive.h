// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>
#include <limits>

namespace lap {

class PlatformCall;
class PlatformClient;

// When to refresh a session's last_seen_at. The platform reaps a ready session `idleWindowMs`
// after last_seen_at, and terminal traffic does not refresh it (docs/platform-api.md §5); opening
// GET /sessions/:id/events does. The desktop client refreshes only on behalf of a user who is
// typing, so a session left alone is still reaped as the platform intends.
struct KeepAlivePolicy
{
    qint64 idleWindowMs = 900000; // the session's idle_timeout_ms; <= 0: never reaped
    qint64 minIntervalMs = 120000;
};

// "Never happened" for lastInputMs / lastTouchMs.
constexpr qint64 kKeepAliveNever = std::numeric_limits<qint64>::min();

// The spacing of touches while the user keeps typing: minIntervalMs, but at most a third of
// the idle window, so that even a touch that comes one whole interval after the input it
// covers leaves two thirds of the window as margin (for a failed touch and its retries).
// Windows shorter than 3 × minIntervalMs (tests use 3 s) get a third of the window; never
// below kMinTouchIntervalMs. 0 when the policy needs no touches at all (idleWindowMs <= 0).
constexpr qint64 kMinTouchIntervalMs = 100;
qint64 keepAliveIntervalMs(const KeepAlivePolicy &policy);

// Pure decision: touch now when the user typed after the last touch (a touch is never sent
// for input it already covered, so idleness still ends in reaping) and the last touch is at
// least keepAliveIntervalMs() old. No touch yet (lastTouchMs == kKeepAliveNever) and input
// seen: touch at once — a resumed session's last_seen_at may be nearly a window old. A clock
// that went back (now < lastTouch) counts as due: the real gap is unknown, and one extra
// request is cheaper than a reaped session.
bool shouldTouch(qint64 nowMs, qint64 lastInputMs, qint64 lastTouchMs,
                 const KeepAlivePolicy &policy);

// Keeps one attached session alive while its user types: call noteInput() for every batch of
// keystrokes (cheap: a clock read and a timer check); a touch goes out when shouldTouch()
// says so, with a single-shot timer set to the next due time instead of polling.
//
// A failed touch is retried (only while there is uncovered input) after a quarter of the
// interval — at most 30 s — or after a whole interval when the platform said 401/403/404,
// since those will not heal by themselves. The clock is injectable for unit tests; by default
// it is the wall clock, the one the platform's reaper uses (a suspended laptop's monotonic
// clock would stand still while the session's idle time runs on).
class SessionKeepAlive : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>;

    SessionKeepAlive(PlatformClient *client, QString sessionId, KeepAlivePolicy policy = {},
                     QObject *parent = nullptr);
    ~SessionKeepAlive() override;

    void setClock(Clock clock);
    // The user typed (or pasted). Cheap enough for every sendData() of the terminal.
    void noteInput();
    // Off: no touch is sent (an in-flight one is abandoned), input is still noted so that
    // turning it back on refreshes at once if the user typed meanwhile. On by default.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    // From the session row's idle_timeout_ms (null: pass 0, nothing is ever reaped).
    void setIdleWindowMs(qint64 ms);

    // Decides now (what the timer calls): sends a touch when one is due, else arms the timer
    // for the next due time. Public so tests with a fake clock can step it.
    void check();
    qint64 lastTouchMs() const { return m_lastTouchMs; } // last successful touch (send time)
    // When the timer is armed, in ms from now; -1 when it is not.
    int msUntilNextCheck() const;

signals:
    // After every touch attempt; `error` is the user-facing text when !ok.
    void touched(bool ok, const QString &error);

private:
    void schedule();
    void abortCall();

    PlatformClient *m_client;
    QString m_sessionId;
    KeepAlivePolicy m_policy;
    Clock m_clock;
    QTimer m_timer;
    QPointer<PlatformCall> m_call;
    bool m_enabled = true;
    qint64 m_lastInputMs = kKeepAliveNever;
    qint64 m_lastTouchMs = kKeepAliveNever;
    qint64 m_retryAtMs = kKeepAliveNever; // no attempt before this (after a failure)
};

} // namespace lap
