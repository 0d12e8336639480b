// SPDX-License-Identifier: GPL-2.0-or-later
// The byte path alone, for callgrind: a TtyChannel wired to a RemoteTerminal exactly as
// TerminalTab wires them, attached to a session whose platform sends --flood-bytes on attach;
// exits once the emulator has parsed them all. The terminal is never shown: painting runs on
// the emulator's 10/40 ms timers, so its share would depend on how fast the machine is (and
// callgrind slows everything 50×). Instruction counts are then a property of the code, not of
// the machine: bench/run takes the difference of two sizes to get instructions per MB.
#include "benchcommon.h"

#include "models.h"
#include "remoteterminal.h"
#include "ttychannel.h"
#include "ttyendpoint.h"

#include <QEventLoop>

#include <qtermwidget.h>

#include <cstdio>

namespace lapbench {

int runBytePath(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("mb"), QStringLiteral("MB (10^6 bytes) to push"),
                 QStringLiteral("n"), QStringLiteral("10")});
    p.process(args);
    const Common c = readCommon(p);
    const qint64 bytes = qint64(p.value(QStringLiteral("mb")).toDouble() * 1e6);

    PlatformProcess platform;
    QString error;
    if (!platform.start(c.platform,
                        {QStringLiteral("--ready-delay-ms"), QStringLiteral("0"),
                         QStringLiteral("--no-tmux"), QStringLiteral("--flood-bytes"),
                         QString::number(bytes), QStringLiteral("--command"),
                         QStringLiteral("exec sleep 3600")},
                        &error)) {
        std::fprintf(stderr, "bytepath: %s\n", qPrintable(error));
        return 1;
    }
    QNetworkAccessManager nam;
    const lap::Result<ReadySession> ready =
        openReadySession(&nam, platform.config(), QStringLiteral("shell"), 60000);
    if (!ready.ok()) {
        std::fprintf(stderr, "bytepath: %s\n", qPrintable(ready.error.message));
        return 1;
    }

    lap::RemoteTerminal terminal;
    lap::TtyChannel channel;
    QObject::connect(&channel, &lap::TtyChannel::output, &terminal,
                     &lap::RemoteTerminal::writeOutput);
    qint64 parsed = 0;
    QEventLoop loop;
    QObject::connect(termWidgetOf(&terminal), &QTermWidget::receivedData, &loop,
                     [&](const QString &text) {
                         parsed += text.size();
                         if (parsed >= bytes)
                             loop.quit();
                     });
    QObject::connect(&channel, &lap::TtyChannel::failed, &loop, &QEventLoop::quit);
    QObject::connect(&channel, &lap::TtyChannel::closed, &loop, &QEventLoop::quit);
    const qint64 t0 = nowNs();
    channel.open(ready.value.target);
    loop.exec();
    const double ms = nsToMs(nowNs() - t0);
    std::fprintf(stderr, "bytepath: %lld bytes parsed in %.0f ms\n", parsed, ms);
    writeResult(c.out, QStringLiteral("bytepath"),
                QJsonObject{{QStringLiteral("bytes"), double(bytes)},
                            {QStringLiteral("parsed"), double(parsed)},
                            {QStringLiteral("ms"), ms}});
    channel.close();
    return parsed >= bytes ? 0 : 1;
}

} // namespace lapbench
