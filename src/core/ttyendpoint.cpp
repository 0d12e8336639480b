// SPDX-License-Identifier: GPL-2.0-or-later
#include "ttyendpoint.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace lap {

namespace {

bool startsWithScheme(const QString &s, const char *scheme)
{
    return s.startsWith(QLatin1String(scheme), Qt::CaseInsensitive);
}

// http://… → ws://…, https://… → wss://…; anything else unchanged. Works on the string so that
// whatever the platform sent (port, path, odd encodings) survives untouched.
QString httpToWs(const QString &url)
{
    if (startsWithScheme(url, "https://"))
        return QStringLiteral("wss://") + url.mid(8);
    if (startsWithScheme(url, "http://"))
        return QStringLiteral("ws://") + url.mid(7);
    return url;
}

QString stripTrailingSlashes(QString s)
{
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    return s;
}

// A usable WebSocket URL: ws/wss with a host. Anything else falls through to the next rule.
QUrl wsUrl(const QString &text)
{
    const QUrl url(text, QUrl::TolerantMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")))
        return {};
    return url;
}

// Rule 1 for a relative tty_url (the normal in-cluster case): the path hangs off the platform
// base, keeping the base's own prefix (a platform served under https://host/lap/).
QUrl joinBase(const QUrl &base, const QString &path)
{
    if (!base.isValid() || base.host().isEmpty())
        return {};
    const QString root = stripTrailingSlashes(
        base.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment).toString(QUrl::FullyEncoded));
    const QString rel = path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path;
    return wsUrl(httpToWs(root) + rel);
}

} // namespace

TtyOverrides TtyOverrides::fromEnvironment()
{
    TtyOverrides o;
    o.fallbackUrl = qEnvironmentVariable("LAP_TTY_FALLBACK").trimmed();
    o.token = qEnvironmentVariable("LAP_TTY_TOKEN").trimmed();
    return o;
}

QUrl TtyTarget::urlWithToken() const
{
    if (token.isEmpty())
        return url;
    // Encoded by hand: QUrlQuery leaves '+' alone, which URLSearchParams on the harness would
    // read back as a space.
    const QByteArray pair = "token=" + QUrl::toPercentEncoding(token);
    QUrl u = url;
    const QString query = u.query(QUrl::FullyEncoded);
    const QString joined = query.isEmpty() ? QString::fromLatin1(pair)
                                           : query + QLatin1Char('&') + QString::fromLatin1(pair);
    u.setQuery(joined, QUrl::StrictMode);
    return u;
}

QNetworkRequest TtyTarget::request() const
{
    QNetworkRequest req(urlWithToken());
    // Both header and query: load balancers strip headers on upgrade, and when the header does
    // arrive it wins over the query (docs/platform-api.md §2).
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    return req;
}

Result<TtyTarget> deriveTtyTarget(const Session &session, const QUrl &base,
                                  const TtyOverrides &overrides)
{
    TtyTarget target;
    target.token = !session.ttyToken.isEmpty() ? session.ttyToken : overrides.token;

    const QString ttyUrl = session.ttyUrl.trimmed();
    if (!ttyUrl.isEmpty()) {
        if (startsWithScheme(ttyUrl, "ws://") || startsWithScheme(ttyUrl, "wss://")) {
            target.url = wsUrl(ttyUrl);
        } else if (startsWithScheme(ttyUrl, "http://") || startsWithScheme(ttyUrl, "https://")) {
            target.url = wsUrl(httpToWs(ttyUrl));
        } else {
            target.url = joinBase(base, ttyUrl);
        }
        if (target.url.isValid())
            return Result<TtyTarget>::success(target);
    }

    const QString sandboxUrl = session.sandboxUrl.trimmed();
    const bool inCluster =
        sandboxUrl.contains(QLatin1String(".svc.cluster.local"), Qt::CaseInsensitive);
    if (!sandboxUrl.isEmpty() && !inCluster) {
        target.url = wsUrl(stripTrailingSlashes(httpToWs(sandboxUrl)) + QLatin1String("/tty"));
        if (target.url.isValid())
            return Result<TtyTarget>::success(target);
    }

    const QString fallback = overrides.fallbackUrl.trimmed();
    if (!fallback.isEmpty()) {
        target.url = wsUrl(httpToWs(fallback));
        target.usedFallback = true;
        if (target.url.isValid())
            return Result<TtyTarget>::success(target);
        // The query is left out of the message: a hand-made fallback may carry a token.
        const QString shown =
            QUrl(fallback, QUrl::TolerantMode).toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
        return Result<TtyTarget>::failure(
            LapError(LapError::Kind::NoTtyUrl,
                     QCoreApplication::translate(
                         "lap", "The TTY fallback URL '%1' is not a ws:// or wss:// URL.")
                         .arg(shown),
                     QCoreApplication::translate("lap", "Set it to ws://host:port/tty.")));
    }

    const QString hint = QCoreApplication::translate(
        "lap", "Upgrade the platform, or set a TTY fallback URL (ws://host:port/tty) in Settings "
               "or in LAP_TTY_FALLBACK.");
    if (inCluster) {
        return Result<TtyTarget>::failure(LapError(
            LapError::Kind::NoTtyUrl,
            QCoreApplication::translate("lap", "session.sandbox_url is in-cluster (%1) and "
                                               "the platform did not return a tty_url.")
                .arg(sandboxUrl),
            hint));
    }
    return Result<TtyTarget>::failure(
        LapError(LapError::Kind::NoTtyUrl,
                 QCoreApplication::translate(
                     "lap", "The platform returned neither a tty_url nor a reachable sandbox_url."),
                 hint));
}

Result<ResumeArgument> parseResumeArgument(const QString &arg)
{
    const QString text = arg.trimmed();
    static const QRegularExpression sessionUrl(
        QStringLiteral("^(https?://[^/]+(?:/[^/?#]+)*?)/sessions/([0-9a-f-]{36})(?:[/?#].*)?$"),
        QRegularExpression::CaseInsensitiveOption);

    ResumeArgument out;
    // Ids are lower-case on the platform; a pasted upper-case id must still find the row.
    if (looksLikeUuid(text)) {
        out.sessionId = text.toLower();
        return Result<ResumeArgument>::success(out);
    }
    const QRegularExpressionMatch m = sessionUrl.match(text);
    if (m.hasMatch()) {
        const QUrl base(stripTrailingSlashes(m.captured(1)), QUrl::TolerantMode);
        if (base.isValid() && !base.host().isEmpty()) {
            out.sessionId = m.captured(2).toLower();
            out.baseOverride = base;
            return Result<ResumeArgument>::success(out);
        }
    }
    return Result<ResumeArgument>::failure(LapError(
        LapError::Kind::Usage, QCoreApplication::translate(
                                   "lap", "'%1' is not a session id or a <base>/sessions/<id> URL.")
                                   .arg(text)));
}

} // namespace lap
