"""Score the job-posting matcher on the hand-labelled postings in tests/postings/.

    .venv/bin/python bench/match_eval.py [--postings DIR] [--data-dir DIR] [-v]

Labels (tests/postings/labels.yaml) were written by hand before the matcher was run.
Prints, micro-averaged over all postings:
- recall of required skills: a required label counts when the matcher finds the skill
  (and, stricter, when it also marks it required);
- precision of everything found: a found skill counts when it is labelled required or
  nice to have;
- recall of nice-to-have skills, and accuracy of years, seniority and sector; recall and
  precision of the terms outside the catalogue (loose: one contains the other);
then each posting's misses and false hits, and the time to read, parse and match 200
postings in one process (the phrase index compiled once, as in one `mlpath match` call).
Exit 1 when recall or precision is under 0.85.

`--postings tests/postings/heldout` scores the held-out postings: labelled before the
matcher ever ran on them and never used to tune it, so their scores say how it does on
postings it has not seen.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from mlpath.catalogue.load import load_catalog  # noqa: E402
from mlpath.matching import match_posting, phrases, read_posting  # noqa: E402
from mlpath.matching.extract import PostingMatch  # noqa: E402
from mlpath.matching.terms import sector_terms, skill_terms  # noqa: E402

POSTINGS = ROOT / "tests" / "postings"
TARGET = 0.85


def load_terms(data: Path | None = None) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Skill and sector terms from the catalogue (the shipped data, or a fork's)."""
    cat = load_catalog(data)
    return skill_terms(cat), sector_terms(cat)


@dataclass
class Score:
    req: int = 0
    req_found: int = 0
    req_as_req: int = 0
    nice: int = 0
    nice_found: int = 0
    found: int = 0
    found_ok: int = 0
    unk_labels: int = 0
    unk_found: int = 0
    unk_hits: int = 0
    unk_ok: int = 0
    fields: dict[str, list[bool]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    @staticmethod
    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def recall(self) -> float:
        return self.ratio(self.req_found, self.req)

    @property
    def precision(self) -> float:
        return self.ratio(self.found_ok, self.found)


def _loose(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a in b or b in a


def score(labels: Mapping[str, Any], results: Mapping[str, PostingMatch]) -> Score:
    sc = Score()
    for name, lab in labels.items():
        m = results[name]
        req, nice = set(lab["required"]), set(lab["nice"])
        found = {h.skill: h.required for h in m.skills}
        sc.req += len(req)
        sc.req_found += len(req & found.keys())
        sc.req_as_req += sum(1 for s in req if found.get(s))
        sc.nice += len(nice)
        sc.nice_found += len(nice & found.keys())
        sc.found += len(found)
        sc.found_ok += len(found.keys() & (req | nice))
        unk = list(lab.get("unknown") or [])
        sc.unk_labels += len(unk)
        sc.unk_found += sum(1 for u in unk if any(_loose(u, t) for t in m.unknown))
        sc.unk_hits += len(m.unknown)
        sc.unk_ok += sum(1 for t in m.unknown if any(_loose(u, t) for u in unk))
        for key, got in (("years", m.years), ("seniority", m.seniority),
                         ("sector", m.sector)):
            sc.fields.setdefault(key, []).append(got == lab.get(key))
        missed = sorted(req - found.keys())
        as_nice = sorted(s for s in req if found.get(s) is False)
        false = sorted(found.keys() - req - nice)
        nice_missed = sorted(nice - found.keys())
        wrong = [f"{k}={getattr(m, k)!r} (label {lab.get(k)!r})"
                 for k in ("years", "seniority", "sector") if getattr(m, k) != lab.get(k)]
        sc.lines.append(f"{name}: missed {missed or '-'}; false {false or '-'}; "
                        f"nice missed {nice_missed or '-'}; required found as nice "
                        f"{as_nice or '-'}{'; ' + ', '.join(wrong) if wrong else ''}")
    return sc


def run(postings: Path, terms: Mapping[str, Sequence[str]],
        sector_terms: Mapping[str, Sequence[str]]) -> dict[str, PostingMatch]:
    labels = yaml.safe_load((postings / "labels.yaml").read_text(encoding="utf-8"))
    return {name: match_posting(read_posting(postings / name), terms, sector_terms)
            for name in labels}


def timing(postings: Path, terms: Mapping[str, Sequence[str]],
           sector_terms: Mapping[str, Sequence[str]], n: int = 200) -> tuple[float, float]:
    """(wall, CPU) seconds to read, parse and match n postings (the set cycled), with the
    phrase index and regexes built cold, as in one `mlpath match` call."""
    files = sorted(p for p in postings.iterdir() if p.suffix in (".md", ".txt", ".html"))
    phrases.index.cache_clear()
    phrases.MATCHERS.clear()
    wall, cpu = time.perf_counter(), time.process_time()
    for i in range(n):
        match_posting(read_posting(files[i % len(files)]), terms, sector_terms)
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--postings", type=Path, default=POSTINGS)
    ap.add_argument("--data-dir", type=Path, default=None,
                    help="a fork of the data whose phrases to score (default: the shipped)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every hit")
    args = ap.parse_args(argv)
    terms, sectors = load_terms(args.data_dir)
    labels = yaml.safe_load((args.postings / "labels.yaml").read_text(encoding="utf-8"))
    results = run(args.postings, terms, sectors)
    sc = score(labels, results)
    r = Score.ratio
    print(f"postings: {len(labels)}")
    print(f"recall of required skills:    {sc.recall:.3f}  ({sc.req_found}/{sc.req})")
    print(f"  ... found and marked required: {r(sc.req_as_req, sc.req):.3f}  "
          f"({sc.req_as_req}/{sc.req})")
    print(f"precision of skills found:    {sc.precision:.3f}  ({sc.found_ok}/{sc.found})")
    print(f"recall of nice-to-have:       {r(sc.nice_found, sc.nice):.3f}  "
          f"({sc.nice_found}/{sc.nice})")
    for key, oks in sc.fields.items():
        print(f"{key + ' correct:':30}{sum(oks)}/{len(oks)}")
    print(f"unknown terms: recall {r(sc.unk_found, sc.unk_labels):.3f} "
          f"({sc.unk_found}/{sc.unk_labels}), precision {r(sc.unk_ok, sc.unk_hits):.3f} "
          f"({sc.unk_ok}/{sc.unk_hits})")
    print()
    print("\n".join(sc.lines))
    if args.verbose:
        for name, m in results.items():
            print(f"\n== {name}: {m.title!r} years={m.years} seniority={m.seniority} "
                  f"sector={m.sector}\n   unknown={list(m.unknown)}")
            for h in m.skills:
                alt = f" alt={list(h.alternatives)}" if h.alternatives else ""
                print(f"   {'R' if h.required else 'n'} {h.skill:24} {h.phrase!r:26} "
                      f"L{h.line}{alt}: {h.evidence[:90]}")
    runs = [timing(args.postings, terms, sectors) for _ in range(3)]
    wall, cpu = sorted(r[0] for r in runs), sorted(r[1] for r in runs)
    print(f"\n200 postings (read + parse + match, one process, index built cold), 3 runs: "
          f"wall median {wall[1]:.3f} s (best {wall[0]:.3f}), "
          f"CPU median {cpu[1]:.3f} s (best {cpu[0]:.3f})")
    ok = sc.recall >= TARGET and sc.precision >= TARGET
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
