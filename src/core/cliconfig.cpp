// SPDX-License-Identifier: GPL-2.0-or-later
#include "cliconfig.h"

#include "platformclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace lap {

QString defaultCliConfigPath()
{
    return QDir::homePath() + QLatin1String("/.lap/config.json");
}

Result<CliConfig> readCliConfig(const QString &path)
{
    const auto notAConfig = [&path](const QString &why) {
        return Result<CliConfig>::failure(LapError(
            LapError::Kind::Config,
            QCoreApplication::translate("lap", "%1 is not a lap CLI config (%2).").arg(path, why)));
    };

    if (!QFileInfo::exists(path)) {
        return Result<CliConfig>::failure(
            LapError(LapError::Kind::Config,
                     QCoreApplication::translate("lap", "No lap CLI config at %1.").arg(path)));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Result<CliConfig>::failure(LapError(
            LapError::Kind::Config, QCoreApplication::translate("lap", "Cannot read %1: %2.")
                                        .arg(path, file.errorString())));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return notAConfig(parseError.errorString());
    if (!doc.isObject())
        return notAConfig(QCoreApplication::translate("lap", "not a JSON object"));
    const QJsonObject o = doc.object();

    const QJsonValue base = o.value(QLatin1String("base"));
    const QJsonValue key = o.value(QLatin1String("key"));
    if (!base.isString() || base.toString().trimmed().isEmpty())
        return notAConfig(QCoreApplication::translate("lap", "no \"base\" URL"));
    if (!key.isString() || key.toString().isEmpty())
        return notAConfig(QCoreApplication::translate("lap", "no \"key\""));

    // The rules of the sign-in dialog: what it would refuse is not imported either.
    const QUrl baseUrl = normalizeBaseUrl(base.toString());
    if (!baseUrl.isValid())
        return notAConfig(QCoreApplication::translate("lap", "\"base\" is not an http(s) URL"));

    CliConfig config;
    config.path = path;
    config.base = baseUrl;
    config.key = key.toString();
    return Result<CliConfig>::success(config);
}

} // namespace lap
