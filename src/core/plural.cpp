// SPDX-License-Identifier: GPL-2.0-or-later
#include "plural.h"

#include <QCoreApplication>

namespace lap {

QString plural(const char *context, const char *one, const char *many, int n)
{
    return QCoreApplication::translate(context, n == 1 ? one : many, nullptr, n);
}

QString plural(const char *context, const char *text, int n)
{
    QString s = QCoreApplication::translate(context, text, nullptr, n);
    s.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    return s;
}

} // namespace lap
