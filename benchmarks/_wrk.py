"""wrk over a list of paths that each connection takes in turn, reporting latency percentiles,
requests/s, every status seen and every socket error (connect, read, write, timeout)."""

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

# Each wrk thread reads the paths in init(), starting at its own offset, and counts statuses
# in response(); done() adds the threads' counts and prints one JSON line.
SCRIPT = r"""
local threads = {}
function setup(thread)
    thread:set("offset", #threads * 7919)
    table.insert(threads, thread)
end
function init(args)
    paths, statuses = {}, {}
    for line in io.lines(args[1]) do table.insert(paths, line) end
    turn = offset
end
function request()
    turn = turn + 1
    return wrk.format("GET", paths[turn % #paths + 1])
end
function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
    local counts = {}
    for _, thread in ipairs(threads) do
        for status, n in pairs(thread:get("statuses")) do
            counts[#counts + 1] = string.format('"%d": %d', status, n)
        end
    end
    local e = summary.errors
    io.write(string.format(
        'WRK-RESULT {"requests": %d, "microseconds": %d, "p50": %d, "p95": %d, "p99": %d, '
        .. '"max": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d, '
        .. '"statuses": [{%s}]}\n',
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
        latency:percentile(99), latency.max, e.connect, e.read, e.write, e.timeout,
        table.concat(counts, "}, {")))
end
"""


@dataclass(frozen=True)
class Load:
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    socket_errors: dict[str, int]
    statuses: dict[int, int]

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds

    @property
    def failed_statuses(self) -> int:
        """Answers that are neither 2xx nor 3xx."""
        return sum(n for status, n in self.statuses.items() if not 200 <= status < 400)

    @property
    def errors(self) -> int:
        return self.failed_statuses + sum(self.socket_errors.values())


class Wrk:
    """wrk started in the background against `base` + each of `paths`; `finish()` waits."""

    def __init__(
        self, base: str, paths: list[str], *, seconds: int, connections: int, threads: int
    ) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="wrk-")
        script, path_list = Path(self._folder.name, "rotate.lua"), Path(self._folder.name, "paths")
        script.write_text(SCRIPT)
        path_list.write_text("\n".join(paths) + "\n")
        command = [
            "wrk", f"--threads={threads}", f"--connections={connections}",
            f"--duration={seconds}s", "--timeout=10s", f"--script={script}", base, "--",
            str(path_list),
        ]  # fmt: skip
        self._process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)

    def finish(self) -> Load:
        output, _ = self._process.communicate()
        self._folder.cleanup()
        line = next(line for line in output.splitlines() if line.startswith("WRK-RESULT "))
        found = json.loads(line.removeprefix("WRK-RESULT "))
        statuses: dict[int, int] = {}
        for count in found["statuses"]:
            for status, n in count.items():
                statuses[int(status)] = statuses.get(int(status), 0) + n
        return Load(
            requests=found["requests"],
            seconds=found["microseconds"] / 1e6,
            p50_ms=found["p50"] / 1000,
            p95_ms=found["p95"] / 1000,
            p99_ms=found["p99"] / 1000,
            max_ms=found["max"] / 1000,
            socket_errors={kind: found[kind] for kind in ("connect", "read", "write", "timeout")},
            statuses=statuses,
        )


def wrk(base: str, paths: list[str], *, seconds: int, connections: int, threads: int) -> Load:
    return Wrk(base, paths, seconds=seconds, connections=connections, threads=threads).finish()
