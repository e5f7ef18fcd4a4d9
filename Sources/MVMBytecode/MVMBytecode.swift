// MVMBytecode: the opcode table, the bytecode encoding, the AST -> CodeBlock
// compiler with scope analysis and feedback-slot allocation, and the
// disassembler. Empty until the runtime issue (#3) fills it; the target exists
// now so that the layer order of DESIGN.md is fixed from the first commit.
