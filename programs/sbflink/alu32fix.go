package sbflink

import "fmt"

// fixALU32 makes clang's ALU32 code (-mcpu=v3) correct on SBPF v3: it
// inserts `mov32 dst, dst` (which zero-extends in v3) after every
// add32/sub32/mul32 (which sign-extend), then moves every jump offset,
// internal call, lddw of a code address and code pointer in rodata to the
// shifted instruction positions.
func (l *linkState) fixALU32() {
	if len(l.alu32Sites) == 0 {
		return
	}
	n := len(l.text) / insnSize
	l.newPC = make([]int, n+1) // old pc -> new pc; newPC[n] is the end
	inserted := 0
	for pc, next := 0, 0; pc <= n; pc++ {
		l.newPC[pc] = pc + inserted
		if next < len(l.alu32Sites) && l.alu32Sites[next] == pc {
			inserted++
			next++
		}
	}
	out := make([]byte, 0, len(l.text)+insnSize*inserted)
	next := 0
	for pc := 0; pc < n; pc++ {
		slot := l.text[pc*insnSize : (pc+1)*insnSize]
		if l.lddwLow[pc] {
			out = append(out, slot...)
			continue
		}
		ins := decode(slot)
		switch {
		case ins.isJump():
			off := l.newPC[pc+1+int(ins.off)] - (l.newPC[pc] + 1)
			if off < -32768 || off > 32767 {
				l.insnError(pc, "jump offset %d no longer fits 16 bits after the ALU32 fix-up", off)
			}
			ins.off = int16(off)
		case ins.op == opCall && ins.src == callInternal:
			ins.imm = int32(l.newPC[pc+1+int(ins.imm)] - (l.newPC[pc] + 1))
		}
		var b [insnSize]byte
		ins.encode(b[:])
		out = append(out, b[:]...)
		if next < len(l.alu32Sites) && l.alu32Sites[next] == pc {
			next++
			insn{op: opMov32R, dst: ins.dst, src: ins.dst}.encode(b[:])
			out = append(out, b[:]...)
		}
	}
	l.text = out
	for _, pc := range l.lddwCodeRefs {
		at := l.newPC[pc] * insnSize
		v, err := l.movedCodeAddr(uint64(le.Uint32(out[at+4:])) | uint64(le.Uint32(out[at+12:]))<<32)
		if err != nil {
			l.insnError(pc, "lddw of a code address: %v", err)
			continue
		}
		le.PutUint32(out[at+4:], uint32(v))
		le.PutUint32(out[at+12:], uint32(v>>32))
	}
	for _, at := range l.rodataCodeRefs {
		v, err := l.movedCodeAddr(le.Uint64(l.rodata[at:]))
		if err != nil {
			l.bad.addf("", ".rodata", "offset %#x: %v", at, err)
			continue
		}
		le.PutUint64(l.rodata[at:], v)
	}
}

// movedCodeAddr maps a code address from before the fix-up to after it.
func (l *linkState) movedCodeAddr(v uint64) (uint64, error) {
	n := uint64(len(l.newPC) - 1)
	if v < bytecodeVaddr || v > bytecodeVaddr+n*insnSize || (v-bytecodeVaddr)%insnSize != 0 {
		return 0, fmt.Errorf("code pointer %#x does not point at an instruction", v)
	}
	return bytecodeVaddr + uint64(l.newPC[(v-bytecodeVaddr)/insnSize])*insnSize, nil
}

// mapPC gives the final position of an instruction (identity without fix-up).
func (l *linkState) mapPC(pc int) int {
	if l.newPC == nil {
		return pc
	}
	return l.newPC[pc]
}
