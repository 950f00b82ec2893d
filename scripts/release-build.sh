#!/usr/bin/env bash
# Builds the release binaries: one per target below, with `go build
# -trimpath`, no cgo (Hugo's standard edition), stripped of the symbol table
# but keeping the build information that `wikisite version` prints, then a
# SHA256SUMS file over them. The release workflow (.github/workflows/
# release.yml) runs this script, and test/release rehearses it locally, so
# the two cannot drift.
#
#   scripts/release-build.sh [--list]
#
# --list prints the targets and exits.
#
# Environment:
#   VERSION  the release's name in the file names (default: `git describe`)
#   DIST     output folder, emptied first (default: dist)
#   TARGETS  space-separated GOOS/GOARCH list (default: all targets below)
#   PACKAGE  the main package to build (default: ./cmd/wikisite); the
#            rehearsal test points it at a tiny program to stay cheap
#
# Files: $DIST/wikisite_$VERSION_$GOOS_$GOARCH (".exe" on windows) and
# $DIST/SHA256SUMS, which `sha256sum -c SHA256SUMS` checks.
set -euo pipefail

all_targets="linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64"

if [[ ${1:-} == --list ]]; then
  tr ' ' '\n' <<<"$all_targets"
  exit 0
fi
if [[ $# -gt 0 ]]; then
  echo "release-build: unknown argument $1 (only --list)" >&2
  exit 2
fi

version=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo devel)}
dist=${DIST:-dist}
package=${PACKAGE:-./cmd/wikisite}
read -r -a targets <<<"${TARGETS:-$all_targets}"

if [[ $version == */* || -z $version ]]; then
  echo "release-build: VERSION=\"$version\" cannot be part of a file name" >&2
  exit 2
fi

rm -rf "$dist"
mkdir -p "$dist"
for target in "${targets[@]}"; do
  goos=${target%/*}
  goarch=${target#*/}
  case " $all_targets " in
    *" $target "*) ;;
    *) echo "release-build: unknown target $target (known: $all_targets)" >&2; exit 2 ;;
  esac
  name="wikisite_${version}_${goos}_${goarch}"
  [[ $goos == windows ]] && name+=.exe
  echo "release-build: $target -> $dist/$name" >&2
  # -buildvcs=true: stamp the commit even where GOFLAGS turns it off;
  # -buildid= keeps the bytes independent of the build's cache.
  CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch \
    go build -trimpath -buildvcs=true -ldflags="-s -w -buildid=" -o "$dist/$name" "$package"
done

# Checksums over the file names only, so `sha256sum -c` works in $dist.
(
  cd "$dist"
  if command -v sha256sum >/dev/null; then
    sha256sum -- wikisite_* >SHA256SUMS
  else
    shasum -a 256 -- wikisite_* >SHA256SUMS
  fi
)
cat "$dist/SHA256SUMS"
