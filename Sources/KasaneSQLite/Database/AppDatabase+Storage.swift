import Foundation
import KasaneCore
import KasaneStorage

/// The store as the application's outbox and calendar storage.
extension AppDatabase: OutboxStorage, BusyStorage {
    public func markMailed(_ id: Int64, at: Date) async throws { try await self.at(at).markMailed(id) }
    public func markNoticeMailed(_ id: Int64, at: Date) async throws { try await self.at(at).markNoticeMailed(id) }
    public func replaceBusy(_ upload: BusyUpload, by actor: Actor, at: Date) async throws -> BusySummary {
        try await self.at(at).replaceBusy(upload, by: actor)
    }
    public func logRefusedBusyImport(_ error: KasaneError, by actor: Actor, at: Date) async throws {
        try await self.at(at).logRefusedBusyImport(error, by: actor)
    }
}
