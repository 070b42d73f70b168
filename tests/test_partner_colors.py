"""The partners' colours stay apart, to typical eyes and to the colour blind;
and the plan's name names the couple once."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.color_vision import (
    DEUTERANOPIA,
    PROTANOPIA,
    TRITANOPIA,
    TYPICAL,
    VISIONS,
    ciede2000,
    difference,
    simulate,
)
from models.errors import ValidationError
from models.partners import (
    DEFAULT_COLORS,
    MIN_COLOR_DIFFERENCE,
    Partner,
    check_colors_apart,
    colors_confused,
    edit_partners,
    partners,
    plan_title,
)
from models.plan_file import PlanFile
from models.privacy import TOGETHER
from tests.helpers import stored


@pytest.mark.parametrize(("first", "second", "expected"), [
    # From Sharma, Wu and Dalal's test data for CIEDE2000 (2005), pairs 1, 7, 17, 25.
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
])
def test_ciede2000_matches_the_published_test_data(
        first: tuple[float, float, float], second: tuple[float, float, float],
        expected: float) -> None:
    assert ciede2000(first, second) == pytest.approx(expected, abs=1e-4)
    assert ciede2000(second, first) == pytest.approx(expected, abs=1e-4)


def test_simulated_colour_blindness_keeps_greys_and_confuses_what_it_should() -> None:
    for vision in VISIONS:
        grey = simulate((0.2, 0.2, 0.2), vision)
        assert grey == pytest.approx((0.2, 0.2, 0.2), abs=1e-3), vision.key
    red, green = "#d62728", "#2ca02c"
    assert difference(red, green) > 70
    assert difference(red, green, DEUTERANOPIA) < 5, "red and green merge for deuteranopes"
    assert difference(red, green, TRITANOPIA) > 60, "not for tritanopes"
    # Blue and purple differ in red: the red-blind lose it.
    assert difference("#2f6db5", "#8e44ad", PROTANOPIA) < 8


@pytest.mark.parametrize(("first", "second"), [
    DEFAULT_COLORS,
    ("#1f77b4", "#ff7f0e"),  # matplotlib's blue and orange
    ("#2f6db5", "#c0392b"),  # blue and red
    ("#1b9e77", "#d95f02"),  # ColorBrewer's teal and orange
    ("#2f6db5", "#000000"),
])
def test_pairs_that_stay_apart_for_everyone_pass(first: str, second: str) -> None:
    assert colors_confused(first, second) is None
    check_colors_apart(first, second, "Marcus")
    for vision in VISIONS:
        assert difference(first, second, vision) >= MIN_COLOR_DIFFERENCE


@pytest.mark.parametrize(("first", "second", "vision", "words"), [
    ("#2f6db5", "#2F6DB5", TYPICAL, "This is Marcus’s colour already."),
    ("#2f6db5", "#3070b0", TYPICAL, "too close to Marcus’s to tell apart"),  # near shades
    ("#d9822b", "#e0a030", TYPICAL, "too close to Marcus’s to tell apart"),  # orange, amber
    ("#2f6db5", "#8e44ad", PROTANOPIA, "protanopia (red–green colour blindness)"),  # purple
    ("#d62728", "#2ca02c", DEUTERANOPIA, "deuteranopia (red–green colour blindness)"),
    ("#e74c3c", "#27ae60", DEUTERANOPIA, "deuteranopia (red–green colour blindness)"),
    ("#2f6db5", "#5a8fd0", TRITANOPIA, "tritanopia (blue–yellow colour blindness)"),
])
def test_pairs_too_close_for_someone_are_refused_naming_whom(
        first: str, second: str, vision: object, words: str) -> None:
    assert colors_confused(first.lower(), second.lower()) is vision
    with pytest.raises(ValidationError) as refused:
        check_colors_apart(first, second, "Marcus")
    assert refused.value.field == "color"
    assert words in refused.value.message


def test_only_a_changed_colour_is_checked(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as plan:
        ana, bo = partners(plan)
        close = "#3070b0"
        assert edit_partners((ana, bo), ({}, {})) == ()
        with pytest.raises(ValidationError) as refused:
            edit_partners((ana, bo), ({}, {"color": close}))
        assert (refused.value.table, refused.value.row) == ("partner", bo.uuid)
        assert refused.value.message.startswith("This colour is too close to Ana’s")
        # Naming the other partner as they are being renamed.
        with pytest.raises(ValidationError) as refused:
            edit_partners((ana, bo), ({"name": " Anna "}, {"color": close}))
        assert "to Anna’s" in refused.value.message
        # The same colour given again (in capitals) is no change, so no refusal.
        assert edit_partners((ana, bo), ({"color": "#2F6DB5"}, {})) == ()


def test_close_colours_already_stored_are_left_alone(plan_path: Path) -> None:
    import sqlite3

    with sqlite3.connect(plan_path) as connection:
        connection.execute("UPDATE partner SET color = '#3070b0' WHERE slot = 2")
    connection.close()
    with PlanFile.open(plan_path) as plan:  # opens
        ana, bo = partners(plan)
        plan.apply(edit_partners((ana, bo), ({"name": "Anna"}, {"role": "Nurse"})), TOGETHER)
        with pytest.raises(ValidationError):  # but a new close colour is refused
            edit_partners((ana, bo), ({"color": "#3373b3"}, {}))
    rows = sorted(stored(plan_path)["tables"]["partner"], key=lambda r: r["slot"])
    assert [(r["name"], r["color"]) for r in rows] == [("Anna", "#2f6db5"), ("Bo", "#3070b0")]


def _pair(first: str, second: str) -> list[Partner]:
    return [Partner(slot=1, name=first, color=DEFAULT_COLORS[0]),
            Partner(slot=2, name=second, color=DEFAULT_COLORS[1])]


@pytest.mark.parametrize(("names", "stem", "title"), [
    (("Zoë", "李明"), "Zoë & 李明", "Zoë & 李明"),
    (("Rachel", "Marcus"), "Example - Rachel & Marcus", "Example - Rachel & Marcus"),
    (("Ana", "Bo"), "Ana & Bo 2", "Ana & Bo 2"),
    (("ana", "BO"), "Ana & Bo", "Ana & Bo"),  # as the file names them
    (("Zoe\u0308", "Li"), "Zoë & Li", "Zoë & Li"),  # ë as e and a combining diaeresis
    (("Ana", "Bo"), "budget 2027", "Ana & Bo — budget 2027"),
    (("Ana", "Bo"), "Ana's plan", "Ana & Bo — Ana's plan"),  # one name is not the couple
    (("Ben & Jerry", "Kai"), "Ben & Jerry & Kai", "Ben & Jerry & Kai"),
    (("A [*] B", "Kai"), "ours", "A [*] B & Kai — ours"),
])
def test_the_plan_title_names_the_couple_once(names: tuple[str, str], stem: str,
                                              title: str) -> None:
    assert plan_title(_pair(*names), stem) == title
