"""Tests for the names an event's clause points back to (pipeline.events.anaphora and
its use by participants and arguments).

Sentences written by the team in the style of regional press, not copied.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_event_arguments import _event, _has, _read  # the event helpers, one home

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "date", "present", "absent"), [
    # a definite description takes up the name introduced with the same noun
    ("La brasserie Mor Braz ouvrira samedi 15 juin 2024 une boutique à Pontivy, annonce la Ville de "
     "Pontivy. Créée en 2011 par Yann Le Floch, la brasserie emploie huit salariés.",
     "2011", ["Mor Braz", "Yann Le Floch"], "Ville de Pontivy"),
    # "l'entreprise" takes up a name introduced as "la société"
    ("La ministre a visité mardi 4 juin 2024 la société Biocéan, à Lorient, avec le président de "
     "Lorient Agglomération. Lorient Agglomération a financé le bâtiment. Fondée en 2016, "
     "l'entreprise emploie 80 personnes.",
     "2016", ["Biocéan"], "Lorient Agglomération"),
])
def test_participants_definite_description_is_the_name_it_takes_up(
    nlp_full: Language, text: str, date: str, present: list[str], absent: str
) -> None:
    event = _event(nlp_full, text, date)
    assert all(_has(event, name) for name in present) and not _has(event, absent), event.participants


def test_participants_relative_object_is_its_antecedent(nlp_full: Language) -> None:
    text = ("La coopérative Fruits d'Oc a nommé Rosa Ferrer directrice le 3 juin 2024. "
            "Rosa Ferrer était depuis 2015 directrice commerciale de Vergers du Tech, la coopérative "
            "de Céret, qu'elle avait rejointe en 2004 comme responsable qualité.")
    event = _event(nlp_full, text, "2004")
    assert _has(event, "Rosa Ferrer") and _has(event, "Vergers du Tech"), event.participants
    # the clause names the organisation she joined: not the article's own
    assert not _has(event, "Fruits d'Oc"), event.participants


def test_participants_pronoun_chain_goes_back_to_the_person(nlp_full: Language) -> None:
    # the article's person is the bishop; the pronouns continue the rector, two sentences back
    text = ("L'évêque de Quimper, Jean Le Bris, a célébré mardi les obsèques du recteur de Locronan. "
            "Jean Le Bris a salué un homme discret. Le recteur de la paroisse, Yves Tanguy, vivait à "
            "Locronan. Il assurait encore les messes du dimanche. Il avait fêté son jubilé en 2015.")
    event = _event(nlp_full, text, "2015")
    assert [p.name for p in event.participants] == ["Yves Tanguy"]


def test_participants_person_pronoun_with_a_named_organisation_leaves_the_issuer_out(
    nlp_full: Language,
) -> None:
    text = ("La technopole Brest-Iroise a nommé Anne Caradec directrice le 3 juin 2024. La technopole "
            "Brest-Iroise fédère 250 adhérents. Anne Caradec a débuté chez Orange à Lannion. Elle a "
            "cofondé en 2015 la start-up Hydrolia.")
    event = _event(nlp_full, text, "2015")
    assert _has(event, "Anne Caradec") and _has(event, "Hydrolia"), event.participants
    assert not _has(event, "Brest-Iroise"), event.participants


@pytest.mark.parametrize(("text", "person", "absent"), [
    # the description after the name, in apposition
    ("L'entreprise Biomer a levé 2 millions d'euros le 12 mars 2024. Fondée en 2016 par Loïc Tanguy, "
     "ancien ingénieur de Naval Group, l'entreprise emploie douze salariés.", "Loïc Tanguy", "Naval Group"),
    # the description before the names
    ("L'entreprise Biomer a levé 2 millions d'euros le 12 mars 2024. Créée en 2016 par deux anciennes "
     "chercheuses de l'Ifremer, Anne Morel et Julie Vasseur, l'entreprise emploie douze salariés.",
     "Anne Morel", "Ifremer"),
])
def test_participants_organisation_describing_a_person_takes_no_part(
    nlp_full: Language, text: str, person: str, absent: str
) -> None:
    event = _event(nlp_full, text, "2016")
    assert _has(event, person) and not _has(event, absent), event.participants


@pytest.mark.parametrize(("text", "date", "values"), [
    # the result of an election after "avec", past the comma that ends the clause's segment
    ("Marc Le Goff a été élu maire de Vannes samedi 4 juillet 2020, avec 33 voix sur 45.",
     "2020-07-04", [33.0]),
    # the number of those the event reaches, after "chez"
    ("Les premiers capteurs seront installés en mars 2024 chez une vingtaine d'éleveurs du Finistère.",
     "2024-03", [20.0]),
])
def test_event_arguments_result_figure_after_avec(
    nlp_full: Language, text: str, date: str, values: list[float]
) -> None:
    event = _event(nlp_full, text, date)
    assert [q.value for q in event.quantities] == values
    assert not any(p.label == "GROUP" for p in event.participants), event.participants


@pytest.mark.parametrize(("date", "trigger"), [("2015", "Créée"), ("2024-02-14", "organisera")])
def test_participants_acronym_is_the_name_it_was_defined_with(
    nlp_full: Language, date: str, trigger: str
) -> None:
    text = ("L'Agence de développement économique (ADE) de Brest Métropole accompagnera vingt entreprises "
            "en 2024. Créée en 2015, l'ADE emploie douze personnes. L'ADE organisera le 14 février 2024 "
            "une réunion d'information.")
    event = _event(nlp_full, text, date)
    assert trigger in event.evidence[0].text
    assert [p.name for p in event.participants] == ["Agence de développement économique"]


def test_participants_list_ends_at_a_new_complement(nlp_full: Language) -> None:
    text = ("Le contrat a été signé lundi 9 mai 2022 entre la Région Bretagne et l'entreprise Armor Lux, "
            "en présence du préfet.")
    event = _event(nlp_full, text, "2022-05-09")
    assert sorted(p.name for p in event.participants) == ["Armor Lux", "Région Bretagne"]


def test_participants_passive_subject_named_before_the_segment(nlp_full: Language) -> None:
    # the clause's segment starts inside the hyphenated first name; the parse still makes
    # the person the passive's subject
    text = "Paul-Antoine Santoni a été élu jeudi 25 novembre 2021 président de la Chambre de commerce de Corse."
    assert _has(_event(nlp_full, text, "2021-11-25"), "Paul-Antoine Santoni")


@pytest.mark.parametrize(("text", "date", "kind", "location"), [
    # the place of the post a person is elected to
    ("Marc Le Goff a été élu maire de Vannes samedi 4 juillet 2020, avec 33 voix sur 45.",
     "2020-07-04", "election", "Vannes"),
    # the place the parse gives the support verb, after a relative that cut the segment
    ("La session d'installation de la nouvelle chambre, au cours de laquelle sera élu son président, "
     "se tiendra le 25 février 2019 à Landerneau.", "2019-02-25", "meeting", "Landerneau"),
])
def test_event_arguments_place_from_the_parse_beyond_the_segment(
    nlp_full: Language, text: str, date: str, kind: str, location: str
) -> None:
    events = [e for e in _read(nlp_full, text, "2024-06-10")._.events if e.date == date and e.type == kind]
    assert [e.location for e in events] == [location]


@pytest.mark.parametrize(("rejoint_dep", "expected"), [
    # the parse missed the full stop and hung the next sentence's verb on the modal: its
    # own finite auxiliary says past
    ("dep", "past"),
    # the modal's own infinitive: planned
    ("xcomp", "planned"),
])
def test_status_modal_governs_only_its_infinitive(rejoint_dep: str, expected: str) -> None:
    import spacy
    from spacy.tokens import Doc

    from pipeline.events.lexicon import load_lexicon
    from pipeline.events.mention import Mention
    from pipeline.events.status import status

    words = ["Il", "pourrait", "manquer", "le", "match", ".", "Ferreri", "avait", "rejoint", "Brest"]
    finite = rejoint_dep == "dep"
    doc = Doc(
        spacy.blank("fr").vocab, words=words,
        heads=[1, 1, 1, 4, 2, 1, 8, 8, 1, 8],
        deps=["nsubj", "ROOT", "xcomp", "det", "obj", "punct", "nsubj", "aux:tense", rejoint_dep, "obj"],
        pos=["PRON", "VERB", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "AUX", "VERB", "PROPN"],
        lemmas=["il", "pouvoir", "manquer", "le", "match", ".", "Ferreri", "avoir", "rejoindre", "Brest"],
        morphs=["", "Mood=Cnd|VerbForm=Fin", "VerbForm=Inf", "", "", "", "",
                "Mood=Ind|Tense=Imp|VerbForm=Fin" if finite else "VerbForm=Inf", "Tense=Past|VerbForm=Part", ""],
    )
    mention = Mention(trigger=doc[8], trigger_end=9, type="recruitment", nominal=False, seg_start=6, seg_end=10)
    assert status(mention, doc, load_lexicon(), "2016-08-04") == expected


def test_participants_subject_of_the_clause_an_event_is_the_occasion_of(nlp_full: Language) -> None:
    text = ("La start-up Kelenn a levé 3 millions d'euros. Kelenn recrute dix ingénieurs. Elle présentera "
            "son nouveau capteur jeudi 15 février 2024 lors des Rencontres de l'agriculture, organisées à "
            "Rennes par la Région Bretagne.")
    event = _event(nlp_full, text, "2024-02-15")
    assert _has(event, "Kelenn") and _has(event, "Région Bretagne"), event.participants


@pytest.mark.parametrize(("text", "date", "values"), [
    # a sum in a relative clause on the subject is the subject's, not the event's
    ("Le groupe Kerlo, qui réalise 310 millions d'euros de chiffre d'affaires, s'était renforcé en "
     "septembre 2022 avec l'acquisition d'une conserverie bretonne.", "2022-09", []),
    # a sum of the main verb's clause is not the fronted participle's event
    ("Fondée en 1962, la coutellerie Lamarre emploie 85 salariés et a réalisé en 2023 un chiffre "
     "d'affaires de 12 millions d'euros.", "1962", []),
    # the event's own sum stays
    ("La Région a accordé en 2021 une subvention de 400 000 euros à la coopérative.", "2021", [400000.0]),
])
def test_event_arguments_sum_of_the_event_clause_only(
    nlp_full: Language, text: str, date: str, values: list[float]
) -> None:
    assert [q.value for q in _event(nlp_full, text, date).quantities] == values
