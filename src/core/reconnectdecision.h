// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"
#include "models.h"
#include "ttychannel.h"

namespace lap {

// The reconnect rules of one open session, as pure functions of what happened, so that a test
// can go through every row without a socket. SessionLink applies them; reconnectDelayMs()
// (reconnectpolicy.h) says how long to wait before the next try.

// After a connection that never opened (upgrade refused, socket or TLS failure).
enum class ConnectFailureStep
{
    Stop,      // show the error: retrying cannot help
    RetryLater // wait out the back-off, check the session, try again
};
// A 401 on the upgrade stops at once: a rejected token does not fix itself. A session that was
// never reached stops after two failed attempts (`attempt` counts the back-offs already armed),
// except on 503, which the proxy answers while the sandbox is still coming up.
ConnectFailureStep afterConnectFailure(const LapError &error, bool everConnected, int attempt);

// After the GET /sessions/:id that precedes every reconnect.
enum class SessionCheckStep
{
    Connect, // ready: derive the endpoint and connect
    Ended,   // failed/dead/stopped: say why, stop
    Stop,    // the key was refused or the session is unknown: say so, stop
    Wait     // creating (a restart is running), or a transient error: back off and check again
};
SessionCheckStep afterSessionCheck(const Result<Session> &check);

// After a connection that was open closed.
enum class CloseStep
{
    Detached,         // we closed it on purpose; the session keeps running
    AgentExited,      // the agent ended (or never started); reattaching starts a fresh one
    CheckAndReconnect // a drop: look at the session, then reconnect
};
CloseStep afterClose(TtyClose::Reason reason);

// Whether reconnecting could reach the session again: it is known, not ended, there is a
// terminal URL for it, and the last error is not the opener having seen it fail.
bool reconnectMayHelp(const Session &session, bool haveTarget, LapError::Kind lastError);

} // namespace lap
