import CICUShim

/// The world's countries as ICU names them in a language: the part of the region vocabulary no gazetteer file has
/// to list (`Presiden Zimbabwe`, `Perdana Menteri Selandia Baru`).
public enum ICUCountries {
    /// The name of every ISO 3166 country in `locale`'s language (`id`: `Korea Selatan`, `Tiongkok`), in ICU's order.
    public static func names(locale: String) -> [String] {
        var names: [String] = []
        var buffer = [CChar](repeating: 0, count: 512)
        var error: Int32 = 0
        for index in Int32(0)... {
            let length = buffer.withUnsafeMutableBufferPointer { kb_icu_country_name(index, locale, $0.baseAddress, 512, &error) }
            // A name that does not fit (none is near 512 bytes) is left out rather than cut.
            if length < 0 { continue }
            if length == 0 { break }
            names.append(String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return names
    }
}
