import SyndicCore

/// The digest as Syndic's own JSON: `{title, updated, stories: [...]}` with keys in a fixed order.
public enum JSONDigestRenderer {
    public static func render(_ document: DigestDocument) -> String {
        value(document).serialized(pretty: true) + "\n"
    }

    public static func value(_ document: DigestDocument) -> JSONValue {
        .object([
            ("title", .string(document.title)),
            ("updated", .string(InternetDate.rfc3339(document.updated))),
            ("self_url", .string(document.selfURL)),
            ("stories", .array(document.items.map { item($0, id: document.itemID($0)) })),
        ])
    }

    static func item(_ item: DigestItem, id: String) -> JSONValue {
        .object([
            ("id", .int(item.storyID)),
            ("item_id", .string(id)),
            ("headline", .string(item.headline)),
            ("lead", .string(item.lead)),
            ("url", .string(item.link)),
            ("sources", .int(item.sourceCount)),
            ("sites", .array(item.sites.map(JSONValue.string))),
            ("published", .string(InternetDate.rfc3339(item.publishedAt))),
            ("first_seen", .string(InternetDate.rfc3339(item.firstSeenAt))),
            ("last_seen", .string(InternetDate.rfc3339(item.lastSeenAt))),
            ("updated", .string(InternetDate.rfc3339(item.updatedAt))),
            ("entries", .array(item.sources.map { source in
                .object([
                    ("id", .int(source.entryID)),
                    ("feed_id", .int(source.feedID)),
                    ("site", .string(source.site)),
                    ("title", .string(source.title)),
                    ("url", .string(source.url)),
                    ("time", .string(InternetDate.rfc3339(source.time))),
                ])
            })),
        ])
    }
}
