// SPDX-License-Identifier: GPL-2.0-or-later
// Startup: `lap-bench startup` starts the local platform (and, for --tabs N, N ready sessions),
// then launches `lap-bench startup-child` as a fresh process per run. The child is main.cpp
// in-process — same QApplication set-up, launch options, services and MainWindow — signed in
// from LAP_BASE_URL/LAP_MASTER_KEY (the single-instance check of main.cpp is left out: each run
// is alone). With tabs, the sessions come back the way a restart brings them back: the
// parent writes them as saved tabs into the child's own settings file (XDG_CONFIG_HOME per run)
// and MainWindow restores them (--method resume passes --resume <id> per session instead).
// The child reports, against the parent's clock taken just before the launch
// (LAP_BENCH_T0_NS; CLOCK_MONOTONIC is shared by all processes): main() entered, the window's
// first paint, and with tabs, every tab connected and its first output parsed.
#include "benchcommon.h"

#include "appinit.h"
#include "launchoptions.h"
#include "remoteterminal.h"
#include "tabsnapshot.h"
#include "terminaltab.h"

#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>

#include <qtermwidget.h>

#include <cstdio>
#include <cstring>
#include <vector>

namespace lapbench {

int runStartup(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    addRunsOption(p);
    p.addOption({QStringLiteral("tabs"), QStringLiteral("sessions to attach at launch"),
                 QStringLiteral("n"), QStringLiteral("0")});
    p.addOption({QStringLiteral("method"), QStringLiteral("restore (saved tabs) or resume"),
                 QStringLiteral("m"), QStringLiteral("restore")});
    p.process(args);
    const Common c = readCommon(p);
    const int measuredRuns = readRuns(p);
    const int tabs = p.value(QStringLiteral("tabs")).toInt();
    const bool restore = p.value(QStringLiteral("method")) != QLatin1String("resume");

    PlatformProcess platform;
    QString error;
    if (!platform.start(c.platform,
                        {QStringLiteral("--ready-delay-ms"), QStringLiteral("0"),
                         QStringLiteral("--command"), benchShell()},
                        &error)) {
        std::fprintf(stderr, "startup: %s\n", qPrintable(error));
        return 1;
    }
    QNetworkAccessManager nam;
    QStringList childArgs{QStringLiteral("startup-child")};
    QList<lap::SavedTab> saved;
    for (int i = 0; i < tabs; ++i) {
        const lap::Result<ReadySession> ready =
            openReadySession(&nam, platform.config(), QStringLiteral("shell"), 20000);
        if (!ready.ok()) {
            std::fprintf(stderr, "startup: could not create session %d: %s\n", i,
                         qPrintable(ready.error.message));
            return 1;
        }
        const QString id = ready.value.session.id;
        if (!restore)
            childArgs << QStringLiteral("--resume") << id;
        lap::SavedTab t;
        t.profile = lap::MainWindow::environmentProfile();
        t.baseUrl = platform.baseUrl();
        t.agentName = QStringLiteral("shell");
        t.sessionId = id;
        t.title = QStringLiteral("shell · ") + id.left(8);
        saved << t;
    }
    QTemporaryDir configs;
    QJsonArray runs;
    int failures = 0;
    for (int i = 0; i < measuredRuns + 1; ++i) { // run 0 warms the page cache, discarded
        // Each run gets settings of its own: the window saves its tabs when it closes.
        const QString config = configs.filePath(QStringLiteral("run%1").arg(i));
        QDir().mkpath(config + QStringLiteral("/lap-desktop"));
        if (restore && !saved.isEmpty()) {
            QSettings s(config + QStringLiteral("/lap-desktop/lap-desktop.conf"),
                        QSettings::IniFormat);
            lap::saveTabs(s, saved);
            s.sync();
        }
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
        env.insert(QStringLiteral("LAP_BENCH_EXPECT_TABS"), QString::number(tabs));
        env.insert(QStringLiteral("LAP_BASE_URL"), platform.baseUrl().toString());
        env.insert(QStringLiteral("LAP_MASTER_KEY"), platform.masterKey());
        const qint64 t0 = nowNs();
        env.insert(QStringLiteral("LAP_BENCH_T0_NS"), QString::number(t0));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), childArgs);
        if (!child.waitForFinished(60000) || child.exitCode() != 0) {
            std::fprintf(stderr, "startup: run %d failed: %s\n", i,
                         child.readAllStandardOutput().constData());
            ++failures;
            child.kill();
            child.waitForFinished(5000);
            continue;
        }
        const QJsonObject r = QJsonDocument::fromJson(child.readAllStandardOutput()).object();
        if (r.isEmpty()) {
            ++failures;
            continue;
        }
        std::fprintf(stderr, "startup tabs %d run %d: shown %.1f ms, tabs ready %.1f ms\n", tabs, i,
                     r.value(QStringLiteral("window_shown_ms")).toDouble(),
                     r.value(QStringLiteral("tabs_output_ms")).toDouble());
        if (i > 0)
            runs.append(r);
        settle(300);
    }
    writeResult(c.out, QStringLiteral("startup"),
                QJsonObject{{QStringLiteral("tabs"), tabs},
                            {QStringLiteral("method"),
                             !tabs     ? QStringLiteral("none")
                             : restore ? QStringLiteral("saved tabs restored by MainWindow")
                                       : QStringLiteral("--resume per session")},
                            {QStringLiteral("runs"), runs},
                            {QStringLiteral("failures"), failures}});
    return failures == 0 ? 0 : 1;
}

