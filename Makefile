# Glossa's build. `make run` builds and serves the app; `make test` runs
# every test. Outputs go to dist/ and web/*.wasm (untracked).

SHELL     := /bin/bash
GO        ?= go
ADDR      ?= 127.0.0.1:8000
GOROOT    := $(shell $(GO) env GOROOT)
WASM_EXEC := $(GOROOT)/lib/wasm/wasm_exec.js
WASMFLAGS := -trimpath -ldflags="-s -w"
# app.wasm keeps its function names (no -s): `glossa site` reads them to
# order the warm-up (see app/warmup), then leaves them out of the site.
APPWASMFLAGS := -trimpath -ldflags="-w"
GOFILES   := $(shell find . -name '*.go' -not -path './dist/*' -not -path './pipeline/*') go.mod go.sum
# The corpus pipeline (Apache Beam): a module of its own in pipeline/, so
# that the main module, and the browser builds, never compile Beam.
PIPELINE_FILES := $(shell find pipeline -name '*.go') pipeline/go.mod pipeline/go.sum
WEBFILES  := $(shell find web -type f -not -name '*.wasm' -not -name '*.model')
# The built-in entity model: committed, remade by `make model CONLL_DIR=…`.
NEWS_MODEL := annotate/ner/news/builtin/news.model
# Packages tested natively: all but the browser tests.
UNIT_PKGS  = $(shell $(GO) list ./... | grep -v /e2e) $(GOAPP_PATCHED)
# go-app's package, our trimmed copy (third_party/go-app): its tests are
# of Glossa's changes (PATCHES.md).
GOAPP_PATCHED := github.com/maxence-charriere/go-app/v9/pkg/app
# Packages that also run as WebAssembly (under Node.js).
WASM_PKGS := ./annotate/... ./app/sample ./app/tagger
# Packages built for the browser (the rest drive Chromium natively).
WASM_VET_PKGS := ./annotate/... ./app ./app/tagger ./app/extractor ./app/sample

.PHONY: all build pipeline run test warmlist check-fmt vet unit pipeline-test wasm-test e2e purity chromium node bench pipeline-bench fuzz screenshot clean model model-eval

all: build pipeline

build: dist/glossa dist/site/index.html

dist/glossa: $(GOFILES) app/warmup/startup.txt
	$(GO) build -trimpath -o $@ ./app

# glossa-pipeline: apart from `make build`, since Beam's SDK takes minutes
# to compile the first time and makes a 120 MB program that the site and
# the command line do not need.
pipeline: dist/glossa-pipeline

dist/glossa-pipeline: $(GOFILES) $(PIPELINE_FILES)
	cd pipeline && $(GO) build -trimpath -ldflags="-s -w" -o ../dist/glossa-pipeline .

web/app.wasm: $(GOFILES)
	GOOS=js GOARCH=wasm $(GO) build $(APPWASMFLAGS) -o $@ ./app

web/tagger.wasm: $(GOFILES)
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o $@ ./app/tagger

# The tagger with prose's model too (annotate/ner/compact): the worker
# starts it only for a reader who chooses prose's model.
web/tagger-prose.wasm: $(GOFILES)
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -tags prose -o $@ ./app/tagger

web/extract.wasm: $(GOFILES)
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o $@ ./app/extractor

# The tagger's models: Glossa's news model (the default), and prose's,
# converted to the compact format, for a reader who chooses it.
web/news.model: $(NEWS_MODEL)
	cp $< $@

web/ner.model: $(GOFILES)
	$(GO) run ./build/nermodel -out $@

dist/site/index.html: dist/glossa web/app.wasm web/tagger.wasm web/tagger-prose.wasm web/extract.wasm web/news.model web/ner.model $(WEBFILES)
	dist/glossa site -web web -out dist/site -wasm-exec $(WASM_EXEC) -cache dist/brotli-cache

# Train the built-in news model on CoNLL-2003 (English): CONLL_DIR holds
# train.txt and valid.txt (never committed; see the note beside the
# model). The same data gives the same bytes.
model:
	@test -n "$(CONLL_DIR)" || { echo "give the CoNLL-2003 folder: make model CONLL_DIR=/path/with/train.txt-and-valid.txt"; exit 1; }
	$(GO) run ./build/newsmodel -conll $(CONLL_DIR) -out $(NEWS_MODEL)
	$(GO) run ./build/newseval -conll $(CONLL_DIR)

# Print the committed model's scores on the CoNLL-2003 dev split.
model-eval:
	@test -n "$(CONLL_DIR)" || { echo "give the CoNLL-2003 folder: make model-eval CONLL_DIR=…"; exit 1; }
	$(GO) run ./build/newseval -conll $(CONLL_DIR)

run: build
	dist/glossa serve -addr $(ADDR)

test: check-fmt vet purity unit pipeline-test wasm-test e2e

check-fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change these files (run gofmt -w):"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet $(WASM_VET_PKGS)
	GOOS=js GOARCH=wasm $(GO) vet -tags prose ./app/tagger

