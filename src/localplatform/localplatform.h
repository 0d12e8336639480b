// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model.h"
#include "options.h"
#include "ptysession.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpSocket;
class QTemporaryDir;
class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace lap::local {

class HttpConnection;
class HttpServer;
class TtyBridge;
struct HttpRequest;
struct HttpResponse;

// An embedded, loopback-only implementation of the LiteLLM Agent Platform contract
// (docs/platform-api.md): the managed_agents REST API with the master key, and the /tty WebSocket
// with the harness token, on one port of 127.0.0.1. Sessions walk the real status/phase
// values; each /tty connection runs the session's command on a real PTY inside
// `tmux new-session -A`, so a reattach finds the same shell, as with the real harness.
//
// Tests drive it in-process (the setters, the counters and the signals below) or as the
// lap-localplatform process (flags, and the /__local/* admin routes).
class LocalPlatform : public QObject
{
    Q_OBJECT
public:
    explicit LocalPlatform(const LocalPlatformOptions &options = {}, QObject *parent = nullptr);
    ~LocalPlatform() override;

    // Listens on 127.0.0.1:options.port and writes the credentials file if one was asked for.
    bool start(QString *error = nullptr);
    // Closes the port, drops every socket, kills every PTY and the per-run tmux server.
    void stop();
    bool isListening() const;

    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:<port>
    QString masterKey() const { return m_masterKey; }
    QString harnessToken() const { return m_harnessToken; }
    bool masterKeyGenerated() const { return m_masterKeyGenerated; }
    bool usesTmux() const;
    QString tmuxSocketName() const { return m_tmuxSocket; }
    // Where tmux keeps its -L sockets for this user ($TMUX_TMPDIR or /tmp, then tmux-<uid>).
    static QString tmuxSocketDir();

    LocalPlatformOptions options() const { return m_options; }
    // Runtime switches apply to what happens next (new sessions, new attaches, new GETs);
    // port, keys, credentials file and extra agents only matter before start().
    void setOptions(const LocalPlatformOptions &options);
    void setReadyDelayMs(int ms);
    void setFailStartup(const QString &reason); // empty = sessions start normally
    void setTtyStyle(TtyStyle style);
    void setTransientErrors(int count);
    void setAdvertiseWrongToken(bool on);
    void setNoTtyToken(bool on);
    void setDropAfterMs(int ms); // 0 = never
    void setFloodBytes(qint64 bytes);
    void setIdleTimeoutMs(qint64 ms);
    void setCommand(const QString &command); // empty = $SHELL, else /bin/bash
    void setNoTmux(bool on);

    // The wall clock behind created_at, last_seen_at and the idle reaper. A test that counts
    // keep-alive touches against the reaper sets a fake one and steps reapIdle() itself, so
    // that a loaded machine cannot stretch a window (the reaper's timer still runs, but it
    // only reaps what the fake clock says is idle).
    using Clock = std::function<QDateTime()>;
    void setClock(Clock clock);
    // Marks every ready session whose last_seen_at is older than the idle window dead with
    // "idle timeout" (what the reaper's timer calls).
    void reapIdle();

    // The stable id of a seeded agent ("shell", "codex-shell", "filler-001", ...).
    static QString agentIdForName(const QString &name);
    QList<Agent> agents() const { return m_agents; }

    // Empty when the id is unknown.
    QString sessionStatus(const QString &sessionId) const;
    // The row as GET /sessions/:id would return it; empty when unknown.
    QJsonObject sessionJson(const QString &sessionId) const;
    QStringList sessionIds() const; // newest first
    // Marks a session dead the way the reconciler does ("task disappeared", "oom killed"):
    // drops its sockets and kills its tmux session. False when unknown.
    bool markDead(const QString &sessionId, const QString &reason);

    int openTtyCount() const; // open /tty WebSockets
    int openTtyCount(const QString &sessionId) const;
    int livePtyCount() const;                          // spawned PTY children not yet reaped
    QSize lastPtySize(const QString &sessionId) const; // cols x rows; invalid if never spawned
    // Aborts every /tty socket now (TCP close without a close frame: clients see 1006).
    void dropAllTty();

Q_SIGNALS:
    void ttyOpened(const QString &sessionId);
    void ttyClosed(const QString &sessionId);
    // Every byte the bridge wrote into a session's PTY (binary frames, typed text frames).
    void ptyInput(const QString &sessionId, const QByteArray &bytes);
    void sessionStatusChanged(const QString &sessionId, const QString &status);

private:
    // A request answered once its session leaves `creating` (restart, messages), or after
    // a timeout. `done` is shared with the timeout so only one of them answers.
    struct Waiter
    {
        QPointer<HttpConnection> connection;
        std::function<HttpResponse(Session *)> answer; // nullptr session: it vanished
        std::shared_ptr<bool> done;
    };
    void addWaiter(const QString &sessionId, HttpConnection *connection,
                   std::function<HttpResponse(Session *)> answer, int timeoutMs,
                   std::function<HttpResponse()> onTimeout);

