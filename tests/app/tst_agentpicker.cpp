// SPDX-License-Identifier: GPL-2.0-or-later
// AgentPicker against an in-process LocalPlatform with more agents than one page holds, and
// against a canned HTTP server where the request itself is under test.

#include "agentlistmodel.h"
#include "agentpicker.h"
#include "cannedhttpserver.h"
#include "dlgtestutil.h"
#include "laptest.h"
#include "localplatform.h"
#include "platformclient.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace lap;
using laptest::CannedHttpServer;
using laptest::CannedResponse;

namespace {

constexpr int kTimeoutMs = 20000;
constexpr int kFillers = 230; // more than one page of 200
const QByteArray kAgentsPath = laptest::api("/agents");
const QString kAgentId = QString::fromLatin1(laptest::kAgentUuid);

// What the server saw of a request: "GET /path?query".
QByteArray requestLine(const laptest::CannedRequest &r)
{
    return r.method + ' ' + r.path + '?' + r.query;
}

} // namespace

class TestAgentPicker : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;
    std::unique_ptr<local::LocalPlatform> m_platform;
    std::unique_ptr<PlatformClient> m_client;

    struct View
    {
        explicit View(AgentPicker *p)
            : filter(p->findChild<QLineEdit *>(QStringLiteral("filterEdit")))
            , tree(p->findChild<QTreeView *>(QStringLiteral("agentView")))
            , stack(p->findChild<QStackedWidget *>(QStringLiteral("stack")))
            , message(p->findChild<QLabel *>(QStringLiteral("messageLabel")))
            , retry(p->findChild<QPushButton *>(QStringLiteral("retryButton")))
            , status(p->findChild<QLabel *>(QStringLiteral("statusLabel")))
            , explanation(p->findChild<QLabel *>(QStringLiteral("explanationLabel")))
            , busy(p->findChild<QProgressBar *>(QStringLiteral("busyBar")))
            , open(p->findChild<QPushButton *>(QStringLiteral("openButton")))
        {}
        bool complete() const
        {
            return filter && tree && stack && message && retry && status && explanation && busy &&
                   open;
        }
        bool listShown() const
        {
            return stack->currentWidget()->objectName() == QLatin1String("listPage");
        }
        int rows() const { return tree->model()->rowCount(); }
        QString cell(int row, int column) const
        {
            return tree->model()->index(row, column).data().toString();
        }
        int rowOfName(const QString &name) const
        {
            for (int r = 0; r < rows(); ++r) {
                if (cell(r, AgentListModel::NameColumn) == name)
                    return r;
            }
            return -1;
        }
        void select(int row) { tree->setCurrentIndex(tree->model()->index(row, 0)); }

        QLineEdit *filter;
        QTreeView *tree;
        QStackedWidget *stack;
        QLabel *message;
        QPushButton *retry;
        QLabel *status;
        QLabel *explanation;
        QProgressBar *busy;
        QPushButton *open;
    };

