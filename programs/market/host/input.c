/* input.c - builds the exact "aligned" input the loader (v2/v3) hands to the
 * entrypoint, runs the program on it, and reads the accounts back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "program.h"
#include "sol/entrypoint.h"

#define ALIGN8(x) (((x) + 7) & ~(size_t)7)

static size_t record_len(const HostAccount *a) {
  if (a->dup_of >= 0)
    return 8;
  return ALIGN8(SOL_ACCOUNT_HEADER_LEN + a->data_len + SOL_MAX_PERMITTED_DATA_INCREASE) + 8;
}

static uint8_t *put(uint8_t *p, const void *v, size_t n) {
  if (n != 0) /* memcpy from NULL is UB even for 0 bytes */
    memcpy(p, v, n);
  return p + n;
}

static uint8_t *put_account(uint8_t *p, const HostAccount *a) {
  uint8_t *start = p;
  uint64_t rent_epoch = UINT64_MAX;
  uint32_t pad = 0;
  if (a->dup_of >= 0) {
    memset(p, 0, 8);
    p[0] = (uint8_t)a->dup_of;
    return p + 8;
  }
  *p++ = SOL_NON_DUP_MARKER;
  *p++ = a->is_signer;
  *p++ = a->is_writable;
  *p++ = a->executable;
  p = put(p, &pad, 4);
  p = put(p, &a->key, 32);
  p = put(p, &a->owner, 32);
  p = put(p, &a->lamports, 8);
  p = put(p, &a->data_len, 8);
  p = put(p, a->data, a->data_len);
  memset(p, 0, SOL_MAX_PERMITTED_DATA_INCREASE);
  p = start + ALIGN8((size_t)(p - start) + SOL_MAX_PERMITTED_DATA_INCREASE);
  return put(p, &rent_epoch, 8);
}

uint8_t *host_serialize(const HostAccount *a, uint64_t n, const uint8_t *ix, uint64_t ix_len,
                        const SolPubkey *program_id, size_t *len) {
  size_t size = 8 + 8 + ix_len + 32;
  for (uint64_t i = 0; i < n; i++)
    size += record_len(&a[i]);
  size_t cap = (size + 16) & ~(size_t)15; /* aligned_alloc wants a multiple of the alignment */
  uint8_t *buf = aligned_alloc(16, cap), *p = buf;
  memset(buf, 0xcc, cap); /* junk in padding must not matter */
  p = put(p, &n, 8);
  for (uint64_t i = 0; i < n; i++)
    p = put_account(p, &a[i]);
  p = put(p, &ix_len, 8);
  p = put(p, ix, ix_len);
  p = put(p, program_id, 32);
  *len = (size_t)(p - buf);
  return buf;
}

void host_read_back(HostAccount *a, uint64_t n, const uint8_t *input) {
  const uint8_t *p = input + 8;
  for (uint64_t i = 0; i < n; i++) {
    const uint8_t *start = p;
    uint64_t old_len = a[i].data_len;
    if (p[0] != SOL_NON_DUP_MARKER) {
      p += 8;
      continue;
    }
    memcpy(&a[i].owner, p + 40, 32);
    memcpy(&a[i].lamports, p + 72, 8);
    memcpy(&a[i].data_len, p + 80, 8);
    if (a[i].data_len > HOST_MAX_DATA)
      abort(); /* the host CPI never grows an account past HOST_MAX_DATA */
    memcpy(a[i].data, p + SOL_ACCOUNT_HEADER_LEN, a[i].data_len);
    p = start + ALIGN8(SOL_ACCOUNT_HEADER_LEN + old_len + SOL_MAX_PERMITTED_DATA_INCREASE) + 8;
  }
}

uint64_t host_run(HostAccount *a, uint64_t n, const uint8_t *ix, uint64_t ix_len, const SolPubkey *program_id) {
  size_t len;
  uint8_t *input = host_serialize(a, n, ix, ix_len, program_id, &len);
  uint8_t *before = malloc(len);
  memcpy(before, input, len);
  uint64_t r = sg_process(input, len);
  if (r == 0) {
    host_read_back(a, n, input);
  } else if (memcmp(before, input, len) != 0) {
    fprintf(stderr, "a failing instruction (error %#llx) changed its input\n", (unsigned long long)r);
    abort();
  }
  free(before);
  free(input);
  return r;
}
