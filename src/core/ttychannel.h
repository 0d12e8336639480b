// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"
#include "ttyendpoint.h"

#include <QObject>
#include <QTimer>
#include <QWebSocket>

namespace lap {

// How a terminal connection ended.
struct TtyClose
{
    enum class Reason {
        UserDetached, // close() was called (Ctrl-D, tab closed)
        AgentExited,  // the bridge printed "[bridge] process exited" and closed (1005)
        SpawnFailed,  // the bridge printed "[bridge] failed to spawn" and closed
        Dropped       // anything else: 1006 abnormal, 1001 going away, network loss
    };
    Reason reason = Reason::Dropped;
    int code = 0;       // WebSocket close code, 0 when none was received
    QString codeReason; // the close frame's reason text
    QString notice;     // the bridge's notice line, if any, without ANSI

    // "Connection lost (code 1006: abnormal closure)" and friends; empty for UserDetached.
    QString describe() const;
};

// Short names for close codes: 1000 normal closure, 1001 going away, 1005 no status,
// 1006 abnormal closure, 1008 policy violation, 1011 server error, else "code N".
QString closeCodeName(int code);

// One WebSocket to a sandbox PTY (platform-api.md §7). Keystrokes go out as binary frames,
// resizes as text JSON with positive sizes, a protocol ping every 30 s. Output arrives as raw
// bytes exactly as sent (text frames re-encoded as UTF-8); the terminal's own UTF-8 decoder is
// stateful, so a character split across frames renders right.
class TtyChannel : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Open, Closed };
    Q_ENUM(State)

    explicit TtyChannel(QObject *parent = nullptr);
    ~TtyChannel() override;

    void open(const TtyTarget &target);
    // User-requested detach: sends a close frame; emits closed(UserDetached).
    void close();
    // Drops the connection without a close handshake (tests, reconnect after network change).
    void abort();

    // Bytes typed by the user. Ignored (returns false) unless the channel is open.
    bool sendInput(const QByteArray &bytes);
    // Sent only for cols, rows >= 1 and only when different from the last size sent, unless
    // `force` (a reattach must re-send the size).
    bool sendResize(int cols, int rows, bool force = false);

    State state() const { return m_state; }
    void setKeepAliveInterval(int ms); // default 30000; 0 disables
    qint64 bytesReceived() const { return m_bytesReceived; }

signals:
    void opened();
    void output(const QByteArray &bytes);
    void closed(const lap::TtyClose &close);
    // The connection never opened: upgrade rejected (error.httpStatus 401/502/503/...) or the
    // socket failed (refused, TLS). Messages as platform-api.md §10 rows 14–16.
    void failed(const lap::LapError &error);

private:
    void onConnected();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void onText(const QString &text);
    void onBinary(const QByteArray &bytes);
    void noteOutput(const QByteArray &bytes);
    void setState(State s);

    QWebSocket *m_socket = nullptr;
    QTimer m_keepAlive;
    TtyTarget m_target;
    State m_state = State::Idle;
    int m_lastCols = 0;
    int m_lastRows = 0;
    bool m_userClosed = false;
    bool m_failedReported = false;
    QByteArray m_tail; // last bytes of output, to recognise the bridge's notices
    qint64 m_bytesReceived = 0;
};

} // namespace lap

Q_DECLARE_METATYPE(lap::TtyClose)
