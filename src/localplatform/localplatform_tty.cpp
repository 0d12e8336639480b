// SPDX-License-Identifier: GPL-2.0-or-later
// The terminal half of LocalPlatform: the /tty upgrade (the platform's proxy and the harness
// in one), the PTY bridges, and the per-run tmux server.
#include "localplatform.h"

#include "httpserver.h"
#include "ptysession.h"
#include "ttybridge.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QWebSocketServer>

#include <cerrno>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace lap::local {

namespace {

// The proxy matches any path containing this (server-proxy-v2); the harness serves /tty at
// the root of its sandbox URL, which is /sandboxes/<id> here.
const QRegularExpression
    kProxyPath(QStringLiteral("/api/v1/managed_agents/sessions/([^/?#]+)/tty"));
const QRegularExpression kSandboxPath(QStringLiteral("^/sandboxes/([^/?#]+)/tty/?$"));

enum class TtyRoute
{
    None,
    Proxy,
    Sandbox
};

TtyRoute matchTtyPath(const QString &path, QString *sessionId)
{
    QRegularExpressionMatch m = kSandboxPath.match(path);
    if (m.hasMatch()) {
        *sessionId = m.captured(1);
        return TtyRoute::Sandbox;
    }
    m = kProxyPath.match(path);
    if (m.hasMatch()) {
        *sessionId = m.captured(1);
        return TtyRoute::Proxy;
    }
    return TtyRoute::None;
}

QString peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char(':') + QString::number(port);
}

// A plain HTTP answer and close, for upgrades refused before any WebSocket exists.
void refuse(QTcpSocket *socket, int status)
{
    HttpResponse response = HttpResponse::text(
        status, status == 401 ? QByteArray("{\"error\":\"unauthorized\"}") : QByteArray(),
        "application/json");
    socket->readAll(); // unread input would turn our close into a reset and hide the answer
    socket->write(serializeResponse(response, false));
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
}

// No answer at all, as when the pod behind the proxy is gone.
void destroy(QTcpSocket *socket)
{
    socket->abort();
    socket->deleteLater();
}

QString shellQuote(QString word)
{
    word.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + word + QLatin1Char('\'');
}

const QString kTmuxConfName = QStringLiteral("tmux.conf");

} // namespace

bool LocalPlatform::ttyTokenAccepted(const HttpRequest &request) const
{
    // The harness's extractToken(): an "Authorization: Bearer" header (keyword in any case,
    // token trimmed) wins; otherwise ?token=.
    QString token;
    const QByteArray auth = request.header("authorization");
    if (auth.toLower().startsWith("bearer "))
        token = QString::fromUtf8(auth.mid(7)).trimmed();
    else
        token = request.queryValue(QStringLiteral("token"));
    // m_harnessToken is never empty (generated when not given), so neither is a match.
    return constantTimeEquals(token.toUtf8(), m_harnessToken.toUtf8());
}

void LocalPlatform::handleUpgrade(QTcpSocket *socket, const HttpRequest &request)
{
    QString sessionId;
    const TtyRoute route = matchTtyPath(request.path, &sessionId);
    const Session *session = findSession(sessionId);
    switch (route) {
    case TtyRoute::None:
        destroy(socket);
        return;
    case TtyRoute::Proxy:
        // server-proxy-v2 order: token, then the session's sandbox_url, then the pod.
        if (!ttyTokenAccepted(request))
            return refuse(socket, 401);
        if (!session || !session->sandboxAssigned)
            return refuse(socket, 503);
        if (!session->podAlive())
            return destroy(socket);
        break;
    case TtyRoute::Sandbox:
        // Straight to the "pod": nothing answers for a session that has none.
        if (!session || !session->podAlive())
            return destroy(socket);
        if (!ttyTokenAccepted(request))
            return refuse(socket, 401);
        break;
    }
    if (!session->supportsTui)
        return refuse(socket, 404); // a chat harness serves no /tty

    const QString key = peerKey(socket->peerAddress(), socket->peerPort());
    m_handshaking.insert(key, Handshake{socket, sessionId});
    connect(socket, &QObject::destroyed, this, [this, key] { m_handshaking.remove(key); });
    m_ws->handleConnection(socket);
}

