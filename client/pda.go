package client

import (
	"encoding/binary"
	"fmt"

	"github.com/gagliardetto/solana-go"
)

// Seed prefixes of the program's PDAs, as declared in the IDL.
var seedMarket = []byte("market")

// MarketAddress derives the Market PDA ["market", authority, market_id (u64 LE)].
func MarketAddress(programID, authority solana.PublicKey, marketID uint64) (solana.PublicKey, uint8, error) {
	var id [8]byte
	binary.LittleEndian.PutUint64(id[:], marketID)
	addr, bump, err := solana.FindProgramAddress([][]byte{seedMarket, authority[:], id[:]}, programID)
	if err != nil {
		return solana.PublicKey{}, 0, fmt.Errorf("market pda of %s/%d: %w", authority, marketID, err)
	}
	return addr, bump, nil
}
