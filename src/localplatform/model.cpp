// SPDX-License-Identifier: GPL-2.0-or-later
#include "model.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

namespace lap::local {

namespace {

const QStringList kTuiHarnesses = {QStringLiteral("claude-code"), QStringLiteral("codex"),
                                   QStringLiteral("gemini"), QStringLiteral("hermes")};

// zod's name for the type of a JSON value, as in "Expected string, received number".
QString zodType(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    default:
        return QStringLiteral("undefined");
    }
}

QJsonObject invalidType(const QJsonArray &path, const QString &expected, const QJsonValue &got)
{
    return QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid_type")},
                       {QStringLiteral("expected"), expected},
                       {QStringLiteral("received"), zodType(got)},
                       {QStringLiteral("path"), path},
                       {QStringLiteral("message"),
                        QStringLiteral("Expected %1, received %2").arg(expected, zodType(got))}};
}

QJsonObject custom(const QJsonArray &path, const QString &message)
{
    return QJsonObject{{QStringLiteral("code"), QStringLiteral("custom")},
                       {QStringLiteral("path"), path},
                       {QStringLiteral("message"), message}};
}

QJsonObject tooBig(const QJsonArray &path, int maximum)
{
    return QJsonObject{{QStringLiteral("code"), QStringLiteral("too_big")},
                       {QStringLiteral("maximum"), maximum},
                       {QStringLiteral("type"), QStringLiteral("array")},
                       {QStringLiteral("inclusive"), true},
                       {QStringLiteral("exact"), false},
                       {QStringLiteral("path"), path},
                       {QStringLiteral("message"),
                        QStringLiteral("Array must contain at most %1 element(s)").arg(maximum)}};
}

QJsonArray path(std::initializer_list<QJsonValue> parts)
{
    QJsonArray a;
    for (const QJsonValue &p : parts)
        a.append(p);
    return a;
}

void validateOptionalString(const QJsonObject &body, const QString &key, QJsonArray *issues)
{
    if (body.contains(key) && !body.value(key).isString())
        issues->append(invalidType(path({key}), QStringLiteral("string"), body.value(key)));
}

