// SPDX-License-Identifier: GPL-2.0-or-later
// End-to-end flows of lapcore against the local platform over real 127.0.0.1 sockets and real
// PTYs (tmux included): open an agent and type into its shell, resize, reattach, and every
// error row of docs/platform-api.md §10 that the core handles, each checked by its exact message.
#include "laptest.h"
#include "localplatform.h"
#include "platformclient.h"
#include "sessionopener.h"
#include "ttychannel.h"
#include "ttyendpoint.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using namespace lap;
using lap::local::LocalPlatform;
using lap::local::LocalPlatformOptions;
using lap::local::TtyStyle;

namespace {

// Collects a channel's output and waits for text to appear in it.
class Screen : public QObject
{
public:
    explicit Screen(TtyChannel *channel)
    {
        connect(channel, &TtyChannel::output, this, [this](const QByteArray &b) { m_all += b; });
    }
    bool waitFor(const QByteArray &needle, int ms = 10000)
    {
        return QTest::qWaitFor([&] { return m_all.contains(needle); }, ms);
    }
    QByteArray text() const { return m_all; }
    void clear() { m_all.clear(); }

private:
    QByteArray m_all;
};

} // namespace

class TestFlows : public QObject
{
    Q_OBJECT

    std::unique_ptr<LocalPlatform> m_platform;
    QNetworkAccessManager m_nam;
    QString m_base;

    void startPlatform(int extraAgents = 0)
    {
        LocalPlatformOptions o;
        o.readyDelayMs = 0;
        o.command = laptest::testShell();
        o.extraAgents = extraAgents;
        m_platform = std::make_unique<LocalPlatform>(o);
        QString error;
        QVERIFY2(m_platform->start(&error), qPrintable(error));
        m_base = m_platform->baseUrl().toString();
    }

    PlatformConfig config(const QString &key = {}) const
    {
        PlatformConfig c;
        c.baseUrl = m_platform->baseUrl();
        c.masterKey = key.isEmpty() ? m_platform->masterKey() : key;
        c.requestTimeoutMs = 5000;
        return c;
    }

    struct Opened
    {
        Session session;
        TtyTarget target;
        LapError error;
        QStringList phases;
    };

    // Runs a SessionOpener to its end (ready or failed).
    Opened runOpener(const QString &agentOrSession, bool attach = false, OpenOptions opts = {},
                     const QString &key = {})
    {
        PlatformClient client(&m_nam, config(key));
        SessionOpener opener(&client, opts);
        Opened out;
        bool done = false;
        connect(&opener, &SessionOpener::phaseChanged, this,
                [&](const QString &p) { out.phases << p; });
        connect(&opener, &SessionOpener::ready, this, [&](const Session &s, const TtyTarget &t) {
            out.session = s;
            out.target = t;
            done = true;
        });
        connect(&opener, &SessionOpener::failed, this, [&](const LapError &e) {
            out.error = e;
            out.session = opener.session();
            done = true;
        });
        if (attach)
            opener.attach(agentOrSession);
        else
            opener.open(agentOrSession);
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            out.error = LapError(LapError::Kind::Timeout,
                                 QStringLiteral("test: the opener never finished"));
        return out;
    }

    // Opens a channel and waits for the outcome: no error once it is open, else why it failed.
    static LapError openOutcome(TtyChannel &channel, const TtyTarget &target)
    {
        QSignalSpy failed(&channel, &TtyChannel::failed);
        QSignalSpy opened(&channel, &TtyChannel::opened);
        channel.open(target);
        if (!QTest::qWaitFor([&] { return failed.count() + opened.count() > 0; }, 10000))
            return LapError(LapError::Kind::Timeout, QStringLiteral("test: no outcome"));
        if (!opened.isEmpty())
            return LapError();
        return failed.first().first().value<LapError>();
    }

    // Opens a channel and waits until it is open (or fails the test).
    static void openChannel(TtyChannel &channel, const TtyTarget &target)
    {
        const LapError e = openOutcome(channel, target);
        if (e.isError())
            QFAIL(qPrintable(e.text()));
    }

