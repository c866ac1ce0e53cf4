"""The saved profile: where it lives, loading it strictly, saving it atomically with a backup.

File layout (YAML, `profile.yaml` in the user data directory):

    schema_version: 1
    profile: {sector, levels, start, background, years_experience, region, hours_per_week}
    baseline: {skill: level}          # levels at the first assessment
    history: [{date, via, skill, from, to}]   # every recorded change, oldest first

`profile.yaml` is the file people edit, and the truth. Each save also writes
`profile.json`: the same document plus the size and CRC-32 of the YAML bytes saved with
it. A load that finds those bytes unchanged reads the JSON and skips PyYAML (most of a
returning user's start-up); after any edit of the YAML file, or without a usable JSON
file, the YAML is read. Saves are serialised by `locked()` (see docs/reliability.md).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mlpath.catalogue import lookup
from mlpath.catalogue import model as m
from mlpath.errors import MlpathError, ProfileError
from mlpath.files import atomic_write, read_regular
from mlpath.files import locked as lock_folder
from mlpath.person.checks import check_day, check_levels, check_profile_mapping
from mlpath.person.profile import Profile, from_dict, to_dict

SCHEMA_VERSION = 1
HOME_ENV = "MLPATH_HOME"
FILE_NAME, BACKUP_NAME, TWIN_NAME = "profile.yaml", "profile.yaml.bak", "profile.json"
KEYS = ("schema_version", "profile", "baseline", "history")


@dataclass(frozen=True)
class Change:
    date: dt.date
    via: str  # "assess" | "set" | "sync" | "answers"
    skill: str
    before: int
    after: int


@dataclass(frozen=True)
class SavedProfile:
    profile: Profile
    baseline: Mapping[str, int]
    history: tuple[Change, ...] = ()
    # Top-level keys this mlpath does not know (a newer one's, a person's notes): kept
    # as they are on every save, never dropped.
    extra: Mapping[str, Any] = field(default_factory=dict)


def home() -> Path:
    """MLPATH_HOME, else the platform's user data dir (~/.local/share/mlpath on Linux)."""
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env)
    from platformdirs import user_data_dir  # only when MLPATH_HOME is unset

    return Path(user_data_dir("mlpath", appauthor=False))


def profile_path() -> Path:
    return home() / FILE_NAME


def backup_path() -> Path:
    return home() / BACKUP_NAME


def missing(instead: str) -> ProfileError:
    """There is no saved profile (exit 1, like any profile problem); `instead` says what
    else the person can do."""
    return ProfileError(f"No saved profile in {home()}; run 'mlpath assess' first, "
                        f"or {instead}.")


def _home_problem() -> ProfileError | None:
    folder = home()
    if folder.exists() and not folder.is_dir():
        return ProfileError(f"{folder} is a file, not a folder; point {HOME_ENV} at a folder "
                            "(mlpath keeps profile.yaml in it).")
    return None


@contextlib.contextmanager
def locked() -> Iterator[None]:
    """Hold the profile folder's lock: load, change and `save` inside it, so that two
    mlpath runs saving at once cannot lose each other's change."""
    folder, problem = home(), _home_problem()
    if problem is not None:
        raise problem
    stack = contextlib.ExitStack()
    try:
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True)
        stack.enter_context(lock_folder(folder))
    except OSError as exc:
        raise ProfileError(f"Cannot save the profile in {folder}: "
                           f"{exc.strerror or exc}.") from None
    with stack:
        for leftover in folder.glob(f".{FILE_NAME}.*.tmp"):  # of saves killed midway:
            leftover.unlink(missing_ok=True)  # under the lock no save is running
        for leftover in folder.glob(f".{TWIN_NAME}.*.tmp"):
            leftover.unlink(missing_ok=True)
        yield


