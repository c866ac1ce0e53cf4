"""The Profile: who is planning, and the ONE schema every file that holds one uses.

The saved profile (`store.py`), an `--answers` file, the marker at the bottom of an
exported plan and the `profile` key of the JSON plan all read and write a profile
through `to_dict` / `from_dict` here; the options of `mlpath plan` go through
`make_profile`, which applies the same checks. Adding a question to `assess` means
adding a field here and a question in `questions.py`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from mlpath.catalogue import lookup
from mlpath.catalogue import model as m
from mlpath.errors import UsageError

MIN_HOURS, MAX_HOURS = 1, 80
MIN_YEARS, MAX_YEARS = 0, 60
DEFAULT_HOURS, DEFAULT_REGION, DEFAULT_ROLE = 15, "us", "ml-engineer"


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """Who is planning: everything the planner needs, nothing about files."""

    sector: str
    role: str = DEFAULT_ROLE  # the job the plan aims at (a role with targets in the data)
    cloud: str | None = None  # the cloud the person wants to work on (certification)
    background: str | None = None
    years_experience: int = 0
    region: str = DEFAULT_REGION
    hours_per_week: int = DEFAULT_HOURS
    start: dt.date
    levels: Mapping[str, int] = field(default_factory=dict)
    also: tuple[str, ...] = ()  # elective skills the person asks for (`--also`)
    posting: str | None = None  # the text of the job posting the plan aims at, if one
    posting_file: str | None = None  # where it was read from (absolute), for messages


class Field(NamedTuple):
    """One of the person's fields: the ONE declaration the profile file, `--answers`, the
    plan's marker, the questions' labels and the merge with options (`resolve`) use."""

    name: str  # the Profile attribute and the key in every file
    label: str  # how questions, summaries and messages name it
    option: str  # the command-line option that sets it
    example: str  # a valid value, for messages
    asked: bool = True  # a question of `assess` (levels and --also have their own)
    when_set: bool = False  # written to files only when set


FIELDS = (
    Field("sector", "target sector", "--sector", "finance"),
    Field("role", "target role", "--role", "ai-engineer"),
    Field("cloud", "cloud", "--cloud", "aws", asked=False, when_set=True),
    Field("background", "background", "--background", "software-engineer"),
    Field("years_experience", "years of experience", "--years-experience", "3"),
    Field("region", "region", "--region", "uk"),
    Field("hours_per_week", "hours per week", "--hours-per-week", "10"),
    Field("start", "start date", "--start", "2027-01-04"),
    Field("levels", "skill levels", "--know", "{python: 3, sql: 2}", asked=False),
    Field("also", "added skills", "--also", "[reinforcement-learning]", asked=False,
          when_set=True),
    Field("posting", "job posting", "--posting", "the posting's text", asked=False,
          when_set=True),
    Field("posting_file", "job posting file", "--posting", "/home/me/job.md", asked=False,
          when_set=True),
)
KEYS = tuple(f.name for f in FIELDS)  # the order files show them in
_NAMES = ("sector", "role", "cloud", "background", "region")  # fields that hold an id
_EXAMPLES = {f.name: f.example for f in FIELDS if f.name in _NAMES}


def _plain(name: str, value: Any) -> Any:
    if name == "start":
        return value.isoformat()
    if name == "levels":
        return dict(sorted(value.items()))
    if name == "also":
        return list(value)
    return value


def to_dict(p: Profile) -> dict[str, Any]:
    """The profile as plain data (dates as ISO text, levels sorted): the one serialiser.
    Fields marked `when_set` are written only when set, so older files read the same."""
    return {f.name: _plain(f.name, getattr(p, f.name)) for f in FIELDS
            if not (f.when_set and not getattr(p, f.name))}


def resolve(cat: m.Catalog, saved: Profile | None, *, know: str | None = None,
            **given: Any) -> Profile:
    """The one merge of a saved profile with command-line options, for every command:
    an option given (not None) wins over the saved value, which wins over the default;
    --background restarts the levels from that background's; --know goes on top."""
    options = {k: v for k, v in given.items() if v is not None}
    if saved is None and "sector" not in options:
        raise UsageError("Give a target sector, e.g. --sector finance (see 'mlpath sectors'),"
                         " or run 'mlpath assess' to save a profile first.")
    base = saved if saved is not None else Profile(sector=options["sector"],
                                                   start=dt.date.today())
    levels = {} if "background" in options or saved is None else dict(saved.levels)
    if know:
        levels.update(lookup.know(cat, know))
    values = {f.name: options.get(f.name, getattr(base, f.name)) for f in FIELDS
              if f.name not in ("levels", "background")}
    profile = make_profile(cat, know=levels, background=options.get("background"), **values)
    if saved is not None and "background" not in options:
        profile = replace(profile, background=saved.background)
    return profile