    // Why a channel to `target` does not open (no error if it does).
    static LapError channelFailure(const TtyTarget &target)
    {
        TtyChannel channel;
        channel.setConnectTimeout(5000);
        return openOutcome(channel, target);
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<LapError>();
        qRegisterMetaType<Session>();
        qRegisterMetaType<Agent>();
        qRegisterMetaType<TtyTarget>();
        qRegisterMetaType<TtyClose>();
    }
    void init()
    {
        // row04_nameFoundBeyondFirstPage needs its 260 agents seeded when the platform starts.
        const bool manyAgents =
            qstrcmp(QTest::currentTestFunction(), "row04_nameFoundBeyondFirstPage") == 0;
        startPlatform(manyAgents ? 260 : 0);
    }
    void cleanup() { m_platform.reset(); }

    // ---- the flows -----------------------------------------------------------------------

    void openTypeEchoResizeReattach()
    {
        const Opened o = runOpener(QStringLiteral("shell"));
        QVERIFY2(!o.error.isError(), qPrintable(o.error.text()));
        QCOMPARE(o.session.status, QStringLiteral("ready"));
        QVERIFY(o.target.url.path().endsWith(QStringLiteral("/tty")));
        QVERIFY(!o.target.token.isEmpty());

        TtyChannel channel;
        Screen screen(&channel);
        openChannel(channel, o.target);
        QVERIFY(channel.sendInput(QByteArrayLiteral("echo $((6*7)) marker-$((100+1))\r")));
        QVERIFY2(screen.waitFor("42 marker-101"), screen.text().constData());

        QVERIFY(channel.sendResize(91, 37));
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->lastPtySize(o.session.id), QSize(91, 37), 5000);
        // tmux applies the PTY's new size to its window a moment later (more under load):
        // ask until the shell sees it.
        bool seen = false;
        for (int i = 0; i < 20 && !seen; ++i) {
            screen.clear();
            QVERIFY(channel.sendInput(QByteArrayLiteral("stty size\r")));
            seen = screen.waitFor("37 91", 1000);
        }
        QVERIFY2(seen, screen.text().constData());

