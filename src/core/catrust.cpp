// SPDX-License-Identifier: GPL-2.0-or-later
#include "catrust.h"

#ifndef QT_NO_SSL
#include <QCoreApplication>
#include <QFile>

namespace lap {

namespace {
// A CA bundle is kilobytes; the cap keeps a wrong pick (a disk image) from being read whole.
constexpr qint64 kMaxCaFileBytes = 4 * 1024 * 1024;
} // namespace

QList<QSslCertificate> readCaCertificates(const QString &path)
{
    // QFile + fromData, not fromPath: fromPath treats wildcard characters in the name as a
    // pattern.
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray data = file.read(kMaxCaFileBytes);
    QList<QSslCertificate> certs = QSslCertificate::fromData(data, QSsl::Pem);
    if (certs.isEmpty())
        certs = QSslCertificate::fromData(data, QSsl::Der);
    return certs;
}

Result<QSslConfiguration> sslConfigurationTrusting(const QString &caFile, const QString &action)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (caFile.isEmpty())
        return Result<QSslConfiguration>::success(ssl);
    const QList<QSslCertificate> certs = readCaCertificates(caFile);
    if (certs.isEmpty()) {
        return Result<QSslConfiguration>::failure(LapError(
            LapError::Kind::Tls,
            QCoreApplication::translate("lap",
                                        "%1 failed: no CA certificate could be read from %2.")
                .arg(action, caFile),
            QCoreApplication::translate(
                "lap", "Choose a PEM file with the platform's CA certificate in Settings.")));
    }
    ssl.addCaCertificates(certs);
    return Result<QSslConfiguration>::success(ssl);
}

} // namespace lap
#endif
