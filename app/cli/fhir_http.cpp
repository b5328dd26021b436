#include "cli/fhir_http.h"

#include <curl/curl.h>
#include <fmt/format.h>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <sys/stat.h>

namespace vigil::cli {

namespace {

size_t collect(char* data, size_t size, size_t n, void* out) {
    static_cast<std::string*>(out)->append(data, size * n);
    return size * n;
}

HttpAnswer perform(const std::string& url, const std::string* body, const Credentials& auth) {
    static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    HttpAnswer answer;
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(
        initialised ? curl_easy_init() : nullptr, curl_easy_cleanup);
    if (!curl) {
        answer.error = "libcurl could not start";
        return answer;
    }
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/fhir+json");
    headers = curl_slist_append(headers, "Accept: application/fhir+json");
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headerList(headers,
                                                                           curl_slist_free_all);
    char errorText[CURL_ERROR_SIZE] = "";
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    if (!auth.bearer.empty()) {
        curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BEARER);
        curl_easy_setopt(c, CURLOPT_XOAUTH2_BEARER, auth.bearer.c_str());
    } else if (!auth.user.empty()) {
        curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        curl_easy_setopt(c, CURLOPT_USERNAME, auth.user.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, auth.password.c_str());
    }
    // Verified TLS, stated rather than left to the default.
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https,http");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L); // credentials never follow a redirect
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 120L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer.body);
    if (body) {
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body->data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
    }
    CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK) {
        answer.error = *errorText ? errorText : curl_easy_strerror(rc);
        return answer;
    }
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    answer.status = static_cast<int>(status);
    return answer;
}

bool loopback(const std::string& host) {
    return host == "127.0.0.1" || host == "localhost" || host == "[::1]" ||
           host.starts_with("127.");
}

} // namespace

Credentials readCredentials(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw std::runtime_error(
            fmt::format("[fhir] credentials_file \"{}\" cannot be read: no such file", path));
    if (st.st_mode & 077)
        throw std::runtime_error(fmt::format(
            "[fhir] credentials_file \"{}\" may be read by others (mode {:o}): chmod 600 it", path,
            st.st_mode & 0777));
    std::ifstream in(path);
    std::string kind, value;
    in >> kind >> value;
    if (kind == "bearer" && !value.empty()) return {value, {}, {}};
    if (kind == "basic" && value.find(':') != std::string::npos)
        return {{}, value.substr(0, value.find(':')), value.substr(value.find(':') + 1)};
    throw std::runtime_error(fmt::format(
        "[fhir] credentials_file \"{}\": the file must hold one line, \"bearer TOKEN\" or "
        "\"basic USER:PASSWORD\"",
        path));
}

std::optional<std::string> checkServerUrl(const std::string& url) {
    auto scheme = url.find("://");
    if (scheme == std::string::npos)
        return fmt::format("--to \"{}\" is not a URL: give the server's base, e.g. "
                           "https://ehr.example/fhir",
                           url);
    std::string protocol = url.substr(0, scheme);
    std::string rest = url.substr(scheme + 3);
    std::string host = rest.substr(0, rest.find_first_of("/"));
    if (auto at = host.rfind('@'); at != std::string::npos)
        return fmt::format("--to \"{}\": credentials do not go on the command line; name a "
                           "file in the settings ([fhir] credentials_file)",
                           url);
    if (host.starts_with('['))
        host = host.substr(0, host.find(']') + 1);
    else
        host = host.substr(0, host.find(':'));
    if (protocol == "https") return std::nullopt;
    if (protocol == "http" && loopback(host)) return std::nullopt;
    return fmt::format("--to \"{}\": use https (plain http is accepted only for a server on "
                       "this machine, 127.0.0.1 or localhost)",
                       url);
}

HttpAnswer postBundle(const std::string& url, const std::string& json, const Credentials& auth) {
    return perform(url, &json, auth);
}
HttpAnswer getResource(const std::string& url, const Credentials& auth) {
    return perform(url, nullptr, auth);
}

std::string answerInWords(const HttpAnswer& a) {
    if (!a.status) return a.error;
    auto body = nlohmann::json::parse(a.body, nullptr, false);
    if (!body.is_discarded() && body.is_object() &&
        body.value("resourceType", "") == "OperationOutcome") {
        std::string words;
        for (auto& issue : body.value("issue", nlohmann::json::array())) {
            std::string text = issue.contains("details") && issue["details"].contains("text")
                                   ? issue["details"]["text"].get<std::string>()
                                   : issue.value("diagnostics", issue.value("code", "?"));
            if (issue.contains("expression") && issue["expression"].is_array() &&
                !issue["expression"].empty())
                text += fmt::format(" (at {})", issue["expression"][0].get<std::string>());
            words += (words.empty() ? "" : "; ") +
                     fmt::format("{}: {}", issue.value("severity", "error"), text);
        }
        if (!words.empty()) return words;
    }
    std::string first = a.body.substr(0, a.body.find('\n'));
    if (first.size() > 300) first = first.substr(0, 300) + "...";
    return first.empty() ? fmt::format("HTTP {} with no explanation", *a.status) : first;
}

} // namespace vigil::cli
