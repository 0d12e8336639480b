// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"
#include "models.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QString>
#include <QUrl>

// What the user reads when a REST call fails: pure functions from the facts of a finished reply
// (status, body, QNetworkReply::NetworkError, ...) to one LapError. PlatformClient gathers the
// facts; tests/core/tst_replyerrors feeds them directly, without a network. The messages are
// fixed and tested: change them only together with that test.

namespace lap {

// The largest REST reply read; anything longer is aborted with a clear error. An agent page of
// 200 rows with long prompts stays far below it.
constexpr qint64 kMaxReplyBytes = 8 * 1024 * 1024;
// A reply must be complete within this many transfer timeouts (see PlatformConfig).
constexpr int kReplyDeadlineFactor = 4;

// Parses a Retry-After header value (delta-seconds or an HTTP date) relative to `now`, in ms;
// 0 when absent or unreadable; at most one hour.
int retryAfterMs(const QByteArray &value, const QDateTime &now);

// Everything about a finished reply that its error message depends on.
struct ReplyFacts
{
    // Why the client itself aborted the reply, if it did.
    enum class Abort
    {
        None,
        TooLarge, // over kMaxReplyBytes
        TooSlow   // not complete within kReplyDeadlineFactor transfer timeouts
    };

    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;   // Qt's text for `error`
    int httpStatus = 0;    // 0: no HTTP status was received
    QByteArray verb;       // GET, POST, ...
    QUrl url;              // the request's URL
    QString contentType;   // of the reply
    QByteArray retryAfter; // the Retry-After header
    QUrl redirectTarget;   // where a refused redirect pointed, resolved against url
    QString sslErrors;     // the certificate problems, "; "-joined
    Abort abort = Abort::None;
};

// Who was asked and for what: the words around the facts.
struct ReplyContext
{
    QString action;           // sentence start, e.g. "Creating the session"
    QString base;             // the platform URL as shown to the user
    int requestTimeoutMs = 0; // PlatformConfig::requestTimeoutMs
    QDateTime now;            // for a Retry-After date
};

// The user-facing error for a finished reply; no error (Kind::None) for a 2xx answer.
LapError replyError(const ReplyFacts &facts, const QByteArray &body, const ReplyContext &context);

// "<action> failed: the platform sent an unexpected reply (<what>)."
LapError protocolError(const QString &action, const QString &what);

// The JSON document of a 2xx reply's body, or the protocol error saying why it is none (empty,
// not JSON, an HTML page).
Result<QJsonDocument> jsonReply(const QString &contentType, const QByteArray &body,
                                const QString &action);

// The protocol error for a JSON reply that is not an object.
LapError notAnObjectError(const QString &action);

// "No agent named '<name>' on <base>", with what the first page of agents (when it could be
// read) says about the others.
LapError agentNameNotFound(const QString &name, const QString &base,
                           const Result<AgentPage> &firstPage);

// Resolving an empty name or id.
LapError emptyAgentNameError();

} // namespace lap
