import Foundation
import Storage
import Testing

@Suite("Store locations (--db, SYNDIC_DB)")
struct StoreLocationTests {
    @Test("--db wins, then SYNDIC_DB, then XDG_DATA_HOME, then HOME")
    func resolution() throws {
        #expect(try StoreLocation.resolve("/a.sqlite", environment: ["SYNDIC_DB": "/x/y.sqlite"]) == .sqlite(path: "/a.sqlite"))
        #expect(try StoreLocation.resolve(nil, environment: ["SYNDIC_DB": "/x/y.sqlite", "HOME": "/h"]) == .sqlite(path: "/x/y.sqlite"))
        #expect(try StoreLocation.resolve(nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/h"]) == .sqlite(path: "/data/syndic/syndic.sqlite"))
        #expect(try StoreLocation.resolve(nil, environment: ["HOME": "/h"]) == .sqlite(path: "/h/.local/share/syndic/syndic.sqlite"))
        #expect(try StoreLocation.resolve(nil, environment: ["SYNDIC_DB": "", "HOME": "/h"]) == .sqlite(path: "/h/.local/share/syndic/syndic.sqlite"))
    }

    @Test("postgres:// and postgresql:// URLs select PostgreSQL; the password is never shown")
    func postgresURLs() throws {
        let full = try StoreLocation.parse("postgres://syndic:s%40cret@db.internal:6543/news?sslmode=require")
        #expect(full == .postgres(PostgresLocation(user: "syndic", password: "s@cret", host: "db.internal", port: 6543,
                                                   database: "news", tls: .require)))
        #expect(full.description == "postgres://syndic@db.internal:6543/news")
        let short = try StoreLocation.parse("postgresql://ann@localhost/feeds")
        #expect(short == .postgres(PostgresLocation(user: "ann", host: "localhost", port: 5432, database: "feeds", tls: .prefer)))
        let fromEnvironment = try PostgresLocation(url: "postgres:///feeds", environment: ["USER": "bob", "PGPASSWORD": "pw"])
        #expect(fromEnvironment.user == "bob" && fromEnvironment.password == "pw" && fromEnvironment.host == "127.0.0.1")
        #expect(try StoreLocation.resolve(nil, environment: ["SYNDIC_DB": "postgres://u@h:1/d"]).description == "postgres://u@h:1/d")
    }

    @Test("a postgres URL without a database name or with an unknown parameter is a usage error, without its password")
    func badURLs() {
        for (text, reason) in [("postgres://u:topsecret@h:5432", "names no database"),
                               ("postgres://u:topsecret@h/d?sslmode=maybe", "sslmode must be"),
                               ("postgres://u:topsecret@h/d?timeout=3", "unknown URL parameter")] {
            do {
                _ = try StoreLocation.parse(text)
                Issue.record("\(text) was accepted")
            } catch {
                #expect(error.exitCode == .usage)
                #expect(error.description.contains(reason), "\(error.description)")
                #expect(!error.description.contains("topsecret"))
            }
        }
        #expect(throws: StorageError.self) { _ = try StoreLocation.parse("") }
    }
}
