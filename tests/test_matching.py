"""The job-posting matcher (mlpath.matching): the hand-labelled set in tests/postings/
meets the recall and precision targets, and each rule behaves: word boundaries,
alternatives, sections and cue words, years and seniority, HTML, bad input."""

from __future__ import annotations

import io
import re
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from mlpath.catalogue.load import load_catalog
from mlpath.errors import FileError, MlpathError
from mlpath.matching import (
    NoSkillFound,
    PostingMatch,
    SkillHit,
    classify_heading,
    match_posting,
    parse_posting,
    phrases,
    read_posting,
    vocab,
)
from mlpath.matching.terms import sector_terms, skill_terms

POSTINGS = Path(__file__).parent / "postings"
DATA = Path(__file__).resolve().parents[1] / "data"
SKILL_IDS = {  # the catalogue skills
    "python", "sql", "git", "linux", "production-python", "statistics", "probability",
    "linear-algebra", "calculus", "ml-algorithms", "supervised-learning",
    "unsupervised-learning", "reinforcement-learning", "experimentation", "time-series",
    "explainability", "deep-learning", "pytorch", "tensorflow-keras", "dl-architectures",
    "generative-ai", "llm-development", "prompt-engineering", "rag", "mlops", "docker",
    "kubernetes", "mlflow", "ci-cd", "model-serving", "model-monitoring", "data-engineering",
    "streaming-data", "cloud-ml", "responsible-ai", "portfolio", "problem-solving",
    "communication", "collaboration", "critical-thinking", "business-acumen",
    "project-management", "data-wrangling", "scikit-learn", "feature-engineering",
    "model-evaluation", "gradient-boosting", "recommender-systems", "nlp", "computer-vision",
    "api-development", "spark", "orchestration", "ml-system-design",
    "data-structures-algorithms",
    # AI-engineering skills (issue 18)
    "vector-search", "llm-agents", "llm-evaluation", "llm-guardrails", "image-generation",
    "llm-serving",
    # sector domain electives (issue 18)
    "finance-domain", "healthcare-domain", "energy-domain", "manufacturing-domain",
    "logistics-domain", "retail-domain", "marketing-domain",
}


CAT = load_catalog()
TERMS = skill_terms(CAT)  # the shipped catalogue's phrases, as `mlpath match` reads them
SECTORS = sector_terms(CAT)
LABELS: dict[str, dict[str, Any]] = yaml.safe_load(
    (POSTINGS / "labels.yaml").read_text(encoding="utf-8"))


def match(text: str, sector_terms: Mapping[str, Sequence[str]] | None = None) -> PostingMatch:
    return match_posting(parse_posting(text, "test"), TERMS, sector_terms)


def hits(text: str) -> dict[str, SkillHit]:
    return {h.skill: h for h in match(text).skills}


# ------------------------------------------------------------------ the labelled set
def test_the_labelled_set_is_complete_and_uses_catalogue_ids() -> None:
    files = {p.name for p in POSTINGS.iterdir() if p.suffix in (".md", ".txt", ".html")}
    assert files == set(LABELS)
    assert len(files) >= 14
    assert set(TERMS) == SKILL_IDS
    for name, label in LABELS.items():
        required, nice = set(label["required"]), set(label["nice"])
        assert required | nice <= SKILL_IDS, name
        assert not required & nice, name


def test_recall_and_precision_on_the_labelled_set() -> None:
    required = found_required = found = found_right = 0
    for name, label in LABELS.items():
        m = match_posting(read_posting(POSTINGS / name), TERMS, SECTORS)
        req, nice = set(label["required"]), set(label["nice"])
        got = {h.skill for h in m.skills}
        required += len(req)
        found_required += len(req & got)
        found += len(got)
        found_right += len(got & (req | nice))
    assert found_required / required >= 0.85
    assert found_right / found >= 0.85


def test_years_seniority_and_sector_on_the_labelled_set() -> None:
    right = {"years": 0, "seniority": 0, "sector": 0}
    for name, label in LABELS.items():
        m = match_posting(read_posting(POSTINGS / name), TERMS, SECTORS)
        for key in right:
            right[key] += getattr(m, key) == label[key]
    for key, count in right.items():
        assert count / len(LABELS) >= 0.85, key


