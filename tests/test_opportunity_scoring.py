"""The matrix's arithmetic, checked against numbers worked out by hand:
weighted totals on 0 to 100, missing scores (never zero), the combined total,
the ranking with ties, shares, divergence, and whether the ranking hinges on
one weight. Plus every way a typed number can be wrong."""

from __future__ import annotations

import pytest

from models.errors import ValidationError
from models.opportunity_scoring import (
    Scoreboard,
    Total,
    combine,
    describe_sensitivity,
    describe_total,
    parse_rating,
    partner_total,
    ranks,
    shares,
    split_block,
)

CRITERIA = ["salary", "location", "family"]


def test_a_weighted_total_as_computed_by_hand() -> None:
    # Weights 8, 5, 2; scores 9, 6, 3:
    # (8×9 + 5×6 + 2×3) / (8 + 5 + 2) = (72 + 30 + 6) / 15 = 108 / 15 = 7.2 → 72 out of 100.
    total = partner_total(CRITERIA, {"salary": 8, "location": 5, "family": 2},
                          {"salary": 9, "location": 6, "family": 3})
    assert total.value == pytest.approx(72.0)
    assert total.rounded == 72 and total.complete
    # Everything 10 is 100; everything 1 is 10.
    assert partner_total(CRITERIA, dict.fromkeys(CRITERIA, 4), dict.fromkeys(CRITERIA, 10)) \
        .rounded == 100
    assert partner_total(CRITERIA, dict.fromkeys(CRITERIA, 4), dict.fromkeys(CRITERIA, 1)) \
        .rounded == 10


def test_a_missing_score_is_left_out_and_said_never_counted_as_zero() -> None:
    weights = {"salary": 8, "location": 5, "family": 2}
    # Location not scored: (8×9 + 2×3) / (8 + 2) = 78 / 10 = 7.8 → 78, over 2 of 3.
    total = partner_total(CRITERIA, weights, {"salary": 9, "family": 3})
    assert total.rounded == 78, "as zero it would be (72 + 0 + 6) / 15 → 52"
    assert (total.counted, total.of, total.complete) == (2, 3, False)
    words = describe_total(total, ["Location"])
    assert "over 2 of 3 criteria only" in words and "“Location” is missing" in words
    assert "never counted as zero" in words
    # A criterion without a weight is missing too.
    assert partner_total(CRITERIA, {"salary": 8}, {"salary": 9, "family": 3}).counted == 1
    nothing = partner_total(CRITERIA, weights, {})
    assert nothing.rounded is None and nothing.value is None
    assert describe_total(nothing).startswith("No total yet")


def test_rounding_is_exact_half_up() -> None:
    # 145 / 20 = 7.25 → 72.5 → 73 (float arithmetic could land on 72.4999…).
    assert Total(weighted=145, weights=20, counted=2, of=2).rounded == 73
    assert Total(weighted=29, weights=4).rounded == 73  # 72.5 again
    assert Total(weighted=289, weights=40).rounded == 72  # 72.25


def test_the_combined_total_is_the_average_of_both_partners_totals() -> None:
    first = Total(108, 15, 3, 3)   # 72
    second = Total(45, 10, 3, 3)   # 45
    combined = combine(first, second)
    assert combined.value == pytest.approx(58.5) and combined.rounded == 59
    assert combined.complete
    partial = combine(first, Total(45, 10, 2, 3))
    assert partial.rounded == 59 and not partial.complete
    assert combine(first, None).rounded is None, "one partner alone makes no combined total"
    assert combine(first, Total()).rounded is None


def test_both_partners_count_equally_however_they_spread_their_weights() -> None:
    board = Scoreboard(("ana", "bo"), ["a", "b"], ["x"])
    for criterion, weight in (("a", 10), ("b", 10)):
        board.set_weight("ana", criterion, weight)
    for criterion, weight in (("a", 1), ("b", 1)):
        board.set_weight("bo", criterion, weight)
    for criterion in ("a", "b"):
        board.set_score("x", "ana", criterion, 10)
        board.set_score("x", "bo", criterion, 2)
    assert board.combined("x").rounded == 60, "(100 + 20) / 2, not pulled towards Ana's 10s"


def test_ranking_shares_places_for_equal_shown_totals() -> None:
    assert ranks({"a": 70, "b": 82, "c": 70, "d": None, "e": 60}) == \
        {"b": 1, "a": 2, "c": 2, "e": 4}
    assert ranks({}) == {}


