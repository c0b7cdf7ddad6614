import Foundation

/// A person who reads with Syndic: their name, secrets (as hashes only) and reading settings.
///
/// Every database has one **default user** (named `default`, made by migration `v12-reader-users`):
/// the single-user command line acts as this user unless `--user NAME` says otherwise, and it follows
/// every feed (its subscriptions are the feed table itself, titles and tags as `feeds edit` sets
/// them). Other users follow the feeds they subscribe to, each with their own title and tags; a feed
/// several users follow is still one feed, fetched once, its entries and stories shared.
public struct User: Sendable, Equatable {
    public var id: Int64
    /// Unique; lowercase letters, digits, `.`, `_`, `-` and `@` (see ``isValidName(_:)``).
    public var name: String
    /// Whether this is the database's default user.
    public var isDefault: Bool
    public var createdAt: Date
    /// The stored password hash (`$scrypt$…`, made by the Credentials module); nil: the user cannot log in.
    /// Never print it.
    public var passwordHash: String?
    /// The Fever API key (md5 of `name:api-password`, as that protocol defines); nil: no Fever access.
    public var feverKey: String?
    /// When a read story becomes unread again because a copy brought much more text.
    public var reopen: ReopenRule

    public init(id: Int64, name: String, isDefault: Bool = false, createdAt: Date, passwordHash: String? = nil,
                feverKey: String? = nil, reopen: ReopenRule = .standard) {
        self.id = id; self.name = name; self.isDefault = isDefault; self.createdAt = createdAt
        self.passwordHash = passwordHash; self.feverKey = feverKey; self.reopen = reopen
    }

    /// The name the migration gives the default user.
    public static let defaultName = "default"

    /// Whether `name` can name a user: 1 to 64 characters among `a-z 0-9 . _ - @`, starting with a
    /// letter or digit (so it is safe in URLs, logs and the Fever key's `name:password`).
    public static func isValidName(_ name: String) -> Bool {
        guard (1...64).contains(name.utf8.count), let first = name.utf8.first,
              (97...122).contains(first) || (48...57).contains(first) else { return false }
        return name.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || [46, 95, 45, 64].contains($0) }
    }
}

/// When a story a user has read becomes unread again: a copy that arrives (or grows) after the
/// reading, and whose text is **substantially longer** than the longest copy there was when the user
/// read it. "Substantially" means both at least ``addedWords`` more words and at least
/// ``growthPercent`` percent more words than that longest copy: a corrected typo, a new byline or a
/// re-syndicated copy with a different footer never reopens a story; a developing story whose new
/// copy adds several paragraphs does.
///
/// The default is 150 words and 50 % (a short wire story of 300 words reopens for a copy of 450 or
/// more; a 1,000-word piece for one of 1,500 or more). Set per user (`syndic users edit NAME
/// --reopen-words N --reopen-growth P`, or `--reopen never`).
public struct ReopenRule: Sendable, Equatable {
    /// Words a later copy must add at least; nil: read stories never reopen.
    public var addedWords: Int?
    /// Percent of the read length a later copy must add at least.
    public var growthPercent: Int

    public init(addedWords: Int?, growthPercent: Int) {
        self.addedWords = addedWords; self.growthPercent = growthPercent
    }

    /// 150 words and 50 %.
    public static let standard = ReopenRule(addedWords: 150, growthPercent: 50)
    /// Read stays read.
    public static let never = ReopenRule(addedWords: nil, growthPercent: 50)

    /// Whether a copy of `words` words reopens a story read when its longest copy had `readWords`.
    public func reopens(readWords: Int, copyWords: Int) -> Bool {
        guard let addedWords else { return false }
        return copyWords >= readWords + addedWords && copyWords * 100 >= readWords * (100 + growthPercent)
    }
}
