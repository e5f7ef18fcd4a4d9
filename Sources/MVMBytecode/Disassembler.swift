// Human-readable bytecode (`mvm disasm FILE`), driven by the opcode table.

extension CodeBlock {
    /// This block and its nested functions, one instruction per line.
    public func disassembly() -> String {
        var out = ""
        disassemble(into: &out, path: "")
        return out
    }

    private func disassemble(into out: inout String, path: String) {
        let title = nameString.isEmpty ? (path.isEmpty ? "<top level>" : "<anonymous>") : nameString
        out += "function \(title) (\(loc.line):\(loc.column)) params=\(parameterCount) registers=\(registerCount)"
        out += " ics=\(propertyCacheCount) feedback=\(arithmeticFeedbackCount) calls=\(callFeedbackCount)\n"
        var pc = 0
        while pc < codeCount {
            let word = code[pc]
            guard let op = Opcode(rawValue: UInt8(word & 0xFF)) else {
                out += "  \(pc)  <bad opcode \(word & 0xFF)>\n"
                break
            }
            let info = op.info
            var parts: [String] = []
            for (i, kind) in info.operands.enumerated() {
                let raw: UInt32 = i == 0 ? word >> 8 : code[pc + i]
                parts.append(operandText(kind, raw, isFirst: i == 0, pc: pc))
            }
            let padded = info.name + String(repeating: " ", count: max(1, 20 - info.name.count))
            out += "  " + String(repeating: " ", count: max(0, 5 - String(pc).count)) + "\(pc)  \(padded)\(parts.joined(separator: ", "))\n"
            pc += info.length
        }
        for handler in handlers {
            out += "  try [\(handler.start), \(handler.end)) -> \(handler.handler) r\(handler.register)\n"
        }
        for (i, constant) in constants.enumerated() {
            out += "  const[\(i)] = \(describe(constant))\n"
        }
        for (i, function) in functions.enumerated() {
            out += "\n"
            function.disassemble(into: &out, path: path + "/\(i)")
        }
    }

    private func operandText(_ kind: OperandKind, _ raw: UInt32, isFirst: Bool, pc: Int) -> String {
        switch kind {
        case .reg: return raw == noRegister ? "-" : "r\(raw)"
        case .imm: return "\(Int32(bitPattern: raw))"
        case .count: return raw == noRegister ? "-" : "\(raw)"
        case .const:
            return "k\(raw)"
        case .name: return Int(raw) < names.count ? "'" + String(decoding: names[Int(raw)], as: UTF16.self) + "'" : "?"
        case .fn: return raw == noRegister ? "-" : "fn\(raw)"
        case .jump:
            let offset = isFirst ? Int(Int32(bitPattern: raw << 8) >> 8) : Int(Int32(bitPattern: raw))
            return "-> \(pc + offset)"
        case .prop: return "ic\(raw)"
        case .arith: return "fb\(raw)"
        case .call: return "cf\(raw)"
        }
    }

    private func describe(_ constant: Constant) -> String {
        switch constant {
        case .number(let d): return "\(d)"
        case .string(let units):
            let text = String(decoding: units, as: UTF16.self)
            return "\"" + (text.count > 40 ? String(text.prefix(40)) + "..." : text) + "\""
        case .template(_, let raw): return "template(\(raw.count) strings)"
        }
    }
}
