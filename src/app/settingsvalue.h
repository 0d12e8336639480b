// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

namespace lap {

// QSettings hands back strings from INI files ("true", "600") and typed values from native
// backends; accept both, but never turn garbage (a hand-edited "maybe") into a value silently.
inline bool readSettingBool(const QSettings &s, const QString &key, bool fallback)
{
    const QVariant v = s.value(key);
    if (!v.isValid())
        return fallback;
    const QString text = v.toString().trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("1"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("0"))
        return false;
    return fallback;
}

inline int readSettingInt(const QSettings &s, const QString &key, int fallback)
{
    bool ok = false;
    const int v = s.value(key).toString().trimmed().toInt(&ok);
    return ok ? v : fallback;
}

} // namespace lap
