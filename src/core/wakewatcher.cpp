// SPDX-License-Identifier: GPL-2.0-or-later
#include "wakewatcher.h"

#include <QDateTime>
#include <QtGlobal>
#if QT_VERSION >= QT_VERSION_CHECK(6, 1, 0)
#include <QNetworkInformation>
#endif

namespace lap {

WakeWatcher::WakeWatcher(QObject *parent)
    : WakeWatcher([] { return QDateTime::currentMSecsSinceEpoch(); }, parent)
{}

WakeWatcher::WakeWatcher(Clock clock, QObject *parent) : QObject(parent), m_clock(std::move(clock))
{
    connect(&m_timer, &QTimer::timeout, this, &WakeWatcher::probe);
}

void WakeWatcher::start()
{
    m_lastMs = m_clock();
    m_timer.start(m_intervalMs);
    watchNetwork();
}

void WakeWatcher::probe()
{
    const qint64 now = m_clock();
    // A timer does not fire while the machine sleeps: a gap this long is a suspend, not a slow
    // event loop (which the factor of four leaves room for).
    if (m_lastMs > 0 && now - m_lastMs > 4 * qint64(m_intervalMs))
        emit resumed();
    m_lastMs = now;
}

void WakeWatcher::setOnline(bool online)
{
    const bool back = online && !m_online;
    m_online = online;
    if (back)
        emit networkBack();
}

void WakeWatcher::watchNetwork()
{
    if (m_watchesNetwork)
        return;
#if QT_VERSION >= QT_VERSION_CHECK(6, 1, 0)
#if QT_VERSION >= QT_VERSION_CHECK(6, 3, 0)
    const bool loaded =
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability) ||
        QNetworkInformation::loadDefaultBackend();
#else
    const bool loaded = QNetworkInformation::load(QNetworkInformation::Feature::Reachability);
#endif
    QNetworkInformation *info = loaded ? QNetworkInformation::instance() : nullptr;
    if (info && info->supports(QNetworkInformation::Feature::Reachability)) {
        m_watchesNetwork = true;
        m_online = info->reachability() == QNetworkInformation::Reachability::Online ||
                   info->reachability() == QNetworkInformation::Reachability::Unknown;
        connect(info, &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability r) {
                    setOnline(r == QNetworkInformation::Reachability::Online);
                });
        qInfo("lap-desktop: network reachability from the '%s' backend: a dropped session "
              "retries at once when the network comes back",
              qPrintable(info->backendName()));
        return;
    }
    qInfo("lap-desktop: no network-information backend reports reachability here; dropped "
          "sessions retry on their back-off and after a suspend only");
#endif
}

} // namespace lap
