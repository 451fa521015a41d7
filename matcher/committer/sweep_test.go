package committer

import (
	"context"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/rs/zerolog"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/matcher/matchertest"
)

func warp(t *testing.T, s *matchertest.Scene, seconds int64) {
	t.Helper()
	var out map[string]any
	if err := s.Chain.Client.RPC.RPCCallForInto(context.Background(), &out, "localnet_warpClock", []any{seconds}); err != nil {
		t.Fatalf("localnet_warpClock: %v", err)
	}
}

// committedScene: one bid of 16 GPUs filled by two asks of 8, committed by a
// committer that does not sweep; returns the three OrderStates the matcher paid for.
func committedScene(t *testing.T) (*matchertest.Scene, []client.OrderStateAccount) {
	t.Helper()
	s := matchertest.New(t, matchertest.Options{Renters: 1, Providers: 2})
	for _, p := range s.Providers {
		s.Submit(t, s.Ask(t, p, 8, 2_000_000))
	}
	if n := len(s.Submit(t, s.Bid(t, s.Renters[0], 16, 2_500_000, 4)).Fills); n != 2 {
		t.Fatalf("%d fills, want 2", n)
	}
	_, _, stop := startWith(t, s, func(c *Config) { c.SweepEvery = -1 })
	s.WaitDrained(t, time.Minute)
	stop()
	states, err := s.Chain.Client.OrderStatesPaidBy(context.Background(), s.Market, s.Matcher.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	if len(states) != 3 {
		t.Fatalf("%d OrderStates paid by the matcher, want 3", len(states))
	}
	return s, states
}

func lamports(t *testing.T, s *matchertest.Scene, addr solana.PublicKey) uint64 {
	t.Helper()
	_, _, l := s.Chain.AccountData(t, addr)
	return l
}

func TestSweepReclaimsOnlyExpiredOrderStatesTheMatcherPaidFor(t *testing.T) {
	ctx := context.Background()
	s, states := committedScene(t)
	// A cancel-only record: the provider paid it, and its expiry is unknown.
	if _, err := s.Chain.Client.CancelOrder(ctx, s.Providers[0], s.Market, 999, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	cancelOnly, _ := client.OrderStateAddress(s.Chain.Client.ProgramID, s.Market, s.Providers[0].PublicKey(), 999)
	sw := NewSweeper(s.Chain.Client, s.Matcher, s.Market, client.SendOptions{}, zerolog.New(zerolog.NewTestWriter(t)))

	if res, err := sw.Sweep(ctx); err != nil || res.Closed != 0 {
		t.Fatalf("sweep before expiry: %+v, %v; want nothing closed", res, err)
	}
	var rent uint64
	for _, st := range states {
		if got := lamports(t, s, st.Address); got == 0 || got != st.Lamports {
			t.Fatalf("OrderState %s holds %d lamports before expiry, want its rent %d", st.Address, got, st.Lamports)
		}
		rent += st.Lamports
	}

	warp(t, s, 2*3600+60) // the scene's orders expire after 2 h
	before := lamports(t, s, s.Matcher.PublicKey())
	res, err := sw.Sweep(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if res.Closed != 3 || res.Lamports != rent {
		t.Errorf("sweep closed %d OrderStates for %d lamports, want 3 for %d", res.Closed, res.Lamports, rent)
	}
	const fee = 5000 // one signature, one transaction of up to 16 closes
	if got := lamports(t, s, s.Matcher.PublicKey()); got != before+rent-fee {
		t.Errorf("matcher holds %d lamports, want %d + rent %d - fee %d", got, before, rent, fee)
	}
	for _, st := range states {
		if data, _, l := s.Chain.AccountData(t, st.Address); data != nil || l != 0 {
			t.Errorf("OrderState %s still exists after the sweep", st.Address)
		}
	}
	if data, _, _ := s.Chain.AccountData(t, cancelOnly); data == nil {
		t.Error("the sweep closed a cancel-only record")
	}
	if res, err := sw.Sweep(ctx); err != nil || res.Closed != 0 {
		t.Errorf("second sweep: %+v, %v; want nothing left", res, err)
	}
}

// The committer runs the sweeper itself.
func TestCommitterSweepsExpiredOrderStates(t *testing.T) {
	s, states := committedScene(t)
	warp(t, s, 2*3600+60)
	startWith(t, s, func(c *Config) { c.SweepEvery = 100 * time.Millisecond })
	deadline := time.Now().Add(30 * time.Second)
	for _, st := range states {
		for {
			if data, _, _ := s.Chain.AccountData(t, st.Address); data == nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("OrderState %s not swept within 30 s", st.Address)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
}
