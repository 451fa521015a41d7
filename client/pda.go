package client

import (
	"encoding/binary"
	"fmt"

	"github.com/gagliardetto/solana-go"
)

// Seed prefixes of the program's PDAs, as declared in the IDL.
var (
	seedMarket  = []byte("market")
	seedVault   = []byte("vault")
	seedBalance = []byte("balance")
	seedOrder   = []byte("order")
	seedLease   = []byte("lease")
)

func findPDA(programID solana.PublicKey, what string, seeds ...[]byte) (solana.PublicKey, uint8) {
	addr, bump, err := solana.FindProgramAddress(seeds, programID)
	if err != nil {
		// Only possible with seeds over 32 bytes, which no caller passes.
		panic(fmt.Sprintf("%s pda: %v", what, err))
	}
	return addr, bump
}

func u64LE(v uint64) []byte {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	return b[:]
}

// MarketAddress derives the Market PDA ["market", authority, market_id (u64 LE)].
func MarketAddress(programID, authority solana.PublicKey, marketID uint64) (solana.PublicKey, uint8) {
	return findPDA(programID, "market", seedMarket, authority[:], u64LE(marketID))
}

// VaultAddress derives the market's token account for mint: ["vault", market, mint].
func VaultAddress(programID, market, mint solana.PublicKey) (solana.PublicKey, uint8) {
	return findPDA(programID, "vault", seedVault, market[:], mint[:])
}

// BalanceAddress derives ["balance", market, owner, mint].
func BalanceAddress(programID, market, owner, mint solana.PublicKey) (solana.PublicKey, uint8) {
	return findPDA(programID, "balance", seedBalance, market[:], owner[:], mint[:])
}

// OrderStateAddress derives ["order", market, owner, order_id (u64 LE)].
func OrderStateAddress(programID, market, owner solana.PublicKey, orderID uint64) (solana.PublicKey, uint8) {
	return findPDA(programID, "order state", seedOrder, market[:], owner[:], u64LE(orderID))
}

// LeaseAddress derives ["lease", bid OrderState, ask OrderState]: one lease per
// matched pair, so the same fill can never be committed twice.
func LeaseAddress(programID, bidState, askState solana.PublicKey) (solana.PublicKey, uint8) {
	return findPDA(programID, "lease", seedLease, bidState[:], askState[:])
}