void validateEnvVars(const QJsonValue &value, QJsonArray *issues)
{
    static const QRegularExpression nameRe(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    static const QStringList reserved = {QStringLiteral("REPO_URL"),
                                         QStringLiteral("BRANCH"),
                                         QStringLiteral("LITELLM_API_KEY"),
                                         QStringLiteral("LITELLM_API_BASE"),
                                         QStringLiteral("LITELLM_DEFAULT_MODEL"),
                                         QStringLiteral("AGENT_PROMPT"),
                                         QStringLiteral("PORT"),
                                         QStringLiteral("GIT_TOKEN"),
                                         QStringLiteral("AGENT_REQUIREMENTS")};
    const QString field = QStringLiteral("env_vars");
    if (!value.isObject()) {
        issues->append(invalidType(path({field}), QStringLiteral("object"), value));
        return;
    }
    const QJsonObject vars = value.toObject();
    bool typeError = false;
    for (auto it = vars.begin(); it != vars.end(); ++it) {
        if (!nameRe.match(it.key()).hasMatch()) {
            issues->append(
                QJsonObject{{QStringLiteral("validation"), QStringLiteral("regex")},
                            {QStringLiteral("code"), QStringLiteral("invalid_string")},
                            {QStringLiteral("message"), QStringLiteral("invalid env var name")},
                            {QStringLiteral("path"), path({field, it.key()})}});
        }
        if (!it.value().isString()) {
            issues->append(
                invalidType(path({field, it.key()}), QStringLiteral("string"), it.value()));
            typeError = true;
        }
    }
    // zod skips refinements once a value failed its type check; a bad name does not stop them.
    if (typeError)
        return;
    if (vars.size() > 50)
        issues->append(custom(path({field}), QStringLiteral("env_vars: max 50 keys")));
    const QString json = QString::fromUtf8(QJsonDocument(vars).toJson(QJsonDocument::Compact));
    if (json.size() > 16384) {
        issues->append(
            custom(path({field}), QStringLiteral("env_vars: total size must be ≤ 16384 bytes")));
    }
    for (auto it = vars.begin(); it != vars.end(); ++it) {
        if (reserved.contains(it.key())) {
            issues->append(
                custom(path({field}), QStringLiteral("env_vars cannot override reserved keys: %1")
                                          .arg(reserved.join(QStringLiteral(", ")))));
            break;
        }
    }
}

void validateAttachments(const QJsonValue &value, QJsonArray *issues)
{
    static const QStringList allowed = {QStringLiteral("image/png"), QStringLiteral("image/jpeg"),
                                        QStringLiteral("image/gif"), QStringLiteral("image/webp")};
    const QString field = QStringLiteral("initial_attachments");
    if (!value.isArray()) {
        issues->append(invalidType(path({field}), QStringLiteral("array"), value));
        return;
    }
    const QJsonArray items = value.toArray();
    for (int i = 0; i < items.size(); ++i) {
        if (!items[i].isObject()) {
            issues->append(invalidType(path({field, i}), QStringLiteral("object"), items[i]));
            continue;
        }
        const QJsonObject item = items[i].toObject();
        const QJsonValue mime = item.value(QStringLiteral("mime_type"));
        if (!mime.isString()) {
            issues->append(invalidType(path({field, i, QStringLiteral("mime_type")}),
                                       QStringLiteral("string"), mime));
        } else if (!allowed.contains(mime.toString())) {
            issues->append(custom(path({field, i, QStringLiteral("mime_type")}),
                                  QStringLiteral("mime_type must be one of: %1")
                                      .arg(allowed.join(QStringLiteral(", ")))));
        }
        const QJsonValue data = item.value(QStringLiteral("base64"));
        if (!data.isString()) {
            issues->append(invalidType(path({field, i, QStringLiteral("base64")}),
                                       QStringLiteral("string"), data));
        } else if (data.toString().isEmpty()) {
            issues->append(
                QJsonObject{{QStringLiteral("code"), QStringLiteral("too_small")},
                            {QStringLiteral("minimum"), 1},
                            {QStringLiteral("type"), QStringLiteral("string")},
                            {QStringLiteral("inclusive"), true},
                            {QStringLiteral("exact"), false},
                            {QStringLiteral("path"), path({field, i, QStringLiteral("base64")})},
                            {QStringLiteral("message"),
                             QStringLiteral("String must contain at least 1 character(s)")}});
        } else if (data.toString().size() * 0.75 > 5 * 1024 * 1024) {
            issues->append(custom(path({field, i, QStringLiteral("base64")}),
                                  QStringLiteral("attachment exceeds 5242880 bytes")));
        }
    }
    if (items.size() > 10)
        issues->append(tooBig(path({field}), 10));
}

void validateSkillIds(const QJsonValue &value, QJsonArray *issues)
{
    const QString field = QStringLiteral("skill_ids");
    if (!value.isArray()) {
        issues->append(invalidType(path({field}), QStringLiteral("array"), value));
        return;
    }
    const QJsonArray ids = value.toArray();
    for (int i = 0; i < ids.size(); ++i) {
        if (!ids[i].isString())
            issues->append(invalidType(path({field, i}), QStringLiteral("string"), ids[i]));
    }
    if (ids.size() > 10)
        issues->append(tooBig(path({field}), 10));
}

} // namespace

bool Agent::supportsTui() const
{
    return kTuiHarnesses.contains(harnessId);
}

QJsonObject Agent::toJson() const
{
    const QJsonValue null(QJsonValue::Null);
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), stringOrNull(name)},
        {QStringLiteral("harness_id"), harnessId},
        {QStringLiteral("supports_tui"), supportsTui()},
        {QStringLiteral("model"), model},
        {QStringLiteral("prompt"), stringOrNull(prompt)},
        {QStringLiteral("repo_url"), null},
        {QStringLiteral("branch"), QStringLiteral("main")},
        {QStringLiteral("pfp_url"), null},
        {QStringLiteral("mcp_servers"), QJsonArray()},
        {QStringLiteral("allow_out"), QJsonArray()},
        {QStringLiteral("deny_out"), QJsonArray()},
        {QStringLiteral("attached_skill_ids"), QJsonArray()},
        {QStringLiteral("env_vars"), QJsonObject()},
        {QStringLiteral("env_var_hosts"), QJsonObject()},
        {QStringLiteral("projects"), QJsonArray()},
        {QStringLiteral("preload_memory_limit"), 10},
        {QStringLiteral("template_id"), null},
        {QStringLiteral("template_prompt"), null},
        {QStringLiteral("template_latest_prompt"), null},
        {QStringLiteral("template_version"), null},
        {QStringLiteral("template_latest_version"), null},
        {QStringLiteral("template_in_sync"), true},
        {QStringLiteral("created_at"), isoTimestamp(createdAt)},
    };
}

bool Session::podAlive() const
{
    return sandboxAssigned &&
           (status == QLatin1String("creating") || status == QLatin1String("ready"));
}

