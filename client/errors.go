package client

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/gagliardetto/solana-go/rpc/jsonrpc"
	"github.com/solgrid/solgrid/idl"
)

// ProgramError is a custom error of the market program, named and explained by the IDL.
// errors.Is matches two ProgramErrors with the same code, so callers can write
// errors.Is(err, client.ProgramErrorNamed("MarketAlreadyInitialized")).
type ProgramError struct {
	Code        uint32
	Name        string
	Msg         string
	Instruction int      // index of the failing instruction in its transaction
	Logs        []string // program logs of the failed execution, when the node sent them
}

func (e *ProgramError) Error() string {
	return fmt.Sprintf("program error %d %s: %s", e.Code, e.Name, e.Msg)
}

func (e *ProgramError) Is(target error) bool {
	var other *ProgramError
	return errors.As(target, &other) && other.Code == e.Code
}

// ProgramErrorNamed returns the IDL error of that name; it panics on an unknown name,
// which is a typo in the caller, not a runtime condition.
func ProgramErrorNamed(name string) *ProgramError {
	for _, e := range idl.Market().Errors {
		if e.Name == name {
			return &ProgramError{Code: e.Code, Name: e.Name, Msg: e.Msg}
		}
	}
	panic("client: no program error named " + name + " in the IDL")
}

// TransactionError is a failed transaction whose error is not one of ours (a System
// Program failure, a runtime check, compute exhaustion, ...).
type TransactionError struct {
	Err  any // the node's error value, e.g. {"InstructionError":[0,"InvalidArgument"]}
	Logs []string
}

func (e *TransactionError) Error() string {
	raw, _ := json.Marshal(e.Err)
	return "transaction failed: " + string(raw)
}

// decodeTransactionError turns the node's error value for a failed transaction
// into a *ProgramError when it is Custom(code) with a code the IDL knows.
func decodeTransactionError(txErr any, logs []string) error {
	if txErr == nil {
		return nil
	}
	if ixIndex, code, ok := customCode(txErr); ok {
		if known := idl.Market().ErrorByCode(code); known != nil {
			return &ProgramError{Code: code, Name: known.Name, Msg: known.Msg, Instruction: ixIndex, Logs: logs}
		}
	}
	return &TransactionError{Err: txErr, Logs: logs}
}

// customCode recognises {"InstructionError":[i,{"Custom":code}]}.
func customCode(txErr any) (ixIndex int, code uint32, ok bool) {
	raw, err := json.Marshal(txErr)
	if err != nil {
		return 0, 0, false
	}
	var shape struct {
		InstructionError []json.RawMessage `json:"InstructionError"`
	}
	if json.Unmarshal(raw, &shape) != nil || len(shape.InstructionError) != 2 {
		return 0, 0, false
	}
	var custom struct {
		Custom *uint32 `json:"Custom"`
	}
	if json.Unmarshal(shape.InstructionError[0], &ixIndex) != nil ||
		json.Unmarshal(shape.InstructionError[1], &custom) != nil || custom.Custom == nil {
		return 0, 0, false
	}
	return ixIndex, *custom.Custom, true
}

// decodeRPCError unwraps a preflight failure (-32002) into the transaction error it
// carries; other RPC errors are returned as they are.
func decodeRPCError(err error) error {
	var rpcErr *jsonrpc.RPCError
	if !errors.As(err, &rpcErr) || rpcErr.Data == nil {
		return err
	}
	raw, _ := json.Marshal(rpcErr.Data)
	var data struct {
		Err  any      `json:"err"`
		Logs []string `json:"logs"`
	}
	if json.Unmarshal(raw, &data) != nil || data.Err == nil {
		return err
	}
	return decodeTransactionError(data.Err, data.Logs)
}
