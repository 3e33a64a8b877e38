#ifndef WEIR_CURL_LOADER_H
#define WEIR_CURL_LOADER_H

#include <stddef.h>

/// Loads libcurl (`libcurl.so.4`) into the process, once; later calls return the first answer.
///
/// Foundation's HTTP client calls libcurl, but weir does not link libcurl: this target defines the
/// libcurl functions Foundation uses and forwards each to the real library, which is opened here on
/// first use. So a process that never talks HTTP never maps libcurl and the thirty-odd libraries it
/// brings (TLS, Kerberos, LDAP, …). Call this before making a `URLSession`: it returns 1 when libcurl
/// is loaded, or 0 with the loader's reason in `message` (at most `capacity` bytes, NUL-terminated).
///
/// `WEIR_LIBCURL`, when set, names the library to open instead (a path or a soname).
int weir_curl_load(char *message, size_t capacity);

#endif
