/* with -fcommon a tentative definition becomes a COMMON symbol */
long tally;
long entrypoint(const unsigned char *in) { (void)in; return ++tally; }
