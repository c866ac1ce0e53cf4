"""The saved profile: where it lives, loading it strictly, saving it atomically with a backup.

File layout (YAML, `profile.yaml` in the user data directory):

    schema_version: 1
    profile: {sector, levels, start, background, years_experience, region, hours_per_week}
    baseline: {skill: level}          # levels at the first assessment
    history: [{date, via, skill, from, to}]   # every recorded change, oldest first
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from mlpath.catalogue import lookup
from mlpath.catalogue import model as m
from mlpath.errors import MlpathError, ProfileError
from mlpath.person.profile import Profile, from_dict, to_dict

SCHEMA_VERSION = 1
HOME_ENV = "MLPATH_HOME"
FILE_NAME, BACKUP_NAME = "profile.yaml", "profile.yaml.bak"


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


def home() -> Path:
    """MLPATH_HOME, else the platform's user data dir (~/.local/share/mlpath on Linux)."""
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env)
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


def load(cat: m.Catalog) -> SavedProfile | None:
    """The saved profile, None when there is none; ProfileError when it is unusable."""
    path = profile_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise _broken(path, f"cannot be read ({exc})") from None
    from mlpath.yamlio import YamlError, parse_yaml  # PyYAML (~2.8x): only for a saved profile

    try:
        raw = parse_yaml(text)
    except YamlError:
        raise _broken(path, "is not valid YAML") from None
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
        profile = from_dict(cat, raw["profile"])
        baseline = {lookup.skill(cat, name).id: lookup.level(name, lvl)
                    for name, lvl in _levels(raw.get("baseline")).items()}
        history = tuple(_change(h) for h in raw.get("history") or [])
    except (MlpathError, KeyError, TypeError, ValueError) as exc:
        detail = exc.message if isinstance(exc, MlpathError) else "A history entry is malformed."
        raise _broken(path, f"is not usable: {detail.rstrip('.')}") from None
    return SavedProfile(profile, baseline, history)


def _levels(value: Any) -> dict[str, int]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError("levels must be a mapping")
    return {str(k): v for k, v in value.items()}


def _change(raw: Any) -> Change:
    return Change(date=dt.date.fromisoformat(str(raw["date"])), via=str(raw["via"]),
                  skill=str(raw["skill"]), before=int(raw["from"]), after=int(raw["to"]))


def _broken(path: Path, why: str) -> ProfileError:
    backup = path.with_name(BACKUP_NAME)
    hint = (f"The previous version is in {backup}; copy it over {path.name} to restore it."
            if backup.exists() else f"Move {path.name} aside and run 'mlpath assess' again.")
    return ProfileError(f"Saved profile {path} {why}; it was left untouched.", details=[hint])


def to_document(saved: SavedProfile) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "profile": to_dict(saved.profile),
        "baseline": dict(sorted(saved.baseline.items())),
        "history": [{"date": c.date.isoformat(), "via": c.via, "skill": c.skill,
                     "from": c.before, "to": c.after} for c in saved.history],
    }


def save(saved: SavedProfile) -> Path:
    """Write atomically; the file it replaces is kept as profile.yaml.bak."""
    import yaml  # ~2.8x `python -c pass`: only when saving

    path = profile_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            tmp = path.with_name(BACKUP_NAME + ".tmp")
            shutil.copy2(path, tmp)
            os.replace(tmp, path.with_name(BACKUP_NAME))
    except OSError as exc:
        raise ProfileError(f"Cannot save the profile in {path.parent}: "
                           f"{exc.strerror or exc}.") from None
    text = "# mlpath profile; edit with 'mlpath assess' or 'mlpath progress set'.\n"
    text += yaml.safe_dump(to_document(saved), sort_keys=False, allow_unicode=True)
    from mlpath.files import atomic_write  # tempfile: only when saving (~2 ms)

    atomic_write(path, text)
    return path


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
