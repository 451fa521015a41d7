package sbflink

import "testing"

func TestSyscallHashKnownValues(t *testing.T) {
	for name, want := range map[string]uint32{
		"abort":    0xb6fc1a11, // SIMD-0178's example: call abort = 85 00 00 00 11 1a fc b6
		"sol_log_": 0x207559bd,
	} {
		if got := SyscallHash(name); got != want {
			t.Errorf("SyscallHash(%q) = %#08x, want %#08x", name, got, want)
		}
	}
}

func TestMurmur3ReferenceVectors(t *testing.T) {
	// MurmurHash3_x86_32 reference outputs (SMHasher), covering every tail length.
	for _, c := range []struct {
		in   string
		seed uint32
		want uint32
	}{
		{"", 0, 0},
		{"", 1, 0x514e28b7},
		{"a", 0, 0x3c2569b2},
		{"ab", 0, 0x9bbfd75f},
		{"abc", 0, 0xb3dd93fa},
		{"abcd", 0, 0x43ed676a},
		{"hello", 0, 0x248bfa47},
	} {
		if got := murmur3_32([]byte(c.in), c.seed); got != c.want {
			t.Errorf("murmur3_32(%q, %d) = %#08x, want %#08x", c.in, c.seed, got, c.want)
		}
	}
}
