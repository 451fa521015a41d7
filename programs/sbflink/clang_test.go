package sbflink

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// clangFlags are the flags sbfbuild uses, minus -mcpu, which tests choose.
var clangFlags = []string{"-target", "bpfel", "-O2", "-ffreestanding", "-fno-builtin", "-nostdlib",
	"-fno-stack-protector", "-mllvm", "-bpf-stack-size=4096", "-Wall", "-Wextra", "-Werror"}

// compileC compiles testdata/<file> with clang-19 and returns the object bytes.
func compileC(t testing.TB, file string, flags ...string) []byte {
	t.Helper()
	clang, err := exec.LookPath("clang-19")
	if err != nil {
		t.Fatal("clang-19 not found: install clang-19 (apt-get install clang-19)")
	}
	out := filepath.Join(t.TempDir(), strings.TrimSuffix(file, ".c")+".o")
	args := append(append(append([]string{}, clangFlags...), flags...), "-c", filepath.Join("testdata", file), "-o", out)
	if msg, err := exec.Command(clang, args...).CombinedOutput(); err != nil {
		t.Fatalf("clang-19 %s: %v\n%s", strings.Join(args, " "), err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// readObject compiles and parses one test object, which must be readable.
func readObject(t *testing.T, file string, flags ...string) Object {
	t.Helper()
	o, err := ReadObject(strings.TrimSuffix(file, ".c")+".o", compileC(t, file, flags...))
	if err != nil {
		t.Fatalf("ReadObject %s: %v", file, err)
	}
	return o
}

func link(t *testing.T, opts Options, objects ...Object) *Program {
	t.Helper()
	p, err := Link(objects, opts)
	if err != nil {
		t.Fatalf("Link: %v", err)
	}
	return p
}

func inspect(t *testing.T, img []byte) Info {
	t.Helper()
	info, err := Inspect(img)
	if err != nil {
		t.Fatalf("Inspect: %v", err)
	}
	return info
}

// assertRefused checks that err names every one of want.
func assertRefused(t *testing.T, err error, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("expected a refusal mentioning %q, got success", want)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error does not mention %q:\n%v", w, err)
		}
	}
}
