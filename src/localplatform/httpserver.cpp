// SPDX-License-Identifier: GPL-2.0-or-later
#include "httpserver.h"

#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace lap::local {

namespace {

QString decodeQueryComponent(QByteArray part)
{
    part.replace('+', ' ');
    return QUrl::fromPercentEncoding(part);
}

// Status line and the given headers, without the blank line that ends the head.
QByteArray responseHead(int status, const HttpHeaders &headers)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &h : headers)
        out += h.first + ": " + h.second + "\r\n";
    return out;
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool HttpRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString HttpRequest::queryValue(const QString &name, bool *found) const
{
    for (const auto &item : query) {
        if (item.first == name) {
            if (found)
                *found = true;
            return item.second;
        }
    }
    if (found)
        *found = false;
    return {};
}

bool HttpRequest::isWebSocketUpgrade() const
{
    return method == "GET" && header("upgrade").toLower().contains("websocket");
}

bool HttpRequest::wantsKeepAlive() const
{
    const QByteArray connection = header("connection").toLower();
    if (version == "HTTP/1.0")
        return connection.contains("keep-alive");
    return !connection.contains("close");
}

bool parseRequestHead(const QByteArray &head, HttpRequest *request)
{
    const QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty())
        return false;
    const QList<QByteArray> start = lines.first().trimmed().split(' ');
    if (start.size() != 3 || start[0].isEmpty() || !start[1].startsWith('/') ||
        !start[2].startsWith("HTTP/1."))
        return false;
    request->method = start[0];
    request->target = start[1];
    request->version = start[2];
    for (int i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
        if (line.isEmpty())
            continue;
        const int colon = line.indexOf(':');
        if (colon <= 0)
            return false;
        request->headers.append(
            {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    const int q = request->target.indexOf('?');
    const QByteArray rawPath = q < 0 ? request->target : request->target.left(q);
    request->path = QUrl::fromPercentEncoding(rawPath);
    if (q >= 0) {
        const QList<QByteArray> pairs = request->target.mid(q + 1).split('&');
        for (const QByteArray &pair : pairs) {
            if (pair.isEmpty())
                continue;
            const int eq = pair.indexOf('=');
            request->query.append({decodeQueryComponent(eq < 0 ? pair : pair.left(eq)),
                                   eq < 0 ? QString() : decodeQueryComponent(pair.mid(eq + 1))});
        }
    }
    return true;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Unknown";
    }
}

QByteArray serializeResponse(const HttpResponse &response, bool keepAlive)
{
    QByteArray out = responseHead(response.status, response.headers);
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\nKeep-Alive: timeout=" +
                           QByteArray::number(HttpServer::kIdleTimeoutMs / 1000) + "\r\n"
                     : QByteArray("Connection: close\r\n");
    out += "\r\n";
    out += response.body;
    return out;
}

HttpResponse HttpResponse::json(int status, const QJsonDocument &doc)
{
    HttpResponse r;
    r.status = status;
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    r.body = doc.toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse HttpResponse::error(int status, const QString &message)
{
    return json(status, QJsonDocument(QJsonObject{{QStringLiteral("error"), message}}));
}

HttpResponse HttpResponse::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    HttpResponse r;
    r.status = status;
    r.headers.append(qMakePair(QByteArray("Content-Type"), contentType));
    r.body = body;
    return r;
}

HttpResponse HttpResponse::later()
{
    HttpResponse r;
    r.deferred = true;
    return r;
}

// --- HttpConnection -----------------------------------------------------------------------

HttpConnection::HttpConnection(QTcpSocket *socket, HttpServer *server)
    : QObject(socket), m_server(server), m_socket(socket), m_idleTimer(new QTimer(this))
{
    m_idleTimer->setSingleShot(true);
    m_idleTimer->setInterval(HttpServer::kIdleTimeoutMs);
    connect(m_idleTimer, &QTimer::timeout, this, [this] {
        if (!m_busy && m_socket)
            m_socket->disconnectFromHost();
    });
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::processInput);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        m_idleTimer->stop();
        emit closed();
        if (m_socket)
            m_socket->deleteLater(); // takes this connection object with it
    });
    m_idleTimer->start();
}

void HttpConnection::abort()
{
    if (m_socket)
        m_socket->abort();
}

void HttpConnection::detach()
{
    m_detached = true;
    m_idleTimer->stop();
    // The socket must look untouched to the next owner: none of our slots stay connected.
    if (m_socket)
        m_socket->disconnect(this);
}

void HttpConnection::failAndClose(int status, const QString &message)
{
    m_busy = true; // nothing more is read from this connection
    writeResponse(HttpResponse::error(status, message), false);
    if (m_socket)
        m_socket->disconnectFromHost();
}

