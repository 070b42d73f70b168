"""What a plan file must hold, checked when it is opened.

SQLite's own check finds broken pages; these checks find a plan whose pages
are sound but whose contents break Tandem's rules: a table missing, a partner
deleted, an impossible date... Such a file would open and then fail somewhere
in the app; refused on opening instead, it is named with what is wrong.

The checks only read the plan, so they can run inside the transaction of an
upgrade, before it is committed. The rows' own rules run on a copy in memory,
so that nothing the checks do can reach the file.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date

from sqlalchemy import Table, create_engine, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from models import migrations
from models.base import Base, Entity, entity_types, registered_types
from models.errors import ValidationError

#: How Tandem stores a date (what SQLAlchemy writes for SQLite).
_STORED_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NAME_COLUMNS = ("title", "label", "name")


class PlanDamage(Exception):
    """What is wrong with a plan, as the end of a sentence that starts
    "it is damaged: ", e.g. "it has 1 partner; a plan has exactly two." """


def check_schema(conn: sqlite3.Connection, version: int) -> None:
    """Refuse tables, indexes or triggers that differ from those every plan of
    ``version`` has."""
    found = {(kind, name): sql for kind, name, sql in migrations.schema_of(conn)}
    expected = {(kind, name): sql for kind, name, sql in migrations.reference_schema(version)}
    missing = [key for key in expected if key not in found]
    if missing:
        raise PlanDamage(f"it lacks {_objects(missing)}, which every plan of format "
                         f"{version} has.")
    altered = [key for key in expected if found[key] != expected[key]]
    if altered:
        verb, pronoun = ("is", "it") if len(altered) == 1 else ("are", "them")
        raise PlanDamage(f"{_objects(altered)} {verb} not as a plan of format {version} "
                         f"has {pronoun}.")
    extra = [key for key in found if key not in expected]
    if extra:
        raise PlanDamage(f"it has {_objects(extra)}, which a plan of format {version} "
                         "does not have.")


def check_contents(conn: sqlite3.Connection) -> None:
    """Refuse rows that break the model's rules: not exactly two partners,
    links to missing rows, dates that are not dates, and whatever each
    entity's ``check`` and ``check_table`` refuse. The schema must be the
    current one. The rows' rules run on a copy in memory, so that this can run
    inside an upgrade's transaction (see :func:`check_stored` otherwise)."""
    _check_raw(conn)
    types = entity_types()
    memory = sqlite3.connect(":memory:")
    engine = create_engine("sqlite://", creator=lambda: memory, poolclass=StaticPool)
    try:
        tables = [Base.metadata.tables[name] for name in types]
        Base.metadata.create_all(engine, tables=tables)
        for table in tables:
            _copy_rows(conn, memory, table)
        memory.commit()
        with Session(engine, autoflush=False) as session:
            check_rows(session)
    finally:
        engine.dispose()
        memory.close()


def check_stored(conn: sqlite3.Connection, session: Session, rows: bool = True,
                 loaded_only: bool = False) -> None:
    """:func:`check_contents` for a plan open with no transaction under way:
    the rows' rules read them through the plan's own ``session`` (they change
    nothing), which is rolled back after. Quicker: nothing is copied.
    ``loaded_only``: only the rows of the entities whose models are loaded
    (PlanFile.open's ``rows_later``)."""
    _check_raw(conn)
    if not rows:  # the rows are as they were when last checked (PlanFile.open's known_good)
        return
    try:
        if loaded_only:
            check_rows_of(session, registered_types())
        else:
            check_rows(session)
    finally:
        session.rollback()
        session.expunge_all()


def _check_raw(conn: sqlite3.Connection) -> None:
    """The checks SQL answers before any row is read as an entity. They read
    the tables as SQLite describes them (their schema is checked already), not
    as the entities map them: a plan Tandem knows (PlanFile.open's known_good)
    opens with no more than these, before the models of every exercise are
    loaded (a quicker start)."""
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")]
    if "partner" in tables:  # always, but where a test makes up other tables
        _check_partners(conn)
    _check_links(conn)
    for table in tables:
        _check_dates(conn, table)


def _noun(table: str) -> str:
    """What the couple calls a row of ``table`` (for a message)."""
    cls = entity_types().get(table)
    return cls.noun if cls is not None else table


