/// A gazetteer entry found in a run of tokens.
public struct EntityMatch: Sendable, Hashable {
    public var id: String
    public var kind: EntityKind
    /// Indices into the token array that was matched.
    public var tokenRange: Range<Int>
    /// Scalar offsets: the first token's lower bound to the last token's upper bound.
    public var span: Range<Int>
    /// The tokens' texts, joined by one space where the tokens are not adjacent in the source;
    /// equal to the source text unless it had other white space inside the name (slice it by `span` then).
    public var surface: String
    /// True when the text matched an acronym (`TKSK`) rather than a name or alias.
    public var viaAcronym: Bool
    /// Other ids with the same surface, best first (the kelurahan Gambir beside the kecamatan Gambir).
    public var alternatives: [String]

    public init(id: String, kind: EntityKind, tokenRange: Range<Int>, span: Range<Int>, surface: String,
                viaAcronym: Bool, alternatives: [String]) {
        self.id = id
        self.kind = kind
        self.tokenRange = tokenRange
        self.span = span
        self.surface = surface
        self.viaAcronym = viaAcronym
        self.alternatives = alternatives
    }
}

/// Finds gazetteer names in tokens with a trie over token texts.
///
/// Names and aliases match case-insensitively, acronyms case-sensitively (a mixed-case acronym such
/// as `Jakpus` also matches its all-caps form `JAKPUS`, as headlines write it, but not `jakpus`).
/// A place or organization name written with a capital in the gazetteer needs a capital on its first
/// word in the text, as proper names have, so `Baru` the kelurahan does not match `program baru`;
/// write an alias in lowercase (`panti sosial`) to let it match lowercase text. Place names listed in
/// `words.tsv` as `ambiguous_place` match only after a `place_context` word (`Kelurahan Kramat`).
///
/// Overlaps are resolved once, longest match first and then earliest (spaCy's `filter_spans`), in two
/// layers: positions apart from everything else, because a title and the office it heads overlap by
/// nature (`Kepala Dinas Sosial` + `Dinas Sosial Provinsi DKI Jakarta`); a title that lies inside a
/// longer name of the other layer is that name's words and is dropped (`Pekerja Sosial` in `Pekerja
/// Sosial Masyarakat`, `Wali Kota` in `Kantor Wali Kota Jakarta Pusat`). A caller gets both layers
/// from one call, or one of them through `kinds`.
public struct EntityMatcher: Sendable {
    /// What a trie node stands for.
    struct Target: Sendable, Hashable {
        var id: String
        var kind: EntityKind
        var priority: Int
        /// The name starts with a capital in the gazetteer, so the text must too.
        var needsCapital: Bool
        /// The name is also an ordinary word: a place only after a context word.
        var needsContext: Bool
    }

    /// A trie whose edges are token texts.
    struct Trie: Sendable {
        struct Node: Sendable {
            var next: [String: Int32] = [:]
            var targets: [Target] = []
        }

        var nodes: [Node] = [Node()]
        /// The first keys: a token that fails this filter cannot start a match, and is passed over without hashing it
        /// (punctuation, most words, and lowercase words for the case-sensitive acronyms).
        var firstKeys = WordFilter([])

        var isEmpty: Bool { nodes.count == 1 }

        mutating func insert(_ keys: [String], _ target: Target) {
            guard let firstKey = keys.first else { return }
            firstKeys.insert(firstKey)
            var node = 0
            for key in keys {
                if let next = nodes[node].next[key] {
                    node = Int(next)
                } else {
                    nodes.append(Node())
                    let next = nodes.count - 1
                    nodes[node].next[key] = Int32(next)
                    node = next
                }
            }
            // The same id reached twice at one node keeps the laxer conditions.
            if let i = nodes[node].targets.firstIndex(where: { $0.id == target.id }) {
                nodes[node].targets[i].needsCapital = nodes[node].targets[i].needsCapital && target.needsCapital
                nodes[node].targets[i].needsContext = nodes[node].targets[i].needsContext && target.needsContext
            } else {
                nodes[node].targets.append(target)
            }
        }

        /// Every (end, targets) reachable from `start`, reading each token through `key`.
        func walk(_ tokens: [Token], from start: Int, key: (Token) -> String, into found: inout [(end: Int, targets: [Target])]) {
            guard start < tokens.count, firstKeys.mayContain(key(tokens[start])) else { return }
            var node = 0
            var i = start
            while i < tokens.count, let next = nodes[node].next[key(tokens[i])] {
                node = Int(next)
                i += 1
                if !nodes[node].targets.isEmpty { found.append((i, nodes[node].targets)) }
            }
        }
    }

    /// A surface to add to the tries.
    struct Name {
        var surface: String
        var target: Target
        var caseSensitive: Bool
    }

