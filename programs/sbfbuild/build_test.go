package sbfbuild

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/solgrid/solgrid/programs/sbflink"
)

func requireClang(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath(DefaultClang); err != nil {
		t.Fatal("clang-19 not found: install clang-19 (apt-get install clang-19)")
	}
}

// copyTree copies testdata/<from> to dir/<to> and returns the destination.
func copyTree(t testing.TB, from, dir, to string) string {
	t.Helper()
	dst := filepath.Join(dir, to)
	if err := os.CopyFS(dst, os.DirFS(filepath.Join("testdata", from))); err != nil {
		t.Fatal(err)
	}
	return dst
}

func tinySpec(dir string) Spec {
	return Spec{
		Sources:     []string{filepath.Join(dir, "src/main.c"), filepath.Join(dir, "src/util/answer.c")},
		IncludeDirs: []string{filepath.Join(dir, "include")},
		Output:      filepath.Join(dir, "out/tiny.so"),
	}
}

func inspectFile(t *testing.T, path string) sbflink.Info {
	t.Helper()
	img, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := sbflink.Inspect(img)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

func stat(t *testing.T, path string) os.FileInfo {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

func TestBuildTinyProgramIsSBPFv3(t *testing.T) {
	requireClang(t)
	for _, cpu := range []string{"v2", "v3"} {
		t.Run(cpu, func(t *testing.T) {
			spec := tinySpec(copyTree(t, "tiny", t.TempDir(), "tiny"))
			spec.CPU = cpu
			if err := Build(context.Background(), spec); err != nil {
				t.Fatal(err)
			}
			info := inspectFile(t, spec.Output)
			if info.Flags != 3 {
				t.Errorf("e_flags %d, want 3 (SBPF v3)", info.Flags)
			}
			if err := info.CheckV3(); err != nil {
				t.Errorf("CheckV3: %v", err)
			}
			if len(info.Syscalls) != 1 || info.Syscalls[0] != "sol_log_" {
				t.Errorf("syscalls %v, want [sol_log_]", info.Syscalls)
			}
		})
	}
}

func TestBuildCacheSkipsUnchangedInputsAndRebuildsOnHeaderChange(t *testing.T) {
	requireClang(t)
	dir := copyTree(t, "tiny", t.TempDir(), "tiny")
	spec := tinySpec(dir)
	spec.Cache = true
	ctx := context.Background()
	if err := Build(ctx, spec); err != nil {
		t.Fatal(err)
	}
	first := stat(t, spec.Output)
	if err := Build(ctx, spec); err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(first, stat(t, spec.Output)) {
		t.Error("unchanged inputs rebuilt the program (new file written)")
	}
	header := filepath.Join(dir, "include/tiny.h")
	f, err := os.OpenFile(header, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("/* changed */\n")
	f.Close()
	if err := Build(ctx, spec); err != nil {
		t.Fatal(err)
	}
	if os.SameFile(first, stat(t, spec.Output)) {
		t.Error("a changed header did not rebuild the program")
	}
}

func TestBuildReportsCompileErrors(t *testing.T) {
	requireClang(t)
	dir := copyTree(t, "tiny", t.TempDir(), "tiny")
	broken := filepath.Join(dir, "src/broken.c")
	if err := os.Rename(filepath.Join(dir, "src/broken.c.txt"), broken); err != nil {
		t.Fatal(err)
	}
	spec := tinySpec(dir)
	spec.Sources = append(spec.Sources, broken)
	err := Build(context.Background(), spec)
	if err == nil || !strings.Contains(err.Error(), "compile "+broken) || !strings.Contains(err.Error(), "undefined_variable") {
		t.Errorf("want a compile error naming %s and clang's message, got %v", broken, err)
	}
}

func TestBuildReportsLinkRefusalsBySource(t *testing.T) {
	requireClang(t)
	dir := copyTree(t, "tiny", t.TempDir(), "tiny")
	state := filepath.Join(dir, "src/state.c")
	if err := os.WriteFile(state, []byte("long hits = 1;\nlong bump(void) { return ++hits; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	spec := tinySpec(dir)
	spec.Sources = append(spec.Sources, state)
	err := Build(context.Background(), spec)
	if err == nil || !strings.Contains(err.Error(), state+": section .data: writable data (8 bytes: hits)") {
		t.Errorf("want the linker's refusal naming %s, got %v", state, err)
	}
}

// TestBuildMarketLayout builds a stand-in market program in a fake
// repository with the real layout and checks paths and cache invalidation.
func TestBuildMarketLayout(t *testing.T) {
	requireClang(t)
	root := t.TempDir()
	copyTree(t, "tiny/src", root, "programs/market/src")
	copyTree(t, "tiny/include", root, "programs/market/sdk")
	linkerSource := filepath.Join(root, "programs/sbflink/link.go")
	os.MkdirAll(filepath.Dir(linkerSource), 0o755)
	os.WriteFile(linkerSource, []byte("package sbflink\n"), 0o644)
	ctx := context.Background()

	so, err := buildMarketAt(ctx, root)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "target/deploy/solgrid_market.so"); so != want {
		t.Errorf("output %s, want %s", so, want)
	}
	if info := inspectFile(t, so); info.Flags != 3 || info.CheckV3() != nil {
		t.Errorf("market stand-in: flags %d, CheckV3 %v", info.Flags, info.CheckV3())
	}
	first := stat(t, so)
	if _, err := buildMarketAt(ctx, root); err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(first, stat(t, so)) {
		t.Error("second BuildMarket rebuilt with nothing changed")
	}
	os.WriteFile(linkerSource, []byte("package sbflink\n\n// changed\n"), 0o644)
	if _, err := buildMarketAt(ctx, root); err != nil {
		t.Fatal(err)
	}
	if os.SameFile(first, stat(t, so)) {
		t.Error("a changed linker source did not rebuild the market program")
	}
}

func TestRepoRootWalksUpToGoMod(t *testing.T) {
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example\n"), 0o644)
	nested := filepath.Join(root, "a/b")
	os.MkdirAll(nested, 0o755)
	t.Chdir(nested)
	got, err := RepoRoot()
	if err != nil || got != root {
		t.Errorf("RepoRoot() = %q, %v; want %q", got, err, root)
	}
}
