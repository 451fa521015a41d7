package client

import (
	"context"
	"errors"
	"fmt"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// CloseOrderState builds close_order_state: once an order has expired its
// OrderState can never stop anything again (a replay of the signed order fails
// OrderExpired), so its rent goes back to RentPayer, the account that paid it
// (the OrderState's rent_payer; nobody else can receive it). Anyone may send it.
type CloseOrderState struct {
	OrderState solana.PublicKey
	Market     solana.PublicKey
	RentPayer  solana.PublicKey
}

// CloseOrderStateOf names the accounts close_order_state needs for the
// OrderState of (market, owner, orderID) holding st.
func CloseOrderStateOf(programID, market, owner solana.PublicKey, orderID uint64, st *solgridmarket.OrderState) CloseOrderState {
	addr, _ := OrderStateAddress(programID, market, owner, orderID)
	return CloseOrderState{OrderState: addr, Market: market, RentPayer: st.RentPayer}
}

// Validate checks that every account is named.
func (b *CloseOrderState) Validate() error {
	if b.OrderState.IsZero() || b.Market.IsZero() || b.RentPayer.IsZero() {
		return errors.New("close order state: order state, market and rent payer are required")
	}
	return nil
}

// Build validates and returns the instruction.
func (b *CloseOrderState) Build(programID solana.PublicKey) (solana.Instruction, error) {
	if err := b.Validate(); err != nil {
		return nil, err
	}
	ix, err := solgridmarket.NewCloseOrderStateInstruction(b.OrderState, b.Market, b.RentPayer)
	if err != nil {
		return nil, fmt.Errorf("close order state %s: %w", b.OrderState, err)
	}
	return withProgramID(ix, programID), nil
}

// CloseOrderState closes the OrderState of an expired order, returning its rent
// to whoever paid it (the matcher for a filled order); payer only pays the
// transaction fee. The program refuses (OrderStillLive) an order that has not
// expired and a cancel-only record.
func (c *Client) CloseOrderState(ctx context.Context, payer solana.PrivateKey, market, owner solana.PublicKey, orderID uint64, opts SendOptions) (*Result, error) {
	st, err := c.FetchOrderState(ctx, market, owner, orderID)
	if err != nil {
		return nil, fmt.Errorf("close order state: %w", err)
	}
	b := CloseOrderStateOf(c.ProgramID, market, owner, orderID, st)
	ix, err := b.Build(c.ProgramID)
	if err != nil {
		return nil, err
	}
	res, err := c.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{payer}, opts)
	if err != nil {
		return nil, fmt.Errorf("close order state %d of %s: %w", orderID, owner, err)
	}
	return res, nil
}
