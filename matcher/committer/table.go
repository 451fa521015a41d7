package committer

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/gagliardetto/solana-go"
	"github.com/redis/go-redis/v9"
	"github.com/rs/zerolog"
	"github.com/solgrid/solgrid/client"
)

// lookupTable is the committer's Address Lookup Table for its market: a cache of
// the accounts commits use (market, sysvars, OrderStates, renter Balances, Leases),
// so that a v0 commit names each by a 1-byte index instead of 32 bytes. Before a
// batch that does not fit a legacy transaction, the table is extended with the
// batch's missing accounts; the runtime loads addresses only in slots after the
// one that added them, so the commit waits for the next slot.
//
// The chain is the truth: the table's address is kept in Redis (so a restart keeps
// using it), its contents are re-read after every extend. A crash between extend
// and commit leaves extra addresses in the table, which is harmless. A full table
// (256 addresses) is deactivated and replaced; deactivated tables stay usable by
// transactions in flight until their cool-down ends and are closed after it.
type lookupTable struct {
	client  *client.Client
	matcher solana.PrivateKey
	rdb     redis.UniversalClient
	key     string // current table's address
	retired string // set of deactivated tables still to close
	log     zerolog.Logger

	mu     sync.Mutex
	table  *client.LookupTable
	having map[solana.PublicKey]bool

	transactions atomic.Int64 // create and extend transactions sent (benchmarks count them)
}

func newLookupTable(c *Committer) *lookupTable {
	prefix := c.book.Keys().Prefix
	return &lookupTable{client: c.cfg.Client, matcher: c.cfg.Matcher, rdb: c.rdb,
		key: prefix + "alt", retired: prefix + "alt:retired", log: c.log}
}

// holding returns a table that has every address and can be used now.
func (t *lookupTable) holding(ctx context.Context, addrs []solana.PublicKey) (*client.LookupTable, error) {
	table, err := t.extendWith(ctx, addrs)
	if err != nil {
		return nil, err
	}
	if err := t.client.WaitForSlotAfter(ctx, table.LastExtendedSlot); err != nil {
		return nil, err
	}
	return table, nil
}

// extendWith adds the missing addresses (replacing the table if they would not fit)
// and returns a snapshot holding them all. One extension at a time: a table's
// indices are its append order, which concurrent extends would make unknowable.
func (t *lookupTable) extendWith(ctx context.Context, addrs []solana.PublicKey) (*client.LookupTable, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.table == nil {
		if err := t.open(ctx); err != nil {
			return nil, err
		}
	}
	missing := t.missing(addrs)
	if len(missing) == 0 {
		return t.snapshot(), nil
	}
	if len(t.table.Addresses)+len(missing) > client.MaxLookupTableAddresses {
		if err := t.replace(ctx); err != nil {
			return nil, err
		}
		missing = t.missing(addrs)
	}
	t.transactions.Add(int64((len(missing) + client.MaxExtendAddresses - 1) / client.MaxExtendAddresses))
	_, err := t.client.ExtendLookupTable(ctx, t.matcher, t.table.Address, missing, client.SendOptions{})
	// Re-read even after an error: some chunks (or a timed-out one) may have landed.
	if rerr := t.reload(ctx); rerr != nil {
		return nil, errors.Join(err, rerr)
	}
	if err != nil {
		return nil, err
	}
	if m := t.missing(addrs); len(m) > 0 {
		return nil, fmt.Errorf("lookup table %s lacks %d addresses after extending it", t.table.Address, len(m))
	}
	t.log.Debug().Int("added", len(missing)).Int("size", len(t.table.Addresses)).Msg("extended lookup table")
	return t.snapshot(), nil
}

