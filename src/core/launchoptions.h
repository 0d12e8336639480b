// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"
#include "ttyendpoint.h"

#include <QStringList>
#include <QUrl>

class QCommandLineParser;

namespace lap {

// What `lap-desktop [agent...] [--agent X] [--resume ID|URL] [--profile P]` asked for, plus the
// environment sign-in for automation (LAP_BASE_URL + LAP_MASTER_KEY: this run only, never saved).
struct LaunchOptions
{
    QStringList agents;            // names or UUIDs, each opens a new session in its own tab
    QList<ResumeArgument> resumes; // sessions to attach to
    QString profile;               // empty: the active profile
    QUrl envBaseUrl;               // from LAP_BASE_URL, valid only together with envMasterKey
    QString envMasterKey;          // from LAP_MASTER_KEY (secret)
    bool hasEnvironmentSignIn() const { return envBaseUrl.isValid() && !envMasterKey.isEmpty(); }
};

// Declares the options on `parser` (help and version included).
void addLaunchOptions(QCommandLineParser &parser);
// Reads a parser that has already parsed the arguments, and the given environment values.
// A malformed --resume or LAP_BASE_URL is an error naming the argument.
Result<LaunchOptions> readLaunchOptions(const QCommandLineParser &parser, const QString &envBaseUrl,
                                        const QString &envMasterKey);

} // namespace lap
