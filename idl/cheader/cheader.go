// Package cheader generates the C header through which the on-chain program
// (programs/market, C for SBF) shares the IDL's byte layouts: program id,
// discriminators, error codes, PDA seeds, account orders and packed structs
// with static asserts on every size and offset.
//
// Layout rules (also written into the header):
//   - structs are packed in Borsh field order, and aligned(N) with the largest
//     N <= 8 their placement allows (see bestAlign), so clang emits word loads
//     on 8-aligned account data;
//   - account and event structs start with `uint8_t discriminator[8]`;
//   - u128/i128 are SolU128 {lo, hi} (the same 16 little-endian bytes), pubkey is
//     SolPubkey; either is declared as uint8_t[N] where it would be misaligned;
//   - bool is uint8_t, unit enums are uint8_t typedefs with named constants;
//   - instruction args are `<ix>_args`, the bytes after the discriminator.
package cheader

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/gagliardetto/solana-go"

	"github.com/solgrid/solgrid/idl"
)

// Source and Command are named in the header's do-not-edit banner.
const (
	Source  = "idl/solgrid_market.json"
	Command = "idl/cmd/solgrid-cheader"
)

// Generate renders the header for doc. The output depends only on doc, so the
// committed header can be checked for staleness byte for byte.
func Generate(doc *idl.IDL) ([]byte, error) {
	g := &gen{doc: doc, lays: newLayouts(doc)}
	steps := []func() error{g.banner, g.programID, g.discriminators, g.seeds, g.constants, g.errors, g.enums, g.types, g.instructions, g.footer}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, fmt.Errorf("generate C header for %s: %w", doc.Metadata.Name, err)
		}
	}
	return g.out.Bytes(), nil
}

type gen struct {
	doc  *idl.IDL
	lays *layouts
	out  bytes.Buffer
}

func (g *gen) p(format string, args ...any) {
	fmt.Fprintf(&g.out, format, args...)
	g.out.WriteByte('\n')
}

func (g *gen) banner() error {
	g.p("/* generated from %s by %s; do not edit.", Source, Command)
	g.p(" *")
	g.p(" * %s %s (IDL spec %s): the byte layouts the program shares with its clients.", g.doc.Metadata.Name, g.doc.Metadata.Version, g.doc.Metadata.Spec)
	g.p(" * Structs are packed in Borsh field order and aligned(N) with the largest N <= 8 for which")
	g.p(" * sizeof is a multiple of N and every member sits at a multiple of min(N, its natural")
	g.p(" * alignment), so clang emits word loads on 8-aligned account data. Account and event")
	g.p(" * structs start with their 8-byte discriminator. u128/i128 are SolU128 {lo, hi} (the same")
	g.p(" * 16 little-endian bytes), pubkey is SolPubkey; where such a member would be misaligned")
	g.p(" * it is declared as uint8_t[N] so no typed pointer to it can be misaligned. bool is")
	g.p(" * uint8_t. Instruction data is not aligned: copy <ix>_args out of it with memcpy. */")
	g.p("#ifndef SOLGRID_MARKET_IDL_H")
	g.p("#define SOLGRID_MARKET_IDL_H")
	g.p("")
	g.p("#include <stddef.h>")
	g.p("#include <stdint.h>")
	g.p("#include \"sol/types.h\" /* SolPubkey, SolU128 */")
	return nil
}

func (g *gen) programID() error {
	key, err := solana.PublicKeyFromBase58(g.doc.Address)
	if err != nil {
		return fmt.Errorf("program address %q: %w", g.doc.Address, err)
	}
	g.p("")
	g.p("/* Program id %s */", g.doc.Address)
	g.p("#define SOLGRID_PROGRAM_ID_BYTES %s", byteList(key[:]))
	return nil
}

// discriminators emits each 8-byte discriminator as bytes and as the u64 that a
// little-endian word load of them yields, for a one-compare dispatch.
func (g *gen) discriminators() error {
	g.p("")
	g.p("/* Discriminators: sha256(\"global:<ix>\" | \"account:<Name>\" | \"event:<Name>\")[0..8];")
	g.p(" * _U64 is the same 8 bytes read as a little-endian u64. */")
	emit := func(kind, name string, disc []byte) error {
		if len(disc) != 8 {
			return fmt.Errorf("%s %s: discriminator has %d bytes, want 8", kind, name, len(disc))
		}
		macro := fmt.Sprintf("SOLGRID_%s_%s", kind, upperSnake(name))
		g.p("#define %s_U64 0x%016xULL", macro, binary.LittleEndian.Uint64(disc))
		g.p("#define %s_BYTES %s", macro, byteList(disc))
		return nil
	}
	for _, ix := range g.doc.Instructions {
		if err := emit("IX", ix.Name, ix.Discriminator); err != nil {
			return err
		}
	}
	for _, a := range g.doc.Accounts {
		if err := emit("ACCOUNT", a.Name, a.Discriminator); err != nil {
			return err
		}
	}
	for _, e := range g.doc.Events {
		if err := emit("EVENT", e.Name, e.Discriminator); err != nil {
			return err
		}
	}
	return nil
}

