package mwtest

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// recordingTB records Skip and Fatal instead of acting on the real test.
type recordingTB struct {
	testing.TB
	skipped, failed string
}

func (r *recordingTB) Helper() {}

func (r *recordingTB) Skip(args ...any) {
	r.skipped = fmt.Sprint(args...)
	runtime.Goexit()
}

func (r *recordingTB) Fatal(args ...any) {
	r.failed = fmt.Sprint(args...)
	runtime.Goexit()
}

// runRequire calls requireAt in its own goroutine, as Skip and Fatal end it.
func runRequire(root string, ci bool) *recordingTB {
	r := &recordingTB{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		requireAt(r, root, ci)
	}()
	<-done
	return r
}

func TestRequireAt(t *testing.T) {
	absent := t.TempDir()
	tests := []struct {
		name            string
		root            string
		ci              bool
		skipped, failed bool
	}{
		{"absent skips", absent, false, true, false},
		{"absent fails under CI", absent, true, false, true},
		{"present runs", Root, true, false, false},
	}
	if missing(Root) != "" {
		tests = tests[:2] // this machine lacks MediaWiki; the last case cannot hold
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runRequire(tt.root, tt.ci)
			if (r.skipped != "") != tt.skipped || (r.failed != "") != tt.failed {
				t.Fatalf("skipped %q, failed %q; want skipped=%v failed=%v", r.skipped, r.failed, tt.skipped, tt.failed)
			}
			msg := r.skipped + r.failed
			if msg != "" && (!strings.Contains(msg, absent) || !strings.Contains(msg, "apt-get install mediawiki php-cli php-sqlite3")) {
				t.Errorf("message %q does not name the directory and the packages", msg)
			}
		})
	}
}
