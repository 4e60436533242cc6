/// The confix-stripping core of `Stemmer`: Nazief–Adriani with the ECS / Sastrawi extensions,
/// working on lowercase ASCII bytes so that the hot path needs no Unicode string machinery.

/// ASCII helpers for the affix rules.
enum Letters {
    static let hyphen = UInt8(ascii: "-")

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }

    @inline(__always) static func isVowel(_ b: UInt8) -> Bool {
        b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75  // a e i o u
    }

    @inline(__always) static func isConsonant(_ b: UInt8) -> Bool { isLetter(b) && !isVowel(b) }

    /// Bytes of an ASCII literal; used for the fixed affixes.
    static func bytes(_ s: StaticString) -> [UInt8] {
        Array(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }
}

extension Array where Element == UInt8 {
    @inline(__always) func starts(_ p: [UInt8]) -> Bool {
        guard count >= p.count else { return false }
        for i in 0..<p.count where self[i] != p[i] { return false }
        return true
    }

    @inline(__always) func ends(_ s: [UInt8]) -> Bool {
        guard count >= s.count else { return false }
        let offset = count - s.count
        for i in 0..<s.count where self[offset + i] != s[i] { return false }
        return true
    }

    /// The byte at `i`, or 0 past the end, so rules can test positions without bounds checks.
    @inline(__always) func at(_ i: Int) -> UInt8 { i < count ? self[i] : 0 }

    @inline(__always) func from(_ i: Int) -> [UInt8] { i >= count ? [] : Array(self[i...]) }

    @inline(__always) func dropping(suffixCount n: Int) -> [UInt8] { Array(self[0..<(count - n)]) }
}

/// Which family a removed prefix belongs to, for the disallowed prefix–suffix pairs.
enum PrefixFamily {
    case be, di, ke, me, pe, se, te, other
}

/// The affix tables, as byte strings.
enum Affix {
    static let particles: [[UInt8]] = [lah, Letters.bytes("kah"), Letters.bytes("tah"), Letters.bytes("pun")]
    static let possessives: [[UInt8]] = [Letters.bytes("nya"), Letters.bytes("ku"), Letters.bytes("mu")]
    /// Longest first so that `-kan` wins over `-an`.
    static let derivational: [[UInt8]] = [Letters.bytes("kan"), Letters.bytes("an"), Letters.bytes("i")]
    /// Loan-word suffixes (`idealisme`, `finalisasi`); only tried after everything else failed.
    static let foreign: [[UInt8]] = [Letters.bytes("isasi"), Letters.bytes("isme"), isSuffix]
    static let isSuffix = Letters.bytes("is")

    /// What may come off a word hunspell lists without affix flags (see `StemLexicon.rootOfAffixlessWord`).
    static let affixlessWordSuffixes: [[UInt8]] = particles + [kan]
    static let lah = Letters.bytes("lah")
    static let kan = Letters.bytes("kan")
    static let an = Letters.bytes("an")
    static let i = Letters.bytes("i")
    static let k = Letters.bytes("k")

    /// Nazief–Adriani's disallowed confixes: the prefix cannot co-occur with the suffix,
    /// so a word that looks like one is better explained another way.
    static func isDisallowed(_ family: PrefixFamily, suffix: [UInt8]) -> Bool {
        switch family {
        case .be: return suffix == i
        case .di: return suffix == an
        case .ke: return suffix == i || suffix == kan
        case .me: return suffix == an
        case .se: return suffix == i || suffix == kan
        case .te: return suffix == an
        case .pe, .other: return false
        }
    }
}

/// One prefix rule's outcome: the candidate stems in Sastrawi's order of preference.
struct PrefixCandidates {
    var family: PrefixFamily
    var stems: [[UInt8]]
    /// Infix rules only count when they reach a root: they match too many plain roots otherwise.
    var needsRoot: Bool = false
}

