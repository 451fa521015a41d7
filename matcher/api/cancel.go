package api

import (
	"crypto/ed25519"
	"encoding/binary"

	"github.com/gagliardetto/solana-go"
	"github.com/mr-tron/base58"
)

// CancelDomain prefixes a signed cancel request, so neither an order signature nor a
// transaction signature can be replayed as a cancel, nor a cancel as anything else.
const CancelDomain = "solgrid:cancel:v1"

// CancelMessage is what an owner signs to cancel an order in the book:
// domain ‖ market (32) ‖ owner (32) ‖ order_id (u64 LE).
func CancelMessage(market, owner solana.PublicKey, orderID uint64) []byte {
	msg := make([]byte, 0, len(CancelDomain)+72)
	msg = append(msg, CancelDomain...)
	msg = append(msg, market[:]...)
	msg = append(msg, owner[:]...)
	return binary.LittleEndian.AppendUint64(msg, orderID)
}

// CancelRequest is the body of POST /v1/orders/cancel.
type CancelRequest struct {
	Market    string `json:"market"`
	Owner     string `json:"owner"`
	OrderID   Num    `json:"order_id"`
	Signature string `json:"signature"` // base58, over CancelMessage
}

// NewCancelRequest signs a cancel of owner's order id.
func NewCancelRequest(market solana.PublicKey, owner solana.PrivateKey, orderID uint64) CancelRequest {
	sig := ed25519.Sign(ed25519.PrivateKey(owner), CancelMessage(market, owner.PublicKey(), orderID))
	return CancelRequest{Market: market.String(), Owner: owner.PublicKey().String(), OrderID: numOf(orderID), Signature: base58.Encode(sig)}
}
