import ArgumentParser
import Foundation
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneServer
import KasaneSQLite

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "架空の「みなみ野市」のデモデータを作り、トークンを表示して起動します。",
        discussion: "データベースは毎回作り直します。トークンは demo/tokens.env にも書き出します。")

    @Option(name: .customLong("db"), help: "デモ用データベースのファイル") var path = "demo/kasane-demo.sqlite"
    @Option(help: "待ち受けるアドレス") var host = "127.0.0.1"
    @Option(help: "待ち受けるポート") var port = 8080
    @Flag(help: "データを作ってトークンを表示するだけで、起動しない") var noServe = false

    /// The demo people's password in the browser (demo only: a real city sets each through a link).
    static let demoPassword = "minamino-demo-2026"

    func run() async throws {
        try await reportingErrors {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: path) {
                // Only ever replace an earlier demo database, never some other file.
                _ = try AppDatabase.open(path: path)
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            let db = try AppDatabase.open(path: path)
            let seed = try await db.seedDemo()
            var lines: [String] = []
            for (variable, email, label) in [
                ("KASANE_COORDINATOR", DemoSeed.coordinatorEmail, "多機関協働（相沢）"),
                ("KASANE_SECRETARIAT", DemoSeed.secretariatEmail, "事務局（佐々木）"),
                ("KASANE_MEMBER", DemoSeed.involvedMemberEmail, "構成員・北部地域包括支援センター（北村）"),
                ("KASANE_OUTSIDER", DemoSeed.outsideMemberEmail, "構成員・こども家庭センター（児玉）"),
                ("KASANE_ADMIN", DemoSeed.administratorEmail, "管理者（井上）"),
            ] {
                let staff = try await db.staff(email: email)
                let (token, _) = try await db.issueToken(staffId: staff.id!, label: "demo", by: .localOperator)
                // The same person in the browser: the password set through the link an administrator would send.
                let link = try await db.issueSignInLink(email: email, by: .localOperator)
                try await db.setPassword(linkToken: String(link.url.split(separator: "=").last ?? ""), password: Self.demoPassword)
                print("\(label)\n  サインイン: \(email)\n  export \(variable)=\(token)")
                lines.append("export \(variable)=\(token)")
            }
            lines.append("export KASANE_DEMO_PASSWORD=\(Self.demoPassword)")
            lines.append("export KASANE_8050_CASE=\(seed.eightyFiftyCaseId)")
            let tokensFile = url.deletingLastPathComponent().appendingPathComponent("tokens.env")
            try (lines.joined(separator: "\n") + "\n").write(to: tokensFile, atomically: true, encoding: .utf8)
            print("\nトークンを \(tokensFile.path) に書き出しました（source \(tokensFile.path)）。")
            print("8050世帯の事例: ID \(seed.eightyFiftyCaseId)")
            guard !noServe else { return }
            print("http://\(host):\(port)/ で起動します（Ctrl-C で終了）。ブラウザで開き、上のアドレスとパスワード「\(Self.demoPassword)」でサインインできます。")
            print("事例を扱う人（管理者以外）は、初めてのサインインで二段階認証を設定します: スマートフォンの認証アプリで画面のQRコードを読むか、表示される設定キーを入力してください（例: oathtool --totp -b 設定キー）。")
            let outbox = url.deletingLastPathComponent().appendingPathComponent("outbox").path
            print("招待メール（iMIP）は \(outbox) に書き出します。")
            // The tokens are what a person waits for: out now, also when stdout is a pipe or a file.
            fflush(nil)  // every C output stream, stdout included
            // The demo city's own template folder starts empty (the built-in templates are used) and
            // is where the administrator's template page saves; made afresh like the database.
            let agendas = url.deletingLastPathComponent().appendingPathComponent("kasane-demo-agendas")
            try? FileManager.default.removeItem(at: agendas)
            try FileManager.default.createDirectory(at: agendas, withIntermediateDirectories: true)
            var options = ServiceOptions(host: host, port: port, outbox: outbox, mailFrom: "kasane@minamino.example.jp")
            options.agendasFolder = agendas
            try await serve(database: db, options: options)
        }
    }
}
