// SPDX-License-Identifier: GPL-2.0-or-later
#include "terminalsettings.h"
#include "settingsvalue.h"

#include <QFontDatabase>
#include <QFontInfo>
#include <QSettings>
#include <qtermwidget.h>

#include <algorithm>

namespace lap {

namespace {

// Keys live under "terminal/" so the app can keep other groups in the same file.
QString key(const char *name)
{
    return QStringLiteral("terminal/") + QLatin1String(name);
}

int intValue(const QSettings &settings, const char *name, int fallback)
{
    return readSettingInt(settings, key(name), fallback);
}

bool boolValue(const QSettings &settings, const char *name, bool fallback)
{
    return readSettingBool(settings, key(name), fallback);
}

} // namespace

QString TerminalSettings::defaultColorScheme()
{
    // A dark scheme that ships with qtermwidget 1.x and keeps red/blue readable: the red of
    // DarkPastels (112,80,80 on 44,44,44) makes an agent's error output hard to see.
    return QStringLiteral("BreezeModified");
}

QStringList TerminalSettings::availableColorSchemes()
{
    QStringList names = QTermWidget::availableColorSchemes();
    names.removeDuplicates();
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    return names;
}

namespace {

QStringList fontFamilies()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    return QFontDatabase::families();
#else
    return QFontDatabase().families();
#endif
}

bool isFixedPitch(const QString &family)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    return QFontDatabase::isFixedPitch(family);
#else
    return QFontDatabase().isFixedPitch(family);
#endif
}

// The system fixed font, unless it is not actually fixed-pitch: without a platform theme
// (offscreen, bare X sessions) Qt answers with a proportional sans font, and fontconfig's
// "monospace" alias may pick a font it does not mark as monospaced (Noto Sans Mono), which
// makes the terminal draw glyph by glyph.
QString defaultFontFamily()
{
    const QFont system = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (QFontInfo(system).fixedPitch())
        return system.family();
    // Asked once: the list is long, and it used to be fetched again for every candidate.
    const QStringList installed = fontFamilies();
    static const char *const preferred[] = {
        "DejaVu Sans Mono", "Noto Mono",       "Liberation Mono", "Hack",
        "Ubuntu Mono",      "Source Code Pro", "Cascadia Mono",   "Nimbus Mono PS"};
    for (const char *name : preferred) {
        const QString family = QLatin1String(name);
        if (installed.contains(family) && isFixedPitch(family))
            return family;
    }
    for (const QString &family : installed) {
        if (isFixedPitch(family))
            return family;
    }
    return system.family();
}

} // namespace

QFont TerminalSettings::font() const
{
    QFont f(fontFamily.isEmpty() ? defaultFontFamily() : fontFamily);
    f.setStyleHint(QFont::TypeWriter);
    f.setFixedPitch(true);
    f.setPointSize(std::clamp(fontPointSize, minFontPointSize, maxFontPointSize));
    return f;
}

TerminalSettings TerminalSettings::load(const QSettings &settings)
{
    const TerminalSettings defaults;
    TerminalSettings s;
    s.colorScheme = settings.value(key("colorScheme")).toString().trimmed();
    if (s.colorScheme.isEmpty())
        s.colorScheme = defaults.colorScheme;
    s.fontFamily = settings.value(key("fontFamily")).toString().trimmed();
    s.fontPointSize = intValue(settings, "fontSize", defaults.fontPointSize);
    if (s.fontPointSize < minFontPointSize || s.fontPointSize > maxFontPointSize)
        s.fontPointSize = defaults.fontPointSize;
    s.scrollbackLines = intValue(settings, "scrollbackLines", defaults.scrollbackLines);
    if (s.scrollbackLines < -1)
        s.scrollbackLines = defaults.scrollbackLines;
    s.ctrlDDetaches = boolValue(settings, "ctrlDDetaches", defaults.ctrlDDetaches);
    s.bracketedPaste = boolValue(settings, "bracketedPaste", defaults.bracketedPaste);
    s.copyOnSelect = boolValue(settings, "copyOnSelect", defaults.copyOnSelect);
    s.visibleBell = boolValue(settings, "visibleBell", defaults.visibleBell);
    s.clickableUrls = boolValue(settings, "clickableUrls", defaults.clickableUrls);
    return s;
}

void TerminalSettings::save(QSettings &settings) const
{
    settings.setValue(key("colorScheme"), colorScheme);
    settings.setValue(key("fontFamily"), fontFamily);
    settings.setValue(key("fontSize"), fontPointSize);
    settings.setValue(key("scrollbackLines"), scrollbackLines);
    settings.setValue(key("ctrlDDetaches"), ctrlDDetaches);
    settings.setValue(key("bracketedPaste"), bracketedPaste);
    settings.setValue(key("copyOnSelect"), copyOnSelect);
    settings.setValue(key("visibleBell"), visibleBell);
    settings.setValue(key("clickableUrls"), clickableUrls);
}

bool TerminalSettings::operator==(const TerminalSettings &o) const
{
    return colorScheme == o.colorScheme && fontFamily == o.fontFamily &&
           fontPointSize == o.fontPointSize && scrollbackLines == o.scrollbackLines &&
           ctrlDDetaches == o.ctrlDDetaches && bracketedPaste == o.bracketedPaste &&
           copyOnSelect == o.copyOnSelect && visibleBell == o.visibleBell &&
           clickableUrls == o.clickableUrls;
}

} // namespace lap
