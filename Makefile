# Build the Counterclaim dataset, run the tests, or open the Dagster UI.
# Targets that need the virtual environment create it first when .venv/ is missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INPUT ?= raw
OUTPUT ?= data
DAGSTER_HOME ?= $(CURDIR)/.dagster_home
RELEASES ?= releases

.PHONY: run test install dev constraints clean release

## run: materialise every asset over $(INPUT)/ into $(OUTPUT)/ (articles, claims, rejected)
run: $(BIN)/counterclaim
	$(BIN)/counterclaim extract $(INPUT) --out $(OUTPUT)

## release: build $(RELEASES)/$(VERSION)/ from the tables in $(OUTPUT)/ (make release VERSION=x.y.z);
##   ACCURACY=FILE adds the evaluation's --json figures, INCLUDE_SAMPLES=1 makes a test release with the samples
release: $(BIN)/counterclaim
	@test -n "$(VERSION)" || { echo "usage: make release VERSION=x.y.z [ACCURACY=FILE] [INCLUDE_SAMPLES=1]" >&2; exit 2; }
	$(BIN)/counterclaim release $(VERSION) --data $(OUTPUT) --out $(RELEASES)$(if $(ACCURACY), --accuracy $(ACCURACY))$(if $(INCLUDE_SAMPLES), --include-samples)

## test: run the test suite
test: $(BIN)/counterclaim
	$(BIN)/python -m pytest -q

## install: create .venv/ if missing and install the project with pinned dependencies
install:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -c constraints.txt -e '.[dev]'

$(BIN)/counterclaim:
	$(MAKE) install

## dev: start the Dagster UI on workspace.yaml (runs are kept in .dagster_home/)
dev: $(BIN)/counterclaim
	mkdir -p $(DAGSTER_HOME)
	DAGSTER_HOME=$(DAGSTER_HOME) $(BIN)/dagster dev -w workspace.yaml

## constraints: pin every package of .venv/ (except the project) in constraints.txt
constraints: $(BIN)/counterclaim
	{ sed -n '1,2p' constraints.txt; $(BIN)/python -m pip freeze --exclude-editable | grep -E '^[A-Za-z0-9._-]+==' | grep -v -i '^counterclaim=='; } > constraints.txt.tmp
	mv constraints.txt.tmp constraints.txt

## clean: remove the outputs, Dagster's local state and caches (keeps .venv/)
clean:
	rm -rf $(OUTPUT) .dagster_home .tmp_dagster_home_* .pytest_cache build *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