def test_shares_say_how_much_each_criterion_counts_in_the_combined_total() -> None:
    found = shares(["a", "b"], {"a": 3, "b": 1}, {"a": 1, "b": 1})
    # Ana: 3/4 and 1/4; Bo: 1/2 and 1/2 → a: (0.75 + 0.5) / 2, b: (0.25 + 0.5) / 2.
    assert found == {"a": pytest.approx(0.625), "b": pytest.approx(0.375)}
    assert shares(["a", "b"], {"a": 3}, {"a": 1, "b": 1}) == {}, "until every weight is given"


def _board() -> Scoreboard:
    """Seattle narrowly ahead of Chicago; Bo cares about family."""
    board = Scoreboard(("ana", "bo"), ["salary", "family"], ["seattle", "chicago"])
    for partner, weights in (("ana", {"salary": 8, "family": 4}),
                             ("bo", {"salary": 5, "family": 5})):
        for criterion, weight in weights.items():
            board.set_weight(partner, criterion, weight)
    scores = {("seattle", "ana"): {"salary": 9, "family": 3},
              ("seattle", "bo"): {"salary": 8, "family": 4},
              ("chicago", "ana"): {"salary": 6, "family": 9},
              ("chicago", "bo"): {"salary": 5, "family": 8}}
    for (opportunity, partner), row in scores.items():
        for criterion, score in row.items():
            board.set_score(opportunity, partner, criterion, score)
    return board


def test_sensitivity_names_the_weight_the_lead_hinges_on() -> None:
    board = _board()
    # Seattle: Ana (72 + 12) / 12 → 70, Bo (40 + 20) / 10 → 60 → 65.
    # Chicago: Ana (48 + 36) / 12 → 70, Bo (25 + 40) / 10 → 65 → 67.5 → 68.
    assert board.combined("seattle").rounded == 65
    assert board.combined("chicago").rounded == 68
    board.set_score("chicago", "bo", "family", 6)  # Bo: (25 + 30) / 10 → 55 → 62.5 → 63
    result = board.sensitivity()
    assert result.leaders == {"seattle"}, "65 against 63"
    moves = {(h.partner_uuid, h.criterion_uuid, h.delta): h.leaders for h in result.hinges}
    assert moves == {
        # Ana's salary 6: Seattle (54 + 12) / 10 → 66 → 63; Chicago (36 + 36) / 10 → 72 → 63.5 → 64.
        ("ana", "salary", -2): {"chicago"},
        # Ana's family 6: Seattle (72 + 18) / 14 → 64.3 → 62.1 → 62;
        # Chicago (48 + 54) / 14 → 72.9 → 63.9 → 64.
        ("ana", "family", 2): {"chicago"},
        # Bo's salary 3: Seattle (24 + 20) / 8 → 55 → 62.5 → 63; Chicago (15 + 30) / 8 → 56.25
        # → 63.1 → 63: a tie.
        ("bo", "salary", -2): {"seattle", "chicago"},
        # Bo's family 7: Seattle (40 + 28) / 12 → 56.7 → 63.3 → 63; Chicago (25 + 42) / 12
        # → 55.8 → 62.9 → 63: a tie.
        ("bo", "family", 2): {"seattle", "chicago"},
    }
    words = describe_sensitivity(result, {"seattle": "Seattle", "chicago": "Chicago"},
                                 {"salary": "Salary", "family": "Proximity to family"},
                                 {"ana": "Ana", "bo": "Bo"})
    assert words == ("“Seattle” leads unless “Salary” matters 2 points less to Ana (then "
                     "“Chicago” leads), “Proximity to family” matters 2 points more to Ana "
                     "(then “Chicago” leads) or “Salary” matters 2 points less to Bo (then it "
                     "ties with “Chicago”), or 1 other weight changes.")
    # Widen the gap: Ana gives Seattle 4 for family. Seattle: Ana (72 + 16) / 12 → 73.3,
    # Bo 60 → 66.7 → 67, against Chicago's 63. Only Ana's family weight tips it now: at 6,
    # Seattle (72 + 24) / 14 → 68.6 → 64.3 → 64 and Chicago 72.9 → 63.9 → 64, a tie.
    board.set_score("seattle", "ana", "family", 4)
    hinges = board.sensitivity().hinges
    assert [(h.partner_uuid, h.criterion_uuid, h.delta, h.leaders) for h in hinges] == \
        [("ana", "family", 2, {"seattle", "chicago"})]


