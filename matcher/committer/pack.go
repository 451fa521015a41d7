package committer

import (
	"github.com/gagliardetto/solana-go"
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
// recurring accounts come from the lookup table (see tableAddresses).
func (c *Committer) fitsAs(batch []*item, withTable bool) bool {
	if len(batch) > int(solgridmarket.MAX_FILLS) {
		return false
	}
	plan, err := c.plan(batch)
	if err != nil {
		return false
	}
	var inTable []solana.PublicKey
	if withTable {
		inTable = tableAddresses(batch, plan)
	}
	fits, err := client.CommitFits(plan, c.cfg.Matcher.PublicKey(), inTable)
	return err == nil && fits
}

// tableAddresses are the commit's accounts worth a place in the lookup table: those
// that recur across transactions (market, sysvar, system program, renter Balances,
// OrderStates of orders already stored on chain). An account used once — a Lease,
// the OrderState of a new order — costs its 32 bytes either way, in the commit or in
// an extend, and in an extend it would also cost a transaction and a slot of waiting.
func tableAddresses(batch []*item, plan *client.CommitPlan) []solana.PublicKey {
	once := map[solana.PublicKey]bool{}
	for i, it := range batch {
		once[plan.Leases[i]] = true
		if !it.bidStored {
			once[it.bidState] = true
		}
		if !it.askStored {
			once[it.askState] = true
		}
	}
	out := []solana.PublicKey{}
	for _, a := range plan.TableAddresses() {
		if !once[a] {
			out = append(out, a)
		}
	}
	return out
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
