package sbflink

const insnSize = 8

// Instruction classes (low 3 bits of the opcode).
const (
	classLD    = 0x00
	classLDX   = 0x01
	classST    = 0x02
	classSTX   = 0x03
	classALU32 = 0x04
	classJMP   = 0x05
	classJMP32 = 0x06
	classALU64 = 0x07
)

// Opcodes the linker treats specially.
const (
	opLDDW   = 0x18
	opCall   = 0x85
	opCallX  = 0x8d
	opExit   = 0x95
	opJA     = 0x05
	opJA32   = 0x06 // gotol: eBPF v4
	opAdd32  = 0x04 // imm; 0x0c reg
	opSub32  = 0x14 // imm; 0x1c reg
	opMul32  = 0x24 // imm; 0x2c reg
	opMov32R = 0xbc
	opBswap  = 0xd7 // eBPF v4
)

// Call src values.
const (
	callSyscall  = 0 // SBPF v3: static syscall, imm = murmur3 hash
	callInternal = 1 // BPF_PSEUDO_CALL: pc-relative
)

// insn is one decoded 8-byte instruction slot.
type insn struct {
	op       uint8
	dst, src uint8
	off      int16
	imm      int32
}

func decode(b []byte) insn {
	return insn{op: b[0], dst: b[1] & 0x0f, src: b[1] >> 4, off: int16(le.Uint16(b[2:])), imm: int32(le.Uint32(b[4:]))}
}

func (i insn) encode(b []byte) {
	b[0] = i.op
	b[1] = i.src<<4 | i.dst&0x0f
	le.PutUint16(b[2:], uint16(i.off))
	le.PutUint32(b[4:], uint32(i.imm))
}

func (i insn) class() uint8 { return i.op & 0x07 }

// isJump reports whether the instruction is ja or a conditional jump (JMP
// or JMP32 class) with a 16-bit pc-relative offset.
func (i insn) isJump() bool {
	switch i.class() {
	case classJMP:
		if i.op&0xf0 == 0x00 && i.op != opJA {
			return false // ja has no register form
		}
		return i.op != opCall && i.op != opCallX && i.op != opExit && jumpOps[i.op&0xf0]
	case classJMP32:
		return i.op != opJA32 && jumpOps[i.op&0xf0] && i.op&0xf0 != 0x00
	}
	return false
}

// jumpOps are the JMP operation codes (high nibble) with a target:
// ja jeq jgt jge jset jne jsgt jsge jlt jle jslt jsle.
var jumpOps = map[uint8]bool{
	0x00: true, 0x10: true, 0x20: true, 0x30: true, 0x40: true, 0x50: true,
	0x60: true, 0x70: true, 0xa0: true, 0xb0: true, 0xc0: true, 0xd0: true,
}

// isSignExtendingALU32 reports add32/sub32/mul32: the ALU32 operations
// that sign-extend into the upper half in SBPF but zero-extend in eBPF.
func (i insn) isSignExtendingALU32() bool {
	switch i.op {
	case opAdd32, opAdd32 | 0x08, opSub32, opSub32 | 0x08, opMul32, opMul32 | 0x08:
		return true
	}
	return false
}

func (i insn) mnemonicALU32() string {
	switch i.op &^ 0x08 {
	case opAdd32:
		return "add32"
	case opSub32:
		return "sub32"
	}
	return "mul32"
}
