import Foundation
import Hummingbird

/// Rendered bodies of the listing routes (`/`, the digests) by ETag, so requests for data that has
/// not changed cost one aggregate query and a copy, not a rendering.
///
/// The ETag is derived from the data before rendering (``WebRoutes/validator(_:route:options:)``),
/// so it is a sound key: a new story, a changed copy or a poll's fetch gives a new tag. Requests
/// that arrive while a tag is being rendered wait for that one rendering (renders run detached, off
/// this actor, so different pages render at once). Bounded: the last ``capacity`` tags, and a body
/// over ``maxBodyBytes`` is served but not kept.
actor RenderCache {
    static let capacity = 16
    static let maxBodyBytes = 1 << 20

    private var entries: [String: Task<ByteBuffer, any Error>] = [:]
    private var order: [String] = []

    /// The body for `tag`: from the cache, from a rendering already under way, or from `render`.
    func body(for tag: String, render: @escaping @Sendable () async throws -> ByteBuffer) async throws -> ByteBuffer {
        if let running = entries[tag] { return try await running.value }
        let task = Task.detached { try await render() }
        entries[tag] = task
        order.append(tag)
        if order.count > Self.capacity { entries[order.removeFirst()] = nil }
        do {
            let body = try await task.value
            if body.readableBytes > Self.maxBodyBytes { forget(tag) }
            return body
        } catch {
            forget(tag)
            throw error
        }
    }

    private func forget(_ tag: String) {
        entries[tag] = nil
        order.removeAll { $0 == tag }
    }
}
