import Testing
@testable import FeedParsing

/// The corpus text rules (compare.py `html_to_text()` / `collapse()`), case by case.
@Suite("HTML to text")
struct HTMLTextTests {
    @Test("block tags become spaces, inline tags vanish")
    func blocksAndInlines() {
        #expect(HTMLText.toText("<p>Hello</p><p>wor<b>ld</b></p>") == "Hello world")
        #expect(HTMLText.toText("a<br>b<br/>c") == "a b c")
    }

    @Test("script, style and template contents are dropped")
    func droppedContents() {
        #expect(HTMLText.toText("x<script>var a = '<p>';</script>y<style>p{}</style>z") == "xyz")
        #expect(HTMLText.toText("a<template><p>hidden</p></template>b") == "ab")
    }

    @Test("entities are decoded, with and without semicolon")
    func entities() {
        #expect(HTMLText.toText("caf&eacute; &amp; &#233;&#x e9; &copy 2024") == "café & é&#x e9; © 2024")
        #expect(HTMLText.toText("&lt;b&gt;not a tag&lt;/b&gt;") == "<b>not a tag</b>")
    }

    @Test("whitespace including NBSP collapses; empty becomes nil")
    func whitespace() {
        #expect(HTMLText.toText("  a \u{A0}\n\t b  ") == "a b")
        #expect(HTMLText.toText("<p> </p>") == nil)
        #expect(HTMLText.collapse(" one\u{2003}two ") == "one two")
        #expect(HTMLText.collapse("already clean") == "already clean")
        #expect(HTMLText.collapse(" \n ") == nil)
    }

    @Test("comments and stray angle brackets")
    func oddMarkup() {
        #expect(HTMLText.toText("a<!-- <p>x</p> -->b") == "ab")
        #expect(HTMLText.toText("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2")
        #expect(HTMLText.toText("<a href=\"x>y\">link</a>") == "link")
    }
}
