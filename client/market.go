package client

import (
	"context"
	"errors"
	"fmt"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// MaxBps is 100%, in basis points.
const MaxBps = 10_000

// InitializeMarket builds the initialize_market instruction. Validate reports
// obviously wrong parameters before a fee is paid; the program checks them again.
type InitializeMarket struct {
	Authority  solana.PublicKey
	MarketID   uint64
	StableMint solana.PublicKey
	TokenMint  solana.PublicKey
	Params     solgridmarket.MarketParams
}

// Validate checks the parameters the program would reject.
func (b *InitializeMarket) Validate() error {
	p := b.Params
	switch {
	case b.Authority.IsZero():
		return errors.New("initialize market: authority is required")
	case b.StableMint.IsZero() || b.TokenMint.IsZero():
		return errors.New("initialize market: both the stablecoin and the platform-token mint are required")
	case b.Params.Matcher.IsZero():
		return errors.New("initialize market: a matcher key is required (the only key allowed to commit matched orders)")
	case b.StableMint == b.TokenMint:
		return errors.New("initialize market: the stablecoin and platform-token mints must differ")
	case p.FeeBpsStable > MaxBps || p.FeeBpsToken > MaxBps || p.MinerFeeShareBps > MaxBps:
		return fmt.Errorf("initialize market: fees are in basis points and at most %d", MaxBps)
	case p.FeeBpsToken > p.FeeBpsStable:
		return fmt.Errorf("initialize market: the platform-token fee (%d bps) must not exceed the stablecoin fee (%d bps)", p.FeeBpsToken, p.FeeBpsStable)
	}
	return nil
}

// Build validates and returns the instruction and the market address it creates.
func (b *InitializeMarket) Build(programID solana.PublicKey) (solana.Instruction, solana.PublicKey, error) {
	if err := b.Validate(); err != nil {
		return nil, solana.PublicKey{}, err
	}
	market, _ := MarketAddress(programID, b.Authority, b.MarketID)
	stableVault, _ := VaultAddress(programID, market, b.StableMint)
	tokenVault, _ := VaultAddress(programID, market, b.TokenMint)
	ix, err := solgridmarket.NewInitializeMarketInstruction(b.MarketID, b.Params,
		b.Authority, market, b.StableMint, b.TokenMint, stableVault, tokenVault,
		solana.TokenProgramID, solana.SystemProgramID)
	if err != nil {
		return nil, solana.PublicKey{}, fmt.Errorf("initialize market: %w", err)
	}
	return withProgramID(ix, programID), market, nil
}

// InitializeMarket creates a market whose authority is the signer and pays its rent.
func (c *Client) InitializeMarket(ctx context.Context, authority solana.PrivateKey, b InitializeMarket, opts SendOptions) (solana.PublicKey, *Result, error) {
	b.Authority = authority.PublicKey()
	ix, market, err := b.Build(c.ProgramID)
	if err != nil {
		return solana.PublicKey{}, nil, err
	}
	res, err := c.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{authority}, opts)
	if err != nil {
		return market, nil, fmt.Errorf("initialize market %s: %w", market, err)
	}
	return market, res, nil
}
