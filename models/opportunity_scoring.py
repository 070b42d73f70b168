"""The arithmetic of the Career Opportunity Evaluation Matrix, with no storage
and no Qt: reading a typed weight or score, weighted totals on a 0 to 100
scale, the ranking, where the partners differ enough to talk about it, and
whether the ranking hinges on a single weight.

Totals are kept as whole numbers (the sum of weight × score, and of the
weights) so that rounding, ties and the ranking are exact: two totals that
show the same number share a rank. :class:`Scoreboard` holds what one viewer
may see and updates one opportunity at a time, so that one score typed into a
grid of a hundred opportunities costs one row's arithmetic, not the grid's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from models.errors import ValidationError

LOWEST, HIGHEST = 1, 10
#: Scores or weights this far apart (or more) are worth talking about.
DIVERGENCE = 3
#: How far one weight is moved to test whether the ranking holds.
SENSITIVITY_STEP = 2
#: How many of the top opportunities the sensitivity test watches.
TOP = 3


# -- one typed number ------------------------------------------------------------

def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text[:24]}…”" if len(text) > 25 else f"“{text}”"


def parse_rating(value: object, field: str, what: str) -> int | None:
    """A weight or score as typed or pasted: a whole number from 1 to 10, or
    ``None`` for an empty cell (no score, which is never a zero). ``what``
    names it in the refusal ("A score", "Marcus's weight")."""
    if value is None:
        return None
    number: int
    if isinstance(value, bool):
        raise ValidationError(field, f"{what} is a whole number from 1 to 10.")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise ValidationError(field, f"{what} is a whole number from 1 to 10, not {value:g}.")
        number = int(value)
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            # Python reads "1_0" as ten; a person typing it meant something else.
            decimal = float(text) if "_" not in text else None
        except ValueError:
            # "7,5" or "1,000": a decimal comma or a thousands separator.
            decimal = 0.5 if "," in text else None
        if decimal is None:
            raise ValidationError(field, f"{what} is a whole number from 1 to 10: "
                                  f"{_quoted(text)} is not a number.")
        if decimal in (float("inf"), float("-inf")) and text.lstrip("+-").isdigit():
            decimal = float(HIGHEST + 1)  # more digits than a float holds: far out of range
        if not decimal.is_integer():  # a fraction, or not finite
            raise ValidationError(field, f"{what} is a whole number from 1 to 10, "
                                  f"not {_quoted(text)}.")
        number = int(decimal) if abs(decimal) < 1e9 else HIGHEST + 1
    else:
        raise ValidationError(field, f"{what} is a whole number from 1 to 10.")
    if not LOWEST <= number <= HIGHEST:
        shown = str(number) if abs(number) < 10**9 else "that"
        raise ValidationError(field, f"{what} goes from 1 to 10; {shown} is out of range.")
    return number


def check_rating(value: object, field: str, what: str) -> int:
    """A stored weight or score: an ``int`` from 1 to 10, nothing else."""
    if isinstance(value, bool) or not isinstance(value, int) or not LOWEST <= value <= HIGHEST:
        raise ValidationError(field, f"{what} is a whole number from 1 to 10.")
    return value


# -- totals ----------------------------------------------------------------------------

def _half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up, exactly (denominator > 0)."""
    return (2 * numerator + denominator) // (2 * denominator)


@dataclass(frozen=True)
class Total:
    """One partner's weighted total for one opportunity, on a 0 to 100 scale:
    the average of their scores, each counted as often as its weight, times
    ten. Criteria without a weight or a score from this partner do not count
    (they are missing, never zero): ``counted`` of ``of`` did."""

    weighted: int = 0  # Σ weight × score
    weights: int = 0   # Σ weight
    counted: int = 0
    of: int = 0

    @property
    def value(self) -> float | None:
        return 10 * self.weighted / self.weights if self.weights else None

    @property
    def rounded(self) -> int | None:
        """What is shown and ranked: the total as a whole number."""
        return _half_up(10 * self.weighted, self.weights) if self.weights else None

    @property
    def complete(self) -> bool:
        return self.of > 0 and self.counted == self.of


