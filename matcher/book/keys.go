package book

import (
	"github.com/gagliardetto/solana-go"
)

// Keys names a market's Redis keys. They all carry the hash tag {sg:<market>} so every
// script touches one Redis Cluster slot: a Cluster spreads markets, not the SKU books of
// one market, because a bid accepting several SKUs must match atomically across them
// (see matcher/README.md).
type Keys struct {
	Prefix string // "{sg:<market>}:"
}

// KeysFor returns the key names of a market's book.
func KeysFor(market solana.PublicKey) Keys {
	// 12 base58 characters (~70 bits) name a market unambiguously and keep every key short.
	return Keys{Prefix: "{sg:" + market.String()[:12] + "}:"}
}

func (k Keys) Seq() string                { return k.Prefix + "seq" }
func (k Keys) Order(seq string) string    { return k.Prefix + "o:" + seq }
func (k Keys) IDs() string                { return k.Prefix + "id" }
func (k Keys) FillSeq() string            { return k.Prefix + "fseq" }
func (k Keys) Fills() string              { return k.Prefix + "fills" }
func (k Keys) FillStatus() string         { return k.Prefix + "fst" }
func (k Keys) OrderFills() string         { return k.Prefix + "of" }
func (k Keys) Wallet(owner string) string { return k.Prefix + "w:" + owner }
func (k Keys) Outbox() string             { return k.Prefix + "outbox" }
func (k Keys) Expiry() string             { return k.Prefix + "exp" }
func (k Keys) Open() string               { return k.Prefix + "open" }
