/* go_lists.c: genorgs's lists (DIR/lists.csv, one file, the list in the 名单 column) and the
 * sample queries of each class (DIR/queries.tsv).
 *
 * Of the entries: ~55% 活动异常名录 and ~20% 严重违法失信名单, naming registered organisations
 * by code (8% by name only; an organisation with a 曾用名 is listed under it 30% of the
 * time), dated 2019 to the as-of date; about 40% removed (with a reason), 30% of the
 * long-listed abnormal ones moved to the serious list after 2 years (ground 1), a tenth
 * listed again. ~20% illegal organisations in published batches (涉嫌非法 / 已取缔 / 关停网站;
 * 批次 "2024年第三批", issuer, date, 序号): names not in the registry, half invented outright,
 * a fifth one character away from a registered name, a fifth with the note
 * "合法登记的为<registered name>", the rest listed again in a later batch. ~5% 养老服务
 * 联合惩戒 (机构, by code).
 *
 * Queries (class, query, want: the code, or for an illegal body the name, of the
 * organisation the query was made from): name_exact; variant (Traditional, a full-width
 * space after the region, or the region in full-width brackets); prefix (a national body
 * with 中国/中华/全国 swapped or left out); partial (the name without its region, or 4-6
 * characters of it); similar (one character after the region changed, not a known name);
 * absent (a registry-style name no one has); listed_credit (a registered organisation on
 * a credit or elder-care list); listed_exact (an illegal body's name); code_exact;
 * code_typo (one character of positions 3-18 changed); code_short (one character
 * dropped). */
#include "go.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct list_stats lstats;

static char **illegal; /* names of illegal-list entries, for queries */
static size_t nillegal, illegal_cap;

struct entry {
    const char *list, *batch, *issuer, *published;
    int seq;
    const char *subject, *name, *code;
    long listed, removed; /* day numbers, 0 = none */
    const char *reason;
    int ground;
    const char *listed_by, *doc_no, *removed_reason, *removed_by, *note, *enforcement,
        *measures;
};

static FILE *lf;
static long first_day, last_day; /* 2019-01-01 .. the day before as-of */

static void put(const struct entry *e)
{
    char d[11];
    csv_put(lf, e->list);
    fputc(',', lf);
    csv_put(lf, e->batch);
    fputc(',', lf);
    csv_put(lf, e->issuer);
    fputc(',', lf);
    csv_put(lf, e->published);
    fputc(',', lf);
    if (e->seq)
        fprintf(lf, "%d", e->seq);
    fputc(',', lf);
    csv_put(lf, e->subject ? e->subject : "机构");
    fputc(',', lf);
    csv_put(lf, e->name);
    fputc(',', lf);
    csv_put(lf, e->code);
    fputc(',', lf);
    if (e->listed) {
        day_str(e->listed, d);
        fputs(d, lf);
    }
    fputc(',', lf);
    csv_put(lf, e->reason);
    fputc(',', lf);
    if (e->ground)
        fprintf(lf, "%d", e->ground);
    fputc(',', lf);
    csv_put(lf, e->listed_by);
    fputc(',', lf);
    csv_put(lf, e->doc_no);
    fputc(',', lf);
    if (e->removed) {
        day_str(e->removed, d);
        fputs(d, lf);
    }
    fputc(',', lf);
    csv_put(lf, e->removed_reason);
    fputc(',', lf);
    csv_put(lf, e->removed_by);
    fputc(',', lf);
    csv_put(lf, e->note);
    fputc(',', lf);
    csv_put(lf, e->enforcement);
    fputc(',', lf);
    csv_put(lf, e->measures);
    fputc('\n', lf);
}

static int year_of(long day)
{
    char d[11];
    day_str(day, d);
    return atoi(d);
}

static long rand_day(long from, long to)
{
    return to > from ? from + (long)rnd((uint32_t)(to - from)) : from;
}

/* A registered organisation, mostly one not listed yet. */
static struct org *pick_org(int type)
{
    struct org *o = NULL;
    for (int tries = 0; tries < 20; tries++) {
        o = &orgs[rnd((uint32_t)norgs)];
        if ((!type || o->type == type) && (!o->listed || tries >= 3))
            break;
    }
    o->listed++;
    return o;
}

