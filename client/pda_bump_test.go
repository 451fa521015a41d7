package client_test

import (
	"context"
	"encoding/binary"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
)

// nonCanonical returns the same seeds' address at the next valid bump below the
// canonical one: a real PDA, just not the one the program derives.
func nonCanonical(t *testing.T, programID solana.PublicKey, seeds ...[]byte) solana.PublicKey {
	t.Helper()
	_, canonical, err := solana.FindProgramAddress(seeds, programID)
	if err != nil {
		t.Fatal(err)
	}
	for bump := int(canonical) - 1; bump >= 0; bump-- {
		addr, err := solana.CreateProgramAddress(append(append([][]byte{}, seeds...), []byte{byte(bump)}), programID)
		if err == nil {
			return addr
		}
	}
	t.Fatal("no second valid bump")
	return solana.PublicKey{}
}

// A Balance at a PDA of its own seeds but with a non-canonical bump would be a
// second Balance for the same owner and mint; the program only accepts the
// canonical address, and nothing is created.
func TestBalanceAtANonCanonicalBumpIsRefused(t *testing.T) {
	ctx := context.Background()
	m := newTestMarket(t)
	owner := solana.NewWallet().PublicKey()
	pid := m.chain.Client.ProgramID
	wrong := nonCanonical(t, pid, []byte("balance"), m.market[:], owner[:], m.stable[:])
	_, _, err := m.chain.Client.OpenBalance(ctx, m.authority, client.OpenBalance{Owner: owner, Market: m.market, Mint: m.stable, Balance: wrong}, landed)
	requireProgramError(t, err, "InvalidPda")
	if data, _, lamports := m.chain.AccountData(t, wrong); data != nil || lamports != 0 {
		t.Errorf("an account was created at the non-canonical address: %d bytes, %d lamports", len(data), lamports)
	}
}

// Same for the Market itself: one authority and market id, one market.
func TestMarketAtANonCanonicalBumpIsRefused(t *testing.T) {
	ctx := context.Background()
	m := newTestMarket(t)
	pid := m.chain.Client.ProgramID
	var id [8]byte
	binary.LittleEndian.PutUint64(id[:], 2)
	wrong := nonCanonical(t, pid, []byte("market"), m.authority.PublicKey().Bytes(), id[:])
	b := client.InitializeMarket{Authority: m.authority.PublicKey(), MarketID: 2, StableMint: m.stable, TokenMint: m.token, Params: marketParams(m.treasury, m.oracle.PublicKey())}
	ix, _, err := b.Build(pid)
	if err != nil {
		t.Fatal(err)
	}
	ix.Accounts()[1].PublicKey = wrong // the market account
	_, err = m.chain.Client.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{m.authority}, landed)
	requireProgramError(t, err, "InvalidPda")
	if data, _, lamports := m.chain.AccountData(t, wrong); data != nil || lamports != 0 {
		t.Errorf("a market was created at the non-canonical address: %d bytes, %d lamports", len(data), lamports)
	}
}
