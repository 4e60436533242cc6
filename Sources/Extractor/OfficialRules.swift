import Corpus

/// A person holding a position, found in one sentence.
struct Official {
    var name: String
    var title: String?
    var positionID: String?
    var orgID: String?
    var span: Range<Int>
    var sentence: Int
    /// Token range of the name, and of the whole `position, name` phrase.
    var nameTokens: Range<Int>
    var phraseTokens: Range<Int>
    /// A former holder: `mantan`, `eks` or `bekas` before the position.
    var former = false
}

extension ExtractionRun {
    /// Officials in the forms releases use: `Kepala Dinas Sosial DKI Jakarta, Premi Lasari`,
    /// `Wali Kota Administrasi Jakarta Pusat Arifin`, `Premi Lasari, Kepala Dinas Sosial`, lists after
    /// `Turut hadir` separated by `;` and `serta`.
    mutating func findOfficials() {
        for (si, s) in analyzed.enumerated() {
            var used: [Range<Int>] = []
            for position in s.positions {
                guard !used.contains(where: { $0.overlaps(position.tokenRange) }) else { continue }
                let phrase = positionPhrase(s, from: position)
                // `calon wakil gubernur DKI, Syaikhu`: a candidate holds no office; `para Menteri Kabinet Kerja Presiden Joko
                // Widodo`: nor do many.
                if namesNoHolder(s, before: phrase.lowerBound) { continue }
                if isElect(s, phrase) {
                    // The elect named after it holds no office yet, nor does a title after the name make them its holder.
                    var k = phrase.upperBound
                    while k < s.tokens.count, rules.electWords.contains(s.tokens[k].normalized) || s.tokens[k].text == "," { k += 1 }
                    if let name = nameRun(s, from: k) { used.append(phrase.lowerBound..<name.upperBound) }
                    continue
                }
                let former = isFormer(s, before: phrase.lowerBound)
                // POSITION [,] NAME
                var k = phrase.upperBound
                let comma = k < s.tokens.count && s.tokens[k].text == ","
                if comma { k += 1 }
                if comma, namesRelative(s, before: phrase.lowerBound) { continue }
                // `Menteri Sosial Mensos Agus Gumiwang`: the title said again in short.
                if let again = s.positions.first(where: { $0.tokenRange.lowerBound == k && $0.id == position.id }) { k = again.tokenRange.upperBound }
                // `juru bicara Google`, `Juru bicara Muhamad, Sukri`: a title serving another names whom it serves (`Juru
                // Bicara KPK`); a name right after it alone may be the principal's.
                let servesNoOne = k == position.tokenRange.upperBound && isServing(s, position)
                if !servesNoOne, let name = nameRun(s, from: k), isBoundary(s, name.upperBound), !isEnumeration(s, name) {
                    add(Official(name: personName(s, name), title: title(s, phrase, keeping: position.tokenRange), positionID: position.id,
                                 orgID: organization(s, phrase, position: position), span: s.tokens[phrase.lowerBound].span.lowerBound..<s.tokens[name.upperBound - 1].span.upperBound,
                                 sentence: si, nameTokens: name, phraseTokens: phrase.lowerBound..<name.upperBound, former: former))
                    used.append(phrase.lowerBound..<name.upperBound)
                    continue
                }
                // NAME, [mantan] POSITION (apposition): the position runs to the next punctuation.
                let open = phrase.lowerBound - (former ? 1 : 0)
                if open >= 2, s.tokens[open - 1].text == ",",
                   let name = nameRunBackward(s, endingAt: open - 1), !used.contains(where: { $0.overlaps(name) }) {
                    var end = phrase.upperBound
                    while end < s.tokens.count, isCapitalised(s.tokens[end]) || s.entity(at: end) != nil { end = s.entity(at: end)?.tokenRange.upperBound ?? end + 1 }
                    let phrase = phrase.lowerBound..<end
                    add(Official(name: personName(s, name), title: title(s, phrase, keeping: position.tokenRange), positionID: position.id,
                                 orgID: organization(s, phrase, position: position), span: s.tokens[name.lowerBound].span.lowerBound..<s.tokens[phrase.upperBound - 1].span.upperBound,
                                 sentence: si, nameTokens: name, phraseTokens: name.lowerBound..<phrase.upperBound, former: former))
                    used.append(name.lowerBound..<phrase.upperBound)
                }
            }
        }
        findLegislators()
        resolvePositionsWithoutNames()
        resolveShortForms()
    }

    /// `ujar Premi`, `Iqbal menyampaikan`: a later short form of a name is the person named in full in the document, when unique.
    private mutating func resolveShortForms() {
        // Only a word of an official's name, or a one-word name people.tsv gives the official (`Jokowi`), can stand for one
        // (see fullName(for:)). (Behind a WordFilter: every token of the document is asked about.)
        let nicknames = officials.flatMap { resources.gazetteer.person(named: $0.name)?.aliases.filter { !$0.contains(" ") } ?? [] }
        let nameWords = WordSet(Set(officials.flatMap { $0.name.split(separator: " ").map(String.init) } + nicknames))
        guard !nameWords.words.isEmpty else { return }
        for (si, s) in analyzed.enumerated() {
            for (i, t) in s.tokens.enumerated() where nameWords.contains(t.text) && isNameToken(s, i) {
                if officials.contains(where: { $0.sentence == si && $0.nameTokens.contains(i) }) { continue }
                // A full name written again is its own run; only single words stand for a person here.
                if i + 1 < s.tokens.count, isNameToken(s, i + 1) { continue }
                if i > 0, isNameToken(s, i - 1) { continue }
                guard let full = fullName(for: t.text), full != t.text else { continue }
                facts.mentions.append(EntityMention(id: personID(full), kind: "person", name: full,
                                                    surface: t.text, span: [t.span.lowerBound, t.span.upperBound]))
            }
        }
    }