/// The ECS prefix rules (numbers follow Sastrawi's DisambiguatorPrefixRule classes).
/// Returns the first rule that matches, as Sastrawi's visitors stop at the first rule that removes something.
enum PrefixRules {
    static let be = Letters.bytes("be"), ter = Letters.bytes("ter"), me = Letters.bytes("me"), pe = Letters.bytes("pe")
    static let di = Letters.bytes("di")
    private static let ber = Letters.bytes("ber"), te = Letters.bytes("te")
    private static let mem = Letters.bytes("mem"), mempe = Letters.bytes("mempe"), memp = Letters.bytes("memp")
    private static let men = Letters.bytes("men"), meng = Letters.bytes("meng"), menge = Letters.bytes("menge")
    private static let meny = Letters.bytes("meny")
    private static let per = Letters.bytes("per"), pem = Letters.bytes("pem"), pen = Letters.bytes("pen")
    private static let peng = Letters.bytes("peng"), penge = Letters.bytes("penge"), peny = Letters.bytes("peny")
    private static let ke = Letters.bytes("ke"), se = Letters.bytes("se")
    private static let ku = Letters.bytes("ku"), kau = Letters.bytes("kau")
    private static let belajar = Letters.bytes("belajar"), pelajar = Letters.bytes("pelajar")
    private static let r = Letters.bytes("r"), m = Letters.bytes("m"), p = Letters.bytes("p"), n = Letters.bytes("n")
    private static let t = Letters.bytes("t"), k = Letters.bytes("k"), s = Letters.bytes("s")
    private static let ng = Letters.bytes("ng"), ny = Letters.bytes("ny")

    private static let cR = UInt8(ascii: "r"), cL = UInt8(ascii: "l"), cW = UInt8(ascii: "w"), cY = UInt8(ascii: "y")
    private static let cM = UInt8(ascii: "m"), cN = UInt8(ascii: "n"), cE = UInt8(ascii: "e"), cI = UInt8(ascii: "i")

    @inline(__always) private static func isOneOf(_ b: UInt8, _ letters: StaticString) -> Bool {
        let start = letters.utf8Start
        for i in 0..<letters.utf8CodeUnitCount where start[i] == b { return true }
        return false
    }

    /// `er` at `i` followed by a vowel (`CerV` shapes).
    @inline(__always) private static func erVowel(_ w: [UInt8], _ i: Int) -> Bool {
        w.at(i) == cE && w.at(i + 1) == cR && Letters.isVowel(w.at(i + 2))
    }

    /// `er` at `i` followed by a consonant (`C1erC2` shapes).
    @inline(__always) private static func erConsonant(_ w: [UInt8], _ i: Int) -> Bool {
        w.at(i) == cE && w.at(i + 1) == cR && Letters.isConsonant(w.at(i + 2))
    }

    @inline(__always) private static func startsEr(_ w: [UInt8], _ i: Int) -> Bool {
        w.at(i) == cE && w.at(i + 1) == cR
    }

    /// Sastrawi's rules 4 and 32 read these as bel-/pel- + ajar, so they never count as roots
    /// (hunspell lists them as words).
    static let alwaysSplit: [[UInt8]] = [belajar, pelajar]

