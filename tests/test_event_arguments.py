"""Tests for an event's arguments (pipeline.events: clause, participants, arguments, status).

Sentences written by the team in the style of regional and Wikinews news, not copied.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.events.clause import argument_words
from pipeline.nlp.extensions import register_extensions
from pipeline.records import Event

pytestmark = pytest.mark.model


def _read(nlp: Language, text: str, published: str | None, inferred: str | None = None) -> Doc:
    """Run every pipe of the full pipeline, with the publication dates set first."""
    register_extensions()
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.published_inferred = inferred
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _event(nlp: Language, text: str, date: str, published: str | None = "2024-06-10",
           inferred: str | None = None) -> Event:
    """The one event of ``text`` dated ``date``."""
    events = [e for e in _read(nlp, text, published, inferred)._.events if e.date == date]
    assert len(events) == 1, [(e.type, e.date) for e in _read(nlp, text, published, inferred)._.events]
    return events[0]


def _has(event: Event, name: str) -> bool:
    return any(name in p.name for p in event.participants)


@pytest.mark.parametrize(("text", "date", "present", "absent"), [
    # a comparison names people who are not at the event
    ("Le préfet Alain Morvan, comme Jean Dupont avant lui, a inauguré le 3 mars 2024 la médiathèque de Vannes.",
     "2024-03-03", "Alain Morvan", "Jean Dupont"),
    # the complement of another clause's verb is not the election's participant
    ("Avant d'être élue maire de Lorient en 2014, Anne Kerlo avait travaillé avec l'association Emmaüs.",
     "2014", "Anne Kerlo", "Emmaüs"),
])
def test_events_participants_come_from_the_event_clause(
    nlp_full: Language, text: str, date: str, present: str, absent: str
) -> None:
    event = _event(nlp_full, text, date)
    assert _has(event, present) and not _has(event, absent)


def test_events_bracketed_event_takes_the_name_it_follows(nlp_full: Language) -> None:
    text = ("Fils de Pierre Le Gall et frère du sculpteur Jacques Le Gall (mort en 2013), "
            "il a fondé l'association Mor Braz en 1972.")
    event = _event(nlp_full, text, "2013")
    assert _has(event, "Jacques Le Gall") and not _has(event, "Pierre Le Gall")
    assert not _has(event, "Mor Braz")


def test_events_pronoun_subject_is_the_article_person(nlp_full: Language) -> None:
    text = ("Yves Le Bihan, ancien maire de Brest, est mort mardi à l'âge de 90 ans. "
            "Ses obsèques auront lieu vendredi en l'église Saint-Louis. "
            "Instituteur de formation, il est élu maire en 1977.")
    event = _event(nlp_full, text, "1977")
    assert [p.name for p in event.participants] == ["Yves Le Bihan"]


@pytest.mark.parametrize(("text", "date", "location"), [
    ("Une manifestation de marins-pêcheurs s'est déroulée le 2 février 2024 au large du port de Lorient.",
     "2024-02-02", "Lorient"),
    ("La réunion s'est tenue le 5 mars 2024 à proximité de Concarneau.", "2024-03-05", "Concarneau"),
])
def test_events_location_through_spatial_nouns(
    nlp_full: Language, text: str, date: str, location: str
) -> None:
    assert _event(nlp_full, text, date).location == location


def test_events_face_a_names_the_opponent_not_the_place(nlp_full: Language) -> None:
    event = _event(nlp_full, "Le match face à Lorient aura lieu le 3 mars 2024.", "2024-03-03")
    assert event.location is None and _has(event, "Lorient")


@pytest.mark.parametrize(("text", "date", "name"), [
    # a subjectless infinitive takes the subject of the verb above it
    ("Anne Kerlo a reçu la médaille de la Ville en 2003 avant d'être élue maire de Quimper en 2008.",
     "2008", "Anne Kerlo"),
    # the name of a subject noun acts
    ("Le collectif Bretagne Solidaire a organisé une manifestation le 4 mars 2024 à Rennes.",
     "2024-03-04", "Bretagne Solidaire"),
])
def test_events_subject_through_control_and_naming(
    nlp_full: Language, text: str, date: str, name: str
) -> None:
    assert _has(_event(nlp_full, text, date), name)


@pytest.mark.parametrize(("text", "date", "published", "inferred", "status"), [
    # a past conditional reports a past act
    ("L'application aurait rapporté 2 millions d'euros depuis son lancement le 7 mars 2024.",
     "2024-03-07", "2024-06-10", None, "past"),
    # no publication date: the date inferred from the article places the event (issue 15)
    ("Le festival des Filets bleus débute le 18 mai 2024 à Concarneau.", "2024-05-18", None, "2024-05-02", "planned"),
    ("Le festival des Filets bleus débute le 18 mai 2024 à Concarneau.", "2024-05-18", None, "2024-06-02", "past"),
])
def test_events_status_reads_mood_and_inferred_publication(
    nlp_full: Language, text: str, date: str, published: str | None, inferred: str | None, status: str
) -> None:
    assert _event(nlp_full, text, date, published, inferred).status == status


def test_events_quantity_of_the_object_phrase(nlp_full: Language) -> None:
    text = "Le ministre a annoncé le 4 mars 2024 un plan de formation de 20 000 apprentis."
    event = _event(nlp_full, text, "2024-03-04")
    assert [q.value for q in event.quantities] == [20000]


def test_events_argument_words_are_data() -> None:
    words = argument_words()
    assert "comme" in words.excluding_preps and "large" in words.spatial_nouns


@pytest.mark.parametrize(("text", "date", "present", "absent"), [
    # an organisation in a person's title says who the person is
    ("Le ministre de l'Agriculture Marc Fesneau a inauguré le 4 mars 2024 le salon de Rennes.",
     "2024-03-04", "Marc Fesneau", "Agriculture"),
    # a fronted clause's subject comes after the apposition, whatever the parse makes of it
    ("Après avoir conclu en juin 2014 un partenariat avec Armor Lux, l’association des entreprises "
     "du textile en Bretagne, la SNCF a soutenu la candidature de Brest au label French Tech.",
     "2014-06", "SNCF", "Bretagne"),
])
def test_events_participants_beyond_titles_and_appositions(
    nlp_full: Language, text: str, date: str, present: str, absent: str
) -> None:
    event = _event(nlp_full, text, date)
    assert _has(event, present) and not _has(event, absent)


def test_events_event_that_dates_another_clause_lends_it_no_actor(nlp_full: Language) -> None:
    text = "Selon les enquêteurs, Karim Benali se serait radicalisé peu après les attentats de novembre 2015."
    assert not _event(nlp_full, text, "2015-11").participants


def test_events_possessive_points_to_the_article_person(nlp_full: Language) -> None:
    text = ("Nathalie Kerlo, députée du Finistère, a été réélue dimanche avec le soutien du Parti breton. "
            "Nathalie Kerlo siège à l’Assemblée depuis 2017. "
            "La députée avait officialisé sa candidature le 4 mars 2024.")
    # the announced candidacy is one announcement event (issue 20, round 6)
    events = [e for e in _read(nlp_full, text, "2024-06-10")._.events if e.date == "2024-03-04"]
    assert [(_has(e, "Nathalie Kerlo"), _has(e, "Parti breton")) for e in events] == [(True, False)]


def test_events_time_anchor_takes_no_figure_of_the_clause_it_dates(nlp_full: Language) -> None:
    text = "L'application aurait rapporté 2 millions d'euros depuis son lancement le 7 mars 2024."
    assert _event(nlp_full, text, "2024-03-07").quantities == ()


@pytest.mark.parametrize(("text", "date", "names"), [
    # a fronted participle about the trigger lends it its names
    ("Organisée par l’association Mor Braz avec le soutien de Brest Métropole, la course a rassemblé "
     "900 coureurs le 4 mars 2024.", "2024-03-04", ["Mor Braz", "Brest Métropole"]),
    # a participle describing the trigger is part of its phrase: the clause is the verb above
    ("La directrice présentera son projet aux partenaires de l'entreprise, dont le Crédit Mutuel Arkéa "
     "et la Banque populaire, lors d'une réunion prévue à Brest le 7 octobre 2024.",
     "2024-10-07", ["Crédit Mutuel Arkéa", "Banque populaire"]),
])
def test_events_participles_around_the_trigger(
    nlp_full: Language, text: str, date: str, names: list[str]
) -> None:
    event = _event(nlp_full, text, date)
    assert all(_has(event, name) for name in names)


@pytest.mark.parametrize(("labels", "expected"), [
    # the lede's mention counts even when the model labels it EVENT there and ORG later
    (("EVENT", "ORG", "ORG", "ORG", "ORG"), "Rive Sonore"),
    # a name never labelled an organisation is not the main organisation
    (("EVENT", "ORG", "ORG", "EVENT", "EVENT"), "Région Nouvelle-Aquitaine"),
])
def test_events_main_actor_counts_every_mention_of_an_organisation(
    blank_fr: Language, labels: tuple[str, ...], expected: str
) -> None:
    from pipeline.events.mention import Ent
    from pipeline.events.participants import main_actor

    blank_fr.add_pipe("sentencizer")
    doc = blank_fr("Le festival Rive Sonore voit plus grand. La Région Nouvelle-Aquitaine aide. "
                   "La Région Nouvelle-Aquitaine paie. Rive Sonore invite. Rive Sonore joue.")
    spans = [(2, 4, "Rive Sonore"), (9, 13, "Région Nouvelle-Aquitaine"), (16, 20, "Région Nouvelle-Aquitaine"),
             (22, 24, "Rive Sonore"), (26, 28, "Rive Sonore")]
    ents = [Ent(s, e, label, name, name, None) for (s, e, name), label in zip(spans, labels, strict=True)]
    actor = main_actor(doc, ents)
    assert actor is not None and actor.canonical == expected and actor.label == "ORG"


@pytest.mark.parametrize(("words", "heads", "deps", "names", "expected"), [
    # the subject of the lede is the article's actor, though the model calls it a place
    (["La", "brasserie", "Korrig", "lève", "deux", "millions", ".", "Bpifrance", "investit", ".",
      "Korrig", "recrute", "."],
     [1, 3, 1, 3, 5, 3, 3, 8, 8, 8, 11, 11, 11],
     ["det", "nsubj", "appos", "ROOT", "nummod", "obj", "punct", "nsubj", "ROOT", "punct",
      "nsubj", "ROOT", "punct"],
     [(2, "LOC"), (7, "ORG"), (10, "LOC")], "Korrig"),
    # a place in a complement of the subject ("de Rennes") is not the actor
    (["Le", "tribunal", "de", "Rennes", "valide", "la", "reprise", ".", "Rennes", "applaudit", "."],
     [1, 4, 3, 1, 4, 6, 4, 4, 9, 9, 9],
     ["det", "nsubj", "case", "nmod", "ROOT", "det", "obj", "punct", "nsubj", "ROOT", "punct"],
     [(3, "LOC"), (8, "LOC")], None),
])
def test_events_main_actor_is_the_subject_of_the_lede(
    blank_fr: Language, words: list[str], heads: list[int], deps: list[str],
    names: list[tuple[int, str]], expected: str | None,
) -> None:
    from pipeline.events.mention import Ent
    from pipeline.events.participants import main_actor

    pos = ["VERB" if dep == "ROOT" else "PUNCT" if dep == "punct" else "NOUN" for dep in deps]
    doc = Doc(blank_fr.vocab, words=words, spaces=[w not in (".",) for w in words[1:]] + [False],
              heads=heads, deps=deps, pos=pos)
    ents = [Ent(i, i + 1, label, words[i], words[i], None) for i, label in names]
    actor = main_actor(doc, ents)
    assert (actor.canonical if actor else None) == expected


@pytest.mark.parametrize(("text", "date", "name"), [
    # a fronted description is parsed as the subject: the person it describes acts
    ("Ingénieure agronome, Claire Jaouen, 39 ans, a débuté en 2008 chez Triskalia, avant de rejoindre "
     "Even à Ploudaniel en 2012, où elle a dirigé la qualité.", "2012", "Claire Jaouen"),
])
def test_events_fronted_description_subject_is_the_person(
    nlp_full: Language, text: str, date: str, name: str
) -> None:
    event = _event(nlp_full, text, date)
    assert _has(event, name), event.participants


@pytest.mark.parametrize(("text", "date", "name", "absent"), [
    # a definite title as subject: the person named with that title before
    ("Le maire Paul Le Floch a inauguré la médiathèque en mars 2023, avec Anne Riou. "
     "Le 9 janvier 2024, le maire a annoncé la construction d'une piscine.", "2024-01-09",
     "Paul Le Floch", "Anne Riou"),
    # a definite title as the agent of a passive: the person the title was apposed to
    ("La charte a été rédigée par Marie Quéré, présidente de l'association Terre d'Iroise, et Yann "
     "Morvan. Le document a été signé le 12 mai 2024 par la présidente.", "2024-05-12",
     "Marie Quéré", "Yann Morvan"),
])
def test_events_definite_title_is_the_person_named_with_it(
    nlp_full: Language, text: str, date: str, name: str, absent: str
) -> None:
    event = _event(nlp_full, text, date)
    assert _has(event, name) and not _has(event, absent), event.participants


@pytest.mark.parametrize(("words", "starts", "token", "expected"), [
    # the parser cut the lede after the dateline and before its full stop: back to the text's start
    (["Brest", ",", "le", "3", "mars", "–", "Le", "conseil", "a", "nommé", "Anne", "Riou", ".",
      "Elle", "arrive", "lundi", "."], [0, 6, 9, 12, 13], 13, 0),
    # a full stop then a line break: the sentence before starts after the earlier full stop
    (["Il", "pleut", ".", "Yann", "Morvan", "part", ".", "\n", "Il", "revient", "."],
     [0, 3, 7, 8], 8, 3),
])
def test_events_previous_sentence_spans_the_parser_pieces(
    words: list[str], starts: list[int], token: int, expected: int
) -> None:
    import spacy

    from pipeline.events.anaphora import previous_sentence_start as _previous_sentence_start

    doc = Doc(spacy.blank("fr").vocab, words=words,
              sent_starts=[i in starts for i in range(len(words))])
    assert _previous_sentence_start(doc, doc[token].sent.start) == expected


def test_events_pronoun_after_a_dateline_lede_is_the_person_named(nlp_full: Language) -> None:
    text = ("Quimper, le 3 mars 2024 – Le conseil d'administration de la coopérative Even a nommé "
            "Soazig Le Goff directrice générale. Elle prendra ses fonctions le 2 avril 2024.")
    assert _has(_event(nlp_full, text, "2024-04-02"), "Soazig Le Goff")
