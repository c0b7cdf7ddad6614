/// Offsets (in minutes east of UTC) of the zone abbreviations feeds write in RFC 822 dates.
///
/// RFC 822's own names (UT, GMT, EST…PDT, military letters) plus the common European, Asian and
/// Australian abbreviations. Ambiguous abbreviations (IST, BST is taken as British Summer Time) use
/// the most frequent meaning in feeds.
enum TimeZoneNames {
    static func offsetMinutes(_ lowercasedName: String) -> Int? { table[lowercasedName] }

    private static let table: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "uct": 0,
        "adt": -180, "ast": -240, "at": -240,
        "edt": -240, "est": -300, "et": -300,
        "cdt": -300, "cst": -360, "ct": -360,
        "mdt": -360, "mst": -420, "mt": -420,
        "pdt": -420, "pst": -480, "pt": -480,
        "akst": -540, "akdt": -480, "hst": -600, "hdt": -540, "nst": -210, "ndt": -150,
        "bst": 60, "ist": 330, "west": 60, "cet": 60, "met": 60, "mez": 60, "cest": 120, "mest": 120,
        "mesz": 120, "eet": 120, "eest": 180, "msk": 180, "msd": 240,
        "sgt": 480, "hkt": 480, "awst": 480, "wib": 420, "kst": 540, "jst": 540,
        "acst": 570, "acdt": 630, "aest": 600, "aedt": 660, "nzst": 720, "nzdt": 780,
        // Military single letters as RFC 822 defines them (feedparser's subset: A, M, N, Y).
        "a": -60, "n": 60, "m": -720, "y": 720,
    ]
}
