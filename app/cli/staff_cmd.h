#pragma once
// `vigil staff add --db FILE --name NAME --role ROLE [--by ADMIN]` and `vigil staff list --db
// FILE`. PINs are read from standard input, never from the command line (where `ps` would show
// them): on a terminal they are asked for without echo, twice; from a pipe, one per line. The first
// admin needs no --by; after that an admin's name goes in --by and their PIN comes first.
#include <iosfwd>
#include <string>

namespace vigil::cli {

struct StaffAdd {
    std::string db, name, role, by;
};
int staffAdd(const StaffAdd& args, std::istream& in, std::ostream& out, std::ostream& err);
int staffList(const std::string& db, std::ostream& out);

} // namespace vigil::cli
