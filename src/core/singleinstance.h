// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QLocalServer;
class QLockFile;
class QLocalSocket;

namespace lap {

// One lap-desktop per user: the first process listens on a local socket (primary); a later
// `lap-desktop <agent>` or `--resume …` hands its arguments to it (secondary) and exits, so the
// tab opens in the window that is already there.
//
// Wire format, both ways: a 4-byte big-endian length, then that many bytes of UTF-8 JSON.
// Request {"type":"lap-desktop-forward","version":1,"arguments":[…],"cwd":"…"}; reply
// {"ok":true} (or {"ok":false,"error":"…"}). The primary acknowledges as soon as the request
// is read and understood, then emits argumentsReceived().
//
// Only arguments and the working directory travel: never the environment. A process started
// with LAP_BASE_URL + LAP_MASTER_KEY (environment sign-in) must therefore NOT forward — the
// primary would open the tab on its own platform with its own key — and should run standalone
// (without listen() either, so that it does not capture later launches for its private
// platform).
//
// The socket is private to the user: it lives in $XDG_RUNTIME_DIR (a 0700 directory) when there
// is one, and is created with QLocalServer::UserAccessOption (mode 0700) in any case.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    // Largest request the primary reads; anything bigger is dropped unanswered.
    static constexpr int kMaxMessageBytes = 256 * 1024;

    // `serverName` empty: defaultServerName().
    explicit SingleInstance(const QString &serverName = QString(), QObject *parent = nullptr);
    ~SingleInstance() override;

    // "lap-desktop-<uid>" (plus "-<suffix>" when given, so tests can run side by side), as a
    // full path inside the user's runtime directory when there is one.
    static QString defaultServerName(const QString &suffix = QString());

    QString serverName() const { return m_serverName; }

    // Becomes the primary. False when another live instance already listens (then forward()
    // to it) or the socket cannot be created (errorString() says why). The primary holds
    // "<serverName>.lock" (QLockFile) while it lives, which also settles two instances starting
    // at the same moment; the socket file and the lock of a crashed instance are taken over.
    bool listen();
    bool isListening() const;

    // As a secondary: sends `arguments` and the current working directory to the primary and
    // waits up to `timeoutMs` for its acknowledgement. True once acknowledged. Runs a local
    // event loop while waiting (so a primary in the same thread, as in the tests, is served);
    // call it before the application's main window exists.
    bool forward(const QStringList &arguments, int timeoutMs = 3000);

    // Why the last listen() or forward() failed, in English (for logs and stderr).
    QString errorString() const { return m_error; }

signals:
    // On the primary, for every acknowledged request.
    void argumentsReceived(const QStringList &arguments, const QString &workingDirectory);

private:
    void onNewConnection();
    void onReadyRead(QLocalSocket *socket, QByteArray &buffer);
    QString lockFilePath() const;

    QString m_serverName;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
    QString m_error;
};

} // namespace lap
