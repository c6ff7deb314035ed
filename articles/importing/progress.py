"""A plain progress bar on stderr, drawn only when stderr is a terminal."""

import sys
from typing import TextIO


class ProgressBar:
    def __init__(self, total: int, *, stream: TextIO | None = None, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.width = width
        self.enabled = total > 1 and self.stream.isatty()
        self.done = 0

    def advance(self, label: str = "", *, steps: int = 1) -> None:
        self.done += steps
        if not self.enabled:
            return
        filled = self.width * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} {label[-40:]:<40}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
