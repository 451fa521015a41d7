package book

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

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

// A fill is one field of the market's fills hash, written by the match script as
// "bid ask sku gpus price hours maker matched-at"; its status is a field of the fill
// status hash, absent while the fill is pending ("committed <tx>" or "failed <reason>").

// seqWidth is the width of order and fill sequence numbers (hex digits).
const seqWidth = 12

// Fill reads one fill.
func (b *Book) Fill(ctx context.Context, fseq string) (*Fill, error) {
	fills, err := b.fills(ctx, []string{fseq})
	if err != nil {
		return nil, err
	}
	return &fills[0], nil
}

func (b *Book) fills(ctx context.Context, seqs []string) ([]Fill, error) {
	if len(seqs) == 0 {
		return nil, nil
	}
	pipe := b.rdb.Pipeline()
	recs := pipe.HMGet(ctx, b.keys.Fills(), seqs...)
	sts := pipe.HMGet(ctx, b.keys.FillStatus(), seqs...)
	if _, err := pipe.Exec(ctx); err != nil {
		return nil, fmt.Errorf("read fills: %w", err)
	}
	out := make([]Fill, len(seqs))
	for i, v := range recs.Val() {
		rec, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("fill %s: %w", seqs[i], ErrNotFound)
		}
		f, err := parseFill(seqs[i], rec)
		if err != nil {
			return nil, err
		}
		f.Status = FillPending
		if st, ok := sts.Val()[i].(string); ok {
			f.Status, f.Reason, _ = strings.Cut(st, " ")
			if f.Status == FillCommitted {
				f.Tx, f.Reason = f.Reason, ""
			}
		}
		out[i] = f
	}
	return out, nil
}

func parseFill(fseq, rec string) (Fill, error) {
	p := strings.Split(rec, " ")
	if len(p) != 8 {
		return Fill{}, fmt.Errorf("fill %s: record %q has %d fields, want 8", fseq, rec, len(p))
	}
	price, err := parseHexPrice(p[4])
	if err != nil {
		return Fill{}, fmt.Errorf("fill %s: %w", fseq, err)
	}
	u := func(j int) uint64 { n, _ := strconv.ParseUint(p[j], 10, 64); return n }
	maker := solgridmarket.Side_Bid
	if p[6] == "a" {
		maker = solgridmarket.Side_Ask
	}
	return Fill{
		Seq: fseq, BidSeq: p[0], AskSeq: p[1], SKU: solgridmarket.GpuSku(u(2)), GPUs: uint32(u(3)),
		Price: price, Hours: uint32(u(5)), Maker: maker, At: int64(u(7)),
	}, nil
}

// OrderFills lists an order's fills in the order they were matched.
func (b *Book) OrderFills(ctx context.Context, seq string) ([]Fill, error) {
	// the order's field holds its fill seqs end to end, each seqWidth hex digits
	all, err := b.rdb.HGet(ctx, b.keys.OrderFills(), seq).Result()
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, fmt.Errorf("fills of order %s: %w", seq, err)
	}
	var seqs []string
	for ; len(all) >= seqWidth; all = all[seqWidth:] {
		seqs = append(seqs, all[:seqWidth])
	}
	return b.fills(ctx, seqs)
}

// WalletFills lists the newest fills (at most limit, oldest first) where wallet is
// renter or provider.
func (b *Book) WalletFills(ctx context.Context, wallet string, limit int) ([]Fill, error) {
	seqs, err := b.rdb.LRange(ctx, b.keys.Wallet(wallet), int64(-limit), -1).Result()
	if err != nil {
		return nil, fmt.Errorf("fills of wallet %s: %w", wallet, err)
	}
	return b.fills(ctx, seqs)
}

// MarkCommitted records that a fill's lease is on chain.
func (b *Book) MarkCommitted(ctx context.Context, fseq, tx string) error {
	if err := b.rdb.HSet(ctx, b.keys.FillStatus(), fseq, FillCommitted+" "+tx).Err(); err != nil {
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
