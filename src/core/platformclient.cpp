// SPDX-License-Identifier: GPL-2.0-or-later
#include "platformclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QStringList>
#include <QTimer>

#if QT_CONFIG(ssl)
#include <QSslError>
#endif

#include <algorithm>
#include <limits>

// Transport only: what is asked is built in platformrequests.cpp and what the user reads is
// worded in replyerrors.cpp. Nothing here is translated.

namespace lap {

namespace {

const char kSslErrorsProperty[] = "lapSslErrors";
// Why send()'s guards aborted a reply: "size" (over kMaxReplyBytes) or "slow" (deadline).
const char kAbortReasonProperty[] = "lapAbortReason";

QByteArray verbOf(const QNetworkReply *reply)
{
    switch (reply->operation()) {
    case QNetworkAccessManager::GetOperation:
        return QByteArrayLiteral("GET");
    case QNetworkAccessManager::PostOperation:
        return QByteArrayLiteral("POST");
    case QNetworkAccessManager::PutOperation:
        return QByteArrayLiteral("PUT");
    case QNetworkAccessManager::DeleteOperation:
        return QByteArrayLiteral("DELETE");
    case QNetworkAccessManager::HeadOperation:
        return QByteArrayLiteral("HEAD");
    default:
        return reply->request().attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
    }
}

QString contentTypeOf(const QNetworkReply *reply)
{
    return reply->header(QNetworkRequest::ContentTypeHeader).toString();
}

// What replyError() needs to know of a finished reply.
ReplyFacts factsOf(const QNetworkReply *reply)
{
    ReplyFacts f;
    f.error = reply->error();
    f.errorString = reply->errorString();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    f.httpStatus = status.isValid() ? status.toInt() : 0;
    f.verb = verbOf(reply);
    f.url = reply->url();
    f.contentType = contentTypeOf(reply);
    f.retryAfter = reply->rawHeader("Retry-After");
    if (f.error == QNetworkReply::InsecureRedirectError) {
        QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        if (target.isEmpty())
            target = QUrl::fromEncoded(reply->rawHeader("Location"));
        f.redirectTarget = reply->url().resolved(target);
    }
    f.sslErrors = reply->property(kSslErrorsProperty).toString();
    const QByteArray abortReason = reply->property(kAbortReasonProperty).toByteArray();
    f.abort = abortReason == "size"   ? ReplyFacts::Abort::TooLarge
              : abortReason == "slow" ? ReplyFacts::Abort::TooSlow
                                      : ReplyFacts::Abort::None;
    return f;
}

template<class T>
Result<T> objectTo(const QJsonDocument &doc, const QString &action,
                   Result<T> (*fromJson)(const QJsonObject &))
{
    if (!doc.isObject())
        return Result<T>::failure(notAnObjectError(action));
    Result<T> r = fromJson(doc.object());
    if (!r.ok())
        return Result<T>::failure(protocolError(action, r.error.message));
    return r;
}

// The parser of a reply that is one JSON object read by T::fromJson.
template<class T>
std::function<Result<T>(const QJsonDocument &)> objectParser(const QString &action)
{
    return [action](const QJsonDocument &doc) {
        return objectTo<T>(doc, action, &T::fromJson);
    };
}

} // namespace

// ---------------------------------------------------------------------------------------------

PlatformCall::PlatformCall(QObject *parent) : QObject(parent) {}

PlatformCall::~PlatformCall()
{
    dropReply();
}

void PlatformCall::abort()
{
    if (m_aborted || m_finished)
        return;
    m_aborted = true;
    dropReply();
    deleteLater();
}

void PlatformCall::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    // Disconnect first: abort() emits finished() synchronously.
    disconnect(reply, nullptr, this, nullptr);
    reply->abort();
    reply->deleteLater();
}

void PlatformCall::watch(QNetworkReply *reply, Handler handler)
{
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, handler]() {
        if (m_reply != reply)
            return;
        m_reply = nullptr;
        // An aborted (timed-out) reply is closed; reading it only prints a warning.
        const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
        reply->deleteLater();
        if (m_aborted || m_finished)
            return;
        handler(reply, body);
    });
}

