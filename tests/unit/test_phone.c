/* Telephone numbers (core/phone.h): the written forms of landlines, service numbers,
 * mobiles and 400 numbers, extensions and key paths, every refusal with its reason,
 * splitting a cell that holds several numbers, and the real relief-station directory
 * (../shared/corpus/hotlines/relief_stations.csv, read in place when present). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "phone.h"

static void expect_phone(const char *text, enum phone_kind kind, const char *digits,
                         const char *area, const char *local, const char *ext,
                         const char *display)
{
    phone_t p;
    const char *why = "unset";
    enum phone_kind k = phone_parse(text, &p, &why);
    if (k != kind)
        fail_msg("“%s”: kind %d, expected %d (%s)", text, k, kind, why);
    assert_int_equal(p.kind, kind);
    assert_string_equal(why, "");
    assert_string_equal(p.digits, digits);
    assert_string_equal(p.area, area);
    assert_string_equal(p.local, local);
    assert_string_equal(p.extension, ext);
    assert_string_equal(p.display, display);
}

static void expect_bad(const char *text, const char *why_part)
{
    phone_t p;
    memset(&p, 0x55, sizeof p);
    const char *why = NULL;
    enum phone_kind k = phone_parse(text, &p, &why);
    if (k != PK_BAD)
        fail_msg("“%s” read as %d (%s)", text ? text : "(null)", k, p.display);
    assert_int_equal(p.kind, PK_BAD);
    assert_non_null(why);
    assert_true(why[0] != '\0');
    if (!strstr(why, why_part))
        fail_msg("“%s”: reason “%s”, expected “%s”", text ? text : "(null)", why, why_part);
    assert_string_equal(p.digits, "");
    assert_string_equal(p.display, "");
}

static void test_landlines(void **state)
{
    (void)state;
    expect_phone("0431-85086100", PK_LANDLINE, "043185086100", "0431", "85086100", "",
                 "0431-85086100");
    expect_phone("0431－84222088", PK_LANDLINE, "043184222088", "0431", "84222088", "",
                 "0431-84222088");
    expect_phone("０４３１－８５０８６１００", PK_LANDLINE, "043185086100", "0431", "85086100",
                 "", "0431-85086100");
    expect_phone("(0431)85086100", PK_LANDLINE, "043185086100", "0431", "85086100", "",
                 "0431-85086100");
    expect_phone("（0431）8508 6100", PK_LANDLINE, "043185086100", "0431", "85086100", "",
                 "0431-85086100");
    expect_phone("0431 8508 6100", PK_LANDLINE, "043185086100", "0431", "85086100", "",
                 "0431-85086100");
    expect_phone(" 043185086100 ", PK_LANDLINE, "043185086100", "0431", "85086100", "",
                 "0431-85086100");
}

static void test_landlines2(void **state)
{
    (void)state;
    expect_phone("010-62345678", PK_LANDLINE, "01062345678", "010", "62345678", "",
                 "010-62345678");
    expect_phone("021-6234567", PK_LANDLINE, "0216234567", "021", "6234567", "",
                 "021-6234567");
    expect_phone("0570—3854513", PK_LANDLINE, "05703854513", "0570", "3854513", "",
                 "0570-3854513");
    expect_phone("0911--2495958", PK_LANDLINE, "09112495958", "0911", "2495958", "",
                 "0911-2495958");
    expect_phone("0833_2032151", PK_LANDLINE, "08332032151", "0833", "2032151", "",
                 "0833-2032151");
    expect_phone("0437-5102136（白）", PK_LANDLINE, "04375102136", "0437", "5102136", "",
                 "0437-5102136");
    expect_phone("电话：0431-85086100", PK_LANDLINE, "043185086100", "0431", "85086100", "",
                 "0431-85086100");
    expect_phone("+86 431 8508 6100", PK_LANDLINE, "043185086100", "0431", "85086100", "",
                 "0431-85086100");
    expect_phone("+86-10-62345678", PK_LANDLINE, "01062345678", "010", "62345678", "",
                 "010-62345678");
    expect_phone("0086 10 62345678", PK_LANDLINE, "01062345678", "010", "62345678", "",
                 "010-62345678");
    expect_phone("020–8123 4567", PK_LANDLINE, "02081234567", "020", "81234567", "",
                 "020-81234567");
}

static void test_extensions(void **state)
{
    (void)state;
    expect_phone("0431-85086100转803", PK_LANDLINE, "043185086100", "0431", "85086100", "803",
                 "0431-85086100 转 803");
    expect_phone("0431-85086100 分机 803", PK_LANDLINE, "043185086100", "0431", "85086100",
                 "803", "0431-85086100 转 803");
    expect_phone("0431-85086100转分机803", PK_LANDLINE, "043185086100", "0431", "85086100",
                 "803", "0431-85086100 转 803");
    expect_phone("0431-85086100-803", PK_LANDLINE, "043185086100", "0431", "85086100", "803",
                 "0431-85086100 转 803");
    expect_phone("021-63664478-11", PK_LANDLINE, "02163664478", "021", "63664478", "11",
                 "021-63664478 转 11");
    expect_phone("0318-8612063转8018", PK_LANDLINE, "03188612063", "0318", "8612063", "8018",
                 "0318-8612063 转 8018");
    expect_phone("0431-85086100 ext. 803", PK_LANDLINE, "043185086100", "0431", "85086100",
                 "803", "0431-85086100 转 803");
    expect_phone("12345转2", PK_SERVICE, "12345", "", "", "2", "12345 转 2");
    expect_phone("12345-3", PK_SERVICE, "12345", "", "", "3", "12345 转 3");
    expect_phone("12345 按 3-1", PK_SERVICE, "12345", "", "", "3-1", "12345 转 3-1");
    expect_phone("12345转2转1", PK_SERVICE, "12345", "", "", "2-1", "12345 转 2-1");
    expect_phone("１２３４５转２", PK_SERVICE, "12345", "", "", "2", "12345 转 2");
    expect_phone("4008123123转5", PK_NATIONAL, "4008123123", "", "", "5",
                 "400-812-3123 转 5");
}

static void test_other_kinds(void **state)
{
    (void)state;
    expect_phone("12349", PK_SERVICE, "12349", "", "", "", "12349");
    expect_phone("110", PK_SERVICE, "110", "", "", "", "110");
    expect_phone("96110", PK_SERVICE, "96110", "", "", "", "96110");
    expect_phone("028-96009", PK_SERVICE, "02896009", "028", "96009", "", "028-96009");
    expect_phone("0431-12345", PK_SERVICE, "043112345", "0431", "12345", "", "0431-12345");
    expect_phone("4008123123", PK_NATIONAL, "4008123123", "", "", "", "400-812-3123");
    expect_phone("400-812-3123", PK_NATIONAL, "4008123123", "", "", "", "400-812-3123");
    expect_phone("800 810 8888", PK_NATIONAL, "8008108888", "", "", "", "800-810-8888");
    expect_phone("13912345678", PK_MOBILE, "13912345678", "", "", "", "13912345678");
    expect_phone("139 1234 5678", PK_MOBILE, "13912345678", "", "", "", "13912345678");
    expect_phone("139-1234-5678", PK_MOBILE, "13912345678", "", "", "", "13912345678");
    expect_phone("13089384910（夜）", PK_MOBILE, "13089384910", "", "", "", "13089384910");
    expect_phone("+86 139 1234 5678", PK_MOBILE, "13912345678", "", "", "", "13912345678");

    assert_string_equal(phone_service_name("12345"), "政务服务便民热线");
    assert_non_null(strstr(phone_service_name("12349"), "儿童救助保护"));
    assert_non_null(phone_service_name("110"));
    assert_non_null(phone_service_name("12333"));
    assert_null(phone_service_name("96110"));
    assert_null(phone_service_name("043185086100"));
    assert_null(phone_service_name(""));
    assert_null(phone_service_name(NULL));
}

static void test_refusals(void **state)
{
    (void)state;
    expect_bad(NULL, "没有号码");
    expect_bad("", "不是电话号码");
    expect_bad("   ", "不是电话号码");
    expect_bad("无", "不是电话号码");
    expect_bad("暂无电话", "不是电话号码");
    expect_bad("0431-1234567、0431-7654321", "两个号码");
    expect_bad("0431-85086100；0431-85086101", "两个号码");
    expect_bad("0429-4423172 转802、803", "两个号码");
    expect_bad("0471-964153", "区号后应为7或8位号码");
    /* A short number after an area code is a 5-digit 12xxx or 9xxxx line, nothing shorter. */
    expect_bad("0431-123", "区号后应为7或8位号码");
    expect_bad("0431-9600", "区号后应为7或8位号码");
    expect_bad("0431-11234", "区号后应为7或8位号码");
    expect_bad("0431-850861", "区号后应为7或8位号码");
    expect_bad("0431-850861001", "太长");
    expect_bad("0431-05086100", "不能以0或1开头");
    expect_bad("0431-15086100", "不能以0或1开头");
    expect_bad("010-12345678", "不能以0或1开头");
    expect_bad("021-1234567", "不能以0或1开头");
    expect_bad("0211-2345678", "区号长度不对");
    expect_bad("010-1234567-89", "不能以0或1开头");
    expect_bad("0123-4567890", "区号不对");
    expect_bad("00431-85086100", "区号不对");
    expect_bad("85086100", "缺少区号");
    expect_bad("8508610", "缺少区号");
    expect_bad("1391234567", "手机号码应为11位");
    expect_bad("139123456789", "手机号码应为11位");
    expect_bad("12012345678", "不是手机号码");
    expect_bad("123456", "3–5位服务号码或11位手机号码");
    expect_bad("40081231", "400/800号码应为10位");
    expect_bad("12", "号码太短");
    expect_bad("12345转", "转/分机后没有号码");
    expect_bad("转803", "转/分机前没有号码");
    expect_bad("0431-85086100转803室", "分机号中有无法识别的文字");
    expect_bad("0431-85086100值班室", "无法识别的文字");
    expect_bad("0431-85086100-11转2", "分机号写了两次");
    expect_bad("0431-85086100转123456789012345", "分机号太长");
    expect_bad("(0431-85086100", "括号不成对");
    expect_bad("0431)85086100", "括号不成对");
    expect_bad("+1 415 555 1234", "+86");
    expect_bad("0431+85086100", "“+”只能在号码开头");
    expect_bad("\xff\xfe", "不是电话号码");
    char longer[400];
    memset(longer, '1', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    expect_bad(longer, "太长");
    memset(longer, '1', 30);
    longer[30] = '\0';
    expect_bad(longer, "太长");
    /* out may be NULL-safe through why only; why may be NULL */
    phone_t p;
    assert_int_equal(phone_parse("0431-85086100", &p, NULL), PK_LANDLINE);
    assert_int_equal(phone_parse("x", &p, NULL), PK_BAD);
}

