#!/usr/bin/env bash
# Installs what the test suite needs on a Debian machine: a real MediaWiki
# (with PHP's SQLite driver and CLI) for the integration tests, Chromium for
# the browser tests, and the peers the benchmarks and the fidelity report
# compare against. Idempotent: it installs only what is missing, and uses
# sudo when not run as root.
set -euo pipefail

packages=(mediawiki php-sqlite3 php-cli chromium fonts-liberation pandoc hugo git-mediawiki python3-mwclient nodejs npm make)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The machine's Node.js may come from another source than Debian's nodejs
# package; npm and node on PATH are enough.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi

if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Pagefind, which `wikisite build` runs to index the site for search
# (package.json at the root; npm brings its one platform binary).
if [[ -f package-lock.json ]]; then
  [[ -d node_modules/pagefind ]] || npm ci --no-audit --no-fund
fi

# The browser suite's npm packages (playwright-core drives Debian's
# chromium; it never downloads a browser).
if [[ -f test/browser/package-lock.json ]]; then
  (cd test/browser && { [[ -d node_modules ]] || npm ci --no-audit --no-fund; })
fi

# actionlint checks the GitHub workflows.
if ! command -v actionlint >/dev/null && [[ ! -x "$(go env GOPATH)/bin/actionlint" ]]; then
  go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
fi