void PlatformCall::deliver(const std::function<void()> &callback)
{
    if (m_aborted || m_finished)
        return;
    m_finished = true;
    dropReply();
    // The callback may delete the client, and with it this call.
    QPointer<PlatformCall> self(this);
    if (callback)
        callback();
    if (!self)
        return;
    emit finished();
    if (self)
        deleteLater();
}

// ---------------------------------------------------------------------------------------------

PlatformClient::PlatformClient(QNetworkAccessManager *nam, PlatformConfig config, QObject *parent)
    : QObject(parent), m_nam(nam), m_config(std::move(config))
{}

QString PlatformClient::baseText() const
{
    return m_config.baseUrl.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

PlatformCall *PlatformClient::newCall()
{
    // Parented to the client: destroying the client destroys its calls, which abort their
    // replies, so no callback can outlive the client.
    return new PlatformCall(this);
}

QNetworkReply *PlatformClient::send(const PlatformRequest &request, LapError *error)
{
    const Result<QNetworkRequest> req = networkRequest(m_config, request);
    if (!req.ok()) {
        *error = req.error;
        return nullptr;
    }

    QNetworkReply *reply = nullptr;
    if (request.verb == "GET")
        reply = m_nam->get(req.value);
    else if (request.verb == "POST")
        reply = m_nam->post(req.value, request.body);
    else if (request.verb == "DELETE")
        reply = m_nam->deleteResource(req.value);
    else
        reply = m_nam->sendCustomRequest(req.value, request.verb, request.body);

#if QT_CONFIG(ssl)
    // errorString() after a failed handshake is generic; keep the certificate problems.
    connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        texts.removeDuplicates();
        reply->setProperty(kSslErrorsProperty, texts.join(QLatin1String("; ")));
    });
#endif

    // A hostile or broken server must not make us buffer without limit, nor keep a call open
    // forever by dripping a byte at a time (the transfer timeout only sees "no progress").
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64 total) {
        if (received > kMaxReplyBytes || total > kMaxReplyBytes) {
            reply->setProperty(kAbortReasonProperty, QByteArrayLiteral("size"));
            reply->abort();
        }
    });
    if (m_config.requestTimeoutMs > 0) {
        auto *deadline = new QTimer(reply);
        deadline->setSingleShot(true);
        connect(deadline, &QTimer::timeout, reply, [reply]() {
            if (reply->isFinished())
                return;
            reply->setProperty(kAbortReasonProperty, QByteArrayLiteral("slow"));
            reply->abort();
        });
        deadline->start(
            int(std::min<qint64>(qint64(kReplyDeadlineFactor) * m_config.requestTimeoutMs,
                                 std::numeric_limits<int>::max())));
    }
    return reply;
}

LapError PlatformClient::errorForReply(QNetworkReply *reply, const QByteArray &body,
                                       const QString &action) const
{
    ReplyContext context;
    context.action = action;
    context.base = baseText();
    context.requestTimeoutMs = m_config.requestTimeoutMs;
    context.now = QDateTime::currentDateTimeUtc();
    return replyError(factsOf(reply), body, context);
}

void PlatformClient::step(PlatformCall *call, const PlatformRequest &request, JsonHandler onJson,
                          ErrorHandler onError)
{
    LapError error;
    QNetworkReply *reply = send(request, &error);
    if (!reply) {
        // Queued so the callback never runs inside the call that asked for it; the call as
        // context drops it if the call is aborted or destroyed first.
        QMetaObject::invokeMethod(
            call,
            [call, error, onError]() {
                if (!call->m_aborted && !call->m_finished)
                    onError(error);
            },
            Qt::QueuedConnection);
        return;
    }
    const QString action = request.action;
    call->watch(reply, [this, action, onJson, onError](QNetworkReply *r, const QByteArray &b) {
        const LapError e = errorForReply(r, b, action);
        if (e) {
            onError(e);
            return;
        }
        const Result<QJsonDocument> doc = jsonReply(contentTypeOf(r), b, action);
        if (!doc.ok()) {
            onError(doc.error);
            return;
        }
        onJson(doc.value);
    });
}

