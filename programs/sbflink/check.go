package sbflink

import "fmt"

// checkInstructions enforces the SBPF v3 instruction set and the verifier's
// rules on the linked code, after relocation. It refuses eBPF v4
// instructions (which the SBPF verifier partly accepts and then runs with
// other semantics) and, without the ALU32 fix-up, add32/sub32/mul32.
func (l *linkState) checkInstructions() {
	n := len(l.text) / insnSize
	lddwLow := make([]bool, n) // second slot of an lddw: no jump may land there
	for pc := 0; pc < n; pc++ {
		if l.text[pc*insnSize] == opLDDW {
			if pc+1 >= n || l.text[(pc+1)*insnSize] != 0 {
				l.insnError(pc, "lddw without its second slot")
				continue
			}
			lddwLow[pc+1] = true
			pc++
		}
	}
	l.lddwLow = lddwLow
	for pc := 0; pc < n; pc++ {
		if lddwLow[pc] {
			continue
		}
		ins := decode(l.text[pc*insnSize:])
		if reason := opcodeProblem(ins); reason != "" {
			l.insnError(pc, "%s (bytes % x)", reason, l.text[pc*insnSize:pc*insnSize+insnSize])
			continue
		}
		if reason := registerProblem(ins); reason != "" {
			l.insnError(pc, "%s", reason)
			continue
		}
		switch {
		case ins.isJump():
			l.checkTarget(pc, pc+1+int(ins.off), "jump", true)
		case ins.op == opCall:
			l.checkCall(pc, ins)
		case ins.isSignExtendingALU32():
			switch {
			case l.opts.ALU32Fix:
				l.alu32Sites = append(l.alu32Sites, pc)
			case !l.opts.allowUnfixedALU32:
				l.insnError(pc, "%s sign-extends its result in SBPF v3 but LLVM assumes zero-extension (ALU32 code from clang -mcpu=v3): compile with -mcpu=v2 or link with -alu32fix", ins.mnemonicALU32())
			}
		}
	}
}

// checkTarget refuses a jump or call into nowhere, into the middle of an
// lddw, or (for code the compiler resolved itself) out of its own section.
func (l *linkState) checkTarget(pc, to int, what string, sameSection bool) {
	switch {
	case to < 0 || to >= len(l.lddwLow):
		l.insnError(pc, "%s target %d is outside the program", what, to)
	case l.lddwLow[to]:
		l.insnError(pc, "%s into the middle of an lddw", what)
	case sameSection && l.sectionAtPC(to) != l.sectionAtPC(pc):
		l.insnError(pc, "%s leaves its section", what)
	}
}

func (l *linkState) checkCall(pc int, ins insn) {
	switch {
	case ins.src == callInternal && ins.imm == -1:
		l.insnError(pc, "internal call to itself (imm -1)")
	case ins.src == callInternal:
		l.checkTarget(pc, pc+1+int(ins.imm), "call", !l.relocatedCalls[pc])
	case ins.src == callSyscall && l.relocatedCalls[pc]:
	case ins.src == callSyscall:
		l.insnError(pc, "call of kernel BPF helper #%d: only Solana syscalls exist", ins.imm)
	default:
		l.insnError(pc, "call with src=%d (kfunc?) is not supported", ins.src)
	}
}

// opcodeProblem returns why an opcode is not valid SBPF v3, or "".
func opcodeProblem(i insn) string {
	switch i.class() {
	case classLD:
		if i.op != opLDDW {
			return "legacy packet load (ld abs/ind) is not part of SBPF"
		}
		if i.src != 0 {
			return fmt.Sprintf("lddw with src=%d (kernel map/BTF pseudo load) is not supported", i.src)
		}
	case classLDX:
		switch i.op & 0xe0 {
		case 0x60: // BPF_MEM
		case 0x80:
			return "sign-extending load (ldsx) is an eBPF v4 instruction, not part of SBPF v3"
		default:
			return "unknown load instruction"
		}
	case classST, classSTX:
		switch i.op & 0xe0 {
		case 0x60:
		case 0xc0:
			return "atomic instruction (BPF_ATOMIC) is not part of SBPF; programs run single-threaded, so use plain loads and stores"
		default:
			return "unknown store instruction"
		}
	case classALU32, classALU64:
		return aluProblem(i)
	case classJMP:
		if i.op != opCall && i.op != opCallX && i.op != opExit && !i.isJump() {
			return "unknown jump instruction"
		}
		if i.op == opCallX && (i.src != 0 || i.imm != 0) {
			return "callx must name its register in dst"
		}
	case classJMP32:
		if i.op == opJA32 {
			return "gotol (ja with a 32-bit offset) is an eBPF v4 instruction, not part of SBPF v3"
		}
		if !i.isJump() {
			return "unknown JMP32 instruction"
		}
	}
	return ""
}

func aluProblem(i insn) string {
	alu32 := i.class() == classALU32
	bitsWide := int32(64)
	if alu32 {
		bitsWide = 32
	}
	immSource := i.op&0x08 == 0
	switch i.op & 0xf0 {
	case 0x00, 0x10, 0x20, 0x40, 0x50, 0xa0: // add sub mul or and xor
	case 0x30, 0x90: // div mod
		if i.off != 0 {
			return "signed division/modulo (sdiv/smod) is an eBPF v4 instruction: SBPF v3 would run it as unsigned; use unsigned types"
		}
		if immSource && i.imm == 0 {
			return "division by constant zero"
		}
	case 0x60, 0x70, 0xc0: // lsh rsh arsh
		if immSource && (i.imm < 0 || i.imm >= bitsWide) {
			return fmt.Sprintf("shift by %d is out of range", i.imm)
		}
	case 0x80: // neg
		if !immSource {
			return "unknown neg encoding"
		}
	case 0xb0: // mov
		if i.off != 0 {
			return "sign-extending move (movsx) is an eBPF v4 instruction, not part of SBPF v3"
		}
	case 0xd0: // le/be; ALU64 class is bswap
		if !alu32 {
			return "bswap is an eBPF v4 instruction, not part of SBPF v3"
		}
		if i.imm != 16 && i.imm != 32 && i.imm != 64 {
			return fmt.Sprintf("byte swap of width %d", i.imm)
		}
	default:
		return "unknown ALU instruction"
	}
	return ""
}

// registerProblem mirrors the SBPF verifier's check_registers: r11+ do not
// exist and r10 (frame pointer) may only be the base of a store.
func registerProblem(i insn) string {
	if i.src > 10 {
		return fmt.Sprintf("invalid source register r%d", i.src)
	}
	switch {
	case i.dst > 10:
		return fmt.Sprintf("invalid destination register r%d", i.dst)
	case i.dst == 10 && i.class() != classST && i.class() != classSTX:
		return "writes r10 (the frame pointer), which the SBPF verifier rejects"
	}
	return ""
}
