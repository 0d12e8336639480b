// SPDX-License-Identifier: GPL-2.0-or-later
#include "replyerrors.h"
#include "plural.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonParseError>
#include <QPair>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

// Every text here is translated in the one context "lap::ReplyErrors".

namespace lap {

namespace {

const int kExcerptChars = 120;
const int kNamesListed = 8;
const int kIssuesListed = 3;
const qint64 kMaxRetryAfterMs = 3600 * 1000;

QString moreSuffix(int more)
{
    return QCoreApplication::translate("lap::ReplyErrors", "(+%1 more)").arg(more);
}

QString originText(const QUrl &url)
{
    QString s = url.scheme() + QLatin1String("://") + url.host();
    if (url.port() != -1)
        s += QLatin1Char(':') + QString::number(url.port());
    return s;
}

QString excerpt(const QByteArray &body, int chars)
{
    return QString::fromUtf8(body).simplified().left(chars);
}

// Proxies, load balancers and captive portals answer with HTML pages; their markup says
// nothing to a user, their title usually does ("502 Bad Gateway").
bool looksLikeHtml(const QString &contentType, const QByteArray &body)
{
    if (contentType.contains(QLatin1String("html"), Qt::CaseInsensitive))
        return true;
    const QByteArray head = body.left(256).trimmed().toLower();
    return head.startsWith("<!doctype html") || head.startsWith("<html");
}

QString htmlText(QString html)
{
    static const QRegularExpression hidden(QStringLiteral("<(script|style)\\b.*?</\\1\\s*>"),
                                           QRegularExpression::CaseInsensitiveOption |
                                               QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    html.remove(hidden);
    html.replace(tag, QStringLiteral(" "));
    const QPair<const char *, const char *> entities[] = {{"&nbsp;", " "}, {"&lt;", "<"},
                                                          {"&gt;", ">"},   {"&quot;", "\""},
                                                          {"&#39;", "'"},  {"&amp;", "&"}};
    for (const auto &e : entities)
        html.replace(QLatin1String(e.first), QLatin1String(e.second));
    return html.simplified();
}

// The page's title, else its first heading, else its text; at most `chars` characters.
QString htmlSummary(const QByteArray &body, int chars)
{
    static const QRegularExpression title(QStringLiteral("<title[^>]*>(.*?)</title>"),
                                          QRegularExpression::CaseInsensitiveOption |
                                              QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression heading(QStringLiteral("<h1[^>]*>(.*?)</h1>"),
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::DotMatchesEverythingOption);
    const QString html = QString::fromUtf8(body.left(64 * 1024));
    for (const QRegularExpression *re : {&title, &heading}) {
        const QString text = htmlText(re->match(html).captured(1));
        if (!text.isEmpty())
            return text.left(chars);
    }
    return htmlText(html).left(chars);
}

// What of a body is worth quoting in a message: an HTML page's summary, else the start.
QString bodyExcerpt(const QString &contentType, const QByteArray &body, int chars)
{
    return looksLikeHtml(contentType, body) ? htmlSummary(body, chars) : excerpt(body, chars);
}

// "path.to.field: message" for one zod issue.
QString formatIssue(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (!v.isObject())
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
    const QJsonObject o = v.toObject();
    QStringList path;
    const QJsonArray parts = o.value(QLatin1String("path")).toArray();
    for (const QJsonValue &p : parts)
        path << (p.isDouble() ? QString::number(qint64(p.toDouble())) : p.toString());
    QString msg = o.value(QLatin1String("message")).toString();
    if (msg.isEmpty())
        msg = o.value(QLatin1String("code")).toString();
    msg = withoutFinalPeriod(msg);
    return path.isEmpty() ? msg : path.join(QLatin1Char('.')) + QLatin1String(": ") + msg;
}

QString formatIssues(const QJsonArray &issues)
{
    QStringList shown;
    for (int i = 0; i < issues.size() && i < kIssuesListed; ++i)
        shown << formatIssue(issues.at(i));
    QString s = shown.join(QLatin1String("; "));
    if (issues.size() > kIssuesListed)
        s += QLatin1Char(' ') + moreSuffix(issues.size() - kIssuesListed);
    return s;
}

// The `error` member of a {"error": X} body; undefined when the body is not such an object.
QJsonValue bodyError(const QByteArray &body)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return QJsonValue(QJsonValue::Undefined);
    return doc.object().value(QLatin1String("error"));
}

// A short human text for a nested error object (rare, docs/platform-api.md §3): its message, else compact JSON.
QString describeErrorValue(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isArray())
        return formatIssues(v.toArray());
    if (v.isObject()) {
        const QString msg = v.toObject().value(QLatin1String("message")).toString();
        if (!msg.isEmpty())
            return msg;
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact))
            .left(kExcerptChars);
    }
    return QString();
}

