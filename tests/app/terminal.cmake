# RemoteTerminal and TerminalSettings: real QTermWidget on a real PTY, offscreen.
lap_add_qtest(tst_remoteterminal SOURCES tst_remoteterminal.cpp LIBS lapapp TIMEOUT 120)
# Screenshots are test artifacts: look at them after a change to the terminal's looks.
target_compile_definitions(tst_remoteterminal PRIVATE
    LAP_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/screenshots")
lap_add_qtest(tst_terminalsettings SOURCES tst_terminalsettings.cpp LIBS lapapp)