template<class T>
PlatformCall *PlatformClient::request(const PlatformRequest &request,
                                      std::function<Result<T>(const QJsonDocument &)> parse,
                                      std::function<void(const Result<T> &)> done)
{
    PlatformCall *c = newCall();
    step(
        c, request,
        [c, parse, done](const QJsonDocument &doc) {
            const Result<T> r = parse(doc);
            c->deliver([done, r]() { done(r); });
        },
        [c, done](const LapError &e) { c->deliver([done, e]() { done(Result<T>::failure(e)); }); });
    return c;
}

PlatformCall *PlatformClient::listAgents(const AgentQuery &query,
                                         std::function<void(const Result<AgentPage> &)> done)
{
    const PlatformRequest r = listAgentsRequest(query);
    return request<AgentPage>(r, objectParser<AgentPage>(r.action), std::move(done));
}

void PlatformClient::pageAgents(PlatformCall *call, const QString &search, const QString &action,
                                std::shared_ptr<QList<Agent>> acc, int offset,
                                std::function<void(const QList<Agent> &)> onDone,
                                ErrorHandler onError)
{
    step(
        call, agentPageRequest(search, offset, action),
        [this, call, search, action, acc, offset, onDone, onError](const QJsonDocument &doc) {
            const Result<AgentPage> page = objectTo<AgentPage>(doc, action, &AgentPage::fromJson);
            if (!page.ok()) {
                onError(page.error);
                return;
            }
            // Rows can shift between pages while agents are created; keep each id once, and
            // treat a page with nothing new as the end so a server that ignores `offset`
            // cannot keep us paging forever.
            QSet<QString> known;
            for (const Agent &a : *acc)
                known.insert(a.id);
            int added = 0;
            for (const Agent &a : page.value.agents) {
                if (known.contains(a.id))
                    continue;
                known.insert(a.id);
                acc->append(a);
                ++added;
            }
            const int next = offset + page.value.agents.size();
            if (page.value.agents.isEmpty() || added == 0 || next >= page.value.total) {
                onDone(*acc);
                return;
            }
            pageAgents(call, search, action, acc, next, onDone, onError);
        },
        onError);
}

PlatformCall *PlatformClient::listAllAgents(const QString &search,
                                            std::function<void(const Result<QList<Agent>> &)> done)
{
    PlatformCall *c = newCall();
    pageAgents(
        c, search, listingAgentsAction(), std::make_shared<QList<Agent>>(), 0,
        [c, done](const QList<Agent> &agents) {
            c->deliver([done, agents]() { done(Result<QList<Agent>>::success(agents)); });
        },
        [c, done](const LapError &e) {
            c->deliver([done, e]() { done(Result<QList<Agent>>::failure(e)); });
        });
    return c;
}

PlatformCall *PlatformClient::getAgent(const QString &agentId,
                                       std::function<void(const Result<Agent> &)> done)
{
    const PlatformRequest r = getAgentRequest(agentId);
    return request<Agent>(r, objectParser<Agent>(r.action), std::move(done));
}

PlatformCall *PlatformClient::resolveAgent(const QString &nameOrId,
                                           std::function<void(const Result<Agent> &)> done)
{
    if (looksLikeUuid(nameOrId))
        return getAgent(nameOrId, std::move(done));

    PlatformCall *c = newCall();
    if (nameOrId.isEmpty()) {
        const LapError e = emptyAgentNameError();
        QMetaObject::invokeMethod(
            c, [c, done, e]() { c->deliver([done, e]() { done(Result<Agent>::failure(e)); }); },
            Qt::QueuedConnection);
        return c;
    }
    pageAgents(
        c, nameOrId, lookingUpAgentAction(), std::make_shared<QList<Agent>>(), 0,
        [this, c, nameOrId, done](const QList<Agent> &agents) {
            // The server's search is a case-insensitive substring match; the name must match
            // exactly, as in the reference CLI.
            for (const Agent &a : agents) {
                if (a.name == nameOrId) {
                    c->deliver([done, a]() { done(Result<Agent>::success(a)); });
                    return;
                }
            }
            reportNameNotFound(c, nameOrId, done);
        },
        [c, done](const LapError &e) {
            c->deliver([done, e]() { done(Result<Agent>::failure(e)); });
        });
    return c;
}

