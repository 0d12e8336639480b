// SPDX-License-Identifier: GPL-2.0-or-later
// Secrets and the real lap-desktop process. The binary signs in from the
// environment (LAP_BASE_URL + LAP_MASTER_KEY, the automation path), opens an agent on a local
// platform, and a user types into it, detaches with Ctrl-D and quits with Ctrl+Shift+Q, for real,
// on an Xvfb display through xdotool. Every Qt logging category is on. Afterwards its HOME and
// XDG directories, its stdout and stderr, and its /proc/<pid>/cmdline are searched for the
// master key and the tty token.
//
// /proc/<pid>/environ does hold LAP_MASTER_KEY: the key was handed over in the environment,
// by design, for automation (README: "LAP_BASE_URL + LAP_MASTER_KEY sign in for this run").
// The test checks that this is the only place, and that the tty token is not there.
#include "laptest.h"
#include "localplatform.h"
#include "model.h"
#include "secretscan.h"

#include <QCoreApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace lap;

namespace {

const int kWait = 45000;
} // namespace

class TestSecretsProcess : public QObject
{
    Q_OBJECT

private:
    QString m_xdotool;
    QProcess m_xvfb;
    QString m_display;

    // Runs xdotool on the test's display; its stdout, or a null array when it failed.
    QByteArray xdotool(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DISPLAY"), m_display);
        p.setProcessEnvironment(env);
        p.start(m_xdotool, args);
        if (!p.waitForFinished(kWait) || p.exitCode() != 0) {
            qWarning("xdotool %s failed: %s", qPrintable(args.join(QLatin1Char(' '))),
                     p.readAllStandardError().constData());
            return QByteArray();
        }
        return p.readAllStandardOutput().trimmed() + ' ';
    }

private slots:
    void initTestCase()
    {
        const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
        m_xdotool = QStandardPaths::findExecutable(QStringLiteral("xdotool"));
        if (xvfb.isEmpty() || m_xdotool.isEmpty())
            QSKIP("needs Xvfb and xdotool (tools/deps test installs them)");
        // -displayfd: Xvfb picks a free display and writes its number to stdout when ready.
        m_xvfb.start(xvfb,
                     {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                      QStringLiteral("0"), QStringLiteral("1280x800x24"),
                      QStringLiteral("-nolisten"), QStringLiteral("tcp")});
        QVERIFY(m_xvfb.waitForStarted(kWait));
        QTRY_VERIFY_WITH_TIMEOUT(m_xvfb.canReadLine(), kWait);
        m_display = QLatin1Char(':') + QString::fromLatin1(m_xvfb.readLine().trimmed());
        QVERIFY(m_display.size() > 1);
    }

    void cleanupTestCase()
    {
        if (m_xvfb.state() != QProcess::NotRunning) {
            m_xvfb.terminate();
            if (!m_xvfb.waitForFinished(5000))
                m_xvfb.kill();
        }
    }

