// SPDX-License-Identifier: GPL-2.0-or-later
// SingleInstance over real local sockets: two objects in this process, and this test binary
// re-executed as a real second process (a secondary that forwards and exits, or a primary that
// is killed to leave a stale socket behind).

#include "singleinstance.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <vector>

using namespace lap;

namespace {

constexpr int kTimeoutMs = 20000;
const char kForwardChild[] = "--forward-child";
const char kListenChild[] = "--listen-child";
const QString kSessionId = QStringLiteral("0b7c6a52-2f0c-4a57-9d0e-2f4a3c1d5e6f");

// `lap-desktop <args>` as a second process would run it: forward, exit 0 when acknowledged.
int runForwardChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList all = app.arguments();
    SingleInstance instance(all.at(2));
    if (instance.forward(all.mid(3), 10000))
        return 0;
    std::fprintf(stderr, "forward failed: %s\n", qPrintable(instance.errorString()));
    return 3;
}

// A primary in its own process, killed by the test to leave its socket file behind.
int runListenChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    SingleInstance instance(app.arguments().at(2));
    if (!instance.listen()) {
        std::fprintf(stderr, "listen failed: %s\n", qPrintable(instance.errorString()));
        return 4;
    }
    QObject::connect(&instance, &SingleInstance::argumentsReceived,
                     [](const QStringList &arguments, const QString &) {
                         std::printf("received %s\n", qPrintable(arguments.join(QLatin1Char(' '))));
                         std::fflush(stdout);
                     });
    std::printf("listening\n");
    std::fflush(stdout);
    return app.exec();
}

