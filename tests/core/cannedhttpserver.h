// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// A scripted HTTP/1.1 server on 127.0.0.1 for unit tests: real sockets, canned answers per
// "METHOD /path", every request recorded with its headers and arrival time. It can also stall
// (read the request, never answer), drop the connection, and speak TLS.

#include "laptest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <functional>
#include <memory>

namespace laptest {

struct CannedRequest
{
    QByteArray method;
    QByteArray path;                       // as sent, still percent-encoded
    QByteArray query;                      // raw, without '?'
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    qint64 atMs = 0; // since the server was created

    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
    bool hasHeader(const char *name) const { return headers.contains(QByteArray(name).toLower()); }
    // A query parameter decoded as a server would ('+' and %2B are different things).
    QString param(const QString &key) const
    {
        const QUrlQuery q(QString::fromLatin1(query));
        return q.hasQueryItem(key) ? q.queryItemValue(key, QUrl::FullyDecoded) : QString();
    }
    bool hasParam(const QString &key) const
    {
        return QUrlQuery(QString::fromLatin1(query)).hasQueryItem(key);
    }
};

struct CannedResponse
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool stall = false;  // never answer, keep the connection open
    bool drop = false;   // close the connection without answering
    bool stream = false; // send the headers and `body`, then keep the connection open (SSE)
    // Hostile servers (tests/hostile): send the headers (with the full Content-Length) and
    // only the first `partialBytes` bytes of the body, then stall; -1 sends it all.
    int partialBytes = -1;
    // Send the whole answer `dripBytes` at a time, one piece every `dripMs` ms; 0 = at once.
    int dripMs = 0;
    int dripBytes = 1;
    bool dripBodyOnly = false; // the headers at once, then the body drips
    // No Content-Length: the body goes chunked (size unknown to the client until the end).
    bool chunked = false;

    static CannedResponse json(int status, const QByteArray &body)
    {
        CannedResponse r;
        r.status = status;
        r.body = body;
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return r;
    }
    static CannedResponse redirect(int status, const QByteArray &location)
    {
        CannedResponse r;
        r.status = status;
        r.headers.append({"Location", location});
        return r;
    }
    static CannedResponse eventStream(int status)
    {
        CannedResponse r;
        r.status = status;
        r.stream = true;
        r.body = ": connected\n\n";
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/event-stream")));
        return r;
    }
    static CannedResponse stalled()
    {
        CannedResponse r;
        r.stall = true;
        return r;
    }
    static CannedResponse dropped()
    {
        CannedResponse r;
        r.drop = true;
        return r;
    }
};

class CannedHttpServer : public QTcpServer
{
public:
    using Handler = std::function<CannedResponse(const CannedRequest &)>;

    explicit CannedHttpServer(QObject *parent = nullptr) : QTcpServer(parent)
    {
        m_clock.start();
        connect(this, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *s = nextPendingConnection())
                serve(s);
        });
    }

    // Serve HTTPS with this certificate and key instead of plain HTTP.
    void setTls(const QSslCertificate &cert, const QSslKey &key)
    {
        m_cert = cert;
        m_key = key;
    }

    bool start() { return listen(QHostAddress::LocalHost, 0); }

    QUrl baseUrl() const
    {
        QUrl u;
        u.setScheme(m_cert.isNull() ? QStringLiteral("http") : QStringLiteral("https"));
        u.setHost(QStringLiteral("127.0.0.1"));
        u.setPort(serverPort());
        return u;
    }

    // Answers for METHOD path (path without the query), used in order; the last one repeats.
    void script(const QByteArray &method, const QByteArray &path, QList<CannedResponse> responses)
    {
        auto queue = std::make_shared<QList<CannedResponse>>(std::move(responses));
        on(method, path, [queue](const CannedRequest &) {
            return queue->size() > 1 ? queue->takeFirst() : queue->first();
        });
    }
    void on(const QByteArray &method, const QByteArray &path, Handler handler)
    {
        m_routes.insert(method + ' ' + path, std::move(handler));
    }
    // The first two requests of SessionOpener::open(<agent uuid>): GET the agent (answered with
    // `agentBody`, by default {"id":<agentId>,"name":"coder"}), then POST its session (`create`).
    void scriptAgentAndCreate(const QByteArray &agentId, const CannedResponse &create,
                              const QByteArray &agentBody = QByteArray())
    {
        const QByteArray agent = api("/agents/" + agentId);
        script("GET", agent,
               {CannedResponse::json(200, !agentBody.isEmpty() ? agentBody
                                                               : "{\"id\":\"" + agentId +
                                                                     "\",\"name\":\"coder\"}")});
        script("POST", agent + "/session", {create});
    }

    const QList<CannedRequest> &requests() const { return m_requests; }
    QList<CannedRequest> requestsTo(const QByteArray &method, const QByteArray &path) const
    {
        QList<CannedRequest> out;
        for (const CannedRequest &r : m_requests) {
            if (r.method == method && r.path == path)
                out.append(r);
        }
        return out;
    }
    int count(const QByteArray &method, const QByteArray &path) const
    {
        return int(requestsTo(method, path).size());
    }

