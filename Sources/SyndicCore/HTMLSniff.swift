/// Whether a title that should be plain text will be read as HTML by feed readers.
///
/// feedparser's `lookslikehtml()`, simplified, as Syndic's feed parser applies it to RSS titles and as
/// the RSS digest must anticipate it: a closing tag (`</`) or a character reference (`&` closed by `;`
/// before a space or `<`). One definition, so what Syndic writes and what it reads back cannot drift.
public enum HTMLSniff {
    public static func looksLikeHTML(_ text: String) -> Bool {
        var sawAmp = false
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == 0x3C, byte == 0x2F { return true }       // "</"
            if byte == 0x26 { sawAmp = true }
            if sawAmp, byte == 0x3B { return true }                  // "&...;"
            if byte == 0x20 || byte == 0x3C { sawAmp = false }
            previous = byte
        }
        return false
    }
}
