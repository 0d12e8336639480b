// SPDX-License-Identifier: GPL-2.0-or-later
#include "singleinstance.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QPointer>
#include <QTimer>
#include <QtEndian>

#include <memory>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace lap {

namespace {

const QLatin1String kMessageType("lap-desktop-forward");
constexpr int kProtocolVersion = 1;
constexpr int kHeaderBytes = 4;
// A client that connects and never completes its request is dropped after this long.
constexpr int kPrimaryReadTimeoutMs = 10000;
// How long listen() waits for a live primary to accept when there can be no lock file.
constexpr int kProbeTimeoutMs = 1000;
// sockaddr_un::sun_path holds 108 bytes on Linux (104 on the BSDs); stay well below.
constexpr int kMaxSocketPathBytes = 100;

QByteArray frame(const QJsonObject &message)
{
    const QByteArray json = QJsonDocument(message).toJson(QJsonDocument::Compact);
    QByteArray out(kHeaderBytes, '\0');
    qToBigEndian<quint32>(static_cast<quint32>(json.size()), out.data());
    return out + json;
}

enum class FrameState
{
    Incomplete,
    Complete,
    TooLarge
};

// Takes one frame off the front of `buffer` into *payload when it is all there.
FrameState takeFrame(QByteArray &buffer, QByteArray *payload)
{
    if (buffer.size() < kHeaderBytes)
        return FrameState::Incomplete;
    const quint32 length = qFromBigEndian<quint32>(buffer.constData());
    if (length > quint32(SingleInstance::kMaxMessageBytes))
        return FrameState::TooLarge;
    if (buffer.size() < kHeaderBytes + int(length))
        return FrameState::Incomplete;
    *payload = buffer.mid(kHeaderBytes, int(length));
    buffer.remove(0, kHeaderBytes + int(length));
    return FrameState::Complete;
}

QString userTag()
{
#ifdef Q_OS_UNIX
    return QString::number(::getuid());
#else
    QString name = qEnvironmentVariable("USERNAME");
    // The name becomes part of a pipe name: keep it to characters that are safe everywhere.
    for (QChar &c : name) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('_');
    }
    return name.isEmpty() ? QStringLiteral("user") : name;
#endif
}

} // namespace

SingleInstance::SingleInstance(const QString &serverName, QObject *parent)
    : QObject(parent), m_serverName(serverName.isEmpty() ? defaultServerName() : serverName)
{}

SingleInstance::~SingleInstance()
{
    // Socket first, lock last: a successor that gets the lock must find the name free.
    if (m_server)
        m_server->close();
    m_lock.reset();
}

QString SingleInstance::defaultServerName(const QString &suffix)
{
    QString name = QStringLiteral("lap-desktop-") + userTag();
    if (!suffix.isEmpty())
        name += QLatin1Char('-') + suffix;
#ifdef Q_OS_UNIX
    // A plain name lands in /tmp, where another user could create it first; the runtime
    // directory belongs to this user alone. QStandardPaths is not asked: without
    // XDG_RUNTIME_DIR it would invent (and warn about) a directory of its own.
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    const QFileInfo dir(runtime);
    if (!runtime.isEmpty() && dir.isDir() && dir.isWritable()) {
        const QString path = QDir(runtime).absoluteFilePath(name);
        if (QFile::encodeName(path).size() <= kMaxSocketPathBytes)
            return path;
    }
#endif
    return name;
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

bool SingleInstance::listen()
{
    if (isListening())
        return true;
    m_error.clear();
    // QLocalServer cannot tell us that a name is taken: with socket options it binds in a
    // private directory and renames over the name, replacing a live primary's socket. So the
    // primary holds a lock file next to the socket for its whole life; QLockFile sees through
    // the lock of a crashed process (its pid is gone) and takes it over.
    if (!m_lock) {
        m_lock = std::make_unique<QLockFile>(lockFilePath());
        m_lock->setStaleLockTime(0); // a live primary's lock never goes stale by age
    }
    if (!m_lock->tryLock(0)) {
        const bool held = m_lock->error() == QLockFile::LockFailedError;
        m_lock.reset();
        if (held) {
            m_error = QStringLiteral("another instance is listening on %1").arg(m_serverName);
            return false;
        }
        // No lock file possible (unwritable directory): fall back to asking the socket.
        QLocalSocket probe;
        probe.connectToServer(m_serverName);
        if (probe.waitForConnected(kProbeTimeoutMs)) {
            probe.abort();
            m_error = QStringLiteral("another instance is listening on %1").arg(m_serverName);
            return false;
        }
    }
    if (!m_server) {
        m_server = new QLocalServer(this);
        m_server->setSocketOptions(QLocalServer::UserAccessOption);
        connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    }
    // Whatever socket file is there belongs to an instance that is gone.
    QLocalServer::removeServer(m_serverName);
    if (m_server->listen(m_serverName))
        return true;
    m_error = m_server->errorString();
    m_lock.reset();
    return false;
}

QString SingleInstance::lockFilePath() const
{
    const QString path = QDir::isAbsolutePath(m_serverName)
                             ? m_serverName
                             : QDir(QDir::tempPath()).absoluteFilePath(m_serverName);
    return path + QStringLiteral(".lock");
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QLocalSocket::readyRead, this,
                [this, socket, buffer] { onReadyRead(socket, *buffer); });
        // A connection that never sends a whole request (listen()'s probe, a hung secondary)
        // must not stay open for the life of the window.
        QPointer<QLocalSocket> guard(socket);
        QTimer::singleShot(kPrimaryReadTimeoutMs, this, [guard] {
            if (guard)
                guard->abort();
        });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket, *buffer);
    }
}

