/* Article references as users type them, with and without a title. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "regref.h"

/* Parses s and checks every field and the canonical label. */
static void check(const char *s, const char *title, enum regref_kind kind, long num, int sub,
                  int kuan, int xiang, int mu, const char *label)
{
    regref r;
    if (regref_parse(s, &r) != 0)
        fail_msg("no reference found in \"%s\"", s);
    assert_string_equal(r.title, title);
    assert_int_equal(r.kind, kind);
    assert_int_equal(r.num, num);
    assert_int_equal(r.num_sub, sub);
    assert_int_equal(r.kuan, kuan);
    assert_int_equal(r.xiang, xiang);
    assert_int_equal(r.mu, mu);
    char *l = regref_label(&r);
    assert_string_equal(l, label);
    free(l);
}

/* s is a title only: -1 and the whole trimmed text (without 《》) as the title. */
static void check_title(const char *s, const char *title)
{
    regref r;
    if (regref_parse(s, &r) != -1)
        fail_msg("\"%s\" parsed as a reference (num %ld, title \"%s\")", s, r.num, r.title);
    assert_string_equal(r.title, title);
    assert_int_equal(r.num, 0);
}

static void test_articles(void **state)
{
    (void)state;
    check("第十一条", "", REGREF_ARTICLE, 11, 0, 0, 0, 0, "第十一条");
    check("11", "", REGREF_ARTICLE, 11, 0, 0, 0, 0, "第十一条");
    check("11条", "", REGREF_ARTICLE, 11, 0, 0, 0, 0, "第十一条");
    check("第11条", "", REGREF_ARTICLE, 11, 0, 0, 0, 0, "第十一条");
    check("十一条", "", REGREF_ARTICLE, 11, 0, 0, 0, 0, "第十一条");
    check("第一千零六十五条", "", REGREF_ARTICLE, 1065, 0, 0, 0, 0, "第一千零六十五条");
    check("  第十一条。 ", "", REGREF_ARTICLE, 11, 0, 0, 0, 0, "第十一条");
}

static void test_inserted_articles(void **state)
{
    (void)state;
    check("第十条之一", "", REGREF_ARTICLE, 10, 1, 0, 0, 0, "第十条之一");
    check("10之1", "", REGREF_ARTICLE, 10, 1, 0, 0, 0, "第十条之一");
    check("第10条之2", "", REGREF_ARTICLE, 10, 2, 0, 0, 0, "第十条之二");
    check("第十条之一第二款", "", REGREF_ARTICLE, 10, 1, 2, 0, 0, "第十条之一第二款");
}

static void test_subunits(void **state)
{
    (void)state;
    check("第十一条第二款", "", REGREF_ARTICLE, 11, 0, 2, 0, 0, "第十一条第二款");
    check("第十一条第二款第（三）项", "", REGREF_ARTICLE, 11, 0, 2, 3, 0,
          "第十一条第二款第（三）项");
    check("第十一条第二款第(三)项", "", REGREF_ARTICLE, 11, 0, 2, 3, 0,
          "第十一条第二款第（三）项");
    check("第11条第2款第3项", "", REGREF_ARTICLE, 11, 0, 2, 3, 0, "第十一条第二款第（三）项");
    check("第十一条第（三）项", "", REGREF_ARTICLE, 11, 0, 0, 3, 0, "第十一条第（三）项");
    check("第十一条（三）", "", REGREF_ARTICLE, 11, 0, 0, 3, 0, "第十一条第（三）项");
    check("第五条第一款第（二）项第3目", "", REGREF_ARTICLE, 5, 0, 1, 2, 3,
          "第五条第一款第（二）项第三目");
    check("11条2款", "", REGREF_ARTICLE, 11, 0, 2, 0, 0, "第十一条第二款");
}

static void test_section_sign(void **state)
{
    (void)state;
    check("§24", "", REGREF_ARTICLE, 24, 0, 0, 0, 0, "第二十四条");
    check("§ 24", "", REGREF_ARTICLE, 24, 0, 0, 0, 0, "第二十四条");
    check("慈善法 §24", "慈善法", REGREF_ARTICLE, 24, 0, 0, 0, 0, "第二十四条");
    check("慈善法§24", "慈善法", REGREF_ARTICLE, 24, 0, 0, 0, 0, "第二十四条");
}

static void test_headings_and_items(void **state)
{
    (void)state;
    check("第二章", "", REGREF_CHAPTER, 2, 0, 0, 0, 0, "第二章");
    check("第一节", "", REGREF_SECTION, 1, 0, 0, 0, 0, "第一节");
    check("第三编", "", REGREF_PART, 3, 0, 0, 0, 0, "第三编");
    check("第一分编", "", REGREF_SUBPART, 1, 0, 0, 0, 0, "第一分编");
    check("（二）", "", REGREF_ITEM, 2, 0, 0, 0, 0, "（二）");
    check("(二)", "", REGREF_ITEM, 2, 0, 0, 0, 0, "（二）");
    check("（二十一）", "", REGREF_ITEM, 21, 0, 0, 0, 0, "（二十一）");
    check("社会救助暂行办法第二章", "社会救助暂行办法", REGREF_CHAPTER, 2, 0, 0, 0, 0, "第二章");
    check("某某工作要点 （二）", "某某工作要点", REGREF_ITEM, 2, 0, 0, 0, 0, "（二）");
}

