// OpenSSL's libcrypto (the one libcurl already uses for TLS): AES-256-GCM and random bytes for
// secrets at rest. Typed wrappers for the macro-style control calls; no logic here.
#ifndef ESPOMAIL_CCRYPTO_SHIM_H
#define ESPOMAIL_CCRYPTO_SHIM_H
#include <openssl/evp.h>
#include <openssl/rand.h>

static inline int ccrypto_gcm_set_iv_length(EVP_CIPHER_CTX *c, int n) { return EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, n, NULL); }
static inline int ccrypto_gcm_get_tag(EVP_CIPHER_CTX *c, int n, void *tag) { return EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, n, tag); }
static inline int ccrypto_gcm_set_tag(EVP_CIPHER_CTX *c, int n, void *tag) { return EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, n, tag); }

#endif
