// SPDX-License-Identifier: GPL-2.0-or-later
// lap-localplatform: the local platform as a process, for the README demo and for tests
// that need a separate server (flags mirror LocalPlatformOptions; see README.md here).
#include "localplatform.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>

#include <sys/socket.h>
#include <unistd.h>

using lap::local::LocalPlatform;
using lap::local::LocalPlatformOptions;

namespace {

int g_signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    ssize_t ignored = ::write(g_signalPipe[1], &byte, 1);
    (void)ignored;
}

// SIGINT/SIGTERM/SIGHUP quit the event loop, so the destructor kills the tmux server and
// reaps every child instead of leaving shells behind.
void installQuitOnSignals(QCoreApplication *app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [app] {
        char buf[16];
        while (::read(g_signalPipe[0], buf, sizeof buf) > 0) {
        }
        app->quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onTerminationSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (int sig : {SIGINT, SIGTERM, SIGHUP})
        ::sigaction(sig, &sa, nullptr);
}

[[noreturn]] void usageError(const QString &message)
{
    std::fprintf(stderr, "lap-localplatform: %s\n(see --help)\n", qPrintable(message));
    std::exit(2);
}

qint64 parseCount(const QCommandLineParser &parser, const QString &name, qint64 max)
{
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < 0 || value > max)
        usageError(QStringLiteral("--%1 expects an integer from 0 to %2").arg(name).arg(max));
    return value;
}

