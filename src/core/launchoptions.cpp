// SPDX-License-Identifier: GPL-2.0-or-later
#include "launchoptions.h"

#include "platformclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace lap {

void addLaunchOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "lap::LaunchOptions",
        "Terminal tabs on LiteLLM Agent Platform sandboxes.\n\n"
        "Environment: LAP_BASE_URL and LAP_MASTER_KEY sign in for this run without the "
        "keychain; LAP_TTY_FALLBACK and LAP_TTY_TOKEN work as in the lap CLI."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("agent"),
        QCoreApplication::translate("lap::LaunchOptions",
                                    "Agent names or ids to open, one tab each."),
        QStringLiteral("[agent...]"));
    parser.addOption({QStringLiteral("agent"),
                      QCoreApplication::translate("lap::LaunchOptions",
                                                  "Open a new session of <agent> (name or id)."),
                      QCoreApplication::translate("lap::LaunchOptions", "agent")});
    parser.addOption({QStringLiteral("resume"),
                      QCoreApplication::translate(
                          "lap::LaunchOptions",
                          "Attach to an existing session, by id or <base>/sessions/<id> URL."),
                      QCoreApplication::translate("lap::LaunchOptions", "session")});
    parser.addOption({QStringLiteral("profile"),
                      QCoreApplication::translate("lap::LaunchOptions",
                                                  "Use the saved platform profile <name>."),
                      QCoreApplication::translate("lap::LaunchOptions", "name")});
}

Result<LaunchOptions> readLaunchOptions(const QCommandLineParser &parser, const QString &envBaseUrl,
                                        const QString &envMasterKey)
{
    LaunchOptions o;
    o.agents = parser.positionalArguments() + parser.values(QStringLiteral("agent"));
    for (QString &a : o.agents)
        a = a.trimmed();
    o.agents.removeAll(QString());
    for (const QString &arg : parser.values(QStringLiteral("resume"))) {
        Result<ResumeArgument> r = parseResumeArgument(arg);
        if (!r.ok())
            return Result<LaunchOptions>::failure(r.error);
        o.resumes << r.value;
    }
    o.profile = parser.value(QStringLiteral("profile")).trimmed();
    if (!envBaseUrl.isEmpty() || !envMasterKey.isEmpty()) {
        if (envBaseUrl.isEmpty() || envMasterKey.isEmpty())
            return Result<LaunchOptions>::failure(LapError(
                LapError::Kind::Usage,
                QCoreApplication::translate(
                    "lap::LaunchOptions", "LAP_BASE_URL and LAP_MASTER_KEY must be set together."),
                QCoreApplication::translate(
                    "lap::LaunchOptions",
                    "Set both to sign in from the environment, or neither to use a saved "
                    "profile.")));
        QString why;
        const QUrl base = normalizeBaseUrl(envBaseUrl, &why);
        if (!base.isValid())
            return Result<LaunchOptions>::failure(LapError(
                LapError::Kind::Usage,
                QCoreApplication::translate("lap::LaunchOptions", "LAP_BASE_URL is not usable: %1")
                    .arg(why)));
        o.envBaseUrl = base;
        o.envMasterKey = envMasterKey;
    }
    return Result<LaunchOptions>::success(o);
}

} // namespace lap
