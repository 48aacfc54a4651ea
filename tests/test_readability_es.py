"""The Spanish reading-level check: syllables, formulas (cross-checked with legibilidad 0.21), every Spanish page."""

from __future__ import annotations


import pytest

from sitecheck import readability_es
from sitecheck.readability_es import score, sentences, syllables
from sitecheck.settings import section


@pytest.mark.parametrize(("word", "count"), [
    # Pyphen (textstat's Spanish mode) gives una 1, guía 1, todavía 3. guía is guí-a: the u of
    # "gui" is silent and the accented í stands apart from the a (hiatus); terapia is te-ra-pia.
    ("una", 2), ("guía", 2), ("todavía", 4), ("terapia", 3), ("génica", 3), ("proteína", 4),
    ("adenoasociado", 7), ("leer", 2), ("país", 2), ("aéreo", 4), ("ciudad", 2), ("huevo", 2),
    ("que", 1), ("guerra", 2), ("pingüino", 3), ("hoy", 1), ("muy", 1), ("y", 1), ("buey", 1), ("Uruguay", 3),
    ("ADN", 4), ("FDA", 4), ("ARNm", 7), ("CRISPR", 2), ("Casgevy", 3), ("2026", 1), ("beta-talasemia", 6),
])
def test_syllables_of_spanish_words(word: str, count: int) -> None:
    assert syllables(word) == count


def test_known_answers() -> None:
    # la(1) te-ra-pia(3) gé-ni-ca(3) u-sa(2) un(1) vec-tor(2) | el(1) vec-tor(2) lle-va(2) un(1) gen(1) nue-vo(2)
    # 12 words, 2 sentences, 21 syllables.
    # INFLESZ = 206.835 - 62.3*21/12 - 12/2 = 91.81; Fernández Huerta = 206.84 - 60*21/12 - 1.02*6 = 95.72
    result = score(["La terapia génica usa un vector. El vector lleva un gen nuevo."])
    assert (result.words, result.sentences, result.syllables) == (12, 2, 21)
    assert result.inflesz == pytest.approx(91.81, abs=0.01)
    assert result.fernandez_huerta == pytest.approx(95.72, abs=0.01)
    assert readability_es.scale(result.inflesz) == "muy fácil"


def test_sentence_splitting() -> None:
    assert sentences("¿Qué es un gen? Es una instrucción, p. ej. para una proteína. Él lo sabe") == [
        "¿Qué es un gen?", "Es una instrucción, p. ej. para una proteína.", "Él lo sabe",
    ]


def test_formulas_agree_with_legibilidad() -> None:
    # Where both syllable counters agree (no initialisms, no gu/qu before í), the scores must match
    # legibilidad 0.21's to the hundredth. Its sentence rule also ends at ':' ';' and brackets: none here.
    from legibilidad import legibilidad

    text = ("Sus genes son las instrucciones de sus células. Un cambio pequeño en un gen puede cambiar una "
            "proteína. Los médicos llaman variante a ese cambio. Algunos cambios pasan de los padres a los hijos.")
    ours = score([text])
    assert ours.inflesz == pytest.approx(legibilidad.szigriszt_pazos(text), abs=0.01)
    assert ours.syllables == legibilidad.count_all_syllables(text.lower())  # its vowels are lower case only
    # legibilidad rounds syllables per word and words per sentence to 2 decimals first: so do we, here.
    per_word, per_sentence = round(ours.syllables / ours.words, 2), round(ours.words / ours.sentences, 2)
    assert 206.84 - 60 * per_word - 1.02 * per_sentence == pytest.approx(legibilidad.fernandez_huerta(text), abs=0.01)
    assert ours.fernandez_huerta == pytest.approx(legibilidad.fernandez_huerta(text), abs=0.35)


def test_the_sources_section_is_fuentes_in_spanish() -> None:
    html = ("<article><p>Un texto para leer.</p><h2 id='fuentes'>Fuentes</h2>"
            "<ul><li>MedlinePlus. Terapia génica (en inglés): https://medlineplus.gov/</li></ul></article>")
    report = readability_es.report_page("docs-es/a.md", html, readability_es.Limits())
    assert report.scores.words == 4


def test_limits_come_from_pyproject() -> None:
    limits = readability_es.default_limits()
    config = section("readability")["es"]
    assert limits.min_inflesz == config["min_inflesz"] == 65 and limits.target_inflesz == 70


def test_a_hard_spanish_page_fails_naming_its_scores() -> None:
    hard = ("Las complicaciones inmunológicas asociadas con la administración intravenosa de vectores virales "
            "adenoasociados recombinantes requirieron inmunosupresión con corticosteroides en una proporción considerable.")
    report = readability_es.report_page("docs-es/dura.md", f"<article><p>{hard}</p></article>", readability_es.Limits())
    assert not report.passed
    assert report.failure().startswith(f"docs-es/dura.md: INFLESZ {report.scores.inflesz} (at least 65)")
    assert "a paragraph or list item at INFLESZ" in report.failure()


def test_the_reading_level_check_names_a_hard_spanish_page() -> None:
    # The guide's Spanish pages are scored by the registry's reading-level check (tests/test_checks.py),
    # which runs it on the Spanish site with these formulas; its problem names the scores and the fix.
    hard = ("Las complicaciones inmunológicas asociadas con la administración intravenosa de vectores virales "
            "adenoasociados recombinantes requirieron inmunosupresión con corticosteroides en una proporción considerable.")
    report = readability_es.report_page("docs-es/dura.md", f"<article><p>{hard}</p></article>", readability_es.Limits())
    found = str(readability_es.problem(report))
    assert found.startswith(f"docs-es/dura.md: INFLESZ {report.scores.inflesz} (at least 65), Fernández Huerta")
    assert "shorten its hardest sentences first:" in found
