package client

import (
	"context"
	"errors"
	"fmt"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// CancelOrder builds cancel_order: the owner marks an order id cancelled on chain
// (creating its OrderState if needed, at the owner's expense), so no later commit
// can fill it.
type CancelOrder struct {
	Owner   solana.PublicKey
	Market  solana.PublicKey
	OrderID uint64
}

// Validate checks the fields the program needs.
func (b *CancelOrder) Validate() error {
	if b.Owner.IsZero() || b.Market.IsZero() {
		return errors.New("cancel order: owner and market are required")
	}
	return nil
}

// Build validates and returns the instruction and the OrderState address.
func (b *CancelOrder) Build(programID solana.PublicKey) (solana.Instruction, solana.PublicKey, error) {
	if err := b.Validate(); err != nil {
		return nil, solana.PublicKey{}, err
	}
	state, _ := OrderStateAddress(programID, b.Market, b.Owner, b.OrderID)
	ix, err := solgridmarket.NewCancelOrderInstruction(b.OrderID, b.Owner, b.Market, state, solana.SystemProgramID)
	if err != nil {
		return nil, solana.PublicKey{}, fmt.Errorf("cancel order %d: %w", b.OrderID, err)
	}
	return withProgramID(ix, programID), state, nil
}

// CancelOrder cancels one of the owner's orders on chain.
func (c *Client) CancelOrder(ctx context.Context, owner solana.PrivateKey, market solana.PublicKey, orderID uint64, opts SendOptions) (*Result, error) {
	b := CancelOrder{Owner: owner.PublicKey(), Market: market, OrderID: orderID}
	ix, _, err := b.Build(c.ProgramID)
	if err != nil {
		return nil, err
	}
	res, err := c.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{owner}, opts)
	if err != nil {
		return nil, fmt.Errorf("cancel order %d of %s: %w", orderID, owner.PublicKey(), err)
	}
	return res, nil
}

// FetchOrderState reads an order's on-chain record (fills, cancellation, the
// stored order); ErrAccountNotFound if the order was never filled nor cancelled.
func (c *Client) FetchOrderState(ctx context.Context, market, owner solana.PublicKey, orderID uint64) (*solgridmarket.OrderState, error) {
	addr, _ := OrderStateAddress(c.ProgramID, market, owner, orderID)
	data, err := c.programAccountData(ctx, addr)
	if err != nil {
		return nil, fmt.Errorf("fetch order state %d of %s (%s): %w", orderID, owner, addr, err)
	}
	st, err := solgridmarket.ParseAccount_OrderState(data)
	if err != nil {
		return nil, fmt.Errorf("fetch order state %s: %w", addr, err)
	}
	return st, nil
}
