package client

import (
	"encoding/binary"
	"fmt"

	"github.com/gagliardetto/solana-go"
	addresslookuptable "github.com/gagliardetto/solana-go/programs/address-lookup-table"
)

// MaxLookupTableAddresses is the most addresses one Address Lookup Table holds.
const MaxLookupTableAddresses = addresslookuptable.LOOKUP_TABLE_MAX_ADDRESSES

// Instruction tags of the Address Lookup Table program (bincode u32 enum).
const (
	altCreate     uint32 = 0
	altExtend     uint32 = 2
	altDeactivate uint32 = 3
	altClose      uint32 = 4
)

// LookupTableAddress derives the table an authority creates at a recent slot.
func LookupTableAddress(authority solana.PublicKey, recentSlot uint64) (solana.PublicKey, uint8, error) {
	slot := binary.LittleEndian.AppendUint64(nil, recentSlot)
	addr, bump, err := solana.FindProgramAddress([][]byte{authority[:], slot}, solana.AddressLookupTableProgramID)
	if err != nil {
		return solana.PublicKey{}, 0, fmt.Errorf("lookup table address of %s at slot %d: %w", authority, recentSlot, err)
	}
	return addr, bump, nil
}

// CreateLookupTableInstruction creates the table of authority at recentSlot, which
// must be in the SlotHashes sysvar (see Client.RecentSlot); payer funds its rent.
func CreateLookupTableInstruction(authority, payer solana.PublicKey, recentSlot uint64) (solana.Instruction, solana.PublicKey, error) {
	table, bump, err := LookupTableAddress(authority, recentSlot)
	if err != nil {
		return nil, solana.PublicKey{}, err
	}
	data := binary.LittleEndian.AppendUint32(nil, altCreate)
	data = binary.LittleEndian.AppendUint64(data, recentSlot)
	data = append(data, bump)
	return solana.NewInstruction(solana.AddressLookupTableProgramID, solana.AccountMetaSlice{
		solana.Meta(table).WRITE(), solana.Meta(authority), solana.Meta(payer).WRITE().SIGNER(), solana.Meta(solana.SystemProgramID),
	}, data), table, nil
}

// ExtendLookupTableInstruction appends addresses; payer funds the larger account's rent.
func ExtendLookupTableInstruction(table, authority, payer solana.PublicKey, addresses []solana.PublicKey) solana.Instruction {
	data := binary.LittleEndian.AppendUint32(nil, altExtend)
	data = binary.LittleEndian.AppendUint64(data, uint64(len(addresses)))
	for _, a := range addresses {
		data = append(data, a[:]...)
	}
	return solana.NewInstruction(solana.AddressLookupTableProgramID, solana.AccountMetaSlice{
		solana.Meta(table).WRITE(), solana.Meta(authority).SIGNER(), solana.Meta(payer).WRITE().SIGNER(), solana.Meta(solana.SystemProgramID),
	}, data)
}

// DeactivateLookupTableInstruction starts the table's cool-down: it stays usable
// until its deactivation slot leaves SlotHashes (512 slots), then it can be closed.
func DeactivateLookupTableInstruction(table, authority solana.PublicKey) solana.Instruction {
	return solana.NewInstruction(solana.AddressLookupTableProgramID, solana.AccountMetaSlice{
		solana.Meta(table).WRITE(), solana.Meta(authority).SIGNER(),
	}, binary.LittleEndian.AppendUint32(nil, altDeactivate))
}

// CloseLookupTableInstruction closes a fully deactivated table, sending its rent to recipient.
func CloseLookupTableInstruction(table, authority, recipient solana.PublicKey) solana.Instruction {
	return solana.NewInstruction(solana.AddressLookupTableProgramID, solana.AccountMetaSlice{
		solana.Meta(table).WRITE(), solana.Meta(authority).SIGNER(), solana.Meta(recipient).WRITE(),
	}, binary.LittleEndian.AppendUint32(nil, altClose))
}

// LookupTable is an Address Lookup Table as read from the chain.
type LookupTable struct {
	Address   solana.PublicKey
	Authority solana.PublicKey      // zero once frozen
	Addresses solana.PublicKeySlice // in table order: a transaction refers to them by index
	// LastExtendedSlot: addresses from LastExtendedSlotStart on are usable only in later slots.
	LastExtendedSlot      uint64
	LastExtendedSlotStart int
	Active                bool // not deactivated
}

// UsableIn reports whether every address of the table can be loaded by a
// transaction executing in slot.
func (t *LookupTable) UsableIn(slot uint64) bool {
	return t.Active && (slot > t.LastExtendedSlot || t.LastExtendedSlotStart == len(t.Addresses))
}

// Tables is the form SendOptions.AddressTables takes.
func (t *LookupTable) Tables() map[solana.PublicKey]solana.PublicKeySlice {
	return map[solana.PublicKey]solana.PublicKeySlice{t.Address: t.Addresses}
}

func decodeLookupTable(addr solana.PublicKey, data []byte) (*LookupTable, error) {
	st, err := addresslookuptable.DecodeAddressLookupTableState(data)
	if err != nil {
		return nil, fmt.Errorf("decode lookup table %s: %w", addr, err)
	}
	var authority solana.PublicKey
	if st.Authority != nil {
		authority = *st.Authority
	}
	return &LookupTable{Address: addr, Authority: authority, Addresses: st.Addresses, LastExtendedSlot: st.LastExtendedSlot,
		LastExtendedSlotStart: int(st.LastExtendedSlotStartIndex), Active: st.IsActive()}, nil
}
