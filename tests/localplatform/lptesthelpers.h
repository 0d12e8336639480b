// SPDX-License-Identifier: GPL-2.0-or-later
// Small synchronous HTTP and WebSocket clients for the local platform tests.
#pragma once

#include "localplatform.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <dirent.h>

namespace lptest {

// Generous: the suite runs on a 2-core machine next to other builds.
constexpr int kWaitMs = 20000;

// A deterministic shell for every PTY test.
inline QString testShell()
{
    return QStringLiteral("env PS1='$ ' bash --norc --noprofile");
}

struct HttpResult
{
    int status = 0;
    QByteArray reason;
    QByteArray contentType;
    QByteArray body;
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
};

class Http
{
public:
    Http(const QUrl &base, const QString &key) : m_base(base.toString()), m_key(key) {}

    // Sends without waiting; the caller deletes the reply. `authorization` replaces the
    // default "Bearer <key>"; pass a null QByteArray for the default and an empty one to send
    // no header at all. A non-null body goes as application/json.
    QNetworkReply *send(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                        const QByteArray &authorization = QByteArray())
    {
        QNetworkRequest req(QUrl(m_base + path));
        if (authorization.isNull())
            req.setRawHeader("Authorization", "Bearer " + m_key.toUtf8());
        else if (!authorization.isEmpty())
            req.setRawHeader("Authorization", authorization);
        if (!body.isNull())
            req.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        return m_nam.sendCustomRequest(req, verb, body);
    }

    // send(), then waits for the whole reply.
    HttpResult request(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                       const QByteArray &authorization = QByteArray())
    {
        QNetworkReply *reply = send(verb, path, body, authorization);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(kWaitMs);
        HttpResult r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
        r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        r.body = reply->readAll();
        reply->deleteLater();
        return r;
    }

    HttpResult get(const QString &path) { return request("GET", path); }
    HttpResult post(const QString &path, const QByteArray &body = QByteArray(""))
    {
        return request("POST", path, body);
    }
    HttpResult del(const QString &path) { return request("DELETE", path); }

private:
    QNetworkAccessManager m_nam;
    QString m_base;
    QString m_key;
};

inline QString managed(const QString &rest)
{
    return QStringLiteral("/api/v1/managed_agents") + rest;
}

// Where a session of the named seeded agent is created (POST).
inline QString createPath(const QString &agent = QStringLiteral("shell"))
{
    return managed(
        QStringLiteral("/agents/%1/session").arg(lap::local::LocalPlatform::agentIdForName(agent)));
}

// Creates a session of the named agent; its id, empty unless the POST answered 200 with one.
inline QString createSession(Http &http, const QString &agent = QStringLiteral("shell"),
                             const QByteArray &body = QByteArray(""))
{
    const HttpResult r = http.post(createPath(agent), body);
    return r.status == 200 ? r.object().value(QStringLiteral("id")).toString() : QString();
}

// Creates a session for the named agent and waits until the platform says `ready`.
inline QString readySession(Http &http, lap::local::LocalPlatform &platform,
                            const QString &agent = QStringLiteral("shell"))
{
    const QString id = createSession(http, agent, R"({"title":"lap-cli"})");
    if (id.isEmpty())
        return {};
    return QTest::qWaitFor([&] { return platform.sessionStatus(id) == QLatin1String("ready"); },
                           kWaitMs)
               ? id
               : QString();
}

// One /tty connection that records everything it receives.
class TtyClient : public QObject
{
public:
    TtyClient()
    {
        connect(&ws, &QWebSocket::connected, this, [this] { connected = true; });
        connect(&ws, &QWebSocket::disconnected, this, [this] { disconnected = true; });
        connect(&ws, &QWebSocket::textMessageReceived, this, [this](const QString &t) {
            text += t;
            ++textFrames;
        });
        connect(&ws, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &b) {
            text += QString::fromUtf8(b);
            ++binaryFrames;
        });
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
        connect(&ws, &QWebSocket::errorOccurred, this,
#else
        connect(&ws, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
#endif
                [this](QAbstractSocket::SocketError) { error = ws.errorString(); });
    }

    // Token in both places, like lap; returns whether the socket opened.
    bool open(const QString &url, const QString &token, bool header = true, bool query = true)
    {
        QString target = url;
        if (query && !token.isEmpty())
            target += (url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) +
                      QStringLiteral("token=") +
                      QString::fromLatin1(QUrl::toPercentEncoding(token));
        QNetworkRequest req{QUrl(target)};
        if (header && !token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        ws.open(req);
        (void)QTest::qWaitFor([this] { return connected || disconnected || !error.isEmpty(); },
                              kWaitMs);
        return connected;
    }

    bool waitFor(const QString &needle, int ms = kWaitMs)
    {
        return QTest::qWaitFor([&] { return text.contains(needle); }, ms);
    }
    bool waitClosed(int ms = kWaitMs)
    {
        return QTest::qWaitFor([&] { return disconnected; }, ms);
    }
    void type(const QByteArray &bytes)
    {
        ws.sendBinaryMessage(bytes);
    }

    QWebSocket ws;
    QString text;
    QString error;
    int textFrames = 0;
    int binaryFrames = 0;
    bool connected = false;
    bool disconnected = false;
};

// Descriptors open in this process (the directory handle used to count them excluded).
inline int openFdCount()
{
    DIR *dir = ::opendir("/proc/self/fd");
    if (!dir)
        return -1;
    int n = 0;
    while (const dirent *entry = ::readdir(dir)) {
        if (entry->d_name[0] != '.')
            ++n;
    }
    ::closedir(dir);
    return n - 1;
}

// Live (or zombie) child processes of this process, over all its threads.
inline int childProcessCount()
{
    int n = 0;
    const QStringList tasks =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tid : tasks) {
        QFile f(QStringLiteral("/proc/self/task/%1/children").arg(tid));
        if (f.open(QIODevice::ReadOnly))
            n +=
                QString::fromLatin1(f.readAll()).split(QLatin1Char(' '), Qt::SkipEmptyParts).size();
    }
    return n;
}

} // namespace lptest
