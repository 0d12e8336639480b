// SPDX-License-Identifier: GPL-2.0-or-later
#include "platformrequests.h"
#include "catrust.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif

#include <algorithm>

// Every text here is translated in the one context "lap::PlatformRequests".

namespace lap {

namespace {

const char kApiPrefix[] = "/api/v1/managed_agents";

QString segment(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

PlatformRequest get(const QString &path, const QString &action)
{
    PlatformRequest r;
    r.verb = QByteArrayLiteral("GET");
    r.path = path;
    r.action = action;
    return r;
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
            "lap::PlatformRequests",
            "Enter the platform URL, for example https://lap.example.com."));
    QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return fail(QCoreApplication::translate(
            "lap::PlatformRequests", "The platform URL must start with http:// or https://."));
    if (url.host().isEmpty())
        return fail(QCoreApplication::translate("lap::PlatformRequests",
                                                "The platform URL has no host name."));
    if (!url.userInfo().isEmpty())
        return fail(QCoreApplication::translate(
            "lap::PlatformRequests", "The platform URL must not contain a user name or password."));
    if (url.hasQuery() || url.hasFragment())
        return fail(QCoreApplication::translate("lap::PlatformRequests",
                                                "The platform URL must not contain '?' or '#'."));
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path, QUrl::TolerantMode);
    if (error)
        error->clear();
    return url;
}

QString listingAgentsAction()
{
    return QCoreApplication::translate("lap::PlatformRequests", "Listing agents");
}

QString lookingUpAgentAction()
{
    return QCoreApplication::translate("lap::PlatformRequests", "Looking up the agent");
}

PlatformRequest listAgentsRequest(const AgentQuery &query)
{
    PlatformRequest r = get(QStringLiteral("/agents"), listingAgentsAction());
    r.query = {
        {QStringLiteral("limit"), QString::number(std::clamp(query.limit, 1, kAgentPageLimit))},
        {QStringLiteral("offset"), QString::number(std::max(0, query.offset))}};
    if (!query.search.isEmpty())
        r.query.append({QStringLiteral("search"), query.search});
    return r;
}

PlatformRequest agentPageRequest(const QString &search, int offset, const QString &action)
{
    PlatformRequest r = get(QStringLiteral("/agents"), action);
    r.query = {{QStringLiteral("limit"), QString::number(kAgentPageLimit)},
               {QStringLiteral("offset"), QString::number(offset)}};
    if (!search.isEmpty())
        r.query.append({QStringLiteral("search"), search});
    return r;
}

PlatformRequest getAgentRequest(const QString &agentId)
{
    return get(QLatin1String("/agents/") + segment(agentId), lookingUpAgentAction());
}

PlatformRequest createSessionRequest(const QString &agentId, const QString &title)
{
    PlatformRequest r;
    r.verb = QByteArrayLiteral("POST");
    r.path = QLatin1String("/agents/") + segment(agentId) + QLatin1String("/session");
    // No title, no body (the platform reads a missing body as {}): the request then leaves in
    // a single write instead of two that wait out a delayed ACK.
    r.body = title.isEmpty() ? QByteArrayLiteral("")
                             : QJsonDocument(QJsonObject{{QStringLiteral("title"), title}})
                                   .toJson(QJsonDocument::Compact);
    r.action = QCoreApplication::translate("lap::PlatformRequests", "Creating the session");
    return r;
}

PlatformRequest getSessionRequest(const QString &sessionId, const QString &action)
{
    return get(QLatin1String("/sessions/") + segment(sessionId),
               action.isEmpty()
                   ? QCoreApplication::translate("lap::PlatformRequests", "Fetching the session")
                   : action);
}

PlatformRequest listSessionsRequest(const QString &agentId, int limit)
{
    PlatformRequest r =
        get(QStringLiteral("/sessions"),
            QCoreApplication::translate("lap::PlatformRequests", "Listing sessions"));
    if (!agentId.isEmpty())
        r.query.append({QStringLiteral("agent_id"), agentId});
    if (limit > 0)
        r.query.append(
            {QStringLiteral("limit"), QString::number(std::min(limit, kAgentPageLimit))});
    return r;
}

PlatformRequest deleteSessionRequest(const QString &sessionId)
{
    PlatformRequest r;
    r.verb = QByteArrayLiteral("DELETE");
    r.path = QLatin1String("/sessions/") + segment(sessionId);
    r.action = QCoreApplication::translate("lap::PlatformRequests", "Deleting the session");
    return r;
}

PlatformRequest touchSessionRequest(const QString &sessionId)
{
    PlatformRequest r =
        get(QLatin1String("/sessions/") + segment(sessionId) + QLatin1String("/events"),
            QCoreApplication::translate("lap::PlatformRequests", "Refreshing the session"));
    r.accept = QByteArrayLiteral("text/event-stream");
    return r;
}

QUrl platformRequestUrl(const QUrl &base, const PlatformRequest &request)
{
    QUrl url = base;
    url.setUserInfo(QString());
    url.setFragment(QString());
    QString basePath = base.path(QUrl::FullyEncoded);
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + QLatin1String(kApiPrefix) + request.path, QUrl::TolerantMode);
    // Built by hand: QUrlQuery leaves '+' alone, which the server's URLSearchParams reads as a
    // space, so a search for "c++" would find the wrong agents.
    QStringList pairs;
    for (const auto &item : request.query)
        pairs << segment(item.first) + QLatin1Char('=') + segment(item.second);
    if (pairs.isEmpty())
        url.setQuery(QString());
    else
        url.setQuery(pairs.join(QLatin1Char('&')), QUrl::TolerantMode);
    return url;
}

Result<QNetworkRequest> networkRequest(const PlatformConfig &config, const PlatformRequest &request)
{
    const QUrl &base = config.baseUrl;
    const QString scheme = base.scheme().toLower();
    if (!base.isValid() || base.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        return Result<QNetworkRequest>::failure(
            LapError(LapError::Kind::Config,
                     QCoreApplication::translate("lap::PlatformRequests",
                                                 "%1 failed: no platform URL is set.")
                         .arg(request.action),
                     QCoreApplication::translate("lap::PlatformRequests",
                                                 "Sign in with the platform URL and master key.")));
    }

    const QUrl url = platformRequestUrl(base, request);
    QNetworkRequest req(url);
    req.setRawHeader("Accept", request.accept);
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("lap-desktop/" LAP_VERSION));
    if (!request.body.isNull())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    // Same origin only: Qt copies our headers onto a followed redirect, and the master key must
    // never reach another site. A cross-origin redirect ends as InsecureRedirectError instead.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::SameOriginRedirectPolicy);
    if (config.requestTimeoutMs > 0)
        req.setTransferTimeout(config.requestTimeoutMs);
    // The URL is built from baseUrl, so only the key's own origin needs checking: a session
    // link from another platform must not carry this key there.
    if (!config.masterKey.isEmpty() && sameOrigin(url, config.keyOrigin()))
        req.setRawHeader("Authorization", "Bearer " + config.masterKey.toUtf8());

#if QT_CONFIG(ssl)
    if (scheme == QLatin1String("https") && !config.caFile.isEmpty()) {
        const Result<QSslConfiguration> ssl =
            sslConfigurationTrusting(config.caFile, request.action);
        if (!ssl.ok())
            return Result<QNetworkRequest>::failure(ssl.error);
        req.setSslConfiguration(ssl.value);
    }
#endif
    return Result<QNetworkRequest>::success(req);
}

} // namespace lap
