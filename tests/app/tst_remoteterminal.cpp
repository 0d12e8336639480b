// SPDX-License-Identifier: GPL-2.0-or-later
// RemoteTerminal on the offscreen platform: real QTermWidget, real PTY, real key events.
#include "dlgtestutil.h"
#include "laptest.h"
#include "remoteterminal.h"

#include <qtermwidget.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QImage>
#include <QtTest>

using lap::RemoteTerminal;
using lap::TerminalSettings;
using laptest::joined; // all bytes the terminal emitted through input(), in order

namespace {

QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QString firstLines(RemoteTerminal &t, int n)
{
    return t.screenText().split(QLatin1Char('\n')).mid(0, n).join(QLatin1Char('\n'));
}

} // namespace

// Receives QDesktopServices URL requests instead of a browser.
class UrlSink : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls.append(url); }
};

class TestRemoteTerminal : public QObject
{
    Q_OBJECT

private:
    // A shown terminal of a fixed window size whose first size report has been seen.
    std::unique_ptr<RemoteTerminal> makeShown(const TerminalSettings &settings = TerminalSettings(),
                                              QSize window = QSize(800, 480))
    {
        auto t = std::make_unique<RemoteTerminal>(settings);
        QSignalSpy sizes(t.get(), &RemoteTerminal::sizeChanged);
        t->resize(window);
        t->show();
        if (!QTest::qWaitForWindowExposed(t.get()))
            return nullptr;
        if (sizes.isEmpty() && !sizes.wait(5000))
            return nullptr;
        t->setFocusToTerminal();
        return t;
    }

    // Writes, then waits until the emulator has shown `marker` somewhere on the screen.
    static bool writeAndWait(RemoteTerminal &t, const QByteArray &bytes, const QString &marker)
    {
        t.writeOutput(bytes);
        return QTest::qWaitFor([&] { return t.screenText().contains(marker); }, 10000);
    }

    // Until the display's link filter has a hot spot at `pos` (it runs on a repaint, which a
    // fixed pause may not see on a loaded machine).
    static bool waitForLink(RemoteTerminal &t, const QPoint &pos)
    {
        auto *term = t.findChild<QTermWidget *>();
        return term && QTest::qWaitFor([&] { return term->getHotSpotAt(pos) != nullptr; }, 10000);
    }

    // On the link of "see https://example.org/docs now" written at the top left.
    static QPoint onTheLink(RemoteTerminal &t)
    {
        const QFontMetrics metrics = t.terminalDisplay()->fontMetrics();
        return QPoint(metrics.horizontalAdvance(QStringLiteral("see https://exa")),
                      metrics.height() / 2 + 2);
    }

private slots:
    void initTestCase()
    {
        // The clipboard and URL handlers are process-wide; keep tests independent of a desktop.
        QApplication::clipboard()->clear();
    }

    void rendersTextAndColoursByteExact()
    {
        auto t = makeShown();
        QVERIFY(t);
        t->writeOutput("plain line\r\n"
                       "\x1b[31mred\x1b[0m \x1b[1;32mbold green\x1b[0m \x1b[44mon blue\x1b[0m\r\n"
                       "tab\there\r\n"
                       "over\rOV\r\n"
                       "stair\nstep\r\n" // a bare LF: the local PTY must not add a CR
                       "last");
        QTRY_COMPARE_WITH_TIMEOUT(
            firstLines(*t, 7),
            str("plain line\nred bold green on blue\ntab     here\nOVer\nstair\n     step\nlast"),
            10000);
        // Row 6 holds the cursor after "last"; rows below are empty.
        QCOMPARE(t->cursorLine(), 6);
        QCOMPARE(t->screenText().split(QLatin1Char('\n')).size(), t->terminalSize().height());
    }

    void utf8SplitAtEveryByteBoundary()
    {
        auto t = makeShown();
        QVERIFY(t);
        const QByteArray chars = "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"; // é € 😀
        QCOMPARE(chars.size(), 9);
        for (int split = 0; split <= chars.size(); ++split) {
            const QByteArray marker = "A" + QByteArray::number(split);
            // The first half reaches the emulator (marker visible) before the second is written,
            // so the split really lands between two reads of the PTY.
            QVERIFY2(writeAndWait(*t, "\x1b[H\x1b[2J" + marker + chars.left(split),
                                  QString::fromLatin1(marker)),
                     marker.constData());
            t->writeOutput(chars.mid(split) + "B\r\n");
            QTRY_COMPARE_WITH_TIMEOUT(firstLines(*t, 1), QString::fromLatin1(marker) + str("é€😀B"),
                                      10000);
        }
    }

