"""Print the articles a selection round of the Wikinews event gold takes (round 4 rule).

Round 4 (fixed before any annotation or output): among the articles of
``winer-fr-dev.jsonl`` with 600-2,600 characters that no earlier round took, in sha256(id)
order, the first 24 whose lowercased text contains at least one of round 2's event stems and
at least one month or weekday name (substrings); dev or held-out by the parity of
sha256(id + 'split') as in every round (even: dev). Usage: ``python tests/gold/wikinews/select.py``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE.parents[2].parent / "shared" / "benchmarks" / "winer-fr-dev.jsonl"
STEMS = [
    "inaugur",
    "visite",
    "réunion",
    "sommet",
    "élection",
    "élu",
    "nommé",
    "signé",
    "accord",
    "annonc",
    "lancement",
    "festival",
    "conférence",
    "rencontre",
    "cérémonie",
    "rachat",
    "acquisition",
    "financement",
    "recrut",
    "salon",
    "manifestation",
    "match",
    "procès",
    "attentat",
]
TIME_WORDS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
]
ROUND4_SIZE = 24


def digest(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16)


def select(already: set[str], size: int) -> list[tuple[str, str]]:
    """(id, part) of the next ``size`` articles the rule takes."""
    articles = [json.loads(line) for line in TEXTS.open(encoding="utf-8")]
    taken: list[tuple[str, str]] = []
    for article in sorted(articles, key=lambda a: digest(a["id"])):
        text = article["text"]
        low = text.lower()
        if article["id"] in already or not 600 <= len(text) <= 2600:
            continue
        if any(s in low for s in STEMS) and any(w in low for w in TIME_WORDS):
            part = "heldout" if digest(article["id"] + "split") % 2 else "dev"
            taken.append((article["id"], part))
        if len(taken) == size:
            break
    return taken


def main() -> None:
    split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    before = set(split["dev"]) | set(split["heldout"])
    before -= set(split.get("round4", []))  # the round's own articles, once written down
    for doc_id, part in select(before, ROUND4_SIZE):
        print(doc_id, part)


if __name__ == "__main__":
    main()
