// SPDX-License-Identifier: GPL-2.0-or-later
// Keystroke echo latency. App: a key event sent to the terminal display of a connected tab →
// the echo's bytes arrive on the socket → parsed by the emulator (QTermWidget::receivedData) →
// the next paint of the display. Baseline: a bare QWebSocket attached to the same session
// (same tmux session, same shell, same PTY) sends the same byte as a binary frame and waits
// for the text frame carrying the echo. Blocks alternate so both see the same machine noise;
// only one client is attached at a time (the tab detaches while the baseline runs).
#include "benchcommon.h"

#include "models.h"
#include "remoteterminal.h"
#include "terminaltab.h"
#include "ttychannel.h"
#include "ttyendpoint.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QWebSocket>
#include <QtTest>

#include <qtermwidget.h>

#include <cstdio>

namespace lapbench {

namespace {

constexpr int kKeysPerLine = 40; // then Ctrl-U: the line never wraps
constexpr int kKeyTimeoutMs = 3000;

char keyChar(int i)
{
    return char('a' + i % 26);
}

struct AppSamples
{
    QVector<double> input, recv, parsed, painted;
    int timeouts = 0;
};

// Waits until output has been quiet for `quietMs` (tmux redraws after a reattach or Ctrl-U).
void waitQuiet(const std::function<qint64()> &lastOutputNs, int quietMs, int timeoutMs)
{
    waitFor([&] { return nsToMs(nowNs() - lastOutputNs()) >= quietMs; }, timeoutMs, 5);
}

// What differs between the app and the baseline in the key loop.
struct KeySide
{
    std::function<qint64()> lastOutput; // time of the latest output, for the quiet waits
    std::function<void()> clearLine;    // send Ctrl-U
    std::function<void()> resetTimes;   // forget the previous key's times
    std::function<void(char)> sendKey;
    std::function<bool()> echoed;       // the last moment measured has come
    std::function<void(qint64)> record; // store the samples of the key sent at this time
};

// The measured keys, the same way on both sides: Ctrl-U every kKeysPerLine keys (then wait for
// the redraw to go quiet), a kKeyTimeoutMs timeout on `loop` (whose handlers quit it once
// echoed), the key's time, the key; its samples, or a timeout; then a wait for the trailing
// bytes of the same echo (tmux moves the cursor after the character). `want` is the character
// the handlers wait for, 0 between keys.
void keyLoop(int keys, int &keyIndex, char &want, QEventLoop &loop, int &timeouts,
             const KeySide &side)
{
    for (int i = 0; i < keys; ++i, ++keyIndex) {
        if (keyIndex % kKeysPerLine == 0) {
            want = 0;
            side.clearLine();
            waitQuiet(side.lastOutput, 30, 2000);
        }
        want = keyChar(keyIndex);
        side.resetTimes();
        QTimer timeout;
        timeout.setSingleShot(true);
        QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
        timeout.start(kKeyTimeoutMs);
        const qint64 tKey = nowNs();
        side.sendKey(want);
        if (!side.echoed())
            loop.exec();
        if (side.echoed())
            side.record(tKey);
        else
            ++timeouts;
        want = 0;
        waitQuiet(side.lastOutput, 3, 500);
    }
}

void appBlock(lap::TerminalTab *tab, int keys, int &keyIndex, AppSamples &s)
{
    QWidget *display = tab->terminal()->terminalDisplay();
    QTermWidget *term = termWidgetOf(tab->terminal());
    PaintWatch paints(display);
    qint64 lastOutput = nowNs();
    qint64 tInput = 0, tRecv = 0, tParsed = 0, tPainted = 0;
    char want = 0;
    QEventLoop loop;
    QObject guard;
    // The key, translated by the emulator, handed to TerminalTab (and from there, synchronously,
    // to TtyChannel::sendInput).
    QObject::connect(tab->terminal(), &lap::RemoteTerminal::input, &guard,
                     [&](const QByteArray &b) {
                         if (want && !tInput && b.contains(want))
                             tInput = nowNs();
                     });
    QObject::connect(tab->channel(), &lap::TtyChannel::output, &guard, [&](const QByteArray &b) {
        lastOutput = nowNs();
        if (want && !tRecv && b.contains(want))
            tRecv = lastOutput;
    });
    QObject::connect(term, &QTermWidget::receivedData, &guard, [&](const QString &text) {
        if (want && tRecv && !tParsed && text.contains(QLatin1Char(want)))
            tParsed = nowNs();
    });
    paints.setOnPaint([&](qint64 end) {
        if (tParsed && !tPainted) {
            tPainted = end;
            loop.quit();
        }
    });
    KeySide side;
    side.lastOutput = [&] {
        return lastOutput;
    };
    side.clearLine = [display] {
        QTest::keyClick(display, Qt::Key_U, Qt::ControlModifier);
    };
    side.resetTimes = [&] {
        tInput = tRecv = tParsed = tPainted = 0;
    };
    side.sendKey = [display](char key) {
        QTest::keyClick(display, key);
    };
    side.echoed = [&] {
        return tPainted != 0;
    };
    side.record = [&](qint64 tKey) {
        s.input << nsToMs(tInput - tKey);
        s.recv << nsToMs(tRecv - tKey);
        s.parsed << nsToMs(tParsed - tKey);
        s.painted << nsToMs(tPainted - tKey);
    };
    keyLoop(keys, keyIndex, want, loop, s.timeouts, side);
}

QVector<double> baselineBlock(const lap::TtyTarget &target, int keys, int &keyIndex, int &timeouts)
{
    QVector<double> out;
    QWebSocket ws(QString(), QWebSocketProtocol::VersionLatest);
    qint64 lastOutput = nowNs();
    qint64 tRecv = 0;
    char want = 0;
    QEventLoop loop;
    auto onData = [&](const QByteArray &b) {
        lastOutput = nowNs();
        if (want && !tRecv && b.contains(want)) {
            tRecv = lastOutput;
            loop.quit();
        }
    };
    QObject::connect(&ws, &QWebSocket::textMessageReceived, &loop,
                     [&](const QString &t) { onData(t.toUtf8()); });
    QObject::connect(&ws, &QWebSocket::binaryMessageReceived, &loop, onData);
    ws.open(target.request());
    if (!waitFor([&] { return ws.state() == QAbstractSocket::ConnectedState; }, 10000)) {
        timeouts += keys;
        return out;
    }
    waitQuiet([&] { return lastOutput; }, 200, 5000); // tmux's redraw of the reattached screen
    KeySide side;
    side.lastOutput = [&] {
        return lastOutput;
    };
    side.clearLine = [&ws] {
        ws.sendBinaryMessage(QByteArray("\x15", 1)); // Ctrl-U
    };
    side.resetTimes = [&] {
        tRecv = 0;
    };
    side.sendKey = [&ws](char key) {
        ws.sendBinaryMessage(QByteArray(1, key));
    };
    side.echoed = [&] {
        return tRecv != 0;
    };
    side.record = [&](qint64 tKey) {
        out << nsToMs(tRecv - tKey);
    };
    keyLoop(keys, keyIndex, want, loop, timeouts, side);
    ws.close();
    waitFor([&] { return ws.state() == QAbstractSocket::UnconnectedState; }, 3000);
    return out;
}

} // namespace

int runEcho(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("keys"), QStringLiteral("measured keys per side"),
                 QStringLiteral("n"), QStringLiteral("1000")});
    p.addOption({QStringLiteral("blocks"), QStringLiteral("alternating blocks per side"),
                 QStringLiteral("n"), QStringLiteral("5")});
    p.process(args);
    const Common c = readCommon(p);
    const int keys = p.value(QStringLiteral("keys")).toInt();
    const int blocks = std::max(1, p.value(QStringLiteral("blocks")).toInt());
    const int perBlock = std::max(1, keys / blocks);

    PlatformProcess platform;
    QString error;
    if (!platform.start(c.platform,
                        {QStringLiteral("--ready-delay-ms"), QStringLiteral("0"),
                         QStringLiteral("--command"), benchShell()},
                        &error)) {
        std::fprintf(stderr, "echo: %s\n", qPrintable(error));
        return 1;
    }
    App app(platform.config());
    lap::TerminalTab *tab = app.window->openAgent(QStringLiteral("shell"));
    if (!waitConnected(tab, 20000) ||
        !waitFor([tab] { return tab->terminal()->screenText().startsWith(QLatin1Char('$')); },
                 10000, 20)) {
        std::fprintf(stderr, "echo: the tab did not connect\n");
        return 1;
    }
    settle(300);
    // The baseline's endpoint: the tab's session, attached to as the app attaches.
    const lap::Result<ReadySession> attached =
        attachReadySession(&app.nam, platform.config(), tab->sessionId(), 20000);
    if (!attached.ok()) {
        std::fprintf(stderr, "echo: %s\n", qPrintable(attached.error.message));
        return 1;
    }

    AppSamples appS;
    QVector<double> base;
    int baseTimeouts = 0;
    int appKey = 0, baseKey = 0;
    // Warm-up: a few keys on each side, not recorded.
    {
        AppSamples w;
        int k = 0;
        appBlock(tab, 20, k, w);
    }
    for (int b = 0; b < blocks; ++b) {
        appBlock(tab, perBlock, appKey, appS);
        tab->detach();
        waitFor([tab] { return tab->state() == lap::TerminalTab::State::Detached; }, 5000);
        base << baselineBlock(attached.value.target, perBlock, baseKey, baseTimeouts);
        tab->reconnect();
        if (!waitConnected(tab, 20000)) {
            std::fprintf(stderr, "echo: reattach failed\n");
            return 1;
        }
        settle(300);
        std::fprintf(stderr, "echo block %d: app %d keys, baseline %d keys\n", b,
                     int(appS.painted.size()), int(base.size()));
    }
    writeResult(c.out, QStringLiteral("echo"),
                QJsonObject{
                    {QStringLiteral("app_input_ms"), toJsonArray(appS.input)},
                    {QStringLiteral("app_recv_ms"), toJsonArray(appS.recv)},
                    {QStringLiteral("app_parsed_ms"), toJsonArray(appS.parsed)},
                    {QStringLiteral("app_drawn_ms"), toJsonArray(appS.painted)},
                    {QStringLiteral("baseline_ws_ms"), toJsonArray(base)},
                    {QStringLiteral("app_timeouts"), appS.timeouts},
                    {QStringLiteral("baseline_timeouts"), baseTimeouts},
                });
    return 0;
}

} // namespace lapbench
