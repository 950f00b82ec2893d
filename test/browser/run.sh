#!/usr/bin/env bash
# Runs the browser suite: installs its npm packages when missing, then
# `node --test`. Needs Debian's /usr/bin/chromium (or $CHROMIUM); under
# CI=true a missing browser is a failure, never a skip.
set -euo pipefail
cd "$(dirname "$0")"

chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $chromium ]]; then
  if [[ ${CI:-} == true ]]; then
    echo "browser tests: $chromium is missing (run scripts/install-test-deps.sh)" >&2
    exit 1
  fi
  echo "browser tests: SKIP: $chromium is missing (run scripts/install-test-deps.sh)" >&2
  exit 0
fi
[[ -d node_modules/playwright-core && -d node_modules/axe-core ]] || npm ci --no-audit --no-fund
# Pagefind, which `wikisite build` runs to index the site for search: the
# suite builds in temporary projects, so it finds it on PATH.
[[ -d ../../node_modules/pagefind ]] || (cd ../.. && npm ci --no-audit --no-fund)
PATH="$(cd ../.. && pwd)/node_modules/.bin:$PATH"
export PATH
exec node --test --test-reporter=spec --test-concurrency=1 "$@"
