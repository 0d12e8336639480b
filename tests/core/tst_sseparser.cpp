// SPDX-License-Identifier: GPL-2.0-or-later
// SseParser: both framings of docs/platform-chat.md §4.1, line ends, fields, comments, chunk
// splits anywhere, the size limit and its resynchronisation, bad UTF-8.
#include "sseparser.h"

#include <QFile>
#include <QtTest>

using namespace lap;

namespace {

struct Parsed
{
    QList<SseEvent> events;
    QList<LapError> errors;
    QStringList order; // "E:<data>" / "X:<message>", to check interleaving
};

void collect(const QList<Result<SseEvent>> &items, Parsed &p)
{
    for (const Result<SseEvent> &r : items) {
        if (r.ok()) {
            p.events.append(r.value);
            p.order.append(QStringLiteral("E:") + r.value.data);
        } else {
            p.errors.append(r.error);
            p.order.append(QStringLiteral("X:") + r.error.message);
        }
    }
}

Parsed parseChunks(const QList<QByteArray> &chunks, int max = SseParser::DefaultMaxEventBytes)
{
    SseParser parser(max);
    Parsed p;
    for (const QByteArray &c : chunks)
        collect(parser.feed(c), p);
    return p;
}

Parsed parse(const QByteArray &all, int max = SseParser::DefaultMaxEventBytes)
{
    return parseChunks({all}, max);
}

QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(LAP_CHAT_FIXTURES_DIR "/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", name);
    return f.readAll();
}

