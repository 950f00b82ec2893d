package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// A build renders into a staging folder beside the destination, named
// .<dest>.build-p<pid>-<random>, and swaps it in at the end. A build killed
// with -9 cannot remove its folder, so the next build removes every staging
// folder whose process is gone. The pid in the name is what lets it tell a
// dead build's folder from that of a build still running in another
// process, such as `wikisite serve`.

// stagingPrefix is the name every staging folder of dest starts with.
func stagingPrefix(dest string) string {
	return "." + filepath.Base(dest) + ".build-"
}

// newStaging removes dead builds' staging folders and makes a fresh one.
func newStaging(dest string) (string, error) {
	removeStaleStaging(dest)
	dir, err := os.MkdirTemp(filepath.Dir(dest), stagingPrefix(dest)+"p"+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return "", fmt.Errorf("destination %s: %w", dest, err)
	}
	return dir, nil
}

// removeStaleStaging deletes the staging folders (and the old sites moved
// aside by swapIn) left by builds that no longer run. Failures are left
// for the next build: the folders are never read, only in the way.
func removeStaleStaging(dest string) {
	prefix := stagingPrefix(dest)
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), prefix+"*"))
	for _, m := range matches {
		if pid, ok := stagingPID(strings.TrimPrefix(filepath.Base(m), prefix)); ok && running(pid) {
			continue
		}
		os.RemoveAll(m)
	}
}

// stagingPID reads the pid from the part of a staging name after the
// prefix, "p<pid>-<random>". Folders of older builds carry no pid.
func stagingPID(rest string) (int, bool) {
	num, _, ok := strings.Cut(strings.TrimPrefix(rest, "p"), "-")
	if !ok || !strings.HasPrefix(rest, "p") {
		return 0, false
	}
	pid, err := strconv.Atoi(num)
	return pid, err == nil && pid > 0
}
