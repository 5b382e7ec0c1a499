/// A QR code (ISO/IEC 18004) drawn by Kasane itself, so that enrolling a second factor
/// sends the secret to no outside service: byte mode, error correction level M, versions 1
/// to 15 (up to 412 bytes), the mask chosen by the standard's penalty rules. Drawn as SVG.
struct QRCode {
    /// Modules, row by row: true is dark.
    let modules: [[Bool]]
    let version: Int
    let mask: Int

    var size: Int { modules.count }

    enum Failure: Error { case tooLong(Int) }

    /// (EC codewords per block, blocks and data codewords in group 1, in group 2) at level M.
    static let levelM: [(ec: Int, b1: Int, d1: Int, b2: Int, d2: Int)] = [
        (10, 1, 16, 0, 0), (16, 1, 28, 0, 0), (26, 1, 44, 0, 0), (18, 2, 32, 0, 0), (24, 2, 43, 0, 0),
        (16, 4, 27, 0, 0), (18, 4, 31, 0, 0), (22, 2, 38, 2, 39), (22, 3, 36, 2, 37), (26, 4, 43, 1, 44),
        (30, 1, 50, 4, 51), (22, 6, 36, 2, 37), (22, 8, 37, 1, 38), (24, 4, 40, 5, 41), (24, 5, 41, 5, 42),
    ]
    static let alignment: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50], [6, 30, 54],
        [6, 32, 58], [6, 34, 62], [6, 26, 46, 66], [6, 26, 48, 70],
    ]

    /// Encodes `bytes`; `mask` forces a mask pattern (for tests against another encoder).
    init(bytes: [UInt8], mask forced: Int? = nil) throws {
        guard let version = (1...15).first(where: { v in
            let t = Self.levelM[v - 1]
            let capacity = t.b1 * t.d1 + t.b2 * t.d2
            return 4 + (v < 10 ? 8 : 16) + bytes.count * 8 <= capacity * 8
        }) else { throw Failure.tooLong(bytes.count) }
        let codewords = Self.codewords(bytes, version: version)
        var best: (penalty: Int, mask: Int, modules: [[Bool]])?
        for mask in forced.map({ [$0] }) ?? Array(0..<8) {
            let m = Self.matrix(codewords, version: version, mask: mask)
            let p = forced == nil ? Self.penalty(m) : 0
            if best == nil || p < best!.penalty { best = (p, mask, m) }
        }
        // Cannot be nil: the loop runs at least once.
        modules = best?.modules ?? []
        self.version = version
        mask = best?.mask ?? 0
    }

    // MARK: codewords

    static func codewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        let t = levelM[version - 1]
        let capacity = t.b1 * t.d1 + t.b2 * t.d2
        var bits: [Bool] = []
        func put(_ value: Int, _ count: Int) { for i in (0..<count).reversed() { bits.append((value >> i) & 1 == 1) } }
        put(0b0100, 4)
        put(bytes.count, version < 10 ? 8 : 16)
        for b in bytes { put(Int(b), 8) }
        put(0, min(4, capacity * 8 - bits.count))
        while bits.count % 8 != 0 { bits.append(false) }
        var data: [UInt8] = stride(from: 0, to: bits.count, by: 8).map { i in
            (0..<8).reduce(UInt8(0)) { $0 << 1 | (bits[i + $1] ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while data.count < capacity {
            data.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        // Blocks, their error correction, then both interleaved.
        var blocks: [[UInt8]] = []
        var offset = 0
        for (count, length) in [(t.b1, t.d1), (t.b2, t.d2)] {
            for _ in 0..<count {
                blocks.append(Array(data[offset..<offset + length]))
                offset += length
            }
        }
        let generator = generatorPolynomial(t.ec)
        let ecBlocks = blocks.map { remainder($0, generator) }
        var out: [UInt8] = []
        for i in 0..<(blocks.map(\.count).max() ?? 0) { for b in blocks where i < b.count { out.append(b[i]) } }
        for i in 0..<t.ec { for e in ecBlocks { out.append(e[i]) } }
        return out
    }

    // GF(256) with the polynomial x^8 + x^4 + x^3 + x^2 + 1.
    static let (exp, log): ([UInt8], [Int]) = {
        var exp = [UInt8](repeating: 0, count: 512), log = [Int](repeating: 0, count: 256)
        var x = 1
        for i in 0..<255 {
            exp[i] = UInt8(x)
            log[x] = i
            x <<= 1
            if x & 0x100 != 0 { x ^= 0x11D }
        }
        for i in 255..<512 { exp[i] = exp[i - 255] }
        return (exp, log)
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        a == 0 || b == 0 ? 0 : exp[log[Int(a)] + log[Int(b)]]
    }

    /// The generator polynomial of degree `n`, highest coefficient first.
    static func generatorPolynomial(_ n: Int) -> [UInt8] {
        var g: [UInt8] = [1]
        for i in 0..<n {
            var next = [UInt8](repeating: 0, count: g.count + 1)
            for (j, c) in g.enumerated() {
                next[j] ^= c
                next[j + 1] ^= multiply(c, exp[i])
            }
            g = next
        }
        return g
    }

    static func remainder(_ data: [UInt8], _ generator: [UInt8]) -> [UInt8] {
        var r = data + [UInt8](repeating: 0, count: generator.count - 1)
        for i in 0..<data.count {
            let c = r[i]
            guard c != 0 else { continue }
            for (j, g) in generator.enumerated() { r[i + j] ^= multiply(g, c) }
        }
        return Array(r[data.count...])
    }

    // MARK: the matrix

    static func matrix(_ codewords: [UInt8], version: Int, mask: Int) -> [[Bool]] {
        let n = 17 + 4 * version
        var m = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        var reserved = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        func set(_ r: Int, _ c: Int, _ dark: Bool) {
            m[r][c] = dark
            reserved[r][c] = true
        }
        // Finders with their separators.
        for (fr, fc) in [(0, 0), (0, n - 7), (n - 7, 0)] {
            for r in -1...7 {
                for c in -1...7 where (0..<n).contains(fr + r) && (0..<n).contains(fc + c) {
                    let inside = (0...6).contains(r) && (0...6).contains(c)
                    let ring = r == 0 || r == 6 || c == 0 || c == 6
                    let core = (2...4).contains(r) && (2...4).contains(c)
                    set(fr + r, fc + c, inside && (ring || core))
                }
            }
        }
        // Timing patterns.
        for i in 8..<(n - 8) {
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        // Alignment patterns, but the three where a finder is (they cross the timing patterns).
        let centres = alignment[version - 1]
        let first = centres.first, last = centres.last
        for r in centres {
            for c in centres where !(r == first && c == first) && !(r == first && c == last) && !(r == last && c == first) {
                for dr in -2...2 { for dc in -2...2 { set(r + dr, c + dc, max(abs(dr), abs(dc)) != 1) } }
            }
        }
        // The dark module, and the format and version areas kept free.
        set(n - 8, 8, true)
        for i in 0..<9 where !reserved[8][i] { reserved[8][i] = true }
        for i in 0..<9 where !reserved[i][8] { reserved[i][8] = true }
        for i in 0..<8 { reserved[8][n - 1 - i] = true; reserved[n - 1 - i][8] = true }
        if version >= 7 {
            for i in 0..<6 { for j in 0..<3 { reserved[i][n - 11 + j] = true; reserved[n - 11 + j][i] = true } }
        }
        // Data, two columns at a time from the bottom right, up and down in turn.
        var bit = 0
        let total = codewords.count * 8
        var upward = true
        var col = n - 1
        while col > 0 {
            if col == 6 { col -= 1 }
            for k in 0..<n {
                let r = upward ? n - 1 - k : k
                for c in [col, col - 1] where !reserved[r][c] {
                    var dark = bit < total && (codewords[bit / 8] >> (7 - bit % 8)) & 1 == 1
                    bit += 1
                    if masked(mask, r, c) { dark.toggle() }
                    m[r][c] = dark
                }
            }
            upward.toggle()
            col -= 2
        }
        // Format information (level M is 00), and version information.
        let format = bch(data: (0b00 << 3) | mask, generator: 0x537, bits: 10) ^ 0x5412
        for i in 0..<15 {
            let dark = (format >> i) & 1 == 1
            // Around the top left finder: down column 8, then along row 8 to the left.
            switch i {
            case 0...5: m[i][8] = dark
            case 6: m[7][8] = dark
            case 7: m[8][8] = dark
            case 8: m[8][7] = dark
            default: m[8][14 - i] = dark
            }
            // Split between the other two: row 8 from the right, column 8 from the bottom.
            if i < 8 { m[8][n - 1 - i] = dark } else { m[n - 15 + i][8] = dark }
        }
        if version >= 7 {
            let info = bch(data: version, generator: 0x1F25, bits: 12)
            for i in 0..<18 {
                let dark = (info >> i) & 1 == 1
                m[i / 3][n - 11 + i % 3] = dark
                m[n - 11 + i % 3][i / 3] = dark
            }
        }
        return m
    }

    /// `data` followed by its BCH remainder.
    static func bch(data: Int, generator: Int, bits: Int) -> Int {
        var value = data << bits
        let degree = Int.bitWidth - generator.leadingZeroBitCount - 1
        while value != 0, Int.bitWidth - value.leadingZeroBitCount - 1 >= degree {
            value ^= generator << (Int.bitWidth - value.leadingZeroBitCount - 1 - degree)
        }
        return (data << bits) | value
    }

    static func masked(_ mask: Int, _ r: Int, _ c: Int) -> Bool {
        switch mask {
        case 0: (r + c) % 2 == 0
        case 1: r % 2 == 0
        case 2: c % 3 == 0
        case 3: (r + c) % 3 == 0
        case 4: (r / 2 + c / 3) % 2 == 0
        case 5: (r * c) % 2 + (r * c) % 3 == 0
        case 6: ((r * c) % 2 + (r * c) % 3) % 2 == 0
        default: ((r + c) % 2 + (r * c) % 3) % 2 == 0
        }
    }

    /// The standard's four penalty rules: runs, blocks, finder-like patterns, balance.
    static func penalty(_ m: [[Bool]]) -> Int {
        let n = m.count
        var score = 0
        for line in [m, (0..<n).map { c in (0..<n).map { m[$0][c] } }] {
            for row in line {
                var run = 1
                for i in 1..<n {
                    if row[i] == row[i - 1] { run += 1 } else { run = 1 }
                    if run == 5 { score += 3 } else if run > 5 { score += 1 }
                }
                let pattern: [Bool] = [true, false, true, true, true, false, true]
                for i in 0...(n - 7) where Array(row[i..<i + 7]) == pattern {
                    let before = (max(0, i - 4)..<i).allSatisfy { !row[$0] } && i >= 4
                    let after = (i + 7..<min(n, i + 11)).allSatisfy { !row[$0] } && i + 11 <= n
                    if before || after { score += 40 }
                }
            }
        }
        for r in 0..<(n - 1) {
            for c in 0..<(n - 1) where m[r][c] == m[r][c + 1] && m[r][c] == m[r + 1][c] && m[r][c] == m[r + 1][c + 1] { score += 3 }
        }
        let dark = m.reduce(0) { $0 + $1.filter { $0 }.count }
        score += abs(dark * 20 - n * n * 10) / (n * n) * 10
        return score
    }

    /// An SVG of the code with its quiet zone, one unit a module, scaled by the page.
    func svg(label: String) -> String {
        let quiet = 4, extent = size + 2 * quiet
        var path = ""
        for (r, row) in modules.enumerated() {
            for (c, dark) in row.enumerated() where dark { path += "M\(c + quiet) \(r + quiet)h1v1h-1z" }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(extent) \(extent)" width="\(extent * 6)" height="\(extent * 6)" \
            role="img" aria-label="\(label)" shape-rendering="crispEdges"><rect width="\(extent)" height="\(extent)" fill="#fff"/>\
            <path d="\(path)" fill="#000"/></svg>
            """
    }
}
