// SPDX-License-Identifier: GPL-2.0-or-later
// The REST contract of the local platform (docs/platform-api.md §2–§5), over real HTTP.
#include "lptesthelpers.h"

#include <QTcpSocket>
#include <QTemporaryDir>

#include <memory>

#include <sys/stat.h>
#include <utility>

using lap::local::LocalPlatform;
using lap::local::LocalPlatformOptions;
using lap::local::TtyStyle;
using namespace lptest;

namespace {

const QString kKey = QStringLiteral("test-master-key");
const QString kToken = QStringLiteral("test-harness-token");

std::unique_ptr<LocalPlatform> startPlatform(LocalPlatformOptions options = {})
{
    options.masterKey = kKey;
    options.harnessToken = kToken;
    auto platform = std::make_unique<LocalPlatform>(options);
    QString error;
    if (!platform->start(&error))
        qWarning("start failed: %s", qPrintable(error));
    return platform;
}

QString sessionPath(const QString &id, const QString &rest = QString())
{
    return managed(QStringLiteral("/sessions/") + id + rest);
}

} // namespace

class TestLocalPlatformRest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void masterKeyIsComparedExactly_data();
    void masterKeyIsComparedExactly();
    void unknownApiPathIs404Json();
    void agentListPaginatesSortsAndSearches();
    void agentById();
    void createSessionWalksThePhases();
    void createSessionBodyValidation();
    void failStartupEndsFailed();
    void deleteIsIdempotent();
    void restartIsSynchronousAnd409WhileCreating();
    void ttyStylesAndTokens();
    void transientErrorsAnswer502Html();
    void sessionListIsABareArray();
    void eventsAndMessagesBumpLastSeen();
    void idleReaperSparesBumpedSessions();
    void chatMessagesEcho();
    void pipelinedRequestsAnswerInOrder();
    void adminRoutes();
    void credentialsFileIsPrivate();
};

void TestLocalPlatformRest::masterKeyIsComparedExactly_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::newRow("right") << QByteArray("Bearer " + kKey.toUtf8()) << 200;
    QTest::newRow("missing") << QByteArray("") << 401;
    QTest::newRow("wrong") << QByteArray("Bearer nope") << 401;
    QTest::newRow("lowercase bearer") << QByteArray("bearer " + kKey.toUtf8()) << 401;
    QTest::newRow("two spaces") << QByteArray("Bearer  " + kKey.toUtf8()) << 401;
    QTest::newRow("harness token") << QByteArray("Bearer " + kToken.toUtf8()) << 401;
}

void TestLocalPlatformRest::masterKeyIsComparedExactly()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    auto platform = startPlatform();
    Http http(platform->baseUrl(), kKey);
    const QStringList paths = {managed(QStringLiteral("/agents")),
                               managed(QStringLiteral("/sessions")),
                               sessionPath(QStringLiteral("x"))};
    for (const QString &path : paths) {
        const HttpResult r = http.request("GET", path, QByteArray(), authorization);
        if (status == 401) {
            QCOMPARE(r.status, 401);
            QCOMPARE(r.reason, QByteArray("Unauthorized")); // lap prints "401 Unauthorized"
            QCOMPARE(r.object(),
                     (QJsonObject{{QStringLiteral("error"), QStringLiteral("unauthorized")}}));
        } else {
            QVERIFY2(r.status == 200 || r.status == 404, r.body.constData());
        }
    }
}

