import Storage
import Testing

@Suite("Field limits")
struct FieldLimitsTests {
    @Test("a field within its cap is kept; a longer one is cut to at most the cap, on a character boundary")
    func cutsOnCharacterBoundaries() {
        #expect(FieldLimits.cut("short", maxBytes: 10) == nil)
        #expect(FieldLimits.cut("abcdef", maxBytes: 4) == "abcd")
        // "é" is two bytes: a cut at 3 bytes keeps "aé" (3 bytes), at 2 keeps "a".
        #expect(FieldLimits.cut("aéé", maxBytes: 3) == "aé")
        #expect(FieldLimits.cut("aéé", maxBytes: 2) == "a")
        // A flag is one character of 8 bytes: never split.
        #expect(FieldLimits.cut("x🇫🇷y", maxBytes: 5) == "x")
        #expect(FieldLimits.cut("x🇫🇷y", maxBytes: 9) == "x🇫🇷")
    }

    @Test("an HTML field is never left ending inside a tag")
    func htmlCutBeforeTag() {
        #expect(FieldLimits.cut("<p>one</p><a href=\"x\">two</a>", maxBytes: 16, isHTML: true) == "<p>one</p>")
        #expect(FieldLimits.cut("<p>one</p><a href=\"x\">two</a>", maxBytes: 16) == "<p>one</p><a hre")
        #expect(FieldLimits.cut("<p>one two three</p>", maxBytes: 10, isHTML: true) == "<p>one two")
    }

    @Test("capped records the field it cut, and only that one")
    func cappedRecords() {
        var cuts: [EntryField] = []
        #expect(FieldLimits.capped("fits", maxBytes: 10, field: .title, cuts: &cuts) == "fits")
        #expect(FieldLimits.capped(nil, maxBytes: 10, field: .author, cuts: &cuts) == nil)
        #expect(FieldLimits.capped("much too long", maxBytes: 4, field: .summary, cuts: &cuts) == "much")
        #expect(cuts == [.summary])
        #expect(EntryField.parse(EntryField.stored([.title, .content])) == [.title, .content])
        #expect(EntryField.stored([]) == nil && EntryField.parse(nil) == [] && EntryField.parse("title,future") == [.title])
    }
}
