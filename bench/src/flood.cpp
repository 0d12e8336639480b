// SPDX-License-Identifier: GPL-2.0-or-later
// Flood: the same file of mixed text (base64 of random bytes, seq-style counters, ANSI
// colours in 16/256/24-bit, UTF-8) rendered by the terminal three ways:
//   emulator       — written into the QTermWidget's PTY by a thread with blocking writes: the
//                    emulator's own ceiling, no network, no queue (the baseline)
//   remoteterminal — RemoteTerminal::writeOutput() in 1 MB steps, no network
//   app            — a MainWindow tab whose session runs lap-bench-flood-source on its PTY, with
//                    TerminalTab's own flow control (reads pause above 1 MiB of backlog)
// Figures: MB/s from the first byte to the last byte painted, the longest event-loop stall
// (2 ms QTimer probe), the terminal's peak backlog and the process's peak RSS, and with
// --ctrl-c, how long a Ctrl-C typed at 30 % takes to reach the remote program (its SIGINT
// time) and how long the screen keeps scrolling after it.
#include "benchcommon.h"

#include "remoteterminal.h"
#include "terminaltab.h"
#include "ttychannel.h"

#include <QApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QKeyEvent>

#include <qtermwidget.h>

#include <atomic>
#include <cstdio>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

namespace lapbench {

namespace {

// Pixel size of the terminal widget inside a 1000×680 MainWindow tab, so that the baselines
// draw the same grid of cells as the app (the JSON records the grid of every run).
const QSize kTermPixels(1000, 593);
constexpr int kQuietMs = 1500;

quint32 nextRandom(quint32 &state)
{
    // xorshift32: deterministic, so every machine floods with the same bytes.
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}

void appendColourLine(QByteArray &out, quint32 &rng, qint64 line)
{
    static const char *const words[] = {"build", "äöü",   "λ→μ",    "✓ ok", "warning:", "─────",
                                        "error", "naïve", "日本語", "fox",  "0x7fff",   "done"};
    const quint32 r = nextRandom(rng);
    switch (r % 3) {
    case 0:
        out += "\x1b[3" + QByteArray::number(1 + r % 7) + "m";
        break;
    case 1:
        out += "\x1b[38;5;" + QByteArray::number(r % 256) + "m";
        break;
    default:
        out += "\x1b[38;2;" + QByteArray::number(r % 256) + ';' +
               QByteArray::number((r >> 8) % 256) + ';' + QByteArray::number((r >> 16) % 256) + 'm';
        break;
    }
    if (r & 0x100)
        out += "\x1b[1m";
    out += "[" + QByteArray::number(line).rightJustified(9, '0') + "] ";
    const int n = 4 + int(r >> 24) % 8;
    for (int i = 0; i < n; ++i) {
        out += words[nextRandom(rng) % (sizeof words / sizeof *words)];
        out += ' ';
    }
    out += "\x1b[0m\r\n";
}

} // namespace

int runGenFlood(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("bytes"), QStringLiteral("file size"), QStringLiteral("n"),
                 QStringLiteral("100000000")});
    p.addOption({QStringLiteral("out"), QStringLiteral("file"), QStringLiteral("path")});
    p.addHelpOption();
    p.process(args);
    const qint64 total = p.value(QStringLiteral("bytes")).toLongLong();
    QFile f(p.value(QStringLiteral("out")));
    if (total <= 0 || !f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "gen-flood: need --bytes > 0 and a writable --out\n");
        return 1;
    }
    quint32 rng = 0x2545f491;
    qint64 written = 0;
    qint64 line = 0;
    QByteArray chunk;
    // Runs of 25 lines of one kind: base64 of random bytes, a counter as `seq` prints it,
    // coloured lines with UTF-8.
    while (written < total) {
        chunk.clear();
        while (chunk.size() < (1 << 20)) {
            const int kind = int((line / 25) % 3);
            if (kind == 0) {
                QByteArray raw(57, Qt::Uninitialized);
                for (char &c : raw)
                    c = char(nextRandom(rng));
                chunk += raw.toBase64() + "\r\n";
            } else if (kind == 1) {
                chunk += QByteArray::number(line) + "\r\n";
            } else {
                appendColourLine(chunk, rng, line);
            }
            ++line;
        }
        if (written + chunk.size() > total) {
            // Cut at a line end and pad with ASCII: the file stays valid UTF-8 with whole
            // escape sequences.
            const qint64 room = total - written;
            int cut = chunk.lastIndexOf('\n', int(room) - 3);
            chunk.truncate(cut < 0 ? 0 : cut + 1);
            const qint64 pad = room - chunk.size();
            if (pad >= 2)
                chunk += QByteArray(int(pad - 2), '.') + "\r\n";
            else
                chunk += QByteArray(int(pad), '.');
        }
        if (f.write(chunk) != chunk.size())
            return 1;
        written += chunk.size();
    }
    std::fprintf(stderr, "gen-flood: %lld bytes, %lld lines\n", written, line);
    return 0;
}

