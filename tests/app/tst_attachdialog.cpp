// SPDX-License-Identifier: GPL-2.0-or-later
// AttachDialog against an in-process LocalPlatform holding sessions in every state (ready,
// dead, failed, creating), and against a canned HTTP server where the request itself or an
// error reply is under test.

#include "attachdialog.h"
#include "cannedhttpserver.h"
#include "dlgtestutil.h"
#include "laptest.h"
#include "localplatform.h"
#include "platformclient.h"
#include "sessionlistmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace lap;
using dlgtest::agentPage;
using laptest::CannedHttpServer;
using laptest::CannedResponse;

namespace {

constexpr int kTimeoutMs = 20000;
const QByteArray kSessionsPath = laptest::api("/sessions");
const QByteArray kAgentsPath = laptest::api("/agents");
const QString kForeignId = QString::fromLatin1(laptest::kSessionUuid); // not on the local platform
const QString kAgentA = QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001");
const QString kAgentB = QStringLiteral("bbbbbbbb-0000-4000-8000-000000000002");

QByteArray sessionJson(const QString &id, const QString &agentId, const QString &status)
{
    return QStringLiteral(R"({"id":"%1","agent_id":"%2","status":"%3","phase":"ready",)"
                          R"("failure_reason":null,"sandbox_url":null,"tty_url":null,)"
                          R"("tty_token":null,"supports_tui":true,)"
                          R"("created_at":"2026-05-01T10:00:00.000Z","last_seen_at":null,)"
                          R"("idle_timeout_ms":900000})")
        .arg(id, agentId, status)
        .toUtf8();
}

} // namespace

