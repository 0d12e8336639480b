# TTY-side unit tests (TtyEndpoint, resume argument, TtyChannel).
