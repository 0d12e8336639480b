// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// A WebSocket server on 127.0.0.1 written frame by frame, for hostile-server tests: it can
// send what QWebSocketServer never would (text frames with invalid UTF-8, a message split into
// continuation frames at any byte, odd or reserved close codes, oversized control frames,
// floods of pings, a frame whose payload never arrives) and records every frame the client
// sends, unmasked. Real sockets; nothing of Qt's WebSocket code on the server side.

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

// One upgraded (or upgrading) client connection.
class RawWsConnection : public QObject
{
    Q_OBJECT
public:
    explicit RawWsConnection(QTcpSocket *socket, bool answerUpgrade, QObject *parent = nullptr)
        : QObject(parent), m_socket(socket), m_answerUpgrade(answerUpgrade)
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
    // The upgrade request as received: request line and headers (names lower-cased).
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

    // Server frames are never masked (RFC 6455 §5.1).
    static QByteArray frame(int opcode, const QByteArray &payload, bool fin = true)
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
            if (!m_answerUpgrade)
                return; // read the request, answer nothing, keep the connection
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
        for (;;) {
            if (m_buffer.size() < 2)
                return;
            const auto *d = reinterpret_cast<const uchar *>(m_buffer.constData());
            const bool fin = d[0] & 0x80;
            const int opcode = d[0] & 0x0f;
            const bool masked = d[1] & 0x80;
            quint64 len = d[1] & 0x7f;
            int at = 2;
            if (len == 126) {
                if (m_buffer.size() < 4)
                    return;
                len = qFromBigEndian<quint16>(d + 2);
                at = 4;
            } else if (len == 127) {
                if (m_buffer.size() < 10)
                    return;
                len = qFromBigEndian<quint64>(d + 2);
                at = 10;
            }
            const int maskAt = at;
            if (masked)
                at += 4;
            if (quint64(m_buffer.size()) < quint64(at) + len)
                return;
            WsFrame f;
            f.opcode = opcode;
            f.fin = fin;
            f.payload = m_buffer.mid(at, int(len));
            if (masked) {
                for (int i = 0; i < f.payload.size(); ++i)
                    f.payload[i] = char(f.payload.at(i) ^ m_buffer.at(maskAt + (i % 4)));
            }
            m_buffer.remove(0, at + int(len));
            m_received.append(f);
            emit frameReceived(f);
            if (opcode == WsClose && m_echoClose) {
                sendFrame(WsClose, f.payload.left(2));
                m_socket->disconnectFromHost();
            }
        }
    }

    QTcpSocket *m_socket;
    bool m_answerUpgrade;
    bool m_headerDone = false;
    bool m_upgraded = false;
    bool m_disconnected = false;
    bool m_echoClose = true;
    QByteArray m_buffer;
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
                auto *c = new RawWsConnection(s, m_answerUpgrade, this);
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
    void setAnswerUpgrade(bool on) { m_answerUpgrade = on; }
    // Runs right after the 101 went out (what the hostile server does next).
    void onUpgraded(std::function<void(RawWsConnection *)> f) { m_onUpgraded = std::move(f); }
    QList<RawWsConnection *> connections() const { return m_connections; }
    RawWsConnection *last() const
    {
        return m_connections.isEmpty() ? nullptr : m_connections.last();
    }

signals:
    void upgraded(laptest::RawWsConnection *connection);

private:
    bool m_answerUpgrade = true;
    std::function<void(RawWsConnection *)> m_onUpgraded;
    QList<RawWsConnection *> m_connections;
};

} // namespace laptest

Q_DECLARE_METATYPE(laptest::WsFrame)