    static func match(_ w: [UInt8]) -> PrefixCandidates? {
        // Plain prefixes di-, ke-, se-.
        if w.starts(di) { return PrefixCandidates(family: .di, stems: [w.from(2)]) }
        if w.starts(ke) { return PrefixCandidates(family: .ke, stems: [w.from(2)]) }
        if w.starts(se) { return PrefixCandidates(family: .se, stems: [w.from(2)]) }

        if w.starts(be) {
            if w.starts(ber) {
                let c = w.at(3)
                // 1: berV → ber-V | be-rV
                if Letters.isVowel(c) { return PrefixCandidates(family: .be, stems: [w.from(3), r + w.from(3)]) }
                // 2: berCAP → ber-CAP (P ≠ er…); 3: berCAerV → ber-CAerV
                if Letters.isConsonant(c) && c != cR && Letters.isLetter(w.at(4)) {
                    if !startsEr(w, 5) || Letters.isVowel(w.at(7)) {
                        return PrefixCandidates(family: .be, stems: [w.from(3)])
                    }
                }
            }
            // 4: belajar → bel-ajar
            if w.starts(belajar) { return PrefixCandidates(family: .be, stems: [w.from(3)]) }
            // 5: beC1erC2 → be-C1erC2
            let c = w.at(2)
            if Letters.isConsonant(c) && c != cR && erConsonant(w, 3) {
                return PrefixCandidates(family: .be, stems: [w.from(2)])
            }
        }

        if w.starts(te) {
            if w.starts(ter) {
                let c = w.at(3)
                // 6: terV → ter-V | te-rV
                if Letters.isVowel(c) { return PrefixCandidates(family: .te, stems: [w.from(3), r + w.from(3)]) }
                if Letters.isConsonant(c) && c != cR {
                    // 7: terCerV → ter-CerV; 35: terC1erC2 → ter-C1erC2; 8: terCP → ter-CP (P ≠ er…)
                    if erVowel(w, 4) || erConsonant(w, 4) || !startsEr(w, 4) {
                        return PrefixCandidates(family: .te, stems: [w.from(3)])
                    }
                }
            }
            // 9: teC1erC2 → te-C1erC2
            let c = w.at(2)
            if Letters.isConsonant(c) && c != cR && erConsonant(w, 3) {
                return PrefixCandidates(family: .te, stems: [w.from(2)])
            }
        }

        if w.starts(me) {
            let c = w.at(2)
            // 10: me{l,r,w,y}V → me-{l,r,w,y}V
            if (c == cL || c == cR || c == cW || c == cY) && Letters.isVowel(w.at(3)) {
                return PrefixCandidates(family: .me, stems: [w.from(2)])
            }
            if w.starts(mem) {
                let d = w.at(3)
                // 11: mem{b,f,v} → mem-{b,f,v}
                if isOneOf(d, "bfv") { return PrefixCandidates(family: .me, stems: [w.from(3)]) }
                // 12: mempe → mem-pe
                if w.starts(mempe) { return PrefixCandidates(family: .me, stems: [w.from(3)]) }
                // 13: mem{rV,V} → me-m{rV,V} | me-p{rV,V}
                if Letters.isVowel(d) || (d == cR && Letters.isVowel(w.at(4))) {
                    return PrefixCandidates(family: .me, stems: [m + w.from(3), p + w.from(3)])
                }
                // 19: mempA → mem-pA (A ≠ e)
                if w.starts(memp) && Letters.isLetter(w.at(4)) {
                    return PrefixCandidates(family: .me, stems: [w.from(3)])
                }
            }
            if w.starts(meng) {
                let d = w.at(4)
                // 16: meng{g,h,q,k} → meng-{g,h,q,k}
                if isOneOf(d, "ghqk") { return PrefixCandidates(family: .me, stems: [w.from(4)]) }
                // 17: mengV → meng-V | meng-kV | menge-C (mengebom) | me-ngV
                if Letters.isVowel(d) {
                    var stems = [w.from(4), k + w.from(4)]
                    if w.starts(menge) { stems.append(w.from(5)) }
                    stems.append(ng + w.from(4))
                    return PrefixCandidates(family: .me, stems: stems)
                }
            }
            if w.starts(meny) && Letters.isVowel(w.at(4)) {
                // 18: menyV → me-nyV | meny-sV
                return PrefixCandidates(family: .me, stems: [ny + w.from(4), s + w.from(4)])
            }
            if w.starts(men) {
                let d = w.at(3)
                // 14: men{c,d,j,s,t,z} → men-{c,d,j,s,t,z}
                if isOneOf(d, "cdjstz") { return PrefixCandidates(family: .me, stems: [w.from(3)]) }
                // 15: menV → me-nV | me-tV
                if Letters.isVowel(d) { return PrefixCandidates(family: .me, stems: [n + w.from(3), t + w.from(3)]) }
            }
        }

        if w.starts(pe) {
            let c = w.at(2)
            // 20: pe{w,y}V → pe-{w,y}V
            if (c == cW || c == cY) && Letters.isVowel(w.at(3)) {
                return PrefixCandidates(family: .pe, stems: [w.from(2)])
            }
            if w.starts(per) {
                let d = w.at(3)
                // 21: perV → per-V | pe-rV
                if Letters.isVowel(d) { return PrefixCandidates(family: .pe, stems: [w.from(3), r + w.from(3)]) }
                // 23: perCAP → per-CAP (P ≠ er…); 24: perCAerV → per-CAerV
                if Letters.isConsonant(d) && d != cR && Letters.isLetter(w.at(4)) {
                    if !startsEr(w, 5) || Letters.isVowel(w.at(7)) {
                        return PrefixCandidates(family: .pe, stems: [w.from(3)])
                    }
                }
            }
            if w.starts(pem) {
                let d = w.at(3)
                // 25: pem{b,f,v} → pem-{b,f,v}
                if isOneOf(d, "bfv") { return PrefixCandidates(family: .pe, stems: [w.from(3)]) }
                // 26: pem{rV,V} → pe-m{rV,V} | pe-p{rV,V}
                if Letters.isVowel(d) || (d == cR && Letters.isVowel(w.at(4))) {
                    return PrefixCandidates(family: .pe, stems: [m + w.from(3), p + w.from(3)])
                }
            }
            if w.starts(peng) {
                let d = w.at(4)
                // 29: pengC → peng-C
                if Letters.isConsonant(d) { return PrefixCandidates(family: .pe, stems: [w.from(4)]) }
                // 30: pengV → peng-V | peng-kV | penge-C (pengebom)
                if Letters.isVowel(d) {
                    var stems = [w.from(4), k + w.from(4)]
                    if w.starts(penge) { stems.append(w.from(5)) }
                    return PrefixCandidates(family: .pe, stems: stems)
                }
            }
            if w.starts(peny) && Letters.isVowel(w.at(4)) {
                // 31: penyV → pe-nyV | peny-sV
                return PrefixCandidates(family: .pe, stems: [ny + w.from(4), s + w.from(4)])
            }
            if w.starts(pen) {
                let d = w.at(3)
                // 27: pen{c,d,j,s,t,z} → pen-{c,d,j,s,t,z}
                if isOneOf(d, "cdjstz") { return PrefixCandidates(family: .pe, stems: [w.from(3)]) }
                // 28: penV → pe-nV | pe-tV
                if Letters.isVowel(d) { return PrefixCandidates(family: .pe, stems: [n + w.from(3), t + w.from(3)]) }
            }
            // 32: pelV → pe-lV, except pelajar → pel-ajar
            if w.starts(pelajar) { return PrefixCandidates(family: .pe, stems: [w.from(3)]) }
            if c == cL && Letters.isVowel(w.at(3)) { return PrefixCandidates(family: .pe, stems: [w.from(2)]) }
            // 33: peCerV, 36: peC1erC2, 34: peCP (C ∉ {r,w,y,l,m,n}) → pe-…
            if Letters.isConsonant(c) && !isOneOf(c, "rwylmn") {
                return PrefixCandidates(family: .pe, stems: [w.from(2)])
            }
        }

        // 37–40: infixes -er-, -el-, -em-, -in- (CerV → CV …)
        let c0 = w.at(0), c1 = w.at(1), c2 = w.at(2)
        if Letters.isConsonant(c0) && Letters.isVowel(w.at(3)) {
            if (c1 == cE && (c2 == cR || c2 == cL || c2 == cM)) || (c1 == cI && c2 == cN) {
                return PrefixCandidates(family: .other, stems: [[c0] + w.from(3)], needsRoot: true)
            }
        }
        // 41, 42: pronoun proclitics ku-, kau-
        if w.starts(kau) { return PrefixCandidates(family: .other, stems: [w.from(3)]) }
        if w.starts(ku) { return PrefixCandidates(family: .other, stems: [w.from(2)]) }
        return nil
    }
}

