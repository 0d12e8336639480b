// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace lap {

// One error type for everything the user can be told. `message` is the sentence shown in the
// UI (translated, names the cause); `hint` is the fix it implies, if any; `detail` carries the
// technical part (HTTP body excerpt, diagnostics block) for a "Copy details" button.
struct LapError
{
    enum class Kind
    {
        None,
        Usage,         // bad input from the user (resume argument, empty URL, ...)
        Config,        // nothing signed in / no profile
        Auth,          // master key rejected (401/403 on REST)
        Network,       // host unreachable, refused, DNS, reset
        Tls,           // certificate or handshake problem
        Timeout,       // no answer within the request timeout
        NotFound,      // 404 on an agent or session
        BadRequest,    // 400 (zod issues)
        Conflict,      // 409
        Server,        // 5xx
        Protocol,      // the platform answered with something we cannot read
        SessionFailed, // status failed/dead/stopped
        StartTimeout,  // poll give-up time reached
        NoTtyUrl,      // no usable WebSocket URL (docs/platform-api.md §6)
        TtyUpgrade,    // WebSocket upgrade rejected with an HTTP status
        TtyConnect,    // WebSocket could not be opened at TCP/TLS level
        Keychain,      // secret storage problem
        Cancelled      // the user cancelled; never shown as an error
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    // How long the server asked us to wait (Retry-After on a 429/503), 0 when it did not say.
    int retryAfterMs = 0;
    QString message;
    QString hint;
    QString detail;

    LapError() = default;
    LapError(Kind k, QString msg, QString fix = {}, QString det = {}, int status = 0)
        : kind(k)
        , httpStatus(status)
        , message(std::move(msg))
        , hint(std::move(fix))
        , detail(std::move(det))
    {}

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }
    // The message and the hint in one line, as a status bar or a test reads them.
    // A message that ends mid-sentence (an excerpt of a server's body) gets a full stop before
    // the hint so the two never read as one sentence.
    QString text() const
    {
        if (hint.isEmpty())
            return message;
        const QChar last = message.isEmpty() ? QLatin1Char('.') : message.back();
        const bool ended = last == QLatin1Char('.') || last == QLatin1Char('!') ||
                           last == QLatin1Char('?') || last == QChar(0x2026);
        return message + (ended ? QStringLiteral(" ") : QStringLiteral(". ")) + hint;
    }
};

// Texts from the server go into our sentences, which add their own '.': trimmed and without
// final periods, so that the user never reads "..".
inline QString withoutFinalPeriod(QString s)
{
    s = s.trimmed();
    while (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s;
}

// A duration in a message, in seconds: "30", "1.5".
inline QString secondsText(int ms)
{
    return QString::number(ms / 1000.0);
}

// A value or the error explaining why there is none.
template<class T> struct Result
{
    T value{};
    LapError error;

    bool ok() const { return !error.isError(); }
    static Result success(T v) { return Result{std::move(v), {}}; }
    static Result failure(LapError e) { return Result{T{}, std::move(e)}; }
};

} // namespace lap

Q_DECLARE_METATYPE(lap::LapError)
