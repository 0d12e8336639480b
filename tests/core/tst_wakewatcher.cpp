// SPDX-License-Identifier: GPL-2.0-or-later
// WakeWatcher with an injected clock: only a jump past what the probe interval explains is a wake.
#include "wakewatcher.h"

#include <QSignalSpy>
#include <QStringList>
#include <QTest>
#if QT_VERSION >= QT_VERSION_CHECK(6, 1, 0)
#include <QNetworkInformation>
#endif

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
        s_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(capture);
        w.start();
        w.start(); // a second start loads nothing twice
        qInstallMessageHandler(previous);
        now += 10 * 5000;
        w.probe();
        QCOMPARE(resumed.count(), 1);
#if QT_VERSION >= QT_VERSION_CHECK(6, 1, 0)
        // Whichever this machine has, the log says it, once.
        QCOMPARE(s_log.size(), 1);
        if (w.watchesNetwork()) {
            QNetworkInformation *info = QNetworkInformation::instance();
            QVERIFY(info);
            QVERIFY(info->supports(QNetworkInformation::Feature::Reachability));
            QCOMPARE(s_log.first(),
                     QStringLiteral("lap-desktop: network reachability from the '%1' backend: a "
                                    "dropped session retries at once when the network comes back")
                         .arg(info->backendName()));
            qInfo("network backend loaded: %s", qPrintable(info->backendName()));
        } else {
            QCOMPARE(s_log.first(),
                     QStringLiteral("lap-desktop: no network-information backend reports "
                                    "reachability here; dropped sessions retry on their back-off "
                                    "and after a suspend only"));
            qInfo("no network backend here: the watcher fell back and said so");
        }
#else
        QVERIFY(!w.watchesNetwork());
        QVERIFY(s_log.isEmpty());
#endif
    }

private:
    static QStringList s_log;
    static void capture(QtMsgType type, const QMessageLogContext &, const QString &message)
    {
        if (type == QtInfoMsg)
            s_log << message;
    }
};

QStringList TestWakeWatcher::s_log;

QTEST_GUILESS_MAIN(TestWakeWatcher)
#include "tst_wakewatcher.moc"
