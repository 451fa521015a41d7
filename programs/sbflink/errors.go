package sbflink

import (
	"errors"
	"fmt"
	"strings"
)

// LinkError is one reason the linker refused its input. It names where the
// problem is as precisely as it is known: object, section, function and the
// instruction index inside that function (or section).
type LinkError struct {
	Object   string // input object name; "" for whole-program problems
	Section  string // input section name, if known
	Function string // enclosing function symbol, if known
	Insn     int    // instruction index in Function (else in Section); -1 when not about an instruction
	Reason   string
}

func (e *LinkError) Error() string {
	var b strings.Builder
	b.WriteString("sbflink: ")
	if e.Object != "" {
		b.WriteString(e.Object)
		b.WriteString(": ")
	}
	switch {
	case e.Function != "" && e.Insn >= 0:
		fmt.Fprintf(&b, "function %s, insn %d: ", e.Function, e.Insn)
	case e.Function != "":
		fmt.Fprintf(&b, "function %s: ", e.Function)
	case e.Section != "" && e.Insn >= 0:
		fmt.Fprintf(&b, "section %s, insn %d: ", e.Section, e.Insn)
	case e.Section != "":
		fmt.Fprintf(&b, "section %s: ", e.Section)
	}
	b.WriteString(e.Reason)
	return b.String()
}

// maxReported bounds how many refusals one run reports, so a badly wrong
// input (say, a whole file compiled for cpu v4) stays readable.
const maxReported = 50

// refusals collects every problem found in one pass so the user sees them
// all at once instead of fixing them one link at a time.
type refusals struct {
	list    []error
	dropped int
}

func (r *refusals) add(e *LinkError) {
	if len(r.list) >= maxReported {
		r.dropped++
		return
	}
	r.list = append(r.list, e)
}

func (r *refusals) addf(obj, section string, format string, args ...any) {
	r.add(&LinkError{Object: obj, Section: section, Insn: -1, Reason: fmt.Sprintf(format, args...)})
}

func (r *refusals) err() error {
	if len(r.list) == 0 {
		return nil
	}
	if r.dropped > 0 {
		return errors.Join(append(r.list, fmt.Errorf("sbflink: %d more problems not shown", r.dropped))...)
	}
	return errors.Join(r.list...)
}