def test_200_postings_in_one_call_take_well_under_two_seconds() -> None:
    """CPU time of this process, so that other jobs on a busy machine do not count."""
    files = sorted(POSTINGS / name for name in LABELS)
    phrases.index.cache_clear()
    phrases.MATCHERS.clear()
    start = time.process_time()
    for i in range(200):
        match_posting(read_posting(files[i % len(files)]), TERMS, SECTORS)
    assert time.process_time() - start < 2.0


def test_plain_phrases_match_exactly_where_their_regex_would() -> None:
    """Plain phrases skip compiling a regex (see phrases.plain); the answer must not change."""
    index = phrases.index(phrases.freeze(TERMS), vocab.sector_tables(SECTORS))
    every = {p.phrase for ps in index.words.values() for p in ps}
    plain = sorted(p for p in every if phrases.PLAIN.fullmatch(p))
    assert len(plain) > 0.8 * len(every)  # the fast path is the common one
    assert not phrases.PLAIN.fullmatch("optimization") and not phrases.PLAIN.fullmatch(
        "labelled data") and not phrases.PLAIN.fullmatch("a/b testing")
    texts = [(POSTINGS / name).read_text() for name in LABELS] + [
        "Models, modeles; feature-store FeatureStore feature  -  stores C++ c# SQL_ sqls "
        "ML-Ops mlops PYTHONs python3 pythones Kubernetes-native LLMs LLM's data-sets"]
    by_start: dict[str, list[str]] = {}  # both only ever match where the first letters do
    for phrase in plain:
        by_start.setdefault(phrase[:2].strip(), []).append(phrase)
    checked = 0
    for text in texts:
        for token in re.finditer(r"\w+", text):
            head = token.group().lower()
            for phrase in by_start.get(head[:1], []) + by_start.get(head[:2], []):
                hit = re.match(phrases.regex(phrase), text[token.start():], re.I)
                end = phrases.plain(tuple(phrase.split()), text, token.start())
                assert end == (hit.end() + token.start() if hit else None), (
                    phrase, text[token.start():][:40])
                checked += hit is not None
    assert checked > 500  # real matches were compared, not only misses


def test_the_phrase_index_is_built_once_per_terms_mapping() -> None:
    phrases.index.cache_clear()
    match("Python and SQL")
    match("Docker")
    assert phrases.index.cache_info().misses == 1
    other = {"python": ["python"]}
    assert [h.skill for h in match_posting(parse_posting("Python, SQL", "x"), other).skills] \
        == ["python"]


# ------------------------------------------------------------------ word boundaries
@pytest.mark.parametrize(("text", "absent"), [
    ("Experience with React and Redux", "R"),
    ("Our R&D lab builds prototypes", "R"),
    ("Strong go-to-market instincts; you will go deep into problems", "Go"),
    ("Go beyond the obvious. Python required.", "Go"),
    ("JavaScript and TypeScript for the front end; Python", "Java"),
])
def test_short_tech_names_only_count_when_guarded(text: str, absent: str) -> None:
    assert absent not in match(text + " Python.").unknown


@pytest.mark.parametrize(("text", "present"), [
    ("Strong Python or R", "R"),
    ("Python and one of Go or Rust", "Go"),
    ("Our services are written in Go. Python for ML.", "Go"),
    ("Python; Java or C++ is a plus", "C++"),
    ("Python and C/C++", "C++"),
    ("Python, Scala", "Scala"),
])
def test_tech_outside_the_catalogue_is_listed(text: str, present: str) -> None:
    assert present in match(text).unknown


@pytest.mark.parametrize(("text", "absent"), [
    ("Python with NoSQL stores", "sql"),
    ("Link your GitHub. Python.", "git"),
    ("Python; storage and drag-and-drop tools", "rag"),
    ("PySpark jobs in Python", None),  # spark via its own phrase, not inside "pyspark"
    ("Python; fix regressions quickly", "supervised-learning"),
    ("Python; work with the data engineering team", "data-engineering"),
    ("Python. BSc in computer science, statistics or a related field", "statistics"),
])
def test_no_match_inside_other_words_or_contexts(text: str, absent: str | None) -> None:
    found = hits(text)
    if absent:
        assert absent not in found
    else:
        assert found["spark"].phrase == "pyspark"


