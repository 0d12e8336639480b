// SPDX-License-Identifier: GPL-2.0-or-later
#include "platformclient.h"
#include "catrust.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QTimer>

#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#include <QSslError>
#endif

#include <algorithm>
#include <limits>

namespace lap {

namespace {

const char kApiPrefix[] = "/api/v1/managed_agents";
const int kPageLimit = 200; // the server's maximum page size
const int kExcerptChars = 120;
const int kNamesListed = 8;
const int kIssuesListed = 3;
const char kSslErrorsProperty[] = "lapSslErrors";
// Why send()'s guards aborted a reply: "size" (over kMaxReplyBytes) or "slow" (deadline).
const char kAbortReasonProperty[] = "lapAbortReason";
// A reply must be complete within this many transfer timeouts (see PlatformConfig).
const int kDeadlineFactor = 4;
const qint64 kMaxRetryAfterMs = 3600 * 1000;

// Qt substitutes %n but, without a loaded translation, leaves "agent(s)" as it is; resolve the
// English plural here so an untranslated build still reads "1 agent available".
QString plural(const char *text, int n)
{
    QString s = QCoreApplication::translate("lap", text, nullptr, n);
    s.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    return s;
}

QString moreSuffix(int more)
{
    return QCoreApplication::translate("lap", "(+%1 more)").arg(more);
}

QString originText(const QUrl &url)
{
    QString s = url.scheme() + QLatin1String("://") + url.host();
    if (url.port() != -1)
        s += QLatin1Char(':') + QString::number(url.port());
    return s;
}

QString segment(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

QString verbOf(const QNetworkReply *reply)
{
    switch (reply->operation()) {
    case QNetworkAccessManager::GetOperation:
        return QStringLiteral("GET");
    case QNetworkAccessManager::PostOperation:
        return QStringLiteral("POST");
    case QNetworkAccessManager::PutOperation:
        return QStringLiteral("PUT");
    case QNetworkAccessManager::DeleteOperation:
        return QStringLiteral("DELETE");
    case QNetworkAccessManager::HeadOperation:
        return QStringLiteral("HEAD");
    default:
        return QString::fromLatin1(
            reply->request().attribute(QNetworkRequest::CustomVerbAttribute).toByteArray());
    }
}

QString excerpt(const QByteArray &body, int chars)
{
    return QString::fromUtf8(body).simplified().left(chars);
}

// Proxies, load balancers and captive portals answer with HTML pages; their markup says
// nothing to a user, their title usually does ("502 Bad Gateway").
bool looksLikeHtml(const QNetworkReply *reply, const QByteArray &body)
{
    if (reply->header(QNetworkRequest::ContentTypeHeader)
            .toString()
            .contains(QLatin1String("html"), Qt::CaseInsensitive))
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
QString bodyExcerpt(const QNetworkReply *reply, const QByteArray &body, int chars)
{
    return looksLikeHtml(reply, body) ? htmlSummary(body, chars) : excerpt(body, chars);
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

// A short human text for a nested error object (rare, §3): its message, else compact JSON.
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

LapError protocolError(const QString &action, const QString &what)
{
    return LapError(
        LapError::Kind::Protocol,
        QCoreApplication::translate("lap", "%1 failed: the platform sent an unexpected reply (%2).")
            .arg(action, what),
        QCoreApplication::translate(
            "lap", "Check that the platform URL points to a LiteLLM Agent Platform."));
}

// Body to a JSON document, or the reason it is none.
bool parseJson(const QByteArray &body, QJsonDocument *doc, QString *why)
{
    if (body.trimmed().isEmpty()) {
        *why = QCoreApplication::translate("lap", "the reply is empty");
        return false;
    }
    QJsonParseError perr;
    *doc = QJsonDocument::fromJson(body, &perr);
    if (perr.error != QJsonParseError::NoError) {
        *why = QCoreApplication::translate("lap", "the reply is not JSON: %1 at offset %2")
                   .arg(perr.errorString(), QString::number(perr.offset));
        return false;
    }
    return true;
}

template<class T>
Result<T> objectTo(const QJsonDocument &doc, const QString &action,
                   Result<T> (*fromJson)(const QJsonObject &))
{
    if (!doc.isObject())
        return Result<T>::failure(protocolError(
            action, QCoreApplication::translate("lap", "the reply should be a JSON object")));
    Result<T> r = fromJson(doc.object());
    if (!r.ok())
        return Result<T>::failure(protocolError(action, r.error.message));
    return r;
}

// The parser of a reply that is one JSON object read by T::fromJson.
template<class T>
std::function<Result<T>(const QJsonDocument &)> objectParser(const QString &action)
{
    return [action](const QJsonDocument &doc) {
        return objectTo<T>(doc, action, &T::fromJson);
    };
}

} // namespace

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    auto defaultPort = [](const QUrl &u) {
        return u.scheme() == QLatin1String("https") ? 443 : 80;
    };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(defaultPort(a)) == b.port(defaultPort(b));
}

bool PlatformConfig::needsKeyConsent() const
{
    return !masterKey.isEmpty() && !sameOrigin(baseUrl, keyOrigin());
}

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

QUrl normalizeBaseUrl(const QString &text, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return QUrl();
    };
    // The messages never quote the text: it may hold a password typed as user:pass@host.
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return fail(QCoreApplication::translate(
            "lap", "Enter the platform URL, for example https://lap.example.com."));
    QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return fail(QCoreApplication::translate(
            "lap", "The platform URL must start with http:// or https://."));
    if (url.host().isEmpty())
        return fail(QCoreApplication::translate("lap", "The platform URL has no host name."));
    if (!url.userInfo().isEmpty())
        return fail(QCoreApplication::translate(
            "lap", "The platform URL must not contain a user name or password."));
    if (url.hasQuery() || url.hasFragment())
        return fail(
            QCoreApplication::translate("lap", "The platform URL must not contain '?' or '#'."));
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path, QUrl::TolerantMode);
    if (error)
        error->clear();
    return url;
}

// ---------------------------------------------------------------------------------------------

PlatformCall::PlatformCall(QObject *parent) : QObject(parent) {}

PlatformCall::~PlatformCall()
{
    dropReply();
}

void PlatformCall::abort()
{
    if (m_aborted || m_finished)
        return;
    m_aborted = true;
    dropReply();
    deleteLater();
}

void PlatformCall::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    // Disconnect first: abort() emits finished() synchronously.
    disconnect(reply, nullptr, this, nullptr);
    reply->abort();
    reply->deleteLater();
}