void LocalPlatform::onWebSocketConnection()
{
    while (QWebSocket *socket = m_ws->nextPendingConnection()) {
        const Handshake handshake =
            m_handshaking.take(peerKey(socket->peerAddress(), socket->peerPort()));
        const Session *session = findSession(handshake.sessionId);
        if (!session || !session->podAlive()) {
            // It died during the handshake.
            socket->abort();
            socket->deleteLater();
            continue;
        }
        startBridge(handshake.sessionId, socket, handshake.raw);
    }
}

QString LocalPlatform::effectiveCommand() const
{
    if (!m_options.command.isEmpty())
        return m_options.command;
    const QString shell = qEnvironmentVariable("SHELL");
    return shell.isEmpty() ? QStringLiteral("/bin/bash") : shell;
}

namespace {

// Runs tmux to completion, silently; a tmux that hangs is killed after 3 s.
void runTmuxCommand(const QString &program, const QStringList &args)
{
    QProcess tmux;
    tmux.setProgram(program);
    tmux.setArguments(args);
    tmux.setStandardInputFile(QProcess::nullDevice());
    tmux.setStandardOutputFile(QProcess::nullDevice());
    tmux.setStandardErrorFile(QProcess::nullDevice());
    tmux.start();
    if (!tmux.waitForFinished(3000)) {
        tmux.kill();
        tmux.waitForFinished(1000);
    }
}

} // namespace

QString LocalPlatform::tmuxSocketDir()
{
    const QString base = qEnvironmentVariableIsEmpty("TMUX_TMPDIR")
                             ? QStringLiteral("/tmp")
                             : qEnvironmentVariable("TMUX_TMPDIR");
    return QStringLiteral("%1/tmux-%2").arg(base).arg(::getuid());
}

void LocalPlatform::reapOrphanedTmuxServers()
{
    // A local platform that crashed or was SIGKILLed never ran kill-server: its tmux server and
    // shells would live on unseen. Socket names carry the owner's pid; end the servers whose
    // owner is gone. A live or unknown owner (another user's pid: EPERM) is left alone.
    if (m_tmuxProgram.isEmpty())
        return;
    static const QRegularExpression ours(QStringLiteral("^lap-local-(\\d+)-[0-9a-f]+$"));
    const QDir dir(tmuxSocketDir());
    const QStringList entries = dir.entryList(QDir::System | QDir::Files | QDir::NoDotAndDotDot);
    for (const QString &name : entries) {
        const QRegularExpressionMatch m = ours.match(name);
        if (!m.hasMatch())
            continue;
        bool ok = false;
        const qint64 pid = m.captured(1).toLongLong(&ok);
        if (!ok || pid <= 0 || pid == QCoreApplication::applicationPid())
            continue;
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH)
            continue;
        runTmuxCommand(m_tmuxProgram, {QStringLiteral("-L"), name, QStringLiteral("kill-server")});
        QFile::remove(dir.filePath(name));
    }
}

bool LocalPlatform::prepareTmux(QString *error)
{
    if (m_tmuxDir)
        return true;
    reapOrphanedTmuxServers();
    auto dir = std::make_unique<QTemporaryDir>(QDir::tempPath() +
                                               QStringLiteral("/lap-localplatform-XXXXXX"));
    QFile conf(dir->filePath(kTmuxConfName));
    if (!dir->isValid() || !conf.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the tmux configuration");
        return false;
    }
    // Like the harness image: no status line, a 256-colour TERM, the window sized by the
    // latest client; /bin/sh runs the command so --command has sh -c semantics.
    conf.write("set -g status off\n"
               "set -g default-terminal xterm-256color\n"
               "set -g window-size latest\n"
               "set -g exit-empty on\n"
               "set -g default-shell /bin/sh\n");
    conf.close();
    m_tmuxDir = std::move(dir);
    return true;
}

QString LocalPlatform::tmuxConfPath() const
{
    return m_tmuxDir->filePath(kTmuxConfName);
}

QStringList LocalPlatform::tmuxBaseArgs() const
{
    return {QStringLiteral("-L"), m_tmuxSocket, QStringLiteral("-f"), tmuxConfPath()};
}

