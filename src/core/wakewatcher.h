// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace lap {

// Notices the two moments when tabs waiting out a reconnect back-off should try at once: the
// machine woke from a suspend (the wall clock jumped further than the probe interval explains)
// and the network came back (QNetworkInformation on Qt >= 6.1, when a backend exists).
class WakeWatcher : public QObject
{
    Q_OBJECT
public:
    // Milliseconds of wall-clock time; injected by tests.
    using Clock = std::function<qint64()>;

    explicit WakeWatcher(QObject *parent = nullptr);
    WakeWatcher(Clock clock, QObject *parent);

    // Starts the probe timer and the network watch.
    void start();
    // How often the clock is read; a gap of more than four intervals counts as a wake.
    void setProbeIntervalMs(int ms) { m_intervalMs = ms; }
    int probeIntervalMs() const { return m_intervalMs; }
    // Reads the clock once (the timer calls this).
    void probe();
    // A reachability report (from QNetworkInformation, or from a test): true = online.
    void setOnline(bool online);
    // Whether a network-information backend reports reachability here.
    bool watchesNetwork() const { return m_watchesNetwork; }

signals:
    void resumed();
    void networkBack();

private:
    void watchNetwork();

    Clock m_clock;
    QTimer m_timer;
    int m_intervalMs = 5000;
    qint64 m_lastMs = 0;
    bool m_online = true;
    bool m_watchesNetwork = false;
};

} // namespace lap
