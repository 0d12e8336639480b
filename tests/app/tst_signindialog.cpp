// SPDX-License-Identifier: GPL-2.0-or-later
// SignInDialog against an in-process LocalPlatform and the real keychain (the suite runs in
// dbus-run-session with an unlocked gnome-keyring, see tools/test).

#include "cannedhttpserver.h"
#include "cliconfig.h"
#include "credentialstore.h"
#include "dlgtestutil.h"
#include "laptest.h"
#include "secretscan.h"
#include "signindialog.h"
#include "signinfixture.h"
#include "signout.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <utility>

using namespace lap;

namespace {

constexpr int kTimeoutMs = 20000;

using lap::local::randomHex;

// HOME is `home` until the returned guard goes.
auto homeOverride(const QString &home)
{
    const QByteArray old = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(home));
    return qScopeGuard([old] { qputenv("HOME", old); });
}

// Writes the lap CLI's config.json as `lap login` would.
bool writeCliConfig(const QString &path, const QString &base, const QString &key)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("base"), base}, {QStringLiteral("key"), key}})
                .toJson());
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

} // namespace

class TestSignInDialog : public QObject, protected dlgtest::SignInFixture
{
    Q_OBJECT

private:
    // The widgets of one dialog, found by their object names in signindialog.ui.
    struct Form
    {
        explicit Form(SignInDialog *d)
            : dialog(d)
            , profile(d->findChild<QComboBox *>(QStringLiteral("profileCombo")))
            , url(d->findChild<QLineEdit *>(QStringLiteral("urlEdit")))
            , urlError(d->findChild<QLabel *>(QStringLiteral("urlError")))
            , key(d->findChild<QLineEdit *>(QStringLiteral("keyEdit")))
            , error(d->findChild<QLabel *>(QStringLiteral("errorLabel")))
            , busy(d->findChild<QWidget *>(QStringLiteral("busyRow")))
            , busyLabel(d->findChild<QLabel *>(QStringLiteral("busyLabel")))
            , importHint(d->findChild<QLabel *>(QStringLiteral("importHint")))
            , importButton(d->findChild<QPushButton *>(QStringLiteral("importButton")))
            , keychainFrame(d->findChild<QWidget *>(QStringLiteral("keychainFrame")))
            , signIn(d->findChild<QPushButton *>(QStringLiteral("signInButton")))
            , cancel(d->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
                         ->button(QDialogButtonBox::Cancel))
            , showKey(d->findChild<QAction *>(QStringLiteral("showKeyAction")))
        {}
        bool complete() const
        {
            return profile && url && urlError && key && error && busy && busyLabel && importHint &&
                   importButton && keychainFrame && signIn && cancel && showKey;
        }
        void fill(const QString &name, const QString &base, const QString &k)
        {
            profile->setCurrentText(name);
            url->setText(base);
            key->setText(k);
        }

        SignInDialog *dialog;
        QComboBox *profile;
        QLineEdit *url;
        QLabel *urlError;
        QLineEdit *key;
        QLabel *error;
        QWidget *busy;
        QLabel *busyLabel;
        QLabel *importHint;
        QPushButton *importButton;
        QWidget *keychainFrame;
        QPushButton *signIn;
        QPushButton *cancel;
        QAction *showKey;
    };

    std::unique_ptr<SignInDialog> newDialog()
    {
        auto d = std::make_unique<SignInDialog>(&m_nam, m_profiles.get(), m_keys);
        d->show();
        return d;
    }

    LapError signOut(const QString &profile, bool forgetProfile)
    {
        return laptest::await<LapError>(
            [&](auto done) {
                lap::signOut(m_keys, m_profiles.get(), profile, forgetProfile, done);
            },
            laptest::noAnswer("signOut", kTimeoutMs), kTimeoutMs);
    }

    QString m_base;
    QStringList m_usedProfiles;

private slots:
    void initTestCase()
    {
        // A service name of its own: the test never touches a real "lap-desktop" entry.
        setUpSignIn(this, QStringLiteral("tst_signindialog"),
                    QStringLiteral("lap-desktop-tst-") + randomHex(4),
                    QStringLiteral("sk-dlgtest-") + randomHex(16));
        if (QTest::currentTestFailed())
            return;
        m_base = m_platform->baseUrl().toString();

        // Fail early and say why when the suite is not run the documented way.
        const LapError probe =
            laptest::writeKeySync(*m_keys, QStringLiteral("probe"), QStringLiteral("probe"));
        QVERIFY2(!probe.isError(),
                 qPrintable(QStringLiteral("No usable keychain (%1). Run inside dbus-run-session "
                                           "with an unlocked gnome-keyring, as tools/test does.")
                                .arg(probe.text())));
        QVERIFY(!laptest::deleteKeySync(*m_keys, QStringLiteral("probe")).isError());
    }

