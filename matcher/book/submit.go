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

// Submit matches an incoming signed order against the book and rests what is left, in
// one script. The caller has verified the signature and the fields. reliabilityBps is
// the reliability of an ask's node (ignored for bids, which carry their minimum).
func (b *Book) Submit(ctx context.Context, so *solgridmarket.SignedOrder, reliabilityBps uint16) (*SubmitResult, error) {
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
	now := b.opts.Clock()
	res, err := matchScript.run(ctx, b.rdb, []string{b.keys.Seq()},
		b.keys.Prefix, now.Add(b.opts.ExpiryMargin).Unix(), b.opts.MaxScan, b.opts.MaxOpenPerOwner,
		side, o.SkuMask, hexPrice(o.LimitPrice), sortp, cross, o.GpuCount,
		o.MinHours, o.MaxHours, o.Region, rel, mint, o.ExpiresAt,
		o.Owner.String(), o.OrderId, blob, now.Unix(), client.SKUCount)
	if err != nil {
		return nil, fmt.Errorf("match order %d of %s: %w", o.OrderId, o.Owner, err)
	}
	switch str(res, 0) {
	case "ok":
	case "duplicate":
		return nil, fmt.Errorf("order %d of %s: %w", o.OrderId, o.Owner, ErrDuplicate)
	case "expired":
		return nil, fmt.Errorf("order %d of %s: %w", o.OrderId, o.Owner, ErrExpired)
	case "owner_limit":
		return nil, fmt.Errorf("order %d of %s: %w", o.OrderId, o.Owner, ErrOwnerLimit)
	default:
		return nil, fmt.Errorf("order %d of %s: unexpected script reply %v", o.OrderId, o.Owner, res)
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
