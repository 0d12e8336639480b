// SPDX-License-Identifier: GPL-2.0-or-later
// Every opencode 1.14.41 capture of docs/platform-chat.md §4 (copied to chat-fixtures/) through
// SseParser and decodeChatEvent, with the facts each capture is there to show.
#include "chatevents.h"
#include "sseparser.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QtTest>

using namespace lap;

namespace {

// What a chat view would build from the stream (§4.3), kept just far enough to check it.
struct Replay
{
    QList<ChatEvent> events;
    QList<LapError> errors;
    QHash<QString, ChatPart> parts;           // part id → last part.updated
    QHash<QString, QString> text;             // part id → text built from updates and deltas
    QHash<QString, ChatMessageInfo> messages; // message id → last header
    QStringList deltaMismatches;              // parts whose deltas did not add up

    QList<ChatEvent> ofKind(ChatEvent::Kind k) const
    {
        QList<ChatEvent> out;
        for (const ChatEvent &e : events)
            if (e.kind == k)
                out.append(e);
        return out;
    }
    // The sessionIDs of the turn-ending events, in order.
    QStringList idles() const
    {
        QStringList out;
        for (const ChatEvent &e : events)
            if (e.kind == ChatEvent::Kind::SessionIdle)
                out.append(e.sessionID);
        return out;
    }
};

QString fixtureDir()
{
    return QStringLiteral(LAP_CHAT_FIXTURES_DIR);
}

Replay replay(const QString &name)
{
    QFile f(fixtureDir() + QLatin1Char('/') + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(name));
    const QByteArray bytes = f.readAll();
    Replay r;
    SseParser parser;
    QHash<QString, bool> hadDelta;
    // Odd-sized chunks, so that frames and UTF-8 sequences straddle them.
    for (int i = 0; i < bytes.size(); i += 97) {
        for (const Result<SseEvent> &sse : parser.feed(bytes.mid(i, 97))) {
            if (!sse.ok()) {
                r.errors.append(sse.error);
                continue;
            }
            const Result<ChatEvent> ev = decodeChatEvent(sse.value);
            if (!ev.ok()) {
                r.errors.append(ev.error);
                continue;
            }
            const ChatEvent &e = ev.value;
            r.events.append(e);
            if (e.kind == ChatEvent::Kind::MessageUpdated) {
                r.messages.insert(e.message.id, e.message);
            } else if (e.kind == ChatEvent::Kind::PartUpdated) {
                // The closing update is authoritative; the deltas before it must add up to it.
                if (hadDelta.value(e.part.id) && r.text.value(e.part.id) != e.part.text)
                    r.deltaMismatches.append(e.part.id);
                hadDelta.remove(e.part.id);
                r.parts.insert(e.part.id, e.part);
                r.text.insert(e.part.id, e.part.text);
            } else if (e.kind == ChatEvent::Kind::PartDelta) {
                if (e.delta.field == QLatin1String("text")) {
                    r.text[e.delta.partID] += e.delta.delta;
                    hadDelta.insert(e.delta.partID, true);
                }
            }
        }
    }
    return r;
}

// The final text of the assistant text parts of a session, in stream order.
QStringList assistantTexts(const Replay &r, const QString &sid)
{
    QStringList out;
    QSet<QString> seen;
    for (const ChatEvent &e : r.events) {
        if (e.kind != ChatEvent::Kind::PartUpdated || e.sessionID != sid ||
            e.part.kind != ChatPart::Kind::Text || seen.contains(e.part.id))
            continue;
        if (r.messages.value(e.part.messageID).role != QLatin1String("assistant"))
            continue;
        seen.insert(e.part.id);
        out.append(r.text.value(e.part.id));
    }
    return out;
}

QStringList toolStatuses(const Replay &r, const QString &tool)
{
    QStringList out;
    for (const ChatEvent &e : r.events)
        if (e.kind == ChatEvent::Kind::PartUpdated && e.part.kind == ChatPart::Kind::Tool &&
            e.part.tool == tool)
            out.append(e.part.toolStatus);
    return out;
}

QList<ChatSessionError> errorsOf(const Replay &r)
{
    QList<ChatSessionError> out;
    for (const ChatEvent &e : r.ofKind(ChatEvent::Kind::SessionError))
        out.append(e.error);
    return out;
}

QStringList errorTexts(const Replay &r, const QString &sid)
{
    QStringList out;
    for (const ChatEvent &e : r.ofKind(ChatEvent::Kind::SessionError)) {
        if (e.sessionID == sid)
            out.append(e.error.name + QLatin1Char(':') + e.error.message);
    }
    return out;
}

int lastIdle(const Replay &r)
{
    for (int i = r.events.size() - 1; i >= 0; --i)
        if (r.events.at(i).kind == ChatEvent::Kind::SessionIdle)
            return i;
    return -1;
}

QString ticks(int n)
{
    return QStringLiteral("tick ").repeated(n);
}

const QString hello = QStringLiteral("Hello! How can I help you today?");
const QString reasoning = QStringLiteral("The user says hello. I should greet back.");

} // namespace

