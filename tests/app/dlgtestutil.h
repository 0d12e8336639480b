// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Helpers shared by the dialog tests (tst_signindialog*, tst_agentpicker, tst_settingsdialog).

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QList>
#include <QPair>
#include <QPixmap>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWidget>

namespace dlgtest {

// <build dir>/screenshots/<name>; the directory comes from app.cmake.
inline QString screenshotPath(const QString &name)
{
    const QString dir = QStringLiteral(LAP_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

// Lets pending layout requests run first: a label that was just shown or filled would
// otherwise be drawn with its old geometry.
inline bool saveScreenshot(QWidget *w, const QString &name)
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    return w->grab().save(screenshotPath(name));
}

// Every regular file under `root` (hidden ones included, symlinks not followed) whose bytes
// contain `needle` as UTF-8/Latin-1 or as UTF-16 (QSettings' native formats and Qt's own
// caches could hold either).
inline QStringList filesContaining(const QString &root, const QString &needle)
{
    const QByteArray utf8 = needle.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(needle.utf16()),
                           needle.size() * int(sizeof(char16_t)));
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!QFileInfo(path).isFile())
            continue; // sockets and FIFOs of a keyring daemon living under HOME
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        if (bytes.contains(utf8) || bytes.contains(utf16))
            hits << path;
    }
    return hits;
}

// A loopback port that nothing listens on (bound, then released).
inline quint16 closedPort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

// A tiny HTTP/1.1 server on 127.0.0.1: records each request line ("GET /path?query HTTP/1.1")
// and answers with the queued replies in order (the last one repeats). With no reply queued
// it accepts and never answers, which keeps a client busy.
class CannedHttpServer : public QTcpServer
{
public:
    struct Reply
    {
        int status = 200;
        QByteArray body;
    };

    CannedHttpServer()
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection())
                connect(s, &QTcpSocket::readyRead, s, [this, s] { onReadyRead(s); });
        });
    }

    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }
    void queue(int status, const QByteArray &body) { m_replies.append({status, body}); }
    QStringList requests;

private:
    void onReadyRead(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        const int end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        requests << QString::fromLatin1(buf.left(buf.indexOf("\r\n")));
        buf.clear();
        if (m_replies.isEmpty())
            return;
        const Reply r = m_replies.size() > 1 ? m_replies.takeFirst() : m_replies.first();
        QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) +
                         " X\r\n"
                         "Content-Type: application/json\r\nConnection: close\r\n"
                         "Content-Length: " +
                         QByteArray::number(r.body.size()) + "\r\n\r\n" + r.body;
        s->write(out);
        s->disconnectFromHost();
    }

    QList<Reply> m_replies;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace dlgtest
