// SPDX-License-Identifier: GPL-2.0-or-later
#include "cannedhttpserver.h"
#include "laptest.h"
#include "platformclient.h"
#include "sessionopener.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace lap;
using laptest::CannedHttpServer;
using laptest::CannedRequest;
using laptest::CannedResponse;

// moc (Qt 5) does not know raw strings: inside them a "//" reads as a comment and a lone quote
// as a character literal, so such JSON fixtures are written as ordinary literals.

namespace {

using laptest::api;
using laptest::kAgentUuid;
using laptest::kSessionUuid;
const int kWait = 15000;

QByteArray sessionPath()
{
    return api(QByteArray("/sessions/") + kSessionUuid);
}

QString jsonOrNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("null") : QLatin1Char('"') + s + QLatin1Char('"');
}

// A session row; a ready one carries the relative tty_url the platform sends in-cluster.
QByteArray sessionJson(const QString &status, const QString &phase = QString(),
                       const QString &reason = QString())
{
    const bool ready = status == QLatin1String("ready");
    const QString ttyUrl = ready ? QStringLiteral("/api/v1/managed_agents/sessions/%1/tty")
                                       .arg(QLatin1String(kSessionUuid))
                                 : QString();
    return QStringLiteral(R"({"id":"%1","agent_id":"%2","status":"%3","phase":%4,)"
                          R"("phase_detail":null,"failure_reason":%5,)"
                          "\"sandbox_url\":\"http:/"
                          "/sbx-1.lap.svc.cluster.local:4096\",\"tty_url\":%6,"
                          R"("tty_token":"harness-token","supports_tui":true,)"
                          R"("created_at":"2026-06-01T08:00:00.000Z","last_seen_at":null})")
        .arg(QLatin1String(kSessionUuid), QLatin1String(kAgentUuid), status, jsonOrNull(phase),
             jsonOrNull(reason), jsonOrNull(ttyUrl))
        .toUtf8();
}

CannedResponse answer(const QString &status, const QString &phase = QString(),
                      const QString &reason = QString())
{
    return CannedResponse::json(200, sessionJson(status, phase, reason));
}

QByteArray agentJson(const QString &id, const QString &name)
{
    return QStringLiteral(
               R"({"id":"%1","name":"%2","harness_id":"claude-code","supports_tui":true})")
        .arg(id, name)
        .toUtf8();
}

} // namespace

