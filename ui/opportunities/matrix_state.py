"""The matrix as the viewer at the keyboard sees it, kept up to date from the
document's change reports, for the tab's item models to share.

One score typed into a grid of a hundred opportunities reads back that one
score and recomputes that one opportunity's totals (the ranking follows from
the cached totals); criteria, reveals and a change of viewer read it all again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from models.changes import ChangeReport
from models.opportunities import (
    Criterion,
    CriterionWeight,
    DiscussionPoint,
    Matrix,
    Opportunity,
    OpportunityScore,
    discussion_points,
    opportunities,
    read_matrix,
    scores,
    weights,
)
from models.partners import Partner
from models.reveal import Reveal
from ui.document import PlanDocument

#: What the tab shows: a change to any of these may change it.
SHOWN = (Criterion, CriterionWeight, Opportunity, OpportunityScore, DiscussionPoint, Reveal,
         Partner)


class MatrixState(QObject):
    #: Read again from the plan: anything may differ (criteria, rows, reveals, viewer).
    reloaded = Signal()
    #: The scores or fields of these opportunities changed (``list[str]``).
    rows_changed = Signal(list)
    #: Weights changed: every total may differ.
    weights_changed = Signal()
    #: A discussion note changed.
    notes_changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self.matrix: Matrix | None = None
        self._watching: Callable[[ChangeReport], None] = lambda _report: None

    def set_document(self, document: PlanDocument | None) -> None:
        if self.document is not None:
            self.document.unwatch(self._watching)
        self.document = document
        if document is not None:
            self._watching = document.watch(SHOWN, self.update)
        self.reload()

    def reload(self) -> None:
        document = self.document
        self.matrix = None if document is None else read_matrix(document.plan, document.viewer)
        self.reloaded.emit()

    def update(self, report: ChangeReport) -> None:
        """Take in what one edit, undo or redo changed."""
        matrix, document = self.matrix, self.document
        if matrix is None or document is None:
            return
        if (report.is_everything or report.touches(Criterion, Reveal, Partner)
                or report.added(Opportunity) or report.removed(Opportunity)):
            self.reload()
            return
        plan, viewer, board = document.plan, document.viewer, matrix.board
        rows: set[str] = set()
        changed = report.changed(Opportunity)
        if changed:
            fresh = {row.uuid: row for row in opportunities(plan) if row.uuid in changed}
            matrix.opportunities = [fresh.get(row.uuid, row) for row in matrix.opportunities]
            rows |= changed
        if report.touches(OpportunityScore):
            for uuid in report.removed(OpportunityScore):
                key = matrix.score_rows.pop(uuid, None)
                if key is not None:
                    board.set_score(*key, None)
                    rows.add(key[0])
            wanted = report.added(OpportunityScore) | report.changed(OpportunityScore)
            if wanted:
                for score in scores(plan, viewer, uuids=wanted):
                    assert score.author_uuid is not None
                    key = (score.opportunity_uuid, score.author_uuid, score.criterion_uuid)
                    matrix.score_rows[score.uuid] = key
                    board.set_score(*key, score.score)
                    rows.add(score.opportunity_uuid)
        weighted = report.touches(CriterionWeight)
        if weighted:
            for uuid in report.removed(CriterionWeight):
                found = matrix.weight_rows.pop(uuid, None)
                if found is not None:
                    board.set_weight(*found, None)
            wanted = report.added(CriterionWeight) | report.changed(CriterionWeight)
            if wanted:
                for weight in weights(plan, viewer):
                    if weight.uuid in wanted:
                        assert weight.author_uuid is not None
                        matrix.weight_rows[weight.uuid] = (weight.author_uuid,
                                                           weight.criterion_uuid)
                        board.set_weight(weight.author_uuid, weight.criterion_uuid,
                                         weight.weight)
        if report.touches(DiscussionPoint):
            matrix.discussions = {(d.criterion_uuid, d.opportunity_uuid): d
                                  for d in discussion_points(plan)}
            self.notes_changed.emit()
        if weighted:
            self.weights_changed.emit()
        elif rows:
            self.rows_changed.emit(sorted(rows))
