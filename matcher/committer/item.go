package committer

import (
	"context"
	"errors"
	"fmt"

	"github.com/gagliardetto/solana-go"
	"github.com/redis/go-redis/v9"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/matcher/book"
)

// item is one outbox entry with what committing it needs.
type item struct {
	entry                string // stream entry id
	fill                 *book.Fill
	bid, ask             *solgridmarket.SignedOrder
	bidStored, askStored bool // the order is already stored in its OrderState on chain
	lease                solana.PublicKey
	bidState, askState   solana.PublicKey // OrderState addresses
}

// storedField marks, in an order's hash, that a commit stored the order on chain, so
// later fills reference it instead of carrying its 256 bytes again.
const storedField = "oc"

// load reads an entry's fill and orders; nil if the fill is already settled (its entry
// is then acknowledged).
func (c *Committer) load(ctx context.Context, m redis.XMessage) (*item, error) {
	fseq, _ := m.Values["f"].(string)
	fill, err := c.book.Fill(ctx, fseq)
	if err != nil {
		return nil, fmt.Errorf("entry %s: %w", m.ID, err)
	}
	if fill.Status != book.FillPending {
		return nil, c.ack(ctx, m.ID)
	}
	it := &item{entry: m.ID, fill: fill}
	if it.bid, err = c.book.SignedOrder(ctx, fill.BidSeq); err != nil {
		return nil, err
	}
	if it.ask, err = c.book.SignedOrder(ctx, fill.AskSeq); err != nil {
		return nil, err
	}
	if it.bidStored, err = c.stored(ctx, fill.BidSeq); err != nil {
		return nil, err
	}
	if it.askStored, err = c.stored(ctx, fill.AskSeq); err != nil {
		return nil, err
	}
	pid, market := c.cfg.Client.ProgramID, c.book.Market()
	it.bidState, _ = client.OrderStateAddress(pid, market, it.bid.Order.Owner, it.bid.Order.OrderId)
	it.askState, _ = client.OrderStateAddress(pid, market, it.ask.Order.Owner, it.ask.Order.OrderId)
	it.lease, _ = client.LeaseAddress(pid, it.bidState, it.askState)
	return it, nil
}

func (c *Committer) stored(ctx context.Context, seq string) (bool, error) {
	v, err := c.rdb.HGet(ctx, c.book.Keys().Order(seq), storedField).Result()
	if errors.Is(err, redis.Nil) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("order %s: %w", seq, err)
	}
	return v == "1", nil
}

func (it *item) leaseFill() client.LeaseFill {
	f := client.LeaseFill{GPUs: it.fill.GPUs, Hours: it.fill.Hours, PriceMicroUSD: it.fill.Price, Maker: it.fill.Maker}
	f.Bid, f.Ask = client.NewOrder(it.bid), client.NewOrder(it.ask)
	if it.bidStored {
		f.Bid = client.StoredOrder(&it.bid.Order)
	}
	if it.askStored {
		f.Ask = client.StoredOrder(&it.ask.Order)
	}
	return f
}

// ack acknowledges an entry and deletes it: the fill's hash keeps its record, the
// stream keeps only what is still to be committed.
func (c *Committer) ack(ctx context.Context, entry string) error {
	outbox := c.book.Keys().Outbox()
	_, err := c.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.XAck(ctx, outbox, Group, entry)
		p.XDel(ctx, outbox, entry)
		return nil
	})
	if err != nil {
		return fmt.Errorf("ack outbox entry %s: %w", entry, err)
	}
	return nil
}
