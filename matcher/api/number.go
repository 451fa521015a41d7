package api

import (
	"bytes"
	"errors"
	"strconv"
)

// Num is an unsigned integer in JSON, written as a number or a decimal string (u64
// values above 2^53 do not survive JavaScript numbers). It keeps the literal so the
// width check happens per field, giving "overflow" rather than a generic JSON error.
type Num string

func (n *Num) UnmarshalJSON(b []byte) error {
	b = bytes.Trim(b, `"`)
	if len(b) == 0 {
		return errors.New("empty number")
	}
	*n = Num(b)
	return nil
}

// parse reads the literal as an unsigned integer of the given width.
func (n Num) parse(field string, bitSize int) (uint64, *Error) {
	if n == "" {
		return 0, nil
	}
	v, err := strconv.ParseUint(string(n), 10, bitSize)
	if errors.Is(err, strconv.ErrRange) {
		return 0, badRequest(CodeOverflow, "%s %s does not fit in %d bits", field, n, bitSize)
	}
	if err != nil {
		return 0, badRequest(CodeInvalidField, "%s %q is not an unsigned integer", field, string(n))
	}
	return v, nil
}

// parseInt reads the literal as a signed 64-bit integer (timestamps).
func (n Num) parseInt(field string) (int64, *Error) {
	v, err := strconv.ParseInt(string(n), 10, 64)
	if errors.Is(err, strconv.ErrRange) {
		return 0, badRequest(CodeOverflow, "%s %s does not fit in 64 bits", field, n)
	}
	if err != nil {
		return 0, badRequest(CodeInvalidField, "%s %q is not an integer", field, string(n))
	}
	return v, nil
}

func numOf(v uint64) Num { return Num(strconv.FormatUint(v, 10)) }
