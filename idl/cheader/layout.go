package cheader

import (
	"fmt"

	"github.com/solgrid/solgrid/idl"
)

// member is one field of a generated C struct, placed at its Borsh offset.
type member struct {
	Name   string
	Docs   []string
	CType  string // element type of the declaration ("uint64_t", "SolPubkey", "MarketParams")
	Dims   []int  // array dimensions, outermost first
	Offset int
	Size   int
}

// layout is a packed C struct that mirrors the Borsh encoding of one IDL struct.
type layout struct {
	Name    string
	Docs    []string
	Members []member
	Size    int
	Align   int // value of aligned(N); 1 means byte-aligned
}

// scalar describes how an IDL primitive maps to C.
type scalar struct {
	CType    string
	Size     int
	Align    int    // natural alignment wanted for word loads
	Fallback string // byte-array element type used where Align cannot be met
}

// Borsh primitives. bool is uint8_t because a C bool holding any byte other than
// 0/1 is undefined; u128 is SolU128 {lo, hi}, two little-endian u64, which is the
// same 16 bytes as Borsh's little-endian u128 and lets clang use two word loads.
var scalars = map[string]scalar{
	"u8": {"uint8_t", 1, 1, ""}, "i8": {"int8_t", 1, 1, ""}, "bool": {"uint8_t", 1, 1, ""},
	"u16": {"uint16_t", 2, 2, ""}, "i16": {"int16_t", 2, 2, ""},
	"u32": {"uint32_t", 4, 4, ""}, "i32": {"int32_t", 4, 4, ""},
	"u64": {"uint64_t", 8, 8, ""}, "i64": {"int64_t", 8, 8, ""},
	"u128": {"SolU128", 16, 8, "uint8_t"}, "i128": {"SolU128", 16, 8, "uint8_t"},
	"pubkey": {"SolPubkey", 32, 8, "uint8_t"},
}

// layouts computes the C layout of every IDL type, memoised by name.
type layouts struct {
	doc    *idl.IDL
	prefix map[string]bool // types that start with an 8-byte discriminator (accounts, events)
	done   map[string]*layout
	order  []*layout // dependencies before users
	busy   map[string]bool
}

func newLayouts(doc *idl.IDL) *layouts {
	l := &layouts{doc: doc, prefix: map[string]bool{}, done: map[string]*layout{}, busy: map[string]bool{}}
	for _, a := range doc.Accounts {
		l.prefix[a.Name] = true
	}
	for _, e := range doc.Events {
		l.prefix[e.Name] = true
	}
	return l
}

// get returns the layout of the named struct type, computing it (and its
// dependencies) on first use.
func (l *layouts) get(name string) (*layout, error) {
	if lay, ok := l.done[name]; ok {
		return lay, nil
	}
	if l.busy[name] {
		return nil, fmt.Errorf("type %s contains itself", name)
	}
	def := l.doc.Type(name)
	if def == nil {
		return nil, fmt.Errorf("type %s is not defined in the IDL", name)
	}
	if def.Type.Kind != "struct" {
		return nil, fmt.Errorf("type %s: kind %q has no struct layout", name, def.Type.Kind)
	}
	l.busy[name] = true
	defer delete(l.busy, name)
	var fields []idl.Field
	if l.prefix[name] {
		fields = append(fields, idl.Field{Name: "discriminator", Docs: []string{"Anchor discriminator; sizeof includes it."},
			Type: idl.Type{Array: &idl.ArrayType{Elem: idl.Type{Primitive: "u8"}, Len: 8}}})
	}
	fields = append(fields, def.Type.Fields...)
	lay, err := l.structOf(name, fields)
	if err != nil {
		return nil, err
	}
	lay.Docs = def.Docs
	l.done[name] = lay
	l.order = append(l.order, lay)
	return lay, nil
}

