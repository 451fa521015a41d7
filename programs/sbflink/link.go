package sbflink

import (
	"debug/elf"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Options controls Link.
type Options struct {
	// Entry is the entrypoint function; "entrypoint" when empty.
	Entry string
	// ALU32Fix accepts add32/sub32/mul32 (clang -mcpu=v3) and inserts a
	// zero-extending mov32 after each. Without it they are refused.
	ALU32Fix bool
	// Strip omits section headers and symbols (the loader ignores them).
	Strip bool

	// allowUnfixedALU32 lets add32/sub32/mul32 through unchanged, which
	// miscompiles; tests use it as the baseline the fix-up is compared to.
	allowUnfixedALU32 bool
}

// Program is a linked SBPF v3 program.
type Program struct {
	ELF      []byte
	Summary  Summary
	Warnings []string // e.g. feature-gated syscalls
}

// Summary describes a linked program.
type Summary struct {
	Instructions int // instruction slots (an lddw takes two)
	RodataSize   int // bytes in the read-only segment, including the reserved first 8
	EntryPC      int
	ALU32Fixes   int // mov32 instructions inserted by the ALU32 fix-up
	Syscalls     []SyscallUse
	ELFSize      int
}

// SyscallUse counts the call sites of one syscall.
type SyscallUse struct {
	Name  string
	Hash  uint32
	Calls int
}

func (s Summary) String() string {
	names := make([]string, len(s.Syscalls))
	for i, u := range s.Syscalls {
		names[i] = fmt.Sprintf("%s x%d", u.Name, u.Calls)
	}
	fix := ""
	if s.ALU32Fixes > 0 {
		fix = fmt.Sprintf(" (%d alu32 fixes)", s.ALU32Fixes)
	}
	return fmt.Sprintf("SBPF v3, %d bytes, %d insns%s, rodata %d bytes, entry pc %d, syscalls: %s",
		s.ELFSize, s.Instructions, fix, s.RodataSize, s.EntryPC, strings.Join(names, ", "))
}

// linkState is everything one Link call works on.
type linkState struct {
	opts    Options
	objects []*Object
	text    []byte // bytecode segment
	rodata  []byte // read-only data segment
	place   map[*inputSection]uint64
	// code sections in output order, for pc -> section lookups
	textSections []*inputSection
	globals      map[string]globalSymbol

	relocatedCalls map[int]bool // pcs of calls resolved from a relocation
	lddwCodeRefs   []int        // pcs of lddw loading a code address
	rodataCodeRefs []uint64     // rodata offsets of 64-bit code addresses
	lddwLow        []bool       // second slots of lddw
	alu32Sites     []int        // pcs of add32/sub32/mul32 to fix, ascending
	newPC          []int        // old -> new pc after the fix-up; nil without it
	syscallUse     map[string]int
	warnings       []string
	bad            refusals
}

// Link links objects into an SBPF v3 program. Every refusal found is
// reported in the returned error (one *LinkError per problem, joined).
func Link(objects []Object, opts Options) (*Program, error) {
	if len(objects) == 0 {
		return nil, errors.New("sbflink: no input objects")
	}
	if opts.Entry == "" {
		opts.Entry = "entrypoint"
	}
	l := &linkState{
		opts:           opts,
		place:          map[*inputSection]uint64{},
		globals:        map[string]globalSymbol{},
		relocatedCalls: map[int]bool{},
		syscallUse:     map[string]int{},
	}
	for i := range objects {
		l.objects = append(l.objects, &objects[i])
	}
	l.layout()
	if len(l.text) == 0 {
		return nil, errors.New("sbflink: the objects contain no code")
	}
	l.collectGlobals()
	l.relocate()
	entry, ok := l.globals[opts.Entry]
	if !ok || entry.sec == nil || entry.sec.kind != kindText {
		l.bad.addf("", "", "entry function %s is not defined", opts.Entry)
	}
	if err := l.bad.err(); err != nil {
		return nil, err
	}
	l.checkInstructions()
	if err := l.bad.err(); err != nil {
		return nil, err
	}
	l.fixALU32()
	if err := l.bad.err(); err != nil {
		return nil, err
	}
	entryPC := l.mapPC(int((l.place[entry.sec] + entry.value) / insnSize))
	var syms []outSymbol
	if !opts.Strip {
		syms = l.outputSymbols()
	}
	img := writeELF(l.rodata, l.text, bytecodeVaddr+uint64(entryPC)*insnSize, syms, opts.Strip)
	return &Program{ELF: img, Summary: l.summary(entryPC, len(img)), Warnings: l.warnings}, nil
}

func (l *linkState) summary(entryPC, size int) Summary {
	s := Summary{
		Instructions: len(l.text) / insnSize,
		RodataSize:   len(l.rodata),
		EntryPC:      entryPC,
		ALU32Fixes:   len(l.alu32Sites),
		ELFSize:      size,
	}
	for name, n := range l.syscallUse {
		s.Syscalls = append(s.Syscalls, SyscallUse{Name: name, Hash: SyscallHash(name), Calls: n})
	}
	sort.Slice(s.Syscalls, func(a, b int) bool { return s.Syscalls[a].Name < s.Syscalls[b].Name })
	return s
}

// outputSymbols lists the named functions and objects at their final
// addresses, for tools that read the output.
func (l *linkState) outputSymbols() []outSymbol {
	var syms []outSymbol
	for _, o := range l.objects {
		for _, sym := range o.symbols {
			t := elf.ST_TYPE(sym.Info)
			is := o.byIndex[int(sym.Section)]
			if (t != elf.STT_FUNC && t != elf.STT_OBJECT) || sym.Name == "" || is == nil || sym.Section >= elf.SHN_LORESERVE {
				continue
			}
			if g, ok := l.globals[sym.Name]; ok && elf.ST_BIND(sym.Info) != elf.STB_LOCAL && g.obj != o {
				continue // overridden weak definition
			}
			s := outSymbol{name: sym.Name, info: sym.Info, segment: is.kind, value: l.vaddr(is, sym.Value), size: sym.Size}
			if is.kind == kindText {
				start := int((l.place[is] + sym.Value) / insnSize)
				end := int((l.place[is] + sym.Value + sym.Size) / insnSize)
				s.value = bytecodeVaddr + uint64(l.mapPC(start))*insnSize
				s.size = uint64(l.mapPC(end)-l.mapPC(start)) * insnSize
			}
			syms = append(syms, s)
		}
	}
	return syms
}