@dataclass(frozen=True)
class Combined:
    """Both partners' totals averaged, so both count equally however each
    spreads their weights; ``None`` until both have a total."""

    rounded: int | None = None
    value: float | None = None
    complete: bool = False


def partner_total(criteria: Sequence[str], weights: Mapping[str, int],
                  scores: Mapping[str, int]) -> Total:
    weighted = total = counted = 0
    for criterion in criteria:
        score, weight = scores.get(criterion), weights.get(criterion)
        if score is not None and weight is not None:
            weighted += weight * score
            total += weight
            counted += 1
    return Total(weighted, total, counted, len(criteria))


def _combined_rounded(first: Total, second: Total) -> int:
    # 5 × (w1/t1 + w2/t2), rounded half up, in whole numbers.
    return _half_up(10 * (first.weighted * second.weights + second.weighted * first.weights),
                    2 * first.weights * second.weights)


def combine(first: Total | None, second: Total | None) -> Combined:
    if first is None or second is None or not first.weights or not second.weights:
        return Combined()
    value = 5 * (first.weighted / first.weights + second.weighted / second.weights)
    return Combined(_combined_rounded(first, second), value, first.complete and second.complete)


def ranks(values: Mapping[str, int | None]) -> dict[str, int]:
    """Competition ranking of the shown totals, highest first: equal totals
    share a rank (1, 1, 3). Opportunities without a total have no rank."""
    ordered = sorted((v, k) for k, v in values.items() if v is not None)
    ordered.reverse()
    found: dict[str, int] = {}
    previous: int | None = None
    rank = 0
    for position, (value, key) in enumerate(ordered, start=1):
        if value != previous:
            rank, previous = position, value
        found[key] = rank
    return found


def shares(criteria: Sequence[str], first: Mapping[str, int],
           second: Mapping[str, int]) -> dict[str, float]:
    """How much each criterion counts in the combined total, as a fraction:
    the average of its share of each partner's weights. Empty until both
    partners have weighted every criterion."""
    if not criteria or any(c not in first or c not in second for c in criteria):
        return {}
    one, two = sum(first[c] for c in criteria), sum(second[c] for c in criteria)
    return {c: (first[c] / one + second[c] / two) / 2 for c in criteria}


def differ(first: int | None, second: int | None) -> bool:
    """Two numbers far enough apart to talk about."""
    return first is not None and second is not None and abs(first - second) >= DIVERGENCE


# -- what one viewer may see, kept up to date ------------------------------------------

class Point(NamedTuple):
    """A discussion point: where the partners' scores (for an opportunity)
    or weights (``opportunity_uuid`` None) differ by :data:`DIVERGENCE` or more.
    (A tuple: a grid may hold thousands, made again as scores change.)"""

    criterion_uuid: str
    opportunity_uuid: str | None
    #: The two partners' values, in slot order.
    values: tuple[int, int]


@dataclass(frozen=True)
class Hinge:
    """Moving one partner's weight of one criterion changes the top of the ranking."""

    partner_uuid: str
    criterion_uuid: str
    #: The weight's move: +2 ("matters 2 points more"), -1 at the edge of the scale...
    delta: int
    #: The leaders (those sharing the first rank) after the move.
    leaders: frozenset[str]
    #: Whether the leaders change, not only the order below them.
    leader_changes: bool


@dataclass(frozen=True)
class Sensitivity:
    #: Those sharing the first rank now; empty with fewer than two ranked.
    leaders: frozenset[str] = frozenset()
    hinges: tuple[Hinge, ...] = ()

    @property
    def tested(self) -> bool:
        return bool(self.leaders)


