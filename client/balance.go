package client

import (
	"context"
	"errors"
	"fmt"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// Byte offsets in a Balance account (discriminator first), for memcmp filters.
const (
	balanceOwnerOffset = 8 + 8 + 8 + 32 // discriminator, available, locked, market
	balanceSize        = 128
)

// OpenBalance builds open_balance: creates the owner's Balance for mint on a
// market (the payer pays the rent; the owner need not sign). Opening an open
// Balance succeeds and changes nothing.
type OpenBalance struct {
	Payer  solana.PublicKey
	Owner  solana.PublicKey
	Market solana.PublicKey
	Mint   solana.PublicKey
	// Balance overrides the derived PDA (tests of the program's checks only).
	Balance solana.PublicKey
}

// Validate reports missing keys.
func (b *OpenBalance) Validate() error {
	if b.Payer.IsZero() || b.Owner.IsZero() || b.Market.IsZero() || b.Mint.IsZero() {
		return errors.New("open balance: payer, owner, market and mint are required")
	}
	return nil
}

// Build validates and returns the instruction and the Balance address.
func (b *OpenBalance) Build(programID solana.PublicKey) (solana.Instruction, solana.PublicKey, error) {
	if err := b.Validate(); err != nil {
		return nil, solana.PublicKey{}, err
	}
	balance := b.Balance
	if balance.IsZero() {
		balance, _ = BalanceAddress(programID, b.Market, b.Owner, b.Mint)
	}
	ix, err := solgridmarket.NewOpenBalanceInstruction(b.Payer, b.Owner, b.Market, b.Mint, balance, solana.SystemProgramID)
	if err != nil {
		return nil, solana.PublicKey{}, fmt.Errorf("open balance: %w", err)
	}
	return withProgramID(ix, programID), balance, nil
}

// OpenBalance opens a Balance paid for by payer.
func (c *Client) OpenBalance(ctx context.Context, payer solana.PrivateKey, b OpenBalance, opts SendOptions) (solana.PublicKey, *Result, error) {
	b.Payer = payer.PublicKey()
	ix, balance, err := b.Build(c.ProgramID)
	if err != nil {
		return solana.PublicKey{}, nil, err
	}
	res, err := c.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{payer}, opts)
	if err != nil {
		return balance, nil, fmt.Errorf("open balance %s: %w", balance, err)
	}
	return balance, res, nil
}

// FetchBalance reads the owner's Balance of mint on a market; ErrAccountNotFound
// (wrapped) if it was never opened.
func (c *Client) FetchBalance(ctx context.Context, market, owner, mint solana.PublicKey) (*solgridmarket.Balance, error) {
	addr, _ := BalanceAddress(c.ProgramID, market, owner, mint)
	data, err := c.programAccountData(ctx, addr)
	if err != nil {
		return nil, fmt.Errorf("fetch balance %s: %w", addr, err)
	}
	b, err := solgridmarket.ParseAccount_Balance(data)
	if err != nil {
		return nil, fmt.Errorf("fetch balance %s: %w", addr, err)
	}
	return b, nil
}

// BalanceAccount is a Balance with its address.
type BalanceAccount struct {
	Address solana.PublicKey
	solgridmarket.Balance
}

// BalancesByOwner lists every Balance of owner, on every market of the program,
// with one getProgramAccounts call filtered by type and owner.
func (c *Client) BalancesByOwner(ctx context.Context, owner solana.PublicKey) ([]BalanceAccount, error) {
	out, err := c.RPC.GetProgramAccountsWithOpts(ctx, c.ProgramID, &rpc.GetProgramAccountsOpts{
		Commitment: rpc.CommitmentConfirmed,
		Encoding:   solana.EncodingBase64,
		Filters: []rpc.RPCFilter{
			{DataSize: balanceSize},
			{Memcmp: &rpc.RPCFilterMemcmp{Offset: 0, Bytes: solgridmarket.Account_Balance[:]}},
			{Memcmp: &rpc.RPCFilterMemcmp{Offset: balanceOwnerOffset, Bytes: owner[:]}},
		},
	})
	if err != nil {
		return nil, fmt.Errorf("balances of %s: %w", owner, err)
	}
	balances := make([]BalanceAccount, 0, len(out))
	for _, acct := range out {
		b, err := solgridmarket.ParseAccount_Balance(acct.Account.Data.GetBinary())
		if err != nil {
			return nil, fmt.Errorf("balances of %s: %s: %w", owner, acct.Pubkey, err)
		}
		balances = append(balances, BalanceAccount{Address: acct.Pubkey, Balance: *b})
	}
	return balances, nil
}
