// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

class QApplication;

namespace lap {

// What lap-desktop sets on its QApplication before it reads the command line: names, version,
// desktop file name, and the translations (before the parser: --help and command-line errors
// are user-visible text too). main.cpp and lap-bench's startup child both call it. The
// application icon is the main window's, set once the window exists (main.cpp).
void initApplication(QApplication &app);

} // namespace lap
