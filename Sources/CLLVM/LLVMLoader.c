// Opens libLLVM when the JIT first needs it, and defines each LLVM function
// MVM calls (LLVMFunctions.h) as a forwarder to the library's own.
//
// Why not link it: the dynamic loader relocates all of libLLVM at process
// start, JIT or not; that was 13 of the 24 ms `mvm -e ''` took. Opened here,
// by the compile thread, it costs nothing in a run that compiles nothing,
// and overlaps the interpreter in one that does.
//
// The resolved pointers are the process's one piece of state in this file:
// written once, under pthread_once, before any caller gets past
// mvm_llvm_load, and only read afterwards, like a lazily initialized
// constant.
#include "CLLVM.h"
#include "LLVMFunctions.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef MVM_LLVM_LIBRARY
#define MVM_LLVM_LIBRARY "libLLVM.so"  // Package.swift names the real file
#endif

#define MVM_LLVM_POINTER(result, name, parameters, arguments) static __typeof__(&name) loaded_##name;
MVM_LLVM_FUNCTIONS(MVM_LLVM_POINTER, MVM_LLVM_POINTER)

static pthread_once_t loadOnce = PTHREAD_ONCE_INIT;
static void *library;
static char failure[1024];  // empty once LLVM is ready

static void load(void) {
    const char *path = getenv("MVM_LLVM_LIBRARY");
    if (path == NULL || *path == 0) path = MVM_LLVM_LIBRARY;
    // RTLD_LOCAL: LLVM's symbols stay out of the process's namespace (the
    // JIT resolves the C library and MVM's entry points there).
    library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(failure, sizeof failure, "cannot load LLVM (%s)", dlerror());
        return;
    }
#define MVM_LLVM_RESOLVE(result, name, parameters, arguments)                                  \
    loaded_##name = (__typeof__(&name))dlsym(library, #name);                                  \
    if (loaded_##name == NULL) {                                                               \
        snprintf(failure, sizeof failure, "%s lacks the LLVM function %s", path, #name);       \
        return;                                                                                \
    }
    MVM_LLVM_FUNCTIONS(MVM_LLVM_RESOLVE, MVM_LLVM_RESOLVE)
}

const char *mvm_llvm_load(void) {
    pthread_once(&loadOnce, load);
    return failure[0] != 0 ? failure : NULL;
}

// LLVM_NATIVE_TARGET and friends name the host's initializers
// (LLVMInitializeX86Target, ...); llvm-config.h defines them.
#define MVM_STRING(name) MVM_STRING_(name)
#define MVM_STRING_(name) #name

int mvm_llvm_initialize_native_target(void) {
    if (mvm_llvm_load() != NULL) return 1;
#if defined(LLVM_NATIVE_TARGETINFO) && defined(LLVM_NATIVE_TARGET) && defined(LLVM_NATIVE_TARGETMC) && defined(LLVM_NATIVE_ASMPRINTER)
    const char *initializers[] = {
        MVM_STRING(LLVM_NATIVE_TARGETINFO), MVM_STRING(LLVM_NATIVE_TARGET),
        MVM_STRING(LLVM_NATIVE_TARGETMC), MVM_STRING(LLVM_NATIVE_ASMPRINTER),
    };
    for (size_t i = 0; i < sizeof initializers / sizeof initializers[0]; i++) {
        void (*initialize)(void) = (void (*)(void))dlsym(library, initializers[i]);
        if (initialize == NULL) return 1;
        initialize();
    }
    return 0;
#else
    return 1;  // this LLVM has no native target
#endif
}

// The forwarders: the names the Swift code calls, with LLVM's prototypes
// (a mismatch with LLVM's headers does not compile).
#define MVM_LLVM_FORWARD_VALUE(result, name, parameters, arguments) \
    result name parameters { return loaded_##name arguments; }
#define MVM_LLVM_FORWARD_VOID(result, name, parameters, arguments) \
    result name parameters { loaded_##name arguments; }
MVM_LLVM_FUNCTIONS(MVM_LLVM_FORWARD_VALUE, MVM_LLVM_FORWARD_VOID)
