"""A plan as plain data (JSON-ready dicts), and back.

Used for the example plan shipped in ``resources/examples``, for comparing
plans in tests, and later for merging plans filled in on two laptops.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from models import schema
from models.base import Entity, new_uuid
from models.errors import ValidationError

FORMAT = "tandem-plan"


def _date_columns(cls: type[Entity]) -> set[str]:
    return {
        attr.key for attr in inspect(cls).column_attrs
        if getattr(attr.columns[0].type, "python_type", None) is date
    }


def plan_to_dict(session: Session) -> dict[str, Any]:
    """Every row of the plan, tables in schema order, rows by UUID."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for table, cls in schema.entity_types().items():
        rows = []
        for entity in session.scalars(select(cls).order_by(cls.uuid)):
            record = entity.record()
            rows.append({k: v.isoformat() if isinstance(v, date) else v for k, v in record.items()})
        tables[table] = rows
    return {"format": FORMAT, "tables": tables}


def rows_from_dict(data: dict[str, Any]) -> list[Entity]:
    """The rows described by ``data`` (as :func:`plan_to_dict` writes it), in
    an order that inserts parents before children. Rows without a UUID get one."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError("format", "This is not a Tandem plan in exchange format.")
    known = schema.entity_types()
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
            rows.append(cls(**values))
    return rows
