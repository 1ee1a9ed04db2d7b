"""Build tests/gold/corpora-gold-b.jsonl from the hand annotations below.

The annotations are written by hand (labels, values, roles, statuses); this script
only turns surfaces into character offsets in the article body, checks that every
span satisfies ``text[start:end] == surface`` and writes one JSON object per article.

Conventions (read before comparing a system to this gold):
- Bodies: JSON/JSONL text field verbatim; .txt without navigation, title, date and
  tag lines, CRLF normalised to LF; HTML: the article's body <p> elements (no byline)
  joined by "\n", HTML entities unescaped.
- Entities follow WiNER: PER spans exclude titles and M./Mme; ORG keeps the official
  full name; no leading determiner; only the outermost span is kept (nested names such
  as "Caen" in "CRITT de Caen" are not separate mentions). Named events, plans,
  programmes, awards, works, journals and products are MISC. Venues and
  buildings are LOC. Nationality adjectives are not entities.
- Timex: prepositions (à, au, en, depuis, pendant, d'ici, dès) are outside the span; the
  article before a date ("le 18 février", "le vendredi", "l'automne", "la saison
  2022-2023"), range markers ("du 8 au 10 avril", "les 19 et 20 mai"), fin/début/mi-,
  dernier/prochain and "il y a" are inside (same habits as corpora-gold-a.jsonl).
  Ages, prices, scores, road numbers, phone numbers and years inside names ("Horizon
  2030", "France 2030") are not timex. Values are resolved as a careful reader would,
  letting the narrative win over the publication date when it is explicit.
- Quotes: text between the quote marks (trimmed); when the attribution is an incise
  inside the quote it stays inside the span (one span per pair of quote marks).
  Titles of works or plans between « » are not quotes. The verb is the speech verb as a
  word, without auxiliary, reflexive pronoun or inverted subject ("a-t-il insisté" ->
  "insisté", "se félicite" -> "félicite", "Selon" -> "selon").

Run: python tests/gold/make_gold_b.py  (from the repository root)
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpora" / "b"
OUT = ROOT / "tests" / "gold" / "corpora-gold-b.jsonl"


# ----------------------------------------------------------------- text loading
def load_body(spec: dict) -> tuple[str, str]:
    """Return (body text, title) for one article spec."""
    kind = spec["kind"]
    path = CORPUS / spec["file"]
    if kind == "jsonl":
        line = path.read_text(encoding="utf-8").splitlines()[spec["line"] - 1]
        obj = json.loads(line)
        return obj.get("text") or obj.get("content"), obj["title"]
    if kind == "json":
        obj = json.loads(path.read_text(encoding="utf-8"))
        return obj["text"], obj["title"]
    if kind == "txt":
        raw = path.read_bytes().decode(spec.get("encoding", "utf-8"))
        raw = raw.replace("\r\n", "\n")
        lines = raw.split("\n")
        while lines and lines[-1] == "":
            lines.pop()
        title = lines[spec["title_line"]]
        body = lines[spec["body_from"]: len(lines) - spec.get("tags", 0)]
        return "\n".join(body), title
    if kind in ("html", "htm"):
        raw = path.read_bytes().decode(spec.get("encoding", "utf-8"))
        title = html.unescape(re.search(r"<h1>(.*?)</h1>", raw).group(1))
        paras = re.findall(spec["para_re"], raw)
        return "\n".join(html.unescape(p) for p in paras), title
    raise ValueError(kind)


# ----------------------------------------------------------------- span helpers
def _occurrences(text: str, surface: str) -> list[int]:
    pat = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")
    return [m.start() for m in pat.finditer(text)]


def find(text: str, surface: str, occ: int = 0) -> tuple[int, int]:
    """Offsets of the occ-th whole-word occurrence of surface."""
    occs = _occurrences(text, surface)
    if len(occs) <= occ:
        raise ValueError(f"surface {surface!r} occurrence {occ} not found ({len(occs)} found)")
    s = occs[occ]
    return s, s + len(surface)


def entity_spans(text: str, ents: dict[str, str], skip: list[tuple[str, int]]) -> list[dict]:
    """Every whole-word occurrence of every surface; the outermost span wins."""
    cands = []
    for surface, label in ents.items():
        occs = _occurrences(text, surface)
        if not occs:
            raise ValueError(f"entity {surface!r} not in text")
        for i, s in enumerate(occs):
            if (surface, i) in skip:
                continue
            cands.append((s, s + len(surface), label, surface))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    kept: list[tuple] = []
    for c in cands:
        clash = [k for k in kept if c[0] < k[1] and k[0] < c[1]]
        if not clash:
            kept.append(c)
        elif not all(k[0] <= c[0] and c[1] <= k[1] for k in clash):
            raise ValueError(f"crossing spans {c} / {clash}")
    kept.sort()
    return [{"start": s, "end": e, "label": lab, "surface": sur} for s, e, lab, sur in kept]


QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"'}


def find_quote(text: str, prefix: str) -> tuple[int, int]:
    """Span of the quote content (marks excluded, trimmed) that starts with prefix."""
    for m in re.finditer(r'[«“"]', text):
        close = QUOTE_PAIRS[m.group()]
        j = text.find(close, m.end())
        if j < 0:
            continue
        s, e = m.end(), j
        while text[s] in " \u00a0\u202f":
            s += 1
        while text[e - 1] in " \u00a0\u202f":
            e -= 1
        if text[s:e].startswith(prefix):
            return s, e
    raise ValueError(f"quote starting {prefix!r} not found")


def build(spec: dict) -> dict:
    text, title = load_body(spec)
    ents = entity_spans(text, spec["entities"], spec.get("skip", []))
    timex = []
    for t in spec["timex"]:
        surface, typ, value, mod = t[:4]
        occ = t[4] if len(t) > 4 else 0
        s, e = find(text, surface, occ)
        timex.append({"start": s, "end": e, "type": typ, "value": value, "mod": mod, "surface": surface})
    timex.sort(key=lambda x: x["start"])
    if len({(x["start"], x["end"]) for x in timex}) != len(timex):
        raise ValueError("duplicate timex span")
    events = []
    for ev in spec["events"]:
        evidence = []
        for item in ev["evidence"]:
            surface, occ = (item, 0) if isinstance(item, str) else item
            s, e = find(text, surface, occ)
            evidence.append({"start": s, "end": e, "text": surface})
        events.append({
            "type": ev["type"], "name": ev.get("name"), "trigger": ev["trigger"],
            "date": ev.get("date"), "status": ev["status"], "location": ev.get("location"),
            "participants": [{"name": n, "label": lab, "role": r} for n, lab, r in ev.get("participants", [])],
            "quantities": [{"value": v, "approximate": a, "unit": u, "text": tx} for v, a, u, tx in ev.get("quantities", [])],
            "evidence": evidence,
        })
        for q in events[-1]["quantities"]:
            find(text, q["text"])
        if events[-1]["trigger"] not in " ".join(x["text"] for x in evidence):
            raise ValueError(f"trigger {ev['trigger']!r} not in evidence")
    quotes = []
    for prefix, speaker, verb in spec["quotes"]:
        s, e = find_quote(text, prefix)
        quotes.append({"speaker": speaker, "text": text[s:e], "start": s, "end": e, "verb": verb})
        if verb and verb.lower() not in text.lower():
            raise ValueError(f"verb {verb!r} not in text")
    people = [{"name": n, "titles": t, "affiliation": a} for n, t, a in spec["people"]]
    for p in people:
        if p["name"] not in text:
            raise ValueError(f"person {p['name']!r} not in text")
    return {"id": spec["id"], "source": spec["id"], "text": text, "dct": spec["dct"], "title": title,
            "entities": ents, "timex": timex, "events": events, "people": people, "quotes": quotes}


def check(rec: dict) -> None:
    """Every span must point at its surface."""
    t = rec["text"]
    for x in rec["entities"] + rec["timex"]:
        assert t[x["start"]:x["end"]] == x["surface"], x
    for ev in rec["events"]:
        for x in ev["evidence"]:
            assert t[x["start"]:x["end"]] == x["text"], x
    for q in rec["quotes"]:
        assert t[q["start"]:q["end"]] == q["text"], q



# ======================================================================
# Hand annotations. timex tuples: (surface, type, value, mod[, occurrence]).
# events: participants (name, label, role); quantities (value, approximate, unit, text);
# evidence: surface or (surface, occurrence). quotes: (prefix of quote text, speaker, verb).
# ======================================================================
ARTICLES: list[dict] = []

ARTICLES.append({
    "id": "b/depeches.jsonl#1", "kind": "jsonl", "file": "depeches.jsonl", "line": 1, "dct": "2021-02-03",
    "entities": {
        "Hydrovia": "ORG", "Normandie Participations": "ORG", "Région Normandie": "ORG", "Bpifrance": "ORG",
        "Rhône Capital Partners": "ORG", "RCP": "ORG", "Claire Lemonnier": "PER", "Thomas Aubry": "PER",
        "Centre régional d'innovation et de transfert de technologie": "ORG", "CRITT": "ORG", "Caen": "LOC",
        "Hérouville-Saint-Clair": "LOC", "Allemagne": "LOC", "Benelux": "LOC", "Marc Quesnel": "PER",
        "AD Normandie": "ORG", "Rouen": "LOC",
    },
    "timex": [
        ("mardi", "DATE", "2021-02-02", None),
        ("il y a quatre ans", "DATE", "2017", None),
        ("aujourd'hui", "DATE", "PRESENT_REF", None),
        ("mars 2019", "DATE", "2019-03", None),
        ("printemps 2022", "DATE", "2022-SP", None),
        ("fin 2021", "DATE", "2021", "END"),
        ("2020", "DATE", "2020", None),
        ("le 18 février", "DATE", "2021-02-18", None),
    ],
    "events": [
        {"type": "funding", "trigger": "levée de fonds", "date": "2021-02-02", "status": "past", "location": None,
         "participants": [("Hydrovia", "ORG", "beneficiary"), ("Normandie Participations", "ORG", "organizer"),
                          ("Bpifrance", "ORG", "participant"), ("Rhône Capital Partners", "ORG", "participant")],
         "quantities": [(12000000, False, "EUR", "12 millions d'euros")],
         "evidence": ["a annoncé mardi avoir bouclé une levée de fonds de 12 millions d'euros",
                      "Le tour de table est mené par Normandie Participations"]},
        {"type": "launch", "trigger": "Fondée", "date": "2017", "status": "past", "location": None,
         "participants": [("Claire Lemonnier", "PER", "organizer"), ("Thomas Aubry", "PER", "organizer"),
                          ("Hydrovia", "ORG", "subject")],
         "evidence": ["Fondée il y a quatre ans par Claire Lemonnier et Thomas Aubry"]},
        {"type": "funding", "trigger": "levé", "date": "2019-03", "status": "past", "location": None,
         "participants": [("Hydrovia", "ORG", "beneficiary")],
         "quantities": [(2500000, False, "EUR", "2,5 millions d'euros")],
         "evidence": ["Elle avait déjà levé 2,5 millions d'euros en mars 2019"]},
        {"type": "launch", "trigger": "ouvrir", "date": "2022-SP", "status": "planned", "location": "Hérouville-Saint-Clair",
         "participants": [("Hydrovia", "ORG", "organizer")],
         "evidence": ["ouvrir une ligne de production à Hérouville-Saint-Clair au printemps 2022"]},
        {"type": "meeting", "trigger": "petit-déjeuner", "date": "2021-02-18", "status": "planned", "location": "Rouen",
         "participants": [("AD Normandie", "ORG", "organizer"), ("Hydrovia", "ORG", "participant")],
         "evidence": ["Le dossier sera présenté le 18 février lors d'un petit-déjeuner des investisseurs organisé par l'agence AD Normandie à Rouen"]},
    ],
    "people": [
        ("Claire Lemonnier", ["présidente d'Hydrovia", "cofondatrice"], "Hydrovia"),
        ("Thomas Aubry", ["cofondateur", "ancien ingénieur du CRITT de Caen"], "Hydrovia"),
        ("Marc Quesnel", ["vice-président de la Région Normandie chargé du développement économique"], "Région Normandie"),
    ],
    "quotes": [
        ("Cette opération", "Claire Lemonnier", "affirme"),
        ("Hydrovia illustre", "Marc Quesnel", "déclaré"),
    ],
})

ARTICLES.append({
    "id": "b/depeches.jsonl#2", "kind": "jsonl", "file": "depeches.jsonl", "line": 2, "dct": "2021-03-26",
    "entities": {
        "hôtel du Département": "LOC", "Nantes": "LOC", "conseil départemental de Loire-Atlantique": "ORG",
        "Horizon 2030": "MISC", "RN 165": "LOC", "Savenay": "LOC", "Aléop": "MISC", "Sophie Guérin": "PER",
        "Saint-Nazaire": "LOC", "Châteaubriant": "LOC", "Département": "ORG", "Étienne Barreau": "PER",
        "Bruno Le Guen": "PER", "Union pour la Loire-Atlantique": "ORG",
    },
    "timex": [
        ("jeudi", "DATE", "2021-03-25", None),
        ("dix ans", "DURATION", "P10Y", None),
        ("l'automne", "DATE", "2021-FA", None),
        ("les 19 et 20 mai", "DATE", "2021-05-19/2021-05-20", None),
        ("Chaque année", "SET", "P1Y", None),
        ("décembre 2020", "DATE", "2020-12", None),
    ],
    "events": [
        {"type": "meeting", "trigger": "session", "date": "2021-03-25", "status": "past", "location": "hôtel du Département, Nantes",
         "participants": [("conseil départemental de Loire-Atlantique", "ORG", "organizer")],
         "quantities": [(42, False, "voix pour", "42 voix pour"), (16, False, "voix contre", "16 contre"),
                        (240000000, False, "EUR", "240 millions d'euros")],
         "evidence": ["Réunis en session plénière jeudi à l'hôtel du Département, à Nantes",
                      "ont adopté le plan « Horizon 2030 » consacré aux mobilités",
                      "Le texte a été voté par 42 voix pour et 16 contre"]},
        {"type": "meeting", "trigger": "concertation", "date": "2021-05-19/2021-05-20", "status": "planned",
         "location": "Saint-Nazaire, Châteaubriant",
         "participants": [("conseil départemental de Loire-Atlantique", "ORG", "organizer")],
         "evidence": ["une concertation avec les intercommunalités prévue les 19 et 20 mai à Saint-Nazaire et à Châteaubriant"]},
        {"type": "launch", "trigger": "débuteront", "date": "2021-FA", "status": "planned", "location": None,
         "participants": [("conseil départemental de Loire-Atlantique", "ORG", "organizer")],
         "evidence": ["les premiers chantiers débuteront à l'automne"]},
        {"type": "meeting", "trigger": "séance", "date": "2020-12", "status": "past", "location": None,
         "participants": [("conseil départemental de Loire-Atlantique", "ORG", "organizer")],
         "evidence": ["Les élus avaient consacré une première séance de travail au dossier en décembre 2020"]},
    ],
    "people": [
        ("Sophie Guérin", ["vice-présidente chargée des mobilités"], "conseil départemental de Loire-Atlantique"),
        ("Étienne Barreau", ["président du Département"], "conseil départemental de Loire-Atlantique"),
        ("Bruno Le Guen", ["président du groupe Union pour la Loire-Atlantique"], "Union pour la Loire-Atlantique"),
    ],
    "quotes": [
        ("Nous faisons", "Sophie Guérin", "déclaré"),
        ("construit avec", "Étienne Barreau", "défendu"),
        ("Horizon 2030 n'est", "Étienne Barreau", "insisté"),
        ("l'absence", "Bruno Le Guen", "regrette"),
    ],
})

ARTICLES.append({
    "id": "b/depeches.jsonl#3", "kind": "jsonl", "file": "depeches.jsonl", "line": 3, "dct": "2021-12-13",
    "entities": {
        "Grand Besançon Handball": "ORG", "GBH": "ORG", "Nationale 1": "MISC", "Entente Épinal Vosges Handball": "ORG",
        "palais des sports Ghani-Yalouz": "LOC", "Hugo Vernier": "PER", "Samir Bouzid": "PER", "Patrice Clerc": "PER",
        "Nîmes": "LOC", "Cherbourg": "ORG", "Massy": "LOC", "Gérard Monnier": "PER",
    },
    "timex": [
        ("samedi soir", "TIME", "2021-12-11TEV", None),
        ("soixante minutes", "DURATION", "PT60M", None),
        ("juillet 2021", "DATE", "2021-07", None),
        ("huit années", "DURATION", "P8Y", None),
        ("la saison précédente", "DATE", "2020/2021", None),
        ("le 8 janvier", "DATE", "2022-01-08", None),
        ("le 15 janvier", "DATE", "2022-01-15", None),
        ("le 21 décembre", "DATE", "2021-12-21", None),
        ("18h30", "TIME", "2021-12-21T18:30", None),
        ("2022", "DATE", "2022", None),
    ],
    "events": [
        {"type": "other", "trigger": "victoire", "date": "2021-12-11", "status": "past", "location": "palais des sports Ghani-Yalouz",
         "participants": [("Grand Besançon Handball", "ORG", "participant"), ("Entente Épinal Vosges Handball", "ORG", "participant")],
         "quantities": [(2300, False, "spectateurs", "2 300 spectateurs")],
         "evidence": ["a signé samedi soir sa sixième victoire consécutive en championnat de Nationale 1 en s'imposant 28-17 face à l'Entente Épinal Vosges Handball"]},
        {"type": "appointment", "trigger": "Arrivé", "date": "2021-07", "status": "past", "location": None,
         "participants": [("Patrice Clerc", "PER", "subject"), ("Grand Besançon Handball", "ORG", "organizer")],
         "evidence": ["Arrivé en juillet 2021 après huit années passées à Nîmes"]},
        {"type": "other", "trigger": "retrouveront", "date": "2022-01-08", "status": "planned", "location": None,
         "participants": [("Grand Besançon Handball", "ORG", "participant"), ("Cherbourg", "ORG", "participant")],
         "quantities": [(3000, True, "personnes", "plus de 3 000 personnes")],
         "evidence": ["Les Bisontins retrouveront la compétition le 8 janvier face à Cherbourg",
                      "pour la réception de Cherbourg"]},
        {"type": "other", "trigger": "déplacement", "date": "2022-01-15", "status": "planned", "location": "Massy",
         "participants": [("Grand Besançon Handball", "ORG", "participant")],
         "evidence": ["avant un déplacement à Massy le 15 janvier"]},
        {"type": "other", "trigger": "entraînement", "date": "2021-12-21", "status": "planned", "location": None,
         "participants": [("Grand Besançon Handball", "ORG", "organizer")],
         "evidence": ["le club organise le 21 décembre à 18h30 un entraînement ouvert au public, suivi d'une séance de dédicaces"]},
        {"type": "other", "trigger": "fêtera", "date": "2022", "status": "planned", "location": None,
         "participants": [("Grand Besançon Handball", "ORG", "subject")],
         "evidence": ["Le GBH fêtera son demi-siècle en 2022"]},
    ],
    "people": [
        ("Hugo Vernier", ["gardien"], "Grand Besançon Handball"),
        ("Samir Bouzid", ["ailier"], "Grand Besançon Handball"),
        ("Patrice Clerc", ["entraîneur"], "Grand Besançon Handball"),
        ("Gérard Monnier", ["président du club"], "Grand Besançon Handball"),
    ],
    "quotes": [
        ("On a été", "Patrice Clerc", "affirme"),
        ("Le public", "Gérard Monnier", "explique"),
        ("plus de 3 000", "Gérard Monnier", "espère"),
    ],
})

ARTICLES.append({
    "id": "b/depeches.jsonl#4", "kind": "jsonl", "file": "depeches.jsonl", "line": 4, "dct": "2021-06-15",
    "entities": {
        "Delcour Industries": "ORG", "Nathalie Ferrand": "PER", "Nathalie": "PER", "Jean-Paul Delcour": "PER",
        "École nationale supérieure d'arts et métiers": "ORG", "ENSAM": "ORG", "Safran": "ORG", "Loiret": "LOC",
        "Eure-et-Loir": "LOC", "Crédit Agricole Centre Loire": "ORG", "Bpifrance": "ORG", "Orléans": "LOC", "Saran": "LOC",
    },
    "timex": [
        ("lundi", "DATE", "2021-06-14", None),
        ("le 1er septembre", "DATE", "2021-09-01", None),
        ("2004", "DATE", "2004", None),
        ("trois ans", "DURATION", "P3Y", None),
        ("2020", "DATE", "2020", None),
        ("fin septembre", "DATE", "2021-09", "END"),
        ("le 7 octobre", "DATE", "2021-10-07", None),
        ("premier trimestre 2022", "DATE", "2022-Q1", None),
    ],
    "events": [
        {"type": "appointment", "trigger": "nommé", "date": "2021-06-14", "status": "past", "location": None,
         "participants": [("Nathalie Ferrand", "PER", "subject"), ("Delcour Industries", "ORG", "organizer")],
         "evidence": ["a nommé lundi Nathalie Ferrand au poste de directrice générale"]},
        {"type": "appointment", "trigger": "succédera", "date": "2021-09-01", "status": "planned", "location": None,
         "participants": [("Nathalie Ferrand", "PER", "subject"), ("Jean-Paul Delcour", "PER", "participant"),
                          ("Delcour Industries", "ORG", "organizer")],
         "evidence": ["Elle succédera le 1er septembre à Jean-Paul Delcour"]},
        {"type": "meeting", "trigger": "présentera", "date": "2021-09", "status": "planned", "location": None,
         "participants": [("Nathalie Ferrand", "PER", "organizer"), ("Delcour Industries", "ORG", "participant")],
         "evidence": ["La nouvelle dirigeante présentera sa feuille de route aux salariés fin septembre"]},
        {"type": "meeting", "trigger": "réunion", "date": "2021-10-07", "status": "planned", "location": "Orléans",
         "participants": [("Nathalie Ferrand", "PER", "organizer"), ("Crédit Agricole Centre Loire", "ORG", "participant"),
                          ("Bpifrance", "ORG", "participant")],
         "evidence": ["dont le Crédit Agricole Centre Loire et Bpifrance, lors d'une réunion prévue à Orléans le 7 octobre"]},
        {"type": "other", "trigger": "accueillir", "date": "2022-Q1", "status": "planned", "location": "Saran",
         "participants": [("Delcour Industries", "ORG", "subject")],
         "quantities": [(2500, False, "tonnes", "2 500 tonnes")],
         "evidence": ["Le site de Saran doit par ailleurs accueillir une presse de 2 500 tonnes au premier trimestre 2022"]},
    ],
    "people": [
        ("Nathalie Ferrand", ["directrice générale de Delcour Industries"], "Delcour Industries"),
        ("Jean-Paul Delcour", ["président du conseil d'administration", "petit-fils du fondateur"], "Delcour Industries"),
    ],
    "quotes": [
        ("Nathalie arrive", "Jean-Paul Delcour", "explique"),
    ],
})

ARTICLES.append({
    "id": "b/depeches.jsonl#5", "kind": "jsonl", "file": "depeches.jsonl", "line": 5, "dct": "2021-09-22",
    "entities": {
        "Institut national de recherche pour l'agriculture, l'alimentation et l'environnement": "ORG", "INRAE": "ORG",
        "Avignon": "LOC", "domaine expérimental de Saint-Paul": "LOC", "Montfavet": "LOC",
        "Agricultural Water Management": "MISC", "Julien Carrère": "PER", "Écologie des vergers méditerranéens": "ORG",
        "EVM": "ORG", "Agrisense Sud": "ORG", "Avignon Université": "ORG", "Région Sud": "ORG",
        "Fonds européen de développement régional": "ORG", "Feder": "ORG", "Marion Delattre": "PER",
        "centre INRAE Provence-Alpes-Côte d'Azur": "ORG", "Vaucluse": "LOC", "Bouches-du-Rhône": "LOC",
    },
    "timex": [
        ("trois ans", "DURATION", "P3Y", None),
        ("le 9 septembre", "DATE", "2021-09-09", None),
        ("une dizaine de jours", "DURATION", "P10D", "APPROX"),
        ("l'été 2021", "DATE", "2021-SU", None),
        ("le 14 octobre", "DATE", "2021-10-14", None),
        ("9h30", "TIME", "2021-10-14T09:30", None),
        ("printemps 2022", "DATE", "2022-SP", None),
    ],
    "events": [
        {"type": "announcement", "trigger": "publiés", "date": "2021-09-09", "status": "past", "location": None,
         "participants": [("INRAE", "ORG", "organizer")],
         "evidence": ["ont été publiés le 9 septembre dans la revue Agricultural Water Management"]},
        {"type": "funding", "trigger": "bénéficié", "date": None, "status": "past", "location": None,
         "participants": [("INRAE", "ORG", "beneficiary"), ("Région Sud", "ORG", "organizer"),
                          ("Fonds européen de développement régional", "ORG", "organizer")],
         "quantities": [(1200000, False, "EUR", "1,2 million d'euros")],
         "evidence": ["Le projet a bénéficié de 1,2 million d'euros de la Région Sud et du Fonds européen de développement régional (Feder)"]},
        {"type": "meeting", "trigger": "démonstration", "date": "2021-10-14", "status": "planned", "location": "Montfavet",
         "participants": [("INRAE", "ORG", "organizer")],
         "quantities": [(100, True, "arboriculteurs", "Une centaine d'arboriculteurs")],
         "evidence": ["Une centaine d'arboriculteurs sont attendus le 14 octobre à 9h30 pour une journée de démonstration à Montfavet"]},
        {"type": "launch", "trigger": "débuter", "date": "2022-SP", "status": "planned", "location": "Vaucluse, Bouches-du-Rhône",
         "participants": [("INRAE", "ORG", "organizer")],
         "quantities": [(20, True, "producteurs", "une vingtaine de producteurs")],
         "evidence": ["Un essai grandeur nature doit débuter au printemps 2022 chez une vingtaine de producteurs du Vaucluse et des Bouches-du-Rhône"]},
    ],
    "people": [
        ("Julien Carrère", ["directeur de recherche"], "Écologie des vergers méditerranéens (EVM), INRAE"),
        ("Marion Delattre", ["présidente du centre INRAE Provence-Alpes-Côte d'Azur"], "INRAE"),
    ],
    "quotes": [
        ("Nous pouvons", "Julien Carrère", "indique"),
        ("ces résultats", "Marion Delattre", "selon"),
    ],
})

ARTICLES.append({
    "id": "b/2022-03-10-ajaccio-salon-du-livre.json", "kind": "json", "file": "2022-03-10-ajaccio-salon-du-livre.json",
    "dct": "2022-03-10",
    "entities": {
        "Salon du livre insulaire": "MISC", "palais des congrès d'Ajaccio": "LOC", "Lire en Corse": "ORG",
        "Collectivité de Corse": "ORG", "Ville d'Ajaccio": "ORG", "Maria Santoni": "PER",
        "Les Veilleurs de Cap Corse": "MISC", "Ajaccio": "LOC", "Paul-Antoine Ceccaldi": "PER", "Corse-du-Sud": "LOC",
        "Livre de l'île": "MISC", "Josepha Luciani": "PER",
    },
    "timex": [
        ("octobre 2021", "DATE", "2021-10", None),
        ("du 8 au 10 avril", "DATE", "2022-04-08/2022-04-10", None),
        ("le vendredi", "DATE", "2022-04-08", None),
        ("10h", "TIME", "2022-04-08T10:00", None),
        ("le samedi 9 avril", "DATE", "2022-04-09", None),
        ("18h", "TIME", "2022-04-09T18:00", None),
        ("cette année", "DATE", "2022", None),
    ],
    "events": [
        {"type": "meeting", "name": "Salon du livre insulaire", "trigger": "se tiendra", "date": "2022-04-08/2022-04-10",
         "status": "planned", "location": "palais des congrès d'Ajaccio",
         "participants": [("Lire en Corse", "ORG", "organizer"), ("Collectivité de Corse", "ORG", "partner"),
                          ("Ville d'Ajaccio", "ORG", "partner"), ("Maria Santoni", "PER", "participant")],
         "quantities": [(60, True, "auteurs", "une soixantaine d'auteurs"),
                        (20, True, "maisons d'édition", "une vingtaine de maisons d'édition"),
                        (1500, True, "élèves", "plus de 1 500 élèves")],
         "evidence": ["Sa douzième édition se tiendra du 8 au 10 avril au palais des congrès d'Ajaccio",
                      "Organisée par l'association Lire en Corse avec le soutien de la Collectivité de Corse et de la Ville d'Ajaccio, elle réunira une soixantaine d'auteurs",
                      "Le salon ouvrira le vendredi à 10h"]},
        {"type": "meeting", "name": "Salon du livre insulaire", "trigger": "édition", "date": "2021-10", "status": "past",
         "location": None, "participants": [("Lire en Corse", "ORG", "organizer")],
         "evidence": ["Après une édition réduite en octobre 2021"]},
        {"type": "award", "name": "Livre de l'île", "trigger": "remis", "date": "2022-04-09", "status": "planned",
         "location": "palais des congrès d'Ajaccio",
         "participants": [("Josepha Luciani", "PER", "participant"), ("Lire en Corse", "ORG", "organizer")],
         "quantities": [(3000, False, "EUR", "3 000 euros")],
         "evidence": ["Le prix Livre de l'île, doté de 3 000 euros, sera remis le samedi 9 avril à 18h"]},
        {"type": "funding", "trigger": "subvention", "date": "2022", "status": "past", "location": None,
         "participants": [("Collectivité de Corse", "ORG", "organizer"), ("Lire en Corse", "ORG", "beneficiary")],
         "quantities": [(45000, False, "EUR", "45 000 euros")],
         "evidence": ["La Collectivité de Corse a reconduit cette année sa subvention de 45 000 euros"]},
    ],
    "people": [
        ("Maria Santoni", ["romancière"], None),
        ("Paul-Antoine Ceccaldi", ["président de Lire en Corse"], "Lire en Corse"),
        ("Josepha Luciani", ["conseillère exécutive chargée de la culture"], "Collectivité de Corse"),
    ],
    "quotes": [
        ("Ajaccio a toujours", "Paul-Antoine Ceccaldi", "souligne"),
    ],
})

ARTICLES.append({
    "id": "b/2020-10-05-le-havre-usine-hydrogene.txt", "kind": "txt", "file": "2020-10-05-le-havre-usine-hydrogene.txt",
    "title_line": 2, "body_from": 5, "tags": 5, "dct": "2020-10-05",
    "entities": {
        "Séquana Chimie": "ORG", "Havre": "LOC", "Agence de l'environnement et de la maîtrise de l'énergie": "ORG",
        "Ademe": "ORG", "Région Normandie": "ORG", "préfecture de la Seine-Maritime": "ORG", "Alain Dutertre": "PER",
        "estuaire de la Seine": "LOC", "Isabelle Marchal": "PER", "Le Havre Seine Métropole": "ORG",
        "Olivier Lecanu": "PER", "France Relance": "MISC",
    },
    "timex": [
        ("ce lundi", "DATE", "2020-10-05", None),
        ("novembre 2019", "DATE", "2019-11", None),
        ("le 17 mars", "DATE", "2020-03-17", None),
        ("sept semaines", "DURATION", "P7W", None),
        ("aujourd'hui", "DATE", "PRESENT_REF", None),
        ("fin 2021", "DATE", "2021", "END"),
        ("janvier", "DATE", "2021-01", None),
        ("par an", "SET", "P1Y", None),
        ("trois ans", "DURATION", "P3Y", None),
        ("premier semestre 2021", "DATE", "2021-H1", None),
    ],
    "events": [
        {"type": "inauguration", "trigger": "inauguré", "date": "2020-10-05", "status": "past", "location": "Le Havre",
         "participants": [("Séquana Chimie", "ORG", "organizer"), ("Alain Dutertre", "PER", "participant"),
                          ("préfecture de la Seine-Maritime", "ORG", "participant"), ("Isabelle Marchal", "PER", "participant")],
         "quantities": [(38000000, False, "EUR", "38 millions d'euros"), (100, True, "invités", "une centaine d'invités")],
         "evidence": ["a inauguré ce lundi sa nouvelle unité de production d'hydrogène bas carbone sur la zone industrialo-portuaire du Havre",
                      "La cérémonie s'est déroulée en présence du secrétaire général de la préfecture de la Seine-Maritime, Alain Dutertre, et d'une centaine d'invités"]},
        {"type": "funding", "trigger": "apportés", "date": None, "status": "past", "location": None,
         "participants": [("Séquana Chimie", "ORG", "beneficiary"),
                          ("Agence de l'environnement et de la maîtrise de l'énergie", "ORG", "organizer"),
                          ("Région Normandie", "ORG", "organizer")],
         "quantities": [(6000000, False, "EUR", "6 millions"), (4000000, False, "EUR", "4 millions")],
         "evidence": ["dont 6 millions apportés par l'Agence de l'environnement et de la maîtrise de l'énergie (Ademe) et 4 millions par la Région Normandie"]},
        {"type": "launch", "trigger": "Lancé", "date": "2019-11", "status": "past", "location": "Le Havre",
         "participants": [("Séquana Chimie", "ORG", "organizer")],
         "evidence": ["Lancé en novembre 2019, le chantier"]},
        {"type": "other", "trigger": "interrompu", "date": "2020-03-17", "status": "past", "location": None,
         "participants": [("Séquana Chimie", "ORG", "subject")],
         "evidence": ["le chantier avait été interrompu le 17 mars par le premier confinement, pendant sept semaines"]},
        {"type": "launch", "trigger": "alimentera", "date": "2021-01", "status": "planned", "location": None,
         "participants": [("Séquana Chimie", "ORG", "organizer"), ("Le Havre Seine Métropole", "ORG", "partner")],
         "quantities": [(12, False, "bus", "12 bus")],
         "evidence": ["L'hydrogène produit alimentera dès janvier une flotte de 12 bus de la communauté urbaine Le Havre Seine Métropole"]},
        {"type": "funding", "trigger": "financée", "date": "2021-H1", "status": "planned", "location": None,
         "participants": [("Séquana Chimie", "ORG", "beneficiary")],
         "quantities": [(25000000, False, "EUR", "25 millions d'euros")],
         "evidence": ["Une deuxième tranche, estimée à 25 millions d'euros, pourrait être financée dans le cadre de France Relance",
                      "La décision est attendue au premier semestre 2021"]},
    ],
    "people": [
        ("Alain Dutertre", ["secrétaire général de la préfecture de la Seine-Maritime"], "préfecture de la Seine-Maritime"),
        ("Isabelle Marchal", ["PDG de Séquana Chimie"], "Séquana Chimie"),
        ("Olivier Lecanu", ["directeur du site"], "Séquana Chimie"),
    ],
    "quotes": [
        ("Ce site", "Isabelle Marchal", "déclaré"),
        ("Nous visons", "Olivier Lecanu", "précise"),
    ],
})

ARTICLES.append({
    "id": "b/2023-06-12-nantes-chu-essai-crohn.txt", "kind": "txt", "file": "2023-06-12-nantes-chu-essai-crohn.txt",
    "title_line": 2, "body_from": 5, "tags": 6, "dct": "2023-06-12",
    "entities": {
        "CHU de Nantes": "ORG", "CHU": "ORG", "Institut national de la santé et de la recherche médicale": "ORG",
        "Inserm": "ORG", "CELLCROHN": "MISC",
        "Agence nationale de sécurité du médicament et des produits de santé": "ORG", "ANSM": "ORG",
        "Programme hospitalier de recherche clinique": "MISC", "PHRC": "MISC", "ministère de la Santé": "ORG",
        "Nantes": "LOC", "Rennes": "LOC", "Angers": "LOC", "Brest": "LOC", "Tours": "LOC", "Lille": "LOC",
        "Hélène Kerbrat": "PER", "Unité de thérapie cellulaire et génique": "ORG", "hôpital Saint-Jacques": "LOC",
        "Centre de recherche en transplantation et immunologie": "ORG", "CR2TI": "ORG", "Nantes Université": "ORG",
        "Thomas Guillou": "PER", "Pays de la Loire": "LOC",
        "Groupe d'étude thérapeutique des affections inflammatoires du tube digestif": "ORG", "Getaid": "ORG",
        "France": "LOC", "Belgique": "LOC", "Bertrand Mahé": "PER", "Cellipse Therapeutics": "ORG",
        "Marc Le Roux": "PER", "association François Aupetit": "ORG", "AFA": "ORG", "hôtel-Dieu": "LOC",
        "United European Gastroenterology": "ORG", "UEG": "ORG", "Vienne": "LOC", "Fondation CHU de Nantes": "ORG",
    },
    "timex": [
        ("octobre 2021", "DATE", "2021-10", None),
        ("le 12 juillet 2021", "DATE", "2021-07-12", None),
        ("Le 3 février", "DATE", "2022-02-03", None),
        ("près de dix ans", "DURATION", "P10Y", "APPROX"),
        ("environ trois semaines", "DURATION", "P3W", "APPROX"),
        ("six mois", "DURATION", "P6M", None),
        ("toutes les deux semaines", "SET", "P2W", None),
        ("2018", "DATE", "2018", None),
        ("l'an dernier", "DATE", "2021", None),
        ("1982", "DATE", "1982", None),
        ("il y a cinq ans", "DATE", "2017", None),
        ("le 7 février", "DATE", "2022-02-07", None),
        ("l'automne 2022", "DATE", "2022-FA", None),
        ("2024", "DATE", "2024", None),
        ("janvier", "DATE", "2022-01", None),
        ("du lundi au vendredi", "SET", "XXXX-WXX-1/XXXX-WXX-5", None),
        ("de 9h à 17h", "TIME", "T09:00/T17:00", None),
    ],
    "events": [
        {"type": "launch", "name": "CELLCROHN", "trigger": "lancé", "date": "2021-10", "status": "past", "location": "Nantes",
         "participants": [("CHU de Nantes", "ORG", "organizer"),
                          ("Institut national de la santé et de la recherche médicale", "ORG", "partner")],
         "quantities": [(120, False, "patients", "120 patients"), (6, False, "centres hospitaliers", "six centres hospitaliers")],
         "evidence": ["En octobre 2021, le CHU de Nantes a lancé, avec l'Institut national de la santé et de la recherche médicale (Inserm), un essai clinique",
                      "Elle doit inclure 120 patients dans six centres hospitaliers"]},
        {"type": "other", "name": "CELLCROHN", "trigger": "autorisation", "date": "2021-07-12", "status": "past", "location": None,
         "participants": [("Agence nationale de sécurité du médicament et des produits de santé", "ORG", "organizer"),
                          ("CHU de Nantes", "ORG", "beneficiary")],
         "evidence": ["l'essai avait reçu le 12 juillet 2021 l'autorisation de l'Agence nationale de sécurité du médicament et des produits de santé (ANSM)"]},
        {"type": "funding", "name": "CELLCROHN", "trigger": "financée", "date": None, "status": "past", "location": None,
         "participants": [("ministère de la Santé", "ORG", "organizer"), ("CHU de Nantes", "ORG", "beneficiary")],
         "quantities": [(3400000, False, "EUR", "3,4 millions d'euros")],
         "evidence": ["financée à hauteur de 3,4 millions d'euros par le Programme hospitalier de recherche clinique (PHRC) du ministère de la Santé"]},
        {"type": "other", "name": "CELLCROHN", "trigger": "inclus", "date": "2022-02-03", "status": "past", "location": None,
         "participants": [("CHU de Nantes", "ORG", "organizer")],
         "quantities": [(40, False, "premiers patients", "40 premiers patients")],
         "evidence": ["Le 3 février, les 40 premiers patients ont été inclus"]},
        {"type": "other", "trigger": "conduite", "date": "2018", "status": "past", "location": "Nantes",
         "participants": [("CHU de Nantes", "ORG", "organizer")],
         "quantities": [(12, False, "patients", "12 patients")],
         "evidence": ["Une étude de phase 1, conduite en 2018 auprès de 12 patients"]},
        {"type": "funding", "trigger": "levé", "date": "2021", "status": "past", "location": None,
         "participants": [("Cellipse Therapeutics", "ORG", "beneficiary")],
         "quantities": [(18000000, False, "EUR", "18 millions d'euros")],
         "evidence": ["Cellipse Therapeutics, qui a levé 18 millions d'euros l'an dernier"]},
        {"type": "conference", "trigger": "conférence", "date": "2022-02-07", "status": "past", "location": "hôtel-Dieu",
         "participants": [("CHU de Nantes", "ORG", "organizer"), ("Bertrand Mahé", "PER", "participant")],
         "evidence": ["a-t-il rappelé lors d'une conférence de presse organisée le 7 février à l'hôtel-Dieu"]},
        {"type": "conference", "trigger": "congrès", "date": "2022-FA", "status": "planned", "location": "Vienne",
         "participants": [("United European Gastroenterology", "ORG", "organizer"), ("CHU de Nantes", "ORG", "participant")],
         "evidence": ["Les résultats intermédiaires sont attendus à l'automne 2022 et seront présentés au congrès de la United European Gastroenterology (UEG), à Vienne"]},
        {"type": "launch", "trigger": "démarrer", "date": "2024", "status": "planned", "location": None,
         "participants": [("CHU de Nantes", "ORG", "organizer"), ("Fondation CHU de Nantes", "ORG", "partner")],
         "evidence": ["un essai de phase 3 à l'échelle européenne pourrait démarrer en 2024, avec le soutien de la Fondation CHU de Nantes"]},
        {"type": "launch", "trigger": "lancé", "date": "2022-01", "status": "past", "location": None,
         "participants": [("Fondation CHU de Nantes", "ORG", "organizer")],
         "evidence": ["qui a lancé en janvier un appel aux dons"]},
    ],
    "people": [
        ("Hélène Kerbrat", ["professeure", "gastro-entérologue au CHU de Nantes", "coordinatrice de l'étude"], "CHU de Nantes"),
        ("Thomas Guillou", ["professeur"], None),
        ("Bertrand Mahé", ["directeur général du CHU de Nantes"], "CHU de Nantes"),
        ("Marc Le Roux", ["président de l'association François Aupetit (AFA)"], "association François Aupetit"),
    ],
    "quotes": [
        ("C'est une étape", "Hélène Kerbrat", "explique"),
        ("L'idée est", "Hélène Kerbrat", "poursuit"),
        ("Nous avions alors", "Hélène Kerbrat", "rappelle"),
        ("Si nous voulons", "Bertrand Mahé", "reconnaît"),
        ("Beaucoup de malades", "Marc Le Roux", "souligne"),
        ("Nous avons investi", "Bertrand Mahé", "rappelé"),
    ],
})

ARTICLES.append({
    "id": "b/tours-marathon-touraine-loire-valley.txt", "kind": "txt", "file": "tours-marathon-touraine-loire-valley.txt",
    "title_line": 0, "body_from": 2, "tags": 0, "dct": None,
    "entities": {
        "Marathon Touraine Loire Valley": "MISC", "pont Wilson": "LOC", "Tours": "LOC", "Orléans": "LOC",
        "Kevin Mabika": "PER", "Yoann Perrot": "PER", "Tours Athlétic Club": "ORG", "TAC": "ORG",
        "Rachid Alaoui": "PER", "Émilie Chauvin": "PER", "AS Joué-lès-Tours": "ORG", "Loire": "LOC",
        "Montlouis": "LOC", "place Anatole-France": "LOC", "Touraine Endurance": "ORG",
        "Tours Métropole Val de Loire": "ORG", "Fédération française d'athlétisme": "ORG", "FFA": "ORG",
        "Françoise Besnard": "PER",
    },
    "timex": [
        ("le dimanche 26 septembre 2021", "DATE", "2021-09-26", None),
        ("8h45", "TIME", "2021-09-26T08:45", None),
        ("2 h 18 min 42 s", "DURATION", "PT2H18M42S", None),
        ("2 h 41 min", "DURATION", "PT2H41M", None),
        ("chaque année", "SET", "P1Y", None),
        ("Il y a deux ans", "DATE", "2019", None),
        ("trois semaines", "DURATION", "P3W", None),
        ("aujourd'hui", "DATE", "2021-09-26", None),
        ("2022", "DATE", "2022", None, 0),
        ("les 24 et 25 septembre 2022", "DATE", "2022-09-24/2022-09-25", None),
        ("le 1er décembre", "DATE", "2021-12-01", None),
    ],
    "events": [
        {"type": "other", "name": "Marathon Touraine Loire Valley", "trigger": "courue", "date": "2021-09-26", "status": "past",
         "location": "Tours",
         "participants": [("Touraine Endurance", "ORG", "organizer"), ("Tours Métropole Val de Loire", "ORG", "partner"),
                          ("Fédération française d'athlétisme", "ORG", "partner"), ("Kevin Mabika", "PER", "participant"),
                          ("Yoann Perrot", "PER", "participant"), ("Rachid Alaoui", "PER", "participant"),
                          ("Émilie Chauvin", "PER", "participant")],
         "quantities": [(800, True, "coureurs", "plus de 800 coureurs"), (2400, True, "coureurs", "près de 2 400"),
                        (600, True, "bénévoles", "environ 600 bénévoles")],
         "evidence": ["Ils étaient plus de 800 coureurs au départ du marathon et près de 2 400 sur le semi-marathon : la huitième édition du Marathon Touraine Loire Valley, courue le dimanche 26 septembre 2021",
                      "Parti à 8h45 du pont Wilson, à Tours",
                      "L'épreuve, organisée par l'association Touraine Endurance avec Tours Métropole Val de Loire et le soutien de la Fédération française d'athlétisme (FFA)"]},
        {"type": "other", "name": "Marathon Touraine Loire Valley", "trigger": "annuler", "date": "2019", "status": "past",
         "location": None, "participants": [("Touraine Endurance", "ORG", "organizer")],
         "evidence": ["Il y a deux ans, nous avions dû tout annuler à trois semaines du départ"]},
        {"type": "other", "name": "Marathon Touraine Loire Valley", "trigger": "prévue", "date": "2022-09-24/2022-09-25",
         "status": "planned", "location": None, "participants": [("Touraine Endurance", "ORG", "organizer")],
         "evidence": ["l'édition 2022, prévue les 24 et 25 septembre 2022"]},
        {"type": "launch", "trigger": "ouvriront", "date": "2021-12-01", "status": "planned", "location": None,
         "participants": [("Touraine Endurance", "ORG", "organizer")],
         "quantities": [(55, False, "EUR", "55 euros")],
         "evidence": ["Les inscriptions pour l'édition 2022, prévue les 24 et 25 septembre 2022, ouvriront le 1er décembre",
                      "Le dossard du marathon coûtera 55 euros"]},
    ],
    "people": [
        ("Kevin Mabika", ["vainqueur"], None),
        ("Yoann Perrot", [], "Tours Athlétic Club"),
        ("Rachid Alaoui", [], None),
        ("Émilie Chauvin", ["licenciée à l'AS Joué-lès-Tours"], "AS Joué-lès-Tours"),
        ("Françoise Besnard", ["présidente de Touraine Endurance"], "Touraine Endurance"),
    ],
    "quotes": [
        ("Le parcours", "Kevin Mabika", "confié"),
        ("Il y a deux ans", "Françoise Besnard", "réjouit"),
    ],
})

ARTICLES.append({
    "id": "b/2023-04-14-evry-visite-ministerielle-genopole.txt", "kind": "txt",
    "file": "2023-04-14-evry-visite-ministerielle-genopole.txt", "title_line": 0, "body_from": 2, "tags": 0,
    "dct": "2023-04-14",
    "entities": {
        "Évry-Courcouronnes": "LOC", "Martine Lavergne": "PER", "Genopole": "ORG", "Essonne": "LOC",
        "France 2030": "MISC", "Jean-Marc Delorme": "PER", "Cellvie Biotech": "ORG", "France": "LOC",
        "Sarah Benhamou": "PER", "Bpifrance": "ORG", "Chambre de commerce et d'industrie de l'Essonne": "ORG",
        "CCI Essonne": "ORG", "État": "ORG", "Région Île-de-France": "ORG", "préfecture de l'Essonne": "ORG",
    },
    "timex": [
        ("le 14 avril 2023", "DATE", "2023-04-14", None),
        ("ce vendredi", "DATE", "2023-04-14", None),
        ("10h30", "TIME", "2023-04-14T10:30", None),
        ("2016", "DATE", "2016", None),
        ("2025", "DATE", "2025", None),
        ("dix-huit mois", "DURATION", "P18M", None),
        ("le 6 juin prochain", "DATE", "2023-06-06", None),
    ],
    "events": [
        {"type": "visit", "trigger": "rendue", "date": "2023-04-14", "status": "past", "location": "Genopole, Évry-Courcouronnes",
         "participants": [("Martine Lavergne", "PER", "participant"), ("Jean-Marc Delorme", "PER", "participant"),
                          ("Genopole", "ORG", "subject"), ("Cellvie Biotech", "ORG", "subject")],
         "evidence": ["s'est rendue ce vendredi sur le biocluster Genopole, à Évry-Courcouronnes",
                      "la ministre a visité à 10h30 les laboratoires de la société Cellvie Biotech"]},
        {"type": "funding", "trigger": "soutien", "date": "2023-04-14", "status": "past", "location": "Essonne",
         "participants": [("Martine Lavergne", "PER", "organizer"), ("Cellvie Biotech", "ORG", "beneficiary")],
         "quantities": [(15000000, False, "EUR", "15 millions d'euros")],
         "evidence": ["pour annoncer un soutien de 15 millions d'euros à la bioproduction de médicaments en Essonne, dans le cadre du plan France 2030"]},
        {"type": "meeting", "trigger": "table", "date": "2023-04-14", "status": "past", "location": "Genopole",
         "participants": [("Martine Lavergne", "PER", "participant"), ("Bpifrance", "ORG", "participant"),
                          ("Chambre de commerce et d'industrie de l'Essonne", "ORG", "participant")],
         "quantities": [(20, True, "dirigeants de start-up", "une vingtaine de dirigeants de start-up")],
         "evidence": ["La ministre a ensuite participé à une table ronde avec une vingtaine de dirigeants de start-up du biocluster"]},
        {"type": "meeting", "trigger": "comité", "date": "2023-06-06", "status": "planned", "location": None,
         "participants": [("État", "ORG", "participant"), ("Région Île-de-France", "ORG", "participant"),
                          ("Genopole", "ORG", "participant")],
         "evidence": ["Un comité de pilotage réunissant l'État, la Région Île-de-France et Genopole se tiendra le 6 juin prochain"]},
        {"type": "launch", "trigger": "Fondée", "date": "2016", "status": "past", "location": None,
         "participants": [("Cellvie Biotech", "ORG", "subject")],
         "evidence": ["Fondée en 2016, l'entreprise emploie 110 personnes"]},
    ],
    "people": [
        ("Martine Lavergne", ["ministre déléguée chargée de l'Industrie"], None),
        ("Jean-Marc Delorme", ["préfet de l'Essonne"], "préfecture de l'Essonne"),
        ("Sarah Benhamou", ["présidente de Cellvie Biotech"], "Cellvie Biotech"),
    ],
    "quotes": [
        ("La France doit", "Martine Lavergne", "déclaré"),
        ("de construire", "Sarah Benhamou", "selon"),
    ],
})

ARTICLES.append({
    "id": "b/2022-06-02-dijon-saison-atelier-du-parc-cp1252.txt", "kind": "txt", "encoding": "cp1252",
    "file": "2022-06-02-dijon-saison-atelier-du-parc-cp1252.txt", "title_line": 0, "body_from": 3, "tags": 0,
    "dct": "2022-06-02",
    "entities": {
        "Atelier du Parc": "ORG", "Camille Royer": "PER", "Le Cœur des forêts": "MISC", "Les Hautes Herbes": "ORG",
        "Premières Scènes": "MISC", "Bourgogne-Franche-Comté": "LOC", "Antoine Vasseur": "PER", "Gustave Eiffel": "PER",
        "Dijon": "LOC", "Dijon Métropole": "ORG", "Direction régionale des affaires culturelles": "ORG", "DRAC": "ORG",
        "conseil départemental de la Côte-d’Or": "ORG",
    },
    "timex": [
        ("mardi soir", "TIME", "2022-05-31TEV", None),
        ("la saison 2022-2023", "DATE", "2022/2023", None),
        ("il y a deux ans", "DATE", "2020", None),
        ("le 23 septembre", "DATE", "2022-09-23", None),
        ("20h30", "TIME", "2022-09-23T20:30", None),
        ("l’hiver", "DATE", "2022-WI", None),
        ("janvier", "DATE", "2023-01", None),
        ("Le 14 mars", "DATE", "2023-03-14", None),
        ("1832", "DATE", "1832", None),
        ("le 20 juin", "DATE", "2022-06-20", None),
        ("13h", "TIME", "2022-06-20T13:00", None),
    ],
    "events": [
        {"type": "announcement", "trigger": "présenté", "date": "2022-05-31", "status": "past", "location": "Dijon",
         "participants": [("Atelier du Parc", "ORG", "organizer")],
         "quantities": [(34, False, "spectacles", "34 spectacles"), (11, False, "créations", "onze créations")],
         "evidence": ["La scène conventionnée l’Atelier du Parc a présenté mardi soir sa programmation pour la saison 2022-2023"]},
        {"type": "appointment", "trigger": "arrivée", "date": "2020", "status": "past", "location": None,
         "participants": [("Camille Royer", "PER", "subject"), ("Atelier du Parc", "ORG", "organizer")],
         "evidence": ["Camille Royer, arrivée à la tête du lieu il y a deux ans"]},
        {"type": "launch", "trigger": "ouverture", "date": "2022-09-23", "status": "planned", "location": None,
         "participants": [("Atelier du Parc", "ORG", "organizer"), ("Les Hautes Herbes", "ORG", "participant")],
         "evidence": ["L’ouverture de saison aura lieu le 23 septembre à 20h30 avec « Le Cœur des forêts »"]},
        {"type": "other", "name": "Premières Scènes", "trigger": "festival", "date": "2023-01", "status": "planned", "location": None,
         "participants": [("Atelier du Parc", "ORG", "organizer")],
         "quantities": [(10, True, "jeunes compagnies", "une dizaine de jeunes compagnies")],
         "evidence": ["le festival Premières Scènes réunira en janvier une dizaine de jeunes compagnies de Bourgogne-Franche-Comté"]},
        {"type": "other", "trigger": "reprendra", "date": "2023-03-14", "status": "planned", "location": None,
         "participants": [("Antoine Vasseur", "PER", "participant")],
         "evidence": ["Le 14 mars, le comédien Antoine Vasseur reprendra son seul-en-scène sur Gustave Eiffel"]},
        {"type": "funding", "trigger": "financé", "date": None, "status": "ongoing", "location": None,
         "participants": [("Atelier du Parc", "ORG", "beneficiary"), ("Dijon Métropole", "ORG", "organizer"),
                          ("Direction régionale des affaires culturelles", "ORG", "organizer"),
                          ("conseil départemental de la Côte-d’Or", "ORG", "organizer")],
         "quantities": [(1100000, False, "EUR", "1,1 million d’euros")],
         "evidence": ["Le budget artistique atteint 1,1 million d’euros, financé notamment par Dijon Métropole"]},
        {"type": "launch", "trigger": "ouvrira", "date": "2022-06-20", "status": "planned", "location": None,
         "participants": [("Atelier du Parc", "ORG", "organizer")],
         "quantities": [(45, False, "EUR", "45 €"), (20, False, "EUR", "20 €")],
         "evidence": ["La billetterie ouvrira le 20 juin à 13h"]},
    ],
    "people": [
        ("Camille Royer", ["directrice de l’Atelier du Parc"], "Atelier du Parc"),
        ("Antoine Vasseur", ["comédien"], None),
        ("Gustave Eiffel", [], None),
    ],
    "quotes": [
        ("Nous voulons que", "Camille Royer", "affirme"),
        ("Les collectivités", "Camille Royer", "souligne"),
    ],
})

ARTICLES.append({
    "id": "b/2024-02-08-saint-raphael-pole-echanges-latin1.txt", "kind": "txt", "encoding": "latin-1",
    "file": "2024-02-08-saint-raphael-pole-echanges-latin1.txt", "title_line": 0, "body_from": 3, "tags": 0,
    "dct": "2024-02-08",
    "entities": {
        "Communauté d'agglomération Var Estérel Méditerranée": "ORG", "CAVEM": "ORG",
        "gare de Saint-Raphaël-Valescure": "LOC", "Laurent Fabre": "PER", "État": "ORG",
        "Région Provence-Alpes-Côte d'Azur": "ORG", "SNCF Gares & Connexions": "ORG",
        "Palais des congrès de Saint-Raphaël": "LOC", "rue Waldeck-Rousseau": "LOC", "Odile Marchetti": "PER",
        "Henri Cassagne": "PER",
    },
    "timex": [
        ("mardi soir", "TIME", "2024-02-06TEV", None),
        ("décembre 2023", "DATE", "2023-12", None),
        ("le 4 mars", "DATE", "2024-03-04", None),
        ("dix-huit mois", "DURATION", "P18M", None),
        ("Aujourd'hui", "DATE", "PRESENT_REF", None),
        ("le 20 février", "DATE", "2024-02-20", None),
        ("18h30", "TIME", "2024-02-20T18:30", None),
        ("un an et demi", "DURATION", "P18M", None),
        ("fin février", "DATE", "2024-02", "END"),
    ],
    "events": [
        {"type": "meeting", "trigger": "adopté", "date": "2024-02-06", "status": "past", "location": None,
         "participants": [("Communauté d'agglomération Var Estérel Méditerranée", "ORG", "organizer")],
         "quantities": [(27000000, False, "EUR", "27 millions d'euros")],
         "evidence": ["Le conseil communautaire de la Communauté d'agglomération Var Estérel Méditerranée (CAVEM) a adopté mardi soir, à l'unanimité, le plan de financement du futur pôle d'échanges multimodal",
                      "Le projet, estimé à 27 millions d'euros"]},
        {"type": "other", "trigger": "validé", "date": "2023-12", "status": "past", "location": None,
         "participants": [("Communauté d'agglomération Var Estérel Méditerranée", "ORG", "organizer")],
         "evidence": ["avait été validé dans son principe en décembre 2023"]},
        {"type": "launch", "trigger": "débuteront", "date": "2024-03-04", "status": "planned", "location": "gare de Saint-Raphaël-Valescure",
         "participants": [("Communauté d'agglomération Var Estérel Méditerranée", "ORG", "organizer")],
         "quantities": [(14, False, "quais", "quatorze quais"), (450, False, "places", "450 places"), (300, False, "vélos", "300 vélos")],
         "evidence": ["Les travaux débuteront le 4 mars et dureront dix-huit mois"]},
        {"type": "funding", "trigger": "apporte", "date": None, "status": "ongoing", "location": None,
         "participants": [("État", "ORG", "organizer"), ("Région Provence-Alpes-Côte d'Azur", "ORG", "organizer"),
                          ("SNCF Gares & Connexions", "ORG", "organizer"),
                          ("Communauté d'agglomération Var Estérel Méditerranée", "ORG", "beneficiary")],
         "quantities": [(6500000, False, "EUR", "6,5 millions d'euros"), (8000000, False, "EUR", "8 millions"),
                        (4000000, False, "EUR", "4 millions")],
         "evidence": ["L'État apporte 6,5 millions d'euros, la Région Provence-Alpes-Côte d'Azur 8 millions et SNCF Gares & Connexions 4 millions"]},
        {"type": "meeting", "trigger": "réunion", "date": "2024-02-20", "status": "planned", "location": "Palais des congrès de Saint-Raphaël",
         "participants": [("Communauté d'agglomération Var Estérel Méditerranée", "ORG", "organizer")],
         "evidence": ["Une réunion publique d'information est programmée le 20 février à 18h30 au Palais des congrès de Saint-Raphaël"]},
        {"type": "meeting", "trigger": "recevoir", "date": "2024-02", "status": "planned", "location": None,
         "participants": [("Henri Cassagne", "PER", "organizer")],
         "evidence": ["Henri Cassagne, s'est engagé à les recevoir d'ici fin février"]},
    ],
    "people": [
        ("Laurent Fabre", ["vice-président de la CAVEM délégué aux transports"], "Communauté d'agglomération Var Estérel Méditerranée"),
        ("Odile Marchetti", ["présidente du comité de quartier"], None),
        ("Henri Cassagne", ["président de l'agglomération"], "Communauté d'agglomération Var Estérel Méditerranée"),
    ],
    "quotes": [
        ("Aujourd'hui, 60 %", "Laurent Fabre", "explique"),
        ("On nous promet", "Odile Marchetti", "regrette"),
    ],
})

ARTICLES.append({
    "id": "b/2023-01-17-angers-rachat-maison-pean.html", "kind": "html", "file": "2023-01-17-angers-rachat-maison-pean.html",
    "para_re": r"\n      <p>(.*?)</p>", "dct": "2023-01-17",
    "entities": {
        "Brémond Agroalimentaire": "ORG", "Maison Péan": "ORG", "Avrillé": "LOC", "Angers": "LOC",
        "Philippe Péan": "PER", "Ouest": "LOC", "Brémond": "ORG", "La Roche-sur-Yon": "LOC", "Valérie Brémond": "PER",
        "Autorité de la concurrence": "ORG", "Karine Lemaître": "PER", "CFDT": "ORG", "Angers Loire Métropole": "ORG",
        "Jean-Luc Rivière": "PER",
    },
    "timex": [
        ("lundi", "DATE", "2023-01-16", None),
        ("1924", "DATE", "1924", None),
        ("2022", "DATE", "2022", None, 0),
        ("l'automne 2021", "DATE", "2021-FA", None),
        ("septembre 2022", "DATE", "2022-09", None),
        ("trois ans", "DURATION", "P3Y", None),
        ("fin mars", "DATE", "2023-03", "END"),
        ("le 2 février", "DATE", "2023-02-02", None),
        ("il y a dix ans", "DATE", "2013", None),
    ],
    "events": [
        {"type": "acquisition", "trigger": "rachat", "date": "2023-01-16", "status": "past", "location": "Avrillé",
         "participants": [("Brémond Agroalimentaire", "ORG", "organizer"), ("Maison Péan", "ORG", "subject")],
         "quantities": [(85, False, "salariés", "85 salariés")],
         "evidence": ["Le groupe vendéen Brémond Agroalimentaire a annoncé lundi le rachat de la biscuiterie angevine Maison Péan",
                      "Maison Péan, qui emploie 85 salariés dans son usine d'Avrillé"]},
        {"type": "acquisition", "trigger": "acquisition", "date": "2022-09", "status": "past", "location": None,
         "participants": [("Brémond Agroalimentaire", "ORG", "organizer")],
         "evidence": ["s'était déjà renforcé en septembre 2022 avec l'acquisition d'une conserverie bretonne"]},
        {"type": "funding", "trigger": "investir", "date": None, "status": "planned", "location": "Avrillé",
         "participants": [("Brémond Agroalimentaire", "ORG", "organizer"), ("Maison Péan", "ORG", "beneficiary")],
         "quantities": [(5000000, False, "EUR", "5 millions d'euros")],
         "evidence": ["Nous allons investir 5 millions d'euros sur trois ans à Avrillé"]},
        {"type": "other", "trigger": "feu vert", "date": "2023-03", "status": "planned", "location": None,
         "participants": [("Autorité de la concurrence", "ORG", "organizer"), ("Brémond Agroalimentaire", "ORG", "subject")],
         "evidence": ["L'opération doit encore recevoir le feu vert de l'Autorité de la concurrence, attendu d'ici fin mars"]},
        {"type": "meeting", "trigger": "comité", "date": "2023-02-02", "status": "planned", "location": None,
         "participants": [("Maison Péan", "ORG", "organizer")],
         "evidence": ["Les représentants du personnel seront consultés le 2 février lors d'un comité social et économique (CSE) extraordinaire"]},
        {"type": "other", "trigger": "extension", "date": "2013", "status": "past", "location": "Avrillé",
         "participants": [("Angers Loire Métropole", "ORG", "partner"), ("Maison Péan", "ORG", "beneficiary")],
         "evidence": ["l'agglomération avait accompagné l'extension de l'usine il y a dix ans"]},
    ],
    "people": [
        ("Philippe Péan", ["dirigeant de Maison Péan", "arrière-petit-fils du fondateur"], "Maison Péan"),
        ("Valérie Brémond", ["présidente du directoire de Brémond Agroalimentaire"], "Brémond Agroalimentaire"),
        ("Karine Lemaître", ["déléguée syndicale CFDT"], "CFDT"),
        ("Jean-Luc Rivière", ["président d'Angers Loire Métropole"], "Angers Loire Métropole"),
    ],
    "quotes": [
        ("Je voulais", "Philippe Péan", "affirme"),
        ("Nous allons investir", "Valérie Brémond", "indique"),
        ("avec soulagement", "Karine Lemaître", "selon"),
        ("une excellente", "Jean-Luc Rivière", "salué"),
    ],
})

ARTICLES.append({
    "id": "b/2019-11-22-grenoble-trophee-innovation-lumeo.htm", "kind": "htm", "encoding": "cp1252",
    "file": "2019-11-22-grenoble-trophee-innovation-lumeo.htm", "para_re": r'<td class="texte"><p>(.*?)</p>',
    "dct": "2019-11-22",
    "entities": {
        "Lumeo": "ORG", "Trophée de l’innovation": "MISC", "Chambre de commerce et d’industrie de Grenoble": "ORG",
        "CCI Grenoble": "ORG", "World Trade Center de Grenoble": "LOC", "université Grenoble Alpes": "ORG",
        "Lucie Montagne": "PER", "Baptiste Revol": "PER", "CEA-Leti": "ORG",
        "Commissariat à l’énergie atomique et aux énergies alternatives": "ORG", "CEA": "ORG", "Michel Gaudin": "PER",
        "Alpes Hydraulique": "ORG", "Voreppe": "LOC", "conseil régional d’Auvergne-Rhône-Alpes": "ORG", "Lyon": "LOC",
        "Isère": "LOC",
    },
    "timex": [
        ("jeudi soir", "TIME", "2019-11-21TEV", None),
        ("mars 2017", "DATE", "2017-03", None),
        ("aujourd’hui", "DATE", "PRESENT_REF", None),
        ("trois ans", "DURATION", "P3Y", None),
        ("le 5 décembre", "DATE", "2019-12-05", None),
        ("printemps", "DATE", "2020-SP", None),
    ],
    "events": [
        {"type": "award", "name": "Trophée de l’innovation", "trigger": "remporté", "date": "2019-11-21", "status": "past",
         "location": "World Trade Center de Grenoble",
         "participants": [("Chambre de commerce et d’industrie de Grenoble", "ORG", "organizer"), ("Lumeo", "ORG", "beneficiary"),
                          ("Alpes Hydraulique", "ORG", "beneficiary"), ("Michel Gaudin", "PER", "participant")],
         "quantities": [(300, True, "invités", "plus de 300 invités"), (20000, False, "EUR", "20 000 €")],
         "evidence": ["La jeune entreprise grenobloise Lumeo a remporté jeudi soir le Trophée de l’innovation décerné par la Chambre de commerce et d’industrie de Grenoble (CCI Grenoble), devant plus de 300 invités réunis au World Trade Center de Grenoble",
                      "Le jury, présidé par l’industriel Michel Gaudin, a également distingué l’entreprise Alpes Hydraulique"]},
        {"type": "launch", "trigger": "Créée", "date": "2017-03", "status": "past", "location": None,
         "participants": [("Lucie Montagne", "PER", "organizer"), ("Baptiste Revol", "PER", "organizer"), ("Lumeo", "ORG", "subject")],
         "evidence": ["Créée en mars 2017 par deux anciens doctorants de l’université Grenoble Alpes, Lucie Montagne et Baptiste Revol"]},
        {"type": "partnership", "trigger": "signé", "date": "2019-11-21", "status": "past", "location": None,
         "participants": [("Lumeo", "ORG", "partner"), ("CEA-Leti", "ORG", "partner")],
         "evidence": ["Dans la foulée de la cérémonie, elle a signé un accord de partenariat de recherche avec le CEA-Leti",
                      "Ce partenariat va nous permettre"]},
        {"type": "meeting", "trigger": "reçus", "date": "2019-12-05", "status": "planned", "location": "Lyon",
         "participants": [("conseil régional d’Auvergne-Rhône-Alpes", "ORG", "organizer"), ("Lumeo", "ORG", "participant"),
                          ("Alpes Hydraulique", "ORG", "participant")],
         "evidence": ["Les lauréats seront reçus le 5 décembre par le conseil régional d’Auvergne-Rhône-Alpes, à Lyon"]},
        {"type": "award", "trigger": "concours", "date": "2020-SP", "status": "planned", "location": None,
         "participants": [("Lumeo", "ORG", "participant"), ("Alpes Hydraulique", "ORG", "participant")],
         "evidence": ["avant de représenter l’Isère au concours national organisé au printemps"]},
    ],
    "people": [
        ("Lucie Montagne", ["présidente de Lumeo", "cofondatrice"], "Lumeo"),
        ("Baptiste Revol", ["cofondateur"], "Lumeo"),
        ("Michel Gaudin", ["industriel", "président du jury"], None),
    ],
    "quotes": [
        ("Ce partenariat", "Lucie Montagne", "félicite"),
        ("Le marché", "Lucie Montagne", "poursuit"),
    ],
})


def main() -> int:
    recs = [build(spec) for spec in ARTICLES]
    for r in recs:
        check(r)
    ids = [r["id"] for r in recs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    with OUT.open("w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n = lambda k: sum(len(r[k]) for r in recs)  # noqa: E731
    print(f"{len(recs)} articles, {n('entities')} entities, {n('timex')} timex, {n('events')} events, "
          f"{n('people')} people, {n('quotes')} quotes -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
