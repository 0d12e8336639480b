// SPDX-License-Identifier: GPL-2.0-or-later
// Session keep-alive: the policy as a table and as a simulated hour of typing; the QObject with
// a fake clock against a canned HTTP server (every request counted); and the whole thing
// against the in-process local platform with a 3 s idle reaper.

#include "cannedhttpserver.h"
#include "laptest.h"
#include "localplatform.h"
#include "platformclient.h"
#include "sessionkeepalive.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace lap;
using laptest::CannedHttpServer;
using laptest::CannedResponse;

namespace {

constexpr int kTimeoutMs = 20000;
constexpr qint64 kNever = kKeepAliveNever;
const QString kSessionId = QStringLiteral("5e551011-0000-4000-8000-00000000cafe");
const QByteArray kEventsPath = laptest::api("/sessions/" + kSessionId.toLatin1() + "/events");

KeepAlivePolicy policy(qint64 idle, qint64 minInterval)
{
    KeepAlivePolicy p;
    p.idleWindowMs = idle;
    p.minIntervalMs = minInterval;
    return p;
}

// A SessionKeepAlive for kSessionId (15 min window, 2 min interval) on a fake clock that starts
// at `nowMs`, against a canned server whose touches (GET kEventsPath) get `answers` in order;
// `touched` records its signals. Each test checks server.isListening() first.
struct KeepAliveRig
{
    KeepAliveRig(QNetworkAccessManager *nam, qint64 nowMs, QList<CannedResponse> answers)
        : client(nam, startServer(server, std::move(answers)))
        , now(nowMs)
        , keepAlive(&client, kSessionId)
        , touched(&keepAlive, &SessionKeepAlive::touched)
    {
        keepAlive.setClock([this] { return now; });
    }
    KeepAliveRig(const KeepAliveRig &) = delete;
    KeepAliveRig &operator=(const KeepAliveRig &) = delete;

    CannedHttpServer server;
    PlatformClient client;
    qint64 now;
    SessionKeepAlive keepAlive;
    QSignalSpy touched;

private:
    static PlatformConfig startServer(CannedHttpServer &server, QList<CannedResponse> answers)
    {
        server.start();
        if (!answers.isEmpty())
            server.script("GET", kEventsPath, std::move(answers));
        return {server.baseUrl(), QStringLiteral("mk"), 30000, {}, {}};
    }
};

} // namespace

class TestSessionKeepAlive : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

