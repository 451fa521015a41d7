package sbflink

import (
	"encoding/binary"
	"strings"
	"testing"
)

func TestInspectReportsV3(t *testing.T) {
	p, info, _, _ := goldenLink(t, Options{Strip: true})
	if info.Flags != 3 || info.Machine != 247 || len(info.Segments) != 2 || info.EntryPC != p.Summary.EntryPC {
		t.Errorf("Inspect: flags %d machine %d %d segments entry pc %d", info.Flags, info.Machine, len(info.Segments), info.EntryPC)
	}
	if info.Instructions() != p.Summary.Instructions {
		t.Errorf("Inspect sees %d instructions, Link reported %d", info.Instructions(), p.Summary.Instructions)
	}
}

// TestCheckV3RejectsLoaderViolations mutates a good program the way the
// spike's strict-deploy tests did and expects CheckV3 to name each problem.
func TestCheckV3RejectsLoaderViolations(t *testing.T) {
	p, _, _, _ := goldenLink(t, Options{Strip: true})
	for _, c := range []struct {
		name   string
		mutate func([]byte)
		want   string
	}{
		{"v0 flags", func(b []byte) { binary.LittleEndian.PutUint32(b[48:], 0) }, "e_flags 0, want 3"},
		{"EM_SBPF", func(b []byte) { binary.LittleEndian.PutUint16(b[18:], 263) }, "e_machine 263"},
		{"bytecode R|X", func(b []byte) { binary.LittleEndian.PutUint32(b[64+56+4:], 5) }, "bytecode segment: type 1 flags 0x5"},
		{"rodata vaddr", func(b []byte) { binary.LittleEndian.PutUint64(b[64+16:], 8) }, "rodata segment"},
		{"entry unaligned", func(b []byte) { binary.LittleEndian.PutUint64(b[24:], 1<<32+4) }, "e_entry 0x100000004"},
		{"osabi", func(b []byte) { b[7] = 3 }, "e_ident"},
	} {
		t.Run(c.name, func(t *testing.T) {
			img := append([]byte(nil), p.ELF...)
			c.mutate(img)
			info, err := Inspect(img)
			if err != nil {
				t.Fatal(err)
			}
			if err := info.CheckV3(); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("CheckV3 = %v, want it to mention %q", err, c.want)
			}
		})
	}
}

func TestInspectRejectsGarbage(t *testing.T) {
	if _, err := Inspect([]byte("not an elf at all, just some bytes that are long enough to hold a header......")); err == nil {
		t.Error("Inspect accepted a non-ELF file")
	}
}
