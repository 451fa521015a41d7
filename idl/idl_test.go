package idl

import (
	"crypto/sha256"
	"testing"
)

// Anchor derives every discriminator from a sha256 preimage; a hand edit of the IDL
// that breaks one would silently split the program from its clients.
func TestDiscriminatorsFollowAnchorConvention(t *testing.T) {
	doc := Market()
	check := func(preimage string, got []byte) {
		t.Helper()
		sum := sha256.Sum256([]byte(preimage))
		if string(got) != string(sum[:8]) {
			t.Errorf("discriminator of %q = %x, want %x", preimage, got, sum[:8])
		}
	}
	for _, ix := range doc.Instructions {
		check("global:"+ix.Name, ix.Discriminator)
	}
	for _, acc := range doc.Accounts {
		check("account:"+acc.Name, acc.Discriminator)
	}
	for _, ev := range doc.Events {
		check("event:"+ev.Name, ev.Discriminator)
	}
}

func TestErrorCodesAreAnchorCustomRange(t *testing.T) {
	doc := Market()
	for i, e := range doc.Errors {
		if e.Code != uint32(6000+i) {
			t.Errorf("error %s has code %d, want %d (codes start at 6000 and never skip)", e.Name, e.Code, 6000+i)
		}
		if e.Msg == "" {
			t.Errorf("error %s has no message", e.Name)
		}
	}
	if doc.ErrorByCode(6006).Name != "MarketAlreadyInitialized" {
		t.Errorf("6006 = %s", doc.ErrorByCode(6006).Name)
	}
}

func TestSpecIsAnchor030(t *testing.T) {
	doc := Market()
	if doc.Metadata.Spec != "0.1.0" || doc.Address == "" {
		t.Fatalf("metadata = %+v address %q", doc.Metadata, doc.Address)
	}
	if m := doc.Type("Market"); m == nil || len(m.Type.Fields) == 0 {
		t.Fatal("type Market missing")
	}
}

func TestTypeJSONRoundTrip(t *testing.T) {
	for _, src := range []string{`"u64"`, `{"array":["u8",16]}`, `{"vec":{"defined":{"name":"Fill"}}}`, `{"defined":{"name":"Order"}}`} {
		var typ Type
		if err := typ.UnmarshalJSON([]byte(src)); err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		out, err := typ.MarshalJSON()
		if err != nil || string(out) != src {
			t.Errorf("%s round-trips to %s (%v)", src, out, err)
		}
	}
	var bad Type
	if err := bad.UnmarshalJSON([]byte(`{"option":"u8"}`)); err == nil {
		t.Error("option type accepted; the C generator cannot lay it out")
	}
}
