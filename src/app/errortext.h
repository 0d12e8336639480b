// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QColor>
#include <QPalette>
#include <QWidget>

namespace lap {

// An inline error (a field's problem, a failed sign-in) in the one red every dialog uses, set in
// the palette so it reads as an error without a style sheet the theme may override.
inline void showAsErrorText(QWidget *w)
{
    QPalette p = w->palette();
    p.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    w->setPalette(p);
}

} // namespace lap
