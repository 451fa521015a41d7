// Package client is the Go SDK of the Solgrid market program: cluster monikers and
// Solana CLI keypairs, transactions sent with a compute-unit limit taken from
// simulation and confirmed across blockhash expiry, program errors decoded by name
// from the IDL, and typed reads of program accounts. Instruction layouts come from
// the generated package client/solgridmarket.
package client