void PlatformCall::watch(QNetworkReply *reply, Handler handler)
{
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, handler]() {
        if (m_reply != reply)
            return;
        m_reply = nullptr;
        // An aborted (timed-out) reply is closed; reading it only prints a warning.
        const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
        reply->deleteLater();
        if (m_aborted || m_finished)
            return;
        handler(reply, body);
    });
}

void PlatformCall::deliver(const std::function<void()> &callback)
{
    if (m_aborted || m_finished)
        return;
    m_finished = true;
    dropReply();
    // The callback may delete the client, and with it this call.
    QPointer<PlatformCall> self(this);
    if (callback)
        callback();
    if (!self)
        return;
    emit finished();
    if (self)
        deleteLater();
}

// ---------------------------------------------------------------------------------------------

PlatformClient::PlatformClient(QNetworkAccessManager *nam, PlatformConfig config, QObject *parent)
    : QObject(parent), m_nam(nam), m_config(std::move(config))
{}

QString PlatformClient::baseText() const
{
    return m_config.baseUrl.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

PlatformCall *PlatformClient::newCall()
{
    // Parented to the client: destroying the client destroys its calls, which abort their
    // replies, so no callback can outlive the client.
    return new PlatformCall(this);
}

QNetworkReply *PlatformClient::send(const QByteArray &verb, const QString &path,
                                    const QueryItems &query, const QByteArray &body,
                                    const QString &action, LapError *error,
                                    const QByteArray &accept)
{
    const QUrl &base = m_config.baseUrl;
    const QString scheme = base.scheme().toLower();
    if (!base.isValid() || base.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        *error = LapError(
            LapError::Kind::Config,
            QCoreApplication::translate("lap", "%1 failed: no platform URL is set.").arg(action),
            tr("Sign in with the platform URL and master key."));
        return nullptr;
    }

    QUrl url = base;
    url.setUserInfo(QString());
    url.setFragment(QString());
    QString basePath = base.path(QUrl::FullyEncoded);
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + QLatin1String(kApiPrefix) + path, QUrl::TolerantMode);
    // Built by hand: QUrlQuery leaves '+' alone, which the server's URLSearchParams reads as a
    // space, so a search for "c++" would find the wrong agents.
    QStringList pairs;
    for (const auto &item : query)
        pairs << segment(item.first) + QLatin1Char('=') + segment(item.second);
    if (pairs.isEmpty())
        url.setQuery(QString());
    else
        url.setQuery(pairs.join(QLatin1Char('&')), QUrl::TolerantMode);

    QNetworkRequest req(url);
    req.setRawHeader("Accept", accept);
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("lap-desktop/" LAP_VERSION));
    if (!body.isNull())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    // Same origin only: Qt copies our headers onto a followed redirect, and the master key must
    // never reach another site. A cross-origin redirect ends as InsecureRedirectError instead.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::SameOriginRedirectPolicy);
    if (m_config.requestTimeoutMs > 0)
        req.setTransferTimeout(m_config.requestTimeoutMs);
    // The URL is built from baseUrl, so only the key's own origin needs checking: a session
    // link from another platform must not carry this key there.
    if (!m_config.masterKey.isEmpty() && sameOrigin(url, m_config.keyOrigin()))
        req.setRawHeader("Authorization", "Bearer " + m_config.masterKey.toUtf8());

