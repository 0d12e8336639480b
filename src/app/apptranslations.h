// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace lap {

// Where a package installs the lap-desktop catalogues: <prefix>/share/lap-desktop/translations,
// found relative to the running binary so the same build works under /usr, /usr/local or a
// staging directory.
QString installedTranslationsDir();

// The lap-desktop catalogue path for `locale`: from `installedDir` when it has one (a distro can
// ship fixed translations without a rebuild), else the copy embedded under :/i18n. Empty when
// neither has one, or when the locale prefers English, the source language: Qt would otherwise
// pick the next language on the user's list (LANGUAGE=en_GB:de would show German).
QString findAppCatalogue(const QLocale &locale, const QString &installedDir);

// Installs the lap-desktop catalogue for `locale` and Qt's own (qtbase: standard buttons and
// dialogs) on `app`. The translators are children of `app`. Returns the files loaded.
QStringList installTranslations(QCoreApplication *app, const QLocale &locale,
                                const QString &installedDir = installedTranslationsDir());

} // namespace lap
