import ArgumentParser
import Foundation
import KasaneCore
import KasaneServer
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "サービスを起動します。")

    @OptionGroup var database: DatabaseOption
    @OptionGroup var agendas: AgendasOption
    @Option(help: "待ち受けるアドレス") var host = "127.0.0.1"
    @Option(help: "待ち受けるポート") var port = 8080
    @Option(help: "招待メール（iMIP）を書き出すフォルダ") var outbox = "outbox"
    @Option(help: "メールを渡す sendmail（例: /usr/sbin/sendmail）。省略時はフォルダに書き出すだけ") var sendmail: String?
    @Option(name: .customLong("mail-from"), help: "招待メールの差出人") var mailFrom = "kasane@localhost"
    @Option(name: .customLong("log-level"), help: "ログの詳しさ（trace, debug, info, notice, warning, error, critical）") var logLevel = "info"

    func run() async throws {
        try await reportingErrors {
            guard let level = Logger.Level(rawValue: logLevel) else {
                throw KasaneError.invalid(field: "log-level", message: "--log-level は trace, debug, info, notice, warning, error, critical のどれかです（\(logLevel)）。")
            }
            let db = try database.open()
            var options = ServiceOptions(host: host, port: port, logLevel: level, outbox: outbox, sendmail: sendmail, mailFrom: mailFrom)
            options.templates = agendas.load()
            options.agendasFolder = agendas.folder.map { URL(fileURLWithPath: $0) }
            try await serve(database: db, options: options)
        }
    }
}
