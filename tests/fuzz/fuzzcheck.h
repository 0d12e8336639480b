// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// A failed expectation in a fuzz target must stop libFuzzer with a stack, like a crash, and
// name what was expected; assert() would vanish in a release build.

#include <cstdio>
#include <cstdlib>

#define LAP_FUZZ_CHECK(cond)                                                                       \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            std::fprintf(stderr, "%s:%d: expectation failed: %s\n", __FILE__, __LINE__, #cond);    \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
