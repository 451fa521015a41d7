package sbflink

import "math/bits"

// murmur3_32 is MurmurHash3 x86_32. With seed 0 it is the key under which
// the SBPF loader registers a syscall, and thus the imm of `call` in v3
// (SIMD-0178).
func murmur3_32(data []byte, seed uint32) uint32 {
	const c1, c2 = 0xcc9e2d51, 0x1b873593
	scramble := func(k uint32) uint32 {
		k *= c1
		k = bits.RotateLeft32(k, 15)
		return k * c2
	}
	h := seed
	n := len(data)
	for i := 0; i+4 <= n; i += 4 {
		h ^= scramble(le.Uint32(data[i:]))
		h = bits.RotateLeft32(h, 13)
		h = h*5 + 0xe6546b64
	}
	var k uint32
	tail := data[n&^3:]
	for i := len(tail) - 1; i >= 0; i-- {
		k = k<<8 | uint32(tail[i])
	}
	if len(tail) > 0 {
		h ^= scramble(k)
	}
	h ^= uint32(n)
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h
}

// SyscallHash is the `call` immediate of syscall name in SBPF v3.
func SyscallHash(name string) uint32 { return murmur3_32([]byte(name), 0) }
