// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"
#include "models.h"
#include "platformrequests.h"
#include "replyerrors.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace lap {

// An in-flight REST call. Abort it to drop the callback; it deletes itself after finishing.
// A call may span several requests (paging, name lookup): abort() stops the whole chain. The
// callback is always delivered from the event loop, never from inside the call that started it,
// and never after abort() or after the PlatformClient that made the call is destroyed.
class PlatformCall : public QObject
{
    Q_OBJECT
public:
    explicit PlatformCall(QObject *parent = nullptr);
    ~PlatformCall() override;
    void abort();
    bool isFinished() const { return m_finished; }

signals:
    void finished();

private:
    friend class PlatformClient;
    using Handler = std::function<void(QNetworkReply *, const QByteArray &)>;

    // Makes `reply` the current step of the chain; `handler` (required) runs once it has finished.
    void watch(QNetworkReply *reply, Handler handler);
    // Ends the call: runs `callback` (the user's), emits finished() and deletes the call.
    void deliver(const std::function<void()> &callback);
    // Stops and forgets the current reply without running its handler.
    void dropReply();

    QPointer<QNetworkReply> m_reply;
    bool m_finished = false;
    bool m_aborted = false;
};

// The platform's REST API (docs/platform-api.md §4). Every callback receives either a value or a
// LapError whose message names the cause and the fix. The requests are built by
// platformrequests.h and the messages worded by replyerrors.h; this class only sends and chains.
class PlatformClient : public QObject
{
    Q_OBJECT
public:
    PlatformClient(QNetworkAccessManager *nam, PlatformConfig config, QObject *parent = nullptr);

    const PlatformConfig &config() const { return m_config; }
    void setConfig(const PlatformConfig &config) { m_config = config; }

    // One page of GET /agents.
    PlatformCall *listAgents(const AgentQuery &query,
                             std::function<void(const Result<AgentPage> &)> done);
    // Every page of GET /agents (the reference reads only the first 50).
    PlatformCall *listAllAgents(const QString &search,
                                std::function<void(const Result<QList<Agent>> &)> done);
    // A UUID is fetched with GET /agents/:id; anything else is an exact, case-sensitive name
    // match over all pages of GET /agents?search=<name>. Not found → the "No agent named" error.
    PlatformCall *resolveAgent(const QString &nameOrId,
                               std::function<void(const Result<Agent> &)> done);
    PlatformCall *getAgent(const QString &agentId, std::function<void(const Result<Agent> &)> done);
    // POST /agents/:id/session with {"title": title}.
    PlatformCall *createSession(const QString &agentId, const QString &title,
                                std::function<void(const Result<Session> &)> done);
    // `action` starts the error message; empty means "Fetching the session". The opener's
    // poll passes its own "Checking the session".
    PlatformCall *getSession(const QString &sessionId,
                             std::function<void(const Result<Session> &)> done,
                             const QString &action = QString());
    // GET /sessions (optionally filtered by agent), newest first.
    PlatformCall *listSessions(const QString &agentId, int limit,
                               std::function<void(const Result<QList<Session>> &)> done);
    // DELETE /sessions/:id. The value is the status the platform reports ("deleted", "dead").
    PlatformCall *deleteSession(const QString &sessionId,
                                std::function<void(const Result<QString> &)> done);
    // Opens GET /sessions/:id/events (an SSE stream that refreshes last_seen_at on open) and
    // closes it as soon as the response headers arrive. Used to keep an attached session from
    // being idle-reaped while the user is typing (docs/platform-api.md §5).
    PlatformCall *touchSession(const QString &sessionId,
                               std::function<void(const Result<bool> &)> done);

private:
    // The user-facing error for a finished reply of `request`.
    LapError errorForReply(QNetworkReply *reply, const QByteArray &body,
                           const QString &action) const;

    using JsonHandler = std::function<void(const QJsonDocument &)>;
    using ErrorHandler = std::function<void(const LapError &)>;

    // Sends `request` with the reply guards (size, deadline, TLS errors kept). Returns nullptr
    // and sets *error when no request can be made (no base URL, unreadable CA file).
    QNetworkReply *send(const PlatformRequest &request, LapError *error);
    PlatformCall *newCall();
    // One request as one step of `call`: a 2xx reply with a JSON body goes to onJson, anything
    // else to onError as the user-facing error.
    void step(PlatformCall *call, const PlatformRequest &request, JsonHandler onJson,
              ErrorHandler onError);
    // One request as a whole call: `parse` turns the JSON reply into the value for `done`.
    template<class T>
    PlatformCall *request(const PlatformRequest &request,
                          std::function<Result<T>(const QJsonDocument &)> parse,
                          std::function<void(const Result<T> &)> done);
    // Pages through GET /agents from `offset` on, collecting into the shared list.
    void pageAgents(PlatformCall *call, const QString &search, const QString &action,
                    std::shared_ptr<QList<Agent>> acc, int offset,
                    std::function<void(const QList<Agent> &)> onDone, ErrorHandler onError);
    // The "No agent named" error, listing the first page of agents when it can be read.
    void reportNameNotFound(PlatformCall *call, const QString &name,
                            std::function<void(const Result<Agent> &)> done);
    QString baseText() const;

    QNetworkAccessManager *m_nam;
    PlatformConfig m_config;
};

} // namespace lap
