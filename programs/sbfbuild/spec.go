package sbfbuild

import (
	"errors"

	"github.com/rs/zerolog"
)

// DefaultClang is the compiler used when Spec.Clang is empty.
const DefaultClang = "clang-19"

// Spec describes one program build.
type Spec struct {
	Sources     []string // C files
	IncludeDirs []string
	Output      string // the .so to write
	// CPU is clang's -mcpu: "v2" (default; no ALU32) or "v3" (ALU32 and
	// JMP32, linked with sbflink's ALU32 fix-up).
	CPU         string
	Strip       bool     // omit section headers and symbols
	ExtraCFlags []string // e.g. -D defines
	Clang       string   // DefaultClang when empty

	// Cache skips the build when Output exists and its stamp (Output +
	// ".stamp") matches the hash of every input: sources, headers under
	// IncludeDirs, .c/.h/.go files under ExtraInputs, flags and the
	// compiler's version.
	Cache       bool
	ExtraInputs []string // files or directories that also invalidate the cache

	Log *zerolog.Logger // linker warnings go here; nil discards them
}

// baseCFlags are the clang flags of every build (from the sbf-spike):
// freestanding C without builtins (no libc: memcpy and friends would become
// unresolvable calls), and SBPF's 4 KiB stack frame instead of eBPF's 512.
var baseCFlags = []string{
	"-target", "bpfel", "-O2",
	"-ffreestanding", "-fno-builtin", "-nostdlib", "-fno-stack-protector",
	"-mllvm", "-bpf-stack-size=4096",
	"-Wall", "-Wextra", "-Werror",
}

func (s Spec) withDefaults() (Spec, error) {
	if len(s.Sources) == 0 {
		return s, errors.New("sbfbuild: no C sources")
	}
	if s.Output == "" {
		return s, errors.New("sbfbuild: no output path")
	}
	if s.CPU == "" {
		s.CPU = "v2"
	}
	if s.CPU != "v2" && s.CPU != "v3" {
		return s, errors.New("sbfbuild: CPU must be v2 or v3 (v1 lacks features clang needs; v4 instructions are not SBPF)")
	}
	if s.Clang == "" {
		s.Clang = DefaultClang
	}
	return s, nil
}

// cflags is the full clang command line minus the input and output.
func (s Spec) cflags() []string {
	flags := append([]string{}, baseCFlags...)
	flags = append(flags, "-mcpu="+s.CPU)
	for _, dir := range s.IncludeDirs {
		flags = append(flags, "-I", dir)
	}
	return append(flags, s.ExtraCFlags...)
}