def test_spellings_plurals_and_separators() -> None:
    found = hits("Containerisation, time-series modelling, LLMs, scikit learn, A/B-testing, "
                 "CI / CD and k8s")
    assert {"docker", "time-series", "llm-development", "scikit-learn", "experimentation",
            "ci-cd", "kubernetes"} <= set(found)


def test_phrases_postings_use() -> None:
    found = hits(
        "Containerization; experiment tracking and a model registry; monitor data drift; "
        "run A/B tests; SageMaker or Vertex AI; LLMs; retrieval-augmented generation; CI/CD; "
        "REST APIs with FastAPI; Airflow; PySpark; XGBoost; pandas")
    assert set(found) == {"docker", "mlflow", "model-monitoring", "experimentation",
                          "cloud-ml", "llm-development", "rag", "ci-cd", "api-development",
                          "orchestration", "spark", "gradient-boosting", "data-wrangling"}


def test_a_phrase_inside_a_longer_one_does_not_count() -> None:
    found = hits("Kubernetes and container orchestration; collaborative filtering")
    assert "orchestration" not in found and "collaboration" not in found
    assert {"kubernetes", "recommender-systems"} <= set(found)


# ------------------------------------------------------------------ alternatives
def test_alternatives_are_found_and_marked() -> None:
    found = hits("Experience with PyTorch or TensorFlow")
    assert found["pytorch"].alternatives == ("tensorflow-keras",)
    assert found["tensorflow-keras"].alternatives == ("pytorch",)
    assert found["pytorch"].group is not None
    assert found["pytorch"].group == found["tensorflow-keras"].group


def test_lists_joined_by_and_are_not_alternatives() -> None:
    found = hits("Python, SQL and Docker")
    assert all(h.alternatives == () and h.group is None for h in found.values())


def test_alternatives_outside_the_catalogue_are_named() -> None:
    m = match("Strong Python or Scala")
    assert m.skills[0].alternatives == ("Scala",)
    assert "Scala" in m.unknown


def test_one_skill_named_three_ways_is_not_a_group() -> None:
    found = hits("AWS, GCP or Azure")
    assert found["cloud-ml"].alternatives == ()


def test_a_plain_requirement_beats_an_alternative() -> None:
    found = hits("## Requirements\n- PyTorch or TensorFlow\n- Strong PyTorch")
    assert found["pytorch"].alternatives == () and found["pytorch"].line == 3
    assert found["tensorflow-keras"].alternatives == ("pytorch",)


# ------------------------------------------------------------------ sections and cues
@pytest.mark.parametrize(("heading", "section"), [
    ("Requirements", "required"), ("What you'll bring", "required"),
    ("Minimum qualifications", "required"), ("Who you are", "required"),
    ("Nice to have", "nice"), ("Bonus points", "nice"), ("Preferred qualifications", "nice"),
    ("It would be great if you also have", "nice"), ("Desirable", "nice"),
    ("About us", "ignore"), ("About Ledgerly", "ignore"), ("Benefits", "ignore"),
    ("Perks", "ignore"), ("Compensation and bonus", "ignore"), ("What we offer", "ignore"),
    ("Equal opportunity", "ignore"), ("Why join us", "ignore"),
    ("About the role", "neutral"), ("Responsibilities", "neutral"),
    ("What you'll do", "neutral"), ("Senior ML Engineer", None),
])
def test_heading_classification(heading: str, section: str | None) -> None:
    assert classify_heading(heading) == section


POSTING = """# Senior ML Engineer

## About us
We run Kubernetes everywhere and love Java.

## Requirements
- Python and SQL
- Experience with Kafka is a plus
- Deep learning frameworks, ideally PyTorch
- Hands-on deep learning (TensorFlow preferred)
- Python required, Scala preferred

## Nice to have
- Docker
- Airflow (required for the platform track)

## Benefits
- Learning budget for AWS courses

We are an equal opportunity employer and welcome Spark enthusiasts.
"""


