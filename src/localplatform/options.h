// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace lap::local {

// Where a session row says its terminal is (docs/platform-api.md §4.3, §6).
enum class TtyStyle
{
    // tty_url = /api/v1/managed_agents/sessions/<id>/tty once ready (IN_CLUSTER platform);
    // sandbox_url is the in-cluster harness URL.
    Proxy,
    // tty_url null, sandbox_url = http://127.0.0.1:<port>/sandboxes/<id> (local dev)
    Sandbox,
    // tty_url null, sandbox_url in-cluster: clients must fail or use LAP_TTY_FALLBACK
    // (the socket is still served at /sandboxes/<id>/tty).
    InCluster,
};

QString ttyStyleName(TtyStyle style);
bool parseTtyStyle(const QString &name, TtyStyle *style);

// Upper bounds of the numeric switches, the same for the flags and for POST /__local/options.
constexpr qint64 kMaxDelayMs = 24 * 3600 * 1000; // ready_delay_ms, drop_after_ms: a day
constexpr qint64 kMaxTransientErrors = 1000000;
constexpr qint64 kMaxFloodBytes = qint64(1) << 40;
constexpr qint64 kMaxIdleTimeoutMs = qint64(1) << 40; // and at least 1

// Every switch has a command-line flag of the same name (--ready-delay-ms) and a JSON key
// with underscores ("ready_delay_ms") for POST /__local/options.
struct LocalPlatformOptions
{
    quint16 port = 0;        // 0 = ephemeral
    QString masterKey;       // empty = random
    QString harnessToken;    // empty = random
    QString credentialsFile; // written 0600 when set
    int readyDelayMs = 1200; // creating -> ready, spread over the phases
    QString failStartup;     // non-empty: sessions end `failed` with this reason
    TtyStyle ttyStyle = TtyStyle::Proxy;
    int transientErrors = 0;          // the next N GET /sessions/:id answer 502
    bool advertiseWrongToken = false; // rows carry a tty_token the /tty endpoint rejects
    bool noTtyToken = false;          // rows carry tty_token null
    int dropAfterMs = 0;              // abort every /tty socket this long after it opens
    qint64 floodBytes = 0;            // sent on each attach before the PTY output
    qint64 idleTimeoutMs = 900000;
    QString command; // empty = $SHELL, else /bin/bash
    bool noTmux = false;
    int extraAgents = 0; // filler-001 ... (start-up only)

    // Applies the runtime switches present in `json`; false with a message on a bad value
    // (nothing is changed then). port, keys, credentials file and extra agents are
    // start-up only and rejected here.
    bool applyJson(const QJsonObject &json, QString *error);
    // The runtime switches, for GET /__local/options.
    QJsonObject toJson() const;
};

} // namespace lap::local
