// MVMRuntime: values, heap + GC, strings/atoms, shapes, objects, builtins, the
// interpreter, inline caches + feedback, Isolate, modules, channels. Empty until
// the runtime issue (#3) fills it; it never imports LLVM.
