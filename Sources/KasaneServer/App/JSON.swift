import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import Logging
import NIOCore

/// JSON in and out, with errors that name the field.
enum JSON {
    static func encode(_ value: some Encodable) throws -> Data {
        try KasaneJSON.encoder().encode(value)
    }

    /// Reads the request body as `T`. Malformed JSON, a missing or mistyped field,
    /// or an empty body is a 400 that says which field and what is wrong; a body over
    /// the JSON limit is a 413.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: AppRequestContext) async throws -> T {
        let buffer = try await RequestBody.read(request, kind: .json, limits: context.limits)
        guard buffer.readableBytes > 0 else {
            throw KasaneError.invalid(field: nil, message: "JSONの本文がありません。")
        }
        do {
            return try KasaneJSON.decoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw describe(error)
        }
    }

    static func describe(_ error: DecodingError) -> KasaneError {
        func path(_ keys: [any CodingKey]) -> String? {
            let parts = keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
            let joined = parts.joined()
            return joined.isEmpty ? nil : String(joined.drop(while: { $0 == "." }))
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return .invalid(field: field, message: "必須の項目「\(field ?? key.stringValue)」がありません。")
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            return .invalid(field: field, message: "項目「\(field ?? "")」の型が違います（\(typeName(type))が必要です）。")
        case .valueNotFound(let type, let context):
            let field = path(context.codingPath)
            return .invalid(field: field, message: "項目「\(field ?? "")」に値がありません（\(typeName(type))が必要です）。")
        case .dataCorrupted(let context):
            guard let field = path(context.codingPath) else {
                return .invalid(field: nil, message: "JSONとして読めません。形式を確認してください。")
            }
            return .invalid(field: field, message: "項目「\(field)」の値が正しくありません: \(context.debugDescription)")
        @unknown default:
            return .invalid(field: nil, message: "JSONとして読めません。")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "文字列"
        case is Int64.Type, is Int.Type: "整数"
        case is Bool.Type: "true/false"
        case is [Any].Type: "配列"
        default: "\(type)"
        }
    }
}

/// A JSON response with a chosen status.
struct JSONResponse<Value: Encodable & Sendable>: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    let value: Value

    init(_ value: Value, status: HTTPResponse.Status = .ok) {
        self.value = value
        self.status = status
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        // Answers carry case data, personal data or who attends what: never kept by a browser or proxy.
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: try JSON.encode(value))))
    }
}

extension Parameters {
    /// A numeric id from the path; anything else is an unknown id.
    func id(_ name: String) throws -> Int64 {
        guard let text = get(name), let id = Int64(text), id > 0 else {
            throw KasaneError.notFound("ID「\(get(name) ?? "")」に当たるものはありません。")
        }
        return id
    }
}
