// Package gobindings regenerates the solana-go bindings of the market program
// (client/solgridmarket) from the IDL with anchor-go, the only code generator for
// Anchor IDLs in Go that the team relies on.
package gobindings

import (
	"bytes"
	"context"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Package is where the generated bindings live, relative to the repo root.
const Package = "client/solgridmarket"

// IDLPath is the IDL the bindings are generated from, relative to the repo root.
const IDLPath = "idl/solgrid_market.json"

// Generate runs anchor-go (pinned by the tool directive in go.mod) on the IDL and
// returns the generated files by name. anchor-go insists on tidying and building its
// output as a module of its own, so it runs in a scratch directory and we keep only
// the Go sources; its empty tests_test.go carries no tests and is dropped.
func Generate(ctx context.Context, repoRoot string) (map[string][]byte, error) {
	return GenerateFrom(ctx, repoRoot, filepath.Join(repoRoot, IDLPath))
}

// GenerateFrom is Generate for an IDL file at another path.
func GenerateFrom(ctx context.Context, repoRoot, idlFile string) (map[string][]byte, error) {
	scratch, err := os.MkdirTemp("", "solgrid-bindings-")
	if err != nil {
		return nil, fmt.Errorf("generate bindings: %w", err)
	}
	defer os.RemoveAll(scratch)

	cmd := exec.CommandContext(ctx, "go", "tool", "anchor-go",
		"-idl", idlFile,
		"-output", scratch,
		"-name", "solgridmarket",
		"-mod-path", "github.com/solgrid/solgrid/"+Package)
	cmd.Dir = repoRoot
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("generate bindings: anchor-go: %w\n%s", err, out.String())
	}

	entries, err := os.ReadDir(scratch)
	if err != nil {
		return nil, fmt.Errorf("generate bindings: %w", err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(filepath.Join(scratch, name))
		if err != nil {
			return nil, fmt.Errorf("generate bindings: %w", err)
		}
		if name == "instructions.go" {
			src = addMissingDiscriminators(src)
		}
		if src, err = format.Source(src); err != nil {
			return nil, fmt.Errorf("generate bindings: gofmt %s: %w", name, err)
		}
		files[name] = src
	}
	return files, nil
}

// addMissingDiscriminators works around anchor-go v1.0.0 building the data of an
// instruction without arguments as nil: the program dispatches on the 8-byte
// discriminator, which is all such an instruction's data should be. Fixing it
// here keeps one correct builder per instruction instead of a workaround at
// every call site.
func addMissingDiscriminators(src []byte) []byte {
	funcs := strings.Split(string(src), "\nfunc New")
	for i := 1; i < len(funcs); i++ {
		name, _, ok := strings.Cut(funcs[i], "Instruction(")
		if !ok || strings.Contains(funcs[i], "enc__") {
			continue // a builder that encodes its discriminator and arguments
		}
		funcs[i] = strings.Replace(funcs[i], "accounts__,\n\t\tnil,\n", "accounts__,\n\t\tInstruction_"+name+"[:],\n", 1)
	}
	return []byte(strings.Join(funcs, "\nfunc New"))
}

// Write replaces the generated package with freshly generated files.
func Write(ctx context.Context, repoRoot string) error {
	files, err := Generate(ctx, repoRoot)
	if err != nil {
		return err
	}
	dir := filepath.Join(repoRoot, Package)
	old, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return fmt.Errorf("write bindings: %w", err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write bindings: %w", err)
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			return fmt.Errorf("write bindings: %w", err)
		}
	}
	return nil
}

// RepoRoot walks up from the working directory to the directory holding go.mod.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}