void TestLocalPlatformRest::unknownApiPathIs404Json()
{
    auto platform = startPlatform();
    Http http(platform->baseUrl(), kKey);
    HttpResult r = http.get(QStringLiteral("/api/v1/no/such/thing"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.reason, QByteArray("Not Found"));
    QVERIFY(r.contentType.startsWith("application/json"));
    QVERIFY(r.object().value(QStringLiteral("error")).isString());
    r = http.get(managed(QStringLiteral("/sessions/abc/nothing")));
    QCOMPARE(r.status, 404);
    r = http.request("PUT", managed(QStringLiteral("/agents")));
    QCOMPARE(r.status, 405);
}

void TestLocalPlatformRest::agentListPaginatesSortsAndSearches()
{
    LocalPlatformOptions options;
    options.extraAgents = 60;
    auto platform = startPlatform(options);
    Http http(platform->baseUrl(), kKey);

    HttpResult r = http.get(managed(QStringLiteral("/agents")));
    QCOMPARE(r.status, 200);
    QJsonObject page = r.object();
    QCOMPARE(page.value(QStringLiteral("total")).toInt(), 65);
    QCOMPARE(page.value(QStringLiteral("limit")).toInt(), 50);
    QCOMPARE(page.value(QStringLiteral("offset")).toInt(), 0);
    QJsonArray data = page.value(QStringLiteral("data")).toArray();
    QCOMPARE(data.size(), 50);
    // Newest first: the seeded agents, then the fillers.
    const QJsonObject first = data.first().toObject();
    QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("shell"));
    QCOMPARE(first.value(QStringLiteral("id")).toString(),
             LocalPlatform::agentIdForName(QStringLiteral("shell")));
    QVERIFY(first.value(QStringLiteral("supports_tui")).toBool());
    QCOMPARE(first.value(QStringLiteral("session_count")).toInt(), 0);
    QCOMPARE(first.value(QStringLiteral("has_active_session")).toBool(), false);
    for (const char *field : {"harness_id", "model", "prompt", "repo_url", "branch", "pfp_url",
                              "mcp_servers", "allow_out", "deny_out", "attached_skill_ids",
                              "env_vars", "env_var_hosts", "projects", "preload_memory_limit",
                              "template_id", "template_version", "template_in_sync", "created_at"})
        QVERIFY2(first.contains(QLatin1String(field)), field);
    QCOMPARE(data.at(4).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("chat-bot"));
    QCOMPARE(data.at(4).toObject().value(QStringLiteral("supports_tui")).toBool(), false);

    r = http.get(managed(QStringLiteral("/agents?limit=2&offset=3")));
    page = r.object();
    data = page.value(QStringLiteral("data")).toArray();
    QCOMPARE(data.size(), 2);
    QCOMPARE(data.at(0).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("hermes-shell"));
    QCOMPARE(page.value(QStringLiteral("offset")).toInt(), 3);
    QCOMPARE(page.value(QStringLiteral("total")).toInt(), 65);

    // Clamped to 1..200; parseInt semantics (0 and garbage fall back to 50).
    QCOMPARE(http.get(managed(QStringLiteral("/agents?limit=500")))
                 .object()
                 .value(QStringLiteral("limit"))
                 .toInt(),
             200);
    QCOMPARE(http.get(managed(QStringLiteral("/agents?limit=-3")))
                 .object()
                 .value(QStringLiteral("limit"))
                 .toInt(),
             1);
    QCOMPARE(http.get(managed(QStringLiteral("/agents?limit=abc")))
                 .object()
                 .value(QStringLiteral("limit"))
                 .toInt(),
             50);
    QCOMPARE(http.get(managed(QStringLiteral("/agents?offset=64")))
                 .object()
                 .value(QStringLiteral("data"))
                 .toArray()
                 .size(),
             1);

    // Case-insensitive substring search over name, id and harness_id.
    page = http.get(managed(QStringLiteral("/agents?search=FILLER-05"))).object();
    QCOMPARE(page.value(QStringLiteral("total")).toInt(), 10);
    page = http.get(managed(QStringLiteral("/agents?search=codex"))).object();
    QCOMPARE(page.value(QStringLiteral("total")).toInt(), 1);
    page = http.get(managed(QStringLiteral("/agents?search=opencode"))).object();
    QCOMPARE(page.value(QStringLiteral("data"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("chat-bot"));
    const QString idPart =
        LocalPlatform::agentIdForName(QStringLiteral("gemini-shell")).mid(9, 9).toUpper();
    page = http.get(managed(QStringLiteral("/agents?search=") + idPart)).object();
    QCOMPARE(page.value(QStringLiteral("data"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("gemini-shell"));

    page = http.get(managed(QStringLiteral("/agents?sort=name&order=asc&limit=2"))).object();
    QCOMPARE(page.value(QStringLiteral("data"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("chat-bot"));
    page = http.get(managed(QStringLiteral("/agents?sort=created_at&order=asc&limit=1"))).object();
    QCOMPARE(page.value(QStringLiteral("data"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("filler-060"));

    // session_count / has_active_session follow the sessions, and sort=sessions uses them.
    QCOMPARE(http.post(createPath(QStringLiteral("codex-shell"))).status, 200);
    page = http.get(managed(QStringLiteral("/agents?sort=sessions&limit=1"))).object();
    const QJsonObject busiest = page.value(QStringLiteral("data")).toArray().first().toObject();
    QCOMPARE(busiest.value(QStringLiteral("name")).toString(), QStringLiteral("codex-shell"));
    QCOMPARE(busiest.value(QStringLiteral("session_count")).toInt(), 1);
    QCOMPARE(busiest.value(QStringLiteral("has_active_session")).toBool(), true);
}

void TestLocalPlatformRest::agentById()
{
    auto platform = startPlatform();
    Http http(platform->baseUrl(), kKey);
    const QString id = LocalPlatform::agentIdForName(QStringLiteral("hermes-shell"));
    QVERIFY(
        QRegularExpression(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"))
            .match(id)
            .hasMatch());
    HttpResult r = http.get(managed(QStringLiteral("/agents/") + id));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QStringLiteral("harness_id")).toString(), QStringLiteral("hermes"));
    QVERIFY(!r.object().contains(QStringLiteral("session_count")));
    QVERIFY(!r.object().contains(QStringLiteral("has_active_session")));
    r = http.get(managed(QStringLiteral("/agents/nope")));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.object().value(QStringLiteral("error")).toString(),
             QStringLiteral("agent 'nope' not found"));
}

void TestLocalPlatformRest::createSessionWalksThePhases()
{
    LocalPlatformOptions options;
    options.readyDelayMs = 700;
    auto platform = startPlatform(options);
    Http http(platform->baseUrl(), kKey);

    const HttpResult created =
        http.post(createPath(QStringLiteral("shell")), R"({"title":"lap-cli"})");
    QCOMPARE(created.status, 200);
    const QJsonObject row = created.object();
    QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("creating"));
    QVERIFY(row.value(QStringLiteral("phase")).isNull());
    for (const char *field :
         {"id", "agent_id", "status", "phase", "phase_detail", "failure_reason", "sandbox_url",
          "tty_url", "tty_token", "supports_tui", "harness_session_id", "task_arn", "response",
          "created_at", "last_seen_at", "idle_timeout_ms", "origin", "title_preview", "sandboxes"})
        QVERIFY2(row.contains(QLatin1String(field)), field);
    QVERIFY(row.value(QStringLiteral("sandbox_url")).isNull());
    QVERIFY(row.value(QStringLiteral("tty_url")).isNull());
    QVERIFY(row.value(QStringLiteral("last_seen_at")).isNull());
    QCOMPARE(row.value(QStringLiteral("tty_token")).toString(), kToken);
    QCOMPARE(row.value(QStringLiteral("idle_timeout_ms")).toInt(), 900000);
    QVERIFY(
        QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"))
            .match(row.value(QStringLiteral("created_at")).toString())
            .hasMatch());
    const QString id = row.value(QStringLiteral("id")).toString();

    // Poll like a client and record every phase seen.
    QStringList phases;
    QJsonObject last;
    (void)QTest::qWaitFor(
        [&] {
            last = http.get(sessionPath(id)).object();
            const QString phase = last.value(QStringLiteral("phase")).toString();
            if (!phase.isEmpty() && (phases.isEmpty() || phases.last() != phase))
                phases << phase;
            return last.value(QStringLiteral("status")).toString() == QLatin1String("ready");
        },
        kWaitMs);
    QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("ready"));
    const QStringList order = {QStringLiteral("creating_sandbox"),
                               QStringLiteral("pod_pending"),
                               QStringLiteral("pod_running"),
                               QStringLiteral("waiting_harness"),
                               QStringLiteral("harness_ready"),
                               QStringLiteral("cloning_repo"),
                               QStringLiteral("ready")};
    QVERIFY2(phases.size() >= 3, qPrintable(phases.join(QLatin1Char(' '))));
    int previous = -1;
    for (const QString &phase : std::as_const(phases)) {
        const int index = order.indexOf(phase);
        QVERIFY2(index > previous, qPrintable(phases.join(QLatin1Char(' '))));
        previous = index;
    }
    QCOMPARE(last.value(QStringLiteral("phase")).toString(), QStringLiteral("ready"));
    QCOMPARE(last.value(QStringLiteral("tty_url")).toString(),
             QStringLiteral("/api/v1/managed_agents/sessions/%1/tty").arg(id));
    QVERIFY(last.value(QStringLiteral("sandbox_url"))
                .toString()
                .endsWith(QLatin1String(".svc.cluster.local:4096")));
    QCOMPARE(last.value(QStringLiteral("harness_session_id")).toString(), QStringLiteral("tty"));
    QVERIFY(!last.value(QStringLiteral("task_arn")).toString().isEmpty());
    QVERIFY(last.value(QStringLiteral("last_seen_at")).isString());
    QVERIFY(last.value(QStringLiteral("response")).isNull());
    QCOMPARE(platform->sessionStatus(id), QStringLiteral("ready"));

    // Ready delay 0: the reply still says creating, the next turn says ready.
    platform->setReadyDelayMs(0);
    const QJsonObject quickRow = http.post(createPath(QStringLiteral("shell"))).object();
    QCOMPARE(quickRow.value(QStringLiteral("status")).toString(), QStringLiteral("creating"));
    QVERIFY(quickRow.value(QStringLiteral("phase")).isNull());
    const QString quick = quickRow.value(QStringLiteral("id")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(platform->sessionStatus(quick), QStringLiteral("ready"), kWaitMs);

    // The body is optional; invalid JSON counts as {}.
    HttpResult r = http.post(createPath(QStringLiteral("shell")), QByteArray("{not json"));
    QCOMPARE(r.status, 200);
    r = http.request("POST", createPath(QStringLiteral("shell")), QByteArray());
    QCOMPARE(r.status, 200);
    r = http.post(managed(QStringLiteral("/agents/00000000-0000-4000-8000-000000000000/session")));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.object().value(QStringLiteral("error")).toString(),
             QStringLiteral("agent '00000000-0000-4000-8000-000000000000' not found"));
}

void TestLocalPlatformRest::createSessionBodyValidation()
{
    auto platform = startPlatform();
    Http http(platform->baseUrl(), kKey);
    HttpResult r =
        http.post(createPath(QStringLiteral("shell")), R"({"env_vars":{"GOOD":"1","1BAD":"x"}})");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.reason, QByteArray("Bad Request"));
    QJsonArray issues = r.object().value(QStringLiteral("error")).toArray();
    QCOMPARE(issues.size(), 1);
    QJsonObject issue = issues.first().toObject();
    QCOMPARE(issue.value(QStringLiteral("message")).toString(),
             QStringLiteral("invalid env var name"));
    QCOMPARE(issue.value(QStringLiteral("path")).toArray(),
             (QJsonArray{QStringLiteral("env_vars"), QStringLiteral("1BAD")}));

    r = http.post(createPath(QStringLiteral("shell")), R"({"env_vars":{"GIT_TOKEN":"x"}})");
    QCOMPARE(r.status, 400);
    issue = r.object().value(QStringLiteral("error")).toArray().first().toObject();
    QCOMPARE(issue.value(QStringLiteral("code")).toString(), QStringLiteral("custom"));
    QVERIFY(issue.value(QStringLiteral("message"))
                .toString()
                .startsWith(QLatin1String("env_vars cannot override reserved keys")));

    QJsonObject many;
    for (int i = 0; i < 51; ++i)
        many.insert(QStringLiteral("V%1").arg(i), QStringLiteral("x"));
    r = http.post(createPath(QStringLiteral("shell")),
                  QJsonDocument(QJsonObject{{QStringLiteral("env_vars"), many}}).toJson());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object()
                 .value(QStringLiteral("error"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString(),
             QStringLiteral("env_vars: max 50 keys"));

    r = http.post(createPath(QStringLiteral("shell")), R"({"env_vars":{"A":1}})");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object()
                 .value(QStringLiteral("error"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("invalid_type"));
    r = http.post(createPath(QStringLiteral("shell")), R"({"title":5})");
    QCOMPARE(r.status, 400);

    r = http.post(createPath(QStringLiteral("shell")),
                  R"({"env_vars":{"GITHUB_TOKEN":"x","_OK2":"y"}})");
    QCOMPARE(r.status, 200);
}

void TestLocalPlatformRest::failStartupEndsFailed()
{
    LocalPlatformOptions options;
    options.readyDelayMs = 300;
    options.failStartup = QStringLiteral("pod never reached Running");
    auto platform = startPlatform(options);
    Http http(platform->baseUrl(), kKey);
    const QString id = createSession(http);
    QCOMPARE(platform->sessionStatus(id), QStringLiteral("creating"));
    QTRY_COMPARE_WITH_TIMEOUT(platform->sessionStatus(id), QStringLiteral("failed"), kWaitMs);
    const QJsonObject row = http.get(sessionPath(id)).object();
    QCOMPARE(row.value(QStringLiteral("failure_reason")).toString(),
             QStringLiteral("pod never reached Running"));
    QVERIFY(row.value(QStringLiteral("sandbox_url")).isNull());
    QVERIFY(row.value(QStringLiteral("tty_url")).isNull());
    QVERIFY(
        !row.value(QStringLiteral("phase")).toString().isEmpty()); // phase is not reset on failure
}

void TestLocalPlatformRest::deleteIsIdempotent()
{
    LocalPlatformOptions options;
    options.readyDelayMs = 0;
    auto platform = startPlatform(options);
    Http http(platform->baseUrl(), kKey);
    const QString id = readySession(http, *platform);
    QVERIFY(!id.isEmpty());
    const QString sandbox =
        http.get(sessionPath(id)).object().value(QStringLiteral("sandbox_url")).toString();

    HttpResult r = http.del(sessionPath(id));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object(), (QJsonObject{{QStringLiteral("id"), id},
                                      {QStringLiteral("status"), QStringLiteral("deleted")}}));
    QCOMPARE(platform->sessionStatus(id), QStringLiteral("dead"));
    const QJsonObject row = http.get(sessionPath(id)).object();
    QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("dead"));
    QVERIFY(row.value(QStringLiteral("failure_reason")).isNull()); // DELETE leaves it alone
    QCOMPARE(row.value(QStringLiteral("sandbox_url")).toString(), sandbox); // not cleared
    QVERIFY(row.value(QStringLiteral("tty_url")).isNull());

    r = http.del(sessionPath(id));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object(), (QJsonObject{{QStringLiteral("id"), id},
                                      {QStringLiteral("status"), QStringLiteral("dead")}}));

    r = http.del(sessionPath(QStringLiteral("missing")));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.object().value(QStringLiteral("error")).toString(),
             QStringLiteral("session missing not found"));
    r = http.get(sessionPath(QStringLiteral("missing")));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.object().value(QStringLiteral("error")).toString(),
             QStringLiteral("session missing not found"));
}

