// SPDX-License-Identifier: GPL-2.0-or-later
#include "ptysession.h"

#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace lap::local {

namespace {

constexpr int kReadChunk = 64 * 1024;
// Per notifier activation, so one chatty child cannot starve the rest of the event loop.
constexpr int kReadBudget = 256 * 1024;
constexpr int kKillGraceMs = 2000;
constexpr int kExitPollMs = 50;

int openPidfd(pid_t pid)
{
#ifdef SYS_pidfd_open
    // pidfd_open always returns a close-on-exec descriptor.
    return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
#else
    Q_UNUSED(pid);
    errno = ENOSYS;
    return -1;
#endif
}

// The notifier or timer being retired may be the very sender of the running slot, so it is
// switched off now and deleted later; its descriptor may be closed right after this.
void retire(QSocketNotifier *&notifier)
{
    if (!notifier)
        return;
    notifier->setEnabled(false);
    notifier->blockSignals(true);
    notifier->deleteLater();
    notifier = nullptr;
}

void retire(QTimer *&timer)
{
    if (!timer)
        return;
    timer->stop();
    timer->blockSignals(true);
    timer->deleteLater();
    timer = nullptr;
}

void setCloexecNonblock(int fd)
{
    ::fcntl(fd, F_SETFD, ::fcntl(fd, F_GETFD) | FD_CLOEXEC);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

// Runs in the forked child: only async-signal-safe calls from here on.
[[noreturn]] void execChild(const char *program, char *const argv[], char *const envp[],
                            int errorPipe)
{
    // The parent may ignore or block signals (SIGPIPE, for one); a shell must not inherit that.
    struct sigaction dfl;
    std::memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    for (int sig = 1; sig < NSIG; ++sig)
        ::sigaction(sig, &dfl, nullptr);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);

    // Whatever the parent leaked without O_CLOEXEC (another thread's descriptors, the PTY
    // masters of other sessions) must not reach the agent or the tmux server it may start.
    if (errorPipe > 3)
        ::close_range(3, static_cast<unsigned>(errorPipe) - 1, 0);
    ::close_range(static_cast<unsigned>(errorPipe) + 1, ~0U, 0);

    ::execve(program, argv, envp);
    const int err = errno;
    ssize_t ignored = ::write(errorPipe, &err, sizeof err);
    (void)ignored;
    ::_exit(127);
}

} // namespace

PtySession::PtySession(QObject *parent) : QObject(parent) {}

PtySession::~PtySession()
{
    if (m_pid > 0)
        killHard();
    closeMaster();
    if (m_pidfd >= 0)
        ::close(m_pidfd);
}

