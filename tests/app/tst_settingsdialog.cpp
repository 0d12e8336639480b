// SPDX-License-Identifier: GPL-2.0-or-later
// AppSettings persistence and the Settings dialog's fields and validation.

#include "appsettings.h"
#include "dlgtestutil.h"
#include "settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace lap;

namespace {

const QByteArray kCaPem = "-----BEGIN CERTIFICATE-----\n"
                          "MIIBgzCCASmgAwIBAgIUbI3OK9C3GvaQrcUfzcvsycJpJkcwCgYIKoZIzj0EAwIw\n"
                          "FjEUMBIGA1UEAwwLbGFwLXRlc3QtY2EwIBcNMjYxMTIzMTU0MzI1WhgPMjEyNjEw\n"
                          "MzAxNTQzMjVaMBYxFDASBgNVBAMMC2xhcC10ZXN0LWNhMFkwEwYHKoZIzj0CAQYI\n"
                          "KoZIzj0DAQcDQgAEC7RqttSOVqDU+ARWC36vGUtxrEOLAVxaveugA06EbrstZr6F\n"
                          "rSNz8VQAZocZDhY7mvc4zobRHikmvGgGozNwFqNTMFEwHQYDVR0OBBYEFJVjJ70r\n"
                          "JmKHz+ltAF1J411EDuStMB8GA1UdIwQYMBaAFJVjJ70rJmKHz+ltAF1J411EDuSt\n"
                          "MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIhAIYh27uad2j70ApM\n"
                          "aIt4ajOm4EYtc/Ap9PK5LeQxxatPAiALYs0y1Z7kye2dhgL7h+vBaJkXzG1bS6K9\n"
                          "Aenp5lQXYg==\n"
                          "-----END CERTIFICATE-----\n";

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes);
    return path;
}