def test_sections_and_cue_words_decide_required_or_nice() -> None:
    m = match(POSTING)
    found = {h.skill: h for h in m.skills}
    assert {s for s, h in found.items() if h.required} == {
        "python", "sql", "deep-learning", "orchestration"}
    assert {s for s, h in found.items() if not h.required} == {
        "streaming-data", "pytorch", "tensorflow-keras", "docker"}
    assert "Scala" in m.unknown


def test_company_blurbs_and_benefits_give_nothing() -> None:
    m = match(POSTING)
    assert not {"kubernetes", "cloud-ml", "spark"} & {h.skill for h in m.skills}
    assert "Java" not in m.unknown


def test_evidence_is_the_line_and_its_number() -> None:
    found = hits(POSTING)
    assert found["streaming-data"].line == 8
    assert found["streaming-data"].evidence == "Experience with Kafka is a plus"
    assert found["streaming-data"].phrase == "kafka"


def test_plain_text_without_headings() -> None:
    m = match("We need an ML engineer with strong Python and SQL. Experience with "
              "Kafka or other streaming tools is a plus. Our R&D budget is generous.")
    found = {h.skill: h.required for h in m.skills}
    assert found == {"python": True, "sql": True, "streaming-data": False}
    assert "R" not in m.unknown


def test_inline_labels_and_hard_wrapped_lines() -> None:
    text = ("Must have: Python, SQL.\nNice to have: Docker.\nWe expect you to know how "
            "to deploy\nmodels to production.\nBenefits: AWS credits.")
    found = {h.skill: h.required for h in match(text).skills}
    assert found == {"python": True, "sql": True, "docker": False, "mlops": True}


def test_one_hit_per_skill_required_wins() -> None:
    found = hits("## Nice to have\n- Docker\n## Requirements\n- Docker and Python")
    assert found["docker"].required and found["docker"].line == 4


# ------------------------------------------------------------------ years and seniority
@pytest.mark.parametrize(("text", "years"), [
    ("5+ years of experience with Python", 5),
    ("3-5 years building ML systems in Python", 3),
    ("At least 4 years of Python", 4),
    ("Minimum of five (5) years of experience in Python", 5),
    ("Two years of experience with Python", 2),
    ("0-2 years of experience; Python", 0),
    ("8+ years in software, including 3+ years with Python", 8),
    ("A 150-year-old bank. Python.", None),
    ("We grew 3x in two years. Python.", None),
    ("## Nice to have\n- 7+ years of Python", None),
])
def test_years(text: str, years: int | None) -> None:
    assert match(text).years == years


@pytest.mark.parametrize(("text", "level"), [
    ("# Senior Machine Learning Engineer\nPython", "senior"),
    ("# Staff MLOps Engineer\nPython", "staff"),
    ("# Lead ML Engineer\nPython", "staff"),
    ("# Principal Engineer, ML\nPython", "staff"),
    ("# Junior ML Engineer\nPython", "junior"),
    ("# Graduate Machine Learning Engineer\nPython", "junior"),
    ("# Machine Learning Engineering Intern\nPython", "intern"),
    ("# Machine Learning Engineer II\nPython", "mid"),
    ("# Machine Learning Engineer III\nPython", "senior"),
    ("# ML Engineer (Mid-level)\nPython", "mid"),
    ("# ML Engineer\nWe want a mid-level engineer who knows Python", "mid"),
    ("# Senior ML Engineer\nMentor junior engineers; Python", "senior"),
    ("# ML Engineer\nPython; principal component analysis", None),
])
def test_seniority(text: str, level: str | None) -> None:
    assert match(text).seniority == level


def test_sector_terms_never_show_as_unknown() -> None:
    m = match("Anomaly detection in Python; experience in financial services", SECTORS)
    assert m.unknown == ("financial services",)
    assert m.sector == "finance"


def test_sector_from_the_catalogue_terms_and_hints() -> None:
    assert match("Fraud detection at a bank. Python.", SECTORS).sector == "finance"
    assert match("Python and SQL.", SECTORS).sector is None
    assert match("We build survey software. Python.", SECTORS).sector == "tech"
    assert match("Hospital patient data. Python.").sector == "healthcare"  # built-in hints


