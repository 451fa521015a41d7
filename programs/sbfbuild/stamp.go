package sbfbuild

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// stampVersion changes when the meaning of a stamp changes.
const stampVersion = "sbfbuild-stamp-1"

// inputHash hashes everything a build's output depends on. Content, not
// mtimes: a checkout or a copy that changes no byte must not rebuild.
func inputHash(ctx context.Context, spec Spec, clang string) (string, error) {
	version, err := clangVersion(ctx, clang)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%s\nstrip=%v\n", stampVersion, version, strings.Join(spec.cflags(), " "), spec.Strip)
	files := append([]string{}, spec.Sources...)
	for _, dir := range spec.IncludeDirs {
		found, err := walkFiles(dir, ".h")
		if err != nil {
			return "", err
		}
		files = append(files, found...)
	}
	for _, in := range spec.ExtraInputs {
		found, err := walkFiles(in, ".c", ".h", ".go")
		if err != nil {
			return "", err
		}
		files = append(files, found...)
	}
	sort.Strings(files)
	for i, f := range files {
		if i > 0 && files[i-1] == f {
			continue
		}
		if err := hashFile(h, f); err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// walkFiles lists the files with one of exts under root (or root itself if
// it is a file), skipping tests and testdata. A missing root is empty.
func walkFiles(root string, exts ...string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && path == root {
			return fs.SkipAll
		}
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" && path != root {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, "_test.go") {
			return nil
		}
		for _, ext := range exts {
			if strings.HasSuffix(path, ext) {
				files = append(files, path)
				break
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sbfbuild: list %s: %w", root, err)
	}
	return files, nil
}

func hashFile(h io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("sbfbuild: hash %s: %w", path, err)
	}
	defer f.Close()
	fmt.Fprintf(h, "\x00%s\x00", path)
	if _, err := io.Copy(h, f); err != nil {
		return fmt.Errorf("sbfbuild: hash %s: %w", path, err)
	}
	return nil
}

func stampPath(output string) string { return output + ".stamp" }

// upToDate reports whether output exists and was built from inputs hashing to hash.
func upToDate(output, hash string) bool {
	stamp, err := os.ReadFile(stampPath(output))
	if err != nil || strings.TrimSpace(string(stamp)) != hash {
		return false
	}
	_, err = os.Stat(output)
	return err == nil
}
