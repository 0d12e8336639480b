// SPDX-License-Identifier: GPL-2.0-or-later
#include "remoteterminal.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QEvent>
#include <QKeySequence>
#include <QMenu>
#include <QMetaMethod>
#include <QPainter>
#include <QSocketNotifier>
#include <QUrl>
#include <QVBoxLayout>
#include <qtermwidget.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace lap {

namespace {

constexpr int kSizeDebounceMs = 30;
constexpr int kBellFlashMs = 150;

// A translucent wash over the terminal for the visible bell. It takes no input, so a click
// during the flash still reaches the terminal.
class BellFlash : public QWidget
{
public:
    explicit BellFlash(QWidget *parent) : QWidget(parent)
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
        setFocusPolicy(Qt::NoFocus);
        setObjectName(QStringLiteral("lapBellFlash"));
        hide();
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        const QColor highlight = palette().color(QPalette::Highlight);
        QColor wash = highlight;
        wash.setAlpha(48);
        p.fillRect(rect(), wash);
        p.setPen(QPen(highlight, 3));
        p.drawRect(rect().adjusted(1, 1, -2, -2));
    }
};

// Leaves every input mode a full-screen program may have switched on. The alternate screen
// is left with ?1047l rather than ?1049l: Konsole keeps one cursor per screen, so 1049l's
// cursor restore would move the main screen's cursor to a stale saved position whenever the
// terminal was not in the alternate screen at all (e.g. reattaching to a plain shell).
const char kResetModes[] = "\x1b[?1000l" // X10/normal mouse tracking
                           "\x1b[?1002l" // button-event tracking
                           "\x1b[?1003l" // any-event tracking
                           "\x1b[?1006l" // SGR mouse encoding
                           "\x1b[?1015l" // urxvt mouse encoding
                           "\x1b[?2004l" // bracketed paste
                           "\x1b[?1l"    // application cursor keys
                           "\x1b>"       // numeric keypad
                           "\x1b[?1047l" // back to the main screen
                           "\x1b[?25h";  // cursor visible

} // namespace

RemoteTerminal::RemoteTerminal(QWidget *parent) : RemoteTerminal(TerminalSettings(), parent) {}

RemoteTerminal::RemoteTerminal(const TerminalSettings &settings, QWidget *parent)
    : QWidget(parent), m_settings(settings)
{
    init();
}

RemoteTerminal::~RemoteTerminal()
{
    // The notifier watches a descriptor QTermWidget owns and closes; it must go first.
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
}

void RemoteTerminal::init()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_term = new QTermWidget(0, this);
    // Ctrl-S/Ctrl-Q belong to the remote, so no local XON/XOFF. Set before the PTY starts:
    // qtermwidget writes this flag into the PTY's termios whenever it is set.
    m_term->setFlowControlEnabled(false);
    m_term->setTerminalSizeHint(false);
    m_term->setScrollBarPosition(QTermWidget::ScrollBarRight);
    m_term->setContextMenuPolicy(Qt::CustomContextMenu);
    layout->addWidget(m_term);
    setFocusProxy(m_term);

    const auto displays = m_term->findChildren<QWidget *>();
    for (QWidget *w : displays) {
        if (w->inherits("Konsole::TerminalDisplay")) {
            m_display = w;
            break;
        }
    }

    m_term->startTerminalTeletype();
    setUpPty();

    connect(m_term, &QTermWidget::sendData, this, &RemoteTerminal::onSendData);
    connect(m_term, &QTermWidget::titleChanged, this,
            [this] { emit titleChanged(m_term->title()); });
    connect(m_term, &QTermWidget::bell, this, [this](const QString &) {
        if (m_settings.visibleBell)
            flashBell();
        emit bell();
    });
    connect(m_term, &QTermWidget::urlActivated, this, &RemoteTerminal::onUrlActivated);
    // QTermWidget::copyAvailable does not fire on every platform (not on offscreen), so a
    // finished mouse selection is noticed from the display's events instead.
    if (m_display)
        m_display->installEventFilter(this);
    connect(m_term, &QWidget::customContextMenuRequested, this, &RemoteTerminal::showContextMenu);

    m_sizeDebounce.setSingleShot(true);
    m_sizeDebounce.setInterval(kSizeDebounceMs);
    connect(&m_sizeDebounce, &QTimer::timeout, this, &RemoteTerminal::emitSizeIfChanged);
    // TerminalDisplay's header is not installed, so its signal can only be found by name.
    if (m_display) {
        const QMetaObject *mo = m_display->metaObject();
        const int signalIndex = mo->indexOfSignal("changedContentSizeSignal(int,int)");
        const int slotIndex = metaObject()->indexOfMethod("onContentSizeChanged()");
        if (signalIndex >= 0 && slotIndex >= 0)
            connect(m_display, mo->method(signalIndex), this, metaObject()->method(slotIndex));
        else
            qWarning("RemoteTerminal: TerminalDisplay has no changedContentSizeSignal; "
                     "size changes are only noticed on widget resize");
    }

    m_bellFlash = new BellFlash(this);
    m_bellTimer.setSingleShot(true);
    m_bellTimer.setInterval(kBellFlashMs);
    connect(&m_bellTimer, &QTimer::timeout, m_bellFlash, &QWidget::hide);

    createActions();
    applySettings();
}