#if QT_CONFIG(ssl)
    if (scheme == QLatin1String("https") && !m_config.caFile.isEmpty()) {
        const Result<QSslConfiguration> ssl = sslConfigurationTrusting(m_config.caFile, action);
        if (!ssl.ok()) {
            *error = ssl.error;
            return nullptr;
        }
        req.setSslConfiguration(ssl.value);
    }
#endif

    QNetworkReply *reply = nullptr;
    if (verb == "GET")
        reply = m_nam->get(req);
    else if (verb == "POST")
        reply = m_nam->post(req, body);
    else if (verb == "DELETE")
        reply = m_nam->deleteResource(req);
    else
        reply = m_nam->sendCustomRequest(req, verb, body);

#if QT_CONFIG(ssl)
    // errorString() after a failed handshake is generic; keep the certificate problems.
    connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        texts.removeDuplicates();
        reply->setProperty(kSslErrorsProperty, texts.join(QLatin1String("; ")));
    });
#endif

    // A hostile or broken server must not make us buffer without limit, nor keep a call open
    // forever by dripping a byte at a time (the transfer timeout only sees "no progress").
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64 total) {
        if (received > kMaxReplyBytes || total > kMaxReplyBytes) {
            reply->setProperty(kAbortReasonProperty, QByteArrayLiteral("size"));
            reply->abort();
        }
    });
    if (m_config.requestTimeoutMs > 0) {
        auto *deadline = new QTimer(reply);
        deadline->setSingleShot(true);
        connect(deadline, &QTimer::timeout, reply, [reply]() {
            if (reply->isFinished())
                return;
            reply->setProperty(kAbortReasonProperty, QByteArrayLiteral("slow"));
            reply->abort();
        });
        deadline->start(int(std::min<qint64>(qint64(kDeadlineFactor) * m_config.requestTimeoutMs,
                                             std::numeric_limits<int>::max())));
    }
    return reply;
}