class TestSessionOpener : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CannedHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<PlatformClient> m_client;
    QString m_base;

    // The agent by id and a create that answers `create` ("creating" unless told); each test
    // scripts the polls.
    void scriptAgentAndCreate(const CannedResponse &create = CannedResponse::json(
                                  200, sessionJson(QStringLiteral("creating"))))
    {
        m_server->scriptAgentAndCreate(
            kAgentUuid, create, agentJson(QLatin1String(kAgentUuid), QStringLiteral("coder")));
    }

    OpenOptions options(int giveUpMs = 600000, int maxPollMs = 1500) const
    {
        OpenOptions o;
        o.giveUpMs = giveUpMs;
        o.maxPollIntervalMs = maxPollMs;
        return o;
    }

    int polls() const { return m_server->count("GET", sessionPath()); }

    static QStringList phases(const QSignalSpy &spy)
    {
        QStringList out;
        for (const QList<QVariant> &args : spy)
            out << args.at(0).toString();
        return out;
    }

    static LapError errorOf(const QSignalSpy &failed)
    {
        return failed.first().at(0).value<LapError>();
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<lap::LapError>();
        qRegisterMetaType<lap::Agent>();
        qRegisterMetaType<lap::Session>();
        qRegisterMetaType<lap::TtyTarget>();
    }

    void init()
    {
        m_server = std::make_unique<CannedHttpServer>();
        QVERIFY(m_server->start());
        m_base = m_server->baseUrl().toString();
        m_nam = std::make_unique<QNetworkAccessManager>();
        PlatformConfig cfg;
        cfg.baseUrl = m_server->baseUrl();
        cfg.masterKey = QStringLiteral("sk-master");
        cfg.requestTimeoutMs = kWait;
        m_client = std::make_unique<PlatformClient>(m_nam.get(), cfg);
    }

    void cleanup()
    {
        m_client.reset();
        m_nam.reset();
        m_server.reset();
    }

    void pollSchedule()
    {
        QCOMPARE(pollDelayMs(0, 0), 0); // the first poll goes at once
        QCOMPARE(pollDelayMs(0, 5000), 0);
        QCOMPARE(pollDelayMs(1, 0), 100); // never faster than every 100 ms
        QCOMPARE(pollDelayMs(5, 799), 100);
        QCOMPARE(pollDelayMs(5, 1600), 200); // elapsed / 8
        QCOMPARE(pollDelayMs(5, 8000), 1000);
        QCOMPARE(pollDelayMs(5, 12000), 1500); // the reference's cadence at most
        QCOMPARE(pollDelayMs(5, 3600000), 1500);
        QCOMPARE(pollDelayMs(5, 8000, 400), 400);
        QCOMPARE(pollDelayMs(5, 8000, 3000), 1000);
        QCOMPARE(pollDelayMs(5, 0, 50), 50); // a cap below the floor wins
        QCOMPARE(pollDelayMs(5, -20), 100);
        QCOMPARE(pollDelayMs(-1, 100), 0);
        QCOMPARE(pollDelayMs(3, 0, -5), 0);

        // Against a platform that answers at once: a ready at t is seen by t * 9/8 + 100 ms, and
        // a 90 s cold start costs 85 polls (the reference: 60, seen up to 1.5 s late).
        const auto pollsUntil = [](qint64 readyMs, int *count) {
            qint64 t = 0;
            int n = 0;
            while (true) {
                t += pollDelayMs(n++, t);
                if (t >= readyMs)
                    break;
            }
            *count = n;
            return t;
        };
        int count = 0;
        for (qint64 ready : {0, 50, 450, 2000, 2050, 30000, 90000}) {
            const qint64 seen = pollsUntil(ready, &count);
            QVERIFY2(seen <= ready * 9 / 8 + 100,
                     qPrintable(QStringLiteral("ready at %1 seen at %2").arg(ready).arg(seen)));
        }
        QCOMPARE(pollsUntil(2000, &count), qint64(2049));
        QCOMPARE(count, 17);
        pollsUntil(90000, &count);
        QCOMPARE(count, 85);
    }

    void diagnosticsBlockLayout()
    {
        Session s;
        s.id = QLatin1String(kSessionUuid);
        s.status = QStringLiteral("failed");
        s.phase = QStringLiteral("pod_pending");
        s.failureReason = QStringLiteral("watchdog: pod Failed");
        s.sandboxUrl = QStringLiteral("http://sbx-1.lap.svc.cluster.local:4096");
        s.createdAt = QStringLiteral("2026-06-01T08:00:00.000Z");
        s.ttyToken = QStringLiteral("harness-token");
        QCOMPARE(diagnosticsBlock(s),
                 QStringLiteral("session_id:     0b5e2d6c-1a2b-4c3d-8e9f-0a1b2c3d4e5f\n"
                                "status:         failed\n"
                                "phase:          pod_pending\n"
                                "failure_reason: watchdog: pod Failed\n"
                                "sandbox_url:    http://sbx-1.lap.svc.cluster.local:4096\n"
                                "created_at:     2026-06-01T08:00:00.000Z"));
        s.phaseDetail = QStringLiteral("3/4");
        s.lastSeenAt = QStringLiteral("2026-06-01T08:01:00.000Z");
        const QStringList lines = diagnosticsBlock(s).split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 8);
        QCOMPARE(lines.at(3), QStringLiteral("phase_detail:   3/4"));
        QCOMPARE(lines.at(7), QStringLiteral("last_seen_at:   2026-06-01T08:01:00.000Z"));
        QCOMPARE(diagnosticsBlock(Session()), QString());
    }

    void openByNameUntilReady()
    {
        m_server->script("GET", api("/agents"),
                         {CannedResponse::json(200, QByteArray(R"({"data":[)") +
                                                        agentJson(QLatin1String(kAgentUuid),
                                                                  QStringLiteral("coder")) +
                                                        R"(],"total":1,"limit":200,"offset":0})")});
        m_server->script("POST", api(QByteArray("/agents/") + kAgentUuid + "/session"),
                         {CannedResponse::json(200, sessionJson(QStringLiteral("creating")))});
        m_server->script("GET", sessionPath(),
                         {answer(QStringLiteral("creating"), QStringLiteral("harness_ready")),
                          answer(QStringLiteral("creating"), QStringLiteral("cloning_repo")),
                          answer(QStringLiteral("ready"), QStringLiteral("ready"))});
        SessionOpener opener(m_client.get(), options());
        QSignalSpy resolved(&opener, &SessionOpener::agentResolved);
        QSignalSpy created(&opener, &SessionOpener::sessionCreated);
        QSignalSpy phase(&opener, &SessionOpener::phaseChanged);
        QSignalSpy polled(&opener, &SessionOpener::polled);
        QSignalSpy ready(&opener, &SessionOpener::ready);
        QSignalSpy failed(&opener, &SessionOpener::failed);
        opener.open(QStringLiteral("coder"));
        QVERIFY(opener.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kWait);
        QCOMPARE(failed.count(), 0);
        QVERIFY(!opener.isRunning());
        QCOMPARE(resolved.count(), 1);
        QCOMPARE(resolved.first().at(0).value<Agent>().name, QStringLiteral("coder"));
        QCOMPARE(created.count(), 1);
        QCOMPARE(created.first().at(0).value<Session>().id, QLatin1String(kSessionUuid));
        QCOMPARE(phases(phase),
                 (QStringList{QStringLiteral("harness_ready"), QStringLiteral("cloning_repo"),
                              QStringLiteral("ready")}));
        QCOMPARE(polled.count(), 3);
        const TtyTarget target = ready.first().at(1).value<TtyTarget>();
        QCOMPARE(target.url.toString(),
                 QStringLiteral("ws://127.0.0.1:%1/api/v1/managed_agents/sessions/%2/tty")
                     .arg(m_server->serverPort())
                     .arg(QLatin1String(kSessionUuid)));
        QCOMPARE(target.token, QStringLiteral("harness-token"));
        QCOMPARE(opener.session().status, QStringLiteral("ready"));
        const CannedRequest create =
            m_server->requestsTo("POST", api(QByteArray("/agents/") + kAgentUuid + "/session"))
                .first();
        // No title, so no body: one write, no delayed-ACK stall (bench/README.md).
        QCOMPARE(create.body, QByteArray());
        QCOMPARE(create.header("Content-Length"), QByteArray("0"));
    }

    void phasesAreReportedOnChangeOnly()
    {
        scriptAgentAndCreate();
        // Out of order, repeated, and a null in between (docs/platform-api.md §4.4).
        m_server->script("GET", sessionPath(),
                         {answer(QStringLiteral("creating"), QStringLiteral("pod_pending")),
                          answer(QStringLiteral("creating"), QStringLiteral("pod_pending")),
                          answer(QStringLiteral("creating"), QStringLiteral("cloning_repo")),
                          answer(QStringLiteral("creating"), QStringLiteral("harness_listening")),
                          answer(QStringLiteral("creating"), QStringLiteral("cloning_repo")),
                          answer(QStringLiteral("creating")),
                          answer(QStringLiteral("creating"), QStringLiteral("cloning_repo")),
                          answer(QStringLiteral("ready"), QStringLiteral("ready"))});
        SessionOpener opener(m_client.get(), options(600000, 100));
        QSignalSpy phase(&opener, &SessionOpener::phaseChanged);
        QSignalSpy polled(&opener, &SessionOpener::polled);
        QSignalSpy ready(&opener, &SessionOpener::ready);
        opener.open(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kWait);
        QCOMPARE(phases(phase),
                 (QStringList{QStringLiteral("pod_pending"), QStringLiteral("cloning_repo"),
                              QStringLiteral("harness_listening"), QStringLiteral("cloning_repo"),
                              QStringLiteral("ready")}));
        QCOMPARE(polled.count(), 8);
    }

    void pollsFollowTheSchedule()
    {
        scriptAgentAndCreate();
        QList<CannedResponse> answers;
        for (int i = 0; i < 14; ++i)
            answers << answer(QStringLiteral("creating"), QStringLiteral("pod_pending"));
        answers << answer(QStringLiteral("ready"), QStringLiteral("ready"));
        m_server->script("GET", sessionPath(), answers);
        SessionOpener opener(m_client.get(), options(600000, 400));
        QSignalSpy ready(&opener, &SessionOpener::ready);
        opener.open(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kWait);

        const QList<CannedRequest> gets = m_server->requestsTo("GET", sessionPath());
        QCOMPARE(gets.size(), 15);
        const qint64 created =
            m_server->requestsTo("POST", api(QByteArray("/agents/") + kAgentUuid + "/session"))
                .first()
                .atMs;
        // Lower bounds only (a loaded machine may be late, never early by more than the coarse
        // timer's 5 %): 0, then 100 ms until 800 ms have passed, then elapsed / 8 (at most 400).
        qint64 previous = created;
        for (int i = 0; i < gets.size(); ++i) {
            const qint64 gap = gets.at(i).atMs - previous;
            const int expected = pollDelayMs(i, previous - created, 400);
            QVERIFY2(gap >= expected * 95 / 100 - 5,
                     qPrintable(QStringLiteral("poll %1 came %2 ms after the previous request, "
                                               "expected at least %3 ms")
                                    .arg(i)
                                    .arg(gap)
                                    .arg(expected)));
            previous = gets.at(i).atMs;
        }
        // The first poll goes at once: no 1.5 s wait as in the reference.
        QVERIFY2(gets.first().atMs - created < 1000,
                 qPrintable(QString::number(gets.first().atMs - created)));
    }

    void twoFailuresAreTolerated()
    {
        scriptAgentAndCreate();
        m_server->script("GET", sessionPath(),
                         {CannedResponse::json(503, R"({"error":"upstream down"})"),
                          CannedResponse::dropped(),
                          answer(QStringLiteral("creating"), QStringLiteral("pod_pending")),
                          CannedResponse::json(404, R"({"error":"session not found"})"),
                          CannedResponse::json(500, R"({"error":"internal error"})"),
                          answer(QStringLiteral("ready"), QStringLiteral("ready"))});
        SessionOpener opener(m_client.get(), options(600000, 100));
        QSignalSpy ready(&opener, &SessionOpener::ready);
        QSignalSpy failed(&opener, &SessionOpener::failed);
        QSignalSpy polled(&opener, &SessionOpener::polled);
        opener.open(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kWait);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(polled.count(), 2);
        QCOMPARE(polls(), 6);
    }

    void thirdFailureInARowFails()
    {
        scriptAgentAndCreate();
        m_server->script("GET", sessionPath(),
                         {CannedResponse::json(503, R"({"error":"upstream down"})"),
                          CannedResponse::json(404, R"({"error":"session gone"})"),
                          CannedResponse::json(502, "<html>Bad   Gateway</html>"),
                          answer(QStringLiteral("ready"), QStringLiteral("ready"))});
        SessionOpener opener(m_client.get(), options(600000, 100));
        QSignalSpy ready(&opener, &SessionOpener::ready);
        QSignalSpy failed(&opener, &SessionOpener::failed);
        opener.open(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
        const LapError e = errorOf(failed);
        QCOMPARE(e.kind, LapError::Kind::Server);
        QCOMPARE(e.message, QStringLiteral("Checking the session failed: server error (HTTP 502): "
                                           "Bad Gateway")); // HTML page summarised
        QCOMPARE(e.hint, QStringLiteral("The platform had a problem; try again in a moment."));
        QVERIFY(!opener.isRunning());
        // Nothing may follow a failure; absence cannot be awaited, so give a stray poll (100 ms
        // cadence here) several chances to show up.
        QTest::qWait(500);
        QCOMPARE(polls(), 3);
        QCOMPARE(ready.count(), 0);
        QCOMPARE(failed.count(), 1);
    }

    void timeoutsCountAsFailures()
    {
        scriptAgentAndCreate();
        m_server->script("GET", sessionPath(), {CannedResponse::stalled()});
        PlatformConfig cfg = m_client->config();
        cfg.requestTimeoutMs = 200;
        m_client->setConfig(cfg);
        SessionOpener opener(m_client.get(), options(600000, 100));
        QSignalSpy failed(&opener, &SessionOpener::failed);
        opener.open(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
        QCOMPARE(errorOf(failed).message,
                 QStringLiteral("Checking the session failed: %1 did not answer within 0.2 s.")
                     .arg(m_base));
        QCOMPARE(errorOf(failed).kind, LapError::Kind::Timeout);
        QCOMPARE(polls(), 3);
    }

    void rejectedKeyStopsAtOnce()
    {
        scriptAgentAndCreate();
        m_server->script("GET", sessionPath(),
                         {CannedResponse::json(401, R"({"error":"unauthorized"})"),
                          answer(QStringLiteral("ready"), QStringLiteral("ready"))});
        SessionOpener opener(m_client.get(), options(600000, 100));
        QSignalSpy failed(&opener, &SessionOpener::failed);
        QSignalSpy ready(&opener, &SessionOpener::ready);
        opener.open(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
        const LapError e = errorOf(failed);
        QCOMPARE(e.kind, LapError::Kind::Auth);
        QCOMPARE(
            e.message,
            QStringLiteral("Checking the session failed: master key rejected by %1 (HTTP 401).")
                .arg(m_base));
        QCOMPARE(e.hint, QStringLiteral("Sign in again with a valid master key."));
        QTest::qWait(400); // absence check, see thirdFailureInARowFails
        QCOMPARE(polls(), 1);
        QCOMPARE(ready.count(), 0);
    }

    void terminalStatusFailsWithDiagnostics_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("message");
        QTest::newRow("failed row 10")
            << QStringLiteral("failed") << QStringLiteral("watchdog: pod Failed")
            << QStringLiteral("The session failed to start: watchdog: pod Failed.");
        QTest::newRow("failed without reason")
            << QStringLiteral("failed") << QString()
            << QStringLiteral("The session failed to start: no reason given.");
        QTest::newRow("dead row 11") << QStringLiteral("dead") << QStringLiteral("task disappeared")
                                     << QStringLiteral("The session is dead: task disappeared.");
        QTest::newRow("stopped") << QStringLiteral("stopped") << QString()
                                 << QStringLiteral("The session is stopped: no reason given.");
    }
    void terminalStatusFailsWithDiagnostics()
    {
        QFETCH(QString, status);
        QFETCH(QString, reason);
        QFETCH(QString, message);
        scriptAgentAndCreate();
        // The poll sees the status first; the fresh GET then carries the reason.
        m_server->script("GET", sessionPath(),
                         {answer(QStringLiteral("creating"), QStringLiteral("pod_pending")),
                          answer(status, QStringLiteral("pod_pending")),
                          answer(status, QStringLiteral("pod_pending"), reason)});
        SessionOpener opener(m_client.get(), options(600000, 100));
        QSignalSpy failed(&opener, &SessionOpener::failed);
        QSignalSpy ready(&opener, &SessionOpener::ready);
        opener.open(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
        const LapError e = errorOf(failed);
        QCOMPARE(e.kind, LapError::Kind::SessionFailed);
        QCOMPARE(e.message, message);
        QString expectedDetail = QStringLiteral("session_id:     %1\nstatus:         %2\n"
                                                "phase:          pod_pending\n")
                                     .arg(QLatin1String(kSessionUuid), status);
        if (!reason.isEmpty())
            expectedDetail += QStringLiteral("failure_reason: ") + reason + QLatin1Char('\n');
        expectedDetail += QStringLiteral("sandbox_url:    http://sbx-1.lap.svc.cluster.local:4096\n"
                                         "created_at:     2026-06-01T08:00:00.000Z");
        QCOMPARE(e.detail, expectedDetail);
        QCOMPARE(polls(), 3); // two polls and one fresh GET for the block
        QCOMPARE(ready.count(), 0);
    }

    void giveUpReportsTheLastPhase_data()
    {
        QTest::addColumn<QString>("phase");
        QTest::addColumn<QString>("message");
        QTest::newRow("pod_pending")
            << QStringLiteral("pod_pending")
            << QStringLiteral(
                   "The session did not become ready within 0.6 s (last phase: pod_pending).");
        QTest::newRow("no phase") << QString()
                                  << QStringLiteral("The session did not become ready within 0.6 "
                                                    "s (last phase: none).");
    }
    void giveUpReportsTheLastPhase()
    {
        QFETCH(QString, phase);
        QFETCH(QString, message);
        scriptAgentAndCreate();
        m_server->script("GET", sessionPath(), {answer(QStringLiteral("creating"), phase)});
        SessionOpener opener(m_client.get(), options(600, 100));
        QSignalSpy failed(&opener, &SessionOpener::failed);
        QSignalSpy ready(&opener, &SessionOpener::ready);
        opener.open(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
        const LapError e = errorOf(failed);
        QCOMPARE(e.kind, LapError::Kind::StartTimeout);
        QCOMPARE(e.message, message);
        QCOMPARE(e.hint, QStringLiteral("The platform keeps trying for up to 10 minutes and the "
                                        "session was left running: attach to it later, or raise "
                                        "the give-up time in Settings."));
        QVERIFY2(e.detail.startsWith(QStringLiteral("session_id:     %1\nstatus:         creating")
                                         .arg(QLatin1String(kSessionUuid))),
                 qPrintable(e.detail));
        QVERIFY(opener.elapsedMs() >= 600);
        const int count = polls();
        QVERIFY2(count >= 3, qPrintable(QString::number(count)));
        QTest::qWait(400); // absence check, see thirdFailureInARowFails
        QCOMPARE(polls(), count);
        QCOMPARE(ready.count(), 0);
        // A session is never deleted by giving up.
        QCOMPARE(m_server->count("DELETE", sessionPath()), 0);
    }

    void giveUpWhilePollIsStalled()
    {
        scriptAgentAndCreate();
        // First poll hangs past the give-up time; the fresh GET for the block answers.
        m_server->script("GET", sessionPath(),
                         {CannedResponse::stalled(),
                          answer(QStringLiteral("creating"), QStringLiteral("waiting_harness"))});
        SessionOpener opener(m_client.get(), options(500, 100));
        QSignalSpy failed(&opener, &SessionOpener::failed);
        opener.open(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
        QCOMPARE(errorOf(failed).message,
                 QStringLiteral("The session did not become ready within 0.5 s (last phase: "
                                "waiting_harness)."));
        QCOMPARE(polls(), 2);
    }

    void cancelMidPollEmitsNothing()
    {
        scriptAgentAndCreate();
        m_server->script("GET", sessionPath(),
                         {answer(QStringLiteral("creating"), QStringLiteral("pod_pending")),
                          answer(QStringLiteral("creating"), QStringLiteral("pod_running")),
                          answer(QStringLiteral("ready"), QStringLiteral("ready"))});
        SessionOpener opener(m_client.get(), options(600000, 300));
        QSignalSpy phase(&opener, &SessionOpener::phaseChanged);
        QSignalSpy ready(&opener, &SessionOpener::ready);
        QSignalSpy failed(&opener, &SessionOpener::failed);
        opener.open(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(phase.count(), 1, kWait);
        opener.cancel();
        QVERIFY(!opener.isRunning());
        const int count = polls();
        QTest::qWait(800); // absence check: the next polls were due after 100 and 150 ms
        QCOMPARE(polls(), count);
        QCOMPARE(phase.count(), 1);
        QCOMPARE(ready.count(), 0);
        QCOMPARE(failed.count(), 0);
    }

    void cancelWhileRequestInFlight()
    {
        scriptAgentAndCreate();
        m_server->script("GET", sessionPath(), {CannedResponse::stalled()});
        SessionOpener opener(m_client.get(), options(300, 100));
        QSignalSpy ready(&opener, &SessionOpener::ready);
        QSignalSpy failed(&opener, &SessionOpener::failed);
        QSignalSpy polled(&opener, &SessionOpener::polled);
        opener.open(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(polls(), 1, kWait);
        opener.cancel();
        // The give-up time (300 ms) passes without a give-up.
        QTest::qWait(700);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(ready.count(), 0);
        QCOMPARE(polled.count(), 0);
        QCOMPARE(polls(), 1);
    }

    void destroyingTheOpenerMidPollIsSafe()
    {
        scriptAgentAndCreate();
        m_server->script("GET", sessionPath(), {CannedResponse::stalled()});
        auto opener = std::make_unique<SessionOpener>(m_client.get(), options(600000, 100));
        opener->open(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(polls(), 1, kWait);
        opener.reset();
        // The client keeps working and nothing calls into the dead opener.
        m_server->script("GET", api("/sessions/other"),
                         {CannedResponse::json(200, sessionJson(QStringLiteral("ready")))});
        laptest::Catcher<Result<Session>> other;
        m_client->getSession(QStringLiteral("other"), other.fn());
        QVERIFY(other.wait(kWait));
    }

    void createFailureIsReported()
    {
        scriptAgentAndCreate(CannedResponse::json(404, QByteArray("{\"error\":\"agent '") +
                                                           kAgentUuid + "' not found\"}"));
        SessionOpener opener(m_client.get(), options());
        QSignalSpy failed(&opener, &SessionOpener::failed);
        QSignalSpy created(&opener, &SessionOpener::sessionCreated);
        opener.open(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
        QCOMPARE(errorOf(failed).message,
                 QStringLiteral("Creating the session failed: agent '%1' not found (HTTP 404).")
                     .arg(QLatin1String(kAgentUuid)));
        QCOMPARE(created.count(), 0);
        QCOMPARE(polls(), 0);
    }

    void unknownAgentNameIsReported()
    {
        m_server->on("GET", api("/agents"), [](const CannedRequest &r) {
            if (r.hasParam(QStringLiteral("search")))
                return CannedResponse::json(200, R"({"data":[],"total":0,"limit":200,"offset":0})");
            return CannedResponse::json(
                200, QByteArray(R"({"data":[)") +
                         agentJson(QStringLiteral("a1"), QStringLiteral("alpha")) + "," +
                         agentJson(QStringLiteral("a2"), QStringLiteral("beta")) +
                         R"(],"total":2,"limit":200,"offset":0})");
        });
        SessionOpener opener(m_client.get(), options());
        QSignalSpy failed(&opener, &SessionOpener::failed);
        opener.open(QStringLiteral("gamma"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
        QCOMPARE(errorOf(failed).message,
                 QStringLiteral("No agent named 'gamma' on %1 — 2 agents available: alpha, beta.")
                     .arg(m_base));
        QCOMPARE(m_server->count("POST", api("/agents/a1/session")), 0);
    }

    void readyAtCreationSkipsThePoll()
    {
        scriptAgentAndCreate(CannedResponse::json(
            200, sessionJson(QStringLiteral("ready"), QStringLiteral("ready"))));
        SessionOpener opener(m_client.get(), options());
        QSignalSpy ready(&opener, &SessionOpener::ready);
        QSignalSpy polled(&opener, &SessionOpener::polled);
        opener.open(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kWait);
        QCOMPARE(polled.count(), 0);
        QCOMPARE(polls(), 0);
    }

    void readyWithoutUsableUrlFails()
    {
        scriptAgentAndCreate();
        const QByteArray row = QStringLiteral(R"({"id":"%1","status":"ready","phase":"ready",)"
                                              R"("sandbox_url":null,"tty_url":null})")
                                   .arg(QLatin1String(kSessionUuid))
                                   .toUtf8();
        m_server->script("GET", sessionPath(), {CannedResponse::json(200, row)});
        SessionOpener opener(m_client.get(), options());
        QSignalSpy failed(&opener, &SessionOpener::failed);
        QSignalSpy ready(&opener, &SessionOpener::ready);
        opener.open(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
        QCOMPARE(ready.count(), 0);
        // The wording is TtyEndpoint's (row 13); the opener passes it on unchanged.
        const LapError expected =
            deriveTtyTarget(opener.session(), m_server->baseUrl(), TtyOverrides()).error;
        QCOMPARE(errorOf(failed).kind, LapError::Kind::NoTtyUrl);
        QCOMPARE(errorOf(failed).message, expected.message);
        QVERIFY(!expected.message.isEmpty());
    }

    void attachToReadySession()
    {
        const QByteArray row =
            QStringLiteral(R"({"id":"%1","status":"ready","phase":"ready",)"
                           "\"sandbox_url\":\"http:/"
                           "/127.0.0.1:4096/\",\"tty_url\":null,\"tty_token\":\"t0k\"}")
                .arg(QLatin1String(kSessionUuid))
                .toUtf8();
        m_server->script("GET", sessionPath(), {CannedResponse::json(200, row)});
        SessionOpener opener(m_client.get(), options());
        QSignalSpy ready(&opener, &SessionOpener::ready);
        QSignalSpy failed(&opener, &SessionOpener::failed);
        opener.attach(QLatin1String(kSessionUuid));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kWait);
        QCOMPARE(failed.count(), 0);
        const TtyTarget target = ready.first().at(1).value<TtyTarget>();
        QCOMPARE(target.url.toString(), QStringLiteral("ws://127.0.0.1:4096/tty"));
        QCOMPARE(target.token, QStringLiteral("t0k"));
        QCOMPARE(polls(), 1);
        QCOMPARE(m_server->requests().size(), 1); // no create, no agent lookup
    }

    void attachRefusesSessionsThatAreNotReady_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("phase");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("hint");
        const QString newSession = QStringLiteral("Open the agent again to start a new session.");
        // A stale phase "ready" must not count: status decides (docs/platform-api.md §4.3).
        QTest::newRow("dead row 23")
            << QStringLiteral("dead") << QStringLiteral("ready") << QStringLiteral("idle timeout")
            << QStringLiteral("Cannot attach — the session is dead: idle timeout.") << newSession;
        QTest::newRow("failed") << QStringLiteral("failed") << QStringLiteral("ready")
                                << QStringLiteral("creating timeout")
                                << QStringLiteral(
                                       "Cannot attach — the session is failed: creating timeout.")
                                << newSession;
        QTest::newRow("stopped without reason")
            << QStringLiteral("stopped") << QString() << QString()
            << QStringLiteral(
                   "Cannot attach — the session is stopped: the platform gave no reason.")
            << newSession;
        QTest::newRow("creating")
            << QStringLiteral("creating") << QString() << QString()
            << QStringLiteral("Cannot attach yet — the session is creating: still starting.")
            << QStringLiteral("It is still starting; try again in a moment.");
        QTest::newRow("creating with phase")
            << QStringLiteral("creating") << QStringLiteral("creating_sandbox") << QString()
            << QStringLiteral("Cannot attach yet — the session is creating: still starting "
                              "(creating_sandbox).")
            << QStringLiteral("It is still starting; try again in a moment.");
    }
    void attachRefusesSessionsThatAreNotReady()
    {
        QFETCH(QString, status);
        QFETCH(QString, phase);
        QFETCH(QString, reason);
        QFETCH(QString, message);
        QFETCH(QString, hint);
        m_server->script("GET", sessionPath(), {answer(status, phase, reason)});
        SessionOpener opener(m_client.get(), options());
        QSignalSpy ready(&opener, &SessionOpener::ready);
        QSignalSpy failed(&opener, &SessionOpener::failed);
        opener.attach(QLatin1String(kSessionUuid));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
        const LapError e = errorOf(failed);
        QCOMPARE(e.kind, LapError::Kind::SessionFailed);
        QCOMPARE(e.message, message);
        QCOMPARE(e.hint, hint);
        QVERIFY2(e.detail.contains(QStringLiteral("status:         ") + status),
                 qPrintable(e.detail));
        QCOMPARE(ready.count(), 0);
        QCOMPARE(polls(), 1);
    }

    void attachToUnknownSession()
    {
        m_server->script("GET", sessionPath(),
                         {CannedResponse::json(404, QByteArray("{\"error\":\"session ") +
                                                        kSessionUuid + " not found\"}")});
        SessionOpener opener(m_client.get(), options());
        QSignalSpy failed(&opener, &SessionOpener::failed);
        opener.attach(QLatin1String(kSessionUuid));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
        QCOMPARE(errorOf(failed).kind, LapError::Kind::NotFound);
        QCOMPARE(errorOf(failed).message,
                 QStringLiteral("Fetching the session failed: session %1 not found (HTTP 404).")
                     .arg(QLatin1String(kSessionUuid)));
        QCOMPARE(polls(), 1); // attach never retries
    }

    void reopenCancelsThePreviousRun()
    {
        scriptAgentAndCreate();
        m_server->script(
            "GET", sessionPath(),
            {CannedResponse::stalled(), answer(QStringLiteral("ready"), QStringLiteral("ready"))});
        SessionOpener opener(m_client.get(), options(600000, 100));
        QSignalSpy ready(&opener, &SessionOpener::ready);
        QSignalSpy failed(&opener, &SessionOpener::failed);
        opener.open(QLatin1String(kAgentUuid));
        QTRY_COMPARE_WITH_TIMEOUT(polls(), 1, kWait);
        opener.attach(QLatin1String(kSessionUuid));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kWait);
        QCOMPARE(failed.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSessionOpener)
#include "tst_sessionopener.moc"
