"""What people and files get wrong, in one table: every row exits with the contract's code,
says what the problem is, shows no traceback, and changes no file the user owns.

A row is (id, setup, args, exit code, message pattern). `setup` prepares the case in a
fresh user directory (MLPATH_HOME), a writable copy of the shipped data and an output
folder; `{data}`, `{home}`, `{out}` and `{tmp}` in the arguments name them. Before the
command runs, every file under those folders is hashed; afterwards the hashes must be
the same (and no file may have appeared in the user directory or output folder).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from mlpath.catalogue.load import default_data_dir
from mlpath.cli import COMMAND_MODULES

EXIT_ERROR, EXIT_USAGE = 1, 2


@dataclass
class Ctx:
    tmp: Path
    home: Path
    out: Path
    monkeypatch: pytest.MonkeyPatch
    _data: Path | None = None

    def make_home(self) -> Path:
        self.home.mkdir(parents=True)
        return self.home

    @property
    def data(self) -> Path:
        """A writable copy of the shipped data, made on first use."""
        if self._data is None:
            self._data = self.tmp / "data"
            shutil.copytree(default_data_dir(), self._data)
        return self._data

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.data / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {name}: the row tests nothing"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def profile(self, edits: dict[str, str] | None = None) -> Path:
        """A valid saved profile (finance, python at 2), then `edits` to its YAML text."""
        from mlpath.catalogue.load import load_catalog
        from mlpath.person import store as profile
        from mlpath.person.profile import make_profile

        cat = load_catalog()
        saved = profile.new(make_profile(cat, sector="finance", start="2027-01-04",
                                         know={"python": 2}))
        path = profile.save(saved)
        text = path.read_text(encoding="utf-8")
        for old, new in (edits or {}).items():
            assert old in text, f"{old!r} is not in the profile: the row tests nothing"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
        return path

    def write(self, name: str, text: str | bytes) -> Path:
        path = self.tmp / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path


def read_only(ctx: Ctx, folder: Path) -> Path:
    """Make `folder` refuse writes: by its mode, and for root (whom modes do not stop) by
    having the file calls mlpath writes with fail the way the OS fails them."""
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o555)
    if os.geteuid() != 0:
        return folder
    inside = str(folder.resolve())

    def refuse(path: Any) -> None:
        target = os.path.abspath(os.fspath(path))
        if target == inside or target.startswith(inside + os.sep):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))

    real_open, real_replace, real_mkdir = os.open, os.replace, os.mkdir

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            refuse(path)
        return real_open(path, flags, *args, **kwargs)

    def fake_replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        refuse(dst)
        real_replace(src, dst, *args, **kwargs)

    def fake_mkdir(path: Any, *args: Any, **kwargs: Any) -> None:
        refuse(path)
        real_mkdir(path, *args, **kwargs)

    real_io_open = open

    def fake_io_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, bytes, os.PathLike)) and set(mode) & set("wax+"):
            refuse(file)
        return real_io_open(file, mode, *args, **kwargs)

    ctx.monkeypatch.setattr(os, "open", fake_open)
    ctx.monkeypatch.setattr(os, "replace", fake_replace)
    ctx.monkeypatch.setattr(os, "mkdir", fake_mkdir)
    ctx.monkeypatch.setattr("builtins.open", fake_io_open)
    ctx.monkeypatch.setattr("io.open", fake_io_open)
    return folder


@dataclass(frozen=True)
class Row:
    id: str
    args: tuple[str, ...]
    code: int
    message: str  # a regular expression searched in stderr (then stdout)
    setup: Callable[[Ctx], object] | None = None

    @property
    def command(self) -> str:
        return self.args[0]


def row(id: str, args: str, code: int, message: str,
        setup: Callable[[Ctx], object] | None = None) -> Row:
    return Row(id, tuple(args.split()), code, message, setup)


ANSWERS_OK = "sector: finance\nregion: uk\nhours_per_week: 10\nlevels: {python: 3}\n"
PLAN_F = "plan --sector finance --start 2027-01-04"

ROWS = [
    # --- data files: malformed YAML, wrong types, dangling references, cycles (exit 1) ---
    row("yaml-bad-indentation", "validate --data-dir {data}", EXIT_ERROR,
        r"roadmap\.yaml:\d+: \(top\): not valid YAML",
        lambda c: c.edit("roadmap.yaml", "    name: Python\n", "    name: Python\n   oops: [\n")),
    row("yaml-unclosed-bracket-in-sectors", "validate --data-dir {data}", EXIT_ERROR,
        r"sectors\.yaml:\d+: \(top\): not valid YAML",
        lambda c: c.edit("sectors.yaml", "aliases: [fintech,", "aliases: [[fintech,")),
    row("yaml-tab-indentation", "validate --data-dir {data}", EXIT_ERROR,
        r"roadmap\.yaml:\d+: .*not valid YAML",
        lambda c: c.edit("roadmap.yaml", "    hours: 100\n", "\thours: 50\n")),
    row("file-missing", "validate --data-dir {data}", EXIT_ERROR,
        r"sectors\.yaml: \(top\): file not found",
        lambda c: (c.data / "sectors.yaml").unlink()),
    row("data-dir-missing", "validate --data-dir {tmp}/nowhere", EXIT_ERROR,
        r"Data directory not found: .*nowhere"),
    row("file-not-utf8", "validate --data-dir {data}", EXIT_ERROR,
        r"roadmap\.yaml: \(top\): cannot be read",
        lambda c: (c.data / "roadmap.yaml").write_bytes(b"schema_version: 1\n\xff\xfe\n")),
    row("file-empty", "validate --data-dir {data}", EXIT_ERROR,
        r"sectors\.yaml: \(top\): must be a mapping \(got nothing\)",
        lambda c: (c.data / "sectors.yaml").write_text("")),
    row("document-is-a-list", "validate --data-dir {data}", EXIT_ERROR,
        r"sectors\.yaml: \(top\): must be a mapping \(got a list\)",
        lambda c: (c.data / "sectors.yaml").write_text("- finance\n- health\n")),
    row("hours-not-a-number", "validate --data-dir {data}", EXIT_ERROR,
        r"roadmap\.yaml:\d+: skills\[\d+\]\.hours: must be a whole number \(got text: 'lots'\)",
        lambda c: c.edit("roadmap.yaml", "    hours: 100\n", "    hours: lots\n")),
    row("hours-out-of-range", "validate --data-dir {data}", EXIT_ERROR,
        r"skills\[\d+\]\.hours: must be between 1 and 2000 \(got 5000\)",
        lambda c: c.edit("roadmap.yaml", "    hours: 100\n", "    hours: 5000\n")),
    row("skills-is-a-mapping", "validate --data-dir {data}", EXIT_ERROR,
        r"roadmap\.yaml:\d+: skills: must be a list \(got a mapping\)",
        lambda c: c.edit("roadmap.yaml", "skills:\n", "skills:\n  python: {}\nunused:\n")),
    row("unknown-key", "validate --data-dir {data}", EXIT_ERROR,
        r"roadmap\.yaml:\d+: skills\[\d+\]\.hourz: unknown key",
        lambda c: c.edit("roadmap.yaml", "    hours: 100\n", "    hours: 100\n    hourz: 80\n")),
    row("required-key-missing", "validate --data-dir {data}", EXIT_ERROR,
        r"skills\[\d+\]\.hours: is required but missing",
        lambda c: c.edit("roadmap.yaml", "    hours: 100\n", "")),
    row("duplicate-key", "validate --data-dir {data}", EXIT_ERROR,
        r"roadmap\.yaml:\d+: skills\[\d+\]\.hours: appears twice",
        lambda c: c.edit("roadmap.yaml", "    hours: 100\n", "    hours: 100\n    hours: 90\n")),
    row("duplicate-id", "validate --data-dir {data}", EXIT_ERROR,
        r"skills\[\d+\]\.id: duplicate id 'python'",
        lambda c: c.edit("roadmap.yaml", "  - id: production-python\n", "  - id: python\n")),
    row("dangling-prerequisite", "validate --data-dir {data}", EXIT_ERROR,
        r"skills\[\d+\]\.prerequisites\[1\]: names skill 'gitt', which does not exist",
        lambda c: c.edit("roadmap.yaml", "prerequisites: [python, git]",
                         "prerequisites: [python, gitt]")),
    row("dangling-sector-emphasis", "validate --data-dir {data}", EXIT_ERROR,
        r"sectors\.yaml:\d+: sectors\[\d+\]\.emphasis\.explainabilty: names skill "
        r"'explainabilty', which does not exist",
        lambda c: c.edit("sectors.yaml", "      explainability: 1.9", "      explainabilty: 1.9")),
    row("dangling-successor", "validate --data-dir {data}", EXIT_ERROR,
        r"certifications\[1\]\.successor: names certification 'aws-mla'",
        lambda c: c.edit("roadmap.yaml", "successor: aws-ml-engineer-associate",
                         "successor: aws-mla")),
    row("unknown-source", "validate --data-dir {data}", EXIT_ERROR,
        r"source 'medium-2026' is not a known source id",
        lambda c: c.edit("sectors.yaml", "source: sectors-2026", "source: medium-2026")),
    row("prerequisite-cycle", "validate --data-dir {data}", EXIT_ERROR,
        r"skills\[4\]\.prerequisites: prerequisites form a cycle: "
        r"production-python → python → production-python",
        lambda c: c.edit("roadmap.yaml", "    hours: 100\n    hours_source: estimate\n"
                         "    prerequisites: []",
                         "    hours: 100\n    hours_source: estimate\n"
                         "    prerequisites: [production-python]")),
    row("self-prerequisite", "validate --data-dir {data}", EXIT_ERROR,
        r"'python' cannot require itself",
        lambda c: c.edit("roadmap.yaml", "    hours: 100\n    hours_source: estimate\n"
                         "    prerequisites: []",
                         "    hours: 100\n    hours_source: estimate\n"
                         "    prerequisites: [python]")),
    row("background-level-out-of-range", "validate --data-dir {data}", EXIT_ERROR,
        r"backgrounds\[0\]\.levels\.python: must be between 0 and 4 \(got 7\)",
        lambda c: c.edit("roadmap.yaml", "    levels:\n      python: 3\n",
                         "    levels:\n      python: 7\n")),
    row("bad-date-in-data", "validate --data-dir {data}", EXIT_ERROR,
        r"sources\[\d+\]\.date: must be a date YYYY-MM-DD \(got text: '2026-06-31'\)",
        lambda c: c.edit("roadmap.yaml", 'date: "2026-06-16"', 'date: "2026-06-31"')),
    row("schema-version-from-the-future", "validate --data-dir {data}", EXIT_ERROR,
        r"sectors\.yaml:1: schema_version: must be 2 \(got 3\)",
        lambda c: c.edit("sectors.yaml", "schema_version: 2", "schema_version: 3")),
    row("plan-on-broken-data", PLAN_F + " --data-dir {data}", EXIT_ERROR,
        r"The data has 1 problem",
        lambda c: c.edit("roadmap.yaml", "    hours: 100\n", "    hours: -3\n")),
    row("catalogue-on-broken-data", "skills --data-dir {data}", EXIT_ERROR,
        r"not valid YAML",
        lambda c: (c.data / "roadmap.yaml").write_text("skills: [\n")),

    # --- options: unknown names, out-of-range numbers, bad dates (exit 2) ---
    row("unknown-sector", "plan --sector fintec", EXIT_USAGE,
        r"Unknown sector 'fintec'\. Did you mean 'finance'\?"),
    row("unknown-skill", PLAN_F + " --know pyton=3", EXIT_USAGE,
        r"Unknown skill 'pyton'\. Did you mean 'python'\?"),
    row("level-out-of-range", PLAN_F + " --know python=7", EXIT_USAGE,
        r"Level for 'python' must be a whole number from 0 to 4 \(got '7'\)"),
    row("level-not-a-number", PLAN_F + " --know python=expert", EXIT_USAGE,
        r"Level for 'python' must be a whole number from 0 to 4 \(got 'expert'\)"),
    row("know-without-level", PLAN_F + " --know python", EXIT_USAGE,
        r"--know takes SKILL=LEVEL pairs"),
    row("unknown-region", PLAN_F + " --region europe", EXIT_USAGE,
        r"Unknown region 'europe'\..*Valid: australia, canada, india, uk, us"),
    row("unknown-background", PLAN_F + " --background plumber", EXIT_USAGE,
        r"Unknown background 'plumber'"),
    row("hours-zero", PLAN_F + " --hours-per-week 0", EXIT_USAGE,
        r"--hours-per-week.*0 is not in the range 1<=x<=80"),
    row("hours-too-many", PLAN_F + " --hours-per-week 81", EXIT_USAGE,
        r"--hours-per-week.*81 is not in the range 1<=x<=80"),
    row("hours-per-week-not-a-number", PLAN_F + " --hours-per-week ten", EXIT_USAGE,
        r"--hours-per-week.*'ten' is not a valid int"),
    row("start-impossible-date", "plan --sector finance --start 2027-02-30", EXIT_USAGE,
        r"--start must be a date YYYY-MM-DD \(got '2027-02-30'\)"),
    row("start-not-a-date", "plan --sector finance --start tomorrow", EXIT_USAGE,
        r"--start must be a date YYYY-MM-DD \(got 'tomorrow'\)"),
    row("unknown-format", PLAN_F + " --format pdf", EXIT_USAGE,
        r"--format must be one of text, markdown, json, ics \(got 'pdf'\)"),
    row("unknown-option", PLAN_F + " --colour", EXIT_USAGE, r"No such option: --colour"),
    row("unknown-command", "plna --sector finance", EXIT_USAGE, r"No such command 'plna'"),
    row("no-sector-no-profile", "plan", EXIT_USAGE, r"Give a target sector"),
    row("unknown-step", "skills --step 9", EXIT_USAGE, r"Unknown step '9'"),
    row("unknown-sector-detail", "sectors helthcare", EXIT_USAGE,
        r"Unknown sector 'helthcare'\. Did you mean 'healthcare'\?"),
    row("unknown-salary-region", "salary --region mars", EXIT_USAGE, r"Unknown region 'mars'"),

    # --- the saved profile: corrupt, from the future, unusable (exit 1, left untouched) ---
    row("profile-not-yaml", "plan --profile", EXIT_ERROR,
        r"Saved profile .*profile\.yaml is not valid YAML; it was left untouched",
        lambda c: (c.make_home(),
                   (c.home / "profile.yaml").write_text("profile: {sector: [finance\n"))),
    row("profile-not-a-mapping", "plan --profile", EXIT_ERROR,
        r"profile\.yaml is not an mlpath profile; it was left untouched",
        lambda c: (c.make_home(),
                   (c.home / "profile.yaml").write_text("- finance\n"))),
    row("profile-future-version", "plan --profile", EXIT_ERROR,
        r"written by a newer mlpath \(schema 99\); upgrade mlpath",
        lambda c: c.profile({"schema_version: 1": "schema_version: 99"})),
    row("profile-unknown-sector", "plan --profile", EXIT_ERROR,
        r"Saved profile .*profile\.yaml is not usable: Unknown sector 'fishing'.*left untouched",
        lambda c: c.profile({"sector: finance": "sector: fishing"})),
    row("profile-level-out-of-range", "plan --profile", EXIT_ERROR,
        r"profile\.yaml .*Level for 'python' must be a whole number from 0 to 4",
        lambda c: c.profile({"python: 2": "python: 9"})),
    row("profile-bad-start", "plan --profile", EXIT_ERROR,
        r"profile\.yaml .*must be a date YYYY-MM-DD",
        lambda c: c.profile({"start: '2027-01-04'": "start: '2027-13-04'"})),
    row("profile-not-utf8", "plan --profile", EXIT_ERROR,
        r"profile\.yaml cannot be read",
        lambda c: (c.make_home(),
                   (c.home / "profile.yaml").write_bytes(b"\xff\xfe\x00profile"))),
    row("profile-missing", "plan --profile", EXIT_ERROR, r"No saved profile in .*home"),

    # --- output files: existing, missing folder, a folder, read-only (exit 1) ---
    row("output-exists", PLAN_F + " --format markdown --output {out}/plan.md", EXIT_ERROR,
        r"plan\.md already exists; add --force to overwrite it",
        lambda c: (c.out / "plan.md").write_text("my notes\n")),
    row("output-folder-missing", PLAN_F + " --output {out}/no/such/plan.md", EXIT_ERROR,
        r"Cannot write .*plan\.md: directory .*such does not exist"),
    row("output-is-a-folder", PLAN_F + " --output {out}", EXIT_ERROR,
        r"is a directory; give a file name"),
    row("output-read-only-folder", PLAN_F + " --format json --output {out}/ro/plan.json",
        EXIT_ERROR, r"Cannot write .*plan\.json: Permission denied",
        lambda c: read_only(c, c.out / "ro")),
    row("output-exists-even-with-json", PLAN_F + " --format json -o {out}/plan.json",
        EXIT_ERROR, r"plan\.json already exists",
        lambda c: (c.out / "plan.json").write_text("{}\n")),

    # --- assess: no terminal, --answers file errors (issue 4) ---
    row("assess-no-terminal", "assess", EXIT_USAGE,
        r"mlpath assess asks questions and needs a terminal; use --answers FILE"),
    row("answers-missing", "assess --answers {tmp}/answers.yaml", EXIT_ERROR,
        r"Answers file .*answers\.yaml does not exist"),
    row("answers-not-yaml", "assess --answers {tmp}/answers.yaml", EXIT_ERROR,
        r"Answers file .*answers\.yaml is not valid YAML \(line \d\)",
        lambda c: c.write("answers.yaml", "sector: finance\nlevels: {python: [3\n")),
    row("answers-not-a-mapping", "assess --answers {tmp}/answers.yaml", EXIT_ERROR,
        r"must be a YAML mapping like 'sector: finance'",
        lambda c: c.write("answers.yaml", "- finance\n")),
    row("answers-unknown-key", "assess --answers {tmp}/answers.yaml", EXIT_USAGE,
        r"answers\.yaml: unknown key 'sectr'\. Did you mean 'sector'\?",
        lambda c: c.write("answers.yaml", "sectr: finance\n")),
    row("answers-no-sector", "assess --answers {tmp}/answers.yaml", EXIT_USAGE,
        r"answers\.yaml: 'sector' is required",
        lambda c: c.write("answers.yaml", "region: uk\n")),
    row("answers-level-out-of-range", "assess --answers {tmp}/answers.yaml", EXIT_USAGE,
        r"answers\.yaml: Level for 'python' must be a whole number from 0 to 4 \(got '5'\)",
        lambda c: c.write("answers.yaml", "sector: finance\nlevels: {python: 5}\n")),
    row("answers-bad-start", "assess --answers {tmp}/answers.yaml", EXIT_USAGE,
        r"answers\.yaml: 'start' must be a date YYYY-MM-DD \(got '2027-02-29'\)",
        lambda c: c.write("answers.yaml", "sector: finance\nstart: 2027-02-29\n")),
    row("answers-hours-out-of-range", "assess --answers {tmp}/answers.yaml", EXIT_USAGE,
        r"answers\.yaml: Hours per week must be a whole number from 1 to 80 \(got '120'\)",
        lambda c: c.write("answers.yaml", "sector: finance\nhours_per_week: 120\n")),
    row("answers-unknown-sector", "assess --answers {tmp}/answers.yaml", EXIT_USAGE,
        r"answers\.yaml: Unknown sector 'fintec'",
        lambda c: c.write("answers.yaml", "sector: fintec\n")),
    row("assess-output-exists", "assess --answers {tmp}/answers.yaml --output {out}/plan.md",
        EXIT_ERROR, r"plan\.md already exists; add --force",
        lambda c: (c.write("answers.yaml", ANSWERS_OK), (c.out / "plan.md").write_text("x\n"))),
    row("assess-read-only-profile-dir", "assess --answers {tmp}/answers.yaml", EXIT_ERROR,
        r"(Cannot save the profile in|Cannot write) .*home.*Permission denied",
        lambda c: (c.write("answers.yaml", ANSWERS_OK), read_only(c, c.home))),
    row("assess-corrupt-profile", "assess --answers {tmp}/answers.yaml", EXIT_ERROR,
        r"profile\.yaml is not valid YAML; it was left untouched",
        lambda c: (c.write("answers.yaml", ANSWERS_OK), c.make_home(),
                   (c.home / "profile.yaml").write_text("profile: [\n"))),

    # --- progress and export (issue 5) ---
    row("progress-no-profile", "progress", EXIT_ERROR, r"No saved profile in"),
    row("progress-set-unknown-skill", "progress set pytorh 3", EXIT_USAGE,
        r"Unknown skill 'pytorh'\. Did you mean 'pytorch'\?", lambda c: c.profile()),
    row("progress-set-level-out-of-range", "progress set pytorch 5", EXIT_USAGE,
        r"Level for 'pytorch' must be a whole number from 0 to 4 \(got '5'\)",
        lambda c: c.profile()),
    row("progress-set-negative-level", "progress set pytorch -1", EXIT_USAGE,
        r"Level for 'pytorch' must be a whole number from 0 to 4 \(got '-1'\)",
        lambda c: c.profile()),
    row("progress-bad-today", "progress set pytorch 3 --today 2027-13-01", EXIT_USAGE,
        r"--today must be a date YYYY-MM-DD", lambda c: c.profile()),
    row("progress-future-profile", "progress set pytorch 3", EXIT_ERROR,
        r"written by a newer mlpath",
        lambda c: c.profile({"schema_version: 1": "schema_version: 2"})),
    row("progress-read-only-profile-dir", "progress set pytorch 3", EXIT_ERROR,
        r"(Cannot save the profile in|Cannot write) .*Permission denied",
        lambda c: (c.profile(), read_only(c, c.home))),
    row("sync-missing-file", "progress sync {tmp}/plan.md", EXIT_ERROR,
        r"plan\.md does not exist"),
    row("sync-not-a-plan", "progress sync {tmp}/notes.md", EXIT_ERROR,
        r"notes\.md is not a plan exported by mlpath",
        lambda c: c.write("notes.md", "# My notes\n\n- [x] learn python\n")),
    row("sync-binary-file", "progress sync {tmp}/plan.md", EXIT_ERROR,
        r"plan\.md is not a plan exported by mlpath \(it is not UTF-8 text\)",
        lambda c: c.write("plan.md", b"\x89PNG\r\n\x1a\n\x00\x00\xff")),
    row("export-no-profile", "export --output {out}/plan.md", EXIT_ERROR,
        r"No saved profile in .*run 'mlpath assess' first"),
    row("export-output-exists", "export --output {out}/plan.md", EXIT_ERROR,
        r"plan\.md already exists; add --force",
        lambda c: (c.profile(), (c.out / "plan.md").write_text("ticked boxes\n"))),
    row("export-corrupt-profile", "export --output {out}/plan.md", EXIT_ERROR,
        r"profile\.yaml is not an mlpath profile",
        lambda c: (c.make_home(), (c.home / "profile.yaml").write_text("42\n"))),

    # --- issue 19: hostile and careless input -------------------------------------------
    # 3. dates mlpath cannot plan from are usage errors, and '' is one for both options
    row("today-year-9999", "progress set pytorch 3 --today 9999-06-01", EXIT_USAGE,
        r"--today must be a date from 1900 to 2200 \(got '9999-06-01'\)", lambda c: c.profile()),
    row("start-year-1", f"{PLAN_F} --start 0001-01-01", EXIT_USAGE,
        r"--start must be a date from 1900 to 2200"),
    Row("start-empty", ("plan", "--sector", "finance", "--start", ""), EXIT_USAGE,
        r"--start must be a date YYYY-MM-DD \(got ''\)"),
    Row("today-empty", ("progress", "set", "pytorch", "3", "--today", ""), EXIT_USAGE,
        r"--today must be a date YYYY-MM-DD \(got ''\)", lambda c: c.profile()),
    row("profile-start-year-9999", "plan --profile", EXIT_ERROR,
        r"profile\.yaml is not usable: 'start' must be a date from 1900 to 2200",
        lambda c: c.profile({"start: '2027-01-04'": "start: '9999-01-04'"})),
    row("profile-history-year-9999", "progress", EXIT_ERROR,
        r"profile\.yaml is not usable: history date must be a date from 1900 to 2200",
        lambda c: c.profile({"history: []": "history: [{date: 9999-01-01, via: set, "
                                            "skill: sql, from: 0, to: 1}]"})),
    row("answers-start-year-9999", "assess --answers {tmp}/answers.yaml", EXIT_USAGE,
        r"answers\.yaml: 'start' must be a date from 1900 to 2200",
        lambda c: c.write("answers.yaml", "sector: finance\nstart: 9999-01-04\n")),
    # 6. YAML aliases ("billion laughs") are refused before anything expands them
    row("answers-yaml-aliases", "assess --answers {tmp}/answers.yaml", EXIT_ERROR,
        r"answers\.yaml is not valid YAML \(line \d+\): aliases \(\*name\) are not allowed",
        lambda c: c.write("answers.yaml", LAUGHS)),
    row("profile-yaml-aliases", "plan --profile", EXIT_ERROR,
        r"profile\.yaml is not valid YAML; .*\n.*aliases \(\*name\) are not allowed",
        lambda c: c.profile({"history: []": "history: []\n" + LAUGHS})),
    row("fork-yaml-aliases", "validate --data-dir {data}", EXIT_ERROR,
        r"roadmap\.yaml:\d+: \(top\): not valid YAML: aliases \(\*name\) are not allowed",
        lambda c: c.edit("roadmap.yaml", "schema_version: 2\n", "schema_version: 2\n" + LAUGHS)),
    row("fork-yaml-merge-key", "validate --data-dir {data}", EXIT_ERROR,
        r"roadmap\.yaml:\d+: \(top\): not valid YAML: merge keys \(<<\) are not allowed",
        lambda c: c.edit("roadmap.yaml", "    hours: 50\n", "    hours: 50\n    <<: {x: 1}\n")),
    # 9. levels that are not whole numbers: refused, never cut (3.9 → 3) or overflowing
    row("answers-level-inf", "assess --answers {tmp}/answers.yaml", EXIT_USAGE,
        r"answers\.yaml: Level for 'python' must be a whole number from 0 to 4 \(got 'inf'\)",
        lambda c: c.write("answers.yaml", "sector: finance\nlevels: {python: .inf}\n")),
    row("answers-level-fraction", "assess --answers {tmp}/answers.yaml", EXIT_USAGE,
        r"Level for 'python' must be a whole number from 0 to 4 \(got '3\.9'\)",
        lambda c: c.write("answers.yaml", "sector: finance\nlevels: {python: 3.9}\n")),
    row("profile-level-1e999", "plan --profile", EXIT_ERROR,
        r"profile\.yaml is not usable: Level for 'python' must be a whole number",
        lambda c: c.profile({"python: 2": "python: 1.0e+999"})),
    row("set-level-1e999", "progress set pytorch 1e999", EXIT_USAGE,
        r"Level for 'pytorch' must be a whole number from 0 to 4 \(got '1e999'\)",
        lambda c: c.profile()),
    row("answers-also-a-number", "assess --answers {tmp}/answers.yaml", EXIT_USAGE,
        r"answers\.yaml: 'also' must list skills, e.g\. also: \[reinforcement-learning\] "
        r"\(got 5\)", lambda c: c.write("answers.yaml", "sector: finance\nalso: 5\n")),
    row("profile-also-a-number", "plan --profile", EXIT_ERROR,
        r"profile\.yaml is not usable: 'also' must list skills",
        lambda c: c.profile({"  levels:": "  also: 5\n  levels:"})),
    row("answers-hours-a-fraction", "assess --answers {tmp}/answers.yaml", EXIT_USAGE,
        r"answers\.yaml: 'hours_per_week' must be a whole number \(got 12\.5\)",
        lambda c: c.write("answers.yaml", "sector: finance\nhours_per_week: 12.5\n")),
    row("profile-years-as-text", "plan --profile", EXIT_ERROR,
        r"profile\.yaml is not usable: 'years_experience' must be a whole number \(got 'ten'\)",
        lambda c: c.profile({"years_experience: 0": "years_experience: ten"})),
    # 10. a FIFO where a data file or the profile should be; MLPATH_HOME is a file
    row("fork-roadmap-is-a-fifo", "validate --data-dir {data}", EXIT_ERROR,
        r"roadmap\.yaml: \(top\): cannot be read \(not a regular file",
        lambda c: fifo(c.data / "roadmap.yaml")),
    row("profile-is-a-fifo", "plan --profile", EXIT_ERROR,
        r"profile\.yaml cannot be read \(not a regular file",
        lambda c: (c.make_home(), fifo(c.home / "profile.yaml"))),
    row("home-is-a-file", "plan --profile", EXIT_ERROR,
        r"home is a file, not a folder; point MLPATH_HOME at a folder",
        lambda c: c.home.write_text("not a folder\n")),
    row("home-is-a-file-on-save", "progress set pytorch 3 --sector finance", EXIT_ERROR,
        r"home is a file, not a folder; point MLPATH_HOME at a folder",
        lambda c: c.home.write_text("not a folder\n")),
    # 11. silent changes: duplicate keys, one skill under two names, --know twice
    row("answers-duplicate-key", "assess --answers {tmp}/answers.yaml", EXIT_ERROR,
        r"answers\.yaml is not valid YAML \(line 2\): 'sector' is given twice",
        lambda c: c.write("answers.yaml", "sector: finance\nsector: health\n")),
    row("profile-duplicate-key", "plan --profile", EXIT_ERROR,
        r"profile\.yaml is not valid YAML; .*\n.*'python' is given twice",
        lambda c: c.profile({"python: 2": "python: 2\n    python: 3"})),
    row("profile-skill-under-two-names", "plan --profile", EXIT_ERROR,
        r"profile\.yaml is not usable: 'levels' names skill 'sql' twice \('SQL' and 'sql'\)",
        lambda c: c.profile({"python: 2": "python: 2\n    SQL: 3\n    sql: 2"})),
    row("know-twice", f"{PLAN_F} --know python=3,python=1", EXIT_USAGE,
        r"--know gives 'python' twice, as 3 and 1"),
]

LAUGHS = ("laughs: &a [x, x, x, x, x, x, x, x, x]\nlaughs2: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
          "laughs3: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n")


def fifo(path: Path) -> Path:
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    return path


def tree_hashes(*folders: Path) -> dict[str, str]:
    """Every file under `folders` → a hash of its bytes (folders that do not exist: none)."""
    found: dict[str, str] = {}
    for folder in folders:
        if not folder.exists():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():  # a FIFO is not read (it would wait)
                found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def registered(command: str) -> bool:
    """Commands still being written (issues 4 and 5) skip their rows until they exist."""
    return command not in {"assess", "progress", "export"} or command in COMMAND_MODULES


def test_the_table_is_wide() -> None:
    assert len(ROWS) >= 40
    assert len({r.id for r in ROWS}) == len(ROWS)


@pytest.fixture
def ctx(tmp_path: Path, user_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Ctx]:
    out = tmp_path / "out"
    out.mkdir()
    context = Ctx(tmp_path, user_home, out, monkeypatch)
    yield context
    for folder in (out / "ro", user_home):  # let tmp_path be cleaned up
        if folder.exists():
            folder.chmod(0o755)


@pytest.mark.parametrize("case", ROWS, ids=[r.id for r in ROWS])
def test_bad_input(case: Row, ctx: Ctx, cli: Callable[..., Any]) -> None:
    if not registered(case.command):
        pytest.skip(f"'mlpath {case.command}' is not registered yet")
    if case.setup is not None:
        case.setup(ctx)
    places = {"data": str(ctx._data or ctx.tmp / "data"), "home": str(ctx.home),
              "out": str(ctx.out), "tmp": str(ctx.tmp)}
    args = [a.format(**places) for a in case.args]
    watched = [ctx.home, ctx.out, ctx.tmp / "data"]
    extra = [p for p in ctx.tmp.iterdir() if p.is_file()]  # answers files, plan files…
    before = {**tree_hashes(*watched), **{str(p): hashlib.sha256(p.read_bytes()).hexdigest()
                                          for p in extra}}

    result = cli(*args)

    shown = result.err + result.out
    assert result.code == case.code, f"exit {result.code}, wanted {case.code}:\n{shown}"
    assert re.search(case.message, result.err) or re.search(case.message, result.out), (
        f"the message does not name the problem ({case.message!r}):\n{shown}")
    assert len(result.err.strip().splitlines()) <= 25, "a message, not a dump"
    after = {**tree_hashes(*watched), **{str(p): hashlib.sha256(p.read_bytes()).hexdigest()
                                         for p in extra if p.exists()}}
    assert after == before, "a file the user owns changed"
