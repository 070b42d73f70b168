"""The plan file: what is stored, that it survives, and how it is marked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from models.errors import PlanFileError
from models.partners import edit_partner, new_plan_rows, partners
from models.plan_file import APPLICATION_ID, SUFFIX, PlanFile, suggested_name, unused_path
from models.privacy import TOGETHER
from tests.helpers import stored

ROOT = Path(__file__).resolve().parent.parent


def names(path: Path) -> list[str]:
    return [row["name"] for row in sorted(stored(path)["tables"]["partner"],
                                          key=lambda r: r["slot"])]


def test_new_plan_holds_both_partners_after_reopening(plan_path: Path) -> None:
    assert names(plan_path) == ["Ana", "Bo"]
    assert len(stored(plan_path)["tables"]["plan"]) == 1


def test_file_is_marked_as_a_tandem_plan_with_safe_settings(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as plan:
        assert plan.execute_pragma("application_id") == APPLICATION_ID
        assert plan.execute_pragma("user_version") >= 1
        assert plan.execute_pragma("journal_mode") == "delete"
        assert plan.execute_pragma("synchronous") == 2  # FULL
        assert plan.execute_pragma("foreign_keys") == 1
    assert sorted(p.name for p in plan_path.parent.iterdir()) == [plan_path.name], \
        "a closed plan is exactly one file"


def test_edits_survive_closing_and_reopening(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as plan:
        ana = partners(plan)[0]
        plan.apply(edit_partner(ana, name="Анна 🌱", role="<Lead> & co", color="#112233"), TOGETHER)
    with PlanFile.open(plan_path) as plan:
        ana = partners(plan)[0]
        assert (ana.name, ana.role, ana.color) == ("Анна 🌱", "<Lead> & co", "#112233")


def test_an_edit_is_on_disk_even_if_the_app_is_killed_right_after(plan_path: Path) -> None:
    script = (
        "import os, signal, sys\n"
        "from models.plan_file import PlanFile\n"
        "from models.partners import partners, edit_partner\n"
        "from models.privacy import TOGETHER\n"
        "plan = PlanFile.open(sys.argv[1])\n"
        "plan.apply(edit_partner(partners(plan)[1], name='Bo the Bold'), TOGETHER)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(plan_path)], cwd=ROOT)
    assert result.returncode == -signal.SIGKILL
    assert names(plan_path) == ["Ana", "Bo the Bold"]


def test_a_second_open_of_the_same_plan_is_refused_while_it_is_open(plan_path: Path) -> None:
    with PlanFile.open(plan_path), pytest.raises(PlanFileError) as caught:
        PlanFile.open(plan_path)
    assert "open in another Tandem window" in caught.value.message
    assert plan_path.name in caught.value.message


def test_save_a_copy_while_open_gives_an_equal_independent_plan(plan_path: Path,
                                                                tmp_path: Path) -> None:
    copy = tmp_path / "copy.tandem"
    with PlanFile.open(plan_path) as plan:
        plan.apply(edit_partner(partners(plan)[0], name="Ana Maria"), TOGETHER)
        plan.copy_to(copy)
        plan.apply(edit_partner(partners(plan)[0], name="Ana after the copy"), TOGETHER)
    assert names(copy) == ["Ana Maria", "Bo"]
    assert names(plan_path) == ["Ana after the copy", "Bo"]


def test_a_copy_onto_the_open_plan_itself_is_refused(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as plan, pytest.raises(PlanFileError) as caught:
        plan.copy_to(plan_path)
    assert "that is the plan that is open" in caught.value.message
    assert names(plan_path) == ["Ana", "Bo"]


def test_a_copy_into_a_missing_folder_says_why(plan_path: Path, tmp_path: Path) -> None:
    with PlanFile.open(plan_path) as plan, pytest.raises(PlanFileError) as caught:
        plan.copy_to(tmp_path / "no such folder" / "copy.tandem")
    assert "could not be written" in caught.value.message


def test_creating_over_an_existing_file_replaces_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "plan.tandem"
    path.write_text("an old note")
    PlanFile.create(path, new_plan_rows("Kai", "Lee")).close()
    assert names(path) == ["Kai", "Lee"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "plan.tandem"]


def test_suggested_file_names_are_safe_and_unique(tmp_path: Path) -> None:
    assert suggested_name("Rachel", "Marcus") == "Rachel & Marcus" + SUFFIX
    assert suggested_name("A/B", 'C:"D"') == "A-B & C--D-" + SUFFIX
    (tmp_path / ("Rachel & Marcus" + SUFFIX)).touch()
    assert unused_path(tmp_path, "Rachel & Marcus" + SUFFIX).name == "Rachel & Marcus 2" + SUFFIX


def test_validation_refusal_leaves_the_file_as_it_was(plan_path: Path) -> None:
    from models.errors import ValidationError

    with PlanFile.open(plan_path) as plan:
        ana, bo = partners(plan)
        with pytest.raises(ValidationError) as caught:
            plan.apply(edit_partner(ana, name="Zed") + edit_partner(bo, name="   "), TOGETHER)
        assert caught.value.message == "A partner’s name can’t be empty."
        assert (caught.value.table, caught.value.row, caught.value.field) == \
            ("partner", bo.uuid, "name"), "the refusal points at the very field"
        assert [p.name for p in partners(plan)] == ["Ana", "Bo"]
    assert names(plan_path) == ["Ana", "Bo"], "nothing half-saved"


def test_models_never_import_qt() -> None:
    code = (
        "import pkgutil, importlib, sys, models\n"
        "for m in pkgutil.walk_packages(models.__path__, 'models.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6', 'ui'))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, f"models imported Qt or ui: {result.stdout}{result.stderr}"
