// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <functional>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace lap::local {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method;
    QByteArray target; // the raw request-target, e.g. "/api/v1/x?limit=2"
    QString path;      // percent-decoded path of the target
    // Decoded like URLSearchParams ('+' is a space), in order.
    QList<QPair<QString, QString>> query;
    QByteArray version;  // "HTTP/1.1"
    HttpHeaders headers; // names lower-cased, in arrival order
    QByteArray body;

    // First value of a header, its name compared case-insensitively (RFC 9110 §5.1: Qt 6.8
    // sends "authorization:", curl "Authorization:"); empty when absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    // First value of a query parameter; `found` tells an empty value from a missing one.
    QString queryValue(const QString &name, bool *found = nullptr) const;
    bool isWebSocketUpgrade() const;
    bool wantsKeepAlive() const;
};

struct HttpResponse
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;
    // The handler answers later through HttpConnection::respond() (or streams); requests
    // pipelined behind this one wait, so replies always leave in request order.
    bool deferred = false;

    static HttpResponse json(int status, const QJsonDocument &doc);
    static HttpResponse error(int status, const QString &message); // {"error": message}
    static HttpResponse text(int status, const QByteArray &body,
                             const QByteArray &contentType = "text/plain; charset=utf-8");
    static HttpResponse later();
};

// Standard reason phrase ("Unauthorized", "Not Found", ...); lap prints it after the code.
QByteArray reasonPhrase(int status);

// The whole response as it goes on the wire: status line, headers, Content-Length, then
// "Connection: keep-alive" with the idle timeout or "Connection: close", and the body.
QByteArray serializeResponse(const HttpResponse &response, bool keepAlive);

// One client connection: parses requests one at a time (keep-alive and pipelining, bodies
// delimited by Content-Length) and writes the answers back in order.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    // A child of `socket`: it goes when the socket is deleted.
    HttpConnection(QTcpSocket *socket, class HttpServer *server);

    // Completes a deferred request.
    void respond(const HttpResponse &response);
    // Turns a deferred request into an open-ended chunked stream (server-sent events).
    void beginStream(int status, const HttpHeaders &headers);
    void streamWrite(const QByteArray &bytes);
    void endStream();
    void abort();

Q_SIGNALS:
    void closed();

private:
    friend class HttpServer;
    void processInput();
    void writeResponse(const HttpResponse &response, bool keepAlive);
    void finishRequest(bool keepAlive);
    void failAndClose(int status, const QString &message);
    void detach();

    class HttpServer *m_server;
    QPointer<QTcpSocket> m_socket;
    QTimer *m_idleTimer;
    bool m_busy = false; // a deferred or streaming reply is outstanding
    bool m_streaming = false;
    bool m_keepAlive = true;     // of the outstanding request
    bool m_detached = false;     // handed to the WebSocket upgrade handler
    bool m_continueSent = false; // "100 Continue" went out for the request being received
};

class HttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest &, HttpConnection *)>;
    // Gets the socket with the upgrade request still unread (only peeked), and owns it from
    // then on. `request` has no body.
    using UpgradeHandler = std::function<void(QTcpSocket *, const HttpRequest &)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    void setUpgradeHandler(UpgradeHandler handler) { m_upgradeHandler = std::move(handler); }

    bool listen(const QHostAddress &address, quint16 port);
    void close();
    quint16 serverPort() const;
    QString errorString() const;

    static constexpr int kMaxHeadBytes = 64 * 1024;
    static constexpr qint64 kMaxBodyBytes = 80 * 1024 * 1024;
    static constexpr int kIdleTimeoutMs = 60 * 1000;

private:
    friend class HttpConnection;
    void onNewConnection();

    QTcpServer *m_tcp;
    Handler m_handler;
    UpgradeHandler m_upgradeHandler;
};

// Parses a request head ("GET / HTTP/1.1\r\nHost: x\r\n\r\n", without the final blank line).
bool parseRequestHead(const QByteArray &head, HttpRequest *request);

} // namespace lap::local