namespace {

struct Flood
{
    qint64 fileSize = 0;
    qint64 tFirst = 0;      // first byte handed to the terminal path
    qint64 tParsedAll = 0;  // last byte parsed by the emulator
    qint64 tPainted = 0;    // the paint after that: fully rendered
    qint64 tLastParsed = 0; // latest parse (after a Ctrl-C: when the screen stopped)
    qint64 parsed = 0;
    qint64 parseCalls = 0; // blocks the emulator read from its PTY
    qint64 pendingPeak = 0;
    qint64 rssBeforeKb = 0;
    qint64 rssPeakSampledKb = 0;
    // Ctrl-C
    double ctrlCAt = -1; // fraction of the file parsed when it is typed; <0: none
    qint64 tInject = 0;
    qint64 tKeyHandled = 0;
    qint64 backlogAtInject = 0; // received by the app, not yet parsed
    bool done = false;
};

// Reads the SIGINT times logged by lap-bench-flood-source.
QVector<qint64> readSigints(const QString &path)
{
    QVector<qint64> out;
    QFile f(path);
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &l : f.readAll().split('\n')) {
            if (!l.trimmed().isEmpty())
                out << l.trimmed().toLongLong();
        }
    }
    return out;
}

} // namespace

int runFlood(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("mode"), QStringLiteral("emulator|remoteterminal|app"),
                 QStringLiteral("mode"), QStringLiteral("app")});
    p.addOption(
        {QStringLiteral("file"), QStringLiteral("flood file (gen-flood)"), QStringLiteral("path")});
    p.addOption({QStringLiteral("source"), QStringLiteral("lap-bench-flood-source"),
                 QStringLiteral("path")});
    p.addOption({QStringLiteral("ctrl-c"), QStringLiteral("type Ctrl-C at this fraction"),
                 QStringLiteral("f")});
    p.process(args);
    const Common c = readCommon(p);
    const QString mode = p.value(QStringLiteral("mode"));
    const QString file = QFileInfo(p.value(QStringLiteral("file"))).absoluteFilePath();
    const bool appMode = mode == QLatin1String("app");

    Flood fl;
    fl.fileSize = QFileInfo(file).size();
    if (p.isSet(QStringLiteral("ctrl-c")))
        fl.ctrlCAt = p.value(QStringLiteral("ctrl-c")).toDouble();
    if (fl.fileSize <= 0) {
        std::fprintf(stderr, "flood: no file %s\n", qPrintable(file));
        return 1;
    }

    QTemporaryDir tmp;
    const QString sigintLog = tmp.filePath(QStringLiteral("sigint.log"));
    std::unique_ptr<PlatformProcess> platform;
    std::unique_ptr<App> app;
    std::unique_ptr<lap::RemoteTerminal> standalone;
    lap::RemoteTerminal *terminal = nullptr;
    lap::TerminalTab *tab = nullptr;

    if (appMode) {
        platform = std::make_unique<PlatformProcess>();
        QString error;
        // Single quotes: the command runs with sh -c semantics; our paths hold none.
        QString cmd = QStringLiteral("'%1' '%2' '%3'")
                          .arg(p.value(QStringLiteral("source")), file, sigintLog);
        if (fl.ctrlCAt >= 0)
            cmd += QStringLiteral(" --stop-on-sigint");
        if (!platform->start(c.platform,
                             {QStringLiteral("--ready-delay-ms"), QStringLiteral("0"),
                              QStringLiteral("--no-tmux"), QStringLiteral("--command"), cmd},
                             &error)) {
            std::fprintf(stderr, "flood: %s\n", qPrintable(error));
            return 1;
        }
        app = std::make_unique<App>(platform->config());
        fl.rssBeforeKb = readRss().rssKb;
        tab = app->window->openAgent(QStringLiteral("shell"));
        terminal = tab->terminal();
    } else {
        standalone = std::make_unique<lap::RemoteTerminal>();
        standalone->resize(kTermPixels);
        standalone->show();
        waitFor([&] { return standalone->terminalSize().width() > 1; }, 5000);
        settle(200);
        fl.rssBeforeKb = readRss().rssKb;
        terminal = standalone.get();
    }

    QEventLoop loop;
    QObject guard;
    StallProbe probe(2);
    int sampleTick = 0;
    probe.setOnTick([&] {
        fl.pendingPeak = std::max(fl.pendingPeak, terminal->pendingOutputBytes());
        if (++sampleTick % 25 == 0)
            fl.rssPeakSampledKb = std::max(fl.rssPeakSampledKb, readRss().rssKb);
        // After a Ctrl-C the stream ends early: done once it has been quiet for a while.
        if (fl.tInject && !fl.done && nsToMs(nowNs() - fl.tLastParsed) > kQuietMs) {
            fl.done = true;
            loop.quit();
        }
    });
    auto markFirst = [&] {
        if (!fl.tFirst) {
            fl.tFirst = nowNs();
            probe.start();
        }
    };
    QWidget *display = terminal->terminalDisplay();
    QTermWidget *term = termWidgetOf(terminal);
    PaintWatch paints(display);
    paints.setOnPaint([&](qint64 end) {
        if (fl.tParsedAll && !fl.tPainted) {
            fl.tPainted = end;
            fl.done = true;
            loop.quit();
        }
    });
    QObject::connect(terminal, &lap::RemoteTerminal::input, &guard, [&](const QByteArray &b) {
        if (fl.tInject && !fl.tKeyHandled && b == "\x03")
            fl.tKeyHandled = nowNs();
    });
    QObject::connect(term, &QTermWidget::receivedData, &guard, [&](const QString &text) {
        fl.parsed += text.size(); // one QChar per byte (the signal decodes as Latin-1)
        ++fl.parseCalls;
        fl.tLastParsed = nowNs();
        if (!fl.tParsedAll && fl.parsed >= fl.fileSize)
            fl.tParsedAll = fl.tLastParsed;
        if (fl.ctrlCAt >= 0 && !fl.tInject && fl.parsed >= qint64(fl.ctrlCAt * fl.fileSize)) {
            // Posted, not sent: a real key waits in the event queue like this one.
            fl.tInject = nowNs();
            fl.backlogAtInject =
                (tab && tab->channel() ? tab->channel()->bytesReceived() : fl.fileSize) - fl.parsed;
            QApplication::postEvent(display,
                                    new QKeyEvent(QEvent::KeyPress, Qt::Key_C, Qt::ControlModifier,
                                                  QStringLiteral("\x03")));
            QApplication::postEvent(display,
                                    new QKeyEvent(QEvent::KeyRelease, Qt::Key_C,
                                                  Qt::ControlModifier, QStringLiteral("\x03")));
        }
    });

    std::thread writer;
    std::atomic<bool> stopWriter{false};
    QFile source(file);
    if (mode == QLatin1String("emulator")) {
        // The emulator reads the master side; write the slave through a fresh, blocking open
        // of the same PTY (RemoteTerminal made its descriptor non-blocking).
        const QString slave =
            QFile::symLinkTarget(QStringLiteral("/proc/self/fd/%1").arg(term->getPtySlaveFd()));
        const int fd = ::open(QFile::encodeName(slave).constData(), O_WRONLY | O_NOCTTY);
        if (fd < 0) {
            std::fprintf(stderr, "flood: cannot open %s\n", qPrintable(slave));
            return 1;
        }
        markFirst();
        writer = std::thread([fd, file, &stopWriter] {
            QFile in(file);
            if (!in.open(QIODevice::ReadOnly))
                return;
            QByteArray buf(64 * 1024, Qt::Uninitialized);
            qint64 n;
            while (!stopWriter && (n = in.read(buf.data(), buf.size())) > 0) {
                const char *p = buf.constData();
                while (n > 0 && !stopWriter) {
                    const ssize_t w = ::write(fd, p, size_t(n));
                    if (w < 0 && errno == EINTR)
                        continue;
                    if (w < 0)
                        return;
                    p += w;
                    n -= w;
                }
            }
            ::close(fd);
        });
    } else if (mode == QLatin1String("remoteterminal")) {
        if (!source.open(QIODevice::ReadOnly))
            return 1;
        auto feed = [&] {
            const QByteArray chunk = source.read(1 << 20);
            if (!chunk.isEmpty())
                terminal->writeOutput(chunk);
        };
        QObject::connect(terminal, &lap::RemoteTerminal::outputDrained, &guard, feed);
        markFirst();
        feed();
    } else if (appMode) {
        QObject::connect(
            tab, &lap::TerminalTab::stateChanged, &guard, [&](lap::TerminalTab::State s) {
                using S = lap::TerminalTab::State;
                if (s == S::Failed) {
                    loop.quit();
                    return;
                }
                if (s != S::Connecting || !tab->channel())
                    return;
                lap::TtyChannel *ch = tab->channel();
                // After TerminalTab's own output handler (connected first), so
                // pendingOutputBytes() already counts the chunk.
                QObject::connect(ch, &lap::TtyChannel::output, &guard, [&] {
                    markFirst();
                    fl.pendingPeak = std::max(fl.pendingPeak, terminal->pendingOutputBytes());
                });
            });
    } else {
        std::fprintf(stderr, "flood: unknown mode %s\n", qPrintable(mode));
        return 2;
    }

    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    if (!fl.done)
        loop.exec();
    probe.stop();
    stopWriter = true;
    if (writer.joinable()) {
        // A writer blocked on a full PTY needs the emulator to read; keep the loop turning.
        waitFor([&] { return false; }, 200);
        writer.detach();
    }
    const Rss rss = readRss();
    const QVector<qint64> sigints = readSigints(sigintLog);

    const double seconds = fl.tPainted ? nsToMs(fl.tPainted - fl.tFirst) / 1000.0 : 0;
    QJsonObject r{
        {QStringLiteral("mode"), mode},
        {QStringLiteral("file_bytes"), double(fl.fileSize)},
        {QStringLiteral("parsed_bytes"), double(fl.parsed)},
        {QStringLiteral("bytes_per_parse"), fl.parseCalls ? double(fl.parsed) / fl.parseCalls : 0},
        {QStringLiteral("complete"), fl.tPainted != 0},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("mb_per_s"), seconds > 0 ? fl.fileSize / 1e6 / seconds : 0},
        {QStringLiteral("max_stall_ms"), probe.maxStallMs()},
        {QStringLiteral("probe_interval_ms"), probe.intervalMs()},
        {QStringLiteral("pending_peak_bytes"), double(fl.pendingPeak)},
        {QStringLiteral("rss_before_kb"), double(fl.rssBeforeKb)},
        {QStringLiteral("rss_peak_kb"), double(rss.hwmKb)},
        {QStringLiteral("rss_growth_kb"), double(rss.hwmKb - fl.rssBeforeKb)},
        {QStringLiteral("cols"), terminal->terminalSize().width()},
        {QStringLiteral("rows"), terminal->terminalSize().height()},
    };
    if (fl.ctrlCAt >= 0) {
        r.insert(QStringLiteral("ctrl_c_at"), fl.ctrlCAt);
        r.insert(QStringLiteral("ctrl_c_key_handled_ms"),
                 fl.tKeyHandled ? nsToMs(fl.tKeyHandled - fl.tInject) : -1);
        r.insert(QStringLiteral("ctrl_c_delivered_ms"),
                 fl.tInject && !sigints.isEmpty() ? nsToMs(sigints.first() - fl.tInject) : -1);
        r.insert(QStringLiteral("ctrl_c_screen_stopped_ms"),
                 fl.tInject ? nsToMs(fl.tLastParsed - fl.tInject) : -1);
        r.insert(QStringLiteral("ctrl_c_backlog_bytes"), double(fl.backlogAtInject));
        r.insert(QStringLiteral("sigints"), int(sigints.size()));
    }
    std::fprintf(
        stderr, "flood %s: %.1f MB/s, stall %.1f ms, pending peak %.1f MB, rss +%.1f MB%s\n",
        qPrintable(mode), r.value(QStringLiteral("mb_per_s")).toDouble(), probe.maxStallMs(),
        fl.pendingPeak / 1e6, (rss.hwmKb - fl.rssBeforeKb) / 1024.0,
        fl.ctrlCAt >= 0
            ? qPrintable(QStringLiteral(", ctrl-c %1 ms, stopped after %2 ms")
                             .arg(r.value(QStringLiteral("ctrl_c_delivered_ms")).toDouble())
                             .arg(r.value(QStringLiteral("ctrl_c_screen_stopped_ms")).toDouble()))
            : "");
    writeResult(c.out, QStringLiteral("flood"), r);
    app.reset();
    platform.reset();
    tmp.remove();
    std::fflush(nullptr);
    // A detached writer thread may still hold the PTY: leave without running destructors.
    _exit(0);
}

} // namespace lapbench
