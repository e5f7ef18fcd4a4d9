// Binding patterns, and the cover grammars that turn expressions into patterns.

extension Parser {
    /// A binding target: an identifier, `[...]` or `{...}`; declares its names.
    func parseBindingTarget(_ kind: BindingKind) throws(SyntaxError) -> NodeID {
        try enter()
        defer { leave() }
        let start = token
        switch self.kind {
        case .identifier:
            try checkBindingIdentifier(start.name, escaped: start.escaped, at: start.start,
                                       lexical: kind == .let || kind == .const)
            try declare(start.name, kind, at: start.start)
            try next()
            return add(.identifier(start.name), start.loc)
        case .leftBracket:
            try next()
            let mark = pending.count
            while !at(.rightBracket) {
                if at(.comma) {
                    pending.append(add(.hole, token.loc))
                    try next()
                    continue
                }
                if at(.ellipsis) {
                    let restStart = token
                    try next()
                    pending.append(add(.rest(try parseBindingTarget(kind)), restStart.loc))
                    if !at(.rightBracket) { throw error("Rest element must be last element", at: token.start) }
                    break
                }
                pending.append(try parseBindingElement(kind))
                if !at(.rightBracket) { try expect(.comma) }
            }
            try next()
            return add(.arrayPattern(finishList(from: mark)), start.loc)
        case .leftBrace:
            try next()
            let mark = pending.count
            while !at(.rightBrace) {
                let propertyStart = token
                if try eat(.ellipsis) {
                    guard at(.identifier) else { throw error("`...` must be followed by an identifier in declaration contexts", at: token.start) }
                    pending.append(add(.rest(try parseBindingTarget(kind)), propertyStart.loc))
                    if !at(.rightBrace) { throw error("Rest element must be last element", at: token.start) }
                    break
                }
                let keyToken = token
                let (key, computed) = try withIn(true) { () throws(SyntaxError) in try parsePropertyKey(allowPrivate: false) }
                var flags: PropertyFlags = computed ? [.computed] : []
                let value: NodeID
                if try eat(.colon) {
                    value = try parseBindingElement(kind)
                } else {
                    guard keyToken.kind == .identifier, !computed else { throw unexpected() }
                    try checkBindingIdentifier(keyToken.name, escaped: keyToken.escaped, at: keyToken.start,
                                               lexical: kind == .let || kind == .const)
                    try declare(keyToken.name, kind, at: keyToken.start)
                    flags.insert(.shorthand)
                    var target = add(.identifier(keyToken.name), keyToken.loc)
                    if try eat(.assign) {
                        let defaultValue = try withIn(true) { () throws(SyntaxError) in try parseAssignment() }
                        target = add(.assignmentPattern(target: target, defaultValue: defaultValue), keyToken.loc)
                    }
                    value = target
                }
                pending.append(add(.property(key: key, value: value, kind: .value, flags: flags), propertyStart.loc))
                if !at(.rightBrace) { try expect(.comma) }
            }
            try next()
            return add(.objectPattern(finishList(from: mark)), start.loc)
        default:
            throw unexpected()
        }
    }

    /// A binding target with an optional `= default`.
    func parseBindingElement(_ kind: BindingKind) throws(SyntaxError) -> NodeID {
        let start = token
        let target = try parseBindingTarget(kind)
        guard try eat(.assign) else { return target }
        let defaultValue = try withIn(true) { () throws(SyntaxError) in try parseAssignment() }
        return add(.assignmentPattern(target: target, defaultValue: defaultValue), start.loc)
    }

    // MARK: Cover grammar: expression -> assignment pattern

    /// Rewrites an expression in place into a destructuring assignment target
    /// (`[a, b.c] = ...`, `for ({x} of ...)`). `message` is the error for a
    /// target that is not assignable at all.
    func toAssignmentTarget(_ id: NodeID, message: String) throws(SyntaxError) {
        switch ast[id] {
        case .object, .array, .objectPattern, .arrayPattern:
            if isParenthesized(id) { throw error("Invalid destructuring assignment target", node: id) }
            try toAssignmentPattern(id)
        default:
            try checkSimpleTarget(id, message: message)
        }
    }

