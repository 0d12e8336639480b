// SPDX-License-Identifier: GPL-2.0-or-later
// Secrets stay where they belong. A full session in this process, the way a user
// runs it: sign in through the SignInDialog (the key goes to the real keychain), a MainWindow
// opens the agent on the local platform, the user types into the terminal, detaches with
// Ctrl-D and quits. Every Qt logging category is switched on meanwhile. Then every file under
// this test's HOME and XDG directories, everything written to stdout and stderr, and
// /proc/self/cmdline are searched for the master key and the tty token: none may hold either.
// Also: the master key never travels on the WebSocket, nor to another origin.
#include "cannedhttpserver.h"
#include "credentialstore.h"
#include "laptest.h"
#include "localplatform.h"
#include "mainwindow.h"
#include "model.h"
#include "rawwsserver.h"
#include "remoteterminal.h"
#include "secretscan.h"
#include "signindialog.h"
#include "terminaltab.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace lap;
using laptest::CannedHttpServer;
using laptest::CannedResponse;
using laptest::RawWsServer;

namespace {

const int kWait = 30000;
using laptest::api;

// The directories this process was given in main(): everything the app may write to.
QString g_home;

// A window signed in to one platform, and a pasted link to a session on another origin.
struct ForeignAttach
{
    CannedHttpServer platformServer;
    CannedHttpServer other; // what a pasted link points at
    QTemporaryDir dir;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<ProfileStore> profiles;
    std::unique_ptr<CredentialStore> keys;
    QNetworkAccessManager nam;
    std::unique_ptr<MainWindow> window;
    const QByteArray session = laptest::kSessionUuid;

