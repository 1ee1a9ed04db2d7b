"""Print the articles the selection rounds 4 and 5 of the Wikinews event gold take.

One rule, fixed before any annotation or output: among the articles of ``winer-fr-dev.jsonl``
with 600-2,600 characters that rounds 1-3 did not take, in sha256(id) order, those whose
lowercased text contains at least one of round 2's event stems and at least one month or
weekday name (substrings); round 4 takes the first 24, round 5 the next 36, round 6 the 63
left (session 8); dev or held-out
by the parity of sha256(id + 'split') as in every round (even: dev).
Usage: ``python tests/gold/wikinews/select.py`` (prints id, part, round).
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
ROUNDS = {"round4": 24, "round5": 36, "round6": 63}


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
    for name in ROUNDS:
        before -= set(split.get(name, []))  # the rounds' own articles, once written down
    taken = select(before, sum(ROUNDS.values()))
    start = 0
    for name, size in ROUNDS.items():
        for doc_id, part in taken[start : start + size]:
            print(doc_id, part, name)
        start += size


if __name__ == "__main__":
    main()
