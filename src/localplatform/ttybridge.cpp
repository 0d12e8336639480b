// SPDX-License-Identifier: GPL-2.0-or-later
#include "ttybridge.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

#include <cmath>

#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
#include <QTextCodec>
#include <QTextDecoder>
#endif

namespace lap::local {

namespace {

// Output is paused while this much is queued on a slow client, and resumed below the low mark.
constexpr qint64 kHighWater = 1024 * 1024;
constexpr qint64 kLowWater = 256 * 1024;
constexpr int kFloodFrame = 32 * 1024;
// A client that never answers our close frame is cut off after this.
constexpr int kCloseGraceMs = 3000;

// The harness accepts what node-pty accepts: positive numbers (fractions truncated).
bool validDimension(const QJsonValue &v, int *out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < 1 || d > 65535)
        return false;
    *out = static_cast<int>(d);
    return true;
}

} // namespace

TtyBridge::TtyBridge(const QString &sessionId, QWebSocket *socket, QTcpSocket *raw, PtySession *pty,
                     QObject *parent)
    : QObject(parent)
    , m_sessionId(sessionId)
    , m_socket(socket)
    , m_raw(raw)
    , m_pty(pty)
#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
    , m_decoder(QTextCodec::codecForName("UTF-8")->makeDecoder())
#endif
{
    m_socket->setParent(this);
}

TtyBridge::~TtyBridge()
{
    if (m_pty)
        m_pty->terminate();
}

void TtyBridge::start(const Config &config)
{
    connect(m_socket, &QWebSocket::textMessageReceived, this, &TtyBridge::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &TtyBridge::onBinary);
    connect(m_socket, &QWebSocket::bytesWritten, this, &TtyBridge::onBytesWritten);
    connect(m_socket, &QWebSocket::disconnected, this, &TtyBridge::onDisconnected);
    if (config.dropAfterMs > 0)
        QTimer::singleShot(config.dropAfterMs, this, &TtyBridge::drop);

    QString error = config.spawnError;
    if (!error.isEmpty() || !m_pty || !m_pty->start(config.spec, &error)) {
        sendText(QStringLiteral("\r\n\x1b[31m[bridge] failed to spawn: %1\x1b[0m\r\n").arg(error));
        closeWithoutStatus();
        return;
    }
    connect(m_pty, &PtySession::output, this, &TtyBridge::onPtyOutput);
    connect(m_pty, &PtySession::finished, this, &TtyBridge::onPtyFinished);
    if (config.floodBytes > 0) {
        m_floodLeft = config.floodBytes;
        pumpFlood();
    }
    updateReadGate();
}

void TtyBridge::drop()
{
    m_socket->abort();
}

void TtyBridge::onText(const QString &message)
{
    if (message.startsWith(QLatin1Char('{'))) {
        const QJsonObject json = QJsonDocument::fromJson(message.toUtf8()).object();
        const QString type = json.value(QStringLiteral("type")).toString();
        int cols = 0;
        int rows = 0;
        if (type == QLatin1String("resize") &&
            validDimension(json.value(QStringLiteral("cols")), &cols) &&
            validDimension(json.value(QStringLiteral("rows")), &rows) && m_pty &&
            m_pty->resize(cols, rows)) {
            emit resized(QSize(cols, rows));
            return;
        }
        if (type == QLatin1String("ping"))
            return; // the web UI's keepalive
        // Anything else, a resize node-pty would refuse included, is typed like the harness does.
    }
    writeToPty(message.toUtf8());
}

void TtyBridge::onBinary(const QByteArray &message)
{
    writeToPty(message);
}

void TtyBridge::writeToPty(const QByteArray &bytes)
{
    if (!m_pty || !m_pty->isRunning() || m_closing)
        return;
    m_pty->write(bytes);
    emit input(bytes);
}

QString TtyBridge::decode(const QByteArray &bytes)
{
#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
    return m_decoder->toUnicode(bytes);
#else
    return m_decoder.decode(bytes);
#endif
}

void TtyBridge::sendText(const QString &text)
{
    if (text.isEmpty() || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    // A stateful decoder: a character split across two PTY reads still arrives whole, so
    // every frame is valid UTF-8.
    m_unacked += m_socket->sendTextMessage(text);
}

void TtyBridge::onPtyOutput(const QByteArray &bytes)
{
    sendText(decode(bytes));
    updateReadGate();
}

void TtyBridge::onPtyFinished(int exitCode, int signal)
{
    sendText(QStringLiteral("\r\n\x1b[2m[bridge] process exited (code=%1, signal=%2)\x1b[0m\r\n")
                 .arg(exitCode)
                 .arg(signal));
    closeWithoutStatus();
}

void TtyBridge::closeWithoutStatus()
{
    if (m_closing)
        return;
    m_closing = true;
    // QWebSocket::close() always puts a status code in the close frame; the harness (ws's
    // close() without arguments) sends an empty one, which clients report as 1005. The
    // frame is written behind everything QWebSocket has queued on the same TCP socket.
    if (m_raw && m_raw->state() == QAbstractSocket::ConnectedState)
        m_raw->write(QByteArray("\x88\x00", 2));
    else
        m_socket->close();
    QTimer::singleShot(kCloseGraceMs, this, &TtyBridge::drop);
}

void TtyBridge::onBytesWritten(qint64 bytes)
{
    m_unacked = qMax(qint64(0), m_unacked - bytes);
    pumpFlood();
    updateReadGate();
}

void TtyBridge::pumpFlood()
{
    while (m_floodLeft > 0 && m_unacked < kHighWater &&
           m_socket->state() == QAbstractSocket::ConnectedState) {
        const int size = static_cast<int>(qMin(qint64(kFloodFrame), m_floodLeft));
        m_floodLeft -= size;
        sendText(QString::fromUtf8(floodChunk(&m_floodLine, size)));
    }
}

void TtyBridge::updateReadGate()
{
    if (!m_pty)
        return;
    if (m_floodLeft > 0 || m_unacked >= kHighWater)
        m_pty->setReadEnabled(false);
    else if (m_unacked < kLowWater)
        m_pty->setReadEnabled(true);
}

void TtyBridge::onDisconnected()
{
    if (m_closedEmitted)
        return;
    m_closedEmitted = true;
    if (m_pty)
        m_pty->terminate();
    emit closed();
    deleteLater();
}

QByteArray TtyBridge::floodChunk(qint64 *index, int size)
{
    QByteArray out;
    out.reserve(size);
    for (;;) {
        const qint64 n = (*index)++;
        const QByteArray line = "\x1b[3" + QByteArray::number(1 + n % 6) + "mflood " +
                                QByteArray::number(n).rightJustified(8, '0') +
                                " \x1b[1m── äöü ✓ λ →\x1b[22m the quick brown fox\x1b[0m\r\n";
        if (out.size() + line.size() > size)
            break;
        out += line;
    }
    // Pad with ASCII so the chunk is exactly `size` bytes and never splits a character.
    out.append(size - out.size(), '.');
    return out;
}

} // namespace lap::local
