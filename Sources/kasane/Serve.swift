import ArgumentParser
import Hummingbird
import KasaneServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "サービスを起動します。")

    @OptionGroup var database: DatabaseOption
    @Option(help: "待ち受けるアドレス") var host = "127.0.0.1"
    @Option(help: "待ち受けるポート") var port = 8080

    func run() async throws {
        try await reportingErrors {
            let db = try database.open()
            let app = buildApplication(database: db, options: ServiceOptions(host: host, port: port))
            try await app.runService()
        }
    }
}
