package sbfbuild

import (
	"context"
	"testing"
)

// BenchmarkBuildTiny is a full compile and link of the two-file test program.
func BenchmarkBuildTiny(b *testing.B) {
	spec := tinySpec(copyTree(b, "tiny", b.TempDir(), "tiny"))
	for b.Loop() {
		if err := Build(context.Background(), spec); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildCached is what a test pays to call BuildMarket when nothing changed.
func BenchmarkBuildCached(b *testing.B) {
	spec := tinySpec(copyTree(b, "tiny", b.TempDir(), "tiny"))
	spec.Cache = true
	if err := Build(context.Background(), spec); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := Build(context.Background(), spec); err != nil {
			b.Fatal(err)
		}
	}
}