// structOf places fields back to back (Borsh has no padding) and then picks the
// largest alignment the placement allows.
func (l *layouts) structOf(name string, fields []idl.Field) (*layout, error) {
	lay := &layout{Name: name}
	wants := make([]int, len(fields))
	for i, f := range fields {
		if err := checkIdent(f.Name); err != nil {
			return nil, fmt.Errorf("type %s: %w", name, err)
		}
		size, align, err := l.sizeOf(f.Type)
		if err != nil {
			return nil, fmt.Errorf("type %s field %s: %w", name, f.Name, err)
		}
		lay.Members = append(lay.Members, member{Name: f.Name, Docs: f.Docs, Offset: lay.Size, Size: size})
		wants[i] = align
		lay.Size += size
	}
	lay.Align = bestAlign(lay, wants)
	for i, f := range fields {
		if err := l.declare(lay, &lay.Members[i], f.Type, wants[i]); err != nil {
			return nil, err
		}
	}
	return lay, nil
}

// bestAlign is the largest N in {8,4,2,1} such that sizeof is a multiple of N
// (so the aligned attribute adds no tail padding that Borsh lacks) and every
// member sits at a multiple of min(N, its natural alignment). Then clang can use
// word loads for every member of a struct at an N-aligned address (account data
// is 8-aligned in the program input).
func bestAlign(lay *layout, wants []int) int {
	for _, n := range []int{8, 4, 2} {
		if lay.Size%n != 0 {
			continue
		}
		ok := true
		for i, m := range lay.Members {
			w := wants[i]
			if w > n {
				w = n
			}
			if m.Offset%w != 0 {
				ok = false
				break
			}
		}
		if ok {
			return n
		}
	}
	return 1
}

// sizeOf returns the Borsh size of t and the alignment its C declaration wants.
func (l *layouts) sizeOf(t idl.Type) (size, align int, err error) {
	switch {
	case t.Array != nil:
		if t.Array.Len <= 0 {
			return 0, 0, fmt.Errorf("array length %d", t.Array.Len)
		}
		s, a, err := l.sizeOf(t.Array.Elem)
		return s * t.Array.Len, a, err
	case t.Defined != "":
		if l.prefix[t.Defined] {
			return 0, 0, fmt.Errorf("%s is an account or event and cannot be nested", t.Defined)
		}
		if def := l.doc.Type(t.Defined); def != nil && def.Type.Kind == "enum" {
			return 1, 1, nil
		}
		lay, err := l.get(t.Defined)
		if err != nil {
			return 0, 0, err
		}
		return lay.Size, lay.Align, nil
	default:
		s, ok := scalars[t.Primitive]
		if !ok {
			return 0, 0, fmt.Errorf("type %q is not fixed-size (only Borsh primitives, arrays and defined structs/enums)", t.Primitive)
		}
		return s.Size, s.Align, nil
	}
}

// declare fills in the C type of m. A member whose wanted alignment is not met
// at its offset is declared as bytes, so a typed pointer to it can never be
// misaligned; a nested struct in that position is an error because its own
// members would be read through a misaligned pointer.
func (l *layouts) declare(lay *layout, m *member, t idl.Type, want int) error {
	aligned := lay.Align >= want && m.Offset%want == 0
	for t.Array != nil {
		m.Dims = append(m.Dims, t.Array.Len)
		t = t.Array.Elem
	}
	switch {
	case t.Defined != "":
		if def := l.doc.Type(t.Defined); def != nil && def.Type.Kind == "enum" {
			m.CType = t.Defined
			return nil
		}
		if !aligned {
			return fmt.Errorf("type %s field %s: struct %s needs %d-byte alignment but sits at offset %d of a %d-aligned struct; reorder the fields",
				lay.Name, m.Name, t.Defined, want, m.Offset, lay.Align)
		}
		m.CType = t.Defined
	default:
		s := scalars[t.Primitive]
		m.CType = s.CType
		if !aligned && s.Fallback != "" {
			m.CType = s.Fallback
			m.Dims = append(m.Dims, s.Size)
		}
	}
	return nil
}
