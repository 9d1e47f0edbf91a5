"""Configure the Java kernel that `pip install jjava` put into this virtual environment.

The kernel spec lives in <venv>/share/jupyter/kernels/java, so it is found by the venv's Jupyter
only, never user-wide. This script adds the kernel JVM's options (headless AWT for XChart,
a heap limit) and checks that `java` 17+ is on PATH, since the kernel launcher starts plain `java`.
"""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

JVM_OPTS = "-Djava.awt.headless=true -Xmx2g -XX:+UseSerialGC"


def main() -> int:
    spec_dir = Path(sys.prefix) / "share" / "jupyter" / "kernels" / "java"
    spec_file = spec_dir / "kernel.json"
    if not spec_file.is_file():
        print(f"error: no Java kernel at {spec_file}; is jjava installed in this venv "
              f"(pip install -r requirements.txt)?", file=sys.stderr)
        return 1
    java = shutil.which("java")
    if java is None:
        print("error: no `java` on PATH; the Java kernel needs a JDK 17 or newer", file=sys.stderr)
        return 1
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    match = re.search(r'version "(\d+)', out)
    if not match or int(match.group(1)) < 17:
        print(f"error: the Java kernel needs Java 17 or newer, `java -version` says:\n{out}", file=sys.stderr)
        return 1
    spec = json.loads(spec_file.read_text())
    spec["display_name"] = "Java (JJava)"
    spec.setdefault("env", {})["JJAVA_JVM_OPTS"] = JVM_OPTS
    spec_file.write_text(json.dumps(spec, indent=2) + "\n")
    print(f"Java kernel configured: {spec_file} (JJAVA_JVM_OPTS={JVM_OPTS})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
