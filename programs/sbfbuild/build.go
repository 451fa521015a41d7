package sbfbuild

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/solgrid/solgrid/programs/sbflink"
)

// Build compiles spec.Sources with clang and links them into spec.Output,
// an SBPF v3 program. With spec.Cache it does nothing when the output is
// already built from the same inputs.
func Build(ctx context.Context, spec Spec) error {
	spec, err := spec.withDefaults()
	if err != nil {
		return err
	}
	clang, err := findClang(spec.Clang)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(spec.Output), 0o755); err != nil {
		return fmt.Errorf("sbfbuild: %w", err)
	}
	if !spec.Cache {
		return build(ctx, spec, clang)
	}
	unlock, err := lockFile(spec.Output + ".lock")
	if err != nil {
		return err
	}
	defer unlock()
	hash, err := inputHash(ctx, spec, clang)
	if err != nil {
		return err
	}
	if upToDate(spec.Output, hash) {
		return nil
	}
	if err := build(ctx, spec, clang); err != nil {
		return err
	}
	if err := writeAtomic(stampPath(spec.Output), []byte(hash+"\n"), 0o644); err != nil {
		return fmt.Errorf("sbfbuild: write stamp: %w", err)
	}
	return nil
}

func build(ctx context.Context, spec Spec, clang string) error {
	dir, err := os.MkdirTemp("", "sbfbuild-*")
	if err != nil {
		return fmt.Errorf("sbfbuild: %w", err)
	}
	defer os.RemoveAll(dir)
	paths, err := compileAll(ctx, spec, clang, dir)
	if err != nil {
		return err
	}
	objects := make([]sbflink.Object, len(paths))
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("sbfbuild: %w", err)
		}
		// name objects after their sources so refusals point at the C file
		if objects[i], err = sbflink.ReadObject(spec.Sources[i], data); err != nil {
			return fmt.Errorf("build %s: %w", spec.Output, err)
		}
	}
	prog, err := sbflink.Link(objects, sbflink.Options{ALU32Fix: spec.CPU == "v3", Strip: spec.Strip})
	if err != nil {
		return fmt.Errorf("build %s: %w", spec.Output, err)
	}
	if spec.Log != nil {
		for _, w := range prog.Warnings {
			spec.Log.Warn().Str("program", spec.Output).Msg(w)
		}
	}
	if err := writeAtomic(spec.Output, prog.ELF, 0o644); err != nil {
		return fmt.Errorf("sbfbuild: write %s: %w", spec.Output, err)
	}
	return nil
}

// writeAtomic replaces path in one rename, so that readers (a localnet
// loading the program, another test) never see half a file.
func writeAtomic(path string, data []byte, mode os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
