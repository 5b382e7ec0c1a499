import ArgumentParser
import Hummingbird
import KasaneServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "サービスを起動します。")

    @OptionGroup var database: DatabaseOption
    @Option(help: "待ち受けるアドレス") var host = "127.0.0.1"
    @Option(help: "待ち受けるポート") var port = 8080
    @Option(help: "招待メール（iMIP）を書き出すフォルダ") var outbox = "outbox"
    @Option(help: "メールを渡す sendmail（例: /usr/sbin/sendmail）。省略時はフォルダに書き出すだけ") var sendmail: String?
    @Option(name: .customLong("mail-from"), help: "招待メールの差出人") var mailFrom = "kasane@localhost"

    func run() async throws {
        try await reportingErrors {
            let db = try database.open()
            let app = try await buildApplication(database: db, options: ServiceOptions(
                host: host, port: port, outbox: outbox, sendmail: sendmail, mailFrom: mailFrom))
            try await app.runService()
        }
    }
}