def check_rows(session: Session) -> None:
    """Every row's own rules, then every table's rules across rows."""
    check_rows_of(session, entity_types())


def check_rows_of(session: Session, types: dict[str, type[Entity]]) -> None:
    """:func:`check_rows` for the entities of ``types`` alone."""
    for cls in types.values():
        for row in session.scalars(select(cls)):
            _check_row(row)
    for cls in types.values():
        try:
            cls.check_table(session)
        except ValidationError as error:
            raise PlanDamage(f"its {cls.noun}s break a rule together. "
                             f"{error.message}") from error


def _check_partners(conn: sqlite3.Connection) -> None:
    slots = [row[0] for row in conn.execute("SELECT slot FROM partner ORDER BY slot")]
    if len(slots) != 2:
        count = f"{len(slots) or 'no'} partner{'' if len(slots) == 1 else 's'}"
        raise PlanDamage(f"it has {count}; a plan has exactly two.")
    if slots != [1, 2]:
        raise PlanDamage(f"its partners are numbered {slots[0]} and {slots[1]}; "
                         "a plan numbers them 1 and 2.")


def _check_links(conn: sqlite3.Connection) -> None:
    for table, _rowid, parent, _key in conn.execute("PRAGMA foreign_key_check"):
        child_noun, parent_noun = _noun(table), _noun(parent)
        raise PlanDamage(f"{_a(child_noun)} {child_noun} refers to {_a(parent_noun)} "
                         f"{parent_noun} that is not in the plan.")


def _check_dates(conn: sqlite3.Connection, table: str) -> None:
    """Refuse any date SQLAlchemy could not read back (it would raise
    ValueError in the app), naming the row. A date column is one declared
    DATE, as SQLAlchemy declares it."""
    columns = list(conn.execute(f'PRAGMA table_info("{table}")'))
    names = [column[1] for column in columns]
    dates = [i for i, column in enumerate(columns) if column[2].upper() == "DATE"]
    if not dates:
        return
    listed = ", ".join(f'"{name}"' for name in names)
    for row in conn.execute(f'SELECT {listed} FROM "{table}"'):
        for i in dates:
            problem = _date_problem(row[i], names[i].replace("_", " "))
            if problem:
                values = dict(zip(names, row, strict=True))
                raise PlanDamage(f"{_described(_noun(table), values)} has {problem}.")


def _copy_rows(conn: sqlite3.Connection, memory: sqlite3.Connection, table: Table) -> None:
    columns = ", ".join(f'"{column.name}"' for column in table.columns)
    marks = ", ".join("?" * len(table.columns))
    rows = conn.execute(f'SELECT {columns} FROM "{table.name}"').fetchall()
    memory.executemany(f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})', rows)


def _date_problem(value: object, words: str) -> str | None:
    if value is None:  # where the schema allows it (a milestone's end)
        return None
    if isinstance(value, str) and _STORED_DATE.fullmatch(value):
        try:
            date.fromisoformat(value)
        except ValueError:
            return f"an impossible {words} ({value})"
        return None
    return f"a {words} that is not a date (“{value}”)"


def _check_row(row: Entity) -> None:
    try:
        # The rules alone: text longer than today's limits is kept and shown,
        # spacing the rules would now trim is no damage.
        row.check(fields=())
    except ValidationError as error:
        raise PlanDamage(f"{_described(row.noun, row.record())} breaks a rule. "
                         f"{error.message}") from error
    except (TypeError, ValueError) as error:
        # A value of a type no form could enter: the rules were not written for it.
        raise PlanDamage(f"{_described(row.noun, row.record())} holds a value Tandem "
                         "cannot use.") from error


def _described(noun: str, values: dict[str, object]) -> str:
    name = next((values[c] for c in _NAME_COLUMNS if isinstance(values.get(c), str)
                 and str(values[c]).strip()), None)
    return f"the {noun} “{name}”" if name else f"{_a(noun)} {noun}"


def _objects(keys: list[tuple[str, str]]) -> str:
    """[("table", "season"), ("index", "x")] -> 'the index “x” and the table “season”'."""
    names = [f"the {kind} “{name}”" for kind, name in sorted(keys)]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _a(noun: str) -> str:
    return "an" if noun[:1] in ("a", "e", "i", "o", "u") else "a"
