import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import NIOCore

/// The one way a request body is read: bounded in size by its kind (the city's
/// `InputLimits`), and in time, so that no client can make the service hold a body
/// larger than allowed or wait for one forever.
enum RequestBody {
    enum Kind {
        case json, calendar, upload

        func limit(_ limits: InputLimits) -> Int {
            switch self {
            case .json: limits.jsonBytes
            case .calendar: limits.calendarBytes
            case .upload: limits.uploadBytes
            }
        }

        var name: String {
            switch self {
            case .json: "JSON"
            case .calendar: "iCalendar"
            case .upload: "ファイル"
            }
        }
    }

    /// Reads the whole body: 413 when it is larger than its limit (as announced by
    /// Content-Length, or as it arrives), 408 when it does not arrive in time.
    static func read(_ request: Request, kind: Kind, limits: InputLimits) async throws -> ByteBuffer {
        let limit = kind.limit(limits)
        let tooLarge = APIError(
            status: .contentTooLarge,
            message: "送信された\(kind.name)が大きすぎます（上限 \(sizeText(limit))）。分けて送るか、管理者に上限の変更を依頼してください。")
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge }
        let body = request.body
        return try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask {
                do {
                    return try await body.collect(upTo: limit)
                } catch is NIOTooManyBytesError {
                    throw tooLarge
                }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(limits.bodySeconds))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else {
                throw APIError(
                    status: .requestTimeout, message: "送信に時間がかかりすぎたため打ち切りました（\(limits.bodySeconds)秒）。もう一度送ってください。")
            }
            return buffer
        }
    }

    static func sizeText(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) MB" : "\(bytes / 1024) KB"
    }
}
