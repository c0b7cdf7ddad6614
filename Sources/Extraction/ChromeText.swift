/// Recognises page chrome by its words, for blocks that slipped past the class/id vocabulary:
/// share and view counters, "About the author", comment-form boilerplate, "Related posts",
/// newsletter and cookie prompts, "Read more" and previous/next links.
enum ChromeText {
    /// Words that, with numbers, make up share/view/comment counter rows ("Share 0 Tweet 51").
    static let counterWords: Set<String> = [
        "share", "shares", "shared", "tweet", "tweets", "view", "views", "comment", "comments", "like", "likes",
        "pin", "pins", "email", "e-mail", "mail", "print", "reply", "replies", "vote", "votes", "facebook",
        "twitter", "x", "linkedin", "pinterest", "whatsapp", "reddit", "telegram", "tumblr", "flipboard",
        "messenger", "copy", "link", "on", "via", "this", "save", "k", "m", "reads", "read", "min", "minute",
        "minutes", "teilen", "kommentare", "partager", "compartir", "udostępnij", "condividi", "comentarios",
        "kommentar", "twittern", "drucken", "mailen", "drukuj", "pdf", "więcej", "aufrufe", "imprimir",
    ]

    /// Block openings that mark a whole section of chrome: the block and everything after it in the
    /// story container goes ("About the author" and its bio, "Related posts" and their list).
    static let sectionMarkers: [String] = [
        "about author", "about the author", "about the writer", "leave a reply",
        "add a comment", "related posts",
        "related coverage", "related news", "related reading",
        "related:", "you may also like", "you might also like", "you may also be interested", "recommended for you",
        "more from", "more stories", "more on this", "recommended stories", "trending now",
        "post navigation", "share this:", "like this:", "comments", "responses",
        "ähnliche artikel", "mehr zum thema",
        "weitere artikel", "kommentare", "à propos de l'auteur", "articles similaires", "sur le même sujet",
        "commentaires", "artículos relacionados", "te puede interesar", "comentarios", "articoli correlati",
        "commenti", "powiązane artykuły", "komentarze", "czytaj także", "auch interessant", "schon gelesen?",
        "ähnliche themen", "verwandte themen", "ähnliche beiträge",
        "das könnte dich auch interessieren", "mirá también",
        "leia também", "también te puede interesar", "noticias relacionadas",
        "lust auf mehr?", "quellen", "fragen an den autor",
        "meistgelesene artikel",
        "empfehlungen", "unsere empfehlungen", "more news", "latest news",
        "polecamy", "à lire aussi", "lire aussi", "dans la même rubrique", "tags", "schlagwörter",
        "stichworte", "kategorien", "share this article", "diesen artikel teilen",
        "editor's picks", "weitere informationen",
        "das könnte sie auch interessieren", "إضافة تعليق جديد", "more information", "related tags", "related topics", "topics",
        "more on this story", "more on this topic", "read next", "up next", "what to read next",
        "ansprechpartner", "pressekontakt", "press contact", "media contact",
        "media contacts", "more great stories",
    ]

    /// Markers after which nothing is story, however much text follows (a long comment thread).
    static let terminalMarkers: Set<String> = [
        "about author", "about the author", "about the writer", "leave a reply",
        "add a comment", "comments", "responses", "kommentare",
        "commentaires", "comentarios", "commenti", "komentarze",
        "à propos de l'auteur", "fragen an den autor",
    ]

