package sbflink

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"testing"
)

// goldenLink links testdata/golden_a.c and golden_b.c (clang -mcpu=v2).
func goldenLink(t *testing.T, opts Options) (*Program, Info, []byte, []byte) {
	t.Helper()
	aObj, bObj := compileC(t, "golden_a.c", "-mcpu=v2"), compileC(t, "golden_b.c", "-mcpu=v2")
	a, err := ReadObject("golden_a.o", aObj)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ReadObject("golden_b.o", bObj)
	if err != nil {
		t.Fatal(err)
	}
	p := link(t, opts, a, b)
	return p, inspect(t, p.ELF), aObj, bObj
}

// outputSymbols reads the linked program's .symtab by name.
func outputSymbols(t *testing.T, img []byte) map[string]elf.Symbol {
	t.Helper()
	f, err := elf.NewFile(bytes.NewReader(img))
	if err != nil {
		t.Fatal(err)
	}
	syms, err := f.Symbols()
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]elf.Symbol{}
	for _, s := range syms {
		m[s.Name] = s
	}
	return m
}

func TestGoldenHeader(t *testing.T) {
	_, info, _, _ := goldenLink(t, Options{})
	if info.Class != 2 || info.Data != 1 || info.OSABI != 0 || info.ABIVersion != 0 || !info.IdentPaddingZero {
		t.Errorf("e_ident: class %d data %d osabi %d abi %d", info.Class, info.Data, info.OSABI, info.ABIVersion)
	}
	if info.Machine != 247 || info.Flags != 3 || info.Version != 1 || info.Type != uint16(elf.ET_DYN) {
		t.Errorf("machine %d flags %d version %d type %d, want 247 3 1 3", info.Machine, info.Flags, info.Version, info.Type)
	}
	if info.PhOff != 64 || info.EhSize != 64 || info.PhEntSize != 56 {
		t.Errorf("phoff %d ehsize %d phentsize %d", info.PhOff, info.EhSize, info.PhEntSize)
	}
	if err := info.CheckV3(); err != nil {
		t.Errorf("CheckV3: %v", err)
	}
}

func TestGoldenSegments(t *testing.T) {
	p, info, _, _ := goldenLink(t, Options{})
	if len(info.Segments) != 2 {
		t.Fatalf("%d program headers, want 2", len(info.Segments))
	}
	ro, text := info.Segments[0], info.Segments[1]
	if ro.Type != uint32(elf.PT_LOAD) || ro.Flags != uint32(elf.PF_R) || ro.Vaddr != 0 || ro.Paddr != 0 || ro.Offset != 64+2*56 {
		t.Errorf("rodata phdr %+v", ro)
	}
	if text.Type != uint32(elf.PT_LOAD) || text.Flags != uint32(elf.PF_X) || text.Vaddr != 1<<32 || text.Paddr != 1<<32 || text.Offset != ro.Offset+ro.Filesz {
		t.Errorf("bytecode phdr %+v", text)
	}
	for _, s := range info.Segments {
		if s.Filesz != s.Memsz || s.Filesz%8 != 0 || s.Offset%8 != 0 {
			t.Errorf("segment %+v: want filesz == memsz, 8-aligned", s)
		}
	}
	if !bytes.Equal(info.Rodata[:8], make([]byte, 8)) {
		t.Errorf("first rodata bytes % x, want 8 reserved zeros", info.Rodata[:8])
	}
	for name, s := range outputSymbols(t, p.ELF) {
		if s.Value == 0 && s.Name != "" && s.Section != elf.SHN_UNDEF {
			t.Errorf("symbol %s has address 0", name)
		}
	}
	if p.Summary.Instructions != info.Instructions() || p.Summary.RodataSize != len(info.Rodata) || p.Summary.ELFSize != len(p.ELF) {
		t.Errorf("summary %+v disagrees with the ELF (%d insns, %d rodata)", p.Summary, info.Instructions(), len(info.Rodata))
	}
}

func TestGoldenNoRelocationsOrDynamicSections(t *testing.T) {
	p, _, _, _ := goldenLink(t, Options{})
	f, err := elf.NewFile(bytes.NewReader(p.ELF))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range f.Sections {
		switch s.Type {
		case elf.SHT_REL, elf.SHT_RELA, elf.SHT_DYNAMIC, elf.SHT_DYNSYM:
			t.Errorf("section %s of type %v left in the output", s.Name, s.Type)
		}
	}
	for _, prog := range f.Progs {
		if prog.Type != elf.PT_LOAD {
			t.Errorf("program header of type %v", prog.Type)
		}
	}
}

