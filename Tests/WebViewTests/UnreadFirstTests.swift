import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import TestSupport
@testable import WebView

/// `syndic serve` lists the default user's unread stories first (issue 17).
@Suite("Web view: unread stories first")
struct UnreadFirstTests {
    @Test("with a reader, / puts unread stories before read ones, and reading one changes the ETag")
    func unreadFirst() async throws {
        let world = try await WebViewTests.world()
        let db = world.db
        let user = try await db.defaultUser()
        let bridge = try #require(try await db.stories(StoryQuery()).first { $0.headline.contains("Council") }?.id)
        let app = Application(router: WebServer.router(database: db, clock: { WebViewTests.now },
                                                       reader: ReaderView(user: user)))
        try await app.test(.router) { client in
            var first = ""
            try await client.execute(uri: "/", method: .get) { response in
                let html = String(buffer: response.body)
                let council = html.range(of: "Council approves")?.lowerBound, hostile = html.range(of: "Hostile")?.lowerBound
                #expect(council != nil && hostile != nil && council! < hostile!, "the two-site story first while both are unread")
                first = response.headers[.eTag] ?? ""
            }
            try await db.markStories(userID: user.id, storyIDs: [bridge], read: true, now: WebViewTests.now)
            try await client.execute(uri: "/", method: .get) { response in
                let html = String(buffer: response.body)
                let council = html.range(of: "Council approves")?.lowerBound, hostile = html.range(of: "Hostile")?.lowerBound
                #expect(council != nil && hostile != nil && hostile! < council!, "the read story goes after the unread one")
                #expect(response.headers[.eTag] != first, "a change of read state is a new validator")
            }
        }
    }
}
