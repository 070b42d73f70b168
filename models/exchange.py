"""A plan as plain data (JSON-ready dicts), and back.

Used for the example plan shipped in ``resources/examples``, for comparing
plans in tests, and later for merging plans filled in on two laptops. The
dict records the schema version it was written with.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from models.base import Entity, entity_types, new_uuid
from models.errors import ValidationError
from models.migrations import SCHEMA_VERSION
from models.privacy import Viewer, is_private, now_stamp

if TYPE_CHECKING:
    from models.plan_file import PlanFile

FORMAT = "tandem-plan"


def _date_columns(cls: type[Entity]) -> set[str]:
    return {
        attr.key for attr in inspect(cls).column_attrs
        if getattr(attr.columns[0].type, "python_type", None) is date
    }


def _as_dict(rows_by_table: dict[str, list[Entity]]) -> dict[str, Any]:
    tables = {
        table: [{k: v.isoformat() if isinstance(v, date) else v for k, v in row.record().items()}
                for row in sorted(rows, key=lambda r: r.uuid)]
        for table, rows in rows_by_table.items()
    }
    return {"format": FORMAT, "schema": SCHEMA_VERSION, "tables": tables}


def plan_to_dict(session: Session) -> dict[str, Any]:
    """Every row of the plan file, private drafts included: for tests,
    copies and merging, never for showing to a viewer."""
    return _as_dict({table: list(session.scalars(select(cls)))
                     for table, cls in entity_types().items()})


def visible_plan_to_dict(plan: PlanFile, viewer: Viewer) -> dict[str, Any]:
    """What ``viewer`` may see of the plan, in the same form."""
    return _as_dict({table: plan.read(select(cls), viewer)
                     for table, cls in entity_types().items()})


def rows_from_dict(data: dict[str, Any]) -> list[Entity]:
    """The rows described by ``data`` (as :func:`plan_to_dict` writes it), in
    an order that inserts parents before children. Rows without a UUID get one.
    Rows written before drafts existed (schema 2 and older) were made together,
    so they are shared, as the upgrade to format 3 has it."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError("format", "This is not a Tandem plan in exchange format.")
    version = data.get("schema", 2)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise ValidationError("format", f"This plan was written by a newer version of Tandem "
                              f"(format {version}); update Tandem to read it.")
    known = entity_types()
    unknown = set(data.get("tables", {})) - set(known)
    if unknown:
        raise ValidationError("format", f"Unknown parts of a plan: {', '.join(sorted(unknown))}.")
    rows: list[Entity] = []
    for table, cls in known.items():
        dates = _date_columns(cls)
        for record in data.get("tables", {}).get(table, []):
            values = {
                k: date.fromisoformat(v) if k in dates and isinstance(v, str) else v
                for k, v in record.items()
            }
            values.setdefault("uuid", new_uuid())
            if is_private(cls) and version < 3:
                values.setdefault("shared_at", now_stamp())
            rows.append(cls(**values))
    return rows
