// SPDX-License-Identifier: GPL-2.0-or-later
#include "models.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <cmath>
#include <limits>

namespace lap {

namespace {

// Parse errors are worded for the "the platform sent an unexpected reply (...)" sentence that
// PlatformClient wraps them in, and name the JSON field so a bug report says what changed.
LapError fieldError(const QString &field, const char *expectation)
{
    return LapError(LapError::Kind::Protocol,
                    QCoreApplication::translate("lap", "field '%1' should be %2")
                        .arg(field, QCoreApplication::translate("lap", expectation)));
}

LapError missingField(const QString &field)
{
    return LapError(LapError::Kind::Protocol,
                    QCoreApplication::translate("lap", "field '%1' is missing").arg(field));
}

// Collects the first error while a row is read field by field, so each reader stays one line.
class Reader
{
public:
    Reader(const QJsonObject &o, QString prefix) : m_o(o), m_prefix(std::move(prefix)) {}

    QString name(const char *key) const { return m_prefix + QLatin1String(key); }

    // Absent and null read as empty: the platform leaves many fields null until they apply.
    QString string(const char *key)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString()) {
            setError(fieldError(name(key), QT_TRANSLATE_NOOP("lap", "a string")));
            return {};
        }
        return v.toString();
    }

    // A required, non-empty string: an id we would otherwise put into a URL as "".
    QString requiredString(const char *key)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            setError(missingField(name(key)));
            return {};
        }
        const QString s = string(key);
        if (ok() && s.isEmpty())
            setError(missingField(name(key)));
        return s;
    }

    std::optional<bool> optBool(const char *key)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isBool()) {
            setError(fieldError(name(key), QT_TRANSLATE_NOOP("lap", "true or false")));
            return std::nullopt;
        }
        return v.toBool();
    }

    // JSON has only doubles; 2.5 or 1e300 where a count belongs is a wrong value, not a rounding
    // question.
    std::optional<qint64> optInteger(const char *key, qint64 min, qint64 max)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        const double d = v.toDouble();
        if (!v.isDouble() || !std::isfinite(d) || std::floor(d) != d || d < double(min) ||
            d > double(max)) {
            setError(fieldError(name(key), QT_TRANSLATE_NOOP("lap", "an integer")));
            return std::nullopt;
        }
        return qint64(d);
    }

    bool ok() const { return !m_error.isError(); }
    const LapError &error() const { return m_error; }

private:
    void setError(LapError e)
    {
        if (ok())
            m_error = std::move(e);
    }

    const QJsonObject &m_o;
    QString m_prefix;
    LapError m_error;
};

Result<Agent> agentFromJson(const QJsonObject &o, const QString &prefix)
{
    Reader r(o, prefix);
    Agent a;
    a.id = r.requiredString("id");
    a.name = r.string("name");
    a.harnessId = r.string("harness_id");
    a.supportsTui = r.optBool("supports_tui");
    a.model = r.string("model");
    a.repoUrl = r.string("repo_url");
    a.branch = r.string("branch");
    a.createdAt = r.string("created_at");
    a.sessionCount =
        int(r.optInteger("session_count", 0, std::numeric_limits<int>::max()).value_or(-1));
    a.hasActiveSession = r.optBool("has_active_session").value_or(false);
    // env_vars is skipped on purpose: decrypted secrets must not live in our models.
    if (!r.ok())
        return Result<Agent>::failure(r.error());
    return Result<Agent>::success(a);
}

Result<Session> sessionFromJson(const QJsonObject &o, const QString &prefix)
{
    Reader r(o, prefix);
    Session s;
    s.id = r.requiredString("id");
    s.agentId = r.string("agent_id");
    s.status = r.requiredString("status"); // every decision about a session is made on it
    s.phase = r.string("phase");
    s.phaseDetail = r.string("phase_detail");
    s.failureReason = r.string("failure_reason");
    s.sandboxUrl = r.string("sandbox_url");
    s.ttyUrl = r.string("tty_url");
    s.ttyToken = r.string("tty_token");
    s.supportsTui = r.optBool("supports_tui");
    s.harnessSessionId = r.string("harness_session_id");
    s.taskArn = r.string("task_arn");
    s.createdAt = r.string("created_at");
    s.lastSeenAt = r.string("last_seen_at");
    s.idleTimeoutMs = r.optInteger("idle_timeout_ms", 0, std::numeric_limits<qint64>::max() / 2);
    s.titlePreview = r.string("title_preview");
    if (!r.ok())
        return Result<Session>::failure(r.error());
    return Result<Session>::success(s);
}