void TestLocalPlatformRest::restartIsSynchronousAnd409WhileCreating()
{
    LocalPlatformOptions options;
    options.readyDelayMs = 0;
    auto platform = startPlatform(options);
    Http http(platform->baseUrl(), kKey);
    const QString id = readySession(http, *platform);
    QVERIFY(!id.isEmpty());
    QVERIFY(platform->markDead(id, QStringLiteral("task disappeared")));
    QCOMPARE(http.get(sessionPath(id)).object().value(QStringLiteral("failure_reason")).toString(),
             QStringLiteral("task disappeared"));

    platform->setReadyDelayMs(400);
    QElapsedTimer timer;
    timer.start();
    HttpResult r = http.post(sessionPath(id, QStringLiteral("/restart")));
    QCOMPARE(r.status, 200);
    QVERIFY2(timer.elapsed() >= 300, "the reply waits for the whole start");
    QJsonObject row = r.object();
    QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("ready"));
    QVERIFY(row.value(QStringLiteral("failure_reason")).isNull());
    QCOMPARE(row.value(QStringLiteral("id")).toString(), id);

    // While a restart runs, another restart is refused.
    platform->setReadyDelayMs(60000);
    QNetworkReply *pending = http.send("POST", sessionPath(id, QStringLiteral("/restart")));
    QTRY_COMPARE_WITH_TIMEOUT(platform->sessionStatus(id), QStringLiteral("creating"), kWaitMs);
    r = http.post(sessionPath(id, QStringLiteral("/restart")));
    QCOMPARE(r.status, 409);
    QCOMPARE(r.reason, QByteArray("Conflict"));
    // Deleting it ends the pending restart with a 502.
    QCOMPARE(http.del(sessionPath(id)).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(pending->isFinished(), kWaitMs);
    QCOMPARE(pending->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 502);
    QVERIFY(pending->readAll().contains("session restart failed"));
    pending->deleteLater();

    QCOMPARE(http.post(sessionPath(QStringLiteral("nope"), QStringLiteral("/restart"))).status,
             404);
}

