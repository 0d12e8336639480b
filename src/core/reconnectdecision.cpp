// SPDX-License-Identifier: GPL-2.0-or-later
#include "reconnectdecision.h"

namespace lap {

ConnectFailureStep afterConnectFailure(const LapError &error, bool everConnected, int attempt)
{
    if (error.kind == LapError::Kind::TtyUpgrade && error.httpStatus == 401)
        return ConnectFailureStep::Stop;
    if (!everConnected && attempt >= 2 && error.httpStatus != 503)
        return ConnectFailureStep::Stop;
    return ConnectFailureStep::RetryLater;
}

SessionCheckStep afterSessionCheck(const Result<Session> &check)
{
    if (check.ok()) {
        if (check.value.isReady())
            return SessionCheckStep::Connect;
        if (check.value.isTerminal())
            return SessionCheckStep::Ended;
        return SessionCheckStep::Wait;
    }
    if (check.error.kind == LapError::Kind::Auth || check.error.kind == LapError::Kind::NotFound)
        return SessionCheckStep::Stop;
    return SessionCheckStep::Wait;
}

CloseStep afterClose(TtyClose::Reason reason)
{
    switch (reason) {
    case TtyClose::Reason::UserDetached:
        return CloseStep::Detached;
    case TtyClose::Reason::AgentExited:
    case TtyClose::Reason::SpawnFailed:
        return CloseStep::AgentExited;
    case TtyClose::Reason::Dropped:
        break;
    }
    return CloseStep::CheckAndReconnect;
}

bool reconnectMayHelp(const Session &session, bool haveTarget, LapError::Kind lastError)
{
    // SessionFailed: the opener saw the session fail before this link ever held it.
    return !session.id.isEmpty() && !session.isTerminal() && haveTarget &&
           lastError != LapError::Kind::SessionFailed;
}

} // namespace lap
