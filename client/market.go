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

// UpdateMarket builds update_market: replaces the configuration and hands the
// authority to NewAuthority (which may be the current one). The market keeps
// its address: the PDA is seeded by the creating authority.
type UpdateMarket struct {
	Authority    solana.PublicKey
	Market       solana.PublicKey
	Params       solgridmarket.MarketParams
	NewAuthority solana.PublicKey
}

// Validate checks the parameters the program would reject, and refuses a zero
// new authority (nobody could ever update the market again).
func (b *UpdateMarket) Validate() error {
	p := b.Params
	switch {
	case b.Authority.IsZero() || b.Market.IsZero():
		return errors.New("update market: authority and market are required")
	case b.NewAuthority.IsZero():
		return errors.New("update market: the new authority is required (pass the current one to keep it)")
	case p.FeeBpsStable > MaxBps || p.FeeBpsToken > MaxBps || p.MinerFeeShareBps > MaxBps:
		return fmt.Errorf("update market: fees are in basis points and at most %d", MaxBps)
	case p.FeeBpsToken > p.FeeBpsStable:
		return fmt.Errorf("update market: the platform-token fee (%d bps) must not exceed the stablecoin fee (%d bps)", p.FeeBpsToken, p.FeeBpsStable)
	}
	return nil
}

// Build validates and returns the instruction.
func (b *UpdateMarket) Build(programID solana.PublicKey) (solana.Instruction, error) {
	if err := b.Validate(); err != nil {
		return nil, err
	}
	ix, err := solgridmarket.NewUpdateMarketInstruction(b.Params, b.NewAuthority, b.Authority, b.Market)
	if err != nil {
		return nil, fmt.Errorf("update market: %w", err)
	}
	return withProgramID(ix, programID), nil
}

// UpdateMarket sends update_market signed by the authority.
func (c *Client) UpdateMarket(ctx context.Context, authority solana.PrivateKey, b UpdateMarket, opts SendOptions) (*Result, error) {
	b.Authority = authority.PublicKey()
	ix, err := b.Build(c.ProgramID)
	if err != nil {
		return nil, err
	}
	res, err := c.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{authority}, opts)
	if err != nil {
		return nil, fmt.Errorf("update market %s: %w", b.Market, err)
	}
	return res, nil
}

// SetTokenPrice builds set_token_price: the oracle's price of one whole
// platform token in micro-USD.
type SetTokenPrice struct {
	Oracle        solana.PublicKey
	Market        solana.PublicKey
	PriceMicroUsd uint64
}

// Validate refuses a zero price, which the program refuses too.
func (b *SetTokenPrice) Validate() error {
	switch {
	case b.Oracle.IsZero() || b.Market.IsZero():
		return errors.New("set token price: oracle and market are required")
	case b.PriceMicroUsd == 0:
		return errors.New("set token price: the price must be greater than zero")
	}
	return nil
}

// Build validates and returns the instruction.
func (b *SetTokenPrice) Build(programID solana.PublicKey) (solana.Instruction, error) {
	if err := b.Validate(); err != nil {
		return nil, err
	}
	ix, err := solgridmarket.NewSetTokenPriceInstruction(b.PriceMicroUsd, b.Oracle, b.Market)
	if err != nil {
		return nil, fmt.Errorf("set token price: %w", err)
	}
	return withProgramID(ix, programID), nil
}

// SetTokenPrice sends set_token_price signed by the oracle authority.
func (c *Client) SetTokenPrice(ctx context.Context, oracle solana.PrivateKey, b SetTokenPrice, opts SendOptions) (*Result, error) {
	b.Oracle = oracle.PublicKey()
	ix, err := b.Build(c.ProgramID)
	if err != nil {
		return nil, err
	}
	res, err := c.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{oracle}, opts)
	if err != nil {
		return nil, fmt.Errorf("set token price on %s: %w", b.Market, err)
	}
	return res, nil
}