// seeds emits every distinct constant PDA seed that reads as an identifier, so
// the program derives PDAs from the same bytes the IDL declares.
// constants emits the IDL's constants: integers as numbers, byte strings as a
// C string literal and their length.
func (g *gen) constants() error {
	if len(g.doc.Constants) == 0 {
		return nil
	}
	g.p("")
	g.p("/* Constants of the IDL. */")
	for _, c := range g.doc.Constants {
		name := "SOLGRID_" + upperSnake(c.Name)
		switch c.Type.Primitive {
		case "u8", "u16", "u32", "u64":
			if strings.Trim(c.Value, "0123456789") != "" {
				return fmt.Errorf("constant %s: %q is not an unsigned integer", c.Name, c.Value)
			}
			g.p("#define %s %sU", name, c.Value)
		case "bytes":
			var b []byte // Anchor writes bytes as a JSON array in a string: "[115, 111]"
			if err := json.Unmarshal([]byte(c.Value), &b); err != nil {
				return fmt.Errorf("constant %s: bytes value %q: %w", c.Name, c.Value, err)
			}
			g.p("#define %s %s", name, cString(string(b)))
			g.p("#define %s_LEN %d", name, len(b))
		default:
			return fmt.Errorf("constant %s: type %s is not supported in C", c.Name, c.Type.Primitive)
		}
	}
	return nil
}

func (g *gen) seeds() error {
	seen := map[string]bool{}
	var lines []string
	for _, ix := range g.doc.Instructions {
		for _, acc := range ix.Accounts {
			if acc.PDA == nil {
				continue
			}
			for _, s := range acc.PDA.Seeds {
				v := string(s.Value)
				if s.Kind != "const" || seen[v] || checkIdent(v) != nil {
					continue
				}
				seen[v] = true
				lines = append(lines, fmt.Sprintf("#define SOLGRID_SEED_%s %s", upperSnake(v), cString(v)),
					fmt.Sprintf("#define SOLGRID_SEED_%s_LEN %d", upperSnake(v), len(v)))
			}
		}
	}
	if len(lines) == 0 {
		return nil
	}
	g.p("")
	g.p("/* Constant PDA seeds (without the NUL of the literal). */")
	for _, l := range lines {
		g.p("%s", l)
	}
	return nil
}

func (g *gen) errors() error {
	if len(g.doc.Errors) == 0 {
		return nil
	}
	g.p("")
	g.p("/* Custom errors: the program returns the code itself, reported as Custom(code). */")
	g.p("enum solgrid_error {")
	for _, e := range g.doc.Errors {
		g.p("  SOLGRID_ERR_%s = %d, /* %s */", upperSnake(e.Name), e.Code, cComment(e.Msg))
	}
	g.p("};")
	g.p("")
	g.p("/* Name and message of an error code, for Anchor-style error logs; NULL if unknown. */")
	g.errorSwitch("solgrid_error_name", func(e idl.Error) string { return e.Name })
	g.p("")
	g.errorSwitch("solgrid_error_msg", func(e idl.Error) string { return e.Msg })
	return nil
}

// errorSwitch emits a lookup as a switch: BPF has no jump tables, and a table of
// string pointers in rodata would need relocations the switch avoids.
func (g *gen) errorSwitch(fn string, text func(idl.Error) string) {
	g.p("static inline const char *%s(uint64_t code) {", fn)
	g.p("  switch (code) {")
	for _, e := range g.doc.Errors {
		g.p("  case SOLGRID_ERR_%s: return %s;", upperSnake(e.Name), cString(text(e)))
	}
	g.p("  default: return NULL;")
	g.p("  }")
	g.p("}")
}

func (g *gen) enums() error {
	for _, t := range g.doc.Types {
		if t.Type.Kind != "enum" {
			continue
		}
		if len(t.Type.Variants) > 256 {
			return fmt.Errorf("enum %s has %d variants; Borsh tags are one byte", t.Name, len(t.Type.Variants))
		}
		g.p("")
		g.docs("", t.Docs)
		g.p("typedef uint8_t %s; /* Borsh enum tag */", t.Name)
		for i, v := range t.Type.Variants {
			g.p("#define SOLGRID_%s_%s %d", upperSnake(t.Name), upperSnake(v.Name), i)
		}
		// The count bounds a tag read from untrusted data.
		g.p("#define SOLGRID_%s_COUNT %d", upperSnake(t.Name), len(t.Type.Variants))
	}
	return nil
}

