"""Entity boundaries: trim titles and function words, extend names to their full extent.

Trimming drops what leads or trails a name ("M.", "la", a demonym); extension reaches
the whole word ("CNDD-FDD"), the complement of a generic head ("Direction du système
d'information"), a body's remit ("... aux droits de l'homme") and the place of a body
("préfecture de la Gironde"); "Dares et Pôle emploi" is split in two.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.entities.candidates import (
    ACRONYM_RE,
    Candidate,
    in_compound,
    is_cap,
    name_key,
    sentence_start,
)
from pipeline.entities.rules import EntityRules
from pipeline.nlp.text import doc_words


def adjust_boundaries(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """Trim the candidates, then extend them to whole words, complements and remits.

    Args:
        doc: the doc.
        ents: candidates sorted by start (protected ones are kept as they are).
        rules: the word lists.

    Returns:
        The adjusted candidates (some dropped, some split or added), sorted by start.
    """
    ents = [e for e in (_trim(doc, e, rules) for e in ents) if e is not None]
    ents = _strip_sentence_determiners(doc, ents, rules)
    ents = _extend_to_words(doc, ents, rules)
    ents = _split_coordinations(doc, ents)
    ents = _extend_generic_heads(doc, ents, rules)
    return _extend_attributions(doc, ents, rules)


def _trim(doc: Doc, ent: Candidate, rules: EntityRules) -> Candidate | None:
    """Drop leading determiners/prepositions/titles and trailing function words.

    Args:
        doc: the doc.
        ent: a candidate (returned as it is when protected).
        rules: the word lists.

    Returns:
        The trimmed candidate, relabelled by what was stripped before it, or None when
        nothing of a name is left.
    """
    if ent.protected:
        return ent
    end = _first_line_end(doc, ent.start, ent.end)
    first = _after_clause_word(doc, ent.start, end)
    if first is None:
        return None
    if first > ent.start:
        ent = Candidate(first, end, ent.label, ent.ent_id)
    start = _strip_front(doc, ent, end, rules)
    end = _strip_back(doc, start, end, rules)
    if start >= end:
        return None
    return _trimmed(doc, ent, start, end, rules)


#: parts of speech that open a clause, never a name ("Soit au total, ...", "Accompagnée de")
_CLAUSE_POS = frozenset({"VERB", "AUX", "ADV", "SCONJ", "CCONJ", "PRON"})


def _after_clause_word(doc: Doc, start: int, end: int) -> int | None:
    """Where the name starts when the entity opens a sentence with a clause word.

    The model sometimes takes the capitalised first word of a sentence and what follows
    for a name ("Accompagnée du préfet de l'Essonne"): the name, if any, starts at the
    next capitalised word; None when there is none.
    """
    tok = doc[start]
    if (
        end - start < 2
        or tok.pos_ not in _CLAUSE_POS
        or is_cap(doc[start + 1])  # "San Francisco", "Ku Bonchan": tagged ADV, PRON
        or not sentence_start(doc, start)
    ):
        return start
    return next((i for i in range(start + 1, end) if is_cap(doc[i])), None)


def _first_line_end(doc: Doc, start: int, end: int) -> int:
    r"""A name never runs over a line break ("Groupe Vaudrey\nFondé à Lyon")."""
    for i in range(start, end):
        if doc[i].is_space and "\n" in doc[i].text:
            return i
        if "\n" in doc[i].whitespace_:
            return i + 1
    return end


def _strip_front(doc: Doc, ent: Candidate, end: int, rules: EntityRules) -> int:
    """The first token of the name, after titles and the words of :func:`_outside_name`."""
    start = ent.start
    stripped_title = False
    while start < end:
        tok = doc[start]
        title = tok.lower_.rstrip(".")
        if (
            title in rules.titles
            and start + 1 < end
            and (ent.label == "PER" or not is_cap(tok) or title in rules.abbreviated_titles)
        ):
            stripped_title = True
        elif not _outside_name(doc, ent, start, end, rules, after_title=stripped_title):
            break
        start += 1
    return start


def _outside_name(
    doc: Doc, ent: Candidate, start: int, end: int, rules: EntityRules, *, after_title: bool
) -> bool:
    """Token ``start`` leads the entity but is no part of the name."""
    tok = doc[start]
    low = tok.lower_
    has_next = start + 1 < end
    return (
        tok.is_punct
        or tok.is_space
        or (
            low in rules.function_words
            and not is_cap(tok)
            # "de Gaulle", "d'Estaing": a lower-case particle inside a person's name
            and not (ent.label == "PER" and low in _NAME_PARTICLES and not after_title)
        )
        # "l'Espagnole Caroline Routier"
        or (
            has_next
            and low in rules.demonyms
            and is_cap(tok)
            and doc[start + 1].text[:1].isupper()
            and (ent.label == "PER" or _demonym_before_person(doc, start + 1, end))
        )
        # "Le Groupe La Poste", "Le BIC", "Le service national": the article of a
        # common noun or an acronym
        or (
            has_next
            and tok.text in rules.determiners_cased
            and (
                doc[start + 1].text in rules.generic_heads_cased
                or doc[start + 1].is_lower
                or ACRONYM_RE.match(doc[start + 1].text) is not None
            )
        )
    )


def _strip_back(doc: Doc, start: int, end: int, rules: EntityRules) -> int:
    """The end of the name, before trailing punctuation, spaces, function words and a
    passive participle ("le Trophée de l'innovation décerné par ...": the sentence's)."""
    quoted = start > 0 and doc[start - 1].text in {"«", '"', "“"}
    while end > start + 1 and (
        (doc[end - 1].is_punct and doc[end - 1].text not in {".", "!", ")"})
        or doc[end - 1].is_space
        or (
            doc[end - 1].lower_ in rules.function_words
            and not is_cap(doc[end - 1])
            and bool(doc[end - 2].whitespace_)  # "Jong-un" is one name
        )
        or (
            # "Nations unies" is tagged VERB too: only a participle before its agent
            doc[end - 1].is_lower
            and doc[end - 1].pos_ == "VERB"
            and end < len(doc)
            and doc[end].lower_ == "par"
            and not quoted
        )
    ):
        end -= 1
    # "la Région Occitanie 2,5 millions", "Arkéa 40 %": the figure of a list of funders is
    # the sentence's ("Ligue 1" keeps its number: no quantity word follows it)
    if end - 1 > start and doc[end - 1].like_num and end < len(doc) and doc[end].lower_ in rules.quantity_words:
        return _strip_back(doc, start, end - 1, rules)
    if end - 2 > start and doc[end - 1].lower_ in rules.quantity_words and doc[end - 2].like_num:
        return _strip_back(doc, start, end - 2, rules)
    return end


def _trimmed(
    doc: Doc, ent: Candidate, start: int, end: int, rules: EntityRules
) -> Candidate | None:
    """The name at ``start:end``, labelled by what was stripped before it."""
    label = ent.label
    if _led_by_person_noun(doc, start, end, rules):
        # "gouvernement Aznar", "administration Coderre": the name is the leader's
        return Candidate(start + 1, end, "PER", ent.ent_id, certain=True)
    if start > ent.start and doc[start - 1].lower_ in rules.demonyms and label != "PER":
        label = "PER"  # "l'Iranien Mojtaba Abedini": what follows the demonym is a person
    if ent.label == "PER" and start > ent.start and doc[start - 1].lower_ in rules.function_words:
        # "Président du Tchad": what follows a stripped title and a preposition is no
        # person; "Président du Conseil des ministres": a body's head word starts a name
        if doc[start].text in rules.generic_heads_cased:
            return Candidate(start, end, "ORG", certain=True)
        return None
    if ent.label == "LOC" and doc[start].lower_ in rules.loc_descriptors_dropped:
        # "lac du Bourget" -> "Bourget", "ville de Rome" -> "Rome": the name is the place;
        # street-like descriptors stay ("place de la République", "mont Ventoux")
        first_cap = next((i for i in range(start, end) if is_cap(doc[i])), None)
        if (
            first_cap is not None
            and doc[start].lower_ not in rules.org_triggers_lower_first
            and all(doc[i].is_alpha and doc[i].is_lower for i in range(start, first_cap))
        ):
            start = first_cap
    return Candidate(start, end, label, ent.ent_id, certain=label != ent.label)


def _led_by_person_noun(doc: Doc, start: int, end: int, rules: EntityRules) -> bool:
    """A lower-case noun of a leader's body, then one to three capitalised words."""
    return (
        doc[start].is_lower
        and doc[start].lower_ in rules.person_led_nouns
        and 1 <= end - start - 1 <= 3
        and all(is_cap(t) and t.is_alpha for t in doc[start + 1 : end])
    )


def _demonym_before_person(doc: Doc, start: int, end: int) -> bool:
    """The capitalised words after a demonym look like a person's name (2-3 words)."""
    words = doc[start:end]
    return 1 <= len(words) <= 3 and all(t.text[:1].isupper() and t.is_alpha for t in words)


def _strip_sentence_determiners(
    doc: Doc, ents: list[Candidate], rules: EntityRules
) -> list[Candidate]:
    """ "La France" at sentence start -> "France" when the article also says "France".

    A capitalised determiner is part of many names ("La Poste", "Le Monde", "Le Caire");
    mid-sentence it is kept. At sentence start it is dropped only when the same name
    also appears elsewhere without it.
    """
    bare = {
        name_key(doc[e.start : e.end].text)
        for e in ents
        if doc[e.start].text not in rules.determiners_cased
    }
    for ent in ents:
        if (
            not ent.protected
            and ent.end - ent.start > 1
            and doc[ent.start].text in rules.determiners_cased
            and sentence_start(doc, ent.start)
            and name_key(doc[ent.start + 1 : ent.end].text) in bare
        ):
            ent.start += 1
    return ents


def _extend_to_words(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """Entity edges fall between words: "CNDD-FDD", "I-Télé"; "Les Républicains".

    The tokenizer splits hyphenated names; an entity that starts or ends inside such a word
    is extended to the whole word. A capitalised determiner mid-sentence right before an
    entity is part of the name ("Les Républicains", "L'Orient-Le Jour").
    """
    n = len(doc)
    out: list[Candidate] = []
    for ent in ents:
        if ent.protected:
            out.append(ent)
            continue
        start, end = ent.start, ent.end
        while start > 0 and not doc[start - 1].whitespace_ and _word_piece(doc[start - 1], rules):
            start -= 1
        while end < n and not doc[end - 1].whitespace_ and _word_piece(doc[end], rules):
            end += 1
        if start > 0 and (
            (doc[start - 1].text in rules.determiners_cased and not sentence_start(doc, start - 1))
            # "Thomas De Gendt", "De Gendt remporte": a capitalised particle before a person
            or (ent.label == "PER" and doc[start - 1].text in _CAPITAL_PARTICLES)
        ):
            start -= 1
        if out and start < out[-1].end:
            prev = out[-1]
            if prev.protected or (start, end) == (prev.start, prev.end):
                continue
            # two pieces of one word ("CNDD" "-" "FDD"): keep one entity, the first's label
            out[-1] = Candidate(min(prev.start, start), max(prev.end, end), prev.label)
            continue
        out.append(Candidate(start, end, ent.label, ent.ent_id))
    return out


_CAPITAL_PARTICLES = frozenset(
    {"De", "Del", "Della", "Di", "Da", "Du", "Van", "Von", "Der", "Den", "Ter"}
)


def _split_coordinations(doc: Doc, ents: list[Candidate]) -> list[Candidate]:
    """ "Dares et Pôle emploi" -> two entities (names joined by "et" are two names).

    "Ministère de l'Économie et des Finances" stays whole: the word after "et" is not
    capitalised. After a lower-case word ("Caisse d'allocations familiales et Jeunesse
    et sports"), the parse decides (:func:`_coordinates_names`).
    """
    out: list[Candidate] = []
    for ent in ents:
        cut = next(
            (
                i
                for i in range(ent.start + 1, ent.end - 1)
                if doc[i].lower_ in {"et", "&"}
                and doc[i].text != "&"
                and is_cap(doc[i + 1])
                and (is_cap(doc[i - 1]) or _coordinates_names(doc, ent, i))
            ),
            None,
        )
        if ent.protected or cut is None or _quoted(doc, ent):
            out.append(ent)  # « Roméo et Juliette »: a title in quotes is one name
            continue
        out.append(Candidate(ent.start, cut, ent.label))
        out.append(Candidate(cut + 1, ent.end, ent.label))
    return out


def _coordinates_names(doc: Doc, ent: Candidate, i: int) -> bool:
    """The name after "et" (token ``i``) is a conjunct of another noun than the name's
    first word or the word right before "et".

    Those two would make it the end of one name ("Conservatoire national des arts et
    Métiers", "Transition écologique et Solidaire"); so would a single word after "et".
    """
    if not doc.has_annotation("DEP") or ent.end - i < 3 or i - 1 <= ent.start:
        return False
    right = doc[i + 1]
    return right.dep_ == "conj" and right.head.i not in {ent.start, i - 1}


def _quoted(doc: Doc, ent: Candidate) -> bool:
    """The entity is all the text between quotes."""
    before = next((t for t in reversed(doc[: ent.start]) if not t.is_space), None)
    after = next((t for t in doc[ent.end :] if not t.is_space), None)
    return (
        before is not None
        and after is not None
        and before.text in {"«", '"', "“"}
        and after.text in {"»", '"', "”"}
    )


def _word_piece(tok: Token, rules: EntityRules) -> bool:
    """A token that is part of the same whitespace-delimited word, not a clitic or bracket."""
    if tok.lower_ in rules.function_words or tok.is_space:
        return False
    return tok.text in {"-", "–"} or tok.is_alpha or tok.is_digit


_NAME_PARTICLES = frozenset({"de", "du", "des", "d'", "d’", "la", "le"})


#: words that may link a head to its complement ("Conseil national pour la défense")
_COMPLEMENT_LINKS = frozenset(
    {"de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "au", "aux", "pour", "en"}
)
_COMPLEMENT_STOP_POS = frozenset(
    {"VERB", "AUX", "PUNCT", "SPACE", "CCONJ", "SCONJ", "PRON", "NUM", "SYM", "ADP", "DET"}
)


def _extend_generic_heads(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """ "Direction" + "du système d'information ..." -> the full name; missed bodies added.

    - A lone generic head ("Direction", "État") tagged by the model is extended over its
      complement (prepositions, determiners and words, stopping at punctuation, verbs,
      conjunctions and before another named entity): "État islamique".
    - A capitalised generic head the model missed, not at sentence start (where the
      capital says nothing), is an organisation with its complement: "Pôle emploi",
      "Assemblée nationale", "la Région".
    - A lower-case institution noun with a nationality adjective is an organisation:
      "armée syrienne", "gouvernement ukrainien".

    A lone head left without complement is judged later by junk removal.
    """
    starts = {e.start for e in ents}
    covered = {i for e in ents for i in range(e.start, e.end)}
    out: list[Candidate] = []
    skip_until = -1
    for ent in ents:
        if ent.start < skip_until:
            continue
        if (
            not ent.protected
            and ent.end - ent.start == 1
            and doc[ent.start].text in rules.generic_heads_cased
        ):
            end = _complement_end(doc, ent.end, starts, rules)
            if end > ent.end:
                ent = Candidate(ent.start, end, "ORG", ent.ent_id)
                skip_until = end
        out.append(ent)
    covered = {i for e in out for i in range(e.start, e.end)}
    n = len(doc)
    texts, lowers = doc_words(doc)
    for i, (text, lower) in enumerate(zip(texts, lowers, strict=True)):
        if i in covered or (
            text not in rules.generic_heads_cased and lower not in rules.institution_nouns
        ):
            continue
        if text in rules.generic_heads_cased and not sentence_start(doc, i):
            end = _complement_end(doc, i + 1, starts, rules)
            if all(j not in covered for j in range(i, end)):
                out.append(Candidate(i, end, "ORG"))
                covered.update(range(i, end))
        elif (
            lower in rules.institution_nouns
            and doc[i].is_lower
            and i + 1 < n
            and doc[i + 1].is_lower
            and doc[i + 1].lower_ in rules.demonyms
            and i + 1 not in covered
        ):
            out.append(Candidate(i, i + 2, "ORG"))
            covered.update((i, i + 1))
    out.sort(key=lambda e: e.start)
    return out


#: prepositions giving a body its remit ("Haut-Commissariat ... aux droits de l'homme")
_ATTRIBUTION_LINKS = frozenset({"aux", "à", "pour"})  # "au pouvoir", "au sujet de": locutions


def _extend_attributions(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """ "Haut-Commissariat des Nations unies" + "aux droits de l'homme": the body's remit.

    An organisation headed by a generic noun goes on over "aux/à/pour (la/l')" and a
    lower-case complement, and over a second one coordinated by "et" ("Commissariat à
    l'énergie atomique et aux énergies alternatives"). The complement must end the phrase
    (punctuation, verb, conjunction), not run into another name ("aux côtés de la CCI").
    """
    starts = {e.start for e in ents}
    n = len(doc)
    for k, ent in enumerate(ents):
        if (
            ent.protected
            or ent.label != "ORG"
            or doc[ent.start].text not in rules.generic_heads_cased
        ):
            continue
        limit = ents[k + 1].start if k + 1 < len(ents) else n
        end = ent.end
        has_remit = any(t.lower_ in _ATTRIBUTION_LINKS for t in doc[ent.start : ent.end])
        while end < limit:
            coordinated = doc[end].lower_ == "et" and (has_remit or end > ent.end)
            i = end + 1 if coordinated else end
            if i >= n or doc[i].lower_ not in _ATTRIBUTION_LINKS:
                break
            j = i + 1
            if j < n and doc[j].lower_ in {"la", "l'", "l’"}:
                j += 1
            if j >= n or not doc[j].is_lower:
                break
            stop = _complement_end(doc, j, starts, rules)
            if stop == j or stop >= limit or (stop < n and stop in starts):
                break
            end = stop
        ent.end = end
    return ents


def _complement_end(doc: Doc, i: int, starts: set[int], rules: EntityRules) -> int:
    """End of the noun complement starting at token ``i`` ("du système d'information")."""
    first = end = i
    n = len(doc)
    after_link = False
    while i < n and i - end < 3 and i < end + 12:
        tok = doc[i]
        if tok.lower_ in _COMPLEMENT_LINKS:
            if not tok.is_lower:
                break
            after_link = True
            i += 1
            continue
        if (
            i in starts
            or tok.pos_ in _COMPLEMENT_STOP_POS
            or tok.lower_ in rules.function_words
            or not (tok.is_alpha or "-" in tok.text)
            # a second bare noun starts another phrase ("... des cultes mercredi matin");
            # adjectives and hyphenated compounds go on ("services-courrier-colis")
            or (i > first and not after_link and tok.pos_ != "ADJ" and not in_compound(doc, i))
        ):
            break
        end = i + 1
        after_link = False
        i += 1
    return end


def merge_place_complements(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """ "Ville de" + "Rennes", "préfecture de la" + "Gironde": one organisation.

    An organisation (or a lower-case institution noun such as "préfecture", "conseil
    départemental") followed by "de (la/l')" and a place is the organisation of that
    place; the place is part of its name, as in both WiNER and the press gold.
    """
    by_start = {e.start: k for k, e in enumerate(ents)}
    covered = {i for e in ents for i in range(e.start, e.end)}
    drop: set[int] = set()
    added: list[Candidate] = []
    n = len(doc)

    def place_after(j: int) -> int | None:
        if j >= n or doc[j].lower_ not in {"de", "du", "des", "d'", "d’"}:
            return None
        j += 1
        if j < n and doc[j].lower_ in {"la", "l'", "l’"}:
            j += 1
        k = by_start.get(j)
        if k is None or ents[k].label != "LOC" or ents[k].protected or k in drop:
            return None
        return k

    for ent in ents:
        if ent.label != "ORG" or ent.protected or ent.end - ent.start > 6:
            continue
        head = doc[ent.start].text
        if not (
            head in rules.generic_heads_cased
            or head in rules.org_heads_cased
            or ACRONYM_RE.match(head)
            or doc[ent.start].lower_ in rules.collectivity_heads
        ):
            continue  # "ministre de la Défense de la Corée du Nord": no body of a place
        if _qualifies_noun(doc, ent.start, rules):
            continue  # "sénateur RPR de Savoie": the place is the senator's, not the party's
        k = place_after(ent.end)
        if k is not None:
            ent.end = ents[k].end
            ent.certain = True
            drop.add(k)
    for i, lower in enumerate(doc_words(doc)[1]):
        if i in covered or lower not in rules.collectivity_heads:
            continue
        tok = doc[i]
        if not (tok.is_lower or ACRONYM_RE.match(tok.text)):
            continue  # "CHU de Reims" as "préfecture de la Gironde"; "Conseil" is capitalised
        j = tok.i + 1
        while j < n and j - tok.i <= 2 and doc[j].is_lower and doc[j].pos_ == "ADJ":
            j += 1
        k = place_after(j)
        if k is None:
            k = place_after(_domain_end(doc, j))
        if k is not None:
            added.append(Candidate(tok.i, ents[k].end, "ORG", certain=True))
            drop.add(k)
    if not drop:
        return ents
    out = [e for k, e in enumerate(ents) if k not in drop] + added
    return sorted(out, key=lambda e: e.start)


def _qualifies_noun(doc: Doc, start: int, rules: EntityRules) -> bool:
    """An acronym right after a bare lower-case title or noun qualifies it ("député
    UMP", "sénateur RPR")."""
    if start == 0 or not ACRONYM_RE.match(doc[start].text):
        return False
    prev = doc[start - 1]
    return prev.is_lower and (prev.pos_ == "NOUN" or prev.lower_ in rules.titles)


def _domain_end(doc: Doc, j: int) -> int:
    """ "tribunal" + "de commerce", "chambre" + "d'agriculture", "de commerce et
    d'industrie": the end of a body's lower-case domain after its noun (``j`` when none)."""
    n, end = len(doc), j
    while end + 2 < n:
        k = end + 1 if doc[end].lower_ == "et" else end
        if doc[k].lower_ not in {"de", "d'", "d’"} or k + 1 >= n:
            break
        if not (doc[k + 1].is_lower and doc[k + 1].pos_ == "NOUN"):
            break
        end = k + 2
    return end

