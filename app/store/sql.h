#pragma once
// The one SQL interface the repositories use, whichever engine holds the record (SQLite for a
// single device, PostgreSQL for a unit): statements with `?` placeholders, bound by position,
// stepped row by row. Modelled on PowerDNS's SSqlStatement. The engines live in sqlite_engine.cpp
// and postgres_engine.cpp; nothing else includes sqlite3.h or libpq-fe.h.
#include <concepts>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace vigil::store {

enum class Engine { SQLite, PostgreSQL };
enum class ValueType { Null, Integer, Real, Text };

// The record could not be opened or used; what() names the file or server and what to do.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A statement or transaction the engine refused. what() is already in words (describeFailure).
class SqlError : public StoreError {
public:
    enum class Kind {
        Other,
        Constraint,  // a CHECK, UNIQUE or trigger refused the row
        Busy,        // another writer holds the lock past the wait
        Retry,       // PostgreSQL: serialization failure or deadlock; the transaction may rerun
        Unreachable, // the server went away or cannot be reached
        DiskFull,
        ReadOnly, // a read-only file, or a role that may not do this
        Damaged,
    };
    SqlError(Kind kind, std::string message, std::string engineMessage)
        : StoreError(std::move(message)), m_kind(kind), m_engine(std::move(engineMessage)) {}
    Kind kind() const { return m_kind; }
    // The engine's own words (SQLite's message, or PostgreSQL's with its SQLSTATE).
    const std::string& engineMessage() const { return m_engine; }

private:
    Kind m_kind;
    std::string m_engine;
};

class Statement;

// One column of the current row.
class Column {
public:
    Column(Statement& s, int i) : m_s(s), m_i(i) {}
    bool isNull() const;
    ValueType type() const;
    std::int64_t getInt64() const;
    int getInt() const { return static_cast<int>(getInt64()); }
    double getDouble() const;
    std::string getString() const;

private:
    Statement& m_s;
    int m_i;
};

class Statement {
public:
    virtual ~Statement() = default;
    template <std::integral T> void bind(int i, T v) { bindInt64(i, static_cast<std::int64_t>(v)); }
    void bind(int i, double v) { bindDouble(i, v); }
    void bind(int i, const std::string& v) { bindText(i, v); }
    void bind(int i, const char* v) { bindText(i, v); }
    void bind(int i) { bindNull(i); }

    // The next row; false when there is none. The first call runs the statement.
    virtual bool executeStep() = 0;
    // Runs a statement that returns no rows; the number of rows it changed.
    virtual int exec() = 0;
    Column getColumn(int i) { return Column(*this, i); }
    virtual int getColumnCount() = 0;
    virtual std::string getColumnName(int i) = 0;
    // Back to before the first step, bindings cleared. Never throws: it runs while unwinding.
    virtual void reset() noexcept = 0;

    virtual ValueType columnType(int i) = 0;
    virtual std::int64_t columnInt64(int i) = 0;
    virtual double columnDouble(int i) = 0;
    virtual std::string columnText(int i) = 0;

protected:
    virtual void bindInt64(int i, std::int64_t v) = 0;
    virtual void bindDouble(int i, double v) = 0;
    virtual void bindText(int i, const std::string& v) = 0;
    virtual void bindNull(int i) = 0;
};

inline bool Column::isNull() const {
    return m_s.columnType(m_i) == ValueType::Null;
}
inline ValueType Column::type() const {
    return m_s.columnType(m_i);
}
inline std::int64_t Column::getInt64() const {
    return m_s.columnInt64(m_i);
}
inline double Column::getDouble() const {
    return m_s.columnDouble(m_i);
}
inline std::string Column::getString() const {
    return m_s.columnText(m_i);
}

// A connection to one record. Each SQL text is prepared once and kept.
class Connection {
public:
    virtual ~Connection() = default;
    virtual Engine engine() const = 0;
    // A statement for `sql`, reset, from the connection's cache.
    virtual Statement& prepared(const std::string& sql) = 0;
    // One or more statements with no parameters and no rows (schema scripts, tests).
    virtual void exec(const std::string& script) = 0;
    // A write transaction that holds the record's one write lock from its first statement:
    // SQLite's BEGIN IMMEDIATE; on PostgreSQL, READ COMMITTED and an advisory transaction lock
    // taken first, so the audit chain is extended by one writer at a time and reads its head
    // after the previous writer committed.
    virtual void beginWrite() = 0;
    // A read transaction: one consistent view across the statements that follow.
    virtual void beginRead() = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;
    virtual bool tableExists(const std::string& table) = 0;
    // Rows were inserted with their keys given (a copy): the next key the engine makes follows
    // them (PostgreSQL's identity sequences; nothing on SQLite, which takes max + 1).
    virtual void keysGiven(const std::string& table, const std::string& keyColumn) = 0;
    // The schema version the record says it is at (0: no Vigil schema).
    virtual int schemaVersion() = 0;
    // Where the record is, for messages: the file, or "the unit server host:port (database x)".
    virtual std::string where() const = 0;
};

} // namespace vigil::store