    private var names = Trie()
    private var acronyms = Trie()
    /// Document-local names from `adding(_:)`, kept apart so adding never copies the shared tries.
    private var localNames = Trie()
    private var localAcronyms = Trie()
    private let tokenizer: Tokenizer
    private let priorities: [String: Int]
    private let ambiguousPlaces: Set<String>
    private let placeContext: Set<String>

    public init(gazetteer: Gazetteer) {
        tokenizer = Tokenizer(abbreviations: gazetteer.abbreviations)
        ambiguousPlaces = gazetteer.words["ambiguous_place"] ?? []
        placeContext = gazetteer.words["place_context"] ?? []
        var priorities: [String: Int] = [:]
        var all: [Name] = []
        for entry in gazetteer.entries.values.sorted(by: { $0.id < $1.id }) {
            let id = entry.id
            priorities[id] = entry.priority
            for (surface, caseSensitive) in entry.names {
                let target = Self.target(id: id, kind: entry.kind, priority: entry.priority, surface: surface,
                                         caseSensitive: caseSensitive, ambiguousPlaces: ambiguousPlaces)
                all.append(Name(surface: surface, target: target, caseSensitive: caseSensitive))
            }
        }
        self.priorities = priorities
        Self.insert(all, tokenizer: tokenizer, names: &names, acronyms: &acronyms)
    }

    /// Adds document-local names (`UKKT` → `program:ukkt` learned from `Unit Kegiatan Karang Taruna (UKKT)`),
    /// returning a new matcher; the gazetteer's tries are shared, not copied.
    public func adding(_ extra: [(surface: String, id: String, kind: EntityKind, caseSensitive: Bool)]) -> EntityMatcher {
        var copy = self
        let added = extra.map { item in
            let priority = priorities[item.id] ?? GazetteerEntry(id: item.id, kind: item.kind, type: "", name: item.surface).priority
            return Name(surface: item.surface,
                        target: Self.target(id: item.id, kind: item.kind, priority: priority, surface: item.surface, caseSensitive: item.caseSensitive,
                                           ambiguousPlaces: ambiguousPlaces),
                        caseSensitive: item.caseSensitive)
        }
        Self.insert(added, tokenizer: tokenizer, names: &copy.localNames, acronyms: &copy.localAcronyms)
        return copy
    }

    /// All entries found in one pass over the tokens, sorted by position; non-overlapping within a layer
    /// (positions are one layer, places, organizations and programs the other).
    /// Every kind, built once rather than as a default argument on every call.
    public static let allKinds = Set(EntityKind.allCases)

    public func matches(in tokens: [Token], kinds: Set<EntityKind> = allKinds) -> [EntityMatch] {
        struct Candidate {
            var range: Range<Int>
            var targets: [(target: Target, viaAcronym: Bool)]
            var isPosition: Bool
        }
        var candidates: [Candidate] = []
        var found: [(end: Int, targets: [Target])] = []
        var acronymFound: [(end: Int, targets: [Target])] = []
        let hasLocal = !localNames.isEmpty || !localAcronyms.isEmpty
        for start in tokens.indices {
            found.removeAll(keepingCapacity: true)
            acronymFound.removeAll(keepingCapacity: true)
            names.walk(tokens, from: start, key: { $0.normalized }, into: &found)
            acronyms.walk(tokens, from: start, key: { $0.text }, into: &acronymFound)
            if hasLocal {
                localNames.walk(tokens, from: start, key: { $0.normalized }, into: &found)
                localAcronyms.walk(tokens, from: start, key: { $0.text }, into: &acronymFound)
            }
            guard !found.isEmpty || !acronymFound.isEmpty else { continue }
            // Merge the targets of both tries by end: one candidate per (span, layer).
            var byEnd: [Int: [(target: Target, viaAcronym: Bool)]] = [:]
            for (end, targets) in found {
                for t in targets where accepts(t, tokens, start: start) {
                    if let i = byEnd[end]?.firstIndex(where: { $0.target.id == t.id }) {
                        byEnd[end]?[i].viaAcronym = false
                    } else {
                        byEnd[end, default: []].append((t, false))
                    }
                }
            }
            for (end, targets) in acronymFound {
                for t in targets where kinds.contains(t.kind) {
                    if byEnd[end]?.contains(where: { $0.target.id == t.id }) != true {
                        byEnd[end, default: []].append((t, true))
                    }
                }
            }
            for (end, targets) in byEnd {
                let usable = targets.filter { kinds.contains($0.target.kind) }
                let positions = usable.filter { $0.target.kind == .position }
                let others = usable.filter { $0.target.kind != .position }
                if !positions.isEmpty { candidates.append(Candidate(range: start..<end, targets: positions, isPosition: true)) }
                if !others.isEmpty { candidates.append(Candidate(range: start..<end, targets: others, isPosition: false)) }
            }
        }

        // filter_spans: longest first, then earliest; a token belongs to one match per layer.
        candidates.sort { a, b in
            a.range.count != b.range.count ? a.range.count > b.range.count : a.range.lowerBound < b.range.lowerBound
        }
        var result: [(match: EntityMatch, layer: Int)] = []
        var nameRanges: [Range<Int>] = []
        for layer in 0...1 {
            var taken = [Bool](repeating: false, count: tokens.count)
            for candidate in candidates where candidate.isPosition == (layer == 1) {
                guard !candidate.range.contains(where: { taken[$0] }) else { continue }
                // Words inside a longer name are that name's (`Pekerja Sosial` in `Pekerja Sosial Masyarakat`).
                if layer == 1, nameRanges.contains(where: { $0.count > candidate.range.count && $0.clamped(to: candidate.range) == candidate.range }) {
                    continue
                }
                for i in candidate.range { taken[i] = true }
                if layer == 0 { nameRanges.append(candidate.range) }
                let ranked = candidate.targets.sorted { a, b in
                    a.target.priority != b.target.priority ? a.target.priority < b.target.priority : a.target.id < b.target.id
                }
                guard let best = ranked.first else { continue }
                let first = tokens[candidate.range.lowerBound]
                let last = tokens[candidate.range.upperBound - 1]
                result.append((EntityMatch(id: best.target.id, kind: best.target.kind, tokenRange: candidate.range,
                                           span: first.span.lowerBound..<last.span.upperBound,
                                           surface: Self.surface(tokens[candidate.range]), viaAcronym: best.viaAcronym,
                                           alternatives: ranked.dropFirst().map(\.target.id)), layer))
            }
        }
        result.sort { a, b in
            a.match.tokenRange.lowerBound != b.match.tokenRange.lowerBound
                ? a.match.tokenRange.lowerBound < b.match.tokenRange.lowerBound : a.layer < b.layer
        }
        return result.map(\.match)
    }

