package sbflink

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
)

var le = binary.LittleEndian

// sectionKind says which output segment an input section goes to.
type sectionKind int

const (
	kindText   sectionKind = iota + 1 // bytecode segment
	kindRodata                        // read-only data segment
)

// Object is one parsed relocatable BPF object, ready to be linked.
// It is not modified by Link, so the same Object can be linked many times.
type Object struct {
	Name     string
	sections []*inputSection       // kept sections in file order
	byIndex  map[int]*inputSection // ELF section index -> kept section
	symbols  []elf.Symbol          // ELF symbol i+1 (debug/elf drops the null symbol)
	relocs   []relocation
	secNames []string // every ELF section name, for messages
}

// inputSection is an allocated, read-only section of an object.
type inputSection struct {
	obj   *Object
	index int
	name  string
	kind  sectionKind
	align uint64
	data  []byte
	funcs []funcSymbol // for kindText: function symbols sorted by offset
}

type funcSymbol struct {
	name   string
	offset uint64
}

// relocType is a BPF ELF relocation type (llvm BPFELFObjectWriter).
type relocType uint32

const (
	rBPFNone    relocType = 0
	rBPF64_64   relocType = 1  // lddw imm pair: S + A
	rBPF64Abs64 relocType = 2  // 64-bit data word: S + A
	rBPF64Abs32 relocType = 3  // 32-bit data word: S + A
	rBPF64_32   relocType = 10 // call imm: (S + A) / 8 - 1
)

// relocation is one entry of a .rel/.rela section whose target we keep.
type relocation struct {
	target    *inputSection
	offset    uint64
	typ       relocType
	sym       uint32 // ELF symbol index
	addend    int64
	hasAddend bool // RELA; otherwise the addend is implicit in the target bytes
}

// ReadObject parses a relocatable object produced by
// `clang-19 -target bpfel -mcpu=v2|v3 -c`. It refuses writable data
// (.data, .bss, COMMON, any writable allocated section): an SBPF v3 program
// has only a read-only data segment.
func ReadObject(name string, data []byte) (Object, error) {
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return Object{}, fmt.Errorf("sbflink: %s: not an ELF object: %w", name, err)
	}
	defer f.Close()
	if f.Class != elf.ELFCLASS64 || f.Data != elf.ELFDATA2LSB || f.Machine != elf.EM_BPF || f.Type != elf.ET_REL {
		return Object{}, fmt.Errorf("sbflink: %s: want a 64-bit little-endian BPF relocatable object (clang -target bpfel -c), got %v %v %v %v",
			name, f.Class, f.Data, f.Machine, f.Type)
	}
	o := &Object{Name: name, byIndex: map[int]*inputSection{}}
	for _, s := range f.Sections {
		o.secNames = append(o.secNames, s.Name)
	}
	o.symbols, err = f.Symbols()
	if err != nil && !errors.Is(err, elf.ErrNoSymbols) {
		return Object{}, fmt.Errorf("sbflink: %s: read symbols: %w", name, err)
	}
	var bad refusals
	o.readSections(f, &bad)
	for _, sym := range o.symbols {
		if sym.Section == elf.SHN_COMMON {
			bad.addf(name, "", "common symbol %s (%d bytes) is a writable global: Solana programs have no writable data; make it const or keep the state in account data", sym.Name, sym.Size)
		}
	}
	if err := bad.err(); err != nil {
		return Object{}, err
	}
	if err := o.readRelocations(f); err != nil {
		return Object{}, err
	}
	o.collectFunctions()
	return *o, nil
}

