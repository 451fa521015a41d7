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

func (k Keys) Seq() string                  { return k.Prefix + "seq" }
func (k Keys) Order(seq string) string      { return k.Prefix + "o:" + seq }
func (k Keys) IDs() string                  { return k.Prefix + "id" }
func (k Keys) Fill(fseq string) string      { return k.Prefix + "f:" + fseq }
func (k Keys) OrderFills(seq string) string { return k.Prefix + "of:" + seq }
func (k Keys) Wallet(owner string) string   { return k.Prefix + "w:" + owner }
func (k Keys) Outbox() string               { return k.Prefix + "outbox" }
func (k Keys) Expiry() string               { return k.Prefix + "exp" }
func (k Keys) Open() string                 { return k.Prefix + "open" }
