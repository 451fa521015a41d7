package committer

import (
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// pack groups items into transactions greedily, in outbox order: a transaction takes
// fills while it stays within 1232 bytes, MAX_FILLS fills and 16 new orders.
func (c *Committer) pack(items []*item) [][]*item {
	var out [][]*item
	var cur []*item
	for _, it := range items {
		if len(cur) > 0 && !c.fits(append(cur[:len(cur):len(cur)], it)) {
			out = append(out, cur)
			cur = nil
		}
		cur = append(cur, it)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func (c *Committer) fits(batch []*item) bool {
	if len(batch) > int(solgridmarket.MAX_FILLS) {
		return false
	}
	b := c.builder(batch)
	b.Ed25519Index = client.SendInstructionOffset
	plan, err := b.Build(c.cfg.Client.ProgramID)
	if err != nil {
		return false
	}
	size, err := client.TransactionSize(plan.Instructions, c.cfg.Matcher.PublicKey())
	return err == nil && size <= client.MaxTransactionSize
}

func (c *Committer) builder(batch []*item) client.CommitLeases {
	b := client.CommitLeases{Matcher: c.cfg.Matcher.PublicKey(), Market: c.book.Market()}
	for _, it := range batch {
		b.Fills = append(b.Fills, it.leaseFill())
	}
	return b
}
