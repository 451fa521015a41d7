package sbfbuild

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// compileAll compiles every source into dir, in parallel, and returns the
// object paths in source order.
func compileAll(ctx context.Context, spec Spec, clang, dir string) ([]string, error) {
	objects := make([]string, len(spec.Sources))
	errs := make([]error, len(spec.Sources))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, src := range spec.Sources {
		// index prefix: two sources may share a base name in different directories
		objects[i] = filepath.Join(dir, fmt.Sprintf("%03d_%s.o", i, strings.TrimSuffix(filepath.Base(src), ".c")))
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[i] = compileOne(ctx, clang, spec.cflags(), src, objects[i])
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return objects, nil
}

func compileOne(ctx context.Context, clang string, flags []string, src, obj string) error {
	args := append(append([]string{}, flags...), "-c", src, "-o", obj)
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, clang, args...)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("sbfbuild: compile %s: %w\n%s", src, err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

// findClang resolves the compiler, failing with the install hint.
func findClang(name string) (string, error) {
	path, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("sbfbuild: %s not found: install clang-19 (apt-get install clang-19): %w", name, err)
	}
	return path, nil
}

// clangVersions memoises `clang --version` per compiler path: it is most of
// the cost of a cache hit, and one process keeps one compiler.
var clangVersions sync.Map

// clangVersion is part of the cache stamp: a new compiler may generate other code.
func clangVersion(ctx context.Context, clang string) (string, error) {
	if v, ok := clangVersions.Load(clang); ok {
		return v.(string), nil
	}
	out, err := exec.CommandContext(ctx, clang, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("sbfbuild: %s --version: %w", clang, err)
	}
	clangVersions.Store(clang, string(out))
	return string(out), nil
}
