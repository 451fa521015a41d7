package client

import (
	"bytes"
	"context"
	"fmt"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// Byte offsets of Lease fields in the account data (after the 8-byte
// discriminator), derived from the generated Borsh layout so that a change in
// the IDL moves them too; a test pins them to the C header's offsets.
var (
	LeaseMarketOffset   = leaseFieldOffset(func(l *solgridmarket.Lease, k solana.PublicKey) { l.Market = k })
	LeaseRenterOffset   = leaseFieldOffset(func(l *solgridmarket.Lease, k solana.PublicKey) { l.Renter = k })
	LeaseProviderOffset = leaseFieldOffset(func(l *solgridmarket.Lease, k solana.PublicKey) { l.Provider = k })
)

// leaseFieldOffset encodes a Lease with only one pubkey field set to a marker
// and finds the marker.
func leaseFieldOffset(set func(*solgridmarket.Lease, solana.PublicKey)) uint64 {
	var marker solana.PublicKey
	for i := range marker {
		marker[i] = 0xa5
	}
	var l solgridmarket.Lease
	set(&l, marker)
	data, err := l.Marshal()
	at := bytes.Index(data, marker[:])
	if err != nil || at < 0 {
		panic(fmt.Sprintf("lease layout: marker not found (%v)", err))
	}
	return uint64(len(solgridmarket.Account_Lease) + at)
}

// LeaseAccount is a lease with its address.
type LeaseAccount struct {
	Address solana.PublicKey
	Lease   *solgridmarket.Lease
}

// FetchLease reads one Lease account.
func (c *Client) FetchLease(ctx context.Context, addr solana.PublicKey) (*solgridmarket.Lease, error) {
	data, err := c.programAccountData(ctx, addr)
	if err != nil {
		return nil, fmt.Errorf("fetch lease %s: %w", addr, err)
	}
	l, err := solgridmarket.ParseAccount_Lease(data)
	if err != nil {
		return nil, fmt.Errorf("fetch lease %s: %w", addr, err)
	}
	return l, nil
}

// LeasesByRenter lists the market's leases (active and closed-but-not-yet-
// reclaimed) whose renter is the given wallet.
func (c *Client) LeasesByRenter(ctx context.Context, market, renter solana.PublicKey) ([]LeaseAccount, error) {
	return c.leasesWhere(ctx, market, LeaseRenterOffset, renter)
}

// LeasesByProvider lists the market's leases served by the given provider wallet.
func (c *Client) LeasesByProvider(ctx context.Context, market, provider solana.PublicKey) ([]LeaseAccount, error) {
	return c.leasesWhere(ctx, market, LeaseProviderOffset, provider)
}

// leasesWhere filters on the node by discriminator, market and one more key, so
// only matching accounts cross the wire.
func (c *Client) leasesWhere(ctx context.Context, market solana.PublicKey, offset uint64, key solana.PublicKey) ([]LeaseAccount, error) {
	out, err := c.RPC.GetProgramAccountsWithOpts(ctx, c.ProgramID, &rpc.GetProgramAccountsOpts{
		Commitment: rpc.CommitmentConfirmed,
		Encoding:   solana.EncodingBase64,
		Filters: []rpc.RPCFilter{
			{Memcmp: &rpc.RPCFilterMemcmp{Offset: 0, Bytes: solana.Base58(solgridmarket.Account_Lease[:])}},
			{Memcmp: &rpc.RPCFilterMemcmp{Offset: LeaseMarketOffset, Bytes: solana.Base58(market[:])}},
			{Memcmp: &rpc.RPCFilterMemcmp{Offset: offset, Bytes: solana.Base58(key[:])}},
		},
	})
	if err != nil {
		return nil, fmt.Errorf("leases of %s on %s: %w", key, market, err)
	}
	leases := make([]LeaseAccount, 0, len(out))
	for _, acc := range out {
		l, err := solgridmarket.ParseAccount_Lease(acc.Account.Data.GetBinary())
		if err != nil {
			return nil, fmt.Errorf("lease %s: %w", acc.Pubkey, err)
		}
		leases = append(leases, LeaseAccount{Address: acc.Pubkey, Lease: l})
	}
	return leases, nil
}
