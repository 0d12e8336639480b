// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Helpers shared by the test executables; lap_add_qtest (tests/CMakeLists.txt) puts this
// directory on every test's include path. Header-only, namespace laptest:
//   api(), kAgentUuid, kSessionUuid  the platform's REST paths and the ids the fixtures use
//   testShell()                      a shell with a fixed prompt that keeps no history file
//   closedPort()                     a 127.0.0.1 port nobody listens on
//   Catcher<T>, await()              start a call that answers through a callback, wait for it
//   joined(spy)                      the QByteArray first arguments of a QSignalSpy, joined
//   LoopProbe                        the longest stall of the event loop while it lives
// and, for tests that see lapcore's headers:
//   awaitResult()                    await() for callbacks that take a lap::Result<T>
//   writeKeySync(), readKeySync(), deleteKeySync()  keychain round trips (CredentialStore)

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QSignalSpy>
#include <QString>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <ctime>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace laptest {

// Every REST path of the platform starts with /api/v1/managed_agents (docs/platform-api.md §4).
inline QByteArray api(const QByteArray &path)
{
    return QByteArray("/api/v1/managed_agents") + path;
}

// The agent and the session of the canned fixtures.
constexpr char kAgentUuid[] = "6f1c2a4e-3b0d-4c8e-9a51-2d7e8f9a0b1c";
constexpr char kSessionUuid[] = "0b5e2d6c-1a2b-4c3d-8e9f-0a1b2c3d4e5f";

// A shell whose prompt and start-up are the same everywhere, and that writes no history file.
inline QString testShell()
{
    return QStringLiteral("env PS1='$ ' HISTFILE=/dev/null bash --norc --noprofile");
}

// A port nobody listens on: bind one on 127.0.0.1, note it, let it go. 0 if none could be bound.
inline quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

// The first arguments of every signal a spy caught (output(QByteArray) and the like), joined.
inline QByteArray joined(const QSignalSpy &spy)
{
    QByteArray all;
    for (const QList<QVariant> &args : spy)
        all += args.at(0).toByteArray();
    return all;
}

// Measures the longest stretch of work between two turns of the event loop while it lives: a
// blocked GUI thread shows up as one long stretch. A 5 ms timer notes each turn. The stretch is
// this thread's CPU time, not wall time, so that a loaded machine (where the thread waits for a
// core between turns) does not count as a blocked thread; the wall-clock gap is kept for logs.
class LoopProbe
{
public:
    LoopProbe()
    {
        m_clock.start();
        m_lastCpu = threadCpuMs();
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            const qint64 cpu = threadCpuMs();
            m_longestWall = std::max(m_longestWall, now - m_last);
            m_longest = std::max(m_longest, cpu - m_lastCpu);
            m_last = now;
            m_lastCpu = cpu;
        });
        m_timer.start(5);
    }
    LoopProbe(const LoopProbe &) = delete;
    LoopProbe &operator=(const LoopProbe &) = delete;
    qint64 longestStallMs() const { return m_longest; }       // CPU time of the GUI thread
    qint64 longestWallGapMs() const { return m_longestWall; } // includes waiting for a core

private:
    static qint64 threadCpuMs()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    qint64 m_longest = 0;
    qint64 m_longestWall = 0;
};

// Collects what a callback receives and how often it fired. The Catcher and every callback
// fn() hands out share one state: a callback that fires after the Catcher is gone is harmless.
template<class T> class Catcher
{
public:
    std::function<void(const T &)> fn() const
    {
        std::shared_ptr<State> state = m_state;
        return [state](const T &value) {
            state->result = value;
            ++state->calls;
        };
    }
    // The last value received, if any.
    const std::optional<T> &result() const { return m_state->result; }
    int calls() const { return m_state->calls; }
    // For lap::Result<...> values: the error of the last one (there must be one).
    const auto &error() const { return m_state->result->error; }
    // Waits until the callback has fired at least once; false if it did not within `timeoutMs`.
    bool wait(int timeoutMs) const
    {
        const std::shared_ptr<State> state = m_state;
        return QTest::qWaitFor([state] { return state->calls > 0; }, timeoutMs);
    }

private:
    struct State
    {
        std::optional<T> result;
        int calls = 0;
    };
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

// Starts an asynchronous call and waits for its callback: `start` receives the callback (a
// std::function<void(const T &)>) and passes it to the call. Returns what the callback got, or
// `ifNoAnswer` when it did not fire within `timeoutMs`; a later callback is harmless.
//   const LapError e = laptest::await<LapError>(
//       [&](auto done) { store.deleteKey(profile, done); }, LapError(...));
template<class T, class Start> T await(Start &&start, T ifNoAnswer, int timeoutMs = 15000)
{
    Catcher<T> catcher;
    std::forward<Start>(start)(catcher.fn());
    if (!catcher.wait(timeoutMs))
        return ifNoAnswer;
    return *catcher.result();
}

} // namespace laptest

// ---- with lapcore --------------------------------------------------------------------------
#if __has_include("laperror.h")
#include "laperror.h"

namespace laptest {

// The error await() hands back when a call never answered.
inline lap::LapError noAnswer(const char *what, int timeoutMs)
{
    return lap::LapError(lap::LapError::Kind::Timeout,
                         QStringLiteral("test: %1 did not answer within %2 ms")
                             .arg(QLatin1String(what))
                             .arg(timeoutMs));
}

// await() for a callback taking a lap::Result<T>: a call that never answers yields a failed
// Result whose error (Kind::Timeout) names `what`.
//   const Result<Session> r = laptest::awaitResult<Session>(
//       [&](auto done) { client.getSession(id, done); }, "getSession");
template<class T, class Start>
lap::Result<T> awaitResult(Start &&start, const char *what, int timeoutMs = 15000)
{
    return await<lap::Result<T>>(std::forward<Start>(start),
                                 lap::Result<T>::failure(noAnswer(what, timeoutMs)), timeoutMs);
}

} // namespace laptest
#endif

#if __has_include("credentialstore.h")
#include "credentialstore.h"

namespace laptest {

// Keychain round trips through a CredentialStore, waited for; a keychain that never answers
// within `timeoutMs` yields a Kind::Timeout error.
constexpr int kKeychainWaitMs = 20000;

inline lap::LapError writeKeySync(lap::CredentialStore &store, const QString &profile,
                                  const QString &key, int timeoutMs = kKeychainWaitMs)
{
    return await<lap::LapError>([&](auto done) { store.writeKey(profile, key, done); },
                                noAnswer("CredentialStore::writeKey", timeoutMs), timeoutMs);
}

inline lap::Result<QString> readKeySync(lap::CredentialStore &store, const QString &profile,
                                        int timeoutMs = kKeychainWaitMs)
{
    return awaitResult<QString>([&](auto done) { store.readKey(profile, done); },
                                "CredentialStore::readKey", timeoutMs);
}

inline lap::LapError deleteKeySync(lap::CredentialStore &store, const QString &profile,
                                   int timeoutMs = kKeychainWaitMs)
{
    return await<lap::LapError>([&](auto done) { store.deleteKey(profile, done); },
                                noAnswer("CredentialStore::deleteKey", timeoutMs), timeoutMs);
}

} // namespace laptest
#endif
