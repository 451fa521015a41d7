package committer

import (
	"context"
	"fmt"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/rs/zerolog"
	"github.com/solgrid/solgrid/client"
)

// closesPerTransaction: each close_order_state adds one 32-byte account and a few
// bytes to a legacy transaction; 16 stay far below the packet and the CU limit.
const closesPerTransaction = 16

// Sweeper reclaims the rent the matcher paid for OrderStates (one per order it
// committed, ~0.0022 SOL each): once an order has expired on the cluster's clock
// its record can never stop anything again, and close_order_state returns the
// rent to the matcher. Without it, dust trades would drain the matcher's SOL.
type Sweeper struct {
	client  *client.Client
	matcher solana.PrivateKey // pays the fees and receives the rent
	market  solana.PublicKey
	send    client.SendOptions
	log     zerolog.Logger
}

// NewSweeper returns a sweeper of market's OrderStates paid by matcher.
func NewSweeper(c *client.Client, matcher solana.PrivateKey, market solana.PublicKey, send client.SendOptions, log zerolog.Logger) *Sweeper {
	return &Sweeper{client: c, matcher: matcher, market: market, send: send, log: log.With().Str("component", "sweeper").Logger()}
}

// SweepResult is what one sweep reclaimed.
type SweepResult struct {
	Closed   int    // OrderStates closed
	Lamports uint64 // their rent, back with the matcher
}

// Sweep closes every expired OrderState the matcher paid for. A transaction the
// program refuses (another cranker closed one first) is logged and skipped: the
// next sweep lists what is left.
func (s *Sweeper) Sweep(ctx context.Context) (SweepResult, error) {
	var out SweepResult
	now, err := s.client.ClusterTime(ctx)
	if err != nil {
		return out, fmt.Errorf("sweep: %w", err)
	}
	states, err := s.client.OrderStatesPaidBy(ctx, s.market, s.matcher.PublicKey())
	if err != nil {
		return out, fmt.Errorf("sweep: %w", err)
	}
	var batch []solana.Instruction
	var rent uint64
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		n := len(batch)
		_, err := s.client.Send(ctx, batch, []solana.PrivateKey{s.matcher}, s.send)
		batch = nil
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			s.log.Warn().Err(err).Int("order_states", n).Msg("close expired OrderStates; next sweep retries")
			rent = 0
			return nil
		}
		out.Closed += n
		out.Lamports += rent
		rent = 0
		return nil
	}
	for _, st := range states {
		if !st.Closable(now) {
			continue
		}
		b := client.CloseOrderState{OrderState: st.Address, Market: s.market, RentPayer: s.matcher.PublicKey()}
		ix, err := b.Build(s.client.ProgramID)
		if err != nil {
			return out, fmt.Errorf("sweep: %w", err)
		}
		batch = append(batch, ix)
		rent += st.Lamports
		if len(batch) == closesPerTransaction {
			if err := flush(); err != nil {
				return out, err
			}
		}
	}
	if err := flush(); err != nil {
		return out, err
	}
	if out.Closed > 0 {
		s.log.Info().Int("order_states", out.Closed).Uint64("lamports", out.Lamports).Msg("reclaimed the rent of expired OrderStates")
	}
	return out, nil
}

// Run sweeps every interval until ctx ends.
func (s *Sweeper) Run(ctx context.Context, every time.Duration) {
	for {
		if _, err := s.Sweep(ctx); err != nil && ctx.Err() == nil {
			s.log.Warn().Err(err).Msg("sweep expired OrderStates")
		}
		sleep(ctx, every)
		if ctx.Err() != nil {
			return
		}
	}
}