void HttpConnection::processInput()
{
    while (m_socket && !m_busy && !m_detached) {
        const qint64 available = m_socket->bytesAvailable();
        if (available <= 0)
            return;
        const QByteArray peeked =
            m_socket->peek(qMin(available, qint64(HttpServer::kMaxHeadBytes) + 4));
        const int headEnd = peeked.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (available > HttpServer::kMaxHeadBytes)
                failAndClose(431, QStringLiteral("request head too large"));
            return;
        }
        HttpRequest request;
        if (!parseRequestHead(peeked.left(headEnd), &request)) {
            failAndClose(400, QStringLiteral("bad request"));
            return;
        }
        if (request.isWebSocketUpgrade() && m_server && m_server->m_upgradeHandler) {
            // The head stays in the socket: QWebSocketServer reads the handshake itself.
            QTcpSocket *socket = m_socket;
            detach();
            m_server->m_upgradeHandler(socket, request);
            return;
        }
        if (request.hasHeader("transfer-encoding")) {
            failAndClose(411, QStringLiteral("chunked request bodies are not supported"));
            return;
        }
        qint64 length = 0;
        if (request.hasHeader("content-length")) {
            bool ok = false;
            length = request.header("content-length").toLongLong(&ok);
            if (!ok || length < 0) {
                failAndClose(400, QStringLiteral("bad content-length"));
                return;
            }
            if (length > HttpServer::kMaxBodyBytes) {
                failAndClose(413, QStringLiteral("request body too large"));
                return;
            }
        }
        const qint64 total = headEnd + 4 + length;
        if (available < total) {
            // curl holds a larger body back until it hears this.
            if (!m_continueSent && request.header("expect").toLower() == "100-continue") {
                m_continueSent = true;
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return; // wait for the rest of the body
        }
        m_continueSent = false;
        m_socket->skip(headEnd + 4);
        request.body = m_socket->read(length);

        m_idleTimer->stop();
        m_busy = true;
        m_keepAlive = request.wantsKeepAlive();
        const HttpResponse response = m_server && m_server->m_handler
                                          ? m_server->m_handler(request, this)
                                          : HttpResponse::error(404, QStringLiteral("not found"));
        if (!response.deferred) {
            writeResponse(response, m_keepAlive);
            finishRequest(m_keepAlive);
        }
    }
}

void HttpConnection::writeResponse(const HttpResponse &response, bool keepAlive)
{
    if (m_socket)
        m_socket->write(serializeResponse(response, keepAlive));
}

void HttpConnection::finishRequest(bool keepAlive)
{
    m_busy = false;
    m_streaming = false;
    if (!m_socket)
        return;
    if (!keepAlive) {
        m_busy = true; // ignore whatever else the client pipelined
        m_socket->disconnectFromHost();
        return;
    }
    m_idleTimer->start();
    // Requests pipelined behind a deferred one are already buffered: no readyRead will come.
    QTimer::singleShot(0, this, &HttpConnection::processInput);
}

void HttpConnection::respond(const HttpResponse &response)
{
    if (!m_busy || m_streaming || m_detached)
        return;
    writeResponse(response, m_keepAlive);
    finishRequest(m_keepAlive);
}

void HttpConnection::beginStream(int status, const HttpHeaders &headers)
{
    if (!m_socket || !m_busy || m_streaming)
        return;
    m_streaming = true;
    m_socket->write(responseHead(status, headers) +
                    "Transfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n");
}

void HttpConnection::streamWrite(const QByteArray &bytes)
{
    if (!m_socket || !m_streaming || bytes.isEmpty())
        return;
    m_socket->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
}

void HttpConnection::endStream()
{
    if (!m_socket || !m_streaming)
        return;
    m_socket->write("0\r\n\r\n");
    finishRequest(m_keepAlive);
}

// --- HttpServer ---------------------------------------------------------------------------

HttpServer::HttpServer(QObject *parent) : QObject(parent), m_tcp(new QTcpServer(this))
{
    connect(m_tcp, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer()
{
    close();
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_tcp->listen(address, port);
}

void HttpServer::close()
{
    m_tcp->close();
    // Connections are children of the QTcpServer; abort them so nobody waits on a reply.
    const auto sockets = m_tcp->findChildren<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly);
    for (QTcpSocket *socket : sockets)
        socket->abort();
}

quint16 HttpServer::serverPort() const
{
    return m_tcp->serverPort();
}

QString HttpServer::errorString() const
{
    return m_tcp->errorString();
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, this);
        if (socket->bytesAvailable() > 0)
            connection->processInput();
    }
}

} // namespace lap::local