QStringList summary(const Parsed &p)
{
    QStringList out;
    for (const SseEvent &e : p.events)
        out.append(e.event + QLatin1Char('|') + e.data + QLatin1Char('|') + e.id +
                   QLatin1Char('|') + QString::number(e.retryMs) +
                   (e.invalidUtf8 ? QStringLiteral("|bad") : QString()));
    for (const LapError &e : p.errors)
        out.append(QStringLiteral("error|") + e.message);
    return out;
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT
private slots:
    void opencodeFraming()
    {
        const Parsed p = parse("data: {\"type\":\"server.connected\",\"properties\":{}}\n\n"
                               "data: {\"type\":\"server.heartbeat\"}\n\n");
        QCOMPARE(p.errors.size(), 0);
        QCOMPARE(p.events.size(), 2);
        QCOMPARE(p.events.at(0).event, QStringLiteral("message"));
        QCOMPARE(p.events.at(0).data,
                 QStringLiteral("{\"type\":\"server.connected\",\"properties\":{}}"));
        QCOMPARE(p.events.at(1).data, QStringLiteral("{\"type\":\"server.heartbeat\"}"));
        QCOMPARE(p.events.at(1).id, QString());
        QCOMPARE(p.events.at(1).retryMs, -1);
    }

    // CAS: "event:" lines, keep-alives with an empty data line, "data:" without the space.
    void casFraming()
    {
        const Parsed p = parse("data:{\"type\":\"server.connected\",\"properties\":{}}\n\n"
                               "event: ping\ndata: \n\n"
                               "event:ping\ndata:\n\n"
                               "data:  two spaces\n\n");
        QCOMPARE(p.errors.size(), 0);
        QCOMPARE(summary(p), QStringList({
                                 QStringLiteral("message|{\"type\":\"server.connected\","
                                                "\"properties\":{}}||-1"),
                                 QStringLiteral("ping|||-1"),
                                 QStringLiteral("ping|||-1"),
                                 QStringLiteral("message| two spaces||-1"),
                             }));
    }

    void lineEnds_data()
    {
        QTest::addColumn<QByteArray>("eol");
        QTest::newRow("LF") << QByteArray("\n");
        QTest::newRow("CRLF") << QByteArray("\r\n");
        QTest::newRow("CR") << QByteArray("\r");
    }
    void lineEnds()
    {
        QFETCH(QByteArray, eol);
        const QByteArray stream = "event: a" + eol + "data: one" + eol + "data: two" + eol + eol +
                                  "data: three" + eol + eol;
        const QStringList expected = {QStringLiteral("a|one\ntwo||-1"),
                                      QStringLiteral("message|three||-1")};
        QCOMPARE(summary(parse(stream)), expected);
        // Every split, including between CR and LF.
        for (int k = 0; k <= stream.size(); ++k)
            QCOMPARE(summary(parseChunks({stream.left(k), stream.mid(k)})), expected);
    }

    void multiLineData()
    {
        const Parsed p = parse("data: a\ndata\ndata: b\ndata:\n\n");
        QCOMPARE(summary(p), QStringList({QStringLiteral("message|a\n\nb\n||-1")}));
    }

    void fields()
    {
        const Parsed p = parse("id: 7\nretry: 2500\nfoo: bar\ndata: x\n\n"
                               "data: y\n\n"); // id and retry carry over
        QCOMPARE(summary(p), QStringList({QStringLiteral("message|x|7|2500"),
                                          QStringLiteral("message|y|7|2500")}));
        // Ignored: an id with a NUL, a retry that is not all digits. An empty id clears it.
        static const char raw[] =
            "id: 8\0z\nretry: 12a\ndata: z\n\nid: 9\ndata: v\n\nid\ndata: w\n\n";
        const Parsed q = parse(QByteArray(raw, int(sizeof raw) - 1));
        QCOMPARE(summary(q),
                 QStringList({QStringLiteral("message|z||-1"), QStringLiteral("message|v|9|-1"),
                              QStringLiteral("message|w||-1")}));
    }

    void comments()
    {
        const Parsed p = parse(": keep-alive\n\n:\n\ndata: a\n: in the middle\ndata: b\n\n");
        QCOMPARE(summary(p), QStringList({QStringLiteral("message|a\nb||-1")}));
    }

    void emptyStream()
    {
        QVERIFY(summary(parse(QByteArray())).isEmpty());
        QVERIFY(summary(parse("\n\n\r\n\r\r")).isEmpty());
        // Fields but no data: nothing to dispatch.
        QVERIFY(summary(parse("event: x\nid: 1\n\n")).isEmpty());
        // An event whose blank line never came is discarded at the end of the stream.
        SseParser parser;
        QVERIFY(parser.feed("data: cut off\n").isEmpty());
        parser.reset();
        const QList<Result<SseEvent>> after = parser.feed("data: next\n\n");
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.at(0).value.data, QStringLiteral("next"));
    }

    void byteOrderMark()
    {
        QCOMPARE(summary(parse("\xEF\xBB\xBF"
                               "data: a\n\n")),
                 QStringList({QStringLiteral("message|a||-1")}));
    }

    // A capture fed in two pieces, split at every byte offset, gives the same events as one
    // piece; the same with CRLF line ends, and byte by byte.
    void fixtureSplitAnywhere_data()
    {
        QTest::addColumn<bool>("crlf");
        QTest::newRow("LF") << false;
        QTest::newRow("CRLF") << true;
    }
    void fixtureSplitAnywhere()
    {
        QFETCH(bool, crlf);
        QByteArray stream = fixture("event-hello.sse");
        if (crlf)
            stream.replace("\n", "\r\n");
        const QStringList whole = summary(parse(stream));
        QCOMPARE(whole.size(), 33);
        for (int k = 0; k <= stream.size(); ++k) {
            const QStringList split = summary(parseChunks({stream.left(k), stream.mid(k)}));
            if (split != whole)
                QFAIL(qPrintable(QStringLiteral("split at %1 differs").arg(k)));
        }
        QList<QByteArray> bytes;
        for (char c : std::as_const(stream))
            bytes.append(QByteArray(1, c));
        QCOMPARE(summary(parseChunks(bytes)), whole);
    }

    void utf8SplitInsideSequence()
    {
        const QByteArray stream =
            "event: \xC3\xA9v\ndata: h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80\n\n";
        const QStringList expected = {QStringLiteral("\u00e9v|h\u00e9llo \u20ac \U0001F600||-1")};
        for (int k = 0; k <= stream.size(); ++k)
            QCOMPARE(summary(parseChunks({stream.left(k), stream.mid(k)})), expected);
    }

    void badUtf8IsReplacedAndReported()
    {
        const Parsed p = parse("data: a\xFF"
                               "b\n\n"
                               "data: cut \xE2\x82\n\n"
                               "data: \xC0\x80|\xED\xA0\x80|\xF4\x90\x80\x80|\xF0\x9F\x98\n\n"
                               "data: fine\n\n");
        QCOMPARE(summary(p), QStringList({QStringLiteral("message|a\uFFFDb||-1|bad"),
                                          QStringLiteral("message|cut \uFFFD||-1|bad"),
                                          // overlong, a surrogate, above U+10FFFF, cut
                                          QStringLiteral("message|\uFFFD\uFFFD|\uFFFD\uFFFD"
                                                         "\uFFFD|\uFFFD\uFFFD\uFFFD\uFFFD|"
                                                         "\uFFFD||-1|bad"),
                                          QStringLiteral("message|fine||-1")}));
        QCOMPARE(p.errors.size(), 0);
    }

    void oversizeEventIsSkippedUntilBlankLine()
    {
        const QByteArray big(100, 'x');
        const QByteArray stream = "data: small\n\n"
                                  "data: " +
                                  big +
                                  "\ndata: more\n: comment\n\n"
                                  "data: after\n\n";
        const QString message =
            QStringLiteral("An event from the agent was larger than 64 bytes and was skipped.");
        const QStringList expected = {QStringLiteral("E:small"), QStringLiteral("X:") + message,
                                      QStringLiteral("E:after")};
        QCOMPARE(parse(stream, 64).order, expected);
        const Parsed p = parse(stream, 64);
        QCOMPARE(p.errors.at(0).kind, LapError::Kind::Protocol);
        // The same in 7-byte chunks, and split at every offset.
        QList<QByteArray> chunks;
        for (int i = 0; i < stream.size(); i += 7)
            chunks.append(stream.mid(i, 7));
        QCOMPARE(parseChunks(chunks, 64).order, expected);
        for (int k = 0; k <= stream.size(); ++k)
            QCOMPARE(parseChunks({stream.left(k), stream.mid(k)}, 64).order, expected);
    }

    void oversizeByManySmallLines()
    {
        QByteArray stream;
        for (int i = 0; i < 30; ++i)
            stream += "data: 0123456789\n";
        stream += "\ndata: after\n\n";
        QCOMPARE(parse(stream, 100).order,
                 QStringList({QStringLiteral("X:An event from the agent was larger than 100 "
                                             "bytes and was skipped."),
                              QStringLiteral("E:after")}));
    }

    void oversizeLineWithoutEnd()
    {
        // An endless line is dropped as it arrives, not buffered.
        SseParser parser(1024);
        Parsed p;
        collect(parser.feed("data: "), p);
        for (int i = 0; i < 100; ++i)
            collect(parser.feed(QByteArray(4096, 'y')), p);
        collect(parser.feed("\n\ndata: ok\n\n"), p);
        QCOMPARE(p.order, QStringList({QStringLiteral("X:An event from the agent was larger "
                                                      "than 1024 bytes and was skipped."),
                                       QStringLiteral("E:ok")}));
    }

    void defaultLimitMessage()
    {
        QCOMPARE(SseParser().maxEventBytes(), 16 * 1024 * 1024);
        QCOMPARE(sseOversizeMessage(SseParser::DefaultMaxEventBytes),
                 QStringLiteral("An event from the agent was larger than 16 MiB and was skipped."));
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