static void test_with_titles(void **state)
{
    (void)state;
    check("社会救助暂行办法 第十一条", "社会救助暂行办法", REGREF_ARTICLE, 11, 0, 0, 0, 0,
          "第十一条");
    check("社会救助暂行办法第十一条", "社会救助暂行办法", REGREF_ARTICLE, 11, 0, 0, 0, 0,
          "第十一条");
    check("社会救助暂行办法 11", "社会救助暂行办法", REGREF_ARTICLE, 11, 0, 0, 0, 0,
          "第十一条");
    check("《中华人民共和国民法典》第1065条", "中华人民共和国民法典", REGREF_ARTICLE, 1065, 0, 0,
          0, 0, "第一千零六十五条");
    check("民法典第一千零六十五条", "民法典", REGREF_ARTICLE, 1065, 0, 0, 0, 0,
          "第一千零六十五条");
    check("《民法典》1065", "民法典", REGREF_ARTICLE, 1065, 0, 0, 0, 0, "第一千零六十五条");
    check("慈善法24条", "慈善法", REGREF_ARTICLE, 24, 0, 0, 0, 0, "第二十四条");
    check("慈善法第二十四条", "慈善法", REGREF_ARTICLE, 24, 0, 0, 0, 0, "第二十四条");
    check("社会救助暂行办法 10之1", "社会救助暂行办法", REGREF_ARTICLE, 10, 1, 0, 0, 0,
          "第十条之一");
    check("社会救助暂行办法第十一条第二款第（三）项", "社会救助暂行办法", REGREF_ARTICLE, 11, 0, 2,
          3, 0, "第十一条第二款第（三）项");
    /* a title with digits and 第…号 of its own keeps them */
    check("民政部令第60号第三条", "民政部令第60号", REGREF_ARTICLE, 3, 0, 0, 0, 0, "第三条");
    check("民政部2022年政务公开工作要点 3", "民政部2022年政务公开工作要点", REGREF_ARTICLE, 3, 0, 0,
          0, 0, "第三条");
}

static void test_traditional_and_fullwidth(void **state)
{
    (void)state;
    check("第十一條", "", REGREF_ARTICLE, 11, 0, 0, 0, 0, "第十一条");
    check("第１１条第２款", "", REGREF_ARTICLE, 11, 0, 2, 0, 0, "第十一条第二款");
    check("社會救助暫行辦法　第十一條第二款第（三）項", "社會救助暫行辦法", REGREF_ARTICLE, 11, 0,
          2, 3, 0, "第十一条第二款第（三）项");
    check("第二章", "", REGREF_CHAPTER, 2, 0, 0, 0, 0, "第二章");
    check("第一節", "", REGREF_SECTION, 1, 0, 0, 0, 0, "第一节");
}

static void test_titles_only(void **state)
{
    (void)state;
    check_title("社会救助暂行办法", "社会救助暂行办法");
    check_title("《中华人民共和国民法典》", "中华人民共和国民法典");
    check_title("  民政部2022年政务公开工作要点 ", "民政部2022年政务公开工作要点");
    check_title("民政部令第60号", "民政部令第60号");
    check_title("民发〔2021〕57号", "民发〔2021〕57号");
    check_title("条例2", "条例2");                   /* bare number glued to a title */
    check_title("稳就业二十条", "稳就业二十条");     /* Chinese numeral + 条 glued */
    check_title("关于修改〈某条例〉第十条的决定", "关于修改〈某条例〉第十条的决定");
    check_title("某某通知(二)", "某某通知(二)");
    check_title("第十一条的理解与适用", "第十一条的理解与适用");
    check_title("第十一条第三款第二款", "第十一条第三款第二款");
    check_title("", "");
    check_title("   ", "");
    regref r;
    assert_int_equal(regref_parse(NULL, &r), -1);
}

static void test_long_title_truncated(void **state)
{
    (void)state;
    char s[2000] = "";
    for (int i = 0; i < 300; i++)
        strcat(s, "法");
    strcat(s, " 第三条");
    regref r;
    assert_int_equal(regref_parse(s, &r), 0);
    assert_int_equal(r.num, 3);
    assert_true(strlen(r.title) < REGREF_TITLE_MAX);
    assert_int_equal(strlen(r.title) % 3, 0); /* whole characters only */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_articles),
        cmocka_unit_test(test_inserted_articles),
        cmocka_unit_test(test_subunits),
        cmocka_unit_test(test_section_sign),
        cmocka_unit_test(test_headings_and_items),
        cmocka_unit_test(test_with_titles),
        cmocka_unit_test(test_traditional_and_fullwidth),
        cmocka_unit_test(test_titles_only),
        cmocka_unit_test(test_long_title_truncated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
