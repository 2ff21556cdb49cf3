#include "json_schema.hpp"

#include <regex>
#include <set>
#include <stdexcept>

namespace kvalitet::testing {

using nlohmann::json;

namespace {

const std::set<std::string> kKnown{"$schema", "$id", "title", "description", "type", "properties", "required",
                                   "additionalProperties", "items", "enum", "const", "minimum", "maximum",
                                   "minLength", "pattern", "anyOf", "$ref", "$defs", "format", "dependentRequired"};

bool has_type(const json& v, const std::string& t) {
    if (t == "null") return v.is_null();
    if (t == "boolean") return v.is_boolean();
    if (t == "object") return v.is_object();
    if (t == "array") return v.is_array();
    if (t == "string") return v.is_string();
    if (t == "integer") return v.is_number_integer() || (v.is_number_float() && v.get<double>() == double(v.get<long long>()));
    if (t == "number") return v.is_number();
    throw std::logic_error("unknown type in schema: " + t);
}

// UTF-8 aware enough for our patterns: they are applied to the raw bytes.
struct Checker {
    const json& root;
    std::vector<std::string> errors;

    const json& resolve(const std::string& ref) {
        const std::string prefix = "#/$defs/";
        if (ref.rfind(prefix, 0) != 0) throw std::logic_error("unsupported $ref: " + ref);
        return root.at("$defs").at(ref.substr(prefix.size()));
    }

    bool check(const json& s, const json& v, const std::string& at) {
        const std::size_t before = errors.size();
        for (const auto& [k, x] : s.items())
            if (!kKnown.count(k)) throw std::logic_error("schema keyword not supported by the checker: " + k);
        if (auto it = s.find("$ref"); it != s.end()) check(resolve(*it), v, at);
        if (auto it = s.find("type"); it != s.end()) {
            bool ok = false;
            if (it->is_string()) ok = has_type(v, *it);
            else for (const auto& t : *it) ok = ok || has_type(v, t);
            if (!ok) errors.push_back(at + ": type " + it->dump() + ", not " + v.dump());
        }
        if (auto it = s.find("enum"); it != s.end() && std::find(it->begin(), it->end(), v) == it->end())
            errors.push_back(at + ": " + v.dump() + " not in enum");
        if (auto it = s.find("const"); it != s.end() && *it != v) errors.push_back(at + ": const " + it->dump());
        if (v.is_number()) {
            if (auto it = s.find("minimum"); it != s.end() && v.get<double>() < it->get<double>())
                errors.push_back(at + ": minimum " + it->dump());
            if (auto it = s.find("maximum"); it != s.end() && v.get<double>() > it->get<double>())
                errors.push_back(at + ": maximum " + it->dump());
        }
        if (v.is_string()) {
            const auto& str = v.get_ref<const std::string&>();
            if (auto it = s.find("minLength"); it != s.end() && str.size() < it->get<std::size_t>())
                errors.push_back(at + ": minLength");
            if (auto it = s.find("pattern"); it != s.end() && !std::regex_search(str, std::regex(it->get<std::string>())))
                errors.push_back(at + ": " + v.dump() + " does not match " + it->dump());
        }
        if (v.is_object()) {
            const json* props = s.contains("properties") ? &s.at("properties") : nullptr;
            for (const auto& r : s.value("required", json::array()))
                if (!v.contains(r.get<std::string>())) errors.push_back(at + ": required " + r.dump());
            const json dependent = s.value("dependentRequired", json::object());
            for (const auto& [k, rs] : dependent.items())
                if (v.contains(k))
                    for (const auto& r : rs)
                        if (!v.contains(r.get<std::string>()))
                            errors.push_back(at + ": " + k + " requires " + r.dump());
            for (const auto& [k, x] : v.items()) {
                if (props && props->contains(k)) check(props->at(k), x, at + "/" + k);
                else if (auto ap = s.find("additionalProperties"); ap != s.end()) {
                    if (ap->is_boolean() && !ap->get<bool>()) errors.push_back(at + ": unknown property " + k);
                    else if (ap->is_object()) check(*ap, x, at + "/" + k);
                }
            }
        }
        if (v.is_array())
            if (auto it = s.find("items"); it != s.end())
                for (std::size_t i = 0; i < v.size(); ++i) check(*it, v[i], at + "/" + std::to_string(i));
        if (auto it = s.find("anyOf"); it != s.end()) {
            bool any = false;
            for (const auto& alt : *it) {
                Checker c{root, {}};
                any = any || c.check(alt, v, at);
            }
            if (!any) errors.push_back(at + ": matches none of anyOf");
        }
        return errors.size() == before;
    }
};

} // namespace

std::vector<std::string> validate(const json& schema, const json& doc) {
    Checker c{schema, {}};
    c.check(schema, doc, "");
    return std::move(c.errors);
}

} // namespace kvalitet::testing