void LocalPlatform::runTmux(const QStringList &args)
{
    // m_tmuxStarted implies tmux was found and its configuration written (ptySpec).
    Q_ASSERT(m_tmuxStarted);
    // Synchronous on purpose (a few ms): a reattach right after DELETE or restart must not
    // race the old session's kill.
    runTmuxCommand(m_tmuxProgram, tmuxBaseArgs() + args);
}

PtySession::Spec LocalPlatform::ptySpec(const Session &session, QString *error)
{
    PtySession::Spec spec;
    spec.size = QSize(100, 30); // the harness's size until the first resize

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("TMUX")); // or tmux refuses to nest
    env.remove(QStringLiteral("TMUX_PANE"));
    env.insert(QStringLiteral("TERM"), QStringLiteral("xterm-256color"));

    if (usesTmux() && prepareTmux(error)) {
        const QString command =
            m_options.command.isEmpty() ? shellQuote(effectiveCommand()) : m_options.command;
        spec.program = QFile::encodeName(m_tmuxProgram);
        for (const QString &arg : tmuxBaseArgs())
            spec.args << QFile::encodeName(arg);
        spec.args << "new-session"
                  << "-A"
                  << "-s" << session.id.toUtf8();
        // Used only when this attach creates the tmux session, like the sandbox's container env.
        for (auto it = session.envVars.begin(); it != session.envVars.end(); ++it)
            spec.args << "-e" << (it.key() + QLatin1Char('=') + it.value().toString()).toUtf8();
        spec.args << command.toUtf8();
        m_tmuxStarted = true;
    } else {
        if (m_options.command.isEmpty()) {
            spec.program = QFile::encodeName(effectiveCommand());
        } else {
            spec.program = "/bin/sh";
            spec.args = {"-c", m_options.command.toUtf8()};
        }
        for (auto it = session.envVars.begin(); it != session.envVars.end(); ++it)
            env.insert(it.key(), it.value().toString());
    }
    for (const QString &var : env.toStringList())
        spec.env.append(var.toLocal8Bit());
    return spec;
}

void LocalPlatform::startBridge(const QString &sessionId, QWebSocket *socket, QTcpSocket *raw)
{
    TtyBridge::Config config;
    config.floodBytes = m_options.floodBytes;
    config.dropAfterMs = m_options.dropAfterMs;
    config.spec = ptySpec(*findSession(sessionId), &config.spawnError);

    auto *pty = new PtySession(this);
    connect(pty, &PtySession::finished, pty, &QObject::deleteLater);
    auto *bridge = new TtyBridge(sessionId, socket, raw, pty, this);
    m_bridges.append(bridge);
    connect(bridge, &TtyBridge::input, this,
            [this, sessionId](const QByteArray &bytes) { emit ptyInput(sessionId, bytes); });
    connect(bridge, &TtyBridge::resized, this,
            [this, sessionId](const QSize &size) { m_lastPtySize.insert(sessionId, size); });
    connect(bridge, &TtyBridge::closed, this, [this, bridge, sessionId] {
        m_bridges.removeOne(bridge);
        emit ttyClosed(sessionId);
    });
    bridge->start(config);
    if (pty->isRunning())
        m_lastPtySize.insert(sessionId, pty->size());
    else
        pty->deleteLater(); // failed to start, or already gone
    emit ttyOpened(sessionId);
}

int LocalPlatform::openTtyCount() const
{
    return m_bridges.size();
}

int LocalPlatform::openTtyCount(const QString &sessionId) const
{
    int n = 0;
    for (const TtyBridge *bridge : m_bridges)
        n += bridge->sessionId() == sessionId ? 1 : 0;
    return n;
}

int LocalPlatform::livePtyCount() const
{
    int n = 0;
    const auto ptys = findChildren<PtySession *>(QString(), Qt::FindDirectChildrenOnly);
    for (const PtySession *pty : ptys)
        n += pty->isRunning() ? 1 : 0;
    return n;
}

QSize LocalPlatform::lastPtySize(const QString &sessionId) const
{
    return m_lastPtySize.value(sessionId);
}

void LocalPlatform::dropAllTty()
{
    const QList<TtyBridge *> bridges = m_bridges;
    for (TtyBridge *bridge : bridges)
        bridge->drop();
}

} // namespace lap::local
