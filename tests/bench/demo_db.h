#pragma once
// The 20-bed, 365-day demo database the issues measure against, made once and reused.
#include <string>

namespace vigil::bench {
std::string yearDemoDatabase();
}
