/* Golden test program, part B: data and a function used by part A. */
typedef unsigned long long u64;

const char greeting[] = "hello from golden_b";
const u64 greeting_len = sizeof greeting - 1;

__attribute__((noinline)) static u64 mix(u64 x) { return x ^ 0xff; }
__attribute__((noinline)) u64 helper(u64 x) { return mix(x) + 1000; }
