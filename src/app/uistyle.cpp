// SPDX-License-Identifier: GPL-2.0-or-later
#include "uistyle.h"

#include <QPainter>
#include <QPixmap>
#include <QWidget>

namespace lap {

QPalette errorTextPalette(QPalette palette)
{
    palette.setColor(QPalette::WindowText, colors::error());
    return palette;
}

void showAsErrorText(QWidget *w)
{
    w->setPalette(errorTextPalette(w->palette()));
}

void showAsSecondaryText(QWidget *w)
{
    QPalette p = w->palette();
    const QColor text = p.color(QPalette::WindowText);
    const QColor window = p.color(QPalette::Window);
    p.setColor(QPalette::WindowText,
               QColor((text.red() * 2 + window.red()) / 3, (text.green() * 2 + window.green()) / 3,
                      (text.blue() * 2 + window.blue()) / 3));
    w->setPalette(p);
}

QIcon statusDot(const QColor &color)
{
    QPixmap pm(16, 16);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(4, 4, 8, 8));
    return QIcon(pm);
}

} // namespace lap
