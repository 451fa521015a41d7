package client

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
)

// Token account states (the u8 at offset 108 of an SPL token account).
const (
	TokenAccountUninitialized = 0
	TokenAccountInitialized   = 1
	TokenAccountFrozen        = 2
)

// TokenAccount is the part of an SPL token account the market cares about.
type TokenAccount struct {
	Mint   solana.PublicKey
	Owner  solana.PublicKey // who may move the tokens (for a vault: the Market PDA)
	Amount uint64           // base units
	State  uint8
}

// ParseTokenAccount decodes the fixed 165-byte SPL Token account layout.
func ParseTokenAccount(data []byte) (*TokenAccount, error) {
	if len(data) != TokenAccountSize {
		return nil, fmt.Errorf("token account: %d bytes, want %d", len(data), TokenAccountSize)
	}
	return &TokenAccount{
		Mint:   solana.PublicKeyFromBytes(data[0:32]),
		Owner:  solana.PublicKeyFromBytes(data[32:64]),
		Amount: binary.LittleEndian.Uint64(data[64:72]),
		State:  data[108],
	}, nil
}

// FetchTokenAccount reads an SPL Token (not Token-2022) account.
func (c *Client) FetchTokenAccount(ctx context.Context, addr solana.PublicKey) (*TokenAccount, error) {
	out, err := c.RPC.GetAccountInfoWithOpts(ctx, addr, &rpc.GetAccountInfoOpts{Commitment: rpc.CommitmentConfirmed, Encoding: solana.EncodingBase64})
	if errors.Is(err, rpc.ErrNotFound) || (err == nil && (out == nil || out.Value == nil)) {
		return nil, fmt.Errorf("fetch token account %s: %w", addr, ErrAccountNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("fetch token account %s: %w", addr, err)
	}
	if out.Value.Owner != solana.TokenProgramID {
		return nil, fmt.Errorf("fetch token account %s: owned by %s, not the SPL Token program", addr, out.Value.Owner)
	}
	acct, err := ParseTokenAccount(out.Value.Data.GetBinary())
	if err != nil {
		return nil, fmt.Errorf("fetch token account %s: %w", addr, err)
	}
	return acct, nil
}
