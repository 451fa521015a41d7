package sbfbuild

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Repository layout of the market program, relative to the repository root.
const (
	marketSources = "programs/market/src"
	marketOutput  = "target/deploy/solgrid_market.so"
)

var (
	marketIncludeDirs = []string{"programs/market/sdk", "programs/market/generated", "programs/market/src"}
	// what else invalidates a built market program: any C under
	// programs/market, and the build tooling itself
	marketExtraInputs = []string{"programs/market", "programs/sbflink", "programs/sbfbuild"}
)

// RepoRoot finds the repository root by walking up from the working
// directory to the directory holding go.mod.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("sbfbuild: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("sbfbuild: no go.mod above the working directory: run inside the solgrid repository")
		}
		dir = parent
	}
}

// BuildMarket builds the market program into
// <repo>/target/deploy/solgrid_market.so and returns that path. It rebuilds
// only when a .c/.h under programs/market, the linker or build sources,
// the flags or the compiler changed; concurrent callers wait for one build.
func BuildMarket(ctx context.Context) (soPath string, err error) {
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	return buildMarketAt(ctx, root)
}

func buildMarketAt(ctx context.Context, root string) (string, error) {
	spec, err := MarketSpec(root)
	if err != nil {
		return "", err
	}
	if err := Build(ctx, spec); err != nil {
		return "", fmt.Errorf("build market program: %w", err)
	}
	return spec.Output, nil
}

// MarketSpec is the build of the market program in the repository at root.
func MarketSpec(root string) (Spec, error) {
	sources, err := walkFiles(filepath.Join(root, marketSources), ".c")
	if err != nil {
		return Spec{}, err
	}
	if len(sources) == 0 {
		return Spec{}, fmt.Errorf("sbfbuild: no C sources under %s", filepath.Join(root, marketSources))
	}
	sort.Strings(sources)
	spec := Spec{Sources: sources, Output: filepath.Join(root, marketOutput), Cache: true}
	for _, d := range marketIncludeDirs {
		spec.IncludeDirs = append(spec.IncludeDirs, filepath.Join(root, d))
	}
	for _, d := range marketExtraInputs {
		spec.ExtraInputs = append(spec.ExtraInputs, filepath.Join(root, d))
	}
	return spec, nil
}