void TestLocalPlatformRest::ttyStylesAndTokens()
{
    LocalPlatformOptions options;
    options.readyDelayMs = 0;
    options.ttyStyle = TtyStyle::Sandbox;
    auto platform = startPlatform(options);
    Http http(platform->baseUrl(), kKey);
    const QString id = readySession(http, *platform);
    QJsonObject row = http.get(sessionPath(id)).object();
    QVERIFY(row.value(QStringLiteral("tty_url")).isNull());
    QCOMPARE(row.value(QStringLiteral("sandbox_url")).toString(),
             platform->baseUrl().toString() + QStringLiteral("/sandboxes/") + id);

    platform->setTtyStyle(TtyStyle::InCluster);
    row = http.get(sessionPath(id)).object();
    QVERIFY(row.value(QStringLiteral("tty_url")).isNull());
    QVERIFY(row.value(QStringLiteral("sandbox_url"))
                .toString()
                .contains(QLatin1String(".svc.cluster.local")));

    platform->setTtyStyle(TtyStyle::Proxy);
    platform->setAdvertiseWrongToken(true);
    row = http.get(sessionPath(id)).object();
    QVERIFY(row.value(QStringLiteral("tty_token")).isString());
    QVERIFY(row.value(QStringLiteral("tty_token")).toString() != kToken);
    platform->setAdvertiseWrongToken(false);
    platform->setNoTtyToken(true);
    QVERIFY(http.get(sessionPath(id)).object().value(QStringLiteral("tty_token")).isNull());

    // Chat sessions: no tty_url even in proxy style; a real harness session id.
    platform->setNoTtyToken(false);
    const QString chat = readySession(http, *platform, QStringLiteral("chat-bot"));
    row = http.get(sessionPath(chat)).object();
    QCOMPARE(row.value(QStringLiteral("supports_tui")).toBool(), false);
    QVERIFY(row.value(QStringLiteral("tty_url")).isNull());
    QVERIFY(row.value(QStringLiteral("harness_session_id"))
                .toString()
                .startsWith(QLatin1String("ses_")));
    QCOMPARE(row.value(QStringLiteral("tty_token")).toString(), kToken); // on every row
}

