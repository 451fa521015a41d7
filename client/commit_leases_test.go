package client_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// 4 GPUs x 3 h at the ask's $2.00 = $24.00; 250 bps fee = $0.60.
const (
	wantCost = 4 * 3 * askPrice
	wantFee  = wantCost * 250 / 10_000
)

func TestCommitLeasesLocksCostAndFeeAndWritesTheLease(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScene(t)
	bid, ask := s.bid(1), s.ask(2)
	before := time.Now().Unix()
	plan, res, err := s.commit(t, client.SendOptions{}, s.pair(t, bid, ask, 4, 3))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("commit_leases, 1 lease, 2 new orders: %d CU", res.ComputeUnits)

	bal := s.balance(t, s.renter.PublicKey(), s.stable)
	if bal.Available != sceneFunds-wantCost-wantFee || bal.Locked != wantCost+wantFee {
		t.Errorf("renter balance available %d locked %d, want %d and %d", bal.Available, bal.Locked, sceneFunds-wantCost-wantFee, wantCost+wantFee)
	}
	lease, err := s.chain.Client.FetchLease(ctx, plan.Leases[0])
	if err != nil {
		t.Fatal(err)
	}
	bidState, _ := client.OrderStateAddress(s.chain.Client.ProgramID, s.market, s.renter.PublicKey(), 1)
	askState, _ := client.OrderStateAddress(s.chain.Client.ProgramID, s.market, s.provider.PublicKey(), 2)
	wantAddr, bump := client.LeaseAddress(s.chain.Client.ProgramID, bidState, askState)
	if plan.Leases[0] != wantAddr {
		t.Fatalf("lease at %s, want %s", plan.Leases[0], wantAddr)
	}
	if lease.StartTs < before-5 || lease.StartTs > time.Now().Unix()+5 {
		t.Errorf("start %d is not the cluster time (~%d)", lease.StartTs, before)
	}
	want := solgridmarket.Lease{
		PriceMicroUsd: askPrice, TotalCost: wantCost, TotalFee: wantFee,
		StartTs: lease.StartTs, EndTs: lease.StartTs + 3*3600, SettledUntil: lease.StartTs,
		BidOrderId: 1, AskOrderId: 2, Market: s.market, Renter: s.renter.PublicKey(), Provider: s.provider.PublicKey(),
		Node: s.node, PaymentMint: s.stable, RentPayer: s.matcher.PublicKey(), GpuCount: 4, Hours: 3,
		FeeBps: 250, Region: 3, MinReliabilityBps: 9_000, Sku: solgridmarket.GpuSku_H100Sxm,
		State: solgridmarket.LeaseState_Active, CloseReason: solgridmarket.CloseReason_None, Bump: bump,
	}
	if *lease != want {
		t.Errorf("lease\n got %+v\nwant %+v", *lease, want)
	}
	for _, side := range []struct {
		owner solana.PublicKey
		id    uint64
		order solgridmarket.Order
	}{{s.renter.PublicKey(), 1, bid}, {s.provider.PublicKey(), 2, ask}} {
		st, err := s.chain.Client.FetchOrderState(ctx, s.market, side.owner, side.id)
		if err != nil {
			t.Fatal(err)
		}
		_, stBump := client.OrderStateAddress(s.chain.Client.ProgramID, s.market, side.owner, side.id)
		if st.FilledGpus != 4 || st.Cancelled != 0 || st.HasOrder != 1 || st.Bump != stBump || st.Order != side.order {
			t.Errorf("order state %d: %+v", side.id, *st)
		}
	}
	m, err := s.chain.Client.FetchMarket(ctx, s.market)
	if err != nil {
		t.Fatal(err)
	}
	if m.LeasesCommitted != 1 {
		t.Errorf("leases_committed %d, want 1", m.LeasesCommitted)
	}
	for name, list := range map[string]func(context.Context, solana.PublicKey, solana.PublicKey) ([]client.LeaseAccount, error){
		"renter": s.chain.Client.LeasesByRenter, "provider": s.chain.Client.LeasesByProvider,
	} {
		key := s.renter.PublicKey()
		if name == "provider" {
			key = s.provider.PublicKey()
		}
		got, err := list(ctx, s.market, key)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Address != plan.Leases[0] {
			t.Errorf("leases by %s: %+v", name, got)
		}
		if other, _ := list(ctx, s.market, s.matcher.PublicKey()); len(other) != 0 {
			t.Errorf("leases by %s found %d leases of a stranger", name, len(other))
		}
	}
	if !logsHaveEvent(res.Logs, solgridmarket.Event_LeaseCommitted[:]) {
		t.Error("no LeaseCommitted event in the logs")
	}
}

