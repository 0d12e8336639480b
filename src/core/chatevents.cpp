// SPDX-License-Identifier: GPL-2.0-or-later
// Field names and shapes follow docs/platform-chat.md §4.2 (opencode 1.14.41 captures, plus the
// CAS variants it lists).
#include "chatevents.h"

#include "sseparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace lap {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

qint64 ms(const QJsonObject &o, const char *key)
{
    return qint64(o.value(QLatin1String(key)).toDouble());
}

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

LapError protocolError(const QString &why)
{
    return LapError(
        LapError::Kind::Protocol,
        QCoreApplication::translate("lap", "The agent sent an event we cannot read: %1.").arg(why));
}

ChatMessageInfo messageFromJson(const QJsonObject &info)
{
    ChatMessageInfo m;
    m.id = str(info, "id");
    m.sessionID = str(info, "sessionID");
    m.role = str(info, "role");
    m.parentID = str(info, "parentID");
    m.agent = str(info, "agent");
    m.mode = str(info, "mode");
    m.modelID = str(info, "modelID");
    m.providerID = str(info, "providerID");
    // User messages carry the model as an object instead.
    const QJsonObject model = obj(info, "model");
    if (m.modelID.isEmpty())
        m.modelID = str(model, "modelID");
    if (m.providerID.isEmpty())
        m.providerID = str(model, "providerID");
    m.finish = str(info, "finish");
    const QJsonObject time = obj(info, "time");
    m.createdMs = ms(time, "created");
    m.completedMs = ms(time, "completed");
    const QJsonObject error = obj(info, "error");
    m.errorName = str(error, "name");
    m.errorMessage = str(obj(error, "data"), "message");
    return m;
}

const struct
{
    const char *type;
    ChatEvent::Kind kind;
} eventKinds[] = {
    {"server.connected", ChatEvent::Kind::ServerConnected},
    {"server.heartbeat", ChatEvent::Kind::ServerHeartbeat},
    {"message.updated", ChatEvent::Kind::MessageUpdated},
    {"message.removed", ChatEvent::Kind::MessageRemoved},
    {"message.part.updated", ChatEvent::Kind::PartUpdated},
    {"message.part.delta", ChatEvent::Kind::PartDelta},
    {"message.part.removed", ChatEvent::Kind::PartRemoved},
    {"session.status", ChatEvent::Kind::SessionStatus},
    {"session.idle", ChatEvent::Kind::SessionIdle},
    {"session.error", ChatEvent::Kind::SessionError},
    {"session.aborted", ChatEvent::Kind::SessionAborted},
    {"session.created", ChatEvent::Kind::SessionCreated},
    {"session.updated", ChatEvent::Kind::SessionUpdated},
    {"permission.asked", ChatEvent::Kind::PermissionAsked},
    {"permission.replied", ChatEvent::Kind::PermissionReplied},
};

} // namespace

ChatPart::Kind chatPartKind(const QString &type)
{
    if (type == QLatin1String("text"))
        return ChatPart::Kind::Text;
    if (type == QLatin1String("reasoning"))
        return ChatPart::Kind::Reasoning;
    if (type == QLatin1String("tool"))
        return ChatPart::Kind::Tool;
    if (type == QLatin1String("file"))
        return ChatPart::Kind::File;
    if (type == QLatin1String("step-start"))
        return ChatPart::Kind::StepStart;
    if (type == QLatin1String("step-finish"))
        return ChatPart::Kind::StepFinish;
    if (type == QLatin1String("compaction"))
        return ChatPart::Kind::Compaction;
    return ChatPart::Kind::Unknown;
}

ChatPart chatPartFromJson(const QJsonObject &part)
{
    ChatPart p;
    p.raw = part;
    p.type = str(part, "type");
    p.kind = chatPartKind(p.type);
    p.id = str(part, "id");
    p.messageID = str(part, "messageID");
    p.sessionID = str(part, "sessionID");
    p.text = str(part, "text");
    const QJsonObject time = obj(part, "time");
    p.startMs = ms(time, "start");
    p.endMs = ms(time, "end");
    p.tool = str(part, "tool");
    p.callID = str(part, "callID");
    const QJsonObject state = obj(part, "state");
    p.toolStatus = str(state, "status");
    p.toolTitle = str(state, "title");
    p.toolOutput = str(state, "output");
    p.toolError = str(state, "error");
    if (p.kind == ChatPart::Kind::Tool) {
        const QJsonObject stateTime = obj(state, "time");
        p.startMs = ms(stateTime, "start");
        p.endMs = ms(stateTime, "end");
    }
    p.mime = str(part, "mime");
    p.filename = str(part, "filename");
    p.url = str(part, "url");
    p.reason = str(part, "reason");
    return p;
}

