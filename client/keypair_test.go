package client

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gagliardetto/solana-go"
)

func TestKeypairRoundTripsInSolanaCLIFormat(t *testing.T) {
	key := solana.NewWallet().PrivateKey
	path := filepath.Join(t.TempDir(), "id.json")
	if err := SaveKeypair(path, key); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(raw), "[") {
		t.Fatalf("not a JSON byte array: %.20s", raw)
	}
	// The reference reader of the format must agree with ours.
	ref, err := solana.PrivateKeyFromSolanaKeygenFile(path)
	if err != nil || !ref.PublicKey().Equals(key.PublicKey()) {
		t.Fatalf("solana-go reads %v, %v", ref.PublicKey(), err)
	}
	got, err := LoadKeypair(path)
	if err != nil || !got.PublicKey().Equals(key.PublicKey()) {
		t.Fatalf("LoadKeypair: %v, %v", got, err)
	}
}

func TestLoadKeypairRejectsBadFiles(t *testing.T) {
	dir := t.TempDir()
	key := solana.NewWallet().PrivateKey
	tampered := append([]byte{}, key...)
	tampered[40] ^= 1 // public half no longer matches the secret
	cases := map[string]string{
		"missing":  "",
		"notjson":  "hello",
		"short":    "[1,2,3]",
		"range":    "[" + strings.Repeat("300,", 63) + "300]",
		"tampered": string(mustJSON(tampered)),
	}
	for name, content := range cases {
		path := filepath.Join(dir, name)
		if name != "missing" {
			os.WriteFile(path, []byte(content), 0o600)
		}
		if _, err := LoadKeypair(path); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func mustJSON(b []byte) []byte {
	ints := make([]int, len(b))
	for i, v := range b {
		ints[i] = int(v)
	}
	raw, _ := json.Marshal(ints)
	return raw
}

func TestCLIConfigDefaultsAndOverrides(t *testing.T) {
	dir := t.TempDir()
	cfg, err := LoadCLIConfig(filepath.Join(dir, "none.yml"))
	if err != nil || cfg.JSONRPCURL != "http://127.0.0.1:8899" || cfg.KeypairPath != "~/.config/solana/id.json" {
		t.Fatalf("defaults: %+v %v", cfg, err)
	}
	path := filepath.Join(dir, "config.yml")
	os.WriteFile(path, []byte("---\njson_rpc_url: \"https://api.devnet.solana.com\"\nwebsocket_url: \"\"\nkeypair_path: /k/id.json\ncommitment: confirmed\n"), 0o600)
	cfg, err = LoadCLIConfig(path)
	if err != nil || cfg.JSONRPCURL != "https://api.devnet.solana.com" || cfg.KeypairPath != "/k/id.json" {
		t.Fatalf("file: %+v %v", cfg, err)
	}
}
