// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSize>

class QSocketNotifier;
class QTimer;

namespace lap::local {

// One child process on its own pseudo-terminal (forkpty), driven by the Qt event loop only:
// the master side is non-blocking, reads come from a QSocketNotifier, writes go through a
// queue drained when the PTY has room, and the exit is noticed through a pidfd (or a short
// poll where pidfds are unavailable). Nothing here ever blocks the event loop, except the
// destructor, which kills and reaps a child that is still running.
class PtySession : public QObject
{
    Q_OBJECT
public:
    struct Spec
    {
        QByteArray program;     // absolute path, executed directly (execve, no PATH search)
        QList<QByteArray> args; // argv[1..]
        QList<QByteArray> env;  // complete environment, "NAME=value"
        QSize size{100, 30};    // columns x rows
    };

    explicit PtySession(QObject *parent = nullptr);
    ~PtySession() override;

    // Forks the child. Returns false with a readable reason when the PTY or the exec failed
    // (the exec failure is reported back through a close-on-exec pipe, so it is synchronous).
    bool start(const Spec &spec, QString *error);

    // Queues bytes for the child; never blocks.
    void write(const QByteArray &bytes);
    // TIOCSWINSZ; false for sizes outside 1..65535 or when the PTY is closed.
    bool resize(int cols, int rows);
    QSize size() const { return m_size; }
    // Back-pressure: stop reading the PTY while the consumer is behind.
    void setReadEnabled(bool enabled);

    // Hangs the child up (SIGHUP, then the master closes); SIGKILL if it is still there after
    // a grace period. finished() follows once it has been reaped.
    void terminate();

    bool isRunning() const { return m_pid > 0; }

Q_SIGNALS:
    void output(const QByteArray &bytes);
    // Emitted once, after the child was reaped and its remaining output delivered.
    // `signal` is 0 unless the child was killed by a signal.
    void finished(int exitCode, int signal);

private:
    void onReadable();
    void onWritable();
    void onChildMaybeExited();
    void drainOutput();
    void closeMaster();
    void reap(bool block);
    void killHard();

    int m_master = -1;
    int m_pidfd = -1;
    qint64 m_pid = 0;
    QSize m_size;
    QByteArray m_writeQueue;
    bool m_readEnabled = true;
    bool m_terminating = false;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QSocketNotifier *m_exitNotifier = nullptr;
    QTimer *m_exitPoll = nullptr;
    QTimer *m_killTimer = nullptr;
};

} // namespace lap::local
