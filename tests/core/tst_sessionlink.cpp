// SPDX-License-Identifier: GPL-2.0-or-later
// SessionLink, the widget-free life of one open session: its reconnect rules as pure functions,
// then the whole object against the local platform in-process (real sockets, real PTYs, tmux):
// open, abrupt drops and automatic reattach, input during an outage, a dead session, restart,
// key consent and terminate. The back-off is injected, so nothing here waits out a delay: each
// step waits for a condition.
#include "laptest.h"
#include "localplatform.h"
#include "reconnectdecision.h"
#include "sessionlink.h"

#include <QNetworkAccessManager>
#include <QtTest>

#include <memory>

using namespace lap;
using lap::local::LocalPlatform;
using lap::local::LocalPlatformOptions;
using Kind = SessionLink::Notice::Kind;

namespace {

constexpr int kWaitMs = 20000;
// A back-off no test waits for: the test steps it with retryNow().
constexpr int kParkedMs = 600000;

// Everything a link tells its view, recorded.
class Recorder : public QObject
{
public:
    explicit Recorder(SessionLink *link)
    {
        connect(link, &SessionLink::notice, this,
                [this](const SessionLink::Notice &n) { notices << n; });
        connect(link, &SessionLink::output, this, [this](const QByteArray &b) { output += b; });
        connect(link, &SessionLink::failed, this, [this](const LapError &e) { failures << e; });
    }
    int count(Kind kind) const
    {
        int n = 0;
        for (const SessionLink::Notice &x : notices)
            n += x.kind == kind;
        return n;
    }
    SessionLink::Notice last(Kind kind) const
    {
        for (auto it = notices.crbegin(); it != notices.crend(); ++it)
            if (it->kind == kind)
                return *it;
        return {};
    }

    QList<SessionLink::Notice> notices;
    QByteArray output;
    QList<LapError> failures;
};

Session sessionWithStatus(const QString &status)
{
    Session s;
    s.id = QStringLiteral("0b7c9a4e-1111-4222-8333-944455556666");
    s.status = status;
    return s;
}

} // namespace

class TestSessionLink : public QObject
{
    Q_OBJECT

    std::unique_ptr<LocalPlatform> m_platform;
    QNetworkAccessManager m_nam;

    PlatformConfig config() const
    {
        PlatformConfig c;
        c.baseUrl = m_platform->baseUrl();
        c.masterKey = m_platform->masterKey();
        c.requestTimeoutMs = 5000;
        return c;
    }

    std::unique_ptr<SessionLink> makeLink(const PlatformConfig &c, QList<int> *attempts = nullptr,
                                          int delayMs = kParkedMs)
    {
        auto link = std::make_unique<SessionLink>(&m_nam, c, SessionLinkSettings{});
        link->setBackoff([attempts, delayMs](int attempt) {
            if (attempts)
                *attempts << attempt;
            return delayMs;
        });
        return link;
    }

private slots:
    void init()
    {
        LocalPlatformOptions o;
        o.readyDelayMs = 0;
        o.command = laptest::testShell();
        m_platform = std::make_unique<LocalPlatform>(o);
        QString error;
        QVERIFY2(m_platform->start(&error), qPrintable(error));
    }

    void cleanup() { m_platform.reset(); }

    // --- the rules, without a socket ---------------------------------------------------------

    void aRejectedTokenStopsAtOnce()
    {
        const LapError e(LapError::Kind::TtyUpgrade, QStringLiteral("rejected"), {}, {}, 401);
        QCOMPARE(afterConnectFailure(e, false, 0), ConnectFailureStep::Stop);
        QCOMPARE(afterConnectFailure(e, true, 0), ConnectFailureStep::Stop);
    }

    void twoFailedFirstAttemptsStopUnless503()
    {
        const LapError refused(LapError::Kind::TtyConnect, QStringLiteral("refused"));
        QCOMPARE(afterConnectFailure(refused, false, 0), ConnectFailureStep::RetryLater);
        QCOMPARE(afterConnectFailure(refused, false, 1), ConnectFailureStep::RetryLater);
        QCOMPARE(afterConnectFailure(refused, false, 2), ConnectFailureStep::Stop);
        // Once the session was reached, an outage is waited out however long it lasts.
        QCOMPARE(afterConnectFailure(refused, true, 9), ConnectFailureStep::RetryLater);
        // 503: the sandbox is still coming up behind the proxy.
        const LapError starting(LapError::Kind::TtyUpgrade, QStringLiteral("503"), {}, {}, 503);
        QCOMPARE(afterConnectFailure(starting, false, 5), ConnectFailureStep::RetryLater);
        const LapError bad(LapError::Kind::TtyUpgrade, QStringLiteral("502"), {}, {}, 502);
        QCOMPARE(afterConnectFailure(bad, false, 2), ConnectFailureStep::Stop);
    }