    void wideAndCombinedCharactersInOneCall()
    {
        auto t = makeShown();
        QVERIFY(t);
        // Every byte in its own writeOutput() call: order and content must survive the queue.
        const QByteArray text = "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80 \xe4\xb8\xad\xe6\x96\x87 ok";
        for (char c : text)
            t->writeOutput(QByteArray(1, c));
        QTRY_COMPARE_WITH_TIMEOUT(firstLines(*t, 1), str("é€😀 中文 ok"), 10000);
    }

    void largeWriteDoesNotBlockAndDrainsInOrder()
    {
        auto t = makeShown();
        QVERIFY(t);
        QByteArray big;
        int lines = 0;
        while (big.size() < 2 * 1024 * 1024) {
            big += "line " + QByteArray::number(lines).rightJustified(6, '0') + ' ' +
                   QByteArray(60, char('a' + lines % 26)) + "\r\n";
            ++lines;
        }
        big += "THE END";
        QSignalSpy drained(t.get(), &RemoteTerminal::outputDrained);
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(10);

        // writeOutput() must only queue: not one byte went to the emulator during the call, and
        // nothing was drained (counted, not timed, so a loaded machine cannot fail it).
        t->writeOutput(big);
        QCOMPARE(t->pendingOutputBytes(), qint64(big.size()));
        QCOMPARE(drained.count(), 0);

        QTRY_COMPARE_WITH_TIMEOUT(t->pendingOutputBytes(), qint64(0), 60000);
        QVERIFY(drained.count() >= 1);
        QVERIFY2(ticks > 0, "the event loop kept running while the output drained");
        QTRY_VERIFY_WITH_TIMEOUT(t->screenText().contains(QLatin1String("THE END")), 10000);

        // The visible tail is the last lines, consecutive: nothing dropped or reordered there.
        const QStringList screen = t->screenText().split(QLatin1Char('\n'));
        const int endRow = screen.indexOf(QStringLiteral("THE END"));
        QVERIFY(endRow > 3);
        for (int row = 0; row < endRow; ++row) {
            const int n = lines - endRow + row;
            const QString expected = QStringLiteral("line %1 ").arg(n, 6, 10, QLatin1Char('0')) +
                                     QString(60, QLatin1Char(char('a' + n % 26)));
            QCOMPARE(screen.at(row), expected);
        }
        // A second chunk after the drain starts a new cycle.
        t->writeOutput("\r\nagain");
        QVERIFY(drained.wait(5000));
        QCOMPARE(t->pendingOutputBytes(), qint64(0));
    }

