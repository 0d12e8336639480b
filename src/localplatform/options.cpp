// SPDX-License-Identifier: GPL-2.0-or-later
#include "options.h"

#include "model.h"

#include <QJsonValue>
#include <QStringList>

#include <cmath>

namespace lap::local {

QString ttyStyleName(TtyStyle style)
{
    switch (style) {
    case TtyStyle::Proxy:
        return QStringLiteral("proxy");
    case TtyStyle::Sandbox:
        return QStringLiteral("sandbox");
    case TtyStyle::InCluster:
        return QStringLiteral("in-cluster");
    }
    return {};
}

bool parseTtyStyle(const QString &name, TtyStyle *style)
{
    for (TtyStyle s : {TtyStyle::Proxy, TtyStyle::Sandbox, TtyStyle::InCluster}) {
        if (name == ttyStyleName(s)) {
            *style = s;
            return true;
        }
    }
    return false;
}

namespace {

bool toCount(const QJsonValue &v, qint64 max, qint64 *out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < 0 || d > static_cast<double>(max) || d != std::floor(d))
        return false;
    *out = static_cast<qint64>(d);
    return true;
}

} // namespace

bool LocalPlatformOptions::applyJson(const QJsonObject &json, QString *error)
{
    LocalPlatformOptions next = *this;
    const auto fail = [error](const QString &key, const QString &why) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(key, why);
        return false;
    };
    const QString integer = QStringLiteral("expected a non-negative integer");
    const QString boolean = QStringLiteral("expected true or false");
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        qint64 n = 0;
        if (key == QLatin1String("ready_delay_ms")) {
            if (!toCount(v, kMaxDelayMs, &n))
                return fail(key, integer);
            next.readyDelayMs = static_cast<int>(n);
        } else if (key == QLatin1String("fail_startup")) {
            if (!v.isString() && !v.isNull())
                return fail(key, QStringLiteral("expected a reason string or null"));
            next.failStartup = v.toString();
        } else if (key == QLatin1String("tty_style")) {
            if (!parseTtyStyle(v.toString(), &next.ttyStyle))
                return fail(key, QStringLiteral("expected proxy, sandbox or in-cluster"));
        } else if (key == QLatin1String("transient_errors")) {
            if (!toCount(v, kMaxTransientErrors, &n))
                return fail(key, integer);
            next.transientErrors = static_cast<int>(n);
        } else if (key == QLatin1String("advertise_wrong_token")) {
            if (!v.isBool())
                return fail(key, boolean);
            next.advertiseWrongToken = v.toBool();
        } else if (key == QLatin1String("no_tty_token")) {
            if (!v.isBool())
                return fail(key, boolean);
            next.noTtyToken = v.toBool();
        } else if (key == QLatin1String("drop_after_ms")) {
            if (!toCount(v, kMaxDelayMs, &n))
                return fail(key, integer);
            next.dropAfterMs = static_cast<int>(n);
        } else if (key == QLatin1String("flood_bytes")) {
            if (!toCount(v, kMaxFloodBytes, &n))
                return fail(key, integer);
            next.floodBytes = n;
        } else if (key == QLatin1String("idle_timeout_ms")) {
            if (!toCount(v, kMaxIdleTimeoutMs, &n) || n == 0)
                return fail(key, QStringLiteral("expected a positive integer"));
            next.idleTimeoutMs = n;
        } else if (key == QLatin1String("command")) {
            if (!v.isString() && !v.isNull())
                return fail(key, QStringLiteral("expected a string or null"));
            next.command = v.toString();
        } else if (key == QLatin1String("no_tmux")) {
            if (!v.isBool())
                return fail(key, boolean);
            next.noTmux = v.toBool();
        } else {
            return fail(key, QStringLiteral("unknown or start-up only option"));
        }
    }
    *this = next;
    return true;
}

QJsonObject LocalPlatformOptions::toJson() const
{
    return QJsonObject{
        {QStringLiteral("ready_delay_ms"), readyDelayMs},
        {QStringLiteral("fail_startup"), stringOrNull(failStartup)},
        {QStringLiteral("tty_style"), ttyStyleName(ttyStyle)},
        {QStringLiteral("transient_errors"), transientErrors},
        {QStringLiteral("advertise_wrong_token"), advertiseWrongToken},
        {QStringLiteral("no_tty_token"), noTtyToken},
        {QStringLiteral("drop_after_ms"), dropAfterMs},
        {QStringLiteral("flood_bytes"), static_cast<double>(floodBytes)},
        {QStringLiteral("idle_timeout_ms"), static_cast<double>(idleTimeoutMs)},
        {QStringLiteral("command"), stringOrNull(command)},
        {QStringLiteral("no_tmux"), noTmux},
    };
}

} // namespace lap::local
