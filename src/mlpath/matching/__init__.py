"""Job-posting matcher: what a posting asks for, as catalogue skill ids, with evidence.

`read_posting`/`parse_posting` (posting.py) turn a file into lines, each in a section;
`match_posting` (extract.py) finds the skills, years, seniority, sector and the terms no
catalogue skill covers (vocab.py holds the words it reads them with; the skills' own
phrases come from the catalogue). Pure and deterministic: no network, no models.
"""

from mlpath.matching.extract import (
    NoSkillFound,
    PostingMatch,
    SkillHit,
    Terms,
    match_posting,
)
from mlpath.matching.posting import (
    Clause,
    Line,
    Posting,
    Section,
    classify_heading,
    parse_posting,
    read_posting,
)

__all__ = ["Clause", "Line", "NoSkillFound", "Posting", "PostingMatch", "Section",
           "SkillHit", "Terms", "classify_heading", "match_posting", "parse_posting",
           "read_posting"]
