// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "laperror.h"

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QPair>
#include <QString>
#include <QUrl>

// What PlatformClient asks the platform (docs/platform-api.md §4), as values: the path, query, body
// and headers of each REST call and the words its errors start with. Nothing here sends
// anything, so every request can be checked without a network (tests/core/tst_platformrequests).

namespace lap {

// Where to talk to and with which key. The key is a secret: never log it.
struct PlatformConfig
{
    QUrl baseUrl;      // e.g. https://lap.example.com (trailing '/' stripped by normalizeBaseUrl)
    QString masterKey; // sent only as `Authorization: Bearer <key>`, only to keyOrigin()
    // No progress for this long aborts a request; a reply still incomplete after four times
    // this long is aborted too (a server dripping one byte at a time).
    int requestTimeoutMs = 30000;
    QString
        caFile; // extra CA certificates (PEM or DER, catrust.h) for https and wss; empty = system
    // The platform the master key was saved for, when baseUrl points elsewhere for one attach
    // (a pasted `<base>/sessions/<id>` link). Empty: the key belongs to baseUrl.
    QUrl keyHome;

    QUrl keyOrigin() const { return keyHome.isEmpty() ? baseUrl : keyHome; }
    // True when requests would go to another origin than the key's: they are then sent
    // without the key, so the user must first allow it (set keyHome = baseUrl) or give another.
    bool needsKeyConsent() const;
};

// Scheme, host and port equal (default ports filled in). Paths do not matter.
bool sameOrigin(const QUrl &a, const QUrl &b);

// Parses what a user typed as the platform URL: adds nothing, strips trailing slashes, accepts
// only http/https with a host. Returns an invalid QUrl and sets *error otherwise.
QUrl normalizeBaseUrl(const QString &text, QString *error = nullptr);

struct AgentQuery
{
    QString search; // server-side substring filter on name, id, harness_id
    int limit = 200;
    int offset = 0;
};

// The server's largest page of GET /agents.
constexpr int kAgentPageLimit = 200;

// One REST call under `<base>/api/v1/managed_agents`.
struct PlatformRequest
{
    QByteArray verb;
    QString path; // already percent-encoded, e.g. "/sessions/s%201"
    QList<QPair<QString, QString>> query;
    QByteArray body; // null: no body and no Content-Type
    QByteArray accept = QByteArrayLiteral("application/json");
    QString action; // starts every error message of the call: "Creating the session"
};

// The action words of the calls that use them outside one request.
QString listingAgentsAction();
QString lookingUpAgentAction();

PlatformRequest listAgentsRequest(const AgentQuery &query);
// One page of the full agent list (limit kAgentPageLimit) from `offset`, for `action`.
PlatformRequest agentPageRequest(const QString &search, int offset, const QString &action);
PlatformRequest getAgentRequest(const QString &agentId);
PlatformRequest createSessionRequest(const QString &agentId, const QString &title);
// An empty `action` means "Fetching the session".
PlatformRequest getSessionRequest(const QString &sessionId, const QString &action = QString());
PlatformRequest listSessionsRequest(const QString &agentId, int limit);
PlatformRequest deleteSessionRequest(const QString &sessionId);
PlatformRequest touchSessionRequest(const QString &sessionId);

// `base` + the API prefix + the request's path and query; '+' in the query is encoded (the
// server's URLSearchParams reads a bare '+' as a space).
QUrl platformRequestUrl(const QUrl &base, const PlatformRequest &request);

// The QNetworkRequest for `request` under `config`: URL, Accept, User-Agent, Content-Type, the
// master key only for its own origin, same-origin redirects, the transfer timeout, and the CA
// file's trust for https. Fails with the user-facing error when no base URL is set or the CA
// file cannot be read.
Result<QNetworkRequest> networkRequest(const PlatformConfig &config,
                                       const PlatformRequest &request);

} // namespace lap
