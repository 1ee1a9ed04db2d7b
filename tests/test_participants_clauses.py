"""Tests for the participants of events told in a clause with no subject of its own
(pipeline.events.participants, pipeline.events.clause, pipeline.events.roles).

Sentences written by the team in the style of regional press and news, not copied.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from test_event_arguments import _event, _has, _read  # the event helpers, one home

from pipeline.events.roles import subject_of
from pipeline.records import Event


def _parsed(blank: Language, rows: list[tuple[str, int, str, str, str]], ents: list[str] | None = None) -> Doc:
    """A Doc with the parse given by hand: (word, head, dep, pos, morph) rows, and the
    entities as IOB tags."""
    words, heads, deps, pos, morphs = (list(col) for col in zip(*rows, strict=True))
    return Doc(blank.vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs, ents=ents,
               spaces=[w not in (",", ".", "\n") for w in words])


_PART = "Gender=Fem|Number=Sing|Tense=Past|VerbForm=Part"
_FIN = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"


@pytest.mark.parametrize(("rows", "participle", "subject"), [
    # the parse runs on across the line break and hangs the participle on a noun of the
    # sentence before: the written sentence decides, its subject is "la biscuiterie"
    ([("Le", 1, "det", "DET", ""), ("magasin", 2, "nsubj", "NOUN", ""), ("emploie", 2, "ROOT", "VERB", _FIN),
      ("cinq", 4, "nummod", "NUM", ""), ("vendeurs", 2, "obj", "NOUN", ""), (".", 2, "punct", "PUNCT", ""),
      ("\n", 5, "dep", "SPACE", ""), ("Créée", 1, "nmod", "VERB", _PART), ("en", 9, "case", "ADP", ""),
      ("1987", 7, "obl:mod", "NUM", ""), ("par", 11, "case", "ADP", ""), ("Soizic", 7, "obl:agent", "PROPN", ""),
      ("Le", 13, "det", "DET", ""), ("Goff", 11, "flat:name", "PROPN", ""), (",", 17, "punct", "PUNCT", ""),
      ("la", 16, "det", "DET", ""), ("biscuiterie", 17, "nsubj", "NOUN", ""), ("travaille", 17, "ROOT", "VERB", _FIN),
      ("avec", 19, "case", "ADP", ""), ("Kerbrat", 17, "obl:mod", "PROPN", ""), (".", 17, "punct", "PUNCT", "")],
     "Créée", "biscuiterie"),
    # a participle coordinated after a fronted one, before a passive: its subject is "il"
    ([("Condamné", 8, "advcl", "VERB", _PART), ("pour", 2, "case", "ADP", ""), ("fraude", 0, "obl:mod", "NOUN", ""),
      (",", 4, "punct", "PUNCT", ""), ("gracié", 0, "conj", "VERB", _PART), ("en", 6, "case", "ADP", ""),
      ("2001", 4, "obl:mod", "NUM", ""), (",", 8, "punct", "PUNCT", ""), ("il", 10, "nsubj:pass", "PRON", ""),
      ("est", 10, "aux:pass", "AUX", _FIN), ("élu", 10, "ROOT", "VERB", _PART), ("maire", 10, "xcomp", "NOUN", ""),
      (".", 10, "punct", "PUNCT", "")],
     "gracié", "il"),
])
def test_participants_fronted_participle_is_about_the_subject_after_it(
    blank_fr: Language, rows: list[tuple[str, int, str, str, str]], participle: str, subject: str
) -> None:
    doc = _parsed(blank_fr, rows)
    verb = next(t for t in doc if t.text == participle)
    found = subject_of(verb)
    assert found is not None and found.text == subject


@pytest.mark.model
def test_participants_former_employer_cut_by_the_parse_takes_no_part(nlp_full: Language) -> None:
    # the parse cuts "Thales Alenia Space" and hangs its tail on the person: still a
    # description of the founder, not a participant
    text = ("La PME toulousaine Orbicom a signé le 3 juin 2024 un contrat avec le Cnes. "
            "Créée en 2009 par Paul Vidal, ancien ingénieur de Thales Alenia Space, l'entreprise "
            "emploie 60 personnes à Labège.")
    event = _event(nlp_full, text, "2009")
    assert _has(event, "Paul Vidal") and not _has(event, "Thales"), event.participants


@pytest.mark.model
@pytest.mark.parametrize(("text", "date", "present", "absent"), [
    # "la Ville", capitalised, takes up the name that opens with it, not the article's club
    ("L’association Skate Kemper a inauguré samedi 4 mai 2024 le nouveau skatepark de Kerfeunteun, "
     "financé par la Ville de Quimper. L’association Skate Kemper compte 200 adhérents. La Ville "
     "organisera en juin 2024 un festival de glisse urbaine.",
     "2024-06", "Ville de Quimper", "Skate Kemper"),
    ("Le club Vannes Volley a remporté samedi 4 mai 2024 la coupe de Bretagne, devant la Région "
     "Bretagne et ses élus. Le club Vannes Volley compte 300 licenciés. La Région organisera en juin "
     "2024 une réception des joueurs à Rennes.",
     "2024-06", "Région Bretagne", "Vannes Volley"),
])
def test_participants_institution_noun_takes_up_the_name_it_opens(
    nlp_full: Language, text: str, date: str, present: str, absent: str
) -> None:
    event = _event(nlp_full, text, date)
    assert _has(event, present) and not _has(event, absent), event.participants


@pytest.mark.model
def test_participants_agent_the_ner_calls_a_work_takes_part(nlp_full: Language) -> None:
    text = ("Le théâtre de Morlaix accueillera en octobre 2024 les Rencontres du conte, organisées par "
            "Paroles et légendes en Bretagne.")
    event = _event(nlp_full, text, "2024-10")
    assert _has(event, "Paroles et légendes en Bretagne"), event.participants


@pytest.mark.model
def test_participants_participle_on_a_noun_tells_of_its_owner(nlp_full: Language) -> None:
    # "annoncée" describes "la proposition": the one the proposition is of made it
    text = ("Les salariés de la conserverie Gonidec ont manifesté mardi 4 juin 2024 à Concarneau. Les "
            "syndicats de la conserverie Gonidec ont rejeté la proposition de la direction de la Cofica "
            "annoncée en mai 2024.")
    event = _event(nlp_full, text, "2024-05")
    assert _has(event, "Cofica"), event.participants


@pytest.mark.model
@pytest.mark.parametrize(("text", "date", "present"), [
    # countries that act, coordinated: both sign
    ("La Chine et la Russie ont signé le 3 juin 2024 un accord gazier à Pékin.",
     "2024-06-03", ["Chine", "Russie"]),
])
def test_participants_coordinated_subjects_all_act(
    nlp_full: Language, text: str, date: str, present: list[str]
) -> None:
    event = _event(nlp_full, text, date)
    assert all(_has(event, name) for name in present), event.participants


@pytest.mark.model
def test_participants_possessive_time_anchor_is_its_clause_subject_only(nlp_full: Language) -> None:
    # "sa création" is the association's: neither the article's federation by default nor
    # the other names of the clause it dates
    text = ("La Fédération française de randonnée a dévoilé le 3 juin 2024 ses trophées. La Fédération "
            "française de randonnée compte 200 000 licenciés. Depuis sa création en 1995, l’association "
            "Brest Rando a vu plusieurs de ses bénévoles distingués par la fédération.")
    event = _event(nlp_full, text, "1995")
    assert [p.name for p in event.participants] == ["Brest Rando"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "date", "present", "absent"), [
    # "il" takes up the salon, the subject of the sentence before: its organisers
    ("Le premier Salon de l’apprentissage se tiendra samedi 8 juin 2024 au parc des expositions de "
     "Lorient. Organisé par la Chambre de métiers du Morbihan et Lorient Agglomération, il réunira 60 "
     "entreprises qui proposent 300 contrats.",
     "2024-06-08", ["Chambre de métiers du Morbihan", "Lorient Agglomération"], []),
    # a description of another event is not a pronoun taking this one up
    ("La deuxième Fête de la mer se tiendra samedi 8 juin 2024 sur le port de Lorient. Organisé par "
     "la Chambre de métiers du Morbihan, le salon réunira 60 entreprises.",
     "2024-06-08", [], ["Chambre de métiers du Morbihan"]),
])
def test_participants_next_sentence_participle_names_the_event_organisers(
    nlp_full: Language, text: str, date: str, present: list[str], absent: list[str]
) -> None:
    event = _event(nlp_full, text, date)
    assert all(_has(event, name) for name in present), event.participants
    assert not any(_has(event, name) for name in absent), event.participants


@pytest.mark.parametrize(("rows", "verb", "subject"), [
    # the parse calls the infinitive's object its subject: the controller's subject is it
    ([("Il", 1, "nsubj", "PRON", ""), ("occupait", 1, "ROOT", "VERB", _FIN), ("ce", 3, "det", "DET", ""),
      ("poste", 1, "obj", "NOUN", ""), ("pour", 5, "mark", "ADP", ""), ("remplacer", 1, "advcl", "VERB", "VerbForm=Inf"),
      ("Manuel", 5, "nsubj", "PROPN", ""), ("Valls", 6, "flat:name", "PROPN", ""), (".", 1, "punct", "PUNCT", "")],
     "remplacer", "Il"),
])
def test_participants_infinitive_subject_is_its_controller(
    blank_fr: Language, rows: list[tuple[str, int, str, str, str]], verb: str, subject: str
) -> None:
    doc = _parsed(blank_fr, rows)
    found = subject_of(next(t for t in doc if t.text == verb))
    assert found is not None and found.text == subject


def test_participants_ministry_in_a_title_is_not_the_main_actor(blank_fr: Language) -> None:
    from pipeline.events.actors import main_actor
    from pipeline.events.mention import Ent

    blank_fr.add_pipe("sentencizer")
    doc = blank_fr("Le ministre de l'Intérieur , Jean Morel , visite Brest . Le ministre de l'Intérieur , "
                   "Jean Morel , salue les policiers .")
    words = [t.text for t in doc]
    starts = [i for i, w in enumerate(words) if w == "Intérieur"]
    names = [i for i, w in enumerate(words) if w == "Jean"]
    ents = sorted([*(Ent(i, i + 1, "ORG", "Intérieur", "Intérieur", None) for i in starts),
                   *(Ent(i, i + 2, "PER", "Jean Morel", "Jean Morel", None) for i in names)],
                  key=lambda e: e.start)
    assert len(starts) == 2 and main_actor(doc, ents) is None


@pytest.mark.model
def test_participants_described_de_complement_names_the_event(nlp_full: Language) -> None:
    # "de la chambre" takes up the chamber named before: its antenna, not the union's
    text = ("Le syndicat CPME Bretagne a salué mardi 12 mars 2024 le budget de la Chambre de métiers du "
            "Morbihan. Le syndicat CPME Bretagne réclamait ce budget depuis deux ans. Le budget prévoit "
            "l’ouverture d’une antenne de la chambre à Pontivy au printemps 2025.")
    event = _event(nlp_full, text, "2025-SP")
    assert _has(event, "Chambre de métiers du Morbihan") and not _has(event, "CPME"), event.participants


@pytest.mark.model
@pytest.mark.parametrize(("text", "present", "absent"), [
    ("Le 14 mars 2025, le comédien Yann Kerbrat reprendra au théâtre de Quimper son seul-en-scène sur "
     "Jean Moulin, né à Béziers en 1899.", "Yann Kerbrat", "Jean Moulin"),
    ("Le 14 mars 2025, l’historienne Anne Le Floch donnera à la médiathèque de Brest une conférence sur "
     "Victor Segalen.", "Anne Le Floch", "Victor Segalen"),
])
def test_participants_person_a_show_is_about_takes_no_part(
    nlp_full: Language, text: str, present: str, absent: str
) -> None:
    event = _event(nlp_full, text, "2025-03-14")
    assert _has(event, present) and not _has(event, absent), event.participants


def test_participants_participle_after_a_person_is_about_that_person(blank_fr: Language) -> None:
    # the parse hangs "arrivée" on the quoted verb: the name right before its comma decides
    rows = [("Nous", 1, "nsubj", "PRON", ""), ("voulons", 1, "ROOT", "VERB", _FIN), (",", 1, "punct", "PUNCT", ""),
            ("affirme", 1, "parataxis", "VERB", _FIN), ("sa", 5, "det", "DET", ""), ("directrice", 3, "obj", "NOUN", ""),
            (",", 5, "punct", "PUNCT", ""), ("Anne", 5, "appos", "PROPN", ""), ("Kerlo", 7, "flat:name", "PROPN", ""),
            (",", 10, "punct", "PUNCT", ""), ("arrivée", 1, "advcl", "VERB", _PART), ("en", 12, "case", "ADP", ""),
            ("2020", 10, "obl:mod", "NUM", ""), (".", 1, "punct", "PUNCT", "")]
    doc = _parsed(blank_fr, rows, ["O"] * 7 + ["B-PER", "I-PER"] + ["O"] * 5)
    found = subject_of(doc[10])
    assert found is not None and found.text == "Kerlo"


@pytest.mark.model
@pytest.mark.parametrize(("text", "date", "kind", "actor"), [
    # a spokesman of the town hall speaks for it: the town hall is named by its town
    ("Le porte-parole de la mairie de Quimper a annoncé lundi 4 mars 2024 l'ouverture d'une "
     "nouvelle crèche dans le quartier de Kerfeunteun.", "2024-03-04", "announcement", "Quimper"),
    # an account of the presidency, two "de" complements down
    ("Le compte Twitter de la présidence du Sénégal a annoncé mercredi 6 mars 2024 la nomination "
     "d'un nouveau Premier ministre.", "2024-03-06", "announcement", "Sénégal"),
    # a court named by its town pronounces the liquidation
    ("Le tribunal de commerce de Lorient a prononcé jeudi 14 mars 2024 la liquidation de la "
     "conserverie Ker Mor.", "2024-03-14", "other", "Lorient"),
])
def test_participants_institution_subject_acts_for_its_place(
    nlp_full: Language, text: str, date: str, kind: str, actor: str
) -> None:
    event = next(e for e in _event_list(nlp_full, text) if e.date == date and e.type == kind)
    assert _has(event, actor), event.participants


@pytest.mark.model
def test_participants_place_in_a_plain_subject_complement_takes_no_part(nlp_full: Language) -> None:
    # "les habitants de Lorient" are no institution: the town is only where they live
    event = _event(nlp_full, "Les habitants de Lorient ont inauguré samedi 9 mars 2024 le nouveau "
                   "jardin partagé du quartier.", "2024-03-09")
    assert not _has(event, "Lorient"), event.participants


@pytest.mark.model
@pytest.mark.parametrize(("text", "date", "actors"), [
    ("Le traité de coopération a été signé le 12 mai 2024 par la Norvège et le Danemark.",
     "2024-05-12", ["Norvège", "Danemark"]),
    ("Le plan de relance, adopté le 3 février 2024 par la Belgique, prévoit 40 millions d'euros "
     "pour les ports.", "2024-02-03", ["Belgique"]),
])
def test_participants_place_as_passive_agent_acts(
    nlp_full: Language, text: str, date: str, actors: list[str]
) -> None:
    event = _event(nlp_full, text, date)
    assert all(_has(event, a) for a in actors), event.participants


def _event_list(nlp: Language, text: str) -> list[Event]:
    return list(_read(nlp, text, "2024-06-10")._.events)


@pytest.mark.model
def test_participants_subject_named_by_its_complement_is_no_anaphor(nlp_full: Language) -> None:
    # "le conseil scientifique de l'Ifremer" is named by its own complement: it does not
    # take up "le Conseil national des pêches" of the sentence before
    text = ("Le Conseil national des pêches a réuni ses membres lundi 4 mars 2024. Le conseil "
            "scientifique de l'Ifremer a publié mardi 5 mars 2024 un avis sur les quotas de sardine.")
    event = next(e for e in _event_list(nlp_full, text) if e.date == "2024-03-05")
    assert _has(event, "Ifremer") and not _has(event, "pêches"), event.participants
