import Storage
import SyndicCore

/// `--tag X` of `stories` and `digest`: the stories with a copy from a feed tagged X.
enum TagFilter {
    /// The feeds tagged `tag`, for ``StoryQuery/feedIDs`` (nil without a tag). A tag that no feed
    /// carries is an error naming the tags in use: an empty listing would hide a typo.
    static func feedIDs(_ tag: String?, in db: any SyndicStore) async throws -> [Int64]? {
        guard let tag else { return nil }
        let ids = try await db.feedIDs(tagged: tag)
        if ids.isEmpty { throw Failure.unknownTag(tag, inUse: try await db.tagsInUse()) }
        return ids
    }

    enum Failure: UserFacingError {
        case unknownTag(String, inUse: [String])

        var exitCode: SyndicExitCode { .noInput }
        var description: String {
            switch self {
            case .unknownTag(let tag, let inUse) where inUse.isEmpty:
                return "no feed is tagged \"\(tag)\" (no feed has a tag yet); tag one with `syndic feeds edit ID --tag \(tag)`"
            case .unknownTag(let tag, let inUse):
                return "no feed is tagged \"\(tag)\"; tags in use: \(inUse.joined(separator: ", ")) (see `syndic feeds list`)"
            }
        }
    }
}