func TestGoldenEntry(t *testing.T) {
	p, info, _, _ := goldenLink(t, Options{})
	ep := outputSymbols(t, p.ELF)["entrypoint"]
	if info.Entry != ep.Value || info.Entry != 1<<32+8*uint64(info.EntryPC) || p.Summary.EntryPC != info.EntryPC {
		t.Errorf("e_entry %#x, entrypoint symbol %#x, entry pc %d (summary %d)", info.Entry, ep.Value, info.EntryPC, p.Summary.EntryPC)
	}
	if info.EntryPC == 0 {
		t.Errorf("entrypoint is not the first function of golden_a.c, so its pc must not be 0")
	}
}

// relocSite is one relocation of an input object, located in the output.
type relocSite struct {
	outPC int
	typ   uint32
	sym   elf.Symbol
}

// codeRelocs finds the output pc of every relocation in the input's .text
// through the function that contains it (input offset - function start +
// function's output address).
func codeRelocs(t *testing.T, obj []byte, out map[string]elf.Symbol) []relocSite {
	t.Helper()
	f, err := elf.NewFile(bytes.NewReader(obj))
	if err != nil {
		t.Fatal(err)
	}
	syms, _ := f.Symbols()
	var sites []relocSite
	for _, rs := range f.Sections {
		if rs.Type != elf.SHT_REL || f.Sections[rs.Info].Name != ".text" {
			continue
		}
		d, _ := rs.Data()
		for p := 0; p+16 <= len(d); p += 16 {
			off := binary.LittleEndian.Uint64(d[p:])
			info := binary.LittleEndian.Uint64(d[p+8:])
			var fn elf.Symbol
			for _, s := range syms {
				if elf.ST_TYPE(s.Info) == elf.STT_FUNC && int(s.Section) == int(rs.Info) && s.Value <= off && off < s.Value+s.Size {
					fn = s
				}
			}
			outFn, ok := out[fn.Name]
			if !ok {
				t.Fatalf("function %q of relocation at %#x missing from the output", fn.Name, off)
			}
			pc := int((outFn.Value-1<<32)/8) + int(off-fn.Value)/8
			sites = append(sites, relocSite{outPC: pc, typ: uint32(info), sym: syms[info>>32-1]})
		}
	}
	return sites
}

func TestGoldenCalls(t *testing.T) {
	p, info, aObj, bObj := goldenLink(t, Options{})
	out := outputSymbols(t, p.ELF)
	syscallsSeen := map[string]int{}
	internal := 0
	for _, s := range append(codeRelocs(t, aObj, out), codeRelocs(t, bObj, out)...) {
		if s.typ != uint32(rBPF64_32) {
			continue
		}
		slot := info.Text[s.outPC*8 : s.outPC*8+8]
		ins := decode(slot)
		if s.sym.Section == elf.SHN_UNDEF && out[s.sym.Name].Name == "" {
			want := []byte{0x85, 0x00, 0, 0, 0, 0, 0, 0}
			binary.LittleEndian.PutUint32(want[4:], SyscallHash(s.sym.Name))
			if !bytes.Equal(slot, want) {
				t.Errorf("call %s at pc %d: % x, want % x", s.sym.Name, s.outPC, slot, want)
			}
			syscallsSeen[s.sym.Name]++
			continue
		}
		internal++
		callee := out[s.sym.Name]
		if ins.op != 0x85 || ins.src != 1 || uint64(s.outPC+1+int(ins.imm)) != (callee.Value-1<<32)/8 {
			t.Errorf("call %s at pc %d: % x does not reach pc %d", s.sym.Name, s.outPC, slot, (callee.Value-1<<32)/8)
		}
	}
	if syscallsSeen["sol_log_"] != 2 || syscallsSeen["sol_log_64_"] != 1 || internal != 1 {
		t.Errorf("saw syscalls %v and %d relocated internal calls, want sol_log_ x2, sol_log_64_ x1, 1 internal", syscallsSeen, internal)
	}
	// sol_log_'s hash spelled out, as SIMD-0178 encodes it
	if got := binary.LittleEndian.Uint32([]byte{0xbd, 0x59, 0x75, 0x20}); got != SyscallHash("sol_log_") {
		t.Errorf("sol_log_ hash %#x", SyscallHash("sol_log_"))
	}
	// the compiler-resolved call helper -> mix (static, no relocation) still lands on mix
	helper, mix := out["helper"], out["mix"]
	ins := decode(info.Text[(helper.Value - 1<<32) : (helper.Value-1<<32)+8])
	if ins.op != 0x85 || ins.src != 1 || (helper.Value-1<<32)/8+1+uint64(ins.imm) != (mix.Value-1<<32)/8 {
		t.Errorf("helper's first instruction %+v does not call mix", ins)
	}
	if want := []string{"sol_log_", "sol_log_64_"}; len(info.Syscalls) != 2 || info.Syscalls[0] != want[0] || info.Syscalls[1] != want[1] {
		t.Errorf("Inspect syscalls %v, want %v", info.Syscalls, want)
	}
}

