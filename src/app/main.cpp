// SPDX-License-Identifier: GPL-2.0-or-later
#include "appinit.h"
#include "credentialstore.h"
#include "launchoptions.h"
#include "mainwindow.h"
#include "singleinstance.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QSettings>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    lap::initApplication(app); // names, translations: before the parser

    QCommandLineParser parser;
    lap::addLaunchOptions(parser);
    parser.process(app);
    const lap::Result<lap::LaunchOptions> options = lap::readLaunchOptions(
        parser, qEnvironmentVariable("LAP_BASE_URL"), qEnvironmentVariable("LAP_MASTER_KEY"));
    if (!options.ok()) {
        std::fprintf(stderr, "lap-desktop: %s\n", qPrintable(options.error.text()));
        return 2;
    }

    // One window per user: a second `lap-desktop <agent>` hands its arguments to the running one
    // and exits. A run signed in through LAP_BASE_URL/LAP_MASTER_KEY (automation) stays on its
    // own: the key must not travel to, or be replaced by, another process's platform.
    lap::SingleInstance instance;
    if (!options.value.hasEnvironmentSignIn() && !instance.listen()) {
        if (instance.forward(QCoreApplication::arguments().mid(1)))
            return 0;
        std::fprintf(stderr,
                     "lap-desktop: could not reach the running instance (%s); starting "
                     "another one\n",
                     qPrintable(instance.errorString()));
    }

    QNetworkAccessManager nam;
    QSettings settings;
    lap::ProfileStore profiles(&settings);
    lap::CredentialStore keys;
    lap::AppServices services{&nam, &settings, &profiles, &keys};

    lap::MainWindow window(services);
    QApplication::setWindowIcon(window.windowIcon()); // the resource is registered by now
    QObject::connect(
        &instance, &lap::SingleInstance::argumentsReceived, &window,
        [&window](const QStringList &arguments) { window.handleForwardedArguments(arguments); });
    window.show();
    window.start(options.value);
    return app.exec();
}
