"""Build tests/gold/corpora-gold-a.jsonl from corpora/a and the hand annotations below.

The annotations are written by hand as surfaces (plus an occurrence index when a
surface repeats with a different reading); this script only turns them into
character offsets and checks that every span reads back exactly. It refuses to
write the gold when a surface is missing, lacks the requested occurrence, or
when an explicitly placed span overlaps another one.

Conventions (WiNER-like): person spans exclude titles and "M."/"Mme"; ORG spans
are the full official name without a leading determiner; LOC for places; MISC
for named events, programmes, awards, projects and products. Anaphoric generic
nouns ("la Ville", "la Métropole", "la Région" used alone) are not entities.
The standalone "**Communiqué de presse – Grenoble, le …**" line of the
markdown release is its publication line, like "Publié le …" in a scraped page,
so it is not part of the body.
Timex spans include the determiner of a day date ("le 14 mars") and the range
words ("du 5 au 7 avril") but not the preposition ("en 2016" -> "2016",
"depuis dix ans" -> "dix ans"); a quote's text is everything between « and »,
including an incise attribution when it sits inside the marks.
"""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpora" / "a"
OUT = ROOT / "tests" / "gold" / "corpora-gold-a.jsonl"


class _ArticleParagraphs(HTMLParser):
    """Collect the <h1> and the <p> texts that sit inside <article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth_article = 0
        self.in_p = False
        self.in_h1 = False
        self.paragraphs: list[str] = []
        self.h1 = ""
        self._buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth_article += 1
        elif self.depth_article and tag == "p":
            self.in_p, self._buf = True, []
        elif self.depth_article and tag == "h1":
            self.in_h1, self._buf = True, []

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth_article -= 1
        elif tag == "p" and self.in_p:
            self.in_p = False
            self.paragraphs.append(" ".join("".join(self._buf).split()))
        elif tag == "h1" and self.in_h1:
            self.in_h1 = False
            self.h1 = " ".join("".join(self._buf).split())

    def handle_data(self, data):
        if self.in_p or self.in_h1:
            self._buf.append(data)


def read_article(name: str, encoding: str, layout: str, n_tags: int = 0) -> tuple[str, str]:
    """Return (title, body) of one corpus file, following its known layout."""
    raw = (CORPUS / name).read_bytes().decode(encoding)
    raw = raw.lstrip("\ufeff")
    if layout == "html":
        parser = _ArticleParagraphs()
        parser.feed(raw)
        return parser.h1, "\n".join(parser.paragraphs)
    lines = raw.strip("\n").split("\n")
    if layout == "web":  # navigation, title, update line, body, n_tags tag lines
        title = lines[1]
        body = "\n".join(lines[3 : len(lines) - n_tags]).strip()
    elif layout == "plain":  # title line then body
        title, body = lines[0], "\n".join(lines[1:]).strip()
    elif layout == "md":  # "# title", then a standalone publication line, then the body
        rest = "\n".join(lines[1:]).strip().split("\n", 1)
        title, body = lines[0].lstrip("# ").strip(), rest[1].strip()
    else:
        raise ValueError(layout)
    assert body in raw, name
    return title, body


def _alt(s: str) -> list[str]:
    return [s, s.replace("'", "\u2019"), s.replace("\u2019", "'")]


def occurrences(text: str, surface: str) -> list[int]:
    """Start offsets of a surface as a whole word (apostrophe variants accepted)."""
    for variant in dict.fromkeys(_alt(surface)):
        pat = r"(?<!\w)" + re.escape(variant) + r"(?!\w)"
        found = [m.start() for m in re.finditer(pat, text)]
        if found:
            return found
    return []


def real_surface(text: str, surface: str) -> str:
    for variant in _alt(surface):
        if variant in text:
            return variant
    raise KeyError(surface)


def spans_from_specs(text: str, specs, kind: str, doc: str):
    """Turn (surface, payload, occs|None) specs into non-overlapping spans, longest first."""
    cands = []
    for spec in specs:
        surface, payload, occs = spec
        found = occurrences(text, surface)
        if not found:
            raise SystemExit(f"{doc}: {kind} surface not found: {surface!r}")
        s_real = real_surface(text, surface)
        idx = range(len(found)) if occs is None else occs
        for i in idx:
            if i >= len(found):
                raise SystemExit(f"{doc}: {kind} {surface!r} has no occurrence {i}")
            start = found[i]
            cands.append((start, start + len(s_real), payload, occs is not None))
    # explicit occurrences win over blanket ones, then longer spans win
    cands.sort(key=lambda c: (not c[3], -(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, dict, bool]] = []
    for c in cands:
        if any(c[0] < t[1] and t[0] < c[1] for t in taken):
            if c[3]:
                raise SystemExit(f"{doc}: explicit {kind} overlaps: {text[c[0] : c[1]]!r}")
            continue
        taken.append(c)
    taken.sort(key=lambda c: c[0])
    return taken


def span(text: str, surface: str, occ: int = 0, doc: str = "") -> dict:
    """One evidence span {start, end, text} for the occ-th occurrence (substring search)."""
    s_real = real_surface(text, surface)
    pos, start = -1, -1
    for _ in range(occ + 1):
        start = text.find(s_real, pos + 1)
        if start < 0:
            raise SystemExit(f"{doc}: evidence not found: {surface!r} #{occ}")
        pos = start
    return {"start": start, "end": start + len(s_real), "text": s_real}


def quote_span(text: str, prefix: str, doc: str, occ: int = 0) -> tuple[int, int]:
    """Offsets of a quote's text: from its first words up to the closing guillemet."""
    s = span(text, prefix, occ, doc)["start"]
    assert text[:s].rstrip().endswith("«"), (doc, prefix)
    e = text.index("»", s)
    while text[e - 1].isspace():
        e -= 1
    return s, e


def norm_specs(items, n_payload: int):
    out = []
    for it in items:
        it = list(it)
        occs = None
        if len(it) > n_payload + 1:
            occs = it[n_payload + 1]
            if isinstance(occs, int):
                occs = [occs]
        out.append((it[0], tuple(it[1 : n_payload + 1]), occs))
    return out


def build(article: dict) -> dict:
    name = article["file"]
    doc = "a/" + name
    title, text = read_article(name, article["encoding"], article["layout"], article.get("tags", 0))
    ents = []
    for s, e, (label,), _ in spans_from_specs(
        text, norm_specs(article["entities"], 1), "entity", doc
    ):
        ents.append({"start": s, "end": e, "label": label, "surface": text[s:e]})
    timex = []
    for s, e, (typ, value, mod), _ in spans_from_specs(
        text, norm_specs(article["timex"], 3), "timex", doc
    ):
        timex.append(
            {"start": s, "end": e, "type": typ, "value": value, "mod": mod, "surface": text[s:e]}
        )
    events = []
    for ev in article["events"]:
        evidence = [
            span(text, *((ref,) if isinstance(ref, str) else ref), doc=doc)
            for ref in ev["evidence"]
        ]
        assert any(ev["trigger"] in x["text"] for x in evidence), (doc, ev["trigger"])
        for q in ev.get("quantities", []):
            assert real_surface(text, q[3]), q
        events.append(
            {
                "type": ev["type"],
                "name": ev.get("name"),
                "trigger": ev["trigger"],
                "date": ev.get("date"),
                "status": ev["status"],
                "location": ev.get("location"),
                "participants": [
                    {"name": n, "label": lab, "role": r} for n, lab, r in ev.get("participants", [])
                ],
                "quantities": [
                    {"value": v, "approximate": a, "unit": u, "text": real_surface(text, t)}
                    for v, a, u, t in ev.get("quantities", [])
                ],
                "evidence": evidence,
            }
        )
    people = [{"name": n, "titles": t, "affiliation": a} for n, t, a in article["people"]]
    for p in people:
        assert p["name"] in {x["surface"] for x in ents if x["label"] == "PER"}, (doc, p["name"])
    quotes = []
    for q in article["quotes"]:
        speaker, verb, prefix = q[:3]
        s, e = quote_span(text, prefix, doc, q[3] if len(q) > 3 else 0)
        quotes.append({"speaker": speaker, "text": text[s:e], "start": s, "end": e, "verb": verb})
    return {
        "id": doc,
        "source": doc,
        "text": text,
        "dct": article["dct"],
        "title": title,
        "entities": ents,
        "timex": timex,
        "events": events,
        "people": people,
        "quotes": quotes,
    }


def check(rec: dict) -> None:
    """Every span of a record reads back exactly."""
    t = rec["text"]
    for x in rec["entities"] + rec["timex"]:
        assert t[x["start"] : x["end"]] == x["surface"], x
    for ev in rec["events"]:
        for x in ev["evidence"]:
            assert t[x["start"] : x["end"]] == x["text"], x
    for q in rec["quotes"]:
        assert t[q["start"] : q["end"]] == q["text"], q