LapError PlatformClient::errorForReply(QNetworkReply *reply, const QByteArray &body,
                                       const QString &action) const
{
    const QString base = baseText();
    const QNetworkReply::NetworkError err = reply->error();
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttr.isValid() ? statusAttr.toInt() : 0;
    const QString where =
        verbOf(reply) + QLatin1Char(' ') + reply->url().toString(QUrl::RemoveUserInfo);

    if (err == QNetworkReply::InsecureRedirectError) {
        QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        if (target.isEmpty())
            target = QUrl::fromEncoded(reply->rawHeader("Location"));
        target = reply->url().resolved(target);
        return LapError(LapError::Kind::Protocol,
                        QCoreApplication::translate("lap",
                                                    "%1 failed: %2 redirected to another site "
                                                    "(%3); the master key was not sent there.")
                            .arg(action, base, originText(target)),
                        tr("If that site is the platform, use its address as the platform URL."),
                        where + QStringLiteral(" → ") +
                            target.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery),
                        status);
    }

    const QByteArray abortReason = reply->property(kAbortReasonProperty).toByteArray();
    if (abortReason == "size") {
        return LapError(
            LapError::Kind::Protocol,
            QCoreApplication::translate(
                "lap", "%1 failed: the reply from %2 is larger than %3 MB, so it was not read.")
                .arg(action, base, QString::number(kMaxReplyBytes / (1024 * 1024))),
            QCoreApplication::translate(
                "lap", "Check that the platform URL points to a LiteLLM Agent Platform."),
            where, status);
    }
    if (abortReason == "slow") {
        return LapError(
            LapError::Kind::Timeout,
            QCoreApplication::translate(
                "lap", "%1 failed: %2 sent its reply too slowly (not complete after %3 s).")
                .arg(action, base, secondsText(kDeadlineFactor * m_config.requestTimeoutMs)),
            tr("The platform or a proxy in between may be overloaded; try again."), where, status);
    }

    // Our own aborts never get here (the call disconnects first), so a cancelled reply is the
    // transfer timeout firing.
    if ((err == QNetworkReply::OperationCanceledError || err == QNetworkReply::TimeoutError) &&
        status != 0) {
        return LapError(
            LapError::Kind::Timeout,
            QCoreApplication::translate(
                "lap", "%1 failed: %2 stopped sending its reply (nothing more for %3 s).")
                .arg(action, base, secondsText(m_config.requestTimeoutMs)),
            tr("The platform or a proxy in between may be overloaded; try again."), where, status);
    }
    if (err == QNetworkReply::OperationCanceledError || err == QNetworkReply::TimeoutError) {
        return LapError(
            LapError::Kind::Timeout,
            QCoreApplication::translate("lap", "%1 failed: %2 did not answer within %3 s.")
                .arg(action, base, secondsText(m_config.requestTimeoutMs)),
            tr("The platform may be overloaded or unreachable; try again."), where);
    }

    if (err == QNetworkReply::SslHandshakeFailedError) {
        QString why = reply->property(kSslErrorsProperty).toString();
        if (why.isEmpty())
            why = reply->errorString();
        return LapError(
            LapError::Kind::Tls,
            QCoreApplication::translate("lap", "%1 failed: TLS error talking to %2 (%3).")
                .arg(action, base, why),
            tr("Check the server certificate, or choose its CA file in Settings."),
            where + QLatin1String(": ") + reply->errorString());
    }

    if (status != 0 && (status < 200 || status > 299)) {
        const QString detail = where + QStringLiteral(" → HTTP ") + QString::number(status) +
                               QLatin1Char('\n') + excerpt(body, 2000);
        const QJsonValue errorValue = bodyError(body);
        const QString code = QString::number(status);
        const int retryMs =
            retryAfterMs(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
        if (status == 429) {
            LapError e(LapError::Kind::Server,
                       QCoreApplication::translate(
                           "lap", "%1 failed: %2 is limiting the rate of requests (HTTP 429).")
                           .arg(action, base),
                       retryMs > 0
                           ? QCoreApplication::translate("lap", "Wait %1 s and try again.")
                                 .arg((retryMs + 999) / 1000)
                           : QCoreApplication::translate("lap", "Wait a moment and try again."),
                       detail, status);
            e.retryAfterMs = retryMs;
            return e;
        }
        if (status == 401 || status == 403) {
            return LapError(LapError::Kind::Auth,
                            QCoreApplication::translate(
                                "lap", "%1 failed: master key rejected by %2 (HTTP %3).")
                                .arg(action, base, code),
                            tr("Sign in again with a valid master key."), detail, status);
        }
        if (status == 404) {
            QString what = withoutFinalPeriod(describeErrorValue(errorValue));
            if (what.isEmpty())
                what = tr("not found");
            return LapError(LapError::Kind::NotFound,
                            QCoreApplication::translate("lap", "%1 failed: %2 (HTTP %3).")
                                .arg(action, what, code),
                            QString(), detail, status);
        }
        if (status == 400) {
            QString what = withoutFinalPeriod(describeErrorValue(errorValue));
            if (what.isEmpty())
                what = withoutFinalPeriod(bodyExcerpt(reply, body, kExcerptChars));
            const QString msg =
                what.isEmpty()
                    ? QCoreApplication::translate(
                          "lap", "%1 failed: the platform rejected the request (HTTP %2).")
                          .arg(action, code)
                    : QCoreApplication::translate(
                          "lap", "%1 failed: the platform rejected the request (HTTP %2): %3.")
                          .arg(action, code, what);
            return LapError(LapError::Kind::BadRequest, msg, QString(), detail, status);
        }
        if (status == 409) {
            QString what = withoutFinalPeriod(describeErrorValue(errorValue));
            if (what.isEmpty())
                what = withoutFinalPeriod(bodyExcerpt(reply, body, kExcerptChars));
            if (what.isEmpty())
                what = tr("conflict");
            return LapError(LapError::Kind::Conflict,
                            QCoreApplication::translate("lap", "%1 failed: %2 (HTTP %3).")
                                .arg(action, what, code),
                            QString(), detail, status);
        }
        const QString what = errorValue.isString() ? errorValue.toString().simplified()
                                                   : bodyExcerpt(reply, body, kExcerptChars);
        const QString msg =
            what.isEmpty()
                ? QCoreApplication::translate("lap", "%1 failed: server error (HTTP %2).")
                      .arg(action, code)
                : QCoreApplication::translate("lap", "%1 failed: server error (HTTP %2): %3")
                      .arg(action, code, what);
        LapError e(LapError::Kind::Server, msg,
                   tr("The platform had a problem; try again in a moment."), detail, status);
        e.retryAfterMs = retryMs;
        return e;
    }

    if (err != QNetworkReply::NoError) {
        return LapError(LapError::Kind::Network,
                        QCoreApplication::translate("lap", "%1 failed: cannot reach %2 (%3).")
                            .arg(action, base, reply->errorString()),
                        tr("Check the platform URL and that the platform is running."),
                        where + QLatin1String(": ") + reply->errorString() +
                            QLatin1String(" (error ") + QString::number(int(err)) +
                            QLatin1Char(')'));
    }
    return LapError();
}

