"""Configure the Java kernel that `pip install jjava` put into this virtual environment.

The kernel spec lives in <venv>/share/jupyter/kernels/java, so it is found by the venv's Jupyter
only, never user-wide. This script adds the kernel JVM's options (headless AWT for XChart, a heap
limit, when the JIT compiler optimizes) and checks that `java` 17+ is on PATH, since the kernel
launcher starts plain `java`.

It then builds a class-data-sharing archive of the kernel's own start-up (JJava, JShell, the Java
compiler) next to the spec and points the kernel JVM at it: a kernel then starts on less CPU
(measured in bench/NOTES.md). The archive holds no gdkit classes, so a rebuilt module jar is always
the one loaded. If the archive cannot be built, the kernel runs without it.

Last, it sets one JupyterLab default for this venv (<venv>/share/jupyter/lab/settings/overrides.json):
code cells wrap long lines, so a learner sees a whole line of a cell without scrolling sideways, as
the HTML report shows it. A learner's own settings still win.
"""
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

# jdk.incubator.vector: the module's Vector API kernels (gdkit.model.VectorRowKernel); without it the plain loops run
# Tier4 thresholds 10x HotSpot's defaults: JShell compiles every cell with javac, and C2 spent about as much CPU
# optimizing javac as the notebook itself used (bench/notebook_profile.py); C2 now optimizes only the code that
# is really hot, such as gdkit's loops, and javac stays in C1's code. Results are the same (Java arithmetic
# does not depend on the compiler); the kit runs in 132 s instead of 206 s on two cores (bench/NOTES.md).
JIT_OPTS = "-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000"
JVM_OPTS = f"-Djava.awt.headless=true -Xmx2g -XX:+UseSerialGC --add-modules jdk.incubator.vector {JIT_OPTS}"
ARCHIVE = "kernel-startup.jsa"


def build_archive(spec_file: Path, spec: dict) -> Path | None:
    """Run the kernel once with -XX:ArchiveClassesAtExit and return the archive, or None."""
    archive = spec_file.parent / ARCHIVE
    if " " in str(archive):
        print(f"note: no start-up archive, the kernel's JVM options cannot hold the path {archive} (it has a space)")
        return None
    archive.unlink(missing_ok=True)
    spec["env"]["JJAVA_JVM_OPTS"] = f"{JVM_OPTS} -XX:ArchiveClassesAtExit={archive}"
    spec_file.write_text(json.dumps(spec, indent=2) + "\n")
    try:
        from jupyter_client.manager import start_new_kernel
        km, kc = start_new_kernel(kernel_name="java", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            kc.execute_interactive('var s = java.util.List.of(1, 2).toString() + Math.sqrt(2.0); s', timeout=120,
                                   output_hook=lambda msg: None)
            kc.execute("System.exit(0);")  # the archive is written when the JVM exits normally
            deadline = time.monotonic() + 120
            while km.is_alive() and time.monotonic() < deadline:
                time.sleep(0.2)
        finally:
            km.shutdown_kernel(now=True)
            kc.stop_channels()
    except Exception as e:  # no archive is not an error: the kernel only starts a little slower
        print(f"note: no start-up archive ({type(e).__name__}: {e})")
    return archive if archive.is_file() else None


def configure_lab() -> Path:
    """Make JupyterLab in this venv wrap long lines in code cells (keeping any other overrides)."""
    overrides = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    settings = json.loads(overrides.read_text()) if overrides.is_file() else {}
    tracker = settings.setdefault("@jupyterlab/notebook-extension:tracker", {})
    tracker.setdefault("codeCellConfig", {}).update({"lineNumbers": False, "lineWrap": True})
    overrides.parent.mkdir(parents=True, exist_ok=True)
    overrides.write_text(json.dumps(settings, indent=2) + "\n")
    return overrides


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
    spec.setdefault("env", {})
    archive = build_archive(spec_file, spec)
    opts = JVM_OPTS + (f" -XX:SharedArchiveFile={archive}" if archive else "")
    spec["env"]["JJAVA_JVM_OPTS"] = opts
    spec_file.write_text(json.dumps(spec, indent=2) + "\n")
    print(f"Java kernel configured: {spec_file} (JJAVA_JVM_OPTS={opts})")
    print(f"JupyterLab wraps long lines in code cells: {configure_lab()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