bool PtySession::start(const Spec &spec, QString *error)
{
    Q_ASSERT(m_pid == 0 && m_master < 0);
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (spec.program.isEmpty())
        return fail(QStringLiteral("no program to run"));

    // Everything the child needs is prepared before fork(): after it, no allocation.
    std::vector<QByteArray> argStore;
    argStore.reserve(static_cast<size_t>(spec.args.size()) + 1);
    argStore.push_back(spec.program);
    for (const QByteArray &arg : spec.args)
        argStore.push_back(arg);
    std::vector<char *> argv;
    for (QByteArray &arg : argStore)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    std::vector<QByteArray> envStore(spec.env.begin(), spec.env.end());
    std::vector<char *> envp;
    for (QByteArray &var : envStore)
        envp.push_back(var.data());
    envp.push_back(nullptr);

    int errorPipe[2];
    if (::pipe2(errorPipe, O_CLOEXEC) != 0)
        return fail(QStringLiteral("pipe: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));

    const int cols = qBound(1, spec.size.width(), 65535);
    const int rows = qBound(1, spec.size.height(), 65535);
    struct winsize ws;
    std::memset(&ws, 0, sizeof ws);
    ws.ws_col = static_cast<unsigned short>(cols);
    ws.ws_row = static_cast<unsigned short>(rows);

    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, &ws);
    if (pid < 0) {
        const int err = errno;
        ::close(errorPipe[0]);
        ::close(errorPipe[1]);
        return fail(QStringLiteral("forkpty: %1").arg(QString::fromLocal8Bit(std::strerror(err))));
    }
    if (pid == 0)
        execChild(argv[0], argv.data(), envp.data(), errorPipe[1]);

    // forkpty() cannot open the master with O_CLOEXEC; close the window right away.
    setCloexecNonblock(master);
    ::close(errorPipe[1]);
    int childErrno = 0;
    ssize_t got;
    do {
        got = ::read(errorPipe[0], &childErrno, sizeof childErrno);
    } while (got < 0 && errno == EINTR);
    ::close(errorPipe[0]);
    if (got == static_cast<ssize_t>(sizeof childErrno)) {
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        ::close(master);
        return fail(
            QStringLiteral("%1: %2").arg(QString::fromLocal8Bit(spec.program),
                                         QString::fromLocal8Bit(std::strerror(childErrno))));
    }

    m_pid = pid;
    m_master = master;
    m_size = QSize(cols, rows);

    m_readNotifier = new QSocketNotifier(m_master, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &PtySession::onReadable);
    m_writeNotifier = new QSocketNotifier(m_master, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &PtySession::onWritable);

    m_pidfd = openPidfd(pid);
    if (m_pidfd >= 0) {
        m_exitNotifier = new QSocketNotifier(m_pidfd, QSocketNotifier::Read, this);
        connect(m_exitNotifier, &QSocketNotifier::activated, this, &PtySession::onChildMaybeExited);
    } else {
        // Old kernel or a sandbox without pidfds: a cheap WNOHANG poll instead.
        m_exitPoll = new QTimer(this);
        m_exitPoll->setInterval(kExitPollMs);
        connect(m_exitPoll, &QTimer::timeout, this, &PtySession::onChildMaybeExited);
        m_exitPoll->start();
    }
    return true;
}

void PtySession::write(const QByteArray &bytes)
{
    if (m_master < 0 || bytes.isEmpty())
        return;
    m_writeQueue.append(bytes);
    onWritable();
}

void PtySession::onWritable()
{
    while (m_master >= 0 && !m_writeQueue.isEmpty()) {
        const ssize_t n =
            ::write(m_master, m_writeQueue.constData(), static_cast<size_t>(m_writeQueue.size()));
        if (n > 0) {
            m_writeQueue.remove(0, static_cast<int>(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;            // the PTY is full: wait until the child reads
        m_writeQueue.clear(); // EIO: the child side is gone; nothing will ever read this
        break;
    }
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(m_master >= 0 && !m_writeQueue.isEmpty());
}

bool PtySession::resize(int cols, int rows)
{
    if (m_master < 0 || cols < 1 || rows < 1 || cols > 65535 || rows > 65535)
        return false;
    struct winsize ws;
    std::memset(&ws, 0, sizeof ws);
    ws.ws_col = static_cast<unsigned short>(cols);
    ws.ws_row = static_cast<unsigned short>(rows);
    if (::ioctl(m_master, TIOCSWINSZ, &ws) != 0)
        return false;
    m_size = QSize(cols, rows);
    return true;
}

void PtySession::setReadEnabled(bool enabled)
{
    m_readEnabled = enabled;
    if (m_readNotifier)
        m_readNotifier->setEnabled(enabled && m_master >= 0);
}

void PtySession::onReadable()
{
    char buf[kReadChunk];
    int budget = kReadBudget;
    while (m_master >= 0 && m_readEnabled && budget > 0) {
        const ssize_t n = ::read(m_master, buf, sizeof buf);
        if (n > 0) {
            budget -= static_cast<int>(n);
            emit output(QByteArray(buf, static_cast<int>(n)));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        // EOF or EIO: every slave descriptor is closed, the child is exiting.
        if (m_readNotifier)
            m_readNotifier->setEnabled(false);
        onChildMaybeExited();
        return;
    }
}

void PtySession::drainOutput()
{
    if (m_master < 0)
        return;
    // Bounded: after the child is gone only a leftover grandchild could keep writing.
    char buf[kReadChunk];
    for (int budget = 4 * kReadBudget; budget > 0;) {
        const ssize_t n = ::read(m_master, buf, sizeof buf);
        if (n > 0) {
            budget -= static_cast<int>(n);
            emit output(QByteArray(buf, static_cast<int>(n)));
        } else if (!(n < 0 && errno == EINTR)) {
            break;
        }
    }
}

void PtySession::onChildMaybeExited()
{
    // A child still running (the slave closed first) is left to the pidfd or the poll.
    if (m_pid > 0)
        reap(false);
}

void PtySession::reap(bool block)
{
    int status = 0;
    pid_t r;
    do {
        r = ::waitpid(static_cast<pid_t>(m_pid), &status, block ? 0 : WNOHANG);
    } while (r < 0 && errno == EINTR);
    if (r == 0)
        return;
    int exitCode = -1;
    int signal = 0;
    if (r > 0 && WIFEXITED(status))
        exitCode = WEXITSTATUS(status);
    else if (r > 0 && WIFSIGNALED(status))
        signal = WTERMSIG(status);
    // r < 0 (ECHILD): someone else reaped it; report an unknown code.
    m_pid = 0;
    retire(m_exitNotifier);
    retire(m_exitPoll);
    retire(m_killTimer);
    if (m_pidfd >= 0) {
        ::close(m_pidfd);
        m_pidfd = -1;
    }
    if (!block) {
        drainOutput();
        closeMaster();
        emit finished(exitCode, signal);
    }
}

void PtySession::closeMaster()
{
    retire(m_readNotifier);
    retire(m_writeNotifier);
    m_writeQueue.clear();
    if (m_master >= 0) {
        ::close(m_master);
        m_master = -1;
    }
}

void PtySession::terminate()
{
    if (m_pid <= 0 || m_terminating)
        return;
    m_terminating = true;
    // A tmux client exits on SIGHUP and leaves its session running in the server, exactly
    // what closing the harness PTY does; a bare shell exits too. Closing the master hangs
    // up the terminal for the rest of the foreground job.
    ::kill(static_cast<pid_t>(m_pid), SIGHUP);
    closeMaster();
    m_killTimer = new QTimer(this);
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, [this] {
        if (m_pid > 0)
            ::kill(static_cast<pid_t>(m_pid), SIGKILL);
    });
    m_killTimer->start(kKillGraceMs);
}

void PtySession::killHard()
{
    ::kill(static_cast<pid_t>(m_pid), SIGKILL);
    reap(true);
}

} // namespace lap::local
