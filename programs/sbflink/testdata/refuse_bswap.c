/* cpu v4 bswap (cpu v2 uses the be64 encoding, which SBPF has). */
unsigned long long entrypoint(const unsigned long long *in) { return __builtin_bswap64(in[0]); }
