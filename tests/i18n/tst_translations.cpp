// SPDX-License-Identifier: GPL-2.0-or-later
// The catalogues in translations/: complete, current with the sources (a string added or changed
// in src/ without a translation fails here), consistent with the English (placeholders,
// accelerators, technical names, plural forms), and loaded the way lap-desktop loads them.
#include "apptranslations.h"
#include "platformclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

// A space-separated list that cmake/LapPackaging.cmake passes in.
QStringList words(const char *list)
{
    return QString::fromUtf8(list).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// LAP_LANGUAGES of cmake/LapPackaging.cmake: a language added there is tested here.
const QStringList kLanguages = words(LAP_LANGUAGES);

// The lupdate call of the lap-desktop_lupdate target (cmake/LapPackaging.cmake), minus
// -no-obsolete so that strings gone from the sources show up as "vanished".
const QStringList kLupdateArgs = words(LAP_LUPDATE_OPTIONS) + words(LAP_LUPDATE_SOURCES);

int formsFor(const QString &language)
{
    return language == QLatin1String("zh_CN") ? 1 : 2;
}

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; // of <translation>: empty when finished, else unfinished/obsolete/vanished
    QStringList forms;

    QString where() const { return QStringLiteral("[%1] \"%2\"").arg(context, source); }
};

struct TsFile
{
    QString language;
    QList<TsMessage> messages;
    QString error;
};

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = TsMessage();
            message.context = context;
            message.numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.forms << xml.readElementText();
            } else {
                message.forms << xml.readElementText();
            }
            ts.messages << message;
        }
    }
    if (xml.hasError())
        ts.error =
            QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

QString tsPath(const QString &dir, const QString &language)
{
    return QStringLiteral("%1/lap-desktop_%2.ts").arg(dir, language);
}

QSet<QString> matches(const QRegularExpression &re, const QString &text)
{
    QSet<QString> found;
    auto it = re.globalMatch(text);
    while (it.hasNext())
        found << it.next().captured(0);
    return found;
}

// The mnemonic letter markers of a label: "&x", not the escaped "&&".
int mnemonics(QString text)
{
    text.remove(QLatin1String("&&"));
    return static_cast<int>(text.count(QRegularExpression(QStringLiteral("&\\S"))));
}

QString runTool(const QString &program, const QStringList &args, int *exitCode)
{
    QProcess p;
    p.setWorkingDirectory(QStringLiteral(LAP_SOURCE_DIR));
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        *exitCode = -1;
        return QStringLiteral("%1 did not finish: %2").arg(program, p.errorString());
    }
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAll());
}

void removeInstalledTranslators()
{
    const auto translators = QCoreApplication::instance()->findChildren<QTranslator *>();
    for (QTranslator *t : translators)
        delete t; // ~QTranslator removes it from the application
}

} // namespace

class TstTranslations : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { removeInstalledTranslators(); }

    void catalogueIsComplete_data();
    void catalogueIsComplete();
    void cataloguesMatchTheSources();
    void lreleaseFindsNothingUnfinished_data();
    void lreleaseFindsNothingUnfinished();

    void catalogueForLocale_data();
    void catalogueForLocale();
    void installedCatalogueWinsOverEmbedded();
    void installTranslationsTranslatesAppAndCore_data();
    void installTranslationsTranslatesAppAndCore();
    void pluralForms_data();
    void pluralForms();
    void englishInstallsNothing();
};

void TstTranslations::catalogueIsComplete_data()
{
    QTest::addColumn<QString>("language");
    for (const QString &language : kLanguages)
        QTest::newRow(qPrintable(language)) << language;
}

