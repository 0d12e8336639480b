// SPDX-License-Identifier: GPL-2.0-or-later
// SignInDialog when no keychain exists: app.cmake runs this executable with
// DBUS_SESSION_BUS_ADDRESS pointing at a socket that does not exist, so every QtKeychain job
// fails the way it does on a desktop without a session bus.

#include "credentialstore.h"
#include "dlgtestutil.h"
#include "laptest.h"
#include "secretscan.h"
#include "signindialog.h"
#include "signinfixture.h"
#include "signout.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTest>

#include <memory>

using namespace lap;

namespace {
constexpr int kTimeoutMs = 20000;
const QString kNoKeychain = QStringLiteral(
    "Saving the master key: no keychain is available (there is no D-Bus session bus). The key "
    "will be kept in memory for this run only; install and start gnome-keyring or KWallet to "
    "save it.");
} // namespace

class TestSignInDialogNoKeychain : public QObject, protected dlgtest::SignInFixture
{
    Q_OBJECT

    struct Run
    {
        std::unique_ptr<SignInDialog> dialog;
        QLabel *keychainLabel = nullptr;
        QWidget *keychainFrame = nullptr;
        QPushButton *continueButton = nullptr;
        QPushButton *cancelButton = nullptr;
        QPushButton *signIn = nullptr;
        QLineEdit *url = nullptr;
    };

    // Fills the dialog with the right key and signs in until the keychain choice shows.
    void signInUntilChoice(Run &run, const QString &profile)
    {
        run.dialog = std::make_unique<SignInDialog>(&m_nam, m_profiles.get(), m_keys);
        SignInDialog *d = run.dialog.get();
        d->show();
        run.keychainLabel = d->findChild<QLabel *>(QStringLiteral("keychainLabel"));
        run.keychainFrame = d->findChild<QWidget *>(QStringLiteral("keychainFrame"));
        run.continueButton = d->findChild<QPushButton *>(QStringLiteral("continueInMemoryButton"));
        run.cancelButton = d->findChild<QPushButton *>(QStringLiteral("keychainCancelButton"));
        run.signIn = d->findChild<QPushButton *>(QStringLiteral("signInButton"));
        run.url = d->findChild<QLineEdit *>(QStringLiteral("urlEdit"));
        QVERIFY(run.keychainLabel && run.keychainFrame && run.continueButton && run.cancelButton &&
                run.signIn && run.url);
        QVERIFY(!run.keychainFrame->isVisible());
        d->findChild<QComboBox *>(QStringLiteral("profileCombo"))->setCurrentText(profile);
        run.url->setText(m_platform->baseUrl().toString());
        d->findChild<QLineEdit *>(QStringLiteral("keyEdit"))->setText(m_key);
        run.signIn->click();
        QTRY_VERIFY_WITH_TIMEOUT(run.keychainFrame->isVisible(), kTimeoutMs);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qgetenv("DBUS_SESSION_BUS_ADDRESS").contains("nonexistent"),
                 "run through ctest: app.cmake sets DBUS_SESSION_BUS_ADDRESS");
        setUpSignIn(this, QStringLiteral("tst_signin_nokeychain"),
                    QStringLiteral("lap-desktop-tst-nokeychain"),
                    QStringLiteral("sk-nokeychain-") + lap::local::randomHex(8));
    }

    void cleanupTestCase() { stopPlatform(); }

    void cancelSavesNothing()
    {
        Run run;
        signInUntilChoice(run, QStringLiteral("declined"));
        QCOMPARE(run.keychainLabel->text(), kNoKeychain);
        QCOMPARE(run.continueButton->text(),
                 QStringLiteral("Continue without saving (key kept in memory for this run)"));
        QVERIFY(!run.signIn->isEnabled());

        run.cancelButton->click();
        QVERIFY(!run.keychainFrame->isVisible());
        QVERIFY(run.signIn->isEnabled());
        QVERIFY(run.url->isEnabled());
        QVERIFY(run.dialog->isVisible());
        QCOMPARE(run.dialog->result(), int(QDialog::Rejected));
        QVERIFY(!m_profiles->profile(QStringLiteral("declined")).isValid());
        QVERIFY(m_profiles->activeName().isEmpty());
        QVERIFY(!m_keys->isKeptInMemory(QStringLiteral("declined")));
    }

    void continueKeepsTheKeyInMemoryOnly()
    {
        Run run;
        signInUntilChoice(run, QStringLiteral("memory"));
        QCOMPARE(run.keychainLabel->text(), kNoKeychain);
        QVERIFY(dlgtest::saveScreenshot(run.dialog.get(), QStringLiteral("signin-nokeychain.png")));

        run.continueButton->click();
        QTRY_COMPARE_WITH_TIMEOUT(run.dialog->result(), int(QDialog::Accepted), kTimeoutMs);
        QVERIFY(!run.dialog->keySavedInKeychain());
        QCOMPARE(run.dialog->masterKey(), m_key);
        QCOMPARE(run.dialog->profile().name, QStringLiteral("memory"));
        QCOMPARE(m_profiles->activeName(), QStringLiteral("memory"));
        QCOMPARE(m_profiles->profile(QStringLiteral("memory")).baseUrl, m_platform->baseUrl());
        QVERIFY(m_keys->isKeptInMemory(QStringLiteral("memory")));

        m_settings->sync();
        QVERIFY(laptest::filesContaining(m_home, m_platform->baseUrl().toString(), nullptr)
                    .contains(m_settings->fileName()));
        const QStringList leaks = laptest::filesContaining(m_home, m_key, nullptr);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1String(", "))));
    }

    void signOutDropsTheMemoryCopy()
    {
        QVERIFY(m_keys->isKeptInMemory(QStringLiteral("memory")));
        LapError result = laptest::await<LapError>(
            [&](auto done) {
                signOut(m_keys, m_profiles.get(), QStringLiteral("memory"), true, done);
            },
            laptest::noAnswer("signOut", kTimeoutMs), kTimeoutMs);
        QVERIFY(!m_keys->isKeptInMemory(QStringLiteral("memory")));
        // With no keychain the key only ever lived in memory: forgetting it is a full sign-out.
        QVERIFY2(!result.isError(), qPrintable(result.text()));
        QVERIFY(!m_profiles->profile(QStringLiteral("memory")).isValid());

        // A profile whose key was never in memory may still have it in an unreachable keychain.
        result = laptest::deleteKeySync(*m_keys, QStringLiteral("elsewhere"), kTimeoutMs);
        QCOMPARE(result.text(),
                 QStringLiteral("Removing the master key: no keychain is available (there is no "
                                "D-Bus session bus). Nothing was removed; sign out again once the "
                                "keychain is back."));
    }
};

QTEST_MAIN(TestSignInDialogNoKeychain)
#include "tst_signindialog_nokeychain.moc"