/// What one stripping step removed, kept so the ECS loop can put suffixes back.
struct Removal {
    enum Kind { case particle, possessive, derivational, prefix }
    var kind: Kind
    var subject: [UInt8]
    var result: [UInt8]
    var removed: [UInt8]
}

/// The lexicon as the stripping rules see it: every known word with a weight.
struct StemLexicon: Sendable {
    /// Weight of a curated root (the project's own word files, or a plain set of roots).
    static let curated: UInt8 = 255
    /// Known words with their weight: hunspell's number of affix flags, 0 for words that take no affixes,
    /// `curated` for roots from the project's own lists.
    let weights: [[UInt8]: UInt8]

    /// Stripping must leave at least this many letters: two-letter "roots" (`pa`, `ma`) mostly stem wrongly.
    static let minimumRootLength = 3

    @inline(__always) func weight(_ w: [UInt8]) -> UInt8? { weights[w] }

    @inline(__always) func isWord(_ w: [UInt8]) -> Bool { weights[w] != nil }

    /// Whether stripping may stop at `w`; affixless words (weight 0) only in the fallback pass.
    @inline(__always) func isRoot(_ w: [UInt8], includingAffixless: Bool) -> Bool {
        guard w.count >= Self.minimumRootLength, let weight = weights[w] else { return false }
        return weight > 0 || includingAffixless
    }

    /// An affixless word that is a root plus a particle, `-kan` or a loan suffix (`apatah`, `belikan`, `idealisme`):
    /// hunspell lists some such derived forms without flags; Sastrawi's dictionary does not, so they are stripped.
    /// Other suffixes are too often part of such a word (`tetapi`, `rambutan`, `selaku`).
    func rootOfAffixlessWord(_ w: [UInt8]) -> [UInt8]? {
        for suffix in Affix.affixlessWordSuffixes where w.count > suffix.count && w.ends(suffix) {
            let base = w.dropping(suffixCount: suffix.count)
            if isRoot(base, includingAffixless: false) { return base }
        }
        return rootOfLoanWord(w, includingAffixless: false)
    }

