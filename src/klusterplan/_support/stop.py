"""The exception klusterplan's own signal handlers raise to stop a process in order."""

from __future__ import annotations

__all__ = ["HookTimeout", "Stopped"]


class Stopped(SystemExit):
    """The process was told to stop (SIGTERM, its parent gone); it unwinds and exits.

    It is a :class:`SystemExit`, so it ends the process with its code, and it is
    never taken for a plugin's failure: code that contains plugins lets it pass.
    """


class HookTimeout(BaseException):
    """A plugin's hook ran past its time limit; raised inside the hook to end it.

    A :class:`BaseException`, so a plugin's own ``except Exception`` does not
    swallow it; whoever contains the plugin reports it by the plugin's name.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"ran longer than its time limit of {seconds:g} s")
