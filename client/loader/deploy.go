package loader

import (
	"context"
	"fmt"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/programs/system"
	"github.com/gagliardetto/solana-go/rpc"
	"github.com/solgrid/solgrid/client"
)

// writeChunk is the most program bytes per Write that keeps the transaction under
// 1232 bytes with its signature, three keys, a blockhash and the compute-budget
// instruction.
const writeChunk = 900

// writeComputeUnits is a fixed budget for a Write: a memcpy and a few checks.
const writeComputeUnits = 20_000

// Deploy uploads elf to a fresh buffer and deploys it at the program keypair's
// address, with room to grow to twice its size. The payer is the upgrade authority.
func Deploy(ctx context.Context, c *client.Client, payer, program solana.PrivateKey, elf []byte) (solana.Signature, error) {
	buffer, err := writeBuffer(ctx, c, payer, elf)
	if err != nil {
		return solana.Signature{}, fmt.Errorf("deploy %s: %w", program.PublicKey(), err)
	}
	rent, err := c.RPC.GetMinimumBalanceForRentExemption(ctx, ProgramAccountSize, rpc.CommitmentConfirmed)
	if err != nil {
		return solana.Signature{}, fmt.Errorf("deploy %s: rent: %w", program.PublicKey(), err)
	}
	ixs := []solana.Instruction{
		system.NewCreateAccountInstruction(rent, ProgramAccountSize, ProgramID, payer.PublicKey(), program.PublicKey()).Build(),
		NewDeployWithMaxDataLenInstruction(payer.PublicKey(), program.PublicKey(), buffer, payer.PublicKey(), uint64(2*len(elf))),
	}
	res, err := c.Send(ctx, ixs, []solana.PrivateKey{payer, program}, client.SendOptions{})
	if err != nil {
		return solana.Signature{}, fmt.Errorf("deploy %s: %w", program.PublicKey(), err)
	}
	return res.Signature, waitPastSlot(ctx, c, res.Slot)
}

// Upgrade uploads elf to a fresh buffer and swaps it in as the program's code.
func Upgrade(ctx context.Context, c *client.Client, authority solana.PrivateKey, program solana.PublicKey, elf []byte) (solana.Signature, error) {
	buffer, err := writeBuffer(ctx, c, authority, elf)
	if err != nil {
		return solana.Signature{}, fmt.Errorf("upgrade %s: %w", program, err)
	}
	ix := NewUpgradeInstruction(program, buffer, authority.PublicKey(), authority.PublicKey())
	res, err := c.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{authority}, client.SendOptions{})
	if err != nil {
		return solana.Signature{}, fmt.Errorf("upgrade %s: %w", program, err)
	}
	return res.Signature, waitPastSlot(ctx, c, res.Slot)
}

// writeBuffer creates a buffer owned by payer and writes elf into it chunk by chunk.
func writeBuffer(ctx context.Context, c *client.Client, payer solana.PrivateKey, elf []byte) (solana.PublicKey, error) {
	buffer, err := solana.NewRandomPrivateKey()
	if err != nil {
		return solana.PublicKey{}, err
	}
	size := uint64(BufferMetadataSize + len(elf))
	rent, err := c.RPC.GetMinimumBalanceForRentExemption(ctx, size, rpc.CommitmentConfirmed)
	if err != nil {
		return solana.PublicKey{}, fmt.Errorf("buffer rent: %w", err)
	}
	create := []solana.Instruction{
		system.NewCreateAccountInstruction(rent, size, ProgramID, payer.PublicKey(), buffer.PublicKey()).Build(),
		NewInitializeBufferInstruction(buffer.PublicKey(), payer.PublicKey()),
	}
	if _, err := c.Send(ctx, create, []solana.PrivateKey{payer, buffer}, client.SendOptions{}); err != nil {
		return solana.PublicKey{}, fmt.Errorf("create buffer: %w", err)
	}
	for off := 0; off < len(elf); off += writeChunk {
		end := min(off+writeChunk, len(elf))
		ix := NewWriteInstruction(buffer.PublicKey(), payer.PublicKey(), uint32(off), elf[off:end])
		if _, err := c.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{payer}, client.SendOptions{ComputeUnits: writeComputeUnits}); err != nil {
			return solana.PublicKey{}, fmt.Errorf("write buffer bytes %d..%d: %w", off, end, err)
		}
	}
	return buffer.PublicKey(), nil
}

// waitPastSlot returns once the cluster is past slot. The loader makes new code
// visible from the next slot and refuses a second deploy or upgrade of a program
// in the slot of the first ("Program was deployed in this block already").
func waitPastSlot(ctx context.Context, c *client.Client, slot uint64) error {
	for {
		now, err := c.RPC.GetSlot(ctx, rpc.CommitmentConfirmed)
		if err != nil {
			return fmt.Errorf("wait for slot %d: %w", slot+1, err)
		}
		if now > slot {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}