class TestChatFixtures : public QObject
{
    Q_OBJECT
private slots:
    // Every capture has its own test below; a new capture must get one.
    void everyFixtureIsCovered()
    {
        const QStringList files =
            QDir(fixtureDir()).entryList({QStringLiteral("*.sse")}, QDir::Files, QDir::Name);
        QCOMPARE(files, QStringList({
                            QStringLiteral("event-abort.sse"),
                            QStringLiteral("event-bad400.sse"),
                            QStringLiteral("event-bad400b.sse"),
                            QStringLiteral("event-badmodel.sse"),
                            QStringLiteral("event-disc.sse"),
                            QStringLiteral("event-file.sse"),
                            QStringLiteral("event-hello.sse"),
                            QStringLiteral("event-perm.sse"),
                            QStringLiteral("event-perm2.sse"),
                            QStringLiteral("event-perm3.sse"),
                            QStringLiteral("event-queue.sse"),
                            QStringLiteral("event-r429.sse"),
                            QStringLiteral("event-read.sse"),
                            QStringLiteral("event-task.sse"),
                            QStringLiteral("event-unknown-session.sse"),
                        }));
    }

    // Facts that hold for every capture: it decodes without an error, it starts with
    // server.connected, every event but server.* carries a sessionID, the only type we do
    // not handle is session.diff (kept as Unknown), and deltas add up to the closing update.
    void everyFixtureDecodes_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files =
            QDir(fixtureDir()).entryList({QStringLiteral("*.sse")}, QDir::Files, QDir::Name);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << f;
    }
    void everyFixtureDecodes()
    {
        QFETCH(QString, file);
        const Replay r = replay(file);
        QCOMPARE(r.errors.size(), 0);
        QVERIFY(!r.events.isEmpty());
        QCOMPARE(r.events.first().kind, ChatEvent::Kind::ServerConnected);
        QSet<QString> unknown;
        for (const ChatEvent &e : r.events) {
            QVERIFY(e.eventId.startsWith(QLatin1String("evt_")));
            const bool server = e.type.startsWith(QLatin1String("server."));
            QCOMPARE(e.sessionID.isEmpty(), server);
            if (e.kind == ChatEvent::Kind::Unknown)
                unknown.insert(e.type);
            if (e.kind == ChatEvent::Kind::PartUpdated) {
                QVERIFY(!e.part.id.isEmpty());
                QVERIFY(!e.part.messageID.isEmpty());
                QVERIFY2(e.part.kind != ChatPart::Kind::Unknown, qPrintable(e.part.type));
            }
        }
        QVERIFY(unknown.isEmpty() || unknown == QSet<QString>({QStringLiteral("session.diff")}));
        QCOMPARE(r.deltaMismatches, QStringList());
    }

    void hello_()
    {
        const Replay r = replay(QStringLiteral("event-hello.sse"));
        const QString sid = QStringLiteral("ses_dc3b817aeffeoRpnC3FmUau6jQ");
        QCOMPARE(r.events.size(), 33);
        QCOMPARE(r.ofKind(ChatEvent::Kind::ServerHeartbeat).size(), 1);
        QCOMPARE(r.idles(), QStringList({sid}));
        const int idle = lastIdle(r);
        // After it: no more parts, only bookkeeping (session.updated, the user message echo, a
        // heartbeat).
        for (int i = idle + 1; i < r.events.size(); ++i) {
            QVERIFY(r.events.at(i).kind != ChatEvent::Kind::PartUpdated);
            QVERIFY(r.events.at(i).kind != ChatEvent::Kind::PartDelta);
        }
        QCOMPARE(r.events.size() - idle - 1, 4);
        // session.status idle comes just before it (§4.4).
        const ChatEvent &status = r.events.at(idle - 1);
        QCOMPARE(status.kind, ChatEvent::Kind::SessionStatus);
        QCOMPARE(status.status.kind, ChatSessionStatus::Kind::Idle);
        QCOMPARE(assistantTexts(r, sid), QStringList({hello}));
        QCOMPARE(r.text.value(QStringLiteral("prt_23c47ed9e001uDWGJmOR6oSL07")), hello);
        QCOMPARE(r.parts.value(QStringLiteral("prt_23c47ed14001qdizBNM15c3Zf2")).kind,
                 ChatPart::Kind::Reasoning);
        QCOMPARE(r.text.value(QStringLiteral("prt_23c47ed14001qdizBNM15c3Zf2")), reasoning);
        QCOMPARE(r.text.value(QStringLiteral("prt_23c47eb64001Qv0055QwgbJNBl")),
                 QStringLiteral("hello there"));
        const ChatMessageInfo user =
            r.messages.value(QStringLiteral("msg_23c47eb610014a7Kj4IoBThuAt"));
        QCOMPARE(user.role, QStringLiteral("user"));
        QCOMPARE(user.modelID, QStringLiteral("claude-sonnet-4-5"));
        const ChatMessageInfo a =
            r.messages.value(QStringLiteral("msg_23c47ec38001mrS7eR6WQIPqN1"));
        QCOMPARE(a.role, QStringLiteral("assistant"));
        QCOMPARE(a.parentID, user.id);
        QCOMPARE(a.finish, QStringLiteral("stop"));
        QVERIFY(a.completedMs > a.createdMs);
        // Deltas carry field "text" for the reasoning part too (§4.3).
        for (const ChatEvent &e : r.ofKind(ChatEvent::Kind::PartDelta))
            QCOMPARE(e.delta.field, QStringLiteral("text"));
    }

    void read()
    {
        const Replay r = replay(QStringLiteral("event-read.sse"));
        const QString sid = QStringLiteral("ses_dc3b26cebffe1pKM3ByDPc4rOc");
        QCOMPARE(toolStatuses(r, QStringLiteral("read")),
                 QStringList({QStringLiteral("pending"), QStringLiteral("running"),
                              QStringLiteral("completed")}));
        const ChatPart tool = r.parts.value(QStringLiteral("prt_23c4d989a001k4gs8vPx0oj66z"));
        QCOMPARE(tool.callID, QStringLiteral("toolu_fake01"));
        QCOMPARE(tool.toolTitle, QStringLiteral("hello.txt"));
        QVERIFY(tool.toolOutput.contains(QLatin1String("hello from file")));
        QVERIFY(tool.endMs >= tool.startMs && tool.startMs > 0);
        QCOMPARE(r.messages.value(QStringLiteral("msg_23c4d96dc001vML3qGAhP4ZBxi")).finish,
                 QStringLiteral("tool-calls"));
        QCOMPARE(r.messages.value(QStringLiteral("msg_23c4d9964001HGTvedlq3haRvS")).finish,
                 QStringLiteral("stop"));
        QCOMPARE(assistantTexts(r, sid),
                 QStringList({QStringLiteral("Let me fetch that."), hello}));
        QCOMPARE(r.ofKind(ChatEvent::Kind::PartUpdated).size(), 14);
        QCOMPARE(r.idles(), QStringList({sid}));
    }

    void perm()
    {
        const Replay r = replay(QStringLiteral("event-perm.sse"));
        const QList<ChatEvent> asked = r.ofKind(ChatEvent::Kind::PermissionAsked);
        QCOMPARE(asked.size(), 1);
        const ChatEvent &a = asked.first();
        QCOMPARE(a.sessionID, QStringLiteral("ses_dc3b78a64ffeWxzAkm0aH40yyT"));
        QCOMPARE(a.permission.requestID, QStringLiteral("per_23c487a3500173O5mZlRb4ESui"));
        QCOMPARE(a.permission.permission, QStringLiteral("webfetch"));
        QCOMPARE(a.permission.patterns, QStringList({QStringLiteral("https://example.com")}));
        QCOMPARE(a.permission.messageID, QStringLiteral("msg_23c4878e6001jtVWm3bw1nyN7v"));
        QCOMPARE(a.permission.callID, QStringLiteral("toolu_fake01"));
        // The turn waits for the answer: the tool runs, no idle yet.
        QCOMPARE(toolStatuses(r, QStringLiteral("webfetch")).last(), QStringLiteral("running"));
        QVERIFY(r.idles().isEmpty());
    }

    void perm2()
    {
        const Replay r = replay(QStringLiteral("event-perm2.sse"));
        const QList<ChatEvent> replied = r.ofKind(ChatEvent::Kind::PermissionReplied);
        QCOMPARE(replied.size(), 1);
        QCOMPARE(replied.first().permission.requestID,
                 QStringLiteral("per_23c487a3500173O5mZlRb4ESui"));
        QCOMPARE(replied.first().permission.reply, QStringLiteral("reject"));
        const ChatPart tool = r.parts.value(QStringLiteral("prt_23c487a2b001QvBNckQiMB3k8M"));
        QCOMPARE(tool.toolStatus, QStringLiteral("error"));
        QCOMPARE(tool.toolError,
                 QStringLiteral("The user rejected permission to use this specific tool call."));
        QCOMPARE(r.idles(), QStringList({QStringLiteral("ses_dc3b78a64ffeWxzAkm0aH40yyT")}));
    }

    void perm3()
    {
        const Replay r = replay(QStringLiteral("event-perm3.sse"));
        const QString sid = QStringLiteral("ses_dc3b6f0d5ffe4lmz8tAQ5Oa5Zu");
        const QString pid = QStringLiteral("per_23c491349001cMKy0WpPw1G02h");
        QCOMPARE(r.ofKind(ChatEvent::Kind::PermissionAsked).size(), 1);
        QCOMPARE(r.ofKind(ChatEvent::Kind::PermissionAsked).first().permission.requestID, pid);
        QCOMPARE(r.ofKind(ChatEvent::Kind::PermissionReplied).size(), 1);
        QCOMPARE(r.ofKind(ChatEvent::Kind::PermissionReplied).first().permission.requestID, pid);
        QCOMPARE(r.ofKind(ChatEvent::Kind::PermissionReplied).first().permission.reply,
                 QStringLiteral("once"));
        const ChatPart tool = r.parts.value(QStringLiteral("prt_23c491346001HjoQQqum9lAvsD"));
        QCOMPARE(tool.toolError, QStringLiteral("Transport error (GET https://example.com)"));
        // The loop goes on after the tool error and ends with a second step.
        QCOMPARE(assistantTexts(r, sid),
                 QStringList({QStringLiteral("Let me fetch that."), hello}));
        QCOMPARE(r.idles(), QStringList({sid}));
    }

    void task()
    {
        const Replay r = replay(QStringLiteral("event-task.sse"));
        const QString parent = QStringLiteral("ses_dc3b239c9ffectqP1Y54zj50O3");
        const QString child = QStringLiteral("ses_dc3b23492ffeR6v82fRQcakWbw");
        const QList<ChatEvent> created = r.ofKind(ChatEvent::Kind::SessionCreated);
        QCOMPARE(created.size(), 1);
        QCOMPARE(created.first().session.id, child);
        QCOMPARE(created.first().session.parentID, parent);
        QCOMPARE(created.first().session.title, QStringLiteral("Say hi (@general subagent)"));
        int childEvents = 0;
        for (const ChatEvent &e : r.events)
            childEvents += e.sessionID == child ? 1 : 0;
        QCOMPARE(childEvents, 34);
        // The child's idle comes in the middle of the parent's turn; the parent's ends it.
        QCOMPARE(r.idles(), QStringList({child, parent}));
        // After its idle the child sends no more parts, while the parent's turn goes on.
        int childIdle = -1;
        for (int i = 0; i < r.events.size(); ++i)
            if (r.events.at(i).kind == ChatEvent::Kind::SessionIdle &&
                r.events.at(i).sessionID == child)
                childIdle = i;
        int parentPartsAfter = 0;
        for (int i = childIdle + 1; i < r.events.size(); ++i) {
            const ChatEvent &e = r.events.at(i);
            const bool part =
                e.kind == ChatEvent::Kind::PartUpdated || e.kind == ChatEvent::Kind::PartDelta;
            QVERIFY(!(part && e.sessionID == child));
            parentPartsAfter += part && e.sessionID == parent ? 1 : 0;
        }
        QVERIFY(parentPartsAfter > 0);
        QCOMPARE(r.events.at(lastIdle(r)).sessionID, parent);
        QCOMPARE(assistantTexts(r, child), QStringList({hello}));
        QCOMPARE(assistantTexts(r, parent),
                 QStringList({QStringLiteral("Let me fetch that."), hello}));
        QCOMPARE(toolStatuses(r, QStringLiteral("task")).last(), QStringLiteral("completed"));
        QCOMPARE(r.messages.value(QStringLiteral("msg_23c4dcb83001SMkobl0OBC2471")).agent,
                 QStringLiteral("general"));
    }

    void abort()
    {
        const Replay r = replay(QStringLiteral("event-abort.sse"));
        const QString sid = QStringLiteral("ses_dc3b686c4ffeoRlN3QyfYBHCHu");
        QCOMPARE(errorTexts(r, sid), QStringList({QStringLiteral("MessageAbortedError:Aborted")}));
        // opencode sends session.idle twice after an abort (§4.4).
        QCOMPARE(r.idles(), QStringList({sid, sid}));
        const ChatMessageInfo a =
            r.messages.value(QStringLiteral("msg_23c497c74001T4ZMSwuN2BQyZh"));
        QCOMPARE(a.errorName, QStringLiteral("MessageAbortedError"));
        QCOMPARE(a.errorMessage, QStringLiteral("Aborted"));
        QCOMPARE(assistantTexts(r, sid), QStringList({ticks(6)}));
    }

    void bad400b()
    {
        const Replay r = replay(QStringLiteral("event-bad400b.sse"));
        const QString sid = QStringLiteral("ses_dc3b60952ffekA0joZ92A3gPXL");
        QCOMPARE(errorTexts(r, sid),
                 QStringList({QStringLiteral("APIError:model not found: claude-x (fake)")}));
        QCOMPARE(r.messages.value(QStringLiteral("msg_23c49f9b2001lpC1gni4gqsmHX")).errorName,
                 QStringLiteral("APIError"));
        QCOMPARE(r.idles(), QStringList({sid, sid}));
    }

    void bad400()
    {
        const Replay r = replay(QStringLiteral("event-bad400.sse"));
        const QString sid = QStringLiteral("ses_dc3b64208ffei8bAK74zEetaPj");
        const QString overflow = QStringLiteral("ContextOverflowError:prompt is too long (fake)");
        QCOMPARE(errorTexts(r, sid), QStringList({overflow, overflow}));
        // The automatic compaction turn (§4.2).
        const ChatMessageInfo c =
            r.messages.value(QStringLiteral("msg_23c49c180001Ihz3Pvjhhv257W"));
        QCOMPARE(c.mode, QStringLiteral("compaction"));
        QCOMPARE(c.finish, QStringLiteral("error"));
        QCOMPARE(c.errorName, QStringLiteral("ContextOverflowError"));
        bool compactionPart = false;
        for (const ChatPart &p : std::as_const(r.parts))
            compactionPart = compactionPart || p.kind == ChatPart::Kind::Compaction;
        QVERIFY(compactionPart);
        QCOMPARE(r.idles(), QStringList({sid}));
    }

    void r429()
    {
        const Replay r = replay(QStringLiteral("event-r429.sse"));
        QStringList retries;
        for (const ChatEvent &e : r.ofKind(ChatEvent::Kind::SessionStatus)) {
            if (e.status.kind == ChatSessionStatus::Kind::Retry)
                retries.append(QStringLiteral("%1:%2:%3")
                                   .arg(e.status.attempt)
                                   .arg(e.status.message)
                                   .arg(e.status.nextMs));
        }
        QCOMPARE(retries, QStringList({QStringLiteral("1:Rate limited (fake):1796307825356"),
                                       QStringLiteral("2:Rate limited (fake):1796307829422"),
                                       QStringLiteral("3:Rate limited (fake):1796307837502")}));
        QVERIFY(r.idles().isEmpty());
        QCOMPARE(r.events.last().sessionID, QStringLiteral("ses_dc3b5d8e5ffebuPbisDBq2hM3l"));
    }

    void queue()
    {
        const Replay r = replay(QStringLiteral("event-queue.sse"));
        const QString sid = QStringLiteral("ses_dc3b4fab2ffeSp0MPowwwqg1oQ");
        int users = 0;
        for (const ChatMessageInfo &m : std::as_const(r.messages))
            users += m.role == QLatin1String("user") ? 1 : 0;
        QCOMPARE(users, 2);
        QCOMPARE(r.text.value(QStringLiteral("prt_23c4b0f9a001YqKqM2LQl0JpoO")),
                 QStringLiteral("second hello"));
        QCOMPARE(assistantTexts(r, sid), QStringList({ticks(60), hello}));
        QCOMPARE(r.idles(), QStringList({sid}));
    }

    void disc()
    {
        const Replay r = replay(QStringLiteral("event-disc.sse"));
        const QString sid = QStringLiteral("ses_dc3b1c54cffesLfGtpO2dsk2FJ");
        QCOMPARE(r.ofKind(ChatEvent::Kind::PartDelta).size(), 64);
        QCOMPARE(r.messages.value(QStringLiteral("msg_23c4e3cb7001W8iqIgSHcPkYLH")).finish,
                 QStringLiteral("stop"));
        QCOMPARE(assistantTexts(r, sid), QStringList({ticks(60)}));
        QCOMPARE(r.idles(), QStringList({sid}));
    }

    void file()
    {
        const Replay r = replay(QStringLiteral("event-file.sse"));
        const QString sid = QStringLiteral("ses_dc3b59989ffebCFJIG9LspkKpq");
        QList<ChatPart> files;
        for (const ChatPart &p : std::as_const(r.parts))
            if (p.kind == ChatPart::Kind::File)
                files.append(p);
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.first().mime, QStringLiteral("image/png"));
        QVERIFY(files.first().url.startsWith(QLatin1String("data:image/png;base64,")));
        QCOMPARE(files.first().messageID, QStringLiteral("msg_23c4a684e001BBHJodESpkORNR"));
        QCOMPARE(assistantTexts(r, sid), QStringList({hello}));
        QCOMPARE(r.idles(), QStringList({sid}));
    }

    void badmodel()
    {
        const Replay r = replay(QStringLiteral("event-badmodel.sse"));
        const QString sid = QStringLiteral("ses_dc3b55404ffe83pyRYceKHJorl");
        QCOMPARE(errorTexts(r, sid),
                 QStringList({QStringLiteral("UnknownError:Model not found: "
                                             "litellm/anthropic/claude-opus-9."),
                              QStringLiteral("UnknownError:ProviderModelNotFoundError")}));
        QCOMPARE(r.idles(), QStringList({sid}));
        QCOMPARE(r.events.last().kind, ChatEvent::Kind::SessionError);
    }

    void unknownSession()
    {
        const Replay r = replay(QStringLiteral("event-unknown-session.sse"));
        QCOMPARE(r.events.size(), 2);
        QCOMPARE(errorsOf(r).size(), 1);
        QCOMPARE(r.events.last().sessionID, QStringLiteral("ses_unknownzzzz"));
        QCOMPARE(errorTexts(r, QStringLiteral("ses_unknownzzzz")),
                 QStringList({QStringLiteral("UnknownError:NotFoundError")}));
        // No session.idle follows: the error itself has to end the turn (§4.2).
        QVERIFY(r.idles().isEmpty());
    }

    // The decoder on its own: what the captures do not contain.
    void decoderEdges()
    {
        Result<ChatEvent> e = decodeChatEvent(QByteArray("{\"type\":\"todo.updated\","
                                                         "\"properties\":{\"sessionID\":\"s\"}}"));
        QVERIFY(e.ok());
        QCOMPARE(e.value.kind, ChatEvent::Kind::Unknown);
        QCOMPARE(e.value.type, QStringLiteral("todo.updated"));
        QCOMPARE(e.value.sessionID, QStringLiteral("s"));

        e = decodeChatEvent(QByteArray("{\"type\":\"message.part.updated\",\"properties\":{"
                                       "\"sessionID\":\"s\",\"messageID\":\"m\",\"part\":{"
                                       "\"id\":\"p\",\"type\":\"hologram\"}}}"));
        QVERIFY(e.ok());
        QCOMPARE(e.value.kind, ChatEvent::Kind::PartUpdated);
        QCOMPARE(e.value.part.kind, ChatPart::Kind::Unknown);
        QCOMPARE(e.value.part.type, QStringLiteral("hologram"));
        QCOMPARE(e.value.part.messageID, QStringLiteral("m")); // CAS: messageID in properties

        e = decodeChatEvent(QByteArray("{\"type\":\"session.error\",\"properties\":{"
                                       "\"sessionID\":\"s\",\"message\":\"boom\"}}"));
        QCOMPARE(e.value.error.message, QStringLiteral("boom")); // CAS shape
        e = decodeChatEvent(QByteArray("{\"type\":\"session.error\",\"properties\":{"
                                       "\"error\":{\"name\":\"MessageOutputLengthError\"}}}"));
        QCOMPARE(e.value.error.message, QStringLiteral("MessageOutputLengthError"));
        QCOMPARE(e.value.sessionID, QString());

        QCOMPARE(decodeChatEvent(QByteArray()).value.kind, ChatEvent::Kind::KeepAlive);
        QCOMPARE(decodeChatEvent(QByteArray(" \n")).value.kind, ChatEvent::Kind::KeepAlive);

        const Result<ChatEvent> bad = decodeChatEvent(QByteArray("{\"type\":"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error.kind, LapError::Kind::Protocol);
        QVERIFY(bad.error.message.startsWith(
            QLatin1String("The agent sent an event we cannot read: not JSON (")));
        QCOMPARE(decodeChatEvent(QByteArray("[1]")).error.message,
                 QStringLiteral("The agent sent an event we cannot read: not a JSON object."));
        QCOMPARE(decodeChatEvent(QByteArray("{\"properties\":{}}")).error.message,
                 QStringLiteral("The agent sent an event we cannot read: it has no type."));
    }
};

QTEST_GUILESS_MAIN(TestChatFixtures)
#include "tst_chatfixtures.moc"
