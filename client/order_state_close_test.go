package client_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

func (s *leaseScene) orderState(t *testing.T, owner solana.PublicKey, id uint64) (solana.PublicKey, *solgridmarket.OrderState) {
	t.Helper()
	addr, _ := client.OrderStateAddress(s.chain.Client.ProgramID, s.market, owner, id)
	st, err := s.chain.Client.FetchOrderState(context.Background(), s.market, owner, id)
	if err != nil {
		t.Fatal(err)
	}
	return addr, st
}

func (s *leaseScene) lamports(t *testing.T, addr solana.PublicKey) uint64 {
	t.Helper()
	_, _, lamports := s.chain.AccountData(t, addr)
	return lamports
}

// requireClosedTo closes (market, owner, id)'s OrderState, sent and paid for by
// the renter, and asserts the matcher got exactly its rent and the account is gone.
func (s *leaseScene) requireClosedTo(t *testing.T, owner solana.PublicKey, id uint64) {
	t.Helper()
	addr, st := s.orderState(t, owner, id)
	if st.RentPayer != s.matcher.PublicKey() {
		t.Fatalf("OrderState %d of %s: rent payer %s, want the matcher %s", id, owner, st.RentPayer, s.matcher.PublicKey())
	}
	rent, matcherBefore := s.lamports(t, addr), s.lamports(t, s.matcher.PublicKey())
	res, err := s.chain.Client.CloseOrderState(context.Background(), s.renter, s.market, owner, id, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("close_order_state: %d CU", res.ComputeUnits)
	if got := s.lamports(t, s.matcher.PublicKey()); got != matcherBefore+rent || rent == 0 {
		t.Errorf("matcher holds %d lamports, want %d + the OrderState's rent %d", got, matcherBefore, rent)
	}
	if data, owner, lamports := s.chain.AccountData(t, addr); data != nil || lamports != 0 {
		t.Errorf("closed OrderState still exists: %d bytes, owner %s, %d lamports", len(data), owner, lamports)
	}
}

// After expiry both records go, their rent back to the matcher, and the very
// same signed fill committed again fails OrderExpired: the replay stays impossible.
func TestCloseOrderStateAfterExpiryReturnsTheRentAndTheReplayStillFails(t *testing.T) {
	s := newLeaseScene(t)
	fill := s.pair(t, s.bid(1), s.ask(2), 2, 1) // both orders keep 6 GPUs that could fill
	if _, _, err := s.commit(t, client.SendOptions{}, fill); err != nil {
		t.Fatal(err)
	}
	s.warp(t, 3600+60) // past both orders' expires_at
	s.requireClosedTo(t, s.renter.PublicKey(), 1)
	s.requireClosedTo(t, s.provider.PublicKey(), 2)

	s.rejects(t, s.plan(t, fill), "OrderExpired")
	// The bid alone, against a fresh ask: still expired.
	ask := s.ask(3)
	ask.ExpiresAt = time.Now().Unix() + 7*86_400
	s.rejects(t, s.plan(t, client.LeaseFill{Bid: fill.Bid, Ask: client.NewOrder(sign(t, ask, s.provider)),
		GPUs: 2, Hours: 1, PriceMicroUSD: askPrice, Maker: solgridmarket.Side_Ask}), "OrderExpired")
}

// requireRefused lands close_order_state for the record and asserts the named
// error and that neither the record nor the matcher changed.
func (s *leaseScene) requireRefused(t *testing.T, b client.CloseOrderState, name string) {
	t.Helper()
	ix, err := b.Build(s.chain.Client.ProgramID)
	if err != nil {
		t.Fatal(err)
	}
	watched := []solana.PublicKey{b.OrderState, s.matcher.PublicKey(), b.RentPayer}
	before := s.snapshot(t, watched...)
	_, err = s.chain.Client.Send(context.Background(), []solana.Instruction{ix}, []solana.PrivateKey{s.provider}, landed)
	requireProgramError(t, err, name)
	s.requireUnchanged(t, before, watched...)
}

func (s *leaseScene) closeOf(t *testing.T, owner solana.PublicKey, id uint64) client.CloseOrderState {
	t.Helper()
	_, st := s.orderState(t, owner, id)
	return client.CloseOrderStateOf(s.chain.Client.ProgramID, s.market, owner, id, st)
}

// Filled or not, an order that has not expired keeps its record.
func TestCloseOrderStateBeforeExpiryFailsAndChangesNothing(t *testing.T) {
	s := newLeaseScene(t)
	if _, _, err := s.commit(t, client.SendOptions{}, s.pair(t, s.bid(1), s.ask(2), sceneGPUs, 1)); err != nil {
		t.Fatal(err)
	}
	s.warp(t, 3000)                                                              // 600 s before expiry
	s.requireRefused(t, s.closeOf(t, s.renter.PublicKey(), 1), "OrderStillLive") // fully filled
	s.requireRefused(t, s.closeOf(t, s.provider.PublicKey(), 2), "OrderStillLive")
	// Client.CloseOrderState reports it too (sent by the renter: another transaction).
	if _, err := s.chain.Client.CloseOrderState(context.Background(), s.renter, s.market, s.renter.PublicKey(), 1, landed); !isProgramError(err, "OrderStillLive") {
		t.Fatalf("Client.CloseOrderState before expiry: %v, want OrderStillLive", err)
	}
}

func isProgramError(err error, name string) bool {
	return errors.Is(err, client.ProgramErrorNamed(name))
}

// A cancel-only record never saw its order, so its expiry is unknown: it stays.
func TestCloseOrderStateOfACancelOnlyRecordFails(t *testing.T) {
	s := newLeaseScene(t)
	if _, err := s.chain.Client.CancelOrder(context.Background(), s.renter, s.market, 9, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	b := s.closeOf(t, s.renter.PublicKey(), 9)
	if b.RentPayer != s.renter.PublicKey() {
		t.Fatalf("cancel-only record: rent payer %s, want the owner %s who paid it", b.RentPayer, s.renter.PublicKey())
	}
	s.warp(t, 30*86_400)
	s.requireRefused(t, b, "OrderStillLive")
}

func TestCloseOrderStateToAnotherWalletIsWrongRentReceiver(t *testing.T) {
	s := newLeaseScene(t)
	if _, _, err := s.commit(t, client.SendOptions{}, s.pair(t, s.bid(1), s.ask(2), 2, 1)); err != nil {
		t.Fatal(err)
	}
	s.warp(t, 3600+60)
	b := s.closeOf(t, s.renter.PublicKey(), 1)
	b.RentPayer = s.renter.PublicKey() // the order's owner, who did not pay the rent
	s.requireRefused(t, b, "WrongRentReceiver")
}

// close_lease loads the pair's OrderStates; one closed after its order expired
// counts as done, even while the other order could still fill.
func TestCloseLeaseAfterItsBidOrderStateWasClosed(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScenario(t, func(bid *solgridmarket.Order) {
		bid.GpuCount = 2 * lsGPUs
		bid.ExpiresAt = time.Now().Unix() + lsHours*3600 + 600
	})
	s.warp(t, lsHours*3600+700) // the lease ended, the bid expired, the ask (8 GPUs, a day) is live
	if _, err := s.chain.Client.SettleLease(ctx, s.renter, s.lease, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	bidState, _ := client.OrderStateAddress(s.chain.Client.ProgramID, s.market, s.renter.PublicKey(), 1)
	askState, _ := client.OrderStateAddress(s.chain.Client.ProgramID, s.market, s.provider.PublicKey(), 1)
	before := s.snapshot(t, askState)
	if _, err := s.chain.Client.CloseOrderState(ctx, s.renter, s.market, s.renter.PublicKey(), 1, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	_, err := s.chain.Client.CloseOrderState(ctx, s.renter, s.market, s.provider.PublicKey(), 1, landed)
	requireProgramError(t, err, "OrderStillLive")
	s.requireUnchanged(t, before, askState)

	_, _, rent := s.chain.AccountData(t, s.lease)
	matcherBefore := s.lamports(t, s.matcher.PublicKey())
	if _, err := s.chain.Client.CloseLease(ctx, s.renter, s.lease, client.SendOptions{}); err != nil {
		t.Fatalf("close_lease after the bid's OrderState was closed: %v", err)
	}
	if got := s.lamports(t, s.matcher.PublicKey()); got != matcherBefore+rent || rent == 0 {
		t.Errorf("matcher holds %d lamports, want %d + the lease's rent %d", got, matcherBefore, rent)
	}
	if data, _, _ := s.chain.AccountData(t, s.lease); data != nil {
		t.Error("the lease still exists")
	}
	if data, _, _ := s.chain.AccountData(t, bidState); data != nil {
		t.Error("the bid's OrderState reappeared")
	}
}

// The C header pins OrderState.order at 16 (Order.market first) and rent_payer at 192.
func TestOrderStateOffsetsMatchTheProgram(t *testing.T) {
	if client.OrderStateMarketOffset != 16 || client.OrderStateRentPayerOffset != 192 {
		t.Errorf("OrderState offsets: market %d, rent_payer %d; want 16, 192", client.OrderStateMarketOffset, client.OrderStateRentPayerOffset)
	}
}

// Expiry is judged by the cluster's clock, which the sweeper reads.
func TestClusterTimeFollowsTheWarpedClock(t *testing.T) {
	s := newLeaseScene(t)
	ctx := context.Background()
	before, err := s.chain.Client.ClusterTime(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if now := time.Now().Unix(); before < now-60 || before > now+60 {
		t.Errorf("cluster time %d, wall time %d", before, now)
	}
	s.warp(t, 10_000)
	after, err := s.chain.Client.ClusterTime(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after < before+10_000 || after > before+10_060 {
		t.Errorf("cluster time %d after a 10000 s warp from %d", after, before)
	}
}
