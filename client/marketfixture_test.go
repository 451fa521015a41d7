package client_test

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/clienttest"
	"github.com/solgrid/solgrid/localnet"
)

// testMarket is a market on a fresh localnet with its two mints; the
// authority is also the mint authority of both.
type testMarket struct {
	chain                 *clienttest.Chain
	authority, oracle     solana.PrivateKey
	treasury              solana.PublicKey
	market, stable, token solana.PublicKey
	stableVault           solana.PublicKey
	tokenVault            solana.PublicKey
}

func newTestMarket(t testing.TB, opts ...func(*localnet.Config)) *testMarket {
	t.Helper()
	chain := clienttest.Start(t, opts...)
	m := &testMarket{chain: chain, authority: chain.Wallet(t, 10*solana.LAMPORTS_PER_SOL), oracle: chain.Wallet(t, solana.LAMPORTS_PER_SOL)}
	m.stable, m.token = chain.Mint(t, m.authority, 6), chain.Mint(t, m.authority, 9)
	m.treasury = solana.NewWallet().PublicKey()
	market, _, err := chain.Client.InitializeMarket(context.Background(), m.authority, client.InitializeMarket{
		MarketID: 1, StableMint: m.stable, TokenMint: m.token, Params: marketParams(m.treasury, m.oracle.PublicKey()),
	}, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m.market = market
	m.stableVault, _ = client.VaultAddress(chain.Client.ProgramID, market, m.stable)
	m.tokenVault, _ = client.VaultAddress(chain.Client.ProgramID, market, m.token)
	return m
}

// user returns a funded wallet holding amount of mint in its associated token account.
func (m *testMarket) user(t testing.TB, mint solana.PublicKey, amount uint64) solana.PrivateKey {
	t.Helper()
	u := m.chain.Wallet(t, solana.LAMPORTS_PER_SOL)
	if _, _, err := m.chain.Client.MintToOwner(context.Background(), m.authority, mint, u.PublicKey(), amount); err != nil {
		t.Fatal(err)
	}
	return u
}

func (m *testMarket) tokenAmount(t *testing.T, addr solana.PublicKey) uint64 {
	t.Helper()
	acct, err := m.chain.Client.FetchTokenAccount(context.Background(), addr)
	if err != nil {
		t.Fatal(err)
	}
	return acct.Amount
}

// snapshot is the raw data and lamports of accounts, to prove a failure changed nothing.
func (m *testMarket) snapshot(t *testing.T, addrs ...solana.PublicKey) [][]byte {
	t.Helper()
	out := make([][]byte, len(addrs))
	for i, a := range addrs {
		data, owner, lamports := m.chain.AccountData(t, a)
		out[i] = append(append(append([]byte{}, data...), owner[:]...), byte(lamports), byte(lamports>>8), byte(lamports>>16), byte(lamports>>24))
	}
	return out
}

func (m *testMarket) requireUnchanged(t *testing.T, before [][]byte, addrs ...solana.PublicKey) {
	t.Helper()
	after := m.snapshot(t, addrs...)
	for i := range addrs {
		if !bytes.Equal(before[i], after[i]) {
			t.Errorf("account %s changed after a failed instruction", addrs[i])
		}
	}
}

// landed sends with preflight skipped so the failing transaction lands and
// the chain itself reports the error.
var landed = client.SendOptions{ComputeUnits: 200_000, SkipPreflight: true}

// oversizedTransactions lets a localnet take transactions past the 1232-byte
// packet: attacks that pack more orders into one commit than a packet holds today
// (a future, larger limit, or lookup tables) must still meet the program's checks.
func oversizedTransactions(cfg *localnet.Config) { cfg.MaxTransactionSize = 4096 }

func requireProgramError(t *testing.T, err error, name string) {
	t.Helper()
	if !errors.Is(err, client.ProgramErrorNamed(name)) {
		t.Fatalf("got %v, want program error %s", err, name)
	}
}
