"""User text in the report: every script drawn by a font that has it,
right-to-left text joined and in reading order, markup kept literal, and
text of any length (a note, a table cell) wrapped and split across pages.

Real PDFs are built with reportlab and read back with pypdf, which gives
the text as drawn: right-to-left lines in display order, Arabic as the
joined presentation forms (NFKC turns those back into letters).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from bidi import get_display
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Table
from reportlab.platypus.doctemplate import LayoutError

from report import fonts
from report.text import (
    PlainText,
    TextStyle,
    _display_order,
    _Paragraph,
    _paragraphs,
    draw_line,
    layout,
    shorten,
    text_table,
)

WIDTH = 170 * mm  # the frame of an A4 page with SimpleDocTemplate's margins

SAMPLES = {
    "latin": "Crème brûlée in Zürich, naïve Åsa, Łódź, São Paulo, Dvořák, œuvre",
    "cyrillic": "Съешь же ещё этих мягких французских булок",
    "greek": "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία",
    "chinese": "我们一起规划两个人的职业生涯",
    "japanese": "私たちは二人のキャリアを一緒に計画します",
    "hebrew": "שלום עולם אנחנו מתכננים יחד",
    "arabic": "مرحبا بالعالم نخطط معا لمستقبلنا المهني",
    "emoji": "🌱🚀",
}


def build(tmp_path: Path, story: list[Flowable], name: str = "out.pdf") -> list[str]:
    """The story as an A4 PDF, read back with pypdf: the text of each page
    (pypdf puts Hebrew back in reading order, not Arabic's joined forms)."""
    path = tmp_path / name
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return [page.extract_text() for page in PdfReader(path).pages]


def as_seen(path: Path) -> list[str]:
    """Each line of the PDF's first page as a reader sees it: its glyphs'
    characters from left to right (pdfminer.six reorders nothing)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    [page] = extract_pages(path, page_numbers=[0])
    return [line.get_text().rstrip("\n") for box in page if isinstance(box, LTTextContainer)
            for line in box]


def fonts_in_pdf(path: Path) -> dict[str, str]:
    """Each drawn piece of text → the embedded font it was drawn with."""
    drawn: dict[str, str] = {}

    def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
        if text.strip() and font is not None:
            drawn[text.strip()] = str(font["/BaseFont"])

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return drawn


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


class Recorder(Canvas):
    """A canvas that notes where each string is drawn, in the flowable's own
    coordinates (drawOn is not used, so nothing is translated)."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.drawn: list[tuple[float, float, str, str]] = []

    def drawString(self, x, y, text, *args, **kwargs):  # type: ignore[no-untyped-def,override]
        self.drawn.append((x, y, text, self._fontname))
        return super().drawString(x, y, text, *args, **kwargs)


def drawn(tmp_path: Path, flowable: PlainText, width: float) -> list[tuple[float, float, str, str]]:
    canvas = Recorder(tmp_path / "recorded.pdf")
    flowable.wrap(width, 1000)
    flowable.canv = canvas
    flowable.draw()
    return canvas.drawn


# --- Fonts -------------------------------------------------------------------

@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("script", sorted(SAMPLES))
def test_every_character_of_every_script_is_drawn_by_a_font_that_has_it(
        script: str, bold: bool) -> None:
    lines = layout(SAMPLES[script], WIDTH, TextStyle(bold=bold))
    runs = [run for line in lines for run in line.runs]
    assert "".join(run.text for run in runs).replace(" ", "")
    for run in runs:
        missing = [char for char in run.text if not fonts.has_glyph(run.font, char)]
        assert not missing, f"{script}: {missing} would be boxes in {run.font}"
    used = {run.font for run in runs if run.text.strip()}
    expected = {"chinese": {fonts.CJK}, "japanese": {fonts.CJK}, "emoji": {fonts.SYMBOLS}}.get(
        script, {fonts.BOLD if bold else fonts.REGULAR})
    assert used == expected


def test_arabic_is_drawn_in_joined_forms_that_dejavu_has() -> None:
    [line] = layout("مرحبا بالعالم", WIDTH)
    assert all("\ufe70" <= char <= "\ufeff" for char in line.text if char != " "), (
        "every letter in its initial, medial, final or isolated form")
    assert unicodedata.name(line.text[-1]) == "ARABIC LETTER MEEM INITIAL FORM", (
        "the first letter of the first word is drawn rightmost, joined to the next")
    assert {run.font for run in line.runs} == {fonts.REGULAR}
    [lam_alef] = layout("لا", WIDTH)
    assert lam_alef.text == "\ufefb", "lam-alef is one sign, as in print"
    [allah] = layout("الله", WIDTH)
    assert all(fonts.has_glyph(fonts.REGULAR, char) for char in allah.text), (
        "no ligature DejaVu Sans lacks (the word 'Allah' stays letters)")


def test_a_character_no_font_has_falls_to_dejavu_and_invisible_ones_are_not_drawn() -> None:
    newer_than_symbola = "\U0001fae8"  # shaking face, Unicode 15
    assert fonts.font_for(newer_than_symbola) == fonts.REGULAR
    assert not fonts.has_glyph(fonts.REGULAR, newer_than_symbola), "drawn as DejaVu's box"
    [line] = layout("Love ❤\ufe0f 👩\u200d👩\u200d👧 \u200fשלום\u200e\u00ad", WIDTH)
    drawn_text = "".join(run.text for run in line.runs)
    for invisible in "\ufe0f\u200d\u200f\u200e\u00ad":
        assert invisible not in drawn_text
    assert "👩👩👧" in drawn_text, "the family's members, one after the other"


def test_bold_takes_dejavu_bold_and_the_fallbacks_as_they_are() -> None:
    [line] = layout("Crème 日本 שלום 🚀", WIDTH, TextStyle(bold=True))
    by_font = {font: "".join(run.text for run in line.runs if run.font == font)
               for font in {run.font for run in line.runs}}
    assert by_font[fonts.BOLD].split() == ["Crème", "םולש"]
    assert by_font[fonts.CJK] == "日本"
    assert by_font[fonts.SYMBOLS] == "🚀"


# --- Right to left -------------------------------------------------------------

def test_a_hebrew_name_in_english_reads_in_place_and_the_note_stays_left_aligned(
        tmp_path: Path) -> None:
    [line] = layout("We met שרה in Haifa", WIDTH)
    assert line.text == "We met הרש in Haifa"
    assert not line.rtl
    [(x, _, text, _), *_] = drawn(tmp_path, PlainText("We met שרה in Haifa"), 300)
    assert x == 0 and text.startswith("We met")


def test_an_arabic_note_is_right_aligned_with_its_numbers_left_to_right(tmp_path: Path) -> None:
    [line] = layout("عام 2025 رقم", WIDTH)
    assert line.rtl
    assert unicodedata.normalize("NFKC", line.text) == "مقر 2025 ماع"
    style = TextStyle(size=10)
    calls = drawn(tmp_path, PlainText("عام 2025 رقم", style), 300)
    right = max(x + fonts.text_width(text, style.size) for x, _, text, _ in calls)
    assert right == pytest.approx(300)


def test_brackets_in_right_to_left_text_are_mirrored_to_open_towards_their_content() -> None:
    [hebrew] = layout("שלום (abc) 123.", WIDTH)
    assert hebrew.text == ".123 (abc) םולש"
    [english] = layout("abc (שלום) def", WIDTH)
    assert english.text == "abc (םולש) def"
    [arabic] = layout("مرحبا [نص] و «قول»", WIDTH)
    assert unicodedata.normalize("NFKC", arabic.text) == "«لوق» و [صن] ابحرم"


def test_vowel_marks_are_drawn_just_before_their_letter_where_dejavu_places_them() -> None:
    # DejaVu's Hebrew points and Arabic harakat have no advance and are
    # drawn to the right of the pen: over the letter that follows them.
    [hebrew] = layout("שָׁלוֹם", WIDTH)
    assert hebrew.text == "שָׁלוֹם"[::-1], "each letter's points just before it"
    assert unicodedata.combining(hebrew.text[hebrew.text.index("ש") - 1])
    [arabic] = layout("مُحَمَّد", WIDTH)
    assert unicodedata.normalize("NFKC", arabic.text) == unicodedata.normalize(
        "NFKC", "مُحَمَّد"[::-1]), "harakat kept"


def test_a_paragraph_with_no_letters_follows_the_note_and_each_paragraph_has_its_own() -> None:
    lines = layout("مرحبا\n2025\nHello", WIDTH)
    assert [line.rtl for line in lines] == [True, True, False]


def test_lines_are_wrapped_in_reading_order_then_each_put_in_display_order() -> None:
    words = ["אחד", "שתיים", "שלוש", "ארבע", "חמש", "שש", "שבע", "שמונה"]
    style = TextStyle(size=10)
    width = fonts.text_width(" ".join(words[:3]), 10) + 1
    lines = layout(" ".join(words), width, style)
    assert len(lines) >= 3
    assert lines[0].text == " ".join(words[:3])[::-1], "the first words on the first line"
    assert " ".join(line.text[::-1] for line in lines) == " ".join(words)


@given(st.text(st.sampled_from("אבגدهو abcXYZ 0123٤٥.,:-+!?%$#()[]<>«»"), max_size=40))
def test_display_order_matches_python_bidi_except_for_the_mirrored_brackets(text: str) -> None:
    """Our reading of python-bidi's levels (L1, L2) gives its own order;
    only brackets in right-to-left runs differ: they are mirrored."""
    for rtl in (False, True):
        paragraph = _paragraphs(text)[0]._replace(rtl=rtl, bidi=True) if text.strip() else None
        if paragraph is None:
            continue
        from report.text import _levels

        levels = _levels(paragraph.text, rtl)
        assert levels is not None, "python-bidi's report of levels could be read"
        ours = _display_order(paragraph._replace(levels=levels))
        theirs = get_display(paragraph.text, base_dir="R" if rtl else "L")
        unify = str.maketrans("()[]<>«»", "((((((((")
        assert ours.translate(unify) == theirs.translate(unify)


def test_without_readable_levels_lines_still_come_in_display_order() -> None:
    paragraph = _Paragraph("שלום (abc)", True, True, None)
    assert _display_order(paragraph) == get_display("שלום (abc)", base_dir="R")


# --- Wrapping ----------------------------------------------------------------

def test_text_wraps_at_spaces_within_the_width() -> None:
    text = " ".join(f"word{number}" for number in range(200))
    lines = layout(text, 200)
    assert len(lines) > 10
    assert all(line.width <= 200 for line in lines)
    assert " ".join(line.text for line in lines) == text


def test_chinese_and_japanese_break_between_characters_never_before_a_closing_mark() -> None:
    text = "我们一起规划两个人的职业生涯，互相支持。私たちは「東京」へ引っ越す。" * 6
    lines = layout(text, 120)
    assert len(lines) > 5
    assert all(line.width <= 120 for line in lines)
    assert "".join(line.text for line in lines) == text
    assert not any(line.text[0] in "，。」、ょっ" for line in lines)
    assert not any(line.text[-1] in "「" for line in lines)
    room = fonts.text_width("一二三", 10) + 1  # room for three characters, not the "。"
    assert [line.text for line in layout("一二三。四五六", room)] == ["一二", "三。四", "五六"]
    assert [line.text for line in layout("一二「三四", room)] == ["一二", "「三四"]


def test_a_word_longer_than_the_line_breaks_between_letters_never_inside_one() -> None:
    word = "x" * 500
    lines = layout(word, 100)
    assert len(lines) > 5
    assert all(line.width <= 100 for line in lines)
    assert "".join(line.text for line in lines) == word
    accented = "e\u0301" * 200
    lines = layout(accented, 100)
    assert all(not unicodedata.combining(line.text[0]) for line in lines)
    assert "".join(line.text for line in lines) == accented
    # With a skin tone; joined into one sign; a Devanagari vowel sign (boxes
    # here, but as wide as any letter).
    for sequence in ("👍🏽", "👩\u200d👧", "क\u093f"):
        for width in (95, 100):
            lines = layout(sequence * 60, width)
            assert len(lines) > 3
            assert all(line.text.startswith(sequence[0]) for line in lines), "never split inside"


def test_line_breaks_typed_are_kept_and_empty_text_takes_no_room() -> None:
    assert [line.text for line in layout("one\ntwo\r\n\nfour\n", WIDTH)] == [
        "one", "two", "", "four"]
    assert layout("", WIDTH) == []
    assert PlainText("").wrap(WIDTH, 500) == (WIDTH, 0)
    [spaces] = layout("      ", WIDTH)
    assert spaces.text.strip() == ""
    assert PlainText("      ").wrap(WIDTH, 500)[1] == TextStyle().line_height


def test_shorten_fits_a_label_in_its_width() -> None:
    long = "Rachel's residency in Zürich & <Marcus> שלום " * 5
    short = shorten(long, 150, 10)
    assert short.endswith("…") and fonts.text_width(short, 10) <= 150
    assert shorten("Short", 150, 10) == "Short"


def test_draw_line_draws_a_name_literally_and_aligned(tmp_path: Path) -> None:
    canvas = Recorder(tmp_path / "line.pdf")
    width = draw_line(canvas, 100, 50, "Rachel & <b>Marcus</b>", TextStyle(alignment="right"))
    [(x, y, text, font)] = canvas.drawn
    assert (text, y, font) == ("Rachel & <b>Marcus</b>", 50, fonts.REGULAR)
    assert x == pytest.approx(100 - width)
    canvas.drawn.clear()
    draw_line(canvas, 0, 0, "مرحبا " * 40, width=200)
    [(x, _, text, _)] = canvas.drawn
    assert text.startswith("…"), "shortened at its logical end, drawn at the left"
    assert x + fonts.text_width(text, 10) == pytest.approx(200)


# --- Whole PDFs ----------------------------------------------------------------

def test_every_script_comes_back_from_the_pdf_as_typed(tmp_path: Path) -> None:
    style = TextStyle(size=11, space_after=4)
    story: list[Flowable] = [PlainText(text, style) for text in SAMPLES.values()]
    story.append(PlainText("<b>Bold?</b> &amp; <font color=red>x</font> <para/> & < >", style))
    [page] = build(tmp_path, story)
    assert "<b>Bold?</b> &amp; <font color=red>x</font> <para/> & < >" in page.splitlines()
    assert SAMPLES["hebrew"] in page, "copied from the PDF, Hebrew reads as typed"
    lines = as_seen(tmp_path / "out.pdf")
    for script in ("latin", "cyrillic", "greek", "chinese", "japanese", "emoji"):
        assert SAMPLES[script] in lines
    assert SAMPLES["hebrew"][::-1] in lines, "on the page, from right to left"
    [arabic] = [line for line in lines if "\ufe70" <= line[:1] <= "\ufeff"]
    assert all("\ufe70" <= char <= "\ufeff" for char in arabic.replace(" ", "")), "joined"
    assert unicodedata.normalize("NFKC", arabic)[::-1] == SAMPLES["arabic"], "right to left"
    assert "<b>Bold?</b> &amp; <font color=red>x</font> <para/> & < >" in lines
    used = fonts_in_pdf(tmp_path / "out.pdf")
    assert "Symbola" in used["🌱🚀"]
    assert "DroidSansFallback" in used[SAMPLES["chinese"]]
    assert "DejaVuSans" in used[SAMPLES["hebrew"]]


def test_a_ten_thousand_character_note_wraps_over_pages_with_nothing_lost(
        tmp_path: Path) -> None:
    words = [f"w{number:04d}" for number in range(1700)]
    note = " ".join(words)
    assert len(note) >= 10_000
    pages = build(tmp_path, [PlainText("Notes", TextStyle(size=14, bold=True)),
                             PlainText(note)])
    assert len(pages) >= 3
    found = re.findall(r"w\d{4}", " ".join(pages))
    assert found == words, "every word once, in order, across the pages"


def test_a_right_to_left_note_stays_right_aligned_on_its_next_page(tmp_path: Path) -> None:
    note = " ".join(["مرحبا بالعالم"] * 1500)
    first, rest = PlainText(note).split(300, 200)
    assert isinstance(first, PlainText) and isinstance(rest, PlainText)
    for part in (first, rest):
        calls = drawn(tmp_path, part, 300)
        right = max(x + fonts.text_width(text, 10) for x, _, text, _ in calls)
        assert right == pytest.approx(300)


def test_a_cell_taller_than_a_page_is_split_where_a_plain_table_fails(tmp_path: Path) -> None:
    words = [f"n{number:04d}" for number in range(1800)]
    rows = [["Who", "Note"], ["Rachel", " ".join(words)], ["מרקוס", "Short <b>&amp;</b>"]]
    plain = Table([[PlainText(cell) for cell in row] for row in rows], colWidths=[30 * mm, 130 * mm])
    with pytest.raises(LayoutError, match="too large"):
        SimpleDocTemplate(str(tmp_path / "plain.pdf"), pagesize=A4).build([plain])

    table = text_table(rows, [30 * mm, 130 * mm],
                       commands=[("GRID", (0, 0), (-1, -1), 0.5, "#999999")])
    pages = build(tmp_path, [table])
    assert len(pages) >= 3
    assert all(page.startswith("Who\nNote") for page in pages), "the header on every page"
    assert re.findall(r"n\d{4}", " ".join(pages)) == words
    assert "Short <b>&amp;</b>" in pages[-1]
    assert "מרקוס" in pages[-1]


def test_two_tall_cells_in_one_row_split_together(tmp_path: Path) -> None:
    left = [f"a{number:04d}" for number in range(900)]
    right = [f"b{number:04d}" for number in range(1400)]
    table = text_table([["Rachel", "Marcus"], [" ".join(left), " ".join(right)]],
                       [80 * mm, 80 * mm])
    pages = build(tmp_path, [table])
    text = " ".join(pages)
    assert re.findall(r"a\d{4}", text) == left
    assert re.findall(r"b\d{4}", text) == right


@pytest.mark.parametrize("text", ["", "     ", "x" * 500, "\n\n\n", "<para>&#x41;</para>",
                                  "\t tabbed\tnote", "\x00\x07 control", "\ud7ff\ue000"])
def test_odd_text_never_stops_an_export(tmp_path: Path, text: str) -> None:
    table = text_table([["Note"], [text]], [60 * mm])
    pages = build(tmp_path, [PlainText(text), table, PlainText(text, TextStyle(
        alignment="center", bold=True))])
    assert pages