QJsonObject sessionToJson(const Session &s, const SessionView &view)
{
    const QJsonValue null(QJsonValue::Null);
    return QJsonObject{
        {QStringLiteral("id"), s.id},
        {QStringLiteral("agent_id"), s.agentId},
        {QStringLiteral("status"), s.status},
        {QStringLiteral("phase"), stringOrNull(s.phase)},
        {QStringLiteral("phase_detail"), null},
        {QStringLiteral("failure_reason"), stringOrNull(s.failureReason)},
        {QStringLiteral("sandbox_url"), stringOrNull(view.sandboxUrl)},
        {QStringLiteral("tty_url"), stringOrNull(view.ttyUrl)},
        {QStringLiteral("tty_token"), view.ttyToken ? QJsonValue(*view.ttyToken) : null},
        {QStringLiteral("supports_tui"), s.supportsTui},
        {QStringLiteral("harness_session_id"), stringOrNull(s.harnessSessionId)},
        {QStringLiteral("task_arn"), stringOrNull(s.taskArn)},
        {QStringLiteral("response"), s.response.isEmpty() ? null : QJsonValue(s.response)},
        {QStringLiteral("created_at"), isoTimestamp(s.createdAt)},
        {QStringLiteral("last_seen_at"),
         s.lastSeenAt.isValid() ? QJsonValue(isoTimestamp(s.lastSeenAt)) : null},
        {QStringLiteral("idle_timeout_ms"), static_cast<double>(view.idleTimeoutMs)},
        {QStringLiteral("origin"), null},
        {QStringLiteral("title_preview"), view.forList ? null : stringOrNull(s.titlePreview)},
        {QStringLiteral("sandboxes"), null},
    };
}

QJsonObject harnessReply(bool supportsTui, const QString &text)
{
    if (supportsTui)
        return QJsonObject{
            {QStringLiteral("text"), QStringLiteral("this is a TUI harness — connect to /tty")}};
    return QJsonObject{
        {QStringLiteral("parts"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                {QStringLiteral("text"), QStringLiteral("echo: ") + text}}}}};
}

QJsonValue stringOrNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QString isoTimestamp(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QString stableUuid(const QString &seed)
{
    QByteArray bytes =
        QCryptographicHash::hash("lap-localplatform:" + seed.toUtf8(), QCryptographicHash::Sha256)
            .left(16);
    bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces).toLower();
}

QString randomUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toLower();
}

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        raw[i] = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toHex());
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (int i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QString seededAgentId(const QString &name)
{
    return stableUuid(QStringLiteral("agent:") + name);
}

QList<Agent> seededAgents(const QDateTime &now, int extraAgents)
{
    struct Seed
    {
        const char *name;
        const char *harness;
        const char *model;
        const char *prompt;
    };
    static const Seed seeds[] = {
        {"shell", "claude-code", "claude-sonnet-4-5", "A local shell standing in for Claude Code."},
        {"codex-shell", "codex", "gpt-5-codex", "A local shell standing in for Codex."},
        {"gemini-shell", "gemini", "gemini-2.5-pro", "A local shell standing in for Gemini."},
        {"hermes-shell", "hermes", "hermes-4-70b", "A local shell standing in for Hermes."},
        {"chat-bot", "opencode", "claude-sonnet-4-5", "Echoes every message back (chat mode)."},
    };
    QList<Agent> agents;
    int age = 0;
    const auto add = [&](const QString &name, const QString &harness, const QString &model,
                         const QString &prompt) {
        Agent a;
        a.name = name;
        a.id = seededAgentId(name);
        a.harnessId = harness;
        a.model = model;
        a.prompt = prompt;
        a.createdAt = now.addSecs(-60 * ++age); // distinct, so created_at ordering is stable
        agents.append(a);
    };
    for (const Seed &seed : seeds) {
        add(QString::fromLatin1(seed.name), QString::fromLatin1(seed.harness),
            QString::fromLatin1(seed.model), QString::fromUtf8(seed.prompt));
    }
    // Fillers are older than the seeded agents: `lap shell` still finds its agent on the
    // first page, while a name such as filler-060 needs paging or ?search=.
    for (int i = 1; i <= extraAgents; ++i) {
        add(QStringLiteral("filler-%1").arg(i, 3, 10, QLatin1Char('0')),
            QStringLiteral("claude-code"), QStringLiteral("claude-sonnet-4-5"), QString());
    }
    return agents;
}

QJsonArray validateCreateSessionBody(const QJsonObject &body)
{
    QJsonArray issues;
    validateOptionalString(body, QStringLiteral("initial_prompt"), &issues);
    validateOptionalString(body, QStringLiteral("title"), &issues);
    if (body.contains(QStringLiteral("initial_attachments")))
        validateAttachments(body.value(QStringLiteral("initial_attachments")), &issues);
    if (body.contains(QStringLiteral("env_vars")))
        validateEnvVars(body.value(QStringLiteral("env_vars")), &issues);
    if (body.contains(QStringLiteral("skill_ids")))
        validateSkillIds(body.value(QStringLiteral("skill_ids")), &issues);
    return issues;
}

} // namespace lap::local
