#pragma once
// The one UTF-8 decoder of the project. Text from files (node names, JSON
// strings, knowledge entries) may hold any bytes; every consumer that needs
// code points or valid UTF-8 (search folding, handout type setting, JSON
// output, schema minLength) goes through here so that they all agree on what
// is malformed: overlong forms, surrogates, code points above U+10FFFF and
// truncated or stray continuation bytes.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace crus {

// Decodes the sequence starting at text[i]. On success returns the code point
// and sets `length` to its byte count; on a malformed sequence returns nullopt
// and sets `length` to 1 (skip one byte and resynchronise).
std::optional<char32_t> decode_utf8_at(std::string_view text, std::size_t i, std::size_t& length);

bool is_valid_utf8(std::string_view text);

// Each malformed byte becomes U+FFFD; valid text comes back unchanged.
std::string sanitize_utf8(std::string_view text);

// Code points; each malformed byte decodes as U+FFFD.
std::u32string decode_utf8(std::string_view text);

void append_utf8(std::string& out, char32_t code);

// Characters, counting each malformed byte as one.
std::size_t utf8_length(std::string_view text);

} // namespace crus
