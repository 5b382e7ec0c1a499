import ArgumentParser
import Foundation
import KasaneCore
import KasaneApp
import KasaneSQLite

struct DistrictCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "district", abstract: "地区（日常生活圏域）を管理します。", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "地区を登録します。")
        @OptionGroup var database: DatabaseOption
        @Option(help: "地区コード（半角英数字）") var code: String
        @Option(help: "地区名") var name: String

        func run() async throws {
            try await reportingErrors {
                let d = try await database.open().addDistrict(District(code: code, name: name), by: .localOperator)
                print("地区 \(d.code)（\(d.name)）を登録しました。")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "地区の一覧を表示します。")
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await reportingErrors {
                for d in try await database.open().districts() { print("\(d.code)\t\(d.name)") }
            }
        }
    }
}

struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "職員のAPIトークンとサインイン用のリンクを管理します。",
        subcommands: [Token.self, Tokens.self, RevokeToken.self, Invite.self])

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "パスワードを設定する1回限りのリンクを発行し、本人のアドレスあての通知として送信フォルダに書き、表示します。")
        @OptionGroup var database: DatabaseOption
        @Option(help: "職員のメールアドレス") var email: String
        @Option(help: "通知メールを書き出すフォルダ") var outbox = "outbox"

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let link = try await db.issueSignInLink(email: email, by: .localOperator)
                print(link.url)
                _ = try await Postman(database: db, outbox: URL(fileURLWithPath: outbox)).flush()
                FileHandle.standardError.write(Data("\(link.email) に送信フォルダ（\(outbox)）経由で知らせました。期限: \(link.expiresAt)\n".utf8))
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "職員にAPIトークンを発行します。トークンはこの一度だけ表示され、保存されるのはハッシュだけです。")
        @OptionGroup var database: DatabaseOption
        @Option(help: "職員のメールアドレス") var email: String
        @Option(help: "用途（例: 業務端末）") var label = "API"

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let staff = try await db.staff(email: email)
                let (token, record) = try await db.issueToken(staffId: staff.id!, label: label, by: .localOperator)
                print(token)
                FileHandle.standardError.write(Data("トークン ID \(record.id!) を職員 ID \(staff.id!) に発行しました。\n".utf8))
            }
        }
    }

    struct Tokens: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "発行済みトークンの一覧（トークン自体は表示されません）。")
        @OptionGroup var database: DatabaseOption
        @Option(help: "この職員のものだけ") var email: String?

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let staffId = try await email.asyncMap { try await db.staff(email: $0).id! }
                for t in try await db.tokens(staffId: staffId) {
                    let state = t.revokedAt.map { "失効 \($0.formatted(.iso8601))" } ?? "有効"
                    print("\(t.id!)\t職員 \(t.staffId)\t\(t.label)\t\(state)")
                }
            }
        }
    }

    struct RevokeToken: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke-token", abstract: "トークンを失効させます。")
        @OptionGroup var database: DatabaseOption
        @Option(help: "トークン ID") var id: Int64

        func run() async throws {
            try await reportingErrors {
                try await database.open().revokeToken(id: id, by: .localOperator)
                print("トークン \(id) を失効させました。")
            }
        }
    }
}

extension Optional {
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
