// Package idl holds the Anchor-format IDL of the solgrid_market program, the one
// contract between the C program and its clients, and a typed model of it that the
// code generators and the Go client read.
package idl

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"
)

// MarketJSON is idl/solgrid_market.json as built into the binary.
//
//go:embed solgrid_market.json
var MarketJSON []byte

// IDL is the subset of the Anchor 0.30+ IDL spec that Solgrid uses.
type IDL struct {
	Address      string        `json:"address"`
	Metadata     Metadata      `json:"metadata"`
	Instructions []Instruction `json:"instructions"`
	Accounts     []Named       `json:"accounts"`
	Events       []Named       `json:"events"`
	Errors       []Error       `json:"errors"`
	Types        []TypeDef     `json:"types"`
	Constants    []Constant    `json:"constants,omitempty"`
}

type Metadata struct {
	Name        string `json:"name"`
	Version     string `json:"version"`
	Spec        string `json:"spec"`
	Description string `json:"description,omitempty"`
}

type Instruction struct {
	Name          string        `json:"name"`
	Docs          []string      `json:"docs,omitempty"`
	Discriminator []byte        `json:"discriminator"`
	Accounts      []AccountItem `json:"accounts"`
	Args          []Field       `json:"args"`
}

// AccountItem is one account an instruction takes.
type AccountItem struct {
	Name     string   `json:"name"`
	Docs     []string `json:"docs,omitempty"`
	Writable bool     `json:"writable,omitempty"`
	Signer   bool     `json:"signer,omitempty"`
	Optional bool     `json:"optional,omitempty"`
	Address  string   `json:"address,omitempty"`
	PDA      *PDA     `json:"pda,omitempty"`
}

type PDA struct {
	Seeds []Seed `json:"seeds"`
}

// Seed is a PDA seed: kind "const" (Value), "account" or "arg" (Path).
type Seed struct {
	Kind  string `json:"kind"`
	Value []byte `json:"value,omitempty"`
	Path  string `json:"path,omitempty"`
}

// Named is an account or event entry: its name and 8-byte discriminator.
type Named struct {
	Name          string `json:"name"`
	Discriminator []byte `json:"discriminator"`
}

type Error struct {
	Code uint32 `json:"code"`
	Name string `json:"name"`
	Msg  string `json:"msg"`
}

type TypeDef struct {
	Name string   `json:"name"`
	Docs []string `json:"docs,omitempty"`
	Type TypeBody `json:"type"`
}

// TypeBody is a struct (Fields) or an enum (Variants without fields).
type TypeBody struct {
	Kind     string    `json:"kind"`
	Fields   []Field   `json:"fields,omitempty"`
	Variants []Variant `json:"variants,omitempty"`
}

type Variant struct {
	Name string `json:"name"`
}

type Field struct {
	Name string   `json:"name"`
	Docs []string `json:"docs,omitempty"`
	Type Type     `json:"type"`
}

type Constant struct {
	Name  string `json:"name"`
	Type  Type   `json:"type"`
	Value string `json:"value"`
}

// Type is an IDL type: a primitive name ("u64", "pubkey"), {"array":[T,N]},
// {"vec":T} (instruction arguments only: accounts are fixed-size) or
// {"defined":{"name":N}}.
type Type struct {
	Primitive string
	Array     *ArrayType
	Vec       *Type
	Defined   string
}

type ArrayType struct {
	Elem Type
	Len  int
}

func (t *Type) UnmarshalJSON(b []byte) error {
	var prim string
	if json.Unmarshal(b, &prim) == nil {
		t.Primitive = prim
		return nil
	}
	var obj struct {
		Array   []json.RawMessage `json:"array"`
		Vec     json.RawMessage   `json:"vec"`
		Defined *struct {
			Name string `json:"name"`
		} `json:"defined"`
	}
	if err := json.Unmarshal(b, &obj); err != nil {
		return fmt.Errorf("idl type %s: %w", b, err)
	}
	switch {
	case obj.Defined != nil:
		t.Defined = obj.Defined.Name
	case obj.Vec != nil:
		var elem Type
		if err := elem.UnmarshalJSON(obj.Vec); err != nil {
			return err
		}
		t.Vec = &elem
	case len(obj.Array) == 2:
		var elem Type
		if err := elem.UnmarshalJSON(obj.Array[0]); err != nil {
			return err
		}
		var n int
		if err := json.Unmarshal(obj.Array[1], &n); err != nil {
			return fmt.Errorf("idl array length %s: %w", obj.Array[1], err)
		}
		t.Array = &ArrayType{Elem: elem, Len: n}
	default:
		return fmt.Errorf("idl type %s: unsupported (only primitives, arrays, vecs and defined types)", b)
	}
	return nil
}

func (t Type) MarshalJSON() ([]byte, error) {
	switch {
	case t.Defined != "":
		return json.Marshal(map[string]any{"defined": map[string]string{"name": t.Defined}})
	case t.Array != nil:
		return json.Marshal(map[string]any{"array": []any{t.Array.Elem, t.Array.Len}})
	case t.Vec != nil:
		return json.Marshal(map[string]any{"vec": t.Vec})
	default:
		return json.Marshal(t.Primitive)
	}
}

// Parse decodes an IDL document.
func Parse(data []byte) (*IDL, error) {
	var doc IDL
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("parse idl: %w", err)
	}
	return &doc, nil
}

var (
	marketOnce sync.Once
	market     *IDL
)

// Market returns the parsed embedded IDL. The IDL is part of the build, so a parse
// failure is a programming error caught by the package's tests.
func Market() *IDL {
	marketOnce.Do(func() {
		doc, err := Parse(MarketJSON)
		if err != nil {
			panic(err)
		}
		market = doc
	})
	return market
}

// Type returns the named type definition, or nil.
func (d *IDL) Type(name string) *TypeDef {
	for i := range d.Types {
		if d.Types[i].Name == name {
			return &d.Types[i]
		}
	}
	return nil
}

// ErrorByCode returns the IDL error with the given custom code, or nil.
func (d *IDL) ErrorByCode(code uint32) *Error {
	for i := range d.Errors {
		if d.Errors[i].Code == code {
			return &d.Errors[i]
		}
	}
	return nil
}