    /// `DPD RI Dapil DKI Jakarta Happy Djarot`, `Anggota Komisi E DPRD DKI Jakarta, Budi`: a member of a legislature,
    /// named after the body (and its electoral district) without a position word.
    private mutating func findLegislators() {
        for (si, s) in analyzed.enumerated() {
            for org in s.entities where org.kind == .organization && resources.gazetteer.entry(org.id)?.type == "legislatif" {
                if officials.contains(where: { $0.sentence == si && $0.phraseTokens.overlaps(org.tokenRange) }) { continue }
                // `calon wakil ketua DPR Pak Prabowo`: the body of a candidate's title.
                if s.positions.contains(where: { position in
                    let phrase = positionPhrase(s, from: position)
                    return phrase.overlaps(org.tokenRange) && namesNoHolder(s, before: phrase.lowerBound)
                }) { continue }
                var k = org.tokenRange.upperBound
                if k < s.tokens.count, ["dapil", "fraksi", "komisi"].contains(s.tokens[k].normalized) {
                    k += 1
                    while k < s.tokens.count, s.entity(at: k)?.kind == .place || isRoman(s.tokens[k].text) || s.tokens[k].text.count == 1 {
                        k = s.entity(at: k)?.tokenRange.upperBound ?? k + 1
                    }
                }
                if k < s.tokens.count, s.tokens[k].text == "," {
                    // `disahkan oleh DPR, Wiranto mengatakan`: a clause ends at the comma after a body a lowercase word
                    // introduces.
                    if org.tokenRange.lowerBound > 0, !isCapitalised(s.tokens[org.tokenRange.lowerBound - 1]) { continue }
                    k += 1
                }
                guard let name = nameRun(s, from: k), isBoundary(s, name.upperBound) else { continue }
                let span = s.tokens[org.tokenRange.lowerBound].span.lowerBound..<s.tokens[name.upperBound - 1].span.upperBound
                add(Official(name: personName(s, name), title: text(s, org.tokenRange), positionID: nil, orgID: org.id, span: span,
                             sentence: si, nameTokens: name, phraseTokens: org.tokenRange.lowerBound..<name.upperBound))
            }
        }
    }

    private mutating func add(_ found: Official) {
        var official = found
        // `Presiden Jokowi`: a name people.tsv gives a person is that person's, under the person's own name.
        if let person = resources.gazetteer.person(named: official.name) { official.name = person.name }
        officials.append(official)
        facts.extraction.officials.append(OfficialFact(
            name: official.name, title: official.title, org: official.orgID.flatMap { name(of: $0) },
            entity: personID(official.name), surface: slice(official.span),
            span: [official.span.lowerBound, official.span.upperBound], positionID: official.positionID, orgID: official.orgID,
            former: official.former ? true : nil))
        facts.mentions.append(EntityMention(id: personID(official.name), kind: "person", name: official.name,
                                            surface: slice(official.span), span: [official.span.lowerBound, official.span.upperBound]))
    }

    /// `Kepala Dinas Sosial menegaskan…`: a position without a name is the person named with it in the document, when unique.
    /// A former holder stands for no later mention of the office, and `mantan Gubernur` for no holder.
    private mutating func resolvePositionsWithoutNames() {
        for (si, s) in analyzed.enumerated() {
            for position in s.positions where !officials.contains(where: { $0.sentence == si && $0.phraseTokens.overlaps(position.tokenRange) }) {
                let phrase = positionPhrase(s, from: position)
                if isFormer(s, before: phrase.lowerBound) || namesNoHolder(s, before: phrase.lowerBound) || isElect(s, phrase) { continue }
                let org = organization(s, phrase, position: position)
                // Without an organization the title tells the offices apart (`Gubernur Jawa Barat`, `Gubernur Jawa Tengah`),
                // as the knowledge base tells them (`Gazetteer.officeKey`: `Menhub` is the office of `Menteri Perhubungan`).
                let office = org == nil ? resources.gazetteer.officeKey(positionID: position.id, title: title(s, phrase, keeping: position.tokenRange), orgID: nil) : nil
                let holders = Set(officials.filter {
                    !$0.former && $0.positionID == position.id && $0.orgID == org
                        && (office == nil || resources.gazetteer.officeKey(positionID: position.id, title: $0.title, orgID: nil) == office)
                }.map(\.name))
                guard holders.count == 1, let holder = holders.first else { continue }
                let span = s.tokens[phrase.lowerBound].span.lowerBound..<s.tokens[phrase.upperBound - 1].span.upperBound
                facts.mentions.append(EntityMention(id: personID(holder), kind: "person", name: holder,
                                                    surface: slice(span), span: [span.lowerBound, span.upperBound]))
            }
        }
    }