# ---------------------------------------------------------------------------
# Hand annotations. Entities: (surface, label[, occurrence indices]); timex:
# (surface, type, value, mod[, occurrence indices]); without indices a spec
# covers every whole-word occurrence not already inside a longer span.
# Events: evidence given as surfaces (or (surface, occurrence)).
# Roles: organizer (acquirer, founder, host), participant (attendee, funder,
# investor), subject (what the event is about: target, appointee, created
# thing), beneficiary (who receives money or an award), partner (co-signatory,
# sponsor, adviser).
# ---------------------------------------------------------------------------
ARTICLES: list[dict] = [
    {
        "file": "2017-01-brest-oceavia-levee-de-fonds.txt",
        "encoding": "utf-8",
        "layout": "web",
        "tags": 4,
        "dct": "2019-04-04",  # "Mis à jour le 4 avril 2019": the story itself is from January 2017
        "entities": [
            ("Océavia", "ORG"),
            ("Bpifrance", "ORG"),
            ("Breizh Up", "ORG"),
            ("Région Bretagne", "ORG"),
            ("Ouest Croissance Partenaires", "ORG"),
            ("OCP", "ORG"),
            ("Ifremer", "ORG"),
            ("Claire Le Gall", "PER"),
            ("Yann Morvan", "PER"),
            ("Technopôle Brest-Iroise", "ORG"),
            ("rade de Brest", "LOC"),
            ("golfe du Morbihan", "LOC"),
            ("Norvège", "LOC"),
            ("Fjordlaks", "ORG"),
            ("Hervé Quéméner", "PER"),
            ("Rennes", "LOC"),
            ("Euromaritime", "MISC"),
            ("Paris", "LOC"),
            ("Canada", "LOC"),
            ("Bretagne Commerce International", "ORG"),
            ("BCI", "ORG"),
        ],
        "timex": [
            ("décembre 2016", "DATE", "2016-12", None),
            ("2014", "DATE", "2014", None),
            ("2016", "DATE", "2016", None),
            ("un an", "DURATION", "P1Y", None),
            ("la fin de l’année", "DATE", "2017", "END"),
            ("septembre dernier", "DATE", "2016-09", None),
            ("du 31 janvier au 2 février", "DATE", "2017-01-31/2017-02-02", None),
            ("le 14 mars", "DATE", "2017-03-14", None),
            ("2019", "DATE", "2019", None),
        ],
        "events": [
            {
                "type": "funding",
                "trigger": "levée",
                "date": "2016-12",
                "status": "past",
                "participants": [
                    ("Océavia", "ORG", "beneficiary"),
                    ("Bpifrance", "ORG", "participant"),
                    ("Breizh Up", "ORG", "participant"),
                    ("Région Bretagne", "ORG", "participant"),
                    ("Ouest Croissance Partenaires", "ORG", "participant"),
                ],
                "quantities": [
                    (2500000, False, "EUR", "2,5 millions d’euros"),
                    (18, False, "%", "18 %"),
                ],
                "evidence": [
                    "a finalisé en décembre 2016 une levée de fonds de 2,5 millions d’euros",
                    "Le tour de table réunit Bpifrance, le fonds régional Breizh Up, géré par la Région Bretagne, et la société de capital-risque nantaise Ouest Croissance Partenaires (OCP), qui entre au capital à hauteur de 18 %",
                    "Cette levée nous donne les moyens",
                ],
            },
            {
                "type": "launch",
                "trigger": "Créée",
                "date": "2014",
                "status": "past",
                "participants": [
                    ("Océavia", "ORG", "subject"),
                    ("Claire Le Gall", "PER", "organizer"),
                    ("Yann Morvan", "PER", "organizer"),
                ],
                "evidence": [
                    "Créée en 2014 par deux anciens ingénieurs de l’Ifremer, Claire Le Gall et Yann Morvan"
                ],
            },
            {
                "type": "partnership",
                "trigger": "contrat",
                "date": "2016-09",
                "status": "past",
                "location": "Norvège",
                "participants": [("Océavia", "ORG", "partner"), ("Fjordlaks", "ORG", "partner")],
                "evidence": [
                    "l’entreprise a signé en septembre dernier un contrat avec l’aquaculteur Fjordlaks"
                ],
            },
            {
                "type": "conference",
                "name": "Euromaritime",
                "trigger": "salon",
                "date": "2017-01-31/2017-02-02",
                "status": "planned",
                "location": "Paris",
                "participants": [("Océavia", "ORG", "participant")],
                "evidence": [
                    "La start-up présentera sa nouvelle génération de capteurs au salon Euromaritime, à Paris, du 31 janvier au 2 février"
                ],
            },
            {
                "type": "visit",
                "trigger": "mission",
                "date": "2017-03-14",
                "status": "planned",
                "location": "Canada",
                "participants": [
                    ("Bretagne Commerce International", "ORG", "organizer"),
                    ("Océavia", "ORG", "participant"),
                ],
                "evidence": [
                    "une mission commerciale au Canada organisée le 14 mars par Bretagne Commerce International (BCI)"
                ],
            },
        ],
        "people": [
            (
                "Claire Le Gall",
                ["présidente et cofondatrice d’Océavia", "ancienne ingénieure de l’Ifremer"],
                "Océavia",
            ),
            ("Yann Morvan", ["cofondateur", "ancien ingénieur de l’Ifremer"], "Océavia"),
            (
                "Hervé Quéméner",
                ["chargé d’affaires innovation à la direction régionale de Bpifrance à Rennes"],
                "Bpifrance",
            ),
        ],
        "quotes": [
            ("Claire Le Gall", "explique", "Cette levée nous donne"),
            ("Hervé Quéméner", "souligne", "Océavia coche toutes"),
        ],
    },
    {
        "file": "2019-03-15-rennes-inauguration-mediatheque-maurepas.txt",
        "encoding": "utf-8",
        "layout": "web",
        "tags": 5,
        "dct": "2019-03-15",
        "entities": [
            ("médiathèque Simone-Veil", "ORG"),
            ("Rennes", "LOC"),
            ("Atelier Prisme", "ORG"),
            ("Ville de Rennes", "ORG"),
            ("État", "ORG"),
            ("Direction régionale des affaires culturelles de Bretagne", "ORG"),
            ("Drac", "ORG"),
            ("Département d’Ille-et-Vilaine", "ORG"),
            ("Armelle Guillou", "PER"),
            ("Bug", "ORG"),
            ("Laurent Briand", "PER"),
            ("Bulles de quartier", "MISC"),
            ("Rencontres régionales de la lecture publique", "MISC"),
            ("Livre et lecture en Bretagne", "ORG"),
        ],
        "timex": [
            ("près de quatre ans", "DURATION", "P4Y", "APPROX"),
            ("samedi 9 mars", "DATE", "2019-03-09", None),
            ("l’automne 2016", "DATE", "2016-FA", None),
            ("dix ans", "DURATION", "P10Y", None),
            ("tous les jours", "SET", "P1D", None),
            ("le lundi", "SET", "XXXX-WXX-1", None),
            ("du 5 au 7 avril", "DATE", "2019-04-05/2019-04-07", None),
            ("mi-juin", "DATE", "2019-06", "MID"),
        ],
        "events": [
            {
                "type": "inauguration",
                "trigger": "inaugurée",
                "date": "2019-03-09",
                "status": "past",
                "location": "Rennes",
                "participants": [
                    ("médiathèque Simone-Veil", "ORG", "subject"),
                    ("Ville de Rennes", "ORG", "organizer"),
                    ("Armelle Guillou", "PER", "participant"),
                ],
                "quantities": [
                    (2400, False, "m²", "2 400 m²"),
                    (6800000, False, "EUR", "6,8 millions d’euros"),
                ],
                "evidence": [
                    "la médiathèque Simone-Veil a été inaugurée samedi 9 mars à Rennes, en présence de plusieurs centaines de personnes",
                    "lors de la cérémonie",
                ],
            },
            {
                "type": "funding",
                "trigger": "financé",
                "date": None,
                "status": "past",
                "participants": [
                    ("médiathèque Simone-Veil", "ORG", "beneficiary"),
                    ("Ville de Rennes", "ORG", "participant"),
                    ("État", "ORG", "participant"),
                    (
                        "Direction régionale des affaires culturelles de Bretagne",
                        "ORG",
                        "participant",
                    ),
                    ("Département d’Ille-et-Vilaine", "ORG", "participant"),
                ],
                "quantities": [(4100000, False, "EUR", "4,1 millions d’euros")],
                "evidence": [
                    "Il a été financé par la Ville de Rennes, à hauteur de 4,1 millions d’euros, par l’État, via la Direction régionale des affaires culturelles de Bretagne (Drac), et par le Département d’Ille-et-Vilaine"
                ],
            },
            {
                "type": "meeting",
                "trigger": "ateliers",
                "date": None,
                "status": "past",
                "quantities": [(600, True, "personnes", "Plus de 600 personnes")],
                "evidence": ["Plus de 600 personnes ont participé aux ateliers de concertation"],
            },
            {
                "type": "meeting",
                "trigger": "réunions",
                "date": "2016-FA",
                "status": "past",
                "evidence": ["les réunions publiques de l’automne 2016"],
            },
            {
                "type": "other",
                "name": "Bulles de quartier",
                "trigger": "festival",
                "date": "2019-04-05/2019-04-07",
                "status": "planned",
                "location": "médiathèque Simone-Veil",
                "quantities": [(20, True, "auteurs invités", "une vingtaine d’auteurs invités")],
                "evidence": [
                    "le festival de bande dessinée Bulles de quartier, qui s’installera dans les murs du 5 au 7 avril avec une vingtaine d’auteurs invités"
                ],
            },
            {
                "type": "conference",
                "name": "Rencontres régionales de la lecture publique",
                "trigger": "Rencontres",
                "date": "2019-06",
                "status": "planned",
                "location": "Rennes",
                "participants": [
                    ("Livre et lecture en Bretagne", "ORG", "organizer"),
                    ("Ville de Rennes", "ORG", "partner"),
                ],
                "evidence": [
                    "La Ville prévoit également d’accueillir, mi-juin, les Rencontres régionales de la lecture publique, organisées par Livre et lecture en Bretagne"
                ],
            },
        ],
        "people": [
            (
                "Armelle Guillou",
                ["adjointe au maire de Rennes déléguée à la culture"],
                "Ville de Rennes",
            ),
            ("Laurent Briand", ["directeur des bibliothèques de Rennes"], "Ville de Rennes"),
        ],
        "quotes": [
            ("Armelle Guillou", "souligné", "Ce lieu, nous"),
            ("Laurent Briand", "précise", "Nous avons recruté quatre"),
        ],
    },
    {
        "file": "2017-02-montpellier-cci-herault-ade-export.txt",
        "encoding": "utf-8",
        "layout": "web",
        "tags": 4,
        "dct": "2017-02-03",
        "entities": [
            ("chambre de commerce et d’industrie de l’Hérault", "ORG"),
            ("CCI Hérault", "ORG"),
            ("Agence de développement économique", "ORG"),
            ("ADE", "ORG"),
            ("Montpellier Méditerranée Métropole", "ORG"),
            ("France", "LOC"),
            ("Cap Export 34", "MISC"),
            ("Région Occitanie", "ORG"),
            ("CCI", "ORG"),
            ("Montpellier", "LOC"),
            ("Jean-Marc Roussel", "PER"),
            ("CCI de l’Hérault", "ORG"),
            ("Maroc", "LOC"),
            ("Québec", "LOC"),
            ("Sophie Lamarque", "PER"),
            ("BIC de Montpellier", "ORG"),
            ("Business France", "ORG"),
            ("Rencontres régionales de l’export", "MISC"),
            ("Sète", "LOC"),
        ],
        "timex": [
            ("mardi dernier", "DATE", "2017-01-31", None),
            ("trois ans", "DURATION", "P3Y", None),
            ("dix-huit mois", "DURATION", "P18M", None),
            ("par an", "SET", "P1Y", None),
            ("octobre 2016", "DATE", "2016-10", None),
            ("2019", "DATE", "2019", None),
            ("2015", "DATE", "2015", None),
            ("le 14 février", "DATE", "2017-02-14", None),
            ("début mars", "DATE", "2017-03", "START"),
            ("les 23 et 24 mars", "DATE", "2017-03-23/2017-03-24", None),
        ],
        "events": [
            {
                "type": "partnership",
                "name": "Cap Export 34",
                "trigger": "convention",
                "date": "2017-01-31",
                "status": "past",
                "location": "Montpellier",
                "participants": [
                    ("chambre de commerce et d’industrie de l’Hérault", "ORG", "partner"),
                    ("Agence de développement économique", "ORG", "partner"),
                    ("Montpellier Méditerranée Métropole", "ORG", "partner"),
                    ("Région Occitanie", "ORG", "participant"),
                ],
                "quantities": [
                    (450000, False, "EUR", "450 000 euros"),
                    (50, True, "chefs d’entreprise", "une cinquantaine de chefs d’entreprise"),
                ],
                "evidence": [
                    "ont signé mardi dernier une convention de partenariat de trois ans",
                    "La signature a eu lieu au siège de la CCI, à Montpellier, en présence d’une cinquantaine de chefs d’entreprise",
                ],
            },
            {
                "type": "launch",
                "name": "Cap Export 34",
                "trigger": "testée",
                "date": "2016-10",
                "status": "past",
                "participants": [
                    ("chambre de commerce et d’industrie de l’Hérault", "ORG", "organizer"),
                    ("Agence de développement économique", "ORG", "organizer"),
                ],
                "quantities": [(25, False, "entreprises pilotes", "25 entreprises pilotes")],
                "evidence": [
                    "La démarche a été testée depuis octobre 2016 auprès de 25 entreprises pilotes"
                ],
            },
            {
                "type": "launch",
                "trigger": "créée",
                "date": "2015",
                "status": "past",
                "participants": [("Agence de développement économique", "ORG", "subject")],
                "evidence": ["L’ADE, créée en 2015"],
            },
            {
                "type": "meeting",
                "trigger": "réunion",
                "date": "2017-02-14",
                "status": "planned",
                "location": "CCI de l’Hérault",
                "participants": [
                    ("chambre de commerce et d’industrie de l’Hérault", "ORG", "organizer")
                ],
                "evidence": ["Une réunion d’information est programmée le 14 février à la CCI"],
            },
            {
                "type": "meeting",
                "trigger": "ateliers",
                "date": "2017-03",
                "status": "planned",
                "evidence": ["les premiers ateliers collectifs démarreront début mars"],
            },
            {
                "type": "conference",
                "name": "Rencontres régionales de l’export",
                "trigger": "Rencontres",
                "date": "2017-03-23/2017-03-24",
                "status": "planned",
                "location": "Sète",
                "participants": [
                    ("Business France", "ORG", "organizer"),
                    ("Région Occitanie", "ORG", "organizer"),
                ],
                "evidence": [
                    "lors des Rencontres régionales de l’export, organisées à Sète les 23 et 24 mars par Business France et la Région Occitanie"
                ],
            },
        ],
        "people": [
            (
                "Jean-Marc Roussel",
                ["président de la CCI de l’Hérault"],
                "chambre de commerce et d’industrie de l’Hérault",
            ),
            (
                "Sophie Lamarque",
                [
                    "vice-présidente de Montpellier Méditerranée Métropole chargée du développement économique"
                ],
                "Montpellier Méditerranée Métropole",
            ),
        ],
        "quotes": [
            ("Jean-Marc Roussel", "déclaré", "Trop de PME"),
            ("Sophie Lamarque", "ajouté", "Nous voulons qu’en 2019"),
        ],
    },
    {
        "file": "2018-10-amiens-semi-marathon-record.txt",
        "encoding": "utf-8",
        "layout": "web",
        "tags": 4,
        "dct": "2018-10-08",
        "entities": [
            ("boulevard de Belfort", "LOC"),
            ("semi-marathon de la Somme", "MISC"),
            ("Amiens Athlétisme Métropole", "ORG"),
            ("AAM", "ORG"),
            ("Karim Benali", "PER"),
            ("Entente athlétique de Beauvais", "ORG"),
            ("Thomas Lefèvre", "PER"),
            ("Daniel Kiprop", "PER"),
            ("Julie Vasseur", "PER"),
            ("place Gambetta", "LOC"),
            ("Croix-Rouge française", "ORG"),
            ("Amiens Métropole", "ORG"),
            ("Crédit Agricole Brie Picardie", "ORG"),
            ("Rêves de gosse", "ORG"),
            ("Patrick Demarcy", "PER"),
        ],
        "timex": [
            ("dimanche à 9 h 30", "TIME", "2018-10-07T09:30", None),
            ("l’an dernier", "DATE", "2017", None),
            ("1 h 04 min 12 s", "DURATION", "PT1H4M12S", None),
            ("1 h 16 min 40 s", "DURATION", "PT1H16M40S", None),
            ("26 ans", "DURATION", "P26Y", None),
            ("cinq ans", "DURATION", "P5Y", None),
            ("L’an prochain", "DATE", "2019", None),
            ("6 octobre 2019", "DATE", "2019-10-06", None),
        ],
        "events": [
            {
                "type": "other",
                "name": "semi-marathon de la Somme",
                "trigger": "semi-marathon",
                "date": "2018-10-07",
                "status": "past",
                "location": "boulevard de Belfort",
                "participants": [
                    ("Amiens Athlétisme Métropole", "ORG", "organizer"),
                    ("Karim Benali", "PER", "participant"),
                    ("Thomas Lefèvre", "PER", "participant"),
                    ("Daniel Kiprop", "PER", "participant"),
                    ("Julie Vasseur", "PER", "participant"),
                    ("Croix-Rouge française", "ORG", "participant"),
                    ("Amiens Métropole", "ORG", "partner"),
                    ("Crédit Agricole Brie Picardie", "ORG", "partner"),
                ],
                "quantities": [
                    (3000, True, "coureurs", "près de 3 000"),
                    (2870, False, "coureurs classés", "2 870 coureurs classés"),
                    (50, True, "bénévoles", "une cinquantaine de bénévoles"),
                    (10, True, "secouristes", "une dizaine de secouristes"),
                    (85000, False, "EUR", "85 000 euros"),
                ],
                "evidence": [
                    "Ils étaient près de 3 000 au départ, dimanche à 9 h 30, sur le boulevard de Belfort",
                    "le semi-marathon de la Somme a battu son record de participation, avec 2 870 coureurs classés",
                    "L’organisation a mobilisé une cinquantaine de bénévoles et une dizaine de secouristes de la Croix-Rouge française",
                ],
            },
            {
                "type": "other",
                "name": "semi-marathon de la Somme",
                "trigger": "édition",
                "date": "2019-10-06",
                "status": "planned",
                "evidence": ["La 13e édition est d’ores et déjà fixée au 6 octobre 2019"],
            },
        ],
        "people": [
            ("Karim Benali", [], "Entente athlétique de Beauvais"),
            ("Thomas Lefèvre", [], None),
            ("Daniel Kiprop", [], None),
            ("Julie Vasseur", ["licenciée à l’AAM"], "Amiens Athlétisme Métropole"),
            ("Patrick Demarcy", ["président de l’AAM"], "Amiens Athlétisme Métropole"),
        ],
        "quotes": [
            ("Julie Vasseur", "confié", "J’ai couru"),
            ("Patrick Demarcy", "félicite", "Nous avons doublé"),
        ],
    },
    {
        "file": "2019-05-21-lyon-groupe-vaudrey-rachete-technilame.txt",
        "encoding": "utf-8-sig",
        "layout": "plain",
        "dct": "2019-05-21",
        "entities": [
            ("Lyon", "LOC"),
            ("Groupe Vaudrey", "ORG"),
            ("Technilame", "ORG"),
            ("Thiers", "LOC"),
            ("Puy-de-Dôme", "LOC"),
            ("Nicole Faure", "PER"),
            ("Auvergne-Rhône-Alpes", "LOC"),
            ("Pologne", "LOC"),
            ("Sodimec", "ORG"),
            ("Bertrand Vaudrey", "PER"),
            ("Caisse d’Epargne Rhône Alpes", "ORG"),
            ("Bpifrance", "ORG"),
            ("Rivoire & Associés", "ORG"),
            ("Aurignac Finance", "ORG"),
            ("CFIA", "MISC"),
            ("Rennes", "LOC"),
            ("Agence Relais Presse", "ORG"),
        ],
        "timex": [
            ("le 21 mai 2019", "DATE", "2019-05-21", None),
            ("troisième trimestre 2019", "DATE", "2019-Q3", None),
            ("1962", "DATE", "1962", None),
            ("2018", "DATE", "2018", None),
            ("2003", "DATE", "2003", None),
            ("deux ans", "DURATION", "P2Y", None),
            ("2017", "DATE", "2017", None),
            ("2021", "DATE", "2021", None),
            ("du 11 au 13 juin", "DATE", "2019-06-11/2019-06-13", None),
            ("1978", "DATE", "1978", None),
        ],
        "events": [
            {
                "type": "acquisition",
                "trigger": "acquisition",
                "date": "2019-Q3",
                "status": "planned",
                "participants": [
                    ("Groupe Vaudrey", "ORG", "organizer"),
                    ("Technilame", "ORG", "subject"),
                    ("Caisse d’Epargne Rhône Alpes", "ORG", "partner"),
                    ("Bpifrance", "ORG", "partner"),
                    ("Rivoire & Associés", "ORG", "partner"),
                    ("Aurignac Finance", "ORG", "partner"),
                ],
                "quantities": [(100, False, "%", "100 %")],
                "evidence": [
                    "annonce la signature d’un protocole d’accord en vue de l’acquisition de 100 % du capital de Technilame",
                    "La finalisation est attendue au troisième trimestre 2019",
                    "Avec ce rachat",
                    "L’opération est financée sur fonds propres et par un crédit bancaire syndiqué mené par la Caisse d’Epargne Rhône Alpes, avec la participation de Bpifrance",
                    "Le Groupe Vaudrey a été conseillé par le cabinet Rivoire & Associés et Technilame par la banque d’affaires Aurignac Finance",
                ],
            },
            {
                "type": "acquisition",
                "trigger": "reprise",
                "date": "2017",
                "status": "past",
                "participants": [
                    ("Groupe Vaudrey", "ORG", "organizer"),
                    ("Sodimec", "ORG", "subject"),
                ],
                "evidence": ["après la reprise de la société savoyarde Sodimec en 2017"],
            },
            {
                "type": "funding",
                "trigger": "investirons",
                "date": "2021",
                "status": "planned",
                "location": "Thiers",
                "participants": [
                    ("Groupe Vaudrey", "ORG", "participant"),
                    ("Technilame", "ORG", "beneficiary"),
                ],
                "quantities": [(3000000, False, "EUR", "3 millions d’euros")],
                "evidence": ["nous y investirons 3 millions d’euros d’ici 2021"],
            },
            {
                "type": "conference",
                "name": "CFIA",
                "trigger": "salon",
                "date": "2019-06-11/2019-06-13",
                "status": "planned",
                "location": "Rennes",
                "participants": [
                    ("Groupe Vaudrey", "ORG", "participant"),
                    ("Technilame", "ORG", "participant"),
                ],
                "evidence": [
                    "Le Groupe Vaudrey présentera ses nouvelles gammes au salon CFIA de Rennes, du 11 au 13 juin"
                ],
            },
            {
                "type": "launch",
                "trigger": "Fondée",
                "date": "1962",
                "status": "past",
                "participants": [("Technilame", "ORG", "subject")],
                "evidence": ["Fondée en 1962, Technilame"],
            },
            {
                "type": "launch",
                "trigger": "Fondé",
                "date": "1978",
                "status": "past",
                "location": "Lyon",
                "participants": [("Groupe Vaudrey", "ORG", "subject")],
                "evidence": ["Fondé à Lyon en 1978, le Groupe Vaudrey"],
            },
        ],
        "people": [
            (
                "Nicole Faure",
                ["dirigeante de Technilame", "petite-fille du fondateur"],
                "Technilame",
            ),
            (
                "Bertrand Vaudrey",
                ["président-directeur général du Groupe Vaudrey"],
                "Groupe Vaudrey",
            ),
        ],
        "quotes": [
            ("Bertrand Vaudrey", "déclare", "Technilame, c’est"),
            ("Nicole Faure", "explique", "Nous avions reçu"),
        ],
    },
    {
        "file": "strasbourg-isis-bourse-erc-chimie.txt",
        "encoding": "utf-8",
        "layout": "plain",
        "dct": None,  # no publication date anywhere: "le 1er avril" follows the narrative (décembre 2018)
        "entities": [
            ("Martine Koehler", "PER"),
            ("CNRS", "ORG"),
            ("Institut de science et d’ingénierie supramoléculaires", "ORG"),
            ("ISIS", "ORG"),
            ("Consolidator Grant", "MISC"),
            ("Conseil européen de la recherche", "ORG"),
            ("ERC", "ORG"),
            ("Molgate", "MISC"),
            ("université de Strasbourg", "ORG"),
            ("université de Cambridge", "ORG"),
            ("Strasbourg", "LOC"),
            ("Paolo Benedetti", "PER"),
            ("Hydrofiltre", "ORG"),
            ("Illkirch-Graffenstaden", "LOC"),
        ],
        "timex": [
            ("décembre 2018", "DATE", "2018-12", None),
            ("cinq ans", "DURATION", "P5Y", None),
            ("2009", "DATE", "2009", None),
            ("le 1er avril", "DATE", "2019-04-01", None),
        ],
        "events": [
            {
                "type": "award",
                "name": "Consolidator Grant",
                "trigger": "lauréats",
                "date": "2018-12",
                "status": "past",
                "participants": [
                    ("Martine Koehler", "PER", "beneficiary"),
                    ("Conseil européen de la recherche", "ORG", "organizer"),
                ],
                "quantities": [(2000000, False, "EUR", "2 millions d’euros")],
                "evidence": [
                    "fait partie des lauréats de l’appel « Consolidator Grant » du Conseil européen de la recherche (ERC), dont les résultats ont été publiés en décembre 2018",
                    "Son projet, baptisé Molgate, sera financé à hauteur de 2 millions d’euros pendant cinq ans",
                ],
            },
            {
                "type": "appointment",
                "trigger": "arrivée",
                "date": "2009",
                "status": "past",
                "participants": [
                    ("Martine Koehler", "PER", "subject"),
                    ("université de Strasbourg", "ORG", "organizer"),
                ],
                "evidence": ["arrivée à l’université de Strasbourg en 2009"],
            },
            {
                "type": "launch",
                "name": "Molgate",
                "trigger": "démarrera",
                "date": "2019-04-01",
                "status": "planned",
                "participants": [
                    ("Martine Koehler", "PER", "organizer"),
                    ("Hydrofiltre", "ORG", "partner"),
                ],
                "quantities": [
                    (3, False, "doctorants", "trois doctorants"),
                    (2, False, "post-doctorants", "deux post-doctorants"),
                ],
                "evidence": [
                    "Le projet Molgate démarrera le 1er avril",
                    "L’équipe de Martine Koehler recrutera trois doctorants et deux post-doctorants, et travaillera en lien avec l’entreprise alsacienne Hydrofiltre",
                ],
            },
        ],
        "people": [
            (
                "Martine Koehler",
                ["directrice de recherche au CNRS"],
                "Institut de science et d’ingénierie supramoléculaires",
            ),
            (
                "Paolo Benedetti",
                ["directeur de l’ISIS"],
                "Institut de science et d’ingénierie supramoléculaires",
            ),
        ],
        "quotes": [
            ("Martine Koehler", "explique", "Ce financement va"),
            ("Paolo Benedetti", "selon", "ces bourses attirent"),
        ],
    },
    {
        "file": "2018-07-02-bordeaux-festival-rive-sonore.txt",
        "encoding": "utf-8",
        "layout": "plain",
        "dct": "2018-07-02",
        "entities": [
            ("Bordeaux", "LOC"),
            ("Rive Sonore", "MISC", [0]),
            ("Rive Sonore", "ORG", [1, 2]),
            ("Miroir d’eau", "LOC"),
            ("Hangar 14", "LOC"),
            ("Garonne", "LOC"),
            ("Mathilde Carrère", "PER"),
            ("Léna Cazaux", "PER"),
            ("Victoires de la musique", "MISC"),
            ("Les Marées Basses", "ORG"),
            ("Nuits Blanches Bordeaux", "ORG"),
            ("Ville de Bordeaux", "ORG"),
            ("Bordeaux Métropole", "ORG"),
            ("Région Nouvelle-Aquitaine", "ORG"),
            ("Département de la Gironde", "ORG"),
            ("Crédit Mutuel du Sud-Ouest", "ORG"),
            ("Maison Labarde", "ORG"),
            ("Pierre-Yves Dubos", "PER"),
            ("Keolis Bordeaux Métropole", "ORG"),
            ("TBM", "ORG"),
            ("Zéro Déchet Bordeaux", "ORG"),
            ("Bernadette Lafargue", "PER"),
            ("Rocher de Palmer", "LOC"),
            ("Cenon", "LOC"),
            ("Réseau des indépendants de la musique", "ORG"),
            ("RIM", "ORG"),
            ("Anne-Sophie Guérin", "PER"),
            ("préfecture de la Gironde", "ORG"),
            ("Bacalan", "LOC"),
        ],
        "timex": [
            ("le 2 juillet 2018", "DATE", "2018-07-02", None),
            ("Du 5 au 9 juillet", "DATE", "2018-07-05/2018-07-09", None),
            ("l’an dernier", "DATE", "2017", None),
            ("2014", "DATE", "2014", None),
            ("cinq jours", "DURATION", "P5D", None),
            ("jeudi soir", "TIME", "2018-07-05TEV", None),
            ("septembre", "DATE", "2018-09", None),
            ("samedi", "DATE", "2018-07-07", None),
            ("2016", "DATE", "2016", None),
            ("deux ans", "DURATION", "P2Y", None),
            ("mai", "DATE", "2018-05", None),
            ("2 heures du matin", "TIME", "XXXX-XX-XXT02:00", None),
            ("67 ans", "DURATION", "P67Y", None),
            ("cinq ans", "DURATION", "P5Y", None),
            ("chaque année", "SET", "P1Y", None),
            ("Vendredi matin", "TIME", "2018-07-06TMO", None),
            ("début juillet 2019", "DATE", "2019-07", "START"),
            ("décembre", "DATE", "2018-12", None),
        ],
        "events": [
            {
                "type": "other",
                "name": "Rive Sonore",
                "trigger": "festival",
                "date": "2018-07-05/2018-07-09",
                "status": "planned",
                "location": "Bordeaux",
                "participants": [
                    ("Rive Sonore", "ORG", "organizer"),
                    ("Mathilde Carrère", "PER", "organizer"),
                    ("Léna Cazaux", "PER", "participant"),
                    ("Les Marées Basses", "ORG", "participant"),
                    ("Nuits Blanches Bordeaux", "ORG", "partner"),
                    ("Crédit Mutuel du Sud-Ouest", "ORG", "partner"),
                    ("Maison Labarde", "ORG", "partner"),
                    ("Zéro Déchet Bordeaux", "ORG", "partner"),
                ],
                "quantities": [
                    (60, False, "concerts", "soixante concerts"),
                    (3, False, "scènes", "trois scènes"),
                    (45000, True, "festivaliers", "près de 45 000 festivaliers"),
                    (400, True, "bénévoles", "près de 400 bénévoles"),
                    (120, False, "agents de sécurité privés", "120 agents de sécurité privés"),
                ],
                "evidence": [
                    "Pour sa cinquième édition, le festival Rive Sonore voit plus grand",
                    "Du 5 au 9 juillet, soixante concerts gratuits et payants se succéderont sur trois scènes installées entre le Miroir d’eau et le Hangar 14, sur les quais de la Garonne",
                    "Les organisateurs attendent près de 45 000 festivaliers",
                    "Au total, près de 400 bénévoles se relaieront sur le site",
                ],
            },
            {
                "type": "funding",
                "trigger": "subvention",
                "date": None,
                "status": "ongoing",
                "participants": [
                    ("Rive Sonore", "ORG", "beneficiary"),
                    ("Ville de Bordeaux", "ORG", "participant"),
                    ("Bordeaux Métropole", "ORG", "participant"),
                    ("Région Nouvelle-Aquitaine", "ORG", "participant"),
                    ("Département de la Gironde", "ORG", "participant"),
                ],
                "quantities": [
                    (1900000, False, "EUR", "1,9 million d’euros"),
                    (180000, False, "EUR", "180 000 euros"),
                    (120000, False, "EUR", "120 000 euros"),
                    (90000, False, "EUR", "90 000 euros"),
                    (25000, False, "EUR", "25 000 euros"),
                ],
                "evidence": [
                    "Le budget atteint 1,9 million d’euros",
                    "La Ville de Bordeaux apporte une subvention de 180 000 euros, Bordeaux Métropole 120 000 euros et la Région Nouvelle-Aquitaine 90 000 euros",
                    "Le Département de la Gironde finance, à hauteur de 25 000 euros, les navettes gratuites",
                ],
            },
            {
                "type": "launch",
                "name": "Rive Sonore",
                "trigger": "création",
                "date": "2014",
                "status": "past",
                "participants": [("Rive Sonore", "MISC", "subject")],
                "evidence": ["depuis sa création en 2014"],
            },
            {
                "type": "launch",
                "trigger": "album",
                "date": "2018-09",
                "status": "planned",
                "participants": [("Les Marées Basses", "ORG", "organizer")],
                "evidence": ["qui sort son deuxième album en septembre"],
            },
            {
                "type": "other",
                "trigger": "annuler",
                "date": "2016",
                "status": "past",
                "quantities": [(60000, False, "EUR", "60 000 euros")],
                "evidence": [
                    "En 2016, un orage avait contraint les organisateurs à annuler une soirée entière, entraînant un déficit de 60 000 euros"
                ],
            },
            {
                "type": "partnership",
                "trigger": "accord",
                "date": "2018-05",
                "status": "past",
                "participants": [
                    ("Rive Sonore", "ORG", "partner"),
                    ("Keolis Bordeaux Métropole", "ORG", "partner"),
                ],
                "evidence": [
                    "Un accord a été signé en mai avec Keolis Bordeaux Métropole, l’exploitant du réseau TBM"
                ],
            },
            {
                "type": "conference",
                "trigger": "journée",
                "date": "2018-07-06",
                "status": "planned",
                "location": "Rocher de Palmer",
                "participants": [
                    ("Rive Sonore", "ORG", "organizer"),
                    ("Réseau des indépendants de la musique", "ORG", "organizer"),
                    ("Anne-Sophie Guérin", "PER", "participant"),
                ],
                "quantities": [
                    (
                        100,
                        True,
                        "programmateurs, techniciens et artistes",
                        "une centaine de programmateurs, techniciens et artistes",
                    )
                ],
                "evidence": [
                    "Vendredi matin, une journée professionnelle réunira au Rocher de Palmer, à Cenon, une centaine de programmateurs, techniciens et artistes",
                    "Elle est organisée avec le Réseau des indépendants de la musique (RIM)",
                    "sera ouverte par Anne-Sophie Guérin",
                ],
            },
            {
                "type": "other",
                "name": "Rive Sonore",
                "trigger": "édition",
                "date": "2019-07",
                "status": "planned",
                "evidence": ["Une sixième édition est prévue début juillet 2019"],
            },
            {
                "type": "launch",
                "trigger": "appel",
                "date": "2018-09",
                "status": "planned",
                "participants": [("Rive Sonore", "ORG", "organizer")],
                "evidence": [
                    "Un appel à projets sera lancé en septembre auprès des artistes de la région"
                ],
            },
        ],
        "people": [
            ("Mathilde Carrère", ["directrice artistique du festival"], "Rive Sonore"),
            (
                "Léna Cazaux",
                ["chanteuse", "révélation de l’année aux Victoires de la musique"],
                None,
            ),
            ("Pierre-Yves Dubos", ["président de l’association Rive Sonore"], "Rive Sonore"),
            ("Bernadette Lafargue", ["bénévole"], "Rive Sonore"),
            (
                "Anne-Sophie Guérin",
                ["vice-présidente de la Région Nouvelle-Aquitaine chargée de la culture"],
                "Région Nouvelle-Aquitaine",
            ),
        ],
        "quotes": [
            ("Mathilde Carrère", "résume", "Nous avons grandi"),
            ("Pierre-Yves Dubos", "souligne", "Le soutien des collectivités"),
            ("Bernadette Lafargue", "amuse", "Je tiens le stand"),
            ("maire de Bordeaux", "salué", "un festival qui fait"),
        ],
    },
    {
        "file": "2017-06-30-lille-region-hauts-de-france-plan-velo.txt",
        "encoding": "utf-8",
        "layout": "plain",
        "dct": "2017-06-30",
        "entities": [
            ("Lille", "LOC"),
            ("conseil régional des Hauts-de-France", "ORG"),
            ("Maubeuge", "LOC"),
            ("Landrecies", "LOC"),
            ("Hauts-de-France", "LOC"),
            ("France", "LOC"),
            ("canal de la Sambre à l’Oise", "LOC"),
            ("TER", "ORG"),
            ("Franck Delannoy", "PER"),
            ("Droit au vélo", "ORG"),
            ("ADAV", "ORG"),
        ],
        "timex": [
            ("30 juin 2017", "DATE", "2017-06-30", None),
            ("jeudi", "DATE", "2017-06-29", None),
            ("cinq ans", "DURATION", "P5Y", None),
            ("septembre", "DATE", "2017-09", None),
            ("2020", "DATE", "2020", None),
            ("2019", "DATE", "2019", None),
        ],
        "events": [
            {
                "type": "funding",
                "name": "plan vélo",
                "trigger": "adopté",
                "date": "2017-06-29",
                "status": "past",
                "participants": [
                    ("conseil régional des Hauts-de-France", "ORG", "organizer"),
                    ("Franck Delannoy", "PER", "participant"),
                ],
                "quantities": [
                    (20000000, False, "EUR", "20 millions d’euros"),
                    (112, False, "voix pour", "112 voix pour"),
                    (23, False, "abstentions", "23 abstentions"),
                    (250, False, "kilomètres de véloroutes", "250 kilomètres de véloroutes"),
                    (
                        3000,
                        False,
                        "places de stationnement sécurisé",
                        "3 000 places de stationnement sécurisé",
                    ),
                ],
                "evidence": [
                    "Réunis en séance plénière jeudi, les élus du conseil régional des Hauts-de-France ont adopté un plan vélo doté de 20 millions d’euros sur cinq ans",
                    "Le texte a été voté par 112 voix pour et 23 abstentions",
                ],
            },
            {
                "type": "launch",
                "trigger": "appels",
                "date": "2017-09",
                "status": "planned",
                "participants": [("conseil régional des Hauts-de-France", "ORG", "organizer")],
                "evidence": [
                    "Les premiers appels à projets seront ouverts aux intercommunalités dès septembre"
                ],
            },
        ],
        "people": [
            (
                "Franck Delannoy",
                ["vice-président chargé des transports"],
                "conseil régional des Hauts-de-France",
            )
        ],
        "quotes": [
            ("Franck Delannoy", "plaidé", "Le vélo n’est plus"),
            ("Droit au vélo", "salué", "un premier pas"),
        ],
    },
    {
        "file": "2018-11-06-toulouse-laas-medaille-argent-cnrs.txt",
        "encoding": "cp1252",
        "layout": "plain",
        "dct": "2018-11-06",
        "entities": [
            ("Toulouse", "LOC"),
            ("Centre national de la recherche scientifique", "ORG"),
            ("CNRS", "ORG"),
            ("Hélène Castagné", "PER"),
            ("Laboratoire d’analyse et d’architecture des systèmes", "ORG"),
            ("LAAS-CNRS", "ORG"),
            ("Hôtel de Région", "LOC"),
            ("Occitanie Ouest", "LOC"),
            ("Anne-Laure Morin", "PER"),
            ("Biopuce", "ORG"),
            ("université Toulouse III – Paul-Sabatier", "ORG"),
            ("CHU de Toulouse", "ORG"),
            ("Nubbo", "ORG"),
            ("Région Occitanie", "ORG"),
            ("Jean-Pierre Salvat", "PER"),
        ],
        "timex": [
            ("le 6 novembre 2018", "DATE", "2018-11-06", None),
            ("septembre 2018", "DATE", "2018-09", None),
            ("chaque année", "SET", "P1Y", None),
            ("le 17 janvier", "DATE", "2019-01-17", None),
            ("44 ans", "DURATION", "P44Y", None),
            ("moins de trente minutes", "DURATION", "PT30M", "LESS_THAN"),
            ("2016", "DATE", "2016", None),
            ("l’an dernier", "DATE", "2017", None),
            ("printemps 2019", "DATE", "2019-SP", None),
            ("1968", "DATE", "1968", None),
        ],
        "events": [
            {
                "type": "award",
                "name": "médaille d’argent du CNRS",
                "trigger": "lauréats",
                "date": "2018-09",
                "status": "past",
                "participants": [
                    ("Centre national de la recherche scientifique", "ORG", "organizer"),
                    ("Hélène Castagné", "PER", "beneficiary"),
                ],
                "evidence": [
                    "a dévoilé en septembre 2018 la liste des lauréats de sa médaille d’argent",
                    "Parmi eux figure Hélène Castagné",
                ],
            },
            {
                "type": "award",
                "name": "médaille d’argent du CNRS",
                "trigger": "remise",
                "date": "2019-01-17",
                "status": "planned",
                "location": "Hôtel de Région",
                "participants": [
                    ("Hélène Castagné", "PER", "beneficiary"),
                    ("Anne-Laure Morin", "PER", "participant"),
                ],
                "evidence": [
                    "La médaille lui sera remise le 17 janvier, lors d’une cérémonie organisée à l’Hôtel de Région, en présence de la déléguée régionale du CNRS en Occitanie Ouest, Anne-Laure Morin"
                ],
            },
            {
                "type": "launch",
                "trigger": "création",
                "date": "2016",
                "status": "past",
                "location": "université Toulouse III – Paul-Sabatier",
                "participants": [("Biopuce", "ORG", "subject")],
                "evidence": [
                    "la création, en 2016, de la start-up Biopuce, installée sur le campus de l’université Toulouse III – Paul-Sabatier"
                ],
            },
            {
                "type": "funding",
                "trigger": "levé",
                "date": "2017",
                "status": "past",
                "participants": [
                    ("Biopuce", "ORG", "beneficiary"),
                    ("Nubbo", "ORG", "participant"),
                ],
                "quantities": [(1200000, False, "EUR", "1,2 M€")],
                "evidence": [
                    "Biopuce, qui a levé 1,2 M€ l’an dernier auprès de business angels et de l’incubateur Nubbo"
                ],
            },
            {
                "type": "other",
                "trigger": "essai",
                "date": "2019-SP",
                "status": "planned",
                "participants": [
                    ("Biopuce", "ORG", "organizer"),
                    ("CHU de Toulouse", "ORG", "partner"),
                ],
                "quantities": [(300, False, "patients", "300 patients")],
                "evidence": [
                    "prépare un premier essai clinique avec le CHU de Toulouse, prévu au printemps 2019 sur 300 patients"
                ],
            },
            {
                "type": "funding",
                "trigger": "soutient",
                "date": None,
                "status": "ongoing",
                "participants": [
                    ("Région Occitanie", "ORG", "participant"),
                    ("Biopuce", "ORG", "beneficiary"),
                ],
                "quantities": [(450000, False, "EUR", "450 000 €")],
                "evidence": ["La Région Occitanie soutient le projet à hauteur de 450 000 €"],
            },
            {
                "type": "launch",
                "trigger": "création",
                "date": "1968",
                "status": "past",
                "participants": [
                    ("Laboratoire d’analyse et d’architecture des systèmes", "ORG", "subject")
                ],
                "evidence": ["Depuis sa création en 1968, le LAAS-CNRS"],
            },
        ],
        "people": [
            (
                "Hélène Castagné",
                ["directrice de recherche au Laboratoire d’analyse et d’architecture des systèmes"],
                "Laboratoire d’analyse et d’architecture des systèmes",
            ),
            (
                "Anne-Laure Morin",
                ["déléguée régionale du CNRS en Occitanie Ouest"],
                "Centre national de la recherche scientifique",
            ),
            (
                "Jean-Pierre Salvat",
                ["directeur du LAAS-CNRS"],
                "Laboratoire d’analyse et d’architecture des systèmes",
            ),
        ],
        "quotes": [
            ("Hélène Castagné", "insiste", "Cette médaille récompense"),
            ("Jean-Pierre Salvat", "souligne", "cette reconnaissance rejaillit"),
        ],
    },
    {
        "file": "2019-12-18-nancy-nomination-directeur-ntd.txt",
        "encoding": "cp1252",
        "layout": "plain",
        "dct": "2019-12-18",
        "entities": [
            ("Nancy", "LOC"),
            ("Nancy Technopôle Développement", "ORG"),
            ("NTD", "ORG"),
            ("Métropole du Grand Nancy", "ORG"),
            ("Stéphane Kieffer", "PER"),
            ("Véronique Thiébaut", "PER"),
            ("École nationale supérieure des mines de Nancy", "ORG"),
            ("Kieffer", "PER"),
            ("Saint-Gobain PAM", "ORG"),
            ("Pont-à-Mousson", "LOC"),
            ("Région Grand Est", "ORG"),
            ("CCI Grand Nancy Métropole Meurthe-et-Moselle", "ORG"),
        ],
        "timex": [
            ("le 18 décembre 2019", "DATE", "2019-12-18", None),
            ("lundi", "DATE", "2019-12-16", None),
            ("le 6 janvier", "DATE", "2020-01-06", None),
            ("douze ans", "DURATION", "P12Y", None),
            ("47 ans", "DURATION", "P47Y", None),
            ("2015", "DATE", "2015", None),
            ("chaque année", "SET", "P1Y", None),
            ("fin 2020", "DATE", "2020", "END"),
        ],
        "events": [
            {
                "type": "appointment",
                "trigger": "nommé",
                "date": "2019-12-16",
                "status": "past",
                "participants": [
                    ("Nancy Technopôle Développement", "ORG", "organizer"),
                    ("Stéphane Kieffer", "PER", "subject"),
                    ("Véronique Thiébaut", "PER", "participant"),
                ],
                "evidence": [
                    "Le conseil d’administration de Nancy Technopôle Développement (NTD)",
                    "a nommé lundi Stéphane Kieffer au poste de directeur général",
                    "Il prendra ses fonctions le 6 janvier et succède à Véronique Thiébaut",
                ],
            },
            {
                "type": "funding",
                "trigger": "financé",
                "date": None,
                "status": "ongoing",
                "participants": [
                    ("Nancy Technopôle Développement", "ORG", "beneficiary"),
                    ("Métropole du Grand Nancy", "ORG", "participant"),
                    ("Région Grand Est", "ORG", "participant"),
                    ("CCI Grand Nancy Métropole Meurthe-et-Moselle", "ORG", "participant"),
                ],
                "quantities": [(2300000, False, "EUR", "2,3 M€")],
                "evidence": [
                    "Son budget, de 2,3 M€, est financé par la Métropole du Grand Nancy, la Région Grand Est et la CCI Grand Nancy Métropole Meurthe-et-Moselle"
                ],
            },
            {
                "type": "inauguration",
                "trigger": "ouverture",
                "date": "2020",
                "status": "planned",
                "participants": [("Nancy Technopôle Développement", "ORG", "organizer")],
                "quantities": [(4000, False, "m²", "4 000 m²"), (9500000, False, "EUR", "9,5 M€")],
                "evidence": [
                    "l’ouverture, prévue fin 2020, d’un bâtiment de 4 000 m² consacré aux matériaux, d’un coût de 9,5 M€"
                ],
            },
        ],
        "people": [
            (
                "Stéphane Kieffer",
                [
                    "directeur général de Nancy Technopôle Développement",
                    "ingénieur diplômé de l’École nationale supérieure des mines de Nancy",
                ],
                "Nancy Technopôle Développement",
            ),
            (
                "Véronique Thiébaut",
                ["ancienne directrice générale de Nancy Technopôle Développement"],
                "Nancy Technopôle Développement",
            ),
        ],
        "quotes": [("Stéphane Kieffer", "déclaré", "L’innovation industrielle")],
    },
    {
        "file": "2019-05-20-clermont-ultra-domes-trail.txt",
        "encoding": "utf-16",
        "layout": "plain",
        "dct": "2019-05-20",
        "entities": [
            ("Clermont-Ferrand", "LOC"),
            ("Ultra Dômes Trail", "MISC"),
            ("Orcines", "LOC"),
            ("puy de Dôme", "LOC"),
            ("place de Jaude", "LOC"),
            ("Florian Chabrol", "PER"),
            ("Jordi Puig", "PER"),
            ("Amandine Roux", "PER"),
            ("Volcans Aventure", "ORG"),
            ("Conseil départemental du Puy-de-Dôme", "ORG"),
            ("Clermont Auvergne Métropole", "ORG"),
            ("Chaîne des Puys – faille de Limagne", "LOC"),
            ("Unesco", "ORG"),
            ("Parc naturel régional des Volcans d’Auvergne", "ORG"),
            ("Gilles Vigier", "PER"),
        ],
        "timex": [
            ("le 20 mai 2019", "DATE", "2019-05-20", None),
            ("Samedi", "DATE", "2019-05-18", None),
            ("4 heures du matin", "TIME", "2019-05-18T04:00", None),
            ("11 h 52 min", "DURATION", "PT11H52M", None),
            ("l’an dernier", "DATE", "2018", None),
            ("14 h 08 min", "DURATION", "PT14H8M", None),
            ("juillet 2018", "DATE", "2018-07", None),
            ("48 heures", "DURATION", "PT48H", None),
            ("2013", "DATE", "2013", None),
            ("les 16 et 17 mai 2020", "DATE", "2020-05-16/2020-05-17", None),
        ],
        "events": [
            {
                "type": "other",
                "name": "Ultra Dômes Trail",
                "trigger": "courses",
                "date": "2019-05-18",
                "status": "past",
                "location": "Clermont-Ferrand",
                "participants": [
                    ("Volcans Aventure", "ORG", "organizer"),
                    ("Conseil départemental du Puy-de-Dôme", "ORG", "partner"),
                    ("Clermont Auvergne Métropole", "ORG", "partner"),
                    ("Florian Chabrol", "PER", "participant"),
                    ("Jordi Puig", "PER", "participant"),
                    ("Amandine Roux", "PER", "participant"),
                ],
                "quantities": [
                    (1800, True, "coureurs", "près de 1 800 coureurs"),
                    (4, False, "courses", "quatre courses"),
                    (110, False, "kilomètres", "110 kilomètres"),
                    (350, False, "bénévoles", "350 bénévoles"),
                ],
                "evidence": [
                    "Samedi, près de 1 800 coureurs ont pris le départ des quatre courses de l’Ultra Dômes Trail, entre Orcines et le sommet du puy de Dôme",
                    "Organisée par l’association Volcans Aventure avec le soutien du Conseil départemental du Puy-de-Dôme et de Clermont Auvergne Métropole, la course a mobilisé 350 bénévoles",
                ],
            },
            {
                "type": "award",
                "trigger": "inscrit",
                "date": "2018-07",
                "status": "past",
                "participants": [
                    ("Unesco", "ORG", "organizer"),
                    ("Chaîne des Puys – faille de Limagne", "LOC", "beneficiary"),
                ],
                "evidence": [
                    "la Chaîne des Puys – faille de Limagne, inscrit au patrimoine mondial de l’Unesco en juillet 2018"
                ],
            },
            {
                "type": "launch",
                "name": "Ultra Dômes Trail",
                "trigger": "édition",
                "date": "2013",
                "status": "past",
                "evidence": ["depuis la première édition, en 2013"],
            },
            {
                "type": "other",
                "name": "Ultra Dômes Trail",
                "trigger": "édition",
                "date": "2020-05-16/2020-05-17",
                "status": "planned",
                "evidence": ["La prochaine édition aura lieu les 16 et 17 mai 2020"],
            },
        ],
        "people": [
            ("Florian Chabrol", [], None),
            ("Jordi Puig", [], None),
            ("Amandine Roux", [], None),
            ("Gilles Vigier", ["président de Volcans Aventure"], "Volcans Aventure"),
        ],
        "quotes": [
            ("Amandine Roux", "raconté", "Les vingt derniers"),
            ("Gilles Vigier", "rappelle", "Nous travaillons main"),
        ],
    },
    {
        "file": "2019-05-14-lille-kalidor-cristal-labcom.html",
        "encoding": "utf-8",
        "layout": "html",
        "dct": "2019-05-14",
        "entities": [
            ("Kalidor", "ORG"),
            ("Centre de recherche en informatique, signal et automatique de Lille", "ORG"),
            ("CRIStAL", "ORG"),
            ("LogiCité", "ORG"),
            ("université de Lille", "ORG"),
            ("Villeneuve-d’Ascq", "LOC"),
            ("Agence nationale de la recherche", "ORG"),
            ("ANR", "ORG"),
            ("LabCom", "MISC"),
            ("CNRS", "ORG"),
            ("Centrale Lille", "ORG"),
            ("Lucie Verbeke", "PER"),
            ("EuraTechnologies", "ORG"),
            ("Delpierre Transports", "ORG"),
            ("Arras", "LOC"),
            ("Nord Création", "ORG"),
            ("Olivier Delcourt", "PER"),
            ("Métropole européenne de Lille", "ORG"),
            ("MEL", "ORG"),
            ("Solutrans", "MISC"),
            ("Lyon", "LOC"),
        ],
        "timex": [
            ("jeudi", "DATE", "2019-05-09", None),
            ("quatre ans", "DURATION", "P4Y", None),
            ("2017", "DATE", "2017", None),
            ("novembre 2018", "DATE", "2018-11", None),
            ("septembre", "DATE", "2019-09", None),
            ("du 19 au 23 novembre 2019", "DATE", "2019-11-19/2019-11-23", None),
        ],
        "events": [
            {
                "type": "partnership",
                "name": "LogiCité",
                "trigger": "convention",
                "date": "2019-05-09",
                "status": "past",
                "participants": [
                    ("Kalidor", "ORG", "partner"),
                    (
                        "Centre de recherche en informatique, signal et automatique de Lille",
                        "ORG",
                        "partner",
                    ),
                    ("université de Lille", "ORG", "participant"),
                ],
                "quantities": [(6, False, "chercheurs", "six chercheurs")],
                "evidence": [
                    "ont signé jeudi une convention créant un laboratoire commun, baptisé LogiCité",
                    "Pendant quatre ans, six chercheurs de CRIStAL",
                ],
            },
            {
                "type": "funding",
                "name": "LabCom",
                "trigger": "financement",
                "date": None,
                "status": "ongoing",
                "participants": [
                    ("Agence nationale de la recherche", "ORG", "participant"),
                    ("LogiCité", "ORG", "beneficiary"),
                ],
                "quantities": [(350000, False, "EUR", "350 000 euros")],
                "evidence": [
                    "bénéficie d’un financement de 350 000 euros de l’Agence nationale de la recherche (ANR) dans le cadre du programme LabCom"
                ],
            },
            {
                "type": "launch",
                "trigger": "Fondée",
                "date": "2017",
                "status": "past",
                "participants": [("Kalidor", "ORG", "subject")],
                "evidence": ["Fondée en 2017 et incubée à EuraTechnologies, Kalidor"],
            },
            {
                "type": "funding",
                "trigger": "levé",
                "date": "2018-11",
                "status": "past",
                "participants": [
                    ("Kalidor", "ORG", "beneficiary"),
                    ("Nord Création", "ORG", "participant"),
                ],
                "quantities": [(1100000, False, "EUR", "1,1 million d’euros")],
                "evidence": [
                    "L’entreprise avait levé 1,1 million d’euros en novembre 2018 auprès du fonds Nord Création et de plusieurs business angels"
                ],
            },
            {
                "type": "conference",
                "name": "Solutrans",
                "trigger": "salon",
                "date": "2019-11-19/2019-11-23",
                "status": "planned",
                "location": "Lyon",
                "participants": [("LogiCité", "ORG", "participant")],
                "evidence": [
                    "Les premiers résultats seront présentés lors du salon Solutrans, à Lyon, du 19 au 23 novembre 2019"
                ],
            },
        ],
        "people": [
            ("Lucie Verbeke", ["présidente et cofondatrice de Kalidor"], "Kalidor"),
            (
                "Olivier Delcourt",
                ["directeur de CRIStAL"],
                "Centre de recherche en informatique, signal et automatique de Lille",
            ),
        ],
        "quotes": [
            ("Lucie Verbeke", "explique", "Les grands transporteurs"),
            ("Olivier Delcourt", "souligne", "Deux doctorants"),
        ],
    },
    {
        "file": "2018-11-20-la-rochelle-exposition-terre-neuvas.html",
        "encoding": "utf-8",
        "layout": "html",
        "dct": "2018-11-20",
        "entities": [
            ("Terre-Neuve", "LOC"),
            ("Canada", "LOC"),
            ("Musée maritime de La Rochelle", "ORG"),
            ("Terre-neuvas, la grande pêche", "MISC"),
            ("Musée des Terre-Neuvas et de la Pêche de Fécamp", "ORG"),
            ("Les Amis du Musée maritime", "ORG"),
            ("Élodie Marchand", "PER"),
            ("Ville de La Rochelle", "ORG"),
            ("Département de la Charente-Maritime", "ORG"),
            ("Région Nouvelle-Aquitaine", "ORG"),
            ("Caisse d’Epargne Aquitaine Poitou-Charentes", "ORG"),
            ("Bruno Caillaud", "PER"),
            ("université de La Rochelle", "ORG"),
        ],
        "timex": [
            ("plus de quatre siècles", "DURATION", "P400Y", "MORE_THAN"),
            ("chaque printemps", "SET", "XXXX-SP", None),
            ("Du 1er décembre 2018 au 31 mars 2019", "DATE", "2018-12-01/2019-03-31", None),
            ("printemps", "DATE", "2018-SP", None),
            ("2017", "DATE", "2017", None),
            ("vendredi 30 novembre à 18 h 30", "TIME", "2018-11-30T18:30", None),
            ("chaque premier jeudi du mois", "SET", "P1M", None),
            ("les 14 et 15 février", "DATE", "2019-02-14/2019-02-15", None),
        ],
        "events": [
            {
                "type": "other",
                "name": "Terre-neuvas, la grande pêche",
                "trigger": "exposition",
                "date": "2018-12-01/2019-03-31",
                "status": "planned",
                "location": "Musée maritime de La Rochelle",
                "participants": [
                    ("Musée maritime de La Rochelle", "ORG", "organizer"),
                    ("Musée des Terre-Neuvas et de la Pêche de Fécamp", "ORG", "partner"),
                    ("Les Amis du Musée maritime", "ORG", "partner"),
                    ("Élodie Marchand", "PER", "organizer"),
                ],
                "quantities": [
                    (200, True, "objets", "près de 200 objets"),
                    (25000, False, "visiteurs", "25 000"),
                ],
                "evidence": [
                    "Du 1er décembre 2018 au 31 mars 2019, le Musée maritime de La Rochelle leur consacre une exposition, « Terre-neuvas, la grande pêche », conçue avec le Musée des Terre-Neuvas et de la Pêche de Fécamp",
                    "Le parcours réunit près de 200 objets",
                    "en espère 25 000 pour cette seule exposition",
                ],
            },
            {
                "type": "funding",
                "trigger": "financée",
                "date": None,
                "status": "ongoing",
                "participants": [
                    ("Musée maritime de La Rochelle", "ORG", "beneficiary"),
                    ("Ville de La Rochelle", "ORG", "participant"),
                    ("Département de la Charente-Maritime", "ORG", "participant"),
                    ("Région Nouvelle-Aquitaine", "ORG", "participant"),
                    ("Caisse d’Epargne Aquitaine Poitou-Charentes", "ORG", "partner"),
                ],
                "quantities": [(310000, False, "EUR", "310 000 euros")],
                "evidence": [
                    "L’exposition a coûté 310 000 euros",
                    "Elle est financée par la Ville de La Rochelle, le Département de la Charente-Maritime et la Région Nouvelle-Aquitaine, avec le mécénat de la Caisse d’Epargne Aquitaine Poitou-Charentes",
                ],
            },
            {
                "type": "inauguration",
                "trigger": "vernissage",
                "date": "2018-11-30",
                "status": "planned",
                "location": "Musée maritime de La Rochelle",
                "participants": [("Bruno Caillaud", "PER", "participant")],
                "evidence": [
                    "Le vernissage aura lieu vendredi 30 novembre à 18 h 30, en présence de l’adjoint au maire chargé de la culture, Bruno Caillaud, et de plusieurs anciens terre-neuvas"
                ],
            },
            {
                "type": "conference",
                "trigger": "conférences",
                "date": None,
                "status": "planned",
                "evidence": ["Un cycle de conférences est programmé chaque premier jeudi du mois"],
            },
            {
                "type": "conference",
                "trigger": "colloque",
                "date": "2019-02-14/2019-02-15",
                "status": "planned",
                "location": "université de La Rochelle",
                "participants": [("université de La Rochelle", "ORG", "organizer")],
                "evidence": [
                    "un colloque international sur l’histoire des pêches lointaines se tiendra les 14 et 15 février à l’université de La Rochelle"
                ],
            },
        ],
        "people": [
            ("Élodie Marchand", ["commissaire de l’exposition"], "Musée maritime de La Rochelle"),
            ("Bruno Caillaud", ["adjoint au maire chargé de la culture"], "Ville de La Rochelle"),
        ],
        "quotes": [("Élodie Marchand", "explique", "Nous avons voulu")],
    },
    {
        "file": "2018-10-02-grenoble-lumisens-cea-leti-licence.md",
        "encoding": "utf-8",
        "layout": "md",
        "dct": "2018-10-02",  # from the line "**Communiqué de presse – Grenoble, le 2 octobre 2018**"
        "entities": [
            ("Grenoble", "LOC"),
            ("Lumisens", "ORG"),
            ("CEA-Leti", "ORG"),
            ("CEA", "ORG"),
            ("Innovatech", "MISC"),
            ("Leti", "ORG"),
            ("Drôme", "LOC"),
            ("Isère", "LOC"),
            ("Chambre d’agriculture de la Drôme", "ORG"),
            ("Antoine Berthier", "PER"),
            ("Minalogic", "ORG"),
            ("Bpifrance", "ORG"),
            ("Auvergne-Rhône-Alpes Croissance", "ORG"),
            ("Bernard Lacombe", "PER"),
            ("Sarah Benhamou", "PER"),
            ("i-Lab", "MISC"),
            ("ministère de l’Enseignement supérieur et de la Recherche", "ORG"),
            ("Margaux Vidal", "PER"),
        ],
        "timex": [
            ("le 27 septembre", "DATE", "2018-09-27", None),
            ("2008", "DATE", "2008", None),
            ("quelques secondes", "DURATION", "PTXS", None),
            ("printemps 2019", "DATE", "2019-SP", None),
            ("dix ans", "DURATION", "P10Y", None),
            ("fin 2019", "DATE", "2019", "END"),
            ("juin 2018", "DATE", "2018-06", None),
            ("2015", "DATE", "2015", None),
            ("2016", "DATE", "2016", None),
        ],
        "events": [
            {
                "type": "partnership",
                "trigger": "accord",
                "date": "2018-09-27",
                "status": "past",
                "participants": [("Lumisens", "ORG", "partner"), ("CEA-Leti", "ORG", "partner")],
                "evidence": [
                    "annonce la signature d’un accord de licence exclusive avec le CEA-Leti",
                    "L’accord, signé le 27 septembre à l’occasion du salon Innovatech",
                ],
            },
            {
                "type": "launch",
                "trigger": "livrés",
                "date": "2019-SP",
                "status": "planned",
                "location": "Drôme",
                "participants": [
                    ("Lumisens", "ORG", "organizer"),
                    ("Chambre d’agriculture de la Drôme", "ORG", "partner"),
                ],
                "quantities": [
                    (20, True, "exploitations pilotes", "une vingtaine d’exploitations pilotes")
                ],
                "evidence": [
                    "Les premiers boîtiers seront livrés au printemps 2019 à une vingtaine d’exploitations pilotes de la Drôme et de l’Isère, en partenariat avec la Chambre d’agriculture de la Drôme"
                ],
            },
            {
                "type": "funding",
                "trigger": "levée",
                "date": "2018-06",
                "status": "past",
                "participants": [
                    ("Lumisens", "ORG", "beneficiary"),
                    ("Bpifrance", "ORG", "participant"),
                    ("Auvergne-Rhône-Alpes Croissance", "ORG", "participant"),
                ],
                "quantities": [(4000000, False, "EUR", "4 millions d’euros")],
                "evidence": [
                    "a bouclé en juin 2018 une levée de fonds de 4 millions d’euros auprès de Bpifrance et du fonds régional Auvergne-Rhône-Alpes Croissance"
                ],
            },
            {
                "type": "launch",
                "trigger": "Créée",
                "date": "2015",
                "status": "past",
                "location": "Grenoble",
                "participants": [
                    ("Lumisens", "ORG", "subject"),
                    ("Antoine Berthier", "PER", "organizer"),
                    ("Sarah Benhamou", "PER", "organizer"),
                ],
                "evidence": ["Créée en 2015 à Grenoble par Antoine Berthier et Sarah Benhamou"],
            },
            {
                "type": "award",
                "name": "prix i-Lab",
                "trigger": "prix",
                "date": "2016",
                "status": "past",
                "participants": [
                    ("Lumisens", "ORG", "beneficiary"),
                    (
                        "ministère de l’Enseignement supérieur et de la Recherche",
                        "ORG",
                        "organizer",
                    ),
                ],
                "evidence": [
                    "L’entreprise a reçu en 2016 le prix i-Lab du ministère de l’Enseignement supérieur et de la Recherche"
                ],
            },
        ],
        "people": [
            (
                "Antoine Berthier",
                ["président-directeur général de Lumisens", "cofondateur de Lumisens"],
                "Lumisens",
            ),
            ("Bernard Lacombe", ["directeur adjoint du CEA-Leti"], "CEA-Leti"),
            ("Sarah Benhamou", ["cofondatrice de Lumisens"], "Lumisens"),
            ("Margaux Vidal", ["contact presse"], "Lumisens"),
        ],
        "quotes": [
            ("Antoine Berthier", "souligne", "Le Leti nous apporte"),
            ("Bernard Lacombe", "selon", "cet accord illustre"),
        ],
    },
]