    /// `idealisme` → `ideal`, `finalisasi` → `final`; `-is` needs a longer base (`hadis`, `tesis` are words).
    func rootOfLoanWord(_ w: [UInt8], includingAffixless: Bool) -> [UInt8]? {
        for suffix in Affix.foreign where w.ends(suffix) {
            let minimum = suffix == Affix.isSuffix ? 5 : 3
            guard w.count >= suffix.count + minimum else { continue }
            let base = w.dropping(suffixCount: suffix.count)
            if isRoot(base, includingAffixless: includingAffixless) { return base }
        }
        return nil
    }
}

/// The per-word state of the confix-stripping process (Sastrawi's `Context`).
struct StemContext {
    let lexicon: StemLexicon
    let includingAffixless: Bool
    let original: [UInt8]
    var current: [UInt8]
    var removals: [Removal] = []

    init(word: [UInt8], lexicon: StemLexicon, includingAffixless: Bool) {
        self.lexicon = lexicon
        self.includingAffixless = includingAffixless
        original = word
        current = word
    }

    @inline(__always) func isRoot(_ w: [UInt8]) -> Bool { lexicon.isRoot(w, includingAffixless: includingAffixless) }

    /// Sastrawi's precedence adjustment: these confix shapes are better stripped prefix-first
    /// (`bertebaran`, `mempelajari`).
    static func prefersPrefixFirst(_ w: [UInt8]) -> Bool {
        guard w.count > 4 else { return false }
        if w.starts(PrefixRules.be) { return w.ends(Affix.lah) || w.ends(Affix.an) }
        if w.ends(Affix.i) {
            return w.starts(PrefixRules.me) || w.starts(PrefixRules.di) || w.starts(PrefixRules.pe)
                || w.starts(PrefixRules.ter)
        }
        return false
    }

    mutating func run() -> [UInt8]? {
        if Self.prefersPrefixFirst(original) {
            // `berikan` is beri + -kan, not ber- + ikan.
            if original.ends(Affix.kan), let root = rootAfterSuffixes(original) { return root }
            if let root = prefixFirst() { return root }
            current = original
            removals.removeAll()
        }
        removeSuffixes()
        if isRoot(current) { return current }
        let suffix = removals.last(where: { $0.kind == .derivational })?.removed
        removePrefixes(afterSuffix: suffix, suffixPending: false)
        if isRoot(current) { return current }
        loopRestore()
        if isRoot(current) { return current }
        return stripForeignSuffix()
    }

    /// The root reached by removing prefixes alone, if any.
    mutating func prefixedRoot() -> [UInt8]? {
        removePrefixes(afterSuffix: nil, suffixPending: false)
        return current != original && isRoot(current) ? current : nil
    }

    /// Prefixes first, looking after each removal whether the suffixes leave a root
    /// (`disepakati` → `sepakat`, not `pakat`).
    private mutating func prefixFirst() -> [UInt8]? {
        for _ in 0..<3 {
            guard removeOnePrefix(afterSuffix: nil, first: false, suffixPending: true) else { break }
            if isRoot(current) { return current }
            if let root = rootAfterSuffixes(current) { return root }
        }
        return nil
    }

    /// The root left by stripping the suffixes of `w`, if any.
    private func rootAfterSuffixes(_ w: [UInt8]) -> [UInt8]? {
        var probe = StemContext(word: w, lexicon: lexicon, includingAffixless: includingAffixless)
        probe.removeSuffixes()
        return probe.current != w && isRoot(probe.current) ? probe.current : nil
    }

    /// Removes one suffix of the given kind if present (an optional hyphen before inflections, as in `kuasa-Mu`).
    private mutating func remove(_ kind: Removal.Kind, _ table: [[UInt8]], allowHyphen: Bool) {
        for suffix in table where current.count > suffix.count && current.ends(suffix) {
            var cut = current.count - suffix.count
            if allowHyphen { while cut > 0 && current[cut - 1] == Letters.hyphen { cut -= 1 } }
            guard cut > 0 else { return }
            var result = Array(current[0..<cut])
            var removed = suffix
            // `-kan` or `-an` after a final k (`gerakan`: `gerak`, not `gera`): the heavier root wins.
            if suffix == Affix.kan {
                let other = result + Affix.k
                if isRoot(other) && (!isRoot(result) || lexicon.weight(other) ?? 0 > lexicon.weight(result) ?? 0) {
                    result = other
                    removed = Affix.an
                }
            }
            removals.append(Removal(kind: kind, subject: current, result: result, removed: removed))
            current = result
            return
        }
    }

