/// The last row of a chain at some moment: its id and hash, written `ID:HASH`.
public struct ChainHead: Codable, Sendable, Equatable, CustomStringConvertible {
    public var id: Int64
    public var hash: String

    public init(id: Int64, hash: String) {
        self.id = id
        self.hash = hash
    }

    /// Reads `1234:9f86d0…` as the server log and `--head` write it.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let id = Int64(parts[0]), id > 0, parts[1].count == 64,
              parts[1].allSatisfy({ $0.isHexDigit })
        else { return nil }
        self.init(id: id, hash: parts[1].lowercased())
    }

    public var description: String { "\(id):\(hash)" }
}

/// The newest approved version of one meeting's minutes chain.
public struct MinutesHead: Codable, Sendable, Equatable, CustomStringConvertible {
    public var meetingId: Int64
    public var version: Int
    public var hash: String

    public init(meetingId: Int64, version: Int, hash: String) {
        self.meetingId = meetingId
        self.version = version
        self.hash = hash
    }

    /// `12:3:9f86d0…`: meeting, version, hash.
    public var description: String { "\(meetingId):\(version):\(hash)" }
}