void TestLocalPlatformRest::transientErrorsAnswer502Html()
{
    LocalPlatformOptions options;
    options.readyDelayMs = 0;
    auto platform = startPlatform(options);
    Http http(platform->baseUrl(), kKey);
    const QString id = readySession(http, *platform);
    platform->setTransientErrors(2);
    for (int i = 0; i < 2; ++i) {
        const HttpResult r = http.get(sessionPath(id));
        QCOMPARE(r.status, 502);
        QCOMPARE(r.reason, QByteArray("Bad Gateway"));
        QVERIFY(r.contentType.startsWith("text/html"));
        QVERIFY(r.body.contains("<html>"));
    }
    QCOMPARE(http.get(sessionPath(id)).status, 200);
    QCOMPARE(platform->options().transientErrors, 0);
}

void TestLocalPlatformRest::sessionListIsABareArray()
{
    LocalPlatformOptions options;
    options.readyDelayMs = 0;
    auto platform = startPlatform(options);
    Http http(platform->baseUrl(), kKey);
    const QString a =
        createSession(http, QStringLiteral("shell"), R"({"initial_prompt":"hello there"})");
    const QString b = createSession(http, QStringLiteral("codex-shell"));
    const QString c = createSession(http);

    QJsonArray list = http.get(managed(QStringLiteral("/sessions"))).array();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("id")).toString(), c); // newest first
    QCOMPARE(list.at(2).toObject().value(QStringLiteral("id")).toString(), a);
    QVERIFY(
        list.at(2).toObject().value(QStringLiteral("title_preview")).isNull()); // always null here
    QCOMPARE(http.get(sessionPath(a)).object().value(QStringLiteral("title_preview")).toString(),
             QStringLiteral("hello there"));

    list = http.get(managed(QStringLiteral("/sessions?agent_id=") +
                            LocalPlatform::agentIdForName(QStringLiteral("shell"))))
               .array();
    QCOMPARE(list.size(), 2);
    list = http.get(managed(QStringLiteral("/sessions?limit=1"))).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("id")).toString(), c);
    Q_UNUSED(b);
}