    /// The position with the organization and region words that follow it: `Kepala` `Dinas Sosial DKI Jakarta`.
    func positionPhrase(_ s: AnalyzedSentence, from position: EntityMatch) -> Range<Int> {
        var start = position.tokenRange.lowerBound
        if start > 0, rules.actingPrefixes.contains(s.tokens[start - 1].normalized) { start -= 1 }
        var end = position.tokenRange.upperBound
        // `Staf Khusus Menteri Sosial Febri Hendri`: a title serving another names the principal's title, part of its own,
        // after the serving title's short form if given (`Staf Khusus (Stafsus) Presiden`).
        if isServing(s, position) {
            var next = end
            if next < s.tokens.count, s.tokens[next].text == "(", let close = s.tokens[next...].firstIndex(where: { $0.text == ")" }),
               close - next <= 3 {
                next = close + 1
            }
            if next < s.tokens.count, s.positions.contains(where: { $0.tokenRange.lowerBound == next }) {
                return start..<principalEnd(s, from: next, byNameToo: false)
            }
        }
        // After a province or city (`Gubernur Jawa Tengah Ganjar Pranowo`) the name follows, not more office words.
        var afterRegion = false
        var afterEntity = false
        while end < s.tokens.count {
            let t = s.tokens[end]
            if let e = s.entity(at: end), e.kind == .organization || e.kind == .place || e.kind == .program {
                end = max(end + 1, e.tokenRange.upperBound)
                afterEntity = true
                continue
            }
            // `Gubernur DKI Jakarta Jenderal Marinir Ali Sadikin`: after the office's organization or place a rank opens the
            // name, though `Jenderal` continues a title elsewhere (`Sekretaris Jenderal`).
            if afterEntity, rules.honorifics.contains(t.normalized) { break }
            // `Kapolri Jenderal Tito Karnavian`, `Panglima TNI Marsekal Hadi`: a rank before a name opens it, though the
            // same word continues a title before an office's words (`Sekretaris Jenderal Kementerian Sosial`).
            if rules.ranks.contains(t.normalized) {
                var next = end + 1
                while next < s.tokens.count, isHonorific(s.tokens[next]) { next += 1 }  // `Jenderal Polisi Tito`, `Marsekal TNI Hadi`
                if next < s.tokens.count, isNameToken(s, next), !isOfficeWord(s.tokens[next]) { break }
            }
            // `Menteri Luar Negeri, Mohammad Javad Zarif`: field words continue the title even where no name follows.
            // `Ketua Komisi II`, `Ketua KPK Jilid I`: a number in Roman numerals after a title word numbers the body;
            // `Presiden Republik Indonesia Ke-7`: an ordinal numbers the holder.
            if rules.titleWords.contains(t.normalized) || rules.fieldWords.contains(t.normalized)
                || (isRoman(t.text) && rules.titleWords.contains(s.tokens[end - 1].normalized)) || isOrdinal(t) {
                end += 1
                continue
            }
            if var region = regionEnd(s, at: end) {
                while region < s.tokens.count, rules.regionSuffixes.contains(s.tokens[region].normalized) { region += 1 }
                end = region
                afterRegion = true
                continue
            }
            // `Menteri PUPR Basuki Hadimuljono`, `Ketua Umum PDIP Megawati`: an acronym the gazetteer does not know names the
            // office's field or body (a rank in capitals, `AKBP`, or initials, `BJ`, open the name; `PT` is words.tsv's).
            if !afterRegion, isAcronym(t), !rules.honorifics.contains(t.normalized), !rules.notNames.contains(t.normalized), !isInitials(s, end) {
                end += 1
                continue
            }
            // `Sekretaris Pribadi BJ Habibie, Rubijanto`: the name after `pribadi` is the principal's, part of the title.
            if rules.principalIntros.contains(t.normalized) {
                end = principalEnd(s, from: end + 1, byNameToo: true)
                break
            }
            // `Direktur Utama PT MRT Jakarta William Sabandar`: a company's name runs to the place or word that closes it.
            if rules.companyForms.contains(t.normalized), let close = companyEnd(s, from: end + 1) {
                end = close
                break
            }
            // `Pangdam Jaya Mayjen TNI Eko Margiyono`: a rank opens the name, so capitalised words between the title and a
            // rank name the office's unit.
            if let rank = rankAfterUnit(s, from: end) {
                end = rank
                break
            }
            // `Menteri Kelautan dan Perikanan Susi …`: long words of the language name an office, not a person,
            // when a capitalised word (the name) still follows them.
            var run = end
            while !afterRegion, run < s.tokens.count {
                if isOfficeWord(s.tokens[run]) { run += 1; continue }
                if s.tokens[run].normalized == "dan", run + 1 < s.tokens.count, isOfficeWord(s.tokens[run + 1]) { run += 2; continue }
                break
            }
            // After a field word the office words continue the field (`Kepala Pusat Data Informasi`) whatever follows.
            let afterField = rules.fieldWords.contains(s.tokens[end - 1].normalized)
            if run > end, afterField || (run < s.tokens.count && isCapitalised(s.tokens[run]) && !isOfficeWord(s.tokens[run])) {
                end = run
                continue
            }
            // `(Pusdatin Kesos)` right after the organization belongs to it.
            if t.text == "(", let close = s.tokens[end...].firstIndex(where: { $0.text == ")" }), close - end <= 4 {
                end = close + 1
                continue
            }
            break
        }
        return start..<end
    }