    /// Particle, then possessive, then derivational suffix, stopping as soon as a root appears.
    mutating func removeSuffixes() {
        remove(.particle, Affix.particles, allowHyphen: true)
        if isRoot(current) { return }
        remove(.possessive, Affix.possessives, allowHyphen: true)
        if isRoot(current) { return }
        remove(.derivational, Affix.derivational, allowHyphen: false)
    }

    /// Up to three prefix removals. `afterSuffix` is the derivational suffix already stripped,
    /// checked against the first prefix for the disallowed confixes.
    mutating func removePrefixes(afterSuffix: [UInt8]?, suffixPending: Bool) {
        for step in 0..<3 {
            if isRoot(current) { return }
            let removed = removeOnePrefix(afterSuffix: afterSuffix, first: step == 0, suffixPending: suffixPending)
            guard removed else { return }
        }
    }

    /// One prefix removal; false when no rule applies.
    private mutating func removeOnePrefix(afterSuffix: [UInt8]?, first: Bool, suffixPending: Bool) -> Bool {
        guard let rule = PrefixRules.match(current) else { return false }
        if first, let suffix = afterSuffix, Affix.isDisallowed(rule.family, suffix: suffix) { return false }
        // The reading that is a root; of several, the one hunspell knows more derived forms of,
        // then Sastrawi's order (`mengalahkan`: `kalah` over `alah`, `mengubah`: `ubah` over `kubah`).
        var chosen: [UInt8]? = nil
        var best = -1
        for stem in rule.stems where isRoot(stem) {
            let weight = Int(lexicon.weight(stem) ?? 0)
            if weight > best {
                chosen = stem
                best = weight
            }
        }
        if chosen == nil && suffixPending && rule.stems.count > 1 {
            // With the suffix still on, the reading whose suffixes leave a root (`memasuki` → `masuki`).
            for stem in rule.stems {
                guard let root = rootAfterSuffixes(stem) else { continue }
                let weight = Int(lexicon.weight(root) ?? 0)
                if weight > best {
                    chosen = stem
                    best = weight
                }
            }
        }
        if chosen == nil && !rule.needsRoot {
            // Like Sastrawi, keep the last reading and let a further removal decide.
            chosen = rule.stems.last
        }
        guard let next = chosen, !next.isEmpty else { return false }
        removals.append(Removal(kind: .prefix, subject: current, result: next, removed: []))
        current = next
        return true
    }

    /// ECS loop: put the prefixes back, then restore each removed suffix in turn (last first)
    /// and retry prefix removal; `-kan` is first restored as `-k` (`penembakan` → `tembak`).
    mutating func loopRestore() {
        if let first = removals.first(where: { $0.kind == .prefix }) { current = first.subject }
        removals.removeAll(where: { $0.kind == .prefix })
        let saved = removals
        let savedCurrent = current
        for removal in saved.reversed() {
            if removal.removed == Affix.kan {
                current = removal.result + Affix.k
                removePrefixes(afterSuffix: Affix.an, suffixPending: false)
                if isRoot(current) { return }
            }
            current = removal.subject
            removePrefixes(afterSuffix: nil, suffixPending: false)
            if isRoot(current) { return }
            removals = saved
            current = savedCurrent
        }
    }

    /// Last resort for loan words: `idealisme` → `ideal`, `finalisasi` → `final`.
    mutating func stripForeignSuffix() -> [UInt8]? {
        lexicon.rootOfLoanWord(Self.inflectionalBase(original) ?? original, includingAffixless: includingAffixless)
    }

    /// The word without its particle and possessive (`bukumukah` → `buku`), or nil if it has neither.
    static func inflectionalBase(_ word: [UInt8]) -> [UInt8]? {
        var base = word
        var changed = false
        for table in [Affix.particles, Affix.possessives] {
            for suffix in table where base.count > suffix.count && base.ends(suffix) {
                var cut = base.count - suffix.count
                while cut > 0 && base[cut - 1] == Letters.hyphen { cut -= 1 }
                base = Array(base[0..<cut])
                changed = true
                break
            }
        }
        return changed ? base : nil
    }
}
