"""The question decks in the report: how far each deck has come, then each
question both partners answered (revealed together) with both answers and
what the couple agreed. An answer that is not revealed never reaches the
report: of such a question, only who has answered shows."""

from __future__ import annotations

from reportlab.platypus import Flowable

from models.conversations import DeckSummary, conversations_summary
from models.privacy import REPORT
from report.page import (
    BODY,
    SMALL,
    Context,
    Point,
    bullets,
    heading,
    ours,
    sentence,
    table,
)
from report.text import TextStyle

KEY = "conversations"
LANDSCAPE = False
#: Named on the counselor's page; the rest counted.
NAMED = 3
QUESTION = TextStyle(size=BODY.size, color=BODY.color, bold=True, space_before=6,
                     space_after=3)
GREEN = "#2e7d32"
AMBER = "#c07a2c"


def _decks(context: Context) -> list[DeckSummary]:
    return conversations_summary(context.plan, REPORT)


def points(context: Context) -> list[Point]:
    found = _decks(context)
    agreed = [(q.question, q.agreed) for deck in found for q in deck.revealed
              if q.discussed_on is not None and q.agreed.strip()]
    to_talk = [q.question for deck in found for q in deck.revealed if q.discussed_on is None]
    result = [Point(KEY, True, f"Agreed on “{question}”: {text}")
              for question, text in agreed[:NAMED]]
    if len(agreed) > NAMED:
        result.append(Point(KEY, True, f"And {len(agreed) - NAMED} more questions talked "
                                       "through with an agreement."))
    if to_talk:
        named = "; ".join(f"“{q}”" for q in to_talk[:NAMED])
        more = len(to_talk) - NAMED
        result.append(Point(KEY, False, f"Both answered, not yet talked through: {named}"
                                        + (f"; and {more} more." if more > 0 else ".")))
    return result


def story(context: Context) -> list[Flowable]:
    width = context.portrait[0]
    found = _decks(context)
    names = [p.name for p in context.pair]
    parts: list[Flowable] = [
        heading("Conversations", KEY),
        sentence("The question decks: each partner answered each question alone, in their "
                 "own words; the answers were revealed once both had answered. Then the "
                 "couple talked it through and noted what they agreed.", SMALL)]
    rows: list[list[object]] = [["Deck", *(f"Answered by {n}" for n in names), "Discussed"]]
    for deck in found:
        if deck.total:
            rows.append([deck.title, *(f"{n} of {deck.total}" for _name, n in deck.answered),
                         f"{deck.discussed} of {deck.total}"])
    column = width * 0.6 / (len(names) + 1)
    parts.append(table(rows, [width * 0.4, *([column] * (len(names) + 1))]))
    if not any(deck.revealed for deck in found):
        parts.append(sentence("No question is answered by both yet: answers show here once "
                              "both partners have answered a question."))
    for number, deck in enumerate(found):
        if not deck.revealed:
            continue
        parts.append(heading(deck.title, f"{KEY}-deck-{number}", 1))
        for question in deck.revealed:
            parts.append(sentence(question.question, QUESTION))
            parts.append(table([[name for name, _text in question.answers],
                                [text or "(nothing written)" for _name, text in question.answers]],
                               [width / len(question.answers)] * len(question.answers),
                               striped=False))
            if question.discussed_on is not None:
                said = f"Discussed on {context.dates.text(question.discussed_on)}."
                parts.append(bullets([(GREEN, said + (f" Agreed: {question.agreed}"
                                                      if question.agreed.strip() else ""))],
                                     width))
            elif question.agreed.strip():
                parts.append(bullets([(AMBER, f"Not marked as discussed yet. Noted: "
                                              f"{question.agreed}")], width))
            else:
                parts.append(sentence(ours("Not talked through yet."), SMALL))
    waiting = [(deck.title, question, who) for deck in found for question, who in deck.waiting]
    if waiting:
        parts.append(heading("Waiting for the other's answer", f"{KEY}-waiting", 1))
        parts.append(bullets([(AMBER, f"{who} has answered “{question}” ({title})")
                              for title, question, who in waiting], width))
    return parts
