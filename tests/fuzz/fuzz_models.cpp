// SPDX-License-Identifier: GPL-2.0-or-later
// The JSON → model parsers (Agent, AgentPage, Session, the session list) with whatever a
// server might send, followed by what the app does with a parsed row: the diagnostics block
// and the TTY endpoint.
#include "fuzzcheck.h"
#include "models.h"
#include "sessionopener.h"
#include "ttyendpoint.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <cstddef>
#include <cstdint>

using namespace lap;

namespace {

void checkSession(const Session &s)
{
    // A parsed row always has an id: it goes into URLs.
    LAP_FUZZ_CHECK(!s.id.isEmpty());
    const QString block = diagnosticsBlock(s);
    LAP_FUZZ_CHECK(block.contains(QLatin1String("session_id:")));
    (void)s.isReady();
    (void)s.isTerminal();
    const Result<TtyTarget> t =
        deriveTtyTarget(s, QUrl(QStringLiteral("https://lap.example.com/base")), TtyOverrides());
    if (t.ok()) {
        const QString scheme = t.value.url.scheme().toLower();
        LAP_FUZZ_CHECK(scheme == QLatin1String("ws") || scheme == QLatin1String("wss"));
        LAP_FUZZ_CHECK(!t.value.url.host().isEmpty());
        (void)t.value.request();
    } else {
        LAP_FUZZ_CHECK(t.error.kind == LapError::Kind::NoTtyUrl);
        LAP_FUZZ_CHECK(!t.error.message.isEmpty());
    }
}

void checkAgent(const Agent &a)
{
    LAP_FUZZ_CHECK(!a.id.isEmpty());
    LAP_FUZZ_CHECK(!a.displayName().isEmpty());
    (void)a.isTui();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), int(size));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError)
        return 0;

    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        const Result<Agent> a = Agent::fromJson(o);
        if (a.ok())
            checkAgent(a.value);
        else
            LAP_FUZZ_CHECK(a.error.kind == LapError::Kind::Protocol && !a.error.message.isEmpty());

        const Result<AgentPage> page = AgentPage::fromJson(o);
        if (page.ok()) {
            for (const Agent &x : page.value.agents)
                checkAgent(x);
            LAP_FUZZ_CHECK(page.value.total >= 0 && page.value.offset >= 0 &&
                           page.value.limit >= 0);
        } else {
            LAP_FUZZ_CHECK(page.error.kind == LapError::Kind::Protocol);
        }

        const Result<Session> s = Session::fromJson(o);
        if (s.ok())
            checkSession(s.value);
        else
            LAP_FUZZ_CHECK(s.error.kind == LapError::Kind::Protocol && !s.error.message.isEmpty());
        // A list route that answered with one object instead of an array.
        LAP_FUZZ_CHECK(!Session::listFromJson(doc).ok());
    } else if (doc.isArray()) {
        const Result<QList<Session>> list = Session::listFromJson(doc);
        if (list.ok()) {
            LAP_FUZZ_CHECK(list.value.size() == doc.array().size());
            for (const Session &s : list.value)
                checkSession(s);
        } else {
            LAP_FUZZ_CHECK(list.error.kind == LapError::Kind::Protocol);
        }
    }
    return 0;
}