    /// Whether a name target (not an acronym) fits the text at `start`: capital and context rules.
    private func accepts(_ target: Target, _ tokens: [Token], start: Int) -> Bool {
        if target.needsCapital, let first = tokens[start].text.unicodeScalars.first,
           first.properties.isAlphabetic, !first.properties.isUppercase {
            return false
        }
        if target.needsContext {
            guard start > 0, placeContext.contains(tokens[start - 1].normalized) else { return false }
        }
        return true
    }

    private static func target(id: String, kind: EntityKind, priority: Int, surface: String, caseSensitive: Bool,
                               ambiguousPlaces: Set<String>) -> Target {
        let properName = kind == .place || kind == .organization
        let capital = surface.unicodeScalars.first?.properties.isUppercase == true
        let normalized = surface.lowercased().split(separator: " ").joined(separator: " ")
        return Target(id: id, kind: kind, priority: priority,
                      needsCapital: !caseSensitive && properName && capital,
                      needsContext: !caseSensitive && kind == .place && ambiguousPlaces.contains(normalized))
    }

    /// Tokenizes all surfaces in one ICU call (one name a line) and inserts them, so a name's tokens are
    /// exactly those the same text gets in a document (`Kep. Seribu`, `pilar-pilar sosial`).
    static func insert(_ items: [Name], tokenizer: Tokenizer, names: inout Trie, acronyms: inout Trie) {
        var scalars: [Unicode.Scalar] = []
        var ranges: [Range<Int>] = []
        for item in items {
            let start = scalars.count
            scalars.append(contentsOf: item.surface.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
            ranges.append(start..<scalars.count)
            scalars.append("\n")
        }
        let tokens = tokenizer.tokenize(scalars)
        var t = 0
        for (item, range) in zip(items, ranges) {
            var keyTokens: [Token] = []
            while t < tokens.count, tokens[t].span.lowerBound < range.upperBound {
                if tokens[t].span.lowerBound >= range.lowerBound { keyTokens.append(tokens[t]) }
                t += 1
            }
            guard !keyTokens.isEmpty else { continue }
            if item.caseSensitive {
                acronyms.insert(keyTokens.map(\.text), item.target)
                // Headlines write mixed-case acronyms in capitals: `SUDINSOS JAKPUS`.
                let upper = keyTokens.map { $0.text.uppercased() }
                if upper != keyTokens.map(\.text) { acronyms.insert(upper, item.target) }
            } else {
                names.insert(keyTokens.map(\.normalized), item.target)
            }
        }
    }

    /// Token texts joined with one space where the source had a gap.
    static func surface(_ tokens: ArraySlice<Token>) -> String {
        var result = ""
        var previousEnd: Int?
        for token in tokens {
            if let end = previousEnd, end != token.span.lowerBound { result += " " }
            result += token.text
            previousEnd = token.span.upperBound
        }
        return result
    }
}
