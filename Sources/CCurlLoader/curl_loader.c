// libcurl, opened on first use. See include/curl_loader.h for why.
//
// Each function below has libcurl's own name and signature (from <curl/curl.h>, so the compiler checks
// them) and calls the function of the same name in the library opened by `weir_curl_load`. The list is
// what Foundation's HTTP client (FoundationNetworking and its C part) calls; `nm -u` on those archives
// shows it, and a link without libcurl fails if one is missing.

#define CURL_DISABLE_TYPECHECK 1
#include "curl_loader.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static void *library;
static char failure[512];

static void open_library(void) {
  const char *name = getenv("WEIR_LIBCURL");
  if (name == NULL || name[0] == '\0') name = "libcurl.so.4";
  library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) {
    const char *reason = dlerror();
    snprintf(failure, sizeof failure, "%s", reason ? reason : "cannot open libcurl");
  }
}

int weir_curl_load(char *message, size_t capacity) {
  pthread_once(&once, open_library);
  if (library != NULL) return 1;
  if (message != NULL && capacity > 0) snprintf(message, capacity, "%s", failure);
  return 0;
}

// The real function named `name`. Foundation calls libcurl only from a session, and weir makes a
// session only after `weir_curl_load` succeeded, so a failure here is a bug in weir: it is reported
// and the process ends rather than calling through a null pointer.
static void *resolve(const char *name) {
  char message[512];
  if (!weir_curl_load(message, sizeof message)) {
    fprintf(stderr, "weir: internal error: libcurl used before it was loaded (%s); please report\n", message);
    abort();
  }
  void *symbol = dlsym(library, name);
  if (symbol == NULL) {
    fprintf(stderr, "weir: the loaded libcurl has no %s; please report\n", name);
    abort();
  }
  return symbol;
}

// Resolves once per function; threads that race write the same pointer, atomically.
#define REAL(name) \
  static __typeof__(&name) real_##name; \
  __typeof__(&name) real = __atomic_load_n(&real_##name, __ATOMIC_ACQUIRE); \
  if (real == NULL) { \
    real = (__typeof__(&name))resolve(#name); \
    __atomic_store_n(&real_##name, real, __ATOMIC_RELEASE); \
  }

CURL *curl_easy_init(void) {
  REAL(curl_easy_init);
  return real();
}

void curl_easy_cleanup(CURL *curl) {
  REAL(curl_easy_cleanup);
  real(curl);
}

// The variadic ones take exactly one more argument, a long, a pointer or a curl_off_t (libcurl reads
// it with va_arg of the option's type); on the 64-bit ABIs weir builds for, all three travel in the
// same integer register, so it is passed on as a pointer-sized word.
_Static_assert(
    sizeof(long) == sizeof(void *) && sizeof(curl_off_t) == sizeof(void *), "one more argument is one word");

CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...) {
  REAL(curl_easy_setopt);
  va_list arguments;
  va_start(arguments, option);
  void *value = va_arg(arguments, void *);
  va_end(arguments);
  return real(curl, option, value);
}

CURLcode curl_easy_getinfo(CURL *curl, CURLINFO info, ...) {
  REAL(curl_easy_getinfo);
  va_list arguments;
  va_start(arguments, info);
  void *value = va_arg(arguments, void *);
  va_end(arguments);
  return real(curl, info, value);
}

CURLMcode curl_multi_setopt(CURLM *multi, CURLMoption option, ...) {
  REAL(curl_multi_setopt);
  va_list arguments;
  va_start(arguments, option);
  void *value = va_arg(arguments, void *);
  va_end(arguments);
  return real(multi, option, value);
}

CURLcode curl_easy_pause(CURL *curl, int bitmask) {
  REAL(curl_easy_pause);
  return real(curl, bitmask);
}

const char *curl_easy_strerror(CURLcode code) {
  REAL(curl_easy_strerror);
  return real(code);
}

void curl_free(void *pointer) {
  REAL(curl_free);
  real(pointer);
}

CURLcode curl_global_init(long flags) {
  REAL(curl_global_init);
  return real(flags);
}

CURLMcode curl_multi_add_handle(CURLM *multi, CURL *curl) {
  REAL(curl_multi_add_handle);
  return real(multi, curl);
}

CURLMcode curl_multi_remove_handle(CURLM *multi, CURL *curl) {
  REAL(curl_multi_remove_handle);
  return real(multi, curl);
}

CURLMcode curl_multi_assign(CURLM *multi, curl_socket_t socket, void *pointer) {
  REAL(curl_multi_assign);
  return real(multi, socket, pointer);
}

CURLMcode curl_multi_cleanup(CURLM *multi) {
  REAL(curl_multi_cleanup);
  return real(multi);
}

CURLMsg *curl_multi_info_read(CURLM *multi, int *remaining) {
  REAL(curl_multi_info_read);
  return real(multi, remaining);
}

CURLM *curl_multi_init(void) {
  REAL(curl_multi_init);
  return real();
}

CURLMcode curl_multi_socket_action(CURLM *multi, curl_socket_t socket, int mask, int *running) {
  REAL(curl_multi_socket_action);
  return real(multi, socket, mask, running);
}

struct curl_slist *curl_slist_append(struct curl_slist *list, const char *text) {
  REAL(curl_slist_append);
  return real(list, text);
}

void curl_slist_free_all(struct curl_slist *list) {
  REAL(curl_slist_free_all);
  real(list);
}

CURLU *curl_url(void) {
  REAL(curl_url);
  return real();
}

CURLUcode curl_url_get(CURLU *url, CURLUPart part, char **text, unsigned int flags) {
  REAL(curl_url_get);
  return real(url, part, text, flags);
}

CURLUcode curl_url_set(CURLU *url, CURLUPart part, const char *text, unsigned int flags) {
  REAL(curl_url_set);
  return real(url, part, text, flags);
}

char *curl_version(void) {
  REAL(curl_version);
  return real();
}

curl_version_info_data *curl_version_info(CURLversion version) {
  REAL(curl_version_info);
  return real(version);
}
