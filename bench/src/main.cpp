// SPDX-License-Identifier: GPL-2.0-or-later
// lap-bench <scenario> [options]: one benchmark scenario per invocation, results as JSON.
// bench/run runs them all; see bench/README.md for what each one measures.
#include "benchcommon.h"

#include <QApplication>

#include <csignal>
#include <cstdio>
#include <cstring>

namespace {

struct Scenario
{
    const char *name;
    int (*run)(const QStringList &);
    const char *what;
};

const Scenario kScenarios[] = {
    {"tti", lapbench::runTti, "time to interactive: open agent -> first remote byte drawn"},
    {"echo", lapbench::runEcho, "keystroke echo latency, app vs a bare QWebSocket"},
    {"gen-flood", lapbench::runGenFlood, "write the deterministic flood file"},
    {"flood", lapbench::runFlood, "flood throughput, GUI stall, Ctrl-C delivery, memory"},
    {"memory", lapbench::runMemory, "RSS with 1, 10, 50 tabs of 10000 scrollback lines"},
    {"startup", lapbench::runStartup, "launch to main window shown; with 10 tabs attached"},
    {"bytepath", lapbench::runBytePath, "push N MB socket -> emulator (run under callgrind)"},
    {"report", lapbench::runReport, "aggregate run files into JSON, Markdown and PNG"},
};

void usage()
{
    std::fprintf(stderr, "usage: lap-bench <scenario> [options]   (--help per scenario)\n");
    for (const Scenario &s : kScenarios)
        std::fprintf(stderr, "  %-10s %s\n", s.name, s.what);
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 2) {
        usage();
        return 2;
    }
    // The startup child builds its own QApplication exactly as main.cpp does: that is part of
    // what it measures.
    if (std::strcmp(argv[1], "startup-child") == 0)
        return lapbench::runStartupChild(argc, argv);

    std::signal(SIGPIPE, SIG_IGN);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("lap-bench"));
    QApplication::setOrganizationName(QStringLiteral("lap-desktop"));
    QStringList args = QApplication::arguments();
    const QString name = args.value(1);
    args.removeAt(1); // the parsers see "lap-bench --option ..."
    for (const Scenario &s : kScenarios) {
        if (name == QLatin1String(s.name))
            return s.run(args);
    }
    usage();
    return 2;
}