void PlatformClient::step(PlatformCall *call, const QByteArray &verb, const QString &path,
                          const QueryItems &query, const QByteArray &body, const QString &action,
                          JsonHandler onJson, ErrorHandler onError)
{
    LapError error;
    QNetworkReply *reply = send(verb, path, query, body, action, &error);
    if (!reply) {
        // Queued so the callback never runs inside the call that asked for it; the call as
        // context drops it if the call is aborted or destroyed first.
        QMetaObject::invokeMethod(
            call,
            [call, error, onError]() {
                if (!call->m_aborted && !call->m_finished)
                    onError(error);
            },
            Qt::QueuedConnection);
        return;
    }
    call->watch(reply, [this, action, onJson, onError](QNetworkReply *r, const QByteArray &b) {
        const LapError e = errorForReply(r, b, action);
        if (e) {
            onError(e);
            return;
        }
        QJsonDocument doc;
        QString why;
        if (!parseJson(b, &doc, &why)) {
            // A 200 HTML page is a proxy's or captive portal's, not the platform's.
            if (looksLikeHtml(r, b) && !b.trimmed().isEmpty()) {
                const QString page = withoutFinalPeriod(htmlSummary(b, kExcerptChars));
                why = page.isEmpty()
                          ? QCoreApplication::translate("lap", "an HTML page instead of JSON")
                          : QCoreApplication::translate("lap", "an HTML page instead of JSON: %1")
                                .arg(page);
            }
            onError(protocolError(action, why));
            return;
        }
        onJson(doc);
    });
}

