// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace lap::local {

// Rows of the local platform, shaped like the real platform's (docs/platform-api.md §4).

struct Agent
{
    QString id;
    QString name;
    QString harnessId;
    QString model;
    QString prompt;
    QDateTime createdAt;

    // True exactly for the harnesses that serve /tty.
    bool supportsTui() const;
    QJsonObject toJson() const; // without the list-only fields
};

struct Session
{
    QString id;
    QString agentId;
    QString status = QStringLiteral("creating"); // creating | ready | failed | dead | stopped
    QString phase;                               // empty = null
    QString failureReason;
    bool sandboxAssigned = false; // sandbox_url is derived from the tty style when shown
    QString taskArn;
    QString harnessSessionId;
    QString titlePreview;
    QJsonObject response; // empty = null
    bool supportsTui = true;
    QDateTime createdAt;
    QDateTime lastSeenAt; // invalid = null
    qint64 sequence = 0;  // creation order, to break created_at ties

    // Not serialized.
    QString initialPrompt;
    QJsonObject envVars;    // per-session env_vars, handed to the shell on the first attach
    quint64 generation = 0; // bumped whenever a running bring-up must stop
    int bringUpDelayMs = 0; // snapshot of the options when the bring-up began
    QString bringUpFailure;

    // A "pod" exists from harness_ready until the session fails or dies.
    bool podAlive() const;
};

// How the row's URL fields are filled in; see LocalPlatformOptions::ttyStyle.
struct SessionView
{
    QString sandboxUrl; // empty = null
    QString ttyUrl;     // empty = null
    std::optional<QString> ttyToken;
    qint64 idleTimeoutMs = 0;
    bool forList = false; // title_preview and origin are always null in GET /sessions
};

QJsonObject sessionToJson(const Session &session, const SessionView &view);

// What the harness answers a message with: a TUI harness only points at /tty, a chat harness
// echoes `text` back as one text part.
QJsonObject harnessReply(bool supportsTui, const QString &text);

// A string field of a row: an empty string is JSON null.
QJsonValue stringOrNull(const QString &value);

// "2026-06-01T12:00:00.000Z"
QString isoTimestamp(const QDateTime &when);

// A stable, version-4-looking lowercase UUID derived from `seed`.
QString stableUuid(const QString &seed);
QString randomUuid();
// `bytes` random bytes from the system generator, hex-encoded.
QString randomHex(int bytes);
// Equality whose time depends only on the lengths, for secrets (master key, harness token).
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

// The stable id of the seeded agent called `name`.
QString seededAgentId(const QString &name);
// The five seeded agents plus `extraAgents` fillers named filler-001…, newest first.
QList<Agent> seededAgents(const QDateTime &now, int extraAgents);

// Validates a create-session body (docs/platform-api.md §4.2) the way the platform's zod schema
// does. Returns an empty array when valid, otherwise the issue objects for {"error": [...]}.
QJsonArray validateCreateSessionBody(const QJsonObject &body);

} // namespace lap::local
