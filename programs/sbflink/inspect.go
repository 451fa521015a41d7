package sbflink

import (
	"bytes"
	"debug/elf"
	"errors"
	"fmt"
	"sort"
)

// Info is what Inspect reads from a linked program.
type Info struct {
	Class, Data, IdentVersion, OSABI, ABIVersion byte
	IdentPaddingZero                             bool
	Type, Machine                                uint16
	Version                                      uint32 // e_version
	Flags                                        uint32 // e_flags: 3 selects SBPF v3
	Entry                                        uint64
	PhOff                                        uint64
	EhSize, PhEntSize                            uint16
	SectionHeaders                               int // e_shnum
	Segments                                     []Segment
	Rodata                                       []byte // contents of the segment at vaddr 0
	Text                                         []byte // contents of the segment at vaddr 1<<32
	EntryPC                                      int    // -1 when e_entry is not an instruction of Text
	// Syscalls names every syscall the code calls (src=0 calls), sorted;
	// hashes not in the syscall table appear as "unknown#<hex>".
	Syscalls []string
}

// Segment is one program header.
type Segment struct {
	Type, Flags                                uint32
	Offset, Vaddr, Paddr, Filesz, Memsz, Align uint64
}

// Instructions is the number of instruction slots in the bytecode.
func (i Info) Instructions() int { return len(i.Text) / insnSize }

// Inspect parses the header and program headers of an SBPF ELF. It fails
// only when the file is structurally unreadable; use CheckV3 for the
// loader's rules.
func Inspect(img []byte) (Info, error) {
	var info Info
	if len(img) < ehdrSize || !bytes.Equal(img[:4], []byte(elf.ELFMAG)) {
		return info, errors.New("sbflink: inspect: not an ELF file")
	}
	info.Class, info.Data, info.IdentVersion, info.OSABI, info.ABIVersion = img[4], img[5], img[6], img[7], img[8]
	info.IdentPaddingZero = bytes.Equal(img[9:16], make([]byte, 7))
	info.Type = le.Uint16(img[16:])
	info.Machine = le.Uint16(img[18:])
	info.Version = le.Uint32(img[20:])
	info.Entry = le.Uint64(img[24:])
	info.PhOff = le.Uint64(img[32:])
	info.Flags = le.Uint32(img[48:])
	info.EhSize = le.Uint16(img[52:])
	info.PhEntSize = le.Uint16(img[54:])
	phnum := int(le.Uint16(img[56:]))
	info.SectionHeaders = int(le.Uint16(img[60:]))
	if info.PhEntSize != phdrSize || info.PhOff > uint64(len(img)) || uint64(len(img))-info.PhOff < uint64(phnum*phdrSize) {
		return info, fmt.Errorf("sbflink: inspect: program header table (%d x %d at %#x) is outside the file", phnum, info.PhEntSize, info.PhOff)
	}
	for n := range phnum {
		p := img[info.PhOff+uint64(n*phdrSize):]
		s := Segment{Type: le.Uint32(p), Flags: le.Uint32(p[4:]), Offset: le.Uint64(p[8:]), Vaddr: le.Uint64(p[16:]),
			Paddr: le.Uint64(p[24:]), Filesz: le.Uint64(p[32:]), Memsz: le.Uint64(p[40:]), Align: le.Uint64(p[48:])}
		if s.Offset > uint64(len(img)) || uint64(len(img))-s.Offset < s.Filesz {
			return info, fmt.Errorf("sbflink: inspect: segment %d (%#x bytes at %#x) is outside the file", n, s.Filesz, s.Offset)
		}
		switch s.Vaddr {
		case rodataVaddr:
			info.Rodata = img[s.Offset : s.Offset+s.Filesz]
		case bytecodeVaddr:
			info.Text = img[s.Offset : s.Offset+s.Filesz]
		}
		info.Segments = append(info.Segments, s)
	}
	info.EntryPC = -1
	if e := info.Entry - bytecodeVaddr; info.Entry >= bytecodeVaddr && e < uint64(len(info.Text)) && e%insnSize == 0 {
		info.EntryPC = int(e / insnSize)
	}
	info.Syscalls = syscallNames(info.Text)
	return info, nil
}