def load(cat: m.Catalog) -> SavedProfile | None:
    """The saved profile, None when there is none; ProfileError when it is unusable."""
    path, problem = profile_path(), _home_problem()
    if problem is not None:
        raise problem
    try:
        data = read_regular(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _broken(path, f"cannot be read ({exc.strerror or exc})") from None
    from mlpath.person import twin  # json only when a profile is saved

    raw = twin.read(home() / TWIN_NAME, data)
    if raw is None:
        from mlpath.yamlio import YamlError, parse_yaml  # PyYAML only without the twin

        try:
            raw = parse_yaml(data.decode("utf-8"), unique_keys=True)
        except UnicodeDecodeError:
            raise _broken(path, "cannot be read (it is not UTF-8 text)") from None
        except YamlError as exc:
            where = f"line {exc.line}: " if exc.line else ""
            raise _broken(path, "is not valid YAML", f"{where}{exc.message}") from None
    return from_document(cat, raw, path)


def from_document(cat: m.Catalog, raw: Any, path: Path) -> SavedProfile:
    if not isinstance(raw, dict) or not isinstance(raw.get("profile"), dict):
        raise _broken(path, "is not an mlpath profile")
    version = raw.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise ProfileError(f"{path} was written by a newer mlpath (schema {version}); "
                           f"upgrade mlpath to read it. The file was left as it is.")
    if version != SCHEMA_VERSION:
        raise _broken(path, f"has an unknown schema_version {version!r}")
    try:
        check_profile_mapping(cat, raw["profile"])
        check_levels(cat, raw.get("baseline"), "baseline")
        for entry in raw.get("history") or []:
            check_day(entry.get("date") if isinstance(entry, dict) else None, "history date")
        profile = from_dict(cat, raw["profile"])
        baseline = {lookup.skill(cat, name).id: lookup.level(name, lvl)
                    for name, lvl in _levels(raw.get("baseline")).items()}
        history = tuple(_change(h) for h in raw.get("history") or [])
    except (MlpathError, KeyError, TypeError, ValueError) as exc:
        detail = exc.message if isinstance(exc, MlpathError) else "A history entry is malformed."
        raise _broken(path, f"is not usable: {detail.rstrip('.')}") from None
    return SavedProfile(profile, baseline, history,
                        {str(k): v for k, v in raw.items() if k not in KEYS})


def _levels(value: Any) -> dict[str, int]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError("levels must be a mapping")
    return {str(k): v for k, v in value.items()}


def _change(raw: Any) -> Change:
    return Change(date=dt.date.fromisoformat(str(raw["date"])), via=str(raw["via"]),
                  skill=str(raw["skill"]), before=int(raw["from"]), after=int(raw["to"]))


def _broken(path: Path, why: str, detail: str | None = None) -> ProfileError:
    backup = path.with_name(BACKUP_NAME)
    hint = (f"The previous version is in {backup}; copy it over {path.name} to restore it."
            if backup.exists() else f"Move {path.name} aside and run 'mlpath assess' again.")
    return ProfileError(f"Saved profile {path} {why}; it was left untouched.",
                        details=[detail, hint] if detail else [hint])


def to_document(saved: SavedProfile) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "profile": to_dict(saved.profile),
        "baseline": dict(sorted(saved.baseline.items())),
        "history": [{"date": c.date.isoformat(), "via": c.via, "skill": c.skill,
                     "from": c.before, "to": c.after} for c in saved.history],
        **{k: v for k, v in saved.extra.items() if k not in KEYS},
    }


def save(saved: SavedProfile) -> Path:
    """Write atomically; the file it replaces is kept as profile.yaml.bak. Call it
    inside `locked()`, once everything that can fail has been checked."""
    import yaml  # PyYAML only when saving (start-up)

    path = profile_path()
    if path.exists() and not path.is_file():  # a FIFO or device: never replaced
        raise ProfileError(f"Cannot save the profile: {path} is not a regular file; "
                           "it was left as it is.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            _backup(path)
    except OSError as exc:
        raise ProfileError(f"Cannot save the profile in {path.parent}: "
                           f"{exc.strerror or exc}.") from None
    document = to_document(saved)
    text = "# mlpath profile; edit with 'mlpath assess' or 'mlpath progress set'.\n"
    text += yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
    atomic_write(path, text)
    from mlpath.person import twin

    twin.write(path.with_name(TWIN_NAME), text.encode("utf-8"), document)
    return path


def _backup(path: Path) -> None:
    """Copy the profile to profile.yaml.bak through a temp file of its own (a fixed temp
    name would be shared by two runs)."""
    import tempfile  # only when saving: ~2 ms of every run that only reads

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{BACKUP_NAME}.", suffix=".tmp")
    os.close(fd)
    try:
        shutil.copy2(path, tmp)
        os.replace(tmp, path.with_name(BACKUP_NAME))
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def new(profile: Profile) -> SavedProfile:
    """A first save: today's levels become the baseline progress is measured from."""
    return SavedProfile(profile, dict(profile.levels), ())


def record(saved: SavedProfile, levels: Mapping[str, int], via: str, today: dt.date,
           ) -> SavedProfile:
    """New levels on top of the saved ones, each change dated in the history."""
    current = dict(saved.profile.levels)
    changes = [Change(today, via, skill, current.get(skill, 0), level)
               for skill, level in sorted(levels.items()) if current.get(skill, 0) != level]
    current.update(levels)
    profile = replace(saved.profile, levels=dict(sorted(current.items())))
    return replace(saved, profile=profile, history=saved.history + tuple(changes))


def record_progress(saved: SavedProfile, levels: Mapping[str, int], via: str, day: dt.date,
                    ) -> SavedProfile:
    """`record`, and the plan now starts on `day` (when later): what is left is re-planned
    from the day progress was recorded (`progress set`, `progress sync`)."""
    updated = record(saved, levels, via, day)
    return replace(updated, profile=replace(updated.profile,
                                            start=max(updated.profile.start, day)))


def remember(person: Profile, saved: SavedProfile | None, via: str, today: dt.date,
             ) -> SavedProfile:
    """A new assessment: the first one sets the baseline; a re-run dates each changed
    level in the history and keeps the baseline."""
    if saved is None:
        return new(person)
    skills = set(saved.profile.levels) | set(person.levels)
    recorded = record(saved, {s: person.levels.get(s, 0) for s in skills}, via, today)
    return replace(recorded, profile=replace(person, levels=recorded.profile.levels))
