/* ALU32 code (compiled with -mcpu=v3): add32/sub32/mul32 interleaved with
 * forward and backward jumps, internal calls, a function-pointer table in
 * rodata and an lddw of a code address, so that the fix-up has to move
 * every kind of code reference. */
typedef unsigned long long u64;
typedef unsigned int u32;
typedef u64 (*fn)(u32, u32);

extern void sol_log_64_(u64, u64, u64, u64, u64);

__attribute__((noinline)) u64 add32(u32 a, u32 b) { return (u64)(a + b); }
__attribute__((noinline)) u64 sub32(u32 a, u32 b) { return (u64)(a - b); }
__attribute__((noinline)) u64 mul32(u32 a, u32 b) { return (u64)(a * b); }

__attribute__((noinline)) u64 loop32(u32 n) {
  u32 acc = 0;
  for (u32 i = 0; i < n; i++) {
    if (i & 1)
      acc += i * 3u;
    else
      acc -= i;
  }
  return acc;
}

const fn ops[3] = {add32, sub32, mul32};

u64 entrypoint(const unsigned char *in) {
  volatile u32 x = 0x80000000u, y = 0x10, k = *(const u32 *)in;
  volatile fn picked = mul32;
  u64 r = ops[k % 3](x, y) + picked(x, 3) + loop32(k);
  sol_log_64_(add32(x, y), sub32(3, 6), mul32(0x7fffffffu, 3), r, 0);
  return 0;
}