QString checkPlatformUrlHint()
{
    return QCoreApplication::translate(
        "lap::ReplyErrors", "Check that the platform URL points to a LiteLLM Agent Platform.");
}

QString overloadedHint()
{
    return QCoreApplication::translate(
        "lap::ReplyErrors", "The platform or a proxy in between may be overloaded; try again.");
}

// A status outside 2xx: the platform's (or a proxy's) answer in words.
LapError httpStatusError(const ReplyFacts &facts, const QByteArray &body, const ReplyContext &cx,
                         const QString &where)
{
    const int status = facts.httpStatus;
    const QString &action = cx.action;
    const QString detail = where + QStringLiteral(" → HTTP ") + QString::number(status) +
                           QLatin1Char('\n') + excerpt(body, 2000);
    const QJsonValue errorValue = bodyError(body);
    const QString code = QString::number(status);
    const int retryMs = retryAfterMs(facts.retryAfter, cx.now);
    // A reason from the body, else the start of the body, without a final period.
    auto reason = [&]() {
        QString what = withoutFinalPeriod(describeErrorValue(errorValue));
        if (what.isEmpty())
            what = withoutFinalPeriod(bodyExcerpt(facts.contentType, body, kExcerptChars));
        return what;
    };
    if (status == 429) {
        LapError e(
            LapError::Kind::Server,
            QCoreApplication::translate(
                "lap::ReplyErrors", "%1 failed: %2 is limiting the rate of requests (HTTP 429).")
                .arg(action, cx.base),
            retryMs > 0
                ? QCoreApplication::translate("lap::ReplyErrors", "Wait %1 s and try again.")
                      .arg((retryMs + 999) / 1000)
                : QCoreApplication::translate("lap::ReplyErrors", "Wait a moment and try again."),
            detail, status);
        e.retryAfterMs = retryMs;
        return e;
    }
    if (status == 401 || status == 403) {
        return LapError(LapError::Kind::Auth,
                        QCoreApplication::translate(
                            "lap::ReplyErrors", "%1 failed: master key rejected by %2 (HTTP %3).")
                            .arg(action, cx.base, code),
                        QCoreApplication::translate("lap::ReplyErrors",
                                                    "Sign in again with a valid master key."),
                        detail, status);
    }
    if (status == 404) {
        QString what = withoutFinalPeriod(describeErrorValue(errorValue));
        if (what.isEmpty())
            what = QCoreApplication::translate("lap::ReplyErrors", "not found");
        return LapError(LapError::Kind::NotFound,
                        QCoreApplication::translate("lap::ReplyErrors", "%1 failed: %2 (HTTP %3).")
                            .arg(action, what, code),
                        QString(), detail, status);
    }
    if (status == 400) {
        const QString what = reason();
        const QString msg =
            what.isEmpty()
                ? QCoreApplication::translate(
                      "lap::ReplyErrors", "%1 failed: the platform rejected the request (HTTP %2).")
                      .arg(action, code)
                : QCoreApplication::translate(
                      "lap::ReplyErrors",
                      "%1 failed: the platform rejected the request (HTTP %2): %3.")
                      .arg(action, code, what);
        return LapError(LapError::Kind::BadRequest, msg, QString(), detail, status);
    }
    if (status == 409) {
        QString what = reason();
        if (what.isEmpty())
            what = QCoreApplication::translate("lap::ReplyErrors", "conflict");
        return LapError(LapError::Kind::Conflict,
                        QCoreApplication::translate("lap::ReplyErrors", "%1 failed: %2 (HTTP %3).")
                            .arg(action, what, code),
                        QString(), detail, status);
    }
    const QString what = errorValue.isString()
                             ? errorValue.toString().simplified()
                             : bodyExcerpt(facts.contentType, body, kExcerptChars);
    const QString msg =
        what.isEmpty()
            ? QCoreApplication::translate("lap::ReplyErrors", "%1 failed: server error (HTTP %2).")
                  .arg(action, code)
            : QCoreApplication::translate("lap::ReplyErrors",
                                          "%1 failed: server error (HTTP %2): %3")
                  .arg(action, code, what);
    LapError e(LapError::Kind::Server, msg,
               QCoreApplication::translate("lap::ReplyErrors",
                                           "The platform had a problem; try again in a moment."),
               detail, status);
    e.retryAfterMs = retryMs;
    return e;
}

} // namespace

