/* cpu v4 sign-extending move. */
long long entrypoint(const long long *in) { return (long long)(signed char)in[0]; }
