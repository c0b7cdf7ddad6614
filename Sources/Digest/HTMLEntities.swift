/// Decoding of HTML character references (`&amp;`, `&#8217;`, `&#x2014;`) for plain-text output.
enum HTMLEntities {
    /// The named references that occur in news feeds; others are kept as written.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ",
        "thinsp": " ", "shy": "", "zwnj": "", "zwj": "", "mdash": "—", "ndash": "–", "hellip": "…",
        "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„", "laquo": "«",
        "raquo": "»", "lsaquo": "‹", "rsaquo": "›", "copy": "©", "reg": "®", "trade": "™", "deg": "°",
        "middot": "·", "bull": "•", "para": "¶", "sect": "§", "euro": "€", "pound": "£", "yen": "¥",
        "cent": "¢", "times": "×", "divide": "÷", "plusmn": "±", "frac12": "½", "frac14": "¼",
        "frac34": "¾", "prime": "′", "Prime": "″", "dagger": "†", "Dagger": "‡", "iexcl": "¡",
        "iquest": "¿", "aacute": "á", "Aacute": "Á", "agrave": "à", "acirc": "â", "auml": "ä",
        "Auml": "Ä", "aring": "å", "atilde": "ã", "ccedil": "ç", "Ccedil": "Ç", "eacute": "é",
        "Eacute": "É", "egrave": "è", "ecirc": "ê", "euml": "ë", "iacute": "í", "igrave": "ì",
        "icirc": "î", "iuml": "ï", "ntilde": "ñ", "Ntilde": "Ñ", "oacute": "ó", "Oacute": "Ó",
        "ograve": "ò", "ocirc": "ô", "ouml": "ö", "Ouml": "Ö", "otilde": "õ", "oslash": "ø",
        "uacute": "ú", "ugrave": "ù", "ucirc": "û", "uuml": "ü", "Uuml": "Ü", "szlig": "ß",
        "aelig": "æ", "oelig": "œ", "scaron": "š", "Scaron": "Š", "zcaron": "ž", "Zcaron": "Ž",
    ]

    /// Decodes the reference starting at `start` (which holds `&`); returns the text and the number
    /// of scalars consumed. Anything that is not a complete reference is the literal `&`.
    static func decode(_ s: [Unicode.Scalar], at start: Int) -> (String, Int) {
        var j = start + 1
        var body = ""
        while j < s.count, j - start <= 32, s[j] != ";" {
            let v = s[j].value
            let alnum = (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || v == 35
            guard alnum else { return ("&", 1) }
            body.unicodeScalars.append(s[j]); j += 1
        }
        guard j < s.count, s[j] == ";", !body.isEmpty else { return ("&", 1) }
        let length = j - start + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", length) }
            return (String(Character(scalar)), length)
        }
        if let text = named[body] { return (text, length) }
        return ("&", 1)
    }
}
