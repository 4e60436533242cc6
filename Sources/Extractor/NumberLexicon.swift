/// Indonesian number and money vocabulary, in one place because these are constants of the language, not configuration.
enum NumberLexicon {
    /// Digit words; `nol` is zero.
    static let units: [String: Int] = [
        "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4,
        "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
    ]
    /// Zero that in running text almost always means "empty"; read as a number only when it is the whole input.
    static let zeroWhenAlone = "kosong"
    /// Words for 10 and 11 that take no multiplier.
    static let tens: [String: Int] = ["sepuluh": 10, "sebelas": 11]
    /// Fractions that stand alone or add to a whole (`satu setengah` = 1.5).
    static let fractions: [String: Double] = ["setengah": 0.5, "seperempat": 0.25, "sepertiga": 1.0 / 3.0]
    /// Half added to a whole (`satu setengah` = 1.5, `dua setengah juta` = 2 500 000).
    static let half = "setengah"
    static let hundred = "ratus"
    static let oneHundred = "seratus"
    static let teen = "belas"
    static let ten = "puluh"
    static let decimalPoint = "koma"

    /// Scale words after a number, as powers of ten (`849 ribu`, `1,79 juta`, `Rp100rb`).
    static let scales: [String: Int] = [
        "ribu": 3, "rb": 3, "juta": 6, "jt": 6,
        "miliar": 9, "milyar": 9, "triliun": 12, "trilyun": 12,
    ]
    /// Scale words that carry their own "one" (`seribu` = 1 000).
    static let unitScales: [String: Int] = ["seribu": 3, "sejuta": 6, "semiliar": 9, "semilyar": 9, "setriliun": 12]
    /// Scale letters that mean miliar/triliun only after a currency (press usage: `Rp5 M`), written in capitals.
    static let moneyScaleLetters: [String: Int] = ["M": 9, "T": 12]
    /// Thousands letter glued to digits (`100K`).
    static let thousandsLetters: Set<String> = ["K", "k"]

    /// Scale words with `-an` after digits: about that amount (`Rp 1,4 jutaan`).
    static let roughScales: [String: Int] = ["ribuan": 3, "jutaan": 6, "miliaran": 9, "milyaran": 9, "triliunan": 12]
    /// Qualifier given to a rough scale when no other is written.
    static let roughQualifier = "sekitar"

    /// Order-of-magnitude words with no exact value.
    static let vague: Set<String> = [
        "belasan", "puluhan", "ratusan", "ribuan", "jutaan", "miliaran", "milyaran", "triliunan",
    ]

    /// Ordinal words that are not `ke` + number.
    static let ordinalWords: [String: Int] = ["pertama": 1]
    static let ordinalPrefix = "ke"
    /// Verbs of change before `ke 4` that make `ke` the preposition "to" (`naik ke 707`, `turun ke 800 meter`).
    static let towardVerbs: Set<String> = [
        "naik", "turun", "menurun", "meningkat", "melonjak", "melemah", "menguat", "anjlok", "merosot", "jatuh",
        "bertambah", "berkurang", "menyusut", "membengkak", "terkoreksi", "terapresiasi", "terdepresiasi",
        "didistribusikan", "disalurkan", "dikirim", "dikirimkan", "diberikan", "dibagikan", "pindah",
        "dipindahkan", "diturunkan", "dinaikkan", "direvisi", "dipangkas", "ditambah", "bergeser", "mundur", "maju",
    ]
    /// Words after which a capital Roman numeral is a rank (`Temu Karya XII`, `Abad XXI`).
    static let romanContexts: Set<[String]> = [
        ["temu", "karya"], ["kongres"], ["munas"], ["muktamar"], ["rakernas"], ["rakornas"], ["rakerda"],
        ["musda"], ["muswil"], ["musnas"], ["mukernas"], ["konferensi"], ["jilid"], ["angkatan"], ["abad"],
        ["pelita"], ["repelita"], ["kodam"], ["dunia"],
    ]

    /// Words that make the following number negative.
    static let negativeWords: Set<String> = ["minus", "negatif"]
    /// Symbols that make the digits glued after them negative.
    static let minusSigns: Set<Unicode.Scalar> = ["-", "\u{2212}"]
    /// Symbols after which a glued minus sign still starts a number (`(-5)`).
    static let openingSymbols: Set<Unicode.Scalar> = ["(", "[", "\"", "'", "\u{201C}", "\u{2018}"]
    /// Symbols and words that end a number in a percentage.
    static let percentSymbol: Unicode.Scalar = "%"
    static let percentWords: Set<String> = ["persen", "prosen"]

