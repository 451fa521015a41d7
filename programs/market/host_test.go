// Package market holds the on-chain program (C, built for SBF). Its Go side is
// only this test, so `go test ./...` also runs the native host unit tests of
// the C sources (host/Makefile, ASan + UBSan).
package market

import (
	"os/exec"
	"strings"
	"testing"
)

func TestHostUnitTests(t *testing.T) {
	for _, tool := range []string{"clang-19", "make"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found on PATH: the C host tests need it (Debian: apt-get install clang-19 llvm-19 make)", tool)
		}
	}
	cmd := exec.Command("make", "-C", "host", "--no-print-directory", "test")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("make -C programs/market/host test: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "HOST TESTS PASSED") {
		t.Fatalf("host tests did not report success:\n%s", out)
	}
	t.Logf("%s", lastLine(string(out)))
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
