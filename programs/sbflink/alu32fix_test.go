package sbflink

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// TestALU32FixEncoding links testdata/alu32.c (clang -mcpu=v3) twice: with
// the miscompiling pass-through as the baseline, and with -alu32fix. The
// fixed code must be the baseline with `mov32 dst, dst` after every
// add32/sub32/mul32 and every code reference moved to the same instruction.
func TestALU32FixEncoding(t *testing.T) {
	o := readObject(t, "alu32.c", "-mcpu=v3")
	baseProg := link(t, Options{allowUnfixedALU32: true}, o)
	fixedProg := link(t, Options{ALU32Fix: true}, o)
	base, fixed := inspect(t, baseProg.ELF), inspect(t, fixedProg.ELF)
	if err := fixed.CheckV3(); err != nil {
		t.Fatalf("CheckV3: %v", err)
	}

	// Pass 1: walk the baseline, build old pc -> new pc, check the insertions.
	n := base.Instructions()
	newPC := make([]int, n+1)
	lddwLow := make([]bool, n)
	sites, j := 0, 0
	for pc := 0; pc < n; pc++ {
		newPC[pc] = j
		ins := decode(base.Text[pc*8:])
		j++
		if lddwLow[pc] {
			continue
		}
		if ins.op == opLDDW {
			lddwLow[pc+1] = true
		}
		if ins.isSignExtendingALU32() {
			sites++
			want := []byte{0xbc, ins.dst<<4 | ins.dst, 0, 0, 0, 0, 0, 0}
			if got := fixed.Text[j*8 : j*8+8]; !bytes.Equal(got, want) {
				t.Errorf("after %s at pc %d: % x, want mov32 r%d, r%d (% x)", ins.mnemonicALU32(), pc, got, ins.dst, ins.dst, want)
			}
			j++
		}
	}
	newPC[n] = j
	if sites == 0 || fixedProg.Summary.ALU32Fixes != sites || fixed.Instructions() != n+sites {
		t.Fatalf("%d add/sub/mul32 in the baseline, %d fixes reported, %d -> %d instructions", sites, fixedProg.Summary.ALU32Fixes, n, fixed.Instructions())
	}

	// Pass 2: every instruction is unchanged except for moved references.
	codeAddr := func(v uint64) (uint64, bool) {
		if v < 1<<32 || v > 1<<32+uint64(8*n) {
			return v, false
		}
		return 1<<32 + 8*uint64(newPC[(v-1<<32)/8]), true
	}
	var forward, backward, calls, lddwCode int
	for pc := 0; pc < n; pc++ {
		if lddwLow[pc] {
			continue
		}
		b, f := decode(base.Text[pc*8:]), decode(fixed.Text[newPC[pc]*8:])
		want := b
		switch {
		case b.isJump():
			want.off = int16(newPC[pc+1+int(b.off)] - newPC[pc] - 1)
			if crossesSite := newPC[pc+1+int(b.off)]-(pc+1+int(b.off)) != newPC[pc]-pc; crossesSite && b.off > 0 {
				forward++
			} else if crossesSite {
				backward++
			}
		case b.op == opCall && b.src == callInternal:
			want.imm = int32(newPC[pc+1+int(b.imm)] - newPC[pc] - 1)
			calls++
		case b.op == opLDDW:
			hiB := binary.LittleEndian.Uint32(base.Text[pc*8+12:])
			hiF := binary.LittleEndian.Uint32(fixed.Text[newPC[pc]*8+12:])
			v, isCode := codeAddr(uint64(uint32(b.imm)) | uint64(hiB)<<32)
			if got := uint64(uint32(f.imm)) | uint64(hiF)<<32; got != v {
				t.Errorf("lddw at pc %d loads %#x, want %#x", pc, got, v)
			}
			if isCode {
				lddwCode++
			}
			continue
		}
		if f != want {
			t.Errorf("pc %d -> %d: %+v, want %+v", pc, newPC[pc], f, want)
		}
	}
	if forward == 0 || backward == 0 || calls == 0 || lddwCode == 0 {
		t.Errorf("test program does not exercise the fix-up: %d forward and %d backward jumps across insertions, %d internal calls, %d lddw of code", forward, backward, calls, lddwCode)
	}

	// Rodata: code pointers moved, everything else identical.
	if len(base.Rodata) != len(fixed.Rodata) {
		t.Fatalf("rodata size %d -> %d", len(base.Rodata), len(fixed.Rodata))
	}
	pointers := 0
	for at := 0; at+8 <= len(base.Rodata); at += 8 {
		v, isCode := codeAddr(binary.LittleEndian.Uint64(base.Rodata[at:]))
		if got := binary.LittleEndian.Uint64(fixed.Rodata[at:]); got != v {
			t.Errorf("rodata word at %#x = %#x, want %#x", at, got, v)
		}
		if isCode {
			pointers++
		}
	}
	if pointers != 3 {
		t.Errorf("%d code pointers in rodata, want the 3 of ops[]", pointers)
	}
	if fixed.EntryPC != newPC[base.EntryPC] {
		t.Errorf("entry pc %d, want %d", fixed.EntryPC, newPC[base.EntryPC])
	}
}
