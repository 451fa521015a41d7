package sbflink

import (
	"strings"
	"testing"
)

// linkOne compiles testdata/<file> and links it alone, returning Link's error
// (or ReadObject's, for refusals found while reading).
func linkOne(t *testing.T, file string, opts Options, flags ...string) (*Program, error) {
	t.Helper()
	o, err := ReadObject(strings.TrimSuffix(file, ".c")+".o", compileC(t, file, flags...))
	if err != nil {
		return nil, err
	}
	return Link([]Object{o}, opts)
}

func TestRefuseUnfixedALU32(t *testing.T) {
	_, err := linkOne(t, "alu32.c", Options{}, "-mcpu=v3")
	assertRefused(t, err, "alu32.o: function add32, insn 1: add32 sign-extends", "function sub32, insn 1: sub32", "function mul32, insn 1: mul32", "-alu32fix")
}

func TestRefuseSignedDivision(t *testing.T) {
	_, err := linkOne(t, "refuse_sdiv.c", Options{}, "-mcpu=v4")
	assertRefused(t, err, "refuse_sdiv.o: function entrypoint, insn 2: signed division/modulo (sdiv/smod) is an eBPF v4 instruction", "3f 20 01 00")
}

func TestRefuseSignedModulo(t *testing.T) {
	_, err := linkOne(t, "refuse_smod.c", Options{}, "-mcpu=v4")
	assertRefused(t, err, "refuse_smod.o: function entrypoint, insn 2: signed division/modulo", "9f 20 01 00")
}

func TestRefuseMovsx(t *testing.T) {
	_, err := linkOne(t, "refuse_movsx.c", Options{}, "-mcpu=v4")
	assertRefused(t, err, "refuse_movsx.o: function entrypoint, insn 1: sign-extending move (movsx) is an eBPF v4 instruction")
}

func TestRefuseLdsx(t *testing.T) {
	_, err := linkOne(t, "refuse_ldsx.c", Options{}, "-mcpu=v4")
	assertRefused(t, err, "refuse_ldsx.o: function entrypoint, insn 0: sign-extending load (ldsx) is an eBPF v4 instruction")
}

func TestRefuseBswap(t *testing.T) {
	_, err := linkOne(t, "refuse_bswap.c", Options{}, "-mcpu=v4")
	assertRefused(t, err, "refuse_bswap.o: function entrypoint, insn 1: bswap is an eBPF v4 instruction")
}

func TestRefuseAtomic(t *testing.T) {
	_, err := linkOne(t, "refuse_atomic.c", Options{}, "-mcpu=v4")
	assertRefused(t, err, "refuse_atomic.o: function entrypoint, insn 1: atomic instruction (BPF_ATOMIC) is not part of SBPF")
}

func TestRefuseGotol(t *testing.T) {
	_, err := linkOne(t, "refuse_gotol.c", Options{}, "-mcpu=v4")
	assertRefused(t, err, "refuse_gotol.o: function entrypoint, insn 0: gotol (ja with a 32-bit offset) is an eBPF v4 instruction")
}

func TestRefuseData(t *testing.T) {
	_, err := linkOne(t, "refuse_data.c", Options{}, "-mcpu=v2")
	assertRefused(t, err, "refuse_data.o: section .data: writable data (8 bytes: limit)", "make it const")
}

func TestRefuseBSS(t *testing.T) {
	_, err := linkOne(t, "refuse_bss.c", Options{}, "-mcpu=v2")
	assertRefused(t, err, "refuse_bss.o: section .bss: writable data (8 bytes: counter)")
}

func TestRefuseCommon(t *testing.T) {
	_, err := linkOne(t, "refuse_common.c", Options{}, "-mcpu=v2", "-fcommon")
	assertRefused(t, err, "refuse_common.o: common symbol tally (8 bytes) is a writable global")
}

func TestRefuseWritableCustomSection(t *testing.T) {
	_, err := linkOne(t, "refuse_custom_section.c", Options{}, "-mcpu=v2")
	assertRefused(t, err, "refuse_custom_section.o: section .state: writable data (8 bytes: state)")
}

func TestRefuseUnknownSyscall(t *testing.T) {
	_, err := linkOne(t, "refuse_unknown_syscall.c", Options{}, "-mcpu=v2")
	assertRefused(t, err, "refuse_unknown_syscall.o: function entrypoint, insn 3: call of undefined function sol_log_typo, which is not a known Solana syscall")
}

func TestRefuseUndefinedData(t *testing.T) {
	_, err := linkOne(t, "refuse_undefined_data.c", Options{}, "-mcpu=v2")
	assertRefused(t, err, "refuse_undefined_data.o: function entrypoint, insn 2: undefined symbol missing_table")
}

func TestRefuseSyscallNotDeployable(t *testing.T) {
	_, err := linkOne(t, "refuse_alloc_free.c", Options{}, "-mcpu=v2")
	assertRefused(t, err, "refuse_alloc_free.o: function entrypoint, insn 2: syscall sol_alloc_free_ is not available for deployment")
}

func TestRefuseMissingEntrypoint(t *testing.T) {
	_, err := linkOne(t, "golden_b.c", Options{}, "-mcpu=v2")
	assertRefused(t, err, "entry function entrypoint is not defined")
}

func TestRefuseDuplicateSymbol(t *testing.T) {
	b := readObject(t, "golden_b.c", "-mcpu=v2")
	_, err := Link([]Object{readObject(t, "golden_a.c", "-mcpu=v2"), b, b}, Options{})
	assertRefused(t, err, "golden_b.o: symbol helper is also defined in golden_b.o")
}

func TestWarnFeatureGatedSyscall(t *testing.T) {
	p, err := linkOne(t, "warn_gated.c", Options{}, "-mcpu=v2")
	if err != nil {
		t.Fatalf("a feature-gated syscall must link: %v", err)
	}
	if len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], "sol_remaining_compute_units is feature-gated (remaining_compute_units_syscall_enabled)") {
		t.Errorf("warnings %q", p.Warnings)
	}
	if len(p.Summary.Syscalls) != 1 || p.Summary.Syscalls[0].Hash != SyscallHash("sol_remaining_compute_units") {
		t.Errorf("summary syscalls %+v", p.Summary.Syscalls)
	}
}
