#pragma once
// Which rows a read covers: one id, or a list (every bed on the board). The board and the shift
// summary read every bed's records with one query per kind rather than one per bed, because on a
// unit server each query is a round trip (issue 12: a 20-bed board within 10 ms). A list goes to
// the engine as one JSON array parameter, so one prepared statement serves any number of beds.
#include "store/sql.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::store {

class IdList {
public:
    static IdList one(std::int64_t id) { return IdList({id}, true); }
    static IdList of(std::vector<std::int64_t> ids) { return IdList(std::move(ids), false); }

    // The condition on `column`, with one `?`.
    std::string where(std::string_view column, Engine engine) const {
        if (m_single) return std::string(column) + " = ?";
        return std::string(column) +
               (engine == Engine::PostgreSQL
                    ? " IN (SELECT value::bigint FROM json_array_elements_text(?::json))"
                    : " IN (SELECT value FROM json_each(?))");
    }
    // Binds what where() asks for at `index`; returns the next free index.
    int bind(Statement& q, int index) const {
        if (m_single) {
            q.bind(index, static_cast<std::int64_t>(m_ids.front()));
        } else {
            std::string json = "[";
            for (auto id : m_ids)
                json += (json.size() > 1 ? "," : "") + std::to_string(id);
            q.bind(index, json + "]");
        }
        return index + 1;
    }

private:
    IdList(std::vector<std::int64_t> ids, bool single) : m_ids(std::move(ids)), m_single(single) {}
    std::vector<std::int64_t> m_ids;
    bool m_single;
};

} // namespace vigil::store
