// SPDX-License-Identifier: GPL-2.0-or-later
#include "localplatform.h"

#include "httpserver.h"
#include "ptysession.h"
#include "ttybridge.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>
#include <utility>

namespace lap::local {

namespace {

// Startup steps of a cold start (docs/platform-api.md §4.4). A failing start stops after
// waiting_harness, the way a pod that never answers does.
const QStringList kPhases = {QStringLiteral("creating_sandbox"),
                             QStringLiteral("pod_pending"),
                             QStringLiteral("pod_running"),
                             QStringLiteral("waiting_harness"),
                             QStringLiteral("harness_ready"),
                             QStringLiteral("cloning_repo"),
                             QStringLiteral("ready")};
constexpr int kHarnessReadyStep = 4;
constexpr int kFailStep = 4;
constexpr int kLastStep = 6;

} // namespace

LocalPlatform::LocalPlatform(const LocalPlatformOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_http(new HttpServer(this))
    , m_ws(new QWebSocketServer(QStringLiteral("lap-localplatform"),
                                QWebSocketServer::NonSecureMode, this))
    , m_reaper(new QTimer(this))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_masterKeyGenerated = m_options.masterKey.isEmpty();
    m_masterKey =
        m_masterKeyGenerated ? QStringLiteral("sk-local-") + randomHex(16) : m_options.masterKey;
    m_harnessToken = m_options.harnessToken.isEmpty() ? QStringLiteral("lht-") + randomHex(16)
                                                      : m_options.harnessToken;
    m_wrongToken = QStringLiteral("stale-") + randomHex(16);
    m_agents = seededAgents(QDateTime::currentDateTimeUtc(), qMax(0, m_options.extraAgents));
    m_tmuxProgram = QStandardPaths::findExecutable(QStringLiteral("tmux"));
    m_tmuxSocket =
        QStringLiteral("lap-local-%1-%2").arg(QCoreApplication::applicationPid()).arg(randomHex(4));

    m_http->setHandler([this](const HttpRequest &request, HttpConnection *connection) {
        return handleRequest(request, connection);
    });
    m_http->setUpgradeHandler(
        [this](QTcpSocket *socket, const HttpRequest &request) { handleUpgrade(socket, request); });
    connect(m_ws, &QWebSocketServer::newConnection, this, &LocalPlatform::onWebSocketConnection);
    connect(m_reaper, &QTimer::timeout, this, &LocalPlatform::reapIdle);
    updateReaperInterval();
}

LocalPlatform::~LocalPlatform()
{
    stop();
}

bool LocalPlatform::start(QString *error)
{
    if (m_http->serverPort() != 0)
        return true;
    // Loopback only, by design: the master key travels in clear text.
    if (!m_http->listen(QHostAddress::LocalHost, m_options.port)) {
        if (error) {
            *error = QStringLiteral("cannot listen on 127.0.0.1:%1: %2")
                         .arg(m_options.port)
                         .arg(m_http->errorString());
        }
        return false;
    }
    if (!m_options.credentialsFile.isEmpty() && !writeCredentials(error)) {
        m_http->close();
        return false;
    }
    m_reaper->start();
    return true;
}

void LocalPlatform::stop()
{
    m_reaper->stop();
    m_http->close();
    const QList<TtyBridge *> bridges = m_bridges;
    m_bridges.clear();
    for (TtyBridge *bridge : bridges) {
        bridge->disconnect(this);
        bridge->drop();
        delete bridge;
    }
    // Hard kill and reap whatever still runs; a tmux client leaves its session to the server,
    // which goes next.
    qDeleteAll(findChildren<PtySession *>(QString(), Qt::FindDirectChildrenOnly));
    if (m_tmuxStarted) {
        runTmux({QStringLiteral("kill-server")});
        m_tmuxStarted = false;
        // tmux leaves its socket behind; it lives where tmux puts -L sockets.
        QFile::remove(tmuxSocketDir() + QLatin1Char('/') + m_tmuxSocket);
    }
    // m_http->close() above already aborted every connection, the waiting ones included.
    m_waiters.clear();
    m_eventStreams.clear();
}

bool LocalPlatform::isListening() const
{
    return m_http->serverPort() != 0;
}

quint16 LocalPlatform::port() const
{
    return m_http->serverPort();
}

QUrl LocalPlatform::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

bool LocalPlatform::usesTmux() const
{
    return !m_options.noTmux && !m_tmuxProgram.isEmpty();
}

// --- options -------------------------------------------------------------------------------

void LocalPlatform::setOptions(const LocalPlatformOptions &options)
{
    m_options = options;
    updateReaperInterval();
}

void LocalPlatform::setReadyDelayMs(int ms)
{
    m_options.readyDelayMs = qMax(0, ms);
}

void LocalPlatform::setFailStartup(const QString &reason)
{
    m_options.failStartup = reason;
}

void LocalPlatform::setTtyStyle(TtyStyle style)
{
    m_options.ttyStyle = style;
}

void LocalPlatform::setTransientErrors(int count)
{
    m_options.transientErrors = qMax(0, count);
}

void LocalPlatform::setAdvertiseWrongToken(bool on)
{
    m_options.advertiseWrongToken = on;
}

void LocalPlatform::setNoTtyToken(bool on)
{
    m_options.noTtyToken = on;
}

void LocalPlatform::setDropAfterMs(int ms)
{
    m_options.dropAfterMs = qMax(0, ms);
}

void LocalPlatform::setFloodBytes(qint64 bytes)
{
    m_options.floodBytes = qMax(qint64(0), bytes);
}

void LocalPlatform::setIdleTimeoutMs(qint64 ms)
{
    m_options.idleTimeoutMs = qMax(qint64(1), ms);
    updateReaperInterval();
}

void LocalPlatform::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void LocalPlatform::setCommand(const QString &command)
{
    m_options.command = command;
}

void LocalPlatform::setNoTmux(bool on)
{
    m_options.noTmux = on;
}

// --- sessions ------------------------------------------------------------------------------

QString LocalPlatform::agentIdForName(const QString &name)
{
    return seededAgentId(name);
}

Session *LocalPlatform::findSession(const QString &id)
{
    auto it = m_sessions.find(id);
    return it == m_sessions.end() ? nullptr : &it.value();
}

const Session *LocalPlatform::findSession(const QString &id) const
{
    auto it = m_sessions.constFind(id);
    return it == m_sessions.constEnd() ? nullptr : &it.value();
}

QString LocalPlatform::sessionStatus(const QString &sessionId) const
{
    const Session *s = findSession(sessionId);
    return s ? s->status : QString();
}

QJsonObject LocalPlatform::sessionJson(const QString &sessionId) const
{
    const Session *s = findSession(sessionId);
    return s ? rowJson(*s) : QJsonObject();
}

QList<const Session *> LocalPlatform::sessionsNewestFirst() const
{
    QList<const Session *> all;
    for (const Session &s : m_sessions)
        all.append(&s);
    std::sort(all.begin(), all.end(),
              [](const Session *a, const Session *b) { return a->sequence > b->sequence; });
    return all;
}

QStringList LocalPlatform::sessionIds() const
{
    QStringList ids;
    for (const Session *s : sessionsNewestFirst())
        ids.append(s->id);
    return ids;
}

bool LocalPlatform::markDead(const QString &sessionId, const QString &reason)
{
    Session *s = findSession(sessionId);
    if (!s)
        return false;
    s->failureReason = reason;
    killSession(s);
    return true;
}

QString LocalPlatform::sandboxUrlFor(const Session &session) const
{
    if (!session.sandboxAssigned)
        return {};
    if (m_options.ttyStyle == TtyStyle::Sandbox)
        return baseUrl().toString() + QStringLiteral("/sandboxes/") + session.id;
    return QStringLiteral("http://%1.sandboxes.svc.cluster.local:4096").arg(session.taskArn);
}

void LocalPlatform::beginBringUp(Session *session)
{
    ++session->generation;
    session->bringUpDelayMs = qMax(0, m_options.readyDelayMs);
    session->bringUpFailure = m_options.failStartup;
    // Step 0 runs after the POST reply went out: that reply says creating with phase null.
    const QString id = session->id;
    const quint64 generation = session->generation;
    QTimer::singleShot(0, this, [this, id, generation] { advanceBringUp(id, generation, 0); });
}

void LocalPlatform::advanceBringUp(const QString &sessionId, quint64 generation, int step)
{
    for (;;) {
        Session *s = findSession(sessionId);
        if (!s || s->generation != generation || s->status != QLatin1String("creating"))
            return;
        const bool failing = !s->bringUpFailure.isEmpty();
        if (failing && step == kFailStep) {
            s->failureReason = s->bringUpFailure;
            setStatus(s, QStringLiteral("failed"));
            return;
        }
        if (step == 0)
            s->taskArn = QStringLiteral("lap-sbx-") + s->id.left(8);
        if (step == kHarnessReadyStep)
            s->sandboxAssigned = true;
        if (step == kLastStep) {
            s->phase = kPhases[step];
            s->lastSeenAt = m_clock();
            s->harnessSessionId =
                s->supportsTui ? QStringLiteral("tty") : QStringLiteral("ses_") + randomHex(12);
            if (!s->initialPrompt.isEmpty())
                s->response = harnessReply(s->supportsTui, s->initialPrompt);
            setStatus(s, QStringLiteral("ready"));
            return;
        }
        s->phase = kPhases[step];
        // The delay is spread evenly over the six steps after creating_sandbox; a failing
        // start fails when the whole delay is over.
        const int delay = s->bringUpDelayMs;
        const int next = step + 1;
        const int nextAt = failing && next == kFailStep ? delay : delay * next / kLastStep;
        const int wait = nextAt - delay * step / kLastStep;
        step = next;
        if (delay > 0) {
            QTimer::singleShot(wait, this, [this, sessionId, generation, step] {
                advanceBringUp(sessionId, generation, step);
            });
            return;
        }
    }
}

void LocalPlatform::setStatus(Session *session, const QString &status)
{
    if (session->status == status)
        return;
    session->status = status;
    const QString id = session->id;
    emit sessionStatusChanged(id, status);
    if (status != QLatin1String("creating"))
        settleWaiters(id);
}

void LocalPlatform::addWaiter(const QString &sessionId, HttpConnection *connection,
                              std::function<HttpResponse(Session *)> answer, int timeoutMs,
                              std::function<HttpResponse()> onTimeout)
{
    Waiter waiter{connection, std::move(answer), std::make_shared<bool>(false)};
    if (timeoutMs > 0 && onTimeout) {
        QPointer<HttpConnection> target(connection);
        std::shared_ptr<bool> done = waiter.done;
        QTimer::singleShot(timeoutMs, this, [target, done, onTimeout] {
            if (*done)
                return;
            *done = true;
            if (target)
                target->respond(onTimeout());
        });
    }
    m_waiters.insert(sessionId, waiter);
}

void LocalPlatform::settleWaiters(const QString &sessionId)
{
    const QList<Waiter> waiters = m_waiters.values(sessionId);
    m_waiters.remove(sessionId);
    for (const Waiter &w : waiters) {
        if (*w.done)
            continue;
        *w.done = true;
        if (w.connection)
            w.connection->respond(w.answer(findSession(sessionId)));
    }
}

void LocalPlatform::bumpLastSeen(Session *session)
{
    session->lastSeenAt = m_clock();
}

void LocalPlatform::killSession(Session *session)
{
    const QString id = session->id;
    ++session->generation;
    setStatus(session, QStringLiteral("dead"));
    killSessionRuntime(id);
}

void LocalPlatform::killSessionRuntime(const QString &sessionId)
{
    // Like a deleted pod: open terminals drop without a close frame.
    const QList<TtyBridge *> bridges = m_bridges;
    for (TtyBridge *bridge : bridges) {
        if (bridge->sessionId() == sessionId)
            bridge->drop();
    }
    const auto streams = m_eventStreams.values(sessionId);
    m_eventStreams.remove(sessionId);
    for (const QPointer<HttpConnection> &stream : streams) {
        if (stream)
            stream->endStream();
    }
    if (m_tmuxStarted)
        runTmux(
            {QStringLiteral("kill-session"), QStringLiteral("-t"), QLatin1Char('=') + sessionId});
}

void LocalPlatform::updateReaperInterval()
{
    m_reaper->setInterval(
        static_cast<int>(qBound(qint64(10), m_options.idleTimeoutMs / 4, qint64(1000))));
}

void LocalPlatform::reapIdle()
{
    const QDateTime now = m_clock();
    QStringList idle;
    for (const Session &s : std::as_const(m_sessions)) {
        if (s.status != QLatin1String("ready"))
            continue;
        const QDateTime last = s.lastSeenAt.isValid() ? s.lastSeenAt : s.createdAt;
        if (last.msecsTo(now) > m_options.idleTimeoutMs)
            idle.append(s.id);
    }
    for (const QString &id : std::as_const(idle))
        markDead(id, QStringLiteral("idle timeout"));
}

// --- credentials ---------------------------------------------------------------------------

bool LocalPlatform::writeCredentials(QString *error) const
{
    const QByteArray json =
        QJsonDocument(QJsonObject{{QStringLiteral("base"), baseUrl().toString()},
                                  {QStringLiteral("key"), m_masterKey},
                                  {QStringLiteral("tty_token"), m_harnessToken}})
            .toJson(QJsonDocument::Indented);
    const QByteArray path = QFile::encodeName(m_options.credentialsFile);
    const QByteArray tmp = path + ".tmp-" + QByteArray::number(QCoreApplication::applicationPid());
    const auto fail = [error, &tmp](const QString &what) {
        if (error) {
            *error = QStringLiteral("cannot write the credentials file: %1: %2")
                         .arg(what, QString::fromLocal8Bit(std::strerror(errno)));
        }
        ::unlink(tmp.constData());
        return false;
    };
    // Created 0600 from the first byte (never world-readable, whatever the umask), then
    // renamed over the target so a reader never sees half a file.
    ::unlink(tmp.constData()); // a leftover of ours from a crash; O_EXCL needs it gone
    const int fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail(QString::fromLocal8Bit(tmp));
    qint64 written = 0;
    while (written < json.size()) {
        const ssize_t n =
            ::write(fd, json.constData() + written, static_cast<size_t>(json.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            ::close(fd);
            return fail(QStringLiteral("write"));
        }
        written += n;
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0)
        return fail(QStringLiteral("fsync"));
    if (::rename(tmp.constData(), path.constData()) != 0)
        return fail(m_options.credentialsFile);
    return true;
}

} // namespace lap::local
