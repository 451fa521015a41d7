/* cpu v4 sign-extending load. */
long long entrypoint(const signed char *in) { return in[3]; }
