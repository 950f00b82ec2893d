#!/usr/bin/env bash
# One run of the publish workflow's logic, kept in a script so that the
# workflow and its local rehearsal (test/publish) run the same steps:
#
#   1. `wikisite status` — one API request: do the configured pages have
#      revisions the archive lacks?
#   2. if so: `wikisite sync`, then commit archive/ and content/ with a
#      message listing the new revisions (page, revid, author, summary), and
#      write what changed in the personas (`wikisite diff --format
#      markdown` from the revision the archive had) and that list to the
#      job summary;
#   3. build the site when something was synced or FORCE_BUILD=true.
#
# Environment: WIKISITE (command, default "wikisite"), WIKISITE_ARGS (extra
# flags for status and sync, e.g. "--api URL"), BASE_URL (site base URL),
# FORCE_BUILD (true to build even when nothing changed). Writes
# committed=… and built=… to $GITHUB_OUTPUT when set, and to stdout; the
# summary to $GITHUB_STEP_SUMMARY when set.
set -euo pipefail

wikisite=${WIKISITE:-wikisite}
read -r -a extra <<<"${WIKISITE_ARGS:-}"
out=${GITHUB_OUTPUT:-/dev/null}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}

status=0
$wikisite status "${extra[@]}" || status=$?
case $status in
  0) changed=false ;;
  3) changed=true ;;
  *) echo "publish: wikisite status failed (exit $status)" >&2; exit "$status" ;;
esac

committed=false
if [[ $changed == true ]]; then
  message=$(mktemp)
  trap 'rm -f "$message"' EXIT
  # The personas page's revision before the sync, from diff's JSON
  # ("from": {"name", "revision", …}); empty when the archive has none yet.
  before=$($wikisite diff --from latest --to latest --format json 2>/dev/null |
    sed -n 's/^    "revision": \([0-9][0-9]*\),$/\1/p' | head -n 1) || before=""
  $wikisite sync "${extra[@]}" --message "$message"
  {
    if [[ -n $before && $before != 0 ]]; then
      $wikisite diff --from "$before" --to latest --format markdown
    else
      echo "### First sync: the archive had no revisions of the personas page"
    fi
    echo
    sed -n '1p' "$message"
    echo
    sed -n '3,$p' "$message"
  } >>"$summary"
  $wikisite build ${BASE_URL:+--base-url "$BASE_URL"}
  git add -A archive content
  if ! git diff --cached --quiet; then
    git commit -q -F "$message"
    committed=true
  fi
fi

built=false
if [[ $changed == true ]]; then
  built=true
elif [[ ${FORCE_BUILD:-false} == true ]]; then
  $wikisite build ${BASE_URL:+--base-url "$BASE_URL"}
  built=true
fi

echo "committed=$committed" | tee -a "$out"
echo "built=$built" | tee -a "$out"
