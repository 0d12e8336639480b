// SPDX-License-Identifier: GPL-2.0-or-later
// Memory: VmRSS of the process with 1, 10 and 50 tabs attached, each tab's scrollback full
// (the platform sends --flood-bytes of coloured lines on every attach, more than the default
// 10000 lines of history hold; the shell runs without tmux, whose alternate screen has no
// scrollback). Tabs are opened one after another through
// MainWindow::openAgent, each filled before the next, as a user would.
#include "benchcommon.h"

#include "remoteterminal.h"
#include "terminaltab.h"
#include "ttychannel.h"

#include <QJsonArray>

#include <qtermwidget.h>

#include <cstdio>
#include <malloc.h>

namespace lapbench {

int runMemory(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("marks"), QStringLiteral("tab counts to measure at"),
                 QStringLiteral("list"), QStringLiteral("1,10,50")});
    p.addOption({QStringLiteral("flood-bytes"), QStringLiteral("bytes sent on each attach"),
                 QStringLiteral("n"), QStringLiteral("1000000")});
    p.process(args);
    const Common c = readCommon(p);
    QVector<int> marks;
    for (const QString &m : p.value(QStringLiteral("marks")).split(QLatin1Char(',')))
        marks << m.toInt();
    std::sort(marks.begin(), marks.end());
    const qint64 floodBytes = p.value(QStringLiteral("flood-bytes")).toLongLong();

    PlatformProcess platform;
    QString error;
    if (!platform.start(c.platform,
                        // No tmux: it would switch to the alternate screen, which has no
                        // scrollback, and keep the history out of the emulator.
                        {QStringLiteral("--ready-delay-ms"), QStringLiteral("0"),
                         QStringLiteral("--no-tmux"), QStringLiteral("--flood-bytes"),
                         QString::number(floodBytes), QStringLiteral("--command"), benchShell()},
                        &error)) {
        std::fprintf(stderr, "memory: %s\n", qPrintable(error));
        return 1;
    }
    App app(platform.config());
    settle(500);
    const Rss empty = readRss();
    QJsonArray points;
    QList<lap::TerminalTab *> tabs;
    int scrollback = 0;
    for (int n = 1; n <= marks.last(); ++n) {
        lap::TerminalTab *tab = app.window->openAgent(QStringLiteral("shell"));
        tabs << tab;
        if (!waitConnected(tab, 30000)) {
            std::fprintf(stderr, "memory: tab %d did not connect\n", n);
            return 1;
        }
        QTermWidget *term = termWidgetOf(tab->terminal());
        scrollback = tab->terminal()->settings().scrollbackLines;
        // Filled: the flood is in, the history is at its cap, the prompt is on screen.
        const bool filled = waitFor(
            [&] {
                return tab->channel()->bytesReceived() >= floodBytes &&
                       term->historyLinesCount() >= scrollback &&
                       tab->terminal()->pendingOutputBytes() == 0;
            },
            60000, 10);
        if (!filled) {
            std::fprintf(stderr, "memory: tab %d has %d history lines\n", n,
                         term->historyLinesCount());
            return 1;
        }
        settle(50);
        if (marks.contains(n)) {
            settle(1000);
            const Rss r = readRss();
            int minHistory = INT_MAX;
            for (lap::TerminalTab *t : tabs)
                minHistory = std::min(minHistory, termWidgetOf(t->terminal())->historyLinesCount());
            // What glibc keeps of freed memory (transient buffers of the floods) is not the
            // tabs' cost; report RSS both as the kernel sees it and after returning that.
            malloc_trim(0);
            settle(200);
            const Rss trimmed = readRss();
            points.append(QJsonObject{{QStringLiteral("tabs"), n},
                                      {QStringLiteral("rss_kb"), double(r.rssKb)},
                                      {QStringLiteral("rss_trimmed_kb"), double(trimmed.rssKb)},
                                      {QStringLiteral("min_history_lines"), minHistory}});
            std::fprintf(stderr, "memory: %d tabs: RSS %.1f MB (%.1f MB after malloc_trim)\n", n,
                         r.rssKb / 1024.0, trimmed.rssKb / 1024.0);
        }
    }
    writeResult(c.out, QStringLiteral("memory"),
                QJsonObject{{QStringLiteral("no_tabs_rss_kb"), double(empty.rssKb)},
                            {QStringLiteral("scrollback_lines"), scrollback},
                            {QStringLiteral("flood_bytes_per_tab"), double(floodBytes)},
                            {QStringLiteral("points"), points}});
    return 0;
}

} // namespace lapbench