    private func toAssignmentPattern(_ id: NodeID) throws(SyntaxError) {
        try enter()
        defer { leave() }
        switch ast[id] {
        case .object(let members):
            for (index, member) in ast[members].enumerated() {
                switch ast[member] {
                case .property(let key, let value, let kind, let flags):
                    if kind != .value || flags.contains(.method) {
                        throw error("Invalid destructuring assignment target", node: member)
                    }
                    try toAssignmentElement(value)
                    _ = key
                case .spread(let argument):
                    if index != members.count - 1 { throw error("Rest element must be last element", node: member) }
                    try checkRestTarget(argument)
                    replace(member, with: .rest(argument))
                default:
                    break
                }
            }
            replace(id, with: .objectPattern(members))
        case .array(let elements):
            for (index, element) in ast[elements].enumerated() {
                if case .spread(let argument) = ast[element] {
                    if index != elements.count - 1 || arraysWithCommaAfterSpread.contains(id.index) {
                        throw error("Rest element must be last element", node: element)
                    }
                    try checkRestTarget(argument)
                    replace(element, with: .rest(argument))
                } else {
                    try toAssignmentElement(element)
                }
            }
            replace(id, with: .arrayPattern(elements))
        case .objectPattern, .arrayPattern:
            break  // converted already (nested `=`)
        default:
            throw error("Invalid destructuring assignment target", node: id)
        }
    }

    /// An element of an assignment pattern: a target with an optional default.
    private func toAssignmentElement(_ id: NodeID) throws(SyntaxError) {
        switch ast[id] {
        case .hole:
            break
        case .assignment(.assign, let target, let value):
            // `[a = 1] = x`: the target was checked when the `=` was parsed.
            if isParenthesized(id) { throw error("Invalid destructuring assignment target", node: id) }
            replace(id, with: .assignmentPattern(target: target, defaultValue: value))
        case .assignmentPattern:
            break  // `{ a = 1 }` shorthand
        default:
            try toAssignmentTarget(id, message: "Invalid destructuring assignment target")
        }
    }

    private func checkRestTarget(_ id: NodeID) throws(SyntaxError) {
        if case .assignment = ast[id] {
            throw error("`...` must be followed by an assignable reference in assignment contexts", node: id)
        }
        try toAssignmentTarget(id, message: "`...` must be followed by an assignable reference in assignment contexts")
    }

    // MARK: Cover grammar: expression -> binding pattern (arrow parameters)

    /// Rewrites one arrow parameter, parsed as an expression, into a binding
    /// pattern and records its names in `parameterNames`.
    func toBindingTarget(_ id: NodeID) throws(SyntaxError) {
        try enter()
        defer { leave() }
        if isParenthesized(id) { throw error("Invalid destructuring assignment target", node: id) }
        switch ast[id] {
        case .identifier(let name):
            try checkBindingIdentifier(name, escaped: false, at: Int(ast.loc(id).offset), lexical: false)
            parameterNames.append((name, Int(ast.loc(id).offset)))
        case .object(let members), .objectPattern(let members):
            for (index, member) in ast[members].enumerated() {
                switch ast[member] {
                case .property(_, let value, let kind, let flags):
                    if kind != .value || flags.contains(.method) {
                        throw error("Invalid destructuring assignment target", node: member)
                    }
                    try toBindingTarget(value)
                case .spread(let argument), .rest(let argument):
                    if index != members.count - 1 { throw error("Rest element must be last element", node: member) }
                    guard case .identifier = ast[argument] else {
                        throw error("`...` must be followed by an identifier in declaration contexts", node: argument)
                    }
                    try toBindingTarget(argument)
                    replace(member, with: .rest(argument))
                default:
                    throw error("Invalid destructuring assignment target", node: member)
                }
            }
            replace(id, with: .objectPattern(members))
        case .array(let elements), .arrayPattern(let elements):
            for (index, element) in ast[elements].enumerated() {
                switch ast[element] {
                case .spread(let argument), .rest(let argument):
                    if index != elements.count - 1 || arraysWithCommaAfterSpread.contains(id.index) {
                        throw error("Rest element must be last element", node: element)
                    }
                    try toBindingTarget(argument)
                    replace(element, with: .rest(argument))
                case .hole:
                    break
                default:
                    try toBindingTarget(element)
                }
            }
            replace(id, with: .arrayPattern(elements))
        case .assignment(.assign, let target, let value):
            // A top-level parameter default: `(a = 1) => a`.
            try toBindingTarget(target)
            replace(id, with: .assignmentPattern(target: target, defaultValue: value))
        case .assignmentPattern(let target, _):
            try toBindingTarget(target)
        case .rest(let target):
            try toBindingTarget(target)
        default:
            throw error("Invalid destructuring assignment target", node: id)
        }
    }
}
