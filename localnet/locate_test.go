package localnet_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/solgrid/solgrid/localnet"
)

func TestStartWithoutNodeModulesSaysWhatToRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "localnet", "validator")
	if err := os.MkdirAll(filepath.Join(dir, "src"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "src", "main.mjs"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(localnet.DirEnv, dir)
	_, err := localnet.Start(context.Background(), localnet.Config{})
	if err == nil || !strings.Contains(err.Error(), "npm ci --prefix localnet/validator") {
		t.Fatalf("error = %v, want one naming `npm ci --prefix localnet/validator`", err)
	}
}