func TestGoldenRodataPointers(t *testing.T) {
	p, info, _, _ := goldenLink(t, Options{})
	out := outputSymbols(t, p.ELF)
	word := func(addr uint64) uint64 { return binary.LittleEndian.Uint64(info.Rodata[addr:]) }
	table := out["table"].Value
	if word(table) != out["twice"].Value || word(table+8) != out["thrice"].Value {
		t.Errorf("table = {%#x, %#x}, want {twice %#x, thrice %#x}", word(table), word(table+8), out["twice"].Value, out["thrice"].Value)
	}
	words := out["words"].Value
	for i, w := range []string{"alpha\x00", "beta\x00"} {
		ptr := word(words + uint64(8*i))
		if ptr < 8 || ptr+uint64(len(w)) > uint64(len(info.Rodata)) || string(info.Rodata[ptr:ptr+uint64(len(w))]) != w {
			t.Errorf("words[%d] = %#x, which does not point at %q", i, ptr, w)
		}
	}
}

func TestGoldenLDDW(t *testing.T) {
	p, info, aObj, _ := goldenLink(t, Options{})
	out := outputSymbols(t, p.ELF)
	checked := map[string]bool{}
	for _, s := range codeRelocs(t, aObj, out) {
		if s.typ != uint32(rBPF64_64) {
			continue
		}
		slot := info.Text[s.outPC*8 : s.outPC*8+16]
		v := uint64(binary.LittleEndian.Uint32(slot[4:])) | uint64(binary.LittleEndian.Uint32(slot[12:]))<<32
		if slot[0] != 0x18 || slot[8] != 0 {
			t.Errorf("lddw %s at pc %d: % x", s.sym.Name, s.outPC, slot)
			continue
		}
		if want := out[s.sym.Name].Value; v != want {
			t.Errorf("lddw %s = %#x, want %#x", s.sym.Name, v, want)
		}
		checked[s.sym.Name] = true
	}
	// rodata objects from both objects, and a code address
	for _, name := range []string{"greeting", "greeting_len", "words", "table", "twice"} {
		if !checked[name] {
			t.Errorf("no lddw of %s found", name)
		}
	}
	if out["twice"].Value < 1<<32 || out["greeting"].Value >= uint64(len(info.Rodata)) || out["greeting"].Value < 8 {
		t.Errorf("addresses: twice %#x greeting %#x", out["twice"].Value, out["greeting"].Value)
	}
}

func TestGoldenStrip(t *testing.T) {
	full, fullInfo, _, _ := goldenLink(t, Options{})
	stripped, info, _, _ := goldenLink(t, Options{Strip: true})
	if info.SectionHeaders != 0 || binary.LittleEndian.Uint64(stripped.ELF[40:]) != 0 {
		t.Errorf("stripped output has %d section headers", info.SectionHeaders)
	}
	if want := 64 + 2*56 + len(info.Rodata) + len(info.Text); len(stripped.ELF) != want {
		t.Errorf("stripped size %d, want %d (header, phdrs, segments only)", len(stripped.ELF), want)
	}
	// identical apart from e_shoff, e_shnum and e_shstrndx
	sameHeader := bytes.Equal(stripped.ELF[:40], full.ELF[:40]) && bytes.Equal(stripped.ELF[48:60], full.ELF[48:60])
	if !sameHeader || !bytes.Equal(stripped.ELF[64:], full.ELF[64:len(stripped.ELF)]) || !bytes.Equal(info.Text, fullInfo.Text) {
		t.Errorf("stripping changed the loaded bytes")
	}
	if err := info.CheckV3(); err != nil {
		t.Errorf("CheckV3: %v", err)
	}
}

// BenchmarkLinkGolden links the two golden objects (compiled once, outside the loop).
func BenchmarkLinkGolden(b *testing.B) {
	var objs []Object
	for _, f := range []string{"golden_a.c", "golden_b.c"} {
		o, err := ReadObject(f, compileC(b, f, "-mcpu=v2"))
		if err != nil {
			b.Fatal(err)
		}
		objs = append(objs, o)
	}
	for b.Loop() {
		if _, err := Link(objs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
