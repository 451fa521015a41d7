package cheader

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/solgrid/solgrid/idl"
)

const committedHeader = "../../programs/market/generated/solgrid_market_idl.h"

const regenerate = "go run ./idl/cmd/solgrid-cheader -o programs/market/generated/solgrid_market_idl.h"

// staleness describes how committed differs from generated, or "" if they are equal.
func staleness(committed, generated []byte) string {
	if bytes.Equal(committed, generated) {
		return ""
	}
	a, b := strings.Split(string(committed), "\n"), strings.Split(string(generated), "\n")
	for i := 0; i < len(a) || i < len(b); i++ {
		var x, y string
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			return fmt.Sprintf("first difference at line %d:\n  committed: %s\n  generated: %s", i+1, x, y)
		}
	}
	return "headers differ"
}

// freshMarket parses its own copy of the IDL so a test can edit it freely.
func freshMarket(t *testing.T) *idl.IDL {
	t.Helper()
	doc, err := idl.Parse(idl.MarketJSON)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestCommittedHeaderIsCurrent(t *testing.T) {
	committed, err := os.ReadFile(committedHeader)
	if err != nil {
		t.Fatalf("read committed header: %v (run from the repo root: %s)", err, regenerate)
	}
	generated, err := Generate(idl.Market())
	if err != nil {
		t.Fatal(err)
	}
	if d := staleness(committed, generated); d != "" {
		t.Fatalf("%s is stale; the IDL changed without regenerating it. Run from the repo root:\n  %s\n%s",
			filepath.Base(committedHeader), regenerate, d)
	}
}

// An IDL edit that is not regenerated must trip the stale check above.
func TestIDLChangeMakesCommittedHeaderStale(t *testing.T) {
	committed, err := os.ReadFile(committedHeader)
	if err != nil {
		t.Fatal(err)
	}
	doc := freshMarket(t)
	m := doc.Type("Market")
	m.Type.Fields = append(m.Type.Fields, idl.Field{Name: "extra", Type: idl.Type{Primitive: "u64"}})
	generated, err := Generate(doc)
	if err != nil {
		t.Fatal(err)
	}
	if staleness(committed, generated) == "" {
		t.Fatal("adding Market.extra did not change the header")
	}
	size := 8 + borshSize(t, doc, idl.Type{Defined: "Market"})
	if !bytes.Contains(generated, []byte(fmt.Sprintf("_Static_assert(sizeof(Market) == %d,", size))) {
		t.Error("sizeof(Market) assert did not grow by 8")
	}
	if !bytes.Contains(generated, []byte(fmt.Sprintf("_Static_assert(offsetof(Market, extra) == %d,", size-8))) {
		t.Error("no offset assert for the new field")
	}
}

// borshSize is written independently of layout.go so the two can disagree.
func borshSize(t *testing.T, doc *idl.IDL, ty idl.Type) int {
	t.Helper()
	if ty.Array != nil {
		return ty.Array.Len * borshSize(t, doc, ty.Array.Elem)
	}
	if ty.Defined != "" {
		n := 0
		for _, f := range doc.Type(ty.Defined).Type.Fields {
			n += borshSize(t, doc, f.Type)
		}
		return n
	}
	sizes := map[string]int{"u8": 1, "bool": 1, "u16": 2, "u32": 4, "u64": 8, "i64": 8, "u128": 16, "pubkey": 32}
	n, ok := sizes[ty.Primitive]
	if !ok {
		t.Fatalf("test does not know the size of %q", ty.Primitive)
	}
	return n
}

var offsetAssert = regexp.MustCompile(`_Static_assert\(offsetof\((\w+), (\w+)\) == (\d+),`)
var sizeAssert = regexp.MustCompile(`_Static_assert\(sizeof\((\w+)\) == (\d+),`)

func TestMarketOffsetsAssertedFromIDL(t *testing.T) {
	doc := idl.Market()
	header, err := Generate(doc)
	if err != nil {
		t.Fatal(err)
	}
	asserted := map[string]int{}
	for _, m := range offsetAssert.FindAllSubmatch(header, -1) {
		n, _ := strconv.Atoi(string(m[3]))
		asserted[string(m[1])+"."+string(m[2])] = n
	}
	off := 8 // the account discriminator comes first
	if asserted["Market.discriminator"] != 0 {
		t.Errorf("Market.discriminator not asserted at 0")
	}
	for _, f := range doc.Type("Market").Type.Fields {
		got, ok := asserted["Market."+f.Name]
		if !ok || got != off {
			t.Errorf("Market.%s: header asserts offset %d (present %v), IDL gives %d", f.Name, got, ok, off)
		}
		if (f.Type.Primitive == "u64" || f.Type.Primitive == "i64" || f.Type.Primitive == "u128") && off%8 != 0 {
			t.Errorf("Market.%s at %d is not 8-aligned; the layout promise of the IDL is broken", f.Name, off)
		}
		off += borshSize(t, doc, f.Type)
	}
	sizes := map[string]string{}
	for _, m := range sizeAssert.FindAllSubmatch(header, -1) {
		sizes[string(m[1])] = string(m[2])
	}
	// 440 is the designed size: a change must be deliberate (existing accounts keep their size).
	if sizes["Market"] != strconv.Itoa(off) || off != 440 {
		t.Errorf("sizeof(Market): header %s, IDL %d, designed 440", sizes["Market"], off)
	}
	if !bytes.Contains(header, []byte("typedef struct __attribute__((packed, aligned(8))) Market {")) {
		t.Error("Market is not declared aligned(8)")
	}
	args := 8 + borshSize(t, doc, idl.Type{Defined: "MarketParams"})
	if sizes["initialize_market_args"] != strconv.Itoa(args) {
		t.Errorf("sizeof(initialize_market_args): header %s, IDL %d", sizes["initialize_market_args"], args)
	}
}

// A pubkey or u128 that cannot be 8-aligned is declared as bytes, so no typed
// pointer to it can be misaligned; everything else keeps its type.
func TestMisalignedMembersBecomeBytes(t *testing.T) {
	doc := &idl.IDL{Address: "11111111111111111111111111111111", Types: []idl.TypeDef{{
		Name: "Odd", Type: idl.TypeBody{Kind: "struct", Fields: []idl.Field{
			{Name: "tag", Type: idl.Type{Primitive: "u8"}},
			{Name: "owner", Type: idl.Type{Primitive: "pubkey"}},
			{Name: "acc", Type: idl.Type{Primitive: "u128"}},
		}},
	}}}
	out, err := Generate(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"typedef struct __attribute__((packed)) Odd {", "uint8_t owner[32];", "uint8_t acc[16];", "sizeof(Odd) == 49,"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
}

func TestMisalignedNestedStructIsAnError(t *testing.T) {
	doc := &idl.IDL{Address: "11111111111111111111111111111111", Types: []idl.TypeDef{
		{Name: "Inner", Type: idl.TypeBody{Kind: "struct", Fields: []idl.Field{{Name: "v", Type: idl.Type{Primitive: "u64"}}}}},
		{Name: "Outer", Type: idl.TypeBody{Kind: "struct", Fields: []idl.Field{
			{Name: "tag", Type: idl.Type{Primitive: "u8"}},
			{Name: "inner", Type: idl.Type{Defined: "Inner"}},
		}}},
	}}
	if _, err := Generate(doc); err == nil || !strings.Contains(err.Error(), "reorder the fields") {
		t.Fatalf("err = %v, want a misalignment error", err)
	}
}

func TestVariableSizeTypeIsAnError(t *testing.T) {
	doc := freshMarket(t)
	doc.Type("MarketParams").Type.Fields[0].Type = idl.Type{Primitive: "string"}
	if _, err := Generate(doc); err == nil || !strings.Contains(err.Error(), "not fixed-size") {
		t.Fatalf("err = %v, want a not fixed-size error", err)
	}
}

func TestNamesAreUpperSnake(t *testing.T) {
	for in, want := range map[string]string{
		"initialize_market": "INITIALIZE_MARKET", "MarketAlreadyInitialized": "MARKET_ALREADY_INITIALIZED",
		"InvalidPda": "INVALID_PDA", "H100Sxm": "H100_SXM", "market": "MARKET",
	} {
		if got := upperSnake(in); got != want {
			t.Errorf("upperSnake(%q) = %q, want %q", in, got, want)
		}
	}
}