int retryAfterMs(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return 0;
    bool isNumber = false;
    const qlonglong seconds = v.toLongLong(&isNumber);
    qint64 ms = 0;
    if (isNumber) {
        ms = seconds <= 0                        ? 0
             : seconds > kMaxRetryAfterMs / 1000 ? kMaxRetryAfterMs
                                                 : seconds * 1000;
    } else {
        // An HTTP date; Qt 6 reads "+0000" but not the "GMT" that HTTP prescribes.
        QString text = QString::fromLatin1(v);
        if (text.endsWith(QLatin1String(" GMT")))
            text = text.chopped(4) + QLatin1String(" +0000");
        const QDateTime when = QDateTime::fromString(text, Qt::RFC2822Date);
        if (!when.isValid())
            return 0;
        ms = now.msecsTo(when);
    }
    return int(std::clamp<qint64>(ms, 0, kMaxRetryAfterMs));
}

LapError replyError(const ReplyFacts &facts, const QByteArray &body, const ReplyContext &cx)
{
    const QString &action = cx.action;
    const QString &base = cx.base;
    const QNetworkReply::NetworkError err = facts.error;
    const int status = facts.httpStatus;
    const QString where = QString::fromLatin1(facts.verb) + QLatin1Char(' ') +
                          facts.url.toString(QUrl::RemoveUserInfo);

    if (err == QNetworkReply::InsecureRedirectError) {
        const QUrl &target = facts.redirectTarget;
        return LapError(LapError::Kind::Protocol,
                        QCoreApplication::translate("lap::ReplyErrors",
                                                    "%1 failed: %2 redirected to another site "
                                                    "(%3); the master key was not sent there.")
                            .arg(action, base, originText(target)),
                        QCoreApplication::translate(
                            "lap::ReplyErrors",
                            "If that site is the platform, use its address as the platform URL."),
                        where + QStringLiteral(" → ") +
                            target.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery),
                        status);
    }

    if (facts.abort == ReplyFacts::Abort::TooLarge) {
        return LapError(
            LapError::Kind::Protocol,
            QCoreApplication::translate(
                "lap::ReplyErrors",
                "%1 failed: the reply from %2 is larger than %3 MB, so it was not read.")
                .arg(action, base, QString::number(kMaxReplyBytes / (1024 * 1024))),
            checkPlatformUrlHint(), where, status);
    }
    if (facts.abort == ReplyFacts::Abort::TooSlow) {
        return LapError(
            LapError::Kind::Timeout,
            QCoreApplication::translate(
                "lap::ReplyErrors",
                "%1 failed: %2 sent its reply too slowly (not complete after %3 s).")
                .arg(action, base, secondsText(kReplyDeadlineFactor * cx.requestTimeoutMs)),
            overloadedHint(), where, status);
    }

    // The client's own aborts never get here (the call disconnects first), so a cancelled reply
    // is the transfer timeout firing: after the headers, or before any answer.
    const bool timedOut =
        err == QNetworkReply::OperationCanceledError || err == QNetworkReply::TimeoutError;
    if (timedOut && status != 0) {
        return LapError(LapError::Kind::Timeout,
                        QCoreApplication::translate(
                            "lap::ReplyErrors",
                            "%1 failed: %2 stopped sending its reply (nothing more for %3 s).")
                            .arg(action, base, secondsText(cx.requestTimeoutMs)),
                        overloadedHint(), where, status);
    }
    if (timedOut) {
        return LapError(
            LapError::Kind::Timeout,
            QCoreApplication::translate("lap::ReplyErrors",
                                        "%1 failed: %2 did not answer within %3 s.")
                .arg(action, base, secondsText(cx.requestTimeoutMs)),
            QCoreApplication::translate(
                "lap::ReplyErrors", "The platform may be overloaded or unreachable; try again."),
            where);
    }

    if (err == QNetworkReply::SslHandshakeFailedError) {
        const QString why = facts.sslErrors.isEmpty() ? facts.errorString : facts.sslErrors;
        return LapError(LapError::Kind::Tls,
                        QCoreApplication::translate("lap::ReplyErrors",
                                                    "%1 failed: TLS error talking to %2 (%3).")
                            .arg(action, base, why),
                        QCoreApplication::translate(
                            "lap::ReplyErrors",
                            "Check the server certificate, or choose its CA file in Settings."),
                        where + QLatin1String(": ") + facts.errorString);
    }

    if (status != 0 && (status < 200 || status > 299))
        return httpStatusError(facts, body, cx, where);

    if (err != QNetworkReply::NoError) {
        return LapError(
            LapError::Kind::Network,
            QCoreApplication::translate("lap::ReplyErrors", "%1 failed: cannot reach %2 (%3).")
                .arg(action, base, facts.errorString),
            QCoreApplication::translate("lap::ReplyErrors",
                                        "Check the platform URL and that the platform is running."),
            where + QLatin1String(": ") + facts.errorString + QLatin1String(" (error ") +
                QString::number(int(err)) + QLatin1Char(')'));
    }
    return LapError();
}

