package mwtest

import "testing"

// BenchmarkStart measures a fresh wiki: install, serve, first API answer.
func BenchmarkStart(b *testing.B) {
	for b.Loop() {
		Start(b)
	}
}

// BenchmarkImport measures Import of the fixture into a fresh wiki.
func BenchmarkImport(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		w := Start(b)
		b.StartTimer()
		w.Import(b, fixture)
	}
}
