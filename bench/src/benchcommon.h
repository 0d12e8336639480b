// SPDX-License-Identifier: GPL-2.0-or-later
// Shared pieces of the benchmark harness: a monotonic clock shared with other processes, the
// local platform as a child process, statistics, RSS, an event-loop stall probe, a paint
// watcher, and the application objects main.cpp builds.
#pragma once

#include "credentialstore.h"
#include "mainwindow.h"
#include "models.h"
#include "platformclient.h"
#include "ttyendpoint.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QSettings>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimer>
#include <QVector>

#include <functional>
#include <memory>

class QTermWidget;

namespace lapbench {

// CLOCK_MONOTONIC in nanoseconds: the same clock in every process on the machine, so a time
// taken by lap-bench-flood-source on the far side of the PTY compares with ours.
qint64 nowNs();
inline double nsToMs(qint64 ns)
{
    return double(ns) / 1e6;
}

// Nearest-rank percentiles over a copy of `v`, sorted once.
struct Stats
{
    int n = 0;
    double min = 0, median = 0, p99 = 0, max = 0, mean = 0;
    QJsonObject toJson() const;
};
Stats statsOf(QVector<double> v);
QJsonArray toJsonArray(const QVector<double> &v);
QVector<double> fromJsonArray(const QJsonArray &a);

// VmRSS / VmHWM of this process, in KiB.
struct Rss
{
    qint64 rssKb = 0;
    qint64 hwmKb = 0;
};
Rss readRss();

// Processes events until `done()` is true or `timeoutMs` passed; `pollMs` bounds how late a
// condition that no event announces is noticed. Returns done().
bool waitFor(const std::function<bool()> &done, int timeoutMs, int pollMs = 5);
// Processes events for `ms` (settling between runs; never part of a measurement).
void settle(int ms);

// lap-localplatform as a child process on a free port of 127.0.0.1, its credentials read from
// the 0600 file it writes. Stopped (SIGTERM, so it kills its tmux server) on destruction.
class PlatformProcess
{
public:
    PlatformProcess() = default;
    ~PlatformProcess();
    PlatformProcess(const PlatformProcess &) = delete;
    PlatformProcess &operator=(const PlatformProcess &) = delete;

    // `extraArgs` are lap-localplatform flags (--ready-delay-ms, --command, --no-tmux, ...).
    bool start(const QString &program, const QStringList &extraArgs, QString *error);
    void stop();
    QUrl baseUrl() const { return m_base; }
    QString masterKey() const { return m_key; }
    lap::PlatformConfig config() const;

private:
    // Gets SIGTERM when lap-bench dies, however it dies: no platform (and its tmux server)
    // outlives a crashed benchmark.
#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
    // Qt 5 has no child-process modifier: the hook is a virtual (see start()).
    class ChildProcess : public QProcess
    {
    protected:
        void setupChildProcess() override;
    };
    ChildProcess m_process;
#else
    QProcess m_process;
#endif
    QTemporaryDir m_dir;
    QUrl m_base;
    QString m_key;
};

// The shell every benchmark session runs: the same prompt and start-up everywhere.
QString benchShell();

// Largest gap between two ticks of a fast timer while it runs: how long the GUI thread was
// unable to serve its event loop (the gap minus the interval is the stall).
class StallProbe : public QObject
{
public:
    explicit StallProbe(int intervalMs = 2, QObject *parent = nullptr);
    void start();
    void stop();
    double maxGapMs() const { return nsToMs(m_maxGapNs); }
    double maxStallMs() const;
    int intervalMs() const { return m_timer.interval(); }
    // Called on every tick (sampling something at the probe's rate).
    void setOnTick(std::function<void()> f) { m_onTick = std::move(f); }

private:
    void tick();
    QTimer m_timer;
    qint64 m_last = 0;
    qint64 m_maxGapNs = 0;
    std::function<void()> m_onTick;
};

// Times the end of every paint of one widget: the filter runs the widget's own paint handler
// and takes the time after it, i.e. when the pixels are in the window's backing store.
class PaintWatch : public QObject
{
public:
    explicit PaintWatch(QWidget *widget);
    ~PaintWatch() override;
    // Called after each paint with its end time.
    void setOnPaint(std::function<void(qint64)> f) { m_onPaint = std::move(f); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<QWidget> m_widget; // the widget may go first (a closed tab)
    bool m_inside = false;
    std::function<void(qint64)> m_onPaint;
};

// The emulator widget inside a RemoteTerminal (its receivedData signal fires right after the
// emulator parsed a block into its screen: our "in the terminal" moment).
QTermWidget *termWidgetOf(QWidget *remoteTerminal);

// What main.cpp builds, with a throwaway settings file, signed in to `platform`, shown.
struct App
{
    explicit App(const lap::PlatformConfig &platform, QSize size = QSize(1000, 680));
    ~App();
    QTemporaryDir dir;
    QNetworkAccessManager nam;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<lap::ProfileStore> profiles;
    std::unique_ptr<lap::CredentialStore> keys;
    std::unique_ptr<lap::MainWindow> window;
};
// Waits until `tab` is Connected (false on Failed or timeout).
bool waitConnected(lap::TerminalTab *tab, int timeoutMs);

// A ready session and its TTY endpoint, as lap::SessionOpener delivers them.
struct ReadySession
{
    lap::Session session;
    lap::TtyTarget target;
};
// The app's own PlatformClient and SessionOpener, run to the end under waitFor: a new session
// of `agent` (open), or the existing session `sessionId` (attach: one GET, ready or an error).
// Set-up only, never part of a measurement.
lap::Result<ReadySession> openReadySession(QNetworkAccessManager *nam, const lap::PlatformConfig &c,
                                           const QString &agent, int timeoutMs);
lap::Result<ReadySession> attachReadySession(QNetworkAccessManager *nam,
                                             const lap::PlatformConfig &c, const QString &sessionId,
                                             int timeoutMs);
// PlatformClient::deleteSession, waited for (clean-up between runs).
void deleteSession(QNetworkAccessManager *nam, const lap::PlatformConfig &c, const QString &id);
// ISO-8601 with milliseconds → ms since the epoch (0 when unparsable).
qint64 isoToEpochMs(const QString &iso);

// The machine and the moment: CPU, cores, load average, kernel, Qt and QTermWidget versions.
QJsonObject machineInfo();
double loadAverage1();

// Common command line: --local-platform, --out, scenario-specific options added by callers.
struct Common
{
    QString platform; // lap-localplatform executable
    QString out;      // JSON file to write
};
void addCommonOptions(QCommandLineParser &p);
Common readCommon(const QCommandLineParser &p);
// --runs: measured runs, for the scenarios that repeat a measurement themselves (tti, startup);
// the others reject it.
void addRunsOption(QCommandLineParser &p);
int readRuns(const QCommandLineParser &p);
// Writes {"scenario":…, "machine":…, …body} to `path` (stdout when empty); false on I/O error.
bool writeResult(const QString &path, const QString &scenario, QJsonObject body);

// Scenario entry points (argv[1] names them).
int runTti(const QStringList &args);
int runEcho(const QStringList &args);
int runFlood(const QStringList &args);
int runGenFlood(const QStringList &args);
int runMemory(const QStringList &args);
int runStartup(const QStringList &args);
// Gets the raw argv: it builds its QApplication itself, as main.cpp does.
int runStartupChild(int argc, char *argv[]);
int runBytePath(const QStringList &args);
int runReport(const QStringList &args);

} // namespace lapbench