protected:
    void incomingConnection(qintptr fd) override
    {
        if (m_cert.isNull()) {
            QTcpServer::incomingConnection(fd);
            return;
        }
        auto *s = new QSslSocket(this);
        if (!s->setSocketDescriptor(fd)) {
            delete s;
            return;
        }
        s->setLocalCertificate(m_cert);
        s->setPrivateKey(m_key);
        s->startServerEncryption();
        addPendingConnection(s);
    }

private:
    void serve(QTcpSocket *s)
    {
        auto buffer = std::make_shared<QByteArray>();
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        connect(s, &QTcpSocket::readyRead, s, [this, s, buffer]() {
            buffer->append(s->readAll());
            const int headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            CannedRequest req;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> start = lines.first().trimmed().split(' ');
            if (start.size() < 2)
                return;
            req.method = start.at(0);
            const QByteArray target = start.at(1);
            const int q = target.indexOf('?');
            req.path = q < 0 ? target : target.left(q);
            req.query = q < 0 ? QByteArray() : target.mid(q + 1);
            for (int i = 1; i < lines.size(); ++i) {
                const int colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    req.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                       lines.at(i).mid(colon + 1).trimmed());
            }
            const int length = req.headers.value("content-length", "0").toInt();
            if (buffer->size() < headerEnd + 4 + length)
                return;
            req.body = buffer->mid(headerEnd + 4, length);
            buffer->clear();
            req.atMs = m_clock.elapsed();
            m_requests.append(req);

            const Handler handler = m_routes.value(req.method + ' ' + req.path);
            const CannedResponse resp =
                handler ? handler(req)
                        : CannedResponse::json(404, R"({"error":"no canned answer"})");
            if (resp.stall)
                return;
            if (resp.drop) {
                s->abort();
                return;
            }
            QByteArray out = "HTTP/1.1 " + QByteArray::number(resp.status) + " Canned\r\n";
            for (const auto &h : resp.headers)
                out += h.first + ": " + h.second + "\r\n";
            if (resp.stream) {
                out += "Cache-Control: no-cache\r\nConnection: keep-alive\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n";
                out += QByteArray::number(resp.body.size(), 16) + "\r\n" + resp.body + "\r\n";
                s->write(out);
                return;
            }
            if (resp.chunked) {
                out += "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
                for (int at = 0; at < resp.body.size(); at += 64 * 1024) {
                    const QByteArray piece = resp.body.mid(at, 64 * 1024);
                    out += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
                }
                out += "0\r\n\r\n";
            } else {
                out += "Content-Length: " + QByteArray::number(resp.body.size()) + "\r\n";
                out += "Connection: close\r\n\r\n";
                out += resp.partialBytes >= 0 ? resp.body.left(resp.partialBytes) : resp.body;
            }
            if (resp.partialBytes >= 0) {
                s->write(out); // and never the rest
                return;
            }
            if (resp.dripMs > 0) {
                const int head = resp.dripBodyOnly ? out.indexOf("\r\n\r\n") + 4 : 0;
                s->write(out.left(head));
                drip(s, out.mid(head), resp.dripMs, std::max(1, resp.dripBytes));
                return;
            }
            s->write(out);
            s->disconnectFromHost();
        });
    }

    // Writes `data` a few bytes per tick; stops when the client goes away.
    void drip(QTcpSocket *s, const QByteArray &data, int everyMs, int bytes)
    {
        auto *timer = new QTimer(s);
        auto rest = std::make_shared<QByteArray>(data);
        connect(timer, &QTimer::timeout, s, [s, timer, rest, bytes]() {
            if (s->state() != QAbstractSocket::ConnectedState) {
                timer->stop();
                return;
            }
            s->write(rest->left(bytes));
            rest->remove(0, bytes);
            if (rest->isEmpty()) {
                timer->stop();
                s->disconnectFromHost();
            }
        });
        timer->start(everyMs);
    }

    QElapsedTimer m_clock;
    QHash<QByteArray, Handler> m_routes;
    QList<CannedRequest> m_requests;
    QSslCertificate m_cert;
    QSslKey m_key;
};

} // namespace laptest
