package main

import "testing"

func TestMaxFeeBpsDefaultsToTheMarketsFee(t *testing.T) {
	if got, err := maxFeeBps(false, 0, 250); err != nil || got != 250 {
		t.Errorf("default: %d %v, want the market's 250", got, err)
	}
	for _, v := range []uint{0, 100, 10_000} {
		if got, err := maxFeeBps(true, v, 250); err != nil || uint(got) != v {
			t.Errorf("--max-fee-bps %d: %d %v", v, got, err)
		}
	}
	for _, v := range []uint{10_001, 65_536 + 100} { // the second would wrap to 100 as a u16
		if _, err := maxFeeBps(true, v, 250); err == nil {
			t.Errorf("--max-fee-bps %d accepted", v)
		}
	}
}

func TestParseHours(t *testing.T) {
	for in, want := range map[string][2]uint32{"3": {3, 3}, "1-24": {1, 24}, " 2 - 8 ": {2, 8}} {
		lo, hi, err := parseHours(in)
		if err != nil || lo != want[0] || hi != want[1] {
			t.Errorf("%q: %d-%d %v", in, lo, hi, err)
		}
	}
	for _, bad := range []string{"", "0", "5-4", "a-b", "1-", "-3", "99999999999"} {
		if _, _, err := parseHours(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
