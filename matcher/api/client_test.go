package api

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// The Go client speaks the same API the handlers serve: a match, the book, the
// status, a cancel, and refusals as *Error with their codes.
func TestClientRoundTrip(t *testing.T) {
	ctx := context.Background()
	f := newAPI(t, false)
	c := NewClient(f.http.URL + "/")
	provider, renter := solana.NewWallet().PrivateKey, solana.NewWallet().PrivateKey

	ask := f.order(provider, solgridmarket.Side_Ask, 8, 2_000_000)
	if res, err := c.Submit(ctx, &ask); err != nil || res.Status != "open" || res.Remaining != 8 {
		t.Fatalf("ask: %+v %v", res, err)
	}
	depth, err := c.Depth(ctx, "h100-sxm")
	if err != nil || len(depth.Asks) != 1 || depth.Asks[0].GPUs != 8 || len(depth.Bids) != 0 {
		t.Fatalf("depth: %+v %v", depth, err)
	}
	bid := f.order(renter, solgridmarket.Side_Bid, 3, 2_500_000)
	res, err := c.Submit(ctx, &bid)
	if err != nil || len(res.Fills) != 1 || res.Fills[0].GPUs != 3 || res.Fills[0].Price != numOf(2_000_000) {
		t.Fatalf("crossing bid: %+v %v", res, err)
	}
	st, err := c.Status(ctx, provider.PublicKey(), ask.Order.OrderId)
	if err != nil || st.Remaining != 5 || st.Matched != 3 || len(st.Fills) != 1 {
		t.Fatalf("status: %+v %v", st, err)
	}

	_, err = c.Submit(ctx, &ask)
	var refusal *Error
	if !errors.As(err, &refusal) || refusal.Code != CodeDuplicateOrder || refusal.Status != http.StatusConflict {
		t.Fatalf("duplicate: %v", err)
	}
	if err := c.Cancel(ctx, f.market, provider, ask.Order.OrderId); err != nil {
		t.Fatalf("cancel: %v", err)
	}
	if st, err := c.Status(ctx, provider.PublicKey(), ask.Order.OrderId); err != nil || st.Status != "cancelled" {
		t.Fatalf("after cancel: %+v %v", st, err)
	}
	if _, err := NewClient("http://127.0.0.1:1").Depth(ctx, "h100-sxm"); err == nil {
		t.Fatal("an unreachable matcher gave no error")
	}
}
