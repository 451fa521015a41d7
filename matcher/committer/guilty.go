package committer

import (
	"context"
	"time"

	"github.com/solgrid/solgrid/client/solgridmarket"
)

// compensate undoes a fill the program refused for good: the order at fault leaves
// the book, the other gets its GPUs back.
func (c *Committer) compensate(ctx context.Context, it *item, errName string) {
	guilty := c.guilty(ctx, errName, it)
	who := "neither order"
	if guilty != nil {
		who = map[solgridmarket.Side]string{solgridmarket.Side_Bid: "bid", solgridmarket.Side_Ask: "ask"}[*guilty]
	}
	if err := c.book.Compensate(ctx, it.fill.Seq, guilty, errName); err != nil {
		c.log.Error().Err(err).Str("fill", it.fill.Seq).Msg("compensate refused fill; left pending")
		return
	}
	c.cfg.Metrics.Compensated.WithLabelValues(errName).Inc()
	c.log.Error().Str("error", errName).Str("fill", it.fill.Seq).Str("guilty", who).
		Uint64("bid", it.bid.Order.OrderId).Str("renter", it.bid.Order.Owner.String()).
		Uint64("ask", it.ask.Order.OrderId).Str("provider", it.ask.Order.Owner.String()).
		Msg("chain refused fill; book compensated")
	if err := c.ack(ctx, it.entry); err != nil {
		c.log.Error().Err(err).Str("fill", it.fill.Seq).Msg("ack compensated fill")
	}
}

// guilty names the order whose state made the program refuse the fill, reading the
// chain where the error alone does not say; nil when neither order is at fault.
func (c *Committer) guilty(ctx context.Context, errName string, it *item) *solgridmarket.Side {
	bid, ask := solgridmarket.Side_Bid, solgridmarket.Side_Ask
	switch errName {
	case "InsufficientFunds", "BalanceNotOpen", "MintNotAccepted", "PaymentMintMismatch", "ArithmeticOverflow",
		"FeeAboveOrderLimit": // the market's fee rose above the bid's signed cap: no fill of it can commit
		return &bid // the renter's money, mint or fee cap
	case "OrderExpired":
		if it.bid.Order.ExpiresAt <= time.Now().Unix()+5 {
			return &bid
		}
		return &ask
	case "OrderCancelled", "Overfill", "OrderMismatch":
		for _, side := range []struct {
			s *solgridmarket.Side
			o *solgridmarket.Order
		}{{&bid, &it.bid.Order}, {&ask, &it.ask.Order}} {
			st, err := c.cfg.Client.FetchOrderState(ctx, c.book.Market(), side.o.Owner, side.o.OrderId)
			if err != nil {
				continue
			}
			switch {
			case errName == "OrderCancelled" && st.Cancelled != 0,
				errName == "Overfill" && uint64(st.FilledGpus)+uint64(it.fill.GPUs) > uint64(side.o.GpuCount),
				errName == "OrderMismatch" && st.HasOrder != 0 && st.Order != *side.o:
				return side.s
			}
		}
	}
	return nil
}
