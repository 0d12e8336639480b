// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// A WebSocket server on 127.0.0.1 written frame by frame, for hostile-server tests: it can
// send what QWebSocketServer never would (text frames with invalid UTF-8, a message split into
// continuation frames at any byte, odd or reserved close codes, oversized control frames,
// floods of pings, a frame whose payload never arrives) and records every frame the client
// sends, unmasked. It can also answer the upgrade request with any bytes, close at once, or
// never answer, and it keeps the exact request bytes. Real sockets; nothing of Qt's WebSocket
// code on the server side.

#include <QCryptographicHash>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QtEndian>

#include <functional>

namespace laptest {

enum WsOpcode
{
    WsContinuation = 0x0,
    WsText = 0x1,
    WsBinary = 0x2,
    WsClose = 0x8,
    WsPing = 0x9,
    WsPong = 0xA
};

struct WsFrame
{
    int opcode = 0;
    bool fin = true;
    QByteArray payload;
};

// One frame as a server sends it: never masked (RFC 6455 §5.1).
inline QByteArray encodeFrame(int opcode, const QByteArray &payload, bool fin = true)
{
    QByteArray out;
    out.append(char((fin ? 0x80 : 0x00) | (opcode & 0x0f)));
    const quint64 n = quint64(payload.size());
    if (n < 126) {
        out.append(char(n));
    } else if (n <= 0xffff) {
        out.append(char(126));
        char len[2];
        qToBigEndian<quint16>(quint16(n), len);
        out.append(len, 2);
    } else {
        out.append(char(127));
        char len[8];
        qToBigEndian<quint64>(n, len);
        out.append(len, 8);
    }
    out.append(payload);
    return out;
}

// Takes the first complete frame off the front of `buffer` into `out`, unmasked; false (and
// `buffer` untouched) while the frame is still incomplete.
inline bool takeFrame(QByteArray &buffer, WsFrame *out)
{
    if (buffer.size() < 2)
        return false;
    const auto *d = reinterpret_cast<const uchar *>(buffer.constData());
    quint64 len = d[1] & 0x7f;
    int at = 2;
    if (len == 126) {
        if (buffer.size() < 4)
            return false;
        len = qFromBigEndian<quint16>(d + 2);
        at = 4;
    } else if (len == 127) {
        if (buffer.size() < 10)
            return false;
        len = qFromBigEndian<quint64>(d + 2);
        at = 10;
    }
    const bool masked = d[1] & 0x80;
    const int maskAt = at;
    if (masked)
        at += 4;
    if (quint64(buffer.size()) < quint64(at) + len)
        return false;
    out->opcode = d[0] & 0x0f;
    out->fin = d[0] & 0x80;
    out->payload = buffer.mid(at, int(len));
    if (masked) {
        for (int i = 0; i < out->payload.size(); ++i)
            out->payload[i] = char(out->payload.at(i) ^ buffer.at(maskAt + (i % 4)));
    }
    buffer.remove(0, at + int(len));
    return true;
}

// What the server does once it has read the upgrade request.
enum class WsHandshake
{
    Accept,     // 101 Switching Protocols, then frames
    Hang,       // answer nothing, keep the connection open
    Reply,      // send the given raw bytes (a status line, say), then close
    CloseAtOnce // close the connection without a word
};

// One upgraded (or upgrading) client connection.
class RawWsConnection : public QObject
{
    Q_OBJECT
public:
    explicit RawWsConnection(QTcpSocket *socket, WsHandshake handshake,
                             const QByteArray &reply = QByteArray(), QObject *parent = nullptr)
        : QObject(parent), m_socket(socket), m_handshake(handshake), m_reply(reply)
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, &RawWsConnection::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, [this]() {
            m_disconnected = true;
            emit disconnected();
        });
    }

    QTcpSocket *socket() const { return m_socket; }
    bool isUpgraded() const { return m_upgraded; }
    bool isDisconnected() const { return m_disconnected; }
    // The whole upgrade request has been read.
    bool requestReceived() const { return m_headerDone; }
    // The upgrade request as received: its exact bytes (up to and including the blank line),
    // the request line, and headers (names lower-cased).
    QByteArray rawRequest() const { return m_rawRequest; }
    QByteArray requestLine() const { return m_requestLine; }
    QByteArray header(const char *name) const
    {
        return m_headers.value(QByteArray(name).toLower());
    }

    const QList<WsFrame> &received() const { return m_received; }
    // Payloads of every binary frame the client sent (keystrokes), in order.
    QByteArray binaryInput() const
    {
        QByteArray all;
        for (const WsFrame &f : m_received) {
            if (f.opcode == WsBinary)
                all += f.payload;
        }
        return all;
    }
    int countReceived(int opcode) const
    {
        int n = 0;
        for (const WsFrame &f : m_received)
            n += f.opcode == opcode ? 1 : 0;
        return n;
    }
    bool closeReceived() const { return countReceived(WsClose) > 0; }
    // Answer the client's close frame with one of our own (what a polite server does).
    void setEchoClose(bool on) { m_echoClose = on; }
    // Answer each ping with a pong carrying its payload (what a live server does).
    void setAutoPong(bool on) { m_autoPong = on; }

    static QByteArray frame(int opcode, const QByteArray &payload, bool fin = true)
    {
        return encodeFrame(opcode, payload, fin);
    }
    static QByteArray closePayload(int code, const QByteArray &reason)
    {
        char c[2];
        qToBigEndian<quint16>(quint16(code), c);
        return QByteArray(c, 2) + reason;
    }

    void sendRaw(const QByteArray &bytes)
    {
        if (m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->write(bytes);
    }
    void sendFrame(int opcode, const QByteArray &payload, bool fin = true)
    {
        sendRaw(frame(opcode, payload, fin));
    }
    void sendText(const QByteArray &utf8) { sendFrame(WsText, utf8); }
    void sendBinary(const QByteArray &bytes) { sendFrame(WsBinary, bytes); }
    void sendClose(int code, const QByteArray &reason = QByteArray())
    {
        sendFrame(WsClose, closePayload(code, reason));
    }
    void abort() { m_socket->abort(); }

signals:
    void upgraded();
    void frameReceived(const laptest::WsFrame &frame);
    void disconnected();

private:
    void onReadyRead()
    {
        m_buffer += m_socket->readAll();
        if (!m_headerDone) {
            const int end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            m_rawRequest = m_buffer.left(end + 4);
            const QList<QByteArray> lines = m_buffer.left(end).split('\n');
            m_requestLine = lines.value(0).trimmed();
            for (int i = 1; i < lines.size(); ++i) {
                const int colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    m_headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                     lines.at(i).mid(colon + 1).trimmed());
            }
            m_buffer.remove(0, end + 4);
            m_headerDone = true;
            switch (m_handshake) {
            case WsHandshake::Hang:
                return; // read the request, answer nothing, keep the connection
            case WsHandshake::CloseAtOnce:
                m_socket->close();
                return;
            case WsHandshake::Reply:
                m_socket->write(m_reply);
                m_socket->flush();
                m_socket->disconnectFromHost();
                return;
            case WsHandshake::Accept:
                break;
            }
            const QByteArray accept =
                QCryptographicHash::hash(header("sec-websocket-key") +
                                             "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                         QCryptographicHash::Sha1)
                    .toBase64();
            m_socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                            "Connection: Upgrade\r\nSec-WebSocket-Accept: " +
                            accept + "\r\n\r\n");
            m_upgraded = true;
            emit upgraded();
        }
        if (m_upgraded)
            parseFrames();
    }

    void parseFrames()
    {
        WsFrame f;
        while (takeFrame(m_buffer, &f)) {
            m_received.append(f);
            emit frameReceived(f);
            if (f.opcode == WsPing && m_autoPong)
                sendFrame(WsPong, f.payload);
            if (f.opcode == WsClose && m_echoClose) {
                sendFrame(WsClose, f.payload.left(2));
                m_socket->disconnectFromHost();
            }
        }
    }

    QTcpSocket *m_socket;
    WsHandshake m_handshake;
    QByteArray m_reply;
    bool m_headerDone = false;
    bool m_upgraded = false;
    bool m_disconnected = false;
    bool m_echoClose = true;
    bool m_autoPong = false;
    QByteArray m_buffer;
    QByteArray m_rawRequest;
    QByteArray m_requestLine;
    QHash<QByteArray, QByteArray> m_headers;
    QList<WsFrame> m_received;
};

class RawWsServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit RawWsServer(QObject *parent = nullptr) : QTcpServer(parent)
    {
        connect(this, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *s = nextPendingConnection()) {
                auto *c = new RawWsConnection(s, m_handshake, m_reply, this);
                c->setAutoPong(m_autoPong);
                m_connections.append(c);
                connect(c, &RawWsConnection::upgraded, this, [this, c]() {
                    if (m_onUpgraded)
                        m_onUpgraded(c);
                    emit upgraded(c);
                });
            }
        });
    }

    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &path = QStringLiteral("/tty")) const
    {
        QUrl u;
        u.setScheme(QStringLiteral("ws"));
        u.setHost(QStringLiteral("127.0.0.1"));
        u.setPort(serverPort());
        u.setPath(path);
        return u;
    }
    // false: read the upgrade request and never answer it.
    void setAnswerUpgrade(bool on) { setHandshake(on ? WsHandshake::Accept : WsHandshake::Hang); }
    // How new connections answer the upgrade request; `reply` is what WsHandshake::Reply sends.
    void setHandshake(WsHandshake handshake, const QByteArray &reply = QByteArray())
    {
        m_handshake = handshake;
        m_reply = reply;
    }
    // New connections answer pings with pongs.
    void setAutoPong(bool on) { m_autoPong = on; }
    // Runs right after the 101 went out (what the hostile server does next).
    void onUpgraded(std::function<void(RawWsConnection *)> f) { m_onUpgraded = std::move(f); }
    QList<RawWsConnection *> connections() const { return m_connections; }
    RawWsConnection *last() const
    {
        return m_connections.isEmpty() ? nullptr : m_connections.last();
    }
    // How many connections the client (or the server) has closed so far.
    int disconnectCount() const
    {
        int n = 0;
        for (const RawWsConnection *c : m_connections)
            n += c->isDisconnected() ? 1 : 0;
        return n;
    }

signals:
    void upgraded(laptest::RawWsConnection *connection);

private:
    WsHandshake m_handshake = WsHandshake::Accept;
    QByteArray m_reply;
    bool m_autoPong = false;
    std::function<void(RawWsConnection *)> m_onUpgraded;
    QList<RawWsConnection *> m_connections;
};

} // namespace laptest

Q_DECLARE_METATYPE(laptest::WsFrame)
