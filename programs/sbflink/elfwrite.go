package sbflink

import "debug/elf"

const (
	ehdrSize  = 64
	phdrSize  = 56
	shdrSize  = 64
	symSize   = 24
	sbpfV3    = 3   // e_flags value that selects SBPFVersion::V3
	emBPF     = 247 // EM_BPF; the strict parser rejects EM_SBPF (263)
	pfX       = uint32(elf.PF_X)
	pfR       = uint32(elf.PF_R)
	phdrCount = 2
)

// outSymbol is a symbol of the output's .symtab, for disassemblers and
// debuggers only: the loader ignores section headers and symbols.
type outSymbol struct {
	name    string
	info    byte
	segment sectionKind
	value   uint64
	size    uint64
}

// writeELF lays out an SBPF v3 file: header, the two program headers, the
// rodata segment, the bytecode segment, and (unless stripped) .symtab,
// .strtab, .shstrtab and the section header table after them.
func writeELF(rodata, text []byte, entry uint64, syms []outSymbol, strip bool) []byte {
	roOff := uint64(ehdrSize + phdrCount*phdrSize)
	textOff := roOff + uint64(len(rodata))
	end := textOff + uint64(len(text))
	img := make([]byte, end)

	copy(img, []byte{0x7f, 'E', 'L', 'F', byte(elf.ELFCLASS64), byte(elf.ELFDATA2LSB), byte(elf.EV_CURRENT), byte(elf.ELFOSABI_NONE)})
	le.PutUint16(img[16:], uint16(elf.ET_DYN)) // not checked by the v3 loader
	le.PutUint16(img[18:], emBPF)
	le.PutUint32(img[20:], uint32(elf.EV_CURRENT))
	le.PutUint64(img[24:], entry)
	le.PutUint64(img[32:], ehdrSize) // e_phoff
	le.PutUint32(img[48:], sbpfV3)
	le.PutUint16(img[52:], ehdrSize)
	le.PutUint16(img[54:], phdrSize)
	le.PutUint16(img[56:], phdrCount)
	le.PutUint16(img[58:], shdrSize)
	putLoad(img[ehdrSize:], pfR, roOff, rodataVaddr, uint64(len(rodata)))
	putLoad(img[ehdrSize+phdrSize:], pfX, textOff, bytecodeVaddr, uint64(len(text)))
	copy(img[roOff:], rodata)
	copy(img[textOff:], text)
	if strip {
		return img
	}
	return appendSections(img, roOff, textOff, uint64(len(rodata)), uint64(len(text)), syms)
}

func putLoad(p []byte, flags uint32, off, vaddr, size uint64) {
	le.PutUint32(p[0:], uint32(elf.PT_LOAD))
	le.PutUint32(p[4:], flags)
	le.PutUint64(p[8:], off)
	le.PutUint64(p[16:], vaddr) // p_vaddr
	le.PutUint64(p[24:], vaddr) // p_paddr must equal p_vaddr
	le.PutUint64(p[32:], size)  // p_filesz
	le.PutUint64(p[40:], size)  // p_memsz == p_filesz
	le.PutUint64(p[48:], 8)
}

type sectionHeader struct {
	name, typ              uint32
	flags, addr, off, size uint64
	link, info             uint32
	align, entsize         uint64
}

// Output section indexes.
const (
	shRodata = 1 + iota
	shText
	shSymtab
	shStrtab
	shShstrtab
	shCount
)

func appendSections(img []byte, roOff, textOff, roSize, textSize uint64, syms []outSymbol) []byte {
	strtab := []byte{0}
	addString := func(tab *[]byte, s string) uint32 {
		off := uint32(len(*tab))
		*tab = append(append(*tab, s...), 0)
		return off
	}
	// ELF wants local symbols first; sh_info is the index of the first global.
	symtab := make([]byte, symSize) // null symbol
	firstGlobal := 0
	for pass, locals := 0, true; pass < 2; pass, locals = pass+1, false {
		if !locals {
			firstGlobal = len(symtab) / symSize
		}
		for _, s := range syms {
			if (elf.ST_BIND(s.info) == elf.STB_LOCAL) != locals {
				continue
			}
			var e [symSize]byte
			le.PutUint32(e[0:], addString(&strtab, s.name))
			e[4] = s.info
			shndx := uint16(shRodata)
			if s.segment == kindText {
				shndx = shText
			}
			le.PutUint16(e[6:], shndx)
			le.PutUint64(e[8:], s.value)
			le.PutUint64(e[16:], s.size)
			symtab = append(symtab, e[:]...)
		}
	}
	shstrtab := []byte{0}
	img = append(img, make([]byte, alignUp(uint64(len(img)), 8)-uint64(len(img)))...)
	symOff := uint64(len(img))
	img = append(img, symtab...)
	strOff := uint64(len(img))
	img = append(img, strtab...)
	shdrs := [shCount]sectionHeader{
		shRodata: {name: addString(&shstrtab, ".rodata"), typ: uint32(elf.SHT_PROGBITS), flags: uint64(elf.SHF_ALLOC), addr: rodataVaddr, off: roOff, size: roSize, align: 8},
		shText:   {name: addString(&shstrtab, ".text"), typ: uint32(elf.SHT_PROGBITS), flags: uint64(elf.SHF_ALLOC | elf.SHF_EXECINSTR), addr: bytecodeVaddr, off: textOff, size: textSize, align: 8},
		shSymtab: {name: addString(&shstrtab, ".symtab"), typ: uint32(elf.SHT_SYMTAB), off: symOff, size: uint64(len(symtab)), link: shStrtab, info: uint32(firstGlobal), align: 8, entsize: symSize},
		shStrtab: {name: addString(&shstrtab, ".strtab"), typ: uint32(elf.SHT_STRTAB), off: strOff, size: uint64(len(strtab)), align: 1},
	}
	shstrName := addString(&shstrtab, ".shstrtab")
	shdrs[shShstrtab] = sectionHeader{name: shstrName, typ: uint32(elf.SHT_STRTAB), off: uint64(len(img)), size: uint64(len(shstrtab)), align: 1}
	img = append(img, shstrtab...)
	img = append(img, make([]byte, alignUp(uint64(len(img)), 8)-uint64(len(img)))...)
	shoff := uint64(len(img))
	for _, h := range shdrs {
		var p [shdrSize]byte
		le.PutUint32(p[0:], h.name)
		le.PutUint32(p[4:], h.typ)
		le.PutUint64(p[8:], h.flags)
		le.PutUint64(p[16:], h.addr)
		le.PutUint64(p[24:], h.off)
		le.PutUint64(p[32:], h.size)
		le.PutUint32(p[40:], h.link)
		le.PutUint32(p[44:], h.info)
		le.PutUint64(p[48:], h.align)
		le.PutUint64(p[56:], h.entsize)
		img = append(img, p[:]...)
	}
	le.PutUint64(img[40:], shoff)
	le.PutUint16(img[60:], shCount)
	le.PutUint16(img[62:], shShstrtab)
	return img
}
