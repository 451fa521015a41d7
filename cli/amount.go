package main

import (
	"fmt"
	"math/big"
	"strings"
)

// usd formats micro-USD as dollars with cents, keeping sub-cent digits only when present.
func usd(micro uint64) string {
	whole, frac := micro/1_000_000, micro%1_000_000
	s := fmt.Sprintf("$%s.%06d", groupThousands(whole), frac)
	for strings.HasSuffix(s, "0") && len(s)-strings.IndexByte(s, '.') > 3 {
		s = s[:len(s)-1]
	}
	return s
}

// tokens formats base units of a mint with the given decimals and a unit name.
func tokens(base uint64, decimals uint8, unit string) string {
	if decimals == 0 {
		return groupThousands(base) + " " + unit
	}
	div := uint64(1)
	for i := uint8(0); i < decimals; i++ {
		div *= 10
	}
	frac := strings.TrimRight(fmt.Sprintf("%0*d", int(decimals), base%div), "0")
	if frac == "" {
		return groupThousands(base/div) + " " + unit
	}
	return groupThousands(base/div) + "." + frac + " " + unit
}

func bps(v uint16) string { return fmt.Sprintf("%d.%02d%% (%d bps)", v/100, v%100, v) }

func groupThousands(v uint64) string {
	s := fmt.Sprint(v)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// parseAmount reads a decimal amount of whole units ("12.5") as base units of a
// mint with the given decimals, refusing more precision than the mint has and
// anything that does not fit a u64.
func parseAmount(s string, decimals uint8) (uint64, error) {
	r, ok := new(big.Rat).SetString(strings.TrimSpace(s))
	if !ok || r.Sign() <= 0 {
		return 0, fmt.Errorf("amount %q: want a positive number such as 12.5", s)
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)
	r.Mul(r, new(big.Rat).SetInt(scale))
	if !r.IsInt() {
		return 0, fmt.Errorf("amount %q has more than %d decimal places", s, decimals)
	}
	if !r.Num().IsUint64() {
		return 0, fmt.Errorf("amount %q is too large", s)
	}
	return r.Num().Uint64(), nil
}
