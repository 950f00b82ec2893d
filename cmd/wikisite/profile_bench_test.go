package main

import (
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
)

var profileProject = flag.String("profile-project", "", "project `folder` (config.toml, archive/) for BenchmarkBuildProject")

// BenchmarkBuildProject runs `wikisite build` in process on a project made
// by the scale benchmark, so -cpuprofile and -memprofile see the whole
// build, Hugo included (bench/README.md):
//
//	go test ./bench -run TestScaleProject -args -scale-project /tmp/p -pages 1 -revs 5000
//	go test ./cmd/wikisite -run '^$' -bench BuildProject -benchtime 1x -cpuprofile cpu.prof -memprofile mem.prof -args -profile-project /tmp/p
func BenchmarkBuildProject(b *testing.B) {
	if *profileProject == "" {
		b.Skip("needs -profile-project (see bench/README.md)")
	}
	b.Chdir(*profileProject) // the build's folders are relative to where it runs
	for b.Loop() {
		for _, d := range []string{"content", "public", "resources"} {
			if err := os.RemoveAll(filepath.Join(*profileProject, d)); err != nil {
				b.Fatal(err)
			}
		}
		if code := run(context.Background(), []string{"build"}, io.Discard, os.Stderr); code != exitOK {
			b.Fatalf("wikisite build in %s: exit %d", *profileProject, code)
		}
	}
}
