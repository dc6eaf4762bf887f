import Foundation
import Synchronization
import Testing
@testable import AlloKit

@Suite("Page sequences")
struct PageSequenceTests {
    /// A fake list of `total` numbers served `size` at a time, recording which pages were asked for.
    final class Pager: Sendable {
        let total: Int
        let size: Int
        let firstPage: Int
        let asked = Mutex<[Int]>([])

        init(total: Int, size: Int, firstPage: Int) {
            self.total = total
            self.size = size
            self.firstPage = firstPage
        }

        var pages: Int { (total + size - 1) / size }

        func fetch(_ page: Int) async throws(AlloError) -> Page<Int> {
            asked.withLock { $0.append(page) }
            let index = page - firstPage
            let items = Array(stride(from: index * size, to: min(total, (index + 1) * size), by: 1))
            return Page(items: items, number: page, totalPages: pages, hasMore: index + 1 < pages)
        }
    }

    @Test("Elements come in order and each page is asked once, for v1 (from 0) and v2 (from 1)",
          arguments: [(0, 1), (0, 3), (1, 1), (1, 4), (1, 16)])
    func inOrder(firstPage: Int, inFlight: Int) async throws {
        let pager = Pager(total: 95, size: 10, firstPage: firstPage)
        let all = try await PageSequence(firstPage: firstPage, pagesInFlight: inFlight, fetch: pager.fetch).collect()
        #expect(all == Array(0..<95))
        #expect(pager.asked.withLock { $0 }.sorted() == Array(firstPage..<firstPage + 10))
    }

    @Test("Nothing is fetched until the first element is asked for, and a walk that stops early stops fetching")
    func lazy() async throws {
        let pager = Pager(total: 1000, size: 10, firstPage: 0)
        let sequence = PageSequence(firstPage: 0, pagesInFlight: 1, fetch: pager.fetch)
        #expect(pager.asked.withLock { $0 }.isEmpty)
        var seen = 0
        for try await _ in sequence {
            seen += 1
            if seen == 15 { break }
        }
        #expect(pager.asked.withLock { $0 } == [0, 1])
    }

    @Test("An empty list ends at once")
    func empty() async throws {
        let pager = Pager(total: 0, size: 10, firstPage: 1)
        #expect(try await PageSequence(firstPage: 1, pagesInFlight: 4, fetch: pager.fetch).collect().isEmpty)
        #expect(pager.asked.withLock { $0 } == [1])
    }

    @Test("An error on a later page ends the walk with that error")
    func errorEnds() async throws {
        let sequence = PageSequence<Int>(firstPage: 0, pagesInFlight: 2) { page throws(AlloError) in
            if page == 2 { throw .invalidArgument("page 2 is broken") }
            return Page(items: [page], number: page, totalPages: 5, hasMore: true)
        }
        var seen: [Int] = []
        let error = await alloError { for try await value in sequence { seen.append(value) } }
        #expect(seen == [0, 1])
        #expect(error?.description == "invalid argument: page 2 is broken")
    }

    @Test("Pages read like arrays")
    func pageIsACollection() {
        let page = Page(items: ["a", "b"], number: 0, totalPages: 1, hasMore: false)
        #expect(page.count == 2)
        #expect(page[1] == "b")
        #expect(page.map { $0.uppercased() } == ["A", "B"])
    }
}
