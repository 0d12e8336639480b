// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"
#include "ttyendpoint.h"
#include "ttywording.h"

#include <QObject>
#include <QTimer>
#include <QWebSocket>

#ifndef QT_NO_SSL
#include <QSslConfiguration>
#include <QSslError>
#else
class QSslConfiguration;
#endif

namespace lap {

// One WebSocket to a sandbox PTY (docs/platform-api.md §7). Keystrokes go out as binary frames,
// resizes as text JSON with positive sizes, a protocol ping every 30 s. Output arrives as raw
// bytes exactly as sent (text frames re-encoded as UTF-8); the terminal's own UTF-8 decoder is
// stateful, so a character split across frames renders right.
class TtyChannel : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Connecting,
        Open,
        Closed
    };
    Q_ENUM(State)

    explicit TtyChannel(QObject *parent = nullptr);
    ~TtyChannel() override;

    // Exactly one of closed() or failed() follows, unless open() is called again first (which
    // silently drops the previous attempt). Safe to call from a slot of this channel.
    void open(const TtyTarget &target);
    // User-requested detach: sends a close frame; emits closed(UserDetached), possibly before
    // returning (Qt often finishes the close handshake synchronously). While still connecting
    // the attempt is dropped and closed(UserDetached) is emitted, never failed().
    void close();
    // Drops the connection without a close handshake (reconnect after a network change);
    // reported as closed(UserDetached) like close(), since the app asked for it.
    void abort();

    // Bytes typed by the user. Ignored (returns false) unless the channel is open.
    bool sendInput(const QByteArray &bytes);
    // Sent only for cols, rows >= 1 and only when different from the last size sent, unless
    // `force` (a reattach must re-send the size).
    bool sendResize(int cols, int rows, bool force = false);

    State state() const { return m_state; }
    void setKeepAliveInterval(int ms); // default 30000; 0 disables
    // TLS settings for wss:// (e.g. the platform's private CA, as PlatformConfig::caFile);
    // applies to the next open().
    void setSslConfiguration(const QSslConfiguration &config);
    // How long open() waits for the upgrade to complete before failing with TtyConnect.
    void setConnectTimeout(int ms); // default 20000; 0 disables
    qint64 bytesReceived() const { return m_conn.bytesReceived; }

    // Flow control for a consumer that cannot keep up (a terminal with a large backlog): while
    // paused the socket is not read, so the kernel's receive window closes and the sender (in
    // the end the remote program) waits. Keystrokes, resizes and pings still go out. What Qt
    // had already read from the kernel when the pause began still arrives (bounded by the
    // kernel's receive buffer). A drop while paused is noticed once reading resumes. A pause
    // ends by itself after kMaxReadPauseMs: Qt closes a connection whose frame stays
    // incomplete for 5 s, so a longer pause would cost the connection. The first pause also
    // caps the socket's kernel receive buffer at kPausedReceiveBuffer: what piles up there
    // while paused arrives in one piece on resume, and Linux lets it grow to several MB.
    // Reset by open().
    static constexpr int kMaxReadPauseMs = 3000;
    static constexpr int kPausedReceiveBuffer = 512 * 1024;
    void setReadPaused(bool paused);
    bool isReadPaused() const { return m_conn.readPaused; }

signals:
    void opened();
    void output(const QByteArray &bytes);
    // Every change of isReadPaused(): setReadPaused(), the pause's own time limit, open(). Lets
    // a caller (or a test) see each pause exactly instead of sampling the flag.
    void readPausedChanged(bool paused);
    void closed(const lap::TtyClose &close);
    // The connection never opened: upgrade rejected (kind TtyUpgrade, httpStatus 401/502/503/
    // ...), the socket failed or no answer within the connect timeout (TtyConnect), or TLS
    // (Tls). Messages as docs/platform-api.md §10 rows 14–16. Always from the event loop.
    void failed(const lap::LapError &error);

private:
    void onConnected();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void onStateChanged(QAbstractSocket::SocketState state);
    void onText(const QString &text);
    void onBinary(const QByteArray &bytes);
    void onConnectTimeout();
#ifndef QT_NO_SSL
    void onSslErrors(const QList<QSslError> &errors);
#endif
    void noteOutput(const QByteArray &bytes);
    void scheduleFailure();
    void reportFailure(quint64 generation);
    TtyClose classifyClose() const;
    void dropSocket();
    void applyReadPause(bool paused); // on m_socket, which exists
    void setState(State s);

    QWebSocket *m_socket = nullptr;
    QTimer m_keepAlive;
    QTimer m_connectTimer;
    QTimer m_pauseLimit; // ends a read pause before Qt's incomplete-frame timeout would
#ifndef QT_NO_SSL
    QSslConfiguration m_sslConfig;
    bool m_haveSslConfig = false;
#endif
    State m_state = State::Idle;
    // Bumped on every open()/close so that queued work for an older socket is ignored.
    quint64 m_generation = 0;

    // What one open() knows about its connection; open() replaces it whole.
    struct Connection
    {
        explicit Connection(const TtyTarget &t = TtyTarget()) : target(t) {}

        TtyTarget target;
        int lastCols = 0;
        int lastRows = 0;
        bool readPaused = false;
        bool receiveBufferCapped = false;
        bool userClosed = false;
        bool failureScheduled = false;
        bool timedOut = false;
        // Qt reports code 1000 both for a real close frame and for a bare TCP drop; these two
        // tell them apart so that a drop can be reported as 1006.
        bool errorWhileOpen = false;
        bool closeFrameReceived = false;
        QString firstError; // the first error text of a failed connect (carries the HTTP status)
        QAbstractSocket::SocketError firstErrorCode = QAbstractSocket::UnknownSocketError;
        bool authChallenged = false; // Qt >= 6.6 asked for credentials: the upgrade got a 401
        QString sslErrors;
        QByteArray tail; // last bytes of output, to recognise the bridge's notices
        qint64 bytesReceived = 0;
    };
    Connection m_conn;
};

} // namespace lap