    /// Whether a position is a title serving another official (`Staf Khusus`, `Juru Bicara`: words.tsv's `principal_intro`).
    private func isServing(_ s: AnalyzedSentence, _ position: EntityMatch) -> Bool {
        rules.principalIntros.contains(ScalarText.lowercased(text(s, position.tokenRange)))
    }

    /// Where the principal named from `start` ends: a title, with a name when another name follows a comma (`Asisten
    /// Pribadi Menpora Imam Nahrawi, Miftahul Ulum`), else the title alone (`Asisten Pribadi Menpora Miftahul Ulum`); or,
    /// when `byNameToo`, a name alone (`Sekretaris Pribadi BJ Habibie`).
    private func principalEnd(_ s: AnalyzedSentence, from start: Int, byNameToo: Bool) -> Int {
        if let title = s.positions.first(where: { $0.tokenRange.lowerBound == start }) {
            let end = positionPhrase(s, from: title).upperBound
            if let principal = nameRun(s, from: end) {
                // `juru bicara Presiden Jokowi banyak …`: a person people.tsv knows is the principal, never the servant.
                if resources.gazetteer.person(named: personName(s, principal)) != nil { return principal.upperBound }
                if principal.upperBound + 1 < s.tokens.count, s.tokens[principal.upperBound].text == ",",
                   nameRun(s, from: principal.upperBound + 1) != nil {
                    return principal.upperBound
                }
            }
            return end
        }
        if byNameToo, let principal = nameRun(s, from: start) { return principal.upperBound }
        return start
    }

    /// Whether a word making the holder a former one (`mantan`, `eks`: words.tsv's `former_prefix`) stands right before
    /// the position phrase that starts at `start`.
    func isFormer(_ s: AnalyzedSentence, before start: Int) -> Bool {
        start > 0 && rules.formerPrefixes.contains(s.tokens[start - 1].normalized)
    }

    /// Whether a word making the title no one's office stands right before the position phrase that starts at `start`:
    /// a candidate's (`calon`: words.tsv's `candidate_prefix`) or many holders' (`para`: its `plural_prefix`).
    func namesNoHolder(_ s: AnalyzedSentence, before start: Int) -> Bool {
        start > 0 && rules.noHolderPrefixes.contains(s.tokens[start - 1].normalized)
    }

    /// Whether a word making the person named the holder elect (`terpilih`: words.tsv's `elect_word`) is in the position
    /// phrase or right after it (`Wakil Presiden Terpilih Ma'ruf Amin`, `Ketua KPK terpilih, Irjen Firli`).
    func isElect(_ s: AnalyzedSentence, _ phrase: Range<Int>) -> Bool {
        s.tokens[phrase.lowerBound..<min(phrase.upperBound + 1, s.tokens.count)].contains { rules.electWords.contains($0.normalized) }
    }

    /// `istri Gubernur Jawa Barat, Ibu Atalia`: whether a relative's or an aide's word (words.tsv's `relative_prefix`)
    /// stands right before the position phrase that starts at `start`, the relative not named before it, so that a name
    /// set off by a comma after the title is the relative's. One right after the title is the holder's (`istri Wali Kota
    /// Bandung Oded M Danial`), and so is one after a comma when the relative is named first (`Thareq Kemal, putra
    /// presiden ke-3 RI, Bacharuddin Jusuf Habibie`).
    func namesRelative(_ s: AnalyzedSentence, before start: Int) -> Bool {
        guard start > 0, rules.relativePrefixes.contains(s.tokens[start - 1].normalized) else { return false }
        // (`Thareq Kemal ,, putra …`: the news corpus's text doubles a comma where it lost a link.)
        var comma = start - 2
        while comma > 0, s.tokens[comma].text == ",", s.tokens[comma - 1].text == "," { comma -= 1 }
        return !(comma >= 1 && s.tokens[comma].text == "," && nameRunBackward(s, endingAt: comma) != nil)
    }

    /// The position as written, without trailing region words (they are the organization's).
    func title(_ s: AnalyzedSentence, _ phrase: Range<Int>, keeping position: Range<Int>? = nil) -> String {
        // A company's name is kept whole, its place included (`Direktur Utama PT MRT Jakarta`).
        if s.tokens[phrase].contains(where: { rules.companyForms.contains($0.normalized) }) { return text(s, phrase) }
        var end = phrase.upperBound
        // Jakarta's regions are gazetteer places; these words introduce them (`Kota Administrasi …`).
        let regionWords: Set<String> = ["provinsi", "prov.", "kota", "administrasi", "kabupaten", "kab."]
        while end > phrase.lowerBound + 1 {
            let t = s.tokens[end - 1]
            if t.text == ")" , let open = s.tokens[phrase.lowerBound..<end].lastIndex(where: { $0.text == "(" }) {
                end = open
                continue
            }
            // Keep `Wali Kota`, `Kepala Pusat`: the position's own words stay.
            if let position, position.contains(end - 1) { break }
            if let regionStart = trailingRegion(s, endingAt: end, notBefore: max(phrase.lowerBound + 1, position?.upperBound ?? 0)) {
                end = regionStart
                continue
            }
            if regionWords.contains(t.normalized) {
                end -= 1
                continue
            }
            break
        }
        return text(s, phrase.lowerBound..<end)
    }

