/* sol/types.h - base types shared by the program, the SDK and the generated IDL header.
 * Written for upstream clang -target bpfel (no Solana toolchain) and for the host build. */
#ifndef SOL_TYPES_H
#define SOL_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SOL_PUBKEY_LEN 32

/* 8-aligned so equality can be four u64 compares; every key in the program input
 * and in our account structs is 8-aligned (the generated header declares
 * misaligned keys as bytes instead). */
typedef struct {
  _Alignas(8) uint8_t x[SOL_PUBKEY_LEN];
} SolPubkey;

/* Borsh u128: 16 little-endian bytes = low u64 then high u64. BPF has no u128
 * multiply, so arithmetic on it is written by hand where needed. */
typedef struct {
  uint64_t lo;
  uint64_t hi;
} SolU128;

/* A byte slice as the syscalls take it (&[u8] in the Rust ABI). */
typedef struct {
  const uint8_t *addr;
  uint64_t len;
} SolBytes;

#endif
