// Package loader deploys and upgrades programs through BPFLoaderUpgradeable with
// ordinary transactions: the path a real cluster takes, and the strict ELF checks
// (SBPF version, SIMD-0500) that come with it.
package loader

import (
	"encoding/binary"

	"github.com/gagliardetto/solana-go"
)

// ProgramID is the upgradeable BPF loader.
var ProgramID = solana.BPFLoaderUpgradeableProgramID

// Account sizes of UpgradeableLoaderState (bincode): a u32 variant tag, then
// Buffer {Option<Pubkey> authority}, Program {Pubkey programdata},
// ProgramData {u64 slot, Option<Pubkey> authority}.
const (
	BufferMetadataSize      = 4 + 1 + 32
	ProgramAccountSize      = 4 + 32
	ProgramDataMetadataSize = 4 + 8 + 1 + 32
)

// Instruction tags (bincode u32 enum discriminants of UpgradeableLoaderInstruction).
const (
	tagInitializeBuffer     = 0
	tagWrite                = 1
	tagDeployWithMaxDataLen = 2
	tagUpgrade              = 3
)

// ProgramDataAddress is the PDA [program] under the loader that holds the code.
func ProgramDataAddress(program solana.PublicKey) solana.PublicKey {
	addr, _, err := solana.FindProgramAddress([][]byte{program[:]}, ProgramID)
	if err != nil {
		panic(err) // a 32-byte seed always has an off-curve bump
	}
	return addr
}

func instruction(data []byte, accounts ...*solana.AccountMeta) solana.Instruction {
	return solana.NewInstruction(ProgramID, accounts, data)
}

func tag(t uint32, extra int) []byte {
	b := make([]byte, 4, 4+extra)
	binary.LittleEndian.PutUint32(b, t)
	return b
}

// NewInitializeBufferInstruction makes an allocated loader-owned account a buffer writable by authority.
func NewInitializeBufferInstruction(buffer, authority solana.PublicKey) solana.Instruction {
	return instruction(tag(tagInitializeBuffer, 0),
		solana.Meta(buffer).WRITE(), solana.Meta(authority))
}

// NewWriteInstruction copies bytes into a buffer at offset (past the buffer's metadata).
func NewWriteInstruction(buffer, authority solana.PublicKey, offset uint32, bytes []byte) solana.Instruction {
	data := tag(tagWrite, 12+len(bytes))
	data = binary.LittleEndian.AppendUint32(data, offset)
	data = binary.LittleEndian.AppendUint64(data, uint64(len(bytes)))
	data = append(data, bytes...)
	return instruction(data, solana.Meta(buffer).WRITE(), solana.Meta(authority).SIGNER())
}

// NewDeployWithMaxDataLenInstruction turns a written buffer into an executable program.
func NewDeployWithMaxDataLenInstruction(payer, program, buffer, authority solana.PublicKey, maxDataLen uint64) solana.Instruction {
	data := binary.LittleEndian.AppendUint64(tag(tagDeployWithMaxDataLen, 8), maxDataLen)
	return instruction(data,
		solana.Meta(payer).WRITE().SIGNER(),
		solana.Meta(ProgramDataAddress(program)).WRITE(),
		solana.Meta(program).WRITE(),
		solana.Meta(buffer).WRITE(),
		solana.Meta(solana.SysVarRentPubkey),
		solana.Meta(solana.SysVarClockPubkey),
		solana.Meta(solana.SystemProgramID),
		solana.Meta(authority).SIGNER())
}

// NewUpgradeInstruction replaces a program's code with a buffer's; spill receives the buffer's lamports.
func NewUpgradeInstruction(program, buffer, spill, authority solana.PublicKey) solana.Instruction {
	return instruction(tag(tagUpgrade, 0),
		solana.Meta(ProgramDataAddress(program)).WRITE(),
		solana.Meta(program).WRITE(),
		solana.Meta(buffer).WRITE(),
		solana.Meta(spill).WRITE(),
		solana.Meta(solana.SysVarRentPubkey),
		solana.Meta(solana.SysVarClockPubkey),
		solana.Meta(authority).SIGNER())
}
