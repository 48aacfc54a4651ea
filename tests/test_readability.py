"""The reading-level check: known answers, what counts as text, limits, and every real page."""

from __future__ import annotations


import pytest

from conftest import add_sample_pages, page
from sitecheck import readability
from sitecheck.build import BuildResult
from sitecheck.readability import Limits, page_limits, score, sentences, syllables, units


@pytest.mark.parametrize(
    ("word", "count"),
    [("adenovirus", 5), ("lentivirus", 4), ("hemophilia", 5), ("chromosome", 3), ("immunotherapy", 6),
     ("retrovirus", 4), ("electroporation", 6), ("AAV", 3), ("mRNA", 4), ("CRISPR", 2), ("cure", 1),
     ("adeno-associated", 8), ("2026", 1)],
)
def test_syllables_of_medical_words(word: str, count: int) -> None:
    assert syllables(word) == count


def test_known_answers_one_simple_sentence() -> None:
    # 6 words, 1 sentence, 6 syllables: FKGL = 0.39*6 + 11.8*1 - 15.59; FRE = 206.835 - 1.015*6 - 84.6*1.
    result = score(["The cat sat on the mat."])
    assert (result.words, result.sentences, result.syllables, result.polysyllables) == (6, 1, 6, 0)
    assert result.fkgl == pytest.approx(-1.45, abs=0.01)
    assert result.fre == pytest.approx(116.15, abs=0.01)
    assert result.smog == pytest.approx(3.13, abs=0.01)


def test_known_answers_two_sentences() -> None:
    # gene(1) therapy(3) uses(2) a(1) vector(2) | it(1) carries(2) a(1) healthy(2) gene(1) into(2) your(1) cells(1)
    # 13 words, 2 sentences, 20 syllables, 1 word of 3+ syllables.
    # FKGL = 0.39*6.5 + 11.8*20/13 - 15.59 = 5.10; SMOG = 1.043*sqrt(30/2) + 3.1291 = 7.17;
    # FRE = 206.835 - 1.015*6.5 - 84.6*20/13 = 70.08; CLI: 56 letters -> 0.0588*430.77 - 0.296*15.38 - 15.8 = 4.98
    result = score(["Gene therapy uses a vector. It carries a healthy gene into your cells."])
    assert (result.words, result.sentences, result.syllables, result.polysyllables) == (13, 2, 20, 1)
    assert result.fkgl == pytest.approx(5.10, abs=0.01)
    assert result.smog == pytest.approx(7.17, abs=0.01)
    assert result.fre == pytest.approx(70.08, abs=0.01)
    assert result.cli == pytest.approx(4.98, abs=0.01)


def test_sentence_splitting() -> None:
    assert sentences("Ask your doctor, e.g. at your next visit. The gene is 4.7 kb long! Dr. Lee agrees") == [
        "Ask your doctor, e.g. at your next visit.", "The gene is 4.7 kb long!", "Dr. Lee agrees",
    ]


def test_units_are_what_a_reader_reads() -> None:
    html = """<html><body><nav><p>Menu text</p></nav><article>
      <h1>How do genes work?</h1>
      <div class="admonition abstract"><p class="admonition-title">Key points</p><ul><li>Genes are instructions</li></ul></div>
      <p>A <abbr title="Deoxyribonucleic acid, the molecule of heredity">gene</abbr> is a recipe.</p>
      <ul><li>First item<ul><li>Nested item.</li></ul></li></ul>
      <details class="info"><summary>The diagram in words</summary><ol><li>The cell holds the nucleus.</li></ol></details>
      <pre><code>not prose</code></pre>
      <table><tr><th>Vector</th><td>Carries genes</td></tr></table>
      <h2 id="sources">Sources</h2><ul><li><a href="https://www.fda.gov/">FDA. What is gene therapy?</a></li></ul>
      <aside class="review-dates"><p>Page last reviewed: 4 December 2026</p></aside>
    </article></body></html>"""
    assert units(html) == [
        "Genes are instructions", "A gene is a recipe.", "First item", "Nested item.",
        "The cell holds the nucleus.", "Vector", "Carries genes",
    ]


def test_a_page_relaxes_its_limit_only_with_a_reason() -> None:
    defaults = Limits(8.0, 9.0)
    assert page_limits({}, defaults, "docs/a.md") == defaults
    relaxed = page_limits({"reading_level": {"max_fkgl": 9, "reason": "Product names."}}, defaults, "docs/a.md")
    assert relaxed == Limits(9.0, 9.0, "Product names.")
    with pytest.raises(readability.LimitError, match="docs/a.md: .*needs a `reason:`"):
        page_limits({"reading_level": {"max_fkgl": 9}}, defaults, "docs/a.md")
    with pytest.raises(readability.LimitError, match="must be a number"):
        page_limits({"reading_level": {"max_smog": "ten", "reason": "x"}}, defaults, "docs/a.md")


HARD = (
    "Notwithstanding considerable methodological heterogeneity, investigators characterized "
    "immunological complications associated with intravenous administration of recombinant "
    "adeno-associated viral vectors. Hepatotoxicity necessitated corticosteroid immunosuppression "
    "in a substantial proportion of participants. Simple words help."
)


add_sample_pages({"easy.md": page("You can read this. It is short.", title="Easy", last_reviewed="2026-11-01"),
                  "hard.md": page(HARD, title="Hard", last_reviewed="2026-11-01")})


def test_an_over_level_page_fails_naming_scores_and_hardest_sentences(sample_site: BuildResult) -> None:
    docs = sample_site.site_dir.parent / "docs"
    reports = {r.page: r for r in readability.report_site(sample_site.site_dir, docs)}
    assert reports["docs/easy.md"].passed
    hard = reports["docs/hard.md"]
    assert not hard.passed
    message = hard.failure()
    assert message.startswith(f"docs/hard.md: FKGL {hard.scores.fkgl} (limit 8.0), SMOG {hard.scores.smog} (limit 9.0)")
    assert "Notwithstanding considerable" in message and "Hepatotoxicity necessitated" in message
    assert message.count("\n  - ") == 3


def test_formulas_agree_with_textstat_on_dictionary_words() -> None:
    # Where textstat's sentence rules and ours agree (no short list items) and every word is in
    # the CMU dictionary, the scores must match textstat 0.7.8's to the hundredth.
    import textstat

    text = ("Your genes are the instructions that tell your cells how to grow. A small change in one gene "
            "can change a protein. Doctors call this change a variant. Some changes pass from parents to children.")
    ours = score([text])
    assert ours.fkgl == pytest.approx(textstat.flesch_kincaid_grade(text), abs=0.01)
    assert ours.smog == pytest.approx(textstat.smog_index(text), abs=0.01)
    assert ours.fre == pytest.approx(textstat.flesch_reading_ease(text), abs=0.01)
    assert ours.cli == pytest.approx(textstat.coleman_liau_index(text), abs=0.5)  # letters counted slightly apart
