// SPDX-License-Identifier: GPL-2.0-or-later
#include "bridgenotice.h"

#include <QRegularExpression>

namespace lap {

namespace {

const char kExitedMarker[] = "[bridge] process exited";
const char kSpawnMarker[] = "[bridge] failed to spawn";

// The bridge's notice line containing `marker`, without ANSI, CR or LF; empty if absent.
QString noticeLine(const QString &plain, const char *marker)
{
    const int at = plain.lastIndexOf(QLatin1String(marker));
    if (at < 0)
        return {};
    int end = plain.size();
    for (const QChar stop : {QLatin1Char('\r'), QLatin1Char('\n')}) {
        const int i = plain.indexOf(stop, at);
        if (i >= 0 && i < end)
            end = i;
    }
    return plain.mid(at, end - at).trimmed();
}

} // namespace

QString stripAnsi(QString s)
{
    static const QRegularExpression csi(QStringLiteral("\x1b\\[[0-?]*[ -/]*[@-~]"));
    static const QRegularExpression osc(QStringLiteral("\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?"));
    static const QRegularExpression other(QStringLiteral("\x1b[@-_]?"));
    s.remove(csi);
    s.remove(osc);
    s.remove(other);
    return s;
}

void keepBridgeTail(QByteArray &tail, const QByteArray &bytes)
{
    tail.append(bytes);
    if (tail.size() > kBridgeTailBytes)
        tail = tail.right(kBridgeTailBytes);
}

BridgeNotice scanBridgeNotice(const QByteArray &tail)
{
    const QString plain = stripAnsi(QString::fromUtf8(tail));
    BridgeNotice n;
    n.line = noticeLine(plain, kExitedMarker);
    if (!n.line.isEmpty()) {
        n.kind = BridgeNotice::Kind::Exited;
        return n;
    }
    n.line = noticeLine(plain, kSpawnMarker);
    if (!n.line.isEmpty())
        n.kind = BridgeNotice::Kind::SpawnFailed;
    return n;
}

} // namespace lap
