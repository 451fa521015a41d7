package main

import "testing"

func TestAmountsAreFormattedForPeople(t *testing.T) {
	cases := map[string]string{
		usd(0):                          "$0.00",
		usd(1_500_000):                  "$1.50",
		usd(2_500_001):                  "$2.500001",
		usd(1_234_567_890_000):          "$1,234,567.89",
		tokens(1_500_000, 6, "SGT"):     "1.5 SGT",
		tokens(7, 0, "GPU"):             "7 GPU",
		tokens(1_000_000_000, 9, "SOL"): "1 SOL",
		bps(250):                        "2.50% (250 bps)",
	}
	for got, want := range cases {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestParseAmountIsExact(t *testing.T) {
	if v, err := parseAmount("12.5", 6); err != nil || v != 12_500_000 {
		t.Errorf("12.5 = %d, %v", v, err)
	}
	if v, err := parseAmount("0.000001", 6); err != nil || v != 1 {
		t.Errorf("0.000001 = %d, %v", v, err)
	}
	for _, bad := range []string{"", "-1", "0", "abc", "1.0000001", "18446744073709.551616"} {
		if _, err := parseAmount(bad, 6); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
