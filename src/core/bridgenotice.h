// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

// The harness bridge ends a connection with a notice line of its own (docs/platform-api.md §7):
// "[bridge] process exited (code=N, signal=S)" when the agent exited, "[bridge] failed to spawn
// …" when the PTY could not start. These pure functions keep the end of the output and find
// the notice in it; tests/core/tst_ttywording checks them without a socket.

namespace lap {

// What the last output said about why the bridge closed.
struct BridgeNotice
{
    enum class Kind
    {
        None,
        Exited,     // "[bridge] process exited"
        SpawnFailed // "[bridge] failed to spawn"
    };
    Kind kind = Kind::None;
    QString line; // the notice line without ANSI, CR or LF
};

// How much of the output's end is kept to find a notice in: the notice is one short line, and
// 512 bytes hold it with its ANSI dressing even when the agent's last screen update arrives in
// the same frame.
constexpr int kBridgeTailBytes = 512;

// Appends `bytes` to `tail`, keeping only its last kBridgeTailBytes.
void keepBridgeTail(QByteArray &tail, const QByteArray &bytes);

// The notice in the kept end of the output; an exit notice wins over a spawn failure.
BridgeNotice scanBridgeNotice(const QByteArray &tail);

// `s` without CSI (colours, dim), OSC (titles) and other escape sequences.
QString stripAnsi(QString s);

} // namespace lap
