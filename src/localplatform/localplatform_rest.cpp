// SPDX-License-Identifier: GPL-2.0-or-later
// The REST half of LocalPlatform: /api/v1/managed_agents (docs/platform-api.md §4) and the
// /__local admin routes.
#include "localplatform.h"

#include "httpserver.h"

#include <QJsonDocument>

#include <algorithm>

namespace lap::local {

namespace {

const QString kManagedPrefix = QStringLiteral("/api/v1/managed_agents/sessions/");

// Like the platform: parseInt(x) || fallback, then clamped.
int intParam(const HttpRequest &request, const QString &name, int fallback, int min, int max)
{
    const QString raw = request.queryValue(name).trimmed();
    // parseInt reads leading digits ("20abc" -> 20).
    int end = 0;
    if (end < raw.size() && (raw[end] == QLatin1Char('-') || raw[end] == QLatin1Char('+')))
        ++end;
    while (end < raw.size() && raw[end].isDigit())
        ++end;
    bool ok = false;
    const qint64 parsed = raw.left(end).toLongLong(&ok);
    const qint64 value = ok && parsed != 0 ? parsed : fallback;
    return static_cast<int>(qBound(qint64(min), value, qint64(max)));
}

QJsonObject parseBody(const QByteArray &body)
{
    // Missing or invalid JSON counts as {} (docs/platform-api.md §4.2).
    return QJsonDocument::fromJson(body).object();
}

HttpResponse notFoundSession(const QString &id)
{
    return HttpResponse::error(404, QStringLiteral("session %1 not found").arg(id));
}

HttpResponse methodNotAllowed()
{
    return HttpResponse::error(405, QStringLiteral("method not allowed"));
}

HttpResponse badGatewayPage()
{
    // What a load balancer in front of the platform answers while a replica restarts.
    return HttpResponse::text(502,
                              "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                              "<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n",
                              "text/html");
}

QString messageText(const QJsonObject &body)
{
    if (body.value(QStringLiteral("text")).isString())
        return body.value(QStringLiteral("text")).toString();
    QStringList texts;
    const QJsonArray parts = body.value(QStringLiteral("parts")).toArray();
    for (const QJsonValue &part : parts) {
        const QJsonObject p = part.toObject();
        if (p.value(QStringLiteral("type")).toString() == QLatin1String("text"))
            texts.append(p.value(QStringLiteral("text")).toString());
    }
    return texts.join(QLatin1Char('\n'));
}

} // namespace

bool LocalPlatform::authorized(const HttpRequest &request) const
{
    // The whole header, byte for byte: case-sensitive "Bearer", one space, no trimming.
    return constantTimeEquals(request.header("authorization"), "Bearer " + m_masterKey.toUtf8());
}

SessionView LocalPlatform::viewOf(const Session &session, bool forList) const
{
    SessionView view;
    view.forList = forList;
    view.sandboxUrl = sandboxUrlFor(session);
    if (m_options.ttyStyle == TtyStyle::Proxy && session.supportsTui &&
        session.status == QLatin1String("ready") && session.sandboxAssigned)
        view.ttyUrl = kManagedPrefix + session.id + QStringLiteral("/tty");
    if (!m_options.noTtyToken)
        view.ttyToken = m_options.advertiseWrongToken ? m_wrongToken : m_harnessToken;
    view.idleTimeoutMs = m_options.idleTimeoutMs;
    return view;
}

QJsonObject LocalPlatform::rowJson(const Session &session, bool forList) const
{
    return sessionToJson(session, viewOf(session, forList));
}

const Agent *LocalPlatform::findAgent(const QString &id) const
{
    for (const Agent &a : m_agents) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

HttpResponse LocalPlatform::handleRequest(const HttpRequest &request, HttpConnection *connection)
{
    const QStringList parts = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);

    if (parts.value(0) == QLatin1String("api") && parts.value(1) == QLatin1String("v1")) {
        // A load balancer's 502 comes before the application looks at the key.
        if (m_options.transientErrors > 0 && request.method == "GET" && parts.size() == 5 &&
            parts[2] == QLatin1String("managed_agents") && parts[3] == QLatin1String("sessions")) {
            --m_options.transientErrors;
            return badGatewayPage();
        }
        if (!authorized(request))
            return HttpResponse::error(401, QStringLiteral("unauthorized"));
        if (parts.value(2) == QLatin1String("managed_agents"))
            return handleManagedAgents(request, parts.mid(3), connection);
        if (parts.size() == 3 && parts[2] == QLatin1String("skills")) {
            if (request.method != "GET")
                return methodNotAllowed();
            return HttpResponse::json(
                200, QJsonDocument(QJsonObject{{QStringLiteral("data"), QJsonArray()}}));
        }
        return HttpResponse::error(404, QStringLiteral("not found"));
    }
    if (parts.value(0) == QLatin1String("__local"))
        return handleAdmin(request);

    if (parts.isEmpty() && request.method == "GET") {
        return HttpResponse::text(200, "lap-localplatform: a local LiteLLM Agent Platform.\n"
                                       "REST under /api/v1/managed_agents, terminals on /tty.\n");
    }
    if (parts == QStringList{QStringLiteral("healthz")})
        return HttpResponse::json(200, QJsonDocument(QJsonObject{{QStringLiteral("ok"), true}}));
    if (parts.size() == 3 && parts[0] == QLatin1String("sandboxes") &&
        parts[2] == QLatin1String("healthz")) {
        // The harness's own health probe (no auth), for the "pod" of a live session.
        const Session *s = findSession(parts[1]);
        if (!s || !s->podAlive())
            return HttpResponse::error(404, QStringLiteral("no such sandbox"));
        return HttpResponse::json(
            200, QJsonDocument(QJsonObject{{QStringLiteral("ok"), true},
                                           {QStringLiteral("cmd"), effectiveCommand()},
                                           {QStringLiteral("repo"), QStringLiteral("/work/repo")},
                                           {QStringLiteral("auth_required"), true}}));
    }
    if (parts.size() == 2 && parts[0] == QLatin1String("sessions") && request.method == "GET") {
        // Stand-in for the web session page, so `<base>/sessions/<id>` links open something.
        const Session *s = findSession(parts[1]);
        if (!s)
            return HttpResponse::text(404, "Not Found\n");
        return HttpResponse::text(200,
                                  "<!doctype html><title>Session</title><p>Session " +
                                      s->id.toUtf8() + " is " + s->status.toUtf8() + ".</p>\n",
                                  "text/html; charset=utf-8");
    }
    return HttpResponse::text(404, "Not Found\n");
}

HttpResponse LocalPlatform::handleManagedAgents(const HttpRequest &request,
                                                const QStringList &parts,
                                                HttpConnection *connection)
{
    const QByteArray &method = request.method;
    const QString collection = parts.value(0);
    if (collection == QLatin1String("agents")) {
        if (parts.size() == 1)
            return method == "GET" ? listAgents(request) : methodNotAllowed();
        const QString agentId = parts[1];
        if (parts.size() == 2) {
            if (method != "GET")
                return methodNotAllowed();
            const Agent *agent = findAgent(agentId);
            if (!agent)
                return HttpResponse::error(404,
                                           QStringLiteral("agent '%1' not found").arg(agentId));
            return HttpResponse::json(200, QJsonDocument(agent->toJson()));
        }
        if (parts.size() == 3 && parts[2] == QLatin1String("session"))
            return method == "POST" ? createSession(request, agentId) : methodNotAllowed();
        return HttpResponse::error(404, QStringLiteral("not found"));
    }
    if (collection == QLatin1String("sessions")) {
        if (parts.size() == 1)
            return method == "GET" ? listSessions(request) : methodNotAllowed();
        const QString sessionId = parts[1];
        if (parts.size() == 2) {
            if (method == "GET") {
                const Session *s = findSession(sessionId);
                return s ? HttpResponse::json(200, QJsonDocument(rowJson(*s)))
                         : notFoundSession(sessionId);
            }
            if (method == "DELETE")
                return deleteSession(sessionId);
            return methodNotAllowed();
        }
        const QString action = parts[2];
        if (parts.size() == 3 && action == QLatin1String("restart"))
            return method == "POST" ? restartSession(sessionId, connection) : methodNotAllowed();
        if (parts.size() == 3 && action == QLatin1String("events"))
            return method == "GET" ? openEvents(sessionId, connection) : methodNotAllowed();
        if (parts.size() == 3 && action == QLatin1String("message"))
            return method == "POST" ? postMessage(request, sessionId, true, connection)
                                    : methodNotAllowed();
        if (parts.size() == 6 && action == QLatin1String("opencode") &&
            parts[3] == QLatin1String("session") && parts[5] == QLatin1String("message")) {
            // lap's chat path: a verbatim proxy to the harness; it does not bump last_seen_at.
            return method == "POST" ? postMessage(request, sessionId, false, connection)
                                    : methodNotAllowed();
        }
        if (parts.size() == 3 && action == QLatin1String("abort")) {
            if (method != "POST")
                return methodNotAllowed();
            const Session *s = findSession(sessionId);
            if (!s || s->status != QLatin1String("ready"))
                return HttpResponse::error(404, QStringLiteral("not found or not ready"));
            return HttpResponse::json(200,
                                      QJsonDocument(QJsonObject{{QStringLiteral("ok"), true}}));
        }
        return HttpResponse::error(404, QStringLiteral("not found"));
    }
    return HttpResponse::error(404, QStringLiteral("not found"));
}

HttpResponse LocalPlatform::listAgents(const HttpRequest &request) const
{
    const int limit = intParam(request, QStringLiteral("limit"), 50, 1, 200);
    const int offset = intParam(request, QStringLiteral("offset"), 0, 0, INT_MAX);
    const QString sort = request.queryValue(QStringLiteral("sort"));
    const bool ascending = request.queryValue(QStringLiteral("order")) == QLatin1String("asc");
    const QString search = request.queryValue(QStringLiteral("search")).trimmed();

    QHash<QString, int> sessionCount;
    QSet<QString> active;
    for (const Session &s : m_sessions) {
        ++sessionCount[s.agentId];
        if (s.status == QLatin1String("ready") || s.status == QLatin1String("creating"))
            active.insert(s.agentId);
    }

    QList<const Agent *> rows;
    for (const Agent &a : m_agents) {
        if (search.isEmpty() || a.name.contains(search, Qt::CaseInsensitive) ||
            a.id.contains(search, Qt::CaseInsensitive) ||
            a.harnessId.contains(search, Qt::CaseInsensitive))
            rows.append(&a);
    }
    // Keys compare ascending; `order` flips them; created_at then id break ties.
    const auto key = [&](const Agent *a, const Agent *b) -> int {
        if (sort == QLatin1String("name"))
            return QString::compare(a->name, b->name);
        if (sort == QLatin1String("harness_id"))
            return QString::compare(a->harnessId, b->harnessId);
        if (sort == QLatin1String("sessions"))
            return sessionCount.value(a->id) - sessionCount.value(b->id);
        return 0;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const Agent *a, const Agent *b) {
        int c = key(a, b);
        if (c == 0)
            c = a->createdAt < b->createdAt ? -1 : (b->createdAt < a->createdAt ? 1 : 0);
        if (c == 0)
            c = QString::compare(a->id, b->id);
        return ascending ? c < 0 : c > 0;
    });

