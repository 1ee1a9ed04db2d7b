"""Event detection and typing on sentences written in the style of regional press (issue 20).

Each case is a kind of error seen on the dev halves: a verb that takes the date, and so
the type, of an event a noun tells; a parse that hides which noun a verb is about.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language
from test_events import _parse  # the hand-dated doc helper, one home

from pipeline.events import find_events


def _dated(nlp: Language, text: str, dates: list[tuple[str, str]], published: str) -> list[tuple[str, str]]:
    return sorted((e.type, e.date) for e in find_events(_parse(nlp, text, dates, published=published)) if e.date)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # a dated relative clause about an event noun dates the noun's event, whatever
        # noun the parser hung the relative on
        ("La coopérative a engagé le rapprochement avec la laiterie de Landerneau, voté en mars "
         "par les deux conseils, qui devrait aboutir en septembre 2024.",
         [("mars", "2024-03"), ("septembre 2024", "2024-09")],
         ("acquisition", "2024-09")),
        # a verbal trigger in a relative clause about an event noun is part of its event
        ("La session d'installation, au cours de laquelle la nouvelle assemblée élira son "
         "président, se tiendra le 12 février à Carhaix.",
         [("le 12 février", "2024-02-12")],
         ("meeting", "2024-02-12")),
    ],
)
def test_events_detection_relative_clause_tells_the_noun_event(
    nlp_md: Language, text: str, dates: list[tuple[str, str]], expected: tuple[str, str]
) -> None:
    found = _dated(nlp_md, text, dates, "2024-01-20")
    assert expected in found
    # and no second event of another type on that date
    assert [d for _, d in found].count(expected[1]) == 1


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # the parser hangs the object after the date on the date: the verb still supports it
        ("Le tribunal de commerce de Quimper a validé mercredi la reprise de la conserverie "
         "Le Gall par le groupe Chancerelle.",
         [("mercredi", "2024-03-13")], ("acquisition", "2024-03-13")),
        # a verb of taking place whose subject the parser missed after a dateline line:
        # the agreeing event noun before it is what took place
        # a salon or festival opening its doors is its edition taking place, not a launch,
        # though the parser takes a word of its name for the subject
        ("Pour sa dixième édition, le festival nantais Rock'n Loire a ouvert ses portes vendredi "
         "sur l'île de Nantes.",
         [("vendredi", "2024-03-15")], ("other", "2024-03-15")),
        ("Pour sa quatrième édition, le salon nautique Grand Pavois Expo a ouvert ses portes ce "
         "mercredi au port de La Rochelle.",
         [("ce mercredi", "2024-03-13")], ("conference", "2024-03-13")),
        ("Trophées de l'entreprise : le palmarès\n\n15 mars 2024 . –\nLa 12e cérémonie des "
         "Trophées de l'entreprise , organisée par la CCI et présentée par Anne Le Bihan , "
         "s'est déroulée le 14 mars au Quartz de Brest.",
         [("le 14 mars", "2024-03-14")], ("other", "2024-03-14")),
    ],
)
def test_events_detection_support_verb_through_a_faulty_parse(
    nlp_md: Language, text: str, dates: list[tuple[str, str]], expected: tuple[str, str]
) -> None:
    assert _dated(nlp_md, text, dates, "2024-03-16") == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # a participle the parser hangs on the main verb qualifies the noun that agrees
        # with it: an unveiled promotion is an award, not a launch
        ("Trois start-up morlaisiennes font partie des 30 lauréats de la nouvelle promotion de "
         "l'accélérateur West Booster, dévoilée lundi par la Région.",
         [("lundi", "2024-03-11")], ("award", "2024-03-11")),
        ("Quatre jeunes entreprises brestoises figurent parmi les 52 lauréats de la deuxième "
         "promotion du programme Breizh Up Tremplin, dévoilée mardi par la mission Bretagne Tech.",
         [("mardi", "2024-03-12")], ("award", "2024-03-12")),
    ],
)
def test_events_detection_detached_participle_reads_the_agreeing_noun(
    nlp_md: Language, text: str, dates: list[tuple[str, str]], expected: tuple[str, str]
) -> None:
    assert _dated(nlp_md, text, dates, "2024-03-14") == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # nouns and verbs the lexicon lacked: the clause's verb took the date as "other"
        ("Le fonds Breizh Capital a réalisé sa deuxième prise de participation, en février, "
         "dans une conserverie de Douarnenez.",
         [("février", "2024-02")], ("funding", "2024-02", "prise")),
        ("La société lannionaise avait été sélectionnée en janvier par l'Agence spatiale "
         "européenne.",
         [("janvier", "2024-01")], ("award", "2024-01", "sélectionnée")),
        ("Depuis sa défaite à l'élection municipale de Brest en 2020, l'ancien adjoint "
         "multiplie les critiques.",
         [("2020", "2020")], ("election", "2020", "défaite")),
        # a trigger deep in another's complement is part of that one's phrase
        ("Le concours des vins de la foire aura lieu samedi 9 mars à Beaune.",
         [("samedi 9 mars", "2024-03-09")], ("award", "2024-03-09", "concours")),
        ("Le concours des fromages de la foire aura lieu samedi 9 mars, et la vente aux "
         "enchères le dimanche 10 mars.",
         [("samedi 9 mars", "2024-03-09"), ("le dimanche 10 mars", "2024-03-10")],
         ("award", "2024-03-09", "concours")),
        # the kick-off of a festival is the noun's event, not its support verb's clause
        ("Le coup d'envoi du festival sera donné vendredi à 18 heures par le maire.",
         [("vendredi", "2024-03-15")], ("other", "2024-03-15", "coup")),
    ],
)
def test_events_detection_lexicon_names_the_event(
    nlp_md: Language, text: str, dates: list[tuple[str, str]], expected: tuple[str, str, str]
) -> None:
    found = find_events(_parse(nlp_md, text, dates, published="2024-03-14"))
    assert [(e.type, e.date, e.trigger) for e in found if e.date] == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # a noun naming who takes part is no event when a trigger verb has it as patient
        ("Les lauréats finistériens seront reçus le mardi 9 avril à la préfecture de Quimper, "
         "en présence du préfet.",
         [("le mardi 9 avril", "2024-04-09")], ("meeting", "2024-04-09")),
    ],
)
def test_events_detection_participant_noun_leaves_the_event_to_its_verb(
    nlp_md: Language, text: str, dates: list[tuple[str, str]], expected: tuple[str, str]
) -> None:
    assert _dated(nlp_md, text, dates, "2024-03-20") == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # an event told by its span and by a day inside it spans the range
        ("La liste Union paysanne a remporté les élections à la chambre d'agriculture du "
         "Morbihan, dont les résultats ont été proclamés vendredi à Vannes. Le vote s'était "
         "déroulé par voie électronique du 10 au 24 octobre.",
         [("vendredi", "2024-10-24"), ("du 10 au 24 octobre", "2024-10-10/2024-10-24")],
         ("election", "2024-10-10/2024-10-24")),
    ],
)
def test_events_detection_merged_event_spans_its_range(
    nlp_md: Language, text: str, dates: list[tuple[str, str]], expected: tuple[str, str]
) -> None:
    assert expected in _dated(nlp_md, text, dates, "2024-10-26")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # a noun coordinated with the verb's object shares its support verb and keeps its
        # own phrase, and so its own date
        ("Le maire a annoncé la rénovation de la piscine et l'ouverture d'une médiathèque en "
         "septembre.",
         [("septembre", "2024-09")], ("launch", "2024-09", "l'ouverture d'une médiathèque en septembre.")),
        ("Dans son discours, le président de la chambre a annoncé la création d'un fonds de "
         "garantie avec la Région, et l'ouverture d'une antenne à Morlaix dès le printemps prochain.",
         [("le printemps prochain", "2025-SP")],
         ("launch", "2025-SP", "l'ouverture d'une antenne à Morlaix dès le printemps prochain.")),
    ],
)
def test_events_detection_coordinated_objects_share_the_support_verb(
    nlp_md: Language, text: str, dates: list[tuple[str, str]], expected: tuple[str, str, str]
) -> None:
    events = find_events(_parse(nlp_md, text, dates, published="2024-06-20"))
    assert [(e.type, e.date, e.evidence[-1].text) for e in events if e.date] == [expected]
    # no event has an empty piece of evidence
    assert all(ev.text for e in events for ev in e.evidence)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # the definite paper of a deal told just before dates that deal: one event
        ("Le Crédit Mutuel de Bretagne a accordé un prêt de 3 millions d'euros à la conserverie "
         "Gonidec. Le contrat a été signé mardi 12 mars à Concarneau, en présence du maire, "
         "Marc Bigot.",
         [("mardi 12 mars", "2024-03-12")], ("funding", "2024-03-12")),
    ],
)
def test_events_detection_deal_paper_dates_the_deal(
    nlp_md: Language, text: str, dates: list[tuple[str, str]], expected: tuple[str, str]
) -> None:
    events = find_events(_parse(nlp_md, text, dates, published="2024-03-14"))
    assert [(e.type, e.date) for e in events if e.date] == [expected]
    assert len(events[0].evidence) == 2  # the loan's sentence and the signature's


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # a day followed by the span of days the event lasts dates it with the interval
        ("La foire aux vins de Carhaix se tiendra jeudi 18 juillet au parc des expositions, "
         "pour quatre jours.",
         [("jeudi 18 juillet", "2024-07-18"), ("quatre jours", "P4D")],
         [("other", "2024-07-18/2024-07-21")]),
        ("Le salon de l'habitat se tiendra samedi 5 octobre à Lorient, pendant deux jours.",
         [("samedi 5 octobre", "2024-10-05"), ("deux jours", "P2D")],
         [("conference", "2024-10-05/2024-10-06")]),
        # a span that is not how long the event lasts leaves the day alone
        ("Le salon de l'habitat se tiendra samedi 5 octobre à Lorient, après deux jours de montage.",
         [("samedi 5 octobre", "2024-10-05"), ("deux jours", "P2D")],
         [("conference", "2024-10-05")]),
    ],
)
def test_events_detection_day_and_span_of_days_make_an_interval(
    nlp_md: Language, text: str, dates: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    doc = _parse(nlp_md, text, dates, published="2024-07-01")
    doc._.dates = tuple(replace(d, type="DURATION") if d.value.startswith("P") else d for d in doc._.dates)
    assert sorted((e.type, e.date) for e in find_events(doc) if e.date) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # an announced candidacy is the announcement, not an award of its own
        ("Le conseiller départemental a officialisé mardi sa candidature à l'élection municipale "
         "de Morlaix.",
         [("mardi", "2024-03-12")], [("announcement", "2024-03-12")]),
        ("L'ancienne adjointe annoncera sa candidature ce soir sur l'antenne de France Bleu "
         "Breizh Izel.",
         [("ce soir", "2024-03-14TEV")], [("announcement", "2024-03-14")]),
    ],
)
def test_events_detection_announced_candidacy_is_the_announcement(
    nlp_md: Language, text: str, dates: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert _dated(nlp_md, text, dates, "2024-03-14") == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # the year after "contre N" is the baseline a figure is compared with, no event of its own
        ("Les organisateurs du salon espèrent 9 000 visiteurs, contre 7 400 l'an dernier.",
         [("l'an dernier", "2023")],
         []),
        # the same baseline on a dated event: the event keeps its own day
        ("La braderie a attiré dimanche 18 000 chineurs, contre 15 000 en 2022.",
         [("dimanche", "2024-09-01"), ("2022", "2022")],
         [("other", "2024-09-01")]),
        # a date after "contre" that is no figure's baseline still dates its event
        ("Le club recevra Brest le 14 septembre, après sa défaite contre Lorient le 7 septembre.",
         [("le 14 septembre", "2024-09-14"), ("le 7 septembre", "2024-09-07")],
         [("other", "2024-09-07"), ("other", "2024-09-14")]),
    ],
)
def test_events_detection_compared_figure_year_dates_nothing(
    nlp_md: Language, text: str, dates: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert _dated(nlp_md, text, dates, "2024-09-03") == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # unveiling the list of the laureates is the award, not an announcement
        ("La Région Bretagne a dévoilé jeudi la liste des lauréats de son prix de l'innovation "
         "agricole.",
         [("jeudi", "2024-03-14")],
         [("award", "2024-03-14")]),
        # presenting the list of counted laureates of a call is the award, not the call's launch
        ("Mardi, à Quimper, le préfet du Finistère a présenté la liste des 12 lauréats "
         "finistériens de l'appel à projets « Territoires d'industrie ».",
         [("Mardi", "2024-03-12")],
         [("award", "2024-03-12")]),
    ],
)
def test_events_detection_list_of_laureates_is_the_award(
    nlp_md: Language, text: str, dates: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert _dated(nlp_md, text, dates, "2024-03-15") == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # an expected outcome is no happening: its date makes no event of the clause
        ("La décision du tribunal administratif de Rennes est attendue au second semestre 2024.",
         [("second semestre 2024", "2024-H2")]),
        ("La finalisation de l'opération est attendue en septembre, après l'avis du comité social.",
         [("septembre", "2024-09")]),
        ("Les organisateurs, la société Brest Expo, tablent sur 40 000 visiteurs cette année.",
         [("cette année", "2024")]),
    ],
)
def test_events_detection_expectation_dates_no_clause(
    nlp_md: Language, text: str, dates: list[tuple[str, str]]
) -> None:
    assert _dated(nlp_md, text, dates, "2024-03-15") == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # the parser runs the new paragraph's fronted participle on into the sentence before
        # and hangs it on a noun there: it is no support of that noun, but an event of its own
        ("Le Havre, le 5 octobre 2023 – L'usine de méthanisation de Gonfreville a été inaugurée "
         "lundi.\nLe financement atteint 12 millions d'euros, dont 3 millions apportés par la Région "
         "Normandie.\nLancé en mars 2022, le chantier a été retardé par les intempéries.",
         ("launch", "2022-03"), ("funding", "2022-03")),
    ],
)
def test_events_detection_participle_opening_a_missed_sentence(
    nlp_full: Language, text: str, expected: tuple[str, str], absent: tuple[str, str]
) -> None:
    from pipeline.evaluation.events import _run

    found = [(e.type, e.date) for e in _run(nlp_full, text, None)._.events if e.date]
    assert expected in found
    assert absent not in found