# The core must stay pure Go: no go-app, no syscall/js. The browser's
# programs (the UI and the tagging worker) must not link Apache Beam, nor
# net/http and what comes with it (go-app's server side, kept out of the
# WebAssembly build by third_party/go-app).
purity:
	@bad=$$($(GO) list -deps ./annotate/... | grep -E '^(syscall/js|github.com/maxence-charriere/go-app)' || true); \
	if [ -n "$$bad" ]; then echo "annotate/ must not depend on: $$bad"; exit 1; fi
	@bad=$$(GOOS=js GOARCH=wasm $(GO) list -deps ./app ./app/tagger | grep -E '^github.com/apache/beam' || true); \
	if [ -n "$$bad" ]; then echo "the WebAssembly programs must not link Apache Beam: $$bad"; exit 1; fi
	@bad=$$(GOOS=js GOARCH=wasm $(GO) list -deps ./app ./app/tagger | grep -xE 'net/http|crypto/tls|text/template' || true); \
	if [ -n "$$bad" ]; then echo "the WebAssembly programs must not link a web server's packages (2 MB of app.wasm): $$bad; see third_party/go-app/PATCHES.md"; exit 1; fi
	@bad=$$(GOOS=js GOARCH=wasm $(GO) list -deps ./app/tagger | grep -xE 'glossa/annotate/ner/compact|regexp' || true); \
	if [ -n "$$bad" ]; then echo "tagger.wasm must not link prose's tagger (tagger-prose.wasm has it, built with -tags prose): $$bad"; exit 1; fi

# Fuzz targets: every parser of outside input, and offset round trips.
# make test runs each briefly; make fuzz longer.
FUZZ_TARGETS := ./annotate:FuzzTextOffsets ./annotate:FuzzTagJSONL ./annotate:FuzzNormalizeText \
	./annotate/w3c:FuzzNoteFromAnnotation ./annotate/library:FuzzDecodeRecords ./annotate/library:FuzzTextRecordFast ./annotate/library:FuzzEncodeTextFast ./annotate/formats:FuzzImportW3C \
	./annotate/formats:FuzzImportJSONL ./annotate/formats:FuzzImportBrat ./annotate/webpage:FuzzExtractHTML \
	./annotate/markdown:FuzzExtractMarkdown \
	./annotate/ner/compact:FuzzLoadModel ./annotate/ner/compact:FuzzFastMatchesProse \
	./annotate/claims:FuzzFind ./annotate/ner/news:FuzzParseModel ./annotate/ner/news:FuzzReadCoNLL ./annotate:FuzzTextReader \
	./annotate/ner/news/learn:FuzzParsePart ./annotate/ner/news/learn/wire:FuzzParseDecisions ./annotate/ner/news/learn/wire:FuzzParseRecords ./annotate:FuzzIsDateline ./app:FuzzBlockHTML ./app/warmup:FuzzPrepare
# make test bounds each fuzz run by a count of inputs, not by the clock: a
# busy 2-core machine runs the slow targets (prose's model in each worker)
# at a tenth of their idle speed, and a timed run then fails on the fuzz
# engine's own deadline. make fuzz runs each for minutes.
FUZZTIME ?= 400x

unit: node
	$(GO) test -race -count=1 $(UNIT_PKGS)
	@for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; name=$${t##*:}; \
	  echo "fuzz $$name ($$pkg, $(FUZZTIME))"; \
	  $(GO) test -count=1 -run '^$$' -fuzz="^$$name\$$" -fuzztime=$(FUZZTIME) $$pkg >/tmp/glossa-fuzz.log 2>&1 || { cat /tmp/glossa-fuzz.log; exit 1; }; \
	done

# The corpus pipeline's module: vet, and its tests under Beam's in-process
# runner (prism). Not with -race: that would compile Beam's SDK a second time.
pipeline-test:
	cd pipeline && $(GO) vet ./...
	cd pipeline && $(GO) test -count=1 ./...

wasm-test: node
	PATH="$(GOROOT)/lib/wasm:$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 $(WASM_PKGS)

e2e: build chromium
	set -o pipefail; $(GO) test -count=1 -timeout 45m -v ./app/e2e 2>&1 | tee dist/e2e.log | grep -E '^(--- |PASS|FAIL|ok|panic|\s+\S+_test.go)'
	@echo "$$(grep -c '^--- PASS' dist/e2e.log) passed, $$(grep -c '^--- FAIL' dist/e2e.log) failed"

# Browser tests need Debian's chromium: install it as root, or say how.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "chromium is missing: installing Debian's chromium package"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "chromium is missing; install it with: sudo apt-get install -y chromium"; exit 1; \
	  fi; }

node:
	@command -v node >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "node is missing (WebAssembly tests run under Node.js): installing Debian's nodejs"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null; \
	  else \
	    echo "node is missing; install it with: sudo apt-get install -y nodejs"; exit 1; \
	  fi; }

# The functions the page calls first, for app.wasm's warm-up: traced in
# cold loads (build/warmlist), then the site written again with them.
warmlist: build chromium
	$(GO) run ./build/warmlist
	$(MAKE) build

bench: build chromium pipeline-bench
	$(GO) test -run '^$$' -bench . -benchmem ./annotate/...
	$(GO) test -run '^$$' -bench . -benchtime=5x ./app/e2e
	cd build/bench && npm ci --no-audit --no-fund --silent
	$(GO) run ./build/bench -runs 5 -json dist/bench.json

# glossa-pipeline (in process) against glossa annotate --jsonl on 10,000
# generated articles: time, documents/s, peak memory; the same lines.
pipeline-bench: dist/glossa dist/glossa-pipeline
	cd pipeline && $(GO) run ./bench -glossa ../dist/glossa -pipeline ../dist/glossa-pipeline -n 10000

fuzz:
	$(MAKE) unit FUZZTIME=2m

# Refresh the README's screenshot from the built site.
screenshot: build chromium
	dist/glossa serve -addr 127.0.0.1:8123 & pid=$$!; sleep 1; \
	$(GO) run ./build/screenshot -url http://127.0.0.1:8123/ -out docs/screenshot.png; \
	status=$$?; kill $$pid; exit $$status

clean:
	rm -rf dist web/app.wasm web/tagger.wasm web/tagger-prose.wasm web/extract.wasm web/ner.model web/news.model
