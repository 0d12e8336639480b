// SPDX-License-Identifier: GPL-2.0-or-later
#include "ttychannel.h"

#include <QCoreApplication>
#include <QPointer>
#include <QRegularExpression>

namespace lap {

namespace {

constexpr int kDefaultKeepAliveMs = 30000;
constexpr int kDefaultConnectTimeoutMs = 20000;
// The harness's exit notice is one short line; 512 bytes hold it with its ANSI dressing even
// when the agent's last screen update arrives in the same frame.
constexpr int kTailBytes = 512;
// A server that never answers our close frame must not keep a detached tab waiting.
constexpr int kCloseGraceMs = 3000;
// Terminal output comes in frames of a few KB; Qt would otherwise buffer a frame or message of
// up to 2 GB that a hostile server announces. Anything larger is closed with 1009.
constexpr quint64 kMaxIncomingBytes = 64 * 1024 * 1024;

const char kExitedMarker[] = "[bridge] process exited";
const char kSpawnMarker[] = "[bridge] failed to spawn";

QString stripAnsi(QString s)
{
    // CSI sequences (colours, dim), OSC sequences (titles), then any other two-byte escape.
    static const QRegularExpression csi(QStringLiteral("\x1b\\[[0-?]*[ -/]*[@-~]"));
    static const QRegularExpression osc(QStringLiteral("\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?"));
    static const QRegularExpression other(QStringLiteral("\x1b[@-_]?"));
    s.remove(csi);
    s.remove(osc);
    s.remove(other);
    return s;
}

// The bridge's notice line containing `marker`, without ANSI, CR or LF; empty if absent.
QString noticeLine(const QString &plain, const char *marker)
{
    const int at = plain.lastIndexOf(QLatin1String(marker));
    if (at < 0)
        return {};
    int end = plain.size();
    for (const QChar stop : {QLatin1Char('\r'), QLatin1Char('\n')}) {
        const int i = plain.indexOf(stop, at);
        if (i >= 0 && i < end)
            end = i;
    }
    return plain.mid(at, end - at).trimmed();
}

QString hostPort(const QUrl &url)
{
    const bool secure = url.scheme().compare(QLatin1String("wss"), Qt::CaseInsensitive) == 0;
    QString host = url.host();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return host + QLatin1Char(':') + QString::number(url.port(secure ? 443 : 80));
}

// Qt's socket errors read "QWebSocketPrivate::processHandshake: Connection closed while
// reading header." — the class prefix means nothing to a user and our sentence adds the '.'.
QString cleanSocketError(QString s)
{
    static const QRegularExpression prefix(QStringLiteral("^\\w+::\\w+:\\s*"));
    s.remove(prefix);
    return withoutFinalPeriod(s);
}

QString seconds(int ms)
{
    if (ms % 1000 == 0)
        return QString::number(ms / 1000);
    return QString::number(ms / 1000.0, 'g', 3);
}

LapError upgradeError(int status, bool tokenSent, const QString &detail)
{
    QString message;
    QString hint;
    switch (status) {
    case 401:
        if (tokenSent) {
            message =
                QCoreApplication::translate("lap", "The sandbox refused the terminal "
                                                   "connection: TTY token rejected (HTTP 401).");
            hint = QCoreApplication::translate("lap",
                                               "The pod may predate the platform's harness token: "
                                               "restart the session, or set LAP_TTY_TOKEN.");
        } else {
            message = QCoreApplication::translate(
                "lap",
                "The sandbox refused the terminal connection: no TTY token was sent (HTTP 401).");
            hint = QCoreApplication::translate(
                "lap", "The platform returned no tty_token: set LAP_TTY_TOKEN.");
        }
        break;
    case 503:
        message = QCoreApplication::translate(
            "lap", "The sandbox is not ready for a terminal yet (HTTP 503).");
        hint = QCoreApplication::translate("lap",
                                           "It is starting or restarting; try again in a moment.");
        break;
    case 502:
        message = QCoreApplication::translate("lap", "Cannot reach the sandbox (HTTP 502).");
        hint = QCoreApplication::translate(
            "lap", "The pod may be gone, or the platform's proxy still remembers an old address "
                   "(up to 30 s after a restart).");
        break;
    default:
        message =
            QCoreApplication::translate("lap", "The terminal connection was refused (HTTP %1).")
                .arg(status);
        break;
    }
    return LapError(LapError::Kind::TtyUpgrade, message, hint, detail, status);
}

// A close reason or notice comes from the server and ends up in a one-line banner: escape
// sequences, line breaks, other control characters and bidi overrides (which could make the
// line read as something else) go, and so does a final period (the sentence adds its own).
QString displayText(const QString &text, bool dropFinalPeriod = true)
{
    QString s = stripAnsi(text);
    for (QChar &c : s) {
        const ushort u = c.unicode();
        const bool control = u < 0x20 || (u >= 0x7f && u < 0xa0);
        const bool bidi = (u >= 0x200e && u <= 0x200f) || (u >= 0x202a && u <= 0x202e) ||
                          (u >= 0x2066 && u <= 0x2069);
        if (control || bidi)
            c = QLatin1Char(' ');
    }
    s = s.simplified();
    while (dropFinalPeriod && s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s;
}

} // namespace

QString closeCodeName(int code)
{
    switch (code) {
    case 1000:
        return QCoreApplication::translate("lap", "normal closure");
    case 1001:
        return QCoreApplication::translate("lap", "going away");
    case 1002:
        return QCoreApplication::translate("lap", "protocol error");
    case 1003:
        return QCoreApplication::translate("lap", "unsupported data");
    case 1005:
        return QCoreApplication::translate("lap", "no status");
    case 1006:
        return QCoreApplication::translate("lap", "abnormal closure");
    case 1007:
        return QCoreApplication::translate("lap", "invalid data");
    case 1008:
        return QCoreApplication::translate("lap", "policy violation");
    case 1009:
        return QCoreApplication::translate("lap", "message too big");
    case 1010:
        return QCoreApplication::translate("lap", "missing extension");
    case 1011:
        return QCoreApplication::translate("lap", "server error");
    case 1012:
        return QCoreApplication::translate("lap", "service restart");
    case 1013:
        return QCoreApplication::translate("lap", "try again later");
    case 1014:
        return QCoreApplication::translate("lap", "bad gateway");
    default:
        return {};
    }
}

QString TtyClose::describe() const
{
    const QString why = displayText(codeReason);
    const QString said = displayText(notice, false); // the bridge's own sentence, kept whole
    switch (reason) {
    case Reason::UserDetached:
        return {};
    case Reason::AgentExited:
        if (said.isEmpty())
            return QCoreApplication::translate("lap", "The agent exited.");
        return QCoreApplication::translate("lap", "The agent exited (%1).").arg(said);
    case Reason::SpawnFailed:
        if (said.isEmpty())
            return QCoreApplication::translate("lap", "The sandbox could not start the agent.");
        return QCoreApplication::translate("lap", "The sandbox could not start the agent (%1).")
            .arg(said);
    case Reason::Dropped:
        break;
    }
    if (code == 0)
        return QCoreApplication::translate("lap", "Connection lost.");
    const QString name = closeCodeName(code);
    if (name.isEmpty()) {
        if (why.isEmpty())
            return QCoreApplication::translate("lap", "Connection lost (code %1).").arg(code);
        return QCoreApplication::translate("lap", "Connection lost (code %1 — %2).")
            .arg(QString::number(code), why);
    }
    if (why.isEmpty())
        return QCoreApplication::translate("lap", "Connection lost (code %1: %2).")
            .arg(QString::number(code), name);
    return QCoreApplication::translate("lap", "Connection lost (code %1: %2 — %3).")
        .arg(QString::number(code), name, why);
}

QString describeDrop(const TtyClose &close, const Result<Session> &after)
{
    QString next;
    if (!after.ok()) {
        next = QCoreApplication::translate("lap",
                                           "Could not check the session (%1) — try reconnecting.")
                   .arg(withoutFinalPeriod(after.error.message));
    } else {
        const Session &s = after.value;
        if (s.isReady()) {
            next = QCoreApplication::translate(
                "lap", "The session is still running — reconnect to continue.");
        } else if (s.isTerminal()) {
            next = describeEndedSession(s);
        } else {
            // creating: a restart is under way; reattaching before it is ready gets a 503.
            next = QCoreApplication::translate("lap", "Session is %1 — reconnect once it is ready.")
                       .arg(s.status);
        }
    }
    const QString first = close.describe();
    return first.isEmpty() ? next : first + QLatin1Char(' ') + next;
}

QString describeEndedSession(const Session &s)
{
    const QString reason = withoutFinalPeriod(s.failureReason);
    return reason.isEmpty()
               ? QCoreApplication::translate("lap", "Session is %1.").arg(s.status)
               : QCoreApplication::translate("lap", "Session is %1 — %2.").arg(s.status, reason);
}

int httpStatusFromHandshakeError(const QString &errorString)
{
    // Qt 5.15 and 6.4 both word it "Unhandled http status code: 401 (Unauthorized)."; the
    // second pattern keeps working if a later Qt quotes the status line instead.
    static const QRegularExpression statusCode(
        QStringLiteral("status code\\W{0,3}([1-5]\\d\\d)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression statusLine(
        QStringLiteral("\\bHTTP/\\d(?:\\.\\d)?\\s+([1-5]\\d\\d)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    for (const QRegularExpression *re : {&statusCode, &statusLine}) {
        const QRegularExpressionMatch m = re->match(errorString);
        if (m.hasMatch())
            return m.captured(1).toInt();
    }
    return 0;
}

TtyChannel::TtyChannel(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<lap::TtyClose>();
    qRegisterMetaType<lap::LapError>();
    m_keepAlive.setInterval(kDefaultKeepAliveMs);
    connect(&m_keepAlive, &QTimer::timeout, this, [this] {
        if (m_socket && m_state == State::Open && !m_userClosed)
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
    const bool wasPaused = m_readPaused;
    m_readPaused = false;
    m_receiveBufferCapped = false;
    m_pauseLimit.stop();
    if (wasPaused)
        emit readPausedChanged(false);
    ++m_generation;
    m_target = target;
    m_lastCols = 0;
    m_lastRows = 0;
    m_userClosed = false;
    m_failureScheduled = false;
    m_timedOut = false;
    m_errorWhileOpen = false;
    m_closeFrameReceived = false;
    m_firstError.clear();
    m_firstErrorCode = QAbstractSocket::UnknownSocketError;
    m_sslErrors.clear();
    m_tail.clear();
    m_bytesReceived = 0;
    setState(State::Connecting);

    if (!target.url.isValid() || target.url.host().isEmpty()) {
        scheduleFailure();
        return;
    }

    // No subprotocol, no origin: the harness expects neither (platform-api.md §7).
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingFrameSize(kMaxIncomingBytes);
    m_socket->setMaxAllowedIncomingMessageSize(kMaxIncomingBytes);
    connect(m_socket, &QWebSocket::connected, this, &TtyChannel::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &TtyChannel::onDisconnected);
    connect(m_socket, &QWebSocket::stateChanged, this, &TtyChannel::onStateChanged);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &TtyChannel::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &TtyChannel::onBinary);
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
        m_userClosed = true;
        m_connectTimer.stop();
        dropSocket();
        setState(State::Closed);
        TtyClose c;
        c.reason = TtyClose::Reason::UserDetached;
        emit closed(c);
        return;
    }
    if (m_state != State::Open || !m_socket || m_userClosed)
        return;
    m_userClosed = true;
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
    m_userClosed = true;
    m_keepAlive.stop();
    m_socket->abort();
}

bool TtyChannel::sendInput(const QByteArray &bytes)
{
    if (m_state != State::Open || !m_socket || m_userClosed || bytes.isEmpty())
        return false;
    // Binary, never text: the harness parses text frames for resize/ping JSON, and a pasted
    // JSON snippet must reach the agent as typed (platform-api.md §7).
    m_socket->sendBinaryMessage(bytes);
    return true;
}

void TtyChannel::setReadPaused(bool paused)
{
    if (paused == m_readPaused)
        return;
    m_readPaused = paused;
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
    if (paused && !m_receiveBufferCapped) {
        // QWebSocket does not expose its TCP socket's options; it is its child in Qt 5 and 6.
        // Without it (a later Qt) the pause still works, the first resume is only bigger.
        if (auto *tcp = m_socket->findChild<QAbstractSocket *>()) {
            tcp->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption,
                                 kPausedReceiveBuffer);
            m_receiveBufferCapped = true;
        }
    }
}

bool TtyChannel::sendResize(int cols, int rows, bool force)
{
    if (m_state != State::Open || !m_socket || m_userClosed)
        return false;
    // node-pty throws on sizes <= 0 and the harness then types the JSON into the PTY.
    if (cols < 1 || rows < 1)
        return false;
    if (!force && cols == m_lastCols && rows == m_lastRows)
        return false;
    m_lastCols = cols;
    m_lastRows = rows;
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
    if (state == QAbstractSocket::ClosingState && m_state == State::Open && !m_userClosed &&
        !m_errorWhileOpen)
        m_closeFrameReceived = true;
}

void TtyChannel::onError(QAbstractSocket::SocketError error)
{
    if (!m_socket || sender() != m_socket)
        return;
    if (m_state == State::Connecting) {
        // Qt may report the same failure twice (ConnectionRefused, then RemoteHostClosed) and
        // only the first carries the HTTP status.
        if (m_firstError.isEmpty()) {
            m_firstError = m_socket->errorString();
            m_firstErrorCode = error;
        }
        scheduleFailure();
    } else if (m_state == State::Open) {
        m_errorWhileOpen = true;
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
    m_sslErrors = texts.join(QLatin1String("; "));
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
    m_timedOut = true;
    reportFailure(m_generation);
}

void TtyChannel::noteOutput(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    m_bytesReceived += bytes.size();
    m_tail.append(bytes);
    if (m_tail.size() > kTailBytes)
        m_tail = m_tail.right(kTailBytes);
    // Last statement: a receiver may delete this channel.
    emit output(bytes);
}

void TtyChannel::scheduleFailure()
{
    if (m_failureScheduled)
        return;
    m_failureScheduled = true;
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this, [this, generation] { reportFailure(generation); }, Qt::QueuedConnection);
}

void TtyChannel::reportFailure(quint64 generation)
{
    if (generation != m_generation || m_state != State::Connecting)
        return;
    m_connectTimer.stop();
    const LapError error = failureError();
    ++m_generation;
    dropSocket();
    setState(State::Closed);
    emit failed(error);
}

LapError TtyChannel::failureError() const
{
    const QUrl &url = m_target.url;
    const QString where = hostPort(url);
    const QString shownUrl = url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
    const QString unreachableHint =
        QCoreApplication::translate("lap", "The pod may be gone or the address unreachable.");

    if (!url.isValid() || url.host().isEmpty()) {
        return LapError(LapError::Kind::TtyConnect,
                        QCoreApplication::translate(
                            "lap", "The terminal URL is not a valid ws:// or wss:// URL."));
    }
    if (m_timedOut) {
        return LapError(LapError::Kind::TtyConnect,
                        QCoreApplication::translate(
                            "lap", "Cannot reach the sandbox at %1: no answer within %2 s.")
                            .arg(where, seconds(m_connectTimer.interval())),
                        unreachableHint, shownUrl);
    }
    if (!m_sslErrors.isEmpty()) {
        return LapError(
            LapError::Kind::Tls,
            QCoreApplication::translate("lap", "TLS error connecting to the sandbox: %1.")
                .arg(cleanSocketError(m_sslErrors)),
            {}, shownUrl);
    }
    const QString raw = !m_firstError.isEmpty() ? m_firstError
                        : m_socket              ? m_socket->errorString()
                                                : QString();
    const QString detail = shownUrl + QLatin1String(": ") + raw;
    const int status = httpStatusFromHandshakeError(raw);
    if (status != 0)
        return upgradeError(status, !m_target.token.isEmpty(), detail);
    if (m_firstErrorCode == QAbstractSocket::SslHandshakeFailedError ||
        m_firstErrorCode == QAbstractSocket::SslInternalError ||
        m_firstErrorCode == QAbstractSocket::SslInvalidUserDataError) {
        return LapError(
            LapError::Kind::Tls,
            QCoreApplication::translate("lap", "TLS error connecting to the sandbox: %1.")
                .arg(cleanSocketError(raw)),
            {}, detail);
    }
    return LapError(LapError::Kind::TtyConnect,
                    QCoreApplication::translate("lap", "Cannot reach the sandbox at %1: %2.")
                        .arg(where, cleanSocketError(raw)),
                    unreachableHint, detail);
}

TtyClose TtyChannel::classifyClose() const
{
    TtyClose c;
    if (m_closeFrameReceived || m_userClosed) {
        c.code = m_socket ? int(m_socket->closeCode()) : 0;
        c.codeReason = m_socket ? m_socket->closeReason() : QString();
        // Qt (5.15, 6.4) answers a close code that is invalid on the wire (1005, 1015, 2999,
        // 5000, ...) with 1002 and then names 1002 as the invalid one.
        static const QRegularExpression invalidCode(
            QStringLiteral("^Invalid close code \\d+ detected\\.?$"));
        if (c.code == 1002 && invalidCode.match(c.codeReason).hasMatch())
            c.codeReason =
                QCoreApplication::translate("lap", "the server sent an invalid close code");
    } else {
        // No close frame: RFC 6455 reserves 1006 for exactly this, though Qt says 1000.
        c.code = 1006;
    }
    if (m_userClosed) {
        c.reason = TtyClose::Reason::UserDetached;
        return c;
    }
    const QString plain = stripAnsi(QString::fromUtf8(m_tail));
    const QString exited = noticeLine(plain, kExitedMarker);
    const QString spawn = noticeLine(plain, kSpawnMarker);
    if (!exited.isEmpty()) {
        c.reason = TtyClose::Reason::AgentExited;
        c.notice = exited;
    } else if (!spawn.isEmpty()) {
        c.reason = TtyClose::Reason::SpawnFailed;
        c.notice = spawn;
    } else {
        c.reason = TtyClose::Reason::Dropped;
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