    void theSessionCheckDecides()
    {
        QCOMPARE(
            afterSessionCheck(Result<Session>::success(sessionWithStatus(QStringLiteral("ready")))),
            SessionCheckStep::Connect);
        QCOMPARE(
            afterSessionCheck(Result<Session>::success(sessionWithStatus(QStringLiteral("dead")))),
            SessionCheckStep::Ended);
        QCOMPARE(afterSessionCheck(
                     Result<Session>::success(sessionWithStatus(QStringLiteral("failed")))),
                 SessionCheckStep::Ended);
        // creating: a restart is running; wait for it like any other outage.
        QCOMPARE(afterSessionCheck(
                     Result<Session>::success(sessionWithStatus(QStringLiteral("creating")))),
                 SessionCheckStep::Wait);
        QCOMPARE(afterSessionCheck(Result<Session>::failure(
                     LapError(LapError::Kind::Auth, QStringLiteral("key")))),
                 SessionCheckStep::Stop);
        QCOMPARE(afterSessionCheck(Result<Session>::failure(
                     LapError(LapError::Kind::NotFound, QStringLiteral("gone")))),
                 SessionCheckStep::Stop);
        QCOMPARE(afterSessionCheck(Result<Session>::failure(
                     LapError(LapError::Kind::Server, QStringLiteral("502")))),
                 SessionCheckStep::Wait);
        QCOMPARE(afterSessionCheck(Result<Session>::failure(
                     LapError(LapError::Kind::Network, QStringLiteral("down")))),
                 SessionCheckStep::Wait);
    }

    void closesAreTold()
    {
        QCOMPARE(afterClose(TtyClose::Reason::UserDetached), CloseStep::Detached);
        QCOMPARE(afterClose(TtyClose::Reason::AgentExited), CloseStep::AgentExited);
        QCOMPARE(afterClose(TtyClose::Reason::SpawnFailed), CloseStep::AgentExited);
        QCOMPARE(afterClose(TtyClose::Reason::Dropped), CloseStep::CheckAndReconnect);
    }

    void reconnectHelpsOnlyALiveReachableSession()
    {
        const Session ready = sessionWithStatus(QStringLiteral("ready"));
        QVERIFY(reconnectMayHelp(ready, true, LapError::Kind::TtyConnect));
        QVERIFY(!reconnectMayHelp(ready, false, LapError::Kind::None));
        QVERIFY(!reconnectMayHelp(ready, true, LapError::Kind::SessionFailed));
        QVERIFY(!reconnectMayHelp(sessionWithStatus(QStringLiteral("dead")), true,
                                  LapError::Kind::None));
        QVERIFY(!reconnectMayHelp(Session{}, true, LapError::Kind::None));
    }

    // --- the object against the local platform ------------------------------------------------

