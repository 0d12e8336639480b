// SPDX-License-Identifier: GPL-2.0-or-later
// The CA file chosen in Settings, end to end: a MainWindow whose settings name the
// test CA signs in from the environment to an https platform, opens an agent, and its tab must
// reach the wss:// terminal of that platform. Without the CA file the same tab fails with a
// message that names the certificate problem. The terminal reads the CA file as REST does (PEM
// or DER, an unusable file named), and a CA file changed in Settings reaches an open tab.
#include "appsettings.h"
#include "cannedhttpserver.h"
#include "credentialstore.h"
#include "mainwindow.h"
#include "remoteterminal.h"
#include "terminaltab.h"
#include "testpki.h"

#include <QFile>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

using namespace lap;
using laptest::CannedHttpServer;
using laptest::CannedResponse;
using laptest::TestPki;

namespace {

const char kKey[] = "sk-tls-gui-master-key-0011223344";
const char kAgentUuid[] = "6f1c2a4e-3b0d-4c8e-9a51-2d7e8f9a0b1c";
const char kSessionId[] = "0b5e2d6c-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
const int kWait = 30000;

QByteArray api(const QByteArray &path)
{
    return QByteArray("/api/v1/managed_agents") + path;
}

} // namespace

class TestTlsGui : public QObject
{
    Q_OBJECT

private:
    TestPki m_pki;
    QTemporaryDir m_dir;
    std::unique_ptr<CannedHttpServer> m_rest;
    std::unique_ptr<QWebSocketServer> m_wss;
    QList<QWebSocket *> m_peers;

