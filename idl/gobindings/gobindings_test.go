package gobindings

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The committed bindings must be exactly what anchor-go makes of the committed IDL;
// otherwise the Go client and the program disagree on some layout.
func TestBindingsAreFresh(t *testing.T) {
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	want, err := Generate(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	committed, _ := filepath.Glob(filepath.Join(root, Package, "*.go"))
	var names []string
	for _, path := range committed {
		names = append(names, filepath.Base(path))
	}
	sort.Strings(names)
	if len(names) != len(want) {
		t.Errorf("%s has %d files %v, anchor-go generates %d", Package, len(names), names, len(want))
	}
	for name, src := range want {
		got, err := os.ReadFile(filepath.Join(root, Package, name))
		if err != nil || string(got) != string(src) {
			t.Errorf("%s/%s is stale: run `just generate` (go run ./idl/cmd/solgrid-bindings)", Package, name)
		}
	}
}

// The freshness check is only worth having if an IDL edit shows up in the output.
func TestIDLChangeChangesBindings(t *testing.T) {
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(root, IDLPath))
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(raw), `"name": "miner_fee_share_bps",`, `"name": "miner_fee_share_bps_v2",`, 1)
	if edited == string(raw) {
		t.Fatal("test edit did not apply: field miner_fee_share_bps not found in the IDL")
	}
	path := filepath.Join(t.TempDir(), "edited.json")
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := GenerateFrom(context.Background(), root, path)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join(root, Package, "types.go"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got["types.go"]) == string(committed) {
		t.Fatal("bindings generated from an edited IDL equal the committed ones: the freshness test could not catch a stale package")
	}
}

// anchor-go leaves an argument-less instruction's data empty; our fix-up must give
// every one of them exactly its discriminator.
func TestArgumentlessInstructionsCarryTheirDiscriminator(t *testing.T) {
	src := string(addMissingDiscriminators([]byte("package p\nfunc NewCloseLeaseInstruction(a int) {\n\treturn solanago.NewInstruction(\n\t\tProgramID,\n\t\taccounts__,\n\t\tnil,\n\t), nil\n}\nfunc NewDepositInstruction(a int) {\n\tenc__ := 1\n\treturn solanago.NewInstruction(\n\t\tProgramID,\n\t\taccounts__,\n\t\tnil,\n\t), nil\n}\n")))
	if !strings.Contains(src, "Instruction_CloseLease[:],") {
		t.Errorf("close_lease builder still sends no data:\n%s", src)
	}
	if strings.Contains(src, "Instruction_Deposit[:]") {
		t.Errorf("a builder that encodes its own data was changed:\n%s", src)
	}
}
