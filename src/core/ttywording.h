// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"
#include "models.h"

#include <QAbstractSocket>
#include <QMetaType>
#include <QString>
#include <QUrl>

// What the user reads about a terminal connection: why it could not open, why it ended. Pure
// functions of what TtyChannel saw, tested without a socket (tests/core/tst_ttywording); every
// text is translated in the one context "lap::TtyWording".

namespace lap {

// How a terminal connection ended.
struct TtyClose
{
    enum class Reason
    {
        UserDetached, // close() was called (Ctrl-D, tab closed)
        AgentExited,  // the bridge printed "[bridge] process exited" and closed (the harness
                      // sends an empty close frame, which Qt reports as 1000, not 1005)
        SpawnFailed,  // the bridge printed "[bridge] failed to spawn" and closed
        Dropped       // anything else: 1006 abnormal, 1001 going away, network loss
    };
    Reason reason = Reason::Dropped;
    int code = 0;       // WebSocket close code; 1006 when the TCP connection ended without one
    QString codeReason; // the close frame's reason text
    QString notice;     // the bridge's notice line, if any, without ANSI

    // "Connection lost (code 1006: abnormal closure)" and friends; empty for UserDetached.
    QString describe() const;
};

// Short names for the RFC 6455 close codes 1000-1014 (1000 normal closure, 1006 abnormal
// closure…); empty for any other code, which has no name worth repeating.
QString closeCodeName(int code);

// The close frame's reason as worth showing: Qt (5.15, 6.4) answers a close code that is
// invalid on the wire (1005, 1015, 2999, 5000, ...) with 1002 and "Invalid close code N
// detected", naming its own 1002; that becomes "the server sent an invalid close code".
QString closeFrameReason(int code, const QString &reason);

// What to tell the user after a drop (docs/platform-api.md §10 rows 17 and 20): the close
// description, then what one fresh GET /sessions/:id said about the session (still running →
// reconnect; failed/dead/stopped → why; GET failed → try reconnecting).
QString describeDrop(const TtyClose &close, const Result<Session> &after);

// Why an ended (failed/dead/stopped) session cannot be reached: "Session is dead — oom killed."
QString describeEndedSession(const Session &s);

// The HTTP status of a rejected WebSocket upgrade, read from QWebSocket::errorString()
// (Qt 5.15/6.4: "QWebSocketPrivate::processHandshake: Unhandled http status code: 401
// (Unauthorized)."); 401 for the texts isAuthenticationChallengeError() knows; 0 when the text
// carries none.
int httpStatusFromHandshakeError(const QString &errorString);

// Qt 6.6 and later handle a 401 on the upgrade as an authentication challenge and report it
// without the status: "Unsupported WWW-Authenticate challenges encountered." when the server
// names no scheme Qt can answer (the platform sends a bare 401), "Host requires
// authentication" when it names one and no credentials were given. True for those texts.
bool isAuthenticationChallengeError(const QString &errorString);

// The error for an upgrade rejected with HTTP `status` (docs/platform-api.md §10 rows 14-16).
LapError ttyUpgradeError(int status, bool tokenSent, const QString &detail);

// Everything about a connection that never opened that its error message depends on.
struct TtyConnectFacts
{
    QUrl url;               // where it tried to connect (the query holds the token: never shown)
    bool tokenSent = false; // a TTY token went with the upgrade
    bool timedOut = false;  // the connect timeout fired first
    int connectTimeoutMs = 0;
    QString sslErrors;   // certificate problems, "; "-joined
    QString errorString; // Qt's first error text (carries the HTTP status of an upgrade)
    QAbstractSocket::SocketError socketError = QAbstractSocket::UnknownSocketError;
    bool authChallenged = false; // Qt >= 6.6 asked for credentials: the upgrade got a 401
};

// The user-facing error for a connection that never opened: an invalid URL, no answer in time,
// TLS, a rejected upgrade (ttyUpgradeError) or an unreachable sandbox.
LapError ttyConnectError(const TtyConnectFacts &facts);

} // namespace lap

Q_DECLARE_METATYPE(lap::TtyClose)
