"""Start-up benchmark: runs of the installed `mlpath` as CPU-time ratios to `python -c pass`.

    .venv/bin/python bench/startup.py            # 21 interleaved pairs per case after a warm-up
    .venv/bin/python bench/startup.py --runs 31  # steadier medians on a noisy machine
    .venv/bin/python bench/startup.py --floor    # also what importing the libraries alone costs
    .venv/bin/python bench/startup.py --only plan

Each case is timed as N interleaved pairs (`python -c pass`, then the command), after
warm-up runs that fill the OS file cache and mlpath's catalogue cache as a user's first
run does. A run's time is the CPU time the process used (user + system, from wait4):
on a shared machine wall time swings with the neighbours' load, CPU time much less. The
table shows both medians and their ratio; the ratio is what the budget limits, because it
cancels most of the machine's speed. `assess` runs in a pseudo-terminal and is timed until
its first question appears, then killed. "plan, saved profile" runs with a profile saved by
`mlpath assess --answers` in its own home (the other cases see an empty one).

Standard library only. Exits 1 when a ratio is over its budget (or a case fails), so it
can gate a release by hand; CI does not run it because shared machines are noisy.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]")
# questionary shows each question as "? <message>"; the first one means "ready for input".
FIRST_PROMPT = re.compile(rb"(^|[\r\n])\s*\? \S")


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]
    budget: float  # the largest allowed ratio of medians to `python -c pass`
    pty: bool = False
    saved_profile: bool = False  # run with a saved profile in MLPATH_HOME


POSTING = Path(__file__).resolve().parents[1] / "tests" / "postings" / "fintech_fraud_senior.md"
# The budgets (docs/performance.md explains each; tests/test_startup.py checks the two agree).
CASES = (
    Case("--version", ("--version",), 2.0),
    Case("--help", ("--help",), 6.5),
    Case("plan --sector finance --format json",
         ("plan", "--sector", "finance", "--format", "json"), 8.5),
    Case("plan --sector finance", ("plan", "--sector", "finance"), 11.0),
    Case("plan, saved profile", ("plan",), 12.0, saved_profile=True),
    Case("assess (until the first prompt)", ("assess",), 15.5, pty=True),
    Case("match one posting", ("match", str(POSTING), "--no-profile"), 12.0),
)
ANSWERS = "sector: finance\nbackground: software-engineer\nregion: uk\nstart: 2027-01-04\n" \
          "levels: {python: 3, sql: 2}\n"


def folders(root: Path) -> dict[str, str]:
    """Where a run keeps its profile and cache, in scratch folders. On Linux through the XDG
    variables, so each run finds them through platformdirs as a user's run does (setting
    MLPATH_HOME and MLPATH_CACHE_DIR would skip that import); elsewhere through those two."""
    if sys.platform.startswith("linux"):
        return {"XDG_DATA_HOME": str(root / "data"), "XDG_CACHE_HOME": str(root / "cache"),
                "MLPATH_HOME": "", "MLPATH_CACHE_DIR": ""}
    return {"MLPATH_HOME": str(root / "data"), "MLPATH_CACHE_DIR": str(root / "cache")}


def find_mlpath() -> Path:
    """The installed console script: next to this interpreter, else on PATH."""
    here = Path(sys.executable).parent / ("mlpath.exe" if os.name == "nt" else "mlpath")
    if here.is_file():
        return here
    found = shutil.which("mlpath")
    if found is None:
        sys.exit("mlpath is not installed next to this python or on PATH; "
                 "run `.venv/bin/pip install -e .` first.")
    return Path(found)


def interpreter_of(script: Path) -> str:
    """The python a console script runs under (its #! line), so the baseline is the same one."""
    try:
        first = script.read_bytes().split(b"\n", 1)[0]
    except OSError:
        return sys.executable
    if first.startswith(b"#!") and b"python" in first:
        candidate = first[2:].decode().strip().split()[0]
        if Path(candidate).is_file():
            return candidate
    return sys.executable


def cpu_time(proc: subprocess.Popen[bytes]) -> float:
    """Wait for `proc`; the CPU seconds (user + system) it used."""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime


def run_pipe(cmd: list[str], env: dict[str, str]) -> float:
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=err, env=env)
        used = cpu_time(proc)
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: "
                               f"{err.read().decode(errors='replace').strip()[-300:]}")
    return used