Result<ChatEvent> decodeChatEvent(const SseEvent &event)
{
    return decodeChatEvent(event.data.toUtf8());
}

Result<ChatEvent> decodeChatEvent(const QByteArray &data)
{
    ChatEvent e;
    // §4.1: CAS keep-alives are "event: ping" with an empty data line.
    if (data.trimmed().isEmpty()) {
        e.kind = ChatEvent::Kind::KeepAlive;
        return Result<ChatEvent>::success(e);
    }
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &perr);
    if (perr.error != QJsonParseError::NoError)
        return Result<ChatEvent>::failure(protocolError(
            QCoreApplication::translate("lap", "not JSON (%1)").arg(perr.errorString())));
    if (!doc.isObject())
        return Result<ChatEvent>::failure(
            protocolError(QCoreApplication::translate("lap", "not a JSON object")));
    const QJsonObject o = doc.object();
    const QJsonValue type = o.value(QLatin1String("type"));
    if (!type.isString() || type.toString().isEmpty())
        return Result<ChatEvent>::failure(
            protocolError(QCoreApplication::translate("lap", "it has no type")));

    e.type = type.toString();
    e.eventId = str(o, "id");
    e.properties = obj(o, "properties");
    const QJsonObject &p = e.properties;
    e.sessionID = str(p, "sessionID");
    for (const auto &k : eventKinds) {
        if (e.type == QLatin1String(k.type)) {
            e.kind = k.kind;
            break;
        }
    }

    switch (e.kind) {
    case ChatEvent::Kind::MessageUpdated:
        e.message = messageFromJson(obj(p, "info"));
        break;
    case ChatEvent::Kind::PartUpdated:
        e.part = chatPartFromJson(obj(p, "part"));
        // §4.2: CAS puts messageID in properties, not in the part.
        if (e.part.messageID.isEmpty())
            e.part.messageID = str(p, "messageID");
        if (e.part.sessionID.isEmpty())
            e.part.sessionID = e.sessionID;
        break;
    case ChatEvent::Kind::PartDelta:
    case ChatEvent::Kind::MessageRemoved:
    case ChatEvent::Kind::PartRemoved:
        e.delta.messageID = str(p, "messageID");
        e.delta.partID = str(p, "partID");
        e.delta.field = str(p, "field");
        e.delta.delta = str(p, "delta");
        break;
    case ChatEvent::Kind::SessionStatus: {
        const QJsonObject s = obj(p, "status");
        e.status.type = str(s, "type");
        if (e.status.type == QLatin1String("idle"))
            e.status.kind = ChatSessionStatus::Kind::Idle;
        else if (e.status.type == QLatin1String("busy"))
            e.status.kind = ChatSessionStatus::Kind::Busy;
        else if (e.status.type == QLatin1String("retry"))
            e.status.kind = ChatSessionStatus::Kind::Retry;
        e.status.attempt = s.value(QLatin1String("attempt")).toInt();
        e.status.message = str(s, "message");
        e.status.nextMs = ms(s, "next");
        break;
    }
    case ChatEvent::Kind::SessionError: {
        const QJsonObject err = obj(p, "error");
        e.error.name = str(err, "name");
        // §4.2: show error.data.message, falling back to the name; CAS sends properties.message.
        e.error.message = str(obj(err, "data"), "message");
        if (e.error.message.isEmpty())
            e.error.message = str(p, "message");
        if (e.error.message.isEmpty())
            e.error.message = e.error.name;
        break;
    }
    case ChatEvent::Kind::PermissionAsked: {
        e.permission.requestID = str(p, "id");
        e.permission.permission = str(p, "permission");
        const QJsonArray patterns = p.value(QLatin1String("patterns")).toArray();
        for (const QJsonValue &v : patterns)
            e.permission.patterns.append(v.toString());
        const QJsonObject tool = obj(p, "tool");
        e.permission.messageID = str(tool, "messageID");
        e.permission.callID = str(tool, "callID");
        break;
    }
    case ChatEvent::Kind::PermissionReplied:
        e.permission.requestID = str(p, "requestID");
        e.permission.reply = str(p, "reply");
        break;
    case ChatEvent::Kind::SessionCreated:
    case ChatEvent::Kind::SessionUpdated: {
        const QJsonObject info = obj(p, "info");
        e.session.id = str(info, "id");
        e.session.parentID = str(info, "parentID");
        e.session.title = str(info, "title");
        break;
    }
    default:
        break;
    }
    return Result<ChatEvent>::success(e);
}

} // namespace lap
