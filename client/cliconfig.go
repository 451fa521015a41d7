package client

import (
	"errors"
	"fmt"
	"os"

	"gopkg.in/yaml.v3"
)

// DefaultCLIConfigPath is where the Solana CLI keeps its settings.
const DefaultCLIConfigPath = "~/.config/solana/cli/config.yml"

// CLIConfig is the part of the Solana CLI's config.yml that Solgrid honours, so
// `solana config set --url devnet` also points `solgrid` at devnet.
type CLIConfig struct {
	JSONRPCURL   string `yaml:"json_rpc_url"`
	WebsocketURL string `yaml:"websocket_url"`
	KeypairPath  string `yaml:"keypair_path"`
	Commitment   string `yaml:"commitment"`
}

// LoadCLIConfig reads the Solana CLI config; a missing file gives the CLI's defaults.
func LoadCLIConfig(path string) (CLIConfig, error) {
	cfg := CLIConfig{JSONRPCURL: "http://127.0.0.1:8899", KeypairPath: "~/.config/solana/id.json", Commitment: "confirmed"}
	raw, err := os.ReadFile(ExpandHome(path))
	if errors.Is(err, os.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, fmt.Errorf("read solana cli config %s: %w", path, err)
	}
	if err := yaml.Unmarshal(raw, &cfg); err != nil {
		return cfg, fmt.Errorf("parse solana cli config %s: %w", path, err)
	}
	return cfg, nil
}