void RemoteTerminal::setUpPty()
{
    m_ptyFd = m_term->getPtySlaveFd();
    if (m_ptyFd < 0) {
        qWarning("RemoteTerminal: no PTY; remote output cannot be shown");
        return;
    }
    // Raw: the remote PTY already did all line discipline (ONLCR, echo, signals); doing it
    // again here would turn "\n" into "\r\n" twice and eat control bytes.
    termios tio;
    if (tcgetattr(m_ptyFd, &tio) == 0) {
        cfmakeraw(&tio);
        tcsetattr(m_ptyFd, TCSANOW, &tio);
    }
    // Non-blocking: the PTY buffers only a few KB and its reader runs on this same thread, so
    // a blocking write of a large chunk would never return.
    const int flags = fcntl(m_ptyFd, F_GETFL);
    if (flags >= 0)
        fcntl(m_ptyFd, F_SETFL, flags | O_NONBLOCK);

    m_writeNotifier = new QSocketNotifier(m_ptyFd, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &RemoteTerminal::onWritable);
}

void RemoteTerminal::createActions()
{
    auto make = [this](const QString &text, const QList<QKeySequence> &keys, const char *icon,
                       void (RemoteTerminal::*slot)()) {
        auto *action = new QAction(text, this);
        action->setShortcuts(keys);
        // Only while the terminal (or its search bar) has focus: every tab has its own set, and
        // the window's Edit and View menus show the current tab's.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setIcon(QIcon::fromTheme(QLatin1String(icon)));
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_copyAction = make(tr("&Copy"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)}, "edit-copy",
                        &RemoteTerminal::copyClipboard);
    m_pasteAction = make(tr("&Paste"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V)},
                         "edit-paste", &RemoteTerminal::pasteClipboard);
    m_findAction = make(tr("&Find…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)}, "edit-find",
                        &RemoteTerminal::toggleSearchBar);
    // Ctrl+= as well: on most layouts "+" needs Shift, and Ctrl+Shift+= is not Ctrl++.
    m_zoomInAction =
        make(tr("Zoom &In"),
             {QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)},
             "zoom-in", &RemoteTerminal::zoomIn);
    m_zoomOutAction = make(tr("Zoom &Out"), {QKeySequence(Qt::CTRL | Qt::Key_Minus)}, "zoom-out",
                           &RemoteTerminal::zoomOut);
    m_zoomResetAction = make(tr("&Reset Zoom"), {QKeySequence(Qt::CTRL | Qt::Key_0)},
                             "zoom-original", &RemoteTerminal::zoomReset);
    m_copyAction->setEnabled(false);
}