    /// Where a Jakarta region named at the end of `..<end` starts (`DKI Jakarta`, `Jakarta Pusat`), even inside an organization's name.
    func trailingRegion(_ s: AnalyzedSentence, endingAt end: Int, notBefore limit: Int) -> Int? {
        for length in stride(from: 4, through: 1, by: -1) where end - length >= limit {
            let words = s.tokens[(end - length)..<end]
            guard words.allSatisfy({ $0.kind == .word }) else { continue }
            let name = words.map(\.text).joined(separator: " ")
            if resources.lookup(name, caseSensitive: true).contains(where: { $0.kind == .place && ["provinsi", "kota", "kabupaten"].contains($0.type) }) {
                return end - length
            }
        }
        return nil
    }

    /// The organization of a position phrase: a gazetteer organization inside it, else one implied by the position and a region.
    /// A position of a province or city outside Jakarta (`Gubernur Jawa Barat`, `Kepala Dinas Sosial Kabupaten Bogor`) is of
    /// none of the Jakarta government's offices, and only a bare `Gubernur`, `Wakil Gubernur` or `Sekda` (or one of DKI
    /// Jakarta) is Jakarta's: `Gubernur Bank Indonesia` is not. In a document about somewhere outside Jakarta a bare
    /// one is not Jakarta's either (`Gubernur Sahbirin Noor` after `Gubernur Kalimantan Selatan Sahbirin Noor`).
    func organization(_ s: AnalyzedSentence, _ phrase: Range<Int>, position: EntityMatch) -> String? {
        guard let org = namedOrImpliedOrganization(s, phrase, position: position) else { return nil }
        let elsewhere = namesRegionOutsideJakarta(s, phrase) || aboutElsewhere && !namesJakarta(s, phrase)
        return elsewhere && isJakartaOrganization(org) ? nil : org
    }

    /// Whether `phrase` names Jakarta: a place of Jakarta or an organization named with one (`Gubernur DKI Jakarta`).
    func namesJakarta(_ s: AnalyzedSentence, _ phrase: Range<Int>) -> Bool {
        s.entities.contains { e in
            e.tokenRange.overlaps(phrase) && (e.kind == .place ? resources.jakarta.places.contains(e.id) : e.kind == .organization && namesJakarta(e, s.tokens))
        }
    }

    /// Whether an organization is Jakarta's (`JakartaEntries.organizations`).
    func isJakartaOrganization(_ id: String) -> Bool {
        resources.jakarta.organizations.contains(id)
    }

    private func namedOrImpliedOrganization(_ s: AnalyzedSentence, _ phrase: Range<Int>, position: EntityMatch) -> String? {
        let inside = s.entities.filter { $0.tokenRange.overlaps(phrase) }
        let places = inside.filter { $0.kind == .place }.map(\.id)
        let phraseText = ScalarText.lowercased(text(s, phrase))
        let entry = resources.gazetteer.entry(position.id)
        // Sudin/Suku Dinas + a kota: that kota's Suku Dinas.
        let implied = entry?.impliedOrg.map(ScalarText.lowercased) ?? ""
        func has(_ text: String, _ needle: StaticString) -> Bool { ScalarText.contains(text, needle) }
        if has(phraseText, "suku dinas") || has(phraseText, "sudin") || has(implied, "suku dinas") {
            let social = has(phraseText, "sosial")
            for place in places {
                if let org = resources.gazetteer.organizations.first(where: { $0.type == "suku-dinas" && $0.isIn(place: place, resources.gazetteer) && (has(ScalarText.lowercased($0.name), "sosial") == social || has(implied, "sosial")) }) {
                    return org.id
                }
            }
        }
        if let org = inside.first(where: { $0.kind == .organization }) { return org.id }
        let name = entry?.name.lowercased() ?? ""
        if name.hasPrefix("wali kota") || name.hasPrefix("wakil wali kota") || name.hasPrefix("bupati") || name.hasPrefix("wakil bupati") {
            for place in places {
                if let org = resources.gazetteer.organizations.first(where: { $0.type == "pemda" && $0.isIn(place: place, resources.gazetteer) }) {
                    return org.id
                }
            }
        }
        // `Kapolres Jakarta Utara`: a head (`Ka-`) of a body (`Polres`) of a Jakarta city heads that city's body.
        if name.hasPrefix("ka"), !name.contains(" ") {
            let body = name.dropFirst(2)
            for place in places {
                if let org = resources.gazetteer.organizations.first(where: { $0.isIn(place: place, resources.gazetteer) && $0.name.lowercased().split(separator: " ").first == body }) {
                    return org.id
                }
            }
        }
        if name.hasPrefix("gubernur") || name.hasPrefix("wakil gubernur") || name.hasPrefix("sekretaris daerah") {
            // Only a bare title (or one of DKI Jakarta: the title drops Jakarta's regions) is Jakarta's.
            let qualified = title(s, phrase, keeping: position.tokenRange) != text(s, phrase.lowerBound..<position.tokenRange.upperBound)
            return qualified ? nil : resources.jakarta.government
        }
        // Written as a name, an alias or an acronym (`Polri`, matched with its case); not another country's office
        // (`Jaksa Agung Israel`, `Menteri Sosial Malaysia`).
        if let written = entry?.impliedOrg, !written.isEmpty, !namesForeignCountry(s, phrase) {
            return (resources.lookup(implied, caseSensitive: false).first ?? resources.lookup(written, caseSensitive: true).first)?.id
        }
        return nil
    }

