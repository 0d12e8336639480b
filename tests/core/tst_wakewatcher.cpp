// SPDX-License-Identifier: GPL-2.0-or-later
// WakeWatcher with an injected clock: only a jump past what the probe interval explains is a wake.
#include "wakewatcher.h"

#include <QSignalSpy>
#include <QTest>

using namespace lap;

class TestWakeWatcher : public QObject
{
    Q_OBJECT

private slots:
    void clockJumpsAreWakes()
    {
        qint64 now = 1000000;
        WakeWatcher w([&now] { return now; }, nullptr);
        w.setProbeIntervalMs(5000);
        QSignalSpy resumed(&w, &WakeWatcher::resumed);
        w.start();
        // A probe on time, and a late one (a busy event loop), are not wakes.
        now += 5000;
        w.probe();
        now += 19000;
        w.probe();
        QCOMPARE(resumed.count(), 0);
        // An hour asleep is.
        now += 3600 * 1000;
        w.probe();
        QCOMPARE(resumed.count(), 1);
        // The next regular probe is measured from the wake, not from before the sleep.
        now += 5000;
        w.probe();
        QCOMPARE(resumed.count(), 1);
        // Just past four intervals counts; exactly four does not.
        now += 20000;
        w.probe();
        QCOMPARE(resumed.count(), 1);
        now += 20001;
        w.probe();
        QCOMPARE(resumed.count(), 2);
    }

    void theIntervalSetsTheThreshold()
    {
        qint64 now = 50;
        WakeWatcher w([&now] { return now; }, nullptr);
        w.setProbeIntervalMs(100);
        QSignalSpy resumed(&w, &WakeWatcher::resumed);
        w.start();
        now += 401;
        w.probe();
        QCOMPARE(resumed.count(), 1);
    }

    void onlyComingBackOnlineCounts()
    {
        qint64 now = 1;
        WakeWatcher w([&now] { return now; }, nullptr);
        QSignalSpy back(&w, &WakeWatcher::networkBack);
        w.setOnline(true); // was online already
        QCOMPARE(back.count(), 0);
        w.setOnline(false);
        w.setOnline(false);
        QCOMPARE(back.count(), 0);
        w.setOnline(true);
        QCOMPARE(back.count(), 1);
        w.setOnline(true);
        QCOMPARE(back.count(), 1);
    }

    void startsWithOrWithoutANetworkBackend()
    {
        // Either a backend reports reachability, or the watcher says so in the log and keeps
        // detecting wakes; it never fails to start.
        qint64 now = 10;
        WakeWatcher w([&now] { return now; }, nullptr);
        QSignalSpy resumed(&w, &WakeWatcher::resumed);
        w.start();
        w.start(); // a second start loads nothing twice
        now += 10 * 5000;
        w.probe();
        QCOMPARE(resumed.count(), 1);
        qInfo() << "network backend:" << w.watchesNetwork();
    }
};

QTEST_GUILESS_MAIN(TestWakeWatcher)
#include "tst_wakewatcher.moc"
