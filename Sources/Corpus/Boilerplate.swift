import Foundation

/// Site boilerplate lines (`BERITA TERKAIT`, `Baca juga: …`) and what to do when one is met.
public struct BoilerplateRules: Sendable {
    public enum Match: String, Sendable { case line, prefix, suffix }
    public enum Action: String, Sendable {
        /// The body ends here: everything after is menus or other stories.
        case end
        /// Only this line is left out.
        case skip
    }

    public struct Rule: Sendable {
        public var pattern: String
        public var match: Match
        public var action: Action
    }

    public var rules: [Rule]

    public init(rules: [Rule]) {
        self.rules = rules
    }

    /// Reads a TSV with the header `pattern, match, action[, note]`.
    public static func load(path: String) throws(CorpusError) -> BoilerplateRules {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(CorpusError) -> BoilerplateRules {
        var rules: [Rule] = []
        var sawHeader = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !sawHeader {
                guard fields.count >= 3, fields[0] == "pattern", fields[1] == "match", fields[2] == "action" else {
                    throw .malformedRule(path: path, line: index + 1, reason: "expected the header pattern<TAB>match<TAB>action")
                }
                sawHeader = true
                continue
            }
            guard fields.count >= 3 else {
                throw .malformedRule(path: path, line: index + 1, reason: "expected 3 tab-separated fields, found \(fields.count)")
            }
            guard !fields[0].isEmpty else { throw .malformedRule(path: path, line: index + 1, reason: "empty pattern") }
            guard let match = Match(rawValue: fields[1]) else {
                throw .malformedRule(path: path, line: index + 1, reason: "match must be line, prefix or suffix, not '\(fields[1])'")
            }
            guard let action = Action(rawValue: fields[2]) else {
                throw .malformedRule(path: path, line: index + 1, reason: "action must be end or skip, not '\(fields[2])'")
            }
            rules.append(Rule(pattern: fields[0].lowercased(), match: match, action: action))
        }
        return BoilerplateRules(rules: rules)
    }

    /// The action for a trimmed line, or nil when it is ordinary text.
    public func action(for line: String) -> Action? {
        action(forLowercased: ScalarText.lowercased(line))
    }

    /// `action(for:)` of a line already lowercased.
    func action(forLowercased key: String) -> Action? {
        for rule in rules {
            switch rule.match {
            case .line where key == rule.pattern: return rule.action
            case .prefix where key.hasPrefix(rule.pattern): return rule.action
            case .suffix where key.hasSuffix(rule.pattern): return rule.action
            default: continue
            }
        }
        return nil
    }
}
