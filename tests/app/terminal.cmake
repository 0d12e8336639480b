# RemoteTerminal and TerminalSettings: real QTermWidget on a real PTY, offscreen.
# Screenshots are test artifacts: look at them after a change to the terminal's looks.
lap_add_qtest(tst_remoteterminal SOURCES tst_remoteterminal.cpp dlgtestutil.h LIBS lapapp
    TIMEOUT 120)
lap_add_qtest(tst_terminalsettings SOURCES tst_terminalsettings.cpp LIBS lapapp)
# TerminalTab's static pages (forms/terminal*page.ui): accessible names, no platform needed.
lap_add_qtest(tst_terminaltab SOURCES tst_terminaltab.cpp LIBS lapapp TIMEOUT 60)
