package client_test

import (
	"context"
	"math/bits"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// The lease every lifecycle test starts from: 2 GPUs for 3 hours at 2 USD per
// GPU-hour, paid in the stablecoin at the market's 250 bps fee.
const (
	lsDeposit = 50_000_000
	lsPrice   = 2_000_000
	lsGPUs    = 2
	lsHours   = 3
	lsCost    = lsPrice * lsGPUs * lsHours // 12_000_000 micro-USD
	lsFee     = lsCost * 250 / 10_000      // 300_000
)

// leaseScenario is a market with one committed lease between a renter (who
// deposited lsDeposit) and a provider, both Balances and the treasury's open.
type leaseScenario struct {
	*testMarket
	matcher, renter, provider solana.PrivateKey
	lease                     solana.PublicKey
	parties                   client.LeaseParties
	committed                 *solgridmarket.Lease
}

// newLeaseScenario commits the scenario's lease; adjust may change the bid
// before it is signed (the fill stays lsGPUs for lsHours).
func newLeaseScenario(t testing.TB, adjust ...func(bid *solgridmarket.Order)) *leaseScenario {
	t.Helper()
	ctx := context.Background()
	m := newTestMarket(t)
	c := m.chain.Client
	s := &leaseScenario{testMarket: m, matcher: m.oracle} // marketParams makes the oracle the matcher
	s.renter = m.user(t, m.stable, 2*lsDeposit)
	s.provider = m.chain.Wallet(t, solana.LAMPORTS_PER_SOL)
	if _, err := c.Deposit(ctx, s.renter, client.Deposit{Market: m.market, Mint: m.stable, Amount: lsDeposit}, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, owner := range []solana.PublicKey{s.provider.PublicKey(), m.treasury} {
		if _, _, err := c.OpenBalance(ctx, m.authority, client.OpenBalance{Owner: owner, Market: m.market, Mint: m.stable}, client.SendOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	expires := time.Now().Unix() + 86_400
	bidOrder := solgridmarket.Order{
		Market: m.market, Owner: s.renter.PublicKey(), OrderId: 1, LimitPrice: lsPrice, ExpiresAt: expires,
		SkuMask: client.SKUMask(solgridmarket.GpuSku_H100Sxm), GpuCount: lsGPUs, MinHours: 1, MaxHours: 10,
		PaymentMint: m.stable, Side: solgridmarket.Side_Bid, Version: client.OrderVersion, MaxFeeBps: 250, // marketParams' stablecoin fee
	}
	for _, f := range adjust {
		f(&bidOrder)
	}
	bid, err := client.SignOrder(bidOrder, s.renter)
	if err != nil {
		t.Fatal(err)
	}
	ask, err := client.SignOrder(solgridmarket.Order{
		Market: m.market, Owner: s.provider.PublicKey(), OrderId: 1, LimitPrice: lsPrice, ExpiresAt: expires,
		SkuMask: client.SKUMask(solgridmarket.GpuSku_H100Sxm), GpuCount: 8, MinHours: 1, MaxHours: 48,
		Node: solana.NewWallet().PublicKey(), Side: solgridmarket.Side_Ask, Version: client.OrderVersion,
	}, s.provider)
	if err != nil {
		t.Fatal(err)
	}
	plan, _, err := c.CommitLeases(ctx, s.matcher, client.CommitLeases{Market: m.market, Fills: []client.LeaseFill{
		{Bid: client.NewOrder(&bid), Ask: client.NewOrder(&ask), GPUs: lsGPUs, Hours: lsHours, PriceMicroUSD: lsPrice, Maker: solgridmarket.Side_Ask},
	}}, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s.lease = plan.Leases[0]
	if s.parties, s.committed, err = c.FetchLeaseParties(ctx, s.lease); err != nil {
		t.Fatal(err)
	}
	if s.committed.TotalCost != lsCost || s.committed.TotalFee != lsFee || s.committed.EndTs-s.committed.StartTs != lsHours*3600 {
		t.Fatalf("committed lease: cost %d fee %d over %ds", s.committed.TotalCost, s.committed.TotalFee, s.committed.EndTs-s.committed.StartTs)
	}
	return s
}

// warp moves the localnet clock forward.
func (s *leaseScenario) warp(t testing.TB, seconds int64) {
	t.Helper()
	var out map[string]any
	if err := s.chain.Client.RPC.RPCCallForInto(context.Background(), &out, "localnet_warpClock", []any{seconds}); err != nil {
		t.Fatalf("localnet_warpClock: %v", err)
	}
}

func (s *leaseScenario) fetchLease(t *testing.T) *solgridmarket.Lease {
	t.Helper()
	l, err := s.chain.Client.FetchLease(context.Background(), s.lease)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func (s *leaseScenario) requireBalance(t *testing.T, owner solana.PublicKey, available, locked uint64) {
	t.Helper()
	b, err := s.chain.Client.FetchBalance(context.Background(), s.market, owner, s.stable)
	if err != nil {
		t.Fatal(err)
	}
	if b.Available != available || b.Locked != locked {
		t.Errorf("balance of %s: available %d locked %d, want %d / %d", owner, b.Available, b.Locked, available, locked)
	}
}

// accounts whose bytes a failed lifecycle instruction must leave alone.
func (s *leaseScenario) touched() []solana.PublicKey {
	p := s.parties
	return []solana.PublicKey{p.Lease, p.RenterBalance, p.ProviderBalance, p.TreasuryBalance}
}

// accrued is the due amount at t, computed here independently of the program:
// floor(total × (t − start) / (end − start)), clamped to the lease.
func accrued(total uint64, start, end, t int64) uint64 {
	switch {
	case t <= start:
		return 0
	case t >= end:
		return total
	}
	hi, lo := bits.Mul64(total, uint64(t-start))
	q, _ := bits.Div64(hi, lo, uint64(end-start))
	return q
}

// requireSettledAt checks the lease and all three Balances against a
// settlement at the time the program recorded in settled_until.
func (s *leaseScenario) requireSettledAt(t *testing.T, l *solgridmarket.Lease) (cost, fee uint64) {
	t.Helper()
	cost = accrued(lsCost, l.StartTs, l.EndTs, l.SettledUntil)
	fee = accrued(lsFee, l.StartTs, l.EndTs, l.SettledUntil)
	if l.PaidCost != cost || l.PaidFee != fee {
		t.Errorf("lease paid %d + %d at %d, want %d + %d", l.PaidCost, l.PaidFee, l.SettledUntil, cost, fee)
	}
	s.requireBalance(t, s.provider.PublicKey(), cost, 0)
	s.requireBalance(t, s.treasury, fee, 0)
	return cost, fee
}

func TestSettleLeasePaysWhatAccruedToTheUnit(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScenario(t)
	s.warp(t, 3600)
	res, err := s.chain.Client.SettleLease(ctx, s.renter, s.lease, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("settle_lease: %d CU", res.ComputeUnits)
	l := s.fetchLease(t)
	if now := time.Now().Unix() + 3600; l.SettledUntil < l.StartTs+3600 || l.SettledUntil > now+5 {
		t.Fatalf("settled_until %d: not the warped cluster time (start %d)", l.SettledUntil, l.StartTs)
	}
	cost, fee := s.requireSettledAt(t, l)
	if cost < lsCost/3 || fee < lsFee/3 {
		t.Errorf("an hour of three paid only %d + %d", cost, fee)
	}
	s.requireBalance(t, s.renter.PublicKey(), lsDeposit-lsCost-lsFee, lsCost+lsFee-cost-fee)
	if l.State != solgridmarket.LeaseState_Active || l.CloseReason != solgridmarket.CloseReason_None || l.ClosedAt != 0 || l.Refunded != 0 {
		t.Errorf("lease after a partial settlement: %+v", *l)
	}
}

// Two settlements in one transaction run at the same clock: the second finds
// nothing more due.
func TestSettlingTwiceInTheSameSecondPaysNothingMore(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScenario(t)
	s.warp(t, 1800)
	settle := client.SettleLease{Parties: s.parties}
	ix, err := settle.Build(s.chain.Client.ProgramID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.chain.Client.Send(ctx, []solana.Instruction{ix, ix}, []solana.PrivateKey{s.renter}, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	l := s.fetchLease(t)
	cost, fee := s.requireSettledAt(t, l)
	s.requireBalance(t, s.renter.PublicKey(), lsDeposit-lsCost-lsFee, lsCost+lsFee-cost-fee)
}

func TestSettleAfterTheEndPaysExactlyTheTotalsAndCloses(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScenario(t)
	s.warp(t, 1000) // a partial settlement first, so rounding could accumulate
	if _, err := s.chain.Client.SettleLease(ctx, s.renter, s.lease, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	s.warp(t, lsHours*3600)
	if _, err := s.chain.Client.SettleLease(ctx, s.renter, s.lease, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	l := s.fetchLease(t)
	if l.PaidCost != lsCost || l.PaidFee != lsFee || l.SettledUntil != l.EndTs || l.Refunded != 0 {
		t.Errorf("expired lease paid %d + %d until %d (end %d), refunded %d", l.PaidCost, l.PaidFee, l.SettledUntil, l.EndTs, l.Refunded)
	}
	if l.State != solgridmarket.LeaseState_Closed || l.CloseReason != solgridmarket.CloseReason_Expired || l.ClosedAt != l.EndTs {
		t.Errorf("expired lease: state %s, reason %s, closed_at %d (end %d)", l.State, l.CloseReason, l.ClosedAt, l.EndTs)
	}
	s.requireBalance(t, s.provider.PublicKey(), lsCost, 0)
	s.requireBalance(t, s.treasury, lsFee, 0)
	s.requireBalance(t, s.renter.PublicKey(), lsDeposit-lsCost-lsFee, 0)

	before := s.snapshot(t, s.touched()...)
	_, err := s.chain.Client.SettleLease(ctx, s.renter, s.lease, landed)
	requireProgramError(t, err, "LeaseNotActive")
	s.requireUnchanged(t, before, s.touched()...)
}

func TestCloseLeaseReturnsTheRentToTheMatcherAndRemovesTheAccount(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScenario(t)
	s.warp(t, lsHours*3600+1)
	if _, err := s.chain.Client.SettleLease(ctx, s.renter, s.lease, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	_, _, rent := s.chain.AccountData(t, s.lease)
	matcherBefore := s.lamports(t, s.matcher.PublicKey())
	// Anyone may send it (here the renter, who pays the fee); the rent can only go to the rent payer.
	res, err := s.chain.Client.CloseLease(ctx, s.renter, s.lease, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("close_lease: %d CU", res.ComputeUnits)
	if got := s.lamports(t, s.matcher.PublicKey()); got != matcherBefore+rent || rent == 0 {
		t.Errorf("matcher holds %d lamports, want %d + the lease's rent %d", got, matcherBefore, rent)
	}
	if data, owner, lamports := s.chain.AccountData(t, s.lease); data != nil || lamports != 0 {
		t.Errorf("closed lease still exists: %d bytes, owner %s, %d lamports", len(data), owner, lamports)
	}
	if _, err := s.chain.Client.FetchLease(ctx, s.lease); err == nil {
		t.Error("FetchLease found the closed lease")
	}
}

func (s *leaseScenario) lamports(t *testing.T, addr solana.PublicKey) uint64 {
	t.Helper()
	out, err := s.chain.Client.RPC.GetBalance(context.Background(), addr, "confirmed")
	if err != nil {
		t.Fatal(err)
	}
	return out.Value
}

// While both orders could still fill, the Lease address must stay taken: freeing
// it would let the same pair be committed a second time.
func TestCloseLeaseWaitsUntilThePairCanNeverFillAgain(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScenario(t, func(bid *solgridmarket.Order) { bid.GpuCount = 2 * lsGPUs })
	s.warp(t, lsHours*3600+1)
	if _, err := s.chain.Client.SettleLease(ctx, s.renter, s.lease, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	before := s.snapshot(t, s.lease, s.matcher.PublicKey())
	_, err := s.chain.Client.CloseLease(ctx, s.renter, s.lease, landed)
	requireProgramError(t, err, "OrdersStillOpen")
	s.requireUnchanged(t, before, s.lease, s.matcher.PublicKey())

	if _, err := s.chain.Client.CancelOrder(ctx, s.renter, s.market, 1, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.chain.Client.CloseLease(ctx, s.renter, s.lease, client.SendOptions{}); err != nil {
		t.Fatalf("close after the bid was cancelled: %v", err)
	}
}

func TestCloseLeaseOfAnActiveLeaseFailsAndChangesNothing(t *testing.T) {
	s := newLeaseScenario(t)
	before := s.snapshot(t, s.lease, s.matcher.PublicKey())
	_, err := s.chain.Client.CloseLease(context.Background(), s.renter, s.lease, landed)
	requireProgramError(t, err, "LeaseStillActive")
	s.requireUnchanged(t, before, s.lease, s.matcher.PublicKey())
}

// requireEndedEarly checks a lease ended at settled_until by reason: the
// provider and treasury paid to then, the rest back in the renter's available.
func (s *leaseScenario) requireEndedEarly(t *testing.T, reason solgridmarket.CloseReason) {
	t.Helper()
	l := s.fetchLease(t)
	cost, fee := s.requireSettledAt(t, l)
	refund := lsCost - cost + lsFee - fee
	if l.State != solgridmarket.LeaseState_Closed || l.CloseReason != reason || l.ClosedAt != l.SettledUntil || l.Refunded != refund {
		t.Errorf("lease: state %s reason %s closed_at %d (settled %d) refunded %d, want Closed %s refunded %d",
			l.State, l.CloseReason, l.ClosedAt, l.SettledUntil, l.Refunded, reason, refund)
	}
	if cost == 0 || refund == 0 {
		t.Errorf("an early end half-way paid %d and refunded %d", cost, refund)
	}
	s.requireBalance(t, s.renter.PublicKey(), lsDeposit-cost-fee, 0)
}

func TestCancelLeaseByTheRenterRefundsTheRestToTheUnit(t *testing.T) {
	s := newLeaseScenario(t)
	s.warp(t, 5400)
	res, err := s.chain.Client.CancelLease(context.Background(), s.renter, s.lease, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("cancel_lease: %d CU", res.ComputeUnits)
	s.requireEndedEarly(t, solgridmarket.CloseReason_CancelledByRenter)
}

func TestReleaseLeaseByTheProviderRefundsTheRestToTheUnit(t *testing.T) {
	s := newLeaseScenario(t)
	s.warp(t, 2700)
	res, err := s.chain.Client.ReleaseLease(context.Background(), s.provider, s.lease, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("release_lease: %d CU", res.ComputeUnits)
	s.requireEndedEarly(t, solgridmarket.CloseReason_ReleasedByProvider)
}

func TestTheProviderCannotCancelALease(t *testing.T) {
	s := newLeaseScenario(t)
	before := s.snapshot(t, s.touched()...)
	b := client.CancelLease{Renter: s.provider.PublicKey(), Parties: s.parties}
	ix, err := b.Build(s.chain.Client.ProgramID)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.chain.Client.Send(context.Background(), []solana.Instruction{ix}, []solana.PrivateKey{s.provider}, landed)
	requireProgramError(t, err, "WrongLeaseParty")
	s.requireUnchanged(t, before, s.touched()...)
}

func TestTheRenterCannotReleaseALease(t *testing.T) {
	s := newLeaseScenario(t)
	before := s.snapshot(t, s.touched()...)
	b := client.ReleaseLease{Provider: s.renter.PublicKey(), Parties: s.parties}
	ix, err := b.Build(s.chain.Client.ProgramID)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.chain.Client.Send(context.Background(), []solana.Instruction{ix}, []solana.PrivateKey{s.renter}, landed)
	requireProgramError(t, err, "WrongLeaseParty")
	s.requireUnchanged(t, before, s.touched()...)
}

// A crank cannot route the provider's pay to another Balance, even an open one
// of the same mint on the same market.
func TestSettleWithAnotherWalletsBalanceAsProviderIsWrongLeaseParty(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScenario(t)
	thief := s.chain.Wallet(t, solana.LAMPORTS_PER_SOL)
	thiefBalance, _, err := s.chain.Client.OpenBalance(ctx, thief, client.OpenBalance{Owner: thief.PublicKey(), Market: s.market, Mint: s.stable}, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s.warp(t, 600)
	for name, swap := range map[string]func(p *client.LeaseParties){
		"thief as provider":  func(p *client.LeaseParties) { p.ProviderBalance = thiefBalance },
		"renter as provider": func(p *client.LeaseParties) { p.ProviderBalance = p.RenterBalance },
		"thief as treasury":  func(p *client.LeaseParties) { p.TreasuryBalance = thiefBalance },
	} {
		t.Run(name, func(t *testing.T) {
			parties := s.parties
			swap(&parties)
			accounts := append(s.touched(), thiefBalance)
			before := s.snapshot(t, accounts...)
			settle := client.SettleLease{Parties: parties}
			ix, err := settle.Build(s.chain.Client.ProgramID)
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.chain.Client.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{thief}, landed)
			requireProgramError(t, err, "WrongLeaseParty")
			s.requireUnchanged(t, before, accounts...)
		})
	}
}

func TestSettleWithAnUnopenedBalanceIsBalanceNotOpen(t *testing.T) {
	s := newLeaseScenario(t)
	parties := s.parties
	parties.TreasuryBalance, _ = client.BalanceAddress(s.chain.Client.ProgramID, s.market, s.treasury, s.token)
	before := s.snapshot(t, s.touched()...)
	settle := client.SettleLease{Parties: parties}
	ix, err := settle.Build(s.chain.Client.ProgramID)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.chain.Client.Send(context.Background(), []solana.Instruction{ix}, []solana.PrivateKey{s.renter}, landed)
	requireProgramError(t, err, "BalanceNotOpen")
	s.requireUnchanged(t, before, s.touched()...)
}
