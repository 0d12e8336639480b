// SPDX-License-Identifier: GPL-2.0-or-later
// https and wss with certificate validation on: a local TLS REST server and a
// QWebSocketServer in SecureMode, with certificates from a CA the test generates (testpki.h).
// Trusted through the CA file the user picks in Settings (PlatformConfig::caFile, and the same
// file for the terminal's TtyChannel) both work; every other certificate is refused with a
// message that names the problem, and nothing is sent to a server that failed the check.
#include "cannedhttpserver.h"
#include "catrust.h"
#include "platformclient.h"
#include "testpki.h"
#include "ttychannel.h"

#include <QDirIterator>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

using namespace lap;
using laptest::CannedHttpServer;
using laptest::CannedResponse;
using laptest::TestCert;
using laptest::TestPki;

namespace {

const char kKey[] = "sk-tls-master-key-5566778899";
const char kSessionId[] = "0b5e2d6c-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
const int kWait = 20000;

QByteArray sessionPath()
{
    return QByteArray("/api/v1/managed_agents/sessions/") + kSessionId;
}

QByteArray sessionRow()
{
    return QByteArray("{\"id\":\"") + kSessionId + "\",\"status\":\"ready\"}";
}

// A wss:// terminal server: records the upgrade request, echoes keystrokes back as output.
class WssServer : public QObject
{
public:
    explicit WssServer(const QSslConfiguration &tls)
        : m_server(QStringLiteral("tst_tls"), QWebSocketServer::SecureMode)
    {
        m_server.setSslConfiguration(tls);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *ws = m_server.nextPendingConnection()) {
                ws->setParent(this);
                requests << ws->request();
                connect(ws, &QWebSocket::binaryMessageReceived, ws,
                        [ws](const QByteArray &b) { ws->sendBinaryMessage("echo:" + b); });
            }
        });
        // The server's view of a refused handshake, for the record.
        connect(&m_server, &QWebSocketServer::peerVerifyError, this,
                [this](const QSslError &) { ++verifyErrors; });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    TtyTarget target() const
    {
        TtyTarget t;
        t.url = QUrl(QStringLiteral("wss://127.0.0.1:%1/tty").arg(m_server.serverPort()));
        t.token = QStringLiteral("harness-token");
        return t;
    }
    QList<QNetworkRequest> requests;
    int verifyErrors = 0;

