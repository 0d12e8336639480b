// SPDX-License-Identifier: GPL-2.0-or-later
// Time to interactive: MainWindow::openAgent("shell") → the first remote bytes parsed by the
// emulator → the next paint of the terminal display (our "drawn"), and → the shell prompt
// painted. Baselines from the same run: the platform's own ready time (server clock, read back
// from last_seen_at, which the platform sets when the session turns ready), and the reference
// CLI's schedule (sleep 1.5 s before every poll) applied to the same server timings.
#include "benchcommon.h"

#include "remoteterminal.h"
#include "sessionopener.h"
#include "terminaltab.h"
#include "ttychannel.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>

#include <qtermwidget.h>

#include <cmath>
#include <cstdio>
#include <iterator>

namespace lapbench {

namespace {

// The reference CLI sleeps this long before every poll.
constexpr int kCliPollMs = 1500;

// The schedule lap-desktop used before 2026-11-23 (a fixed table, then 1.5 s), kept as a
// what-if so a run shows what the elapsed/8 schedule wins: the delay before poll number
// `attempt` (0-based).
int previousDelay(int attempt)
{
    static const int table[] = {0, 100, 150, 250, 400, 600, 900, 1200, 1500};
    return attempt < int(std::size(table)) ? table[attempt] : 1500;
}

// When a client polling on `schedule` (created → first poll after delay(0) …) learns that the
// session is ready, given when the create answered and when the server turned it ready (both
// ms after t0) and one GET's round trip. Each GET reaches the server after rtt / 2.
double detectAt(double createdMs, double readyMs, double rttMs,
                const std::function<int(int, double)> &delay)
{
    double t = createdMs;
    for (int attempt = 0; attempt < 100000; ++attempt) {
        t += delay(attempt, t - createdMs);
        if (t + rttMs / 2 >= readyMs)
            return t + rttMs;
        t += rttMs; // the next sleep starts when the answer is in
    }
    return t;
}

// One GET /sessions/:id round trip, for the CLI model (its poll answers that much after it is
// sent): a plain QNetworkAccessManager request timed from before it is built to the end of its
// reply, as before. Hand-built on purpose: this time is a measured figure (get_rtt_ms), and
// PlatformClient would add its JSON parsing and queued callback to it.
double getRoundTripMs(QNetworkAccessManager *nam, const PlatformProcess &platform,
                      const QString &id)
{
    const qint64 t0 = nowNs();
    QUrl url = platform.baseUrl();
    url.setPath(QStringLiteral("/api/v1/managed_agents/sessions/") + id);
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + platform.masterKey().toUtf8());
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = nam->get(req);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    if (reply->isFinished() && reply->error() == QNetworkReply::NoError)
        reply->readAll();
    reply->abort();
    reply->deleteLater();
    return nsToMs(nowNs() - t0);
}

struct Marks
{
    qint64 t0 = 0;
    qint64 resolved = 0;    // the agent's name looked up (GET /agents?search=…)
    qint64 created = 0;     // POST …/session answered
    qint64 openerReady = 0; // a poll said ready (our client knows)
    qint64 connected = 0;   // WebSocket open
    qint64 firstOutput = 0; // first bytes from the socket
    qint64 parsed = 0;      // first bytes parsed by the emulator
    qint64 painted = 0;     // first paint after that: the first remote byte drawn
    qint64 prompt = 0;      // first paint showing the shell prompt
    bool failed = false;
};

QJsonObject oneRun(App &app, const PlatformProcess &platform, QNetworkAccessManager *probeNam,
                   int runIndex)
{
    Marks m;
    QEventLoop loop;
    // The row as it is when our client learns it is ready: last_seen_at is then the server's
    // ready time. Read later it may not be (the keep-alive refreshes it once the tab types, and
    // the emulator's answers to tmux's terminal queries count as typing). A separate network
    // manager keeps this request off the tab's connections. It is sent while the run is timed,
    // so it stays the bare request it was in earlier runs (no PlatformClient, whose parsing and
    // queued callback would add work to the measured window).
    QJsonObject rowAtReady;
    QNetworkReply *rowReply = nullptr;
    auto fetchRow = [&](const QString &id) {
        QUrl url = platform.baseUrl();
        url.setPath(QStringLiteral("/api/v1/managed_agents/sessions/") + id);
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", "Bearer " + platform.masterKey().toUtf8());
        rowReply = probeNam->get(req);
        QObject::connect(rowReply, &QNetworkReply::finished, &loop, [&] {
            rowAtReady = QJsonDocument::fromJson(rowReply->readAll()).object();
        });
    };
    m.t0 = nowNs();
    const qint64 wall0 = QDateTime::currentMSecsSinceEpoch();
    lap::TerminalTab *tab = app.window->openAgent(QStringLiteral("shell"));
    const qint64 openReturned = nowNs(); // the tab (and its QTermWidget) exists

    if (auto *opener = tab->findChild<lap::SessionOpener *>()) {
        QObject::connect(opener, &lap::SessionOpener::agentResolved, &loop,
                         [&m] { m.resolved = nowNs(); });
        QObject::connect(opener, &lap::SessionOpener::sessionCreated, &loop,
                         [&m] { m.created = nowNs(); });
        QObject::connect(opener, &lap::SessionOpener::ready, &loop,
                         [&](const lap::Session &session) {
                             if (m.openerReady)
                                 return;
                             m.openerReady = nowNs();
                             fetchRow(session.id);
                         });
    }
    QTermWidget *term = termWidgetOf(tab->terminal());
    QObject::connect(term, &QTermWidget::receivedData, &loop, [&m](const QString &) {
        if (!m.parsed)
            m.parsed = nowNs();
    });
    PaintWatch paints(tab->terminal()->terminalDisplay());
    paints.setOnPaint([&](qint64 end) {
        if (m.parsed && !m.painted)
            m.painted = end;
        // The prompt check reads the screen only after a paint, never on the data path.
        // Rows come back without trailing blanks: the prompt "$ " is a row starting with '$'.
        static const QRegularExpression promptRow(QStringLiteral("(^|\n)\\$"));
        if (m.painted && !m.prompt && tab->terminal()->screenText().contains(promptRow)) {
            m.prompt = end;
            loop.quit();
        }
    });
    bool hooked = false;
    QObject::connect(tab, &lap::TerminalTab::stateChanged, &loop, [&](lap::TerminalTab::State s) {
        using S = lap::TerminalTab::State;
        if (s == S::Connecting && !hooked && tab->channel()) {
            hooked = true;
            QObject::connect(tab->channel(), &lap::TtyChannel::output, &loop, [&m] {
                if (!m.firstOutput)
                    m.firstOutput = nowNs();
            });
        } else if (s == S::Connected && !m.connected) {
            m.connected = nowNs();
        } else if (s == S::Failed) {
            m.failed = true;
            loop.quit();
        }
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();

    const QString sessionId = tab->sessionId();
    waitFor([&] { return !rowReply || rowReply->isFinished(); }, 10000);
    if (rowReply)
        rowReply->deleteLater();
    const QJsonObject &row = rowAtReady;
    const double rtt = getRoundTripMs(&app.nam, platform, sessionId);
    const double serverCreated =
        double(isoToEpochMs(row.value(QStringLiteral("created_at")).toString()) - wall0);
    const double serverReady =
        double(isoToEpochMs(row.value(QStringLiteral("last_seen_at")).toString()) - wall0);

    auto rel = [&m](qint64 t) {
        return t ? nsToMs(t - m.t0) : -1.0;
    };
    QJsonObject r{
        {QStringLiteral("run"), runIndex},
        {QStringLiteral("ok"), !m.failed && m.prompt != 0},
        {QStringLiteral("open_returned_ms"), rel(openReturned)},
        {QStringLiteral("resolved_ms"), rel(m.resolved)},
        {QStringLiteral("created_ms"), rel(m.created)},
        {QStringLiteral("client_ready_ms"), rel(m.openerReady)},
        {QStringLiteral("connected_ms"), rel(m.connected)},
        {QStringLiteral("first_output_ms"), rel(m.firstOutput)},
        {QStringLiteral("first_parsed_ms"), rel(m.parsed)},
        {QStringLiteral("first_drawn_ms"), rel(m.painted)},
        {QStringLiteral("prompt_drawn_ms"), rel(m.prompt)},
        {QStringLiteral("server_created_ms"), serverCreated},
        {QStringLiteral("server_ready_ms"), serverReady},
        {QStringLiteral("get_rtt_ms"), rtt},
    };
    if (m.painted && m.openerReady && m.created) {
        // What follows the poll that saw `ready` (derive the URL, open the socket, first output,
        // draw) costs the CLI what it cost us; only the moment of that poll differs.
        const double afterReady = nsToMs(m.painted - m.openerReady);
        const double created = rel(m.created);
        const double cli =
            detectAt(created, serverReady, rtt, [](int, double) { return kCliPollMs; });
        const double previous = detectAt(
            created, serverReady, rtt, [](int attempt, double) { return previousDelay(attempt); });
        const double ours = detectAt(created, serverReady, rtt, [](int attempt, double el) {
            return lap::pollDelayMs(attempt, qint64(el), 1500);
        });
        r.insert(QStringLiteral("cli_first_drawn_ms"), cli + afterReady);
        r.insert(QStringLiteral("previous_first_drawn_ms"), previous + afterReady);
        r.insert(QStringLiteral("model_ours_first_drawn_ms"), ours + afterReady);
    }
    delete tab;
    deleteSession(&app.nam, platform.config(), sessionId);
    settle(100);
    return r;
}

} // namespace

int runTti(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    addRunsOption(p);
    p.addOption({QStringLiteral("delay-ms"), QStringLiteral("the platform's ready delay"),
                 QStringLiteral("ms"), QStringLiteral("0")});
    p.addOption({QStringLiteral("warmup"), QStringLiteral("discarded runs first"),
                 QStringLiteral("n"), QStringLiteral("2")});
    p.process(args);
    const Common c = readCommon(p);
    const int measuredRuns = readRuns(p);
    const int delay = p.value(QStringLiteral("delay-ms")).toInt();
    const int warmup = p.value(QStringLiteral("warmup")).toInt();

    PlatformProcess platform;
    QString error;
    if (!platform.start(c.platform,
                        {QStringLiteral("--ready-delay-ms"), QString::number(delay),
                         QStringLiteral("--command"), benchShell()},
                        &error)) {
        std::fprintf(stderr, "tti: %s\n", qPrintable(error));
        return 1;
    }
    App app(platform.config());
    QNetworkAccessManager probeNam;
    QJsonArray runs;
    QJsonArray warm;
    int failures = 0;
    for (int i = 0; i < warmup + measuredRuns; ++i) {
        const QJsonObject r = oneRun(app, platform, &probeNam, i);
        if (!r.value(QStringLiteral("ok")).toBool())
            ++failures;
        (i < warmup ? warm : runs).append(r);
        std::fprintf(stderr, "tti delay %d run %d: drawn %.1f ms, prompt %.1f ms\n", delay, i,
                     r.value(QStringLiteral("first_drawn_ms")).toDouble(),
                     r.value(QStringLiteral("prompt_drawn_ms")).toDouble());
    }
    writeResult(c.out, QStringLiteral("tti"),
                QJsonObject{{QStringLiteral("ready_delay_ms"), delay},
                            {QStringLiteral("runs"), runs},
                            {QStringLiteral("warmup_runs"), warm},
                            {QStringLiteral("failures"), failures}});
    return failures == 0 ? 0 : 1;
}

} // namespace lapbench