def from_dict(cat: m.Catalog, raw: Mapping[str, Any], *, default_start: dt.date | None = None,
              levels_complete: bool = True) -> Profile:
    """Check a profile mapping key by key; UsageError naming the key that is wrong.

    `levels_complete`: the levels are the whole truth (a saved profile, a plan's marker).
    Otherwise (an answers file) they go on top of the background's typical levels.
    A missing `start` is `default_start` (an error when that is None).
    """
    unknown = [str(k) for k in raw if k not in KEYS]
    if unknown:
        err = lookup.unknown("key", unknown[0], KEYS)
        raise UsageError(err.message.replace("Unknown key", "unknown key", 1))
    if raw.get("sector") in (None, ""):
        raise UsageError("'sector' is required, e.g. sector: finance (see 'mlpath sectors').")
    for key, example in _EXAMPLES.items():
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise UsageError(f"'{key}' must be a name, e.g. {key}: {example} "
                             f"(got '{raw[key]}').")
    levels = raw.get("levels") or {}
    if not isinstance(levels, Mapping):
        raise UsageError("'levels' must map skills to levels 0-4, e.g. "
                         "levels: {python: 3, sql: 2}.")
    lookup.sector(cat, raw["sector"])  # the most telling problem first
    start = raw.get("start")
    if start is None:
        if default_start is None:
            raise UsageError("'start' is required, e.g. start: 2027-01-04.")
        start = default_start
    background = raw.get("background") or None
    also = raw.get("also") or ()
    if isinstance(also, str) or not all(isinstance(a, str) for a in also):
        raise UsageError("'also' must list skills, e.g. also: [reinforcement-learning].")
    profile = make_profile(
        cat, sector=raw["sector"], know={str(k): v for k, v in levels.items()},
        background=None if levels_complete else background,
        start=parse_date(start, "'start'"),
        hours_per_week=_given(raw, "hours_per_week", DEFAULT_HOURS),
        region=_given(raw, "region", DEFAULT_REGION),
        years_experience=_given(raw, "years_experience", 0), also=tuple(also),
        role=_given(raw, "role", DEFAULT_ROLE), cloud=raw.get("cloud"),
        posting=raw.get("posting"), posting_file=raw.get("posting_file"))
    if levels_complete and background is not None:  # named, but its levels not merged
        profile = replace(profile, background=lookup.background(cat, background).id)
    return profile


def _given(raw: Mapping[str, Any], key: str, default: Any) -> Any:
    value = raw.get(key)
    return default if value is None else value


# --- checks shared by options, answers and files -------------------------------


def parse_date(value: str | dt.date, what: str = "--start") -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise UsageError(f"{what} must be a date YYYY-MM-DD (got '{value}').") from None


def _whole(value: int, low: int, high: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise UsageError(f"{what} must be a whole number from {low} to {high} (got '{value}').")
    return value


def check_hours(value: int) -> int:
    return _whole(value, MIN_HOURS, MAX_HOURS, "Hours per week")


def check_years(value: int) -> int:
    return _whole(value, MIN_YEARS, MAX_YEARS, "Years of experience")


def check_role(cat: m.Catalog, name: str) -> str:
    """A role a plan can aim at (one with target skills in the data), by id or name."""
    key = str(name).strip().lower().replace(" ", "-")
    for role in cat.plan_roles():
        if key in (role.id, role.name.lower().replace(" ", "-")):
            return role.id
    raise lookup.unknown("role", str(name), [r.id for r in cat.plan_roles()])


def _text(value: object, key: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise UsageError(f"'{key}' must be text (got a {type(value).__name__}).")
    return value


def check_cloud(name: str | None) -> str | None:
    if name is None or name == "":
        return None
    key = str(name).strip().lower()
    if key not in m.CLOUDS:
        raise lookup.unknown("cloud", str(name), m.CLOUDS)
    return key


def make_profile(
    cat: m.Catalog,
    *,
    sector: str,
    start: str | dt.date,
    know: Mapping[str, int | str] | str | None = None,
    background: str | None = None,
    hours_per_week: int = DEFAULT_HOURS,
    region: str = DEFAULT_REGION,
    years_experience: int = 0,
    also: str | tuple[str, ...] | list[str] | None = None,
    role: str = DEFAULT_ROLE,
    cloud: str | None = None,
    posting: str | None = None,
    posting_file: str | None = None,
) -> Profile:
    """Background levels first, then explicit levels on top; every name checked.

    `also`: extra elective skills (ids or aliases, or one comma-separated string)."""
    levels: dict[str, int] = {}
    bg = lookup.background(cat, background) if background else None
    if bg is not None:
        levels.update(bg.levels)
    if isinstance(know, str):
        levels.update(lookup.know(cat, know))
    elif know:
        for name, value in know.items():
            if isinstance(value, bool):  # YAML's yes/no: not a level
                raise UsageError(f"Level for '{name}' must be a whole number from "
                                 f"{m.MIN_LEVEL} to {m.MAX_LEVEL} (got '{value}').")
            levels[lookup.skill(cat, str(name)).id] = lookup.level(str(name), value)
    check_years(years_experience)
    names = also.split(",") if isinstance(also, str) else list(also or ())
    extra: list[str] = []
    for name in (n.strip() for n in names):
        if name:
            skill = lookup.skill(cat, name).id
            if skill not in extra:
                extra.append(skill)
    return Profile(
        role=check_role(cat, role),
        cloud=check_cloud(cloud),
        posting=_text(posting, "posting"), posting_file=_text(posting_file, "posting_file"),
        also=tuple(extra),
        sector=lookup.sector(cat, sector).id,
        levels=dict(sorted(levels.items())),
        start=parse_date(start),
        background=bg.id if bg else None,
        years_experience=years_experience,
        region=lookup.region(cat, region).id,
        hours_per_week=check_hours(hours_per_week),
    )
