package sbflink

// Syscall availability as seen by a program deployed through
// BPFLoaderUpgradeable. SBPF v3 loaders do not check syscall hashes at
// deployment (an unknown one fails only when executed), so this table is
// the only guard against typos and unavailable syscalls.
//
// Source of the names: the syscalls registered by LiteSVM 1.5.0 (agave 4.x,
// solana-sbpf 0.23.0; read from its binary in the sbf-spike) and agave's
// create_program_runtime_environment_v1 (syscalls/src/lib.rs), which also
// says which ones are feature-gated. Keep this the only list.
type syscallAvailability int

const (
	// always registered
	syscallAvailable syscallAvailability = iota
	// registered only while a feature is active: link, but warn
	syscallFeatureGated
	// never registered for deployments: refuse
	syscallNotDeployable
)

type syscallInfo struct {
	availability syscallAvailability
	note         string // the gating feature, or why it is refused
}

var syscalls = map[string]syscallInfo{
	"abort":                                 {},
	"sol_panic_":                            {},
	"sol_log_":                              {},
	"sol_log_64_":                           {},
	"sol_log_pubkey":                        {},
	"sol_log_compute_units_":                {},
	"sol_log_data":                          {},
	"sol_create_program_address":            {},
	"sol_try_find_program_address":          {},
	"sol_sha256":                            {},
	"sol_keccak256":                         {},
	"sol_secp256k1_recover":                 {},
	"sol_get_clock_sysvar":                  {},
	"sol_get_epoch_schedule_sysvar":         {},
	"sol_get_rent_sysvar":                   {},
	"sol_get_epoch_rewards_sysvar":          {},
	"sol_memcpy_":                           {},
	"sol_memmove_":                          {},
	"sol_memset_":                           {},
	"sol_memcmp_":                           {},
	"sol_get_processed_sibling_instruction": {},
	"sol_get_stack_height":                  {},
	"sol_set_return_data":                   {},
	"sol_get_return_data":                   {},
	"sol_invoke_signed_c":                   {},
	"sol_invoke_signed_rust":                {},

	"sol_blake3":                  {syscallFeatureGated, "blake3_syscall_enabled"},
	"sol_curve_validate_point":    {syscallFeatureGated, "curve25519_syscall_enabled"},
	"sol_curve_group_op":          {syscallFeatureGated, "curve25519_syscall_enabled"},
	"sol_curve_multiscalar_mul":   {syscallFeatureGated, "curve25519_syscall_enabled"},
	"sol_curve_decompress":        {syscallFeatureGated, "enable_bls12_381_syscall"},
	"sol_curve_pairing_map":       {syscallFeatureGated, "enable_bls12_381_syscall"},
	"sol_get_last_restart_slot":   {syscallFeatureGated, "last_restart_slot_sysvar"},
	"sol_alt_bn128_group_op":      {syscallFeatureGated, "enable_alt_bn128_syscall"},
	"sol_alt_bn128_compression":   {syscallFeatureGated, "enable_alt_bn128_compression_syscall"},
	"sol_big_mod_exp":             {syscallFeatureGated, "enable_big_mod_exp_syscall"},
	"sol_poseidon":                {syscallFeatureGated, "enable_poseidon_syscall"},
	"sol_remaining_compute_units": {syscallFeatureGated, "remaining_compute_units_syscall_enabled"},
	"sol_get_sysvar":              {syscallFeatureGated, "get_sysvar_syscall_enabled"},
	"sol_get_epoch_stake":         {syscallFeatureGated, "enable_get_epoch_stake_syscall"},
	"sol_sha512":                  {syscallFeatureGated, "a feature not active in LiteSVM 1.5.0's default set"},

	"sol_alloc_free_":     {syscallNotDeployable, "it is not registered for deployments (disable_deploy_of_alloc_free_syscall); use a bump allocator on the heap at 0x300000000"},
	"sol_get_fees_sysvar": {syscallNotDeployable, "the Fees sysvar is gone (disable_fees_sysvar is active)"},
}
