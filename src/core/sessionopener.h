// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"
#include "models.h"
#include "ttyendpoint.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace lap {

class PlatformClient;
class PlatformCall;

// Delay before poll number `attempt` (0-based), `elapsedMs` after the session was created: the
// first poll goes at once, then every elapsed/8, at least 100 ms and at most `maxMs`. A ready at
// time t is thus seen at most t/8 (+ a round trip) late, and a long cold start settles at the
// reference's 1.5 s cadence (bench/README.md).
int pollDelayMs(int attempt, qint64 elapsedMs, int maxMs = 1500);

// The block the reference prints on failed/dead/timeout, one "key: value" per line, empty
// fields left out (session_id, status, phase, phase_detail, failure_reason, sandbox_url,
// created_at, last_seen_at).
QString diagnosticsBlock(const Session &s);

// Why a session that is not ready cannot be attached, one sentence with its status and reason.
// The tab's error and the attach dialog both say it, so a user meets one wording.
QString describeUnattachableSession(const Session &s);

struct OpenOptions
{
    int giveUpMs = 600000; // the server itself fails a start after 600 s
    int maxPollIntervalMs = 1500;
    TtyOverrides overrides; // LAP_TTY_FALLBACK / LAP_TTY_TOKEN equivalents
    // Empty: the POST carries no body. The title only reaches chat harnesses (TUI harnesses
    // ignore it, docs/platform-api.md §4.2), and Qt 5 writes a body apart from the header, which
    // Nagle and the server's delayed ACK turn into a ~40 ms stall (bench/README.md).
    QString title;
};

// Opens an agent: resolve name or UUID → create a session → poll until ready → derive the TTY
// endpoint. Or attaches to an existing session id (`attach`): one GET, refuse unless ready.
// Emits exactly one of ready() / failed() per start, unless cancelled (then neither).
class SessionOpener : public QObject
{
    Q_OBJECT
public:
    SessionOpener(PlatformClient *client, OpenOptions options, QObject *parent = nullptr);
    ~SessionOpener() override;

    void open(const QString &agentNameOrId);
    void attach(const QString &sessionId);
    void cancel();
    bool isRunning() const { return m_running; }
    qint64 elapsedMs() const;
    const Session &session() const { return m_session; }

signals:
    void agentResolved(const lap::Agent &agent);
    void sessionCreated(const lap::Session &session);
    // Each time the phase differs from the previous poll (phases are not monotonic).
    void phaseChanged(const QString &phase);
    // After every successful poll.
    void polled(const lap::Session &session);
    void ready(const lap::Session &session, const lap::TtyTarget &target);
    // error.detail holds diagnosticsBlock() of a fresh GET for failed/dead/timeout.
    void failed(const lap::LapError &error);

private:
    // Forgets the previous run and starts the clock; returns the new run's generation.
    quint64 begin();
    void create(const Agent &agent);
    void schedulePoll();
    int nextPollDelayMs();
    void poll();
    // Decides on `status` only. `fromPoll` is false for the create response.
    void onSession(Session s, bool fromPoll);
    void giveUp();
    // One fresh GET for the diagnostics block, then failed() (or ready() if the session turned
    // ready in the meantime). `gaveUp` picks the give-up message over the failed/dead one.
    void finishWithDiagnostics(const Session &last, bool gaveUp);
    LapError terminalError(const Session &s) const;
    void succeed(const Session &s);
    void fail(const LapError &error);
    void stop();

    PlatformClient *m_client; // must outlive the opener
    OpenOptions m_options;
    QPointer<PlatformCall> m_call;
    QTimer m_timer;
    QTimer m_giveUpTimer;
    QElapsedTimer m_clock;
    QElapsedTimer m_sinceCreated; // what the poll interval grows with
    Session m_session;
    Agent m_agent;
    QString m_lastPhase;
    int m_attempt = 0;
    int m_consecutiveFailures = 0;
    quint64 m_generation = 0; // bumped by every start and cancel: stale callbacks compare it
    bool m_running = false;
};

} // namespace lap
