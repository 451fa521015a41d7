package book

import (
	"context"
	"fmt"
	"strconv"

	"github.com/redis/go-redis/v9"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// Fill statuses.
const (
	FillPending   = "pending"   // matched, not yet on chain
	FillCommitted = "committed" // its lease exists on chain
	FillFailed    = "failed"    // the chain refused it for good; the book was compensated
)

// Fill is one matched (bid, ask) pair.
type Fill struct {
	Seq    string
	BidSeq string
	AskSeq string
	SKU    solgridmarket.GpuSku
	GPUs   uint32
	Price  uint64
	Hours  uint32
	Maker  solgridmarket.Side
	At     int64
	Status string
	Reason string // program error name of a failed fill
	Tx     string // signature of the transaction that committed it
}

var fillFields = []string{"b", "a", "k", "n", "p", "h", "mk", "t", "st", "why", "tx"}

// Fill reads one fill.
func (b *Book) Fill(ctx context.Context, fseq string) (*Fill, error) {
	fills, err := b.fills(ctx, []string{fseq})
	if err != nil {
		return nil, err
	}
	return &fills[0], nil
}

func (b *Book) fills(ctx context.Context, seqs []string) ([]Fill, error) {
	pipe := b.rdb.Pipeline()
	cmds := make([]*redis.SliceCmd, len(seqs))
	for i, s := range seqs {
		cmds[i] = pipe.HMGet(ctx, b.keys.Fill(s), fillFields...)
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return nil, fmt.Errorf("read fills: %w", err)
	}
	out := make([]Fill, len(seqs))
	for i, cmd := range cmds {
		v := cmd.Val()
		if v[0] == nil {
			return nil, fmt.Errorf("fill %s: %w", seqs[i], ErrNotFound)
		}
		f := func(j int) string { s, _ := v[j].(string); return s }
		u := func(j int) uint64 { n, _ := strconv.ParseUint(f(j), 10, 64); return n }
		price, err := parseHexPrice(f(4))
		if err != nil {
			return nil, err
		}
		maker := solgridmarket.Side_Bid
		if f(6) == "a" {
			maker = solgridmarket.Side_Ask
		}
		out[i] = Fill{
			Seq: seqs[i], BidSeq: f(0), AskSeq: f(1), SKU: solgridmarket.GpuSku(u(2)), GPUs: uint32(u(3)),
			Price: price, Hours: uint32(u(5)), Maker: maker, At: int64(u(7)), Status: f(8), Reason: f(9), Tx: f(10),
		}
	}
	return out, nil
}

// OrderFills lists an order's fills in the order they were matched.
func (b *Book) OrderFills(ctx context.Context, seq string) ([]Fill, error) {
	seqs, err := b.rdb.LRange(ctx, b.keys.OrderFills(seq), 0, -1).Result()
	if err != nil {
		return nil, fmt.Errorf("fills of order %s: %w", seq, err)
	}
	return b.fills(ctx, seqs)
}

// WalletFills lists the newest fills (at most limit) where wallet is renter or provider.
func (b *Book) WalletFills(ctx context.Context, wallet string, limit int) ([]Fill, error) {
	seqs, err := b.rdb.LRange(ctx, b.keys.Wallet(wallet), int64(-limit), -1).Result()
	if err != nil {
		return nil, fmt.Errorf("fills of wallet %s: %w", wallet, err)
	}
	return b.fills(ctx, seqs)
}

// MarkCommitted records that a fill's lease is on chain.
func (b *Book) MarkCommitted(ctx context.Context, fseq, tx string) error {
	if err := b.rdb.HSet(ctx, b.keys.Fill(fseq), "st", FillCommitted, "tx", tx).Err(); err != nil {
		return fmt.Errorf("mark fill %s committed: %w", fseq, err)
	}
	return nil
}

// Compensate undoes a fill the chain refused for good: the innocent order gets its GPUs
// back, the guilty one (guilty = Side_Bid or Side_Ask; nil when neither is at fault) is
// taken off the book. reason is the program error's name. Compensating twice is a no-op.
func (b *Book) Compensate(ctx context.Context, fseq string, guilty *solgridmarket.Side, reason string) error {
	g := ""
	if guilty != nil {
		g = map[solgridmarket.Side]string{solgridmarket.Side_Bid: "b", solgridmarket.Side_Ask: "a"}[*guilty]
	}
	res, err := compensateScript.run(ctx, b.rdb, []string{b.keys.Seq()}, b.keys.Prefix, client.SKUCount, fseq, g, reason, b.Cutoff())
	if err != nil {
		return fmt.Errorf("compensate fill %s: %w", fseq, err)
	}
	if str(res, 0) == "not_found" {
		return fmt.Errorf("compensate fill %s: %w", fseq, ErrNotFound)
	}
	return nil
}
