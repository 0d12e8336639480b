// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "appsettings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace lap {

// Edits an AppSettings: a "Terminal" page (look and Ctrl-D behaviour) and a "Connection" page
// (start-up give-up time, TTY fallback URL, keep-alive, auto-reconnect, CA file). Fields are
// validated as they are typed; OK stays disabled while one is invalid. The caller persists
// settings() after exec() returns Accepted.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings &settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // The edited values; fields the dialog does not show keep what the constructor got.
    AppSettings settings() const;

    // Opens on the Connection page, e.g. after a TLS error that a CA file would fix.
    void showConnectionPage();

private:
    void setFields(const AppSettings &settings);
    void validate();
    void browseCaFile();
    void restoreDefaults();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    AppSettings m_initial;
    // What the font combo showed for an empty fontFamily ("system fixed font"); empty otherwise.
    QString m_systemFontFamily;
};

} // namespace lap
