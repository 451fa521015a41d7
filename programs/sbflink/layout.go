package sbflink

import (
	"fmt"
	"sort"
)

// SBPF v3 memory map (solana-sbpf ebpf.rs: MM_RODATA_START, MM_BYTECODE_START).
const (
	rodataVaddr   = uint64(0)
	bytecodeVaddr = uint64(1) << 32
	// rodataReserved keeps the first bytes of rodata unused: rodata starts
	// at address 0, and no object may have the address NULL.
	rodataReserved = 8
)

func alignUp(v, a uint64) uint64 {
	if a <= 1 {
		return v
	}
	return (v + a - 1) / a * a
}

// layout concatenates the code sections of all objects into the bytecode
// image and the read-only data sections into the rodata image, in input
// order, and remembers where each input section went.
func (l *linkState) layout() {
	var textLen, roLen uint64 = 0, rodataReserved
	for _, o := range l.objects {
		for _, is := range o.sections {
			switch is.kind {
			case kindText:
				l.place[is] = textLen
				l.textSections = append(l.textSections, is)
				textLen += uint64(len(is.data))
			case kindRodata:
				roLen = alignUp(roLen, is.align)
				l.place[is] = roLen
				roLen += uint64(len(is.data))
			}
		}
	}
	l.text = make([]byte, textLen)
	l.rodata = make([]byte, alignUp(roLen, 8)) // p_filesz must be a multiple of 8
	for is, at := range l.place {
		// copies: relocation must not change the caller's Objects
		if is.kind == kindText {
			copy(l.text[at:], is.data)
		} else {
			copy(l.rodata[at:], is.data)
		}
	}
}

// vaddr is the virtual address of byte off of input section is.
func (l *linkState) vaddr(is *inputSection, off uint64) uint64 {
	if is.kind == kindText {
		return bytecodeVaddr + l.place[is] + off
	}
	return rodataVaddr + l.place[is] + off
}

// sectionAtPC returns the input code section holding output instruction pc.
func (l *linkState) sectionAtPC(pc int) *inputSection {
	at := uint64(pc) * insnSize
	i := sort.Search(len(l.textSections), func(i int) bool {
		s := l.textSections[i]
		return l.place[s]+uint64(len(s.data)) > at
	})
	if i == len(l.textSections) {
		return nil
	}
	return l.textSections[i]
}

// insnError reports a refusal about output instruction pc, naming its
// object, function and index inside the function.
func (l *linkState) insnError(pc int, format string, args ...any) {
	e := &LinkError{Insn: pc, Reason: fmt.Sprintf(format, args...)}
	if is := l.sectionAtPC(pc); is != nil {
		e.Object, e.Section = is.obj.Name, is.name
		e.Function, e.Insn = is.functionAt(uint64(pc)*insnSize - l.place[is])
	}
	l.bad.add(e)
}