func (t *lookupTable) missing(addrs []solana.PublicKey) []solana.PublicKey {
	var out []solana.PublicKey
	seen := map[solana.PublicKey]bool{}
	for _, a := range addrs {
		if !t.having[a] && !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}

func (t *lookupTable) snapshot() *client.LookupTable {
	cp := *t.table
	cp.Addresses = append(solana.PublicKeySlice(nil), t.table.Addresses...)
	return &cp
}

// open resumes the table named in Redis if it is still ours and active, else starts one.
func (t *lookupTable) open(ctx context.Context) error {
	addr, err := t.rdb.Get(ctx, t.key).Result()
	if errors.Is(err, redis.Nil) {
		return t.create(ctx)
	}
	if err != nil {
		return fmt.Errorf("read lookup table address: %w", err)
	}
	pk, err := solana.PublicKeyFromBase58(addr)
	if err != nil {
		return fmt.Errorf("lookup table address %q in %s: %w", addr, t.key, err)
	}
	table, err := t.client.FetchLookupTable(ctx, pk)
	if err != nil {
		return err
	}
	if table == nil || !table.Active || table.Authority != t.matcher.PublicKey() {
		// Never created (crash right after naming it), or no longer usable.
		return t.create(ctx)
	}
	t.set(table)
	t.log.Info().Str("table", pk.String()).Int("addresses", len(table.Addresses)).Msg("resumed lookup table")
	return nil
}

// create names a new table in Redis, then creates it: a crash in between leaves a
// name without a table, which open replaces, rather than a table nobody knows.
func (t *lookupTable) create(ctx context.Context) error {
	slot, err := t.client.RecentSlot(ctx)
	if err != nil {
		return err
	}
	addr, _, err := client.LookupTableAddress(t.matcher.PublicKey(), slot)
	if err != nil {
		return err
	}
	if err := t.rdb.Set(ctx, t.key, addr.String(), 0).Err(); err != nil {
		return fmt.Errorf("name lookup table: %w", err)
	}
	ix, _, err := client.CreateLookupTableInstruction(t.matcher.PublicKey(), t.matcher.PublicKey(), slot)
	if err != nil {
		return err
	}
	t.transactions.Add(1)
	if _, err := t.client.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{t.matcher}, client.SendOptions{}); err != nil {
		return fmt.Errorf("create lookup table %s: %w", addr, err)
	}
	t.set(&client.LookupTable{Address: addr, Authority: t.matcher.PublicKey(), Active: true})
	t.log.Info().Str("table", addr.String()).Msg("created lookup table")
	return nil
}

// replace retires the full table and starts a new one.
func (t *lookupTable) replace(ctx context.Context) error {
	old := t.table.Address
	if err := t.rdb.SAdd(ctx, t.retired, old.String()).Err(); err != nil {
		return fmt.Errorf("retire lookup table %s: %w", old, err)
	}
	if err := t.create(ctx); err != nil {
		return err
	}
	t.closeRetired(ctx)
	return nil
}

// closeRetired deactivates retired tables and closes those whose cool-down is over,
// returning their rent. Failures only delay it to the next replacement.
func (t *lookupTable) closeRetired(ctx context.Context) {
	names, err := t.rdb.SMembers(ctx, t.retired).Result()
	if err != nil {
		t.log.Warn().Err(err).Msg("list retired lookup tables")
		return
	}
	for _, name := range names {
		pk, err := solana.PublicKeyFromBase58(name)
		if err != nil {
			t.rdb.SRem(ctx, t.retired, name)
			continue
		}
		table, err := t.client.FetchLookupTable(ctx, pk)
		switch {
		case err != nil:
			t.log.Warn().Err(err).Str("table", name).Msg("read retired lookup table")
		case table == nil:
			t.rdb.SRem(ctx, t.retired, name)
		case table.Active:
			if _, err := t.client.DeactivateLookupTable(ctx, t.matcher, pk, client.SendOptions{}); err != nil {
				t.log.Warn().Err(err).Str("table", name).Msg("deactivate lookup table")
			}
		default:
			if _, err := t.client.CloseLookupTable(ctx, t.matcher, pk, client.SendOptions{}); err == nil {
				t.rdb.SRem(ctx, t.retired, name)
				t.log.Info().Str("table", name).Msg("closed lookup table")
			} else {
				t.log.Debug().Err(err).Str("table", name).Msg("lookup table still cooling down")
			}
		}
	}
}

func (t *lookupTable) reload(ctx context.Context) error {
	table, err := t.client.FetchLookupTable(ctx, t.table.Address)
	if err != nil {
		return err
	}
	if table == nil {
		return fmt.Errorf("lookup table %s vanished", t.table.Address)
	}
	t.set(table)
	return nil
}

func (t *lookupTable) set(table *client.LookupTable) {
	t.table = table
	t.having = make(map[solana.PublicKey]bool, len(table.Addresses))
	for _, a := range table.Addresses {
		t.having[a] = true
	}
}
