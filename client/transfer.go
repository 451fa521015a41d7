package client

import (
	"context"
	"errors"
	"fmt"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// Deposit builds deposit: Amount base units of Mint move from the owner's token
// account into the market's vault and are credited to the owner's Balance
// (opened on the way, at the owner's expense, if needed).
type Deposit struct {
	Owner  solana.PublicKey
	Market solana.PublicKey
	Mint   solana.PublicKey
	Amount uint64 // base units of Mint
	// Source defaults to the owner's associated token account of Mint.
	Source solana.PublicKey
	// Overrides for tests of the program's checks; zero = the right account.
	Vault, Balance, TokenProgram solana.PublicKey
}

// Validate reports what the program would refuse for certain.
func (b *Deposit) Validate() error {
	switch {
	case b.Owner.IsZero() || b.Market.IsZero() || b.Mint.IsZero():
		return errors.New("deposit: owner, market and mint are required")
	case b.Amount == 0:
		return errors.New("deposit: the amount must be greater than zero")
	}
	return nil
}

// Build validates and returns the instruction.
func (b *Deposit) Build(programID solana.PublicKey) (solana.Instruction, error) {
	if err := b.Validate(); err != nil {
		return nil, err
	}
	acc := resolveTransferAccounts(programID, b.Owner, b.Market, b.Mint, b.Source, b.Vault, b.Balance, b.TokenProgram)
	ix, err := solgridmarket.NewDepositInstruction(b.Amount, b.Owner, b.Market, b.Mint, acc.balance, acc.tokenAccount,
		acc.vault, acc.tokenProgram, solana.SystemProgramID)
	if err != nil {
		return nil, fmt.Errorf("deposit: %w", err)
	}
	return withProgramID(ix, programID), nil
}

// Deposit sends a deposit signed (and paid) by the owner.
func (c *Client) Deposit(ctx context.Context, owner solana.PrivateKey, b Deposit, opts SendOptions) (*Result, error) {
	b.Owner = owner.PublicKey()
	ix, err := b.Build(c.ProgramID)
	if err != nil {
		return nil, err
	}
	res, err := c.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{owner}, opts)
	if err != nil {
		return nil, fmt.Errorf("deposit %d of %s: %w", b.Amount, b.Mint, err)
	}
	return res, nil
}

// Withdraw builds withdraw: Amount base units of the owner's available (never
// locked) funds leave the vault for Destination.
type Withdraw struct {
	Owner  solana.PublicKey
	Market solana.PublicKey
	Mint   solana.PublicKey
	Amount uint64 // base units of Mint
	// Destination defaults to the owner's associated token account of Mint.
	Destination solana.PublicKey
	// Overrides for tests of the program's checks; zero = the right account.
	Vault, Balance, TokenProgram solana.PublicKey
}

// Validate reports what the program would refuse for certain.
func (b *Withdraw) Validate() error {
	switch {
	case b.Owner.IsZero() || b.Market.IsZero() || b.Mint.IsZero():
		return errors.New("withdraw: owner, market and mint are required")
	case b.Amount == 0:
		return errors.New("withdraw: the amount must be greater than zero")
	}
	return nil
}

// Build validates and returns the instruction.
func (b *Withdraw) Build(programID solana.PublicKey) (solana.Instruction, error) {
	if err := b.Validate(); err != nil {
		return nil, err
	}
	acc := resolveTransferAccounts(programID, b.Owner, b.Market, b.Mint, b.Destination, b.Vault, b.Balance, b.TokenProgram)
	ix, err := solgridmarket.NewWithdrawInstruction(b.Amount, b.Owner, b.Market, b.Mint, acc.balance, acc.tokenAccount,
		acc.vault, acc.tokenProgram)
	if err != nil {
		return nil, fmt.Errorf("withdraw: %w", err)
	}
	return withProgramID(ix, programID), nil
}

// Withdraw sends a withdrawal signed (and paid) by the owner.
func (c *Client) Withdraw(ctx context.Context, owner solana.PrivateKey, b Withdraw, opts SendOptions) (*Result, error) {
	b.Owner = owner.PublicKey()
	ix, err := b.Build(c.ProgramID)
	if err != nil {
		return nil, err
	}
	res, err := c.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{owner}, opts)
	if err != nil {
		return nil, fmt.Errorf("withdraw %d of %s: %w", b.Amount, b.Mint, err)
	}
	return res, nil
}

type transferAccounts struct {
	balance, tokenAccount, vault, tokenProgram solana.PublicKey
}

// resolveTransferAccounts fills the defaults: the owner's Balance PDA and
// associated token account, the market's vault for mint, SPL Token.
func resolveTransferAccounts(programID, owner, market, mint, tokenAccount, vault, balance, tokenProgram solana.PublicKey) transferAccounts {
	if tokenAccount.IsZero() {
		tokenAccount = AssociatedTokenAddress(owner, mint)
	}
	if vault.IsZero() {
		vault, _ = VaultAddress(programID, market, mint)
	}
	if balance.IsZero() {
		balance, _ = BalanceAddress(programID, market, owner, mint)
	}
	if tokenProgram.IsZero() {
		tokenProgram = solana.TokenProgramID
	}
	return transferAccounts{balance: balance, tokenAccount: tokenAccount, vault: vault, tokenProgram: tokenProgram}
}
