package sbflink

import "fmt"

// relocate resolves every relocation into final absolute addresses or
// pc-relative offsets, because the SBPF v3 loader applies none. It also
// records which instructions and words hold code addresses, so the ALU32
// fix-up can move them.
func (l *linkState) relocate() {
	for _, o := range l.objects {
		for _, r := range o.relocs {
			t, err := l.resolve(o, r.sym)
			if err != nil {
				l.relocError(r, "%v", err)
				continue
			}
			switch r.typ {
			case rBPFNone:
			case rBPF64_64:
				l.relocLDDW(r, t)
			case rBPF64_32:
				l.relocCall(r, t)
			case rBPF64Abs64:
				l.relocAbs64(r, t)
			case rBPF64Abs32:
				l.relocAbs32(r, t)
			default:
				l.relocError(r, "unsupported relocation type %d against %s", r.typ, t.name)
			}
		}
	}
}

// relocError reports a relocation problem at its instruction (code) or at
// its byte offset (data).
func (l *linkState) relocError(r relocation, format string, args ...any) {
	if r.target.kind == kindText {
		l.insnError(int((l.place[r.target]+r.offset)/insnSize), format, args...)
		return
	}
	l.bad.addf(r.target.obj.Name, r.target.name, "offset %#x: %s", r.offset, fmt.Sprintf(format, args...))
}

// addend returns the explicit (RELA) addend or the implicit one read from
// the relocated bytes.
func (r relocation) addendOr(implicit int64) int64 {
	if r.hasAddend {
		return r.addend
	}
	return implicit
}

// relocLDDW patches `lddw rX, sym` with the symbol's absolute address.
func (l *linkState) relocLDDW(r relocation, t target) {
	at := l.place[r.target] + r.offset
	if r.target.kind != kindText || at+2*insnSize > uint64(len(l.text)) || l.text[at] != opLDDW {
		l.relocError(r, "R_BPF_64_64 not on an lddw instruction")
		return
	}
	if !t.defined {
		l.relocError(r, "undefined symbol %s: data must be defined (const) in one of the linked objects", t.name)
		return
	}
	v := uint64(int64(t.addr) + r.addendOr(int64(int32(le.Uint32(l.text[at+4:])))))
	le.PutUint32(l.text[at+4:], uint32(v))
	le.PutUint32(l.text[at+12:], uint32(v>>32))
	if t.kind == kindText {
		l.lddwCodeRefs = append(l.lddwCodeRefs, int(at/insnSize))
	}
}

// relocCall turns `call sym` into an internal pc-relative call (defined
// function) or a static syscall (murmur3 hash of a known syscall name).
func (l *linkState) relocCall(r relocation, t target) {
	at := l.place[r.target] + r.offset
	if r.target.kind != kindText || l.text[at] != opCall {
		l.relocError(r, "R_BPF_64_32 not on a call instruction")
		return
	}
	pc := int(at / insnSize)
	ins := decode(l.text[at:])
	l.relocatedCalls[pc] = true
	if t.defined {
		if t.kind != kindText {
			l.relocError(r, "call of %s, which is not a function", t.name)
			return
		}
		// imm holds (addend/8 - 1) so that sym + (imm+1)*8 is the callee
		imm := int64(ins.imm)
		if r.hasAddend {
			imm = r.addend/insnSize - 1
		}
		callee := int64(t.addr-bytecodeVaddr)/insnSize + imm + 1
		ins.src, ins.imm = callInternal, int32(callee-int64(pc+1))
		ins.encode(l.text[at:])
		return
	}
	info, known := syscalls[t.name]
	switch {
	case !known:
		l.relocError(r, "call of undefined function %s, which is not a known Solana syscall (SBPF v3 deploys accept any hash, so it would fail only when executed)", t.name)
		return
	case info.availability == syscallNotDeployable:
		l.relocError(r, "syscall %s is not available for deployment: %s", t.name, info.note)
		return
	case info.availability == syscallFeatureGated && l.syscallUse[t.name] == 0:
		l.warnings = append(l.warnings, fmt.Sprintf("syscall %s is feature-gated (%s): calls fail at run time on a cluster where that feature is inactive", t.name, info.note))
	}
	l.syscallUse[t.name]++
	ins.src, ins.imm = callSyscall, int32(SyscallHash(t.name))
	ins.encode(l.text[at:])
}

// relocAbs64 stores a symbol's absolute address in a 64-bit data word
// (pointer tables, function-pointer tables). Unlike v0 there is no
// "address in the high half" quirk and no loader relocation.
func (l *linkState) relocAbs64(r relocation, t target) {
	if r.target.kind != kindRodata {
		l.relocError(r, "R_BPF_64_ABS64 in code")
		return
	}
	if !t.defined {
		l.relocError(r, "pointer to undefined symbol %s: data must be defined (const) in one of the linked objects", t.name)
		return
	}
	at := l.place[r.target] + r.offset
	if at+8 > uint64(len(l.rodata)) {
		l.relocError(r, "R_BPF_64_ABS64 past the end of the section")
		return
	}
	le.PutUint64(l.rodata[at:], uint64(int64(t.addr)+r.addendOr(int64(le.Uint64(l.rodata[at:])))))
	if t.kind == kindText {
		l.rodataCodeRefs = append(l.rodataCodeRefs, at)
	}
}

// relocAbs32 stores a 32-bit absolute address of read-only data.
func (l *linkState) relocAbs32(r relocation, t target) {
	if r.target.kind != kindRodata {
		l.relocError(r, "R_BPF_64_ABS32 in code")
		return
	}
	if !t.defined {
		l.relocError(r, "pointer to undefined symbol %s", t.name)
		return
	}
	if t.kind == kindText {
		l.relocError(r, "32-bit pointer to function %s: code addresses are above 4 GiB in SBPF v3", t.name)
		return
	}
	at := l.place[r.target] + r.offset
	if at+4 > uint64(len(l.rodata)) {
		l.relocError(r, "R_BPF_64_ABS32 past the end of the section")
		return
	}
	v := int64(t.addr) + r.addendOr(int64(int32(le.Uint32(l.rodata[at:]))))
	if v < 0 || v > 0xffffffff {
		l.relocError(r, "address of %s does not fit 32 bits", t.name)
		return
	}
	le.PutUint32(l.rodata[at:], uint32(v))
}