class Scoreboard:
    """Weights, scores and totals as one viewer sees them: the two partners
    (in slot order), the criteria in order, the opportunities; scores and
    weights the viewer may not see are simply absent. Totals are cached per
    opportunity and partner and computed again only when their inputs change."""

    def __init__(self, partner_uuids: tuple[str, str], criteria: Iterable[str] = (),
                 opportunities: Iterable[str] = ()):
        self.partners = partner_uuids
        self.criteria: list[str] = list(criteria)
        self.opportunities: list[str] = list(opportunities)
        #: partner -> criterion -> weight.
        self.weights: dict[str, dict[str, int]] = {p: {} for p in partner_uuids}
        #: (opportunity, partner) -> criterion -> score.
        self.scores: dict[tuple[str, str], dict[str, int]] = {}
        self._totals: dict[tuple[str, str], Total] = {}
        self._combined: dict[str, Combined] = {}
        self._ranks: dict[str, int] | None = None
        self._shares: dict[str, float] | None = None

    # -- changing what is known --

    def set_criteria(self, criteria: Iterable[str]) -> None:
        self.criteria = list(criteria)
        self._forget()

    def set_opportunities(self, opportunities: Iterable[str]) -> None:
        self.opportunities = list(opportunities)
        known = set(self.opportunities)
        self.scores = {key: value for key, value in self.scores.items() if key[0] in known}
        self._forget()

    def set_weight(self, partner: str, criterion: str, weight: int | None) -> None:
        row = self.weights.setdefault(partner, {})
        if weight is None:
            row.pop(criterion, None)
        else:
            row[criterion] = weight
        self._forget(partner=partner)

    def set_score(self, opportunity: str, partner: str, criterion: str,
                  score: int | None) -> None:
        row = self.scores.setdefault((opportunity, partner), {})
        if score is None:
            row.pop(criterion, None)
        else:
            row[criterion] = score
        self._totals.pop((opportunity, partner), None)
        self._combined.pop(opportunity, None)
        self._ranks = None

    def _forget(self, partner: str | None = None) -> None:
        self._shares = None
        if partner is None:
            self._totals.clear()
        else:
            for key in [k for k in self._totals if k[1] == partner]:
                del self._totals[key]
        self._combined.clear()
        self._ranks = None

    # -- reading --

    def score(self, opportunity: str, partner: str, criterion: str) -> int | None:
        return self.scores.get((opportunity, partner), {}).get(criterion)

    def weight(self, partner: str, criterion: str) -> int | None:
        return self.weights.get(partner, {}).get(criterion)

    def total(self, opportunity: str, partner: str) -> Total:
        key = (opportunity, partner)
        found = self._totals.get(key)
        if found is None:
            found = partner_total(self.criteria, self.weights.get(partner, {}),
                                  self.scores.get(key, {}))
            self._totals[key] = found
        return found

    def combined(self, opportunity: str) -> Combined:
        found = self._combined.get(opportunity)
        if found is None:
            first, second = (self.total(opportunity, p) for p in self.partners)
            found = combine(first, second)
            self._combined[opportunity] = found
        return found

    def ranks(self) -> dict[str, int]:
        if self._ranks is None:
            self._ranks = ranks({o: self.combined(o).rounded for o in self.opportunities})
        return self._ranks

    def shares(self) -> dict[str, float]:
        if self._shares is None:
            first, second = (self.weights.get(p, {}) for p in self.partners)
            self._shares = shares(self.criteria, first, second)
        return self._shares

    def score_differs(self, opportunity: str, criterion: str) -> bool:
        first, second = (self.score(opportunity, p, criterion) for p in self.partners)
        return differ(first, second)

    def weight_differs(self, criterion: str) -> bool:
        first, second = (self.weight(p, criterion) for p in self.partners)
        return differ(first, second)

    def points(self, opportunities: Iterable[str] | None = None) -> list[Point]:
        """Every discussion point: weights first (criteria in order), then
        each opportunity's cells (opportunities, then criteria, in order).
        With ``opportunities``, only those opportunities' cells."""
        found: list[Point] = []
        one, two = self.partners
        for criterion in self.criteria if opportunities is None else ():
            a, b = self.weight(one, criterion), self.weight(two, criterion)
            if a is not None and b is not None and differ(a, b):
                found.append(Point(criterion, None, (a, b)))
        for opportunity in self.opportunities if opportunities is None else opportunities:
            first = self.scores.get((opportunity, one), {})
            second = self.scores.get((opportunity, two), {})
            for criterion in self.criteria:
                a, b = first.get(criterion), second.get(criterion)
                if a is not None and b is not None and differ(a, b):
                    found.append(Point(criterion, opportunity, (a, b)))
        return found

    def contributions(self, opportunity: str, partner: str) -> list[tuple[str, float]]:
        """How many of the partner's total points each criterion brings (they
        add up to the total), criteria in order; only those that count."""
        total = self.total(opportunity, partner)
        if not total.weights:
            return []
        scores = self.scores.get((opportunity, partner), {})
        weights = self.weights.get(partner, {})
        return [(c, 10 * weights[c] * scores[c] / total.weights) for c in self.criteria
                if c in scores and c in weights]

    # -- does the ranking hinge on one weight? --

    def sensitivity(self) -> Sensitivity:
        """Move each partner's weight of each criterion by ±2 (within 1 to 10),
        one at a time, and find the moves that change who leads or the order of
        the top three."""
        base = {o: self.combined(o).rounded for o in self.opportunities}
        ranked = {o: v for o, v in base.items() if v is not None}
        if len(ranked) < 2:
            return Sensitivity()
        now = _top(ranked)
        leaders = now[0]
        one, two = self.partners
        # Whole numbers for each opportunity: (Σ w×s, Σ w) of each partner.
        sums = {o: (self.total(o, one), self.total(o, two)) for o in ranked}
        base_sums = {o: (a.weighted, a.weights, b.weighted, b.weights)
                     for o, (a, b) in sums.items()}
        hinges: list[Hinge] = []
        for side, partner in enumerate(self.partners):
            weights = self.weights.get(partner, {})
            scored = {o: self.scores.get((o, partner), {}) for o in ranked}
            for criterion in self.criteria:
                weight = weights.get(criterion)
                if weight is None:
                    continue
                affected = {o: row[criterion] for o, row in scored.items() if criterion in row}
                if not affected:
                    continue
                for step in (SENSITIVITY_STEP, -SENSITIVITY_STEP):
                    delta = min(HIGHEST, max(LOWEST, weight + step)) - weight
                    if not delta:
                        continue
                    moved = dict(ranked)
                    for opportunity, score in affected.items():
                        n1, d1, n2, d2 = base_sums[opportunity]
                        if side == 0:
                            n1, d1 = n1 + delta * score, d1 + delta
                        else:
                            n2, d2 = n2 + delta * score, d2 + delta
                        # 5 × (n1/d1 + n2/d2), rounded half up, in whole numbers.
                        moved[opportunity] = (20 * (n1 * d2 + n2 * d1) + 2 * d1 * d2) \
                            // (4 * d1 * d2)
                    top = _top(moved)
                    if top != now:
                        hinges.append(Hinge(partner, criterion, delta, top[0],
                                            top[0] != leaders))
        return Sensitivity(leaders, tuple(hinges))