template<class T>
PlatformCall *PlatformClient::request(const QByteArray &verb, const QString &path,
                                      const QueryItems &query, const QByteArray &body,
                                      const QString &action,
                                      std::function<Result<T>(const QJsonDocument &)> parse,
                                      std::function<void(const Result<T> &)> done)
{
    PlatformCall *c = newCall();
    step(
        c, verb, path, query, body, action,
        [c, parse, done](const QJsonDocument &doc) {
            const Result<T> r = parse(doc);
            c->deliver([done, r]() { done(r); });
        },
        [c, done](const LapError &e) { c->deliver([done, e]() { done(Result<T>::failure(e)); }); });
    return c;
}

PlatformCall *PlatformClient::listAgents(const AgentQuery &query,
                                         std::function<void(const Result<AgentPage> &)> done)
{
    const QString action = tr("Listing agents");
    QueryItems items{
        {QStringLiteral("limit"), QString::number(std::clamp(query.limit, 1, kPageLimit))},
        {QStringLiteral("offset"), QString::number(std::max(0, query.offset))}};
    if (!query.search.isEmpty())
        items.append({QStringLiteral("search"), query.search});
    return request<AgentPage>("GET", QStringLiteral("/agents"), items, QByteArray(), action,
                              objectParser<AgentPage>(action), std::move(done));
}

void PlatformClient::pageAgents(PlatformCall *call, const QString &search, const QString &action,
                                std::shared_ptr<QList<Agent>> acc, int offset,
                                std::function<void(const QList<Agent> &)> onDone,
                                ErrorHandler onError)
{
    QueryItems items{{QStringLiteral("limit"), QString::number(kPageLimit)},
                     {QStringLiteral("offset"), QString::number(offset)}};
    if (!search.isEmpty())
        items.append({QStringLiteral("search"), search});
    step(
        call, "GET", QStringLiteral("/agents"), items, QByteArray(), action,
        [this, call, search, action, acc, offset, onDone, onError](const QJsonDocument &doc) {
            const Result<AgentPage> page = objectTo<AgentPage>(doc, action, &AgentPage::fromJson);
            if (!page.ok()) {
                onError(page.error);
                return;
            }
            // Rows can shift between pages while agents are created; keep each id once, and
            // treat a page with nothing new as the end so a server that ignores `offset`
            // cannot keep us paging forever.
            QSet<QString> known;
            for (const Agent &a : *acc)
                known.insert(a.id);
            int added = 0;
            for (const Agent &a : page.value.agents) {
                if (known.contains(a.id))
                    continue;
                known.insert(a.id);
                acc->append(a);
                ++added;
            }
            const int next = offset + page.value.agents.size();
            if (page.value.agents.isEmpty() || added == 0 || next >= page.value.total) {
                onDone(*acc);
                return;
            }
            pageAgents(call, search, action, acc, next, onDone, onError);
        },
        onError);
}

PlatformCall *PlatformClient::listAllAgents(const QString &search,
                                            std::function<void(const Result<QList<Agent>> &)> done)
{
    PlatformCall *c = newCall();
    pageAgents(
        c, search, tr("Listing agents"), std::make_shared<QList<Agent>>(), 0,
        [c, done](const QList<Agent> &agents) {
            c->deliver([done, agents]() { done(Result<QList<Agent>>::success(agents)); });
        },
        [c, done](const LapError &e) {
            c->deliver([done, e]() { done(Result<QList<Agent>>::failure(e)); });
        });
    return c;
}