def test_sensitivity_says_when_the_ranking_holds_and_when_it_cannot_tell() -> None:
    board = Scoreboard(("ana", "bo"), ["salary"], ["a", "b"])
    for partner in ("ana", "bo"):
        board.set_weight(partner, "salary", 5)
        board.set_score("a", partner, "salary", 9)
        board.set_score("b", partner, "salary", 3)
    result = board.sensitivity()
    assert result.leaders == {"a"} and result.hinges == ()
    assert "holds whichever single weight moves by 2 points" in describe_sensitivity(
        result, {"a": "A", "b": "B"}, {"salary": "Salary"}, {"ana": "Ana", "bo": "Bo"})
    lonely = Scoreboard(("ana", "bo"), ["salary"], ["a"])
    assert not lonely.sensitivity().tested
    assert describe_sensitivity(lonely.sensitivity(), {}, {}, {}).startswith(
        "Once at least two opportunities")


def test_weights_at_the_edge_of_the_scale_move_only_as_far_as_it_goes() -> None:
    board = _board()
    board.set_weight("ana", "family", 10)
    deltas = {h.delta for h in board.sensitivity().hinges
              if h.partner_uuid == "ana" and h.criterion_uuid == "family"}
    assert 2 not in deltas, "10 + 2 is no weight"


def test_discussion_points_gather_cells_and_weights_three_or_more_apart() -> None:
    board = _board()
    board.set_weight("bo", "salary", 2)  # Ana 8, Bo 2: 6 apart
    board.set_score("seattle", "bo", "family", 7)  # Ana 3, Bo 7: 4 apart
    points = [(p.criterion_uuid, p.opportunity_uuid, p.values) for p in board.points()]
    assert points == [("salary", None, (8, 2)), ("family", "seattle", (3, 7))]
    assert board.score_differs("seattle", "family") and not board.score_differs("seattle",
                                                                                "salary")
    assert board.weight_differs("salary") and not board.weight_differs("family")
    board.set_score("seattle", "bo", "family", 5)  # 2 apart: no longer a point
    assert [p.opportunity_uuid for p in board.points()] == [None]


def test_totals_follow_one_changed_score_and_the_ranking_with_them() -> None:
    board = _board()
    assert board.ranks() == {"chicago": 1, "seattle": 2}
    board.set_score("seattle", "bo", "salary", 10)  # Bo: (50 + 20) / 10 → 70 → 70
    assert board.total("seattle", "bo").rounded == 70
    assert board.ranks() == {"seattle": 1, "chicago": 2}
    board.set_score("seattle", "bo", "salary", None)  # cleared: family alone
    assert board.total("seattle", "bo").rounded == 40 and not board.total("seattle",
                                                                            "bo").complete


def test_contributions_add_up_to_the_total() -> None:
    board = _board()
    parts = board.contributions("seattle", "ana")
    assert [c for c, _points in parts] == ["salary", "family"]
    assert sum(points for _c, points in parts) == pytest.approx(board.total("seattle",
                                                                            "ana").value)


@pytest.mark.parametrize(("typed", "expected"), [
    ("7", 7), (" 10 ", 10), (1, 1), (10.0, 10), ("", None), ("   ", None), (None, None),
    ("８", 8), ("٣", 3), ("7.0", 7),
])
def test_a_rating_as_typed(typed: object, expected: int | None) -> None:
    assert parse_rating(typed, "score", "A score") == expected


@pytest.mark.parametrize(("typed", "words"), [
    ("0", "0 is out of range"), ("11", "11 is out of range"), ("-3", "-3 is out of range"),
    ("7.5", "not “7.5”"), ("7,5", "not “7,5”"), ("1,000", "not “1,000”"),
    ("abc", "“abc” is not a number"), ("<b>&</b>", "“<b>&</b>” is not a number"),
    ("🙂", "“🙂” is not a number"), ("שבע", "“שבע” is not a number"), ("七", "is not a number"),
    ("1_0", "“1_0” is not a number"), ("inf", "not “inf”"), ("nan", "not “nan”"),
    ("9" * 400, "out of range"), ("x" * 200, "…” is not a number"), (True, "whole number"),
    (7.5, "not 7.5"), ([7], "whole number"),
])
def test_a_rating_refused_says_why(typed: object, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_rating(typed, "score", "A score")
    assert words in caught.value.message
    assert caught.value.message.startswith("A score")
    assert caught.value.field == "score"
    assert len(caught.value.message) < 120, "a long paste is not quoted whole"


def test_a_block_copied_from_a_spreadsheet() -> None:
    assert split_block("1\t2\t3\n4\t5\t6\n") == [["1", "2", "3"], ["4", "5", "6"]]
    assert split_block("1\t2\r\n3\t4") == [["1", "2"], ["3", "4"]]
    assert split_block("7") == [["7"]]
    assert split_block("\t8\n") == [["", "8"]], "an empty cell clears"
    with pytest.raises(ValidationError, match="different lengths"):
        split_block("1\t2\n3\n")
    with pytest.raises(ValidationError, match="far more than a block"):
        split_block("1\t" * 200_000)
