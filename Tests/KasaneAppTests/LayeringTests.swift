import Foundation
import Testing

/// The shape of the code, checked from its sources: the application decides, the storage
/// interface names what it needs, an engine stores, and the command line reaches HTTP only
/// to start the server.
@Suite("Layers")
struct LayeringTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    static func imports(in folder: String) throws -> [String: Set<String>] {
        let dir = sources.appendingPathComponent(folder)
        var result: [String: Set<String>] = [:]
        for case let url as URL in FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)! where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let modules = text.split(separator: "\n").compactMap { line -> String? in
                let words = line.split(separator: " ").map(String.init)
                guard let i = words.firstIndex(of: "import"), i <= 1 else { return nil }
                return words.count > i + 1 ? words[i + 1] : nil
            }
            result[url.lastPathComponent] = Set(modules)
        }
        return result
    }

    @Test("The application and the storage interface import no engine, no HTTP and no server")
    func application() throws {
        let forbidden: Set<String> = ["GRDB", "PostgresNIO", "Hummingbird", "HummingbirdCore", "NIOCore", "KasaneServer", "KasaneSQLite", "KasaneDemo"]
        let app = try Self.imports(in: "KasaneApp"), storage = try Self.imports(in: "KasaneStorage")
        #expect(!app.isEmpty && !storage.isEmpty)
        for (file, modules) in app { #expect(modules.isDisjoint(with: forbidden), "KasaneApp/\(file) imports \(modules.intersection(forbidden))") }
        // The interface knows values and the audit chain's hash (Crypto), nothing of an engine.
        for (file, modules) in storage {
            #expect(modules.isSubset(of: ["Foundation", "Crypto", "KasaneCore"]), "KasaneStorage/\(file) imports \(modules)")
        }
    }

    @Test("An engine stores and decides nothing: the SQLite engine imports neither the application nor the server, and the package does not let it")
    func engine() throws {
        let engine = try Self.imports(in: "KasaneSQLite")
        #expect(!engine.isEmpty)
        for (file, modules) in engine {
            #expect(modules.isDisjoint(with: ["KasaneApp", "KasaneServer", "KasaneDemo", "Hummingbird", "NIOCore"]), "KasaneSQLite/\(file) imports \(modules)")
        }
        let manifest = try String(contentsOf: Self.sources.deletingLastPathComponent().appendingPathComponent("Package.swift"), encoding: .utf8)
        let target = try #require(manifest.range(of: "name: \"KasaneSQLite\",\n"))
        let dependencies = manifest[target.upperBound...].prefix { $0 != "]" }
        #expect(!dependencies.contains("\"KasaneApp\""), "KasaneSQLite depends on KasaneApp in Package.swift")
    }

    @Test("The command line imports no HTTP code; only serve and demo reach the server module, to start it")
    func commandLine() throws {
        for (file, modules) in try Self.imports(in: "kasane") {
            #expect(!modules.contains { $0.hasPrefix("Hummingbird") || $0.hasPrefix("NIO") || $0 == "HTTPTypes" }, "kasane/\(file) imports \(modules)")
            if modules.contains("KasaneServer") { #expect(["Serve.swift", "Demo.swift"].contains(file), "kasane/\(file) imports KasaneServer") }
        }
    }
}