static void expect_split(const char *text, size_t n, ...)
{
    char parts[8][64];
    size_t got = phone_split(text, parts, 8);
    if (got != n)
        fail_msg("“%s”: %zu parts, expected %zu", text, got, n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n && i < 8; i++)
        assert_string_equal(parts[i], va_arg(ap, const char *));
    va_end(ap);
}

static void test_split(void **state)
{
    (void)state;
    expect_split("0431-85086100", 1, "0431-85086100");
    expect_split("0431-2345678、0431-7654321", 2, "0431-2345678", "0431-7654321");
    expect_split("0431-85086100 / 12345", 2, "0431-85086100", "12345");
    expect_split("0431-85086100；13912345678；", 2, "0431-85086100", "13912345678");
    expect_split("0431-85086100或12349", 2, "0431-85086100", "12349");
    expect_split("0429-4423172 转802、803", 2, "0429-4423172 转802", "0429-4423172转803");
    expect_split("0431-2345678、7654321", 2, "0431-2345678", "0431-7654321");
    expect_split("0437-5102136 0437-5102134", 2, "0437-5102136", "0437-5102134");
    expect_split("0431 8508 6100", 1, "0431 8508 6100");
    expect_split("0437-5102136（白、夜）", 1, "0437-5102136（白、夜）");
    expect_split("", 0);
    expect_split(" 、 ", 0);
    assert_int_equal(phone_split(NULL, NULL, 0), 0);
    char parts[2][64];
    assert_int_equal(phone_split("110、119、120", parts, 2), 3);
    assert_string_equal(parts[0], "110");
    assert_string_equal(parts[1], "119");
    /* a long piece is cut on a character boundary */
    char longer[200] = "";
    for (int i = 0; i < 30; i++)
        strcat(longer, "号");
    assert_int_equal(phone_split(longer, parts, 2), 1);
    assert_int_equal(strlen(parts[0]), 63);
    for (const unsigned char *p = (const unsigned char *)parts[0]; *p;) {
        assert_true(*p == 0xE5);
        p += 3;
    }
    /* every piece of the split reads */
    static const char *const cells[] = {"0431-2345678、0431-7654321", "0429-4423172 转802、803",
                                        "0437-5102136 0437-5102134", "021-66860756（日）、021-66861013（晚）"};
    for (size_t c = 0; c < sizeof cells / sizeof *cells; c++) {
        char pp[8][64];
        size_t n = phone_split(cells[c], pp, 8);
        assert_true(n >= 2);
        for (size_t i = 0; i < n; i++) {
            const char *why;
            phone_t p;
            if (phone_parse(pp[i], &p, &why) == PK_BAD)
                fail_msg("“%s” piece “%s”: %s", cells[c], pp[i], why);
        }
    }
}

