"""Reading captures in worker processes while the importing process writes (`--jobs`).

Reading (parsing, cleaning, language identification, hashing) is most of an import's CPU
time and needs no database, so it runs in a pool of forked workers; every write stays in
the one process that owns the connection, in file order, so the files of one run never
race each other to create the same outlet or article. Workers read a bounded window of
files ahead of the writer, so memory stays flat however many files a run holds.
"""

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from .reading import CaptureReader, Prepared

# Files each worker takes at a time: large enough to amortise the pipe, small enough that
# the writer does not wait long for the first ones.
CHUNK = 8
# Files read ahead of the writer: two windows are in flight at any moment.
WINDOW = 256
# The writer is the run's serial path and the database server does its work; readers keep
# ahead of both at a lower priority, so on a busy machine they yield the CPU to them first
# (191 and 198 against 184 and 184 captures/s, 10,000 files, 2 cores).
READER_NICENESS = 10


def read_all(reader: CaptureReader, paths: Sequence[Path], *, jobs: int) -> Iterator[Prepared]:
    """Each path read, in order; by `jobs` worker processes when there is enough to share."""
    if jobs <= 1 or len(paths) < jobs * CHUNK:
        yield from map(reader.read_path, paths)
        return
    # Fork, not spawn: the workers need the configured Django code and nothing else, and
    # they never touch the parent's database connection (reading needs no database).
    # A worker that dies raises BrokenProcessPool here instead of leaving the run hanging.
    reader.warm_up()  # load the language model once, before the workers share it by forking
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_lower_priority
    ) as pool:
        windows = _windows(paths, WINDOW)
        in_flight = deque(
            pool.map(reader.read_path, window, chunksize=CHUNK) for window in islice(windows, 2)
        )
        while in_flight:
            current = in_flight.popleft()
            following = next(windows, None)
            if following:
                in_flight.append(pool.map(reader.read_path, following, chunksize=CHUNK))
            yield from current


def _windows(paths: Sequence[Path], size: int) -> Iterator[Sequence[Path]]:
    return (paths[start : start + size] for start in range(0, len(paths), size))


def _lower_priority() -> None:
    os.nice(READER_NICENESS)
