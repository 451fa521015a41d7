package client

import (
	"context"
	"errors"
	"fmt"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// ErrAccountNotFound means the address holds no account.
var ErrAccountNotFound = errors.New("account not found")

// FetchMarket reads and decodes a Market account, refusing one the program does not own.
func (c *Client) FetchMarket(ctx context.Context, addr solana.PublicKey) (*solgridmarket.Market, error) {
	data, err := c.programAccountData(ctx, addr)
	if err != nil {
		return nil, fmt.Errorf("fetch market %s: %w", addr, err)
	}
	market, err := solgridmarket.ParseAccount_Market(data)
	if err != nil {
		return nil, fmt.Errorf("fetch market %s: %w", addr, err)
	}
	return market, nil
}

// programAccountData returns an account's data after checking that the market
// program owns it: data owned by anyone else could be crafted to look like ours.
func (c *Client) programAccountData(ctx context.Context, addr solana.PublicKey) ([]byte, error) {
	out, err := c.RPC.GetAccountInfoWithOpts(ctx, addr, &rpc.GetAccountInfoOpts{Commitment: rpc.CommitmentConfirmed, Encoding: solana.EncodingBase64})
	if errors.Is(err, rpc.ErrNotFound) || (err == nil && (out == nil || out.Value == nil)) {
		return nil, ErrAccountNotFound
	}
	if err != nil {
		return nil, err
	}
	if out.Value.Owner != c.ProgramID {
		return nil, fmt.Errorf("owned by %s, not the market program %s", out.Value.Owner, c.ProgramID)
	}
	return out.Value.Data.GetBinary(), nil
}
