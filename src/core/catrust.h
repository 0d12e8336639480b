// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"

#include <QString>

#ifndef QT_NO_SSL
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace lap {

// The CA file the user picks in Settings, read one way for https://, wss:// and the Settings
// check alike: PEM, else DER. Empty when the file cannot be read or holds no certificate.
QList<QSslCertificate> readCaCertificates(const QString &path);

// The system's trust plus the certificates of caFile (the system's alone when caFile is empty).
// A caFile without a certificate is an error naming the file, never silently the system's trust:
// `action` starts its message, e.g. "Fetching the session".
Result<QSslConfiguration> sslConfigurationTrusting(const QString &caFile, const QString &action);

} // namespace lap
#endif
