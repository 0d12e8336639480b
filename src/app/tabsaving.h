// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tabsnapshot.h"

namespace lap {

class TerminalTab;

// What TabStore keeps of `tab`, opened while the window was signed in as `profile`.
SavedTab savedTabOf(const TerminalTab &tab, const QString &profile);
// The "worth restoring" rule of tabstore.h applied to the tab's state now.
bool isWorthRestoring(const TerminalTab &tab);

} // namespace lap
