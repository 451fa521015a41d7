package localnet

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// DirEnv overrides where the validator's sources are (for binaries run outside the repository).
const DirEnv = "SOLGRID_LOCALNET_VALIDATOR"

// ValidatorDir returns localnet/validator of the repository that contains the working directory
// (found by walking up to go.mod), or $SOLGRID_LOCALNET_VALIDATOR, after checking that its npm
// dependencies are installed.
func ValidatorDir() (string, error) {
	dir, root := os.Getenv(DirEnv), ""
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return "", fmt.Errorf("locate validator: %w", err)
		}
		if root, err = repoRoot(wd); err != nil {
			return "", err
		}
		dir = filepath.Join(root, "localnet", "validator")
	} else {
		root = filepath.Dir(filepath.Dir(dir))
	}
	if _, err := os.Stat(filepath.Join(dir, "src", "main.mjs")); err != nil {
		return "", fmt.Errorf("locate validator: %s/src/main.mjs: %w", dir, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "litesvm")); err != nil {
		return "", fmt.Errorf("localnet validator dependencies are not installed: run `npm ci --prefix localnet/validator` in %s", root)
	}
	return dir, nil
}

func repoRoot(from string) (string, error) {
	for dir := from; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		if filepath.Dir(dir) == dir {
			return "", errors.New("locate validator: no go.mod found above " + from)
		}
	}
}