    /// Whether a province, city or country outside Jakarta (words.tsv, role `region`) is named in `phrase`, outside the
    /// organizations it names (`Palang Merah Indonesia Provinsi DKI Jakarta` names no other region).
    /// Whether a country other than Indonesia is named in `phrase` (`Israel`, `Amerika Serikat`).
    func namesForeignCountry(_ s: AnalyzedSentence, _ phrase: Range<Int>) -> Bool {
        phrase.contains { i in
            s.tokens[i].kind == .word && Gazetteer.longestPhrase(s.tokens[i..<phrase.upperBound].lazy.map(\.normalized)) {
                rules.foreignCountries.contains($0)
            } != nil
        }
    }

    func namesRegionOutsideJakarta(_ s: AnalyzedSentence, _ phrase: Range<Int>) -> Bool {
        let organizations = s.entities.filter { $0.kind == .organization && $0.tokenRange.overlaps(phrase) }.map(\.tokenRange)
        return phrase.contains { i in
            !organizations.contains { $0.contains(i) } && (regionEnd(s, at: i).map { $0 <= phrase.upperBound } ?? false)
        }
    }

    // MARK: - Names

    /// A capitalised run that is no known entity or title word: `Premi Lasari`, `M. Ridwan`, `Raden Sunu Probo`.
    func nameRun(_ s: AnalyzedSentence, from start: Int) -> Range<Int>? {
        var i = start
        // Honorifics before the name are not part of it, nor is a retired rank's `(Purn)`.
        while i < s.tokens.count {
            if isHonorific(s.tokens[i]) {
                i += 1
            } else if s.tokens[i].text == "(", i + 2 < s.tokens.count, isHonorific(s.tokens[i + 1]), s.tokens[i + 2].text == ")" {
                i += 3
            } else {
                break
            }
        }
        let nameStart = i
        if isInitials(s, i) { i += 1 }
        while i < s.tokens.count, i - nameStart < 5, isNameToken(s, i) { i += 1 }
        // `Bacharuddin Jusuf (BJ) Habibie`: the initials of the words before, in brackets, inside the name.
        if i > nameStart, i + 3 < s.tokens.count, s.tokens[i].text == "(", s.tokens[i + 2].text == ")", isNameToken(s, i + 3),
           s.tokens[i + 1].text == String(s.tokens[nameStart..<i].compactMap(\.text.first)).uppercased() {
            i += 3
            while i < s.tokens.count, i - nameStart < 8, isNameToken(s, i) { i += 1 }
        }
        guard i > nameStart, !namesField(s, nameStart..<i), !isLoneLetter(s, nameStart..<i) else { return nil }
        return nameStart..<i
    }

    /// `Anggota Komisi I`, `Pangdam I`, `Wakil Ketua Komisi V`: one letter alone is a number, no name (it starts one in
    /// `I Ketut Diarmita`).
    func isLoneLetter(_ s: AnalyzedSentence, _ run: Range<Int>) -> Bool {
        run.count == 1 && s.tokens[run.lowerBound].text.count == 1
    }

    /// `Menteri Pertanian`, `Kepala Bidang Pembinaan`, `Ketahanan Pangan`: long words of the language, one of them a noun
    /// derived from a root with `-an` (`pertanian` from `tani`), name a field, not a person. Root words stay possible
    /// names (`Firdaus`, `Makmur`), and so do other derived forms, where the stemmer errs on names (`Natalis Tabuni`).
    func namesField(_ s: AnalyzedSentence, _ run: Range<Int>) -> Bool {
        let words = s.tokens[run]
        return words.allSatisfy(isOfficeWord) && words.contains { $0.normalized.hasSuffix("an") && $0.stem != $0.normalized }
    }

    func nameRunBackward(_ s: AnalyzedSentence, endingAt end: Int) -> Range<Int>? {
        var i = end
        // Degrees after a name: `Premi Lasari, S.Sos., M.Si.,`
        while i > 0, isNameToken(s, i - 1) { i -= 1; if end - i >= 5 { break } }
        // `Pak Sandiaga Uno, Wakil Gubernur`: honorifics before the name are not part of it.
        while i < end, isHonorific(s.tokens[i]) { i += 1 }
        guard i < end, !namesField(s, i..<end), !isLoneLetter(s, i..<end), !namesOutlet(s, i..<end) else { return nil }
        // One capitalised word opening a sentence (`Sementara, Kepala Dinas …`) is no name.
        if i == 0, end - i == 1 { return nil }
        // `Danau Toba, Gubernur Sumatera Utara`: the rest of a place's name.
        if i > 0, rules.placeWords.contains(s.tokens[i - 1].normalized) { return nil }
        return i..<end
    }

