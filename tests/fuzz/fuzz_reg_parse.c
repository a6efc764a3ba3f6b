/* Regulation files (loader/reg_parse.h), Markdown or text by the first byte: the tree is
 * consistent (parents before children, 款/项/目 ranges inside their owner's text), every
 * string is NUL-terminated UTF-8 when the input is, and a failed parse leaves an empty
 * document. */
#include "fuzz.h"
#include "reg_parse.h"

static void on_diag(void *ctx, int line, int is_error, const char *msg)
{
    (void)line;
    (void)is_error;
    FUZZ_CHECK(msg != NULL);
    (*(size_t *)ctx) += strlen(msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    enum reg_format fmt = REG_MARKDOWN;
    const char *hint = NULL;
    if (size > 0) {
        fmt = (data[0] & 1) ? REG_TEXT : REG_MARKDOWN;
        if (data[0] & 2)
            hint = "示例办法";
        data++;
        size--;
    }
    char *text = fuzz_cstr(data, size);
    int utf8 = fuzz_valid_utf8(text, size);
    int has_nul = memchr(text, '\0', size) != NULL; /* the loader refuses such files */
    reg_doc doc;
    size_t diaglen = 0;
    int rc = reg_parse(text, size, fmt, hint, &doc, on_diag, &diaglen);
    FUZZ_CHECK(rc == 0 || rc == -1);
    if (rc == 0) {
        FUZZ_CHECK(doc.title != NULL);
        FUZZ_CHECK(doc.preamble != NULL);
        FUZZ_CHECK(fuzz_terminated(doc.effective_in_text, sizeof doc.effective_in_text));
        if (utf8)
            FUZZ_CHECK(fuzz_valid_utf8(doc.title, strlen(doc.title)));
        size_t articles = 0;
        for (size_t i = 0; i < doc.n_nodes; i++) {
            const reg_node *n = &doc.nodes[i];
            FUZZ_CHECK(n->parent >= -1 && n->parent < (int)i);
            FUZZ_CHECK(n->label != NULL);
            FUZZ_CHECK(n->line >= 0);
            if (utf8 && n->text)
                FUZZ_CHECK(fuzz_valid_utf8(n->text, strlen(n->text)));
            if (n->kind == REG_ARTICLE)
                articles++;
            if (n->owner >= 0) {
                FUZZ_CHECK((size_t)n->owner < doc.n_nodes);
                const reg_node *o = &doc.nodes[n->owner];
                FUZZ_CHECK(o->text != NULL);
                FUZZ_CHECK(n->start <= n->end);
                if (!has_nul)
                    FUZZ_CHECK(n->end <= strlen(o->text));
            }
            FUZZ_CHECK(reg_kind_name(n->kind) != NULL);
        }
        FUZZ_CHECK(articles == doc.n_articles);
        /* look up the first numbered article by reference */
        for (size_t i = 0; i < doc.n_nodes; i++) {
            if (doc.nodes[i].kind == REG_ARTICLE && doc.nodes[i].num > 0) {
                regref ref;
                memset(&ref, 0, sizeof ref);
                if (regref_parse(doc.nodes[i].label, &ref) == 0) {
                    int k = reg_doc_find(&doc, &ref);
                    FUZZ_CHECK(k >= -1 && k < (int)doc.n_nodes);
                }
                break;
            }
        }
    } else {
        FUZZ_CHECK(doc.n_nodes == 0 && doc.nodes == NULL);
    }
    reg_doc_free(&doc);
    free(text);
    return 0;
}