LapError protocolError(const QString &action, const QString &what)
{
    return LapError(
        LapError::Kind::Protocol,
        QCoreApplication::translate("lap::ReplyErrors",
                                    "%1 failed: the platform sent an unexpected reply (%2).")
            .arg(action, what),
        checkPlatformUrlHint());
}

Result<QJsonDocument> jsonReply(const QString &contentType, const QByteArray &body,
                                const QString &action)
{
    if (body.trimmed().isEmpty())
        return Result<QJsonDocument>::failure(protocolError(
            action, QCoreApplication::translate("lap::ReplyErrors", "the reply is empty")));
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &perr);
    if (perr.error == QJsonParseError::NoError)
        return Result<QJsonDocument>::success(doc);
    QString why;
    // A 200 HTML page is a proxy's or captive portal's, not the platform's.
    if (looksLikeHtml(contentType, body)) {
        const QString page = withoutFinalPeriod(htmlSummary(body, kExcerptChars));
        why = page.isEmpty()
                  ? QCoreApplication::translate("lap::ReplyErrors", "an HTML page instead of JSON")
                  : QCoreApplication::translate("lap::ReplyErrors",
                                                "an HTML page instead of JSON: %1")
                        .arg(page);
    } else {
        why = QCoreApplication::translate("lap::ReplyErrors",
                                          "the reply is not JSON: %1 at offset %2")
                  .arg(perr.errorString(), QString::number(perr.offset));
    }
    return Result<QJsonDocument>::failure(protocolError(action, why));
}

LapError notAnObjectError(const QString &action)
{
    return protocolError(action, QCoreApplication::translate("lap::ReplyErrors",
                                                             "the reply should be a JSON object"));
}

LapError agentNameNotFound(const QString &name, const QString &base,
                           const Result<AgentPage> &firstPage)
{
    const QString hint = QCoreApplication::translate(
        "lap::ReplyErrors", "Check the spelling (names are case-sensitive) or use the agent's id.");
    if (!firstPage.ok()) {
        // The name is known to be missing; failing to list the others only loses the list.
        return LapError(
            LapError::Kind::NotFound,
            QCoreApplication::translate("lap::ReplyErrors", "No agent named '%1' on %2.")
                .arg(name, base),
            hint);
    }
    const AgentPage &page = firstPage.value;
    const int total = std::max(page.total, int(page.agents.size()));
    if (total == 0) {
        return LapError(
            LapError::Kind::NotFound,
            QCoreApplication::translate("lap::ReplyErrors",
                                        "No agent named '%1' on %2 — the platform has no agents.")
                .arg(name, base),
            QCoreApplication::translate("lap::ReplyErrors",
                                        "Create an agent on the platform first."));
    }
    QStringList names;
    for (int i = 0; i < page.agents.size() && i < kNamesListed; ++i)
        names << page.agents.at(i).displayName();
    QString list = names.join(QLatin1String(", "));
    if (total > names.size())
        list += QLatin1Char(' ') + moreSuffix(total - names.size());
    const QString available =
        plural("lap::ReplyErrors", QT_TRANSLATE_N_NOOP("lap::ReplyErrors", "%n agent(s) available"),
               total);
    return LapError(
        LapError::Kind::NotFound,
        QCoreApplication::translate("lap::ReplyErrors", "No agent named '%1' on %2 — %3: %4.")
            .arg(name, base, available, list),
        hint);
}

LapError emptyAgentNameError()
{
    return LapError(LapError::Kind::Usage,
                    QCoreApplication::translate("lap::ReplyErrors", "Enter an agent name or id."));
}

} // namespace lap
