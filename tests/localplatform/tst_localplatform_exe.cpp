// SPDX-License-Identifier: GPL-2.0-or-later
// The lap-localplatform executable: flags, start-up output, secrets, credentials, shutdown.
#include "lptesthelpers.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <csignal>

#include <sys/stat.h>

using namespace lptest;

namespace {

QString exePath()
{
    return qEnvironmentVariable("LAP_LOCALPLATFORM");
}

// Starts the executable and waits for its "listening on" line; returns the base URL.
QString startExe(QProcess &process, const QStringList &args, QString *firstLines = nullptr)
{
    process.setProgram(exePath());
    process.setArguments(args);
    process.start();
    if (!process.waitForStarted(kWaitMs))
        return {};
    static const QRegularExpression listening(
        QStringLiteral("^lap-localplatform listening on (http://127\\.0\\.0\\.1:(\\d+))$"),
        QRegularExpression::MultilineOption);
    QString out;
    QRegularExpressionMatch m;
    (void)QTest::qWaitFor(
        [&] {
            out += QString::fromUtf8(process.readAllStandardOutput());
            m = listening.match(out);
            return m.hasMatch() || process.state() == QProcess::NotRunning;
        },
        kWaitMs);
    if (firstLines && m.hasMatch()) {
        if (args.contains(QStringLiteral("--quiet"))) {
            // Nothing should follow; absence cannot be awaited, so give a stray line a chance.
            QTest::qWait(200);
            out += QString::fromUtf8(process.readAllStandardOutput());
        } else {
            // The key lines follow right after, the "try:" line last.
            static const QRegularExpression last(QStringLiteral("^  try: .*\\n"),
                                                 QRegularExpression::MultilineOption);
            (void)QTest::qWaitFor(
                [&] {
                    out += QString::fromUtf8(process.readAllStandardOutput());
                    return last.match(out).hasMatch() || process.state() == QProcess::NotRunning;
                },
                kWaitMs);
        }
    }
    if (firstLines)
        *firstLines = out;
    return m.hasMatch() ? m.captured(1) : QString();
}

bool stopExe(QProcess &process)
{
    ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
    return process.waitForFinished(kWaitMs) && process.exitStatus() == QProcess::NormalExit &&
           process.exitCode() == 0;
}

} // namespace

class TestLocalPlatformExe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void helpListsEveryFlag();
    void badFlagValuesExit2();
    void quietStartGivenKeyAndCredentials();
    void generatedKeyIsPrintedAndWorks();
    void optionsFlagsApply();
};

void TestLocalPlatformExe::initTestCase()
{
    QVERIFY2(!exePath().isEmpty(), "LAP_LOCALPLATFORM is set by CTest");
    QVERIFY(QFile::exists(exePath()));
}

void TestLocalPlatformExe::helpListsEveryFlag()
{
    QProcess process;
    process.start(exePath(), {QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(kWaitMs));
    QCOMPARE(process.exitCode(), 0);
    const QString help = QString::fromUtf8(process.readAllStandardOutput());
    const QStringList flags = {QStringLiteral("--port"),
                               QStringLiteral("--master-key"),
                               QStringLiteral("--harness-token"),
                               QStringLiteral("--credentials-file"),
                               QStringLiteral("--ready-delay-ms"),
                               QStringLiteral("--fail-startup"),
                               QStringLiteral("--tty-style"),
                               QStringLiteral("--transient-errors"),
                               QStringLiteral("--advertise-wrong-token"),
                               QStringLiteral("--no-tty-token"),
                               QStringLiteral("--drop-after-ms"),
                               QStringLiteral("--flood-bytes"),
                               QStringLiteral("--idle-timeout-ms"),
                               QStringLiteral("--command"),
                               QStringLiteral("--no-tmux"),
                               QStringLiteral("--extra-agents"),
                               QStringLiteral("--quiet"),
                               QStringLiteral("--help"),
                               QStringLiteral("--version")};
    for (const QString &flag : flags)
        QVERIFY2(help.contains(flag + QLatin1Char(' ')) || help.contains(flag + QLatin1Char('\n')),
                 qPrintable(flag));
    QVERIFY(help.contains(QLatin1String("LAP_LOCAL_MASTER_KEY")));
    QVERIFY(help.contains(QLatin1String("LAP_LOCAL_HARNESS_TOKEN")));
}

void TestLocalPlatformExe::badFlagValuesExit2()
{
    const QList<QStringList> bad = {{QStringLiteral("--tty-style"), QStringLiteral("tunnel")},
                                    {QStringLiteral("--port"), QStringLiteral("70000")},
                                    {QStringLiteral("--ready-delay-ms"), QStringLiteral("soon")},
                                    {QStringLiteral("--idle-timeout-ms"), QStringLiteral("0")},
                                    {QStringLiteral("stray")}};
    for (const QStringList &args : bad) {
        QProcess process;
        process.start(exePath(), args);
        QVERIFY(process.waitForFinished(kWaitMs));
        QVERIFY2(process.exitCode() == 2, qPrintable(args.join(QLatin1Char(' '))));
    }
}

void TestLocalPlatformExe::quietStartGivenKeyAndCredentials()
{
    QTemporaryDir dir;
    const QString creds = dir.filePath(QStringLiteral("creds.json"));
    QProcess process;
    QString out;
    const QString base =
        startExe(process,
                 {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--quiet"),
                  QStringLiteral("--master-key"), QStringLiteral("given-key-123"),
                  QStringLiteral("--harness-token"), QStringLiteral("given-token-456"),
                  QStringLiteral("--credentials-file"), creds},
                 &out);
    QVERIFY2(!base.isEmpty(), qPrintable(out));
    QCOMPARE(out.trimmed().count(QLatin1Char('\n')), 0); // --quiet: the one line
    QVERIFY(!out.contains(QLatin1String("given-key-123")));
    QVERIFY(!out.contains(QLatin1String("given-token-456")));

    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(creds).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));
    QFile file(creds);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json.value(QStringLiteral("base")).toString(), base);
    QCOMPARE(json.value(QStringLiteral("key")).toString(), QStringLiteral("given-key-123"));
    QCOMPARE(json.value(QStringLiteral("tty_token")).toString(), QStringLiteral("given-token-456"));

    Http http(QUrl(base), QStringLiteral("given-key-123"));
    QCOMPARE(http.get(managed(QStringLiteral("/agents"))).status, 200);
    QVERIFY(stopExe(process));
    QVERIFY(!process.readAllStandardError().contains("given-key-123"));
}

