// SPDX-License-Identifier: GPL-2.0-or-later
#include "credentialstore.h"
#include "launchoptions.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QSettings>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("lap-desktop"));
    QApplication::setApplicationDisplayName(QStringLiteral("LAP Desktop"));
    QApplication::setOrganizationName(QStringLiteral("lap-desktop"));
    QApplication::setApplicationVersion(QStringLiteral(LAP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("lap-desktop"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/lap-desktop.svg")));

    QCommandLineParser parser;
    lap::addLaunchOptions(parser);
    parser.process(app);
    const lap::Result<lap::LaunchOptions> options = lap::readLaunchOptions(
        parser, qEnvironmentVariable("LAP_BASE_URL"), qEnvironmentVariable("LAP_MASTER_KEY"));
    if (!options.ok()) {
        std::fprintf(stderr, "lap-desktop: %s\n", qPrintable(options.error.text()));
        return 2;
    }

    QNetworkAccessManager nam;
    QSettings settings;
    lap::ProfileStore profiles(&settings);
    lap::CredentialStore keys;
    lap::AppServices services{&nam, &settings, &profiles, &keys};

    lap::MainWindow window(services);
    window.show();
    window.start(options.value);
    return app.exec();
}