private slots:
    void interval_data()
    {
        QTest::addColumn<qint64>("idle");
        QTest::addColumn<qint64>("minInterval");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("platform default: every 2 min")
            << qint64(900000) << qint64(120000) << qint64(120000);
        QTest::newRow("window exactly 3 intervals")
            << qint64(360000) << qint64(120000) << qint64(120000);
        QTest::newRow("short window: a third")
            << qint64(300000) << qint64(120000) << qint64(100000);
        QTest::newRow("test window 3 s") << qint64(3000) << qint64(120000) << qint64(1000);
        QTest::newRow("no minimum: a third") << qint64(900000) << qint64(0) << qint64(300000);
        QTest::newRow("tiny window: floor") << qint64(150) << qint64(120000) << kMinTouchIntervalMs;
        QTest::newRow("never reaped (inline harness)") << qint64(0) << qint64(120000) << qint64(0);
        QTest::newRow("negative window") << qint64(-5) << qint64(120000) << qint64(0);
    }
    void interval()
    {
        QFETCH(qint64, idle);
        QFETCH(qint64, minInterval);
        QFETCH(qint64, expected);
        QCOMPARE(keepAliveIntervalMs(policy(idle, minInterval)), expected);
    }

    void shouldTouch_data()
    {
        QTest::addColumn<qint64>("now");
        QTest::addColumn<qint64>("lastInput");
        QTest::addColumn<qint64>("lastTouch");
        QTest::addColumn<qint64>("idle");
        QTest::addColumn<bool>("expected");
        const qint64 t0 = 1750000000000; // a wall-clock time in ms
        const qint64 d = 900000;
        QTest::newRow("no input ever") << t0 << kNever << kNever << d << false;
        QTest::newRow("no input ever, touched long ago")
            << t0 << kNever << t0 - 10 * d << d << false;
        QTest::newRow("first input, never touched: at once") << t0 << t0 << kNever << d << true;
        QTest::newRow("input only before the last touch")
            << t0 + 600000 << t0 - 1 << t0 << d << false;
        QTest::newRow("input at the very ms of the touch") << t0 + 600000 << t0 << t0 << d << false;
        QTest::newRow("input after touch, too soon") << t0 + 119999 << t0 + 5 << t0 << d << false;
        QTest::newRow("input after touch, interval over")
            << t0 + 120000 << t0 + 5 << t0 << d << true;
        QTest::newRow("input after touch, long over") << t0 + 800000 << t0 + 5 << t0 << d << true;
        QTest::newRow("3 s window: 999 ms") << t0 + 999 << t0 + 500 << t0 << qint64(3000) << false;
        QTest::newRow("3 s window: 1000 ms") << t0 + 1000 << t0 + 500 << t0 << qint64(3000) << true;
        QTest::newRow("clock set back") << t0 - 60000 << t0 + 5 << t0 << d << true;
        QTest::newRow("inline harness: never") << t0 + d << t0 + 5 << t0 << qint64(0) << false;
    }
    void shouldTouch()
    {
        QFETCH(qint64, now);
        QFETCH(qint64, lastInput);
        QFETCH(qint64, lastTouch);
        QFETCH(qint64, idle);
        QFETCH(bool, expected);
        QCOMPARE(lap::shouldTouch(now, lastInput, lastTouch, policy(idle, 120000)), expected);
    }

    // Drives the pure policy through simulated time: (a) steady typing is refreshed at least
    // once per window with two thirds of it to spare, (b) no typing since the last touch means
    // no touch, (c) never more often than the interval.
    void simulatedTyping_data()
    {
        QTest::addColumn<qint64>("idle");
        QTest::addColumn<qint64>("minInterval");
        QTest::addColumn<qint64>("tick");
        QTest::newRow("platform defaults") << qint64(900000) << qint64(120000) << qint64(1000);
        QTest::newRow("3 s test window") << qint64(3000) << qint64(120000) << qint64(50);
        QTest::newRow("24 h window") << qint64(86400000) << qint64(120000) << qint64(5000);
    }
    void simulatedTyping()
    {
        QFETCH(qint64, idle);
        QFETCH(qint64, minInterval);
        QFETCH(qint64, tick);
        const KeepAlivePolicy p = policy(idle, minInterval);
        const qint64 interval = keepAliveIntervalMs(p);
        const qint64 typingEnds = 4 * idle;
        const qint64 end = 7 * idle;
        qint64 lastInput = kNever;
        qint64 lastTouch = kNever;
        QList<qint64> touches;
        for (qint64 now = 0; now <= end; now += tick) {
            // Bursts: three ticks of typing, then a pause of two.
            if (now < typingEnds && (now / tick) % 5 < 3)
                lastInput = now;
            if (lap::shouldTouch(now, lastInput, lastTouch, p)) {
                touches << now;
                lastTouch = now;
            }
        }
        QVERIFY(touches.size() >= 4);
        QCOMPARE(touches.first(), qint64(0));
        for (int i = 1; i < touches.size(); ++i) {
            const qint64 gap = touches.at(i) - touches.at(i - 1);
            QVERIFY2(gap >= interval, qPrintable(QString::number(gap)));            // (c)
            QVERIFY2(gap <= interval + 3 * tick, qPrintable(QString::number(gap))); // (a)
            QVERIFY(gap <= idle / 3 + 3 * tick);
        }
        // (b): the last touch covers the last input, and nothing follows it.
        QVERIFY(touches.last() >= lastInput);
        QVERIFY(touches.last() <= typingEnds + interval + tick);
        // So the platform reaps the idle session one window after the last touch.
        QVERIFY(touches.last() + idle < end);
    }

    // ---- the QObject, with a fake clock ---------------------------------------------------

    void touchesOnlyForInputAndRateLimits()
    {
        KeepAliveRig f(&m_nam, 1000000, {CannedResponse::eventStream(200)});
        QVERIFY(f.server.isListening()); // 15 min window, 2 min interval

        // Attached but the user never typed: nothing, however long.
        f.keepAlive.check();
        f.now += 3600000;
        f.keepAlive.check();
        QCOMPARE(f.keepAlive.msUntilNextCheck(), -1);
        QTest::qWait(200);
        QCOMPARE(f.server.count("GET", kEventsPath), 0);

        // The first keystroke touches at once (a resumed session may be nearly a window old).
        f.keepAlive.noteInput();
        QTRY_COMPARE_WITH_TIMEOUT(f.touched.count(), 1, kTimeoutMs);
        QCOMPARE(f.touched.at(0).at(0).toBool(), true);
        QCOMPARE(f.touched.at(0).at(1).toString(), QString());
        QCOMPARE(f.server.count("GET", kEventsPath), 1);
        const laptest::CannedRequest req = f.server.requestsTo("GET", kEventsPath).first();
        QCOMPARE(req.header("authorization"), QByteArray("Bearer mk"));
        QCOMPARE(req.header("accept"), QByteArray("text/event-stream"));
        QCOMPARE(f.keepAlive.lastTouchMs(), f.now);
        const qint64 firstTouch = f.now;

        // Typing on: the next check is armed for one interval after the touch, not sooner.
        f.now += 10000;
        f.keepAlive.noteInput();
        // Qt's coarse timers may fire up to 5 % late (and report their remaining time so).
        QVERIFY(f.keepAlive.msUntilNextCheck() > 100000);
        QVERIFY(f.keepAlive.msUntilNextCheck() <= 110000 * 105 / 100);
        f.now = firstTouch + 119999;
        f.keepAlive.check();
        QTest::qWait(200);
        QCOMPARE(f.server.count("GET", kEventsPath), 1);
        f.now = firstTouch + 120000;
        f.keepAlive.check();
        QTRY_COMPARE_WITH_TIMEOUT(f.touched.count(), 2, kTimeoutMs);
        QCOMPARE(f.server.count("GET", kEventsPath), 2);

        // The user stops: that input is covered, nothing more is sent and nothing is armed.
        f.now += 3600000;
        f.keepAlive.check();
        QCOMPARE(f.keepAlive.msUntilNextCheck(), -1);
        QTest::qWait(200);
        QCOMPARE(f.server.count("GET", kEventsPath), 2);
    }

    void disabledSendsNothingUntilEnabled()
    {
        KeepAliveRig f(&m_nam, 5000000, {CannedResponse::eventStream(200)});
        QVERIFY(f.server.isListening());
        f.keepAlive.setEnabled(false);
        QVERIFY(!f.keepAlive.isEnabled());
        f.keepAlive.noteInput();
        f.keepAlive.check();
        QCOMPARE(f.keepAlive.msUntilNextCheck(), -1);
        QTest::qWait(300);
        QCOMPARE(f.server.count("GET", kEventsPath), 0);

        // Typed while off: turning it on refreshes at once.
        f.keepAlive.setEnabled(true);
        QTRY_COMPARE_WITH_TIMEOUT(f.touched.count(), 1, kTimeoutMs);
        QCOMPARE(f.server.count("GET", kEventsPath), 1);
    }

    void failedTouchIsRetriedSooner()
    {
        KeepAliveRig f(&m_nam, 7000000,
                       {CannedResponse::json(502, R"({"error":"upstream down"})"),
                        CannedResponse::eventStream(200)});
        QVERIFY(f.server.isListening()); // interval 120 s: retry after 30 s
        f.keepAlive.noteInput();
        QTRY_COMPARE_WITH_TIMEOUT(f.touched.count(), 1, kTimeoutMs);
        QCOMPARE(f.touched.at(0).at(0).toBool(), false);
        QCOMPARE(f.touched.at(0).at(1).toString(),
                 QStringLiteral("Refreshing the session failed: server error (HTTP 502): upstream "
                                "down. The platform had a problem; try again in a moment."));
        QCOMPARE(f.keepAlive.lastTouchMs(), kNever);
        QVERIFY(f.keepAlive.msUntilNextCheck() > 29000);
        QVERIFY(f.keepAlive.msUntilNextCheck() <= 30000 * 105 / 100);

        f.now += 29999;
        f.keepAlive.check();
        QTest::qWait(200);
        QCOMPARE(f.server.count("GET", kEventsPath), 1);
        f.now += 1;
        f.keepAlive.check();
        QTRY_COMPARE_WITH_TIMEOUT(f.touched.count(), 2, kTimeoutMs);
        QCOMPARE(f.touched.at(1).at(0).toBool(), true);
        QCOMPARE(f.keepAlive.lastTouchMs(), f.now);
    }

    void goneSessionBacksOffAWholeInterval()
    {
        KeepAliveRig f(&m_nam, 9000000,
                       {CannedResponse::json(404, "{\"error\":\"session " + kSessionId.toLatin1() +
                                                      " not found\"}")});
        QVERIFY(f.server.isListening());
        f.keepAlive.noteInput();
        QTRY_COMPARE_WITH_TIMEOUT(f.touched.count(), 1, kTimeoutMs);
        QCOMPARE(f.touched.at(0).at(0).toBool(), false);
        f.now += 30000;
        f.keepAlive.check();
        QTest::qWait(200);
        QCOMPARE(f.server.count("GET", kEventsPath), 1);
        f.now += 90000;
        f.keepAlive.check();
        QTRY_COMPARE_WITH_TIMEOUT(f.touched.count(), 2, kTimeoutMs);
        QCOMPARE(f.server.count("GET", kEventsPath), 2);
    }

    void noWindowNoTouch()
    {
        KeepAliveRig f(&m_nam, 11000000, {}); // nothing scripted: a touch would get a 404
        QVERIFY(f.server.isListening());
        f.keepAlive.setIdleWindowMs(0); // idle_timeout_ms null: an inline harness
        f.keepAlive.noteInput();
        f.keepAlive.check();
        QCOMPARE(f.keepAlive.msUntilNextCheck(), -1);
        QTest::qWait(200);
        QCOMPARE(f.server.requests().size(), 0);
    }

    // ---- against the local platform --------------------------------------------------------

    // A typed-in session outlives several idle windows; the one next to it, untouched, is
    // reaped; and once the typing stops the kept one gets only the touch that covers the last
    // keystroke and is then reaped too. The platform's reaper, both keep-alives and the typing
    // share one fake clock that the test steps, so a loaded machine cannot stretch a 3 s
    // window: every touch is predicted by shouldTouch() and every reap by the window.
    void keepsATypedSessionAliveAgainstTheReaper()
    {
        constexpr qint64 kIdleMs = 3000;
        constexpr qint64 kStepMs = 100;
        constexpr qint64 kTypeEveryMs = 300;
        constexpr qint64 kTypingMs = 8000;
        qint64 now = 1750000000000;
        local::LocalPlatformOptions options;
        options.readyDelayMs = 0;
        options.idleTimeoutMs = kIdleMs;
        local::LocalPlatform platform(options);
        platform.setClock([&now] { return QDateTime::fromMSecsSinceEpoch(now).toUTC(); });
        QString error;
        QVERIFY2(platform.start(&error), qPrintable(error));
        PlatformClient client(&m_nam, {platform.baseUrl(), platform.masterKey(), 30000, {}, {}});

        const QString agent = local::LocalPlatform::agentIdForName(QStringLiteral("shell"));
        QStringList ids;
        for (int i = 0; i < 2; ++i) {
            const Result<Session> created = laptest::awaitResult<Session>(
                [&](auto done) { client.createSession(agent, QStringLiteral("keep-alive"), done); },
                "createSession", kTimeoutMs);
            QVERIFY2(created.ok(), qPrintable(created.error.text()));
            ids << created.value.id;
        }
        const QString kept = ids.at(0);
        const QString left = ids.at(1);
        QTRY_COMPARE_WITH_TIMEOUT(platform.sessionStatus(kept), QStringLiteral("ready"),
                                  kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(platform.sessionStatus(left), QStringLiteral("ready"),
                                  kTimeoutMs);
        const qint64 readyAt = now; // both rows' last_seen_at

        const Result<Session> fetched = laptest::awaitResult<Session>(
            [&](auto done) { client.getSession(kept, done); }, "getSession", kTimeoutMs);
        QVERIFY2(fetched.ok(), qPrintable(fetched.error.text()));
        const Session row = fetched.value;
        QCOMPARE(row.idleTimeoutMs.value_or(-1), kIdleMs);

        SessionKeepAlive keeper(&client, kept);
        keeper.setClock([&now] { return now; });
        keeper.setIdleWindowMs(*row.idleTimeoutMs);
        SessionKeepAlive idler(&client, left); // attached, never typed into
        idler.setClock([&now] { return now; });
        idler.setIdleWindowMs(*row.idleTimeoutMs);
        QSignalSpy touches(&keeper, &SessionKeepAlive::touched);
        QSignalSpy idleTouches(&idler, &SessionKeepAlive::touched);
        const KeepAlivePolicy p = policy(kIdleMs, KeepAlivePolicy().minIntervalMs);
        const qint64 interval = keepAliveIntervalMs(p);
        QCOMPARE(interval, qint64(1000));

        qint64 lastInput = kNever;
        QList<qint64> touchTimes;
        const qint64 stopAt = readyAt + 2 * kTypingMs; // far beyond the expected reap
        for (now = readyAt; now <= stopAt; now += kStepMs) {
            if (now - readyAt <= kTypingMs && (now - readyAt) % kTypeEveryMs == 0) {
                keeper.noteInput();
                lastInput = now;
            }
            const bool due = lap::shouldTouch(now, lastInput, keeper.lastTouchMs(), p);
            keeper.check();
            idler.check();
            if (due) {
                QTRY_COMPARE_WITH_TIMEOUT(touches.count(), touchTimes.size() + 1, kTimeoutMs);
                QVERIFY2(touches.last().at(0).toBool(),
                         qPrintable(touches.last().at(1).toString()));
                QCOMPARE(keeper.lastTouchMs(), now);
                touchTimes << now;
            }
            QCOMPARE(touches.count(), touchTimes.size()); // never a touch that was not due
            QCOMPARE(idleTouches.count(), 0);

            platform.reapIdle();
            const qint64 keptSeen = touchTimes.isEmpty() ? readyAt : touchTimes.last();
            const bool keptIdle = now - keptSeen > kIdleMs;
            QCOMPARE(platform.sessionStatus(left),
                     now - readyAt > kIdleMs ? QStringLiteral("dead") : QStringLiteral("ready"));
            QCOMPARE(platform.sessionStatus(kept),
                     keptIdle ? QStringLiteral("dead") : QStringLiteral("ready"));
            if (keptIdle)
                break;
        }
        QCOMPARE(platform.sessionJson(left).value(QLatin1String("failure_reason")).toString(),
                 QStringLiteral("idle timeout"));
        QCOMPARE(platform.sessionStatus(kept), QStringLiteral("dead"));
        QCOMPARE(platform.sessionJson(kept).value(QLatin1String("failure_reason")).toString(),
                 QStringLiteral("idle timeout"));

        // Kept through the whole typing (several windows): the first keystroke touched at once,
        // then one touch per interval while the typing went on.
        QVERIFY(now - readyAt > kTypingMs + kIdleMs);
        QCOMPARE(touchTimes.first(), readyAt);
        QVERIFY2(touchTimes.size() >= kTypingMs / interval,
                 qPrintable(QString::number(touchTimes.size())));
        for (int i = 1; i < touchTimes.size(); ++i) {
            const qint64 gap = touchTimes.at(i) - touchTimes.at(i - 1);
            QVERIFY2(gap >= interval && gap <= interval + kStepMs,
                     qPrintable(QString::number(gap)));
        }
        // Once the typing stopped: the last touch covers the last keystroke, comes within one
        // interval of it, and nothing more is armed, so the session was left to the reaper.
        QVERIFY(touchTimes.last() >= lastInput);
        QVERIFY(touchTimes.last() <= lastInput + interval);
        QCOMPARE(keeper.msUntilNextCheck(), -1);
        QCOMPARE(touches.count(), touchTimes.size());
        QCOMPARE(idleTouches.count(), 0);
        platform.stop();
    }
};

QTEST_GUILESS_MAIN(TestSessionKeepAlive)
#include "tst_sessionkeepalive.moc"