void PlatformClient::reportNameNotFound(PlatformCall *call, const QString &name,
                                        std::function<void(const Result<Agent> &)> done)
{
    const QString base = baseText();
    auto finish = [call, name, base, done](const Result<AgentPage> &firstPage) {
        const LapError e = agentNameNotFound(name, base, firstPage);
        call->deliver([done, e]() { done(Result<Agent>::failure(e)); });
    };
    step(
        call, agentPageRequest(QString(), 0, lookingUpAgentAction()),
        [finish](const QJsonDocument &doc) {
            finish(doc.isObject()
                       ? AgentPage::fromJson(doc.object())
                       : Result<AgentPage>::failure(LapError(LapError::Kind::Protocol, {})));
        },
        [finish](const LapError &e) { finish(Result<AgentPage>::failure(e)); });
}

PlatformCall *PlatformClient::createSession(const QString &agentId, const QString &title,
                                            std::function<void(const Result<Session> &)> done)
{
    const PlatformRequest r = createSessionRequest(agentId, title);
    return request<Session>(r, objectParser<Session>(r.action), std::move(done));
}

PlatformCall *PlatformClient::getSession(const QString &sessionId,
                                         std::function<void(const Result<Session> &)> done,
                                         const QString &action)
{
    const PlatformRequest r = getSessionRequest(sessionId, action);
    return request<Session>(r, objectParser<Session>(r.action), std::move(done));
}

PlatformCall *PlatformClient::listSessions(const QString &agentId, int limit,
                                           std::function<void(const Result<QList<Session>> &)> done)
{
    const PlatformRequest r = listSessionsRequest(agentId, limit);
    const QString action = r.action;
    return request<QList<Session>>(
        r,
        [action](const QJsonDocument &doc) {
            Result<QList<Session>> s = Session::listFromJson(doc);
            if (!s.ok())
                s = Result<QList<Session>>::failure(protocolError(action, s.error.message));
            return s;
        },
        std::move(done));
}

PlatformCall *PlatformClient::deleteSession(const QString &sessionId,
                                            std::function<void(const Result<QString> &)> done)
{
    const PlatformRequest r = deleteSessionRequest(sessionId);
    const QString action = r.action;
    return request<QString>(
        r,
        [action](const QJsonDocument &doc) {
            const Result<DeletedSession> d =
                objectTo<DeletedSession>(doc, action, &DeletedSession::fromJson);
            return d.ok() ? Result<QString>::success(d.value.status)
                          : Result<QString>::failure(d.error);
        },
        std::move(done));
}

PlatformCall *PlatformClient::touchSession(const QString &sessionId,
                                           std::function<void(const Result<bool> &)> done)
{
    PlatformCall *c = newCall();
    const PlatformRequest r = touchSessionRequest(sessionId);
    const QString action = r.action;
    LapError error;
    QNetworkReply *reply = send(r, &error);
    if (!reply) {
        QMetaObject::invokeMethod(
            c,
            [c, done, error]() {
                c->deliver([done, error]() { done(Result<bool>::failure(error)); });
            },
            Qt::QueuedConnection);
        return c;
    }
    // Opening the stream is what refreshes last_seen_at; its body never ends, so stop at the
    // response headers.
    connect(reply, &QNetworkReply::metaDataChanged, c, [c, reply, done]() {
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid() || status.toInt() < 200 || status.toInt() > 299)
            return;
        c->deliver([done]() { done(Result<bool>::success(true)); });
    });
    c->watch(reply, [this, c, action, done](QNetworkReply *r, const QByteArray &b) {
        const LapError e = errorForReply(r, b, action);
        c->deliver(
            [done, e]() { done(e ? Result<bool>::failure(e) : Result<bool>::success(true)); });
    });
    return c;
}

} // namespace lap
