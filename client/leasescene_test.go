package client_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/localnet"
)

// Default terms of the scene's orders: an ask of 8 H100 SXM at $2.00/GPU-hour
// for 1..48 h, a bid for up to 8 H100 SXM/H200 at up to $2.50 for 1..24 h.
const (
	askPrice    = 2_000_000
	bidPrice    = 2_500_000
	sceneGPUs   = 8
	sceneFunds  = 100_000_000 // $100 deposited by the renter
	sceneMaxFee = 250         // the bid's fee cap: the market's stablecoin fee (marketParams)
)

// leaseScene is a market with a renter who has deposited stablecoin, a provider,
// and the market's matcher (the oracle key, see marketParams).
type leaseScene struct {
	*testMarket
	matcher, renter, provider solana.PrivateKey
	node                      solana.PublicKey
}

func newLeaseScene(t *testing.T, opts ...func(*localnet.Config)) *leaseScene {
	t.Helper()
	m := newTestMarket(t, opts...)
	s := &leaseScene{testMarket: m, matcher: m.oracle, renter: m.user(t, m.stable, sceneFunds),
		provider: m.chain.Wallet(t, solana.LAMPORTS_PER_SOL), node: solana.NewWallet().PublicKey()}
	s.deposit(t, s.renter, m.stable, sceneFunds)
	return s
}

func (s *leaseScene) deposit(t testing.TB, owner solana.PrivateKey, mint solana.PublicKey, amount uint64) {
	t.Helper()
	if _, err := s.chain.Client.Deposit(context.Background(), owner, client.Deposit{Market: s.market, Mint: mint, Amount: amount}, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
}

func (s *leaseScene) bid(id uint64) solgridmarket.Order {
	return solgridmarket.Order{
		Market: s.market, Owner: s.renter.PublicKey(), OrderId: id, LimitPrice: bidPrice,
		ExpiresAt: time.Now().Unix() + 3600, SkuMask: client.SKUMask(solgridmarket.GpuSku_H100Sxm, solgridmarket.GpuSku_H200),
		GpuCount: sceneGPUs, MinHours: 1, MaxHours: 24, PaymentMint: s.stable, Region: 0, MinReliabilityBps: 9_000,
		Side: solgridmarket.Side_Bid, Version: client.OrderVersion, MaxFeeBps: sceneMaxFee,
	}
}

func (s *leaseScene) ask(id uint64) solgridmarket.Order {
	return solgridmarket.Order{
		Market: s.market, Owner: s.provider.PublicKey(), OrderId: id, LimitPrice: askPrice,
		ExpiresAt: time.Now().Unix() + 3600, SkuMask: client.SKUMask(solgridmarket.GpuSku_H100Sxm),
		GpuCount: sceneGPUs, MinHours: 1, MaxHours: 48, Node: s.node, Region: 3,
		Side: solgridmarket.Side_Ask, Version: client.OrderVersion,
	}
}

func sign(t testing.TB, o solgridmarket.Order, key solana.PrivateKey) *solgridmarket.SignedOrder {
	t.Helper()
	signed, err := client.SignOrder(o, key)
	if err != nil {
		t.Fatal(err)
	}
	return &signed
}

// pair is a fill of gpus for hours at the ask's (maker's) price between two new orders.
func (s *leaseScene) pair(t testing.TB, bid, ask solgridmarket.Order, gpus, hours uint32) client.LeaseFill {
	return client.LeaseFill{Bid: client.NewOrder(sign(t, bid, s.renter)), Ask: client.NewOrder(sign(t, ask, s.provider)),
		GPUs: gpus, Hours: hours, PriceMicroUSD: ask.LimitPrice, Maker: solgridmarket.Side_Ask}
}

func (s *leaseScene) commit(t testing.TB, opts client.SendOptions, fills ...client.LeaseFill) (*client.CommitPlan, *client.Result, error) {
	t.Helper()
	return s.chain.Client.CommitLeases(context.Background(), s.matcher, client.CommitLeases{Market: s.market, Fills: fills}, opts)
}

// plan builds without sending, for tests that tamper with the instructions.
func (s *leaseScene) plan(t testing.TB, fills ...client.LeaseFill) *client.CommitPlan {
	t.Helper()
	b := client.CommitLeases{Matcher: s.matcher.PublicKey(), Market: s.market, Fills: fills, Ed25519Index: client.SendInstructionOffset}
	plan, err := b.Build(s.chain.Client.ProgramID)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

func (s *leaseScene) send(ixs ...solana.Instruction) error {
	_, err := s.chain.Client.Send(context.Background(), ixs, []solana.PrivateKey{s.matcher}, landed)
	return err
}

// watched: every account a fill touches (its commit accounts after the fixed
// four) plus the market, to prove a failed commit changed nothing.
func (s *leaseScene) watched(plan *client.CommitPlan) []solana.PublicKey {
	commit := plan.Instructions[len(plan.Instructions)-1]
	out := []solana.PublicKey{s.market}
	for _, a := range commit.Accounts()[4:] {
		out = append(out, a.PublicKey)
	}
	return out
}

func (s *leaseScene) balance(t *testing.T, owner solana.PublicKey, mint solana.PublicKey) *solgridmarket.Balance {
	t.Helper()
	b, err := s.chain.Client.FetchBalance(context.Background(), s.market, owner, mint)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (s *leaseScene) warp(t *testing.T, seconds int) {
	t.Helper()
	var out map[string]any
	if err := s.chain.Client.RPC.RPCCallForInto(context.Background(), &out, "localnet_warpClock", []any{seconds}); err != nil {
		t.Fatalf("localnet_warpClock: %v", err)
	}
}

// rejects lands ixs (default: the plan's instructions) and asserts the named
// program error and that no account of the commit changed.
func (s *leaseScene) rejects(t *testing.T, plan *client.CommitPlan, name string, ixs ...solana.Instruction) {
	t.Helper()
	if ixs == nil {
		ixs = plan.Instructions
	}
	watched := s.watched(plan)
	before := s.snapshot(t, watched...)
	err := s.send(ixs...)
	requireProgramError(t, err, name)
	// Send's compute-budget instruction is 0: the error must come from the commit itself.
	var pe *client.ProgramError
	if errors.As(err, &pe) && pe.Instruction != len(ixs) {
		t.Errorf("error raised by instruction %d, want the commit at %d", pe.Instruction, len(ixs))
	}
	s.requireUnchanged(t, before, watched...)
}