    // REST over https (restTls) or plain http; the terminal is always wss.
    void startServers(bool restTls = true)
    {
        m_rest = std::make_unique<CannedHttpServer>();
        if (restTls)
            m_rest->setTls(m_pki.server().cert(), m_pki.server().key());
        QVERIFY(m_rest->start());
        m_wss = std::make_unique<QWebSocketServer>(QStringLiteral("tst_tls_gui"),
                                                   QWebSocketServer::SecureMode);
        m_wss->setSslConfiguration(m_pki.server().serverConfiguration());
        QVERIFY(m_wss->listen(QHostAddress::LocalHost, 0));
        m_peers.clear();
        connect(m_wss.get(), &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *ws = m_wss->nextPendingConnection()) {
                ws->setParent(m_wss.get());
                m_peers << ws;
                ws->sendTextMessage(QStringLiteral("welcome over wss\r\n"));
            }
        });
        const QByteArray session =
            QByteArray("{\"id\":\"") + kSessionId + "\",\"agent_id\":\"" + kAgentUuid +
            "\",\"status\":\"ready\",\"tty_url\":\"wss://127.0.0.1:" +
            QByteArray::number(m_wss->serverPort()) + "/tty\",\"tty_token\":\"harness-token\"}";
        m_rest->script("GET", api(QByteArray("/agents/") + kAgentUuid),
                       {CannedResponse::json(200, QByteArray("{\"id\":\"") + kAgentUuid +
                                                      "\",\"name\":\"coder\"}")});
        m_rest->script("POST", api(QByteArray("/agents/") + kAgentUuid + "/session"),
                       {CannedResponse::json(200, session)});
        m_rest->script("GET", api(QByteArray("/sessions/") + kSessionId),
                       {CannedResponse::json(200, session)});
    }

    // A window signed in from the environment whose saved settings hold `caFile`, with what it
    // is made of; `tab` is its first tab, null when none opened.
    struct Window
    {
        explicit Window(const QString &iniPath)
            : settings(iniPath, QSettings::IniFormat)
            , profiles(&settings)
            , keys(nullptr, QStringLiteral("lap-desktop-tst-tls"))
        {}
        QSettings settings;
        ProfileStore profiles;
        CredentialStore keys;
        QNetworkAccessManager nam;
        std::unique_ptr<MainWindow> window;
        TerminalTab *tab = nullptr;
    };

    std::unique_ptr<Window> openThroughTheWindow(const QString &caFile, const QString &name)
    {
        auto w = std::make_unique<Window>(m_dir.filePath(name + QStringLiteral(".ini")));
        w->settings.setValue(QStringLiteral("connection/caFile"), caFile);
        w->settings.setValue(QStringLiteral("connection/keepSessionsAlive"), false);
        w->window = std::make_unique<MainWindow>(
            AppServices{&w->nam, &w->settings, &w->profiles, &w->keys});
        w->window->resize(800, 500);
        w->window->show();
        LaunchOptions o;
        o.envBaseUrl = m_rest->baseUrl();
        o.envMasterKey = QLatin1String(kKey);
        o.agents << QLatin1String(kAgentUuid);
        w->window->start(o);
        MainWindow *window = w->window.get();
        if (QTest::qWaitFor([window] { return !window->tabs().isEmpty(); }, kWait))
            w->tab = window->tabs().first();
        return w;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
        QVERIFY(m_dir.isValid());
        const QString error = m_pki.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanup()
    {
        m_wss.reset();
        m_rest.reset();
    }

    void caFileFromSettingsMakesHttpsAndWssWork()
    {
        startServers();
        const auto w = openThroughTheWindow(m_pki.caFile(), QStringLiteral("with-ca"));
        TerminalTab *tab = w->tab;
        QVERIFY(tab);
        QCOMPARE(w->window->platform().caFile, m_pki.caFile());
        // https: the REST calls went through (the create was answered over TLS).
        QTRY_VERIFY_WITH_TIMEOUT(
            m_rest->count("POST", api(QByteArray("/agents/") + kAgentUuid + "/session")) == 1,
            kWait);
        // wss: the tab either reaches the terminal or says why not.
        QTRY_VERIFY_WITH_TIMEOUT(tab->state() == TerminalTab::State::Connected ||
                                     tab->lastError().kind == LapError::Kind::Tls,
                                 kWait);
        QCOMPARE(tab->state(), TerminalTab::State::Connected);
        QTRY_VERIFY_WITH_TIMEOUT(tab->terminal() && tab->terminal()->screenText().contains(
                                                        QLatin1String("welcome over wss")),
                                 kWait);
    }

    // A DER copy of the CA works for wss:// as for https:// (REST over http here, so that only
    // the terminal's TLS is tested).
    void derCaFileWorksForWss()
    {
        const QString der = m_dir.filePath(QStringLiteral("ca.der"));
        QFile out(der);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(out.write(m_pki.cert(QStringLiteral("ca")).cert().toDer()) > 0);
        out.close();
        startServers(false);
        const auto w = openThroughTheWindow(der, QStringLiteral("der"));
        TerminalTab *tab = w->tab;
        QVERIFY(tab);
        QTRY_VERIFY_WITH_TIMEOUT(tab->state() == TerminalTab::State::Connected ||
                                     tab->state() == TerminalTab::State::Failed,
                                 kWait);
        QCOMPARE(tab->state(), TerminalTab::State::Connected);
        QTRY_VERIFY_WITH_TIMEOUT(
            tab->terminal()->screenText().contains(QLatin1String("welcome over wss")), kWait);
    }

    // A CA file without a certificate is named on the failure page instead of being ignored;
    // choosing a good one in Settings reaches the open tab, whose Reconnect then gets through.
    void unusableCaFileIsNamedAndAFixInSettingsReachesTheTab()
    {
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.pem"));
        QFile out(garbage);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(out.write("not a certificate\n") > 0);
        out.close();
        startServers(false);
        const auto w = openThroughTheWindow(garbage, QStringLiteral("garbage"));
        TerminalTab *tab = w->tab;
        QVERIFY(tab);
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Failed, kWait);
        auto *message = tab->findChild<QLabel *>(QStringLiteral("failureMessage"));
        auto *hint = tab->findChild<QLabel *>(QStringLiteral("failureHint"));
        QVERIFY(message && hint);
        QCOMPARE(message->text(), QStringLiteral("Connecting to the terminal failed: no CA "
                                                 "certificate could be read from %1.")
                                      .arg(garbage));
        QCOMPARE(hint->text(), QStringLiteral("Choose a PEM file with the platform's CA "
                                              "certificate in Settings."));
        QVERIFY(m_peers.isEmpty());

        // What MainWindow::showSettings does for every tab after the dialog is accepted.
        AppSettings fixed = AppSettings::load(w->settings);
        fixed.caFile = m_pki.caFile();
        tab->applySettings(fixed);
        auto *retry = tab->findChild<QPushButton *>(QStringLiteral("retryButton"));
        QVERIFY(retry);
        QCOMPARE(retry->text(), QStringLiteral("Reconnect"));
        retry->click();
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Connected, kWait);
        QCOMPARE(m_peers.size(), 1);
    }

    // The same window without the CA file: the platform's certificate is refused, and the
    // failure page names the problem; nothing reached the server.
    void withoutTheCaFileTheProblemIsNamed()
    {
        startServers();
        const auto w = openThroughTheWindow(QString(), QStringLiteral("without-ca"));
        TerminalTab *tab = w->tab;
        QVERIFY(tab);
        QTRY_COMPARE_WITH_TIMEOUT(tab->state(), TerminalTab::State::Failed, kWait);
        auto *message = tab->findChild<QLabel *>(QStringLiteral("failureMessage"));
        QVERIFY(message);
        QCOMPARE(message->text(),
                 QStringLiteral("Looking up the agent failed: TLS error talking to %1 (The issuer "
                                "certificate of a locally looked up certificate could not be "
                                "found; No certificates could be verified).")
                     .arg(m_rest->baseUrl().toString()));
        auto *hint = tab->findChild<QLabel *>(QStringLiteral("failureHint"));
        QCOMPARE(
            hint->text(),
            QStringLiteral("Check the server certificate, or choose its CA file in Settings."));
        QCOMPARE(m_rest->requests().size(), 0);
    }
};

QTEST_MAIN(TestTlsGui)
#include "tst_tls_gui.moc"