    /// Bounds and approximations written before an amount, as word sequences (hyphenated words are one word).
    static let qualifiers: [[String]] = [
        ["lebih", "dari"], ["lebih", "daripada"], ["kurang", "dari"], ["kurang", "daripada"],
        ["di", "atas"], ["di", "bawah"], ["tidak", "sampai"], ["tak", "sampai"],
        ["tidak", "lebih", "dari"], ["tak", "lebih", "dari"], ["tidak", "kurang", "dari"], ["tak", "kurang", "dari"],
        ["melebihi"], ["melewati"], ["lebih", "murah", "dari"], ["lebih", "mahal", "dari"],
        ["sekitar"], ["kira-kira"], ["kurang", "lebih"], ["lebih", "kurang"], ["hampir"], ["nyaris"], ["mendekati"],
        ["mencapai"], ["sebanyak"], ["sebesar"], ["senilai"], ["rata-rata"],
        ["hingga"], ["sampai"], ["sampai", "dengan"],
        ["setidaknya"], ["sedikitnya"], ["paling", "sedikit"], ["sekurang-kurangnya"], ["minimal"], ["minimum"],
        ["maksimal"], ["maksimum"], ["paling", "banyak"], ["sebanyak-banyaknya"], ["setinggi-tingginya"],
    ]
    /// Qualifier phrases by first word, longest first, so `lebih dari` wins over nothing and `tidak lebih dari` over `tidak sampai`.
    static let qualifiersByFirstWord: [String: [[String]]] = {
        var table: [String: [[String]]] = [:]
        for phrase in qualifiers {
            guard let first = phrase.first else { continue }
            table[first, default: []].append(phrase)
        }
        return table.mapValues { $0.sorted { $0.count > $1.count } }
    }()
    /// What each qualifier says about the true amount.
    static let bounds: [String: NumberBound] = [
        "lebih dari": .above, "lebih daripada": .above, "di atas": .above, "melebihi": .above, "melewati": .above,
        "lebih mahal dari": .above,
        "kurang dari": .below, "kurang daripada": .below, "di bawah": .below, "tidak sampai": .below,
        "tak sampai": .below, "lebih murah dari": .below,
        "setidaknya": .atLeast, "sedikitnya": .atLeast, "paling sedikit": .atLeast, "sekurang-kurangnya": .atLeast,
        "minimal": .atLeast, "minimum": .atLeast, "tidak kurang dari": .atLeast, "tak kurang dari": .atLeast,
        "maksimal": .atMost, "maksimum": .atMost, "paling banyak": .atMost, "sebanyak-banyaknya": .atMost,
        "setinggi-tingginya": .atMost, "hingga": .atMost, "sampai": .atMost, "sampai dengan": .atMost,
        "tidak lebih dari": .atMost, "tak lebih dari": .atMost,
        "sekitar": .approximate, "kira-kira": .approximate, "kurang lebih": .approximate,
        "lebih kurang": .approximate, "hampir": .approximate, "nyaris": .approximate, "mendekati": .approximate,
        "sebanyak": .exact, "sebesar": .exact, "senilai": .exact, "mencapai": .exact, "rata-rata": .exact,
    ]

    /// Words that open a range and belong to it (`antara 10 hingga 20`, `dari Rp1.000 sampai Rp10.000`).
    static let rangeOpeners: Set<String> = ["antara", "dari"]
    /// Words joining the two ends of a range; `dan` only after `antara`.
    static let rangeWords: Set<String> = ["sampai", "hingga", "sd"]
    static let rangeDashes: Set<Unicode.Scalar> = ["-", "\u{2013}", "\u{2012}"]