PlatformCall *PlatformClient::getAgent(const QString &agentId,
                                       std::function<void(const Result<Agent> &)> done)
{
    const QString action = tr("Looking up the agent");
    return request<Agent>("GET", QLatin1String("/agents/") + segment(agentId), {}, QByteArray(),
                          action, objectParser<Agent>(action), std::move(done));
}

PlatformCall *PlatformClient::resolveAgent(const QString &nameOrId,
                                           std::function<void(const Result<Agent> &)> done)
{
    if (looksLikeUuid(nameOrId))
        return getAgent(nameOrId, std::move(done));

    PlatformCall *c = newCall();
    if (nameOrId.isEmpty()) {
        const LapError e(LapError::Kind::Usage, tr("Enter an agent name or id."));
        QMetaObject::invokeMethod(
            c, [c, done, e]() { c->deliver([done, e]() { done(Result<Agent>::failure(e)); }); },
            Qt::QueuedConnection);
        return c;
    }
    pageAgents(
        c, nameOrId, tr("Looking up the agent"), std::make_shared<QList<Agent>>(), 0,
        [this, c, nameOrId, done](const QList<Agent> &agents) {
            // The server's search is a case-insensitive substring match; the name must match
            // exactly, as in the reference CLI.
            for (const Agent &a : agents) {
                if (a.name == nameOrId) {
                    c->deliver([done, a]() { done(Result<Agent>::success(a)); });
                    return;
                }
            }
            reportNameNotFound(c, nameOrId, done);
        },
        [c, done](const LapError &e) {
            c->deliver([done, e]() { done(Result<Agent>::failure(e)); });
        });
    return c;
}

void PlatformClient::reportNameNotFound(PlatformCall *call, const QString &name,
                                        std::function<void(const Result<Agent> &)> done)
{
    const QString base = baseText();
    const QString hint = tr("Check the spelling (names are case-sensitive) or use the agent's id.");
    auto finish = [call, done](const LapError &e) {
        call->deliver([done, e]() { done(Result<Agent>::failure(e)); });
    };
    QueryItems items{{QStringLiteral("limit"), QString::number(kPageLimit)},
                     {QStringLiteral("offset"), QStringLiteral("0")}};
    step(
        call, "GET", QStringLiteral("/agents"), items, QByteArray(), tr("Looking up the agent"),
        [name, base, hint, finish](const QJsonDocument &doc) {
            const Result<AgentPage> page =
                doc.isObject() ? AgentPage::fromJson(doc.object())
                               : Result<AgentPage>::failure(LapError(LapError::Kind::Protocol, {}));
            if (!page.ok()) {
                finish(LapError(LapError::Kind::NotFound,
                                QCoreApplication::translate("lap", "No agent named '%1' on %2.")
                                    .arg(name, base),
                                hint));
                return;
            }
            const int total = std::max(page.value.total, int(page.value.agents.size()));
            if (total == 0) {
                finish(
                    LapError(LapError::Kind::NotFound,
                             QCoreApplication::translate(
                                 "lap", "No agent named '%1' on %2 — the platform has no agents.")
                                 .arg(name, base),
                             tr("Create an agent on the platform first.")));
                return;
            }
            QStringList names;
            for (int i = 0; i < page.value.agents.size() && i < kNamesListed; ++i)
                names << page.value.agents.at(i).displayName();
            QString list = names.join(QLatin1String(", "));
            if (total > names.size())
                list += QLatin1Char(' ') + moreSuffix(total - names.size());
            finish(LapError(
                LapError::Kind::NotFound,
                QCoreApplication::translate("lap", "No agent named '%1' on %2 — %3: %4.")
                    .arg(name, base,
                         plural(QT_TRANSLATE_N_NOOP("lap", "%n agent(s) available"), total), list),
                hint));
        },
        [name, base, hint, finish](const LapError &) {
            // The name is known to be missing; failing to list the others only loses the list.
            finish(LapError(
                LapError::Kind::NotFound,
                QCoreApplication::translate("lap", "No agent named '%1' on %2.").arg(name, base),
                hint));
        });
}

