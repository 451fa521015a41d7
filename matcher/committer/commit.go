package committer

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
	"github.com/solgrid/solgrid/client"
)

// commit sends one batch until every fill in it is either on chain or compensated.
// Before any resend it looks for the batch's leases: a transaction whose outcome was
// unknown (timeout, RPC down, crash) may have landed.
func (c *Committer) commit(ctx context.Context, batch []*item, checkFirst bool) {
	for attempt := 0; len(batch) > 0 && ctx.Err() == nil; attempt++ {
		if checkFirst {
			rest, err := c.settleExisting(ctx, batch)
			if err != nil {
				c.log.Warn().Err(err).Int("attempt", attempt).Msg("check leases on chain; retrying")
				sleep(ctx, c.backoff(attempt))
				continue
			}
			if batch = rest; len(batch) == 0 {
				return
			}
		}
		start := time.Now()
		res, err := c.send(ctx, batch)
		if err == nil {
			c.cfg.Metrics.Commits.WithLabelValues("committed").Inc()
			c.log.Debug().Int("leases", len(batch)).Str("tx", res.Signature.String()).Dur("took", time.Since(start)).Msg("committed")
			c.committed(ctx, batch, res.Signature.String())
			return
		}
		if ctx.Err() != nil {
			return
		}
		var refused *client.ProgramError
		if errors.As(err, &refused) && !transientProgramError[refused.Name] {
			c.cfg.Metrics.Commits.WithLabelValues("refused").Inc()
			if len(batch) > 1 {
				// The transaction changed nothing; find the fill at fault one by one.
				for _, it := range batch {
					c.commit(ctx, []*item{it}, false)
				}
				return
			}
			c.compensate(ctx, batch[0], refused.Name)
			return
		}
		c.cfg.Metrics.Commits.WithLabelValues("retry").Inc()
		c.log.Warn().Err(err).Int("leases", len(batch)).Int("attempt", attempt).Msg("commit failed; will check the chain and retry")
		sleep(ctx, c.backoff(attempt))
		checkFirst = true
	}
}

// send commits the batch in a legacy transaction if it fits one, else in a v0
// transaction through the lookup table, extended first with the recurring accounts
// it lacks.
func (c *Committer) send(ctx context.Context, batch []*item) (*client.Result, error) {
	opts := c.cfg.Send
	if c.table != nil && !c.fitsAs(batch, false) {
		plan, err := c.plan(batch)
		if err != nil {
			return nil, err
		}
		table, err := c.table.holding(ctx, tableAddresses(batch, plan))
		if err != nil {
			return nil, fmt.Errorf("prepare lookup table for %d leases: %w", len(batch), err)
		}
		opts.AddressTables = table.Tables()
	}
	_, res, err := c.cfg.Client.CommitLeases(ctx, c.cfg.Matcher, c.builder(batch), opts)
	return res, err
}

// transientProgramError: refusals that pass with time, not by anyone's fault.
var transientProgramError = map[string]bool{"StaleTokenPrice": true}

func (c *Committer) backoff(attempt int) time.Duration {
	d := 100 * time.Millisecond << min(attempt, 10)
	return min(d, c.cfg.MaxBackoff)
}

// settleExisting marks the items whose lease already exists as committed and returns the rest.
func (c *Committer) settleExisting(ctx context.Context, batch []*item) ([]*item, error) {
	exist, err := c.leasesExist(ctx, batch)
	if err != nil {
		return nil, err
	}
	var rest, found []*item
	for i, it := range batch {
		if exist[i] {
			found = append(found, it)
		} else {
			rest = append(rest, it)
		}
	}
	if len(found) > 0 {
		c.log.Info().Int("leases", len(found)).Msg("leases already on chain; not resending")
		c.committed(ctx, found, "")
	}
	return rest, nil
}

func (c *Committer) leasesExist(ctx context.Context, batch []*item) ([]bool, error) {
	addrs := make([]solana.PublicKey, len(batch))
	for i, it := range batch {
		addrs[i] = it.lease
	}
	res, err := c.cfg.Client.RPC.GetMultipleAccountsWithOpts(ctx, addrs, &rpc.GetMultipleAccountsOpts{
		Encoding: solana.EncodingBase64, Commitment: rpc.CommitmentConfirmed,
	})
	if err != nil {
		return nil, fmt.Errorf("look up %d leases: %w", len(addrs), err)
	}
	out := make([]bool, len(batch))
	for i, a := range res.Value {
		out[i] = a != nil && a.Owner == c.cfg.Client.ProgramID
	}
	return out, nil
}

// committed records leases that are on chain: the fills, the orders now stored on
// chain, and the acknowledgement (last, so a crash before it only repeats the check).
func (c *Committer) committed(ctx context.Context, batch []*item, tx string) {
	keys := c.book.Keys()
	for _, it := range batch {
		err := c.book.MarkCommitted(ctx, it.fill.Seq, tx)
		if err == nil {
			err = c.rdb.HSet(ctx, keys.Order(it.fill.BidSeq), storedField, "1").Err()
		}
		if err == nil {
			err = c.rdb.HSet(ctx, keys.Order(it.fill.AskSeq), storedField, "1").Err()
		}
		if err == nil {
			err = c.ack(ctx, it.entry)
		}
		if err != nil {
			// Left pending: the periodic reclaim finds the lease and finishes this.
			c.log.Error().Err(err).Str("fill", it.fill.Seq).Msg("record committed lease")
			continue
		}
		c.cfg.Metrics.Leases.Inc()
		c.cfg.Metrics.CommitSeconds.Observe(time.Since(time.Unix(it.fill.At, 0)).Seconds())
	}
}