    QJsonArray data;
    for (int i = offset; i < rows.size() && data.size() < limit; ++i) {
        QJsonObject json = rows[i]->toJson();
        json.insert(QStringLiteral("session_count"), sessionCount.value(rows[i]->id));
        json.insert(QStringLiteral("has_active_session"), active.contains(rows[i]->id));
        data.append(json);
    }
    return HttpResponse::json(200, QJsonDocument(QJsonObject{{QStringLiteral("data"), data},
                                                             {QStringLiteral("total"), rows.size()},
                                                             {QStringLiteral("limit"), limit},
                                                             {QStringLiteral("offset"), offset}}));
}

HttpResponse LocalPlatform::createSession(const HttpRequest &request, const QString &agentId)
{
    const Agent *agent = findAgent(agentId);
    if (!agent)
        return HttpResponse::error(404, QStringLiteral("agent '%1' not found").arg(agentId));
    const QJsonObject body = parseBody(request.body);
    const QJsonArray issues = validateCreateSessionBody(body);
    if (!issues.isEmpty())
        return HttpResponse::json(400,
                                  QJsonDocument(QJsonObject{{QStringLiteral("error"), issues}}));

    Session s;
    s.id = randomUuid();
    s.agentId = agent->id;
    s.supportsTui = agent->supportsTui();
    s.createdAt = m_clock();
    s.sequence = ++m_nextSequence;
    s.initialPrompt = body.value(QStringLiteral("initial_prompt")).toString();
    s.titlePreview = s.initialPrompt.left(60);
    s.envVars = body.value(QStringLiteral("env_vars")).toObject();
    Session *stored = &m_sessions.insert(s.id, s).value();
    beginBringUp(stored);
    return HttpResponse::json(200, QJsonDocument(rowJson(*stored)));
}

