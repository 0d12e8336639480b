// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "terminalsettings.h"

#include <QSettings>
#include <QString>

namespace lap {

// Everything the Settings dialog edits, as a value. Persisted in QSettings: the terminal part
// under group "terminal" (TerminalSettings), the rest under group "connection". Holds no secret:
// a TTY token override is deliberately not offered, because QSettings is a plain file; use
// LAP_TTY_TOKEN in the environment for that.
struct AppSettings
{
    static constexpr int kMinPollGiveUpSeconds = 10;
    static constexpr int kMaxPollGiveUpSeconds = 3600;

    TerminalSettings terminal;
    // How long to poll a starting session before giving up (the server fails it after 600 s).
    int pollGiveUpSeconds = 600;
    // Used when the platform gives no usable tty_url/sandbox_url (LAP_TTY_FALLBACK equivalent).
    QString ttyFallbackUrl;
    // Refresh last_seen_at while the user types: the platform reaps a TUI session after 15 min
    // otherwise, even in active use (docs/platform-api.md §5).
    bool keepSessionsAlive = true;
    bool autoReconnect = true;
    // Extra CA certificates (PEM) trusted for the platform; empty = system store only.
    QString caFile;

    // Missing keys give the defaults; out-of-range or ill-typed values are clamped or dropped,
    // so a hand-edited file never yields a setting the dialog could not have produced.
    static AppSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    // Empty when `text` is acceptable as ttyFallbackUrl (empty, or a ws:// / wss:// URL with a
    // host), else the sentence the dialog shows next to the field.
    static QString validateTtyFallbackUrl(const QString &text);
    // Empty when `path` is acceptable as caFile (empty, or a readable file holding at least one
    // PEM certificate), else the sentence to show.
    static QString validateCaFile(const QString &path);

    bool operator==(const AppSettings &other) const;
    bool operator!=(const AppSettings &other) const { return !(*this == other); }
};

} // namespace lap
