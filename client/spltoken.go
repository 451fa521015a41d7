package client

import (
	"context"
	"fmt"

	"github.com/gagliardetto/solana-go"
	ata "github.com/gagliardetto/solana-go/programs/associated-token-account"
	"github.com/gagliardetto/solana-go/programs/system"
	"github.com/gagliardetto/solana-go/programs/token"
	"github.com/gagliardetto/solana-go/rpc"
)

// SPL Token account sizes.
const (
	MintSize         = 82
	TokenAccountSize = 165
)

// CreateMint creates an SPL Token mint whose mint authority is the payer.
func (c *Client) CreateMint(ctx context.Context, payer solana.PrivateKey, decimals uint8) (solana.PublicKey, *Result, error) {
	mint, err := solana.NewRandomPrivateKey()
	if err != nil {
		return solana.PublicKey{}, nil, err
	}
	rent, err := c.RPC.GetMinimumBalanceForRentExemption(ctx, MintSize, rpc.CommitmentConfirmed)
	if err != nil {
		return solana.PublicKey{}, nil, fmt.Errorf("create mint: rent: %w", err)
	}
	ixs := []solana.Instruction{
		system.NewCreateAccountInstruction(rent, MintSize, solana.TokenProgramID, payer.PublicKey(), mint.PublicKey()).Build(),
		token.NewInitializeMint2Instruction(decimals, payer.PublicKey(), solana.PublicKey{}, mint.PublicKey()).Build(),
	}
	res, err := c.Send(ctx, ixs, []solana.PrivateKey{payer, mint}, SendOptions{})
	if err != nil {
		return solana.PublicKey{}, nil, fmt.Errorf("create mint: %w", err)
	}
	return mint.PublicKey(), res, nil
}

// AssociatedTokenAddress is the owner's canonical token account for mint.
func AssociatedTokenAddress(owner, mint solana.PublicKey) solana.PublicKey {
	addr, _, err := solana.FindAssociatedTokenAddress(owner, mint)
	if err != nil {
		panic(err) // derivation from three 32-byte seeds always finds a bump
	}
	return addr
}

// MintToOwner creates the owner's associated token account if needed and mints
// amount base units into it; the payer must be the mint authority.
func (c *Client) MintToOwner(ctx context.Context, payer solana.PrivateKey, mint, owner solana.PublicKey, amount uint64) (solana.PublicKey, *Result, error) {
	account := AssociatedTokenAddress(owner, mint)
	var ixs []solana.Instruction
	if _, err := c.RPC.GetAccountInfo(ctx, account); err != nil {
		ixs = append(ixs, ata.NewCreateInstruction(payer.PublicKey(), owner, mint).Build())
	}
	ixs = append(ixs, token.NewMintToInstruction(amount, mint, account, payer.PublicKey(), nil).Build())
	res, err := c.Send(ctx, ixs, []solana.PrivateKey{payer}, SendOptions{})
	if err != nil {
		return account, nil, fmt.Errorf("mint %d of %s to %s: %w", amount, mint, owner, err)
	}
	return account, res, nil
}