def show(recs: list[dict]) -> None:
    """Print every span with some context, for proofreading the annotations."""
    for r in recs:
        t = r["text"]
        print("=" * 30, r["id"], r["dct"])
        for x in sorted(r["entities"] + r["timex"], key=lambda x: x["start"]):
            tag = x.get("label") or f"{x['type']} {x['value']} {x['mod'] or ''}"
            ctx = (
                t[max(0, x["start"] - 25) : x["start"]]
                + "["
                + x["surface"]
                + "]"
                + t[x["end"] : x["end"] + 15]
            )
            print(f"  {tag:<28} {ctx!r}")
        for ev in r["events"]:
            print(
                "  EVENT",
                ev["type"],
                ev["date"],
                ev["status"],
                ev["name"],
                ev["location"],
                [p["name"] for p in ev["participants"]],
                [q["value"] for q in ev["quantities"]],
            )
        for q in r["quotes"]:
            print(
                "  QUOTE",
                q["speaker"],
                q["verb"],
                repr(q["text"][:50]),
                "...",
                repr(q["text"][-30:]),
            )


LABELS = {"PER", "ORG", "LOC", "MISC"}
TYPES = {"DATE", "TIME", "DURATION", "SET"}
MODS = {None, "APPROX", "START", "MID", "END", "MORE_THAN", "LESS_THAN"}
EVENT_TYPES = {
    "meeting",
    "visit",
    "partnership",
    "funding",
    "acquisition",
    "launch",
    "inauguration",
    "appointment",
    "award",
    "election",
    "conference",
    "announcement",
    "other",
}
STATUSES = {"past", "planned", "ongoing"}
ROLES = {"organizer", "participant", "subject", "beneficiary", "partner"}