private:
    QWebSocketServer m_server;
};

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private:
    TestPki m_pki;
    QNetworkAccessManager m_nam;

    PlatformConfig config(const QUrl &base, const QString &caFile) const
    {
        PlatformConfig c;
        c.baseUrl = base;
        c.masterKey = QLatin1String(kKey);
        c.caFile = caFile;
        c.requestTimeoutMs = kWait;
        return c;
    }

    // The TLS configuration a terminal tab gives its channel for a CA file (lap/catrust.h).
    static QSslConfiguration trusting(const QString &caFile)
    {
        const Result<QSslConfiguration> r =
            sslConfigurationTrusting(caFile, QStringLiteral("Connecting"));
        if (!r.ok())
            qFatal("tst_tls: %s", qPrintable(r.error.text()));
        return r.value;
    }

    Result<Session> getSession(const PlatformConfig &c)
    {
        PlatformClient client(&m_nam, c);
        Result<Session> out;
        bool done = false;
        client.getSession(QLatin1String(kSessionId), [&](const Result<Session> &r) {
            out = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, kWait))
            out.error = LapError(LapError::Kind::Timeout, QStringLiteral("<no answer>"));
        return out;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<lap::LapError>();
        qRegisterMetaType<lap::TtyClose>();
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
        const QString error = m_pki.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // https with the CA the user chose: works, and the key goes to the platform.
    void httpsWithTheChosenCaFileWorks()
    {
        CannedHttpServer tls;
        tls.setTls(m_pki.server().cert(), m_pki.server().key());
        QVERIFY(tls.start());
        tls.script("GET", sessionPath(), {CannedResponse::json(200, sessionRow())});
        const Result<Session> r = getSession(config(tls.baseUrl(), m_pki.caFile()));
        QVERIFY2(r.ok(), qPrintable(r.error.text()));
        QCOMPARE(r.value.status, QStringLiteral("ready"));
        QCOMPARE(tls.requests().size(), 1);
        QCOMPARE(tls.requests().first().header("Authorization"), QByteArray("Bearer ") + kKey);
    }

    void httpsRefusedNamingTheProblem_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<bool>("withCaFile");
        QTest::addColumn<QString>("problem");
        QTest::newRow("self-signed") << QStringLiteral("selfsigned") << false
                                     << QStringLiteral("The certificate is self-signed, and "
                                                       "untrusted");
        QTest::newRow("self-signed, CA file chosen")
            << QStringLiteral("selfsigned") << true
            << QStringLiteral("The certificate is self-signed, and untrusted");
        QTest::newRow("unknown CA (no CA file)")
            << QStringLiteral("server") << false
            << QStringLiteral("The issuer certificate of a locally looked up certificate could "
                              "not be found; No certificates could be verified");
        QTest::newRow("wrong host name")
            << QStringLiteral("wronghost") << true
            << QStringLiteral("The host name did not match any of the valid hosts for this "
                              "certificate");
        QTest::newRow("expired") << QStringLiteral("expired") << true
                                 << QStringLiteral("The certificate has expired");
    }
    void httpsRefusedNamingTheProblem()
    {
        QFETCH(QString, certificate);
        QFETCH(bool, withCaFile);
        QFETCH(QString, problem);
        const TestCert cert = m_pki.cert(certificate);
        CannedHttpServer tls;
        tls.setTls(cert.cert(), cert.key());
        QVERIFY(tls.start());
        tls.script("GET", sessionPath(), {CannedResponse::json(200, sessionRow())});
        const Result<Session> r =
            getSession(config(tls.baseUrl(), withCaFile ? m_pki.caFile() : QString()));
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, LapError::Kind::Tls);
        QCOMPARE(r.error.message, QStringLiteral("Fetching the session failed: TLS error talking "
                                                 "to %1 (%2).")
                                      .arg(tls.baseUrl().toString(), problem));
        QCOMPARE(
            r.error.hint,
            QStringLiteral("Check the server certificate, or choose its CA file in Settings."));
        // Nothing, and so no master key, went to a server that failed the check.
        QCOMPARE(tls.requests().size(), 0);
    }

    // A CA file adds trust in that CA only: a server signed by another CA is still refused.
    void caFileTrustsOnlyItsOwnCa()
    {
        CannedHttpServer tls;
        tls.setTls(m_pki.server().cert(), m_pki.server().key());
        QVERIFY(tls.start());
        const Result<Session> r = getSession(config(tls.baseUrl(), m_pki.otherCaFile()));
        QCOMPARE(r.error.kind, LapError::Kind::Tls);
        QCOMPARE(r.error.message,
                 QStringLiteral("Fetching the session failed: TLS error talking to %1 (The issuer "
                                "certificate of a locally looked up certificate could not be "
                                "found; No certificates could be verified).")
                     .arg(tls.baseUrl().toString()));
        QCOMPARE(tls.requests().size(), 0);
    }

    // wss with the same CA file: the terminal opens, input and output flow, the harness token
    // (never the master key) is what the upgrade carries.
    void wssWithTheChosenCaFileWorks()
    {
        WssServer server(m_pki.server().serverConfiguration());
        QVERIFY(server.listen());
        TtyChannel channel;
        channel.setSslConfiguration(trusting(m_pki.caFile()));
        QSignalSpy opened(&channel, &TtyChannel::opened);
        QSignalSpy failed(&channel, &TtyChannel::failed);
        QSignalSpy output(&channel, &TtyChannel::output);
        channel.open(server.target());
        QVERIFY2(opened.wait(kWait),
                 failed.isEmpty() ? "no answer"
                                  : qPrintable(failed.first().at(0).value<LapError>().message));
        QVERIFY(channel.sendInput("ls\r"));
        QTRY_COMPARE_WITH_TIMEOUT(output.size(), 1, kWait);
        QCOMPARE(output.first().at(0).toByteArray(), QByteArray("echo:ls\r"));
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.requests.first().rawHeader("Authorization"),
                 QByteArray("Bearer harness-token"));
        QVERIFY(!server.requests.first().url().toEncoded().contains(kKey));
    }

    void wssRefusedNamingTheProblem_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<bool>("withCaFile");
        QTest::addColumn<QString>("problem");
        QTest::newRow("self-signed")
            << QStringLiteral("selfsigned") << true
            << QStringLiteral("The certificate is self-signed, and untrusted");
        QTest::newRow("unknown CA (no CA file)")
            << QStringLiteral("server") << false
            << QStringLiteral("The issuer certificate of a locally looked up certificate could "
                              "not be found; No certificates could be verified");
        QTest::newRow("wrong host name")
            << QStringLiteral("wronghost") << true
            << QStringLiteral("The host name did not match any of the valid hosts for this "
                              "certificate");
        QTest::newRow("expired") << QStringLiteral("expired") << true
                                 << QStringLiteral("The certificate has expired");
    }
    void wssRefusedNamingTheProblem()
    {
        QFETCH(QString, certificate);
        QFETCH(bool, withCaFile);
        QFETCH(QString, problem);
        WssServer server(m_pki.cert(certificate).serverConfiguration());
        QVERIFY(server.listen());
        TtyChannel channel;
        if (withCaFile)
            channel.setSslConfiguration(trusting(m_pki.caFile()));
        QSignalSpy opened(&channel, &TtyChannel::opened);
        QSignalSpy failed(&channel, &TtyChannel::failed);
        channel.open(server.target());
        QVERIFY(failed.wait(kWait));
        QCOMPARE(opened.count(), 0);
        const LapError e = failed.first().at(0).value<LapError>();
        QCOMPARE(e.kind, LapError::Kind::Tls);
        QCOMPARE(e.message,
                 QStringLiteral("TLS error connecting to the sandbox: %1.").arg(problem));
        QCOMPARE(server.requests.size(), 0);
    }

    // No code path may accept a certificate it could not verify: QSslSocket::ignoreSslErrors()
    // and QNetworkReply::ignoreSslErrors() appear nowhere in the sources.
    void noCodePathIgnoresSslErrors()
    {
        const QString root = QStringLiteral(LAP_SOURCE_DIR "/src");
        QStringList hits;
        int files = 0;
        QDirIterator it(root, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            ++files;
            const QByteArray text = f.readAll();
            for (const char *needle : {"ignoreSslErrors", "VerifyNone", "setPeerVerifyMode"}) {
                if (text.contains(needle))
                    hits << f.fileName() + QLatin1String(": ") + QLatin1String(needle);
            }
        }
        QVERIFY2(files > 20, qPrintable(root));
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
