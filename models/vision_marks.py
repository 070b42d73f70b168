"""Where a mark is: a passage named by its own words, not by a position.

A synergy or conflict mark holds the passage it was made on as a quote with
a little context before and after it (like the W3C Web Annotation
``TextQuoteSelector``: ``exact``, ``prefix``, ``suffix``). Positions would
point at other words as soon as anything before the passage is edited; a
quote is found again wherever the text moved it. As the vision's author
goes on writing, each stored burst of typing carries every mark's quote
along (:func:`follow`), so the quotes stay current and a mark follows edits
inside its passage too. When its words are gone, a mark says so rather than
landing on others.

Everything here is plain text in, plain text out; offsets are in characters
(code points), the way Python and the models count.
"""

from __future__ import annotations

from dataclasses import dataclass

#: How much context is kept on each side of a passage, in characters.
CONTEXT = 32
#: At most this many occurrences of a quote are weighed against each other.
MAX_CANDIDATES = 2000
#: A passage found again between its context may have grown by this much.
GROWTH = 400
#: Less context than this around a passage is not enough to find it by.
MIN_CONTEXT = 8
#: The start and the end of a long passage find it again if its middle changed.
ENDS = 16

Span = tuple[int, int]


@dataclass(frozen=True)
class Quote:
    exact: str
    prefix: str = ""
    suffix: str = ""


def quote_at(text: str, start: int, end: int, context: int = CONTEXT) -> Quote:
    """The quote of ``text[start:end]`` with its context."""
    return Quote(text[start:end], text[max(0, start - context):start], text[end:end + context])


def _shared_tail(first: str, second: str) -> int:
    """How many characters ``first`` ends with that ``second`` ends with too."""
    count = 0
    for a, b in zip(reversed(first), reversed(second), strict=False):
        if a != b:
            break
        count += 1
    return count


def _shared_head(first: str, second: str) -> int:
    count = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        count += 1
    return count


def _fit(quote: Quote, text: str, start: int, end: int) -> int:
    """How well the context around ``text[start:end]`` matches the quote's."""
    before = text[max(0, start - len(quote.prefix)):start]
    after = text[end:end + len(quote.suffix)]
    return _shared_tail(before, quote.prefix) + _shared_head(after, quote.suffix)


def _occurrences(text: str, part: str, start: int = 0, stop: int | None = None) -> list[int]:
    found: list[int] = []
    at = text.find(part, start, stop)
    while at >= 0 and len(found) < MAX_CANDIDATES:
        found.append(at)
        at = text.find(part, at + 1, stop)
    return found


def locate(quote: Quote, text: str) -> Span | None:
    """Where the quoted passage is in ``text``, or ``None`` if its words are gone.

    First the exact words (the occurrence whose context fits best, so a
    phrase used twice is told apart); then whatever stands between the
    context (the passage was edited inside); then the passage's own first
    and last words (a long passage whose middle and context both changed)."""
    if not quote.exact:
        return None
    candidates = [(at, at + len(quote.exact)) for at in _occurrences(text, quote.exact)]
    if not candidates:
        candidates = _between_context(quote, text) or _between_ends(quote, text)
    if not candidates:
        return None
    return max(candidates, key=lambda span: (_fit(quote, text, *span), -span[0]))


def _between_context(quote: Quote, text: str) -> list[Span]:
    """The passage as what lies between its prefix and suffix."""
    if len(quote.prefix) + len(quote.suffix) < MIN_CONTEXT:
        return []  # the passage was (nearly) the whole text: too little to hold on to
    most = len(quote.exact) + GROWTH
    found: list[Span] = []
    starts = [at + len(quote.prefix) for at in _occurrences(text, quote.prefix)] \
        if quote.prefix else [0]
    for start in starts:
        if quote.suffix:
            end = text.find(quote.suffix, start + 1, start + most + len(quote.suffix))
        else:
            end = len(text) if len(text) - start <= most else -1
        if end > start:
            found.append((start, end))
    return found


def _between_ends(quote: Quote, text: str) -> list[Span]:
    """The passage as what runs from its first words to its last."""
    size = min(ENDS, len(quote.exact) // 3)
    if size < 4:
        return []
    head, tail = quote.exact[:size], quote.exact[-size:]
    most = len(quote.exact) + GROWTH
    found: list[Span] = []
    for start in _occurrences(text, head):
        end = text.find(tail, start + size, start + most)
        if end >= 0:
            found.append((start, end + size))
    return found


def common_ends(old: str, new: str) -> tuple[int, int]:
    """How many characters ``old`` and ``new`` share at the start, and then at
    the end (never overlapping): what an edit left alone on either side.
    Binary search over slices, so a megabyte costs a few comparisons."""
    most = min(len(old), len(new))
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        if old[:middle] == new[:middle]:
            low = middle
        else:
            high = middle - 1
    head = low
    low, high = 0, most - head
    while low < high:
        middle = (low + high + 1) // 2
        if old[len(old) - middle:] == new[len(new) - middle:]:
            low = middle
        else:
            high = middle - 1
    return head, low


def follow(quote: Quote, old: str, new: str) -> Quote | None:
    """The quote after ``old`` became ``new``: the same passage, with what was
    typed inside it and its new context; ``None`` if its words are gone.

    An edit before the passage moves it, an edit inside it changes its
    words, text typed right at its start or end stays outside it, and a
    passage replaced whole is looked for again by its words."""
    span = locate(quote, old)
    if span is None:
        found = locate(quote, new)
        return None if found is None else quote_at(new, *found)
    head, tail = common_ends(old, new)
    changed_end = len(old) - tail  # the edit replaced old[head:changed_end]
    shift = len(new) - len(old)
    start, end = span
    if start >= changed_end:  # edited before the passage
        return quote_at(new, start + shift, end + shift)
    if end <= head:  # edited after it
        return quote_at(new, start, end)
    if start <= head and changed_end <= end and (start < head or changed_end < end) \
            and new[start:end + shift].strip():
        return quote_at(new, start, end + shift)  # edited inside it, some of it kept
    # The edit reached over an end of the passage (or typing in two places
    # made one change of it all): its words and context say best where it is.
    found = locate(quote, new)
    if found is not None:
        return quote_at(new, *found)
    if head <= start and end <= changed_end:
        return None  # replaced whole, and its words are nowhere: gone
    new_start, new_end = start, end + shift
    if start > head:  # the edit took the passage's start: it begins after the edit, on a word
        new_start = changed_end + shift
        while 0 < new_start < len(new) and new[new_start - 1].isalnum() \
                and new[new_start].isalnum():
            new_start -= 1
    if end < changed_end:  # the edit took its end: it ends before the edit, on a word
        new_end = head
        while 0 < new_end < len(new) and new[new_end - 1].isalnum() and new[new_end].isalnum():
            new_end += 1
    if new_end <= new_start or not new[new_start:new_end].strip():
        return None
    return quote_at(new, new_start, new_end)