PlatformCall *PlatformClient::createSession(const QString &agentId, const QString &title,
                                            std::function<void(const Result<Session> &)> done)
{
    const QString action = tr("Creating the session");
    // No title, no body (the platform reads a missing body as {}): the request then leaves in
    // a single write instead of two that wait out a delayed ACK.
    const QByteArray body = title.isEmpty()
                                ? QByteArrayLiteral("")
                                : QJsonDocument(QJsonObject{{QStringLiteral("title"), title}})
                                      .toJson(QJsonDocument::Compact);
    return request<Session>(
        "POST", QLatin1String("/agents/") + segment(agentId) + QLatin1String("/session"), {}, body,
        action, objectParser<Session>(action), std::move(done));
}

PlatformCall *PlatformClient::getSession(const QString &sessionId,
                                         std::function<void(const Result<Session> &)> done,
                                         const QString &action)
{
    const QString act = action.isEmpty() ? tr("Fetching the session") : action;
    return request<Session>("GET", QLatin1String("/sessions/") + segment(sessionId), {},
                            QByteArray(), act, objectParser<Session>(act), std::move(done));
}

PlatformCall *PlatformClient::listSessions(const QString &agentId, int limit,
                                           std::function<void(const Result<QList<Session>> &)> done)
{
    const QString action = tr("Listing sessions");
    QueryItems items;
    if (!agentId.isEmpty())
        items.append({QStringLiteral("agent_id"), agentId});
    if (limit > 0)
        items.append({QStringLiteral("limit"), QString::number(std::min(limit, kPageLimit))});
    return request<QList<Session>>(
        "GET", QStringLiteral("/sessions"), items, QByteArray(), action,
        [action](const QJsonDocument &doc) {
            Result<QList<Session>> r = Session::listFromJson(doc);
            if (!r.ok())
                r = Result<QList<Session>>::failure(protocolError(action, r.error.message));
            return r;
        },
        std::move(done));
}

PlatformCall *PlatformClient::deleteSession(const QString &sessionId,
                                            std::function<void(const Result<QString> &)> done)
{
    const QString action = tr("Deleting the session");
    return request<QString>(
        "DELETE", QLatin1String("/sessions/") + segment(sessionId), {}, QByteArray(), action,
        [action](const QJsonDocument &doc) {
            const Result<DeletedSession> r =
                objectTo<DeletedSession>(doc, action, &DeletedSession::fromJson);
            return r.ok() ? Result<QString>::success(r.value.status)
                          : Result<QString>::failure(r.error);
        },
        std::move(done));
}

PlatformCall *PlatformClient::touchSession(const QString &sessionId,
                                           std::function<void(const Result<bool> &)> done)
{
    PlatformCall *c = newCall();
    const QString action = tr("Refreshing the session");
    LapError error;
    QNetworkReply *reply =
        send("GET", QLatin1String("/sessions/") + segment(sessionId) + QLatin1String("/events"), {},
             QByteArray(), action, &error, QByteArrayLiteral("text/event-stream"));
    if (!reply) {
        QMetaObject::invokeMethod(
            c,
            [c, done, error]() {
                c->deliver([done, error]() { done(Result<bool>::failure(error)); });
            },
            Qt::QueuedConnection);
        return c;
    }
    // Opening the stream is what refreshes last_seen_at; its body never ends, so stop at the
    // response headers.
    connect(reply, &QNetworkReply::metaDataChanged, c, [c, reply, done]() {
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid() || status.toInt() < 200 || status.toInt() > 299)
            return;
        c->deliver([done]() { done(Result<bool>::success(true)); });
    });
    c->watch(reply, [this, c, action, done](QNetworkReply *r, const QByteArray &b) {
        const LapError e = errorForReply(r, b, action);
        c->deliver(
            [done, e]() { done(e ? Result<bool>::failure(e) : Result<bool>::success(true)); });
    });
    return c;
}

} // namespace lap
