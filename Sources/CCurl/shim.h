#ifndef OMNIAUDIT_CCURL_SHIM_H
#define OMNIAUDIT_CCURL_SHIM_H

#include <curl/curl.h>

// curl_easy_setopt, curl_multi_setopt and curl_easy_getinfo are C variadic functions, which Swift cannot
// call: these typed wrappers pass exactly one argument of the right type.

typedef size_t (*omniaudit_curl_data_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*omniaudit_curl_xferinfo_callback)(void *context, curl_off_t dltotal, curl_off_t dlnow,
                                                curl_off_t ultotal, curl_off_t ulnow);

static inline CURLcode omniaudit_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode omniaudit_easy_setopt_ptr(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode omniaudit_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode omniaudit_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode omniaudit_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode omniaudit_easy_setopt_callback(CURL *handle, CURLoption option,
                                                      omniaudit_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode omniaudit_easy_setopt_xferinfo(CURL *handle, omniaudit_curl_xferinfo_callback value) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value);
}

typedef int (*omniaudit_curl_prereq_callback)(void *context, char *primary_ip, char *local_ip, int primary_port,
                                             int local_port);

/// Sets CURLOPT_PREREQFUNCTION (libcurl 7.80+), called once connected, before the request is sent: it sees the
/// address actually connected to (after DNS), so a refusal cannot be dodged by a host name resolving elsewhere.
static inline CURLcode omniaudit_easy_setopt_prereq(CURL *handle, omniaudit_curl_prereq_callback value) {
#if LIBCURL_VERSION_NUM >= 0x075000
    return curl_easy_setopt(handle, CURLOPT_PREREQFUNCTION, value);
#else
    (void)handle; (void)value;
    return CURLE_NOT_BUILT_IN;
#endif
}

static inline CURLMcode omniaudit_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

static inline CURLcode omniaudit_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode omniaudit_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode omniaudit_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode omniaudit_easy_getinfo_ptr(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

/// The easy handle and result of a finished transfer from `curl_multi_info_read`, or NULL.
static inline CURL *omniaudit_multi_done(CURLM *multi, CURLcode *result) {
    int queued = 0;
    CURLMsg *message;
    while ((message = curl_multi_info_read(multi, &queued)) != NULL) {
        if (message->msg == CURLMSG_DONE) {
            *result = message->data.result;
            return message->easy_handle;
        }
    }
    return NULL;
}

#endif
