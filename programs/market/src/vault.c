/* vault.c - see vault.h. */
#include "vault.h"
#include "errors.h"
#include "pda_account.h"
#include "sol/token.h"
#include "solgrid_market_idl.h"
#include "validate.h"

void sg_vault_seeds(VaultSeeds *s, const SolPubkey *market, const SolPubkey *mint, uint8_t bump) {
  static const char prefix[] = SOLGRID_SEED_VAULT;
  s->bump[0] = bump;
  s->seeds[0] = (SolSeed){(const uint8_t *)prefix, SOLGRID_SEED_VAULT_LEN};
  s->seeds[1] = (SolSeed){market->x, SOL_PUBKEY_LEN};
  s->seeds[2] = (SolSeed){mint->x, SOL_PUBKEY_LEN};
  s->seeds[3] = (SolSeed){s->bump, 1};
}

/* A vault address that already holds a token account means the market exists. */
uint64_t sg_vault_check_new(const SolAccountInfo *vault, const SolPubkey *program_id, VaultSeeds *s) {
  uint64_t r = sg_find_pda(vault, s->seeds, SG_VAULT_SEEDS, program_id, &s->bump[0]);
  if (r != SOL_SUCCESS)
    return r;
  return sg_pda_creatable(vault) ? SOL_SUCCESS : SG_ERR(MARKET_ALREADY_INITIALIZED);
}

uint64_t sg_vault_create(const SolParameters *p, const VaultCreate *v) {
  static const SolPubkey token_id = {SOL_TOKEN_PROGRAM_ID_BYTES};
  SolSignerSeeds signer = {v->seeds->seeds, SG_VAULT_SEEDS + 1};
  SgPdaCreate c = {v->payer, v->vault, SOL_TOKEN_ACCOUNT_LEN, &token_id, &signer};
  uint64_t r = sg_pda_create(p, &c);
  if (r != SOL_SUCCESS)
    return r;
  return sol_token_initialize_account3(v->vault, v->mint, v->market, p->accounts, p->n_accounts);
}