    /// `Dari data yang dihimpun Tempo, wakil gubernur …` in a release of tempo.co: the document's outlet names no one.
    func namesOutlet(_ s: AnalyzedSentence, _ run: Range<Int>) -> Bool {
        guard run.count == 1, let outlet = document.outlet?.lowercased() else { return false }
        let host = outlet.hasPrefix("www.") ? outlet.dropFirst(4) : Substring(outlet)
        return s.tokens[run.lowerBound].normalized == host.prefix { $0 != "." }
    }

    func isNameToken(_ s: AnalyzedSentence, _ i: Int) -> Bool {
        let t = s.tokens[i]
        guard t.kind == .word || (t.kind == .abbreviation && (t.text.count == 2 || Tokenizer.isDottedInitials(t.text.unicodeScalars)))
        else { return false }
        guard let first = t.text.unicodeScalars.first, first.properties.isUppercase else { return false }
        if isAcronym(t) { return false }  // DKI, RI, TKSK
        if s.entity(at: i) != nil || s.positions.contains(where: { $0.tokenRange.contains(i) }) { return false }
        if rules.titleWords.contains(t.normalized) || rules.notNames.contains(t.normalized) || rules.fieldWords.contains(t.normalized)
            || rules.placeWords.contains(t.normalized) || rules.speechVerbs.contains(t.stem) { return false }
        if isInRegion(s, i) { return false }
        if IndonesianCalendar.weekday(named: t.text) != nil || IndonesianCalendar.month(named: t.text) != nil { return false }
        return true
    }

    /// `BJ` in `Presiden BJ Habibie`: two capitals before a name are its initials, unless a title word (`RI`) or one that
    /// names no one (`PT`).
    func isInitials(_ s: AnalyzedSentence, _ i: Int) -> Bool {
        guard i < s.tokens.count else { return false }
        let t = s.tokens[i]
        return t.text.utf8.count == 2 && isAcronym(t) && !rules.titleWords.contains(t.normalized) && !rules.honorifics.contains(t.normalized)
            && !rules.notNames.contains(t.normalized) && !isRoman(t.text)
            && i + 1 < s.tokens.count && isNameToken(s, i + 1)
    }

    /// Where a rank starts after one to three capitalised words from `start` (`Jaya` in `Pangdam Jaya Mayjen`, `I Bukit
    /// Barisan` in `Pangdam I Bukit Barisan Mayjen`, `Ciranjang` in `Kapolsek Ciranjang Kompol Kuslin`), or nil; before a
    /// comma that a rank follows, where the comma is.
    func rankAfterUnit(_ s: AnalyzedSentence, from start: Int) -> Int? {
        // Not a rank that also continues a title (`Direktorat Jenderal Imigrasi`).
        func isRank(_ k: Int) -> Bool {
            k < s.tokens.count && rules.ranks.contains(s.tokens[k].normalized) && !rules.titleWords.contains(s.tokens[k].normalized)
        }
        var k = start
        while k < s.tokens.count, k - start <= 3 {
            let t = s.tokens[k]
            // `Pangdam XVII Cenderawasih, Mayjen TNI Herman Asaribab`: the phrase ends at the comma.
            if k > start, isRank(k) || (t.text == "," && isRank(k + 1)) { return k }
            guard t.kind == .word, isCapitalised(t), !isHonorific(t) else { return nil }
            k += 1
        }
        return nil
    }

    /// Where a company's name that starts at `start` ends: after the first place, region or closing word (`Tbk`,
    /// `Persero`, `Indonesia`: words.tsv's `company_close`) among its next eight tokens, the first excepted (`Transportasi
    /// Jakarta`, `Toyota Astra Motor Indonesia`, `Bank Rakyat Indonesia (Persero) Tbk`), or nil.
    func companyEnd(_ s: AnalyzedSentence, from start: Int) -> Int? {
        var k = start
        var closed: Int?
        while k < s.tokens.count, k - start < 8 {
            let t = s.tokens[k]
            if t.text == "(", k + 2 < s.tokens.count, rules.companyCloses.contains(s.tokens[k + 1].normalized), s.tokens[k + 2].text == ")" {
                closed = k + 3
                k += 3
                continue
            }
            guard isCapitalised(t) || isAcronym(t) else { break }
            // A place opening the name closes nothing (`PT Jakarta Propertindo`).
            if k == start {
                k = s.entity(at: k)?.tokenRange.upperBound ?? regionEnd(s, at: k) ?? k + 1
                continue
            }
            if let e = s.entity(at: k), e.kind == .place {
                closed = e.tokenRange.upperBound
                k = e.tokenRange.upperBound
            } else if let region = regionEnd(s, at: k) {
                closed = region
                k = region
            } else if rules.companyCloses.contains(t.normalized) {
                closed = k + 1
                k += 1
            } else if closed != nil {
                break
            } else {
                k += 1
            }
        }
        return closed
    }

