// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace lap {

struct SseEvent;

// The message header of "message.updated" (docs/platform-chat.md §4.2).
struct ChatMessageInfo
{
    QString id;
    QString sessionID;
    QString role; // "user" or "assistant"
    QString parentID;
    QString agent;
    QString mode;
    QString modelID;
    QString providerID;
    QString finish; // "tool-calls", "stop", ... once the step ended
    qint64 createdMs = 0;
    qint64 completedMs = 0;
    QString errorName; // info.error, if the step failed
    QString errorMessage;
};

// One part of a message (the "part" of "message.part.updated").
struct ChatPart
{
    enum class Kind
    {
        Unknown, // a part type this client does not know: kept, shown as nothing
        Text,
        Reasoning,
        Tool,
        File,
        StepStart,
        StepFinish,
        Compaction
    };
    Kind kind = Kind::Unknown;
    QString type; // as sent, also for Unknown
    QString id;
    QString messageID;
    QString sessionID;
    QString text;
    qint64 startMs = 0;
    qint64 endMs = 0; // set once the part is complete
    // Tool parts
    QString tool;
    QString callID;
    QString toolStatus; // pending, running, completed, error
    QString toolTitle;
    QString toolOutput;
    QString toolError;
    // File parts
    QString mime;
    QString filename;
    QString url;
    // Step-finish parts
    QString reason;
    QJsonObject raw; // the whole part, for what is not typed here
};

// "message.part.delta": append `delta` to `field` of a part (§4.3).
struct ChatPartDelta
{
    QString messageID;
    QString partID;
    QString field;
    QString delta;
};

struct ChatSessionStatus
{
    enum class Kind
    {
        Unknown,
        Idle,
        Busy,
        Retry
    };
    Kind kind = Kind::Unknown;
    QString type;
    int attempt = 0;
    QString message;
    qint64 nextMs = 0; // epoch ms of the next attempt (retry)
};

struct ChatSessionError
{
    QString name;    // e.g. APIError, MessageAbortedError; empty for CAS
    QString message; // error.data.message, else properties.message (CAS), else the name
};

// "permission.asked" and "permission.replied" (§6.2).
struct ChatPermission
{
    QString requestID;
    QString permission; // e.g. "webfetch"
    QStringList patterns;
    QString messageID; // tool.messageID
    QString callID;    // tool.callID
    QString reply;     // replied: "once", "always", "reject"
};

struct ChatSessionInfo
{
    QString id;
    QString parentID; // set for a sub-agent's child session
    QString title;
};

// One event of the harness bus, typed. Every event has `type`; `sessionID` is
// properties.sessionID (empty for server.* events), the key to route it on (§4.1).
struct ChatEvent
{
    enum class Kind
    {
        Unknown,   // a type this client does not handle: explicit, never an error
        KeepAlive, // an empty payload (CAS "event: ping")
        ServerConnected,
        ServerHeartbeat,
        MessageUpdated,
        MessageRemoved,
        PartUpdated,
        PartDelta,
        PartRemoved,
        SessionStatus,
        SessionIdle,
        SessionError,
        SessionAborted,
        SessionCreated,
        SessionUpdated,
        PermissionAsked,
        PermissionReplied
    };
    Kind kind = Kind::Unknown;
    QString type;
    QString eventId; // top-level "id" (opencode only)
    QString sessionID;
    QJsonObject properties;

    ChatMessageInfo message; // MessageUpdated
    ChatPart part;           // PartUpdated
    ChatPartDelta delta;     // PartDelta; messageID/partID also for *Removed
    ChatSessionStatus status;
    ChatSessionError error;
    ChatPermission permission;
    ChatSessionInfo session; // SessionCreated / SessionUpdated
};

ChatPart::Kind chatPartKind(const QString &type);
ChatPart chatPartFromJson(const QJsonObject &part);

// Decodes one event's data. Malformed JSON, a non-object or a missing "type" is an error
// (Kind::Protocol); an empty payload is a KeepAlive; an unknown type is Kind::Unknown.
Result<ChatEvent> decodeChatEvent(const QByteArray &data);
Result<ChatEvent> decodeChatEvent(const SseEvent &event);

} // namespace lap
