// SPDX-License-Identifier: GPL-2.0-or-later
#include "apptranslations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace lap {

namespace {

const char kCatalogue[] = "lap-desktop";
const char kEmbeddedDir[] = ":/i18n";

bool prefersEnglish(const QLocale &locale)
{
    const QStringList languages = locale.uiLanguages();
    return !languages.isEmpty() && QLocale(languages.first()).language() == QLocale::English;
}

// QTranslator::load(QLocale, ...) walks every UI language and its shorter forms (de-DE, then de)
// and is what a plain Qt app does; a probe translator tells which file won.
QString findIn(const QLocale &locale, const QString &dir)
{
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        return {};
    QTranslator probe;
    if (!probe.load(locale, QLatin1String(kCatalogue), QStringLiteral("_"), dir))
        return {};
    return probe.filePath();
}

QString qtTranslationsDir()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    return QLibraryInfo::path(QLibraryInfo::TranslationsPath);
#else
    return QLibraryInfo::location(QLibraryInfo::TranslationsPath);
#endif
}

} // namespace

QString installedTranslationsDir()
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath() +
                           QStringLiteral("/../share/lap-desktop/translations"));
}

QString findAppCatalogue(const QLocale &locale, const QString &installedDir)
{
    if (prefersEnglish(locale))
        return {};
    const QString installed = findIn(locale, installedDir);
    return installed.isEmpty() ? findIn(locale, QLatin1String(kEmbeddedDir)) : installed;
}

QStringList installTranslations(QCoreApplication *app, const QLocale &locale,
                                const QString &installedDir)
{
    QStringList loaded;
    const QString catalogue = findAppCatalogue(locale, installedDir);
    if (catalogue.isEmpty())
        return loaded;
    auto *own = new QTranslator(app);
    if (own->load(catalogue) && QCoreApplication::installTranslator(own))
        loaded << catalogue;
    else
        delete own;
    // Only with our own catalogue: an English UI with German standard buttons would be worse.
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), qtTranslationsDir()) &&
        QCoreApplication::installTranslator(qt))
        loaded << qt->filePath();
    else
        delete qt;
    return loaded;
}

} // namespace lap
