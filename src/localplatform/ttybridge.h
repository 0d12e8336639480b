// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ptysession.h"

#include <QObject>
#include <QPointer>
#include <QSize>
#include <QtGlobal>

#include <memory>

class QTcpSocket;
class QWebSocket;
#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
class QTextDecoder;
#else
#include <QStringDecoder>
#endif

namespace lap::local {

// One /tty WebSocket wired to one PTY, speaking the harness protocol (docs/platform-api.md §7):
// binary frames are raw input, text frames are resize/ping JSON or else keystrokes, PTY
// output leaves as UTF-8 text frames. When the program exits the client gets the dim exit
// notice and a close frame without a status code (1005); when the socket goes, the PTY is
// hung up (with tmux, only the tmux client: the session lives on for the next attach).
class TtyBridge : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        PtySession::Spec spec;
        qint64 floodBytes = 0; // sent before any PTY output
        int dropAfterMs = 0;   // abort the socket this long after it opened
        QString spawnError;    // set when the spawn cannot even be attempted
    };

    // Takes ownership of `socket`; `raw` is its TCP socket (for the status-less close frame);
    // `pty` is not started yet and is owned by the caller, who must keep it until finished().
    TtyBridge(const QString &sessionId, QWebSocket *socket, QTcpSocket *raw, PtySession *pty,
              QObject *parent);
    ~TtyBridge() override;

    void start(const Config &config);
    // TCP close without a close frame, as when a pod or a load balancer goes away (1006).
    void drop();

    QString sessionId() const { return m_sessionId; }

    // Exactly `size` bytes of colourful, valid UTF-8; `index` numbers the lines.
    static QByteArray floodChunk(qint64 *index, int size);

Q_SIGNALS:
    void input(const QByteArray &bytes); // everything written to the PTY
    void resized(const QSize &size);
    void closed(); // once, when the socket is gone

private:
    void onText(const QString &message);
    void onBinary(const QByteArray &message);
    void onPtyOutput(const QByteArray &bytes);
    void onPtyFinished(int exitCode, int signal);
    void onBytesWritten(qint64 bytes);
    void onDisconnected();
    void writeToPty(const QByteArray &bytes);
    void sendText(const QString &text);
    void pumpFlood();
    void updateReadGate();
    void closeWithoutStatus();
    QString decode(const QByteArray &bytes);

    QString m_sessionId;
    QWebSocket *m_socket;
    QPointer<QTcpSocket> m_raw;
    QPointer<PtySession> m_pty;
    qint64 m_unacked = 0; // payload queued on the socket and not yet written
    qint64 m_floodLeft = 0;
    qint64 m_floodLine = 0;
    bool m_closing = false;
    bool m_closedEmitted = false;
#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
    std::unique_ptr<QTextDecoder> m_decoder;
#else
    QStringDecoder m_decoder{QStringDecoder::Utf8};
#endif
};

} // namespace lap::local