void TstTranslations::catalogueIsComplete()
{
    QFETCH(QString, language);
    const TsFile ts = readTs(tsPath(QStringLiteral(LAP_SOURCE_DIR "/translations"), language));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QCOMPARE(ts.language, language);
    QVERIFY2(ts.messages.size() > 300, qPrintable(QString::number(ts.messages.size())));

    const QRegularExpression placeholder(QStringLiteral("%(?:\\d+|n)"));
    // Names a user types or looks up: environment variables, JSON fields, URL schemes, protocol
    // names, and the lap CLI itself.
    const QRegularExpression technical(QStringLiteral(
        "\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\b[a-z]+(?:_[a-z]+)+\\b|\\bwss?://|\\bhttps?://|"
        "\\bHTTP\\b|\\bTLS\\b|\\bPEM\\b|\\bJSON\\b|\\bD-Bus\\b|\\bgnome-keyring\\b|\\bKWallet\\b|"
        "\\blap\\b|-----BEGIN CERTIFICATE-----"));
    QStringList problems;
    for (const TsMessage &m : ts.messages) {
        if (!m.type.isEmpty()) {
            problems << QStringLiteral("%1 is %2").arg(m.where(), m.type);
            continue;
        }
        const int expectedForms = m.numerus ? formsFor(language) : 1;
        if (m.forms.size() != expectedForms) {
            problems << QStringLiteral("%1 has %2 forms, %3 wants %4")
                            .arg(m.where())
                            .arg(m.forms.size())
                            .arg(language)
                            .arg(expectedForms);
            continue;
        }
        const QSet<QString> wantedPlaceholders = matches(placeholder, m.source);
        const QSet<QString> wantedNames = matches(technical, m.source);
        for (const QString &form : m.forms) {
            if (form.trimmed().isEmpty()) {
                problems << QStringLiteral("%1 has an empty translation").arg(m.where());
                continue;
            }
            if (matches(placeholder, form) != wantedPlaceholders)
                problems
                    << QStringLiteral("%1: placeholders differ in \"%2\"").arg(m.where(), form);
            const QSet<QString> names = matches(technical, form);
            for (const QString &name : wantedNames) {
                if (!names.contains(name))
                    problems << QStringLiteral("%1: \"%2\" lost %3").arg(m.where(), form, name);
            }
            if (mnemonics(form) != qMin(mnemonics(m.source), 1))
                problems
                    << QStringLiteral("%1: accelerator mismatch in \"%2\"").arg(m.where(), form);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

// lupdate over the current sources, into copies: any string it would add (unfinished) or drop
// (vanished/obsolete) means translations/ is behind the code.
void TstTranslations::cataloguesMatchTheSources()
{
    QVERIFY2(!kLanguages.isEmpty(), "no LAP_LANGUAGES from cmake/LapPackaging.cmake");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList args = kLupdateArgs;
    args << QStringLiteral("-ts");
    for (const QString &language : kLanguages) {
        const QString copy = tsPath(dir.path(), language);
        QVERIFY(
            QFile::copy(tsPath(QStringLiteral(LAP_SOURCE_DIR "/translations"), language), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        args << copy;
    }
    int exitCode = 0;
    const QString output = runTool(QStringLiteral(LAP_LUPDATE), args, &exitCode);
    QVERIFY2(exitCode == 0, qPrintable(output));

    QStringList stale;
    for (const QString &language : kLanguages) {
        const TsFile ts = readTs(tsPath(dir.path(), language));
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        for (const TsMessage &m : ts.messages) {
            if (!m.type.isEmpty())
                stale << QStringLiteral("%1: %2 is %3").arg(language, m.where(), m.type);
        }
    }
    QVERIFY2(stale.isEmpty(),
             qPrintable(QStringLiteral("translations/ is out of date with the sources; run "
                                       "`cmake --build <build> --target lap-desktop_lupdate` and "
                                       "translate:\n") +
                        stale.join(QLatin1Char('\n'))));
}

void TstTranslations::lreleaseFindsNothingUnfinished_data()
{
    catalogueIsComplete_data();
}

void TstTranslations::lreleaseFindsNothingUnfinished()
{
    QFETCH(QString, language);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    int exitCode = 0;
    const QString output =
        runTool(QStringLiteral(LAP_LRELEASE),
                {tsPath(QStringLiteral(LAP_SOURCE_DIR "/translations"), language),
                 QStringLiteral("-qm"), dir.filePath(QStringLiteral("out.qm"))},
                &exitCode);
    QVERIFY2(exitCode == 0, qPrintable(output));
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("Generated (\\d+) translation\\(s\\) \\((\\d+) finished "
                                          "and (\\d+) unfinished\\)"))
            .match(output);
    QVERIFY2(m.hasMatch(), qPrintable(output));
    QVERIFY2(m.captured(1).toInt() > 300, qPrintable(output));
    QCOMPARE(m.captured(3), QStringLiteral("0"));
    QVERIFY2(!output.contains(QLatin1String("Ignored")), qPrintable(output));
}

void TstTranslations::catalogueForLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");
    QTest::newRow("de_DE") << "de_DE"
                           << ":/i18n/lap-desktop_de.qm";
    QTest::newRow("de_AT") << "de_AT"
                           << ":/i18n/lap-desktop_de.qm";
    QTest::newRow("fr_FR") << "fr_FR"
                           << ":/i18n/lap-desktop_fr.qm";
    QTest::newRow("fr_CA") << "fr_CA"
                           << ":/i18n/lap-desktop_fr.qm";
    QTest::newRow("zh_CN") << "zh_CN"
                           << ":/i18n/lap-desktop_zh_CN.qm";
    // Traditional Chinese readers get English, not the Simplified catalogue.
    QTest::newRow("zh_TW") << "zh_TW"
                           << "";
    QTest::newRow("en_US") << "en_US"
                           << "";
    QTest::newRow("ja_JP") << "ja_JP"
                           << "";
    QTest::newRow("C") << "C"
                       << "";
}

void TstTranslations::catalogueForLocale()
{
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    QCOMPARE(lap::findAppCatalogue(QLocale(locale), QStringLiteral("/nonexistent/lap-i18n")),
             expected);
}

void TstTranslations::installedCatalogueWinsOverEmbedded()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString installed = dir.filePath(QStringLiteral("lap-desktop_fr.qm"));
    QVERIFY(QFile::copy(QStringLiteral(":/i18n/lap-desktop_fr.qm"), installed));
    QCOMPARE(lap::findAppCatalogue(QLocale(QStringLiteral("fr_BE")), dir.path()), installed);
    // Only French is installed there: German still comes from the embedded copy.
    QCOMPARE(lap::findAppCatalogue(QLocale(QStringLiteral("de_DE")), dir.path()),
             QStringLiteral(":/i18n/lap-desktop_de.qm"));
    QCOMPARE(lap::installedTranslationsDir(),
             QDir::cleanPath(QCoreApplication::applicationDirPath() +
                             QStringLiteral("/../share/lap-desktop/translations")));
}

void TstTranslations::installTranslationsTranslatesAppAndCore_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("signInAgain"); // core, context "lap"
    QTest::addColumn<QString>("notSignedIn"); // app, context "lap::MainWindow"
    QTest::addColumn<QString>("badScheme");   // core, through lap::normalizeBaseUrl
    QTest::newRow("de") << "de_DE"
                        << "Melden Sie sich erneut an."
                        << "Nicht angemeldet."
                        << "Die Plattform-URL muss mit http:// oder https:// beginnen.";
    QTest::newRow("fr") << "fr_FR"
                        << "Reconnectez-vous."
                        << "Non connecté."
                        << "L’URL de la plateforme doit commencer par http:// ou https://.";
    QTest::newRow("zh_CN") << "zh_CN"
                           << "请重新登录。"
                           << "未登录。"
                           << "平台 URL 必须以 http:// 或 https:// 开头。";
}

void TstTranslations::installTranslationsTranslatesAppAndCore()
{
    QFETCH(QString, locale);
    QFETCH(QString, signInAgain);
    QFETCH(QString, notSignedIn);
    QFETCH(QString, badScheme);
    const QStringList loaded = lap::installTranslations(
        QCoreApplication::instance(), QLocale(locale), QStringLiteral("/nonexistent"));
    QVERIFY2(!loaded.isEmpty(), qPrintable(locale));
    QCOMPARE(loaded.first(), lap::findAppCatalogue(QLocale(locale), QString()));
    QCOMPARE(QCoreApplication::translate("lap", "Sign in again."), signInAgain);
    QCOMPARE(QCoreApplication::translate("lap::MainWindow", "Not signed in."), notSignedIn);
    QString why;
    QVERIFY(!lap::normalizeBaseUrl(QStringLiteral("ftp://lap.example.com"), &why).isValid());
    QCOMPARE(why, badScheme);
}

void TstTranslations::pluralForms_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");
    QTest::newRow("de 1") << "de_DE" << 1 << "LAP Desktop – 1 Sitzung verbunden";
    QTest::newRow("de 0") << "de_DE" << 0 << "LAP Desktop – 0 Sitzungen verbunden";
    QTest::newRow("de 3") << "de_DE" << 3 << "LAP Desktop – 3 Sitzungen verbunden";
    // French uses the singular for 0 and 1.
    QTest::newRow("fr 0") << "fr_FR" << 0 << "LAP Desktop — 0 session connectée";
    QTest::newRow("fr 1") << "fr_FR" << 1 << "LAP Desktop — 1 session connectée";
    QTest::newRow("fr 2") << "fr_FR" << 2 << "LAP Desktop — 2 sessions connectées";
    QTest::newRow("zh 1") << "zh_CN" << 1 << "LAP Desktop——已连接 1 个会话";
    QTest::newRow("zh 7") << "zh_CN" << 7 << "LAP Desktop——已连接 7 个会话";
}

void TstTranslations::pluralForms()
{
    QFETCH(QString, locale);
    QFETCH(int, n);
    QFETCH(QString, expected);
    QVERIFY(!lap::installTranslations(QCoreApplication::instance(), QLocale(locale),
                                      QStringLiteral("/nonexistent"))
                 .isEmpty());
    QCOMPARE(QCoreApplication::translate("lap::MainWindow", "LAP Desktop — %n session(s) connected",
                                         nullptr, n),
             expected);
}

void TstTranslations::englishInstallsNothing()
{
    QVERIFY(lap::installTranslations(QCoreApplication::instance(), QLocale(QStringLiteral("en_GB")),
                                     QStringLiteral("/nonexistent"))
                .isEmpty());
    QCOMPARE(QCoreApplication::translate("lap", "Sign in again."),
             QStringLiteral("Sign in again."));
}

QTEST_GUILESS_MAIN(TstTranslations)
#include "tst_translations.moc"