def _top(values: Mapping[str, int]) -> tuple[frozenset[str], ...]:
    """The first places as groups of equal totals, until :data:`TOP`
    opportunities (or all of them) are placed."""
    found: list[frozenset[str]] = []
    placed, need = 0, min(TOP, len(values))
    for value in sorted(set(values.values()), reverse=True):
        group = frozenset(key for key, shown in values.items() if shown == value)
        found.append(group)
        placed += len(group)
        if placed >= need:
            break
    return tuple(found)


# -- in words ------------------------------------------------------------------------------

def _listed(names: Sequence[str], joiner: str = "and") -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {joiner} {names[-1]}"


def _move_words(hinge: Hinge, criteria: Mapping[str, str], partners: Mapping[str, str]) -> str:
    size = abs(hinge.delta)
    points = f"{size} point{'s' if size != 1 else ''}"
    more = "more" if hinge.delta > 0 else "less"
    return (f"“{criteria.get(hinge.criterion_uuid, '?')}” matters {points} {more} to "
            f"{partners.get(hinge.partner_uuid, '?')}")


def _leaders_words(leaders: Iterable[str], titles: Mapping[str, str]) -> tuple[str, bool]:
    names = sorted(f"“{titles.get(o, '?')}”" for o in leaders)
    return _listed(names), len(names) > 1


