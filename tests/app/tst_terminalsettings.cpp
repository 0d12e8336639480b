// SPDX-License-Identifier: GPL-2.0-or-later
#include "terminalsettings.h"

#include <QFontInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using lap::TerminalSettings;

class TestTerminalSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString newIniPath() { return m_dir.filePath(QStringLiteral("s%1.ini").arg(++m_files)); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void defaults()
    {
        const TerminalSettings s;
        QCOMPARE(s.colorScheme, QStringLiteral("BreezeModified"));
        QCOMPARE(s.fontFamily, QString());
        QCOMPARE(s.fontPointSize, 11);
        QCOMPARE(s.scrollbackLines, 10000);
        QCOMPARE(s.ctrlDDetaches, true);
        QCOMPARE(s.bracketedPaste, true);
        QCOMPARE(s.copyOnSelect, false);
        QCOMPARE(s.visibleBell, true);
        QCOMPARE(s.clickableUrls, true);
    }

    void defaultSchemeShipsWithQTermWidget()
    {
        const QStringList schemes = TerminalSettings::availableColorSchemes();
        QVERIFY2(schemes.contains(TerminalSettings::defaultColorScheme()),
                 qPrintable(schemes.join(QLatin1String(", "))));
        QVERIFY(schemes.contains(QStringLiteral("Linux")));
        QVERIFY(schemes.contains(QStringLiteral("DarkPastels")));
        QStringList sorted = schemes;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
            return QString::localeAwareCompare(a, b) < 0;
        });
        QCOMPARE(schemes, sorted);
        QCOMPARE(sorted.removeDuplicates(), 0);
    }

    void defaultFontIsFixedPitch()
    {
        // Without a platform theme Qt's "fixed" system font is proportional; the default must
        // still be a monospaced family, or the terminal draws glyph by glyph and misaligns.
        const QFont f = TerminalSettings().font();
        QVERIFY2(QFontInfo(f).fixedPitch(), qPrintable(QFontInfo(f).family()));
        QCOMPARE(f.pointSize(), 11);
    }

    void explicitFont()
    {
        TerminalSettings s;
        s.fontFamily = QStringLiteral("DejaVu Sans Mono");
        s.fontPointSize = 14;
        QCOMPARE(s.font().family(), QStringLiteral("DejaVu Sans Mono"));
        QCOMPARE(s.font().pointSize(), 14);
        s.fontPointSize = 1000; // clamped when used, whatever the struct holds
        QCOMPARE(s.font().pointSize(), TerminalSettings::maxFontPointSize);
    }

    void roundTripThroughIni()
    {
        TerminalSettings s;
        s.colorScheme = QStringLiteral("Solarized");
        s.fontFamily = QStringLiteral("DejaVu Sans Mono");
        s.fontPointSize = 15;
        s.scrollbackLines = -1;
        s.ctrlDDetaches = false;
        s.bracketedPaste = false;
        s.copyOnSelect = true;
        s.visibleBell = false;
        s.clickableUrls = false;
        QVERIFY(s != TerminalSettings());

        const QString path = newIniPath();
        {
            QSettings out(path, QSettings::IniFormat);
            out.setValue(QStringLiteral("other/key"), 1); // other groups are left alone
            s.save(out);
            out.sync();
            QCOMPARE(out.status(), QSettings::NoError);
        }
        const QSettings in(path, QSettings::IniFormat);
        QCOMPARE(TerminalSettings::load(in), s);
        QCOMPARE(in.value(QStringLiteral("other/key")).toInt(), 1);
        QStringList keys = in.allKeys();
        keys.sort();
        QCOMPARE(
            keys,
            (QStringList{
                QStringLiteral("other/key"), QStringLiteral("terminal/bracketedPaste"),
                QStringLiteral("terminal/clickableUrls"), QStringLiteral("terminal/colorScheme"),
                QStringLiteral("terminal/copyOnSelect"), QStringLiteral("terminal/ctrlDDetaches"),
                QStringLiteral("terminal/fontFamily"), QStringLiteral("terminal/fontSize"),
                QStringLiteral("terminal/scrollbackLines"),
                QStringLiteral("terminal/visibleBell")}));

        // Scrollback 0 (none) is a real value, not "missing".
        s.scrollbackLines = 0;
        {
            QSettings out(path, QSettings::IniFormat);
            s.save(out);
        }
        QCOMPARE(TerminalSettings::load(QSettings(path, QSettings::IniFormat)).scrollbackLines, 0);
    }

    void emptyFileGivesDefaults()
    {
        const QSettings in(newIniPath(), QSettings::IniFormat);
        QCOMPARE(TerminalSettings::load(in), TerminalSettings());
    }

    void unusableValuesFallBackToDefaults()
    {
        const QString path = newIniPath();
        {
            QSettings out(path, QSettings::IniFormat);
            out.setValue(QStringLiteral("terminal/colorScheme"), QStringLiteral("  "));
            out.setValue(QStringLiteral("terminal/fontSize"), QStringLiteral("huge"));
            out.setValue(QStringLiteral("terminal/scrollbackLines"), -7);
            out.setValue(QStringLiteral("terminal/visibleBell"), false);
            // Hand-edited: not a boolean, so the default (QVariant::toBool would say true).
            out.setValue(QStringLiteral("terminal/copyOnSelect"), QStringLiteral("maybe"));
        }
        const TerminalSettings s = TerminalSettings::load(QSettings(path, QSettings::IniFormat));
        QCOMPARE(s.colorScheme, QStringLiteral("BreezeModified"));
        QCOMPARE(s.fontPointSize, 11);
        QCOMPARE(s.scrollbackLines, 10000);
        QCOMPARE(s.copyOnSelect, false);
        QCOMPARE(s.visibleBell, false); // the valid value next to them is kept

        {
            QSettings out(path, QSettings::IniFormat);
            out.setValue(QStringLiteral("terminal/fontSize"), 3);
        }
        QCOMPARE(TerminalSettings::load(QSettings(path, QSettings::IniFormat)).fontPointSize, 11);
        {
            QSettings out(path, QSettings::IniFormat);
            out.setValue(QStringLiteral("terminal/fontSize"), 72);
        }
        QCOMPARE(TerminalSettings::load(QSettings(path, QSettings::IniFormat)).fontPointSize, 72);
    }
};

QTEST_MAIN(TestTerminalSettings)
#include "tst_terminalsettings.moc"
