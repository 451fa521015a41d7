// Package clienttest gives tests a real chain: the market program built by our
// toolchain, loaded into a fresh localnet (LiteSVM, all features), and a client
// connected to it over HTTP and WebSocket.
package clienttest

import (
	"context"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
	"github.com/rs/zerolog"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/localnet"
	"github.com/solgrid/solgrid/programs/sbfbuild"
)

// Chain is a running localnet with the market program at its IDL address.
type Chain struct {
	Validator *localnet.Validator
	Client    *client.Client
	Program   string // path of the .so that was loaded
}

// Start builds the program (if stale) and starts a localnet for the test's lifetime.
func Start(tb testing.TB, opts ...func(*localnet.Config)) *Chain {
	tb.Helper()
	ctx := context.Background()
	so, err := sbfbuild.BuildMarket(ctx)
	if err != nil {
		tb.Fatalf("build market program: %v", err)
	}
	cfg := localnet.Config{
		Programs: []localnet.Program{{ID: solgridmarket.ProgramID, Path: so}},
		Logger:   zerolog.New(zerolog.NewTestWriter(tb)).Level(zerolog.WarnLevel),
	}
	for _, opt := range opts {
		opt(&cfg)
	}
	v, err := localnet.Start(ctx, cfg)
	if err != nil {
		tb.Fatalf("start localnet: %v", err)
	}
	tb.Cleanup(func() { v.Stop() })
	cluster, err := client.ResolveCluster(v.RPCURL())
	if err != nil {
		tb.Fatal(err)
	}
	cluster.WS = v.WSURL()
	c := client.NewForCluster(cluster)
	tb.Cleanup(c.Close)
	return &Chain{Validator: v, Client: c, Program: so}
}

// Wallet returns a new keypair funded with lamports by airdrop.
func (ch *Chain) Wallet(tb testing.TB, lamports uint64) solana.PrivateKey {
	tb.Helper()
	ctx := context.Background()
	key := solana.NewWallet().PrivateKey
	sig, err := ch.Client.RPC.RequestAirdrop(ctx, key.PublicKey(), lamports, rpc.CommitmentConfirmed)
	if err != nil {
		tb.Fatalf("airdrop: %v", err)
	}
	if _, err := ch.Client.Confirm(ctx, sig, ^uint64(0)); err != nil {
		tb.Fatalf("confirm airdrop: %v", err)
	}
	return key
}

// Mint creates an SPL Token mint with the given decimals, authority = payer.
func (ch *Chain) Mint(tb testing.TB, payer solana.PrivateKey, decimals uint8) solana.PublicKey {
	tb.Helper()
	mint, _, err := ch.Client.CreateMint(context.Background(), payer, decimals)
	if err != nil {
		tb.Fatalf("create mint: %v", err)
	}
	return mint
}

// AccountData returns an account's raw data and owner (nil data if it does not exist).
func (ch *Chain) AccountData(tb testing.TB, addr solana.PublicKey) ([]byte, solana.PublicKey, uint64) {
	tb.Helper()
	out, err := ch.Client.RPC.GetAccountInfoWithOpts(context.Background(), addr, &rpc.GetAccountInfoOpts{Commitment: rpc.CommitmentConfirmed})
	if err != nil || out == nil || out.Value == nil {
		return nil, solana.PublicKey{}, 0
	}
	return out.Value.Data.GetBinary(), out.Value.Owner, out.Value.Lamports
}
