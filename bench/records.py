"""What a record class costs to create at import: frozen dataclass, NamedTuple, msgspec.Struct.

    .venv/bin/python bench/records.py          # on this interpreter
    ~/.pyenv/versions/3.13.0/bin/python bench/records.py

Reads mlpath's own record classes (the catalogue's, the matcher's, the plan's and the
profile) with `ast`, whether declared as dataclasses or NamedTuples, keeps their field
lists, and re-declares each one three ways. Every variant is executed `--runs` times in
a fresh namespace; the table shows the median CPU time per class. msgspec is timed only
when it is installed (it is not an mlpath dependency). Standard library only otherwise.
"""

from __future__ import annotations

import argparse
import ast
import statistics
import subprocess
import sys
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "mlpath"
MODULES = ("catalogue/model.py", "catalogue/salary.py", "catalogue/sector.py",
           "catalogue/career.py", "matching/extract.py", "matching/phrases.py",
           "matching/posting.py", "matching/fit.py", "planning/model.py", "person/profile.py")
HEADERS = {
    "frozen dataclass": "from dataclasses import dataclass, field\n",
    "typing.NamedTuple": "from typing import NamedTuple\n",
    "msgspec.Struct": "import msgspec\n",
}


def records() -> list[tuple[str, list[tuple[str, str, str | None]]]]:
    """(class name, [(field, annotation, default source or None)]) of every dataclass."""
    found = []
    for rel in MODULES:
        tree = ast.parse((SRC / rel).read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {ast.unparse(b) for b in node.bases}
            decorators = {ast.unparse(d).split("(")[0] for d in node.decorator_list}
            if not ("NamedTuple" in bases or decorators & {"dataclass", "dataclasses.dataclass"}):
                continue  # records only, whichever way they are declared now
            fields = []
            for stmt in node.body:
                if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                    default = ast.unparse(stmt.value) if stmt.value is not None else None
                    if default and "init=False" in default:
                        continue  # derived look-ups: not a field in any variant
                    if default and "default_factory" not in default:
                        try:
                            ast.literal_eval(default)
                        except ValueError:  # a module constant: any value costs the same
                            default = "None"
                    fields.append((stmt.target.id, ast.unparse(stmt.annotation), default))
            found.append((node.name, fields))
    return found


def declare(kind: str, name: str, fields: list[tuple[str, str, str | None]]) -> str:
    head = {"frozen dataclass": f"@dataclass(frozen=True, kw_only=True)\nclass {name}:\n",
            "typing.NamedTuple": f"class {name}(NamedTuple):\n",
            "msgspec.Struct": f"class {name}(msgspec.Struct, frozen=True):\n"}[kind]
    lines = []
    if kind != "frozen dataclass":  # a field without a default cannot follow one with it
        fields = sorted(fields, key=lambda f: f[2] is not None)
    for field_name, annotation, default in fields:
        if default in ("{}", "field(default_factory=dict)"):
            default = {"frozen dataclass": "field(default_factory=dict)",
                       "typing.NamedTuple": "{}",
                       "msgspec.Struct": "msgspec.field(default_factory=dict)"}[kind]
        lines.append(f"    {field_name}: {annotation!r}" + (f" = {default}" if default else ""))
    return head + "\n".join(lines or ["    pass"]) + "\n"


def import_cost(module: str) -> float:
    """Seconds a fresh interpreter spends importing `module` (-X importtime, cumulative)."""
    run = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                         capture_output=True, text=True, check=True)
    line = run.stderr.strip().splitlines()[-1]  # the top-level module comes last
    return int(line.split("|")[1]) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=31, help="executions per variant (31)")
    args = parser.parse_args(argv)
    classes = records()
    print(f"python {sys.version.split()[0]}: {len(classes)} record classes, "
          f"median of {args.runs} runs\n")
    print(f"{'kind':20} {'per class':>10} {'all':>9}  {'import (fresh process)':>22}")
    for kind, header in HEADERS.items():
        try:
            exec(header, {})
        except ImportError:
            print(f"{kind:20} (not installed)")
            continue
        imported = import_cost(header.split()[1])
        code = compile(header + "\n".join(declare(kind, n, f) for n, f in classes),
                       "<records>", "exec")
        times = []
        for _ in range(args.runs):
            start = time.process_time()
            exec(code, {"__name__": "records"})
            times.append(time.process_time() - start)
        total = statistics.median(times)
        print(f"{kind:20} {total / len(classes) * 1e3:>7.3f} ms {total * 1e3:>6.1f} ms  "
              f"{imported * 1e3:>19.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