    /// Currency codes and words written before an amount.
    static let currencyPrefixWords: [String: String] = ["rp": "IDR", "idr": "IDR", "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY"]
    /// Currency symbols, before or after an amount.
    static let currencySymbols: [Unicode.Scalar: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"]
    /// Currency words and codes written after an amount (`500 ribu rupiah`, `20 euros`).
    static let currencySuffixWords: [String: String] = [
        "rupiah": "IDR", "rp": "IDR", "idr": "IDR",
        "dolar": "USD", "dollar": "USD", "usd": "USD",
        "euro": "EUR", "euros": "EUR", "eur": "EUR",
        "pound": "GBP", "pounds": "GBP", "poundsterling": "GBP", "gbp": "GBP",
        "yen": "JPY", "jpy": "JPY",
    ]
    /// Words after `dolar` that keep it the US dollar (`dolar AS`, `dolar Amerika Serikat`).
    static let usDollarCountries: Set<String> = ["as", "amerika"]
    /// Words after `dolar` that make it another dollar (`dolar Singapura`), which has no code here.
    static let otherDollarCountries: Set<String> = [
        "singapura", "australia", "hong", "hongkong", "kanada", "selandia", "taiwan", "brunei", "fiji",
    ]
    /// Currencies this recognizer has no code for; their amounts are dropped rather than reported as plain numbers.
    static let otherCurrencies: Set<String> = [
        "ringgit", "yuan", "renminbi", "won", "riyal", "rial", "real", "rupee", "rupe", "baht", "peso", "dirham",
        "franc", "frank", "lira", "rubel", "dinar", "dong", "sgd", "aud", "myr", "cny", "rmb", "hkd", "sar", "krw",
        "inr", "thb", "php", "chf", "cad", "nzd", "rm", "aed", "twd", "vnd",
    ]

    /// Words before `per`-units (`per bulan`, `setiap bulan`, `tiap orang`).
    static let perWords: Set<String> = ["per", "setiap", "tiap"]
    /// One-word periods that mean "per period" after money (`Rp1 juta sebulan`).
    static let perPeriods: [String: String] = [
        "sehari": "hari", "seminggu": "minggu", "sepekan": "pekan", "sebulan": "bulan", "setahun": "tahun",
    ]

    /// Words after `per` that make it "as of" rather than a rate (`per Agustus 2019`, `per akhir tahun`).
    static let asOfWords: Set<String> = [
        "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
        "november", "desember", "jan", "feb", "mar", "apr", "jun", "jul", "agu", "agt", "ags", "sep", "sept",
        "okt", "nov", "des", "akhir", "awal", "pertengahan", "tanggal", "tgl", "kemarin", "saat",
    ]

    /// Words before a clock time (`pukul 10.00`).
    static let timeWords: Set<String> = ["pukul", "pkl", "pk", "jam"]
    /// Time zones after a clock time (`08.00 WIB`).
    static let timeZones: Set<String> = ["wib", "wita", "wit", "utc", "gmt"]

    /// Unit spellings that may be glued to digits without making them an identifier (`10kg`, `5km`); case matters (`5G` is a name).
    static let gluedUnits: Set<String> = [
        "kg", "g", "gr", "mg", "ons", "km", "m", "cm", "mm", "ha", "l", "lt", "ml", "kl", "cc", "ton",
        "kW", "KW", "kw", "kWh", "kwh", "MW", "MWh", "GW", "GWh", "Mbps", "mbps", "Gbps", "MB", "GB", "TB",
        "MHz", "GHz", "x", "X", "h", "jam", "menit", "detik", "hari", "bulan", "tahun", "orang", "unit", "persen",
    ]
    /// Words that hold an amount by themselves (`dua`, `sepuluh`, `setengah`, `seribu`, `ratusan`): every amount
    /// written in words has one; the other words that can begin an amount (qualifiers, `dari`, `minus`, currencies)
    /// come before digits or one of these.
    static let amountWords = WordSet({
        var words = Set(units.keys).union(tens.keys).union(fractions.keys).union(unitScales.keys)
        words.formUnion(vague)
        words.insert(oneHundred)
        words.insert(zeroWhenAlone)
        return words
    }())
    /// Every word that can begin an amount, so the grammar can pass over all other words at the cost of one lookup.
    static let starters = WordSet({
        var words = amountWords.words
        words.formUnion(negativeWords)
        words.formUnion(rangeOpeners)
        words.formUnion(currencyPrefixWords.keys)
        words.formUnion(otherCurrencies)
        words.formUnion(qualifiers.compactMap(\.first))
        return words
    }())
    static let ordinalFilter = WordFilter(ordinalWords.keys)

    /// Words shortly before `2-1` that make it a score, not a range.
    static let scoreWords: Set<String> = [
        "skor", "kalah", "menang", "dikalahkan", "mengalahkan", "takluk", "ditaklukkan", "ditahan", "imbang",
        "hasilnya", "unggul", "tertinggal", "berakhir", "vs", "versus", "agregat", "kemenangan", "kekalahan",
    ]

    /// Suffix after a hyphen that makes a number a decade or rough figure (`1990-an`), left to other stages.
    static let approximateSuffix = "an"
}

/// What a qualifier says about the true amount relative to the written one.
enum NumberBound: Sendable {
    /// The amount itself (`sebanyak 50`): a qualifier that is not a bound.
    case exact
    /// Close to the amount (`sekitar`, `hampir`).
    case approximate
    /// Strictly more (`lebih dari`, `di atas`).
    case above
    /// The amount or more (`setidaknya`, `minimal`).
    case atLeast
    /// Strictly less (`kurang dari`, `di bawah`).
    case below
    /// The amount or less (`hingga`, `maksimal`).
    case atMost

    /// The bound for a qualifier as reported in a mention; vague phrases and unknown words are approximate.
    init(qualifier: String?) {
        guard let qualifier else {
            self = .exact
            return
        }
        self = NumberLexicon.bounds[qualifier] ?? .approximate
    }
}
