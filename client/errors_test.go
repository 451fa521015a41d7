package client

import (
	"errors"
	"testing"

	"github.com/gagliardetto/solana-go/rpc/jsonrpc"
)

func TestCustomErrorDecodesToIDLName(t *testing.T) {
	txErr := map[string]any{"InstructionError": []any{1, map[string]any{"Custom": 6006}}}
	err := decodeTransactionError(txErr, []string{"log"})
	var pe *ProgramError
	if !errors.As(err, &pe) || pe.Name != "MarketAlreadyInitialized" || pe.Instruction != 1 || pe.Msg == "" {
		t.Fatalf("got %#v", err)
	}
	if !errors.Is(err, ProgramErrorNamed("MarketAlreadyInitialized")) {
		t.Error("errors.Is does not match by code")
	}
	if errors.Is(err, ProgramErrorNamed("InvalidPda")) {
		t.Error("errors.Is matched a different code")
	}
}

func TestNonProgramErrorsStayTransactionErrors(t *testing.T) {
	for _, txErr := range []any{
		map[string]any{"InstructionError": []any{0, "InvalidArgument"}},
		map[string]any{"InstructionError": []any{0, map[string]any{"Custom": 1}}}, // System "already in use"
		"BlockhashNotFound",
	} {
		var te *TransactionError
		if err := decodeTransactionError(txErr, nil); !errors.As(err, &te) {
			t.Errorf("%v: got %#v", txErr, err)
		}
	}
}

func TestPreflightFailureUnwrapsToProgramError(t *testing.T) {
	rpcErr := &jsonrpc.RPCError{Code: -32002, Message: "Transaction simulation failed", Data: map[string]any{
		"err":  map[string]any{"InstructionError": []any{0, map[string]any{"Custom": 6007}}},
		"logs": []any{"Program log: fee"},
	}}
	var pe *ProgramError
	if err := decodeRPCError(rpcErr); !errors.As(err, &pe) || pe.Name != "InvalidFeeBps" || len(pe.Logs) != 1 {
		t.Fatalf("got %#v", err)
	}
}