private slots:
    void initTestCase()
    {
        local::LocalPlatformOptions options;
        options.extraAgents = kFillers;
        m_platform = std::make_unique<local::LocalPlatform>(options);
        QString error;
        QVERIFY2(m_platform->start(&error), qPrintable(error));
        PlatformConfig config;
        config.baseUrl = m_platform->baseUrl();
        config.masterKey = m_platform->masterKey();
        m_client = std::make_unique<PlatformClient>(&m_nam, config);

        // One session, so the picker has an active one to show.
        bool created = false;
        m_client->createSession(local::LocalPlatform::agentIdForName(QStringLiteral("shell")),
                                QStringLiteral("tst_agentpicker"), [&](const Result<Session> &r) {
                                    QVERIFY2(r.ok(), qPrintable(r.error.text()));
                                    created = true;
                                });
        QTRY_VERIFY_WITH_TIMEOUT(created, kTimeoutMs);
    }

    void cleanupTestCase()
    {
        if (m_platform)
            m_platform->stop();
    }

    void listsEveryAgentOverAllPages()
    {
        AgentPicker picker(m_client.get());
        picker.show();
        View v(&picker);
        QVERIFY(v.complete());
        QTRY_VERIFY_WITH_TIMEOUT(v.listShown(), kTimeoutMs);
        const int total = m_platform->agents().size();
        QCOMPARE(total, kFillers + 5);
        QCOMPARE(v.rows(), total);
        QCOMPARE(v.status->text(), QStringLiteral("%1 agents").arg(total));
        QVERIFY(!v.busy->isVisible());
        QVERIFY(v.rowOfName(QStringLiteral("filler-230")) >= 0); // only on the second page

        // Newest first; the first openable agent is selected so Enter works at once.
        QCOMPARE(v.cell(0, AgentListModel::NameColumn), QStringLiteral("shell"));
        QCOMPARE(picker.selectedAgent().name, QStringLiteral("shell"));
        QVERIFY(v.open->isEnabled());

        const int shell = v.rowOfName(QStringLiteral("shell"));
        QCOMPARE(v.cell(shell, AgentListModel::HarnessColumn), QStringLiteral("claude-code"));
        QCOMPARE(v.cell(shell, AgentListModel::ModeColumn), QStringLiteral("Terminal"));
        QCOMPARE(v.cell(shell, AgentListModel::SessionsColumn), QStringLiteral("1 · active"));
        const int codex = v.rowOfName(QStringLiteral("codex-shell"));
        QCOMPARE(v.cell(codex, AgentListModel::SessionsColumn), QStringLiteral("0"));
        const int chat = v.rowOfName(QStringLiteral("chat-bot"));
        QCOMPARE(v.cell(chat, AgentListModel::HarnessColumn), QStringLiteral("opencode"));
        QCOMPARE(v.cell(chat, AgentListModel::ModeColumn),
                 QStringLiteral("Chat — not supported yet"));
        QCOMPARE(v.tree->model()
                     ->index(chat, AgentListModel::ModeColumn)
                     .data(Qt::ToolTipRole)
                     .toString(),
                 QStringLiteral("“chat-bot” uses the opencode harness, which works in chat "
                                "mode. LAP Desktop opens terminal (TUI) agents only; chat mode "
                                "comes in a later version."));

        v.select(chat);
        QVERIFY(dlgtest::saveScreenshot(&picker, QStringLiteral("agentpicker.png")));
    }

    void chatAgentCannotBeOpenedAndSaysWhy()
    {
        AgentPicker picker(m_client.get());
        picker.show();
        View v(&picker);
        QTRY_VERIFY_WITH_TIMEOUT(v.listShown(), kTimeoutMs);
        const int chat = v.rowOfName(QStringLiteral("chat-bot"));
        v.select(chat);
        QCOMPARE(picker.selectedAgent().name, QStringLiteral("chat-bot"));
        QVERIFY(!v.open->isEnabled());
        QVERIFY(v.explanation->isVisible());
        QCOMPARE(v.explanation->text(),
                 QStringLiteral("“chat-bot” uses the opencode harness, which works in chat "
                                "mode. LAP Desktop opens terminal (TUI) agents only; chat mode "
                                "comes in a later version."));

        v.tree->setFocus();
        QTest::keyClick(v.tree, Qt::Key_Return);
        QTest::mouseDClick(v.tree->viewport(), Qt::LeftButton, {},
                           v.tree->visualRect(v.tree->model()->index(chat, 0)).center());
        picker.accept();
        QVERIFY(picker.isVisible());
        QCOMPARE(picker.result(), int(QDialog::Rejected));

        // Moving to a terminal agent clears the explanation again.
        v.select(v.rowOfName(QStringLiteral("codex-shell")));
        QVERIFY(v.open->isEnabled());
        QVERIFY(!v.explanation->isVisible());
    }

    void enterOnATerminalAgentAccepts()
    {
        AgentPicker picker(m_client.get());
        picker.show();
        View v(&picker);
        QTRY_VERIFY_WITH_TIMEOUT(v.listShown(), kTimeoutMs);
        const int row = v.rowOfName(QStringLiteral("filler-042"));
        QVERIFY(row >= 0);
        v.select(row);
        v.tree->setFocus();
        QSignalSpy accepted(&picker, &QDialog::accepted);
        QTest::keyClick(v.tree, Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(picker.result(), int(QDialog::Accepted));
        const Agent a = picker.selectedAgent();
        QCOMPARE(a.name, QStringLiteral("filler-042"));
        QCOMPARE(a.id, local::LocalPlatform::agentIdForName(QStringLiteral("filler-042")));
        QCOMPARE(a.harnessId, QStringLiteral("claude-code"));
        QVERIFY(a.isTui());
    }

    void doubleClickOpens()
    {
        AgentPicker picker(m_client.get());
        picker.show();
        View v(&picker);
        QTRY_VERIFY_WITH_TIMEOUT(v.listShown(), kTimeoutMs);
        const QModelIndex gemini =
            v.tree->model()->index(v.rowOfName(QStringLiteral("gemini-shell")), 0);
        v.tree->scrollTo(gemini);
        const QPoint at = v.tree->visualRect(gemini).center();
        QTest::mouseClick(v.tree->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(v.tree->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(picker.result(), int(QDialog::Accepted));
        QCOMPARE(picker.selectedAgent().name, QStringLiteral("gemini-shell"));
    }

    void filterNarrowsOnTheServer()
    {
        AgentPicker picker(m_client.get());
        picker.show();
        View v(&picker);
        QTRY_VERIFY_WITH_TIMEOUT(v.listShown(), kTimeoutMs);
        QTest::keyClicks(v.filter, QStringLiteral("filler-01"));
        QVERIFY(v.busy->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(v.rows(), 10, kTimeoutMs); // filler-010 … filler-019
        QCOMPARE(v.status->text(), QStringLiteral("10 agents matching “filler-01”"));
        for (int r = 0; r < v.rows(); ++r)
            QVERIFY(v.cell(r, AgentListModel::NameColumn).startsWith(QLatin1String("filler-01")));

        // Arrow keys in the filter move through the list; the cursor stays in the filter.
        QCOMPARE(picker.selectedAgent().name, QStringLiteral("filler-010"));
        QTest::keyClick(v.filter, Qt::Key_Down);
        QCOMPARE(picker.selectedAgent().name, QStringLiteral("filler-011"));

        // Enter right after typing searches at once instead of opening the stale selection.
        QTest::keyClicks(v.filter, QStringLiteral("7"));
        QTest::keyClick(v.filter, Qt::Key_Return);
        QVERIFY(picker.isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(v.rows(), 1, kTimeoutMs);
        QCOMPARE(picker.selectedAgent().name, QStringLiteral("filler-017"));

        // Then Enter opens it.
        QTest::keyClick(v.filter, Qt::Key_Return);
        QCOMPARE(picker.result(), int(QDialog::Accepted));
        QCOMPARE(picker.selectedAgent().name, QStringLiteral("filler-017"));
    }

    void noMatchIsSaidInPlace()
    {
        AgentPicker picker(m_client.get());
        picker.show();
        View v(&picker);
        QTRY_VERIFY_WITH_TIMEOUT(v.listShown(), kTimeoutMs);
        v.filter->setText(QStringLiteral("no-such-agent"));
        QTRY_VERIFY_WITH_TIMEOUT(!v.listShown() && !v.busy->isVisible(), kTimeoutMs);
        QCOMPARE(v.message->text(), QStringLiteral("No agent matches “no-such-agent”."));
        QVERIFY(!v.retry->isVisible());
        QVERIFY(!v.open->isEnabled());
        QVERIFY(picker.selectedAgent().id.isEmpty());
    }

    // The typed text goes to the server as ?search= (every page), debounced, and a change
    // while a listing is in flight drops the old one.
    void searchParameterReachesTheServer()
    {
        CannedHttpServer server;
        QVERIFY(server.start());
        server.script("GET", kAgentsPath,
                      {CannedResponse::json(
                          200, dlgtest::agentPage({{kAgentId, QStringLiteral("c++ helper"),
                                                    QStringLiteral("codex"), true, 2, false}}))});
        PlatformConfig config;
        config.baseUrl = server.baseUrl();
        config.masterKey = QStringLiteral("k");
        PlatformClient client(&m_nam, config);
        AgentPicker picker(&client);
        picker.show();
        View v(&picker);
        QTRY_VERIFY_WITH_TIMEOUT(v.listShown(), kTimeoutMs);
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(requestLine(server.requests().first()),
                 QByteArray("GET /api/v1/managed_agents/agents?limit=200&offset=0"));

        QTest::keyClicks(v.filter, QStringLiteral("c++ h"));
        QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 2, kTimeoutMs);
        QCOMPARE(
            requestLine(server.requests().last()),
            QByteArray("GET /api/v1/managed_agents/agents?limit=200&offset=0&search=c%2B%2B%20h"));
        QTRY_VERIFY_WITH_TIMEOUT(!v.busy->isVisible(), kTimeoutMs);
        QCOMPARE(v.cell(0, AgentListModel::NameColumn), QStringLiteral("c++ helper"));
        QCOMPARE(v.cell(0, AgentListModel::SessionsColumn), QStringLiteral("2"));
        // Typing five characters cost one request, not five.
        QTest::qWait(AgentPicker::kFilterDebounceMs * 2);
        QCOMPARE(server.requests().size(), 2);
    }

    void errorIsShownInPlaceWithRetry()
    {
        CannedHttpServer server;
        QVERIFY(server.start());
        server.script(
            "GET", kAgentsPath,
            {CannedResponse::json(500, R"({"error":"database is down"})"),
             CannedResponse::json(
                 200, dlgtest::agentPage({{kAgentId, QStringLiteral("shell"),
                                           QStringLiteral("claude-code"), true, 0, false}}))});
        PlatformConfig config;
        config.baseUrl = server.baseUrl();
        config.masterKey = QStringLiteral("k");
        PlatformClient client(&m_nam, config);
        AgentPicker picker(&client);
        picker.show();
        View v(&picker);
        QTRY_VERIFY_WITH_TIMEOUT(v.retry->isVisible(), kTimeoutMs);
        QVERIFY(!v.listShown());
        QCOMPARE(v.message->text(),
                 QStringLiteral("Listing agents failed: server error (HTTP 500): database is "
                                "down. The platform had a problem; try again in a moment."));
        QVERIFY(!v.open->isEnabled());
        QVERIFY(!v.busy->isVisible());
        QVERIFY(dlgtest::saveScreenshot(&picker, QStringLiteral("agentpicker-error.png")));

        v.retry->click();
        QTRY_VERIFY_WITH_TIMEOUT(v.listShown(), kTimeoutMs);
        QCOMPARE(v.rows(), 1);
        QCOMPARE(server.requests().size(), 2);
        QVERIFY(v.open->isEnabled());
    }

    void loadingIsShownAndClosingAborts()
    {
        CannedHttpServer silent;
        QVERIFY(silent.start());
        silent.script("GET", kAgentsPath, {CannedResponse::stalled()}); // never answers
        PlatformConfig config;
        config.baseUrl = silent.baseUrl();
        config.masterKey = QStringLiteral("k");
        PlatformClient client(&m_nam, config);
        auto picker = std::make_unique<AgentPicker>(&client);
        picker->show();
        View v(picker.get());
        QVERIFY(!v.listShown());
        QVERIFY(v.busy->isVisible());
        QCOMPARE(v.message->text(),
                 QStringLiteral("Loading agents from %1…").arg(silent.baseUrl().toString()));
        QVERIFY(!v.retry->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(silent.requests().size(), 1, kTimeoutMs);

        // Typing drops the listing in flight at once (the server sees its connection go) and
        // lists again for the new text after the debounce. The server deletes a socket once it
        // disconnects: a QPointer, so that a new socket at the same address is not taken for it.
        QPointer<QTcpSocket> first = silent.findChild<QTcpSocket *>();
        QVERIFY(first);
        QSignalSpy firstGone(first.data(), &QTcpSocket::disconnected);
        QTest::keyClicks(v.filter, QStringLiteral("x"));
        QVERIFY(firstGone.wait(kTimeoutMs));
        QTRY_COMPARE_WITH_TIMEOUT(silent.requests().size(), 2, kTimeoutMs);
        QCOMPARE(requestLine(silent.requests().last()),
                 QByteArray("GET /api/v1/managed_agents/agents?limit=200&offset=0&search=x"));

        // Cancel aborts the second one the same way.
        QList<QTcpSocket *> sockets = silent.findChildren<QTcpSocket *>();
        if (first)
            sockets.removeAll(first.data());
        QCOMPARE(sockets.size(), 1);
        QSignalSpy secondGone(sockets.first(), &QTcpSocket::disconnected);
        picker->reject();
        QVERIFY(!picker->isVisible());
        QVERIFY(secondGone.wait(kTimeoutMs));
    }
};

QTEST_MAIN(TestAgentPicker)
#include "tst_agentpicker.moc"
