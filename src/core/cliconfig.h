// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"

#include <QString>
#include <QUrl>

namespace lap {

// The reference CLI's plaintext config (~/.lap/config.json: {"base","key"}).
struct CliConfig
{
    QString path;
    QUrl base;
    QString key;
};
QString defaultCliConfigPath();
Result<CliConfig> readCliConfig(const QString &path);

} // namespace lap