/* ---- 活动异常名录 and 严重违法失信名单 ----------------------------------------------------- */

static void credit_entry(struct entry *e, struct org *o, const char *list, long listed,
                         const char *kind_abbr, char *docbuf, size_t docsz)
{
    const struct region *r = &regions[o->region];
    memset(e, 0, sizeof *e);
    e->list = list;
    e->listed = listed;
    e->listed_by = r->authority;
    snprintf(docbuf, docsz, "%s社%s〔%d〕%u号", r->abbr, kind_abbr, year_of(listed), 1 + rnd(60));
    e->doc_no = docbuf;
    if (chance(0.08)) {
        lstats.by_name++;
        e->name = o->name; /* no code: linked by the (unique) name */
    } else {
        e->code = o->code;
        e->name = o->name;
        if (o->former && chance(0.3)) {
            /* listed under its former name (first of them) */
            static char former[256];
            const char *sep = strstr(o->former, "；");
            size_t len = sep ? (size_t)(sep - o->former) : strlen(o->former);
            snprintf(former, sizeof former, "%.*s", (int)len, o->former);
            e->name = former;
        }
    }
}

static const char *const ab_reasons[] = {
    "年度工作报告", "未按照登记管理机关整改通知要求完成整改", "通过登记的住所无法与该组织取得联系"};
static const int ab_grounds[] = {1, 2, 3};
static const char *const ab_removals[] = {
    "已补报年度工作报告，依申请移出", "已完成整改，依申请移出", "已恢复与登记住所的联系，依申请移出"};

static void serious_tail(struct org *o, long listed, int ground, const char *reason, long *count)
{
    struct entry e;
    char doc[64];
    credit_entry(&e, o, "严重违法失信名单", listed, "失", doc, sizeof doc);
    e.ground = ground;
    e.reason = reason;
    if (listed + 731 < last_day && chance(0.45)) {
        e.removed = rand_day(listed + 731, last_day);
        e.removed_reason = "列入满2年且未再出现应当列入的情形，依申请移出";
        e.removed_by = e.listed_by;
        lstats.removed++;
    }
    put(&e);
    lstats.serious++;
    (*count)++;
}

static void gen_credit(long n_ab, long n_se)
{
    long ab = 0, se = 0;
    char reason[128], doc[64];
    while (ab < n_ab) {
        struct org *o = pick_org(0);
        long d1 = rand_day(first_day, last_day);
        for (int again = 0; again < 2 && ab < n_ab && d1 < last_day; again++) {
            struct entry e;
            credit_entry(&e, o, "活动异常名录", d1, "异", doc, sizeof doc);
            int g = rnd(10) < 6 ? 0 : rnd(10) < 4 ? 1 : 2;
            if (g == 0)
                snprintf(reason, sizeof reason, "未按照规定时限报送%d%s", year_of(d1) - 1,
                         ab_reasons[g]);
            else
                snprintf(reason, sizeof reason, "%s", ab_reasons[g]);
            e.reason = reason;
            e.ground = ab_grounds[g];
            int escalate = 0;
            if (d1 + 731 < last_day && se < n_se && chance(0.30)) {
                escalate = 1;
                e.removed = d1 + 731;
                e.removed_reason = "列入活动异常名录满2年，转入严重违法失信名单";
            } else if (chance(0.45)) {
                long rm = d1 + 20 + (long)rnd(700);
                if (rm < last_day) {
                    e.removed = rm;
                    e.removed_reason = ab_removals[g];
                }
            }
            if (e.removed) {
                e.removed_by = e.listed_by;
                lstats.removed++;
            }
            put(&e);
            lstats.abnormal++;
            ab++;
            if (escalate) {
                serious_tail(o, d1 + 731, 1, "被列入活动异常名录满2年", &se);
                break;
            }
            /* a tenth listed again after removal */
            if (!e.removed || !chance(0.10))
                break;
            d1 = rand_day(e.removed + 30, last_day);
        }
    }
    static const char *const se_reasons[] = {"受到限期停止活动行政处罚", "受到5万元以上罚款处罚",
                                             "三年内因违反国家有关规定受到2次以上行政处罚",
                                             "被撤销登记"};
    while (se < n_se) {
        struct org *o = pick_org(0);
        int g = o->status == ST_REVOKED ? 3 : (int)rnd(3);
        serious_tail(o, rand_day(first_day, last_day), 3 + g, se_reasons[g], &se);
    }
}

