// SPDX-License-Identifier: GPL-2.0-or-later
// lap-bench-flood-source <file> <sigint-log> [--stop-on-sigint]
//
// What a flood session runs on its PTY (lap-localplatform --no-tmux --command …): copies
// <file> to stdout as fast as the PTY takes it, then waits for the hang-up. Output
// post-processing is turned off so the bytes reach the client unchanged (the file already has
// CR LF), echo is off, signals stay on: a Ctrl-C typed in the client arrives here as SIGINT,
// and the CLOCK_MONOTONIC time of each one is appended to <sigint-log> (the same clock the
// client reads, so the two compare). With --stop-on-sigint the first Ctrl-C stops the copy
// and the kernel discards what is queued on the PTY, as for `cat` killed by Ctrl-C; without
// it the copy goes on (NOFLSH keeps the stream intact) and every Ctrl-C is only logged.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace {

int g_log = -1;
volatile sig_atomic_t g_stop = 0;
bool g_stopOnSigint = false;

void onSigint(int)
{
    // Only async-signal-safe calls: clock_gettime, write.
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    unsigned long long ns = (unsigned long long)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
    char buf[32];
    int n = 0;
    char rev[24];
    do {
        rev[n++] = char('0' + ns % 10);
        ns /= 10;
    } while (ns && n < 24);
    for (int i = 0; i < n; ++i)
        buf[i] = rev[n - 1 - i];
    buf[n++] = '\n';
    if (g_log >= 0) {
        ssize_t ignored = write(g_log, buf, size_t(n));
        (void)ignored;
    }
    if (g_stopOnSigint)
        g_stop = 1;
}

bool writeAll(const char *p, size_t n)
{
    while (n > 0 && !g_stop) {
        const ssize_t w = write(STDOUT_FILENO, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += w;
        n -= size_t(w);
    }
    return !g_stop;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s <file> <sigint-log> [--stop-on-sigint]\n", argv[0]);
        return 2;
    }
    g_stopOnSigint = argc > 3 && std::strcmp(argv[3], "--stop-on-sigint") == 0;
    g_log = open(argv[2], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    const int in = open(argv[1], O_RDONLY | O_CLOEXEC);
    if (in < 0 || g_log < 0) {
        std::fprintf(stderr, "flood-source: cannot open %s or %s\n", argv[1], argv[2]);
        return 1;
    }
    termios tio;
    if (tcgetattr(STDOUT_FILENO, &tio) == 0) {
        tio.c_oflag &= ~tcflag_t(OPOST);
        tio.c_lflag &= ~tcflag_t(ECHO | ICANON);
        tio.c_lflag |= ISIG;
        if (g_stopOnSigint)
            tio.c_lflag &= ~tcflag_t(NOFLSH);
        else
            tio.c_lflag |= NOFLSH;
        tcsetattr(STDOUT_FILENO, TCSANOW, &tio);
    }
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_handler = onSigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr); // no SA_RESTART: a blocked write returns EINTR

    static char buf[64 * 1024];
    for (;;) {
        const ssize_t n = read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || !writeAll(buf, size_t(n)))
            break;
    }
    // Stay until the client goes (SIGHUP): an exit would make the bridge close the socket.
    for (;;)
        pause();
}
