// Package committer puts the book's fills on chain: a consumer group on the outbox
// stream batches fills into commit_leases transactions, sends and confirms them, and
// acknowledges each fill only once its lease exists. The Lease PDA (one per bid/ask
// pair) is the idempotency key: before anything is sent again — after a restart, a
// timeout or an RPC outage — the committer looks for the leases first.
package committer

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/redis/go-redis/v9"
	"github.com/rs/zerolog"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/matcher/book"
	"github.com/solgrid/solgrid/matcher/metrics"
)

// Group is the outbox's consumer group.
const Group = "committer"

// Config wires a committer.
type Config struct {
	Book     *book.Book
	Client   *client.Client
	Matcher  solana.PrivateKey // the market's matcher key; signs and pays
	Metrics  *metrics.Metrics
	Log      zerolog.Logger
	Consumer string // consumer name in the group (default "committer-1")
	Workers  int    // transactions in flight at once (default 4)
	// MaxBackoff caps the wait between retries of a transient failure (default 5 s).
	MaxBackoff time.Duration
	// Send is passed to every commit (zero: simulate first, so a refusal costs no fee).
	Send client.SendOptions
	// LegacyOnly packs only what fits a legacy transaction. By default a batch that
	// does not is sent as v0 through the committer's Address Lookup Table (table.go).
	LegacyOnly bool
	// SweepEvery is how often the committer closes the expired orders' OrderStates
	// it paid for, taking their rent back (sweep.go; default 1 min, negative: never).
	SweepEvery time.Duration
}

// Committer drains the outbox onto the chain.
type Committer struct {
	cfg   Config
	book  *book.Book
	rdb   redis.UniversalClient
	log   zerolog.Logger
	table *lookupTable // nil with LegacyOnly
}

// New returns a committer; Run starts it.
func New(cfg Config) *Committer {
	if cfg.Consumer == "" {
		cfg.Consumer = "committer-1"
	}
	if cfg.Workers == 0 {
		cfg.Workers = 4
	}
	if cfg.MaxBackoff == 0 {
		cfg.MaxBackoff = 5 * time.Second
	}
	if cfg.SweepEvery == 0 {
		cfg.SweepEvery = time.Minute
	}
	if cfg.Metrics == nil {
		cfg.Metrics = metrics.New()
	}
	c := &Committer{cfg: cfg, book: cfg.Book, rdb: cfg.Book.Redis(), log: cfg.Log.With().Str("component", "committer").Logger()}
	if !cfg.LegacyOnly {
		c.table = newLookupTable(c)
	}
	return c
}

// Run commits until ctx ends. It first reclaims every entry left pending by an earlier
// run (of any consumer), checking the chain before resending them.
func (c *Committer) Run(ctx context.Context) error {
	outbox := c.book.Keys().Outbox()
	err := c.rdb.XGroupCreateMkStream(ctx, outbox, Group, "0").Err()
	if err != nil && !redis.HasErrorPrefix(err, "BUSYGROUP") {
		return fmt.Errorf("create consumer group on %s: %w", outbox, err)
	}
	if err := c.reclaim(ctx); err != nil {
		return err
	}
	if c.cfg.SweepEvery > 0 {
		var sweeping sync.WaitGroup
		sweeping.Add(1)
		go func() {
			defer sweeping.Done()
			NewSweeper(c.cfg.Client, c.cfg.Matcher, c.book.Market(), c.cfg.Send, c.log).Run(ctx, c.cfg.SweepEvery)
		}()
		defer sweeping.Wait()
	}
	lastReclaim := time.Now()
	for ctx.Err() == nil {
		if time.Since(lastReclaim) > 30*time.Second {
			// Entries whose bookkeeping failed after their commit (Redis hiccup) stay
			// pending; take them back once they have sat idle for a while.
			lastReclaim = time.Now()
			if err := c.reclaimIdle(ctx, time.Minute); err != nil {
				c.log.Warn().Err(err).Msg("reclaim idle entries")
			}
		}
		streams, err := c.rdb.XReadGroup(ctx, &redis.XReadGroupArgs{
			Group: Group, Consumer: c.cfg.Consumer, Streams: []string{outbox, ">"},
			Count: int64(c.cfg.Workers * 16), Block: 500 * time.Millisecond,
		}).Result()
		if errors.Is(err, redis.Nil) {
			c.updateGauge(ctx)
			continue
		}
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			c.log.Warn().Err(err).Msg("read outbox; retrying")
			sleep(ctx, time.Second)
			continue
		}
		c.commitEntries(ctx, streams[0].Messages, false)
		c.updateGauge(ctx)
	}
	return nil
}

// reclaim takes over every pending entry (XAUTOCLAIM from id 0, no idle minimum: at
// start no other committer of this market runs) and commits it, chain checked first.
func (c *Committer) reclaim(ctx context.Context) error { return c.reclaimIdle(ctx, 0) }

func (c *Committer) reclaimIdle(ctx context.Context, minIdle time.Duration) error {
	start := "0-0"
	for {
		msgs, next, err := c.rdb.XAutoClaim(ctx, &redis.XAutoClaimArgs{
			Stream: c.book.Keys().Outbox(), Group: Group, Consumer: c.cfg.Consumer, Start: start, Count: 256, MinIdle: minIdle,
		}).Result()
		if err != nil {
			return fmt.Errorf("reclaim pending outbox entries: %w", err)
		}
		if len(msgs) > 0 {
			c.log.Info().Int("entries", len(msgs)).Msg("reclaimed pending fills; checking the chain before resending")
			c.commitEntries(ctx, msgs, true)
		}
		if next == "0-0" || ctx.Err() != nil {
			return nil
		}
		start = next
	}
}

// commitEntries loads the fills, packs them into transactions and commits those
// concurrently, up to Workers at a time.
func (c *Committer) commitEntries(ctx context.Context, msgs []redis.XMessage, checkFirst bool) {
	var items []*item
	for _, m := range msgs {
		it, err := c.load(ctx, m)
		if err != nil {
			c.log.Error().Err(err).Str("entry", m.ID).Msg("unreadable outbox entry left pending")
			continue
		}
		if it == nil {
			continue // already settled and acknowledged
		}
		items = append(items, it)
	}
	batches := c.pack(items)
	c.log.Debug().Int("fills", len(items)).Int("transactions", len(batches)).Msg("packed")
	sem := make(chan struct{}, c.cfg.Workers)
	var wg sync.WaitGroup
	for _, b := range batches {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			c.commit(ctx, b, checkFirst)
		}()
	}
	wg.Wait()
}

func (c *Committer) updateGauge(ctx context.Context) {
	if n, err := c.rdb.XLen(ctx, c.book.Keys().Outbox()).Result(); err == nil {
		c.cfg.Metrics.OutboxPending.Set(float64(n))
	}
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
