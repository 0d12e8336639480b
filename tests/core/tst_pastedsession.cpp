// SPDX-License-Identifier: GPL-2.0-or-later
// resolvePastedSession: every rule of what a session id or <base>/sessions/<id> URL pasted into
// the attach dialog resolves to, and sameBase, the "same platform" test behind them.
#include "pastedsession.h"

#include <QtTest>

using namespace lap;
using Kind = PastedSession::Kind;

namespace {

const QString kId = QStringLiteral("0b5e2d6c-1a2b-4c3d-8e9f-0a1b2c3d4e5f");
const QString kDeadId = QStringLiteral("1c6f3e7d-2b3c-4d5e-9f0a-1b2c3d4e5f60");
const QString kCreatingId = QStringLiteral("2d7a4f8e-3c4d-4e5f-8a1b-2c3d4e5f6071");
const QUrl kHome(QStringLiteral("https://lap.example.com/prefix"));

Session session(const QString &id, const char *status)
{
    Session s;
    s.id = id;
    s.agentId = QStringLiteral("agent");
    s.status = QLatin1String(status);
    return s;
}

const QList<Session> kListed{session(kId, "ready"), session(kDeadId, "dead"),
                             session(kCreatingId, "creating")};

const QList<Profile> kOthers{
    {QStringLiteral("staging"), QUrl(QStringLiteral("https://staging.example.com"))},
    {QStringLiteral("staging-too"), QUrl(QStringLiteral("https://staging.example.com/other"))},
};

PastedSession resolve(const QString &text)
{
    return resolvePastedSession(text, kHome, kOthers, kListed);
}

} // namespace

