# gdkit: two commands.
#   make report   install what is missing, execute every notebook, write report/index.html
#   make test     unit tests + every notebook executed + report checks (what CI runs)
# Also: make lab (JupyterLab on the notebooks), make jar, make figures, make bench, make clean.

VENV      := .venv
PY        := $(VENV)/bin/python
JAR       := target/gdkit.jar
VENV_OK   := $(VENV)/.gdkit-installed
KERNEL_OK := $(VENV)/share/jupyter/kernels/java/.gdkit-configured
SOURCES   := $(shell find src/main -type f 2>/dev/null)
MVN       := mvn -B --no-transfer-progress

.PHONY: report test lab jar unit notebooks notebooks-for-report report-html check system clean bench figures

report: notebooks-for-report report-html
	@$(PY) -c "import json,sys; s=json.load(open('build/executed/status.json')); sys.exit(any(not x['ok'] for x in s))" \
	  || { echo "some notebooks failed: see report/index.html"; exit 1; }

test: unit notebooks report-html check

system:
	@bash tools/ensure_system.sh

$(VENV_OK): requirements.txt | system
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(KERNEL_OK): $(VENV_OK) tools/install_kernel.py
	$(PY) tools/install_kernel.py
	touch $@

$(JAR): pom.xml $(SOURCES) | system
	$(MVN) -q package -DskipTests

jar: $(JAR)

unit: | system
	$(MVN) test

# Execute every notebook in a fresh kernel; fails if any notebook fails.
notebooks: $(JAR) $(KERNEL_OK)
	rm -f build/executed/status.json
	$(PY) tools/run_notebooks.py

# For the report, a failed notebook still gets its page (marked failed); `report` fails after.
notebooks-for-report: $(JAR) $(KERNEL_OK)
	rm -f build/executed/status.json
	-$(PY) tools/run_notebooks.py

report-html: $(KERNEL_OK)
	$(PY) tools/build_report.py

# Every figure as build/figures/NN-cCC.png and one contact sheet per notebook (NN-contact.png);
# executes the notebooks whose build/executed copy is older than the notebook or the jar.
figures: $(JAR) $(KERNEL_OK)
	$(PY) tools/figures.py

check: $(KERNEL_OK)
	$(PY) -m pytest -q tools/tests

# Benchmarks against NumPy (bench/): the bench module depends on the installed gdkit module.
# Writes bench/results.md and bench/results.png; BENCH_ARGS="--quick" for a short run.
bench: $(KERNEL_OK) | system
	$(MVN) -q install -DskipTests
	$(MVN) -q -f bench/pom.xml package
	$(PY) bench/run.py $(BENCH_ARGS)

lab: $(JAR) $(KERNEL_OK)
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=notebooks $$([ "$$(id -u)" = 0 ] && echo --allow-root)

clean:
	rm -rf target build report