HttpResponse LocalPlatform::listSessions(const HttpRequest &request) const
{
    const int limit = intParam(request, QStringLiteral("limit"), 50, 1, 200);
    bool filtered = false;
    const QString agentId = request.queryValue(QStringLiteral("agent_id"), &filtered);
    QJsonArray rows;
    for (const Session *s : sessionsNewestFirst()) {
        if (filtered && s->agentId != agentId)
            continue;
        if (rows.size() >= limit)
            break;
        rows.append(rowJson(*s, true));
    }
    return HttpResponse::json(200, QJsonDocument(rows));
}

HttpResponse LocalPlatform::deleteSession(const QString &sessionId)
{
    Session *s = findSession(sessionId);
    if (!s)
        return notFoundSession(sessionId);
    if (s->status == QLatin1String("dead") || s->status == QLatin1String("stopped")) {
        return HttpResponse::json(
            200, QJsonDocument(QJsonObject{{QStringLiteral("id"), sessionId},
                                           {QStringLiteral("status"), s->status}}));
    }
    // failure_reason stays as it was; sandbox_url is not cleared either.
    killSession(s);
    return HttpResponse::json(
        200, QJsonDocument(QJsonObject{{QStringLiteral("id"), sessionId},
                                       {QStringLiteral("status"), QStringLiteral("deleted")}}));
}