/* ---- the real relief-station directory ---------------------------------------------- */

static void test_real_relief_stations(void **state)
{
    (void)state;
    const char *r = getenv("GONGKAI_ROOT");
    char path[1200];
    snprintf(path, sizeof path, "%s/../shared/corpus/hotlines/relief_stations.csv",
             r ? r : ".");
    if (access(path, R_OK) != 0) {
        print_message("SKIP: ../shared/corpus/hotlines is absent (real-data tests need it "
                      "next to the repository)\n");
        skip();
    }
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char line[2048];
    int rows = 0, ok = 0, split_cells = 0, by_kind[5] = {0};
    struct {
        const char *why;
        int n;
        char example[64];
    } fails[16];
    int nfails = 0;
    int header = 1;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (header) {
            header = 0;
            continue;
        }
        /* province,name,phone,address: the third field (no quotes in this file) */
        char *a = strchr(line, ','), *b = a ? strchr(a + 1, ',') : NULL;
        char *c = b ? strchr(b + 1, ',') : NULL;
        if (!b || !c) {
            fail_msg("row %d has fewer than 4 fields", rows + 2);
            break;
        }
        *c = '\0';
        const char *cell = b + 1;
        rows++;
        char parts[8][64];
        size_t n = phone_split(cell, parts, 8);
        if (n > 1)
            split_cells++;
        int cell_ok = n > 0;
        for (size_t i = 0; i < n && i < 8; i++) {
            phone_t p;
            const char *why;
            enum phone_kind k = phone_parse(parts[i], &p, &why);
            by_kind[k]++;
            if (k == PK_BAD) {
                cell_ok = 0;
                int j;
                for (j = 0; j < nfails && strcmp(fails[j].why, why); j++)
                    ;
                if (j == nfails && nfails < 16) {
                    fails[j].why = why;
                    fails[j].n = 0;
                    snprintf(fails[j].example, sizeof fails[j].example, "%s", cell);
                    nfails++;
                }
                if (j < nfails)
                    fails[j].n++;
            }
        }
        ok += cell_ok;
    }
    fclose(f);
    print_message("relief_stations.csv: %d cells, %d read (%d split), numbers: %d landline, "
                  "%d mobile, %d service, %d national, %d refused\n",
                  rows, ok, split_cells, by_kind[PK_LANDLINE], by_kind[PK_MOBILE],
                  by_kind[PK_SERVICE], by_kind[PK_NATIONAL], by_kind[PK_BAD]);
    for (int j = 0; j < nfails; j++)
        print_message("  refused %d: %s (e.g. “%s”)\n", fails[j].n, fails[j].why,
                      fails[j].example);
    assert_int_equal(rows, 1377);
    /* one number is refused: 0471-964153 has 6 digits after its area code */
    assert_int_equal(by_kind[PK_BAD], 1);
    assert_int_equal(ok, 1376);
    assert_true(by_kind[PK_LANDLINE] > 1300);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_landlines),
        cmocka_unit_test(test_landlines2),
        cmocka_unit_test(test_extensions),
        cmocka_unit_test(test_other_kinds),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_split),
        cmocka_unit_test(test_real_relief_stations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
