// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Certificates made by the openssl command line in a temporary directory, for the TLS tests
//: a CA, a server certificate for 127.0.0.1 signed by it, one for another host name,
// an expired one, a self-signed one, and a second CA that signed nothing we serve. Nothing is
// committed: every run has its own keys.

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace laptest {

struct TestCert
{
    QString certPath;
    QString keyPath;
    QSslCertificate cert() const
    {
        QFile f(certPath);
        return f.open(QIODevice::ReadOnly) ? QSslCertificate(f.readAll(), QSsl::Pem)
                                           : QSslCertificate();
    }
    QSslKey key() const
    {
        QFile f(keyPath);
        return f.open(QIODevice::ReadOnly) ? QSslKey(f.readAll(), QSsl::Rsa) : QSslKey();
    }
    // What a TLS server presents: this certificate and key, no client certificates asked.
    QSslConfiguration serverConfiguration() const
    {
        QSslConfiguration c = QSslConfiguration::defaultConfiguration();
        c.setLocalCertificate(cert());
        c.setPrivateKey(key());
        c.setPeerVerifyMode(QSslSocket::VerifyNone);
        return c;
    }
};

class TestPki
{
public:
    // Empty on success, else what went wrong (openssl missing, a command failed).
    QString create()
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory");
        m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (m_openssl.isEmpty())
            return QStringLiteral("openssl is not installed (tools/deps test installs it)");
        const QString tag = QString::number(QRandomGenerator::global()->generate(), 16);
        QString error;
        if (!makeCa(QStringLiteral("ca"), QStringLiteral("LAP Desktop test CA ") + tag, &error) ||
            !makeCa(QStringLiteral("otherca"), QStringLiteral("Some other CA ") + tag, &error) ||
            !makeLeaf(QStringLiteral("server"), QStringLiteral("ca"),
                      QStringLiteral("IP:127.0.0.1,DNS:localhost"), 825, &error) ||
            !makeLeaf(QStringLiteral("wronghost"), QStringLiteral("ca"),
                      QStringLiteral("DNS:wrong-host.example.invalid"), 825, &error) ||
            !makeLeaf(QStringLiteral("expired"), QStringLiteral("ca"),
                      QStringLiteral("IP:127.0.0.1,DNS:localhost"), -1, &error) ||
            !run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                  QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                  path(QStringLiteral("selfsigned.key")), QStringLiteral("-out"),
                  path(QStringLiteral("selfsigned.pem")), QStringLiteral("-days"),
                  QStringLiteral("825"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                  QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")},
                 &error))
            return error;
        return {};
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString caFile() const { return path(QStringLiteral("ca.pem")); }
    QString otherCaFile() const { return path(QStringLiteral("otherca.pem")); }
    TestCert cert(const QString &name) const
    {
        return {path(name + QStringLiteral(".pem")), path(name + QStringLiteral(".key"))};
    }
    TestCert server() const { return cert(QStringLiteral("server")); }

private:
    bool run(const QStringList &args, QString *error)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(m_openssl, args);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0) {
            *error = QStringLiteral("openssl %1 failed: %2")
                         .arg(args.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAll()));
            return false;
        }
        return true;
    }

    bool makeCa(const QString &name, const QString &cn, QString *error)
    {
        return run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                    path(name + QStringLiteral(".key")), QStringLiteral("-out"),
                    path(name + QStringLiteral(".pem")), QStringLiteral("-days"),
                    QStringLiteral("3650"), QStringLiteral("-subj"), QStringLiteral("/CN=") + cn,
                    QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                    QStringLiteral("-addext"),
                    QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
                   error);
    }

    // A server certificate signed by `ca`; negative `days` make one that expired that many days
    // ago. `openssl x509 -days` takes a negative count only up to OpenSSL 3.3 (3.5 refuses it)
    // and `-not_after` only from 3.4 on, so an expired one is signed with `openssl ca`, whose
    // -startdate/-enddate work the same on 3.0 (Debian 12) and 3.5 (Debian 13).
    bool makeLeaf(const QString &name, const QString &ca, const QString &san, int days,
                  QString *error)
    {
        const QString ext = path(name + QStringLiteral(".ext"));
        if (!writeFile(ext,
                       "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
                       "extendedKeyUsage=serverAuth\nsubjectAltName=" +
                           san.toLatin1() + "\n",
                       error) ||
            !run({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                  QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                  path(name + QStringLiteral(".key")), QStringLiteral("-out"),
                  path(name + QStringLiteral(".csr")), QStringLiteral("-subj"),
                  QStringLiteral("/CN=") +
                      san.section(QLatin1Char(':'), 1).section(QLatin1Char(','), 0, 0)},
                 error))
            return false;
        if (days < 0)
            return signExpired(name, ca, ext, days, error);
        return run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    path(name + QStringLiteral(".csr")), QStringLiteral("-CA"),
                    path(ca + QStringLiteral(".pem")), QStringLiteral("-CAkey"),
                    path(ca + QStringLiteral(".key")), QStringLiteral("-CAcreateserial"),
                    QStringLiteral("-out"), path(name + QStringLiteral(".pem")),
                    QStringLiteral("-days"), QString::number(days), QStringLiteral("-extfile"),
                    ext},
                   error);
    }

    // Valid for one day, ending `days` (< 0) days from now. `openssl ca` needs a config naming
    // its database and serial files; the policy only asks for the CN every CSR here has.
    bool signExpired(const QString &name, const QString &ca, const QString &ext, int days,
                     QString *error)
    {
        const QString dir = path(name + QStringLiteral(".ca"));
        const QString config = dir + QStringLiteral("/ca.cnf");
        if (!QDir().mkpath(dir) || !writeFile(dir + QStringLiteral("/index.txt"), {}, error) ||
            !writeFile(dir + QStringLiteral("/serial"), "01\n", error) ||
            !writeFile(config,
                       "[ca]\ndefault_ca=lap\n[lap]\ndir=" + dir.toUtf8() +
                           "\ndatabase=$dir/index.txt\nnew_certs_dir=$dir\nserial=$dir/serial\n"
                           "default_md=sha256\npolicy=any\nunique_subject=no\n"
                           "[any]\ncommonName=supplied\n",
                       error))
            return false;
        const QDateTime end = QDateTime::currentDateTimeUtc().addDays(days);
        const QString format = QStringLiteral("yyyyMMddHHmmss'Z'");
        return run({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-notext"),
                    QStringLiteral("-config"), config, QStringLiteral("-cert"),
                    path(ca + QStringLiteral(".pem")), QStringLiteral("-keyfile"),
                    path(ca + QStringLiteral(".key")), QStringLiteral("-in"),
                    path(name + QStringLiteral(".csr")), QStringLiteral("-out"),
                    path(name + QStringLiteral(".pem")), QStringLiteral("-startdate"),
                    end.addDays(-1).toString(format), QStringLiteral("-enddate"),
                    end.toString(format), QStringLiteral("-extfile"), ext},
                   error);
    }

    static bool writeFile(const QString &file, const QByteArray &content, QString *error)
    {
        QFile f(file);
        if (f.open(QIODevice::WriteOnly) && f.write(content) == content.size())
            return true;
        *error = QStringLiteral("cannot write %1: %2").arg(file, f.errorString());
        return false;
    }

    QTemporaryDir m_dir;
    QString m_openssl;
};

} // namespace laptest
