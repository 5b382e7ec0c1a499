import Foundation
import KasaneSQLite
import Logging
import ServiceLifecycle

/// Publishes the heads of the audit log and of every minutes chain where the database
/// cannot rewrite them: a line in the server log (journald under systemd) when the service
/// starts, once a day, and when it stops. `kasane audit verify --published LOG` and
/// `kasane minutes verify --published LOG` compare the database with them, so a removed
/// tail (the newest audit rows, the newest minutes version) is found.
struct ChainHeadPublisher: Service {
    let database: AppDatabase
    let logger: Logger
    var interval: Duration = .seconds(24 * 3600)

    func run() async throws {
        await publish("start")
        // Until the service is asked to stop: then once more, with the heads as they are at the end.
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do { try await Task.sleep(for: interval) } catch { return }
                await publish("daily")
            }
        }
        await publish("shutdown")
    }

    func publish(_ when: String) async {
        do {
            let heads = try await database.chainHeads()
            logger.notice("\(heads.logLine)", metadata: ["when": "\(when)"])
        } catch {
            logger.error("chain heads could not be read", metadata: ["type": "\(type(of: error))"])
        }
    }
}
