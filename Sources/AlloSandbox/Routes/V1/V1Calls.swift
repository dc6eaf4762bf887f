/// `GET /v1/api/calls` (§6.1) and `GET /v1/api/numbers` (§6.9).
enum V1Calls {
    static func search(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        guard let alloNumber = request.query["allo_number"] else { throw .missing("allo_number") }
        let line = try world.requireLine(number: alloNumber, param: "allo_number", version: .v1)
        let contactNumber = try world.phoneFilter(request.query["contact_number"], param: "contact_number")
        let page = try Page.v1(request.query)

        var matches: [(party: Int, ordinal: Int)] = []
        if let contactNumber {
            if let party = world.partyByNumber[contactNumber] {
                matches = world.itemsNewestFirst(of: party).filter { $0.kind == .call && $0.line == line }.map { (party, $0.ordinal) }
            }
        } else {
            for ref in world.allItems() {
                let item = world.parties[Int(ref.party)].items![Int(ref.ordinal)]
                if item.kind == .call, item.line == line { matches.append((Int(ref.party), Int(ref.ordinal))) }
            }
        }
        let results = page.slice(matches).map { match in
            world.v1Call(world.parties[match.party].items![match.ordinal], party: world.parties[match.party])
        }
        return page.v1Flat(results, total: matches.count)
    }

    static func numbers(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        .data(.array(world.lines.filter { $0.kind == .number }.map { world.v1Number($0) }))
    }
}
