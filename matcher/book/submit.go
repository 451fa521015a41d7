package book

import (
	"context"
	"fmt"

	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// Match is one fill an incoming order made against a resting order.
type Match struct {
	Fill    string // fill id (its sequence number in hex)
	Counter string // the resting order's sequence number
	GPUs    uint32
	Price   uint64 // the resting (maker) order's limit price
	Hours   uint32
	SKU     solgridmarket.GpuSku
}

// SubmitResult is what matching an incoming order did.
type SubmitResult struct {
	Seq       string // the order's sequence number in this book (its arrival rank)
	Remaining uint32 // GPUs left resting on the book (0: fully matched)
	Fills     []Match
}

// Submit matches an incoming signed order against the book and rests what is left,
// atomically. The caller has verified the signature and the fields. reliabilityBps is
// the reliability of an ask's node (ignored for bids, which carry their minimum).
// Concurrent Submits share match script calls (see batcher); each order is matched
// exactly as if it had been the only one in its call.
func (b *Book) Submit(ctx context.Context, so *solgridmarket.SignedOrder, reliabilityBps uint16) (*SubmitResult, error) {
	args, err := b.orderArgs(so, reliabilityBps)
	if err != nil {
		return nil, err
	}
	c := &call{ctx: ctx, args: args, done: make(chan []*call, 1)}
	b.batcher.submit(c)
	if c.err != nil {
		return nil, fmt.Errorf("match order %d of %s: %w", so.Order.OrderId, so.Order.Owner, c.err)
	}
	return c.res, nil
}

// orderWidth is the number of match script arguments per order.
const orderWidth = 15

// orderArgs are an order's fields as the match script takes them.
func (b *Book) orderArgs(so *solgridmarket.SignedOrder, reliabilityBps uint16) ([]any, error) {
	o := &so.Order
	if o.Market != b.market {
		return nil, fmt.Errorf("order %d is for market %s, not %s", o.OrderId, o.Market, b.market)
	}
	body, err := o.Marshal()
	if err != nil {
		return nil, fmt.Errorf("encode order %d: %w", o.OrderId, err)
	}
	// The book keeps signature ‖ order without the market (its own): the domain and
	// the market are constants of the book, re-added when the order is read back.
	blob := append(append(make([]byte, 0, 64+len(body)-32), so.Signature[:]...), body[32:]...)
	side, sortp, cross := "b", hexPrice(^o.LimitPrice), hexPrice(o.LimitPrice)
	rel := o.MinReliabilityBps
	if o.Side == solgridmarket.Side_Ask {
		side, sortp, cross = "a", hexPrice(o.LimitPrice), hexPrice(^o.LimitPrice)
		rel = reliabilityBps
	}
	mint := ""
	if !o.PaymentMint.IsZero() {
		mint = o.PaymentMint.String()
	}
	return []any{side, o.SkuMask, hexPrice(o.LimitPrice), sortp, cross, o.GpuCount,
		o.MinHours, o.MaxHours, o.Region, rel, mint, o.ExpiresAt,
		o.Owner.String(), o.OrderId, blob}, nil
}

// matchBatch runs the match script once for a batch of orders and sets each call's
// result. A failed script call fails every order of the batch.
func (b *Book) matchBatch(batch []*call) {
	// One caller giving up must not fail the others' orders.
	ctx := context.WithoutCancel(batch[0].ctx)
	now := b.opts.Clock()
	args := make([]any, 0, 7+orderWidth*len(batch))
	args = append(args, b.keys.Prefix, now.Add(b.opts.ExpiryMargin).Unix(), b.opts.MaxScan, b.opts.MaxOpenPerOwner,
		now.Unix(), client.SKUCount, len(batch))
	for _, c := range batch {
		args = append(args, c.args...)
	}
	res, err := matchScript.run(ctx, b.rdb, []string{b.keys.Seq()}, args...)
	if err == nil && len(res) != len(batch) {
		err = fmt.Errorf("match script answered %d orders of %d", len(res), len(batch))
	}
	for i, c := range batch {
		if err != nil {
			c.err = err
			continue
		}
		r, _ := res[i].([]any)
		c.res, c.err = submitResult(r)
	}
}

// submitResult reads one order's answer from the match script.
func submitResult(res []any) (*SubmitResult, error) {
	switch str(res, 0) {
	case "ok":
	case "duplicate":
		return nil, ErrDuplicate
	case "expired":
		return nil, ErrExpired
	case "owner_limit":
		return nil, ErrOwnerLimit
	default:
		return nil, fmt.Errorf("unexpected script reply %v", res)
	}
	out := &SubmitResult{Seq: str(res, 1), Remaining: uint32(num(res, 2))}
	for i := 3; i+6 <= len(res); i += 6 {
		price, err := parseHexPrice(str(res, i+3))
		if err != nil {
			return nil, err
		}
		out.Fills = append(out.Fills, Match{
			Fill: str(res, i), Counter: str(res, i+1), GPUs: uint32(num(res, i+2)),
			Price: price, Hours: uint32(num(res, i+4)), SKU: solgridmarket.GpuSku(num(res, i+5)),
		})
	}
	return out, nil
}
