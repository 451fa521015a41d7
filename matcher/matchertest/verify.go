package matchertest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/redis/go-redis/v9"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/matcher/book"
)

// Verify asserts the end state after the outbox drained: every committed fill has
// its lease on chain with the fill's terms, no failed fill has one, every order's
// matched GPUs in the book equal its OrderState's filled GPUs on chain, and no order
// the book accepted is missing. It returns the number of committed leases.
func (s *Scene) Verify(t testing.TB) int {
	t.Helper()
	ctx := context.Background()
	c := s.Chain.Client
	committed := 0
	for _, f := range s.Fills(t) {
		bid, err := s.Book.SignedOrder(ctx, f.BidSeq)
		if err != nil {
			t.Fatalf("fill %s: bid order lost: %v", f.Seq, err)
		}
		ask, err := s.Book.SignedOrder(ctx, f.AskSeq)
		if err != nil {
			t.Fatalf("fill %s: ask order lost: %v", f.Seq, err)
		}
		bidState, _ := client.OrderStateAddress(c.ProgramID, s.Market, bid.Order.Owner, bid.Order.OrderId)
		askState, _ := client.OrderStateAddress(c.ProgramID, s.Market, ask.Order.Owner, ask.Order.OrderId)
		addr, _ := client.LeaseAddress(c.ProgramID, bidState, askState)
		lease, err := c.FetchLease(ctx, addr)
		switch f.Status {
		case book.FillCommitted:
			if err != nil {
				t.Errorf("fill %s is committed but its lease %s: %v", f.Seq, addr, err)
				continue
			}
			if lease.GpuCount != f.GPUs || lease.Hours != f.Hours || lease.PriceMicroUsd != f.Price {
				t.Errorf("fill %s: lease has %d GPUs × %d h at %d, the fill %d × %d at %d", f.Seq, lease.GpuCount, lease.Hours, lease.PriceMicroUsd, f.GPUs, f.Hours, f.Price)
			}
			committed++
		case book.FillFailed:
			if !errors.Is(err, client.ErrAccountNotFound) {
				t.Errorf("fill %s failed (%s) but lease %s exists or is unreadable: %v", f.Seq, f.Reason, addr, err)
			}
		default:
			t.Errorf("fill %s still %s", f.Seq, f.Status)
		}
	}
	n, err := s.RDB.Get(ctx, s.Book.Keys().Seq()).Int()
	if err != nil && !errors.Is(err, redis.Nil) {
		t.Fatal(err)
	}
	for i := 1; i <= n; i++ {
		seq := fmt.Sprintf("%012x", i)
		o, err := s.Book.OrderBySeq(ctx, seq)
		if errors.Is(err, book.ErrNotFound) {
			continue // a sequence number burnt by a refused duplicate
		}
		if err != nil {
			t.Fatal(err)
		}
		var filled uint32
		st, err := c.FetchOrderState(ctx, s.Market, o.Owner, o.OrderID)
		switch {
		case err == nil:
			filled = st.FilledGpus
		case !errors.Is(err, client.ErrAccountNotFound):
			t.Fatal(err)
		}
		if o.Matched() != filled {
			t.Errorf("order %d of %s (%s): book matched %d GPUs, chain filled %d", o.OrderID, o.Owner, o.Status, o.Matched(), filled)
		}
	}
	return committed
}
