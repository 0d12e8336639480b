// SPDX-License-Identifier: GPL-2.0-or-later
// The lap CLI config reader on real files.
#include "cliconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace lap;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return path;
}

} // namespace

class TstCliConfig : public QObject
{
    Q_OBJECT
private slots:
    void cliConfigValid();
    void cliConfigMissing();
    void cliConfigInvalid_data();
    void cliConfigInvalid();
    void defaultCliConfigPathUsesHome();
};

void TstCliConfig::cliConfigValid()
{
    QTemporaryDir dir;
    const QString path =
        writeFile(dir, QStringLiteral("config.json"),
                  R"({"base":"https://lap.example.com/","key":"sk-1234secret","extra":1})");
    const Result<CliConfig> r = readCliConfig(path);
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.value.path, path);
    QCOMPARE(r.value.base, QUrl(QStringLiteral("https://lap.example.com")));
    QCOMPARE(r.value.key, QStringLiteral("sk-1234secret"));
}

void TstCliConfig::cliConfigMissing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nope/config.json"));
    const Result<CliConfig> r = readCliConfig(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, LapError::Kind::Config);
    QCOMPARE(r.error.message, QStringLiteral("No lap CLI config at %1.").arg(path));
}

void TstCliConfig::cliConfigInvalid_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("why");
    QTest::newRow("not json") << QByteArray("base=https://x\nkey=sk-secret\n")
                              << QStringLiteral("illegal value");
    QTest::newRow("truncated") << QByteArray(R"({"base":"https://x","key":"sk-secret")")
                               << QStringLiteral("unterminated string"); // Qt 5.15 and 6.4 alike
    QTest::newRow("array") << QByteArray(R"(["https://x","sk-secret"])")
                           << QStringLiteral("not a JSON object");
    QTest::newRow("no base") << QByteArray(R"({"key":"sk-secret"})")
                             << QStringLiteral("no \"base\" URL");
    QTest::newRow("base not a string")
        << QByteArray(R"({"base":42,"key":"sk-secret"})") << QStringLiteral("no \"base\" URL");
    QTest::newRow("no key") << QByteArray(R"({"base":"https://x"})")
                            << QStringLiteral("no \"key\"");
    QTest::newRow("empty key") << QByteArray(R"({"base":"https://x","key":""})")
                               << QStringLiteral("no \"key\"");
    QTest::newRow("base not http") << QByteArray(R"({"base":"ftp://x","key":"sk-secret"})")
                                   << QStringLiteral("\"base\" is not an http(s) URL");
    QTest::newRow("base without host")
        << QByteArray(R"({"base":"lap.example.com","key":"sk-secret"})")
        << QStringLiteral("\"base\" is not an http(s) URL");
    // What the sign-in dialog refuses is not imported either (a password in the URL).
    QTest::newRow("base with user info")
        << QByteArray(R"({"base":"https://me:pw@lap.example.com","key":"sk-secret"})")
        << QStringLiteral("\"base\" is not an http(s) URL");
}

void TstCliConfig::cliConfigInvalid()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, why);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("config.json"), content);
    const Result<CliConfig> r = readCliConfig(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, LapError::Kind::Config);
    QCOMPARE(r.error.message, QStringLiteral("%1 is not a lap CLI config (%2).").arg(path, why));
    QVERIFY(!(r.error.text() + r.error.detail).contains(QLatin1String("sk-secret")));
}

void TstCliConfig::defaultCliConfigPathUsesHome()
{
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", "/tmp/lap-home-test");
    const QString path = defaultCliConfigPath();
    qputenv("HOME", oldHome);
    QCOMPARE(path, QStringLiteral("/tmp/lap-home-test/.lap/config.json"));
}

QTEST_GUILESS_MAIN(TstCliConfig)
#include "tst_cliconfig.moc"