AppSettings customSettings(const QString &caFile)
{
    AppSettings s;
    s.terminal.colorScheme = QStringLiteral("Linux");
    s.terminal.fontFamily = QStringLiteral("DejaVu Sans Mono");
    s.terminal.fontPointSize = 14;
    s.terminal.scrollbackLines = -1;
    s.terminal.ctrlDDetaches = false;
    s.terminal.bracketedPaste = false;
    s.terminal.copyOnSelect = true;
    s.terminal.visibleBell = false;
    s.terminal.clickableUrls = false;
    s.pollGiveUpSeconds = 90;
    s.ttyFallbackUrl = QStringLiteral("ws://127.0.0.1:4096/tty");
    s.keepSessionsAlive = false;
    s.autoReconnect = false;
    s.caFile = caFile;
    return s;
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_caFile;

    struct Fields
    {
        explicit Fields(SettingsDialog *d)
            : tabs(d->findChild<QTabWidget *>(QStringLiteral("tabs")))
            , scheme(d->findChild<QComboBox *>(QStringLiteral("colorSchemeCombo")))
            , font(d->findChild<QFontComboBox *>(QStringLiteral("fontCombo")))
            , fontSize(d->findChild<QSpinBox *>(QStringLiteral("fontSizeSpin")))
            , scrollback(d->findChild<QSpinBox *>(QStringLiteral("scrollbackSpin")))
            , ctrlD(d->findChild<QCheckBox *>(QStringLiteral("ctrlDCheck")))
            , pollGiveUp(d->findChild<QSpinBox *>(QStringLiteral("pollGiveUpSpin")))
            , fallback(d->findChild<QLineEdit *>(QStringLiteral("ttyFallbackEdit")))
            , fallbackError(d->findChild<QLabel *>(QStringLiteral("ttyFallbackError")))
            , keepAlive(d->findChild<QCheckBox *>(QStringLiteral("keepAliveCheck")))
            , reconnect(d->findChild<QCheckBox *>(QStringLiteral("autoReconnectCheck")))
            , caFile(d->findChild<QLineEdit *>(QStringLiteral("caFileEdit")))
            , caFileError(d->findChild<QLabel *>(QStringLiteral("caFileError")))
            , ok(d->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
                     ->button(QDialogButtonBox::Ok))
            , defaults(d->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
                           ->button(QDialogButtonBox::RestoreDefaults))
        {}
        bool complete() const
        {
            return tabs && scheme && font && fontSize && scrollback && ctrlD && pollGiveUp &&
                   fallback && fallbackError && keepAlive && reconnect && caFile && caFileError &&
                   ok && defaults;
        }
        QTabWidget *tabs;
        QComboBox *scheme;
        QFontComboBox *font;
        QSpinBox *fontSize;
        QSpinBox *scrollback;
        QCheckBox *ctrlD;
        QSpinBox *pollGiveUp;
        QLineEdit *fallback;
        QLabel *fallbackError;
        QCheckBox *keepAlive;
        QCheckBox *reconnect;
        QLineEdit *caFile;
        QLabel *caFileError;
        QPushButton *ok;
        QPushButton *defaults;
    };

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_caFile = writeFile(m_dir, QStringLiteral("ca.pem"), kCaPem);
        QVERIFY(!m_caFile.isEmpty());
    }

    void defaults()
    {
        const AppSettings s;
        QCOMPARE(s.pollGiveUpSeconds, 600);
        QVERIFY(s.keepSessionsAlive);
        QVERIFY(s.autoReconnect);
        QVERIFY(s.ttyFallbackUrl.isEmpty());
        QVERIFY(s.caFile.isEmpty());
        // An empty file gives the defaults.
        QSettings empty(m_dir.filePath(QStringLiteral("empty.conf")), QSettings::IniFormat);
        QVERIFY(AppSettings::load(empty) == s);
    }

    void saveLoadRoundTrip()
    {
        const AppSettings s = customSettings(m_caFile);
        const QString path = m_dir.filePath(QStringLiteral("roundtrip.conf"));
        {
            QSettings out(path, QSettings::IniFormat);
            s.save(out);
        }
        QSettings in(path, QSettings::IniFormat);
        QCOMPARE(in.value(QStringLiteral("connection/pollGiveUpSeconds")).toInt(), 90);
        QCOMPARE(in.value(QStringLiteral("terminal/fontSize")).toInt(), 14);
        const AppSettings back = AppSettings::load(in);
        QVERIFY(back == s);
        QCOMPARE(back.ttyFallbackUrl, QStringLiteral("ws://127.0.0.1:4096/tty"));
        QCOMPARE(back.caFile, m_caFile);
        QVERIFY(!back.keepSessionsAlive);
        QVERIFY(!back.autoReconnect);
        QVERIFY(!back.terminal.ctrlDDetaches);
    }

    void loadRepairsHandEditedValues_data()
    {
        QTest::addColumn<QString>("poll");
        QTest::addColumn<int>("expectedPoll");
        QTest::addColumn<QString>("fallback");
        QTest::addColumn<QString>("expectedFallback");
        QTest::addColumn<QString>("keepAlive");
        QTest::addColumn<bool>("expectedKeepAlive");
        QTest::newRow("too short") << "5" << 10 << "wss://h/tty"
                                   << "wss://h/tty"
                                   << "false" << false;
        QTest::newRow("too long") << "99999" << 3600 << "http://h/tty"
                                  << ""
                                  << "maybe" << true;
        QTest::newRow("not a number") << "soon" << 600 << "ws://"
                                      << ""
                                      << "0" << false;
    }

    void loadRepairsHandEditedValues()
    {
        QFETCH(QString, poll);
        QFETCH(int, expectedPoll);
        QFETCH(QString, fallback);
        QFETCH(QString, expectedFallback);
        QFETCH(QString, keepAlive);
        QFETCH(bool, expectedKeepAlive);
        const QString path = m_dir.filePath(
            QStringLiteral("edited-%1.conf").arg(QString::fromLatin1(QTest::currentDataTag())));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("[connection]\npollGiveUpSeconds=%1\nttyFallbackUrl=%2\n"
                                   "keepSessionsAlive=%3\n")
                        .arg(poll, fallback, keepAlive)
                        .toUtf8());
        }
        QSettings in(path, QSettings::IniFormat);
        const AppSettings s = AppSettings::load(in);
        QCOMPARE(s.pollGiveUpSeconds, expectedPoll);
        QCOMPARE(s.ttyFallbackUrl, expectedFallback);
        QCOMPARE(s.keepSessionsAlive, expectedKeepAlive);
    }

    void dialogShowsTheSettings()
    {
        const AppSettings s = customSettings(m_caFile);
        SettingsDialog d(s);
        Fields f(&d);
        QVERIFY(f.complete());
        QCOMPARE(f.scheme->currentText(), QStringLiteral("Linux"));
        QCOMPARE(f.fontSize->value(), 14);
        QCOMPARE(f.scrollback->value(), -1);
        QCOMPARE(f.scrollback->text(), QStringLiteral("Unlimited"));
        QVERIFY(!f.ctrlD->isChecked());
        QCOMPARE(f.ctrlD->text(),
                 QStringLiteral("A lone Ctrl-D detaches (like lap); off: Ctrl-D goes to the remote "
                                "shell"));
        QCOMPARE(f.font->fontFilters(), QFontComboBox::MonospacedFonts);
        QCOMPARE(f.pollGiveUp->minimum(), 10);
        QCOMPARE(f.pollGiveUp->maximum(), 3600);
        QCOMPARE(f.pollGiveUp->value(), 90);
        QCOMPARE(f.fallback->text(), QStringLiteral("ws://127.0.0.1:4096/tty"));
        QVERIFY(!f.keepAlive->isChecked());
        QVERIFY(!f.reconnect->isChecked());
        QCOMPARE(f.caFile->text(), m_caFile);
        QVERIFY(f.ok->isEnabled());
        // Nothing touched: what comes out is what went in.
        QVERIFY(d.settings() == s);
    }

    void dialogReturnsTheEdits()
    {
        SettingsDialog d{AppSettings{}};
        Fields f(&d);
        QVERIFY(f.complete());
        // The system fixed font stays "empty" (follow the desktop) unless another is chosen.
        QVERIFY(d.settings().terminal.fontFamily.isEmpty());
        QVERIFY(f.scheme->count() >= 1);
        f.scheme->setCurrentIndex(f.scheme->count() - 1);
        f.fontSize->setValue(16);
        f.scrollback->setValue(500);
        f.ctrlD->setChecked(false);
        f.pollGiveUp->setValue(120);
        f.fallback->setText(QStringLiteral("  wss://lap.example.com/tty  "));
        f.keepAlive->setChecked(false);
        f.reconnect->setChecked(false);
        f.caFile->setText(m_caFile);
        QVERIFY(f.ok->isEnabled());

        const AppSettings out = d.settings();
        QCOMPARE(out.terminal.colorScheme, f.scheme->itemText(f.scheme->count() - 1));
        QCOMPARE(out.terminal.fontPointSize, 16);
        QCOMPARE(out.terminal.scrollbackLines, 500);
        QVERIFY(!out.terminal.ctrlDDetaches);
        QCOMPARE(out.pollGiveUpSeconds, 120);
        QCOMPARE(out.ttyFallbackUrl, QStringLiteral("wss://lap.example.com/tty"));
        QVERIFY(!out.keepSessionsAlive);
        QVERIFY(!out.autoReconnect);
        QCOMPARE(out.caFile, m_caFile);
        // Spin boxes cannot leave the allowed range.
        f.pollGiveUp->setValue(5);
        QCOMPARE(d.settings().pollGiveUpSeconds, 10);

        f.defaults->click();
        QVERIFY(d.settings() == AppSettings{});
    }

    void fallbackUrlIsValidated_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        const QString scheme = QStringLiteral(
            "The TTY fallback URL must start with ws:// or wss://, e.g. ws://127.0.0.1:4096/tty.");
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("ws") << "ws://127.0.0.1:4096/tty"
                            << "";
        QTest::newRow("wss") << "wss://lap.example.com/api/v1/managed_agents/sessions/x/tty"
                             << "";
        QTest::newRow("http") << "http://127.0.0.1:4096/tty" << scheme;
        QTest::newRow("no scheme") << "127.0.0.1:4096/tty" << scheme;
        QTest::newRow("no host") << "ws:///tty"
                                 << "The TTY fallback URL has no host, e.g. "
                                    "ws://127.0.0.1:4096/tty.";
    }

    void fallbackUrlIsValidated()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        QCOMPARE(AppSettings::validateTtyFallbackUrl(text), error);
        SettingsDialog d{AppSettings{}};
        d.show();
        d.showConnectionPage();
        Fields f(&d);
        f.fallback->setText(text);
        QCOMPARE(f.fallbackError->isVisible(), !error.isEmpty());
        QCOMPARE(f.fallbackError->text(), error);
        QCOMPARE(f.ok->isEnabled(), error.isEmpty());
    }

    void caFileIsValidated()
    {
        const QString garbage = writeFile(m_dir, QStringLiteral("garbage.pem"), "not a cert\n");
        const QString missing = m_dir.filePath(QStringLiteral("missing.pem"));
        SettingsDialog d{AppSettings{}};
        d.show();
        d.showConnectionPage();
        Fields f(&d);

        f.caFile->setText(missing);
        QVERIFY(f.caFileError->isVisible());
        QCOMPARE(f.caFileError->text(),
                 QStringLiteral("The CA file %1 does not exist.").arg(missing));
        QVERIFY(!f.ok->isEnabled());

        f.caFile->setText(garbage);
        QCOMPARE(f.caFileError->text(),
                 QStringLiteral("The CA file %1 holds no certificate (PEM or DER).").arg(garbage));
        QVERIFY(!f.ok->isEnabled());

        f.caFile->setText(m_dir.path());
        QCOMPARE(f.caFileError->text(),
                 QStringLiteral("The CA file %1 cannot be read.").arg(m_dir.path()));

        f.caFile->setText(m_caFile);
        QVERIFY(!f.caFileError->isVisible());
        QVERIFY(f.ok->isEnabled());
    }

    void screenshots()
    {
        AppSettings s = customSettings(m_caFile);
        s.terminal.fontFamily.clear();
        s.terminal.scrollbackLines = 10000;
        s.terminal.ctrlDDetaches = true;
        SettingsDialog d(s);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QVERIFY(dlgtest::saveScreenshot(&d, QStringLiteral("settings.png")));
        d.showConnectionPage();
        Fields f(&d);
        QCOMPARE(f.tabs->currentWidget()->objectName(), QStringLiteral("connectionPage"));
        f.fallback->setText(QStringLiteral("http://127.0.0.1:4096/tty"));
        QVERIFY(dlgtest::saveScreenshot(&d, QStringLiteral("settings-connection.png")));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