func (o *Object) readSections(f *elf.File, bad *refusals) {
	for i, s := range f.Sections {
		if s.Flags&elf.SHF_ALLOC == 0 || s.Size == 0 {
			continue // debug info, BTF, symbol tables, addrsig: not loaded
		}
		if s.Flags&elf.SHF_WRITE != 0 || s.Type == elf.SHT_NOBITS {
			bad.addf(o.Name, s.Name, "writable data (%d bytes: %s): Solana programs have no writable globals; make it const or keep the state in account data",
				s.Size, strings.Join(o.symbolsIn(i), ", "))
			continue
		}
		if s.Type != elf.SHT_PROGBITS {
			bad.addf(o.Name, s.Name, "unsupported allocated section type %v", s.Type)
			continue
		}
		d, err := s.Data()
		if err != nil {
			bad.addf(o.Name, s.Name, "read section: %v", err)
			continue
		}
		is := &inputSection{obj: o, index: i, name: s.Name, kind: kindRodata, align: max(s.Addralign, 1), data: d}
		if s.Flags&elf.SHF_EXECINSTR != 0 {
			is.kind = kindText
			if len(d)%insnSize != 0 {
				bad.addf(o.Name, s.Name, "code size %d is not a multiple of 8", len(d))
				continue
			}
		}
		o.sections = append(o.sections, is)
		o.byIndex[i] = is
	}
}

// symbolsIn names the symbols defined in section index i, for messages.
func (o *Object) symbolsIn(i int) []string {
	var names []string
	for _, sym := range o.symbols {
		if int(sym.Section) == i && sym.Name != "" && elf.ST_TYPE(sym.Info) != elf.STT_SECTION {
			names = append(names, sym.Name)
		}
	}
	if len(names) == 0 {
		names = []string{"no named symbols"}
	}
	return names
}

func (o *Object) readRelocations(f *elf.File) error {
	for _, rs := range f.Sections {
		if rs.Type != elf.SHT_REL && rs.Type != elf.SHT_RELA {
			continue
		}
		target := o.byIndex[int(rs.Info)]
		if target == nil {
			continue // relocations of dropped sections (.BTF, debug info)
		}
		d, err := rs.Data()
		if err != nil {
			return fmt.Errorf("sbflink: %s: read %s: %w", o.Name, rs.Name, err)
		}
		size := 16
		if rs.Type == elf.SHT_RELA {
			size = 24
		}
		for p := 0; p+size <= len(d); p += size {
			info := le.Uint64(d[p+8:])
			r := relocation{target: target, offset: le.Uint64(d[p:]), typ: relocType(uint32(info)), sym: uint32(info >> 32)}
			if rs.Type == elf.SHT_RELA {
				r.addend, r.hasAddend = int64(le.Uint64(d[p+16:])), true
			}
			if r.offset >= uint64(len(target.data)) {
				return fmt.Errorf("sbflink: %s: %s: relocation offset %#x outside %s", o.Name, rs.Name, r.offset, target.name)
			}
			o.relocs = append(o.relocs, r)
		}
	}
	return nil
}

// collectFunctions records function symbols per code section so that
// refusals can name the function an instruction belongs to.
func (o *Object) collectFunctions() {
	for _, sym := range o.symbols {
		is := o.byIndex[int(sym.Section)]
		if is == nil || is.kind != kindText || elf.ST_TYPE(sym.Info) != elf.STT_FUNC || sym.Name == "" {
			continue
		}
		is.funcs = append(is.funcs, funcSymbol{name: sym.Name, offset: sym.Value})
	}
	for _, is := range o.sections {
		sort.Slice(is.funcs, func(a, b int) bool { return is.funcs[a].offset < is.funcs[b].offset })
	}
}

// symbol returns ELF symbol idx (1-based, as in relocations).
func (o *Object) symbol(idx uint32) (elf.Symbol, bool) {
	if idx == 0 || int(idx) > len(o.symbols) {
		return elf.Symbol{}, false
	}
	return o.symbols[idx-1], true
}

// functionAt names the function containing byte offset off of section is,
// and the instruction index inside it.
func (is *inputSection) functionAt(off uint64) (name string, insn int) {
	i := sort.Search(len(is.funcs), func(i int) bool { return is.funcs[i].offset > off }) - 1
	if i < 0 {
		return "", int(off / insnSize)
	}
	return is.funcs[i].name, int((off - is.funcs[i].offset) / insnSize)
}