/* ---- illegal organisations in batches ---------------------------------------------------- */

static const char *const cn_num[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                                     "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八",
                                     "十九", "二十"};

static void keep_illegal(const char *name)
{
    illegal = xgrow(illegal, &illegal_cap, nillegal + 1, sizeof *illegal);
    illegal[nillegal++] = xstrdup(name);
    names_add(name);
}

/* An invented name for an unregistered organisation (never a registry name). */
static void fresh_name(buf_t *b)
{
    do {
        buf_clear(b);
        buf_adds(b, grand_prefixes[rnd((uint32_t)grand_prefixes_n)]);
        if (chance(0.5))
            buf_adds(b, grand_words[rnd((uint32_t)grand_words_n)]);
        buf_adds(b, "示例");
        if (chance(0.3))
            buf_adds(b, pick_qualifier());
        buf_adds(b, fields[pick_field()].word);
        buf_adds(b, illegal_suffixes[rnd((uint32_t)illegal_suffixes_n)]);
    } while (names_has(b->s));
}

/* Name with one character after its region part replaced; 0 when that is a known name. */
static int one_off(const struct org *o, buf_t *b)
{
    size_t chars = go_chars(o->name + o->prefix_len);
    size_t at = o->prefix_len + go_prefix(o->name + o->prefix_len, rnd((uint32_t)chars));
    size_t clen = go_prefix(o->name + at, 1);
    const char *c;
    do
        c = swap_chars[rnd((uint32_t)swap_chars_n)];
    while (strlen(c) == clen && !memcmp(c, o->name + at, clen));
    buf_clear(b);
    buf_add(b, o->name, at);
    buf_adds(b, c);
    buf_adds(b, o->name + at + clen);
    return !names_has(b->s);
}

static struct org *pick_big_org(void)
{
    for (int tries = 0; tries < 200; tries++) {
        struct org *o = &orgs[rnd((uint32_t)norgs)];
        if (regions[o->region].level <= LV_PROVINCE || tries > 20)
            return o;
    }
    return &orgs[0];
}

static void gen_illegal(long n)
{
    static const char *const kinds[] = {"涉嫌非法社会组织名单", "已取缔",
                                        "被关停网站的非法社会组织名单"};
    /* batches so far per (kind, issuer, year): the number of the next */
    static unsigned char (*counter)[8];
    if (!counter)
        counter = xcalloc(3 * nregions, sizeof *counter);
    buf_t name, note, batch, issuer;
    buf_init(&name);
    buf_init(&note);
    buf_init(&batch);
    buf_init(&issuer);
    long done = 0;
    while (done < n) {
        double x = rnd01();
        int k = x < 0.60 ? 0 : x < 0.75 ? 1 : 2;
        /* issuer: 民政部, a province's 民政厅, or a city's 民政局 */
        size_t ri = 0;
        double y = rnd01();
        if (y >= 0.35)
            do
                ri = rnd((uint32_t)nregions);
            while (regions[ri].level != (y < 0.80 ? LV_PROVINCE : LV_CITY));
        const struct region *r = &regions[ri];
        long day = rand_day(first_day, last_day);
        int year = year_of(day);
        unsigned char *cnt = &counter[(size_t)k * nregions + ri][year - 2019];
        if (*cnt < 20)
            (*cnt)++;
        buf_clear(&batch);
        buf_printf(&batch, "%d年第%s批", year, cn_num[*cnt - 1]);
        buf_clear(&issuer);
        if (k == 2)
            buf_printf(&issuer, "%s、%s网信办", r->authority,
                       ri == 0 ? "国家" : r->dept_prefix);
        else
            buf_adds(&issuer, r->authority);
        char published[11];
        day_str(day, published);
        int size = 8 + (int)rnd(53);
        lstats.batches++;
        for (int seq = 1; seq <= size && done < n; seq++) {
            struct entry e;
            memset(&e, 0, sizeof e);
            e.list = kinds[k];
            e.batch = batch.s;
            e.issuer = issuer.s;
            e.published = published;
            e.seq = seq;
            if (k == 1)
                e.enforcement = r->authority;
            double z = rnd01();
            if (z < 0.10 && nillegal) {
                buf_clear(&name);
                buf_adds(&name, illegal[rnd((uint32_t)nillegal)]);
            } else if (z < 0.30) {
                struct org *o = pick_big_org();
                if (one_off(o, &name))
                    lstats.near_miss++;
                else
                    fresh_name(&name);
            } else if (z < 0.50) {
                struct org *o = pick_big_org();
                buf_clear(&name);
                buf_add(&name, o->name, o->prefix_len);
                buf_adds(&name, grand_words[rnd((uint32_t)grand_words_n)]);
                buf_adds(&name, o->name + o->prefix_len);
                if (names_has(name.s)) {
                    fresh_name(&name);
                } else {
                    buf_clear(&note);
                    buf_printf(&note, "合法登记的为%s", o->name);
                    e.note = note.s;
                    lstats.noted++;
                }
            } else {
                fresh_name(&name);
            }
            e.name = name.s;
            put(&e);
            keep_illegal(name.s);
            lstats.illegal++;
            done++;
        }
    }
    buf_free(&name);
    buf_free(&note);
    buf_free(&batch);
    buf_free(&issuer);
}

