// SPDX-License-Identifier: GPL-2.0-or-later
#include "benchcommon.h"

#include "sessionopener.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QPaintEvent>
#include <QSysInfo>
#include <QThread>
#include <QWidget>
#include <QWindow>

#include <qtermwidget.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <optional>
#include <sys/prctl.h>

namespace lapbench {

qint64 nowNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

namespace {

// Nearest rank over a sorted, non-empty vector: the smallest value with at least p % of the
// samples at or below it.
double percentileOfSorted(const QVector<double> &sorted, double p)
{
    const int rank = std::max(1, int(std::ceil(p / 100.0 * sorted.size())));
    return sorted.at(std::min(rank, int(sorted.size())) - 1);
}

} // namespace

Stats statsOf(QVector<double> v)
{
    Stats s;
    s.n = v.size();
    if (v.isEmpty())
        return s;
    std::sort(v.begin(), v.end());
    s.min = v.first();
    s.max = v.last();
    s.median = percentileOfSorted(v, 50);
    s.p99 = percentileOfSorted(v, 99);
    double sum = 0;
    for (double x : v)
        sum += x;
    s.mean = sum / v.size();
    return s;
}

QJsonObject Stats::toJson() const
{
    return QJsonObject{{QStringLiteral("n"), n},           {QStringLiteral("min"), min},
                       {QStringLiteral("median"), median}, {QStringLiteral("p99"), p99},
                       {QStringLiteral("max"), max},       {QStringLiteral("mean"), mean}};
}

QJsonArray toJsonArray(const QVector<double> &v)
{
    QJsonArray a;
    for (double x : v)
        a.append(x);
    return a;
}

QVector<double> fromJsonArray(const QJsonArray &a)
{
    QVector<double> v;
    v.reserve(a.size());
    for (const QJsonValue &x : a)
        v.append(x.toDouble());
    return v;
}

Rss readRss()
{
    Rss r;
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return r;
    for (const QByteArray &line : f.readAll().split('\n')) {
        auto value = [&line] {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        };
        if (line.startsWith("VmRSS:"))
            r.rssKb = value();
        else if (line.startsWith("VmHWM:"))
            r.hwmKb = value();
    }
    return r;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs, int pollMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(pollMs);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    return done();
}

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// A bench that dies must not leave its platform (and the PTYs under it) running.
static void dieWithParent()
{
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
}

#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
void PlatformProcess::ChildProcess::setupChildProcess()
{
    dieWithParent();
}
#endif

PlatformProcess::~PlatformProcess()
{
    stop();
}

bool PlatformProcess::start(const QString &program, const QStringList &extraArgs, QString *error)
{
    const QString creds = m_dir.filePath(QStringLiteral("credentials.json"));
    QStringList args{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--quiet"),
                     QStringLiteral("--credentials-file"), creds};
    args << extraArgs;
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.setStandardOutputFile(QProcess::nullDevice());
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    m_process.setChildProcessModifier(dieWithParent);
#endif
    m_process.start(program, args);
    if (!m_process.waitForStarted(10000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString());
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000) {
        QFile f(creds);
        if (f.open(QIODevice::ReadOnly)) {
            const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
            if (!o.isEmpty()) {
                m_base = QUrl(o.value(QStringLiteral("base")).toString());
                m_key = o.value(QStringLiteral("key")).toString();
                return true;
            }
        }
        if (m_process.state() == QProcess::NotRunning)
            break;
        QThread::msleep(10);
    }
    *error = QStringLiteral("%1 wrote no credentials file").arg(program);
    return false;
}

void PlatformProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // SIGTERM: it kills its tmux server and reaps every PTY child
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

lap::PlatformConfig PlatformProcess::config() const
{
    lap::PlatformConfig c;
    c.baseUrl = m_base;
    c.masterKey = m_key;
    c.requestTimeoutMs = 10000;
    return c;
}

QString benchShell()
{
    return QStringLiteral("env PS1='$ ' HISTFILE=/dev/null bash --norc --noprofile");
}

StallProbe::StallProbe(int intervalMs, QObject *parent) : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallProbe::tick);
}

void StallProbe::start()
{
    m_maxGapNs = 0;
    m_last = nowNs();
    m_timer.start();
}

void StallProbe::stop()
{
    tick(); // a stall that is still going on when the run ends counts too
    m_timer.stop();
}

double StallProbe::maxStallMs() const
{
    return std::max(0.0, maxGapMs() - m_timer.interval());
}

void StallProbe::tick()
{
    const qint64 now = nowNs();
    m_maxGapNs = std::max(m_maxGapNs, now - m_last);
    m_last = now;
    if (m_onTick)
        m_onTick();
}

PaintWatch::PaintWatch(QWidget *widget) : m_widget(widget)
{
    m_widget->installEventFilter(this);
}

PaintWatch::~PaintWatch()
{
    if (m_widget)
        m_widget->removeEventFilter(this);
}

bool PaintWatch::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_widget || event->type() != QEvent::Paint || m_inside)
        return QObject::eventFilter(watched, event);
    // Paint now, through the widget's own handler, so the time below is the end of the paint.
    m_inside = true;
    static_cast<QObject *>(m_widget)->event(event);
    m_inside = false;
    const qint64 end = nowNs();
    if (m_onPaint)
        m_onPaint(end);
    return true;
}

