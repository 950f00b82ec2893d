# The README's two commands:
#   go run ./cmd/wikisite serve   — preview the site built from the committed archive
#   make test                     — install what the tests need, then run the whole suite
#
# `make test` is what .ci/run and .github/workflows/ci.yml run. With CI=true
# the integration tests (a real MediaWiki) and the browser tests (Chromium)
# run and never skip.

GO ?= go

# Pagefind (package.json; `make deps` runs `npm ci`) indexes every site the
# tests build for search, temporary projects included, so it goes on PATH.
export PATH := $(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: test deps check gotest race browser site bench bench-small bench-scale release-rehearsal

test: deps check gotest race browser

deps:
	./scripts/install-test-deps.sh

check:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

gotest:
	$(GO) test -count=1 -timeout 40m ./...

# The race detector on every package that holds our own concurrency:
# normalize runs worker pools, site and cmd run Hugo, the watcher and the
# background sync side by side.
race:
	$(GO) test -count=1 -race -timeout 20m ./sync/... ./cmd/... ./internal/...

browser:
	./test/browser/run.sh

site:
	$(GO) run ./cmd/wikisite build

bench:
	./bench/run.sh

bench-small:
	./bench/run.sh --small

bench-scale:
	./bench/run.sh --scale

# The release workflow's build job, locally: wikisite for all six targets
# with SHA256SUMS, checked (test/release). Slow: Hugo compiles once per
# target, so the normal suite builds a tiny program for the targets instead.
release-rehearsal:
	$(GO) test -count=1 -timeout 90m -run TestFullRelease -v ./test/release -release