class TestAttachDialog : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;
    std::unique_ptr<local::LocalPlatform> m_platform;
    std::unique_ptr<PlatformClient> m_client;
    QString m_readyOld;   // shell, ready (oldest)
    QString m_dead;       // codex-shell, reaped as "task disappeared"
    QString m_failed;     // hermes-shell, "watchdog: pod Failed"
    QString m_readyNew;   // shell, ready
    QString m_creating;   // gemini-shell, still starting
    QString m_shellAgent; // the "shell" agent's id

    struct View
    {
        explicit View(AttachDialog *d)
            : agents(d->findChild<QComboBox *>(QStringLiteral("agentFilter")))
            , refresh(d->findChild<QPushButton *>(QStringLiteral("refreshButton")))
            , tree(d->findChild<QTreeView *>(QStringLiteral("sessionView")))
            , stack(d->findChild<QStackedWidget *>(QStringLiteral("stack")))
            , message(d->findChild<QLabel *>(QStringLiteral("messageLabel")))
            , retry(d->findChild<QPushButton *>(QStringLiteral("retryButton")))
            , explanation(d->findChild<QLabel *>(QStringLiteral("explanationLabel")))
            , paste(d->findChild<QLineEdit *>(QStringLiteral("pasteEdit")))
            , pasteMessage(d->findChild<QLabel *>(QStringLiteral("pasteMessageLabel")))
            , status(d->findChild<QLabel *>(QStringLiteral("statusLabel")))
            , busy(d->findChild<QProgressBar *>(QStringLiteral("busyBar")))
            , attach(d->findChild<QPushButton *>(QStringLiteral("attachButton")))
        {}
        bool complete() const
        {
            return agents && refresh && tree && stack && message && retry && explanation && paste &&
                   pasteMessage && status && busy && attach;
        }
        bool listShown() const
        {
            return stack->currentWidget()->objectName() == QLatin1String("listPage");
        }
        int rows() const { return tree->model()->rowCount(); }
        QModelIndex index(int row, int column) const { return tree->model()->index(row, column); }
        QString cell(int row, int column) const { return index(row, column).data().toString(); }
        Session session(int row) const
        {
            return index(row, 0).data(SessionListModel::SessionRole).value<Session>();
        }
        int rowOf(const QString &sessionId) const
        {
            for (int r = 0; r < rows(); ++r) {
                if (session(r).id == sessionId)
                    return r;
            }
            return -1;
        }
        void select(int row) { tree->setCurrentIndex(index(row, 0)); }
        QStringList agentItems() const
        {
            QStringList items;
            for (int i = 0; i < agents->count(); ++i)
                items << agents->itemText(i);
            return items;
        }
        // What a user's pick in the combo does (activated, not just currentIndexChanged).
        void pickAgent(const QString &name)
        {
            const int i = agents->findText(name);
            QVERIFY2(i >= 0, qPrintable(name));
            agents->setCurrentIndex(i);
            emit agents->activated(i);
        }

        QComboBox *agents;
        QPushButton *refresh;
        QTreeView *tree;
        QStackedWidget *stack;
        QLabel *message;
        QPushButton *retry;
        QLabel *explanation;
        QLineEdit *paste;
        QLabel *pasteMessage;
        QLabel *status;
        QProgressBar *busy;
        QPushButton *attach;
    };

    void createSession(const QString &agentName, QString *out)
    {
        QString &id = *out;
        m_client->createSession(local::LocalPlatform::agentIdForName(agentName),
                                QStringLiteral("tst_attachdialog"), [&](const Result<Session> &r) {
                                    QVERIFY2(r.ok(), qPrintable(r.error.text()));
                                    id = r.value.id;
                                });
        QTRY_VERIFY_WITH_TIMEOUT(!id.isEmpty(), kTimeoutMs);
    }

    // A dialog whose list (and agent names) have arrived.
    static void waitLoaded(const View &v)
    {
        QTRY_VERIFY_WITH_TIMEOUT(v.listShown() && !v.busy->isVisible(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(v.agents->count() > 1, kTimeoutMs);
    }

private slots:
    void initTestCase()
    {
        local::LocalPlatformOptions options;
        options.readyDelayMs = 0;
        m_platform = std::make_unique<local::LocalPlatform>(options);
        QString error;
        QVERIFY2(m_platform->start(&error), qPrintable(error));
        PlatformConfig config;
        config.baseUrl = m_platform->baseUrl();
        config.masterKey = m_platform->masterKey();
        m_client = std::make_unique<PlatformClient>(&m_nam, config);
        m_shellAgent = local::LocalPlatform::agentIdForName(QStringLiteral("shell"));

        createSession(QStringLiteral("shell"), &m_readyOld);
        createSession(QStringLiteral("codex-shell"), &m_dead);
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->sessionStatus(m_dead), QStringLiteral("ready"),
                                  kTimeoutMs);
        QVERIFY(m_platform->markDead(m_dead, QStringLiteral("task disappeared")));
        m_platform->setFailStartup(QStringLiteral("watchdog: pod Failed"));
        createSession(QStringLiteral("hermes-shell"), &m_failed);
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->sessionStatus(m_failed), QStringLiteral("failed"),
                                  kTimeoutMs);
        m_platform->setFailStartup(QString());
        createSession(QStringLiteral("shell"), &m_readyNew);
        m_platform->setReadyDelayMs(3600000);
        createSession(QStringLiteral("gemini-shell"), &m_creating);
        m_platform->setReadyDelayMs(0);
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->sessionStatus(m_readyOld), QStringLiteral("ready"),
                                  kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_platform->sessionStatus(m_readyNew), QStringLiteral("ready"),
                                  kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_platform->sessionJson(m_creating).value(QLatin1String("phase")).toString(),
            QStringLiteral("creating_sandbox"), kTimeoutMs);
        QCOMPARE(m_platform->sessionStatus(m_creating), QStringLiteral("creating"));
    }

    void cleanupTestCase()
    {
        if (m_platform)
            m_platform->stop();
    }

    void listsEverySessionWithItsColumns()
    {
        AttachDialog dialog(m_client.get());
        dialog.show();
        View v(&dialog);
        QVERIFY(v.complete());
        waitLoaded(v);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Attach to a session — 127.0.0.1"));
        QCOMPARE(v.rows(), 5);
        QCOMPARE(v.status->text(), QStringLiteral("5 sessions"));
        const auto header = [&](int c) {
            return v.tree->model()->headerData(c, Qt::Horizontal).toString();
        };
        QCOMPARE(header(SessionListModel::AgentColumn), QStringLiteral("Agent"));
        QCOMPARE(header(SessionListModel::StatusColumn), QStringLiteral("Status"));
        QCOMPARE(header(SessionListModel::AgeColumn), QStringLiteral("Age"));
        QCOMPARE(header(SessionListModel::LastActivityColumn), QStringLiteral("Last activity"));
        QCOMPARE(header(SessionListModel::SessionColumn), QStringLiteral("Session"));

        // Newest first, as the platform lists them.
        const QStringList order{m_creating, m_readyNew, m_failed, m_dead, m_readyOld};
        for (int r = 0; r < order.size(); ++r)
            QCOMPARE(v.session(r).id, order.at(r));

        struct Expected
        {
            QString id, agent, status, lastActivity;
            QColor color;
        };
        const QColor green(0x2e, 0x7d, 0x32), blue(0x15, 0x65, 0xc0), red(0xc6, 0x28, 0x28);
        const QList<Expected> expected{
            {m_creating, QStringLiteral("gemini-shell"), QStringLiteral("creating"),
             QStringLiteral("—"), blue},
            {m_readyNew, QStringLiteral("shell"), QStringLiteral("ready"),
             QStringLiteral("< 1 min ago"), green},
            {m_failed, QStringLiteral("hermes-shell"), QStringLiteral("failed"),
             QStringLiteral("—"), red},
            {m_dead, QStringLiteral("codex-shell"), QStringLiteral("dead"),
             QStringLiteral("< 1 min ago"), red},
            {m_readyOld, QStringLiteral("shell"), QStringLiteral("ready"),
             QStringLiteral("< 1 min ago"), green},
        };
        for (const Expected &e : expected) {
            const int r = v.rowOf(e.id);
            QVERIFY(r >= 0);
            QCOMPARE(v.cell(r, SessionListModel::AgentColumn), e.agent);
            QCOMPARE(v.cell(r, SessionListModel::StatusColumn), e.status);
            QCOMPARE(
                v.index(r, SessionListModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>(),
                e.color);
            QCOMPARE(v.cell(r, SessionListModel::AgeColumn), QStringLiteral("< 1 min"));
            QCOMPARE(v.cell(r, SessionListModel::LastActivityColumn), e.lastActivity);
            QCOMPARE(v.cell(r, SessionListModel::SessionColumn), e.id.left(8));
            QCOMPARE(v.index(r, SessionListModel::SessionColumn).data(Qt::ToolTipRole).toString(),
                     e.status == QLatin1String("ready")
                         ? e.id
                         : SessionListModel::notReadyExplanation(v.session(r)));
        }

        // The newest ready session is selected, so Enter attaches at once.
        QCOMPARE(dialog.chosen().sessionId, m_readyNew);
        QVERIFY(!dialog.chosen().baseOverride.isValid());
        QCOMPARE(dialog.chosenSession().agentId, m_shellAgent);
        QVERIFY(v.attach->isEnabled());
        QVERIFY(!v.explanation->isVisible());
        QVERIFY(!v.pasteMessage->isVisible());

        // Agents that have sessions, by name.
        QCOMPARE(v.agentItems(),
                 (QStringList{QStringLiteral("All agents"), QStringLiteral("codex-shell"),
                              QStringLiteral("gemini-shell"), QStringLiteral("hermes-shell"),
                              QStringLiteral("shell")}));
        QVERIFY(dlgtest::saveScreenshot(&dialog, QStringLiteral("attachdialog.png")));
    }

    void durations()
    {
        QCOMPARE(SessionListModel::durationText(-30), QStringLiteral("< 1 min"));
        QCOMPARE(SessionListModel::durationText(59), QStringLiteral("< 1 min"));
        QCOMPARE(SessionListModel::durationText(60), QStringLiteral("1 min"));
        QCOMPARE(SessionListModel::durationText(3 * 60 + 59), QStringLiteral("3 min"));
        QCOMPARE(SessionListModel::durationText(3599), QStringLiteral("59 min"));
        QCOMPARE(SessionListModel::durationText(2 * 3600 + 1), QStringLiteral("2 h"));
        QCOMPARE(SessionListModel::durationText(47 * 3600), QStringLiteral("47 h"));
        QCOMPARE(SessionListModel::durationText(3 * 86400), QStringLiteral("3 d"));
    }

    void notReadyRowsCannotBeAttachedAndSayWhy()
    {
        AttachDialog dialog(m_client.get());
        dialog.show();
        View v(&dialog);
        waitLoaded(v);
        QSignalSpy accepted(&dialog, &QDialog::accepted);

        struct Case
        {
            QString id, explanation;
        };
        const QList<Case> cases{
            {m_dead, QStringLiteral("Cannot attach — the session is dead: task disappeared. Open "
                                    "its agent again for a new session.")},
            {m_failed, QStringLiteral("Cannot attach — the session is failed: watchdog: pod "
                                      "Failed. Open its agent again for a new session.")},
            {m_creating,
             QStringLiteral("Cannot attach yet — the session is creating: still starting "
                            "(creating_sandbox). Refresh when it is ready.")},
        };
        for (const Case &c : cases) {
            const int row = v.rowOf(c.id);
            v.select(row);
            QVERIFY(!v.attach->isEnabled());
            QVERIFY(v.explanation->isVisible());
            QCOMPARE(v.explanation->text(), c.explanation);
            QVERIFY(dialog.chosen().sessionId.isEmpty());

            v.tree->setFocus();
            QTest::keyClick(v.tree, Qt::Key_Return);
            const QModelIndex at = v.index(row, 0);
            QTest::mouseDClick(v.tree->viewport(), Qt::LeftButton, {},
                               v.tree->visualRect(at).center());
            dialog.accept();
            QVERIFY(dialog.isVisible());
            QCOMPARE(accepted.count(), 0);
            if (c.id == m_dead)
                QVERIFY(dlgtest::saveScreenshot(&dialog, QStringLiteral("attachdialog-dead.png")));
        }

        // Back on a ready row, the explanation goes away.
        v.select(v.rowOf(m_readyOld));
        QVERIFY(v.attach->isEnabled());
        QVERIFY(!v.explanation->isVisible());
    }

    void enterOnAReadyRowAccepts()
    {
        AttachDialog dialog(m_client.get());
        dialog.show();
        View v(&dialog);
        waitLoaded(v);
        v.select(v.rowOf(m_readyOld));
        v.tree->setFocus();
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::keyClick(v.tree, Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.chosen().sessionId, m_readyOld);
        QVERIFY(!dialog.chosen().baseOverride.isValid());
        QCOMPARE(dialog.chosenSession().id, m_readyOld);
        QCOMPARE(dialog.agentDisplayName(dialog.chosenSession().agentId), QStringLiteral("shell"));
    }

    void doubleClickOnAReadyRowAccepts()
    {
        AttachDialog dialog(m_client.get());
        dialog.show();
        View v(&dialog);
        waitLoaded(v);
        const QModelIndex at = v.index(v.rowOf(m_readyOld), SessionListModel::StatusColumn);
        const QPoint center = v.tree->visualRect(at).center();
        QTest::mouseClick(v.tree->viewport(), Qt::LeftButton, {}, center);
        QTest::mouseDClick(v.tree->viewport(), Qt::LeftButton, {}, center);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.chosen().sessionId, m_readyOld);
    }

    void filterByAgentListsOnlyItsSessions()
    {
        AttachDialog dialog(m_client.get());
        dialog.show();
        View v(&dialog);
        waitLoaded(v);
        v.pickAgent(QStringLiteral("shell"));
        QCOMPARE(dialog.agentFilter(), m_shellAgent);
        QVERIFY(v.busy->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!v.busy->isVisible(), kTimeoutMs);
        QCOMPARE(v.rows(), 2);
        QCOMPARE(v.session(0).id, m_readyNew);
        QCOMPARE(v.session(1).id, m_readyOld);
        QCOMPARE(v.status->text(), QStringLiteral("2 sessions of “shell”"));
        QCOMPARE(v.agents->currentText(), QStringLiteral("shell"));

        v.pickAgent(QStringLiteral("codex-shell"));
        QTRY_VERIFY_WITH_TIMEOUT(!v.busy->isVisible(), kTimeoutMs);
        QCOMPARE(v.rows(), 1);
        QCOMPARE(v.status->text(), QStringLiteral("1 session of “codex-shell”"));
        // Its only session is dead: nothing is selected, nothing can be attached.
        QVERIFY(!v.attach->isEnabled());

        v.pickAgent(QStringLiteral("All agents"));
        QTRY_VERIFY_WITH_TIMEOUT(!v.busy->isVisible(), kTimeoutMs);
        QCOMPARE(v.rows(), 5);
    }

    // The filter is the platform's: GET /sessions?agent_id=…&limit=200.
    void filterReachesTheServerAsAgentId()
    {
        CannedHttpServer server;
        QVERIFY(server.start());
        server.script("GET", kAgentsPath,
                      {CannedResponse::json(200, agentPage({{kAgentA, QStringLiteral("alpha")},
                                                            {kAgentB, QStringLiteral("beta")}}))});
        server.on("GET", kSessionsPath, [](const laptest::CannedRequest &req) {
            const QString agent = req.param(QStringLiteral("agent_id"));
            QByteArray rows;
            if (agent.isEmpty() || agent == kAgentA)
                rows += sessionJson(QStringLiteral("aaaa0000-0000-4000-8000-000000000011"), kAgentA,
                                    QStringLiteral("ready"));
            if (agent.isEmpty() || agent == kAgentB)
                rows += QByteArray(rows.isEmpty() ? "" : ",") +
                        sessionJson(QStringLiteral("bbbb0000-0000-4000-8000-000000000022"), kAgentB,
                                    QStringLiteral("ready"));
            return CannedResponse::json(200, "[" + rows + "]");
        });
        PlatformConfig config;
        config.baseUrl = server.baseUrl();
        config.masterKey = QStringLiteral("k");
        PlatformClient client(&m_nam, config);
        AttachDialog dialog(&client);
        dialog.show();
        View v(&dialog);
        waitLoaded(v);
        QCOMPARE(v.rows(), 2);
        QList<laptest::CannedRequest> requests = server.requestsTo("GET", kSessionsPath);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.at(0).query, QByteArray("limit=200"));

        v.pickAgent(QStringLiteral("beta"));
        QTRY_COMPARE_WITH_TIMEOUT(server.count("GET", kSessionsPath), 2, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!v.busy->isVisible(), kTimeoutMs);
        requests = server.requestsTo("GET", kSessionsPath);
        QCOMPARE(requests.at(1).param(QStringLiteral("agent_id")), kAgentB);
        QCOMPARE(requests.at(1).param(QStringLiteral("limit")), QStringLiteral("200"));
        QCOMPARE(v.rows(), 1);
        QCOMPARE(v.cell(0, SessionListModel::AgentColumn), QStringLiteral("beta"));

        // Refresh asks again with the same filter.
        v.refresh->click();
        QTRY_COMPARE_WITH_TIMEOUT(server.count("GET", kSessionsPath), 3, kTimeoutMs);
        QCOMPARE(server.requestsTo("GET", kSessionsPath).at(2).param(QStringLiteral("agent_id")),
                 kAgentB);
    }

    void pastedUrlOfAnotherPlatformOverridesTheBase()
    {
        AttachDialog dialog(m_client.get());
        dialog.show();
        View v(&dialog);
        waitLoaded(v);
        v.paste->setFocus();
        QTest::keyClicks(v.paste, QStringLiteral("http://127.0.0.1:9/lap/sessions/") + kForeignId +
                                      QStringLiteral("/"));
        // The paste, not the row, is what Attach uses now.
        QVERIFY(v.tree->selectionModel()->selectedRows().isEmpty());
        QVERIFY(v.attach->isEnabled());
        QVERIFY(v.pasteMessage->isVisible());
        QCOMPARE(v.pasteMessage->text(),
                 QStringLiteral("This session is on http://127.0.0.1:9/lap, not on %1: the tab "
                                "asks before it sends your master key there.")
                     .arg(m_platform->baseUrl().toString()));
        QVERIFY(dlgtest::saveScreenshot(&dialog, QStringLiteral("attachdialog-paste-url.png")));
        // A saved profile for that origin lends its own key; the note says whose.
        dialog.setOtherProfiles(
            {Profile{QStringLiteral("staging"), QUrl(QStringLiteral("http://127.0.0.1:9"))}});
        QCOMPARE(v.pasteMessage->text(),
                 QStringLiteral("This session is on http://127.0.0.1:9/lap: the tab uses the key "
                                "of your profile “staging”."));
        // The same origin under another path prefix gets this profile's key as it is.
        v.paste->setText(m_platform->baseUrl().toString() + QStringLiteral("/other/sessions/") +
                         kForeignId);
        QCOMPARE(v.pasteMessage->text(),
                 QStringLiteral("This session is under %1/other: LAP Desktop attaches there for "
                                "this tab only.")
                     .arg(m_platform->baseUrl().toString()));
        v.paste->setText(QStringLiteral("http://127.0.0.1:9/lap/sessions/") + kForeignId +
                         QStringLiteral("/"));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::keyClick(v.paste, Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        const ResumeArgument chosen = dialog.chosen();
        QCOMPARE(chosen.sessionId, kForeignId);
        QCOMPARE(chosen.baseOverride, QUrl(QStringLiteral("http://127.0.0.1:9/lap")));
        QCOMPARE(dialog.chosenSession().id, QString()); // not one of the listed rows
    }

    void pastedUrlOfThisPlatformNeedsNoOverride()
    {
        AttachDialog dialog(m_client.get());
        dialog.show();
        View v(&dialog);
        waitLoaded(v);
        v.paste->setText(m_platform->baseUrl().toString() + QStringLiteral("/sessions/") +
                         m_readyOld.toUpper());
        QVERIFY(v.attach->isEnabled());
        QVERIFY(!v.pasteMessage->isVisible());
        QCOMPARE(dialog.chosen().sessionId, m_readyOld);
        QVERIFY(!dialog.chosen().baseOverride.isValid());
        QCOMPARE(dialog.chosenSession().agentId, m_shellAgent);

        // A pasted id of a listed dead session is refused with the reason.
        v.paste->setText(m_dead);
        QVERIFY(!v.attach->isEnabled());
        QCOMPARE(v.pasteMessage->text(),
                 QStringLiteral("Cannot attach — the session is dead: task disappeared. Open its "
                                "agent again for a new session."));
        dialog.accept();
        QVERIFY(dialog.isVisible());

        // A bare id that is not listed (older than the newest 200) is left to the attach.
        v.paste->setText(kForeignId);
        QVERIFY(v.attach->isEnabled());
        QCOMPARE(dialog.chosen().sessionId, kForeignId);
        QVERIFY(!dialog.chosen().baseOverride.isValid());
    }

    void garbagePasteShowsTheErrorInline()
    {
        AttachDialog dialog(m_client.get());
        dialog.show();
        View v(&dialog);
        waitLoaded(v);
        QVERIFY(v.attach->isEnabled()); // the preselected ready row
        v.paste->setFocus();
        QTest::keyClicks(v.paste, QStringLiteral("x"));
        QVERIFY(v.pasteMessage->isVisible());
        QCOMPARE(v.pasteMessage->text(),
                 QStringLiteral("'x' is not a session id or a <base>/sessions/<id> URL."));
        QVERIFY(!v.attach->isEnabled());
        QVERIFY(dialog.chosen().sessionId.isEmpty());
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::keyClick(v.paste, Qt::Key_Return);
        dialog.accept();
        QCOMPARE(accepted.count(), 0);
        QVERIFY(dialog.isVisible());
        QVERIFY(dlgtest::saveScreenshot(&dialog, QStringLiteral("attachdialog-paste-error.png")));

        // Picking a row instead clears the paste and its error.
        const QModelIndex at = v.index(v.rowOf(m_readyNew), SessionListModel::AgentColumn);
        QTest::mouseClick(v.tree->viewport(), Qt::LeftButton, {}, v.tree->visualRect(at).center());
        QCOMPARE(v.paste->text(), QString());
        QVERIFY(!v.pasteMessage->isVisible());
        QVERIFY(v.attach->isEnabled());
        QCOMPARE(dialog.chosen().sessionId, m_readyNew);
    }

    void errorIsShownInPlaceWithRetry()
    {
        CannedHttpServer server;
        QVERIFY(server.start());
        // No agent names either: rows fall back to the short agent id.
        server.script("GET", kAgentsPath,
                      {CannedResponse::json(500, R"({"error":"agents are down"})")});
        server.script(
            "GET", kSessionsPath,
            {CannedResponse::json(500, R"({"error":"database is down"})"),
             CannedResponse::json(
                 200, "[" +
                          sessionJson(QStringLiteral("cccc0000-0000-4000-8000-000000000033"),
                                      kAgentA, QStringLiteral("ready")) +
                          "]")});
        PlatformConfig config;
        config.baseUrl = server.baseUrl();
        config.masterKey = QStringLiteral("k");
        PlatformClient client(&m_nam, config);
        AttachDialog dialog(&client);
        dialog.show();
        View v(&dialog);
        QTRY_VERIFY_WITH_TIMEOUT(v.retry->isVisible(), kTimeoutMs);
        QVERIFY(!v.listShown());
        QCOMPARE(v.message->text(),
                 QStringLiteral("Listing sessions failed: server error (HTTP 500): database is "
                                "down. The platform had a problem; try again in a moment."));
        QVERIFY(!v.attach->isEnabled());
        QVERIFY(!v.busy->isVisible());
        QVERIFY(dlgtest::saveScreenshot(&dialog, QStringLiteral("attachdialog-error.png")));

        v.retry->click();
        QTRY_VERIFY_WITH_TIMEOUT(v.listShown(), kTimeoutMs);
        QCOMPARE(v.rows(), 1);
        QCOMPARE(v.cell(0, SessionListModel::AgentColumn), kAgentA.left(8));
        QCOMPARE(v.cell(0, SessionListModel::LastActivityColumn), QStringLiteral("—"));
        QCOMPARE(v.agentItems(), (QStringList{QStringLiteral("All agents"), kAgentA.left(8)}));
        QVERIFY(v.attach->isEnabled());
    }

    void loadingAndEmptyStates()
    {
        CannedHttpServer server;
        QVERIFY(server.start());
        server.script("GET", kAgentsPath, {CannedResponse::json(200, agentPage({}))});
        server.script("GET", kSessionsPath, {CannedResponse::stalled()});
        PlatformConfig config;
        config.baseUrl = server.baseUrl();
        config.masterKey = QStringLiteral("k");
        PlatformClient client(&m_nam, config);
        {
            AttachDialog dialog(&client);
            dialog.show();
            View v(&dialog);
            QVERIFY(!v.listShown());
            QVERIFY(v.busy->isVisible());
            QCOMPARE(v.message->text(),
                     QStringLiteral("Loading sessions from %1…").arg(server.baseUrl().toString()));
            QVERIFY(!v.retry->isVisible());
            QVERIFY(!v.attach->isEnabled());
        }

        server.script("GET", kSessionsPath, {CannedResponse::json(200, "[]")});
        AttachDialog dialog(&client);
        dialog.show();
        View v(&dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!v.busy->isVisible(), kTimeoutMs);
        QVERIFY(!v.listShown());
        QCOMPARE(v.message->text(),
                 QStringLiteral("There are no sessions on %1. Open an agent to start one.")
                     .arg(server.baseUrl().toString()));
        QCOMPARE(v.status->text(), QStringLiteral("0 sessions"));
        QVERIFY(!v.attach->isEnabled());
    }
};

QTEST_MAIN(TestAttachDialog)
#include "tst_attachdialog.moc"