        // Leave something in the shell, detach, come back: it is the same shell.
        // Detached only once the shell has run the assignment (its echo is the proof).
        QVERIFY(
            channel.sendInput(QByteArrayLiteral("LAP_MARK=kept-$((2*21)); echo mark-$((3*3))\r")));
        QVERIFY2(screen.waitFor("mark-9"), screen.text().constData());
        QSignalSpy closed(&channel, &TtyChannel::closed);
        channel.close();
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 5000);
        QCOMPARE(closed.first().first().value<TtyClose>().reason, TtyClose::Reason::UserDetached);
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(o.session.id), 0, 5000);
        QCOMPARE(m_platform->sessionStatus(o.session.id), QStringLiteral("ready"));

        const Opened again = runOpener(o.session.id, true);
        QVERIFY2(!again.error.isError(), qPrintable(again.error.text()));
        TtyChannel second;
        Screen screen2(&second);
        openChannel(second, again.target);
        QVERIFY(second.sendInput(QByteArrayLiteral("echo got-$LAP_MARK\r")));
        QVERIFY2(screen2.waitFor("got-kept-42"), screen2.text().constData());
        second.close();
    }

    void sandboxStyleAndFallback()
    {
        m_platform->setTtyStyle(TtyStyle::Sandbox);
        const Opened o = runOpener(QStringLiteral("codex-shell"));
        QVERIFY2(!o.error.isError(), qPrintable(o.error.text()));
        QVERIFY2(o.target.url.path().startsWith(QStringLiteral("/sandboxes/")),
                 qPrintable(o.target.url.toString()));
        TtyChannel channel;
        Screen screen(&channel);
        openChannel(channel, o.target);
        QVERIFY(channel.sendInput(QByteArrayLiteral("echo sand-$((3*3))\r")));
        QVERIFY(screen.waitFor("sand-9"));

        // In-cluster sandbox_url + a fallback URL: the fallback is used and works.
        m_platform->setTtyStyle(TtyStyle::InCluster);
        OpenOptions opts;
        const Opened pre = runOpener(QStringLiteral("shell"), false, opts);
        QCOMPARE(pre.error.kind, LapError::Kind::NoTtyUrl);
        opts.overrides.fallbackUrl = QStringLiteral("ws://127.0.0.1:%1/sandboxes/%2/tty")
                                         .arg(m_platform->port())
                                         .arg(m_platform->sessionIds().first());
        const Opened fb = runOpener(pre.session.id, true, opts);
        QVERIFY2(!fb.error.isError(), qPrintable(fb.error.text()));
        QVERIFY(fb.target.usedFallback);
        TtyChannel third;
        Screen screen3(&third);
        openChannel(third, fb.target);
        QVERIFY(third.sendInput(QByteArrayLiteral("echo fb-$((4*4))\r")));
        QVERIFY(screen3.waitFor("fb-16"));
    }

    void phasesAreReportedAsTheyChange()
    {
        m_platform->setReadyDelayMs(1200);
        const Opened o = runOpener(QStringLiteral("shell"));
        QVERIFY2(!o.error.isError(), qPrintable(o.error.text()));
        QVERIFY2(o.phases.size() >= 3, qPrintable(o.phases.join(QLatin1Char(','))));
        QCOMPARE(o.phases.last(), QStringLiteral("ready"));
        for (int i = 1; i < o.phases.size(); ++i)
            QVERIFY(o.phases[i] != o.phases[i - 1]);
    }

    // ---- §10 error rows -------------------------------------------------------------------

    void row02_wrongMasterKey()
    {
        const Opened o = runOpener(QStringLiteral("shell"), false, {}, QStringLiteral("sk-wrong"));
        QCOMPARE(o.error.kind, LapError::Kind::Auth);
        QCOMPARE(o.error.text(),
                 QStringLiteral("Looking up the agent failed: master key rejected by %1 (HTTP "
                                "401). Sign in again with a valid master key.")
                     .arg(m_base));
    }

    void row03_platformUnreachable()
    {
        // A port that was just ours and is now closed: the connection is refused.
        const quint16 port = laptest::closedPort();
        QVERIFY(port != 0);
        PlatformConfig c = config();
        c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        PlatformClient client(&m_nam, c);
        SessionOpener opener(&client, {});
        QSignalSpy failed(&opener, &SessionOpener::failed);
        opener.open(QStringLiteral("shell"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        const LapError e = failed.first().first().value<LapError>();
        QCOMPARE(e.kind, LapError::Kind::Network);
        QCOMPARE(e.text(), QStringLiteral("Looking up the agent failed: cannot reach "
                                          "http://127.0.0.1:%1 (Connection refused). Check the "
                                          "platform URL and that the platform is running.")
                               .arg(port));
    }

    void row04_agentNameNotFound()
    {
        const Opened o = runOpener(QStringLiteral("no-such-agent"));
        QCOMPARE(o.error.kind, LapError::Kind::NotFound);
        QCOMPARE(o.error.message,
                 QStringLiteral("No agent named 'no-such-agent' on %1 — 5 agents available: "
                                "shell, codex-shell, gemini-shell, hermes-shell, chat-bot.")
                     .arg(m_base));
    }

    void row04_nameFoundBeyondFirstPage()
    {
        // 260 agents (see init()): the reference looks at the newest 50 only; we search every
        // page.
        QCOMPARE(m_platform->agents().size(), 5 + 260);
        const Opened o = runOpener(QStringLiteral("shell"));
        QVERIFY2(!o.error.isError(), qPrintable(o.error.text()));
        QCOMPARE(o.session.agentId, LocalPlatform::agentIdForName(QStringLiteral("shell")));
    }

    void row06_unknownAgentUuid()
    {
        const QString id = QStringLiteral("00000000-0000-4000-8000-000000000000");
        const Opened o = runOpener(id);
        QCOMPARE(o.error.kind, LapError::Kind::NotFound);
        QVERIFY2(o.error.message.endsWith(
                     QStringLiteral("failed: agent '%1' not found (HTTP 404).").arg(id)),
                 qPrintable(o.error.message));
    }

    void row09_threeFailedPollsInARow()
    {
        m_platform->setReadyDelayMs(3000);
        m_platform->setTransientErrors(3);
        const Opened o = runOpener(QStringLiteral("shell"));
        QCOMPARE(o.error.kind, LapError::Kind::Server);
        QVERIFY2(o.error.message.startsWith(
                     QStringLiteral("Checking the session failed: server error (HTTP 502): ")),
                 qPrintable(o.error.message));
        QCOMPARE(o.error.hint,
                 QStringLiteral("The platform had a problem; try again in a moment."));
    }

    void row09_twoFailedPollsAreTolerated()
    {
        m_platform->setReadyDelayMs(300);
        m_platform->setTransientErrors(2);
        const Opened o = runOpener(QStringLiteral("shell"));
        QVERIFY2(!o.error.isError(), qPrintable(o.error.text()));
        QCOMPARE(o.session.status, QStringLiteral("ready"));
    }

    void row10_startupFailed()
    {
        m_platform->setReadyDelayMs(200);
        m_platform->setFailStartup(QStringLiteral("watchdog: pod Failed"));
        const Opened o = runOpener(QStringLiteral("shell"));
        QCOMPARE(o.error.kind, LapError::Kind::SessionFailed);
        QCOMPARE(o.error.message,
                 QStringLiteral("The session failed to start: watchdog: pod Failed."));
        QVERIFY2(o.error.detail.contains(QStringLiteral("failure_reason: watchdog: pod Failed")),
                 qPrintable(o.error.detail));
        QVERIFY(o.error.detail.contains(QStringLiteral("status:         failed")));
        QVERIFY(o.error.detail.contains(QStringLiteral("session_id:     ")));
    }

    void row11_reapedDuringStartup()
    {
        m_platform->setReadyDelayMs(4000);
        PlatformClient client(&m_nam, config());
        SessionOpener opener(&client, {});
        QSignalSpy failed(&opener, &SessionOpener::failed);
        QSignalSpy created(&opener, &SessionOpener::sessionCreated);
        opener.open(QStringLiteral("shell"));
        QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 5000);
        const QString id = created.first().first().value<Session>().id;
        QVERIFY(m_platform->markDead(id, QStringLiteral("task disappeared")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        const LapError e = failed.first().first().value<LapError>();
        QCOMPARE(e.kind, LapError::Kind::SessionFailed);
        QCOMPARE(e.message, QStringLiteral("The session is dead: task disappeared."));
        QVERIFY(e.detail.contains(QStringLiteral("status:         dead")));
    }

    void row12_notReadyInTime()
    {
        m_platform->setReadyDelayMs(20000);
        OpenOptions opts;
        opts.giveUpMs = 1500;
        const Opened o = runOpener(QStringLiteral("shell"), false, opts);
        QCOMPARE(o.error.kind, LapError::Kind::StartTimeout);
        QVERIFY2(o.error.message.startsWith(
                     QStringLiteral("The session did not become ready within 1.5 s (last phase: ")),
                 qPrintable(o.error.message));
        QCOMPARE(o.error.hint,
                 QStringLiteral("The platform keeps trying for up to 10 minutes and the session "
                                "was left running: attach to it later, or raise the give-up time "
                                "in Settings."));
        QVERIFY(o.error.detail.contains(QStringLiteral("status:         creating")));
        QCOMPARE(m_platform->sessionStatus(o.session.id), QStringLiteral("creating"));
    }

    void row13_inClusterWithoutTtyUrl()
    {
        m_platform->setTtyStyle(TtyStyle::InCluster);
        const Opened o = runOpener(QStringLiteral("shell"));
        QCOMPARE(o.error.kind, LapError::Kind::NoTtyUrl);
        const QString sandbox = m_platform->sessionJson(m_platform->sessionIds().first())
                                    .value(QStringLiteral("sandbox_url"))
                                    .toString();
        QVERIFY(sandbox.contains(QStringLiteral(".svc.cluster.local")));
        QCOMPARE(o.error.text(),
                 QStringLiteral("session.sandbox_url is in-cluster (%1) and the platform did not "
                                "return a tty_url. Upgrade the platform, or set a TTY fallback URL "
                                "(ws://host:port/tty) in Settings or in LAP_TTY_FALLBACK.")
                     .arg(sandbox));
    }

    void row14_ttyTokenRejected()
    {
        m_platform->setAdvertiseWrongToken(true);
        const Opened o = runOpener(QStringLiteral("shell"));
        QVERIFY2(!o.error.isError(), qPrintable(o.error.text()));
        const LapError e = channelFailure(o.target);
        QCOMPARE(e.kind, LapError::Kind::TtyUpgrade);
        QCOMPARE(e.httpStatus, 401);
        QCOMPARE(e.text(), QStringLiteral("The sandbox refused the terminal connection: TTY token "
                                          "rejected (HTTP 401). The pod may predate the "
                                          "platform's harness token: restart the session, or set "
                                          "LAP_TTY_TOKEN."));
        QCOMPARE(m_platform->livePtyCount(), 0); // rejected before any PTY was spawned
    }

    void row14_noTtyToken()
    {
        m_platform->setNoTtyToken(true);
        const Opened o = runOpener(QStringLiteral("shell"));
        QVERIFY2(!o.error.isError(), qPrintable(o.error.text()));
        QVERIFY(o.target.token.isEmpty());
        const LapError e = channelFailure(o.target);
        QCOMPARE(e.httpStatus, 401);
        QCOMPARE(e.text(), QStringLiteral("The sandbox refused the terminal connection: no TTY "
                                          "token was sent (HTTP 401). The platform returned no "
                                          "tty_token: set LAP_TTY_TOKEN."));
    }

    void row15_sandboxNotAssignedYet()
    {
        m_platform->setReadyDelayMs(20000);
        PlatformClient client(&m_nam, config());
        const Result<Session> created = laptest::awaitResult<Session>(
            [&](auto done) {
                client.createSession(LocalPlatform::agentIdForName(QStringLiteral("shell")),
                                     QStringLiteral("t"), done);
            },
            "createSession");
        QVERIFY2(created.ok(), qPrintable(created.error.text()));
        TtyTarget t;
        t.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/managed_agents/sessions/%2/tty")
                         .arg(m_platform->port())
                         .arg(created.value.id));
        t.token = m_platform->harnessToken();
        const LapError e = channelFailure(t);
        QCOMPARE(e.httpStatus, 503);
        QCOMPARE(e.text(), QStringLiteral("The sandbox is not ready for a terminal yet (HTTP 503). "
                                          "It is starting or restarting; try again in a moment."));
    }

    void row16_sandboxGone()
    {
        m_platform->setTtyStyle(TtyStyle::Sandbox);
        const Opened o = runOpener(QStringLiteral("shell"));
        QVERIFY2(!o.error.isError(), qPrintable(o.error.text()));
        QVERIFY(m_platform->markDead(o.session.id, QStringLiteral("oom killed")));
        const LapError e = channelFailure(o.target);
        QCOMPARE(e.kind, LapError::Kind::TtyConnect);
        QVERIFY2(e.message.startsWith(QStringLiteral("Cannot reach the sandbox at 127.0.0.1:%1: ")
                                          .arg(m_platform->port())),
                 qPrintable(e.message));
        QCOMPARE(e.hint, QStringLiteral("The pod may be gone or the address unreachable."));
    }

    void row17_midSessionDropThenStillReady()
    {
        m_platform->setDropAfterMs(400);
        const Opened o = runOpener(QStringLiteral("shell"));
        QVERIFY2(!o.error.isError(), qPrintable(o.error.text()));
        TtyChannel channel;
        QSignalSpy closed(&channel, &TtyChannel::closed);
        openChannel(channel, o.target);
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 10000);
        const TtyClose c = closed.first().first().value<TtyClose>();
        QCOMPARE(c.reason, TtyClose::Reason::Dropped);
        QCOMPARE(c.code, 1006);

        PlatformClient client(&m_nam, config());
        const Result<Session> after = laptest::awaitResult<Session>(
            [&](auto done) { client.getSession(o.session.id, done); }, "getSession");
        QCOMPARE(describeDrop(c, after),
                 QStringLiteral("Connection lost (code 1006: abnormal closure). The session is "
                                "still running — reconnect to continue."));
    }

    void row18_agentExited()
    {
        const Opened o = runOpener(QStringLiteral("shell"));
        QVERIFY2(!o.error.isError(), qPrintable(o.error.text()));
        TtyChannel channel;
        QSignalSpy closed(&channel, &TtyChannel::closed);
        openChannel(channel, o.target);
        QVERIFY(channel.sendInput(QByteArrayLiteral("exit 3\r")));
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 10000);
        const TtyClose c = closed.first().first().value<TtyClose>();
        QCOMPARE(c.reason, TtyClose::Reason::AgentExited);
        QVERIFY2(c.notice.startsWith(QStringLiteral("[bridge] process exited")),
                 qPrintable(c.notice));
        QVERIFY2(
            c.describe().startsWith(QStringLiteral("The agent exited ([bridge] process exited")),
            qPrintable(c.describe()));
    }

    void row20_idleReaperKillsAttachedSession()
    {
        m_platform->setIdleTimeoutMs(1500);
        const Opened o = runOpener(QStringLiteral("shell"));
        QVERIFY2(!o.error.isError(), qPrintable(o.error.text()));
        TtyChannel channel;
        QSignalSpy closed(&channel, &TtyChannel::closed);
        openChannel(channel, o.target);
        // TTY traffic does not count as activity on the platform (docs/platform-api.md §5).
        QVERIFY(channel.sendInput(QByteArrayLiteral("echo busy\r")));
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 15000);
        const TtyClose c = closed.first().first().value<TtyClose>();
        QCOMPARE(c.reason, TtyClose::Reason::Dropped);

        PlatformClient client(&m_nam, config());
        const Result<Session> after = laptest::awaitResult<Session>(
            [&](auto done) { client.getSession(o.session.id, done); }, "getSession");
        QVERIFY(after.ok());
        QCOMPARE(after.value.status, QStringLiteral("dead"));
        QVERIFY2(
            describeDrop(c, after).endsWith(QStringLiteral(" Session is dead — idle timeout.")),
            qPrintable(describeDrop(c, after)));

        // Resuming it is refused with the reason (row 23).
        const Opened r = runOpener(o.session.id, true);
        QCOMPARE(r.error.kind, LapError::Kind::SessionFailed);
        QCOMPARE(r.error.message,
                 QStringLiteral("Cannot attach — the session is dead: idle timeout."));
    }

    void row21_badResumeArgument()
    {
        const Result<ResumeArgument> r = parseResumeArgument(QStringLiteral("http://x/agents/1"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error.message, QStringLiteral("'http://x/agents/1' is not a session id or a "
                                                 "<base>/sessions/<id> URL."));
    }

    void row22_resumeUnknownSession()
    {
        const QString id = QStringLiteral("11111111-2222-4333-8444-555555555555");
        const Opened o = runOpener(id, true);
        QCOMPARE(o.error.kind, LapError::Kind::NotFound);
        QCOMPARE(o.error.message,
                 QStringLiteral("Fetching the session failed: session %1 not found (HTTP 404).")
                     .arg(id));
    }

    void row23_resumeDeletedSession()
    {
        const Opened o = runOpener(QStringLiteral("shell"));
        QVERIFY2(!o.error.isError(), qPrintable(o.error.text()));
        PlatformClient client(&m_nam, config());
        const Result<QString> deleted = laptest::awaitResult<QString>(
            [&](auto done) { client.deleteSession(o.session.id, done); }, "deleteSession");
        QVERIFY2(deleted.ok(), qPrintable(deleted.error.text()));
        QCOMPARE(deleted.value, QStringLiteral("deleted"));
        const Opened r = runOpener(o.session.id, true);
        QCOMPARE(r.error.kind, LapError::Kind::SessionFailed);
        QVERIFY2(r.error.message.startsWith(QStringLiteral("Cannot attach — the session is dead:")),
                 qPrintable(r.error.message));
    }
};

QTEST_GUILESS_MAIN(TestFlows)
#include "tst_flows.moc"
