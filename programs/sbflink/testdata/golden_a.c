/* Golden test program, part A: syscalls, internal calls (same object and
 * across objects), a function-pointer table and a string-pointer table in
 * rodata, lddw of rodata and of a code address. */
typedef unsigned long long u64;
typedef u64 (*fn)(u64);

extern void sol_log_(const char *, u64);
extern void sol_log_64_(u64, u64, u64, u64, u64);
extern const char greeting[]; /* golden_b.c */
extern const u64 greeting_len;
u64 helper(u64 x); /* golden_b.c */

__attribute__((noinline)) u64 twice(u64 x) { return x * 2; }
__attribute__((noinline)) u64 thrice(u64 x) { return x * 3; }

const fn table[2] = {twice, thrice};
const char *const words[2] = {"alpha", "beta"};

u64 entrypoint(const unsigned char *in) {
  volatile u64 sel = *(const u64 *)in;
  volatile fn picked = twice; /* lddw of a code address */
  sol_log_(greeting, greeting_len);
  sol_log_(words[sel & 1], 5);
  u64 r = table[sel & 1](7) + picked(9) + helper(sel);
  sol_log_64_(r, 0, 0, 0, 0);
  return 0;
}