QByteArray frame(const QByteArray &json)
{
    QByteArray out(4, '\0');
    qToBigEndian<quint32>(quint32(json.size()), out.data());
    return out + json;
}

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

    QTemporaryDir m_runtime;
    int m_names = 0;

    // A fresh name per test, in a private runtime directory, so nothing collides with a real
    // lap-desktop or with another test running at the same time.
    QString uniqueName()
    {
        return SingleInstance::defaultServerName(
            QStringLiteral("test-%1-%2").arg(QCoreApplication::applicationPid()).arg(++m_names));
    }

    std::unique_ptr<QProcess> startChild(const QStringList &arguments,
                                         const QString &workingDirectory = QString())
    {
        auto p = std::make_unique<QProcess>();
        p->setProgram(QCoreApplication::applicationFilePath());
        p->setArguments(arguments);
        if (!workingDirectory.isEmpty())
            p->setWorkingDirectory(workingDirectory);
        p->setProcessChannelMode(QProcess::SeparateChannels);
        p->start();
        return p;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid());
        qRegisterMetaType<QProcess::ExitStatus>();
        QFile::setPermissions(m_runtime.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                    QFileDevice::ExeOwner);
        // Children inherit it and so compute the same names.
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
    }

    void defaultNameIsPerUserInTheRuntimeDirectory()
    {
        const QString uid = QString::number(::getuid());
        QCOMPARE(SingleInstance::defaultServerName(),
                 QDir(m_runtime.path()).absoluteFilePath(QStringLiteral("lap-desktop-") + uid));
        QCOMPARE(
            SingleInstance::defaultServerName(QStringLiteral("x")),
            QDir(m_runtime.path()).absoluteFilePath(QStringLiteral("lap-desktop-%1-x").arg(uid)));
        QCOMPARE(SingleInstance().serverName(), SingleInstance::defaultServerName());

        // Without a runtime directory: a plain name (Qt puts it in the temp directory).
        const QByteArray saved = qgetenv("XDG_RUNTIME_DIR");
        qunsetenv("XDG_RUNTIME_DIR");
        const QString plain = SingleInstance::defaultServerName();
        qputenv("XDG_RUNTIME_DIR", saved);
        QCOMPARE(plain, QStringLiteral("lap-desktop-") + uid);
    }

    void primaryReceivesFromASecondaryInProcess()
    {
        const QString name = uniqueName();
        SingleInstance primary(name);
        QVERIFY2(primary.listen(), qPrintable(primary.errorString()));
        QVERIFY(primary.isListening());
        QSignalSpy received(&primary, &SingleInstance::argumentsReceived);

        SingleInstance secondary(name);
        const QStringList arguments{QStringLiteral("shell"), QStringLiteral("--resume"), kSessionId,
                                    QStringLiteral("ünïcode arg")};
        QVERIFY2(secondary.forward(arguments), qPrintable(secondary.errorString()));
        QVERIFY(secondary.errorString().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, kTimeoutMs);
        QCOMPARE(received.at(0).at(0).toStringList(), arguments);
        QCOMPARE(received.at(0).at(1).toString(), QDir::currentPath());

        // A second would-be primary finds the live one and stays a secondary.
        SingleInstance other(name);
        QVERIFY(!other.listen());
        QCOMPARE(other.errorString(),
                 QStringLiteral("another instance is listening on %1").arg(name));
        QVERIFY(primary.isListening());
        QVERIFY(other.forward({QStringLiteral("codex-shell")}));
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 2, kTimeoutMs);
        QCOMPARE(received.at(1).at(0).toStringList(), QStringList{QStringLiteral("codex-shell")});
    }

    void socketIsPrivateToTheUser()
    {
        const QString name = uniqueName();
        SingleInstance primary(name);
        QVERIFY2(primary.listen(), qPrintable(primary.errorString()));
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(name).constData(), &st), 0);
        QVERIFY(S_ISSOCK(st.st_mode));
        QCOMPARE(st.st_uid, ::getuid());
        QCOMPARE(int(st.st_mode & 077), 0); // no access for group or others
    }

    // The issue's "must show": a second process hands its arguments over and exits 0; the
    // first one receives them.
    void secondProcessForwardsAndExitsZero()
    {
        const QString name = uniqueName();
        SingleInstance primary(name);
        QVERIFY2(primary.listen(), qPrintable(primary.errorString()));
        QSignalSpy received(&primary, &SingleInstance::argumentsReceived);

        QTemporaryDir cwd;
        QVERIFY(cwd.isValid());
        auto child = startChild({QLatin1String(kForwardChild), name, QStringLiteral("--resume"),
                                 QStringLiteral("http://127.0.0.1:9/sessions/") + kSessionId,
                                 QStringLiteral("shell")},
                                cwd.path());
        QSignalSpy finished(child.get(), &QProcess::finished);
        // Not waitForFinished(): the primary needs this event loop to answer.
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QCOMPARE(child->exitStatus(), QProcess::NormalExit);
        QVERIFY2(child->exitCode() == 0, child->readAllStandardError().constData());
        QCOMPARE(received.count(), 1);
        QCOMPARE(received.at(0).at(0).toStringList(),
                 (QStringList{QStringLiteral("--resume"),
                              QStringLiteral("http://127.0.0.1:9/sessions/") + kSessionId,
                              QStringLiteral("shell")}));
        QCOMPARE(QFileInfo(received.at(0).at(1).toString()).canonicalFilePath(),
                 QFileInfo(cwd.path()).canonicalFilePath());
    }

    void secondProcessWithoutPrimaryFails()
    {
        auto child =
            startChild({QLatin1String(kForwardChild), uniqueName(), QStringLiteral("shell")});
        QVERIFY(child->waitForFinished(kTimeoutMs));
        QCOMPARE(child->exitCode(), 3);
        QVERIFY(child->readAllStandardError().startsWith("forward failed: "));

        SingleInstance nobody(uniqueName());
        QVERIFY(!nobody.forward({QStringLiteral("shell")}, 2000));
        QVERIFY(!nobody.errorString().isEmpty());
    }

    // Only the arguments and the working directory travel, in the documented frame; never the
    // environment (LAP_MASTER_KEY is a secret).
    void wireFormatCarriesNoEnvironment()
    {
        const QString name = uniqueName();
        QLocalServer raw;
        raw.setSocketOptions(QLocalServer::UserAccessOption);
        QVERIFY(raw.listen(name));
        QByteArray request;
        connect(&raw, &QLocalServer::newConnection, this, [&] {
            QLocalSocket *s = raw.nextPendingConnection();
            connect(s, &QLocalSocket::readyRead, s, [&request, s] {
                request += s->readAll();
                if (request.size() >= 4 &&
                    request.size() >= 4 + int(qFromBigEndian<quint32>(request.constData())))
                    s->write(frame(R"({"ok":true})"));
            });
        });

        const QByteArray secret = "lap-master-key-must-stay-home";
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LAP_MASTER_KEY"), QString::fromLatin1(secret));
        env.insert(QStringLiteral("LAP_BASE_URL"), QStringLiteral("http://127.0.0.1:9"));
        QProcess child;
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(),
                    {QLatin1String(kForwardChild), name, QStringLiteral("shell")});
        QSignalSpy finished(&child, &QProcess::finished);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QCOMPARE(child.exitCode(), 0);

        QVERIFY(request.size() > 4);
        QCOMPARE(int(qFromBigEndian<quint32>(request.constData())), request.size() - 4);
        QVERIFY(!request.contains(secret));
        const QJsonObject o = QJsonDocument::fromJson(request.mid(4)).object();
        QStringList keys = o.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("arguments"), QStringLiteral("cwd"),
                                    QStringLiteral("type"), QStringLiteral("version")}));
        QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("lap-desktop-forward"));
        QCOMPARE(o.value(QLatin1String("version")).toInt(), 1);
        QCOMPARE(o.value(QLatin1String("arguments")).toArray(),
                 QJsonArray{QStringLiteral("shell")});
    }

    // A primary that crashed leaves its socket file; the next start must take over instead of
    // forwarding into the void forever.
    void staleSocketOfACrashedPrimaryIsReplaced()
    {
        const QString name = uniqueName();
        auto crashed = startChild({QLatin1String(kListenChild), name});
        QTRY_VERIFY_WITH_TIMEOUT(crashed->canReadLine(), kTimeoutMs);
        QCOMPARE(crashed->readLine(), QByteArray("listening\n"));

        // While it lives, it is the primary: this process can only forward to it.
        SingleInstance candidate(name);
        QVERIFY(!candidate.listen());
        QVERIFY2(candidate.forward({QStringLiteral("shell")}), qPrintable(candidate.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(crashed->canReadLine(), kTimeoutMs);
        QCOMPARE(crashed->readLine(), QByteArray("received shell\n"));

        // SIGKILL: no destructor runs, the socket file stays behind.
        crashed->kill();
        QVERIFY(crashed->waitForFinished(kTimeoutMs));
        QVERIFY(QFileInfo::exists(name));
        QVERIFY(QFileInfo::exists(name + QStringLiteral(".lock")));
        SingleInstance stale(name);
        QVERIFY(!stale.forward({QStringLiteral("shell")}, 2000));

        QVERIFY2(candidate.listen(), qPrintable(candidate.errorString()));
        QSignalSpy received(&candidate, &SingleInstance::argumentsReceived);
        SingleInstance secondary(name);
        QVERIFY2(secondary.forward({QStringLiteral("codex-shell")}),
                 qPrintable(secondary.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, kTimeoutMs);
        QCOMPARE(received.at(0).at(0).toStringList(), QStringList{QStringLiteral("codex-shell")});
    }

    // Several launches at the same moment (a desktop file clicked twice): exactly one becomes
    // the primary, the others are told so.
    void simultaneousStartsElectOnePrimary()
    {
        const QString name = uniqueName();
        std::vector<std::unique_ptr<QProcess>> children;
        for (int i = 0; i < 4; ++i)
            children.push_back(startChild({QLatin1String(kListenChild), name}));
        int listening = 0;
        int refused = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                listening = 0;
                refused = 0;
                for (const auto &c : children) {
                    if (c->state() == QProcess::NotRunning && c->exitCode() == 4)
                        ++refused;
                    else if (c->bytesAvailable() > 0 || c->canReadLine())
                        ++listening;
                }
                return listening + refused == 4;
            }(),
            kTimeoutMs);
        QCOMPARE(listening, 1);
        QCOMPARE(refused, 3);
        for (const auto &c : children) {
            if (c->state() != QProcess::NotRunning) {
                QCOMPARE(c->readLine(), QByteArray("listening\n"));
                c->kill();
                QVERIFY(c->waitForFinished(kTimeoutMs));
            } else {
                QCOMPARE(c->readAllStandardError(),
                         QStringLiteral("listen failed: another instance is listening on %1\n")
                             .arg(name)
                             .toLocal8Bit());
            }
        }
    }

    void malformedRequestsAreRefused()
    {
        const QString name = uniqueName();
        SingleInstance primary(name);
        QVERIFY(primary.listen());
        QSignalSpy received(&primary, &SingleInstance::argumentsReceived);

        // Not ours: answered with a refusal, nothing emitted.
        {
            QLocalSocket s;
            s.connectToServer(name);
            QVERIFY(s.waitForConnected(kTimeoutMs));
            s.write(frame(R"({"type":"something-else","version":1,"arguments":["x"]})"));
            QTRY_VERIFY_WITH_TIMEOUT(s.state() == QLocalSocket::UnconnectedState, kTimeoutMs);
            const QByteArray reply = s.readAll();
            QCOMPARE(reply.mid(4),
                     QByteArray(R"({"error":"not a lap-desktop request","ok":false})"));
        }
        // Arguments that are not strings.
        {
            QLocalSocket s;
            s.connectToServer(name);
            QVERIFY(s.waitForConnected(kTimeoutMs));
            s.write(frame(R"({"type":"lap-desktop-forward","version":1,"arguments":[1]})"));
            QTRY_VERIFY_WITH_TIMEOUT(s.state() == QLocalSocket::UnconnectedState, kTimeoutMs);
            QCOMPARE(s.readAll().mid(4),
                     QByteArray(R"({"error":"arguments must be strings","ok":false})"));
        }
        // An absurd length: the connection is cut without reading further.
        {
            QLocalSocket s;
            s.connectToServer(name);
            QVERIFY(s.waitForConnected(kTimeoutMs));
            s.write(QByteArray("\xff\xff\xff\xff", 4));
            QTRY_VERIFY_WITH_TIMEOUT(s.state() == QLocalSocket::UnconnectedState, kTimeoutMs);
            QCOMPARE(s.readAll(), QByteArray());
        }
        QCOMPARE(received.count(), 0);
        // And the primary still serves the next proper request.
        SingleInstance secondary(name);
        QVERIFY(secondary.forward({QStringLiteral("shell")}));
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, kTimeoutMs);
    }

    void silentPrimaryTimesOut()
    {
        const QString name = uniqueName();
        QLocalServer silent; // accepts, never answers
        QVERIFY(silent.listen(name));
        SingleInstance secondary(name);
        QElapsedTimer t;
        t.start();
        QVERIFY(!secondary.forward({QStringLiteral("shell")}, 300));
        QVERIFY(t.elapsed() >= 250);
        QVERIFY(t.elapsed() < kTimeoutMs);
        QCOMPARE(secondary.errorString(),
                 QStringLiteral("no answer from the running instance within 300 ms"));
    }
};

int main(int argc, char **argv)
{
    if (argc >= 3 && qstrcmp(argv[1], kForwardChild) == 0)
        return runForwardChild(argc, argv);
    if (argc >= 3 && qstrcmp(argv[1], kListenChild) == 0)
        return runListenChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestSingleInstance test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_singleinstance.moc"