func (g *gen) types() error {
	for _, t := range g.doc.Types {
		if t.Type.Kind == "struct" {
			if _, err := g.lays.get(t.Name); err != nil {
				return err
			}
		} else if t.Type.Kind != "enum" {
			return fmt.Errorf("type %s: kind %q not supported", t.Name, t.Type.Kind)
		}
	}
	for _, lay := range g.lays.order {
		g.structDef(lay)
	}
	return nil
}

func (g *gen) instructions() error {
	for _, ix := range g.doc.Instructions {
		up := upperSnake(ix.Name)
		g.p("")
		g.p("/* Instruction %s: accounts in order, then data = discriminator || %s_args. */", ix.Name, ix.Name)
		for i, acc := range ix.Accounts {
			g.p("#define SOLGRID_%s_ACCOUNT_%s %d%s", up, upperSnake(acc.Name), i, accountFlags(acc))
		}
		g.p("#define SOLGRID_%s_NUM_ACCOUNTS %d", up, len(ix.Accounts))
		if err := checkIdent(ix.Name); err != nil {
			return err
		}
		fixed, vecs := splitVecArgs(ix.Args)
		size := 0
		if len(fixed) > 0 {
			lay, err := g.lays.structOf(ix.Name+"_args", fixed)
			if err != nil {
				return fmt.Errorf("instruction %s: %w", ix.Name, err)
			}
			lay.Docs = ix.Docs
			g.structDef(lay)
			size = lay.Size
		}
		if len(vecs) == 0 {
			g.p("#define SOLGRID_%s_DATA_LEN (8 + %d)", up, size)
			continue
		}
		// Variable-length tail: the program walks it with the element sizes.
		g.p("#define SOLGRID_%s_FIXED_DATA_LEN (8 + %d)", up, size)
		for _, v := range vecs {
			if v.Type.Vec == nil || v.Type.Vec.Defined == "" {
				return fmt.Errorf("instruction %s: arg %s: after a vec, only vecs of defined types may follow", ix.Name, v.Name)
			}
			g.p("/* then %s: u32 LE count, then count x %s */", v.Name, v.Type.Vec.Defined)
		}
	}
	return nil
}

// splitVecArgs separates the fixed-size leading arguments, which get a C struct,
// from the trailing vecs, which Borsh encodes as a u32 count and the elements.
func splitVecArgs(args []idl.Field) (fixed, vecs []idl.Field) {
	for i, a := range args {
		if a.Type.Vec != nil {
			return args[:i], args[i:]
		}
	}
	return args, nil
}

func accountFlags(acc idl.AccountItem) string {
	var f []string
	if acc.Signer {
		f = append(f, "signer")
	}
	if acc.Writable {
		f = append(f, "writable")
	}
	if acc.Optional {
		f = append(f, "optional")
	}
	if acc.PDA != nil {
		f = append(f, "pda")
	}
	if acc.Address != "" {
		f = append(f, "address "+acc.Address)
	}
	if len(f) == 0 {
		return ""
	}
	return " /* " + strings.Join(f, ", ") + " */"
}

func (g *gen) structDef(lay *layout) {
	g.p("")
	g.docs("", lay.Docs)
	attr := "packed"
	if lay.Align > 1 {
		attr = fmt.Sprintf("packed, aligned(%d)", lay.Align)
	}
	g.p("typedef struct __attribute__((%s)) %s {", attr, lay.Name)
	for _, m := range lay.Members {
		g.docs("  ", m.Docs)
		dims := ""
		for _, d := range m.Dims {
			dims += fmt.Sprintf("[%d]", d)
		}
		g.p("  %s %s%s; /* offset %d, size %d */", m.CType, m.Name, dims, m.Offset, m.Size)
	}
	g.p("} %s;", lay.Name)
	g.p("_Static_assert(sizeof(%s) == %d, \"sizeof %s\");", lay.Name, lay.Size, lay.Name)
	g.p("_Static_assert(_Alignof(%s) == %d, \"alignment of %s\");", lay.Name, lay.Align, lay.Name)
	for _, m := range lay.Members {
		g.p("_Static_assert(offsetof(%s, %s) == %d, \"offset of %s.%s\");", lay.Name, m.Name, m.Offset, lay.Name, m.Name)
	}
}

func (g *gen) docs(indent string, docs []string) {
	for _, d := range docs {
		g.p("%s/* %s */", indent, cComment(d))
	}
}

func (g *gen) footer() error {
	g.p("")
	g.p("#endif /* SOLGRID_MARKET_IDL_H */")
	return nil
}

func byteList(b []byte) string {
	parts := make([]string, len(b))
	for i, v := range b {
		parts[i] = fmt.Sprintf("0x%02x", v)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
