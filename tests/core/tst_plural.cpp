// SPDX-License-Identifier: GPL-2.0-or-later
// plural(): the English forms without a translation, and what a loaded translation is asked.
#include "plural.h"

#include <QCoreApplication>
#include <QTranslator>
#include <QtTest>

using namespace lap;

namespace {

// Answers every lookup with what it was asked, so the test sees context, text and count.
class EchoTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        Q_UNUSED(disambiguation)
        return QStringLiteral("%1|%2|%3")
            .arg(QLatin1String(context), QString::fromUtf8(sourceText))
            .arg(n);
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestPlural : public QObject
{
    Q_OBJECT
private slots:
    void twoFormsInEnglish_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("text");
        QTest::newRow("0") << 0 << QStringLiteral("0 agents matching “x”");
        QTest::newRow("1") << 1 << QStringLiteral("1 agent matching “x”");
        QTest::newRow("2") << 2 << QStringLiteral("2 agents matching “x”");
        QTest::newRow("1000") << 1000 << QStringLiteral("1000 agents matching “x”");
    }
    void twoFormsInEnglish()
    {
        QFETCH(int, n);
        QFETCH(QString, text);
        QCOMPARE(plural("ctx", "%n agent matching “%1”", "%n agents matching “%1”", n)
                     .arg(QStringLiteral("x")),
                 text);
    }

    void parenthesisedPluralInEnglish_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("text");
        QTest::newRow("0") << 0 << QStringLiteral("0 agents available");
        QTest::newRow("1") << 1 << QStringLiteral("1 agent available");
        QTest::newRow("3") << 3 << QStringLiteral("3 agents available");
    }
    void parenthesisedPluralInEnglish()
    {
        QFETCH(int, n);
        QFETCH(QString, text);
        QCOMPARE(plural("ctx", "%n agent(s) available", n), text);
    }

    void translationIsAskedInTheContextWithTheCount()
    {
        EchoTranslator echo;
        QVERIFY(QCoreApplication::installTranslator(&echo));
        // The form for the count is the source a translation is looked up by.
        const QString one = plural("lap::SessionListModel", "%n session", "%n sessions", 1);
        const QString many = plural("lap::SessionListModel", "%n session", "%n sessions", 4);
        const QString single = plural("lap", "%n agent(s) available", 2);
        QCoreApplication::removeTranslator(&echo);
        // Qt substitutes %n in what the translation returned as well.
        QCOMPARE(one, QStringLiteral("lap::SessionListModel|1 session|1"));
        QCOMPARE(many, QStringLiteral("lap::SessionListModel|4 sessions|4"));
        QCOMPARE(single, QStringLiteral("lap|2 agents available|2"));
    }
};

QTEST_GUILESS_MAIN(TestPlural)
#include "tst_plural.moc"