    void keyPressesBecomeInputBytes()
    {
        auto t = makeShown();
        QVERIFY(t);
        QSignalSpy input(t.get(), &RemoteTerminal::input);
        QTest::keyClicks(t->terminalDisplay(), QStringLiteral("ls"));
        QTest::keyClick(t->terminalDisplay(), Qt::Key_Return);
        QCOMPARE(joined(input), QByteArray("ls\r"));
        // Modifier-only presses produce a zero-length sendData(); nothing goes out.
        input.clear();
        QTest::keyClick(t->terminalDisplay(), Qt::Key_Shift);
        QTest::keyClick(t->terminalDisplay(), Qt::Key_Control);
        QCOMPARE(input.count(), 0);
        QTest::keyClick(t->terminalDisplay(), Qt::Key_C, Qt::ControlModifier);
        QTest::keyClick(t->terminalDisplay(), Qt::Key_Up);
        QCOMPARE(joined(input), QByteArray("\x03\x1b[A"));
        // Ctrl-S/Ctrl-Q are the remote's flow control keys.
        input.clear();
        QTest::keyClick(t->terminalDisplay(), Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(joined(input), QByteArray("\x13"));
        QTest::keyClick(t->terminalDisplay(), Qt::Key_Q, Qt::ControlModifier);
        QCOMPARE(joined(input), QByteArray("\x13\x11"));
        // Nothing is echoed locally: the remote does that.
        QTest::qWait(50);
        QCOMPARE(t->screenText().trimmed(), QString());
    }

    void ctrlDDetachesByDefault()
    {
        auto t = makeShown();
        QVERIFY(t);
        QVERIFY(t->settings().ctrlDDetaches);
        QSignalSpy input(t.get(), &RemoteTerminal::input);
        QSignalSpy detach(t.get(), &RemoteTerminal::detachRequested);
        QTest::keyClick(t->terminalDisplay(), Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(detach.count(), 1);
        QCOMPARE(input.count(), 0);
    }

    void ctrlDIsInputWhenDetachIsOff()
    {
        TerminalSettings s;
        s.ctrlDDetaches = false;
        auto t = makeShown(s);
        QVERIFY(t);
        QSignalSpy input(t.get(), &RemoteTerminal::input);
        QSignalSpy detach(t.get(), &RemoteTerminal::detachRequested);
        QTest::keyClick(t->terminalDisplay(), Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(detach.count(), 0);
        QCOMPARE(joined(input), QByteArray("\x04"));
    }

    void selectionCopiesOnRequestOrOnSelect_data()
    {
        QTest::addColumn<bool>("copyOnSelect");
        QTest::newRow("copy on request") << false;
        QTest::newRow("copy on select") << true;
    }

    void selectionCopiesOnRequestOrOnSelect()
    {
        QFETCH(bool, copyOnSelect);
        TerminalSettings s;
        s.copyOnSelect = copyOnSelect;
        auto t = makeShown(s);
        QVERIFY(t);
        QVERIFY(writeAndWait(*t, "hello selection world", QStringLiteral("world")));
        QApplication::clipboard()->setText(QStringLiteral("before"));
        QVERIFY(!t->copyAction()->isEnabled());

        // Drag across "hello" on the first row.
        QWidget *display = t->terminalDisplay();
        const QFontMetrics fm = display->fontMetrics();
        const int y = fm.height() / 2 + 4;
        const QPoint from(6, y);
        const QPoint to(6 + fm.horizontalAdvance(QStringLiteral("hello")) - 2, y);
        QTest::mousePress(display, Qt::LeftButton, Qt::NoModifier, from);
        QMouseEvent move(QEvent::MouseMove, to, display->mapToGlobal(to), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(display, &move);
        QTest::mouseRelease(display, Qt::LeftButton, Qt::NoModifier, to);

        QTRY_VERIFY_WITH_TIMEOUT(t->copyAction()->isEnabled(), 5000);
        QCOMPARE(QApplication::clipboard()->text(),
                 copyOnSelect ? QStringLiteral("hello") : QStringLiteral("before"));
        QTest::keyClick(display, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("hello"));
        // Reading the screen keeps the user's selection.
        QVERIFY(t->screenText().startsWith(QLatin1String("hello selection world")));
        QApplication::clipboard()->clear();
        t->copyClipboard();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("hello"));
    }

    void pastedControlByteIsNotADetach()
    {
        auto t = makeShown();
        QVERIFY(t);
        QSignalSpy input(t.get(), &RemoteTerminal::input);
        QSignalSpy detach(t.get(), &RemoteTerminal::detachRequested);
        QApplication::clipboard()->setText(QStringLiteral("a\x04b"));
        t->pasteClipboard();
        QCOMPARE(detach.count(), 0);
        QCOMPARE(joined(input), QByteArray("a\x04b"));
    }

    void emulatorAnswersGoToTheRemote()
    {
        auto t = makeShown();
        QVERIFY(t);
        QSignalSpy input(t.get(), &RemoteTerminal::input);
        QSignalSpy active(t.get(), &RemoteTerminal::userActive);
        // Cursor position report (DSR 6) after moving to row 3, column 5.
        t->writeOutput("\x1b[3;5H\x1b[6n");
        QTRY_COMPARE_WITH_TIMEOUT(joined(input), QByteArray("\x1b[3;5R"), 10000);
        // An answer is not a user at the terminal (the keep-alive must not count it).
        QCOMPARE(active.count(), 0);
    }

    void keysClicksAndPastesAreUserActivity()
    {
        auto t = makeShown();
        QVERIFY(t);
        QSignalSpy active(t.get(), &RemoteTerminal::userActive);
        QTest::keyClick(t->terminalDisplay(), Qt::Key_A);
        QCOMPARE(active.count(), 1);
        QTest::mouseClick(t->terminalDisplay(), Qt::LeftButton);
        QCOMPARE(active.count(), 2);
        QApplication::clipboard()->setText(QStringLiteral("x"));
        t->pasteClipboard();
        QCOMPARE(active.count(), 3);
        t->writeOutput("output only\r\n");
        QTest::qWait(50);
        QCOMPARE(active.count(), 3);
    }

    void resizeEmitsOncePerDistinctSize()
    {
        auto t = makeShown(TerminalSettings(), QSize(800, 480));
        QVERIFY(t);
        const QSize first = t->terminalSize();
        QVERIFY(first.width() > 10 && first.height() > 5);
        QSignalSpy sizes(t.get(), &RemoteTerminal::sizeChanged);

        t->resize(1000, 600);
        QVERIFY(sizes.wait(5000));
        QCOMPARE(sizes.count(), 1);
        const QSize bigger = t->terminalSize();
        QVERIFY(bigger.width() > first.width());
        QVERIFY(bigger.height() > first.height());
        QCOMPARE(sizes.at(0).at(0).toInt(), bigger.width());
        QCOMPARE(sizes.at(0).at(1).toInt(), bigger.height());

        // Changes that end on the same cell grid within the debounce interval send nothing:
        // a detour through another size, and a zoom in and out.
        t->resize(700, 400);
        t->resize(1000, 600);
        t->zoomIn();
        t->zoomOut();
        QVERIFY(!sizes.wait(300));
        QCOMPARE(sizes.count(), 1);
        QCOMPARE(t->terminalSize(), bigger);

        // Several steps within the debounce interval collapse into one report of the last.
        t->resize(900, 520);
        t->resize(700, 400);
        QVERIFY(sizes.wait(5000));
        QVERIFY(!sizes.wait(300));
        QCOMPARE(sizes.count(), 2);
        const QSize smaller = t->terminalSize();
        QVERIFY(smaller.width() < first.width());
        QCOMPARE(sizes.at(1).at(0).toInt(), smaller.width());
        QCOMPARE(sizes.at(1).at(1).toInt(), smaller.height());

        // A reattach re-sends the unchanged size.
        t->requestSizeResend();
        QCOMPARE(sizes.count(), 3);
        QCOMPARE(sizes.at(2).at(0).toInt(), smaller.width());
        QCOMPARE(sizes.at(2).at(1).toInt(), smaller.height());
    }

    void zoomChangesTheCellGrid()
    {
        auto t = makeShown();
        QVERIFY(t);
        const QSize base = t->terminalSize();
        QSignalSpy sizes(t.get(), &RemoteTerminal::sizeChanged);
        QVERIFY(!t->zoomResetAction()->isEnabled());

        t->zoomIn();
        t->zoomIn();
        QVERIFY(sizes.wait(5000));
        QCOMPARE(t->zoomStep(), 2);
        QVERIFY2(t->terminalSize().width() < base.width(), "a larger font fits fewer columns");
        QVERIFY(t->terminalSize().height() < base.height());
        QVERIFY(t->zoomResetAction()->isEnabled());

        t->zoomReset();
        QTRY_COMPARE_WITH_TIMEOUT(t->terminalSize(), base, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(sizes.count(), 2, 5000);
        QCOMPARE(t->zoomStep(), 0);

        t->zoomOut();
        QTRY_VERIFY_WITH_TIMEOUT(t->terminalSize().width() > base.width(), 5000);

        // The font never shrinks below the minimum however often one zooms out.
        for (int i = 0; i < 30; ++i)
            t->zoomOut();
        QCOMPARE(t->zoomStep(), TerminalSettings::minFontPointSize - t->settings().fontPointSize);
    }

    void shortcutsDriveTheActions()
    {
        auto t = makeShown();
        QVERIFY(t);
        QCOMPARE(t->copyAction()->text(), QStringLiteral("&Copy"));
        QCOMPARE(t->copyAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+C")));
        QCOMPARE(t->pasteAction()->text(), QStringLiteral("&Paste"));
        QCOMPARE(t->pasteAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+V")));
        QCOMPARE(t->findAction()->text(), str("&Find…"));
        QCOMPARE(t->findAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+F")));
        QCOMPARE(t->zoomInAction()->text(), QStringLiteral("Zoom &In"));
        QCOMPARE(t->zoomInAction()->shortcuts(),
                 (QList<QKeySequence>{QKeySequence(QStringLiteral("Ctrl++")),
                                      QKeySequence(QStringLiteral("Ctrl+="))}));
        QCOMPARE(t->zoomOutAction()->text(), QStringLiteral("Zoom &Out"));
        QCOMPARE(t->zoomOutAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+-")));
        QCOMPARE(t->zoomResetAction()->text(), QStringLiteral("&Reset Zoom"));
        QCOMPARE(t->zoomResetAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+0")));
        for (QAction *a : {t->copyAction(), t->pasteAction(), t->findAction(), t->zoomInAction(),
                           t->zoomOutAction(), t->zoomResetAction()})
            QVERIFY(t->actions().contains(a));

        QSignalSpy input(t.get(), &RemoteTerminal::input);
        QWidget *searchBar = nullptr;
        for (QWidget *w : t->findChildren<QWidget *>()) {
            if (w->inherits("SearchBar"))
                searchBar = w;
        }
        QVERIFY(searchBar);
        QVERIFY(!searchBar->isVisible());
        QTest::keyClick(t->terminalDisplay(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(searchBar->isVisible());
        t->toggleSearchBar();
        QVERIFY(!searchBar->isVisible());

        QTest::keyClick(t->terminalDisplay(), Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(t->zoomStep(), 1);
        QTest::keyClick(t->terminalDisplay(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(t->zoomStep(), 0);
        QTest::keyClick(t->terminalDisplay(), Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(t->zoomStep(), -1);

        QApplication::clipboard()->setText(QStringLiteral("pasted"));
        QTest::keyClick(t->terminalDisplay(), Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        // None of the shortcuts leaked a key into the remote; only the paste arrives.
        QCOMPARE(joined(input), QByteArray("pasted"));
    }

    void resetModesRestoresTheMainScreenAndInputModes()
    {
        auto t = makeShown();
        QVERIFY(t);
        QSignalSpy input(t.get(), &RemoteTerminal::input);
        QVERIFY(writeAndWait(*t, "main text\r\nprompt$ ", QStringLiteral("prompt$")));
        QCOMPARE(t->cursorLine(), 1);

        // A full-screen program switched everything on, then the connection dropped.
        QVERIFY(writeAndWait(*t,
                             "\x1b[?1049h\x1b[H\x1b[2Jalt screen\x1b[?1000h\x1b[?1006h"
                             "\x1b[?2004h\x1b[?1h",
                             QStringLiteral("alt screen")));
        QVERIFY(!t->screenText().contains(QLatin1String("main text")));
        QTest::keyClick(t->terminalDisplay(), Qt::Key_Up);
        QCOMPARE(joined(input), QByteArray("\x1bOA"));
        input.clear();
        QApplication::clipboard()->setText(QStringLiteral("pasted"));
        t->pasteClipboard();
        QCOMPARE(joined(input), QByteArray("\x1b[200~pasted\x1b[201~"));
        input.clear();
        QTest::mouseClick(t->terminalDisplay(), Qt::LeftButton, Qt::NoModifier, QPoint(30, 30));
        QVERIFY2(joined(input).startsWith("\x1b[<0;"), joined(input).toHex().constData());
        input.clear();

        t->resetModes();
        QTRY_COMPARE_WITH_TIMEOUT(firstLines(*t, 2), str("main text\nprompt$"), 10000);
        QCOMPARE(input.count(), 0);   // nothing went to the remote
        QCOMPARE(t->cursorLine(), 1); // the main screen's cursor did not move

        QTest::keyClick(t->terminalDisplay(), Qt::Key_Up);
        QCOMPARE(joined(input), QByteArray("\x1b[A"));
        input.clear();
        t->pasteClipboard();
        QCOMPARE(joined(input), QByteArray("pasted"));
        input.clear();
        QTest::mouseClick(t->terminalDisplay(), Qt::LeftButton, Qt::NoModifier, QPoint(30, 30));
        QCOMPARE(input.count(), 0);

        // On the main screen already, resetModes() leaves screen and cursor alone (a cursor
        // restore would jump back to where the alternate screen was entered).
        QVERIFY(writeAndWait(*t, "\r\nnext$ ", QStringLiteral("next$")));
        t->resetModes();
        t->writeOutput("typed");
        QTRY_COMPARE_WITH_TIMEOUT(firstLines(*t, 3), str("main text\nprompt$\nnext$ typed"), 10000);
    }

    void bracketedPasteCanBeTurnedOff()
    {
        TerminalSettings s;
        s.bracketedPaste = false;
        auto t = makeShown(s);
        QVERIFY(t);
        QSignalSpy input(t.get(), &RemoteTerminal::input);
        QVERIFY(writeAndWait(*t, "\x1b[?2004hready", QStringLiteral("ready")));
        QApplication::clipboard()->setText(QStringLiteral("pasted"));
        t->pasteClipboard();
        QCOMPARE(joined(input), QByteArray("pasted"));
    }

    void bellFlashesAndSignals()
    {
        auto t = makeShown();
        QVERIFY(t);
        QSignalSpy bell(t.get(), &RemoteTerminal::bell);
        t->writeOutput("\a");
        QVERIFY(bell.wait(5000));
        QVERIFY(t->isBellFlashVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!t->isBellFlashVisible(), 2000);

        TerminalSettings quiet;
        quiet.visibleBell = false;
        t->applySettings(quiet);
        QTest::qWait(600); // Konsole ignores a bell within 500 ms of the previous one
        t->writeOutput("\a");
        QVERIFY(bell.wait(5000));
        QVERIFY(!t->isBellFlashVisible());
    }

    void titleFromTheRemote()
    {
        auto t = makeShown();
        QVERIFY(t);
        QSignalSpy titles(t.get(), &RemoteTerminal::titleChanged);
        t->writeOutput("\x1b]0;agent \xc3\xa9 title\x07");
        QTRY_VERIFY_WITH_TIMEOUT(!titles.isEmpty(), 5000);
        QCOMPARE(titles.last().at(0).toString(), str("agent é title"));
        QCOMPARE(t->title(), str("agent é title"));
    }

    void urlsOpenOnCtrlClickWhenEnabled()
    {
        UrlSink sink;
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &sink, "open");
        auto t = makeShown();
        QVERIFY(t);
        QVERIFY(writeAndWait(*t, "see https://example.org/docs now", QStringLiteral("now")));
        // The link filter runs on a repaint of the display: wait until it found the link.
        const QPoint onLink = onTheLink(*t);
        QVERIFY(waitForLink(*t, onLink));
        QTest::mouseClick(t->terminalDisplay(), Qt::LeftButton, Qt::ControlModifier, onLink);
        QTRY_COMPARE_WITH_TIMEOUT(sink.urls.size(), 1, 5000);
        QCOMPARE(sink.urls.at(0), QUrl(QStringLiteral("https://example.org/docs")));

        TerminalSettings s;
        s.clickableUrls = false;
        t->applySettings(s);
        QTest::mouseClick(t->terminalDisplay(), Qt::LeftButton, Qt::ControlModifier, onLink);
        QTest::qWait(100);
        QCOMPARE(sink.urls.size(), 1);
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    }

    void contextMenuOffersLinkAndTerminalActions()
    {
        auto t = makeShown();
        QVERIFY(t);
        QVERIFY(writeAndWait(*t, "see https://example.org/docs now", QStringLiteral("now")));
        QWidget *display = t->terminalDisplay();
        const QPoint onLink = onTheLink(*t);
        QVERIFY(waitForLink(*t, onLink)); // the link filter runs on a repaint

        QStringList seen;
        QTimer::singleShot(200, this, [&seen] {
            if (QWidget *popup = QApplication::activePopupWidget()) {
                for (QAction *a : popup->actions())
                    seen.append(a->isSeparator() ? QStringLiteral("|") : a->text());
                popup->close();
            }
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, onLink, display->mapToGlobal(onLink));
        QApplication::sendEvent(display, &event);
        QTRY_VERIFY_WITH_TIMEOUT(!seen.isEmpty(), 5000);
        const QStringList terminalPart{QStringLiteral("&Copy"),     QStringLiteral("&Paste"),
                                       QStringLiteral("|"),         str("&Find…"),
                                       QStringLiteral("|"),         QStringLiteral("Zoom &In"),
                                       QStringLiteral("Zoom &Out"), QStringLiteral("&Reset Zoom")};
        QVERIFY2(seen.size() > terminalPart.size() + 1, qPrintable(seen.join(QLatin1Char(','))));
        QCOMPARE(seen.mid(seen.size() - terminalPart.size()), terminalPart);
        // Above them, qtermwidget's own actions for the link under the pointer.
        QCOMPARE(seen.at(seen.size() - terminalPart.size() - 1), QStringLiteral("|"));
        QVERIFY2(seen.first().contains(QLatin1String("Link"), Qt::CaseInsensitive),
                 qPrintable(seen.join(QLatin1Char(','))));
    }

    void screenshotWithColours()
    {
        auto t = makeShown(TerminalSettings(), QSize(720, 300));
        QVERIFY(t);
        QByteArray out;
        for (int i = 0; i < 40; ++i) // some scrollback, so the scroll bar has a handle
            out += "earlier output " + QByteArray::number(i) + "\r\n";
        out +=
            "\x1b[H\x1b[2J\x1b[1;34muser@sandbox\x1b[0m:\x1b[32m~/project\x1b[0m$ ls --color\r\n";
        out +=
            "\x1b[1;34msrc\x1b[0m  \x1b[1;32mbuild.sh\x1b[0m  README.md  \x1b[31mcore\x1b[0m\r\n";
        for (int c = 0; c < 8; ++c)
            out += "\x1b[4" + QByteArray::number(c) + "m  \x1b[0m";
        out += "  ";
        for (int c = 0; c < 8; ++c)
            out += "\x1b[3" + QByteArray::number(c) + "m#\x1b[0m";
        out += "\r\nUTF-8: \xc3\xa9\xe2\x82\xac \xe4\xb8\xad\xe6\x96\x87 "
               "\xe2\x94\x80\xe2\x94\x82\xe2\x94\x8c"
               " \xe2\x9c\x93\r\n";
        out += "\x1b[7m reverse \x1b[0m \x1b[1mbold\x1b[0m \x1b[4munderline\x1b[0m\r\n$ ";
        QVERIFY(writeAndWait(*t, out, QStringLiteral("underline")));
        // The display paints from its own image, which it updates on a timer after the screen
        // changed: grab until the red "core" and blue "src" show on row 2 (a fixed pause may not
        // be enough on a loaded machine), then check the rest of that shot.
        const int rowHeight = t->terminalDisplay()->fontMetrics().height();
        const auto redOnRow2 = [rowHeight](const QImage &shot) {
            for (int x = 0; x < shot.width(); ++x) {
                for (int y = rowHeight; y < 2 * rowHeight + 4 && y < shot.height(); ++y) {
                    const QColor c = shot.pixelColor(x, y);
                    if (c.red() > 90 && c.red() > c.green() + 30 && c.red() > c.blue() + 30)
                        return true;
                }
            }
            return false;
        };
        QImage shot;
        QTRY_VERIFY_WITH_TIMEOUT((shot = t->grab().toImage(), !shot.isNull() && redOnRow2(shot)),
                                 10000);
        QVERIFY(shot.save(dlgtest::screenshotPath(QStringLiteral("remoteterminal.png"))));

        // The default scheme (BreezeModified) paints its background up to the bottom-left corner.
        const QColor background = shot.pixelColor(10, shot.height() - 10);
        QCOMPARE(background, QColor(49, 54, 59));
        QCOMPARE(firstLines(*t, 1), str("user@sandbox:~/project$ ls --color"));
    }
};

QTEST_MAIN(TestRemoteTerminal)
#include "tst_remoteterminal.moc"
