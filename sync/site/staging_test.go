package site

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// TestRemoveStaleStaging: the folders of builds that are gone (and of
// older builds, which named no pid) are removed; a running build's stays.
func TestRemoveStaleStaging(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	dead := cmd.Process.Pid   // waited for, so no such process now
	names := map[string]bool{ // name: should survive
		".public.build-123456":                                false,
		".public.build-p" + strconv.Itoa(dead) + "-77":        false,
		".public.build-p" + strconv.Itoa(dead) + "-77.old":    false,
		".public.build-p" + strconv.Itoa(os.Getpid()) + "-88": true,
		".other.build-p" + strconv.Itoa(dead) + "-1":          true, // another destination's
		"public": true,
	}
	for name := range names {
		if err := os.MkdirAll(filepath.Join(root, name, "sub"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	removeStaleStaging(dest)
	for name, keep := range names {
		_, err := os.Stat(filepath.Join(root, name))
		if keep && err != nil {
			t.Errorf("%s was removed: %v", name, err)
		}
		if !keep && err == nil {
			t.Errorf("%s was left behind", name)
		}
	}
}

func TestStagingPID(t *testing.T) {
	tests := []struct {
		rest string
		pid  int
		ok   bool
	}{
		{"p42-123", 42, true},
		{"p42-123.old", 42, true},
		{"123456", 0, false},
		{"p-1", 0, false},
		{"px-1", 0, false},
		{"p0-1", 0, false},
	}
	for _, tt := range tests {
		pid, ok := stagingPID(tt.rest)
		if pid != tt.pid && tt.ok || ok != tt.ok {
			t.Errorf("stagingPID(%q) = %d, %v; want %d, %v", tt.rest, pid, ok, tt.pid, tt.ok)
		}
	}
}
