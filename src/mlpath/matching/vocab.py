"""The matcher's own vocabulary, everything besides the catalogue's skill phrases:
headings, cue words, levels, terms outside the catalogue, sector hints, and the small
rules that read them. Data in one place; posting.py and extract.py read it."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from mlpath.matching.lazy import rx

# ------------------------------------------------------------------ headings (posting.py)
HEADING_IGNORE = rx(
    r"\babout (?!(?:the )?(?:role|job|position|team|opportunity|you)\b)|\bwho we are|"
    r"\bour (?:company|mission|story|values|culture)|\bcompany overview|\bthe company\b|"
    r"\blife at\b|^why\b|\bwhy (?:join|work)|benefit|\bperks?\b|\bwhat we offer|\bwe offer|"
    r"\bour offer|\bwhat you(?:'ll| will)? get\b|\bin return\b|compensation|\bsalary|"
    r"\bpay\b|\brewards?\b|equal (?:employment )?opportunit|\beeo\b|diversity|inclusion|"
    r"\bhow to apply|\bapplication (?:process|deadline)|\binterview process|"
    r"\bhiring process|\blocation\b|\bprivacy\b|\bdisclaimer|what'?s in it for you|"
    r"\bworking (?:at|here|with us)\b|\baccommodations?\b", re.I)
HEADING_COMPANY = rx(  # the ignored headings whose text still tells the sector
    r"\babout\b|\bwho we are|\bour (?:company|mission|story)|\bcompany overview|"
    r"\bthe company\b|\blife at\b", re.I)
HEADING_NICE = rx(
    r"nice[\s-]to[\s-]have|\bbonus|\bpreferred|\bplus(?:es)?\b|desirable|\bdesired|"
    r"good to have|great to have|\bgreat if|would be (?:great|nice)|\bideally|"
    r"not required|\boptional|\bextra credit|stand out|even better|it would be|"
    r"additional (?:skills|qualifications)", re.I)
HEADING_REQUIRED = rx(
    r"requirement|\brequired|qualification|\bmust|\bwhat you(?:'ll| will)? (?:bring|need)|"
    r"\byou(?:'ll| will)? bring\b|\bideal candidate|\bcandidate profile|"
    r"\byou(?:'ll| will)? have\b|\bwho you are|\blooking for|\bprofile\b|\bskills?\b|"
    r"\bexperience\b|\bessential|\bminimum|\babout you|\byou are\b|\byou should|"
    r"competenc|\bexpertise|\bbackground\b", re.I)
HEADING_NEUTRAL = rx(
    r"responsibilit|\bwhat you(?:'ll| will)?(?: be)? (?:do|work)|\brole\b|\bjob\b|"
    r"\bposition\b|\bduties|day[\s-]to[\s-]day|\bmission\b|\bopportunity|\bteam\b|"
    r"\bstack\b|\btools\b|\bprojects?\b|\bthe work\b|\boverview\b|\bdescription\b|"
    r"\bsummary\b|\bimpact\b", re.I)
PLAIN_HEADING = rx(  # a short unmarked line is a heading only when it is one of these
    r"(?:(?:key|core|minimum|basic|preferred|desired|required|additional|technical|"
    r"essential|desirable|bonus|your|the|our|job|role)\s+)*(?:requirements?|"
    r"qualifications?|skills|experience|responsibilities|duties|benefits|perks|"
    r"nice[\s-]to[\s-]haves?|bonus points|must[\s-]haves?|good to have|desirable|"
    r"preferred|about (?:us|you|the \w+|[\w&.'-]+(?: [\w&.'-]+)?)|who (?:we|you) are|"
    r"what (?:we|you)(?:'ll| will|'re| are)?(?: be)? (?:offer|bring|do|doing|need|get|"
    r"have|looking for)|(?:the )?(?:role|job|opportunity|position|team)|why [\w ]+|"
    r"compensation(?: (?:and|&) benefits)?|overview|description)", re.I)
# Cue words on a line. "after": the cue covers what follows it ("…, ideally PyTorch");
# "nice"/"req": it covers its whole clause ("Kafka is a plus").
CUES = rx(
    r"(?P<after>\b(?:ideally|preferably|optionally|bonus if|bonus:|plus:|"
    r"nice[\s-]to[\s-]haves?:|preferred:|desirable:))|"
    r"(?P<nice>nice[\s-]to[\s-]have|\b(?:a|big|huge|definite|real|strong) plus\b|\bbonus\b|"
    r"\bpreferred\b|\bdesirable\b|\bdesired\b|\badvantageous\b|\ban advantage\b|"
    r"\bbeneficial\b|\bgood to have\b|\bgreat to have\b|\bnot (?:required|essential|"
    r"mandatory)\b|\boptional\b|\bwould be (?:great|nice|helpful|useful)\b|"
    r"\bhelps?\b(?=\W*(?:$|[.;!]))|\bhelpful\b|\bappreciated\b|"
    r"\b(?:is|are|also|very) welcome\b|\b(?:an?|great|real) asset\b|\bextra points\b|"
    r"\bwe(?:'d| would) love\b|\bnot a must\b)|"
    r"(?P<req>\brequired\b|\brequirement|\bmust\b|\bmandatory\b|\bessential\b|"
    r"\bneeds? to have\b)", re.I)
CUE_HINTS = ("ideal", "prefer", "option", "bonus", "plus", "nice", "desir", "advantag",
             "benefic", "good to", "great to", "not ", "would be", "help", "apprecia",
             "welcome", "requir", "must", "mandator", "essential", "need", "asset", "extra",
             "love")  # cheap pre-check

# ------------------------------------------------------------------ levels and years
TITLE_LEVELS = [  # first match wins
    ("intern", rx(r"\bintern(?:ship)?s?\b|\bworking student|\bco-?op\b|\btrainee",
                          re.I)),
    ("staff", rx(r"\b(?:staff|principal|lead|head of|director|distinguished)\b|"
                         r"\bIV\b", re.I)),
    ("senior", rx(r"\b(?:senior|sr\.?|snr)(?!\w)|\bIII\b", re.I)),
    ("mid", rx(r"\bmid(?:[\s-]?level|[\s-]senior)?\b|\bintermediate\b|\bII\b", re.I)),
    ("junior", rx(r"\b(?:junior|jr\.?|entry[\s-]level|graduate|new grad|"
                          r"associate|apprentice)(?!\w)|\bI\b\s*(?:[-–—(,|]|$)", re.I)),
]
BODY_LEVELS = [  # a line that states the level ("we want a mid-level engineer")
    ("intern", rx(r"\b(?:this|an?|our|paid|summer) internship\b", re.I)),
    ("junior", rx(r"\bentry[\s-]level\b|\bnew grad(?:uate)?s?\b|"
                          r"\bjunior (?:role|position|level)\b|"
                          r"\bgraduate (?:role|programme|program|position|scheme)\b", re.I)),
    ("mid", rx(r"\bmid[\s-]level\b|\bintermediate[\s-]level\b", re.I)),
    ("senior", rx(r"\bsenior[\s-]level\b|\b(?:this|a) senior (?:role|position)\b|"
                          r"\bas a senior\b", re.I)),
    ("staff", rx(r"\b(?:staff|principal)[\s-]level\b|"
                         r"\bas (?:a|the) (?:staff|principal|lead)\b", re.I)),
]
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15}
_NUM = rf"(?:\d{{1,2}}|{'|'.join(NUMBERS)})"
YEARS = rx(  # "5+ years", "3-5 years", "five (5) years"; not "150-year-old"
    rf"(?<![\w.])(?P<low>{_NUM})\s*(?:\(\d{{1,2}}\+?\)\s*)?(?:\+|plus)?\s*"
    rf"(?:(?:-|–|—|to)\s*{_NUM}\s*\+?\s*)?(?:years?|yrs?)\b(?!['-]?\s*old)", re.I)
YEARS_BEFORE = rx(r"\b(?:least|minimum|min\.?|over)\W*(?:of\s*)?$", re.I)
YEARS_AFTER = rx(
    r"^\W{0,3}(?:of|in|as|working|building|doing|professional|industry|hands-on|leading|"
    r"with|on|experience)\b", re.I)
YEARS_CONTEXT = rx(r"experience|\bexp\b|track record|background", re.I)


def _items(spec: str, sep: str) -> list[str]:
    return [item.strip() for item in spec.split(sep) if item.strip()]


def _table(spec: str) -> dict[str, list[str]]:
    """Parse "Name; Name=phrase|phrase; …": a bare name is its own phrase."""
    pairs = [item.partition("=") for item in _items(spec, ";")]
    return {name: _items(phrases, "|") or [name.lower()] for name, _, phrases in pairs}


# ------------------------------------------------------------------ outside the catalogue
# Technologies no catalogue skill covers: reported (by these names), never dropped.
UNKNOWN_TERMS: Mapping[str, Sequence[str]] = _table("""
    Java; Scala; C++; C#; Go=golang; Kotlin; MATLAB; JavaScript; TypeScript; PHP; Stata;
    Haskell; Node.js=node.js|nodejs; Tableau; Power BI; Looker; Qlik; Hadoop; Presto; Trino;
    Terraform; Pulumi; Ansible; CloudFormation; OpenSearch; Solr; MongoDB; Cassandra; Redis;
    infrastructure as code=infrastructure as code|infrastructure-as-code; DynamoDB; Neo4j;
    Elasticsearch=elasticsearch|elastic search; GraphQL; CUDA; JAX; Dask; Grafana;
    Prometheus; Datadog; Splunk; Salesforce; Matplotlib; Seaborn; Plotly; Streamlit; PostGIS;
    OR-Tools; DICOM; FHIR; HL7; SNOMED CT=snomed*; ICD-10; MQTT; OPC UA; SCADA; AUTOSAR; FPGA;
    ISO 26262; embedded systems=embedded systems|embedded software; Bazel; CMake;
    Protobuf=protobuf|protocol buffers; Fortran; Objective-C; Android; SLURM; RDKit; Gurobi;
    CPLEX; PyMC=pymc*; ClickHouse; Druid=apache druid; Teradata; Informatica; Alteryx; SPSS;
    KNIME; DataRobot; MXNet; Caffe; OpenVINO; TensorFlow Lite=tensorflow lite|tflite;
    Core ML=core ml|coreml; OpenGL; Unity=unity3d; Fivetran; Airbyte; Snowplow; Kibana;
    New Relic; Power Automate""")
# Domain knowledge, reported as the posting writes it, only on a line that asks for
# knowledge, experience or a background ("Knowledge of telecom networks").
DOMAIN_TERMS = _items("""
    payments, credit risk, consumer credit, consumer lending, anti-money laundering, insurance,
    actuarial, financial services, capital markets, trading systems, telecom* network*,
    mobile networks, radio networks, network planning, signal processing, geospatial,
    gis data, operations research, vehicle routing, route optimization, mathematical optimi*,
    linear programming, mixed-integer, integer programming, clinical trials, genomics,
    bioinformatics, computational biology, structural biology, cheminformatics,
    drug discovery, electronic health records, ehr data, clinical terminolog*, medical coding,
    information retrieval, knowledge graph*, functional safety, attribution model*,
    marketing attribution, media mix model*, sensor fusion, 3d geometry, multi-view geometry,
    robotics, control theory, kalman filter*, power systems, supply chain planning,
    pricing strategy, search engine optimization""", ",")
DOMAIN_CONTEXT = rx(
    r"\b(?:knowledge|experience|experienced|background|understanding|familiar(?:ity)?|"
    r"expertise|exposure|work(?:ed|ing)? (?:in|on|with)|interest|domain)\b", re.I)
INDUSTRY = rx(  # "knowledge of the fashion industry" → "fashion industry"
    r"\b(?:the\s+)?([a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s+(industry|sector|domain)\b"
    r"(?!\s+experience)", re.I)
NOT_INDUSTRY = {"regulated", "same", "this", "that", "our", "your", "any", "another",
                "similar", "related", "relevant", "a", "an", "private", "public", "whole",
                "fast-paced", "growing", "other", "specific", "business", "problem",
                "years", "of", "in", "with", "and", "or", "for", "to"}
# Tokens that are tech only when capitalised; group 1 also needs a list around them
# ("Python or R", "in Go", "Go/Rust"), group 2 must not open a sentence ("React quickly").
GUARDED = rx(
    r"(?<![\w&.'-])(?:(Go|R|Julia|Swift|Ray|Ruby|Stan|Dash)|"
    r"(Rust|React|Excel|Hive|Perl|Angular|Unity)|"
    r"(SAS|ROS(?: ?2)?|RAN|O-RAN|GIS|AML|KYC|H3|H2O|[45]G|EHR|EDR|SIEM|SOAR|PACS|SLAM|iOS|"
    r"\.NET))(?![\w&'+#-])")
LIST_BEFORE = rx(r"(?:[,/(]|\bor|\band|\bin|\bwith|\bof|\beither)\s*$")
LIST_AFTER = rx(r"^\s*(?:[,/)]|or\b|and\b|programming|language|\(|$)")
# "MSc in computer science, statistics or a related field": a field of study, not a skill.
DEGREE = rx(r"\b(?:degree|bachelor|master'?s|doctorate|enrolled|graduated? in|"
                    r"major(?:ing)? in)\b|\b(?:BS|MS|BA|BSc|MSc|PhD|Ph\.D)\b", re.I)
DEGREE_FIELDS = {"statistics", "stats", "statistical"}
TEAM = rx(r"\s+(?:teams?|squads?|department|org|organi[sz]ation)\b", re.I)
ALT_SEPARATOR = rx(r"\s*(?:,\s*)?(?:or|and/or|/)\s*|\s*,\s*", re.I)
EITHER = rx(r"\b(?:either|one of|any of)\s*(?:the\s+)?$", re.I)

# ------------------------------------------------------------------ sectors
# Words common to many postings: they count a quarter, so they pick a sector only when
# nothing more specific does ("survey software" → tech).
GENERIC_SECTOR_TERMS = frozenset(
    {"software", "technology", "tech", "big tech", "big-tech", "industry", "auto",
     "security", "health", "transport", "ai-powered analytics", "intelligent automation",
     "anomaly detection", "quality control", "demand forecasting", "predictive maintenance"})
SECTOR_HINTS: Mapping[str, Sequence[str]] = {  # added to the catalogue's sector terms
    sid: _items(terms, ",") for sid, _, terms in (item.partition("=") for item in _items("""
    tech=saas, b2b software, software company, product analytics, developer tools,
      help desk*, customer support software, collaborative document*, enterprise software,
      software companies;
    finance=fintech, bank, banking, payments company, payments platform, lender, lending,
      loans, credit card*, card payment*, fca, financial services, trading, fraud,
      wealth management, asset management, insurance, insurer*, insurtech;
    healthcare=healthcare, health system*, hospital*, clinical, clinician*, patient*,
      radiolog*, pharma*, biotech, life sciences, medtech, fda, doctors, medical;
    retail=retail, retailer*, e-commerce, online shop*, marketplace, grocery, groceries,
      shoppers, stores, merchandising, fashion, consumer goods, supermarket*,
      buyers and sellers;
    manufacturing=manufacturing, manufacturer*, factory, factories, plant*, industrial,
      production line*, supply chain, machinery, predictive maintenance;
    marketing=advertising, advertiser*, adtech, ads, marketing, campaign*, media buying,
      brands;
    logistics=logistics, deliver*, parcel*, shipping, freight, fleet*, courier*, last-mile,
      trucking, vans, eta, routing;
    energy=energy, utility company, utilities, power grid, electricity, renewable*, solar,
      wind farm*, oil and gas;
    automotive=automotive, car manufacturer*, vehicle*, driver-assistance, adas,
      autonomous driving, self-driving, cars, mobility;
    cybersecurity=cybersecurity, cyber security, threat detection, malware,
      intrusion detection, security operations, siem;
    telecommunications=telecom*, telco, mobile operator, network operator, broadband, 5g,
      base stations, radio network""", ";"))}


def guarded_terms(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of Go, R, Rust…: tech only when capitalised and in a list or
    mid-sentence ("Python or R", "in Go"; not "R&D", "go-to-market", "React quickly")."""
    out = []
    for m in GUARDED.finditer(text):
        before, after = text[: m.start()], text[m.end():]
        if m.group(1) and not (LIST_BEFORE.search(before) or LIST_AFTER.match(after)):
            continue
        if m.group(2) and not before.strip(" *(\"'") and re.match(r" [a-z]", after):
            continue  # a verb opening the sentence
        out.append((m.start(), m.end(), "ROS" if m.group().startswith("ROS") else m.group()))
    return out