def run_pty_until_prompt(cmd: list[str], env: dict[str, str], timeout: float = 20.0) -> float:
    """CPU seconds `cmd` uses in a pseudo-terminal until its first question is on screen."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    # 100x30 like a small terminal window; prompt_toolkit asks the pty for its size.
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env,
                            start_new_session=True, close_fds=True)
    os.close(slave)
    seen = b""
    try:
        while True:
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                raise RuntimeError(f"no prompt from {' '.join(cmd)} within {timeout:.0f} s; "
                                   f"output: {ANSI.sub(b'', seen)[-300:]!r}")
            ready, _, _ = select.select([master], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                chunk = b""
            if not chunk:
                raise RuntimeError(f"{' '.join(cmd)} ended before its first prompt; output: "
                                   f"{ANSI.sub(b'', seen)[-300:]!r}")
            seen += chunk
            if FIRST_PROMPT.search(ANSI.sub(b"", seen)):
                break
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        used = cpu_time(proc)
        os.close(master)
    return used


@dataclass
class Row:
    case: Case
    python: float
    command: float
    error: str | None = None

    @property
    def ratio(self) -> float:
        return self.command / self.python

    @property
    def ok(self) -> bool:
        return self.error is None and self.ratio <= self.case.budget


# What the libraries cost before mlpath does anything (`--floor`): imports only, then the
# same with mlpath's own record classes (catalogue and plan) on top.
FLOOR = (
    ("import typer", "import typer"),
    ("import typer, rich.console, rich.table", "import typer, rich.console, rich.table"),
    ("import typer, questionary", "import typer, questionary"),
    ("import yaml", "import yaml"),
    ("typer + the catalogue's records", "import typer, mlpath.catalogue.model"),
    ("typer + the catalogue's and plan's records",
     "import typer, mlpath.catalogue.model, mlpath.planning.model"),
)


def measure(case: Case, mlpath: Path, python: str, env: dict[str, str], runs: int,
            warmup: int, cmd: list[str] | None = None) -> Row:
    cmd = cmd or [str(mlpath), *case.args]
    baseline = [python, "-c", "pass"]
    timed: Callable[[list[str], dict[str, str]], float] = (
        run_pty_until_prompt if case.pty else run_pipe)
    py_times: list[float] = []
    cmd_times: list[float] = []
    try:
        for i in range(warmup + runs):
            p = run_pipe(baseline, env)
            c = timed(cmd, env)
            if i >= warmup:
                py_times.append(p)
                cmd_times.append(c)
    except (RuntimeError, OSError) as exc:
        return Row(case, 1.0, 0.0, str(exc))
    return Row(case, statistics.median(py_times), statistics.median(cmd_times))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21, help="timed pairs per case (21)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed pairs first (3)")
    parser.add_argument("--only", metavar="TEXT", help="only cases whose name contains TEXT")
    parser.add_argument("--floor", action="store_true",
                        help="also time importing the libraries alone (no verdict)")
    parser.add_argument("--no-verdict", action="store_true",
                        help="exit 0 whatever the ratios (a smoke test of the script itself)")
    args = parser.parse_args(argv)

    mlpath = find_mlpath()
    python = interpreter_of(mlpath)
    with tempfile.TemporaryDirectory(prefix="mlpath-bench-") as tmp:
        env = {**os.environ, "COLUMNS": "100", "LINES": "30",
               "TERM": os.environ.get("TERM", "xterm-256color"), **folders(Path(tmp) / "home")}
        # As on a user's machine: bytecode is cached (an editable install writes it on the
        # first run; a wheel install at install time), no data fork, no forced colours.
        for var in ("PYTHONDONTWRITEBYTECODE", "MLPATH_DATA_DIR", "MLPATH_NO_CACHE", "NO_COLOR"):
            env.pop(var, None)
        saved_env = {**env, **folders(Path(tmp) / "saved")}
        answers = Path(tmp) / "answers.yaml"
        answers.write_text(ANSWERS, encoding="utf-8")
        run_pipe([str(mlpath), "assess", "--answers", str(answers)], saved_env)
        print(f"mlpath: {mlpath}\npython: {python}\n"
              f"{args.runs} interleaved runs per case after {args.warmup} warm-up runs; "
              "median CPU times.\n")
        print(f"{'case':38} {'python -c pass':>15} {'mlpath':>9} {'ratio':>7} {'budget':>7}"
              "  result")
        rows = []
        for case in CASES:
            if args.only and args.only not in case.name:
                continue
            row = measure(case, mlpath, python, saved_env if case.saved_profile else env,
                          args.runs, args.warmup)
            rows.append(row)
            if row.error:
                print(f"{case.name:38} {'':>15} {'':>9} {'':>7} {case.budget:>6.1f}×  FAIL: "
                      f"{row.error}")
            else:
                print(f"{case.name:38} {row.python * 1000:>12.1f} ms {row.command * 1000:>6.1f} ms "
                      f"{row.ratio:>6.2f}× {case.budget:>6.1f}×  {'PASS' if row.ok else 'FAIL'}",
                      flush=True)
        if args.floor:
            print("\nimports only (the floor under every case above):")
            for name, code in FLOOR:
                row = measure(Case(name, (), 0.0), mlpath, python, env, args.runs,
                              args.warmup, cmd=[python, "-c", code])
                print(f"{name:38} {row.python * 1000:>12.1f} ms {row.command * 1000:>6.1f} ms "
                      f"{row.ratio:>6.2f}×" + (f"  {row.error}" if row.error else ""), flush=True)
    failed = [r.case.name for r in rows if not r.ok]
    print(f"\n{'All within budget.' if not failed else 'Over budget: ' + ', '.join(failed)}")
    errors = [r for r in rows if r.error]
    return 1 if errors or (failed and not args.no_verdict) else 0


if __name__ == "__main__":
    raise SystemExit(main())
