// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace lap {

// Fields the desktop client uses; everything else in the row is ignored. Absent or null fields
// get their empty value, a field of the wrong JSON type is an error naming the field (a string
// where a bool belongs must never silently become `false`). `env_vars` is deliberately not
// parsed: it holds decrypted secrets (docs/platform-api.md §2).
struct Agent
{
    QString id;
    QString name; // may be empty: `name` is nullable
    QString harnessId;
    std::optional<bool> supportsTui; // absent on old platforms
    QString model;
    QString repoUrl;
    QString branch;
    QString createdAt;
    int sessionCount = -1; // -1: not in this response (only the list has it)
    bool hasActiveSession = false;

    // supports_tui when present, else the reference CLI's allowlist (claude-code, codex).
    bool isTui() const;
    // Name for display: the name, or "<unnamed 1234abcd>".
    QString displayName() const;

    static Result<Agent> fromJson(const QJsonObject &o);
};

struct AgentPage
{
    QList<Agent> agents;
    int total = 0;
    int limit = 0;
    int offset = 0;

    static Result<AgentPage> fromJson(const QJsonObject &o);
};

struct Session
{
    QString id;
    QString agentId;
    QString status; // creating | ready | failed | dead | stopped (decide on this, never on phase)
    QString phase;
    QString phaseDetail;
    QString failureReason;
    QString sandboxUrl;
    QString ttyUrl;
    QString ttyToken; // secret: never log
    std::optional<bool> supportsTui;
    QString harnessSessionId;
    QString taskArn;
    QString createdAt;
    QString lastSeenAt;
    std::optional<qint64> idleTimeoutMs;
    QString titlePreview;

    bool isReady() const { return status == QLatin1String("ready"); }
    bool isCreating() const { return status == QLatin1String("creating"); }
    // failed, dead or stopped: the session will not become ready without a restart.
    bool isTerminal() const;

    static Result<Session> fromJson(const QJsonObject &o);
    static Result<QList<Session>> listFromJson(const QJsonDocument &doc);
};

// The reply to DELETE /sessions/:id: "deleted", or "dead"/"stopped" when it had already ended
// (docs/platform-api.md §4.6).
struct DeletedSession
{
    QString status;

    static Result<DeletedSession> fromJson(const QJsonObject &o);
};

// True for a canonical 36-character UUID-ish id as the reference CLI accepts it
// (`^[0-9a-f-]{36}$`, case-insensitive).
bool looksLikeUuid(const QString &s);

} // namespace lap

Q_DECLARE_METATYPE(lap::Agent)
Q_DECLARE_METATYPE(lap::Session)
