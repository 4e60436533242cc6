extension ExtractionRun {
    /// Verbs that say who took part rather than what was done: they add participants to the main action.
    static let participation: Set<String> = ["hadir", "ikut", "dampingi", "damping"]

    /// Words before a verb that make it an aim or a possibility, not something that happened.
    static let intentions: Set<String> = ["untuk", "agar", "guna", "supaya", "bertujuan", "dapat", "akan", "ingin", "harus", "perlu",
                                          "mampu", "diharapkan", "berharap", "hendak", "bisa", "mau", "jangan", "demi"]
    /// Openings that continue the previous sentence's activity: `Kegiatan ini`, `Apel tersebut`, `Pertemuan yang …`, `Peserta …`.
    static let activityNouns: Set<String> = ["kegiatan", "acara", "apel", "pertemuan", "rapat", "dialog", "jambore", "pelatihan",
                                             "peserta", "sosialisasi", "agenda", "forum", "diskusi", "lomba", "ajang", "program"]

    /// One event per sentence with an action verb outside quotes: actor, action, program, date, place and participant figures.
    /// A sentence that refers back to the activity (`Kegiatan ini …`) adds to the previous event instead.
    mutating func findEvents() {
        let documentDate = documentEventDate
        let figures = facts.extraction.figures
        var previousEvent: Int?
        for (si, s) in analyzed.enumerated() {
            let verbs = s.tokens.indices.filter { i in
                guard s.tokens[i].kind == .word, rules.actions.contains(s.tokens[i].stem), isVerbForm(s.tokens[i]), !s.isInsideQuote(i) else { return false }
                return !s.tokens[max(0, i - 3)..<i].contains { Self.intentions.contains($0.normalized) }
            }
            if let previous = previousEvent, continuesActivity(s) {
                merge(into: previous, s, si, figures: figures)
                continue
            }
            guard !verbs.isEmpty else { continue }
            let main = verbs.first { !Self.participation.contains(s.tokens[$0].stem) && !isPassive(s.tokens[$0]) }
                ?? verbs.first { !Self.participation.contains(s.tokens[$0].stem) }
                ?? verbs[0]
            let verb = s.tokens[main]
            let actor = isPassive(verb) ? agent(s, si, after: main) ?? subject(s, si, before: main) : subject(s, si, before: main) ?? agent(s, si, after: main)
            let programs = s.entities.filter { $0.kind == .program }.sorted {
                // The program after the verb is its object; one before is its subject's.
                ($0.tokenRange.lowerBound < main ? 1 : 0, $0.tokenRange.lowerBound) < ($1.tokenRange.lowerBound < main ? 1 : 0, $1.tokenRange.lowerBound)
            }
            let date = activityDates(in: s).first ?? documentDate
            let location = bestLocation(s)
            let participants = participants(in: s, figures)
            // Without a doer and a program there is nothing to tell (`Turut dihadiri.`).
            guard actor != nil || !programs.isEmpty else { continue }
            var event = EventFact(actor: actor, action: verb.stem, program: programs.first.flatMap { name(of: $0.id) },
                                  date: date?.normalized, location: location, participants: participants,
                                  sentence: s.sentence.text, span: [s.sentence.span.lowerBound, s.sentence.span.upperBound])
            event.programs = programs.compactMap { name(of: $0.id) }
            event.programIDs = programs.map(\.id)
            event.datePrecision = date?.granularity.rawValue
            facts.extraction.events.append(event)
            previousEvent = facts.extraction.events.count - 1
        }
    }

    /// The figures of a sentence that count the people taking part (words.tsv's `participant_unit`), but for those of
    /// the part that speaks of another time (`meningkat dibandingkan tahun 2023 yang hanya 300 peserta`, `sejak 2015
    /// diikuti 10.000 peserta`: `otherTime`).
    func participants(in s: AnalyzedSentence, _ figures: [FigureFact]) -> [Participants] {
        let otherTime = otherTime(in: s)
        return figures.filter { f in
            f.span[0] >= s.sentence.span.lowerBound && f.span[1] <= s.sentence.span.upperBound && f.span[0] < otherTime
                && (f.unit.map { rules.participantUnits.contains($0) } ?? false)
        }.map { Participants(value: $0.value, unit: $0.unit) }
    }

    /// `Kegiatan ini …`, `Apel tersebut …`, `Pertemuan yang …`, `Peserta yang hadir …`.
    func continuesActivity(_ s: AnalyzedSentence) -> Bool {
        let words = s.tokens.prefix(4).filter { $0.kind == .word }.map(\.normalized)
        guard let first = words.first, Self.activityNouns.contains(first) || (first == "para" && words.dropFirst().first == "peserta") else { return false }
        if first == "peserta" || first == "para" { return true }
        return words.dropFirst().prefix(2).contains { ["ini", "tersebut", "yang", "itu"].contains($0) }
    }

    /// Adds a continuing sentence's programs, place, date and participants to an event.
    mutating func merge(into index: Int, _ s: AnalyzedSentence, _ si: Int, figures: [FigureFact]) {
        var event = facts.extraction.events[index]
        for p in s.entities where p.kind == .program {
            if !(event.programIDs ?? []).contains(p.id) {
                event.programIDs = (event.programIDs ?? []) + [p.id]
                event.programs = (event.programs ?? []) + [name(of: p.id) ?? p.surface]
            }
        }
        if event.program == nil { event.program = event.programs?.first }
        if event.location == nil || locationRank(event.location) > locationRank(bestLocation(s)) { event.location = bestLocation(s) ?? event.location }
        if let d = activityDates(in: s).first,
           event.datePrecision != "day", d.granularity == .day {
            event.date = d.normalized
            event.datePrecision = d.granularity.rawValue
        }
        event.participants += participants(in: s, figures)
        if event.actor == nil, let official = officials.first(where: { $0.sentence == si }) { event.actor = official.name }
        facts.extraction.events[index] = event
    }

    /// The most precise place of a sentence: a building or landmark, a street, a kelurahan, a kecamatan, a kota.
    func bestLocation(_ s: AnalyzedSentence) -> String? {
        let inside = facts.extraction.locations.filter { $0.span[0] >= s.sentence.span.lowerBound && $0.span[1] <= s.sentence.span.upperBound && $0.type != "provinsi" }
        return inside.min { Self.placeRank[$0.type ?? ""] ?? 9 < Self.placeRank[$1.type ?? ""] ?? 9 }?.name
    }

    func locationRank(_ name: String?) -> Int {
        guard let name, let loc = facts.extraction.locations.first(where: { $0.name == name }) else { return 99 }
        return Self.placeRank[loc.type ?? ""] ?? 9
    }

    static let placeRank: [String: Int] = ["building": 0, "landmark": 0, "area": 1, "jalan": 1, "kelurahan": 2, "kecamatan": 3, "kota": 4, "kabupaten": 4]

    func isVerbForm(_ t: Token) -> Bool {
        let w = t.normalized
        if w == t.stem { return ["buka", "temu", "bantu", "tinjau", "pantau", "latih"].contains(w) }
        return w.hasPrefix("me") || w.hasPrefix("di") || w.hasPrefix("ber") || w.hasPrefix("ter")
    }

    func isPassive(_ t: Token) -> Bool {
        t.normalized.hasPrefix("di") && !t.stem.hasPrefix("di")
    }

    /// The organization or official before the verb: the clause's subject.
    func subject(_ s: AnalyzedSentence, _ si: Int, before verb: Int) -> String? {
        var best: (name: String, at: Int)?
        for o in officials where o.sentence == si && o.phraseTokens.upperBound <= verb {
            if best == nil || o.phraseTokens.lowerBound > best!.at { best = (o.name, o.phraseTokens.lowerBound) }
        }
        for e in s.entities where e.kind == .organization && e.tokenRange.upperBound <= verb && !insideParentheses(s, e.tokenRange) {
            // An organization inside an official's phrase is the official's, not the subject.
            if officials.contains(where: { $0.sentence == si && $0.phraseTokens.contains(e.tokenRange.lowerBound) }) { continue }
            if best == nil || e.tokenRange.lowerBound > best!.at { best = (name(of: e.id) ?? e.surface, e.tokenRange.lowerBound) }
        }
        if let best { return best.name }
        // `ujar Premi`… a short name before the verb.
        for i in stride(from: verb - 1, through: 0, by: -1) {
            if isNameToken(s, i), let full = fullName(for: s.tokens[i].text) { return full }
        }
        return nil
    }

    /// The agent of a passive verb: `dipimpin, Wali Kota … Arifin`, `diwakilkan oleh …`.
    func agent(_ s: AnalyzedSentence, _ si: Int, after verb: Int) -> String? {
        let limit = min(s.tokens.count, verb + 14)
        if let o = officials.filter({ $0.sentence == si && $0.phraseTokens.lowerBound > verb && $0.phraseTokens.lowerBound < limit })
            .min(by: { $0.phraseTokens.lowerBound < $1.phraseTokens.lowerBound }) {
            let between = s.tokens[(verb + 1)..<o.phraseTokens.lowerBound]
            if between.allSatisfy({ $0.kind == .punctuation || rules.passiveAgents.contains($0.normalized) }) { return o.name }
        }
        var k = verb + 1
        while k < limit, s.tokens[k].kind == .punctuation || rules.passiveAgents.contains(s.tokens[k].normalized) { k += 1 }
        if let e = s.entity(at: k), e.kind == .organization { return name(of: e.id) ?? e.surface }
        return nil
    }

    func insideParentheses(_ s: AnalyzedSentence, _ r: Range<Int>) -> Bool {
        r.lowerBound > 0 && s.tokens[r.lowerBound - 1].text == "(" && r.upperBound < s.tokens.count && s.tokens[r.upperBound].text == ")"
    }
}