    // open → connected → abrupt drop → automatic reattach → input during an outage is dropped
    // and counted → the session dies → restart.
    void aSessionsLife()
    {
        QList<int> attempts;
        std::unique_ptr<SessionLink> link = makeLink(config(), &attempts);
        Recorder seen(link.get());
        QByteArray delivered; // what reached the session's PTY
        connect(m_platform.get(), &LocalPlatform::ptyInput, link.get(),
                [&](const QString &sid, const QByteArray &b) {
                    if (sid == link->sessionId())
                        delivered += b;
                });

        // Open.
        link->openAgent(QStringLiteral("shell"));
        QCOMPARE(link->state(), SessionLink::State::Opening);
        QCOMPARE(link->stateReason(), QStringLiteral("Starting the session"));
        QCOMPARE(seen.count(Kind::OpeningStarted), 1);
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), SessionLink::State::Connected, kWaitMs);
        const QString id = link->sessionId();
        QVERIFY(!id.isEmpty());
        QCOMPARE(link->agentName(), QStringLiteral("shell"));
        QCOMPARE(link->stateReason(), QStringLiteral("Connected to session %1").arg(id));
        QVERIFY(link->keepAlive());
        QCOMPARE(seen.count(Kind::Connected), 1);
        QVERIFY(!seen.last(Kind::Connected).reattach);
        link->resize(100, 30);
        QVERIFY(
            link->sendInput(QByteArrayLiteral("LAP_MARK=kept-$((40+2)); echo set-$LAP_MARK\r")));
        QTRY_VERIFY_WITH_TIMEOUT(seen.output.contains("set-kept-42"), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->lastPtySize(id), QSize(100, 30), kWaitMs);

        // Abrupt drop (no close frame): checked and reattached at once, no back-off.
        m_platform->dropAllTty();
        QTRY_COMPARE_WITH_TIMEOUT(seen.count(Kind::Connected), 2, kWaitMs);
        QCOMPARE(seen.count(Kind::Dropped), 1);
        QVERIFY2(seen.last(Kind::Dropped).why.startsWith(QStringLiteral("Connection lost")),
                 qPrintable(seen.last(Kind::Dropped).why));
        QVERIFY(seen.last(Kind::Connected).reattach);
        QCOMPARE(seen.last(Kind::Connected).droppedBytes, 0);
        QCOMPARE(link->state(), SessionLink::State::Connected);
        QCOMPARE(link->sessionId(), id);
        QVERIFY(attempts.isEmpty());
        seen.output.clear();
        QVERIFY(link->sendInput(QByteArrayLiteral("echo again-$LAP_MARK\r")));
        QTRY_VERIFY_WITH_TIMEOUT(seen.output.contains("again-kept-42"), kWaitMs);

        // An outage: the platform answers the next two checks with a 502, so the link backs
        // off (parked: the test steps it).
        m_platform->setTransientErrors(2);
        m_platform->dropAllTty();
        QTRY_COMPARE_WITH_TIMEOUT(attempts.size(), 1, kWaitMs);
        QCOMPARE(attempts.first(), 1);
        QCOMPARE(link->state(), SessionLink::State::Reconnecting);
        QVERIFY(link->isDropped());
        QVERIFY(link->canReconnect());
        QVERIFY(link->msUntilRetry() > 0);
        QCOMPARE(seen.last(Kind::RetryScheduled).delayMs, kParkedMs);
        // Input now is never queued; it is counted, and it cuts the back-off short.
        const QByteArray lost = QByteArrayLiteral("touch /tmp/lap-outage-should-not-exist\r");
        QVERIFY(!link->sendInput(lost));
        QCOMPARE(link->droppedInputBytes(), lost.size());
        QCOMPARE(seen.last(Kind::InputDropped).droppedBytes, lost.size());
        QTRY_COMPARE_WITH_TIMEOUT(attempts.size(), 2, kWaitMs); // the second 502
        QCOMPARE(attempts.last(), 1); // retryNow() starts the back-off over
        QCOMPARE(link->state(), SessionLink::State::Reconnecting);
        const QByteArray lostToo = QByteArrayLiteral("lap-second-outage-key");
        QVERIFY(!link->sendInput(lostToo));
        QCOMPARE(link->droppedInputBytes(), lost.size() + lostToo.size());
        QTRY_COMPARE_WITH_TIMEOUT(seen.count(Kind::Connected), 3, kWaitMs);
        QCOMPARE(seen.last(Kind::Connected).droppedBytes, lost.size() + lostToo.size());
        QCOMPARE(link->droppedInputBytes(), 0);
        QCOMPARE(link->reconnectAttempt(), 0);
        QCOMPARE(link->msUntilRetry(), -1);
        QCOMPARE(link->sessionId(), id);
        seen.output.clear();
        QVERIFY(link->sendInput(QByteArrayLiteral("echo after-$((1+1))\r")));
        QTRY_VERIFY_WITH_TIMEOUT(seen.output.contains("after-2"), kWaitMs);
        QVERIFY2(!delivered.contains("lap-outage"), delivered.constData());
        QVERIFY2(!delivered.contains("lap-second-outage"), delivered.constData());
        QVERIFY(delivered.contains("echo after-"));
        QCOMPARE(attempts.size(), 2);

        // The session dies: the link says why and stops.
        QVERIFY(m_platform->markDead(id, QStringLiteral("oom killed")));
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), SessionLink::State::Failed, kWaitMs);
        QCOMPARE(seen.failures.size(), 1);
        QCOMPARE(link->lastError().kind, LapError::Kind::SessionFailed);
        QCOMPARE(link->lastError().message, QStringLiteral("Session is dead — oom killed."));
        QCOMPARE(link->lastError().hint,
                 QStringLiteral("Open the agent again to start a new session."));
        QVERIFY2(link->lastError().detail.contains(id), qPrintable(link->lastError().detail));
        QCOMPARE(link->stateReason(), QStringLiteral("Session is dead — oom killed."));
        QVERIFY(!link->canReconnect());
        QVERIFY(!link->reconnectMayHelp());
        QCOMPARE(attempts.size(), 2); // a dead session is not retried
        QVERIFY(!link->sendInput(QByteArrayLiteral("y")));

        // Restart: for now a new session of the same agent (the seam of sessionlink.h).
        link->restart();
        QCOMPARE(link->state(), SessionLink::State::Opening);
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), SessionLink::State::Connected, kWaitMs);
        QVERIFY(link->sessionId() != id);
        QCOMPARE(link->agentName(), QStringLiteral("shell"));
        QCOMPARE(m_platform->sessionStatus(link->sessionId()), QStringLiteral("ready"));
        seen.output.clear();
        QVERIFY(link->sendInput(QByteArrayLiteral("echo fresh-$((5*5))\r")));
        QTRY_VERIFY_WITH_TIMEOUT(seen.output.contains("fresh-25"), kWaitMs);
    }

    // A back-off that is due at once runs attempt after attempt by itself, each one later in
    // the schedule, until the session answers.
    void theBackoffGrowsUntilTheSessionAnswers()
    {
        QList<int> attempts;
        std::unique_ptr<SessionLink> link = makeLink(config(), &attempts, 0);
        Recorder seen(link.get());
        link->openAgent(QStringLiteral("shell"));
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), SessionLink::State::Connected, kWaitMs);
        m_platform->setTransientErrors(3);
        m_platform->dropAllTty();
        QTRY_COMPARE_WITH_TIMEOUT(seen.count(Kind::Connected), 2, kWaitMs);
        QCOMPARE(attempts, (QList<int>{1, 2, 3}));
        QCOMPARE(seen.count(Kind::RetryScheduled), 3);
        QVERIFY2(seen.last(Kind::RetryScheduled).why.contains(QStringLiteral("502")),
                 qPrintable(seen.last(Kind::RetryScheduled).why));
        QCOMPARE(link->reconnectAttempt(), 0);
    }

    void withoutAutomaticReconnectTheUserDecides()
    {
        QList<int> attempts;
        std::unique_ptr<SessionLink> link = makeLink(config(), &attempts, 0);
        SessionLinkSettings manual;
        manual.autoReconnect = false;
        link->setSettings(manual);
        Recorder seen(link.get());
        link->openAgent(QStringLiteral("shell"));
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), SessionLink::State::Connected, kWaitMs);
        m_platform->setTransientErrors(1);
        m_platform->dropAllTty();
        QTRY_COMPARE_WITH_TIMEOUT(seen.count(Kind::RetryWaitsForUser), 1, kWaitMs);
        QCOMPARE(link->state(), SessionLink::State::Reconnecting);
        QVERIFY(attempts.isEmpty());
        QCOMPARE(link->msUntilRetry(), -1);
        QVERIFY(!link->retryNow()); // nothing is armed
        link->reconnect();
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), SessionLink::State::Connected, kWaitMs);
    }

    void detachKeepsTheSessionAndReconnectReturns()
    {
        std::unique_ptr<SessionLink> link = makeLink(config());
        Recorder seen(link.get());
        link->openAgent(QStringLiteral("shell"));
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), SessionLink::State::Connected, kWaitMs);
        const QString id = link->sessionId();
        link->detach();
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), SessionLink::State::Detached, kWaitMs);
        QCOMPARE(link->stateReason(),
                 QStringLiteral("Detached; the session keeps running on the platform"));
        QCOMPARE(seen.count(Kind::Detached), 1);
        QVERIFY(link->canReconnect());
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(id), 0, kWaitMs);
        QCOMPARE(m_platform->sessionStatus(id), QStringLiteral("ready"));
        link->reconnect();
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), SessionLink::State::Connected, kWaitMs);
        QCOMPARE(link->sessionId(), id);
    }

    // A pasted link to another origin than the key's: nothing is sent there without consent.
    void theKeyGoesElsewhereOnlyWithConsent()
    {
        PlatformConfig elsewhere = config();
        elsewhere.keyHome = QUrl(QStringLiteral("https://lap.example.com"));
        QVERIFY(elsewhere.needsKeyConsent());
        const QString there = elsewhere.baseUrl.toDisplayString();

        std::unique_ptr<SessionLink> refused = makeLink(elsewhere);
        Recorder seen(refused.get());
        refused->openAgent(QStringLiteral("shell"));
        QVERIFY(refused->isAskingForKey());
        QCOMPARE(seen.count(Kind::KeyConsentNeeded), 1);
        QCOMPARE(seen.count(Kind::OpeningStarted), 0);
        QCOMPARE(refused->state(), SessionLink::State::Opening);
        QCOMPARE(
            refused->stateReason(),
            QStringLiteral("Waiting for you to allow sending the master key to %1").arg(there));
        refused->refuseKey();
        QCOMPARE(refused->state(), SessionLink::State::Failed);
        QVERIFY(!refused->isAskingForKey());
        QCOMPARE(refused->lastError().kind, LapError::Kind::Cancelled);
        QCOMPARE(refused->lastError().message,
                 QStringLiteral("Not attached: your master key was not sent to %1.").arg(there));
        QCOMPARE(
            refused->lastError().hint,
            QStringLiteral("Sign in to %1 as another profile with its own key, then attach again.")
                .arg(there));
        QVERIFY(m_platform->sessionIds().isEmpty()); // nothing reached the platform

        std::unique_ptr<SessionLink> allowed = makeLink(elsewhere);
        allowed->openAgent(QStringLiteral("shell"));
        QVERIFY(allowed->isAskingForKey());
        allowed->allowKey();
        QVERIFY(!allowed->isAskingForKey());
        QTRY_COMPARE_WITH_TIMEOUT(allowed->state(), SessionLink::State::Connected, kWaitMs);
        QCOMPARE(allowed->platform().keyHome, allowed->platform().baseUrl);
    }

    void terminateEndsTheSandbox()
    {
        std::unique_ptr<SessionLink> link = makeLink(config());
        Recorder seen(link.get());
        link->openAgent(QStringLiteral("shell"));
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), SessionLink::State::Connected, kWaitMs);
        const QString id = link->sessionId();
        link->terminate();
        QCOMPARE(link->stateReason(), QStringLiteral("Terminating session %1").arg(id));
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), SessionLink::State::Failed, kWaitMs);
        QCOMPARE(m_platform->sessionStatus(id), QStringLiteral("dead"));
        QCOMPARE(link->lastError().message,
                 QStringLiteral("Session %1 was terminated; its sandbox is gone.").arg(id));
        QCOMPARE(link->lastError().hint,
                 QStringLiteral("Open the agent again to start a new session."));
        QCOMPARE(seen.count(Kind::Dropped), 0); // the platform's close is no drop to recover from
        QVERIFY(!link->canReconnect());
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->openTtyCount(id), 0, kWaitMs);
    }

    void cancellingTheOpenSaysWhatMayBeLeft()
    {
        m_platform->setReadyDelayMs(600000);
        std::unique_ptr<SessionLink> link = makeLink(config());
        link->openAgent(QStringLiteral("shell"));
        QTRY_VERIFY_WITH_TIMEOUT(!link->sessionId().isEmpty(), kWaitMs);
        link->cancelOpening();
        QCOMPARE(link->state(), SessionLink::State::Failed);
        QCOMPARE(link->lastError().kind, LapError::Kind::Cancelled);
        QCOMPARE(link->lastError().message, QStringLiteral("Opening was cancelled."));
        QCOMPARE(link->lastError().hint,
                 QStringLiteral("Session %1 may still be starting on the platform; attach to it "
                                "later or terminate it.")
                     .arg(link->sessionId()));
        QVERIFY(!link->canReconnect());
    }
};

QTEST_GUILESS_MAIN(TestSessionLink)
#include "tst_sessionlink.moc"
