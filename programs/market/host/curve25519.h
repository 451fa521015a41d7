/* curve25519.h - the one ed25519 question PDA derivation asks: do these 32 bytes
 * decompress to a curve point? (Solana's bytes_are_curve_point.) */
#ifndef HOST_CURVE25519_H
#define HOST_CURVE25519_H

#include <stdbool.h>
#include <stdint.h>

bool host_is_on_curve(const uint8_t compressed[32]);

#endif