HttpResponse LocalPlatform::restartSession(const QString &sessionId, HttpConnection *connection)
{
    Session *s = findSession(sessionId);
    if (!s)
        return notFoundSession(sessionId);
    if (s->status == QLatin1String("creating"))
        return HttpResponse::error(409,
                                   QStringLiteral("session %1 is still creating").arg(sessionId));
    // A fresh sandbox: the old terminal state is gone, per-session env_vars are not re-applied,
    // and the phase is left as it was until the new bring-up writes its own.
    killSessionRuntime(sessionId); // drops sockets and streams; the sessions stay as they are
    s->failureReason.clear();
    s->sandboxAssigned = false;
    s->harnessSessionId.clear();
    s->envVars = QJsonObject();
    bumpLastSeen(s);
    setStatus(s, QStringLiteral("creating"));
    beginBringUp(s);
    // Synchronous like the real route: the reply waits for the whole start.
    addWaiter(
        sessionId, connection,
        [this, sessionId](Session *settled) {
            if (settled && settled->status == QLatin1String("ready"))
                return HttpResponse::json(200, QJsonDocument(rowJson(*settled)));
            const QString why = !settled ? QStringLiteral("session vanished")
                                : settled->failureReason.isEmpty()
                                    ? QStringLiteral("session is %1").arg(settled->status)
                                    : settled->failureReason;
            return HttpResponse::error(502, QStringLiteral("session restart failed: %1").arg(why));
        },
        0, nullptr);
    return HttpResponse::later();
}

