"""A mark holds on to its passage by the passage's own words and a little
context, not by a position: it survives edits before it and inside it,
tells a phrase used twice apart, and says so when its words are gone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from models.vision_marks import CONTEXT, Quote, common_ends, follow, locate, quote_at

TEXT = ("I leave at five and pick up our daughter at 5:30. We are home by six. "
        "Dinner, bath and bedtime are mine. On Fridays we are home by six as well, "
        "and the weekend starts.")


def mark_on(text: str, words: str, occurrence: int = 0) -> Quote:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return quote_at(text, start, start + len(words))


def found(quote: Quote, text: str) -> str | None:
    place = locate(quote, text)
    return None if place is None else text[place[0]:place[1]]


def test_a_quote_keeps_its_words_and_context_on_both_sides() -> None:
    quote = mark_on(TEXT, "home by six")
    assert quote.exact == "home by six"
    assert quote.prefix == TEXT[TEXT.index("home by six") - CONTEXT:TEXT.index("home by six")]
    assert quote.suffix.startswith(". Dinner, bath")
    assert quote_at("home", 0, 4) == Quote("home", "", "")


def test_a_phrase_used_twice_is_told_apart_by_its_context() -> None:
    second = mark_on(TEXT, "home by six", occurrence=1)
    place = locate(second, TEXT)
    assert place is not None and place[0] == TEXT.rindex("home by six")
    edited = "Mornings are calm. " + TEXT.replace("Dinner, bath", "Dinner and a bath")
    place = locate(second, edited)
    assert place is not None and place[0] == edited.rindex("home by six")


def test_an_edit_before_the_passage_moves_the_mark_with_it() -> None:
    quote = mark_on(TEXT, "Dinner, bath and bedtime are mine")
    edited = "Up at 6:30. " + TEXT.replace("pick up our daughter", "collect our daughter")
    moved = follow(quote, TEXT, edited)
    assert moved is not None and moved.exact == "Dinner, bath and bedtime are mine"
    assert found(moved, edited) == "Dinner, bath and bedtime are mine"


def test_an_edit_inside_the_passage_changes_its_words_and_keeps_the_mark() -> None:
    quote = mark_on(TEXT, "We are home by six")
    edited = TEXT.replace("We are home by six", "We are home by half past six")
    moved = follow(quote, TEXT, edited)
    assert moved is not None and moved.exact == "We are home by half past six"
    # Found again from the old quote too: its context holds on either side.
    assert found(quote, edited) == "We are home by half past six"


def test_typing_right_at_either_end_of_the_passage_stays_outside_it() -> None:
    quote = mark_on(TEXT, "home by six")
    start = TEXT.index("home by six")
    before = TEXT[:start] + "always " + TEXT[start:]
    after = TEXT[:start + 11] + " sharp" + TEXT[start + 11:]
    assert follow(quote, TEXT, before) == mark_on(before, "home by six")
    assert follow(quote, TEXT, after) == mark_on(after, "home by six")


def test_an_edit_over_one_end_keeps_what_is_left_of_the_passage_in_whole_words() -> None:
    quote = mark_on(TEXT, "Dinner, bath and bedtime are mine")
    at_its_start = TEXT.replace("six. Dinner, bath", "six. Bath")
    moved = follow(quote, TEXT, at_its_start)
    assert moved is not None and moved.exact == "Bath and bedtime are mine"
    across_its_start = TEXT.replace("six. Dinner, bath", "six! Bath")
    moved = follow(quote, TEXT, across_its_start)
    assert moved is not None and moved.exact == "Bath and bedtime are mine", \
        "not “ath and…”: the words the edit left are kept whole"
    across_its_end = TEXT.replace("bedtime are mine. On", "bedtimes are ours! On")
    moved = follow(quote, TEXT, across_its_end)
    assert moved is not None and moved.exact == "Dinner, bath and bedtimes"


def test_a_deleted_passage_is_gone_and_comes_back_with_its_words() -> None:
    quote = mark_on(TEXT, "Dinner, bath and bedtime are mine. ")
    edited = TEXT.replace("Dinner, bath and bedtime are mine. ", "")
    assert follow(quote, TEXT, edited) is None
    assert locate(quote, edited) is None
    assert found(quote, TEXT) == quote.exact, "undo brings the words, and the mark finds them"
    assert locate(Quote(""), TEXT) is None


def test_a_long_passage_whose_middle_and_context_changed_is_found_by_its_ends() -> None:
    text = "Alpha beta. " + "The quiet train downtown, forty minutes with a book, no email " \
        "until the desk." + " Gamma delta."
    quote = mark_on(text, "The quiet train downtown, forty minutes with a book, no email until "
                          "the desk.")
    rewritten = "Something else. The quiet train downtown, an hour with two books, no email " \
        "until the desk. Other words."
    assert found(quote, rewritten) == ("The quiet train downtown, an hour with two books, no "
                                       "email until the desk.")


def test_any_script_and_markup_are_just_characters() -> None:
    text = "早上七点出门 🚲 — בבוקר אני רוכב <b>&amp;</b> home by six"
    quote = mark_on(text, "בבוקר אני רוכב")
    edited = "🌅 " + text
    moved = follow(quote, text, edited)
    assert moved is not None and moved.exact == "בבוקר אני רוכב"
    assert found(mark_on(text, "<b>&amp;</b>"), edited) == "<b>&amp;</b>"


def test_common_ends_of_a_megabyte_are_found_without_a_loop_per_character() -> None:
    big = "x" * 1_000_000
    assert common_ends(big, big[:400_000] + "y" + big[400_000:]) == (400_000, 600_000)
    assert common_ends(big, big + "x") == (1_000_000, 0), "ends never overlap"
    typed = big[:400_000] + "yz" + big[600_000:]
    assert common_ends(big, typed) == (400_000, 400_000)
    head, tail = common_ends("abcXdef", "abcYYdef")
    assert (head, tail) == (3, 3)
    assert common_ends("same", "same") == (4, 0)


words = st.text(alphabet="abcdefgh ", min_size=0, max_size=40)


@given(before=words, passage=st.text(alphabet="XYZ", min_size=3, max_size=12), after=words,
       insertion=st.text(alphabet="abc é漢🙂", min_size=1, max_size=20),
       where=st.floats(min_value=0, max_value=1))
def test_edits_outside_the_passage_never_change_its_words(before: str, passage: str,
                                                          after: str, insertion: str,
                                                          where: float) -> None:
    text = before + passage + after
    quote = quote_at(text, len(before), len(before) + len(passage))
    if where < 0.5:
        at = int(where * 2 * len(before))
        edited = before[:at] + insertion + before[at:] + passage + after
    else:
        at = int((where - 0.5) * 2 * len(after))
        edited = before + passage + after[:at] + insertion + after[at:]
    moved = follow(quote, text, edited)
    assert moved is not None and moved.exact == passage
    assert found(moved, edited) == passage