void SingleInstance::onReadyRead(QLocalSocket *socket, QByteArray &buffer)
{
    buffer += socket->readAll();
    QByteArray payload;
    const FrameState state = takeFrame(buffer, &payload);
    if (state == FrameState::TooLarge) {
        socket->abort();
        return;
    }
    if (state == FrameState::Incomplete)
        return;
    // The request is complete: anything the peer sends after it is of no interest.
    disconnect(socket, &QLocalSocket::readyRead, this, nullptr);

    const QJsonObject request = QJsonDocument::fromJson(payload).object();
    const QJsonValue args = request.value(QLatin1String("arguments"));
    QString problem;
    if (request.value(QLatin1String("type")).toString() != kMessageType)
        problem = QStringLiteral("not a lap-desktop request");
    else if (request.value(QLatin1String("version")).toInt() != kProtocolVersion)
        problem = QStringLiteral("unsupported protocol version");
    else if (!args.isArray())
        problem = QStringLiteral("arguments missing");
    QStringList arguments;
    if (problem.isEmpty()) {
        for (const QJsonValue &v : args.toArray()) {
            if (!v.isString()) {
                problem = QStringLiteral("arguments must be strings");
                break;
            }
            arguments << v.toString();
        }
    }
    const QString cwd = request.value(QLatin1String("cwd")).toString();

    QJsonObject reply{{QStringLiteral("ok"), problem.isEmpty()}};
    if (!problem.isEmpty())
        reply.insert(QStringLiteral("error"), problem);
    socket->write(frame(reply));
    socket->flush();
    socket->disconnectFromServer();
    // Acknowledged before the handler runs: a handler that opens a dialog must not keep the
    // secondary process waiting into its timeout.
    if (problem.isEmpty())
        emit argumentsReceived(arguments, cwd);
}

bool SingleInstance::forward(const QStringList &arguments, int timeoutMs)
{
    m_error.clear();
    const QByteArray request =
        frame(QJsonObject{{QStringLiteral("type"), QString(kMessageType)},
                          {QStringLiteral("version"), kProtocolVersion},
                          {QStringLiteral("arguments"), QJsonArray::fromStringList(arguments)},
                          {QStringLiteral("cwd"), QDir::currentPath()}});

    QLocalSocket socket;
    QEventLoop loop;
    QByteArray buffer;
    bool finished = false;
    bool acknowledged = false;
    const auto finish = [&](const QString &error) {
        if (finished)
            return;
        finished = true;
        m_error = error;
        loop.quit();
    };

    // Connected before connectToServer(): on Unix it may connect (or fail) synchronously.
    connect(&socket, &QLocalSocket::connected, &loop, [&] { socket.write(request); });
    connect(&socket, &QLocalSocket::readyRead, &loop, [&] {
        buffer += socket.readAll();
        QByteArray payload;
        const FrameState state = takeFrame(buffer, &payload);
        if (state == FrameState::Incomplete)
            return;
        const QJsonObject reply = QJsonDocument::fromJson(payload).object();
        acknowledged =
            state == FrameState::Complete && reply.value(QLatin1String("ok")).toBool(false);
        finish(acknowledged ? QString()
                            : QStringLiteral("the running instance refused the request: %1")
                                  .arg(reply.value(QLatin1String("error")).toString()));
    });
    connect(&socket, &QLocalSocket::errorOccurred, &loop,
            [&](QLocalSocket::LocalSocketError) { finish(socket.errorString()); });
    connect(&socket, &QLocalSocket::disconnected, &loop, [&] {
        finish(QStringLiteral("the running instance closed the connection without an answer"));
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, [&] {
        finish(QStringLiteral("no answer from the running instance within %1 ms").arg(timeoutMs));
    });

    deadline.start(qMax(0, timeoutMs));
    socket.connectToServer(m_serverName);
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    deadline.stop();
    socket.abort();
    return acknowledged;
}

} // namespace lap
