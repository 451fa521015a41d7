package sbflink

import (
	"debug/elf"
	"fmt"
)

// globalSymbol is a global or weak definition visible to every object.
type globalSymbol struct {
	obj   *Object
	sec   *inputSection // nil for absolute symbols
	value uint64
	weak  bool
}

// collectGlobals builds the program-wide symbol table. Two strong
// definitions of one name are refused; a strong one overrides a weak one.
func (l *linkState) collectGlobals() {
	for _, o := range l.objects {
		for _, sym := range o.symbols {
			bind := elf.ST_BIND(sym.Info)
			if (bind != elf.STB_GLOBAL && bind != elf.STB_WEAK) || sym.Section == elf.SHN_UNDEF {
				continue
			}
			g := globalSymbol{obj: o, value: sym.Value, weak: bind == elf.STB_WEAK}
			if sym.Section != elf.SHN_ABS {
				g.sec = o.byIndex[int(sym.Section)]
				if g.sec == nil {
					continue // defined in a section we do not load (refused earlier if writable)
				}
			}
			prev, dup := l.globals[sym.Name]
			switch {
			case !dup || (prev.weak && !g.weak):
				l.globals[sym.Name] = g
			case !prev.weak && !g.weak:
				l.bad.addf(o.Name, "", "symbol %s is also defined in %s", sym.Name, prev.obj.Name)
			}
		}
	}
}

// target is what a relocation's symbol resolves to.
type target struct {
	name    string
	defined bool
	kind    sectionKind // 0 for absolute symbols
	addr    uint64      // virtual address (or absolute value)
}

// resolve looks up symbol idx of object o: its own definition if it has
// one, else the program-wide global of that name.
func (l *linkState) resolve(o *Object, idx uint32) (target, error) {
	sym, ok := o.symbol(idx)
	if !ok {
		return target{}, fmt.Errorf("bad symbol index %d", idx)
	}
	t := target{name: sym.Name}
	switch {
	case sym.Section == elf.SHN_UNDEF:
		g, ok := l.globals[sym.Name]
		if !ok {
			return t, nil
		}
		t.defined = true
		if g.sec == nil {
			t.addr = g.value
			return t, nil
		}
		t.kind, t.addr = g.sec.kind, l.vaddr(g.sec, g.value)
		return t, nil
	case sym.Section == elf.SHN_ABS:
		t.defined, t.addr = true, sym.Value
		return t, nil
	}
	is := o.byIndex[int(sym.Section)]
	if is == nil {
		name := "?"
		if int(sym.Section) < len(o.secNames) {
			name = o.secNames[sym.Section]
		}
		return t, fmt.Errorf("symbol %q is in section %s, which is not loaded", sym.Name, name)
	}
	if t.name == "" {
		t.name = is.name // section symbol
	}
	t.defined, t.kind, t.addr = true, is.kind, l.vaddr(is, sym.Value)
	return t, nil
}
