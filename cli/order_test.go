package main

import "testing"

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
