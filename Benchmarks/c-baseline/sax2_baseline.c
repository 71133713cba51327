/*
 * The C baseline of Crosswalk's ingest benchmark (see Docs/Performance.md).
 *
 * Parses an organisation file with libxml2's SAX2 push parser, fed 1 MiB at a time from
 * memory, with the options Crosswalk uses (NONET, BIG_LINES, NOCDATA), and builds the same
 * records Crosswalk keeps: people, systems, decisions, evidence items with their claims
 * and system references, owner assignments; every kept value copied (strdup), dates
 * parsed, text folded. The file is read before the clock starts.
 *
 *   cc -O2 -o sax2_baseline sax2_baseline.c $(pkg-config --cflags --libs libxml-2.0)
 *   ./sax2_baseline org.xml [repetitions] [--bare]
 *
 * With --bare, the same parser, options and chunks with callbacks that do nothing: the
 * cost of parsing alone, the reference of the end-to-end target (issue #16).
 *
 * Prints one line per repetition:
 *   sax2 seconds=<parse time> bytes=<n> systems=<n> evidence=<n> claims=<n> maxrss_kb=<n>
 */
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

typedef struct { char *requirement; int full; } Claim;
typedef struct {
    char *id, *kind, *owner, *status, *title, *location, *sha256;
    int collected, valid_until, review_days;
    Claim *claims; int nclaims, capclaims;
    char **systems; int nsystems, capsystems;
    int line;
} Evidence;
typedef struct {
    char *id, *name, *owner, *unit, *lifecycle, *sourcing, *vendor, *tier, *annex, *roles, *purpose;
    char **conditions; int nconditions;
} System;
typedef struct { char *id, *name, *role; } Person;
typedef struct { char *requirement, *justification; int applicable; int line; } Decision;
typedef struct { char *requirement, *person; int line; } Assign;

#define VEC(T) struct { T *v; size_t n, cap; }
#define PUSH(vec, x) do { if ((vec).n == (vec).cap) { (vec).cap = (vec).cap ? (vec).cap * 2 : 64; \
    (vec).v = realloc((vec).v, (vec).cap * sizeof(*(vec).v)); } (vec).v[(vec).n++] = (x); } while (0)

enum { E_OTHER, E_ORG, E_SCOPE, E_FRAMEWORK, E_PERSON, E_SYSTEM, E_PURPOSE, E_CONDITION, E_DECISION, E_JUSTIFICATION,
       E_ITEM, E_TITLE, E_SATISFIES, E_LOCATION, E_SHA256, E_ASSIGN, E_EUROLE };

typedef struct {
    VEC(Person) people; VEC(System) systems; VEC(Evidence) evidence; VEC(Decision) decisions; VEC(Assign) owners;
    VEC(char *) frameworks;
    char *name; int assessment_date;
    int stack[64]; int depth;
    char *text; size_t ntext, captext;
    int in_system, in_item, in_decision;
    size_t claims;
} State;

static int element(const xmlChar *n) {
    const char *s = (const char *)n;
    switch (s[0]) {
    case 'a': return strcmp(s, "assign") == 0 ? E_ASSIGN : E_OTHER;
    case 'c': return strcmp(s, "condition") == 0 ? E_CONDITION : E_OTHER;
    case 'd': return strcmp(s, "decision") == 0 ? E_DECISION : E_OTHER;
    case 'e': return strcmp(s, "eu-role") == 0 ? E_EUROLE : E_OTHER;
    case 'f': return strcmp(s, "framework") == 0 ? E_FRAMEWORK : E_OTHER;
    case 'i': return strcmp(s, "item") == 0 ? E_ITEM : E_OTHER;
    case 'j': return strcmp(s, "justification") == 0 ? E_JUSTIFICATION : E_OTHER;
    case 'l': return strcmp(s, "location") == 0 ? E_LOCATION : E_OTHER;
    case 'o': return strcmp(s, "organization") == 0 ? E_ORG : E_OTHER;
    case 'p': return strcmp(s, "person") == 0 ? E_PERSON : strcmp(s, "purpose") == 0 ? E_PURPOSE : E_OTHER;
    case 's': return strcmp(s, "system") == 0 ? E_SYSTEM : strcmp(s, "satisfies") == 0 ? E_SATISFIES
                   : strcmp(s, "sha256") == 0 ? E_SHA256 : strcmp(s, "scope") == 0 ? E_SCOPE : E_OTHER;
    case 't': return strcmp(s, "title") == 0 ? E_TITLE : E_OTHER;
    default: return E_OTHER;
    }
}

/* attributes: localname, prefix, URI, value, end */
static char *attr(int n, const xmlChar **a, const char *name) {
    for (int i = 0; i < n; i++, a += 5)
        if (strcmp((const char *)a[0], name) == 0) return strndup((const char *)a[3], (size_t)(a[4] - a[3]));
    return NULL;
}

static int date(char *s) {
    int y, m, d;
    if (s == NULL) return 0;
    int ok = strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d", &y, &m, &d) == 3;
    free(s);
    return ok ? y * 10000 + m * 100 + d : -1;
}

