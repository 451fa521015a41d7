package committer

import (
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// pack groups items into transactions greedily, in outbox order: a transaction takes
// fills while it stays within 1232 bytes (with the lookup table unless LegacyOnly),
// 64 accounts, MAX_FILLS fills and 16 new orders.
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
	return c.fitsAs(batch, c.table != nil)
}

// fitsAs: does the batch fit a legacy transaction, or (withTable) a v0 one whose
// commit accounts all come from the lookup table.
func (c *Committer) fitsAs(batch []*item, withTable bool) bool {
	if len(batch) > int(solgridmarket.MAX_FILLS) {
		return false
	}
	plan, err := c.plan(batch)
	if err != nil {
		return false
	}
	fits, err := client.CommitFits(plan, c.cfg.Matcher.PublicKey(), withTable)
	return err == nil && fits
}

func (c *Committer) plan(batch []*item) (*client.CommitPlan, error) {
	b := c.builder(batch)
	b.Ed25519Index = client.SendInstructionOffset
	return b.Build(c.cfg.Client.ProgramID)
}

func (c *Committer) builder(batch []*item) client.CommitLeases {
	b := client.CommitLeases{Matcher: c.cfg.Matcher.PublicKey(), Market: c.book.Market()}
	for _, it := range batch {
		b.Fills = append(b.Fills, it.leaseFill())
	}
	return b
}
