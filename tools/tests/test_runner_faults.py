"""The runner survives failing notebooks: each failure is reported with the notebook and cell, the
other notebooks still run, the exit code is non-zero, and the report marks the failed page.
Uses the small deliberately broken notebooks in tools/tests/broken/ with the real Java kernel, plus a
notebook path that does not exist. The notebooks run two at a time, as `make test` runs them."""
import json
from pathlib import Path

import pytest

import build_report
import run_notebooks

BROKEN = Path(__file__).resolve().parent / "broken"


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    out = tmp_path_factory.mktemp("executed")
    (out / "status.json").write_text('[{"notebook": "stale.ipynb", "ok": true}]')  # a previous run's result
    paths = [str(p) for p in sorted(BROKEN.glob("*.ipynb"))] + [str(BROKEN / "z-missing.ipynb")]
    code = run_notebooks.main(paths + ["--out", str(out), "--timeout", "8", "-j", "2"])
    statuses = {s["notebook"]: s for s in json.loads((out / "status.json").read_text())}
    return code, statuses, out


def test_exit_code_is_non_zero_and_every_notebook_ran(outcome):
    code, statuses, _ = outcome
    assert code == 1
    assert sorted(statuses) == ["a-passes.ipynb", "b-raises.ipynb", "c-times-out.ipynb", "d-kernel-dies.ipynb",
                                "e-merge-conflict.ipynb", "z-missing.ipynb"]
    assert statuses["a-passes.ipynb"]["ok"]
    assert [s["ok"] for s in statuses.values()].count(True) == 1


def test_unreadable_notebook_is_a_failure_that_says_why(outcome):
    err = outcome[1]["e-merge-conflict.ipynb"]["error"]
    assert err["kind"] == "unreadable notebook" and err["cell"] is None
    assert "cannot read e-merge-conflict.ipynb as a notebook" in err["evalue"]


def test_missing_notebook_is_a_failure_that_says_why(outcome):
    err = outcome[1]["z-missing.ipynb"]["error"]
    assert err["kind"] == "unreadable notebook" and "no such notebook" in err["evalue"]


def test_exception_is_reported_with_its_cell(outcome):
    err = outcome[1]["b-raises.ipynb"]["error"]
    assert err["kind"] == "cell error" and err["cell"] == 2
    assert "deliberate failure" in err["evalue"]


def test_timeout_is_reported_with_its_cell(outcome):
    err = outcome[1]["c-times-out.ipynb"]["error"]
    assert err["kind"] == "timeout" and err["cell"] == 1


def test_dead_kernel_is_reported_with_its_cell(outcome):
    err = outcome[1]["d-kernel-dies.ipynb"]["error"]
    assert err["kind"] == "kernel died" and err["cell"] == 2


def test_report_marks_the_failed_notebooks(outcome, tmp_path):
    _, statuses, executed = outcome
    assert build_report.build(executed, tmp_path / "report") == 0
    index = (tmp_path / "report" / "index.html").read_text()
    assert index.count('class="failed"') == 5 and "5 of 6 notebooks failed" in index
    page = (tmp_path / "report" / "b-raises.html").read_text()
    assert "This notebook failed when the report was built" in page and "deliberate failure" in page
    assert "This notebook failed" not in (tmp_path / "report" / "a-passes.html").read_text()


def test_status_is_rewritten_when_the_runner_is_interrupted(tmp_path, monkeypatch):
    """A runner that dies half-way leaves every notebook marked not run, never a stale success."""
    (tmp_path / "status.json").write_text('[{"notebook": "a-passes.ipynb", "ok": true}]')

    def die(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(run_notebooks, "run_all", die)
    with pytest.raises(KeyboardInterrupt):
        run_notebooks.main([str(BROKEN / "a-passes.ipynb"), "--out", str(tmp_path)])
    statuses = json.loads((tmp_path / "status.json").read_text())
    assert [s["ok"] for s in statuses] == [False] and statuses[0]["error"]["ename"] == "NotRun"