    bool start(const QString &masterKey, const QString &service)
    {
        if (!platformServer.start() || !other.start())
            return false;
        other.script("GET", api("/sessions/" + session),
                     {CannedResponse::json(404, "{\"error\":\"nope\"}")});
        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("s.ini")),
                                               QSettings::IniFormat);
        profiles = std::make_unique<ProfileStore>(settings.get());
        keys = std::make_unique<CredentialStore>(nullptr, service);
        window = std::make_unique<MainWindow>(
            AppServices{&nam, settings.get(), profiles.get(), keys.get()});
        PlatformConfig c;
        c.baseUrl = platformServer.baseUrl();
        c.masterKey = masterKey;
        profiles->save(Profile{QStringLiteral("test"), c.baseUrl});
        window->setPlatform(c, QStringLiteral("test"));
        return true;
    }
    TerminalTab *attach()
    {
        const Result<ResumeArgument> arg =
            parseResumeArgument(other.baseUrl().toString() + QStringLiteral("/sessions/") +
                                QString::fromLatin1(session));
        return arg.ok() ? window->attachSession(arg.value) : nullptr;
    }
    QString consentText(TerminalTab *tab) const
    {
        auto *label = tab->findChild<QLabel *>(QStringLiteral("keyConsentText"));
        return label ? label->text() : QString();
    }
};

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private:
    QString m_masterKey;
    QString m_ttyToken;
    QString m_service;

    // Every place a secret may not be, after the session.
    void verifyNowhere(const QString &secret, const char *what, const QByteArray &output)
    {
        int scanned = 0;
        const QStringList files = laptest::filesContaining(g_home, secret, &scanned);
        QVERIFY2(files.isEmpty(),
                 qPrintable(QStringLiteral("the %1 is in: %2")
                                .arg(QLatin1String(what), files.join(QLatin1String(", ")))));
        QVERIFY2(!laptest::containsSecret(output, secret),
                 qPrintable(QStringLiteral("the %1 was printed").arg(QLatin1String(what))));
        QVERIFY2(
            !laptest::containsSecret(
                laptest::procFile(QCoreApplication::applicationPid(), "cmdline"), secret),
            qPrintable(QStringLiteral("the %1 is on the command line").arg(QLatin1String(what))));
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<lap::LapError>();
        m_masterKey = QStringLiteral("sk-secret-master-") + local::randomHex(16);
        m_ttyToken = QStringLiteral("tty-secret-token-") + local::randomHex(16);
        m_service = QStringLiteral("lap-desktop-tst-secrets-") + local::randomHex(4);
        QVERIFY(!g_home.isEmpty());
        QCOMPARE(QDir::homePath(), g_home);
    }

    void fullSessionLeavesNoSecretBehind()
    {
        local::LocalPlatformOptions options;
        options.masterKey = m_masterKey;
        options.harnessToken = m_ttyToken;
        options.readyDelayMs = 0;
        options.command = laptest::testShell();
        local::LocalPlatform platform(options);
        QString error;
        QVERIFY2(platform.start(&error), qPrintable(error));
        const QString base = platform.baseUrl().toString();
        QByteArray typed;
        connect(&platform, &local::LocalPlatform::ptyInput, this,
                [&typed](const QString &, const QByteArray &bytes) { typed += bytes; });

        laptest::OutputCapture capture;
        QVERIFY(capture.begin(g_home + QStringLiteral("/session-output.log")));
        // Everything Qt and we could log, at debug level, goes into the capture.
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\nqt.qpa.*.debug=false"));
        qDebug("capture started");
        bool signedIn = false, connected = false, prompted = false, answered = false;
        bool detached = false;
        QString profileName = QStringLiteral("secrets");
        {
            QSettings settings; // the app's own file under XDG_CONFIG_HOME, as main() uses
            ProfileStore profiles(&settings);
            CredentialStore keys(nullptr, m_service);
            QNetworkAccessManager nam;

            // 1. Sign in through the dialog: URL and key typed by the user.
            {
                SignInDialog dialog(&nam, &profiles, &keys);
                dialog.show();
                auto *name = dialog.findChild<QComboBox *>(QStringLiteral("profileCombo"));
                auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("urlEdit"));
                auto *key = dialog.findChild<QLineEdit *>(QStringLiteral("keyEdit"));
                auto *button = dialog.findChild<QPushButton *>(QStringLiteral("signInButton"));
                if (name && url && key && button) {
                    name->setCurrentText(profileName);
                    QTest::keyClicks(url, base);
                    QTest::keyClicks(key, m_masterKey);
                    button->click();
                    signedIn = QTest::qWaitFor([&] { return dialog.result() == QDialog::Accepted; },
                                               kWait);
                    signedIn = signedIn && dialog.keySavedInKeychain();
                }
            }
            // 2. The window reads the key back from the keychain and opens the agent.
            if (signedIn) {
                MainWindow window(AppServices{&nam, &settings, &profiles, &keys});
                window.resize(900, 600);
                window.show();
                LaunchOptions launch;
                launch.agents << QStringLiteral("shell");
                window.start(launch);
                TerminalTab *tab = nullptr;
                connected = QTest::qWaitFor(
                    [&] {
                        tab = window.tabs().isEmpty() ? nullptr : window.tabs().first();
                        return tab && tab->state() == TerminalTab::State::Connected;
                    },
                    kWait);
                // 3. The user types a command and reads the answer.
                if (connected) {
                    QWidget *display = tab->terminal()->terminalDisplay();
                    // As a user does, type once the prompt is there: keys that reach the PTY
                    // before tmux has put it in raw mode can be flushed by that mode change.
                    prompted = QTest::qWaitFor(
                        [&] {
                            const QStringList lines =
                                tab->terminal()->screenText().split(QLatin1Char('\n'));
                            return std::any_of(lines.begin(), lines.end(), [](const QString &l) {
                                return l.trimmed() == QLatin1String("$");
                            });
                        },
                        kWait);
                    QTest::keyClicks(display, QStringLiteral("echo $((6*7))"));
                    QTest::keyClick(display, Qt::Key_Return);
                    answered = QTest::qWaitFor(
                        [&] {
                            return tab->terminal()
                                ->screenText()
                                .split(QLatin1Char('\n'))
                                .contains(QStringLiteral("42"));
                        },
                        kWait);
                    // 4. Ctrl-D detaches; the session keeps running.
                    QTest::keyClick(display, Qt::Key_D, Qt::ControlModifier);
                    detached = QTest::qWaitFor(
                        [&] { return tab->state() == TerminalTab::State::Detached; }, kWait);
                }
                // 5. Quit, as from the menu.
                window.quit();
                QTest::qWait(200);
            }
            settings.sync();
        }
        QLoggingCategory::setFilterRules(QString());
        const QByteArray output = capture.end();
        QVERIFY(signedIn);
        QVERIFY(connected);
        QVERIFY(prompted);
        QVERIFY(answered);
        QVERIFY(detached);
        QVERIFY2(typed.contains("echo $((6*7))\r"), typed.constData());
        qInfo("captured %d bytes of output during the session", int(output.size()));
        QVERIFY(output.contains("capture started")); // the capture did capture

        // The scan works: the settings file under HOME holds the URL (not secret) ...
        int scanned = 0;
        QVERIFY(!laptest::filesContaining(g_home, base, &scanned).isEmpty());
        qInfo("scanned %d files under %s", scanned, qPrintable(g_home));
        // ... and the key is where it belongs: in the keychain.
        CredentialStore keys(nullptr, m_service);
        const Result<QString> stored = laptest::readKeySync(keys, profileName, kWait);
        QVERIFY2(stored.ok(), qPrintable(stored.error.text()));
        QCOMPARE(stored.value, m_masterKey);
        const LapError deleted = laptest::deleteKeySync(keys, profileName, kWait);
        QVERIFY2(!deleted.isError(), qPrintable(deleted.text()));

        verifyNowhere(m_masterKey, "master key", output);
        verifyNowhere(m_ttyToken, "tty token", output);
        platform.stop();
    }

    // The WebSocket upgrade carries the tty token (header and query) and never the master key;
    // the REST calls carry the key, to the platform's origin only.
    void masterKeyNeverTravelsOnTheWebSocket()
    {
        CannedHttpServer rest;
        QVERIFY(rest.start());
        RawWsServer tty;
        QVERIFY(tty.start());
        const QByteArray agent = laptest::kAgentUuid;
        const QByteArray session = laptest::kSessionUuid;
        const QByteArray row = "{\"id\":\"" + session + "\",\"agent_id\":\"" + agent +
                               "\",\"status\":\"ready\",\"tty_url\":\"" + tty.url().toEncoded() +
                               "\",\"tty_token\":\"" + m_ttyToken.toUtf8() + "\"}";
        rest.scriptAgentAndCreate(agent, CannedResponse::json(200, row));
        QNetworkAccessManager nam;
        PlatformConfig platform;
        platform.baseUrl = rest.baseUrl();
        platform.masterKey = m_masterKey;
        AppSettings settings;
        settings.keepSessionsAlive = false;
        TerminalTab tab(&nam, platform, settings);
        tab.show();
        tab.openAgent(QString::fromLatin1(agent));
        QTRY_VERIFY_WITH_TIMEOUT(tty.last() && tty.last()->isUpgraded(), kWait);
        laptest::RawWsConnection *c = tty.last();
        const QByteArray upgrade = c->requestLine() + '\n' + c->header("authorization") + '\n' +
                                   c->header("cookie") + '\n' + c->header("sec-websocket-protocol");
        QVERIFY(!laptest::containsSecret(upgrade, m_masterKey));
        QCOMPARE(c->header("authorization"), QByteArray("Bearer ") + m_ttyToken.toUtf8());
        QVERIFY(c->requestLine().contains("token=" + QUrl::toPercentEncoding(m_ttyToken)));
        // Keystrokes are not a way out for it either.
        QTRY_COMPARE_WITH_TIMEOUT(tab.state(), TerminalTab::State::Connected, kWait);
        QVERIFY(!laptest::containsSecret(c->binaryInput(), m_masterKey));
        // Every REST request went to the platform and carried the key.
        QVERIFY(rest.requests().size() >= 2);
        for (const laptest::CannedRequest &r : rest.requests())
            QCOMPARE(r.header("Authorization"), QByteArray("Bearer ") + m_masterKey.toUtf8());
    }

    // `--resume <url>` and "Attach to session" accept a URL whose base applies to that attach
    // only. The saved key must not follow it to another origin unless the user says so.
    void resumeUrlOfAnotherOriginDoesNotGetTheKey()
    {
        ForeignAttach f;
        QVERIFY(f.start(m_masterKey, m_service));
        TerminalTab *tab = f.attach();
        QVERIFY(tab);
        QTRY_VERIFY_WITH_TIMEOUT(tab->isAskingToSendKey(), kWait);
        QCOMPARE(tab->state(), TerminalTab::State::Opening);
        const QString there = f.other.baseUrl().toDisplayString();
        QCOMPARE(f.consentText(tab),
                 QStringLiteral("Session %1 is on %2. Your master key was saved for %3 and goes "
                                "nowhere else unless you allow it: whoever runs %2 would receive "
                                "it and could use it on %3.\n\nAllow it only if %2 is the same "
                                "platform under another address.")
                     .arg(QString::fromLatin1(f.session), there,
                          f.platformServer.baseUrl().toDisplayString()));
        // While the question is open, nothing goes anywhere.
        QTest::qWait(300);
        QCOMPARE(f.other.requests().size(), 0);
        QCOMPARE(f.platformServer.requests().size(), 0);

        auto *refuse = tab->findChild<QPushButton *>(QStringLiteral("refuseKeyButton"));
        QVERIFY(refuse);
        refuse->click(); // the window is not shown: a synthetic mouse click would not land
        QCOMPARE(tab->state(), TerminalTab::State::Failed);
        QCOMPARE(tab->findChild<QLabel *>(QStringLiteral("failureMessage"))->text(),
                 QStringLiteral("Not attached: your master key was not sent to %1.").arg(there));
        QCOMPARE(tab->findChild<QLabel *>(QStringLiteral("failureHint"))->text(),
                 QStringLiteral("Sign in to %1 as another profile with its own key, then attach "
                                "again.")
                     .arg(there));
        QTest::qWait(100);
        QCOMPARE(f.other.requests().size(), 0);
    }

    void allowingTheKeyHoldsForThatTabOnly()
    {
        ForeignAttach f;
        QVERIFY(f.start(m_masterKey, m_service));
        TerminalTab *tab = f.attach();
        QTRY_VERIFY_WITH_TIMEOUT(tab->isAskingToSendKey(), kWait);
        auto *send = tab->findChild<QPushButton *>(QStringLiteral("sendKeyButton"));
        QVERIFY(send);
        QCOMPARE(send->text(),
                 QStringLiteral("Send Key to 127.0.0.1:%1").arg(f.other.baseUrl().port()));
        send->click();
        QTRY_VERIFY_WITH_TIMEOUT(f.other.requests().size() >= 1, kWait);
        QCOMPARE(f.other.requests().first().header("Authorization"),
                 QByteArray("Bearer ") + m_masterKey.toUtf8());
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Failed, kWait); // the 404

        // The next link to that origin asks again: the consent belonged to that tab.
        const int before = f.other.requests().size();
        TerminalTab *second = f.attach();
        QTRY_VERIFY_WITH_TIMEOUT(second->isAskingToSendKey(), kWait);
        QTest::qWait(300);
        QCOMPARE(f.other.requests().size(), before);
    }

    void aSavedProfileOfThatOriginLendsItsOwnKey()
    {
        ForeignAttach f;
        QVERIFY(f.start(m_masterKey, m_service));
        const QString stagingKey = QStringLiteral("sk-staging-") + local::randomHex(16);
        f.profiles->save(Profile{QStringLiteral("staging"), f.other.baseUrl()});
        const LapError writeError =
            laptest::writeKeySync(*f.keys, QStringLiteral("staging"), stagingKey, kWait);
        QVERIFY2(!writeError.isError(), qPrintable(writeError.text()));

        TerminalTab *tab = f.attach();
        QTRY_VERIFY_WITH_TIMEOUT(f.other.requests().size() >= 1, kWait);
        QVERIFY(!tab->isAskingToSendKey());
        for (const laptest::CannedRequest &r : f.other.requests())
            QCOMPARE(r.header("Authorization"), QByteArray("Bearer ") + stagingKey.toUtf8());
        QCOMPARE(f.platformServer.requests().size(), 0);
        const LapError deleted = laptest::deleteKeySync(*f.keys, QStringLiteral("staging"), kWait);
        QVERIFY2(!deleted.isError(), qPrintable(deleted.text()));
    }
};

int main(int argc, char *argv[])
{
    // A HOME and XDG directories of this test's own, set before anything reads them, so the
    // scan covers everything the app could have written and nothing else.
    QTemporaryDir home(QDir::tempPath() + QStringLiteral("/lap-secrets-home-XXXXXX"));
    if (!home.isValid())
        return 1;
    g_home = home.path();
    qputenv("HOME", QFile::encodeName(g_home));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(g_home + QStringLiteral("/.config")));
    qputenv("XDG_DATA_HOME", QFile::encodeName(g_home + QStringLiteral("/.local/share")));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(g_home + QStringLiteral("/.cache")));
    qputenv("XDG_STATE_HOME", QFile::encodeName(g_home + QStringLiteral("/.local/state")));
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("lap-desktop"));
    QApplication::setApplicationName(QStringLiteral("lap-desktop"));
    TestSecrets test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secrets.moc"