# ------------------------------------------------------------------ HTML
HTML = """<html><head><style>p { color: red }</style></head><body>
<h1>ML Engineer</h1>
<h2>About us</h2><p>We love Kubernetes &amp; Java.</p>
<h2>Requirements</h2>
<ul>
<li>Python &amp; SQL</li>
<li><strong>Docker</strong> is a plus</li>
</ul>
<script>var kafka = 1;</script>
</body></html>"""


def test_html_tags_are_stripped_and_structure_kept() -> None:
    posting = parse_posting(HTML, "job.html")
    texts = [ln.text for ln in posting.lines]
    assert texts == ["ML Engineer", "About us", "We love Kubernetes & Java.", "Requirements",
                     "Python & SQL", "Docker is a plus"]
    assert posting.title == "ML Engineer"
    assert [ln.number for ln in posting.lines] == [2, 3, 3, 4, 6, 7]
    found = {h.skill: h.required for h in match(HTML).skills}
    assert found == {"python": True, "sql": True, "docker": False}


# ------------------------------------------------------------------ bad input
def test_empty_file(tmp_path: Path) -> None:
    for content in (b"", b"  \n\n\t\n"):
        (tmp_path / "job.md").write_bytes(content)
        with pytest.raises(FileError, match="empty"):
            read_posting(tmp_path / "job.md")


def test_html_with_no_text(tmp_path: Path) -> None:
    (tmp_path / "job.html").write_text("<div><p></p><br/></div>", encoding="utf-8")
    with pytest.raises(FileError, match="empty"):
        read_posting(tmp_path / "job.html")


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "job.pdf").write_bytes(b"%PDF-1.7\x00\x01\x02binary")
    with pytest.raises(FileError, match="binary"):
        read_posting(tmp_path / "job.pdf")


def test_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "job.txt").write_bytes("Exp\xe9rience Python".encode("latin-1"))
    with pytest.raises(FileError, match="UTF-8"):
        read_posting(tmp_path / "job.txt")


def test_utf8_bom_and_utf16_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("\ufeffPython and SQL".encode())
    (tmp_path / "b.txt").write_bytes("Python and SQL".encode("utf-16"))
    for name in ("a.txt", "b.txt"):
        assert read_posting(tmp_path / name).lines[0].text == "Python and SQL"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileError, match="no such file"):
        read_posting(tmp_path / "nope.md")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(FileError, match="directory"):
        read_posting(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "job.md"
    path.write_text("Python", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(FileError, match="permission denied"):
        read_posting(path)


def test_too_big_a_file(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes("Pythön ".encode() * 200_000)  # cut inside a char
    with pytest.raises(FileError, match="over 1 MB"):
        read_posting(tmp_path / "big.txt")


def test_stdin_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(b"\xef\xbb\xbfPython and SQL")

    monkeypatch.setattr(sys, "stdin", Stdin())
    assert read_posting(None).lines[0].text == "Python and SQL"


def test_a_posting_with_no_skill() -> None:
    with pytest.raises(NoSkillFound, match="no catalogue skill found") as err:
        match("## About us\nWe use Python.\n## Requirements\nA friendly attitude.")
    assert isinstance(err.value, MlpathError) and err.value.exit_code == 1


def test_bad_input_errors_are_file_errors_with_exit_code_1(tmp_path: Path) -> None:
    with pytest.raises(FileError) as err:
        read_posting(tmp_path / "missing.md")
    assert err.value.exit_code == 1 and str(tmp_path / "missing.md") in err.value.message


def test_stdin() -> None:
    posting = read_posting(None, stdin_text="# ML Engineer\nPython and SQL")
    assert posting.name == "<stdin>" and posting.title == "ML Engineer"
    with pytest.raises(FileError, match="empty"):
        read_posting(Path("-"), stdin_text="\n")
    with pytest.raises(FileError, match="binary"):
        read_posting(None, stdin_text="a\x00b")


def test_matching_is_deterministic() -> None:
    text = (POSTINGS / "fintech_fraud_senior.md").read_text(encoding="utf-8")
    assert match(text, SECTORS) == match(text, SECTORS)
