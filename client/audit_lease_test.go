package client_test

import (
	"context"
	"errors"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// Security audit of the lease lifecycle against the real runtime: several
// lifecycle instructions in one transaction, and Balances passed in the wrong
// slots. Every attack lands and must change nothing.

func (s *leaseScenario) build(t *testing.T, b interface {
	Build(solana.PublicKey) (solana.Instruction, error)
}) solana.Instruction {
	t.Helper()
	ix, err := b.Build(s.chain.Client.ProgramID)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func (s *leaseScenario) auditRejects(t *testing.T, name string, at int, watched []solana.PublicKey, signers []solana.PrivateKey, ixs ...solana.Instruction) {
	t.Helper()
	before := s.snapshot(t, watched...)
	_, err := s.chain.Client.Send(context.Background(), ixs, signers, landed)
	requireProgramError(t, err, name)
	var progErr *client.ProgramError
	if errors.As(err, &progErr) && progErr.Instruction != at+client.SendInstructionOffset {
		t.Errorf("error raised by instruction %d, want %d", progErr.Instruction, at+client.SendInstructionOffset)
	}
	s.requireUnchanged(t, before, watched...)
}

// Cancelling twice in one transaction must not refund the rest twice.
func TestAuditCancelLeaseTwiceInOneTransactionRefundsOnce(t *testing.T) {
	s := newLeaseScenario(t)
	s.warp(t, 1800)
	cancel := s.build(t, &client.CancelLease{Renter: s.renter.PublicKey(), Parties: s.parties})
	s.auditRejects(t, "LeaseNotActive", 1, s.touched(), []solana.PrivateKey{s.renter}, cancel, cancel)
}

// Settling after the renter cancelled (same transaction) pays nothing more.
func TestAuditSettleAfterCancelInOneTransactionIsLeaseNotActive(t *testing.T) {
	s := newLeaseScenario(t)
	s.warp(t, 1800)
	cancel := s.build(t, &client.CancelLease{Renter: s.renter.PublicKey(), Parties: s.parties})
	settle := s.build(t, &client.SettleLease{Parties: s.parties})
	s.auditRejects(t, "LeaseNotActive", 1, s.touched(), []solana.PrivateKey{s.renter}, cancel, settle)
}

// The lease's renter Balance passed again as the provider's or the treasury's
// slot (the renter is neither): it would be credited the cost or the fee it
// pays itself.
func TestAuditTheRentersBalanceInAnotherRolesSlotIsWrongLeaseParty(t *testing.T) {
	s := newLeaseScenario(t)
	s.warp(t, 1800)
	for name, change := range map[string]func(p *client.LeaseParties){
		"as provider": func(p *client.LeaseParties) { p.ProviderBalance = p.RenterBalance },
		"as treasury": func(p *client.LeaseParties) { p.TreasuryBalance = p.RenterBalance },
	} {
		t.Run(name, func(t *testing.T) {
			parties := s.parties
			change(&parties)
			settle := s.build(t, &client.SettleLease{Parties: parties})
			s.auditRejects(t, "WrongLeaseParty", 0, s.touched(), []solana.PrivateKey{s.renter}, settle)
		})
	}
}

// Close the lease, then commit the same pair again in the same transaction:
// the freed Lease address is creatable again, but the bid (2 of 2 GPUs
// filled) can never fill, so the renter is not charged twice.
func TestAuditCloseThenRecommitTheSamePairInOneTransactionIsRefused(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScenario(t)
	bidState, err := s.chain.Client.FetchOrderState(ctx, s.market, s.renter.PublicKey(), 1)
	if err != nil {
		t.Fatal(err)
	}
	askState, err := s.chain.Client.FetchOrderState(ctx, s.market, s.provider.PublicKey(), 1)
	if err != nil {
		t.Fatal(err)
	}
	cancel := s.build(t, &client.CancelLease{Renter: s.renter.PublicKey(), Parties: s.parties})
	closeIx := s.build(t, func() *client.CloseLease {
		c := client.CloseLeaseOf(s.chain.Client.ProgramID, s.lease, s.committed)
		return &c
	}())
	b := client.CommitLeases{Matcher: s.matcher.PublicKey(), Market: s.market, Fills: []client.LeaseFill{{
		Bid: client.StoredOrder(&bidState.Order), Ask: client.StoredOrder(&askState.Order),
		GPUs: 1, Hours: 1, PriceMicroUSD: lsPrice, Maker: solgridmarket.Side_Ask}}}
	plan, err := b.Build(s.chain.Client.ProgramID)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Leases[0] != s.lease {
		t.Fatalf("recommit names lease %s, want the closed %s", plan.Leases[0], s.lease)
	}
	watched := s.touched()
	for _, a := range plan.Instructions[0].Accounts()[4:] {
		watched = append(watched, a.PublicKey)
	}
	s.auditRejects(t, "Overfill", 2, watched, []solana.PrivateKey{s.matcher, s.renter}, cancel, closeIx, plan.Instructions[0])
}