static char *folded(State *st) {
    char *out = malloc(st->ntext + 1);
    size_t o = 0; int pending = 0;
    for (size_t i = 0; i < st->ntext; i++) {
        char c = st->text[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { pending = o > 0; }
        else { if (pending) { out[o++] = ' '; pending = 0; } out[o++] = c; }
    }
    out[o] = 0;
    return out;
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri, int nns,
                     const xmlChar **ns, int nattr, int ndefaulted, const xmlChar **a) {
    (void)prefix; (void)uri; (void)nns; (void)ns; (void)ndefaulted;
    State *st = ctx;
    int e = element(localname);
    int parent = st->depth > 0 ? st->stack[st->depth - 1] : E_OTHER;
    if (st->depth < 64) st->stack[st->depth] = e;
    st->depth++;
    st->ntext = 0;
    switch (e) {
    case E_ORG: st->name = attr(nattr, a, "name"); st->assessment_date = date(attr(nattr, a, "assessment-date")); break;
    case E_FRAMEWORK: PUSH(st->frameworks, attr(nattr, a, "id")); break;
    case E_PERSON: { Person x = { attr(nattr, a, "id"), attr(nattr, a, "name"), attr(nattr, a, "role") }; PUSH(st->people, x); break; }
    case E_SYSTEM:
        if (parent == E_ITEM && st->evidence.n > 0) {
            Evidence *ev = &st->evidence.v[st->evidence.n - 1];
            if (ev->nsystems == ev->capsystems) { ev->capsystems = ev->capsystems ? ev->capsystems * 2 : 2; ev->systems = realloc(ev->systems, ev->capsystems * sizeof(char *)); }
            ev->systems[ev->nsystems++] = attr(nattr, a, "ref");
        } else {
            System s = { attr(nattr, a, "id"), attr(nattr, a, "name"), attr(nattr, a, "owner"), attr(nattr, a, "business-unit"),
                         attr(nattr, a, "lifecycle"), attr(nattr, a, "sourcing"), attr(nattr, a, "vendor"), attr(nattr, a, "risk-tier"),
                         attr(nattr, a, "annex-iii"), attr(nattr, a, "eu-role"), NULL, NULL, 0 };
            PUSH(st->systems, s);
            st->in_system = 1;
        }
        break;
    case E_DECISION: {
        char *ap = attr(nattr, a, "applicable");
        Decision d = { attr(nattr, a, "requirement"), NULL, ap == NULL || strcmp(ap, "false") != 0, 0 };
        free(ap);
        PUSH(st->decisions, d);
        break;
    }
    case E_ITEM: {
        Evidence ev; memset(&ev, 0, sizeof ev);
        ev.id = attr(nattr, a, "id"); ev.kind = attr(nattr, a, "kind"); ev.owner = attr(nattr, a, "owner"); ev.status = attr(nattr, a, "status");
        ev.collected = date(attr(nattr, a, "collected")); ev.valid_until = date(attr(nattr, a, "valid-until"));
        char *rd = attr(nattr, a, "review-days"); ev.review_days = rd ? atoi(rd) : 0; free(rd);
        PUSH(st->evidence, ev);
        st->in_item = 1;
        break;
    }
    case E_SATISFIES:
        if (st->evidence.n > 0) {
            Evidence *ev = &st->evidence.v[st->evidence.n - 1];
            if (ev->nclaims == ev->capclaims) { ev->capclaims = ev->capclaims ? ev->capclaims * 2 : 2; ev->claims = realloc(ev->claims, ev->capclaims * sizeof(Claim)); }
            char *cov = attr(nattr, a, "coverage");
            Claim c = { attr(nattr, a, "requirement"), cov == NULL || strcmp(cov, "full") == 0 };
            free(cov);
            ev->claims[ev->nclaims++] = c;
            st->claims++;
        }
        break;
    case E_ASSIGN: { Assign x = { attr(nattr, a, "requirement"), attr(nattr, a, "person"), 0 }; PUSH(st->owners, x); break; }
    default: break;
    }
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    (void)prefix; (void)uri;
    State *st = ctx;
    int e = element(localname);
    st->depth--;
    int parent = st->depth > 0 && st->depth <= 64 ? st->stack[st->depth - 1] : E_OTHER;
    Evidence *ev = st->in_item && st->evidence.n > 0 ? &st->evidence.v[st->evidence.n - 1] : NULL;
    System *sy = st->in_system && st->systems.n > 0 ? &st->systems.v[st->systems.n - 1] : NULL;
    switch (e) {
    case E_PURPOSE: if (sy) sy->purpose = folded(st); break;
    case E_CONDITION:
        if (sy) { sy->conditions = realloc(sy->conditions, (size_t)(sy->nconditions + 1) * sizeof(char *)); sy->conditions[sy->nconditions++] = folded(st); }
        break;
    case E_SYSTEM: if (parent != E_ITEM) st->in_system = 0; break;
    case E_JUSTIFICATION: if (st->decisions.n > 0) st->decisions.v[st->decisions.n - 1].justification = folded(st); break;
    case E_TITLE: if (ev) ev->title = folded(st); break;
    case E_LOCATION: if (ev) ev->location = folded(st); break;
    case E_SHA256: if (ev) ev->sha256 = folded(st); break;
    case E_ITEM: st->in_item = 0; break;
    default: break;
    }
    st->ntext = 0;
}

static void on_chars(void *ctx, const xmlChar *ch, int len) {
    State *st = ctx;
    if (st->ntext + (size_t)len > st->captext) {
        st->captext = (st->ntext + (size_t)len) * 2;
        st->text = realloc(st->text, st->captext);
    }
    memcpy(st->text + st->ntext, ch, (size_t)len);
    st->ntext += (size_t)len;
}

static void release(State *st) {
    for (size_t i = 0; i < st->evidence.n; i++) {
        Evidence *e = &st->evidence.v[i];
        free(e->id); free(e->kind); free(e->owner); free(e->status); free(e->title); free(e->location); free(e->sha256);
        for (int j = 0; j < e->nclaims; j++) free(e->claims[j].requirement);
        for (int j = 0; j < e->nsystems; j++) free(e->systems[j]);
        free(e->claims); free(e->systems);
    }
    for (size_t i = 0; i < st->systems.n; i++) {
        System *s = &st->systems.v[i];
        free(s->id); free(s->name); free(s->owner); free(s->unit); free(s->lifecycle); free(s->sourcing); free(s->vendor);
        free(s->tier); free(s->annex); free(s->roles); free(s->purpose);
        for (int j = 0; j < s->nconditions; j++) free(s->conditions[j]);
        free(s->conditions);
    }
    for (size_t i = 0; i < st->people.n; i++) { free(st->people.v[i].id); free(st->people.v[i].name); free(st->people.v[i].role); }
    for (size_t i = 0; i < st->decisions.n; i++) { free(st->decisions.v[i].requirement); free(st->decisions.v[i].justification); }
    for (size_t i = 0; i < st->owners.n; i++) { free(st->owners.v[i].requirement); free(st->owners.v[i].person); }
    for (size_t i = 0; i < st->frameworks.n; i++) free(st->frameworks.v[i]);
    free(st->evidence.v); free(st->systems.v); free(st->people.v); free(st->decisions.v); free(st->owners.v); free(st->frameworks.v);
    free(st->text); free(st->name);
    memset(st, 0, sizeof *st);
}

static void bare_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                       int nns, const xmlChar **ns, int nattrs, int ndefaulted, const xmlChar **attrs) {
    (void)ctx; (void)localname; (void)prefix; (void)uri; (void)nns; (void)ns; (void)nattrs; (void)ndefaulted; (void)attrs;
}
static void bare_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    (void)ctx; (void)localname; (void)prefix; (void)uri;
}
static void bare_chars(void *ctx, const xmlChar *ch, int len) { (void)ctx; (void)ch; (void)len; }

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s FILE [repetitions] [--bare]\n", argv[0]); return 64; }
    int reps = argc > 2 ? atoi(argv[2]) : 1;
    int bare = argc > 3 && strcmp(argv[3], "--bare") == 0;
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 3; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)size);
    if (fread(buf, 1, (size_t)size, f) != (size_t)size) { perror("read"); return 3; }
    fclose(f);
    xmlInitParser();

    for (int r = 0; r < reps; r++) {
        State st; memset(&st, 0, sizeof st);
        xmlSAXHandler sax; memset(&sax, 0, sizeof sax);
        sax.initialized = XML_SAX2_MAGIC;
        sax.startElementNs = bare ? bare_start : on_start;
        sax.endElementNs = bare ? bare_end : on_end;
        sax.characters = bare ? bare_chars : on_chars;
        sax.ignorableWhitespace = bare ? bare_chars : on_chars;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        const long chunk = 1 << 20;
        long first = size < 4 ? size : 4;
        xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, &st, buf, (int)first, NULL);
        xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
        for (long off = first; off < size; off += chunk) {
            long n = size - off < chunk ? size - off : chunk;
            if (xmlParseChunk(ctxt, buf + off, (int)n, 0) != 0) break;
        }
        xmlParseChunk(ctxt, NULL, 0, 1);
        int ok = ctxt->wellFormed;
        xmlFreeParserCtxt(ctxt);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        struct rusage ru; getrusage(RUSAGE_SELF, &ru);
        if (!ok) { fprintf(stderr, "%s: not well-formed\n", argv[1]); return 2; }
        printf("%s seconds=%.6f bytes=%ld systems=%zu evidence=%zu claims=%zu maxrss_kb=%ld\n",
               bare ? "bare" : "sax2", seconds, size, st.systems.n, st.evidence.n, st.claims, ru.ru_maxrss);
        fflush(stdout);
        release(&st);
    }
    free(buf);
    return 0;
}