    // REST (localplatform_rest.cpp)
    HttpResponse handleRequest(const HttpRequest &request, HttpConnection *connection);
    HttpResponse handleManagedAgents(const HttpRequest &request, const QStringList &parts,
                                     HttpConnection *connection);
    HttpResponse handleAdmin(const HttpRequest &request);
    HttpResponse listAgents(const HttpRequest &request) const;
    HttpResponse createSession(const HttpRequest &request, const QString &agentId);
    HttpResponse listSessions(const HttpRequest &request) const;
    HttpResponse deleteSession(const QString &sessionId);
    HttpResponse restartSession(const QString &sessionId, HttpConnection *connection);
    HttpResponse openEvents(const QString &sessionId, HttpConnection *connection);
    HttpResponse postMessage(const HttpRequest &request, const QString &sessionId, bool bump,
                             HttpConnection *connection);
    bool authorized(const HttpRequest &request) const;
    SessionView viewOf(const Session &session, bool forList) const;
    QJsonObject rowJson(const Session &session, bool forList = false) const;
    const Agent *findAgent(const QString &id) const;

    // Lifecycle (localplatform.cpp)
    Session *findSession(const QString &id);
    const Session *findSession(const QString &id) const;
    QList<const Session *> sessionsNewestFirst() const;
    void beginBringUp(Session *session);
    void advanceBringUp(const QString &sessionId, quint64 generation, int step);
    void setStatus(Session *session, const QString &status);
    void settleWaiters(const QString &sessionId);
    void killSessionRuntime(const QString &sessionId); // sockets, streams, tmux session
    // Stops any bring-up, marks the session dead and kills its runtime.
    void killSession(Session *session);
    void updateReaperInterval();
    void bumpLastSeen(Session *session);
    QString sandboxUrlFor(const Session &session) const;
    bool writeCredentials(QString *error) const;

    // TTY (localplatform_tty.cpp)
    void handleUpgrade(QTcpSocket *socket, const HttpRequest &request);
    void onWebSocketConnection();
    bool ttyTokenAccepted(const HttpRequest &request) const;
    void startBridge(const QString &sessionId, QWebSocket *socket, QTcpSocket *raw);
    // What a /tty connection runs: the tmux client (or the command itself) and its env.
    PtySession::Spec ptySpec(const Session &session, QString *error);
    bool prepareTmux(QString *error);
    // Ends the tmux servers of local platforms whose process is gone (crashed, SIGKILLed).
    void reapOrphanedTmuxServers();
    // Runs tmux on our server synchronously; only once m_tmuxStarted (callers check it).
    void runTmux(const QStringList &args);
    QString tmuxConfPath() const;
    QStringList tmuxBaseArgs() const; // -L <socket> -f <conf>, before every tmux command
    QString effectiveCommand() const;

    LocalPlatformOptions m_options;
    QString m_masterKey;
    QString m_harnessToken;
    QString m_wrongToken;
    bool m_masterKeyGenerated = false;
    QString m_tmuxProgram;                    // empty when tmux is not installed
    QString m_tmuxSocket;                     // per-run -L name
    std::unique_ptr<QTemporaryDir> m_tmuxDir; // holds the generated tmux.conf
    bool m_tmuxStarted = false;

    HttpServer *m_http = nullptr;
    QWebSocketServer *m_ws = nullptr;
    QTimer *m_reaper = nullptr;
    Clock m_clock;
    QList<Agent> m_agents;
    QHash<QString, Session> m_sessions; // pointers into it never outlive one call
    qint64 m_nextSequence = 0;
    QList<TtyBridge *> m_bridges;
    // A /tty upgrade handed to m_ws, until its QWebSocket comes out of the handshake.
    struct Handshake
    {
        QPointer<QTcpSocket> raw;
        QString sessionId; // from the upgrade's path
    };
    QHash<QString, Handshake> m_handshaking; // peer "addr:port" -> its upgrade
    QHash<QString, QSize> m_lastPtySize;
    QMultiHash<QString, QPointer<HttpConnection>> m_eventStreams;
    QMultiHash<QString, Waiter> m_waiters;
};

} // namespace lap::local