QTermWidget *termWidgetOf(QWidget *remoteTerminal)
{
    return remoteTerminal ? remoteTerminal->findChild<QTermWidget *>() : nullptr;
}

App::App(const lap::PlatformConfig &platform, QSize size)
{
    settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")),
                                           QSettings::IniFormat);
    profiles = std::make_unique<lap::ProfileStore>(settings.get());
    keys = std::make_unique<lap::CredentialStore>();
    window = std::make_unique<lap::MainWindow>(
        lap::AppServices{&nam, settings.get(), profiles.get(), keys.get()});
    window->setPlatform(platform, QStringLiteral("bench"));
    window->resize(size);
    window->show();
    waitFor([this] { return window->windowHandle() && window->windowHandle()->isExposed(); },
            10000);
}

App::~App()
{
    // Tabs detach (close frames) before the window goes; give the frames a moment to leave.
    window.reset();
    settle(50);
}

bool waitConnected(lap::TerminalTab *tab, int timeoutMs)
{
    using S = lap::TerminalTab::State;
    waitFor([tab] { return tab->state() == S::Connected || tab->state() == S::Failed; }, timeoutMs,
            2);
    return tab->state() == S::Connected;
}

namespace {

lap::Result<ReadySession> runOpener(QNetworkAccessManager *nam, const lap::PlatformConfig &c,
                                    int timeoutMs,
                                    const std::function<void(lap::SessionOpener &)> &start)
{
    lap::PlatformClient client(nam, c);
    lap::OpenOptions options;
    options.giveUpMs = timeoutMs;
    lap::SessionOpener opener(&client, options);
    std::optional<lap::Result<ReadySession>> result;
    QObject::connect(&opener, &lap::SessionOpener::ready,
                     [&result](const lap::Session &s, const lap::TtyTarget &t) {
                         result = lap::Result<ReadySession>::success(ReadySession{s, t});
                     });
    QObject::connect(&opener, &lap::SessionOpener::failed, [&result](const lap::LapError &e) {
        result = lap::Result<ReadySession>::failure(e);
    });
    start(opener);
    // The opener gives up by itself after timeoutMs; the margin only guards against a hang.
    if (!waitFor([&result] { return result.has_value(); }, timeoutMs + 5000)) {
        opener.cancel();
        return lap::Result<ReadySession>::failure(
            lap::LapError(lap::LapError::Kind::StartTimeout, QStringLiteral("no session")));
    }
    return *result;
}

} // namespace

lap::Result<ReadySession> openReadySession(QNetworkAccessManager *nam, const lap::PlatformConfig &c,
                                           const QString &agent, int timeoutMs)
{
    return runOpener(nam, c, timeoutMs, [&agent](lap::SessionOpener &o) { o.open(agent); });
}

lap::Result<ReadySession> attachReadySession(QNetworkAccessManager *nam,
                                             const lap::PlatformConfig &c, const QString &sessionId,
                                             int timeoutMs)
{
    return runOpener(nam, c, timeoutMs,
                     [&sessionId](lap::SessionOpener &o) { o.attach(sessionId); });
}

void deleteSession(QNetworkAccessManager *nam, const lap::PlatformConfig &c, const QString &id)
{
    lap::PlatformClient client(nam, c);
    bool done = false;
    client.deleteSession(id, [&done](const lap::Result<QString> &) { done = true; });
    waitFor([&done] { return done; }, 15000);
}

qint64 isoToEpochMs(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

double loadAverage1()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    return f.readAll().split(' ').value(0).toDouble();
}

QJsonObject machineInfo()
{
    QString cpu;
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
                break;
            }
        }
    }
    return QJsonObject{
        {QStringLiteral("cpu"), cpu},
        {QStringLiteral("cores"), QThread::idealThreadCount()},
        {QStringLiteral("load1"), loadAverage1()},
        {QStringLiteral("kernel"), QSysInfo::kernelVersion()},
        {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
    };
}

void addCommonOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("local-platform"),
                 QStringLiteral("lap-localplatform executable (default: $LAP_LOCALPLATFORM)"),
                 QStringLiteral("path")});
    p.addOption({QStringLiteral("out"), QStringLiteral("result JSON file (default: stdout)"),
                 QStringLiteral("path")});
    p.addHelpOption();
}

void addRunsOption(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("runs"), QStringLiteral("measured runs"), QStringLiteral("n"),
                 QStringLiteral("5")});
}

int readRuns(const QCommandLineParser &p)
{
    return std::max(1, p.value(QStringLiteral("runs")).toInt());
}

Common readCommon(const QCommandLineParser &p)
{
    Common c;
    c.platform = p.value(QStringLiteral("local-platform"));
    if (c.platform.isEmpty())
        c.platform = qEnvironmentVariable("LAP_LOCALPLATFORM");
    c.out = p.value(QStringLiteral("out"));
    return c;
}

bool writeResult(const QString &path, const QString &scenario, QJsonObject body)
{
    body.insert(QStringLiteral("scenario"), scenario);
    body.insert(QStringLiteral("machine"), machineInfo());
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Indented);
    if (path.isEmpty()) {
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        return true;
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(json) == json.size();
}

} // namespace lapbench
