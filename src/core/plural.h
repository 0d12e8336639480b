// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace lap {

// Counted texts that read right in English without a translation loaded: Qt substitutes %n,
// but only a translation picks the plural form. Mark the texts with QT_TRANSLATE_N_NOOP in
// `context` so that lupdate finds them; translators get every form.

// `one` when n is 1, else `many`, translated in `context` with %n replaced.
QString plural(const char *context, const char *one, const char *many, int n);
// One text with "(s)" (e.g. "%n agent(s) available"), translated in `context`; the "(s)" is
// resolved to the English plural: "1 agent available", "3 agents available".
QString plural(const char *context, const char *text, int n);

} // namespace lap