void TestLocalPlatformRest::eventsAndMessagesBumpLastSeen()
{
    LocalPlatformOptions options;
    options.readyDelayMs = 0;
    auto platform = startPlatform(options);
    Http http(platform->baseUrl(), kKey);
    const QString id = readySession(http, *platform);
    const auto lastSeen = [&] {
        return QDateTime::fromString(
            platform->sessionJson(id).value(QStringLiteral("last_seen_at")).toString(),
            Qt::ISODateWithMs);
    };
    const QDateTime seeded = lastSeen();
    QVERIFY(seeded.isValid());

    // GET does not bump.
    QTest::qWait(20);
    http.get(sessionPath(id));
    QCOMPARE(lastSeen(), seeded);

    // Opening /events does, and the stream stays open with an initial comment.
    QNetworkReply *events = http.send("GET", sessionPath(id, QStringLiteral("/events")));
    QByteArray received;
    QObject::connect(events, &QNetworkReply::readyRead, events,
                     [&] { received += events->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(received.contains(": ok"), kWaitMs);
    QCOMPARE(events->header(QNetworkRequest::ContentTypeHeader).toString(),
             QStringLiteral("text/event-stream"));
    QVERIFY(lastSeen() > seeded);
    QVERIFY(!events->isFinished());
    events->abort();
    events->deleteLater();

    const QDateTime afterEvents = lastSeen();
    QTest::qWait(20);
    const HttpResult r = http.post(sessionPath(id, QStringLiteral("/message")), R"({"text":"hi"})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QStringLiteral("text")).toString(),
             QStringLiteral("this is a TUI harness — connect to /tty"));
    QVERIFY(lastSeen() > afterEvents);

    QCOMPARE(http.get(sessionPath(QStringLiteral("nope"), QStringLiteral("/events"))).status, 404);
}

void TestLocalPlatformRest::idleReaperSparesBumpedSessions()
{
    LocalPlatformOptions options;
    options.readyDelayMs = 0;
    options.idleTimeoutMs = 1500;
    auto platform = startPlatform(options);
    Http http(platform->baseUrl(), kKey);
    const QString id = readySession(http, *platform);
    QCOMPARE(http.get(sessionPath(id)).object().value(QStringLiteral("idle_timeout_ms")).toInt(),
             1500);

    // Refreshing the clock every 250 ms keeps a 1.5 s window open (6x margin). The reaper runs
    // on a fake clock stepped here, so a loaded machine cannot stretch the window; the reaper's
    // own timer keeps running and reaps by the same clock.
    const QDateTime start = QDateTime::fromString(
        platform->sessionJson(id).value(QStringLiteral("last_seen_at")).toString(),
        Qt::ISODateWithMs);
    QVERIFY(start.isValid());
    auto now = std::make_shared<QDateTime>(start);
    platform->setClock([now] { return *now; });
    for (int step = 1; step <= 14; ++step) { // 3.5 s
        *now = start.addMSecs(250 * step);
        QNetworkReply *events = http.send("GET", sessionPath(id, QStringLiteral("/events")));
        QTRY_VERIFY_WITH_TIMEOUT(events->bytesAvailable() > 0 || events->isFinished(), kWaitMs);
        events->abort();
        events->deleteLater();
        platform->reapIdle();
        QCOMPARE(platform->sessionStatus(id), QStringLiteral("ready"));
    }
    // Left alone, it is reaped once the window is over, not before.
    const QDateTime lastBump = *now;
    *now = lastBump.addMSecs(1500);
    platform->reapIdle();
    QCOMPARE(platform->sessionStatus(id), QStringLiteral("ready"));
    *now = lastBump.addMSecs(1501);
    // The reaper's own timer does it.
    QTRY_COMPARE_WITH_TIMEOUT(platform->sessionStatus(id), QStringLiteral("dead"), kWaitMs);
    const QJsonObject row = http.get(sessionPath(id)).object();
    QCOMPARE(row.value(QStringLiteral("failure_reason")).toString(),
             QStringLiteral("idle timeout"));
    QCOMPARE(row.value(QStringLiteral("phase")).toString(), QStringLiteral("ready")); // not reset
}

void TestLocalPlatformRest::chatMessagesEcho()
{
    LocalPlatformOptions options;
    options.readyDelayMs = 200;
    auto platform = startPlatform(options);
    Http http(platform->baseUrl(), kKey);
    const QString id = createSession(http, QStringLiteral("chat-bot"));
    // Sent while creating: answered once the session is ready.
    HttpResult r = http.post(sessionPath(id, QStringLiteral("/message")), R"({"text":"ping 1"})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object(),
             (QJsonObject{{QStringLiteral("parts"),
                           QJsonArray{QJsonObject{
                               {QStringLiteral("type"), QStringLiteral("text")},
                               {QStringLiteral("text"), QStringLiteral("echo: ping 1")}}}}}));
    const QString hsid =
        http.get(sessionPath(id)).object().value(QStringLiteral("harness_session_id")).toString();
    r = http.post(sessionPath(id, QStringLiteral("/opencode/session/%1/message").arg(hsid)),
                  R"({"parts":[{"type":"text","text":"ping 2"}]})");
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("echo: ping 2"));
    QCOMPARE(http.get(sessionPath(id)).object().value(QStringLiteral("response")).toObject(),
             r.object());

    QCOMPARE(http.post(sessionPath(id, QStringLiteral("/message")), R"({})").status, 400);
    QCOMPARE(http.del(sessionPath(id)).status, 200);
    r = http.post(sessionPath(id, QStringLiteral("/message")), R"({"text":"late"})");
    QCOMPARE(r.status, 410);
    QCOMPARE(http.post(sessionPath(QStringLiteral("nope"), QStringLiteral("/message")),
                       R"({"text":"x"})")
                 .status,
             404);
}

void TestLocalPlatformRest::pipelinedRequestsAnswerInOrder()
{
    auto platform = startPlatform();
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, platform->port());
    QVERIFY(socket.waitForConnected(kWaitMs));
    const QByteArray auth = "Authorization: Bearer " + kKey.toUtf8() + "\r\n";
    const QByteArray body = R"({"title":"lap-cli"})";
    const QByteArray agent = LocalPlatform::agentIdForName(QStringLiteral("shell")).toUtf8();
    socket.write(
        "GET /api/v1/managed_agents/agents?limit=1 HTTP/1.1\r\nHost: x\r\n" + auth +
        "\r\n"
        "GET /api/v1/managed_agents/agents HTTP/1.1\r\nHost: x\r\n\r\n"
        "POST /api/v1/managed_agents/agents/" +
        agent + "/session HTTP/1.1\r\nHost: x\r\n" + auth +
        "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\n\r\n" + body + "GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QByteArray all;
    QVERIFY(QTest::qWaitFor(
        [&] {
            all += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        kWaitMs));
    all += socket.readAll();
    const int first = all.indexOf("HTTP/1.1 200 OK");
    const int second = all.indexOf("HTTP/1.1 401 Unauthorized");
    const int third = all.indexOf("HTTP/1.1 200 OK", second);
    const int fourth = all.indexOf("HTTP/1.1 404 Not Found");
    QVERIFY2(first == 0 && second > first && third > second && fourth > third,
             all.left(400).constData());
    QVERIFY(all.mid(third).contains("\"status\":\"creating\""));
}

void TestLocalPlatformRest::adminRoutes()
{
    auto platform = startPlatform();
    Http http(platform->baseUrl(), kKey);
    QCOMPARE(http.request("POST", QStringLiteral("/__local/options"), R"({"transient_errors":3})",
                          "Bearer x")
                 .status,
             401);
    HttpResult r = http.post(QStringLiteral("/__local/options"),
                             R"({"transient_errors":3,"tty_style":"sandbox"})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QStringLiteral("transient_errors")).toInt(), 3);
    QCOMPARE(platform->options().transientErrors, 3);
    QCOMPARE(platform->options().ttyStyle, TtyStyle::Sandbox);
    r = http.post(QStringLiteral("/__local/options"), R"({"tty_style":"bogus"})");
    QCOMPARE(r.status, 400);
    r = http.post(QStringLiteral("/__local/options"), R"({"port":1})");
    QCOMPARE(r.status, 400);
    QCOMPARE(http.get(QStringLiteral("/__local/options"))
                 .object()
                 .value(QStringLiteral("tty_style"))
                 .toString(),
             QStringLiteral("sandbox"));
    r = http.post(QStringLiteral("/__local/drop-tty"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QStringLiteral("dropped")).toInt(), 0);
    QCOMPARE(http.get(QStringLiteral("/__local/state"))
                 .object()
                 .value(QStringLiteral("open_tty"))
                 .toInt(),
             0);
}

void TestLocalPlatformRest::credentialsFileIsPrivate()
{
    QTemporaryDir dir;
    LocalPlatformOptions options;
    options.credentialsFile = dir.filePath(QStringLiteral("creds.json"));
    const mode_t old = ::umask(0); // even with a permissive umask
    auto platform = startPlatform(options);
    ::umask(old);
    QVERIFY(platform->isListening());
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(options.credentialsFile).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));
    QFile file(options.credentialsFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject creds = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(creds.value(QStringLiteral("base")).toString(), platform->baseUrl().toString());
    QCOMPARE(creds.value(QStringLiteral("key")).toString(), kKey);
    QCOMPARE(creds.value(QStringLiteral("tty_token")).toString(), kToken);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temp file left behind
}

QTEST_GUILESS_MAIN(TestLocalPlatformRest)
#include "tst_localplatform_rest.moc"
