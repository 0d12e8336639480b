// SPDX-License-Identifier: GPL-2.0-or-later
#include "ttywording.h"
#include "bridgenotice.h"

#include <QCoreApplication>
#include <QRegularExpression>

// Every text here is translated in the one context "lap::TtyWording".

namespace lap {

namespace {

QString hostPort(const QUrl &url)
{
    const bool secure = url.scheme().compare(QLatin1String("wss"), Qt::CaseInsensitive) == 0;
    QString host = url.host();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return host + QLatin1Char(':') + QString::number(url.port(secure ? 443 : 80));
}

// Qt's socket errors read "QWebSocketPrivate::processHandshake: Connection closed while
// reading header." — the class prefix means nothing to a user and our sentence adds the '.'.
QString cleanSocketError(QString s)
{
    static const QRegularExpression prefix(QStringLiteral("^\\w+::\\w+:\\s*"));
    s.remove(prefix);
    return withoutFinalPeriod(s);
}

QString seconds(int ms)
{
    if (ms % 1000 == 0)
        return QString::number(ms / 1000);
    return QString::number(ms / 1000.0, 'g', 3);
}

// A close reason or notice comes from the server and ends up in a one-line banner: escape
// sequences, line breaks, other control characters and bidi overrides (which could make the
// line read as something else) go, and so does a final period (the sentence adds its own).
QString displayText(const QString &text, bool dropFinalPeriod = true)
{
    QString s = stripAnsi(text);
    for (QChar &c : s) {
        const ushort u = c.unicode();
        const bool control = u < 0x20 || (u >= 0x7f && u < 0xa0);
        const bool bidi = (u >= 0x200e && u <= 0x200f) || (u >= 0x202a && u <= 0x202e) ||
                          (u >= 0x2066 && u <= 0x2069);
        if (control || bidi)
            c = QLatin1Char(' ');
    }
    s = s.simplified();
    while (dropFinalPeriod && s.endsWith(QLatin1Char('.')))
        s.chop(1);
    // A period after a replaced character leaves a space behind.
    return s.trimmed();
}

} // namespace

QString closeCodeName(int code)
{
    switch (code) {
    case 1000:
        return QCoreApplication::translate("lap::TtyWording", "normal closure");
    case 1001:
        return QCoreApplication::translate("lap::TtyWording", "going away");
    case 1002:
        return QCoreApplication::translate("lap::TtyWording", "protocol error");
    case 1003:
        return QCoreApplication::translate("lap::TtyWording", "unsupported data");
    case 1005:
        return QCoreApplication::translate("lap::TtyWording", "no status");
    case 1006:
        return QCoreApplication::translate("lap::TtyWording", "abnormal closure");
    case 1007:
        return QCoreApplication::translate("lap::TtyWording", "invalid data");
    case 1008:
        return QCoreApplication::translate("lap::TtyWording", "policy violation");
    case 1009:
        return QCoreApplication::translate("lap::TtyWording", "message too big");
    case 1010:
        return QCoreApplication::translate("lap::TtyWording", "missing extension");
    case 1011:
        return QCoreApplication::translate("lap::TtyWording", "server error");
    case 1012:
        return QCoreApplication::translate("lap::TtyWording", "service restart");
    case 1013:
        return QCoreApplication::translate("lap::TtyWording", "try again later");
    case 1014:
        return QCoreApplication::translate("lap::TtyWording", "bad gateway");
    default:
        return {};
    }
}

QString TtyClose::describe() const
{
    const QString why = displayText(codeReason);
    const QString said = displayText(notice, false); // the bridge's own sentence, kept whole
    switch (reason) {
    case Reason::UserDetached:
        return {};
    case Reason::AgentExited:
        if (said.isEmpty())
            return QCoreApplication::translate("lap::TtyWording", "The agent exited.");
        return QCoreApplication::translate("lap::TtyWording", "The agent exited (%1).").arg(said);
    case Reason::SpawnFailed:
        if (said.isEmpty())
            return QCoreApplication::translate("lap::TtyWording",
                                               "The sandbox could not start the agent.");
        return QCoreApplication::translate("lap::TtyWording",
                                           "The sandbox could not start the agent (%1).")
            .arg(said);
    case Reason::Dropped:
        break;
    }
    if (code == 0)
        return QCoreApplication::translate("lap::TtyWording", "Connection lost.");
    const QString name = closeCodeName(code);
    if (name.isEmpty()) {
        if (why.isEmpty())
            return QCoreApplication::translate("lap::TtyWording", "Connection lost (code %1).")
                .arg(code);
        return QCoreApplication::translate("lap::TtyWording", "Connection lost (code %1 — %2).")
            .arg(QString::number(code), why);
    }
    if (why.isEmpty())
        return QCoreApplication::translate("lap::TtyWording", "Connection lost (code %1: %2).")
            .arg(QString::number(code), name);
    return QCoreApplication::translate("lap::TtyWording", "Connection lost (code %1: %2 — %3).")
        .arg(QString::number(code), name, why);
}

QString describeDrop(const TtyClose &close, const Result<Session> &after)
{
    QString next;
    if (!after.ok()) {
        next = QCoreApplication::translate("lap::TtyWording",
                                           "Could not check the session (%1) — try reconnecting.")
                   .arg(withoutFinalPeriod(after.error.message));
    } else {
        const Session &s = after.value;
        if (s.isReady()) {
            next = QCoreApplication::translate(
                "lap::TtyWording", "The session is still running — reconnect to continue.");
        } else if (s.isTerminal()) {
            next = describeEndedSession(s);
        } else {
            // creating: a restart is under way; reattaching before it is ready gets a 503.
            next = QCoreApplication::translate("lap::TtyWording",
                                               "Session is %1 — reconnect once it is ready.")
                       .arg(s.status);
        }
    }
    const QString first = close.describe();
    return first.isEmpty() ? next : first + QLatin1Char(' ') + next;
}

QString describeEndedSession(const Session &s)
{
    const QString reason = withoutFinalPeriod(s.failureReason);
    return reason.isEmpty()
               ? QCoreApplication::translate("lap::TtyWording", "Session is %1.").arg(s.status)
               : QCoreApplication::translate("lap::TtyWording", "Session is %1 — %2.")
                     .arg(s.status, reason);
}

int httpStatusFromHandshakeError(const QString &errorString)
{
    // Qt 5.15 and 6.4 both word it "Unhandled http status code: 401 (Unauthorized)."; the
    // second pattern keeps working if a later Qt quotes the status line instead.
    static const QRegularExpression statusCode(
        QStringLiteral("status code\\W{0,3}([1-5]\\d\\d)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression statusLine(
        QStringLiteral("\\bHTTP/\\d(?:\\.\\d)?\\s+([1-5]\\d\\d)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    for (const QRegularExpression *re : {&statusCode, &statusLine}) {
        const QRegularExpressionMatch m = re->match(errorString);
        if (m.hasMatch())
            return m.captured(1).toInt();
    }
    return isAuthenticationChallengeError(errorString) ? 401 : 0;
}

bool isAuthenticationChallengeError(const QString &errorString)
{
    // QWebSocket's own source texts (its tr() context), so that a loaded Qt translation of
    // them is recognised as well as the English; the class prefix varies, so the English is
    // matched without it.
    static const char *const kTexts[] = {
        "QWebSocketPrivate::processHandshake: Unsupported WWW-Authenticate challenge encountered.",
        ("QWebSocketPrivate::processHandshake: Unsupported WWW-Authenticate challenges "
         "encountered."),
        "QWebSocket::processHandshake: Host requires authentication",
    };
    if (errorString.isEmpty())
        return false;
    for (const char *text : kTexts) {
        const QString english = QString::fromLatin1(text);
        if (errorString.contains(english.section(QLatin1String(": "), 1)) ||
            errorString == QCoreApplication::translate("QWebSocket", text))
            return true;
    }
    return false;
}

QString closeFrameReason(int code, const QString &reason)
{
    static const QRegularExpression invalidCode(
        QStringLiteral("^Invalid close code \\d+ detected\\.?$"));
    if (code == 1002 && invalidCode.match(reason).hasMatch())
        return QCoreApplication::translate("lap::TtyWording",
                                           "the server sent an invalid close code");
    return reason;
}

LapError ttyUpgradeError(int status, bool tokenSent, const QString &detail)
{
    QString message;
    QString hint;
    switch (status) {
    case 401:
        if (tokenSent) {
            message = QCoreApplication::translate("lap::TtyWording",
                                                  "The sandbox refused the terminal "
                                                  "connection: TTY token rejected (HTTP 401).");
            hint = QCoreApplication::translate("lap::TtyWording",
                                               "The pod may predate the platform's harness token: "
                                               "restart the session, or set LAP_TTY_TOKEN.");
        } else {
            message = QCoreApplication::translate(
                "lap::TtyWording",
                "The sandbox refused the terminal connection: no TTY token was sent (HTTP 401).");
            hint = QCoreApplication::translate(
                "lap::TtyWording", "The platform returned no tty_token: set LAP_TTY_TOKEN.");
        }
        break;
    case 503:
        message = QCoreApplication::translate(
            "lap::TtyWording", "The sandbox is not ready for a terminal yet (HTTP 503).");
        hint = QCoreApplication::translate("lap::TtyWording",
                                           "It is starting or restarting; try again in a moment.");
        break;
    case 502:
        message =
            QCoreApplication::translate("lap::TtyWording", "Cannot reach the sandbox (HTTP 502).");
        hint = QCoreApplication::translate(
            "lap::TtyWording",
            "The pod may be gone, or the platform's proxy still remembers an old address "
            "(up to 30 s after a restart).");
        break;
    default:
        message = QCoreApplication::translate("lap::TtyWording",
                                              "The terminal connection was refused (HTTP %1).")
                      .arg(status);
        break;
    }
    return LapError(LapError::Kind::TtyUpgrade, message, hint, detail, status);
}

LapError ttyConnectError(const TtyConnectFacts &facts)
{
    const QUrl &url = facts.url;
    const QString where = hostPort(url);
    const QString shownUrl = url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
    const QString unreachableHint = QCoreApplication::translate(
        "lap::TtyWording", "The pod may be gone or the address unreachable.");

    if (!url.isValid() || url.host().isEmpty()) {
        return LapError(
            LapError::Kind::TtyConnect,
            QCoreApplication::translate("lap::TtyWording",
                                        "The terminal URL is not a valid ws:// or wss:// URL."));
    }
    if (facts.timedOut) {
        return LapError(
            LapError::Kind::TtyConnect,
            QCoreApplication::translate("lap::TtyWording",
                                        "Cannot reach the sandbox at %1: no answer within %2 s.")
                .arg(where, seconds(facts.connectTimeoutMs)),
            unreachableHint, shownUrl);
    }
    if (!facts.sslErrors.isEmpty()) {
        return LapError(LapError::Kind::Tls,
                        QCoreApplication::translate("lap::TtyWording",
                                                    "TLS error connecting to the sandbox: %1.")
                            .arg(cleanSocketError(facts.sslErrors)),
                        {}, shownUrl);
    }
    const QString &raw = facts.errorString;
    const QString detail = shownUrl + QLatin1String(": ") + raw;
    const int status = facts.authChallenged ? 401 : httpStatusFromHandshakeError(raw);
    if (status != 0)
        return ttyUpgradeError(status, facts.tokenSent, detail);
    if (facts.socketError == QAbstractSocket::SslHandshakeFailedError ||
        facts.socketError == QAbstractSocket::SslInternalError ||
        facts.socketError == QAbstractSocket::SslInvalidUserDataError) {
        return LapError(LapError::Kind::Tls,
                        QCoreApplication::translate("lap::TtyWording",
                                                    "TLS error connecting to the sandbox: %1.")
                            .arg(cleanSocketError(raw)),
                        {}, detail);
    }
    return LapError(
        LapError::Kind::TtyConnect,
        QCoreApplication::translate("lap::TtyWording", "Cannot reach the sandbox at %1: %2.")
            .arg(where, cleanSocketError(raw)),
        unreachableHint, detail);
}

} // namespace lap
