"""Errors raised for bad input: each names the file (or stream) and the problem in one line."""

from __future__ import annotations


class KhulasaError(Exception):
    """Base class for errors the command line reports as one line, exit code 2."""


class InputError(KhulasaError):
    """A file or record Khulasa cannot use, with where it came from and why."""

    def __init__(self, origin: str, problem: str, line: int | None = None) -> None:
        self.origin = origin
        self.problem = problem
        self.line = line
        where = f"{origin}:{line}" if line is not None else origin
        super().__init__(f"{where}: {problem}")
