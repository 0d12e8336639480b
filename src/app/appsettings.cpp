// SPDX-License-Identifier: GPL-2.0-or-later
#include "appsettings.h"

#include "catrust.h"
#include "settingsvalue.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

namespace lap {

namespace {

const QString kPollGiveUp = QStringLiteral("connection/pollGiveUpSeconds");
const QString kFallback = QStringLiteral("connection/ttyFallbackUrl");
const QString kKeepAlive = QStringLiteral("connection/keepSessionsAlive");
const QString kReconnect = QStringLiteral("connection/autoReconnect");
const QString kCaFile = QStringLiteral("connection/caFile");

} // namespace

AppSettings AppSettings::load(const QSettings &settings)
{
    AppSettings a;
    a.terminal = TerminalSettings::load(settings);
    a.pollGiveUpSeconds =
        qBound(kMinPollGiveUpSeconds, readSettingInt(settings, kPollGiveUp, a.pollGiveUpSeconds),
               kMaxPollGiveUpSeconds);
    const QString fallback = settings.value(kFallback).toString().trimmed();
    // An invalid fallback would only surface later as a confusing connect error.
    if (validateTtyFallbackUrl(fallback).isEmpty())
        a.ttyFallbackUrl = fallback;
    a.keepSessionsAlive = readSettingBool(settings, kKeepAlive, a.keepSessionsAlive);
    a.autoReconnect = readSettingBool(settings, kReconnect, a.autoReconnect);
    a.caFile = settings.value(kCaFile).toString().trimmed();
    return a;
}

void AppSettings::save(QSettings &settings) const
{
    terminal.save(settings);
    settings.setValue(kPollGiveUp, pollGiveUpSeconds);
    settings.setValue(kFallback, ttyFallbackUrl);
    settings.setValue(kKeepAlive, keepSessionsAlive);
    settings.setValue(kReconnect, autoReconnect);
    settings.setValue(kCaFile, caFile);
}

QString AppSettings::validateTtyFallbackUrl(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    const QUrl url(t, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")))
        return QCoreApplication::translate(
            "lap", "The TTY fallback URL must start with ws:// or wss://, e.g. "
                   "ws://127.0.0.1:4096/tty.");
    if (url.host().isEmpty())
        return QCoreApplication::translate(
            "lap", "The TTY fallback URL has no host, e.g. ws://127.0.0.1:4096/tty.");
    return {};
}

QString AppSettings::validateCaFile(const QString &path)
{
    const QString p = path.trimmed();
    if (p.isEmpty())
        return {};
    const QFileInfo info(p);
    if (!info.exists())
        return QCoreApplication::translate("lap", "The CA file %1 does not exist.").arg(p);
    if (!info.isFile() || !info.isReadable())
        return QCoreApplication::translate("lap", "The CA file %1 cannot be read.").arg(p);
    if (readCaCertificates(p).isEmpty())
        return QCoreApplication::translate("lap",
                                           "The CA file %1 holds no certificate (PEM or DER).")
            .arg(p);
    return {};
}

bool AppSettings::operator==(const AppSettings &o) const
{
    return terminal == o.terminal && pollGiveUpSeconds == o.pollGiveUpSeconds &&
           ttyFallbackUrl == o.ttyFallbackUrl && keepSessionsAlive == o.keepSessionsAlive &&
           autoReconnect == o.autoReconnect && caFile == o.caFile;
}

} // namespace lap