void printLine(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lap-localplatform"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LAP_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A local, loopback-only LiteLLM Agent Platform: the managed_agents REST API and the /tty\n"
        "WebSocket on one port of 127.0.0.1, with real shells on PTYs (inside tmux when it is\n"
        "installed). For the demo and the integration tests; never exposed beyond loopback."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QList<QCommandLineOption> flags = {
        {QStringLiteral("port"),
         QStringLiteral("TCP port on 127.0.0.1; 0 picks a free one (default 0)."),
         QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("master-key"),
         QStringLiteral(
             "Master key for REST (Authorization: Bearer <key>). Default: $LAP_LOCAL_MASTER_KEY, "
             "else random (then printed at start)."),
         QStringLiteral("key")},
        {QStringLiteral("harness-token"),
         QStringLiteral("Harness token accepted on /tty and returned as tty_token. Default: "
                        "$LAP_LOCAL_HARNESS_TOKEN, else random."),
         QStringLiteral("token")},
        {QStringLiteral("credentials-file"),
         QStringLiteral(
             "Write {\"base\",\"key\",\"tty_token\"} to this file, created with mode 0600."),
         QStringLiteral("path")},
        {QStringLiteral("ready-delay-ms"),
         QStringLiteral("Time a session takes from creating to ready, spread over the phases "
                        "(default 1200; 0 = ready on the next event-loop turn)."),
         QStringLiteral("ms"), QStringLiteral("1200")},
        {QStringLiteral("fail-startup"),
         QStringLiteral(
             "Sessions end in status failed with this failure_reason after the ready delay."),
         QStringLiteral("reason")},
        {QStringLiteral("tty-style"),
         QStringLiteral(
             "How rows point at the terminal: proxy (tty_url, default), sandbox "
             "(sandbox_url on 127.0.0.1) or in-cluster (unreachable sandbox_url, no tty_url)."),
         QStringLiteral("style"), QStringLiteral("proxy")},
        {QStringLiteral("transient-errors"),
         QStringLiteral("The next N GET /sessions/:id answer 502 with an HTML body."),
         QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("advertise-wrong-token"),
         QStringLiteral("Session rows carry a tty_token that /tty rejects (401 on upgrade).")},
        {QStringLiteral("no-tty-token"), QStringLiteral("Session rows carry tty_token null.")},
        {QStringLiteral("drop-after-ms"),
         QStringLiteral(
             "Abort every /tty socket this long after it opens (no close frame: 1006). 0 = never."),
         QStringLiteral("ms"), QStringLiteral("0")},
        {QStringLiteral("flood-bytes"),
         QStringLiteral(
             "On each attach, send this many bytes of coloured text before the PTY output."),
         QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("idle-timeout-ms"),
         QStringLiteral("Idle reaper window: a ready session whose last_seen_at is older dies with "
                        "\"idle timeout\" (default 900000). TTY traffic does not count."),
         QStringLiteral("ms"), QStringLiteral("900000")},
        {QStringLiteral("command"),
         QStringLiteral(
             "Command each session runs (sh -c semantics). Default: $SHELL, else /bin/bash."),
         QStringLiteral("cmd")},
        {QStringLiteral("no-tmux"),
         QStringLiteral("Run the command directly on the PTY: no reattach to the same shell.")},
        {QStringLiteral("extra-agents"),
         QStringLiteral("Add N filler TUI agents (filler-001 ...) to exercise pagination."),
         QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("quiet"), QStringLiteral("Print only the \"listening on\" line.")},
    };
    for (const QCommandLineOption &flag : flags)
        parser.addOption(flag);
    parser.process(app);
    if (!parser.positionalArguments().isEmpty())
        usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    LocalPlatformOptions options;
    options.port = static_cast<quint16>(parseCount(parser, QStringLiteral("port"), 65535));
    options.masterKey = parser.isSet(QStringLiteral("master-key"))
                            ? parser.value(QStringLiteral("master-key"))
                            : qEnvironmentVariable("LAP_LOCAL_MASTER_KEY");
    options.harnessToken = parser.isSet(QStringLiteral("harness-token"))
                               ? parser.value(QStringLiteral("harness-token"))
                               : qEnvironmentVariable("LAP_LOCAL_HARNESS_TOKEN");
    options.credentialsFile = parser.value(QStringLiteral("credentials-file"));
    options.readyDelayMs = static_cast<int>(
        parseCount(parser, QStringLiteral("ready-delay-ms"), lap::local::kMaxDelayMs));
    options.failStartup = parser.value(QStringLiteral("fail-startup"));
    if (parser.isSet(QStringLiteral("fail-startup")) && options.failStartup.isEmpty())
        usageError(QStringLiteral("--fail-startup needs a reason"));
    if (!lap::local::parseTtyStyle(parser.value(QStringLiteral("tty-style")), &options.ttyStyle))
        usageError(QStringLiteral("--tty-style must be proxy, sandbox or in-cluster"));
    options.transientErrors = static_cast<int>(
        parseCount(parser, QStringLiteral("transient-errors"), lap::local::kMaxTransientErrors));
    options.advertiseWrongToken = parser.isSet(QStringLiteral("advertise-wrong-token"));
    options.noTtyToken = parser.isSet(QStringLiteral("no-tty-token"));
    options.dropAfterMs = static_cast<int>(
        parseCount(parser, QStringLiteral("drop-after-ms"), lap::local::kMaxDelayMs));
    options.floodBytes =
        parseCount(parser, QStringLiteral("flood-bytes"), lap::local::kMaxFloodBytes);
    options.idleTimeoutMs =
        parseCount(parser, QStringLiteral("idle-timeout-ms"), lap::local::kMaxIdleTimeoutMs);
    if (options.idleTimeoutMs == 0)
        usageError(QStringLiteral("--idle-timeout-ms must be positive"));
    options.command = parser.value(QStringLiteral("command"));
    options.noTmux = parser.isSet(QStringLiteral("no-tmux"));
    options.extraAgents =
        static_cast<int>(parseCount(parser, QStringLiteral("extra-agents"), 10000));
    // The program's own switch: the library never prints.
    const bool quiet = parser.isSet(QStringLiteral("quiet"));

    std::signal(SIGPIPE, SIG_IGN);
    installQuitOnSignals(&app);

    LocalPlatform platform(options);
    QString error;
    if (!platform.start(&error)) {
        std::fprintf(stderr, "lap-localplatform: %s\n", qPrintable(error));
        return 1;
    }
    const QString base = platform.baseUrl().toString();
    printLine(QStringLiteral("lap-localplatform listening on %1").arg(base));
    if (!quiet) {
        // The master key is printed only when we made it up: otherwise the user has it, and
        // logs are no place for secrets. The harness token is never printed.
        if (platform.masterKeyGenerated())
            printLine(QStringLiteral(
                          "  master key:  %1  (random; set --master-key or LAP_LOCAL_MASTER_KEY)")
                          .arg(platform.masterKey()));
        else
            printLine(QStringLiteral("  master key:  (as given)"));
        if (!options.credentialsFile.isEmpty())
            printLine(QStringLiteral("  credentials: %1 (mode 0600)").arg(options.credentialsFile));
        printLine(QStringLiteral("  terminals:   %1, tty style %2")
                      .arg(platform.usesTmux()
                               ? QStringLiteral("tmux -L %1 (reattach returns to the same shell)")
                                     .arg(platform.tmuxSocketName())
                               : QStringLiteral("no tmux (every attach starts a new shell)"),
                           lap::local::ttyStyleName(options.ttyStyle)));
        QStringList names;
        for (const lap::local::Agent &agent : platform.agents()) {
            if (!agent.name.startsWith(QLatin1String("filler-")))
                names << agent.name;
        }
        printLine(QStringLiteral("  agents:      %1%2")
                      .arg(names.join(QStringLiteral(", ")),
                           options.extraAgents > 0
                               ? QStringLiteral(" (+%1 fillers)").arg(options.extraAgents)
                               : QString()));
        printLine(QStringLiteral("  try:         lap login (URL %1), then lap shell").arg(base));
    }
    return app.exec();
}
