/* a feature-gated syscall links with a warning */
extern unsigned long long sol_remaining_compute_units(void);
unsigned long long entrypoint(const unsigned char *in) {
  (void)in;
  return sol_remaining_compute_units();
}
