package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionLine(t *testing.T) {
	hugo := &debug.Module{Path: hugoModule, Version: "v0.165.0"}
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{
			name: "release build from a tagged, clean checkout",
			bi: &debug.BuildInfo{
				GoVersion: "go1.26.8",
				Main:      debug.Module{Path: "github.com/wikisite/wikisite", Version: "v0.3.0"},
				Deps:      []*debug.Module{{Path: "github.com/BurntSushi/toml", Version: "v1.6.0"}, hugo},
				Settings: []debug.BuildSetting{
					{Key: "vcs", Value: "git"},
					{Key: "vcs.revision", Value: "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d"},
					{Key: "vcs.time", Value: "2026-12-03T05:00:00Z"},
					{Key: "vcs.modified", Value: "false"},
				},
			},
			want: "wikisite v0.3.0 linux/arm64 commit 1a2b3c4d5e6f (2026-12-03T05:00:00Z) go1.26.8 hugo v0.165.0",
		},
		{
			name: "local build with uncommitted changes",
			bi: &debug.BuildInfo{
				GoVersion: "go1.26.8",
				Main:      debug.Module{Path: "github.com/wikisite/wikisite", Version: "v0.3.1-0.20261203050000-1a2b3c4d5e6f+dirty"},
				Deps:      []*debug.Module{hugo},
				Settings: []debug.BuildSetting{
					{Key: "vcs.revision", Value: "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d"},
					{Key: "vcs.time", Value: "2026-12-03T05:00:00Z"},
					{Key: "vcs.modified", Value: "true"},
				},
			},
			want: "wikisite v0.3.1-0.20261203050000-1a2b3c4d5e6f+dirty linux/arm64 commit 1a2b3c4d5e6f (2026-12-03T05:00:00Z, modified) go1.26.8 hugo v0.165.0",
		},
		{
			name: "go run or -buildvcs=false: no VCS stamp",
			bi: &debug.BuildInfo{
				GoVersion: "go1.26.8",
				Main:      debug.Module{Path: "github.com/wikisite/wikisite", Version: "(devel)"},
				Deps:      []*debug.Module{hugo},
			},
			want: "wikisite (devel) linux/arm64 commit unknown go1.26.8 hugo v0.165.0",
		},
		{
			name: "Hugo replaced in go.mod",
			bi: &debug.BuildInfo{
				GoVersion: "go1.26.8",
				Main:      debug.Module{Path: "github.com/wikisite/wikisite"},
				Deps: []*debug.Module{{Path: hugoModule, Version: "v0.165.0",
					Replace: &debug.Module{Path: "../hugo", Version: ""}}},
			},
			want: "wikisite (devel) linux/arm64 commit unknown go1.26.8 hugo v0.165.0 => ../hugo ",
		},
		{
			name: "no Hugo in the build",
			bi:   &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.0.0"}},
			want: "wikisite v1.0.0 linux/arm64 commit unknown go1.26.8 hugo unknown",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionLine(tt.bi, "linux/arm64"); got != tt.want {
				t.Errorf("versionLine:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}
