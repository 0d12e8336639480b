// SPDX-License-Identifier: GPL-2.0-or-later
#include "ttychannel.h"
#include "bridgenotice.h"

#include <QPointer>
#include <QRegularExpression>

// Transport only: the words for a failed connect or an ended connection are in ttywording.cpp,
// the bridge's notices are found by bridgenotice.cpp.

namespace lap {

namespace {

constexpr int kDefaultKeepAliveMs = 30000;
constexpr int kDefaultConnectTimeoutMs = 20000;
// A server that never answers our close frame must not keep a detached tab waiting.
constexpr int kCloseGraceMs = 3000;
// Terminal output comes in frames of a few KB; Qt would otherwise buffer a frame or message of
// up to 2 GB that a hostile server announces. Anything larger is closed with 1009.
constexpr quint64 kMaxIncomingBytes = 64 * 1024 * 1024;

} // namespace

TtyChannel::TtyChannel(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<lap::TtyClose>();
    qRegisterMetaType<lap::LapError>();
    m_keepAlive.setInterval(kDefaultKeepAliveMs);
    connect(&m_keepAlive, &QTimer::timeout, this, [this] {
        if (m_socket && m_state == State::Open && !m_conn.userClosed)
            m_socket->ping();
    });
    m_connectTimer.setSingleShot(true);
    m_connectTimer.setInterval(kDefaultConnectTimeoutMs);
    connect(&m_connectTimer, &QTimer::timeout, this, &TtyChannel::onConnectTimeout);
    m_pauseLimit.setSingleShot(true);
    m_pauseLimit.setInterval(kMaxReadPauseMs);
    connect(&m_pauseLimit, &QTimer::timeout, this, [this] { setReadPaused(false); });
}

TtyChannel::~TtyChannel()
{
    dropSocket();
}

void TtyChannel::setKeepAliveInterval(int ms)
{
    m_keepAlive.stop();
    m_keepAlive.setInterval(qMax(0, ms));
    if (ms > 0 && m_state == State::Open)
        m_keepAlive.start();
}

void TtyChannel::setSslConfiguration(const QSslConfiguration &config)
{
#ifndef QT_NO_SSL
    m_sslConfig = config;
    m_haveSslConfig = true;
#else
    Q_UNUSED(config)
#endif
}

void TtyChannel::setConnectTimeout(int ms)
{
    m_connectTimer.setInterval(qMax(0, ms));
    if (ms <= 0)
        m_connectTimer.stop();
}

void TtyChannel::open(const TtyTarget &target)
{
    dropSocket();
    const bool wasPaused = m_conn.readPaused;
    m_pauseLimit.stop();
    if (wasPaused)
        emit readPausedChanged(false);
    ++m_generation;
    m_conn = Connection(target);
    setState(State::Connecting);

    if (!target.url.isValid() || target.url.host().isEmpty()) {
        scheduleFailure();
        return;
    }

    // No subprotocol, no origin: the harness expects neither (docs/platform-api.md §7).
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingFrameSize(kMaxIncomingBytes);
    m_socket->setMaxAllowedIncomingMessageSize(kMaxIncomingBytes);
    connect(m_socket, &QWebSocket::connected, this, &TtyChannel::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &TtyChannel::onDisconnected);
    connect(m_socket, &QWebSocket::stateChanged, this, &TtyChannel::onStateChanged);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &TtyChannel::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &TtyChannel::onBinary);
#if QT_VERSION >= QT_VERSION_CHECK(6, 6, 0)
    // A 401 naming a scheme Qt can answer (Basic, Digest...) asks for credentials here; we
    // have none to give, so the handshake fails, and this is the one sure sign it was a 401.
    connect(m_socket, &QWebSocket::authenticationRequired, this, [this] {
        if (sender() == m_socket)
            m_conn.authChallenged = true;
    });
#endif
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(m_socket, &QWebSocket::errorOccurred, this, &TtyChannel::onError);
#else
    connect(m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            &TtyChannel::onError);
#endif
#ifndef QT_NO_SSL
    connect(m_socket, &QWebSocket::sslErrors, this, &TtyChannel::onSslErrors);
    if (m_haveSslConfig)
        m_socket->setSslConfiguration(m_sslConfig);
#endif
    if (m_connectTimer.interval() > 0)
        m_connectTimer.start();
    m_socket->open(target.request());
}

