# SPDX-License-Identifier: GPL-2.0-or-later
# What every test of a LAP_SANITIZE build runs with: lap_add_qtest adds these to each
# test's environment, so `ctest` in build/asan (tools/test, CMakePresets.json "sanitize") always
# stops at the first finding, with a stack, and reports leaks at exit. The LSan suppressions
# cover third-party frames only (lsan.supp says why for each).
# Cache (global) variables: lap_add_qtest is also called from outside tests/ (packaging).
set(LAP_SANITIZER_TEST_ENV
    "ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1"
    "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_LIST_DIR}/lsan.supp:print_suppressions=0"
    "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
    CACHE INTERNAL "Environment of every test in a LAP_SANITIZE build")
# Everything is slower under ASan+UBSan (2-3x here); the per-test timeouts scale with it.
set(LAP_SANITIZER_TIMEOUT_FACTOR 3 CACHE INTERNAL "Test timeouts scale by this under sanitizers")
