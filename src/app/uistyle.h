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
