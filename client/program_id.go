package client

import "github.com/gagliardetto/solana-go"

// programInstruction re-targets a generated instruction at another deployment of
// the program; the generated builders hard-code the IDL's address.
type programInstruction struct {
	solana.Instruction
	programID solana.PublicKey
}

func (i programInstruction) ProgramID() solana.PublicKey { return i.programID }

func withProgramID(ix solana.Instruction, programID solana.PublicKey) solana.Instruction {
	if ix.ProgramID() == programID {
		return ix
	}
	return programInstruction{Instruction: ix, programID: programID}
}
