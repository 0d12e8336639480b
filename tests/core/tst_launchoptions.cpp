// SPDX-License-Identifier: GPL-2.0-or-later
#include "launchoptions.h"
#include "reconnectpolicy.h"

#include <QCommandLineParser>
#include <QtTest>

using namespace lap;

class TestLaunchOptions : public QObject
{
    Q_OBJECT

    static Result<LaunchOptions> read(const QStringList &args, const QString &base = {},
                                      const QString &key = {})
    {
        QCommandLineParser parser;
        addLaunchOptions(parser);
        if (!parser.parse(QStringList{QStringLiteral("lap-desktop")} + args))
            return Result<LaunchOptions>::failure(
                LapError(LapError::Kind::Usage, parser.errorText()));
        return readLaunchOptions(parser, base, key);
    }

private slots:
    void positionalAndFlagAgents()
    {
        auto r = read({QStringLiteral("shell"), QStringLiteral("--agent"),
                       QStringLiteral("codex-shell"), QStringLiteral("  ")});
        QVERIFY(r.ok());
        QCOMPARE(r.value.agents,
                 (QStringList{QStringLiteral("shell"), QStringLiteral("codex-shell")}));
        QVERIFY(r.value.resumes.isEmpty());
        QVERIFY(!r.value.hasEnvironmentSignIn());
    }

    void resumeByIdAndUrl()
    {
        auto r = read({QStringLiteral("--resume"),
                       QStringLiteral("8114556d-eaa5-4b1f-9d7a-0123456789ab"),
                       QStringLiteral("--resume"),
                       QStringLiteral("https://lap.example.com/prefix/sessions/"
                                      "8114556D-EAA5-4B1F-9D7A-0123456789AB?tab=1")});
        QVERIFY(r.ok());
        QCOMPARE(r.value.resumes.size(), 2);
        QCOMPARE(r.value.resumes[0].sessionId,
                 QStringLiteral("8114556d-eaa5-4b1f-9d7a-0123456789ab"));
        QVERIFY(!r.value.resumes[0].baseOverride.isValid());
        QCOMPARE(r.value.resumes[1].baseOverride,
                 QUrl(QStringLiteral("https://lap.example.com/prefix")));
    }

    void badResumeNamesTheArgument()
    {
        auto r = read({QStringLiteral("--resume"), QStringLiteral("nope")});
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, LapError::Kind::Usage);
        QCOMPARE(r.error.message,
                 QStringLiteral("'nope' is not a session id or a <base>/sessions/<id> URL."));
    }

    void profileOption()
    {
        auto r = read({QStringLiteral("--profile"), QStringLiteral(" work ")});
        QVERIFY(r.ok());
        QCOMPARE(r.value.profile, QStringLiteral("work"));
    }

    void environmentSignIn()
    {
        auto r = read({}, QStringLiteral("http://127.0.0.1:9/"), QStringLiteral("sk-1"));
        QVERIFY(r.ok());
        QVERIFY(r.value.hasEnvironmentSignIn());
        QCOMPARE(r.value.envBaseUrl, QUrl(QStringLiteral("http://127.0.0.1:9")));
        QCOMPARE(r.value.envMasterKey, QStringLiteral("sk-1"));
    }

    void environmentNeedsBoth()
    {
        auto r = read({}, QStringLiteral("http://127.0.0.1:9"), QString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error.message,
                 QStringLiteral("LAP_BASE_URL and LAP_MASTER_KEY must be set together."));
        auto r2 = read({}, QStringLiteral("ftp://x"), QStringLiteral("k"));
        QVERIFY(!r2.ok());
        QVERIFY2(r2.error.message.startsWith(QStringLiteral("LAP_BASE_URL is not usable: ")),
                 qPrintable(r2.error.message));
    }

    void reconnectBackoff()
    {
        QCOMPARE(reconnectDelayMs(0, 0.5), 0);
        // Mid-jitter gives the nominal schedule 1, 2, 4, 8, 16, 30 (capped) seconds.
        const QList<int> nominal{1000, 2000, 4000, 8000, 16000, 30000, 30000};
        for (int i = 0; i < nominal.size(); ++i)
            QCOMPARE(reconnectDelayMs(i + 1, 0.5), nominal[i]);
        QCOMPARE(reconnectDelayMs(1, 0.0), 800);
        QCOMPARE(reconnectDelayMs(1, 0.999999), 1199);
        QVERIFY(reconnectDelayMs(1000, 0.999999) <= 30000);
        QCOMPARE(reconnectDelayMs(3, 0.5, 3000), 3000);
    }
};

QTEST_GUILESS_MAIN(TestLaunchOptions)
#include "tst_launchoptions.moc"