    /// Short-block openings that are chrome on their own.
    static let shortPrefixes: [String] = [
        "read more", "read also", "read next", "continue reading", "previous article", "next article",
        "previous post", "next post", "previous story", "next story", "« previous", "next »", "prev",
        "sign up", "subscribe", "newsletter", "share on", "share via", "follow us",
        "click here", "don't miss", "to read the full story", "we use cookies", "this website uses cookies", "this site uses cookies", "by using this",
        "accept cookies", "advertisement", "advertising", "sponsored", "all rights reserved",
        "copyright", "©", "tags:", "tagged", "filed under", "categories:", "category:", "photo:",
        "photo credit", "image credit", "getty images", "(photo", "(image", "posted in", "skip to", "related:",
        "weiterlesen", "lesen sie auch", "anzeige", "werbung", "zum artikel",
        "lire aussi", "lire la suite", "publicité", "leer más", "publicidad",
        "continua a leggere", "czytaj więcej", "czytaj też", "zobacz też",
        "diesen artikel teilen", "artikel teilen", "sharen mit", "teilen mit", "like it? share it",
        "dieser eintrag wurde veröffentlicht", "dieser beitrag wurde", "der beitrag wurde",
        "eingestellt von", "veröffentlicht am", "zuletzt aktualisiert", "last modified",
        "updated:", "themen:", "quelle:",
        "foto:", "fotos:", "bild:", "bildquelle", "titelbild", "beitragsbild",
        "crédits photo", "if you enjoyed", "follow us", "follow the",
        "never miss", "get regular updates", "besuchen sie unser", "bitte registrieren",
        "zapraszamy", "síguenos", "únete",
        "unterstütze ", "gefällt dir",
        "anzeige -", "get the app", "listen to this", "video:", "audio:",
        "wir respektieren", "abbildung", "grafik:", "karte:",
        "reporting by", "editing by", "writing by", "additional reporting", "(additional reporting",
        "this story was", "ursprünglich veröffentlicht",
        "advert", "sharing is caring",
        "kategorien:", "quellen anzeigen",
    ]

    /// Short-block substrings that mark photo credits and agency picture lines.
    static let creditMarkers: [String] = [
        "afp", "dpa", "reuters", "picture alliance",
        "istock", "ap photo", "keystone", "epa/", "photo:", "foto:", "©",
        "(c) ",
    ]

