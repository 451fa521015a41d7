package client

import (
	"context"
	"errors"
	"fmt"

	"github.com/gagliardetto/solana-go"
	computebudget "github.com/gagliardetto/solana-go/programs/compute-budget"
	"github.com/gagliardetto/solana-go/rpc"
)

// MaxComputeUnits is the most a transaction may ask for.
const MaxComputeUnits = 1_400_000

// Result is a transaction that landed successfully.
type Result struct {
	Signature     solana.Signature
	Slot          uint64
	ComputeUnits  uint64 // consumed, as measured by simulation
	Logs          []string
	Resubmissions int // times the blockhash expired and the transaction was signed again
}

// SendOptions tunes Send. The zero value simulates, sizes the compute budget from
// the simulation and waits for "confirmed".
type SendOptions struct {
	// ComputeUnits, when non-zero, skips simulation and requests exactly this limit.
	ComputeUnits uint32
	// SkipPreflight sends without the node's simulation, so a failing transaction
	// lands (and pays its fee) and the chain itself reports the error.
	SkipPreflight bool
	// MaxResubmits bounds how many times an expired transaction is re-signed and resent.
	MaxResubmits int
	// Progress, if set, hears each stage ("simulate", "send", "confirm", "expired").
	Progress func(stage string, sig solana.Signature)
	// AddressTables, when set, makes a v0 transaction that loads the accounts found
	// in these lookup tables by index (table address → its addresses in order).
	AddressTables map[solana.PublicKey]solana.PublicKeySlice
}

// Send builds, signs, sends and confirms one transaction. The fee payer is the first
// signer. Unless told the limit, it simulates first so that a failing transaction
// is reported (with its program error decoded from the IDL) without paying a fee,
// and requests the simulated compute units plus a margin. If the blockhash expires
// before confirmation the transaction is re-signed with a fresh one; that is safe
// because a transaction with an expired blockhash can never land.
func (c *Client) Send(ctx context.Context, ixs []solana.Instruction, signers []solana.PrivateKey, opts SendOptions) (*Result, error) {
	if len(signers) == 0 {
		return nil, errors.New("send: no signers (the first signer pays the fee)")
	}
	if opts.MaxResubmits == 0 {
		opts.MaxResubmits = 3
	}
	progress := opts.Progress
	if progress == nil {
		progress = func(string, solana.Signature) {}
	}
	res := &Result{}
	units := opts.ComputeUnits
	if units == 0 {
		progress("simulate", solana.Signature{})
		sim, err := c.SimulateWithTables(ctx, ixs, signers[0].PublicKey(), opts.AddressTables)
		if err != nil {
			return nil, err
		}
		res.ComputeUnits, res.Logs = sim.ComputeUnits, sim.Logs
		units = computeLimitFor(sim.ComputeUnits)
	}
	for attempt := 0; ; attempt++ {
		blockhash, err := c.RPC.GetLatestBlockhash(ctx, rpc.CommitmentConfirmed)
		if err != nil {
			return nil, fmt.Errorf("send: latest blockhash: %w", err)
		}
		tx, err := c.sign(withComputeLimit(ixs, units), signers, blockhash.Value.Blockhash, opts.AddressTables)
		if err != nil {
			return nil, err
		}
		sig := tx.Signatures[0]
		progress("send", sig)
		if _, err := c.RPC.SendTransactionWithOpts(ctx, tx, rpc.TransactionOpts{SkipPreflight: opts.ComputeUnits == 0 || opts.SkipPreflight}); err != nil {
			return nil, fmt.Errorf("send %s: %w", sig, decodeRPCError(err))
		}
		progress("confirm", sig)
		slot, err := c.Confirm(ctx, sig, blockhash.Value.LastValidBlockHeight)
		if errors.Is(err, ErrBlockhashExpired) && attempt < opts.MaxResubmits {
			progress("expired", sig)
			res.Resubmissions++
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("confirm %s: %w", sig, err)
		}
		res.Signature, res.Slot = sig, slot
		return res, nil
	}
}

// Simulation is the outcome of a successful simulated execution.
type Simulation struct {
	ComputeUnits uint64
	Logs         []string
}

// Simulate executes the instructions without landing them, with the largest compute
// budget so the measurement is not cut short, and decodes a failure.
func (c *Client) Simulate(ctx context.Context, ixs []solana.Instruction, payer solana.PublicKey) (*Simulation, error) {
	return c.SimulateWithTables(ctx, ixs, payer, nil)
}

// SimulateWithTables is Simulate of a v0 transaction loading accounts from lookup tables.
func (c *Client) SimulateWithTables(ctx context.Context, ixs []solana.Instruction, payer solana.PublicKey, tables map[solana.PublicKey]solana.PublicKeySlice) (*Simulation, error) {
	tx, err := newTransaction(withComputeLimit(ixs, MaxComputeUnits), solana.Hash{}, payer, tables)
	if err != nil {
		return nil, fmt.Errorf("simulate: build transaction: %w", err)
	}
	out, err := c.RPC.SimulateTransactionWithOpts(ctx, tx, &rpc.SimulateTransactionOpts{
		ReplaceRecentBlockhash: true, Commitment: rpc.CommitmentConfirmed,
	})
	if err != nil {
		return nil, fmt.Errorf("simulate: %w", decodeRPCError(err))
	}
	v := out.Value
	if v.Err != nil {
		return nil, fmt.Errorf("simulate: %w", decodeTransactionError(v.Err, v.Logs))
	}
	sim := &Simulation{Logs: v.Logs}
	if v.UnitsConsumed != nil {
		sim.ComputeUnits = *v.UnitsConsumed
	}
	return sim, nil
}

// computeLimitFor leaves headroom over a simulated cost: account state can change
// between simulation and execution (a PDA bump search, a longer loop).
func computeLimitFor(simulated uint64) uint32 {
	limit := simulated + simulated/10 + 1_000
	if limit > MaxComputeUnits {
		return MaxComputeUnits
	}
	return uint32(limit)
}

func withComputeLimit(ixs []solana.Instruction, units uint32) []solana.Instruction {
	out := make([]solana.Instruction, 0, len(ixs)+1)
	out = append(out, computebudget.NewSetComputeUnitLimitInstruction(units).Build())
	return append(out, ixs...)
}

// newTransaction compiles a legacy transaction, or a v0 one when tables are given.
func newTransaction(ixs []solana.Instruction, blockhash solana.Hash, payer solana.PublicKey, tables map[solana.PublicKey]solana.PublicKeySlice) (*solana.Transaction, error) {
	opts := []solana.TransactionOption{solana.TransactionPayer(payer)}
	if len(tables) > 0 {
		opts = append(opts, solana.TransactionAddressTables(tables))
	}
	tx, err := solana.NewTransaction(ixs, blockhash, opts...)
	if err == nil && len(tables) > 0 {
		tx.Message.SetVersion(solana.MessageVersionV0) // also when no account was found in a table
	}
	return tx, err
}

func (c *Client) sign(ixs []solana.Instruction, signers []solana.PrivateKey, blockhash solana.Hash, tables map[solana.PublicKey]solana.PublicKeySlice) (*solana.Transaction, error) {
	tx, err := newTransaction(ixs, blockhash, signers[0].PublicKey(), tables)
	if err != nil {
		return nil, fmt.Errorf("build transaction: %w", err)
	}
	_, err = tx.Sign(func(key solana.PublicKey) *solana.PrivateKey {
		for i := range signers {
			if signers[i].PublicKey() == key {
				return &signers[i]
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sign transaction: %w", err)
	}
	return tx, nil
}