def stated_years(text: str, kind_at: Callable[[int], str]) -> list[int]:
    """Minimum years of experience a line states, where kind_at(offset) is "required"."""
    found = []
    for m in YEARS.finditer(text):
        before = text[max(0, m.start() - 14): m.start()]
        if kind_at(m.start()) == "required" and (
                "+" in m.group() or "plus" in m.group().lower() or YEARS_BEFORE.search(before)
                or YEARS_AFTER.match(text[m.end():]) or YEARS_CONTEXT.search(text)):
            low = m.group("low")
            found.append(int(low) if low.isdigit() else NUMBERS[low.lower()])
    return found


def stated_level(title: str, lines: Iterable[str]) -> str | None:
    """The seniority a title states, else the first line that states one."""
    for text, levels in itertools.chain([(title, TITLE_LEVELS)],
                                        ((ln, BODY_LEVELS) for ln in lines)):
        level = next((level for level, rx in levels if rx.search(text)), None)
        if level:
            return level
    return None


def industries(text: str) -> list[str]:
    """ "Knowledge of the fashion industry" → "fashion industry"."""
    if not DOMAIN_CONTEXT.search(text):
        return []
    return [f"{m.group(1)} {m.group(2)}".lower() for m in INDUSTRY.finditer(text)
            if not {w.lower() for w in m.group(1).split()} & NOT_INDUSTRY]


def sector_tables(sector_terms: Mapping[str, Sequence[str]] | None,
                  ) -> tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...]:
    """(("sector", specific terms), ("generic", generic terms)), each per sector id: the
    catalogue's terms (None: none) plus SECTOR_HINTS, frozen to key a cache."""
    table = {sid: [*terms, *SECTOR_HINTS.get(sid, ())] for sid, terms in (
        sector_terms if sector_terms is not None else dict.fromkeys(SECTOR_HINTS, ())).items()}
    if "tech" in table:
        table["tech"].append("software")
    return tuple((kind, tuple((sid, tuple(t for t in ts if (t.lower() in GENERIC_SECTOR_TERMS)
                                          == (kind == "generic"))) for sid, ts in table.items()))
                 for kind in ("sector", "generic"))


# The API, after the vocabulary that posting.py and extract.py import from here.
