# mdcv: `make` builds out/resume.pdf, .html, .txt and .docx, and the PDF, HTML, text and Word document of each cover letter
# (letter.md); `make test` runs the tests; `make help` lists the rest.
# Both set up what they need first (npm packages, the TeX engine) and redo nothing that is current.
SHELL := /bin/bash
RESUME := resume.md
OUT := out
NAME := $(basename $(notdir $(RESUME)))
# Cover letters, each built beside the resume: every Markdown file here whose frontmatter names the resume it goes with (`resume:`),
# as mdcv tells a letter (a `resume:` line in the body, as in a README, is no such thing).
LETTERS := $(filter-out $(RESUME),$(shell awk 'FNR == 1 && !/^---/ { nextfile } FNR > 1 && /^(---|\.\.\.)/ { nextfile } /^resume:/ { print FILENAME; nextfile }' *.md 2>/dev/null))
SOURCES := $(shell find src -name '*.ts')
THEMES := $(shell find templates -type f)
ENSURE := scripts/ensure-packages.sh
# The CLI as shipped: bundled for a fast start (dist/ from tsc stays the library and its types).
MDCV := dist/bin/mdcv.js
# mdcv opens no TLS connection: where NODE_EXTRA_CA_CERTS is set, Node would read its certificates at each start (~90 ms).
RUN_MDCV := env -u NODE_EXTRA_CA_CERTS node $(MDCV)
# Resumes in the test suite whose engines and fonts the tests need (other scripts; the corpus, built as is).
SCRIPT_FIXTURES := $(wildcard tests/fixtures/scripts/*.md tests/fixtures/corpus/*.md)
# Installs the engine and fonts the given resumes need, as the built CLI lists them:
# pdflatex for Latin text; xelatex and Noto fonts only for resumes in other scripts.
ensure-needs = set -o pipefail; $(RUN_MDCV) doctor --needs $(1) | $(ENSURE) -

.PHONY: all test watch bench schema clean help tex test-tools install

all: $(OUT)/$(NAME).pdf $(OUT)/$(NAME).html $(OUT)/$(NAME).txt $(OUT)/$(NAME).docx $(LETTERS:%.md=$(OUT)/%.pdf) ## Build resume.md (PDF, HTML, text, Word) and its cover letters into out/

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

dist/.built: node_modules/.package-lock.json tsconfig.json $(SOURCES)
	npx tsc -p tsconfig.json
	@chmod +x dist/cli/main.js
	@touch $@

$(MDCV): node_modules/.package-lock.json scripts/bundle.mjs $(SOURCES) $(THEMES)
	node scripts/bundle.mjs

tex: $(MDCV)
	@$(call ensure-needs,$(RESUME))

test-tools: $(MDCV)
	@$(call ensure-needs,$(RESUME) $(SCRIPT_FIXTURES))
	@$(ENSURE) pdftotext poppler-utils
	@[ -n "$$CHROMIUM_PATH" ] || $(ENSURE) chromium chromium
	@# A real word processor opens the .docx in the tests, with the metric twins of the Word fonts the themes name.
	@$(ENSURE) soffice libreoffice-writer-nogui
	@$(ENSURE) font:Caladea fonts-crosextra-caladea
	@$(ENSURE) "font:Liberation Sans" fonts-liberation2

$(OUT)/$(NAME).pdf $(OUT)/$(NAME).html $(OUT)/$(NAME).txt $(OUT)/$(NAME).docx &: $(RESUME) $(wildcard photo.*) $(MDCV) $(THEMES) | tex
	$(RUN_MDCV) build $(RESUME) --out $(OUT) --format pdf,html,tex,txt,docx

# A letter's HTML, text and Word document are written with its PDF.
$(LETTERS:%.md=$(OUT)/%.pdf): $(OUT)/%.pdf: %.md $(RESUME) $(wildcard photo.*) $(MDCV) $(THEMES) | tex
	$(RUN_MDCV) build $< --out $(OUT) --format pdf,html,tex,txt,docx

watch: $(MDCV) | tex ## Rebuild out/ on every save of resume.md, with a live preview
	$(RUN_MDCV) watch $(RESUME) --out $(OUT)

bench: $(MDCV) | tex ## Measure rebuild times against a bare pdflatex run; writes BENCHMARKS.md
	node scripts/bench.mjs

schema: dist/.built ## Regenerate schema/mdcv.schema.json from the zod schema
	node scripts/write-json-schema.mjs

test: dist/.built $(MDCV) | test-tools ## Lint and type-check the code and its tests, then run the test suite
	npm run --silent lint
	npx tsc -p tsconfig.test.json
	npx vitest run

# What `npm install --global mdcv` will install once mdcv is published: the packed package
# (`npm pack` builds dist/ first), so the command never depends on this checkout.
install: node_modules/.package-lock.json ## Put the `mdcv` command on PATH (npm install --global; PREFIX=DIR for DIR/bin)
	@set -e; packed=$$(mktemp -d); trap 'rm -rf "$$packed"' EXIT; \
	npm pack --silent --pack-destination "$$packed" >/dev/null; \
	npm install --global --no-audit --no-fund $(if $(PREFIX),--prefix "$(PREFIX)") "$$packed"/mdcv-*.tgz

clean: ## Remove build output and compiled code
	rm -rf $(OUT) dist
