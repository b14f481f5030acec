# INTEGRA knowledge hub. `make help` lists the targets.
# Set-up is automatic: the first target you run creates .venv with the pinned versions.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

# `make serve LANG=pt` previews one language. LANG is also the locale variable, so only a LANG
# given on the command line counts, and recipes run with a UTF-8 locale.
ifeq ($(origin LANG),command line)
ONLY_LANG := $(LANG)
endif
RUN := env LANG=C.UTF-8 LC_ALL=C.UTF-8 HUB_ONLY_LANG=$(ONLY_LANG)

.DEFAULT_GOAL := help
.PHONY: help setup check build serve pdf new test bench links translations clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 22

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@# the integra package is used in place: a .pth file puts this folder on the venv's path
	$(BIN)/python -c 'import sysconfig, pathlib; pathlib.Path(sysconfig.get_paths()["purelib"], "integra-hub.pth").write_text("$(CURDIR)\n")'
	@touch $(STAMP)

setup: $(STAMP) ## create .venv with the pinned versions (done by every target)

check: $(STAMP) ## validate every entry and translation; list all problems
	@$(RUN) $(BIN)/python -m integra check

build: $(STAMP) ## check, then build the whole site into site/ (replaced only when complete)
	@bash scripts/system-deps.sh build
	@$(RUN) $(BIN)/python -m integra build

serve: $(STAMP) ## preview at http://127.0.0.1:8000 (LANG=pt: one language only, faster)
	@$(RUN) $(BIN)/python -m integra serve $(if $(ONLY_LANG),--lang $(ONLY_LANG))

pdf: $(STAMP) ## make only the PDFs into site/downloads/ (guide, catalogue, seminar packs)
	@bash scripts/system-deps.sh build
	@$(RUN) $(BIN)/python -m integra pdf $(ONLY_LANG)

new: $(STAMP) ## new entry: make new KIND=practice ID=my-practice (add LANG=fr for a translation)
	@$(RUN) $(BIN)/python -m integra new "$(KIND)" "$(ID)" $(if $(ONLY_LANG),--lang $(ONLY_LANG))

translations: $(STAMP) ## translation status per language (missing, outdated)
	@$(RUN) $(BIN)/python -m integra translations

test: $(STAMP) ## run the whole test suite (strict site build included)
	@bash scripts/system-deps.sh
	@$(RUN) $(BIN)/python -m pytest

links: $(STAMP) ## check every outside link over the network (a report; never fails)
	@$(RUN) $(BIN)/python -m integra links

bench: $(STAMP) ## build synthetic collections of 250 to 2000 entries; write docs/performance.md
	@bash scripts/system-deps.sh
	@$(RUN) $(BIN)/python bench/run.py $(N)

clean: ## remove the built site and generated pages
	rm -rf site site.new site.old .cache docs/practices docs/case-studies docs/policy docs/glossary docs/seminars docs/schemas docs/translation-status docs/find docs/overview