/* ---- 养老服务联合惩戒 --------------------------------------------------------------------- */

static void gen_eldercare(long n)
{
    static const char *const reasons[] = {
        "未按规定落实消防安全措施，经责令仍拒不整改", "虚报服务人数骗取运营补贴",
        "发生侵害老年人合法权益的行为，造成严重后果", "未经登记擅自扩大服务范围，拒不改正"};
    static const char *const measures[] = {
        "限制承接政府购买服务、限制评优评先", "追回补贴、限制享受补贴",
        "依法限制参与政府采购和评优评先"};
    for (long i = 0; i < n; i++) {
        struct org *o = pick_org('2');
        struct entry e;
        memset(&e, 0, sizeof e);
        e.list = "养老服务联合惩戒";
        e.subject = "机构";
        e.name = o->name;
        e.code = o->code;
        e.listed = rand_day(first_day, last_day);
        e.reason = reasons[rnd(NELEM(reasons))];
        e.measures = measures[rnd(NELEM(measures))];
        e.listed_by = regions[o->region].authority;
        if (e.listed + 365 < last_day && chance(0.35))
            e.removed = rand_day(e.listed + 365, last_day);
        put(&e);
        lstats.eldercare++;
    }
}

void write_lists(const char *dir, long n)
{
    char *path = xasprintf("%s/lists.csv", dir);
    lf = fopen(path, "w");
    if (!lf) {
        fprintf(stderr, "genorgs: cannot write %s: %s\n", path, strerror(errno));
        exit(1);
    }
    first_day = day_of(2019, 1, 1);
    last_day = day_of(2026, 10, 31);
    fputs("名单,批次,发布机关,发布日期,序号,对象类型,名称,统一社会信用代码,列入日期,列入事由,"
          "列入情形,作出决定机关,决定文号,移出日期,移出事由,移出机关,备注,执法主体,惩戒措施\n",
          lf);
    long n_ab = n * 55 / 100, n_se = n * 20 / 100, n_il = n * 20 / 100;
    gen_credit(n_ab, n_se);
    gen_illegal(n_il);
    gen_eldercare(n - n_ab - n_se - n_il);
    if (fclose(lf) != 0) {
        fprintf(stderr, "genorgs: cannot write %s\n", path);
        exit(1);
    }
    free(path);
}

/* ---- queries ------------------------------------------------------------------------- */

static const struct org *any_org(int valid_code)
{
    const struct org *o;
    do
        o = &orgs[rnd((uint32_t)norgs)];
    while (valid_code && o->bad_check);
    return o;
}