// Paying in the platform token: cost converted at the oracle price, rounded up,
// with the discounted token fee. $24.00 at $1.30/token (9 decimals) =
// 18.461538461538... tokens -> 18461538462 base units; fee 100 bps, floored.
func TestCommitLeasesInPlatformTokenAtTheOraclePrice(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScene(t)
	const funds = 50_000_000_000
	if _, _, err := s.chain.Client.MintToOwner(ctx, s.authority, s.token, s.renter.PublicKey(), funds); err != nil {
		t.Fatal(err)
	}
	s.deposit(t, s.renter, s.token, funds)
	if _, err := s.chain.Client.SetTokenPrice(ctx, s.oracle, client.SetTokenPrice{Market: s.market, PriceMicroUsd: 1_300_000}, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	bid := s.bid(1)
	bid.PaymentMint = s.token
	plan, _, err := s.commit(t, client.SendOptions{}, s.pair(t, bid, s.ask(2), 4, 3))
	if err != nil {
		t.Fatal(err)
	}
	const cost, fee = 18_461_538_462, 184_615_384
	bal := s.balance(t, s.renter.PublicKey(), s.token)
	if bal.Available != funds-cost-fee || bal.Locked != cost+fee {
		t.Errorf("token balance available %d locked %d, want %d and %d", bal.Available, bal.Locked, funds-cost-fee, cost+fee)
	}
	if stable := s.balance(t, s.renter.PublicKey(), s.stable); stable.Available != sceneFunds || stable.Locked != 0 {
		t.Errorf("stablecoin balance touched: %+v", *stable)
	}
	lease, err := s.chain.Client.FetchLease(ctx, plan.Leases[0])
	if err != nil {
		t.Fatal(err)
	}
	if lease.TotalCost != cost || lease.TotalFee != fee || lease.FeeBps != 100 || lease.PaymentMint != s.token || lease.PriceMicroUsd != askPrice {
		t.Errorf("lease cost %d fee %d bps %d mint %s price %d", lease.TotalCost, lease.TotalFee, lease.FeeBps, lease.PaymentMint, lease.PriceMicroUsd)
	}
}

// The second commit references the bid stored by the first (no signature, no
// order bytes) and fills the rest of it against a new ask.
func TestCommitLeasesFillsAStoredOrderAgain(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScene(t)
	bid := s.bid(1)
	if _, _, err := s.commit(t, client.SendOptions{}, s.pair(t, bid, s.ask(2), 5, 2)); err != nil {
		t.Fatal(err)
	}
	ask := s.ask(3)
	plan, res, err := s.commit(t, client.SendOptions{}, client.LeaseFill{Bid: client.StoredOrder(&bid),
		Ask: client.NewOrder(sign(t, ask, s.provider)), GPUs: 3, Hours: 2, PriceMicroUSD: askPrice, Maker: solgridmarket.Side_Ask})
	if err != nil {
		t.Fatal(err)
	}
	if plan.NewOrders != 1 {
		t.Errorf("%d new orders carried, want 1", plan.NewOrders)
	}
	t.Logf("commit_leases, stored bid + new ask: %d CU", res.ComputeUnits)
	st, err := s.chain.Client.FetchOrderState(ctx, s.market, s.renter.PublicKey(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if st.FilledGpus != 8 {
		t.Errorf("bid filled %d GPUs, want 8", st.FilledGpus)
	}
	total := uint64(8*2*askPrice) * 10_250 / 10_000
	if bal := s.balance(t, s.renter.PublicKey(), s.stable); bal.Locked != total || bal.Available != sceneFunds-total {
		t.Errorf("renter locked %d available %d, want %d", bal.Locked, bal.Available, total)
	}
	leases, err := s.chain.Client.LeasesByRenter(ctx, s.market, s.renter.PublicKey())
	if err != nil || len(leases) != 2 {
		t.Errorf("renter has %d leases (%v), want 2", len(leases), err)
	}
}

// One taker bid shared by two asks in one transaction: the bid is carried once.
func TestCommitLeasesSharesOneTakerAcrossFills(t *testing.T) {
	s := newLeaseScene(t, oversizedTransactions)
	bid := sign(t, s.bid(1), s.renter)
	var fills []client.LeaseFill
	for i := uint64(0); i < 2; i++ {
		fills = append(fills, client.LeaseFill{Bid: client.NewOrder(bid), Ask: client.NewOrder(sign(t, s.ask(10+i), s.provider)),
			GPUs: 2, Hours: 1, PriceMicroUSD: askPrice, Maker: solgridmarket.Side_Ask})
	}
	plan, _, err := s.commit(t, client.SendOptions{}, fills...)
	if err != nil {
		t.Fatal(err)
	}
	if plan.NewOrders != 3 || len(plan.Leases) != 2 {
		t.Errorf("%d new orders, %d leases", plan.NewOrders, len(plan.Leases))
	}
	st, err := s.chain.Client.FetchOrderState(context.Background(), s.market, s.renter.PublicKey(), 1)
	if err != nil || st.FilledGpus != 4 {
		t.Errorf("shared bid filled %v GPUs (%v), want 4", st, err)
	}
}

func TestCancelOrderRecordsTheCancellation(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScene(t)
	res, err := s.chain.Client.CancelOrder(ctx, s.renter, s.market, 77, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.chain.Client.FetchOrderState(ctx, s.market, s.renter.PublicKey(), 77)
	if err != nil {
		t.Fatal(err)
	}
	_, bump := client.OrderStateAddress(s.chain.Client.ProgramID, s.market, s.renter.PublicKey(), 77)
	if st.Cancelled != 1 || st.HasOrder != 0 || st.FilledGpus != 0 || st.Bump != bump || st.Order != (solgridmarket.Order{}) {
		t.Errorf("cancel-only record: %+v", *st)
	}
	if !logsHaveEvent(res.Logs, solgridmarket.Event_OrderCancelled[:]) {
		t.Error("no OrderCancelled event")
	}
	// Cancelling again (and cancelling a partly filled order) keeps what was filled.
	bid := s.bid(5)
	if _, _, err := s.commit(t, client.SendOptions{}, s.pair(t, bid, s.ask(6), 2, 1)); err != nil {
		t.Fatal(err)
	}
	// Two different compute limits: otherwise the second cancel is the same transaction.
	for _, units := range []uint32{60_000, 70_000} {
		if _, err := s.chain.Client.CancelOrder(ctx, s.renter, s.market, 5, client.SendOptions{ComputeUnits: units}); err != nil {
			t.Fatal(err)
		}
	}
	st, err = s.chain.Client.FetchOrderState(ctx, s.market, s.renter.PublicKey(), 5)
	if err != nil || st.Cancelled != 1 || st.FilledGpus != 2 || st.HasOrder != 1 || st.Order != bid {
		t.Errorf("cancelled filled order: %+v (%v)", st, err)
	}
}

// Someone else cannot cancel the renter's order: the record is at the
// canceller's own PDA, so the renter's record is untouched.
func TestCancelOrderOfAnotherOwnerFailsAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScene(t)
	state, _ := client.OrderStateAddress(s.chain.Client.ProgramID, s.market, s.renter.PublicKey(), 9)
	ix, err := solgridmarket.NewCancelOrderInstruction(9, s.provider.PublicKey(), s.market, state, solana.SystemProgramID)
	if err != nil {
		t.Fatal(err)
	}
	before := s.snapshot(t, state)
	_, err = s.chain.Client.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{s.provider}, landed)
	requireProgramError(t, err, "InvalidPda")
	s.requireUnchanged(t, before, state)
}

// logsHaveEvent finds an Anchor event ("Program data: base64(disc ‖ body)").
func logsHaveEvent(logs []string, disc []byte) bool {
	for _, l := range logs {
		if rest, ok := strings.CutPrefix(l, "Program data: "); ok {
			if data, err := base64.StdEncoding.DecodeString(rest); err == nil && bytes.HasPrefix(data, disc) {
				return true
			}
		}
	}
	return false
}