QString indexed(const QString &prefix, int i)
{
    return prefix + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
}

} // namespace

bool Agent::isTui() const
{
    if (supportsTui)
        return *supportsTui;
    // The reference CLI's fallback allowlist for platforms that predate supports_tui.
    return harnessId == QLatin1String("claude-code") || harnessId == QLatin1String("codex");
}

QString Agent::displayName() const
{
    if (!name.isEmpty())
        return name;
    return QCoreApplication::translate("lap", "<unnamed %1>").arg(id.left(8));
}

Result<Agent> Agent::fromJson(const QJsonObject &o)
{
    return agentFromJson(o, QString());
}

Result<AgentPage> AgentPage::fromJson(const QJsonObject &o)
{
    // `data` is required: any unknown /api/v1 path is passed on to LiteLLM, whose JSON must not
    // read as "the platform has no agents".
    const QJsonValue data = o.value(QLatin1String("data"));
    if (data.isUndefined() || data.isNull())
        return Result<AgentPage>::failure(missingField(QStringLiteral("data")));
    if (!data.isArray())
        return Result<AgentPage>::failure(
            fieldError(QStringLiteral("data"), QT_TRANSLATE_NOOP("lap", "an array")));

    AgentPage page;
    const QJsonArray rows = data.toArray();
    for (int i = 0; i < rows.size(); ++i) {
        const QString where = indexed(QStringLiteral("data"), i);
        if (!rows.at(i).isObject())
            return Result<AgentPage>::failure(
                fieldError(where, QT_TRANSLATE_NOOP("lap", "an object")));
        Result<Agent> a = agentFromJson(rows.at(i).toObject(), where + QLatin1Char('.'));
        if (!a.ok())
            return Result<AgentPage>::failure(a.error);
        page.agents.append(a.value);
    }

    Reader r(o, QString());
    const int maxInt = std::numeric_limits<int>::max();
    page.limit = int(r.optInteger("limit", 0, maxInt).value_or(rows.size()));
    page.offset = int(r.optInteger("offset", 0, maxInt).value_or(0));
    // Without a total this page is taken as the last one, so paging always ends.
    page.total = int(r.optInteger("total", 0, maxInt).value_or(page.offset + rows.size()));
    if (!r.ok())
        return Result<AgentPage>::failure(r.error());
    return Result<AgentPage>::success(page);
}

Result<DeletedSession> DeletedSession::fromJson(const QJsonObject &o)
{
    Reader r(o, QString());
    DeletedSession d;
    d.status = r.requiredString("status");
    if (!r.ok())
        return Result<DeletedSession>::failure(r.error());
    return Result<DeletedSession>::success(d);
}

bool Session::isTerminal() const
{
    return status == QLatin1String("failed") || status == QLatin1String("dead") ||
           status == QLatin1String("stopped");
}

Result<Session> Session::fromJson(const QJsonObject &o)
{
    return sessionFromJson(o, QString());
}

Result<QList<Session>> Session::listFromJson(const QJsonDocument &doc)
{
    if (!doc.isArray())
        return Result<QList<Session>>::failure(LapError(
            LapError::Kind::Protocol,
            QCoreApplication::translate("lap", "the session list should be a JSON array")));
    QList<Session> list;
    const QJsonArray rows = doc.array();
    for (int i = 0; i < rows.size(); ++i) {
        const QString where = indexed(QString(), i);
        if (!rows.at(i).isObject())
            return Result<QList<Session>>::failure(
                fieldError(where, QT_TRANSLATE_NOOP("lap", "an object")));
        Result<Session> s = sessionFromJson(rows.at(i).toObject(), where + QLatin1Char('.'));
        if (!s.ok())
            return Result<QList<Session>>::failure(s.error);
        list.append(s.value);
    }
    return Result<QList<Session>>::success(list);
}

bool looksLikeUuid(const QString &s)
{
    if (s.size() != 36)
        return false;
    for (const QChar c : s) {
        const ushort u = c.unicode();
        const bool hex = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F');
        if (!hex && u != '-')
            return false;
    }
    return true;
}

} // namespace lap
