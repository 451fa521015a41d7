package client

import (
	"context"
	"errors"
	"fmt"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// LeaseParties are the accounts settle_lease, cancel_lease and release_lease
// name: the lease, its market, and the renter's, provider's and treasury's
// Balances in the lease's payment mint.
type LeaseParties struct {
	Market          solana.PublicKey
	Lease           solana.PublicKey
	RenterBalance   solana.PublicKey
	ProviderBalance solana.PublicKey
	TreasuryBalance solana.PublicKey
}

// LeasePartiesOf derives the parties of lease l at address from the lease
// itself and the market's treasury wallet.
func LeasePartiesOf(programID, address solana.PublicKey, l *solgridmarket.Lease, treasury solana.PublicKey) LeaseParties {
	balance := func(owner solana.PublicKey) solana.PublicKey {
		addr, _ := BalanceAddress(programID, l.Market, owner, l.PaymentMint)
		return addr
	}
	return LeaseParties{
		Market: l.Market, Lease: address,
		RenterBalance: balance(l.Renter), ProviderBalance: balance(l.Provider), TreasuryBalance: balance(treasury),
	}
}

func (p *LeaseParties) validate(what string) error {
	for _, k := range []solana.PublicKey{p.Market, p.Lease, p.RenterBalance, p.ProviderBalance, p.TreasuryBalance} {
		if k.IsZero() {
			return fmt.Errorf("%s: market, lease and the three balances are required", what)
		}
	}
	return nil
}

// SettleLease builds settle_lease: anyone may pay out what accrued.
type SettleLease struct {
	Parties LeaseParties
}

// Validate checks that every account is named.
func (b *SettleLease) Validate() error { return b.Parties.validate("settle lease") }

// Build validates and returns the instruction.
func (b *SettleLease) Build(programID solana.PublicKey) (solana.Instruction, error) {
	if err := b.Validate(); err != nil {
		return nil, err
	}
	p := b.Parties
	ix, err := solgridmarket.NewSettleLeaseInstruction(p.Market, p.Lease, p.RenterBalance, p.ProviderBalance, p.TreasuryBalance)
	if err != nil {
		return nil, fmt.Errorf("settle lease: %w", err)
	}
	return withProgramID(ix, programID), nil
}

// CancelLease builds cancel_lease: the renter ends the lease early.
type CancelLease struct {
	Renter  solana.PublicKey
	Parties LeaseParties
}

// Validate checks that every account is named.
func (b *CancelLease) Validate() error {
	if b.Renter.IsZero() {
		return errors.New("cancel lease: the renter (signer) is required")
	}
	return b.Parties.validate("cancel lease")
}

// Build validates and returns the instruction.
func (b *CancelLease) Build(programID solana.PublicKey) (solana.Instruction, error) {
	if err := b.Validate(); err != nil {
		return nil, err
	}
	p := b.Parties
	ix, err := solgridmarket.NewCancelLeaseInstruction(b.Renter, p.Market, p.Lease, p.RenterBalance, p.ProviderBalance, p.TreasuryBalance)
	if err != nil {
		return nil, fmt.Errorf("cancel lease: %w", err)
	}
	return withProgramID(ix, programID), nil
}

// ReleaseLease builds release_lease: the provider ends the lease early.
type ReleaseLease struct {
	Provider solana.PublicKey
	Parties  LeaseParties
}

// Validate checks that every account is named.
func (b *ReleaseLease) Validate() error {
	if b.Provider.IsZero() {
		return errors.New("release lease: the provider (signer) is required")
	}
	return b.Parties.validate("release lease")
}

// Build validates and returns the instruction.
func (b *ReleaseLease) Build(programID solana.PublicKey) (solana.Instruction, error) {
	if err := b.Validate(); err != nil {
		return nil, err
	}
	p := b.Parties
	ix, err := solgridmarket.NewReleaseLeaseInstruction(b.Provider, p.Market, p.Lease, p.RenterBalance, p.ProviderBalance, p.TreasuryBalance)
	if err != nil {
		return nil, fmt.Errorf("release lease: %w", err)
	}
	return withProgramID(ix, programID), nil
}

// CloseLease builds close_lease: an ended lease's rent goes back to RentPayer
// (the lease's rent_payer; nobody else can receive it). The two OrderStates
// prove that the pair can never be committed again.
type CloseLease struct {
	Lease         solana.PublicKey
	RentPayer     solana.PublicKey
	BidOrderState solana.PublicKey
	AskOrderState solana.PublicKey
}

// CloseLeaseOf names the accounts close_lease needs for lease l at address.
func CloseLeaseOf(programID, address solana.PublicKey, l *solgridmarket.Lease) CloseLease {
	bid, _ := OrderStateAddress(programID, l.Market, l.Renter, l.BidOrderId)
	ask, _ := OrderStateAddress(programID, l.Market, l.Provider, l.AskOrderId)
	return CloseLease{Lease: address, RentPayer: l.RentPayer, BidOrderState: bid, AskOrderState: ask}
}

// Validate checks that every account is named.
func (b *CloseLease) Validate() error {
	if b.Lease.IsZero() || b.RentPayer.IsZero() || b.BidOrderState.IsZero() || b.AskOrderState.IsZero() {
		return errors.New("close lease: lease, rent payer and both order states are required")
	}
	return nil
}

// Build validates and returns the instruction.
func (b *CloseLease) Build(programID solana.PublicKey) (solana.Instruction, error) {
	if err := b.Validate(); err != nil {
		return nil, err
	}
	ix, err := solgridmarket.NewCloseLeaseInstruction(b.Lease, b.RentPayer, b.BidOrderState, b.AskOrderState)
	if err != nil {
		return nil, fmt.Errorf("close lease: %w", err)
	}
	return withProgramID(ix, programID), nil
}

// FetchLeaseParties reads a lease and its market and derives the accounts its
// lifecycle instructions name.
func (c *Client) FetchLeaseParties(ctx context.Context, lease solana.PublicKey) (LeaseParties, *solgridmarket.Lease, error) {
	l, err := c.FetchLease(ctx, lease)
	if err != nil {
		return LeaseParties{}, nil, err
	}
	m, err := c.FetchMarket(ctx, l.Market)
	if err != nil {
		return LeaseParties{}, nil, fmt.Errorf("lease %s: %w", lease, err)
	}
	return LeasePartiesOf(c.ProgramID, lease, l, m.Treasury), l, nil
}

// SettleLease pays out what the lease accrued up to the cluster's clock; the
// payer only pays the transaction fee.
func (c *Client) SettleLease(ctx context.Context, payer solana.PrivateKey, lease solana.PublicKey, opts SendOptions) (*Result, error) {
	parties, _, err := c.FetchLeaseParties(ctx, lease)
	if err != nil {
		return nil, fmt.Errorf("settle lease: %w", err)
	}
	b := SettleLease{Parties: parties}
	return c.sendLeaseInstruction(ctx, "settle lease", lease, &b, payer, opts)
}

// CancelLease ends the renter's lease now: the provider is paid to now and the
// rest is refunded to the renter's Balance.
func (c *Client) CancelLease(ctx context.Context, renter solana.PrivateKey, lease solana.PublicKey, opts SendOptions) (*Result, error) {
	parties, _, err := c.FetchLeaseParties(ctx, lease)
	if err != nil {
		return nil, fmt.Errorf("cancel lease: %w", err)
	}
	b := CancelLease{Renter: renter.PublicKey(), Parties: parties}
	return c.sendLeaseInstruction(ctx, "cancel lease", lease, &b, renter, opts)
}

// ReleaseLease ends a lease the provider serves: paid to now, the rest refunded to the renter.
func (c *Client) ReleaseLease(ctx context.Context, provider solana.PrivateKey, lease solana.PublicKey, opts SendOptions) (*Result, error) {
	parties, _, err := c.FetchLeaseParties(ctx, lease)
	if err != nil {
		return nil, fmt.Errorf("release lease: %w", err)
	}
	b := ReleaseLease{Provider: provider.PublicKey(), Parties: parties}
	return c.sendLeaseInstruction(ctx, "release lease", lease, &b, provider, opts)
}

// CloseLease closes an ended lease; its rent goes to the lease's rent_payer
// (the matcher that committed it), whoever sends this.
func (c *Client) CloseLease(ctx context.Context, payer solana.PrivateKey, lease solana.PublicKey, opts SendOptions) (*Result, error) {
	l, err := c.FetchLease(ctx, lease)
	if err != nil {
		return nil, fmt.Errorf("close lease: %w", err)
	}
	b := CloseLeaseOf(c.ProgramID, lease, l)
	return c.sendLeaseInstruction(ctx, "close lease", lease, &b, payer, opts)
}

type leaseInstruction interface {
	Build(programID solana.PublicKey) (solana.Instruction, error)
}

func (c *Client) sendLeaseInstruction(ctx context.Context, what string, lease solana.PublicKey, b leaseInstruction, signer solana.PrivateKey, opts SendOptions) (*Result, error) {
	ix, err := b.Build(c.ProgramID)
	if err != nil {
		return nil, err
	}
	res, err := c.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{signer}, opts)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", what, lease, err)
	}
	return res, nil
}
