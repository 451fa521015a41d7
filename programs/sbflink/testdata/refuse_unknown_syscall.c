/* a typo in a syscall name would only fail when executed */
extern void sol_log_typo(const char *, unsigned long long);
unsigned long long entrypoint(const unsigned char *in) {
  (void)in;
  sol_log_typo("hi", 2);
  return 0;
}