void TtyChannel::close()
{
    if (m_state == State::Connecting) {
        // Nothing was attached yet, so there is nothing to detach from: drop the attempt and
        // say so once, as for an open channel.
        ++m_generation;
        m_conn.userClosed = true;
        m_connectTimer.stop();
        dropSocket();
        setState(State::Closed);
        TtyClose c;
        c.reason = TtyClose::Reason::UserDetached;
        emit closed(c);
        return;
    }
    if (m_state != State::Open || !m_socket || m_conn.userClosed)
        return;
    m_conn.userClosed = true;
    m_keepAlive.stop();
    // Qt may finish the close handshake inside close() and emit closed() from there, whose
    // receiver may delete this channel.
    QPointer<TtyChannel> self(this);
    const quint64 generation = m_generation;
    m_socket->close();
    // Done already (closed() emitted, maybe a new open() from its receiver), or deleted.
    if (!self || generation != m_generation || !m_socket)
        return;
    QTimer::singleShot(kCloseGraceMs, this, [this, generation] {
        if (generation == m_generation && m_state == State::Open && m_socket)
            m_socket->abort();
    });
}

void TtyChannel::abort()
{
    if (m_state == State::Connecting) {
        close();
        return;
    }
    if (m_state != State::Open || !m_socket)
        return;
    m_conn.userClosed = true;
    m_keepAlive.stop();
    m_socket->abort();
}

bool TtyChannel::sendInput(const QByteArray &bytes)
{
    if (m_state != State::Open || !m_socket || m_conn.userClosed || bytes.isEmpty())
        return false;
    // Binary, never text: the harness parses text frames for resize/ping JSON, and a pasted
    // JSON snippet must reach the agent as typed (docs/platform-api.md §7).
    m_socket->sendBinaryMessage(bytes);
    return true;
}

void TtyChannel::setReadPaused(bool paused)
{
    if (paused == m_conn.readPaused)
        return;
    m_conn.readPaused = paused;
    if (paused)
        m_pauseLimit.start();
    else
        m_pauseLimit.stop();
    if (m_socket)
        applyReadPause(paused);
    emit readPausedChanged(paused);
}

void TtyChannel::applyReadPause(bool paused)
{
    // QWebSocket has no pause, but its TCP socket stops reading from the kernel once its read
    // buffer is full, and QWebSocket consumes a frame only when the whole frame is buffered:
    // with a 1-byte buffer nothing more gets through. 0 is Qt's "unlimited" (the default), which
    // also re-arms the read notifier, so data the kernel held meanwhile arrives at once.
    m_socket->setReadBufferSize(paused ? 1 : 0);
    if (paused && !m_conn.receiveBufferCapped) {
        // QWebSocket does not expose its TCP socket's options; it is its child in Qt 5 and 6.
        // Without it (a later Qt) the pause still works, the first resume is only bigger.
        if (auto *tcp = m_socket->findChild<QAbstractSocket *>()) {
            tcp->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption,
                                 kPausedReceiveBuffer);
            m_conn.receiveBufferCapped = true;
        }
    }
}

bool TtyChannel::sendResize(int cols, int rows, bool force)
{
    if (m_state != State::Open || !m_socket || m_conn.userClosed)
        return false;
    // node-pty throws on sizes <= 0 and the harness then types the JSON into the PTY.
    if (cols < 1 || rows < 1)
        return false;
    if (!force && cols == m_conn.lastCols && rows == m_conn.lastRows)
        return false;
    m_conn.lastCols = cols;
    m_conn.lastRows = rows;
    m_socket->sendTextMessage(
        QStringLiteral("{\"type\":\"resize\",\"cols\":%1,\"rows\":%2}").arg(cols).arg(rows));
    return true;
}

void TtyChannel::onConnected()
{
    if (!m_socket || sender() != m_socket || m_state != State::Connecting)
        return;
    m_connectTimer.stop();
    setState(State::Open);
    if (m_keepAlive.interval() > 0)
        m_keepAlive.start();
    emit opened();
}

void TtyChannel::onStateChanged(QAbstractSocket::SocketState state)
{
    if (!m_socket || sender() != m_socket)
        return;
    // Qt enters ClosingState before any error only when the server sent a close frame; a bare
    // TCP drop reports RemoteHostClosedError first.
    if (state == QAbstractSocket::ClosingState && m_state == State::Open && !m_conn.userClosed &&
        !m_conn.errorWhileOpen)
        m_conn.closeFrameReceived = true;
}

void TtyChannel::onError(QAbstractSocket::SocketError error)
{
    if (!m_socket || sender() != m_socket)
        return;
    if (m_state == State::Connecting) {
        // Qt may report the same failure twice (ConnectionRefused, then RemoteHostClosed) and
        // only the first carries the HTTP status.
        if (m_conn.firstError.isEmpty()) {
            m_conn.firstError = m_socket->errorString();
            m_conn.firstErrorCode = error;
        }
        scheduleFailure();
    } else if (m_state == State::Open) {
        m_conn.errorWhileOpen = true;
    }
}

