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

// Delay before poll number `attempt` (0-based): the first poll goes at once, then the interval
// grows towards `maxMs` so a warm start is seen within a few hundred ms while a cold start costs
// no more requests than the reference's fixed 1.5 s.
int pollDelayMs(int attempt, int maxMs = 1500);

// The block the reference prints on failed/dead/timeout, one "key: value" per line, empty
// fields left out (session_id, status, phase, phase_detail, failure_reason, sandbox_url,
// created_at, last_seen_at).
QString diagnosticsBlock(const Session &s);

struct OpenOptions
{
    int giveUpMs = 600000;       // the server itself fails a start after 600 s
    int maxPollIntervalMs = 1500;
    TtyOverrides overrides;      // LAP_TTY_FALLBACK / LAP_TTY_TOKEN equivalents
    QString title = QStringLiteral("lap-desktop");
};

// Opens an agent: resolve name or UUID → create a session → poll until ready → derive the TTY
// endpoint. Or attaches to an existing session id (`attach`): one GET, refuse unless ready.
// Emits exactly one of ready() / failed() per start, unless cancelled (then neither).
class SessionOpener : public QObject
{
    Q_OBJECT
public:
    SessionOpener(PlatformClient *client, OpenOptions options, QObject *parent = nullptr);

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
    void schedulePoll();
    void poll();
    void finishWithDiagnostics(LapError error);
    void succeed(const Session &s);
    void fail(const LapError &error);

    PlatformClient *m_client;
    OpenOptions m_options;
    QPointer<PlatformCall> m_call;
    QTimer m_timer;
    QElapsedTimer m_clock;
    Session m_session;
    Agent m_agent;
    QString m_lastPhase;
    int m_attempt = 0;
    int m_consecutiveFailures = 0;
    bool m_running = false;
};

} // namespace lap
