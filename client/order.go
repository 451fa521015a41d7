package client

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"fmt"
	"math/bits"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// OrderVersion is the only order format the program accepts.
const OrderVersion = 1

// OrderDomain prefixes every signed order so an order signature can never be
// replayed as a transaction or any other message.
var OrderDomain = solgridmarket.ORDER_DOMAIN

// OrderMessage is the exact byte string an owner signs: domain ‖ borsh(order).
func OrderMessage(o *solgridmarket.Order) ([]byte, error) {
	body, err := o.Marshal()
	if err != nil {
		return nil, fmt.Errorf("encode order %d: %w", o.OrderId, err)
	}
	return append(append([]byte{}, OrderDomain...), body...), nil
}

// ValidateOrder checks what the program would refuse as InvalidOrder, so a
// malformed order is caught before anyone signs or submits it. A bid's fee cap
// above 100% is refused too: no market fee can reach it, so it caps nothing.
func ValidateOrder(o *solgridmarket.Order) error {
	all := uint32(1)<<SKUCount - 1
	switch {
	case o.Version != OrderVersion:
		return fmt.Errorf("order %d: version %d, want %d", o.OrderId, o.Version, OrderVersion)
	case o.Side != solgridmarket.Side_Bid && o.Side != solgridmarket.Side_Ask:
		return fmt.Errorf("order %d: side %d is neither bid nor ask", o.OrderId, o.Side)
	case o.SkuMask == 0 || o.SkuMask&^all != 0:
		return fmt.Errorf("order %d: SKU mask %#x names no known GPU or an unknown one", o.OrderId, o.SkuMask)
	case o.Side == solgridmarket.Side_Ask && bits.OnesCount32(o.SkuMask) != 1:
		return fmt.Errorf("order %d: an ask offers exactly one GPU SKU (mask %#x)", o.OrderId, o.SkuMask)
	case o.GpuCount == 0:
		return fmt.Errorf("order %d: GPU count is zero", o.OrderId)
	case o.LimitPrice == 0:
		return fmt.Errorf("order %d: limit price is zero", o.OrderId)
	case o.MinHours == 0 || o.MinHours > o.MaxHours:
		return fmt.Errorf("order %d: hour range %d..%d is empty", o.OrderId, o.MinHours, o.MaxHours)
	case o.Side == solgridmarket.Side_Bid && o.PaymentMint.IsZero():
		return fmt.Errorf("order %d: a bid names the mint it pays in", o.OrderId)
	case o.Side == solgridmarket.Side_Bid && o.MaxFeeBps > MaxBps:
		return fmt.Errorf("order %d: max fee %d bps is above %d (100%%)", o.OrderId, o.MaxFeeBps, MaxBps)
	}
	return nil
}

// SignOrder validates the order and signs it with its owner's key.
func SignOrder(o solgridmarket.Order, owner solana.PrivateKey) (solgridmarket.SignedOrder, error) {
	if o.Owner != owner.PublicKey() {
		return solgridmarket.SignedOrder{}, fmt.Errorf("sign order %d: owner %s is not the signing key %s", o.OrderId, o.Owner, owner.PublicKey())
	}
	if err := ValidateOrder(&o); err != nil {
		return solgridmarket.SignedOrder{}, err
	}
	msg, err := OrderMessage(&o)
	if err != nil {
		return solgridmarket.SignedOrder{}, err
	}
	sig := ed25519.Sign(ed25519.PrivateKey(owner), msg)
	signed := solgridmarket.SignedOrder{Order: o}
	copy(signed.Signature[:], sig)
	copy(signed.Domain[:], OrderDomain)
	return signed, nil
}

// ErrBadOrderSignature means the signature is not the owner's over this order.
var ErrBadOrderSignature = errors.New("order signature does not verify against its owner")

// VerifyOrder checks the domain and the owner's signature, as the program will.
func VerifyOrder(s *solgridmarket.SignedOrder) error {
	if !bytes.Equal(s.Domain[:], OrderDomain) {
		return fmt.Errorf("order %d: domain %q: %w", s.Order.OrderId, s.Domain[:], ErrBadOrderSignature)
	}
	msg, err := OrderMessage(&s.Order)
	if err != nil {
		return err
	}
	if !ed25519.Verify(ed25519.PublicKey(s.Order.Owner[:]), msg, s.Signature[:]) {
		return fmt.Errorf("order %d of %s: %w", s.Order.OrderId, s.Order.Owner, ErrBadOrderSignature)
	}
	return nil
}
