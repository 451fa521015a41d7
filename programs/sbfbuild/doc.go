// Package sbfbuild compiles C for Solana with Debian's clang-19
// (-target bpfel -mcpu=v2) and links the objects with sbflink into an
// SBPF v3 program. BuildMarket builds the Solgrid market program into
// target/deploy/solgrid_market.so and skips the work when nothing it
// depends on changed, so tests anywhere in the repository can call it.
package sbfbuild
