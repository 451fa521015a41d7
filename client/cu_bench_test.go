package client_test

import (
	"context"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
)

// BenchmarkInstructionCU reports the compute units of every market instruction
// but commit_leases (see BenchmarkCommitLeases), measured by simulating it
// against the state of a market with one committed lease. Simulation leaves the
// state alone, so each row measures the same situation every iteration.
func BenchmarkInstructionCU(b *testing.B) {
	ctx := context.Background()
	s := newLeaseScenario(b)
	c := s.chain.Client
	pid := c.ProgramID
	outsider := solana.NewWallet().PublicKey()
	rows := []struct {
		name  string
		payer solana.PublicKey
		build func() (solana.Instruction, error)
	}{
		{"update_market", s.authority.PublicKey(), func() (solana.Instruction, error) {
			u := client.UpdateMarket{Authority: s.authority.PublicKey(), Market: s.market, Params: marketParams(s.treasury, s.oracle.PublicKey()), NewAuthority: s.authority.PublicKey()}
			return u.Build(pid)
		}},
		{"set_token_price", s.oracle.PublicKey(), func() (solana.Instruction, error) {
			p := client.SetTokenPrice{Oracle: s.oracle.PublicKey(), Market: s.market, PriceMicroUsd: 250_000}
			return p.Build(pid)
		}},
		{"open_balance", s.authority.PublicKey(), func() (solana.Instruction, error) {
			o := client.OpenBalance{Payer: s.authority.PublicKey(), Owner: outsider, Market: s.market, Mint: s.stable}
			ix, _, err := o.Build(pid)
			return ix, err
		}},
		{"deposit", s.renter.PublicKey(), func() (solana.Instruction, error) {
			d := client.Deposit{Owner: s.renter.PublicKey(), Market: s.market, Mint: s.stable, Amount: 1_000_000}
			return d.Build(pid)
		}},
		{"withdraw", s.renter.PublicKey(), func() (solana.Instruction, error) {
			w := client.Withdraw{Owner: s.renter.PublicKey(), Market: s.market, Mint: s.stable, Amount: 1_000_000}
			return w.Build(pid)
		}},
		{"cancel_order", s.renter.PublicKey(), func() (solana.Instruction, error) {
			o := client.CancelOrder{Owner: s.renter.PublicKey(), Market: s.market, OrderID: 99}
			ix, _, err := o.Build(pid)
			return ix, err
		}},
		{"settle_lease", s.renter.PublicKey(), func() (solana.Instruction, error) {
			l := client.SettleLease{Parties: s.parties}
			return l.Build(pid)
		}},
		{"cancel_lease", s.renter.PublicKey(), func() (solana.Instruction, error) {
			l := client.CancelLease{Renter: s.renter.PublicKey(), Parties: s.parties}
			return l.Build(pid)
		}},
		{"release_lease", s.provider.PublicKey(), func() (solana.Instruction, error) {
			l := client.ReleaseLease{Provider: s.provider.PublicKey(), Parties: s.parties}
			return l.Build(pid)
		}},
	}
	s.warp(b, 1800) // half the lease has accrued: settle moves money
	// Simulate adds the compute-budget instruction Send uses; measure it alone.
	budget, err := c.Simulate(ctx, nil, s.renter.PublicKey())
	if err != nil {
		b.Fatal(err)
	}
	for _, row := range rows {
		b.Run(row.name, func(b *testing.B) {
			ix, err := row.build()
			if err != nil {
				b.Fatal(err)
			}
			var cu uint64
			for i := 0; i < b.N; i++ {
				sim, err := c.Simulate(ctx, []solana.Instruction{ix}, row.payer)
				if err != nil {
					b.Fatalf("%s: %v", row.name, err)
				}
				cu = sim.ComputeUnits
			}
			b.ReportMetric(float64(cu-budget.ComputeUnits), "CU")
		})
	}
}