static const char *const code_alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* One line of queries.tsv: class, query, and what a right answer shows (the code of the
 * organisation the query was made from, or an illegal body's name; "" for none). */
static void qline(FILE *f, const char *cls, const char *q, const char *want)
{
    fprintf(f, "%s\t%s\t%s\n", cls, q, want ? want : "");
}

void write_queries(const char *dir, int q)
{
    char *path = xasprintf("%s/queries.tsv", dir);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "genorgs: cannot write %s: %s\n", path, strerror(errno));
        exit(1);
    }
    buf_t b;
    buf_init(&b);
    /* Classes in report order. */
    for (int i = 0; i < q; i++) {
        const struct org *o = any_org(0);
        qline(f, "name_exact", o->name, o->code);
    }
    for (int i = 0; i < q; i++) {
        const struct org *o = any_org(0);
        double x = rnd01();
        char *t = x < 0.5 ? opencc_convert_utf8(cc_s2t, o->name, strlen(o->name)) : NULL;
        buf_clear(&b);
        if (t && strcmp(t, o->name))
            buf_adds(&b, t);
        else if (x < 0.75) /* a full-width space after the region */
            buf_printf(&b, "%.*s　%s", (int)o->prefix_len, o->name, o->name + o->prefix_len);
        else /* the region in full-width brackets */
            buf_printf(&b, "（%.*s）%s", (int)o->prefix_len, o->name, o->name + o->prefix_len);
        qline(f, "variant", b.s, o->code);
        if (t)
            opencc_convert_utf8_free(t);
    }
    /* 中国/中华/全国 written differently or left out: national bodies only (中国示例…). */
    for (int i = 0, tries = 0; i < q && tries < 2000 * q; tries++) {
        const struct org *o = any_org(0);
        if (regions[o->region].level != LV_NATIONAL)
            continue;
        static const char *const nat[] = {"中国", "中华", "全国", ""};
        size_t pl = strlen("中国"); /* each of the three is 2 characters, 6 bytes */
        buf_clear(&b);
        buf_adds(&b, nat[rnd(4)]);
        buf_adds(&b, o->name + pl);
        if (!names_has(b.s)) {
            qline(f, "prefix", b.s, o->code);
            i++;
        }
    }
    for (int i = 0; i < q; i++) {
        const struct org *o = any_org(0);
        buf_clear(&b);
        if (chance(0.5)) {
            buf_adds(&b, o->name + o->prefix_len);
        } else {
            size_t chars = go_chars(o->name), len = 4 + rnd(3);
            if (len > chars)
                len = chars;
            size_t at = go_prefix(o->name, rnd((uint32_t)(chars - len + 1)));
            buf_add(&b, o->name + at, go_prefix(o->name + at, len));
        }
        qline(f, "partial", b.s, o->code);
    }
    for (int i = 0; i < q; i++) {
        const struct org *o;
        do
            o = any_org(0);
        while (!one_off(o, &b));
        qline(f, "similar", b.s, o->code);
    }
    for (int i = 0; i < q; i++) {
        size_t prefix;
        do {
            const struct region *r = &regions[rnd((uint32_t)nregions)];
            char type = "112"[rnd(3)];
            make_name(&b, r, type, pick_field(), &prefix);
        } while (names_has(b.s));
        qline(f, "absent", b.s, NULL);
    }
    /* Registered organisations on a credit or elder-care list (current or removed). */
    for (int i = 0, tries = 0; i < q && tries < 1000 * q; tries++) {
        const struct org *o = any_org(0);
        if (o->listed) {
            qline(f, "listed_credit", o->name, o->code);
            i++;
        }
    }
    for (int i = 0; i < q && nillegal; i++) {
        const char *name = illegal[rnd((uint32_t)nillegal)];
        qline(f, "listed_exact", name, name);
    }
    for (int i = 0; i < q; i++) {
        const struct org *o = any_org(1);
        qline(f, "code_exact", o->code, o->code);
    }
    for (int i = 0; i < q; i++) {
        const struct org *o = any_org(1);
        char c[19];
        memcpy(c, o->code, 19);
        int at = 2 + (int)rnd(16);
        char x;
        do
            x = code_alphabet[rnd(31)];
        while (x == c[at]);
        c[at] = x;
        qline(f, "code_typo", c, o->code);
    }
    for (int i = 0; i < q; i++) {
        const struct org *o = any_org(1);
        char c[19];
        memcpy(c, o->code, 19);
        int at = (int)rnd(18);
        memmove(c + at, c + at + 1, (size_t)(18 - at));
        qline(f, "code_short", c, o->code);
    }
    buf_free(&b);
    if (fclose(f) != 0) {
        fprintf(stderr, "genorgs: cannot write %s\n", path);
        exit(1);
    }
    free(path);
}