def describe_sensitivity(result: Sensitivity, titles: Mapping[str, str],
                         criteria: Mapping[str, str], partners: Mapping[str, str]) -> str:
    """One or two sentences: who leads, and whether that (and the order of the
    top three) holds when any single weight moves by 2 points; if not, which
    weights it hinges on ("“Seattle” leads unless “Proximity to family"
    matters 2 points more to Marcus (then “Chicago” leads).")."""
    if not result.tested:
        return ("Once at least two opportunities have a combined total, this says whether "
                "their ranking holds when a weight moves by 2 points.")
    who, tie = _leaders_words(result.leaders, titles)
    lead = f"{who} {'share the lead' if tie else 'leads'}"
    changes = [h for h in result.hinges if h.leader_changes]
    reorders = [h for h in result.hinges if not h.leader_changes]
    if not result.hinges:
        return (f"{lead}, and the order at the top holds whichever single weight moves by "
                f"{SENSITIVITY_STEP} points.")
    sentences: list[str] = []
    if changes:
        parts = []
        for hinge in changes[:3]:
            joined = hinge.leaders - result.leaders
            if result.leaders < hinge.leaders:  # still leads, with others now
                others, _ = _leaders_words(joined, titles)
                then = f"{'they tie' if tie else 'it ties'} with {others}"
            else:
                after, after_tie = _leaders_words(hinge.leaders, titles)
                then = f"{after} {'share the lead' if after_tie else 'leads'}"
            parts.append(f"{_move_words(hinge, criteria, partners)} (then {then})")
        more = len(changes) - 3
        tail = f", or {more} other weight{'s' if more > 1 else ''} change{'s' if more == 1 else ''}" \
            if more > 0 else ""
        sentences.append(f"{lead} unless {_listed(parts, 'or')}{tail}.")
    else:
        sentences.append(f"{lead} whichever single weight moves by {SENSITIVITY_STEP} points.")
    if reorders:
        moves = _listed([_move_words(h, criteria, partners) for h in reorders[:2]], "or")
        more = len(reorders) - 2
        tail = f" (or {more} other weight{'s' if more > 1 else ''})" if more > 0 else ""
        sentences.append(f"The order below the lead changes if {moves}{tail}.")
    return " ".join(sentences)


def describe_total(total: Total, missing: Sequence[str] = ()) -> str:
    """A total in words for a tooltip: the number, and what it leaves out."""
    if total.rounded is None:
        return "No total yet: nothing is both weighted and scored."
    text = f"{total.rounded} out of 100"
    if total.complete:
        return f"{text}, over all {total.of} criteria."
    left = f": {_listed([f'“{m}”' for m in missing])} {'is' if len(missing) == 1 else 'are'} " \
        "missing" if missing else ""
    return (f"{text}, over {total.counted} of {total.of} criteria only{left}. "
            "Missing scores or weights are left out, never counted as zero.")


# -- a block of numbers pasted from a spreadsheet ---------------------------------------------

#: More than this many characters is no block of scores from a spreadsheet.
BLOCK_MAX = 200_000


def split_block(text: str) -> list[list[str]]:
    """Rows of cells as a spreadsheet copies them: cells separated by tabs,
    rows by line breaks (one final line break is no row). Refuses ragged rows,
    which can't be laid on a grid without guessing."""
    if len(text) > BLOCK_MAX:
        raise ValidationError("score", "That is far more than a block of scores: nothing was "
                              "pasted.")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    rows = [line.split("\t") for line in lines]
    widths = sorted({len(row) for row in rows})
    if len(widths) > 1:
        raise ValidationError("score", f"The rows of what you pasted have different lengths "
                              f"({widths[0]} and {widths[-1]} values): copy a rectangular "
                              "block. Nothing was pasted.")
    return rows
