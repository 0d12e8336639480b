// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "terminalsettings.h"

#include <QByteArray>
#include <QSize>
#include <QTimer>
#include <QWidget>

#include <deque>

class QAction;
class QSocketNotifier;
class QTermWidget;

namespace lap {

// A QTermWidget that shows a remote PTY: it runs no local program. Bytes from the remote go
// in through writeOutput() (queued, never blocking the GUI thread), keystrokes come out of
// input(), size changes out of sizeChanged(). Knows nothing about the transport.
class RemoteTerminal : public QWidget
{
    Q_OBJECT
public:
    explicit RemoteTerminal(QWidget *parent = nullptr);
    explicit RemoteTerminal(const TerminalSettings &settings, QWidget *parent = nullptr);
    ~RemoteTerminal() override;

    // Remote output, rendered byte-exact in order (UTF-8 may split across calls). Never
    // blocks: the bytes are queued and fed to the emulator from the event loop.
    void writeOutput(const QByteArray &bytes);
    // Bytes accepted by writeOutput() but not yet handed to the emulator; a caller can stop
    // reading from the network above some threshold and resume on outputDrained().
    qint64 pendingOutputBytes() const { return m_pendingBytes; }

    // Columns x rows of the emulator's screen.
    QSize terminalSize() const;
    // Emits sizeChanged() with the current size even if it did not change (a reattach must
    // tell the new PTY its size).
    void requestSizeResend();

    const TerminalSettings &settings() const { return m_settings; }
    // Stores `settings` and applies them (resets the zoom).
    void applySettings(const TerminalSettings &settings);
    // Applies every setting in settings() to the widget in one place (resets the zoom).
    void applySettings();

    // Turns off mouse tracking, bracketed paste and application cursor keys and leaves the
    // alternate screen, locally: a reattached remote may not be in the mode the last one left.
    // Queued behind pending output; nothing is sent to the remote.
    void resetModes();

    // The emulator's screen (alternate screen when active; not the scrolled-back view), one
    // line per row, trailing blanks of each row removed, rows joined with '\n'. A user's
    // selection survives, a multi-row one as a block selection.
    QString screenText() const;
    // Row of the cursor on the visible screen, 0-based.
    int cursorLine() const;
    QString title() const;
    void setFocusToTerminal();

    // The widget that takes keyboard focus (the emulator's display), e.g. for QTest.
    QWidget *terminalDisplay() const;

    QAction *copyAction() const { return m_copyAction; }
    QAction *pasteAction() const { return m_pasteAction; }
    QAction *findAction() const { return m_findAction; }
    QAction *zoomInAction() const { return m_zoomInAction; }
    QAction *zoomOutAction() const { return m_zoomOutAction; }
    QAction *zoomResetAction() const { return m_zoomResetAction; }
    // Steps above (>0) or below (<0) the settings' font size.
    int zoomStep() const { return m_zoomStep; }
    bool isBellFlashVisible() const;

public slots:
    void copyClipboard();
    void pasteClipboard();
    void toggleSearchBar();
    void zoomIn();
    void zoomOut();
    void zoomReset();

signals:
    // Bytes the user typed (or the emulator answered to a query) for the remote PTY.
    void input(const QByteArray &bytes);
    // Someone is at the terminal: a key, a click, the wheel or a paste. Unlike input(), never
    // raised by the emulator's automatic answers (a remote program polling the cursor position
    // or the device attributes would otherwise look like a user typing).
    void userActive();
    // A lone Ctrl-D while settings().ctrlDDetaches is on; nothing is sent.
    void detachRequested();
    void sizeChanged(int cols, int rows);
    // pendingOutputBytes() dropped to 0.
    void outputDrained();
    void bell();
    void titleChanged(const QString &title);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private slots:
    // Connected by name to Konsole::TerminalDisplay::changedContentSizeSignal(int,int).
    void onContentSizeChanged();

private:
    void init();
    void setUpPty();
    void createActions();
    void onSendData(const char *data, int length);
    void emitSizeIfChanged();
    void onWritable();
    void flashBell();
    void showContextMenu(const QPoint &pos);
    void onUrlActivated(const QUrl &url, bool fromContextMenu);
    void onSelectionMaybeChanged();
    void applyFont();

    TerminalSettings m_settings;
    QTermWidget *m_term = nullptr;
    QWidget *m_display = nullptr;
    QWidget *m_bellFlash = nullptr;
    int m_ptyFd = -1;
    QSocketNotifier *m_writeNotifier = nullptr;
    std::deque<QByteArray> m_queue;
    int m_frontOffset = 0; // bytes of m_queue.front() already written
    qint64 m_pendingBytes = 0;
    QTimer m_sizeDebounce;
    QTimer m_bellTimer;
    QSize m_lastSize; // last size emitted
    int m_zoomStep = 0;

    QAction *m_copyAction = nullptr;
    QAction *m_pasteAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_zoomResetAction = nullptr;
};

} // namespace lap
