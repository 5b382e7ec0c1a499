import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import Logging
import NIOCore

/// The context of one request: who is acting, once the bearer token is checked.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var staff: Staff?
    /// The client's address, for the audit log and the sign-in limits: the socket's peer, or
    /// the address a trusted proxy forwarded for (`RequestSettingsMiddleware`).
    public var origin: String
    /// The socket's peer.
    public let peer: String

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.staff = nil
        self.peer = source.channel.remoteAddress?.ipAddress ?? "unknown"
        self.origin = peer
    }

    /// The city's input limits, read with the staff member by the auth middleware.
    public var limits: InputLimits = .standard

    /// Hummingbird's own decoders honour this; Kasane reads bodies through `RequestBody`.
    public var maxUploadSize: Int { limits.uploadBytes }

    /// The acting staff member; the auth middleware guarantees it under /api/v1.
    public func actor() throws -> Actor {
        guard let staff else { throw KasaneError.unauthenticated("認証が必要です。") }
        return .staff(staff, from: origin)
    }
}
