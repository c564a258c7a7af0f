// The reference: libxml2's bare HTML parse (htmlReadMemory + xmlFreeDoc) of every file, same options as omniaudit.
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void quiet(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

int main(int argc, char **argv) {
    xmlSetGenericErrorFunc(NULL, quiet);
    size_t bytes = 0;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) continue;
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *buffer = malloc(size);
        if (fread(buffer, 1, size, f) != (size_t)size) { fclose(f); free(buffer); continue; }
        fclose(f);
        htmlDocPtr doc = htmlReadMemory(buffer, (int)size, argv[i], NULL,
            HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
        if (doc) xmlFreeDoc(doc);
        free(buffer);
        bytes += size;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    printf("%.1f\n", bytes / 1e6 / seconds);
    return 0;
}
