// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"
#include "models.h"

#include <QMetaType>
#include <QNetworkRequest>
#include <QUrl>

namespace lap {

// What the environment or the Settings dialog can supply when the platform does not.
struct TtyOverrides
{
    QString fallbackUrl; // LAP_TTY_FALLBACK: a ws(s):// URL used when no tty_url/sandbox_url works
    QString token;       // LAP_TTY_TOKEN: used when the session's tty_token is null or empty

    // Reads LAP_TTY_FALLBACK and LAP_TTY_TOKEN from the process environment.
    static TtyOverrides fromEnvironment();
};

// Where to open the terminal WebSocket and with which token.
struct TtyTarget
{
    QUrl url;      // without the token
    QString token; // harness token (secret); may be empty
    bool usedFallback = false;

    // The URL as sent: `token=<urlencoded>` appended with '?' or '&' (load balancers strip
    // headers on upgrade, docs/platform-api.md §9).
    QUrl urlWithToken() const;
    // The upgrade request: urlWithToken() plus `Authorization: Bearer <token>`. Never the
    // master key.
    QNetworkRequest request() const;
};

// docs/platform-api.md §6: tty_url (ws/wss verbatim, http(s)→ws(s), else a path on `base`), then a
// sandbox_url that is not `.svc.cluster.local` (+ "/tty"), then the fallback, else the §10 row 13
// error. Pure: no I/O.
Result<TtyTarget> deriveTtyTarget(const Session &session, const QUrl &base,
                                  const TtyOverrides &overrides);

// `--resume` / attach-by-paste argument: a bare session id, or
// `http(s)://host[/prefix]/sessions/<uuid>[/?#…]` whose base then applies to this attach only.
struct ResumeArgument
{
    QString sessionId;
    QUrl baseOverride; // invalid when the argument was a bare id
};
Result<ResumeArgument> parseResumeArgument(const QString &arg);

} // namespace lap

Q_DECLARE_METATYPE(lap::TtyTarget)