    /// Words of a line that is only a date or a time ("Nov. 19, 2019", "5:50 PM", "27.01.2022").
    static let dateWords: Set<String> = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
        "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "am", "pm", "a", "p", "m", "uhr", "et", "est", "edt", "pt", "pst", "pdt", "gmt", "utc", "cet", "cest",
        "bst", "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thurs", "fri",
        "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag",
        "freitag", "samstag", "sonntag", "updated", "published", "posted", "on", "at", "um", "am", "de", "del",
        "min", "mins", "read", "ago", "hour", "hours", "minute", "minutes", "às", "le", "à",
    ]

    /// Phrases that are chrome wherever they appear in a block of any length.
    static let anywherePhrases: [String] = [
        "your email address will not be published", "required fields are marked",
        "you must be logged in to post a comment", "save my name, email, and website",
        "this site uses akismet", "notify me of follow-up comments", "notify me of new posts",
        "ihre e-mail-adresse wird nicht veröffentlicht", "votre adresse e-mail ne sera pas publiée",
        "tu dirección de correo electrónico no será publicada", "diese website verwendet akismet",
        "wenn sie diesen blogeintrag kommentieren", "ta strona używa akismet",
    ]

    /// The consent prompt a site puts in place of an embedded post or video, mid-story: the prompt
    /// goes, the story around it stays.
    static let embedConsentPhrases: [String] = [
        "an dieser stelle finden sie einen externen inhalt",
        "an dieser stelle findest du einen externen inhalt",
        "to view this content, you need to accept", "this content is blocked", "um externe inhalte anzuzeigen",
    ]

    private static let anywhereMatcher = WordMatcher(RuleSwitch.enabled("anywherePhrases", anywherePhrases))
    private static let embedConsentMatcher = WordMatcher(RuleSwitch.enabled("embedConsentPhrases", embedConsentPhrases))
    private static let prefixMatcher = WordMatcher(RuleSwitch.enabled("shortPrefixes", shortPrefixes))
    private static let creditMatcher = WordMatcher(RuleSwitch.enabled("creditMarkers", creditMarkers))
    private static let captionMatcher = WordMatcher(RuleSwitch.enabled("captionPhrases", captionPhrases))
    /// Picture credits inside a caption sentence: "… in the 14th century (Image: GETTY)".
    static let captionPhrases: [String] = [
        "(image:", "(photo:", "(picture:", "(foto:", "(bild:", "(image credit",
        "(photograph:", "| getty images", "(getty images)", "(ap photo",
        "© getty", "©reuters", " / reuters", "reuters/", "via getty",
        "/ getty", "(credit", "/afp",
        // Stock and agency credits closing a caption: "(mlharing / iStock.com)", "(Foto: dpa / Imago)".
        "/ istock)", "shutterstock.com)", "/ shutterstock)", "/ adobe stock)", "/ adobestock)",
        "unsplash.com)", "/ unsplash)", "pixabay.com)", "/ pixabay)", "/ dpa)", "/ imago)", "/ picture alliance)",
    ]

    /// Promotion and contact lines that end stories: "Sign up for …", "Follow her on Twitter",
    /// "Reporting by …; Editing by …". Checked only on the last few blocks of a story.
    static let tailPhrases: [String] = [
        "writing by", "sign up for",
        "follow him on", "if you enjoyed this",
        "join nrplus", "newsletter", "is available now", "download the app", "follow us at",
        "abonnieren sie", "suivez-nous", "síguenos",
        "gefällt dir unser", "gefällt ihnen unser", "zapraszamy do",
        // Appeals and sign-ups
        "sign up here", "support our journalism",
        "support independent journalism", "apoya el periodismo",
        "unterstützen sie unabhängigen journalismus", "jetzt unterstützen",
        // Citation lines, disclaimers and where-to-read-more pointers
        "zitiervorschlag", "not intended as medical advice",
        "not a substitute for professional", "findest du hier", "finden sie hier",
        "der beitrag wurde am", "dieser beitrag wurde am", "latest posts by",
        // Short author notes
        "freie autorin", "freier journalist", "freie journalistin", "ist redakteur", "ist redakteurin",
        "redakteur in der", "redakteurin in der", "is a staff writer", "is a contributing",
        "is the founder", "ist gründer", "ist gründerin",
    ]
    private static let tailMatcher = WordMatcher(RuleSwitch.enabled("tailPhrases", tailPhrases))

    /// Whether a block near the end of a story is a promotion or contact line.
    static func isTailPromotion(_ text: String) -> Bool {
        guard text.utf8.count < 300 else { return false }
        var raw = text
        return raw.withUTF8 { tailMatcher.matchesIgnoringASCIICase($0) }
    }

    /// Only numbers, month/day names and time words, with at least one number.
    static func isDateLine(_ lowered: String) -> Bool {
        var sawNumber = false
        var onlyDateWords = true
        forEachWord(in: lowered, hyphens: false) { word in
            if isNumeral(word) { sawNumber = true; return true }
            if dateWords.contains(String(word)) { return true }
            onlyDateWords = false
            return false
        }
        return sawNumber && onlyDateWords
    }

    /// The reason a block is chrome by its text, or nil.
    static func reason(for text: String, isShort: Bool) -> String? {
        var raw = text
        if raw.withUTF8({ anywhereMatcher.matchesIgnoringASCIICase($0) }) { return "comment form text" }
        if text.utf8.count < 400, raw.withUTF8({ embedConsentMatcher.matchesIgnoringASCIICase($0) }) { return "embed consent prompt" }
        if text.utf8.count < 300, raw.withUTF8({ captionMatcher.matchesIgnoringASCIICase($0) }) { return "photo caption" }
        if isShortcode(text) { return "unrendered shortcode" }
        guard isShort else { return nil }
        let lowered = text.lowercased()
        if isCounterRow(lowered) { return "share/view counter" }
        if lowered.utf8.count < 70 {
            if isDateLine(lowered) { return "date line" }
            if creditMatcher.matches(lowered) { return "photo credit" }
        }
        var loweredBytes = lowered
        if let position = loweredBytes.withUTF8({ prefixMatcher.prefix(of: $0) }) {
            return "chrome text \"\(prefixMatcher.word(at: position))\""
        }
        return nil
    }

    /// A WordPress-style shortcode the site failed to render: `[button link="…" type="big"] Send us …[/button]`.
    /// Readers never see the brackets; what is inside is a button or widget, not story text.
    static func isShortcode(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(40))
        guard bytes.count >= 4, bytes[0] == UInt8(ascii: "["), bytes[1] != UInt8(ascii: "/") else { return false }
        var index = 1
        while index < bytes.count, (bytes[index] >= 0x61 && bytes[index] <= 0x7A) || bytes[index] == 0x5F || bytes[index] == 0x2D {
            index += 1
        }
        guard index >= 3, index < bytes.count, bytes[index] == 0x20 else { return false }
        // A name followed by attributes: `[button link=…`.
        return bytes[index...].contains(UInt8(ascii: "=")) && text.contains("]")
    }

    private static let sectionMarkerSet = Set(RuleSwitch.enabled("sectionMarkers", sectionMarkers))
    /// Markers of several words, with a trailing space: a heading may go on after them.
    private static let headingMarkerPrefixes = RuleSwitch.enabled("sectionMarkers", sectionMarkers).filter { $0.contains(" ") }.map { $0 + " " }
    private static let markerTrim = Set(" :.-–—|»›>!?".unicodeScalars)

    /// Whether the block opens a chrome section that runs to the end of the container.
    static func sectionMarker(for text: String, isHeading: Bool = false) -> String? {
        guard text.utf8.count <= 100 else { return nil }
        let lowered = trimmed(text.lowercased())
        if sectionMarkerSet.contains(lowered) { return lowered }
        if sectionMarkerSet.contains(lowered + ":") { return lowered + ":" }
        // Headings may go on: "More from the Los Angeles Times", "Related articles on Brexit".
        if isHeading, let prefix = headingMarkerPrefixes.first(where: { lowered.hasPrefix($0) }) {
            return String(prefix.dropLast()) + " …"
        }
        // "12 Comments", "3 Responses to …"
        guard let first = lowered.unicodeScalars.first, first.properties.numericType != nil else { return nil }
        let words = lowered.split(separator: " ")
        if words.count >= 2, words.count <= 12, isNumeral(words[0]),
           ["comments", "comment", "responses", "kommentare", "commentaires", "comentarios"].contains(String(words[1])) {
            return "comments"
        }
        return nil
    }

    private static func trimmed(_ text: String) -> String {
        var view = Substring(text).unicodeScalars
        while let first = view.first, markerTrim.contains(first) || first.properties.isWhitespace { view.removeFirst() }
        while let last = view.last, markerTrim.contains(last) || last.properties.isWhitespace { view.removeLast() }
        return String(view)
    }

    /// Only digits (of any script).
    static func isNumeral(_ word: Substring) -> Bool {
        word.unicodeScalars.allSatisfy { $0.properties.numericType != nil }
    }

    /// Calls `body` with each word of `text` (letters and numbers, and `-` when `hyphens`), stopping when it
    /// returns false. ASCII is classified by byte; other characters by their Unicode properties.
    static func forEachWord(in text: String, hyphens: Bool, _ body: (Substring) -> Bool) {
        let scalars = text.unicodeScalars
        var start: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let value = scalar.value
            let isWord: Bool
            if value < 0x80 {
                isWord = (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
                    || (hyphens && value == 0x2D)
            } else {
                isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if isWord {
                if start == nil { start = index }
            } else if let begin = start {
                if !body(text[begin..<index]) { return }
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let begin = start { _ = body(text[begin..<text.endIndex]) }
    }

    /// Numbers and counter words only, at least one number or counter word ("0 51", "12 Shares").
    static func isCounterRow(_ lowered: String) -> Bool {
        var sawToken = false
        var allCounters = true
        forEachWord(in: lowered, hyphens: true) { word in
            sawToken = true
            if word.unicodeScalars.allSatisfy({ $0.properties.numericType != nil || $0 == "k" || $0 == "m" }) { return true }
            if counterWords.contains(String(word)) { return true }
            // Glued counters: "0shares", "858shares".
            let letters = word.unicodeScalars.drop(while: { $0.properties.numericType != nil })
            if letters.count < word.unicodeScalars.count, counterWords.contains(String(letters)) { return true }
            allCounters = false
            return false
        }
        return sawToken && allCounters
    }
}

