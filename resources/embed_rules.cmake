file(READ ${FILE} text)
file(WRITE ${OUT} "// Generated from resources/rules/intrathecal-recovery.toml. Do not edit.\n#include \"core/rules/shipped.h\"\nnamespace vigil::rules {\nstd::string_view shippedRuleText() {\n    return R\"vigil_rules(${text})vigil_rules\";\n}\n} // namespace vigil::rules\n")