    void realProcessLeavesNoSecretBehind()
    {
        const QString masterKey = QStringLiteral("sk-process-master-") + local::randomHex(16);
        const QString ttyToken = QStringLiteral("tty-process-token-") + local::randomHex(16);
        local::LocalPlatformOptions options;
        options.masterKey = masterKey;
        options.harnessToken = ttyToken;
        options.readyDelayMs = 0;
        options.command = laptest::testShell();
        local::LocalPlatform platform(options);
        QString error;
        QVERIFY2(platform.start(&error), qPrintable(error));
        QByteArray typed;
        int opened = 0, closed = 0;
        connect(&platform, &local::LocalPlatform::ptyInput, this,
                [&typed](const QString &, const QByteArray &bytes) { typed += bytes; });
        connect(&platform, &local::LocalPlatform::ttyOpened, this, [&opened] { ++opened; });
        connect(&platform, &local::LocalPlatform::ttyClosed, this, [&closed] { ++closed; });

        QTemporaryDir home(QDir::tempPath() + QStringLiteral("/lap-secrets-process-XXXXXX"));
        QVERIFY(home.isValid());
        QTemporaryDir runtime;
        QVERIFY(runtime.isValid());
        QFile::setPermissions(runtime.path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QProcessEnvironment env;
        for (const char *keep : {"PATH", "LANG", "ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS",
                                 "DBUS_SESSION_BUS_ADDRESS"}) {
            if (qEnvironmentVariableIsSet(keep))
                env.insert(QLatin1String(keep), qEnvironmentVariable(keep));
        }
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral(".cache")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral(".local/state")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
        env.insert(QStringLiteral("DISPLAY"), m_display);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        // No GLX: the terminal draws with the raster engine anyway, and Mesa's GLX driver leaks
        // at exit from a library it has already unloaded (no stack LSan could suppress).
        env.insert(QStringLiteral("QT_XCB_GL_INTEGRATION"), QStringLiteral("none"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        env.insert(QStringLiteral("LAP_BASE_URL"), platform.baseUrl().toString());
        env.insert(QStringLiteral("LAP_MASTER_KEY"), masterKey);

        QProcess app;
        app.setProcessEnvironment(env);
        app.setWorkingDirectory(home.path());
        app.start(QStringLiteral(LAP_DESKTOP_BINARY), {QStringLiteral("shell")});
        QVERIFY(app.waitForStarted(kWait));
        const qint64 pid = app.processId();

        // Signed in and attached: the platform sees the terminal open.
        QTRY_VERIFY_WITH_TIMEOUT(opened == 1, kWait);
        const QByteArray cmdline = laptest::procFile(pid, "cmdline");
        const QByteArray environ = laptest::procFile(pid, "environ");
        QVERIFY(cmdline.contains("shell"));
        QVERIFY(!laptest::containsSecret(cmdline, masterKey));
        QVERIFY(!laptest::containsSecret(cmdline, ttyToken));
        QVERIFY2(environ.contains("LAP_MASTER_KEY=" + masterKey.toUtf8()),
                 "the key was given in the environment and is there, by design");
        QVERIFY(!laptest::containsSecret(environ, ttyToken));

        // The user types into the window, detaches with Ctrl-D, quits with Ctrl+Shift+Q. The app
        // has more than one mapped window (a 1x1 helper), so the main one is the largest.
        QByteArray window;
        int largest = 0;
        const QList<QByteArray> ids = xdotool({QStringLiteral("search"), QStringLiteral("--sync"),
                                               QStringLiteral("--onlyvisible"),
                                               QStringLiteral("--pid"), QString::number(pid)})
                                          .trimmed()
                                          .split('\n');
        for (const QByteArray &id : ids) {
            const QByteArray geometry =
                xdotool({QStringLiteral("getwindowgeometry"), QStringLiteral("--shell"),
                         QString::fromLatin1(id.trimmed())});
            int w = 0, h = 0;
            for (const QByteArray &line : geometry.split('\n')) {
                if (line.startsWith("WIDTH="))
                    w = line.mid(6).trimmed().toInt();
                if (line.startsWith("HEIGHT="))
                    h = line.mid(7).trimmed().toInt();
            }
            if (w * h > largest) {
                largest = w * h;
                window = id.trimmed();
            }
        }
        QVERIFY2(largest > 100 * 100, ids.join(' ').constData());
        // Focus can land a moment after the window is mapped; typing into nothing is retried.
        bool arrived = false;
        for (int attempt = 0; attempt < 3 && !arrived; ++attempt) {
            QVERIFY(!xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"),
                              QString::fromLatin1(window)})
                         .isNull());
            // X has given the window focus; let Qt hand it to the terminal before typing (a
            // settle pause, not an assertion: a miss is retried below).
            QTest::qWait(300);
            QVERIFY(!xdotool({QStringLiteral("type"), QStringLiteral("--delay"),
                              QStringLiteral("30"), QStringLiteral("echo $((6*7))")})
                         .isNull());
            QVERIFY(!xdotool({QStringLiteral("key"), QStringLiteral("Return")}).isNull());
            arrived = QTest::qWaitFor([&] { return typed.contains("echo $((6*7))\r"); }, 8000);
        }
        QVERIFY2(arrived, typed.constData());
        QVERIFY(!xdotool({QStringLiteral("key"), QStringLiteral("ctrl+d")}).isNull());
        QTRY_VERIFY_WITH_TIMEOUT(closed == 1, kWait);
        QVERIFY(!typed.contains('\x04')); // the detach key never reached the shell
        QVERIFY(!xdotool({QStringLiteral("key"), QStringLiteral("ctrl+shift+q")}).isNull());
        QVERIFY2(app.waitForFinished(kWait), "lap-desktop did not quit on Ctrl+Shift+Q");
        const QByteArray out = app.readAllStandardOutput();
        const QByteArray err = app.readAllStandardError();
        if (app.exitCode() != 0) {
            // Only the sanitizer's report, if any: the rest is verbose Qt logging.
            const int report = err.indexOf("==ERROR:") >= 0 ? err.indexOf("==ERROR:") : 0;
            qWarning("lap-desktop exited with %d:\n%s", app.exitCode(),
                     err.mid(report > 200 ? report - 200 : 0, 6000).constData());
        }
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);

        qInfo("lap-desktop wrote %d bytes to stdout and %d to stderr", int(out.size()),
              int(err.size()));
        QVERIFY(err.size() > 0); // with every logging category on, it did say things
        int scanned = 0;
        for (const QString &secret : {masterKey, ttyToken}) {
            QVERIFY(!laptest::containsSecret(out, secret));
            QVERIFY(!laptest::containsSecret(err, secret));
            const QStringList files = laptest::filesContaining(home.path(), secret, &scanned);
            QVERIFY2(files.isEmpty(), qPrintable(files.join(QLatin1String(", "))));
            const QStringList runFiles = laptest::filesContaining(runtime.path(), secret, nullptr);
            QVERIFY2(runFiles.isEmpty(), qPrintable(runFiles.join(QLatin1String(", "))));
        }
        // The scan saw what the app wrote (its settings, with the platform URL in them).
        QVERIFY(scanned > 0);
        QVERIFY(!laptest::filesContaining(home.path(), platform.baseUrl().toString(), nullptr)
                     .isEmpty());
        platform.stop();
    }
};

QTEST_GUILESS_MAIN(TestSecretsProcess)
#include "tst_secrets_process.moc"