bool RemoteTerminal::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_display) {
        switch (event->type()) {
        case QEvent::KeyPress:
        case QEvent::InputMethod:
        case QEvent::MouseButtonPress:
        case QEvent::Wheel:
        case QEvent::Drop:
            emit userActive();
            break;
        case QEvent::MouseButtonRelease:
            // Queued: the display finishes the selection in its own handler, after this filter.
            QMetaObject::invokeMethod(this, &RemoteTerminal::onSelectionMaybeChanged,
                                      Qt::QueuedConnection);
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RemoteTerminal::onSelectionMaybeChanged()
{
    const bool hasSelection = !m_term->selectedText(false).isEmpty();
    m_copyAction->setEnabled(hasSelection);
    if (hasSelection && m_settings.copyOnSelect)
        m_term->copyClipboard();
}

void RemoteTerminal::applySettings(const TerminalSettings &settings)
{
    m_settings = settings;
    applySettings();
}

void RemoteTerminal::applySettings()
{
    QString scheme = m_settings.colorScheme;
    const QStringList schemes = QTermWidget::availableColorSchemes();
    if (!schemes.contains(scheme)) {
        qWarning("RemoteTerminal: color scheme \"%s\" not found, using \"%s\"",
                 qUtf8Printable(scheme), qUtf8Printable(TerminalSettings::defaultColorScheme()));
        scheme = TerminalSettings::defaultColorScheme();
    }
    m_term->setColorScheme(scheme);
    m_term->setHistorySize(m_settings.scrollbackLines);
    m_term->disableBracketedPasteMode(!m_settings.bracketedPaste);
    m_term->setMotionAfterPasting(2); // scroll to the end, where the pasted text goes
    m_term->setBlinkingCursor(false);
    m_term->setKeyboardCursorShape(QTermWidget::KeyboardCursorShape::BlockCursor);
    m_term->setMargin(4);
    m_zoomStep = 0;
    applyFont();
}

void RemoteTerminal::applyFont()
{
    QFont font = m_settings.font();
    const int size = std::clamp(font.pointSize() + m_zoomStep, TerminalSettings::minFontPointSize,
                                TerminalSettings::maxFontPointSize);
    m_zoomStep = size - font.pointSize();
    font.setPointSize(size);
    m_term->setTerminalFont(font);
    m_zoomResetAction->setEnabled(m_zoomStep != 0);
    // The display reports the new cell grid itself; this covers a hidden widget.
    m_sizeDebounce.start();
}

void RemoteTerminal::writeOutput(const QByteArray &bytes)
{
    if (bytes.isEmpty() || !m_writeNotifier)
        return;
    m_queue.push_back(bytes);
    m_pendingBytes += bytes.size();
    m_writeNotifier->setEnabled(true);
}

void RemoteTerminal::onWritable()
{
    while (!m_queue.empty()) {
        const QByteArray &front = m_queue.front();
        const ssize_t n = ::write(m_ptyFd, front.constData() + m_frontOffset,
                                  size_t(front.size() - m_frontOffset));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return; // the emulator reads the other end; we are called again when it did
            qWarning("RemoteTerminal: writing to the PTY failed: %s", strerror(errno));
            m_queue.clear();
            m_frontOffset = 0;
            m_pendingBytes = 0;
            break;
        }
        m_frontOffset += int(n);
        m_pendingBytes -= n;
        if (m_frontOffset == front.size()) {
            m_queue.pop_front();
            m_frontOffset = 0;
        }
    }
    m_writeNotifier->setEnabled(false);
    emit outputDrained();
}

void RemoteTerminal::resetModes()
{
    writeOutput(QByteArray(kResetModes));
}

void RemoteTerminal::onSendData(const char *data, int length)
{
    // `data` points into the emulator's temporary buffer: copy before anything else runs.
    if (length <= 0)
        return;
    if (length == 1 && data[0] == '\x04' && m_settings.ctrlDDetaches) {
        emit detachRequested();
        return;
    }
    emit input(QByteArray(data, length));
}

void RemoteTerminal::onContentSizeChanged()
{
    m_sizeDebounce.start();
}

void RemoteTerminal::emitSizeIfChanged()
{
    const QSize size = terminalSize();
    if (size.width() < 1 || size.height() < 1 || size == m_lastSize)
        return;
    m_lastSize = size;
    emit sizeChanged(size.width(), size.height());
}

QSize RemoteTerminal::terminalSize() const
{
    return QSize(m_term->screenColumnsCount(), m_term->screenLinesCount());
}

void RemoteTerminal::requestSizeResend()
{
    const QSize size = terminalSize();
    if (size.width() < 1 || size.height() < 1)
        return;
    m_sizeDebounce.stop();
    m_lastSize = size;
    emit sizeChanged(size.width(), size.height());
}

namespace {

// QTermWidget offers the emulator's text only through its selection (or saveHistory(), which
// joins wrapped rows). This keeps a user's selection across such a read: it is put back as
// a block selection, the only kind the public API can make (same text for a single row).
class SelectionKeeper
{
public:
    explicit SelectionKeeper(QTermWidget *term)
        : m_term(term), m_had(!term->selectedText(false).isEmpty())
    {
        if (m_had) {
            m_term->getSelectionStart(m_startRow, m_startColumn);
            m_term->getSelectionEnd(m_endRow, m_endColumn);
        }
    }
    ~SelectionKeeper()
    {
        if (m_had) {
            m_term->setSelectionStart(m_startRow, m_startColumn);
            m_term->setSelectionEnd(m_endRow, m_endColumn);
        } else {
            clear(m_term);
        }
    }
    // Konsole's Screen stores a selection as a cell index row * columns + column, and -1
    // means none: so (row 0, column -1) is the one public way to clear it.
    static void clear(QTermWidget *term) { term->setSelectionStart(0, -1); }

private:
    QTermWidget *m_term;
    bool m_had;
    int m_startRow = 0, m_startColumn = 0, m_endRow = 0, m_endColumn = 0;
};

} // namespace

QString RemoteTerminal::screenText() const
{
    const SelectionKeeper keeper(m_term);
    const int columns = m_term->screenColumnsCount();
    const int rows = m_term->screenLinesCount();
    // Screen rows follow the history lines in the selection's coordinates.
    const int top = m_term->historyLinesCount();
    QStringList lines;
    lines.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        // One row at a time: a multi-row selection would join rows the emulator wrapped.
        m_term->setSelectionStart(top + row, 0);
        m_term->setSelectionEnd(top + row, columns - 1);
        QString line = m_term->selectedText(false);
        int end = line.size();
        while (end > 0 && (line.at(end - 1) == QLatin1Char('\n') || line.at(end - 1).isSpace()))
            --end;
        line.truncate(end);
        lines.append(line);
    }
    return lines.join(QLatin1Char('\n'));
}

