"""requirements.txt (pip, used by the Makefile) and environment.yml (conda) pin the same versions."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def pip_pins():
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.strip().lower()] = version.strip()
    return pins


def conda_pins():
    pins = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        m = re.match(r"^\s*-\s+([A-Za-z0-9_.-]+)\s*(==|=)\s*([0-9][^\s#]*)", line)
        if m:
            pins[m.group(1).lower()] = m.group(3)
    return pins


def test_every_pip_pin_is_in_environment_yml_with_the_same_version():
    pip, conda = pip_pins(), conda_pins()
    assert pip, "requirements.txt has no pins"
    missing = sorted(set(pip) - set(conda))
    assert not missing, f"environment.yml lacks {missing}"
    differ = {k: (pip[k], conda[k]) for k in pip if conda[k] != pip[k]}
    assert not differ, f"versions differ (requirements.txt, environment.yml): {differ}"


def test_environment_yml_brings_java_and_maven():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"-\s+openjdk=17", text), "environment.yml must pin openjdk=17"
    assert re.search(r"-\s+maven\b", text), "environment.yml must list maven"


def test_pins_are_exact():
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            assert "==" in line, f"requirements.txt: '{line}' is not pinned with =="


def test_jupyterlab_in_the_venv_wraps_long_code_lines():
    import json
    import sys
    overrides = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert overrides.is_file(), f"{overrides} missing: tools/install_kernel.py writes it (make does)"
    config = json.loads(overrides.read_text())["@jupyterlab/notebook-extension:tracker"]["codeCellConfig"]
    assert config["lineWrap"] is True
