"""The plan file's schema, version by version.

A new plan is made by running every step from version 0, and an older plan by
running the steps it lacks, so both end in exactly the same schema. A step is
frozen once released: change the schema by adding a step, never by editing one.
Steps run with foreign keys off, inside the caller's transaction: rebuilding a
table with enforcement on would cascade-delete its children.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from functools import cache

Step = Sequence[str] | Callable[[sqlite3.Connection], None]

_STEPS: dict[int, Step] = {
    1: (
        """CREATE TABLE plan (
            uuid TEXT PRIMARY KEY NOT NULL,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE partner (
            uuid TEXT PRIMARY KEY NOT NULL,
            slot INTEGER NOT NULL UNIQUE CHECK (slot IN (1, 2)),
            name TEXT NOT NULL,
            color TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            field TEXT NOT NULL DEFAULT ''
        )""",
    ),
    # The shared roadmap: phases and milestones in lanes, and seasons.
    2: (
        """CREATE TABLE roadmap_item (
            uuid TEXT PRIMARY KEY NOT NULL,
            partner_uuid TEXT REFERENCES partner(uuid) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'done', 'dropped')),
            start_date DATE NOT NULL,
            end_date DATE,
            CHECK (end_date IS NULL OR end_date >= start_date)
        )""",
        "CREATE INDEX roadmap_item_partner ON roadmap_item (partner_uuid)",
        """CREATE TABLE season (
            uuid TEXT PRIMARY KEY NOT NULL,
            leader_uuid TEXT NOT NULL REFERENCES partner(uuid) ON DELETE CASCADE,
            label TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            start_date DATE NOT NULL,
            end_date DATE NOT NULL,
            CHECK (end_date >= start_date)
        )""",
        "CREATE INDEX season_leader ON season (leader_uuid)",
    ),
    # Private drafts on the roadmap (author, and when shared: everything
    # before this step was made together, so it is shared now). Deleting a
    # partner no longer cascades: children are deleted explicitly, by the
    # edit, so that undo brings them back. Value rules (statuses, end after
    # start) are written once, in models/, which checks every edit and every
    # row on open, so they are no longer repeated here as CHECKs.
    3: (
        """CREATE TABLE roadmap_item_v3 (
            uuid TEXT PRIMARY KEY NOT NULL,
            partner_uuid TEXT REFERENCES partner(uuid) ON DELETE RESTRICT,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'planned',
            start_date DATE NOT NULL,
            end_date DATE,
            author_uuid TEXT REFERENCES partner(uuid) ON DELETE RESTRICT,
            shared_at TEXT
        )""",
        """INSERT INTO roadmap_item_v3
            (uuid, partner_uuid, kind, title, notes, status, start_date, end_date,
             author_uuid, shared_at)
           SELECT uuid, partner_uuid, kind, title, notes, status, start_date, end_date,
             NULL, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now') FROM roadmap_item""",
        "DROP TABLE roadmap_item",
        "ALTER TABLE roadmap_item_v3 RENAME TO roadmap_item",
        "CREATE INDEX roadmap_item_partner ON roadmap_item (partner_uuid)",
        "CREATE INDEX roadmap_item_author ON roadmap_item (author_uuid)",
        """CREATE TABLE season_v3 (
            uuid TEXT PRIMARY KEY NOT NULL,
            leader_uuid TEXT NOT NULL REFERENCES partner(uuid) ON DELETE RESTRICT,
            label TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            start_date DATE NOT NULL,
            end_date DATE NOT NULL
        )""",
        """INSERT INTO season_v3 (uuid, leader_uuid, label, notes, start_date, end_date)
           SELECT uuid, leader_uuid, label, notes, start_date, end_date FROM season""",
        "DROP TABLE season",
        "ALTER TABLE season_v3 RENAME TO season",
        "CREATE INDEX season_leader ON season (leader_uuid)",
    ),
    # "Alone, then revealed together": each partner's "I'm done" with a
    # subject (an opportunity, a check-in...), the same for every exercise.
    4: (
        """CREATE TABLE reveal (
            uuid TEXT PRIMARY KEY NOT NULL,
            subject_uuid TEXT NOT NULL,
            author_uuid TEXT REFERENCES partner(uuid) ON DELETE RESTRICT,
            shared_at TEXT,
            UNIQUE (subject_uuid, author_uuid)
        )""",
        "CREATE INDEX reveal_author ON reveal (author_uuid)",
    ),
    # Opportunities: the evaluation matrix. Criteria, each partner's private
    # weights and scores (revealed with the "done" marks of step 4: scores per
    # opportunity, weights all at once), opportunities with the roadmap item
    # they became once accepted, and what the couple agreed where they differed.
    5: (
        """CREATE TABLE criterion (
            uuid TEXT PRIMARY KEY NOT NULL,
            title TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE criterion_weight (
            uuid TEXT PRIMARY KEY NOT NULL,
            criterion_uuid TEXT NOT NULL REFERENCES criterion(uuid) ON DELETE RESTRICT,
            weights_subject TEXT NOT NULL,
            weight INTEGER NOT NULL,
            author_uuid TEXT REFERENCES partner(uuid) ON DELETE RESTRICT,
            shared_at TEXT,
            UNIQUE (criterion_uuid, author_uuid)
        )""",
        "CREATE INDEX criterion_weight_author ON criterion_weight (author_uuid)",
        """CREATE TABLE opportunity (
            uuid TEXT PRIMARY KEY NOT NULL,
            title TEXT NOT NULL,
            partner_uuid TEXT REFERENCES partner(uuid) ON DELETE RESTRICT,
            employer TEXT NOT NULL DEFAULT '',
            location TEXT NOT NULL DEFAULT '',
            salary INTEGER,
            currency TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'considering',
            arose_on DATE NOT NULL,
            decide_by DATE,
            roadmap_item_uuid TEXT REFERENCES roadmap_item(uuid) ON DELETE RESTRICT
        )""",
        "CREATE INDEX opportunity_partner ON opportunity (partner_uuid)",
        "CREATE INDEX opportunity_roadmap_item ON opportunity (roadmap_item_uuid)",
        """CREATE TABLE opportunity_score (
            uuid TEXT PRIMARY KEY NOT NULL,
            opportunity_uuid TEXT NOT NULL REFERENCES opportunity(uuid) ON DELETE RESTRICT,
            criterion_uuid TEXT NOT NULL REFERENCES criterion(uuid) ON DELETE RESTRICT,
            score INTEGER NOT NULL,
            author_uuid TEXT REFERENCES partner(uuid) ON DELETE RESTRICT,
            shared_at TEXT,
            UNIQUE (opportunity_uuid, criterion_uuid, author_uuid)
        )""",
        "CREATE INDEX opportunity_score_criterion ON opportunity_score (criterion_uuid)",
        "CREATE INDEX opportunity_score_author ON opportunity_score (author_uuid)",
        """CREATE TABLE discussion_point (
            uuid TEXT PRIMARY KEY NOT NULL,
            criterion_uuid TEXT NOT NULL REFERENCES criterion(uuid) ON DELETE RESTRICT,
            opportunity_uuid TEXT REFERENCES opportunity(uuid) ON DELETE RESTRICT,
            discussed_on DATE,
            note TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX discussion_point_criterion ON discussion_point (criterion_uuid)",
        "CREATE INDEX discussion_point_opportunity ON discussion_point (opportunity_uuid)",
    ),
    # Day in the Life: scenarios both partners imagine a day in, each
    # partner's vision of one (private until both are done with the
    # scenario), and synergy or conflict marks anchored by quoted passage.
    # (It does not depend on step 5.)
    6: (
        """CREATE TABLE vision_scenario (
            uuid TEXT PRIMARY KEY NOT NULL,
            title TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE vision (
            uuid TEXT PRIMARY KEY NOT NULL,
            scenario_uuid TEXT NOT NULL REFERENCES vision_scenario(uuid) ON DELETE RESTRICT,
            commute TEXT NOT NULL DEFAULT '',
            workspace TEXT NOT NULL DEFAULT '',
            colleagues TEXT NOT NULL DEFAULT '',
            tasks TEXT NOT NULL DEFAULT '',
            challenges TEXT NOT NULL DEFAULT '',
            personal_life TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            leave_home INTEGER,
            work_start INTEGER,
            work_end INTEGER,
            back_home INTEGER,
            home_minutes INTEGER,
            author_uuid TEXT REFERENCES partner(uuid) ON DELETE RESTRICT,
            shared_at TEXT,
            UNIQUE (scenario_uuid, author_uuid)
        )""",
        "CREATE INDEX vision_author ON vision (author_uuid)",
        """CREATE TABLE vision_mark (
            uuid TEXT PRIMARY KEY NOT NULL,
            vision_uuid TEXT NOT NULL REFERENCES vision(uuid) ON DELETE RESTRICT,
            scenario_uuid TEXT NOT NULL REFERENCES vision_scenario(uuid) ON DELETE RESTRICT,
            section TEXT NOT NULL,
            kind TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            author_uuid TEXT REFERENCES partner(uuid) ON DELETE RESTRICT,
            shared_at TEXT
        )""",
        "CREATE INDEX vision_mark_vision ON vision_mark (vision_uuid)",
        "CREATE INDEX vision_mark_scenario ON vision_mark (scenario_uuid)",
        "CREATE INDEX vision_mark_author ON vision_mark (author_uuid)",
    ),
    # The Success Indicator Checklist: indicators (the seed's seven are
    # stored on first use), dated check-ins with the couple's agreed note,
    # each partner's private ratings (revealed with their check-in), the
    # rhythm of check-ins, and each partner's private red flags. One check-in
    # a day and one rating per partner, indicator and check-in are rules of
    # models/checklist.py, not keys, so that an undo may reorder rows freely.
    7: (
        """CREATE TABLE checklist_indicator (
            uuid TEXT PRIMARY KEY NOT NULL,
            title TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            retired_on DATE
        )""",
        """CREATE TABLE checkin (
            uuid TEXT PRIMARY KEY NOT NULL,
            held_on DATE NOT NULL,
            agreed TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX checkin_held_on ON checkin (held_on)",
        """CREATE TABLE checkin_rating (
            uuid TEXT PRIMARY KEY NOT NULL,
            checkin_uuid TEXT NOT NULL REFERENCES checkin(uuid) ON DELETE RESTRICT,
            indicator_uuid TEXT NOT NULL
                REFERENCES checklist_indicator(uuid) ON DELETE RESTRICT,
            score INTEGER,
            note TEXT NOT NULL DEFAULT '',
            author_uuid TEXT REFERENCES partner(uuid) ON DELETE RESTRICT,
            shared_at TEXT
        )""",
        "CREATE INDEX checkin_rating_checkin ON checkin_rating (checkin_uuid)",
        "CREATE INDEX checkin_rating_indicator ON checkin_rating (indicator_uuid)",
        "CREATE INDEX checkin_rating_author ON checkin_rating (author_uuid)",
        """CREATE TABLE checkin_rhythm (
            uuid TEXT PRIMARY KEY NOT NULL,
            every TEXT NOT NULL DEFAULT 'quarterly'
        )""",
        """CREATE TABLE red_flag (
            uuid TEXT PRIMARY KEY NOT NULL,
            flag TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            author_uuid TEXT REFERENCES partner(uuid) ON DELETE RESTRICT,
            shared_at TEXT
        )""",
        "CREATE INDEX red_flag_author ON red_flag (author_uuid)",
    ),
    # Support structures (issue 14, item 5): each partner's career support
    # budget (a month's money and hours, and what was used), board of
    # directors (members may be private drafts), the household load, the one
    # burnout protocol, and pivot exploration periods linked to their phase
    # on the roadmap. One line per category and partner, and one protocol per
    # plan, are rules of models/support.py.
    8: (
        """CREATE TABLE support_budget (
            uuid TEXT PRIMARY KEY NOT NULL,
            partner_uuid TEXT NOT NULL REFERENCES partner(uuid) ON DELETE RESTRICT,
            category TEXT NOT NULL,
            money_per_month INTEGER NOT NULL DEFAULT 0,
            hours_per_month REAL NOT NULL DEFAULT 0,
            money_used INTEGER NOT NULL DEFAULT 0,
            hours_used REAL NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX support_budget_partner ON support_budget (partner_uuid)",
        """CREATE TABLE board_member (
            uuid TEXT PRIMARY KEY NOT NULL,
            partner_uuid TEXT NOT NULL REFERENCES partner(uuid) ON DELETE RESTRICT,
            name TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT 'mentor',
            note TEXT NOT NULL DEFAULT '',
            author_uuid TEXT REFERENCES partner(uuid) ON DELETE RESTRICT,
            shared_at TEXT
        )""",
        "CREATE INDEX board_member_partner ON board_member (partner_uuid)",
        "CREATE INDEX board_member_author ON board_member (author_uuid)",
        """CREATE TABLE household_task (
            uuid TEXT PRIMARY KEY NOT NULL,
            title TEXT NOT NULL,
            partner_uuid TEXT REFERENCES partner(uuid) ON DELETE RESTRICT,
            hours_per_week REAL NOT NULL DEFAULT 0,
            invisible BOOLEAN NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX household_task_partner ON household_task (partner_uuid)",
        """CREATE TABLE burnout_protocol (
            uuid TEXT PRIMARY KEY NOT NULL,
            signals TEXT NOT NULL DEFAULT '',
            protocol TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE pivot_period (
            uuid TEXT PRIMARY KEY NOT NULL,
            partner_uuid TEXT NOT NULL REFERENCES partner(uuid) ON DELETE RESTRICT,
            what TEXT NOT NULL,
            start_date DATE NOT NULL,
            end_date DATE NOT NULL,
            decides TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'exploring',
            outcome TEXT NOT NULL DEFAULT '',
            roadmap_item_uuid TEXT REFERENCES roadmap_item(uuid) ON DELETE RESTRICT
        )""",
        "CREATE INDEX pivot_period_partner ON pivot_period (partner_uuid)",
        "CREATE INDEX pivot_period_roadmap_item ON pivot_period (roadmap_item_uuid)",
    ),
    # Conversations: the question decks' answers (each partner's own,
    # revealed per question), the couple's note on each question (discussed,
    # what was agreed) and questions of their own; the support inventory
    # (each partner's lists, shared by the writer) and the other partner's
    # "taken up" marks on wishes. Answers and notes name their question by
    # UUID alone: the seed's questions are content, with no row to point at.
    9: (
        """CREATE TABLE conversation_question (
            uuid TEXT PRIMARY KEY NOT NULL,
            deck TEXT NOT NULL,
            text TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE conversation_answer (
            uuid TEXT PRIMARY KEY NOT NULL,
            question_uuid TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            author_uuid TEXT REFERENCES partner(uuid) ON DELETE RESTRICT,
            shared_at TEXT
        )""",
        "CREATE INDEX conversation_answer_question ON conversation_answer (question_uuid)",
        "CREATE INDEX conversation_answer_author ON conversation_answer (author_uuid)",
        """CREATE TABLE conversation_note (
            uuid TEXT PRIMARY KEY NOT NULL,
            question_uuid TEXT NOT NULL,
            discussed_on DATE,
            agreed TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX conversation_note_question ON conversation_note (question_uuid)",
        """CREATE TABLE support_item (
            uuid TEXT PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            author_uuid TEXT REFERENCES partner(uuid) ON DELETE RESTRICT,
            shared_at TEXT
        )""",
        "CREATE INDEX support_item_author ON support_item (author_uuid)",
        """CREATE TABLE support_uptake (
            uuid TEXT PRIMARY KEY NOT NULL,
            item_uuid TEXT NOT NULL REFERENCES support_item(uuid) ON DELETE RESTRICT,
            taken_up_on DATE NOT NULL,
            author_uuid TEXT REFERENCES partner(uuid) ON DELETE RESTRICT,
            shared_at TEXT
        )""",
        "CREATE INDEX support_uptake_item ON support_uptake (item_uuid)",
        "CREATE INDEX support_uptake_author ON support_uptake (author_uuid)",
    ),
    # Goals & wins: each partner's goals (short or long term, strengths,
    # weaknesses to offset, overlapping paths), the log of wins with the other
    # partner's note of appreciation, and the opportunity-cost log. Each may
    # point at its roadmap marker.
    10: (
        """CREATE TABLE goal (
            uuid TEXT PRIMARY KEY NOT NULL,
            partner_uuid TEXT NOT NULL REFERENCES partner(uuid) ON DELETE RESTRICT,
            horizon TEXT NOT NULL DEFAULT 'short',
            title TEXT NOT NULL,
            strengths TEXT NOT NULL DEFAULT '',
            weaknesses TEXT NOT NULL DEFAULT '',
            overlaps BOOLEAN NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'working',
            target_date DATE,
            roadmap_item_uuid TEXT REFERENCES roadmap_item(uuid) ON DELETE RESTRICT
        )""",
        "CREATE INDEX goal_partner ON goal (partner_uuid)",
        "CREATE INDEX goal_roadmap_item ON goal (roadmap_item_uuid)",
        """CREATE TABLE win (
            uuid TEXT PRIMARY KEY NOT NULL,
            partner_uuid TEXT NOT NULL REFERENCES partner(uuid) ON DELETE RESTRICT,
            title TEXT NOT NULL,
            won_on DATE NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            appreciation TEXT NOT NULL DEFAULT '',
            roadmap_item_uuid TEXT REFERENCES roadmap_item(uuid) ON DELETE RESTRICT
        )""",
        "CREATE INDEX win_partner ON win (partner_uuid)",
        "CREATE INDEX win_roadmap_item ON win (roadmap_item_uuid)",
        """CREATE TABLE passed_up (
            uuid TEXT PRIMARY KEY NOT NULL,
            partner_uuid TEXT NOT NULL REFERENCES partner(uuid) ON DELETE RESTRICT,
            title TEXT NOT NULL,
            passed_on DATE NOT NULL,
            gained TEXT NOT NULL DEFAULT '',
            lost TEXT NOT NULL DEFAULT '',
            roadmap_item_uuid TEXT REFERENCES roadmap_item(uuid) ON DELETE RESTRICT
        )""",
        "CREATE INDEX passed_up_partner ON passed_up (partner_uuid)",
        "CREATE INDEX passed_up_roadmap_item ON passed_up (roadmap_item_uuid)",
    ),
}

#: The newest schema this version of Tandem reads and writes.
SCHEMA_VERSION = max(_STEPS)


def upgrade(conn: sqlite3.Connection, from_version: int, steps: dict[int, Step] | None = None,
            to_version: int | None = None) -> int:
    """Run the steps after ``from_version`` up to ``to_version`` (default: all)
    on ``conn`` (in its open transaction) and record the new version; returns it."""
    steps = _STEPS if steps is None else steps
    last = max(steps, default=from_version) if to_version is None else to_version
    version = from_version
    for version in sorted(v for v in steps if from_version < v <= last):
        step = steps[version]
        if callable(step):
            step(conn)
        else:
            for statement in step:
                conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {int(version)}")
    return version


#: One schema object: its type ("table", "index"...), name and SQL, whitespace folded.
SchemaObject = tuple[str, str, str]


def schema_of(conn: sqlite3.Connection) -> frozenset[SchemaObject]:
    """The tables, indexes, views and triggers of ``conn``'s database.
    SQLite's own objects are left out: they follow from ours (automatic
    indexes) or from maintenance (statistics)."""
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master "
                        "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").fetchall()
    return frozenset((kind, name, " ".join((sql or "").split())) for kind, name, sql in rows)


def reference_schema(version: int) -> frozenset[SchemaObject]:
    """The schema every plan of format ``version`` has: that of an empty
    database after the steps up to ``version``."""
    steps = tuple((v, s if callable(s) else tuple(s)) for v, s in sorted(_STEPS.items())
                  if v <= version)
    return _built_schema(version, steps)


@cache
def _built_schema(version: int, steps: tuple[tuple[int, Step], ...]) -> frozenset[SchemaObject]:
    # Keyed by the steps themselves, not only the version, so a test that
    # replaces the steps never gets a schema built from others.
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute("BEGIN")
        upgrade(conn, 0, dict(steps), to_version=version)
        conn.execute("COMMIT")
        return schema_of(conn)
    finally:
        conn.close()
