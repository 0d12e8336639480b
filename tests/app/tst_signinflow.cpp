// SPDX-License-Identifier: GPL-2.0-or-later
// SignInFlow: from the environment, from a saved profile and its key in the real keychain, or the
// dialog when a profile is missing.
#include "laptest.h"
#include "signinflow.h"

#include <QApplication>
#include <QDialog>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace lap;

namespace {

// What signedIn() said (PlatformConfig is no metatype, so no QSignalSpy).
struct SignIns
{
    QList<QPair<PlatformConfig, QString>> got;
    explicit SignIns(SignInFlow &flow)
    {
        QObject::connect(&flow, &SignInFlow::signedIn,
                         [this](const PlatformConfig &c, const QString &p) {
                             got.append({c, p});
                         });
    }
    int count() const { return int(got.size()); }
};

} // namespace

class TestSignInFlow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<CredentialStore> m_keys;
    QWidget m_parent;

    AppServices services()
    {
        return AppServices{&m_nam, m_settings.get(), m_profiles.get(), m_keys.get()};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")),
                                                 QSettings::IniFormat);
        m_profiles = std::make_unique<ProfileStore>(m_settings.get());
        m_keys = std::make_unique<CredentialStore>();
    }

    void fromTheEnvironment()
    {
        SignInFlow flow(services(), &m_parent);
        flow.setCaFile(QStringLiteral("/tmp/ca.pem"));
        SignIns signedIn(flow);
        LaunchOptions o;
        o.envBaseUrl = QUrl(QStringLiteral("https://lap.example.com"));
        o.envMasterKey = QStringLiteral("sk-env");
        flow.start(o);
        QCOMPARE(signedIn.count(), 1);
        const auto c = signedIn.got.at(0).first;
        QCOMPARE(c.baseUrl, o.envBaseUrl);
        QCOMPARE(c.masterKey, QStringLiteral("sk-env"));
        QCOMPARE(c.caFile, QStringLiteral("/tmp/ca.pem"));
        QCOMPARE(signedIn.got.at(0).second, QStringLiteral("environment"));
    }

    void anUnknownProfileAsksWithTheReason()
    {
        SignInFlow flow(services(), &m_parent);
        QSignalSpy declined(&flow, &SignInFlow::declined);
        SignIns signedIn(flow);
        bool sawDialog = false;
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [&] {
            if (auto *d = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
                sawDialog = true;
                d->reject();
            }
        });
        closer.start(20);
        LaunchOptions o;
        o.profile = QStringLiteral("nope");
        flow.start(o); // the dialog is modal: back here once it was closed
        QVERIFY(sawDialog);
        QCOMPARE(signedIn.count(), 0);
        QCOMPARE(declined.count(), 1);
        QCOMPARE(declined.at(0).at(0).toString(),
                 QStringLiteral("No saved platform profile named 'nope'."));
    }

    void aSavedProfileReadsItsKey()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs a session bus with a Secret Service (tools/test provides one)");
        const QString name =
            QStringLiteral("signinflow-%1").arg(QCoreApplication::applicationPid());
        m_profiles->save(Profile{name, QUrl(QStringLiteral("https://saved.example.com"))});
        QVERIFY(!laptest::writeKeySync(*m_keys, name, QStringLiteral("sk-saved")).isError());
        SignInFlow flow(services(), &m_parent);
        SignIns signedIn(flow);
        QSignalSpy progress(&flow, &SignInFlow::progress);
        LaunchOptions o;
        o.profile = name;
        flow.start(o);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 20000);
        QCOMPARE(progress.value(0).value(0).toString(),
                 QStringLiteral("Reading the master key for https://saved.example.com from the "
                                "keychain…"));
        const auto c = signedIn.got.at(0).first;
        QCOMPARE(c.masterKey, QStringLiteral("sk-saved"));
        QCOMPARE(c.baseUrl, QUrl(QStringLiteral("https://saved.example.com")));
        QCOMPARE(signedIn.got.at(0).second, name);
        laptest::deleteKeySync(*m_keys, name);
    }

    void theKeyOfAnotherOriginStaysUnlessAProfileOwnsIt()
    {
        SignInFlow flow(services(), &m_parent);
        PlatformConfig c;
        c.baseUrl = QUrl(QStringLiteral("https://other.example.com"));
        c.keyHome = QUrl(QStringLiteral("https://home.example.com"));
        c.masterKey = QStringLiteral("sk-home");
        int calls = 0;
        // No saved profile for that origin: unchanged, at once.
        flow.useKeyOfOrigin({}, c, this, [&](const PlatformConfig &own, bool found) {
            ++calls;
            QVERIFY(!found);
            QCOMPARE(own.masterKey, QStringLiteral("sk-home"));
        });
        QCOMPARE(calls, 1);
    }
};

QTEST_MAIN(TestSignInFlow)
#include "tst_signinflow.moc"
