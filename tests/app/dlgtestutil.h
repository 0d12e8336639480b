// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Helpers shared by the GUI tests: screenshots (tst_signindialog*, tst_agentpicker,
// tst_settingsdialog, tst_attachdialog, tst_mainwindow, tst_remoteterminal) and the agent list
// of canned answers (tst_agentpicker, tst_attachdialog).

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QList>
#include <QPixmap>
#include <QString>
#include <QWidget>

namespace dlgtest {

// <build dir>/screenshots/<name>; the directory comes from tests/app/CMakeLists.txt.
inline QString screenshotPath(const QString &name)
{
    const QString dir = QStringLiteral(LAP_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

// Lets pending layout requests run first: a label that was just shown or filled would
// otherwise be drawn with its old geometry.
inline bool saveScreenshot(QWidget *w, const QString &name)
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    return w->grab().save(screenshotPath(name));
}

// One agent of a canned GET /agents answer.
struct CannedAgent
{
    QString id;
    QString name;
    QString harness = QStringLiteral("claude-code");
    bool tui = true;
    int sessions = 1;
    bool active = true;
};

// A GET /agents answer that holds every agent in one page (offset 0, limit 200).
inline QByteArray agentPage(const QList<CannedAgent> &agents)
{
    QByteArray rows;
    for (const CannedAgent &a : agents) {
        if (!rows.isEmpty())
            rows += ',';
        rows +=
            QStringLiteral(R"({"id":"%1","name":"%2","harness_id":"%3","supports_tui":%4,)"
                           R"("model":"m","branch":"main","created_at":"2026-05-01T10:00:00.000Z",)"
                           R"("session_count":%5,"has_active_session":%6})")
                .arg(a.id, a.name, a.harness,
                     a.tui ? QStringLiteral("true") : QStringLiteral("false"))
                .arg(a.sessions)
                .arg(a.active ? QStringLiteral("true") : QStringLiteral("false"))
                .toUtf8();
    }
    return "{\"data\":[" + rows + "],\"total\":" + QByteArray::number(agents.size()) +
           ",\"limit\":200,\"offset\":0}";
}

} // namespace dlgtest
