// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"
#include "models.h"

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

// Where to talk to and with which key. The key is a secret: never log it.
struct PlatformConfig
{
    QUrl baseUrl;      // e.g. https://lap.example.com (trailing '/' stripped by normalizeBaseUrl)
    QString masterKey; // sent only as `Authorization: Bearer <key>`, only to keyOrigin()
    // No progress for this long aborts a request; a reply still incomplete after four times
    // this long is aborted too (a server dripping one byte at a time).
    int requestTimeoutMs = 30000;
    QString
        caFile; // extra CA certificates (PEM or DER, catrust.h) for https and wss; empty = system
    // The platform the master key was saved for, when baseUrl points elsewhere for one attach
    // (a pasted `<base>/sessions/<id>` link). Empty: the key belongs to baseUrl.
    QUrl keyHome;

    QUrl keyOrigin() const { return keyHome.isEmpty() ? baseUrl : keyHome; }
    // True when requests would go to another origin than the key's: they are then sent
    // without the key, so the user must first allow it (set keyHome = baseUrl) or give another.
    bool needsKeyConsent() const;
};

// Scheme, host and port equal (default ports filled in). Paths do not matter.
bool sameOrigin(const QUrl &a, const QUrl &b);

// Parses what a user typed as the platform URL: adds nothing, strips trailing slashes, accepts
// only http/https with a host. Returns an invalid QUrl and sets *error otherwise.
QUrl normalizeBaseUrl(const QString &text, QString *error = nullptr);

struct AgentQuery
{
    QString search; // server-side substring filter on name, id, harness_id
    int limit = 200;
    int offset = 0;
};

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

// The largest REST reply read; anything longer is aborted with a clear error. An agent page of
// 200 rows with long prompts stays far below it.
constexpr qint64 kMaxReplyBytes = 8 * 1024 * 1024;

// Parses a Retry-After header value (delta-seconds or an HTTP date) relative to `now`, in ms;
// 0 when absent or unreadable; at most one hour.
int retryAfterMs(const QByteArray &value, const QDateTime &now);

// The platform's REST API (platform-api.md §4). Every callback receives either a value or a
// LapError whose message names the cause and the fix; messages are fixed and tested, so change
// them only together with tests/core/tst_platformclient.cpp.
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
    // `action` starts the error message; empty means tr("Fetching the session"). The opener's
    // poll passes tr("Checking the session").
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
    // being idle-reaped while the user is typing (platform-api.md §5).
    PlatformCall *touchSession(const QString &sessionId,
                               std::function<void(const Result<bool> &)> done);

private:
    // The user-facing error for a finished reply. `action` is the sentence start, e.g.
    // tr("Creating the session").
    LapError errorForReply(QNetworkReply *reply, const QByteArray &body,
                           const QString &action) const;

    using QueryItems = QList<QPair<QString, QString>>;
    using JsonHandler = std::function<void(const QJsonDocument &)>;
    using ErrorHandler = std::function<void(const LapError &)>;

    // Builds and sends one request under `<base>/api/v1/managed_agents`; `path` is already
    // percent-encoded. Returns nullptr and sets *error when no request can be made (no base URL,
    // unreadable CA file).
    QNetworkReply *send(const QByteArray &verb, const QString &path, const QueryItems &query,
                        const QByteArray &body, const QString &action, LapError *error,
                        const QByteArray &accept = QByteArrayLiteral("application/json"));
    PlatformCall *newCall();
    // One request as one step of `call`: a 2xx reply with a JSON body goes to onJson, anything
    // else to onError as the user-facing error.
    void step(PlatformCall *call, const QByteArray &verb, const QString &path,
              const QueryItems &query, const QByteArray &body, const QString &action,
              JsonHandler onJson, ErrorHandler onError);
    // One request as a whole call: `parse` turns the JSON reply into the value for `done`.
    template<class T>
    PlatformCall *request(const QByteArray &verb, const QString &path, const QueryItems &query,
                          const QByteArray &body, const QString &action,
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