class TestPastedSession : public QObject
{
    Q_OBJECT
private slots:
    void blankIsEmpty_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("spaces") << QStringLiteral("   ");
        QTest::newRow("newline") << QStringLiteral("\n\t");
    }
    void blankIsEmpty()
    {
        QFETCH(QString, text);
        const PastedSession p = resolve(text);
        QCOMPARE(p.kind, Kind::Empty);
        QVERIFY(!p.isAttachable());
        QVERIFY(!p.argument.baseOverride.isValid());
    }

    void unparsableIsInvalidWithTheMessage_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("word") << QStringLiteral("x")
                              << QStringLiteral(
                                     "'x' is not a session id or a <base>/sessions/<id> URL.");
        QTest::newRow("short id")
            << QStringLiteral(" 0b5e2d6c ")
            << QStringLiteral("'0b5e2d6c' is not a session id or a <base>/sessions/<id> URL.");
        QTest::newRow("url without session")
            << QStringLiteral("https://lap.example.com/prefix/agents/x")
            << QStringLiteral("'https://lap.example.com/prefix/agents/x' is not a session id or "
                              "a <base>/sessions/<id> URL.");
    }
    void unparsableIsInvalidWithTheMessage()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const PastedSession p = resolve(text);
        QCOMPARE(p.kind, Kind::Invalid);
        QVERIFY(!p.isAttachable());
        QCOMPARE(p.error.kind, LapError::Kind::Usage);
        QCOMPARE(p.error.message, message);
    }

    void bareIdAttachesHere_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("listed ready") << kId;
        QTest::newRow("upper case, spaces")
            << QStringLiteral("  ") + kId.toUpper() + QLatin1Char(' ');
        // Not every session is listed (the list stops at 200): the platform decides then.
        QTest::newRow("not listed") << QStringLiteral("3e8b5a9f-4d5e-4f6a-9b2c-3d4e5f607182");
    }
    void bareIdAttachesHere()
    {
        QFETCH(QString, text);
        const PastedSession p = resolve(text);
        QCOMPARE(p.kind, Kind::ThisPlatform);
        QVERIFY(p.isAttachable());
        QCOMPARE(p.argument.sessionId, text.trimmed().toLower());
        QVERIFY(!p.argument.baseOverride.isValid());
    }

    void listedSessionThatIsNotReadyIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("status");
        QTest::newRow("dead id") << kDeadId << QStringLiteral("dead");
        QTest::newRow("creating id") << kCreatingId << QStringLiteral("creating");
        QTest::newRow("dead, url of this platform")
            << QStringLiteral("https://lap.example.com/prefix/sessions/") + kDeadId
            << QStringLiteral("dead");
    }
    void listedSessionThatIsNotReadyIsRefused()
    {
        QFETCH(QString, text);
        QFETCH(QString, status);
        const PastedSession p = resolve(text);
        QCOMPARE(p.kind, Kind::NotReady);
        QVERIFY(!p.isAttachable());
        QCOMPARE(p.listed.id, text.right(36));
        QCOMPARE(p.listed.status, status);
    }

    void urlOfThisPlatformNeedsNoOverride_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("https://lap.example.com/prefix/sessions/") + kId;
        QTest::newRow("trailing part")
            << QStringLiteral("https://lap.example.com/prefix/sessions/") + kId +
                   QStringLiteral("/?tab=1#x");
        QTest::newRow("default port")
            << QStringLiteral("https://lap.example.com:443/prefix/sessions/") + kId;
        QTest::newRow("host case")
            << QStringLiteral("https://LAP.example.com/prefix/sessions/") + kId;
    }
    void urlOfThisPlatformNeedsNoOverride()
    {
        QFETCH(QString, text);
        const PastedSession p = resolve(text);
        QCOMPARE(p.kind, Kind::ThisPlatform);
        QCOMPARE(p.argument.sessionId, kId);
        QVERIFY(!p.argument.baseOverride.isValid());
    }

    void sameOriginOtherPrefixOverridesForThisAttach()
    {
        // The list of this platform says nothing about a session under another prefix, even
        // with the id of a listed dead one.
        const PastedSession p =
            resolve(QStringLiteral("https://lap.example.com/other/sessions/") + kDeadId);
        QCOMPARE(p.kind, Kind::OtherPrefix);
        QVERIFY(p.isAttachable());
        QCOMPARE(p.argument.sessionId, kDeadId);
        QCOMPARE(p.argument.baseOverride, QUrl(QStringLiteral("https://lap.example.com/other")));
        QVERIFY(!p.owner.isValid());

        const PastedSession noPrefix =
            resolve(QStringLiteral("https://lap.example.com/sessions/") + kId);
        QCOMPARE(noPrefix.kind, Kind::OtherPrefix);
        QCOMPARE(noPrefix.argument.baseOverride, QUrl(QStringLiteral("https://lap.example.com")));
    }

    void originOfAnotherProfileUsesItsKey()
    {
        // The first profile on that origin, whatever its path.
        const PastedSession p =
            resolve(QStringLiteral("https://staging.example.com/other/sessions/") + kId);
        QCOMPARE(p.kind, Kind::OtherProfile);
        QVERIFY(p.isAttachable());
        QCOMPARE(p.owner.name, QStringLiteral("staging"));
        QCOMPARE(p.argument.sessionId, kId);
        QCOMPARE(p.argument.baseOverride,
                 QUrl(QStringLiteral("https://staging.example.com/other")));
    }

    void unknownPlatformAsksFirst_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("other host") << QStringLiteral("http://127.0.0.1:9/lap/sessions/") + kId;
        // Another scheme or port is another origin: the key must not go there unasked.
        QTest::newRow("http of home")
            << QStringLiteral("http://lap.example.com/prefix/sessions/") + kId;
        QTest::newRow("other port")
            << QStringLiteral("https://lap.example.com:8443/prefix/sessions/") + kId;
    }
    void unknownPlatformAsksFirst()
    {
        QFETCH(QString, text);
        const PastedSession p = resolve(text);
        QCOMPARE(p.kind, Kind::OtherPlatform);
        QVERIFY(p.isAttachable());
        QCOMPARE(p.argument.sessionId, kId);
        QVERIFY(p.argument.baseOverride.isValid());
        QVERIFY(!p.owner.isValid());
    }

    void withoutOtherProfilesEveryOtherOriginIsUnknown()
    {
        const PastedSession p = resolvePastedSession(
            QStringLiteral("https://staging.example.com/sessions/") + kId, kHome, {}, kListed);
        QCOMPARE(p.kind, Kind::OtherPlatform);
    }

    void sameBaseComparesOriginAndPath_data()
    {
        QTest::addColumn<QUrl>("a");
        QTest::addColumn<QUrl>("b");
        QTest::addColumn<bool>("same");
        const auto url = [](const char *s) {
            return QUrl(QLatin1String(s));
        };
        QTest::newRow("equal") << url("https://h/p") << url("https://h/p") << true;
        QTest::newRow("trailing slashes") << url("https://h/p//") << url("https://h/p") << true;
        QTest::newRow("root and none") << url("https://h/") << url("https://h") << true;
        QTest::newRow("default port") << url("https://h:443/p") << url("https://h/p") << true;
        QTest::newRow("other path") << url("https://h/p") << url("https://h/q") << false;
        QTest::newRow("prefix of it") << url("https://h/p") << url("https://h/p/q") << false;
        QTest::newRow("other scheme") << url("http://h/p") << url("https://h/p") << false;
        QTest::newRow("invalid") << QUrl() << url("https://h/p") << false;
    }
    void sameBaseComparesOriginAndPath()
    {
        QFETCH(QUrl, a);
        QFETCH(QUrl, b);
        QFETCH(bool, same);
        QCOMPARE(sameBase(a, b), same);
        QCOMPARE(sameBase(b, a), same);
    }
};

QTEST_GUILESS_MAIN(TestPastedSession)
#include "tst_pastedsession.moc"