    /// `Ke-7`, `ke-29`: an ordinal in digits.
    func isOrdinal(_ t: Token) -> Bool {
        t.kind == .word && t.normalized.hasPrefix("ke-") && t.normalized.utf8.count > 3
            && t.normalized.utf8.dropFirst(3).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A word in capitals (`DKI`, `PUPR`, `TKSK`): no name.
    func isAcronym(_ t: Token) -> Bool {
        t.kind == .word && t.text.count > 1 && t.text == t.text.uppercased()
    }

    /// `Bidang Politik, Hukum, dan Keamanan`: one known word followed by `, X` or `dan X` continues a list of fields, not a name.
    func isEnumeration(_ s: AnalyzedSentence, _ name: Range<Int>) -> Bool {
        guard name.count == 1, resources.analyzer.isKnownWord(s.tokens[name.lowerBound].normalized) else { return false }
        var k = name.upperBound
        if k < s.tokens.count, s.tokens[k].text == "," { k += 1 }
        if k < s.tokens.count, s.tokens[k].normalized == "dan" { k += 1 }
        return k > name.upperBound && k < s.tokens.count && isCapitalised(s.tokens[k])
    }

    /// Whether token `i` is part of a province, city or country's name (`Barat` in `anggota DPRD Bandung, Jawa Barat`).
    func isInRegion(_ s: AnalyzedSentence, _ i: Int) -> Bool {
        (max(0, i - 2)...i).contains { start in regionEnd(s, at: start).map { $0 > i } ?? false }
    }

    /// The end of a province or city name (`Sumatera Utara`, `Malang`, or one the document introduced: `Magetan`) starting
    /// at `i`, or nil.
    func regionEnd(_ s: AnalyzedSentence, at i: Int) -> Int? {
        // Asked of nearly every capitalised word: most start no region, and are answered without building phrases.
        guard i < s.tokens.count, s.tokens[i].kind == .word,
              rules.regionFirstWords.contains(s.tokens[i].normalized) || documentRegions.contains(s.tokens[i].normalized) else { return nil }
        let words = s.tokens[i...].prefix(while: { $0.kind == .word }).lazy.map(\.normalized)
        return Gazetteer.longestPhrase(words) { rules.regions.contains($0) || documentRegions.contains($0) }.map { i + $0 }
    }

    /// A capitalised word of six letters or more that the lexicon knows (`Kelautan`, `Pariwisata`), or a field word of
    /// words.tsv (`Agama`): a common noun naming an office. Other shorter words stay possible names (`Premi`, `Salam`, `Rani`).
    func isOfficeWord(_ t: Token) -> Bool {
        guard t.kind == .word, t.text.unicodeScalars.first?.properties.isUppercase ?? false else { return false }
        if rules.fieldWords.contains(t.normalized) { return true }
        return t.text.count >= 6 && !t.text.contains("-") && !rules.nameWords.contains(t.normalized)
            && (resources.analyzer.isKnownWord(t.normalized) || (t.stem != t.normalized && resources.analyzer.isKnownWord(t.stem)))
    }

    func isHonorific(_ t: Token) -> Bool {
        rules.honorifics.contains(t.normalized) || resources.analyzer.tokenizer.abbreviations.kind(of: t.text) == .honorific
    }

    /// A name ends at punctuation, a connector, a lowercase word or the sentence end.
    func isBoundary(_ s: AnalyzedSentence, _ i: Int) -> Bool {
        guard i < s.tokens.count else { return true }
        let t = s.tokens[i]
        if t.kind == .punctuation { return true }
        if t.kind == .abbreviation, resources.analyzer.tokenizer.abbreviations.kind(of: t.text) == .degree { return true }
        guard let first = t.text.unicodeScalars.first else { return true }
        return !first.properties.isUppercase
    }

    /// The name a run of tokens spells, without initials in brackets inside it (`Bacharuddin Jusuf (BJ) Habibie`).
    func personName(_ s: AnalyzedSentence, _ r: Range<Int>) -> String {
        var words: [String] = []
        var k = r.lowerBound
        while k < r.upperBound {
            if s.tokens[k].text == "(", k + 2 < r.upperBound, s.tokens[k + 2].text == ")" { k += 3; continue }
            words.append(s.tokens[k].text)
            k += 1
        }
        return words.joined(separator: " ")
    }

    func text(_ s: AnalyzedSentence, _ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        return slice(s.tokens[r.lowerBound].span.lowerBound..<s.tokens[r.upperBound - 1].span.upperBound)
    }

    /// A person's id: people.tsv's for a person it knows by that name, else made from the name.
    func personID(_ name: String) -> String {
        resources.gazetteer.person(named: name)?.id ?? "person:" + AcronymLearner.slug(name)
    }

    /// The full name a short form (`Premi`, `Iqbal`, or a name people.tsv gives an official, `Jokowi`) stands for in this
    /// document, when unique.
    func fullName(for short: String) -> String? {
        if let person = resources.gazetteer.person(named: short), officials.contains(where: { $0.name == person.name }) { return person.name }
        let candidates = Set(officials.map(\.name).filter { name in
            name == short || name.split(separator: " ").contains { String($0) == short }
        })
        return candidates.count == 1 ? candidates.first : nil
    }
}

extension GazetteerEntry {
    /// Whether an organization is the one of a region: its name ends with the region's name (`… Jakarta Pusat`).
    func isIn(place: String, _ gazetteer: Gazetteer) -> Bool {
        guard let region = gazetteer.entry(place), region.type == "kota" || region.type == "kabupaten" else { return false }
        return name.hasSuffix(region.name)
    }
}