#ifndef QT_NO_SSL
void TtyChannel::onSslErrors(const QList<QSslError> &errors)
{
    if (!m_socket || sender() != m_socket || m_state != State::Connecting)
        return;
    QStringList texts;
    for (const QSslError &e : errors)
        texts << e.errorString();
    m_conn.sslErrors = texts.join(QLatin1String("; "));
}
#endif

void TtyChannel::onDisconnected()
{
    if (!m_socket || sender() != m_socket)
        return;
    m_connectTimer.stop();
    m_keepAlive.stop();
    if (m_state == State::Connecting) {
        // On a refused port Qt emits disconnected before error: decide once both are in.
        scheduleFailure();
        return;
    }
    if (m_state != State::Open)
        return;
    const TtyClose c = classifyClose();
    ++m_generation;
    dropSocket();
    setState(State::Closed);
    emit closed(c);
}

void TtyChannel::onText(const QString &text)
{
    if (!m_socket || sender() != m_socket)
        return;
    noteOutput(text.toUtf8());
}

void TtyChannel::onBinary(const QByteArray &bytes)
{
    if (!m_socket || sender() != m_socket)
        return;
    noteOutput(bytes);
}

void TtyChannel::onConnectTimeout()
{
    if (m_state != State::Connecting)
        return;
    m_conn.timedOut = true;
    reportFailure(m_generation);
}

void TtyChannel::noteOutput(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    m_conn.bytesReceived += bytes.size();
    keepBridgeTail(m_conn.tail, bytes);
    // Last statement: a receiver may delete this channel.
    emit output(bytes);
}

void TtyChannel::scheduleFailure()
{
    if (m_conn.failureScheduled)
        return;
    m_conn.failureScheduled = true;
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this, [this, generation] { reportFailure(generation); }, Qt::QueuedConnection);
}

void TtyChannel::reportFailure(quint64 generation)
{
    if (generation != m_generation || m_state != State::Connecting)
        return;
    m_connectTimer.stop();
    TtyConnectFacts facts;
    facts.url = m_conn.target.url;
    facts.tokenSent = !m_conn.target.token.isEmpty();
    facts.timedOut = m_conn.timedOut;
    facts.connectTimeoutMs = m_connectTimer.interval();
    facts.sslErrors = m_conn.sslErrors;
    // Qt may report the same failure twice and only the first carries the HTTP status.
    facts.errorString = !m_conn.firstError.isEmpty() ? m_conn.firstError
                        : m_socket                   ? m_socket->errorString()
                                                     : QString();
    facts.socketError = m_conn.firstErrorCode;
    facts.authChallenged = m_conn.authChallenged;
    const LapError error = ttyConnectError(facts);
    ++m_generation;
    dropSocket();
    setState(State::Closed);
    emit failed(error);
}

TtyClose TtyChannel::classifyClose() const
{
    TtyClose c;
    if (m_conn.closeFrameReceived || m_conn.userClosed) {
        c.code = m_socket ? int(m_socket->closeCode()) : 0;
        c.codeReason = closeFrameReason(c.code, m_socket ? m_socket->closeReason() : QString());
    } else {
        // No close frame: RFC 6455 reserves 1006 for exactly this, though Qt says 1000.
        c.code = 1006;
    }
    if (m_conn.userClosed) {
        c.reason = TtyClose::Reason::UserDetached;
        return c;
    }
    const BridgeNotice notice = scanBridgeNotice(m_conn.tail);
    c.notice = notice.line;
    switch (notice.kind) {
    case BridgeNotice::Kind::Exited:
        c.reason = TtyClose::Reason::AgentExited;
        break;
    case BridgeNotice::Kind::SpawnFailed:
        c.reason = TtyClose::Reason::SpawnFailed;
        break;
    case BridgeNotice::Kind::None:
        c.reason = TtyClose::Reason::Dropped;
        break;
    }
    return c;
}

void TtyChannel::dropSocket()
{
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    m_keepAlive.stop();
    disconnect(socket, nullptr, this, nullptr);
    // We may be inside one of the socket's own signals (a receiver of output() deleting the
    // channel): never delete it synchronously, and take it out of our children so that
    // ~QObject does not either.
    socket->setParent(nullptr);
    if (socket->state() == QAbstractSocket::ConnectedState)
        socket->close(QWebSocketProtocol::CloseCodeGoingAway);
    else
        socket->abort();
    socket->deleteLater();
}

void TtyChannel::setState(State s)
{
    m_state = s;
}

} // namespace lap
