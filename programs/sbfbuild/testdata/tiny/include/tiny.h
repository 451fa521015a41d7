/* tiny.h: the little SDK of the sbfbuild test program */
#pragma once
typedef unsigned long long u64;
extern void sol_log_(const char *message, u64 len);
u64 tiny_answer(void);
