package api

import (
	"strconv"

	"github.com/gagliardetto/solana-go"
	"github.com/mr-tron/base58"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// OrderJSON is an order as the API reads and writes it. The owner signs the Borsh
// encoding of the same fields (client.OrderMessage), not this JSON.
type OrderJSON struct {
	Market            string   `json:"market"`
	Owner             string   `json:"owner"`
	OrderID           Num      `json:"order_id"`
	Side              string   `json:"side"` // "bid" or "ask"
	SKUs              []string `json:"skus"` // SKU keys, e.g. "h100-sxm"
	GPUs              Num      `json:"gpu_count"`
	LimitPrice        Num      `json:"limit_price"` // micro-USD per GPU-hour
	MinHours          Num      `json:"min_hours"`
	MaxHours          Num      `json:"max_hours"`
	ExpiresAt         Num      `json:"expires_at"` // unix seconds
	Node              string   `json:"node,omitempty"`
	PaymentMint       string   `json:"payment_mint,omitempty"`
	Region            Num      `json:"region,omitempty"`
	MinReliabilityBps Num      `json:"min_reliability_bps,omitempty"`
	MaxFeeBps         Num      `json:"max_fee_bps,omitempty"` // bid: the highest market fee accepted
	Version           Num      `json:"version"`
}

// SubmitRequest is the body of POST /v1/orders.
type SubmitRequest struct {
	Order     OrderJSON `json:"order"`
	Signature string    `json:"signature"` // base58 ed25519 signature over client.OrderMessage
}

// NewSubmitRequest is the request that submits a signed order.
func NewSubmitRequest(so *solgridmarket.SignedOrder) SubmitRequest {
	o := &so.Order
	var skus []string
	for _, g := range client.GPUs {
		if o.SkuMask&(1<<uint32(g.SKU)) != 0 {
			skus = append(skus, g.Key)
		}
	}
	side := "bid"
	if o.Side == solgridmarket.Side_Ask {
		side = "ask"
	}
	j := OrderJSON{
		Market: o.Market.String(), Owner: o.Owner.String(), OrderID: numOf(o.OrderId), Side: side, SKUs: skus,
		GPUs: numOf(uint64(o.GpuCount)), LimitPrice: numOf(o.LimitPrice), MinHours: numOf(uint64(o.MinHours)),
		MaxHours: numOf(uint64(o.MaxHours)), ExpiresAt: Num(strconv.FormatInt(o.ExpiresAt, 10)),
		Region: numOf(uint64(o.Region)), MinReliabilityBps: numOf(uint64(o.MinReliabilityBps)), MaxFeeBps: numOf(uint64(o.MaxFeeBps)),
		Version: numOf(uint64(o.Version)),
	}
	if !o.Node.IsZero() {
		j.Node = o.Node.String()
	}
	if !o.PaymentMint.IsZero() {
		j.PaymentMint = o.PaymentMint.String()
	}
	return SubmitRequest{Order: j, Signature: base58.Encode(so.Signature[:])}
}

func pubkey(field, s string, optional bool) (solana.PublicKey, *Error) {
	if s == "" && optional {
		return solana.PublicKey{}, nil
	}
	k, err := solana.PublicKeyFromBase58(s)
	if err != nil {
		return solana.PublicKey{}, badRequest(CodeInvalidField, "%s %q is not a base58 public key", field, s)
	}
	return k, nil
}

func signature(s string) ([64]byte, *Error) {
	var sig [64]byte
	raw, err := base58.Decode(s)
	if err != nil || len(raw) != 64 {
		return sig, badRequest(CodeBadSignature, "signature must be 64 bytes in base58")
	}
	copy(sig[:], raw)
	return sig, nil
}

// decode turns the request into the signed order it describes, checking each field's
// shape; semantic checks (signature, market, expiry) come after.
func (r *SubmitRequest) decode() (*solgridmarket.SignedOrder, *Error) {
	j := &r.Order
	var o solgridmarket.Order
	var e *Error
	if o.Market, e = pubkey("market", j.Market, false); e != nil {
		return nil, e
	}
	if o.Owner, e = pubkey("owner", j.Owner, false); e != nil {
		return nil, e
	}
	if o.Node, e = pubkey("node", j.Node, true); e != nil {
		return nil, e
	}
	if o.PaymentMint, e = pubkey("payment_mint", j.PaymentMint, true); e != nil {
		return nil, e
	}
	switch j.Side {
	case "bid":
		o.Side = solgridmarket.Side_Bid
	case "ask":
		o.Side = solgridmarket.Side_Ask
	default:
		return nil, badRequest(CodeInvalidField, "side %q: use bid or ask", j.Side)
	}
	if len(j.SKUs) == 0 {
		return nil, badRequest(CodeUnknownSKU, "skus names no GPU")
	}
	for _, k := range j.SKUs {
		g, err := client.ParseGPU(k)
		if err != nil {
			return nil, badRequest(CodeUnknownSKU, "%v", err)
		}
		o.SkuMask |= client.SKUMask(g.SKU)
	}
	fields := []struct {
		name string
		n    Num
		bits int
		set  func(uint64)
	}{
		{"order_id", j.OrderID, 64, func(v uint64) { o.OrderId = v }},
		{"gpu_count", j.GPUs, 32, func(v uint64) { o.GpuCount = uint32(v) }},
		{"limit_price", j.LimitPrice, 64, func(v uint64) { o.LimitPrice = v }},
		{"min_hours", j.MinHours, 32, func(v uint64) { o.MinHours = uint32(v) }},
		{"max_hours", j.MaxHours, 32, func(v uint64) { o.MaxHours = uint32(v) }},
		{"region", j.Region, 16, func(v uint64) { o.Region = uint16(v) }},
		{"min_reliability_bps", j.MinReliabilityBps, 16, func(v uint64) { o.MinReliabilityBps = uint16(v) }},
		{"max_fee_bps", j.MaxFeeBps, 16, func(v uint64) { o.MaxFeeBps = uint16(v) }},
		{"version", j.Version, 8, func(v uint64) { o.Version = uint8(v) }},
	}
	for _, f := range fields {
		v, e := f.n.parse(f.name, f.bits)
		if e != nil {
			return nil, e
		}
		f.set(v)
	}
	if o.ExpiresAt, e = j.ExpiresAt.parseInt("expires_at"); e != nil {
		return nil, e
	}
	sig, e := signature(r.Signature)
	if e != nil {
		return nil, e
	}
	so := &solgridmarket.SignedOrder{Order: o, Signature: sig}
	copy(so.Domain[:], client.OrderDomain)
	return so, nil
}
