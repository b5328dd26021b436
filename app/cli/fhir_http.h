#pragma once
// POSTs a bundle to a FHIR server with libcurl: TLS certificates and host names verified,
// credentials from a file (never the command line, where `ps` would show them).
#include <optional>
#include <string>

namespace vigil::cli {

struct HttpAnswer {
    std::optional<int> status; // empty: no answer (connection, TLS, timeout)
    std::string body;
    std::string error; // libcurl's words when there was no answer
};

// The server's credentials file: one line, `bearer TOKEN` or `basic USER:PASSWORD`. Refused
// (std::runtime_error naming the file) when group or others may read it, or when malformed.
struct Credentials {
    std::string bearer;         // a token, or
    std::string user, password; // HTTP basic (libcurl encodes it); all empty: none
};
Credentials readCredentials(const std::string& path);

// Plain http only to the loopback address (a test server on this machine): patient data never
// crosses a network unencrypted. Returns what is wrong with `url`, or nothing.
std::optional<std::string> checkServerUrl(const std::string& url);

HttpAnswer postBundle(const std::string& url, const std::string& json, const Credentials& auth);
HttpAnswer getResource(const std::string& url, const Credentials& auth);

// A server's answer in words: the OperationOutcome's issues, or the body's first line.
std::string answerInWords(const HttpAnswer& a);

} // namespace vigil::cli