HttpResponse LocalPlatform::openEvents(const QString &sessionId, HttpConnection *connection)
{
    Session *s = findSession(sessionId);
    if (!s)
        return notFoundSession(sessionId);
    // Opening the stream is what refreshes the idle clock (docs/platform-api.md §5).
    bumpLastSeen(s);
    connection->beginStream(
        200, {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache, no-transform"}});
    connection->streamWrite(": ok\n\n");
    m_eventStreams.insert(sessionId, connection);
    QPointer<HttpConnection> guard(connection);
    connect(connection, &HttpConnection::closed, this,
            [this, sessionId, guard] { m_eventStreams.remove(sessionId, guard); });
    return HttpResponse::later();
}

HttpResponse LocalPlatform::postMessage(const HttpRequest &request, const QString &sessionId,
                                        bool bump, HttpConnection *connection)
{
    Session *s = findSession(sessionId);
    if (!s)
        return notFoundSession(sessionId);
    const QString text = messageText(parseBody(request.body));
    if (text.isEmpty())
        return HttpResponse::error(400, QStringLiteral("text or parts is required"));

    const auto answer = [this, sessionId, text, bump](Session *settled) {
        if (!settled)
            return notFoundSession(sessionId);
        if (settled->status != QLatin1String("ready")) {
            return HttpResponse::error(
                410, QStringLiteral("session %1 is %2").arg(sessionId, settled->status));
        }
        if (bump)
            bumpLastSeen(settled);
        if (settled->titlePreview.isEmpty())
            settled->titlePreview = text.left(60);
        settled->response = harnessReply(settled->supportsTui, text);
        return HttpResponse::json(200, QJsonDocument(settled->response));
    };
    if (s->status != QLatin1String("creating"))
        return answer(s);
    // Like the platform's proxy: wait up to 60 s for the session to become ready.
    addWaiter(sessionId, connection, answer, 60000,
              [] { return HttpResponse::error(504, QStringLiteral("session not ready")); });
    return HttpResponse::later();
}

HttpResponse LocalPlatform::handleAdmin(const HttpRequest &request)
{
    if (!authorized(request))
        return HttpResponse::error(401, QStringLiteral("unauthorized"));
    const QString route = request.path;
    if (route == QLatin1String("/__local/drop-tty")) {
        if (request.method != "POST")
            return methodNotAllowed();
        const int count = openTtyCount();
        dropAllTty();
        return HttpResponse::json(200,
                                  QJsonDocument(QJsonObject{{QStringLiteral("dropped"), count}}));
    }
    if (route == QLatin1String("/__local/options")) {
        if (request.method == "POST") {
            LocalPlatformOptions next = m_options;
            QString error;
            if (!next.applyJson(parseBody(request.body), &error))
                return HttpResponse::error(400, error);
            setOptions(next);
        } else if (request.method != "GET") {
            return methodNotAllowed();
        }
        return HttpResponse::json(200, QJsonDocument(m_options.toJson()));
    }
    if (route == QLatin1String("/__local/mark-dead")) {
        if (request.method != "POST")
            return methodNotAllowed();
        const QJsonObject body = parseBody(request.body);
        const QString id = body.value(QStringLiteral("session_id")).toString();
        const QString reason =
            body.value(QStringLiteral("reason")).toString(QStringLiteral("task disappeared"));
        if (!markDead(id, reason))
            return notFoundSession(id);
        return HttpResponse::json(200, QJsonDocument(rowJson(*findSession(id))));
    }
    if (route == QLatin1String("/__local/state")) {
        return HttpResponse::json(
            200, QJsonDocument(QJsonObject{{QStringLiteral("open_tty"), openTtyCount()},
                                           {QStringLiteral("live_pty"), livePtyCount()},
                                           {QStringLiteral("sessions"), m_sessions.size()}}));
    }
    return HttpResponse::error(404, QStringLiteral("not found"));
}

} // namespace lap::local
