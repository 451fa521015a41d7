package book

import (
	"fmt"
	"strconv"
)

// Helpers reading a Lua script's array reply, whose elements are strings or integers.

func str(res []any, i int) string {
	if i >= len(res) || res[i] == nil {
		return ""
	}
	switch v := res[i].(type) {
	case string:
		return v
	case int64:
		return strconv.FormatInt(v, 10)
	default:
		return fmt.Sprint(v)
	}
}

func num(res []any, i int) int64 {
	if i >= len(res) {
		return 0
	}
	switch v := res[i].(type) {
	case int64:
		return v
	case string:
		n, _ := strconv.ParseInt(v, 10, 64)
		return n
	}
	return 0
}

// hexPrice is the 16-digit form prices take in Redis, where Lua compares them as strings.
func hexPrice(p uint64) string { return fmt.Sprintf("%016x", p) }

func parseHexPrice(s string) (uint64, error) {
	p, err := strconv.ParseUint(s, 16, 64)
	if err != nil {
		return 0, fmt.Errorf("price %q in the book: %w", s, err)
	}
	return p, nil
}