def validate(path: Path = OUT) -> dict[str, int]:
    """Re-read the written gold: every line parses, every span reads back, values are in the schema."""
    totals = {"articles": 0, "entities": 0, "timex": 0, "events": 0, "people": 0, "quotes": 0}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        rec = json.loads(line)
        check(rec)
        assert all(e["label"] in LABELS for e in rec["entities"]), n
        assert all(t["type"] in TYPES and t["mod"] in MODS and t["value"] for t in rec["timex"]), n
        for layer in ("entities", "timex"):
            spans = sorted((x["start"], x["end"]) for x in rec[layer])
            assert all(a[1] <= b[0] for a, b in pairwise(spans)), (n, layer, "overlap")
        for ev in rec["events"]:
            assert ev["type"] in EVENT_TYPES and ev["status"] in STATUSES and ev["evidence"], (
                n,
                ev,
            )
            assert all(p["role"] in ROLES and p["label"] in LABELS for p in ev["participants"]), (
                n,
                ev,
            )
        totals["articles"] += 1
        for k in ("entities", "timex", "events", "people", "quotes"):
            totals[k] += len(rec[k])
    return totals


def main() -> None:
    """Build, check and write the gold file; --show prints every span for review."""
    recs = [build(a) for a in ARTICLES]
    for r in recs:
        check(r)
    if "--show" in sys.argv:
        show(recs)
    with OUT.open("w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    for r in recs:
        print(
            f"{r['id']}: {len(r['entities'])} entities, {len(r['timex'])} timex, "
            f"{len(r['events'])} events, {len(r['people'])} people, {len(r['quotes'])} quotes"
        )
    print("total:", validate())


if __name__ == "__main__":
    main()
