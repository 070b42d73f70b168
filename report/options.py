"""What a counselor report holds: its sections, its paper, and whether notes
go in. The same choices in File ▸ Export Report… and in ``tandem export``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionInfo:
    key: str
    title: str
    #: What the section shows, for the export dialog and ``--help``.
    about: str
    #: In the report unless the couple leaves it out.
    default: bool = True


#: Every section, in the report's order. The cover and the contents always come first.
SECTIONS: tuple[SectionInfo, ...] = (
    SectionInfo("counselor", "For the counselor",
                "one page: where the two of you agree and where you differ, from every part"),
    SectionInfo("roadmap", "The roadmap",
                "both careers and your shared life over time, seasons, and the lead balance"),
    SectionInfo("opportunities", "Opportunities",
                "the scoring grid, totals, ranking and the points to talk about"),
    SectionInfo("day_in_the_life", "A day in the life",
                "both visions side by side, with their marks and your days"),
    SectionInfo("checklist", "Check-ins",
                "the latest check-in, the trends, differences and shared red flags"),
    SectionInfo("conversations", "Conversations",
                "the question decks: both answers once revealed, and what you agreed",
                default=False),
    SectionInfo("support_inventory", "Support inventory",
                "how each of you is supported now and wishes to be, as you shared it",
                default=False),
    SectionInfo("goals", "Goals and wins",
                "each partner's goals, where your paths overlap, and your wins"),
    SectionInfo("passed_up", "Opportunities passed up",
                "the opportunity-cost log: what each of you passed up, gained and lost",
                default=False),
    SectionInfo("support", "Support structures",
                "career support budgets, boards of directors, the household load, the burnout "
                "protocol and pivot explorations", default=False),
)
KEYS = tuple(section.key for section in SECTIONS)
#: What a report holds unless the couple chooses: the personal parts stay out.
DEFAULT_KEYS = tuple(section.key for section in SECTIONS if section.default)
PAGE_SIZES = ("A4", "Letter")
#: Where paper is Letter rather than A4 (ISO 3166 codes).
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "SV",
                                "NI", "PA", "DO", "PR", "BZ"})


@dataclass(frozen=True)
class ReportOptions:
    sections: tuple[str, ...] = DEFAULT_KEYS
    page_size: str = "A4"
    #: Notes written on roadmap items, opportunities, check-ins...: personal,
    #: and long; the couple decides whether the counselor reads them.
    notes: bool = True

    def __post_init__(self) -> None:
        unknown = [key for key in self.sections if key not in KEYS]
        if unknown:
            raise ValueError(f"no such section: {', '.join(unknown)}")
        if self.page_size not in PAGE_SIZES:
            raise ValueError(f"no such page size: {self.page_size}")

    def includes(self, key: str) -> bool:
        return key in self.sections


def default_page_size(territory: str) -> str:
    """The paper people there have: Letter in North America and a few more
    places, A4 elsewhere (``territory`` as "US", "de_DE" or "en_US.UTF-8")."""
    code = territory.split(".")[0].split("_")[-1].upper()
    return "Letter" if code in LETTER_TERRITORIES else "A4"


def ordered(keys: list[str]) -> tuple[str, ...]:
    """``keys`` in the report's order, once each."""
    return tuple(key for key in KEYS if key in keys)
