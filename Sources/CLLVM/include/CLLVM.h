// LLVM's C API, as MVMJIT uses it, and the loader that makes it callable.
// The include path comes from Package.swift (llvm-config --prefix), so no
// LLVM version is named here.
//
// MVM does not link libLLVM: mapping and relocating it (355,000
// relocations, about 3,000 page faults) was more than half of the startup
// of every `mvm` process, interpreter-only runs included. Instead the
// functions declared below are defined in LLVMLoader.c as forwarders to
// the library, which mvm_llvm_load opens on the JIT's first use.
#ifndef MVM_CLLVM_H
#define MVM_CLLVM_H

#include <llvm-c/Core.h>
#include <llvm-c/Analysis.h>
#include <llvm-c/Error.h>
#include <llvm-c/ExecutionEngine.h>
#include <llvm-c/LLJIT.h>
#include <llvm-c/Object.h>
#include <llvm-c/Support.h>
#include <llvm-c/Orc.h>
#include <llvm-c/OrcEE.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

/// Opens libLLVM (the path Package.swift found, or $MVM_LLVM_LIBRARY) and
/// resolves every LLVM function MVM calls. Only the first call does the
/// work; it is thread-safe. Returns NULL when LLVM is ready, else why it is
/// not (a message that stays valid). Call it before any other LLVM function.
const char *_Nullable mvm_llvm_load(void);

/// Registers the host's target, target description and assembly printer
/// with LLVM (what LLVMInitializeNativeTarget and
/// LLVMInitializeNativeAsmPrinter do, through the loaded library). Returns
/// 0 on success. Call after mvm_llvm_load succeeded.
int mvm_llvm_initialize_native_target(void);

#endif