// syscallNames maps the hashes of src=0 calls back to names.
func syscallNames(text []byte) []string {
	byHash := map[uint32]string{}
	for name := range syscalls {
		byHash[SyscallHash(name)] = name
	}
	seen := map[string]bool{}
	for pc := 0; pc+insnSize <= len(text); pc += insnSize {
		ins := decode(text[pc:])
		if ins.op == opLDDW {
			pc += insnSize
			continue
		}
		if ins.op != opCall || ins.src != callSyscall {
			continue
		}
		name, ok := byHash[uint32(ins.imm)]
		if !ok {
			name = fmt.Sprintf("unknown#%08x", uint32(ins.imm))
		}
		seen[name] = true
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// CheckV3 applies the header and segment rules of solana-sbpf 0.23.0's
// strict ELF parser (SIMD-0189) plus the linker's own layout promises
// (both segments present, first 8 rodata bytes unused). It returns every
// violation found.
func (i Info) CheckV3() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if i.Class != byte(elf.ELFCLASS64) || i.Data != byte(elf.ELFDATA2LSB) || i.IdentVersion != byte(elf.EV_CURRENT) ||
		i.OSABI != byte(elf.ELFOSABI_NONE) || i.ABIVersion != 0 || !i.IdentPaddingZero {
		bad("e_ident is not ELFCLASS64/LSB/EV_CURRENT/OSABI 0/ABI 0 with zero padding")
	}
	if i.Machine != emBPF {
		bad("e_machine %d, want EM_BPF (247)", i.Machine)
	}
	if i.Flags != sbpfV3 {
		bad("e_flags %d, want 3 (SBPF v3)", i.Flags)
	}
	if i.Version != uint32(elf.EV_CURRENT) {
		bad("e_version %d, want 1", i.Version)
	}
	if i.PhOff != ehdrSize || i.EhSize != ehdrSize || i.PhEntSize != phdrSize {
		bad("e_phoff/e_ehsize/e_phentsize %d/%d/%d, want 64/64/56", i.PhOff, i.EhSize, i.PhEntSize)
	}
	if len(i.Segments) != phdrCount {
		bad("%d program headers, want 2 (rodata, bytecode)", len(i.Segments))
	} else {
		want := []struct {
			flags uint32
			vaddr uint64
			name  string
		}{{pfR, rodataVaddr, "rodata"}, {pfX, bytecodeVaddr, "bytecode"}}
		next := uint64(ehdrSize + phdrCount*phdrSize)
		for n, s := range i.Segments {
			w := want[n]
			if s.Type != uint32(elf.PT_LOAD) || s.Flags != w.flags || s.Vaddr != w.vaddr || s.Paddr != w.vaddr {
				bad("%s segment: type %d flags %#x vaddr %#x paddr %#x, want PT_LOAD flags %#x at %#x", w.name, s.Type, s.Flags, s.Vaddr, s.Paddr, w.flags, w.vaddr)
			}
			if s.Offset != next || s.Filesz != s.Memsz || s.Filesz%8 != 0 || s.Filesz >= 1<<32 {
				bad("%s segment: offset %#x (want %#x, contiguous), filesz %#x memsz %#x (want equal multiples of 8 below 4 GiB)", w.name, s.Offset, next, s.Filesz, s.Memsz)
			}
			next = s.Offset + s.Filesz
		}
	}
	if i.EntryPC < 0 {
		bad("e_entry %#x is not an 8-aligned address inside the bytecode", i.Entry)
	}
	if len(i.Rodata) < rodataReserved || !bytes.Equal(i.Rodata[:rodataReserved], make([]byte, rodataReserved)) {
		bad("the first %d bytes of rodata are not reserved zeros", rodataReserved)
	}
	return errors.Join(errs...)
}