int RemoteTerminal::cursorLine() const
{
    const SelectionKeeper keeper(m_term);
    SelectionKeeper::clear(m_term);
    // Without a selection Konsole reports the cursor as the selection start, in history +
    // screen coordinates.
    int row = 0;
    int column = 0;
    m_term->getSelectionStart(row, column);
    return row - m_term->historyLinesCount();
}

QString RemoteTerminal::title() const
{
    return m_term->title();
}

void RemoteTerminal::setFocusToTerminal()
{
    m_term->setFocus(Qt::OtherFocusReason);
}

QWidget *RemoteTerminal::terminalDisplay() const
{
    return m_display ? m_display : m_term;
}

bool RemoteTerminal::isBellFlashVisible() const
{
    return m_bellFlash->isVisible();
}

void RemoteTerminal::copyClipboard()
{
    m_term->copyClipboard();
}

void RemoteTerminal::pasteClipboard()
{
    emit userActive();
    m_term->pasteClipboard();
}

void RemoteTerminal::toggleSearchBar()
{
    m_term->toggleShowSearchBar();
}

void RemoteTerminal::zoomIn()
{
    ++m_zoomStep;
    applyFont();
}

void RemoteTerminal::zoomOut()
{
    --m_zoomStep;
    applyFont();
}

void RemoteTerminal::zoomReset()
{
    m_zoomStep = 0;
    applyFont();
}

void RemoteTerminal::flashBell()
{
    m_bellFlash->setGeometry(rect());
    m_bellFlash->raise();
    m_bellFlash->show();
    m_bellTimer.start();
}

void RemoteTerminal::showContextMenu(const QPoint &pos)
{
    m_copyAction->setEnabled(!m_term->selectedText(false).isEmpty());
    QMenu menu(this);
    if (m_settings.clickableUrls) {
        const QList<QAction *> linkActions = m_term->filterActions(pos);
        if (!linkActions.isEmpty()) {
            menu.addActions(linkActions);
            menu.addSeparator();
        }
    }
    menu.addAction(m_copyAction);
    menu.addAction(m_pasteAction);
    menu.addSeparator();
    menu.addAction(m_findAction);
    menu.addSeparator();
    menu.addAction(m_zoomInAction);
    menu.addAction(m_zoomOutAction);
    menu.addAction(m_zoomResetAction);
    menu.exec(m_term->mapToGlobal(pos));
}

void RemoteTerminal::onUrlActivated(const QUrl &url, bool fromContextMenu)
{
    Q_UNUSED(fromContextMenu)
    if (!m_settings.clickableUrls || !url.isValid())
        return;
    QDesktopServices::openUrl(url);
}

} // namespace lap
