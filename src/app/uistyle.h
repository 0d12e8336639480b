// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>

class QWidget;

namespace lap {

// The colours the dialogs give a meaning, each in one place. They are set in palettes rather
// than style sheets, which the theme may override, and read as text on light and dark windows.
namespace colors {
// An inline error (a field's problem, a failed sign-in, a paste that cannot be attached) and a
// session that has ended (failed, dead, stopped).
inline QColor error()
{
    return QColor(0xc6, 0x28, 0x28);
}
// A session that is ready, an agent with an active session.
inline QColor ready()
{
    return QColor(0x2e, 0x7d, 0x32);
}
// A session that is still starting.
inline QColor starting()
{
    return QColor(0x15, 0x65, 0xc0);
}
// A connection that dropped and is being tried again.
inline QColor reconnecting()
{
    return QColor(0xf0, 0x9a, 0x1a);
}
// A session the tab let go of on purpose (detached, the agent exited): nothing is wrong.
inline QColor inactive()
{
    return QColor(0x8a, 0x8f, 0x98);
}
// The banner over a terminal that has news about its connection: a note, not an alarm.
inline QColor noticeBackground()
{
    return QColor(0xfd, 0xf0, 0xc8);
}
inline QColor noticeText()
{
    return QColor(0x4a, 0x3a, 0x00);
}
} // namespace colors

// `palette` with the error colour as its text colour.
QPalette errorTextPalette(QPalette palette);
// Shows `w`'s text as an inline error.
void showAsErrorText(QWidget *w);
// Secondary text (a hint under a field): between the text and the window colour, readable in
// light and dark themes (the Disabled colour is too faint for a sentence people should read).
void showAsSecondaryText(QWidget *w);

// A small filled circle, the status mark in front of a row.
QIcon statusDot(const QColor &color);

} // namespace lap
