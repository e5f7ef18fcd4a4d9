/* MVM's C embedding API. Stable ABI: opaque handles, status codes, and a
 * pending exception per isolate; no call longjmps or unwinds across it. */
#ifndef MVM_H
#define MVM_H

#ifdef __cplusplus
extern "C" {
#endif

/* The engine version, a static NUL-terminated string. */
const char *mvm_version(void);

#ifdef __cplusplus
}
#endif
#endif
