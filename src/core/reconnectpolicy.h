// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

namespace lap {

// Delay before reconnect attempt `attempt` (0-based): the first try goes at once (most drops
// are a load balancer's idle cut and the session is still there), then 1, 2, 4, 8, 16 s capped
// at `capMs`, each spread by ±20 % with `jitter` in [0, 1) so that many clients dropped by one
// platform rollout do not come back in lockstep.
inline int reconnectDelayMs(int attempt, double jitter, int capMs = 30000)
{
    if (attempt <= 0)
        return 0;
    long long base = 1000;
    for (int i = 1; i < attempt && base < capMs; ++i)
        base *= 2;
    if (base > capMs)
        base = capMs;
    const double spread = 0.8 + 0.4 * (jitter < 0 ? 0 : (jitter >= 1 ? 0.999999 : jitter));
    const long long ms = static_cast<long long>(base * spread);
    return static_cast<int>(ms > capMs ? capMs : ms);
}

} // namespace lap