int runStartupChild(int argc, char *argv[])
{
    const qint64 tMain = nowNs();
    const qint64 t0 = qEnvironmentVariable("LAP_BENCH_T0_NS").toLongLong();
    // main.cpp's argv: the program name and the launch options, without our scenario name.
    std::vector<char *> av;
    av.push_back(argv[0]);
    for (int i = 2; i < argc; ++i)
        av.push_back(argv[i]);
    int ac = int(av.size());
    av.push_back(nullptr);

    QApplication app(ac, av.data());
    lap::initApplication(app); // main.cpp's set-up, translations included
    const qint64 tApp = nowNs();

    QCommandLineParser parser;
    lap::addLaunchOptions(parser);
    parser.process(app);
    const lap::Result<lap::LaunchOptions> options = lap::readLaunchOptions(
        parser, qEnvironmentVariable("LAP_BASE_URL"), qEnvironmentVariable("LAP_MASTER_KEY"));
    if (!options.ok())
        return 2;
    const int wantTabs = qEnvironmentVariableIntValue("LAP_BENCH_EXPECT_TABS");

    QNetworkAccessManager nam;
    QSettings settings;
    lap::ProfileStore profiles(&settings);
    lap::CredentialStore keys;
    lap::AppServices services{&nam, &settings, &profiles, &keys};
    lap::MainWindow window(services);
    QApplication::setWindowIcon(window.windowIcon()); // as main.cpp does

    qint64 tShown = 0, tConnected = 0, tOutput = 0;
    PaintWatch paints(&window);
    paints.setOnPaint([&](qint64 end) {
        if (!tShown)
            tShown = end;
    });
    window.show();
    window.start(options.value);

    // Tabs exist once start() returns (environment sign-in opens them at once).
    QVector<qint64> firstOutput;
    const QList<lap::TerminalTab *> tabs = window.tabs();
    firstOutput.resize(tabs.size());
    QObject guard;
    for (int i = 0; i < tabs.size(); ++i) {
        QObject::connect(termWidgetOf(tabs[i]->terminal()), &QTermWidget::receivedData, &guard,
                         [&firstOutput, i] {
                             if (!firstOutput[i])
                                 firstOutput[i] = nowNs();
                         });
    }
    auto allConnected = [&] {
        for (lap::TerminalTab *t : tabs) {
            if (t->state() != lap::TerminalTab::State::Connected)
                return false;
        }
        return true;
    };
    auto allOutput = [&] {
        for (qint64 t : firstOutput) {
            if (!t)
                return false;
        }
        return true;
    };
    const bool ok = waitFor(
        [&] {
            if (!tConnected && allConnected())
                tConnected = nowNs();
            if (!tOutput && allOutput())
                tOutput = nowNs();
            return tShown && tabs.size() == wantTabs && tConnected && tOutput;
        },
        30000, 1);
    auto rel = [t0](qint64 t) {
        return t ? nsToMs(t - t0) : -1.0;
    };
    const Rss rss = readRss();
    const QJsonObject r{{QStringLiteral("ok"), ok},
                        {QStringLiteral("main_entered_ms"), rel(tMain)},
                        {QStringLiteral("qapplication_ms"), rel(tApp)},
                        {QStringLiteral("window_shown_ms"), rel(tShown)},
                        {QStringLiteral("tabs"), int(tabs.size())},
                        {QStringLiteral("tabs_connected_ms"), wantTabs ? rel(tConnected) : 0.0},
                        {QStringLiteral("tabs_output_ms"), wantTabs ? rel(tOutput) : 0.0},
                        {QStringLiteral("rss_kb"), double(rss.rssKb)}};
    const QByteArray json = QJsonDocument(r).toJson(QJsonDocument::Compact);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    std::fflush(stdout);
    return ok ? 0 : 1;
}

} // namespace lapbench