    void cleanupTestCase()
    {
        for (const QString &p : std::as_const(m_usedProfiles))
            laptest::deleteKeySync(*m_keys, p);
        stopPlatform();
    }

    // Sign in through the dialog: the key lands in the keychain and in no file under HOME.
    void signInSavesKeyInKeychainOnly()
    {
        m_usedProfiles << QStringLiteral("work");
        auto d = newDialog();
        Form f(d.get());
        QVERIFY(f.complete());
        QCOMPARE(f.profile->currentText(), QStringLiteral("default"));
        QCOMPARE(f.key->echoMode(), QLineEdit::Password);
        f.fill(QStringLiteral("work"), m_base + QStringLiteral("/"), m_key);
        f.signIn->click();

        QTRY_COMPARE_WITH_TIMEOUT(d->result(), int(QDialog::Accepted), kTimeoutMs);
        QVERIFY(d->keySavedInKeychain());
        QCOMPARE(d->masterKey(), m_key);
        QCOMPARE(d->profile().name, QStringLiteral("work"));
        QCOMPARE(d->profile().baseUrl.toString(), m_base); // trailing '/' stripped
        QVERIFY(!d->windowTitle().contains(m_key));

        QCOMPARE(m_profiles->activeName(), QStringLiteral("work"));
        QCOMPARE(m_profiles->profile(QStringLiteral("work")).baseUrl.toString(), m_base);

        const Result<QString> stored = laptest::readKeySync(*m_keys, QStringLiteral("work"));
        QVERIFY2(stored.ok(), qPrintable(stored.error.text()));
        QCOMPARE(stored.value, m_key);

        m_settings->sync();
        const QString settingsFile = m_settings->fileName();
        // The scan reads this file (it holds the URL) and still finds no key anywhere.
        QVERIFY(laptest::filesContaining(m_home, m_base, nullptr).contains(settingsFile));
        const QStringList leaks = laptest::filesContaining(m_home, m_key, nullptr);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1String(", "))));
    }

    void savedProfilesAreOffered()
    {
        auto d = newDialog();
        Form f(d.get());
        QVERIFY(f.complete());
        QCOMPARE(f.profile->currentText(), QStringLiteral("work"));
        QCOMPARE(f.url->text(), m_base);
        QVERIFY(f.key->text().isEmpty());
    }

    void showKeyTogglesEchoMode()
    {
        auto d = newDialog();
        Form f(d.get());
        QCOMPARE(f.key->echoMode(), QLineEdit::Password);
        QCOMPARE(f.showKey->toolTip(), QStringLiteral("Show key"));
        f.showKey->trigger();
        QCOMPARE(f.key->echoMode(), QLineEdit::Normal);
        QCOMPARE(f.showKey->toolTip(), QStringLiteral("Hide key"));
        f.showKey->trigger();
        QCOMPARE(f.key->echoMode(), QLineEdit::Password);
    }

    void wrongKeyShowsThe401AndSavesNothing()
    {
        auto d = newDialog();
        Form f(d.get());
        f.fill(QStringLiteral("wrong"), m_base, QStringLiteral("sk-not-the-key"));
        f.signIn->click();
        QTRY_VERIFY_WITH_TIMEOUT(f.error->isVisible(), kTimeoutMs);
        QCOMPARE(f.error->text(),
                 QStringLiteral("Listing agents failed: master key rejected by %1 (HTTP 401). "
                                "Sign in again with a valid master key.")
                     .arg(m_base));
        QVERIFY(f.error->wordWrap());
        QVERIFY(f.error->textInteractionFlags() & Qt::TextSelectableByMouse);
        QVERIFY(d->isVisible());
        QCOMPARE(d->result(), int(QDialog::Rejected));
        QVERIFY(f.signIn->isEnabled());
        // Ready for the corrected key: focus in the key field, Enter signs in again.
        QVERIFY(f.signIn->isDefault());
        QCOMPARE(d->focusWidget(), f.key);
        QVERIFY(!f.busy->isVisible());
        QVERIFY(!m_profiles->profile(QStringLiteral("wrong")).isValid());
        QCOMPARE(m_profiles->activeName(), QStringLiteral("work"));
        QVERIFY(!laptest::readKeySync(*m_keys, QStringLiteral("wrong")).ok());
        QVERIFY(dlgtest::saveScreenshot(d.get(), QStringLiteral("signin.png")));
    }

    void unreachablePlatformShowsWhy()
    {
        const quint16 port = laptest::closedPort();
        QVERIFY(port != 0);
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        auto d = newDialog();
        Form f(d.get());
        f.fill(QStringLiteral("down"), base, m_key);
        f.signIn->click();
        QTRY_VERIFY_WITH_TIMEOUT(f.error->isVisible(), kTimeoutMs);
        QCOMPARE(f.error->text(),
                 QStringLiteral("Listing agents failed: cannot reach %1 (Connection refused). "
                                "Check the platform URL and that the platform is running.")
                     .arg(base));
        QVERIFY(!m_profiles->profile(QStringLiteral("down")).isValid());
    }

    void badUrlIsRejectedInline()
    {
        auto d = newDialog();
        Form f(d.get());
        f.fill(QStringLiteral("bad"), QStringLiteral("ftp://lap.example.com"), m_key);
        f.signIn->click();
        QVERIFY(f.urlError->isVisible());
        QCOMPARE(f.urlError->text(),
                 QStringLiteral("The platform URL must start with http:// or https://."));
        QVERIFY(!f.busy->isVisible());
        QVERIFY(f.signIn->isEnabled());

        f.url->setText(QString());
        f.signIn->click();
        QCOMPARE(f.urlError->text(),
                 QStringLiteral("Enter the platform URL, for example https://lap.example.com."));

        f.url->setText(m_base);
        f.key->setText(QStringLiteral("   "));
        f.signIn->click();
        QVERIFY(!f.urlError->isVisible());
        QCOMPARE(f.error->text(), QStringLiteral("Enter the master key."));
    }

    // Cancel while the platform has not answered stops the check and keeps the dialog open.
    void cancelStopsAPendingCheck()
    {
        laptest::CannedHttpServer silent;
        QVERIFY(silent.start());
        const QString base = silent.baseUrl().toString();
        const QByteArray agents = laptest::api("/agents");
        silent.script("GET", agents, {laptest::CannedResponse::stalled()}); // never answers
        auto d = newDialog();
        Form f(d.get());
        f.fill(QStringLiteral("slow"), base, m_key);
        f.signIn->click();
        QVERIFY(f.busy->isVisible());
        QCOMPARE(f.busyLabel->text(), QStringLiteral("Checking the key with %1…").arg(base));
        QVERIFY(!f.signIn->isEnabled());
        QVERIFY(!f.url->isEnabled());
        QVERIFY(dlgtest::saveScreenshot(d.get(), QStringLiteral("signin-busy.png")));
        QTRY_COMPARE_WITH_TIMEOUT(silent.requests().size(), 1, kTimeoutMs);
        QCOMPARE(silent.requests().first().method, QByteArray("GET"));
        QCOMPARE(silent.requests().first().path, agents);
        QCOMPARE(silent.requests().first().query, QByteArray("limit=1&offset=0"));

        f.cancel->click();
        QVERIFY(d->isVisible());
        QVERIFY(!f.busy->isVisible());
        QVERIFY(f.signIn->isEnabled());
        QVERIFY(!f.error->isVisible());
        QCOMPARE(f.url->text(), base);
        // A second Cancel closes.
        f.cancel->click();
        QVERIFY(!d->isVisible());
        QCOMPARE(d->result(), int(QDialog::Rejected));
        QVERIFY(!m_profiles->profile(QStringLiteral("slow")).isValid());
    }

    void importCliConfigThenDeleteIt()
    {
        // A HOME of its own: a developer's real ~/.lap/config.json must survive this test.
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const auto restore = homeOverride(home.path());
        const QString path = home.filePath(QStringLiteral(".lap/config.json"));
        QCOMPARE(defaultCliConfigPath(), path);
        QVERIFY(writeCliConfig(path, m_base + QStringLiteral("/"), m_key));
        m_usedProfiles << QStringLiteral("imported");

        auto d = newDialog();
        Form f(d.get());
        QCOMPARE(f.importHint->text(), QStringLiteral("Found a lap CLI config at %1.").arg(path));
        f.profile->setCurrentText(QStringLiteral("imported"));
        f.importButton->click();
        QCOMPARE(f.url->text(), m_base);
        QCOMPARE(f.key->text(), m_key);
        QCOMPARE(f.key->echoMode(), QLineEdit::Password);
        QCOMPARE(f.importHint->text(),
                 QStringLiteral("Imported %1. Sign in to check the key and keep it in the "
                                "keychain.")
                     .arg(path));

        f.signIn->click();
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (box = d->findChild<QMessageBox *>(QStringLiteral("deleteCliConfigBox"))) != nullptr,
            kTimeoutMs);
        QTRY_VERIFY(box->isVisible());
        QCOMPARE(box->text(),
                 QStringLiteral("Delete %1? It holds your master key in plain text.").arg(path));
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::No));
        QVERIFY(QFile::exists(path));
        QVERIFY(dlgtest::saveScreenshot(box, QStringLiteral("signin-delete-offer.png")));
        box->button(QMessageBox::Yes)->click();

        QTRY_COMPARE_WITH_TIMEOUT(d->result(), int(QDialog::Accepted), kTimeoutMs);
        QVERIFY(!QFile::exists(path));
        QVERIFY(d->keySavedInKeychain());
        QCOMPARE(d->profile().name, QStringLiteral("imported"));
        const Result<QString> stored = laptest::readKeySync(*m_keys, QStringLiteral("imported"));
        QVERIFY2(stored.ok(), qPrintable(stored.error.text()));
        QCOMPARE(stored.value, m_key);
    }

    void importCliConfigAndKeepIt()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const auto restore = homeOverride(home.path());
        const QString path = home.filePath(QStringLiteral(".lap/config.json"));
        QVERIFY(writeCliConfig(path, m_base, m_key));

        auto d = newDialog();
        Form f(d.get());
        f.profile->setCurrentText(QStringLiteral("imported"));
        QVERIFY(d->importCliConfig(path));
        f.signIn->click();
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (box = d->findChild<QMessageBox *>(QStringLiteral("deleteCliConfigBox"))) != nullptr,
            kTimeoutMs);
        box->button(QMessageBox::No)->click();
        QTRY_COMPARE_WITH_TIMEOUT(d->result(), int(QDialog::Accepted), kTimeoutMs);
        QVERIFY(QFile::exists(path));
    }

    void importOfABrokenFileSaysWhy()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"base\":\"https://lap.example.com\"}");
        f.close();

        auto d = newDialog();
        Form form(d.get());
        const QString urlBefore = form.url->text();
        QVERIFY(!d->importCliConfig(path));
        QVERIFY(form.error->isVisible());
        QCOMPARE(form.error->text(),
                 QStringLiteral("%1 is not a lap CLI config (no \"key\").").arg(path));
        QCOMPARE(form.url->text(), urlBefore);
    }

    void setMessageShowsTheReason()
    {
        auto d = newDialog();
        Form f(d.get());
        d->setMessage(QStringLiteral("No saved platform profile named 'x'."));
        QVERIFY(f.error->isVisible());
        QCOMPARE(f.error->text(), QStringLiteral("No saved platform profile named 'x'."));
    }

    void signOutDeletesTheKey()
    {
        QVERIFY(laptest::readKeySync(*m_keys, QStringLiteral("work")).ok());
        LapError result = signOut(QStringLiteral("work"), false);
        QVERIFY2(!result.isError(), qPrintable(result.text()));
        const Result<QString> after = laptest::readKeySync(*m_keys, QStringLiteral("work"));
        QVERIFY(!after.ok());
        QCOMPARE(after.error.text(),
                 QStringLiteral("Reading the master key: no master key is stored for this "
                                "profile. Sign in again."));
        QVERIFY(m_profiles->profile(QStringLiteral("work")).isValid());

        // Signing out again (nothing stored) is fine, and forgetting removes the profile.
        result = signOut(QStringLiteral("work"), true);
        QVERIFY2(!result.isError(), qPrintable(result.text()));
        QVERIFY(!m_profiles->profile(QStringLiteral("work")).isValid());
    }
};

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