void TestLocalPlatformExe::generatedKeyIsPrintedAndWorks()
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LAP_LOCAL_MASTER_KEY"));
    process.setProcessEnvironment(env);
    QString out;
    const QString base = startExe(process, {}, &out);
    QVERIFY2(!base.isEmpty(), qPrintable(out));
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("master key:\\s+(\\S+)")).match(out);
    QVERIFY2(m.hasMatch(), qPrintable(out));
    Http http(QUrl(base), m.captured(1));
    QCOMPARE(http.get(managed(QStringLiteral("/agents"))).status, 200);
    QVERIFY(stopExe(process));

    // A key from the environment is used and not printed.
    env.insert(QStringLiteral("LAP_LOCAL_MASTER_KEY"), QStringLiteral("env-key-789"));
    QProcess second;
    second.setProcessEnvironment(env);
    const QString base2 = startExe(second, {}, &out);
    QVERIFY(!base2.isEmpty());
    QVERIFY(!out.contains(QLatin1String("env-key-789")));
    Http http2(QUrl(base2), QStringLiteral("env-key-789"));
    QCOMPARE(http2.get(managed(QStringLiteral("/agents"))).status, 200);
    QVERIFY(stopExe(second));
}

void TestLocalPlatformExe::optionsFlagsApply()
{
    QProcess process;
    const QString base =
        startExe(process, {QStringLiteral("--quiet"), QStringLiteral("--master-key"),
                           QStringLiteral("k"), QStringLiteral("--extra-agents"),
                           QStringLiteral("7"), QStringLiteral("--tty-style"),
                           QStringLiteral("in-cluster"), QStringLiteral("--transient-errors"),
                           QStringLiteral("1"), QStringLiteral("--ready-delay-ms"),
                           QStringLiteral("0"), QStringLiteral("--no-tty-token")});
    QVERIFY(!base.isEmpty());
    Http http(QUrl(base), QStringLiteral("k"));
    QCOMPARE(http.get(managed(QStringLiteral("/agents")))
                 .object()
                 .value(QStringLiteral("total"))
                 .toInt(),
             12);
    const QJsonObject options = http.get(QStringLiteral("/__local/options")).object();
    QCOMPARE(options.value(QStringLiteral("tty_style")).toString(), QStringLiteral("in-cluster"));
    QCOMPARE(options.value(QStringLiteral("transient_errors")).toInt(), 1);
    QCOMPARE(options.value(QStringLiteral("no_tty_token")).toBool(), true);
    const QString id = createSession(http);
    QCOMPARE(http.get(managed(QStringLiteral("/sessions/") + id)).status, 502);
    QJsonObject row;
    QVERIFY(QTest::qWaitFor(
        [&] {
            row = http.get(managed(QStringLiteral("/sessions/") + id)).object();
            return row.value(QStringLiteral("status")).toString() == QLatin1String("ready");
        },
        kWaitMs));
    QVERIFY(row.value(QStringLiteral("tty_token")).isNull());
    QVERIFY(row.value(QStringLiteral("tty_url")).isNull());
    // Runtime switches over HTTP, as process-based tests use them.
    QCOMPARE(
        http.post(QStringLiteral("/__local/options"), R"({"fail_startup":"watchdog: pod Failed"})")
            .status,
        200);
    const QString failing = createSession(http);
    QVERIFY(QTest::qWaitFor(
        [&] {
            row = http.get(managed(QStringLiteral("/sessions/") + failing)).object();
            return row.value(QStringLiteral("status")).toString() == QLatin1String("failed");
        },
        kWaitMs));
    QCOMPARE(row.value(QStringLiteral("failure_reason")).toString(),
             QStringLiteral("watchdog: pod Failed"));
    QVERIFY(stopExe(process));
}

QTEST_GUILESS_MAIN(TestLocalPlatformExe)
#include "tst_localplatform_exe.moc"
