package client_test

import (
	"context"
	"encoding/binary"
	"fmt"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/clienttest"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// newBenchScene is newLeaseScene for benchmarks (testMarket's helpers take *testing.T).
func newBenchScene(b *testing.B) *leaseScene {
	ctx := context.Background()
	chain := clienttest.Start(b)
	m := &testMarket{chain: chain, authority: chain.Wallet(b, 100*solana.LAMPORTS_PER_SOL), oracle: chain.Wallet(b, 100*solana.LAMPORTS_PER_SOL)}
	m.stable, m.token = chain.Mint(b, m.authority, 6), chain.Mint(b, m.authority, 9)
	m.treasury = solana.NewWallet().PublicKey()
	market, _, err := chain.Client.InitializeMarket(ctx, m.authority, client.InitializeMarket{
		MarketID: 1, StableMint: m.stable, TokenMint: m.token, Params: marketParams(m.treasury, m.oracle.PublicKey()),
	}, client.SendOptions{})
	if err != nil {
		b.Fatal(err)
	}
	m.market = market
	s := &leaseScene{testMarket: m, matcher: m.oracle, renter: chain.Wallet(b, solana.LAMPORTS_PER_SOL),
		provider: chain.Wallet(b, solana.LAMPORTS_PER_SOL), node: solana.NewWallet().PublicKey()}
	if _, _, err := chain.Client.MintToOwner(ctx, m.authority, m.stable, s.renter.PublicKey(), 1_000*sceneFunds); err != nil {
		b.Fatal(err)
	}
	s.deposit(b, s.renter, m.stable, 1_000*sceneFunds)
	return s
}

// commitScenario builds a commit of n one-GPU, one-hour fills.
type commitScenario struct {
	name  string
	build func(n int) (*client.CommitLeases, error)
}

func (s *leaseScene) scenarios(b *testing.B) []commitScenario {
	next := uint64(1000)
	id := func() uint64 { next++; return next }
	fill := func(bid, ask client.OrderRef) client.LeaseFill {
		return client.LeaseFill{Bid: bid, Ask: ask, GPUs: 1, Hours: 1, PriceMicroUSD: askPrice, Maker: solgridmarket.Side_Ask}
	}
	commit := func(fills []client.LeaseFill) *client.CommitLeases {
		return &client.CommitLeases{Matcher: s.matcher.PublicKey(), Market: s.market, Fills: fills}
	}
	// Orders stored on chain by real commits of the pairs (bid i, ask i); the
	// stored scenario then commits the new pairs (bid i, ask i+1).
	var storedBids, storedAsks []solgridmarket.Order
	for i := 0; i <= int(solgridmarket.MAX_FILLS); i++ {
		bid, ask := s.bid(id()), s.ask(id())
		if _, _, err := s.commit(b, client.SendOptions{}, s.pair(b, bid, ask, 1, 1)); err != nil {
			b.Fatalf("store orders: %v", err)
		}
		storedBids, storedAsks = append(storedBids, bid), append(storedAsks, ask)
	}
	return []commitScenario{
		{"all-new", func(n int) (*client.CommitLeases, error) {
			var fills []client.LeaseFill
			for i := 0; i < n; i++ {
				fills = append(fills, s.pair(b, s.bid(id()), s.ask(id()), 1, 1))
			}
			return commit(fills), nil
		}},
		{"shared-taker", func(n int) (*client.CommitLeases, error) {
			bid := s.bid(id())
			bid.GpuCount = 16
			taker := client.NewOrder(sign(b, bid, s.renter))
			var fills []client.LeaseFill
			for i := 0; i < n; i++ {
				fills = append(fills, fill(taker, client.NewOrder(sign(b, s.ask(id()), s.provider))))
			}
			return commit(fills), nil
		}},
		{"new-taker+stored-makers", func(n int) (*client.CommitLeases, error) {
			bid := s.bid(id())
			bid.GpuCount = 16
			taker := client.NewOrder(sign(b, bid, s.renter))
			var fills []client.LeaseFill
			for i := 0; i < n; i++ {
				fills = append(fills, fill(taker, client.StoredOrder(&storedAsks[i])))
			}
			return commit(fills), nil
		}},
		{"stored", func(n int) (*client.CommitLeases, error) {
			var fills []client.LeaseFill
			for i := 0; i < n; i++ {
				fills = append(fills, fill(client.StoredOrder(&storedBids[i]), client.StoredOrder(&storedAsks[i+1])))
			}
			return commit(fills), nil
		}},
	}
}

// inlineEd25519 is the Ed25519 instruction without the pointing trick: it
// carries each order's signature, key and message itself (what most programs do).
func inlineEd25519(orders []solgridmarket.SignedOrder) solana.Instruction {
	data := make([]byte, 2+14*len(orders))
	data[0] = byte(len(orders))
	for i, o := range orders {
		at := uint16(len(data))
		msg, _ := client.OrderMessage(&o.Order)
		data = append(append(append(data, o.Signature[:]...), o.Order.Owner[:]...), msg...)
		for k, v := range []uint16{at, 0xffff, at + 64, 0xffff, at + 96, uint16(len(msg)), 0xffff} {
			binary.LittleEndian.PutUint16(data[2+14*i+2*k:], v)
		}
	}
	return solana.NewInstruction(client.Ed25519ProgramID, nil, data)
}

// BenchmarkCommitLeases reports, per way of filling a transaction, the most
// leases one 1232-byte transaction can commit and the compute units of
// commit_leases per lease at every batch size up to that. all-new: two fresh
// orders per fill; shared-taker: one new bid against n new asks;
// new-taker+stored-makers: one new bid against n asks stored by earlier fills;
// stored: both orders stored by earlier fills. all-new/inline-ed25519 is the same without
// pointing the Ed25519 instruction into the commit data. <scenario>/alt/... is the
// same as a v0 transaction whose commit accounts (all but the matcher) are loaded
// from an Address Lookup Table extended with them beforehand.
func BenchmarkCommitLeases(b *testing.B) {
	ctx := context.Background()
	s := newBenchScene(b)
	programID := s.chain.Client.ProgramID
	scenarios := s.scenarios(b)
	for _, sc := range scenarios {
		max, err := client.MaxFillsPerTransaction(programID, sc.build)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(sc.name+"/fit", func(b *testing.B) {
			c, _ := sc.build(max)
			c.Ed25519Index = client.SendInstructionOffset
			plan, err := c.Build(programID)
			if err != nil {
				b.Fatal(err)
			}
			size, _ := client.TransactionSize(plan.Instructions, c.Matcher)
			b.ReportMetric(float64(max), "leases/tx")
			b.ReportMetric(float64(size), "bytes/tx")
		})
		for n := 1; n <= max; n++ {
			b.Run(fmt.Sprintf("%s/batch=%d", sc.name, n), func(b *testing.B) {
				c, _ := sc.build(n)
				c.Ed25519Index = client.SendInstructionOffset
				plan, err := c.Build(programID)
				if err != nil {
					b.Fatal(err)
				}
				var cu uint64
				for i := 0; i < b.N; i++ {
					sim, err := s.chain.Client.Simulate(ctx, plan.Instructions, c.Matcher)
					if err != nil {
						b.Fatalf("simulate %d fills: %v", n, err)
					}
					cu = sim.ComputeUnits
				}
				b.ReportMetric(float64(cu), "CU/tx")
				b.ReportMetric(float64(cu)/float64(n), "CU/lease")
			})
		}
		s.benchWithLookupTable(b, sc)
	}
	b.Run("all-new/inline-ed25519/fit", func(b *testing.B) {
		sc := scenarios[0]
		fits, size1 := 0, 0
		for n := 1; n <= int(solgridmarket.MAX_FILLS); n++ {
			c, _ := sc.build(n)
			c.Ed25519Index = client.SendInstructionOffset
			plan, err := c.Build(programID)
			if err != nil {
				b.Fatal(err)
			}
			var orders []solgridmarket.SignedOrder
			for _, f := range c.Fills {
				orders = append(orders, *f.Bid.Signed, *f.Ask.Signed)
			}
			size, _ := client.TransactionSize([]solana.Instruction{inlineEd25519(orders), plan.Instructions[1]}, c.Matcher)
			if n == 1 {
				size1 = size
			}
			if size > client.MaxTransactionSize {
				break
			}
			fits = n
		}
		b.ReportMetric(float64(fits), "leases/tx")
		b.ReportMetric(float64(size1), "bytes@1lease")
	})
}

// benchWithLookupTable is the /alt variant of one scenario: the most leases per
// v0 transaction with a lookup table, and CU per lease at every batch size.
func (s *leaseScene) benchWithLookupTable(b *testing.B, sc commitScenario) {
	ctx := context.Background()
	c := s.chain.Client
	max, err := client.MaxFillsWithLookupTable(c.ProgramID, sc.build)
	if err != nil {
		b.Fatal(err)
	}
	full, _ := sc.build(max)
	full.Ed25519Index = client.SendInstructionOffset
	plan, err := full.Build(c.ProgramID)
	if err != nil {
		b.Fatal(err)
	}
	table, _, err := c.CreateLookupTable(ctx, s.matcher, client.SendOptions{})
	if err != nil {
		b.Fatal(err)
	}
	slot, err := c.ExtendLookupTable(ctx, s.matcher, table, plan.TableAddresses(), client.SendOptions{})
	if err != nil {
		b.Fatal(err)
	}
	if err := c.WaitForSlotAfter(ctx, slot); err != nil {
		b.Fatal(err)
	}
	lt, err := c.FetchLookupTable(ctx, table)
	if err != nil {
		b.Fatal(err)
	}
	b.Run(sc.name+"/alt/fit", func(b *testing.B) {
		size, _ := client.TransactionSizeWithTables(plan.Instructions, full.Matcher, lt.Tables())
		b.ReportMetric(float64(max), "leases/tx")
		b.ReportMetric(float64(size), "bytes/tx")
		b.ReportMetric(float64(client.TransactionAccounts(plan.Instructions, full.Matcher)), "accounts/tx")
		b.ReportMetric(float64(len(plan.TableAddresses())), "table-addrs")
	})
	for n := 1; n <= max; n++ {
		b.Run(fmt.Sprintf("%s/alt/batch=%d", sc.name, n), func(b *testing.B) {
			part := *full
			part.Fills = full.Fills[:n]
			p, err := part.Build(c.ProgramID)
			if err != nil {
				b.Fatal(err)
			}
			var cu uint64
			for i := 0; i < b.N; i++ {
				sim, err := c.SimulateWithTables(ctx, p.Instructions, full.Matcher, lt.Tables())
				if err != nil {
					b.Fatalf("simulate %d fills through the table: %v", n, err)
				}
				cu = sim.ComputeUnits
			}
			b.ReportMetric(float64(cu), "CU/tx")
			b.ReportMetric(float64(cu)/float64(n), "CU/lease")
		})
	}
}
