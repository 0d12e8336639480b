// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QFont>
#include <QString>
#include <QStringList>

class QSettings;

namespace lap {

// How a RemoteTerminal looks and behaves; persisted under the "terminal" settings group.
// A plain value: RemoteTerminal::setSettings() applies a whole one at once.
struct TerminalSettings
{
    QString colorScheme = defaultColorScheme();
    QString fontFamily;          // empty: the system's fixed-pitch font
    int fontPointSize = 11;      // 4..72
    int scrollbackLines = 10000; // 0 = none, -1 = unlimited
    bool ctrlDDetaches = true;   // a lone Ctrl-D detaches, like the reference CLI
    bool bracketedPaste = true;  // honour the remote's request for bracketed paste (?2004)
    bool copyOnSelect = false;
    bool visibleBell = true;
    bool clickableUrls = true;

    // The font the terminal uses at zoom 0: fontFamily (or the system fixed font) at fontPointSize.
    QFont font() const;

    // Missing or unusable values fall back to the defaults above.
    static TerminalSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    // Color scheme names qtermwidget can load, sorted.
    static QStringList availableColorSchemes();
    static QString defaultColorScheme();

    static constexpr int minFontPointSize = 4;
    static constexpr int maxFontPointSize = 72;

    bool operator==(const TerminalSettings &other) const;
    bool operator!=(const TerminalSettings &other) const { return !(*this == other); }
};

} // namespace lap
