/* gencorpus: a deterministic synthetic corpus for `make bench` (docs/benchmarks.md).
 *
 *   gencorpus [-o DIR] [-m MB] [-s SEED]      (defaults: build/bench/corpus, 100, 42)
 *
 * Writes DIR/corpus.ini and, until at least MB x 1,000,000 bytes of UTF-8 text are out:
 *   regs/NNN/<title>(<YYYY-MM-DD>).md   regulations in the Markdown layout: chapters and
 *                                       articles of invented rules (each 第X条 one unit)
 *   notices/NNN/<title>.txt             plain-text notices whose "（一）" items are records:
 *                                       organisation directories (addresses, phones),
 *                                       statistics lines, hotline entries, boundary changes
 * About 70% of the files are Traditional (libopencc s2t.json, a quarter of them s2tw.json),
 * 30% Simplified. Prose is assembled from a hand-written civil-affairs word list plus a
 * generated tail of rare pseudo-words (characters of the word list, frequent ones more
 * often), drawn with Zipf-like frequencies (rank r has weight 1/(r+2.7)^1.15), so there are
 * high-, mid- and low-frequency terms. A quarter of the
 * numbers in records are full-width.
 *
 * Also writes, beside the corpus directory (not inside, so neither `gongkai load` nor grep
 * sees them): DIR.candidates (query candidates for benchq, Simplified, one per line) and
 * DIR.stats (key=value: files, units, average lengths, bytes). Same seed and size, same
 * bytes. */
#include <errno.h>
#include <math.h>
#include <opencc.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "xalloc.h"

/* ---- random numbers --------------------------------------------------------------- */

static uint64_t rng_state;

static uint64_t rnext(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static uint32_t rnd(uint32_t n)
{
    return n ? (uint32_t)(rnext() % n) : 0;
}

static double rnd01(void)
{
    return (double)(rnext() >> 11) / 9007199254740992.0;
}

static int chance(double p)
{
    return rnd01() < p;
}

#define PICK(arr) (arr[rnd(sizeof arr / sizeof *arr)])
#define NELEM(arr) (sizeof arr / sizeof *arr)

/* ---- vocabulary (written for this benchmark; Simplified) ----------------------------- */

/* Ordered from most to least frequent: the position is the Zipf rank. */
static const char *const core_words[] = {
    /* 1-40: the high-frequency head */
    "民政", "部门", "社会救助", "应当", "服务", "最低生活保障", "人民政府", "管理", "养老服务",
    "社会组织", "工作", "老年人", "规定", "机构", "县级以上", "有关", "依法", "慈善", "实施",
    "家庭", "申请", "标准", "制度", "困难", "残疾人", "儿童", "乡镇", "街道", "信息", "审核",
    "监督", "登记", "资金", "政策", "区划地名", "特困人员", "委员会", "建立", "组织", "保障",
    /* 41-150 */
    "救助", "供养", "临时救助", "城乡", "农村", "城市", "居民", "村民委员会", "居民委员会",
    "负责", "落实", "加强", "完善", "健全", "推进", "提高", "统筹", "协调", "指导", "检查",
    "评估", "认定", "核实", "公示", "发放", "补贴", "经费", "预算", "财政", "专项", "社区",
    "志愿服务", "社会工作", "慈善组织", "公益", "捐赠", "募捐", "基金会", "社会团体",
    "民办非企业单位", "业务主管单位", "登记管理机关", "年度报告", "信用", "异常名录", "失信",
    "处罚", "违法", "责任", "程序", "期限", "工作日", "书面", "材料", "证明", "收入", "财产",
    "核对", "调查", "入户", "动态管理", "分类施保", "兜底", "帮扶", "乡村振兴", "衔接",
    "防止返贫", "监测", "预警", "主动发现", "转介", "医疗救助", "教育救助", "住房救助",
    "就业救助", "受灾人员", "自然灾害", "应急", "物资", "流浪乞讨人员", "救助管理站",
    "未成年人保护", "留守儿童", "孤儿", "事实无人抚养儿童", "监护", "收养", "儿童福利机构",
    "婚姻登记", "结婚", "离婚", "殡葬", "火化", "公墓", "骨灰", "殡仪馆", "丧葬", "移风易俗",
    "行政区划", "地名", "命名", "更名", "标准地名", "地名标志", "界线", "勘界",
    /* 151-300 */
    "争议", "调解", "区划调整", "设立", "撤销", "合并", "驻地", "隶属", "代码", "养老机构",
    "养老院", "敬老院", "居家养老", "社区养老", "日间照料", "助餐", "护理", "失能", "半失能",
    "长期护理", "医养结合", "床位", "入住", "等级评定", "消防安全", "食品安全", "服务质量",
    "从业人员", "培训", "职业技能", "养老护理员", "适老化改造", "智慧养老", "高龄津贴",
    "老龄工作", "优抚", "残疾人两项补贴", "精神障碍", "康复", "福利", "彩票公益金", "项目",
    "绩效", "审计", "统计", "报表", "数据", "网络", "平台", "系统", "档案", "保密", "隐私",
    "个人信息", "公开", "政务公开", "依申请公开", "主动公开", "门户网站", "热线", "电话",
    "咨询", "投诉", "举报", "受理", "办理", "答复", "反馈", "回访", "满意度", "考核", "奖励",
    "表彰", "通报", "约谈", "整改", "限期", "责令", "罚款", "警告", "没收", "吊销",
    "撤销登记", "取缔", "非法社会组织", "打击", "整治", "专项行动", "信息化", "数字化",
    "优化", "群众", "应用", "规范性文件", "政策文件", "智能", "互联网", "数据库", "低保边缘家庭",
    "刚性支出困难家庭", "支出型贫困", "急难型临时救助", "先行救助", "一门受理", "协同办理",
    "救助时限", "探访关爱", "巡访", "关爱服务", "特殊困难老年人", "空巢老人", "独居老人",
    "留守老年人", "时间银行", "养老顾问", "家庭养老床位", "嵌入式养老", "普惠养老", "公建民营",
    "运营补贴", "建设补贴", "床位补贴", "护理补贴", "服务补贴", "政府购买服务", "承接主体",
    "第三方评估", "社会工作者", "社工站", "志愿者", "慈善信托", "慈善项目", "公开募捐资格",
    "互联网募捐", "慈善财产", "受益人", "捐赠人", "受托人", "年度工作报告", "财务会计报告",
    "抽查审计", "评估等级", "行业协会商会", "脱钩改革", "党建工作", "章程", "理事会", "监事",
    "法定代表人", "负责人", "住所", "业务范围", "注册资金", "开办资金", "变更登记", "注销登记",
    /* 301-460: the lower middle */
    "清算", "剩余财产", "分支机构", "代表机构", "名称", "印章", "银行账户", "票据", "税收优惠",
    "非营利性", "营利性", "公益性", "捐赠票据", "免税资格", "专项审计", "联合惩戒",
    "严重违法失信名单", "活动异常名录", "信用修复", "移出", "列入", "决定书", "告知书",
    "陈述申辩", "听证", "行政复议", "行政诉讼", "送达", "执行", "强制措施", "查封", "扣押",
    "冻结", "涉嫌", "线索", "核查", "取证", "笔录", "现场检查", "约见", "警示", "风险",
    "防范", "化解", "稳定", "安全生产", "隐患", "排查", "台账", "销号", "闭环", "督办",
    "挂牌", "通报批评", "问责", "追责", "纪律", "廉洁", "作风", "形式主义", "官僚主义",
    "基层减负", "指标", "任务", "分工", "牵头", "配合", "时间节点", "进度", "调度", "会商",
    "联席会议", "工作专班", "部门协作", "信息共享", "数据比对", "居民经济状况核对",
    "核对报告", "授权书", "户籍", "身份证", "户口簿", "居住证", "常住人口", "共同生活",
    "赡养", "抚养", "扶养", "法定义务人", "劳动能力", "重度残疾", "重病患者", "失能老人",
    "分散供养", "集中供养", "供养服务机构", "照料护理", "基本生活", "丧葬事宜", "殡葬服务",
    "惠民殡葬", "基本殡葬服务", "遗体接运", "遗体火化", "骨灰寄存", "海葬", "树葬", "草坪葬",
    "生态安葬", "祭扫", "文明祭扫", "散埋乱葬", "治理", "经营性公墓", "公益性公墓",
    "农村公益性公墓", "墓穴", "墓位", "价格", "收费", "明码标价", "备案", "审批", "许可",
    "行政许可", "告知承诺", "证明事项", "一网通办", "跨省通办", "就近办理", "网上办理",
    "掌上办理", "自助终端", "窗口", "首问负责", "一次性告知", "限时办结", "好差评", "政务服务",
    "便民", "利民", "惠民", "民生", "基本民生保障", "民生兜底", "共同富裕", "高质量发展",
    "现代化", "体系建设", "能力建设", "标准化", "规范化", "专业化", "精细化", "社会化",
    "市场化", "法治化", "制度化", "常态化", "长效机制", "体制机制", "顶层设计", "试点",
    "示范", "推广", "经验", "典型案例", "宣传", "舆论", "引导", "解读", "培训班", "研讨",
    /* 461-: rarer still */
    "课题", "调研", "报告", "建议", "提案", "议案", "办复", "会签", "征求意见", "公开征求意见",
    "合法性审查", "公平竞争审查", "集体讨论", "签发", "印发", "废止", "修订", "修正", "清理",
    "有效期", "解释", "适用", "参照", "过渡期", "溯及", "另行规定", "附件", "附表", "样式",
    "格式文本", "示范文本", "登记证书", "正本", "副本", "换发", "补领", "遗失", "声明作废",
    "年检", "年报", "抽查", "公告", "公示期", "异议", "复核", "更正", "撤回", "中止", "终止",
    "恢复", "延长", "顺延", "节假日", "工作时间", "值班", "值守", "应急预案", "演练", "响应",
    "启动", "解除", "灾情", "核灾", "报灾", "过渡期生活救助", "冬春救助", "倒塌", "损坏",
    "房屋", "重建", "修缮", "转移安置", "临时安置", "寒潮", "暴雨", "洪涝", "干旱", "台风",
    "地震", "冰冻", "雪灾", "低温", "高温", "疫情", "防控", "消毒", "隔离", "巡查", "夜间",
    "寻亲", "返乡", "街面", "护送", "甄别", "站内", "托养", "长期滞留", "落户", "安置",
    "源头治理", "预防", "干预", "心理", "疏导", "评议", "民主评议", "听取意见", "入户调查",
    "信函索证", "邻里访问", "抽样", "复查", "动态复核", "停发", "减发", "增发", "追回",
    "冒领", "骗取", "虚报", "隐瞒", "伪造", "挪用", "截留", "套取", "侵占", "私分",
};

/* Fixed phrases (6-15 characters) added to articles with the given probability. */
static const struct {
    const char *text;
    double p;
} boilerplate[] = {
    {"县级以上人民政府民政部门", 0.32}, {"按照国家有关规定", 0.55},
    {"切实保障困难群众基本生活", 0.10}, {"依照有关法律法规的规定予以处罚", 0.05},
    {"具体办法由省级人民政府民政部门制定", 0.04}, {"对符合条件的申请人", 0.08},
    {"构建多层次分类救助体系", 0.02}, {"建立健全主动发现快速响应机制", 0.015},
    {"鼓励和支持社会力量参与", 0.06}, {"不得以任何形式收取费用", 0.012},
};

static const char *const provinces[] = {
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
    "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省",
    "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省",
    "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
};

static const char *const cities[] = {
    "石家庄", "太原", "沈阳", "长春", "哈尔滨", "南京", "苏州", "杭州", "宁波", "温州", "合肥",
    "福州", "厦门", "南昌", "济南", "青岛", "郑州", "洛阳", "武汉", "宜昌", "长沙", "岳阳",
    "广州", "深圳", "佛山", "南宁", "桂林", "海口", "成都", "绵阳", "贵阳", "遵义", "昆明",
    "大理", "拉萨", "西安", "宝鸡", "兰州", "天水", "西宁", "银川", "乌鲁木齐", "呼和浩特",
    "包头", "大连", "唐山", "保定", "无锡", "徐州", "绍兴",
};

static const char *const departments[] = {
    "民政部", "财政部", "人力资源社会保障部", "国家卫生健康委", "住房城乡建设部", "教育部",
    "省民政厅", "省财政厅", "市民政局", "县民政局", "乡镇人民政府", "街道办事处",
    "应急管理部门", "公安机关", "市场监管部门", "医疗保障部门", "审计机关", "统计部门",
};

static const char *const topics[] = {
    "最低生活保障", "特困人员救助供养", "临时救助", "社会救助", "养老服务", "养老机构管理",
    "居家社区养老服务", "社会组织登记管理", "慈善组织认定", "慈善信托管理", "公开募捐管理",
    "志愿服务", "社会工作", "儿童福利机构管理", "困境儿童保障", "留守儿童关爱保护",
    "流浪乞讨人员救助管理", "婚姻登记", "殡葬管理", "公墓管理", "地名管理", "行政区划管理",
    "行政区域界线管理", "残疾人两项补贴", "高龄津贴发放", "彩票公益金使用管理",
    "社会组织信用信息管理", "政务公开", "民政统计", "居民经济状况核对", "低保边缘家庭认定",
    "受灾人员救助", "家庭养老床位建设", "养老服务补贴", "社区服务", "村务公开",
    "城乡社区治理", "老年人能力评估", "养老护理员培训", "精神障碍社区康复服务",
};

static const char *const doctypes[] = {
    "办法", "实施办法", "暂行办法", "管理办法", "实施细则", "规定", "暂行规定", "条例",
    "实施意见", "工作规程",
};

static const char *const chapter_names[] = {
    "救助对象", "申请程序", "审核确认", "资金管理", "服务内容", "机构管理", "监督检查",
    "法律责任", "保障措施", "信息公开", "登记管理", "服务规范", "队伍建设", "权利义务",
};

static const char *const org_prefixes[] = {
    "瑞丰", "安康", "福寿", "康宁", "惠民", "仁和", "德馨", "春晖", "晨曦", "阳光", "爱心",
    "同心", "和谐", "长青", "夕阳红", "百福", "万家", "永安", "祥和", "益善", "明德", "厚德",
    "博爱", "慈恩", "善缘", "乐龄", "颐和", "怡康", "松柏", "向日葵", "启明", "星光", "暖阳",
    "彩虹", "蒲公英", "银杏", "知行", "致远", "立信", "守望",
};

static const char *const org_suffixes[] = {
    "养老服务中心", "社会工作服务中心", "慈善基金会", "志愿者协会", "社区服务中心",
    "老年人协会", "残疾人康复中心", "儿童关爱中心", "公益服务中心", "老年大学",
    "家庭服务协会", "心理咨询服务中心", "居家养老服务站", "助残服务社", "社工事务所",
    "文化促进会", "书画协会", "慈善会", "社区基金会", "护理院",
};

static const char *const scope_words[] = {
    "生活照料", "助餐助浴", "康复护理", "精神慰藉", "法律咨询", "心理疏导", "技能培训",
    "文体活动", "政策宣传", "困难帮扶", "助学助困", "医疗陪护", "紧急救援", "家政服务",
    "社区治理", "邻里互助", "学术交流", "行业自律", "资格评价", "公益募捐",
};

static const char *const surnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
    "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
};

static const char *const street_chars[] = {
    "人民", "解放", "建设", "中山", "和平", "胜利", "新华", "文化", "光明", "朝阳", "长江",
    "黄河", "东风", "团结", "幸福", "花园", "滨江", "学府", "工业", "迎宾",
};

static const char *const indicators[] = {
    "城市最低生活保障对象", "农村最低生活保障对象", "特困人员", "临时救助", "养老机构",
    "养老床位", "社会组织", "婚姻登记", "孤儿", "事实无人抚养儿童", "高龄津贴领取人数",
    "残疾人两项补贴领取人数", "慈善捐赠", "志愿者注册人数", "社区服务站",
};

static const char *const hotline_services[] = {
    "社会救助", "儿童救助保护", "养老服务", "流浪乞讨救助", "婚姻登记", "殡葬",
    "社会组织投诉举报", "民政综合",
};

/* Places written with uncommon characters: used only in a few rare tail words, so these
 * characters and names are low-frequency search terms. */
static const char *const rare_places[] = {
    "荥阳", "郓城", "缙云", "井陉", "泾川", "浔阳", "骅州", "鼋头", "鳌江", "鸾山",
    "骥原", "璎珞", "缇溪", "蓟门", "鲈乡", "琏湖", "陉口", "郯城",
};

/* Never written: zero-frequency characters and strings. */
static const char *const zero_strings[] = {
    "鲸", "鹦", "鳕", "飨", "鹉鹦", "鲸鱼", "鳕鱼", "鲸鱼馆", "鹦鹉园", "鲸鱼保护",
    "海洋鲸类", "鹦鹉饲养管理", "鲸鱼保护协会", "民政部鲸类保护中心", "火星鹦鹉养殖基地",
    "鳕鱼养殖补贴", "鲸鹦鳕",
};

/* ---- text building ---------------------------------------------------------------- */

static const char *const cn_digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

static void add_cn(buf_t *b, int n)
{
    if (n < 10) {
        buf_adds(b, cn_digits[n]);
    } else if (n < 20) {
        buf_adds(b, "十");
        if (n % 10)
            buf_adds(b, cn_digits[n % 10]);
    } else if (n < 100) {
        buf_adds(b, cn_digits[n / 10]);
        buf_adds(b, "十");
        if (n % 10)
            buf_adds(b, cn_digits[n % 10]);
    } else {
        buf_adds(b, cn_digits[n / 100]);
        buf_adds(b, "百");
        int r = n % 100;
        if (r == 0)
            return;
        if (r < 10) {
            buf_adds(b, "零");
            buf_adds(b, cn_digits[r]);
        } else {
            if (r < 20)
                buf_adds(b, "一");
            add_cn(b, r);
        }
    }
}

/* ASCII digits and - : . % as is, or full-width (FF0D, FF1A, FF0E, FF05, FF10-FF19). */
static void add_ascii(buf_t *b, const char *s, int fw)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (fw && c > 0x20 && c < 0x7F) {
            unsigned cp = 0xFF01 + (c - 0x21);
            char u[3] = {(char)(0xE0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3F)),
                         (char)(0x80 | (cp & 0x3F))};
            buf_add(b, u, 3);
        } else {
            buf_addc(b, (char)c);
        }
    }
}

static void add_fmt(buf_t *b, int fw, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void add_fmt(buf_t *b, int fw, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    add_ascii(b, tmp, fw);
}

/* Number of code points in a UTF-8 string. */
static size_t u8_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

/* ---- the word distribution -------------------------------------------------------- */

#define NTAIL 20000
#define ZIPF_S 1.15

static const char **vocab;  /* core words, then the tail */
static size_t nvocab;
static double *cdf;         /* cumulative Zipf weights */

/* Characters of the core words: the pool the tail's pseudo-words are made of. */
static char (*pool)[5];
static size_t npool;

static void pool_add_chars(const char *w)
{
    const unsigned char *p = (const unsigned char *)w;
    while (*p) {
        int n = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        char c[5] = {0};
        memcpy(c, p, (size_t)n);
        p += n;
        size_t i;
        for (i = 0; i < npool; i++)
            if (!strcmp(pool[i], c))
                break;
        if (i == npool) {
            pool = xrealloc(pool, (npool + 1) * sizeof *pool);
            memcpy(pool[npool++], c, 5);
        }
    }
}

static char **tail_store; /* owned strings of the tail */

/* Rare entries: a rare place with a suffix, placed at deep ranks. */
static const char *const rare_suffixes[] = {"", "市", "街道", "市民政局", "社会福利院"};

static void build_vocab(void)
{
    size_t ncore = NELEM(core_words);
    nvocab = ncore + NTAIL;
    vocab = xcalloc(nvocab, sizeof *vocab);
    tail_store = xcalloc(NTAIL, sizeof *tail_store);
    for (size_t i = 0; i < ncore; i++) {
        vocab[i] = core_words[i];
        pool_add_chars(core_words[i]);
    }
    for (size_t i = 0; i < NELEM(cities); i++)
        pool_add_chars(cities[i]);
    /* Tail characters: Zipf over the pool in order of first appearance (frequent first). */
    double *pcdf = xcalloc(npool, sizeof *pcdf), psum = 0;
    for (size_t i = 0; i < npool; i++)
        pcdf[i] = psum += 1.0 / ((double)i + 10.0);
    for (size_t i = 0; i < NTAIL; i++) {
        int len = chance(0.6) ? 2 : chance(0.75) ? 3 : 4;
        buf_t b;
        buf_init(&b);
        for (int k = 0; k < len; k++) {
            double u = rnd01() * psum;
            size_t lo = 0, hi = npool - 1;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (pcdf[mid] < u)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            buf_adds(&b, pool[lo]);
        }
        tail_store[i] = buf_take(&b);
    }
    free(pcdf);
    /* Rare entries at deep ranks, spread so that each stays below ~0.1% of the units. */
    size_t k = 0;
    for (size_t p = 0; p < NELEM(rare_places); p++)
        for (size_t s = 0; s < NELEM(rare_suffixes); s++, k++) {
            size_t slot = NTAIL - 1 - k * 47;
            free(tail_store[slot]);
            tail_store[slot] = xasprintf("%s%s", rare_places[p], rare_suffixes[s]);
        }
    for (size_t i = 0; i < NTAIL; i++)
        vocab[ncore + i] = tail_store[i];
    cdf = xcalloc(nvocab, sizeof *cdf);
    double sum = 0;
    for (size_t r = 0; r < nvocab; r++) {
        sum += 1.0 / pow((double)r + 3.7, ZIPF_S);
        cdf[r] = sum;
    }
}

static const char *zipf_word(void)
{
    double u = rnd01() * cdf[nvocab - 1];
    size_t lo = 0, hi = nvocab - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cdf[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return vocab[lo];
}

/* ---- prose ------------------------------------------------------------------------ */

static const char *const connectors[] = {"的", "和", "及", "对", "在", "为", "与", "由", "按", "并"};

static int rand_year(void)
{
    return 1995 + (int)rnd(31); /* 1995-2025 */
}

static void add_date_cn(buf_t *b, int y, int m, int d)
{
    buf_printf(b, "%d年%d月%d日", y, m, d);
}

static void add_number_phrase(buf_t *b)
{
    switch (rnd(8)) {
    case 0:
        buf_printf(b, "%d年", rand_year());
        break;
    case 1:
        buf_printf(b, "%d个工作日内", 3 + (int)rnd(28));
        break;
    case 2:
        buf_printf(b, "不低于%d元", 50 * (1 + (int)rnd(40)));
        break;
    case 3:
        buf_printf(b, "每人每月%d元", 200 + (int)rnd(900));
        break;
    case 4:
        buf_printf(b, "%d%%", 1 + (int)rnd(99));
        break;
    case 5:
        buf_adds(b, PICK(provinces));
        break;
    case 6:
        buf_adds(b, PICK(departments));
        break;
    default:
        buf_adds(b, "第");
        add_cn(b, 1 + (int)rnd(9));
        buf_adds(b, "款");
        break;
    }
}

static void add_clause(buf_t *b)
{
    int n = 2 + (int)rnd(6);
    for (int i = 0; i < n; i++) {
        if (i && chance(0.22))
            buf_adds(b, PICK(connectors));
        if (chance(0.05))
            add_number_phrase(b);
        else
            buf_adds(b, zipf_word());
    }
}

static double rnd_normal(void)
{
    double u1 = rnd01(), u2 = rnd01();
    if (u1 < 1e-12)
        u1 = 1e-12;
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

/* One article's text (without the label), about 100-2,000 characters. */
static void add_article_text(buf_t *b)
{
    size_t start = b->len;
    double target = 100.0 + exp(5.0 + 0.7 * rnd_normal());
    if (target > 1900)
        target = 1900;
    int bp[NELEM(boilerplate)];
    for (size_t i = 0; i < NELEM(boilerplate); i++)
        bp[i] = chance(boilerplate[i].p);
    size_t next_bp = 0;
    while (u8_chars(b->s + start, b->len - start) < (size_t)target) {
        int clauses = 1 + (int)rnd(4);
        for (int c = 0; c < clauses; c++) {
            if (c)
                buf_adds(b, chance(0.85) ? "，" : "；");
            while (next_bp < NELEM(boilerplate) && !bp[next_bp])
                next_bp++;
            if (next_bp < NELEM(boilerplate) && chance(0.5)) {
                buf_adds(b, boilerplate[next_bp++].text);
                if (chance(0.5))
                    buf_adds(b, "应当");
            }
            add_clause(b);
        }
        buf_adds(b, "。");
    }
    /* phrases not placed yet go at the end, as a last sentence */
    for (; next_bp < NELEM(boilerplate); next_bp++)
        if (bp[next_bp]) {
            buf_adds(b, boilerplate[next_bp].text);
            add_clause(b);
            buf_adds(b, "。");
        }
}

/* ---- statistics of what was written ----------------------------------------------- */

static struct {
    unsigned long long bytes, chars;
    long files, reg_files, notice_files, trad_files, simp_files, works;
    long articles, items, title_units;
    unsigned long long unit_chars;            /* article and item bodies */
    unsigned long long article_chars, item_chars;
} st;

/* ---- files ------------------------------------------------------------------------ */

static opencc_t cc_s2t, cc_s2tw;
static const char *outdir;

static int mkdir_p(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++)
        if (*s == '/') {
            *s = '\0';
            if (mkdir(p, 0755) != 0 && errno != EEXIST) {
                free(p);
                return -1;
            }
            *s = '/';
        }
    int rc = (mkdir(p, 0755) != 0 && errno != EEXIST) ? -1 : 0;
    free(p);
    return rc;
}

/* 0 Simplified, 1 s2t, 2 s2tw */
static int pick_script(void)
{
    if (chance(0.30))
        return 0;
    return chance(0.75) ? 1 : 2;
}

static char *convert(int script, const char *s, size_t len)
{
    if (!script)
        return xstrndup(s, len);
    char *out = opencc_convert_utf8(script == 1 ? cc_s2t : cc_s2tw, s, len);
    if (!out) {
        fprintf(stderr, "gencorpus: opencc conversion failed: %s\n", opencc_error());
        exit(1);
    }
    char *copy = xstrdup(out);
    opencc_convert_utf8_free(out);
    return copy;
}

static void write_file(const char *sub, long serial, const char *name, const char *ext,
                       int script, const buf_t *text)
{
    char *dir = xasprintf("%s/%s/%03ld", outdir, sub, serial / 500);
    if (mkdir_p(dir) != 0) {
        fprintf(stderr, "gencorpus: cannot create %s: %s\n", dir, strerror(errno));
        exit(1);
    }
    char *cname = convert(script, name, strlen(name));
    char *path = xasprintf("%s/%s%s", dir, cname, ext);
    char *data = convert(script, text->s, text->len);
    size_t len = strlen(data);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
        fprintf(stderr, "gencorpus: cannot write %s: %s\n", path, strerror(errno));
        exit(1);
    }
    st.bytes += len;
    st.chars += u8_chars(data, len);
    st.files++;
    if (script)
        st.trad_files++;
    else
        st.simp_files++;
    free(data);
    free(path);
    free(cname);
    free(dir);
}

/* Titles: province x topic x doctype, each used once (versions of a work share it). */
static unsigned char *title_used;

static char *new_title(void)
{
    size_t np = NELEM(provinces) + 1, nt = NELEM(topics), nd = NELEM(doctypes);
    size_t total = np * nt * nd;
    if (!title_used)
        title_used = xcalloc(total, 1);
    size_t k = rnd((uint32_t)total);
    for (size_t tries = 0; title_used[k] && tries < total; tries++)
        k = (k + 7919) % total;
    if (title_used[k]) { /* all used: add a serial */
        static long extra;
        return xasprintf("%s%s（第%ld号）", topics[rnd((uint32_t)nt)], doctypes[rnd((uint32_t)nd)],
                         ++extra);
    }
    title_used[k] = 1;
    size_t p = k / (nt * nd), t = (k / nd) % nt, d = k % nd;
    return xasprintf("%s%s%s", p < NELEM(provinces) ? provinces[p] : "", topics[t], doctypes[d]);
}

static long reg_serial, notice_serial;

static void gen_regulation(void)
{
    char *title = new_title();
    int script = pick_script();
    int versions = chance(0.18) ? (chance(0.25) ? 3 : 2) : 1;
    const char *organ = PICK(departments);
    int y = rand_year(), m = 1 + (int)rnd(12), d = 1 + (int)rnd(28);
    if (y > 2025 - 2 * versions)
        y = 2025 - 2 * versions;
    int y0 = y, m0 = m, d0 = d;
    st.works++;
    for (int v = 0; v < versions; v++) {
        buf_t b;
        buf_init(&b);
        buf_printf(&b, "# %s\n\n", title);
        add_date_cn(&b, y0, m0, d0);
        buf_printf(&b, " %s公布\n", organ);
        if (v) {
            buf_adds(&b, "\n");
            add_date_cn(&b, y, m, d);
            buf_printf(&b, " %s修订\n", organ);
        }
        buf_adds(&b, "\n<!-- INFO END -->\n\n");
        int nchap = 2 + (int)rnd(6), art = 0;
        for (int c = 1; c <= nchap; c++) {
            buf_adds(&b, "## 第");
            add_cn(&b, c);
            buf_adds(&b, "章 ");
            buf_adds(&b, c == 1 ? "总则" : c == nchap ? "附则" : PICK(chapter_names));
            buf_adds(&b, "\n\n");
            int narts = c == nchap ? 1 + (int)rnd(3) : 2 + (int)rnd(9);
            for (int a = 0; a < narts; a++) {
                buf_adds(&b, "第");
                add_cn(&b, ++art);
                buf_adds(&b, "条 ");
                size_t at = b.len;
                if (c == nchap && a == narts - 1) {
                    buf_adds(&b, "本办法自");
                    add_date_cn(&b, y + (m == 12), m % 12 + 1, 1);
                    buf_adds(&b, "起施行。");
                } else if (art == 1) {
                    buf_printf(&b, "为了%s，%s，根据有关法律法规，结合实际，制定本办法。",
                               zipf_word(), zipf_word());
                } else {
                    add_article_text(&b);
                }
                st.article_chars += u8_chars(b.s + at, b.len - at);
                st.unit_chars += u8_chars(b.s + at, b.len - at);
                st.articles++;
                buf_adds(&b, "\n\n");
            }
        }
        char date[48], *name;
        snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
        name = xasprintf("%s(%s)", title, date);
        write_file("regs", reg_serial++, name, ".md", script, &b);
        st.reg_files++;
        st.title_units++;
        free(name);
        buf_free(&b);
        y += 1 + (int)rnd(2);
        m = 1 + (int)rnd(12);
        d = 1 + (int)rnd(28);
    }
    free(title);
}

/* ---- records ---------------------------------------------------------------------- */

static char *org_names_seen[60];
static size_t norg_names_seen;

static void add_phone(buf_t *b, int fw)
{
    add_fmt(b, fw, "0%d-%d", 10 + (int)rnd(890), 20000000 + (int)rnd(79999999));
}

static void add_address(buf_t *b, const char *prov, const char *city, int fw)
{
    buf_adds(b, prov);
    buf_adds(b, city);
    buf_adds(b, "市");
    buf_adds(b, pool[rnd((uint32_t)npool)]);
    buf_adds(b, pool[rnd((uint32_t)npool)]);
    buf_adds(b, "区");
    buf_adds(b, PICK(street_chars));
    buf_adds(b, chance(0.5) ? "路" : "街");
    add_fmt(b, fw, "%d", 1 + (int)rnd(999));
    buf_adds(b, "号");
}

static void org_record(buf_t *b, const char *prov, const char *city)
{
    int fw = chance(0.25);
    buf_t name;
    buf_init(&name);
    buf_adds(&name, city);
    buf_adds(&name, "市");
    buf_adds(&name, PICK(org_prefixes));
    buf_adds(&name, PICK(org_suffixes));
    if (norg_names_seen < NELEM(org_names_seen))
        org_names_seen[norg_names_seen++] = xstrdup(name.s + strlen(city) + 3);
    buf_adds(b, name.s);
    buf_free(&name);
    buf_adds(b, "，统一社会信用代码：5");
    for (int i = 0; i < 17; i++)
        buf_addc(b, "0123456789ABCDEFGHJKLMNPQRTUWXY"[rnd(i < 8 ? 10 : 31)]);
    buf_adds(b, "，住所：");
    add_address(b, prov, city, fw);
    buf_adds(b, "，联系电话：");
    add_phone(b, fw);
    buf_printf(b, "，法定代表人：%s某%s，登记管理机关：%s市民政局，业务主管单位：%s，注册资金：",
               PICK(surnames), chance(0.5) ? "某" : "", city, PICK(departments));
    add_fmt(b, fw, "%d", 3 + (int)rnd(500));
    buf_adds(b, "万元，成立日期：");
    add_fmt(b, fw, "%d年%d月%d日", rand_year(), 1 + (int)rnd(12), 1 + (int)rnd(28));
    buf_adds(b, "，业务范围：");
    int n = 3 + (int)rnd(5);
    for (int i = 0; i < n; i++) {
        if (i)
            buf_adds(b, "、");
        buf_adds(b, PICK(scope_words));
    }
    buf_adds(b, "。");
}

static void stat_record(buf_t *b, const char *prov, int year)
{
    int fw = chance(0.25);
    add_fmt(b, fw, "%d", year);
    buf_adds(b, "年第");
    add_cn(b, 1 + (int)rnd(4));
    buf_adds(b, "季度，");
    int n = 2 + (int)rnd(4);
    for (int i = 0; i < n; i++) {
        if (i)
            buf_adds(b, "；");
        buf_adds(b, prov);
        buf_adds(b, PICK(indicators));
        add_fmt(b, fw, "%d.%d", 1 + (int)rnd(300), (int)rnd(10));
        buf_adds(b, chance(0.5) ? "万人" : "万个");
        buf_adds(b, "，比上年同期");
        buf_adds(b, chance(0.6) ? "增长" : "下降");
        add_fmt(b, fw, "%d.%d%%", (int)rnd(30), (int)rnd(10));
        if (chance(0.4)) {
            buf_adds(b, "，平均保障标准每人每月");
            add_fmt(b, fw, "%d", 300 + (int)rnd(900));
            buf_adds(b, "元");
        }
    }
    buf_adds(b, "。");
}

static void hotline_record(buf_t *b, const char *prov, const char *city)
{
    int fw = chance(0.25);
    buf_adds(b, city);
    buf_adds(b, "市");
    buf_adds(b, pool[rnd((uint32_t)npool)]);
    buf_adds(b, pool[rnd((uint32_t)npool)]);
    buf_adds(b, "区");
    buf_adds(b, PICK(hotline_services));
    buf_adds(b, "服务热线：");
    if (chance(0.3))
        add_fmt(b, fw, "%s", chance(0.5) ? "12349" : "12345");
    else
        add_phone(b, fw);
    buf_adds(b, "，服务时间：");
    if (chance(0.4))
        buf_adds(b, "全天24小时");
    else
        add_fmt(b, fw, "%s", "8:30-12:00,14:00-17:30");
    buf_adds(b, "，受理范围：");
    add_clause(b);
    buf_adds(b, "，监督电话：");
    add_phone(b, fw);
    buf_adds(b, "，服务对象：");
    add_clause(b);
    buf_adds(b, "，地址：");
    add_address(b, prov, city, fw);
    buf_adds(b, "。");
}

static void boundary_record(buf_t *b, const char *city)
{
    const char *x = pool[rnd((uint32_t)npool)], *y = pool[rnd((uint32_t)npool)];
    buf_printf(b,
               "经国务院批准，撤销%s市%s%s县，设立%s市%s%s区，以原%s%s县的行政区域为%s%s区的"
               "行政区域，%s%s区人民政府驻%s街道",
               city, x, y, city, x, y, x, y, x, y, x, y, PICK(street_chars));
    add_fmt(b, chance(0.25), "%d", 1 + (int)rnd(300));
    buf_adds(b, "号。");
    add_clause(b);
    buf_adds(b, "。");
}

static void gen_notice(void)
{
    int script = pick_script();
    const char *prov = PICK(provinces);
    int year = rand_year(), kind = (int)rnd(4);
    static const char *const kinds[] = {"社会组织名录", "民政统计数据", "民政服务热线目录",
                                        "行政区划变更"};
    static const char *const heads[][4] = {
        {"社会团体", "民办非企业单位", "基金会", "慈善组织"},
        {"社会救助", "养老服务", "儿童福利", "社会组织"},
        {"省级热线", "市级热线", "县级热线", "乡镇服务点"},
        {"地级行政区", "县级行政区", "乡级行政区", "界线变更"},
    };
    char *title = xasprintf("%s民政厅关于公布%d年第%ld批%s的公告", prov, year, notice_serial + 1,
                            kinds[kind]);
    buf_t b;
    buf_init(&b);
    buf_printf(&b, "%s\n", title);
    add_date_cn(&b, year, 1 + (int)rnd(12), 1 + (int)rnd(28));
    buf_adds(&b, "\n");
    int nheads = 1 + (int)rnd(4);
    for (int h = 0; h < nheads; h++) {
        add_cn(&b, h + 1);
        buf_printf(&b, "、%s\n", heads[kind][h]);
        int items = 5 + (int)rnd(36);
        for (int i = 1; i <= items; i++) {
            buf_adds(&b, "（");
            add_cn(&b, i);
            buf_adds(&b, "）");
            size_t at = b.len;
            const char *city = PICK(cities);
            switch (kind) {
            case 0:
                org_record(&b, prov, city);
                break;
            case 1:
                stat_record(&b, prov, year);
                break;
            case 2:
                hotline_record(&b, prov, city);
                break;
            default:
                boundary_record(&b, city);
                break;
            }
            st.item_chars += u8_chars(b.s + at, b.len - at);
            st.unit_chars += u8_chars(b.s + at, b.len - at);
            st.items++;
            buf_adds(&b, "\n");
        }
    }
    write_file("notices", notice_serial++, title, ".txt", script, &b);
    st.notice_files++;
    st.title_units++;
    free(title);
    buf_free(&b);
}

/* ---- candidates for benchq -------------------------------------------------------- */

static void put_line(FILE *f, const char *s)
{
    fprintf(f, "%s\n", s);
}

/* Prefixes of 6..10 characters of s (and s itself when 6..10 long). */
static void put_prefixes(FILE *f, const char *s)
{
    size_t chars = 0;
    for (const char *p = s;; p++) {
        if (!*p || ((unsigned char)*p & 0xC0) != 0x80) {
            if (chars >= 6 && chars <= 10)
                fprintf(f, "%.*s\n", (int)(p - s), s);
            if (!*p)
                break;
            chars++;
        }
    }
}

static void write_candidates(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "gencorpus: cannot write %s\n", path);
        exit(1);
    }
    fputs("# query candidates (Simplified), most frequent first; benchq classifies them by the\n"
          "# number of units they hit\n",
          f);
    for (size_t i = 0; i < NELEM(core_words); i++)
        put_line(f, core_words[i]);
    for (size_t i = 0; i < npool; i++)
        put_line(f, pool[i]);
    for (size_t i = 0; i < NELEM(rare_places); i++) {
        const char *p = rare_places[i];
        fprintf(f, "%.3s\n%.3s\n", p, p + 3);
    }
    for (size_t s = 0; s < NELEM(rare_suffixes); s++)
        for (size_t i = 0; i < NELEM(rare_places); i++)
            fprintf(f, "%s%s\n", rare_places[i], rare_suffixes[s]);
    for (size_t r = 5000; r < NTAIL; r += 997)
        put_line(f, tail_store[r]);
    for (size_t i = 0; i < NELEM(boilerplate); i++)
        put_prefixes(f, boilerplate[i].text);
    for (size_t i = 0; i < norg_names_seen; i++)
        put_line(f, org_names_seen[i]);
    for (size_t i = 0; i < NELEM(provinces); i++)
        put_line(f, provinces[i]);
    for (size_t i = 0; i < NELEM(zero_strings); i++)
        put_line(f, zero_strings[i]);
    fclose(f);
}

/* ---- main ------------------------------------------------------------------------- */

static void usage(void)
{
    fputs("usage: gencorpus [-o DIR] [-m MB] [-s SEED]\n"
          "  -o DIR   output directory (default build/bench/corpus)\n"
          "  -m MB    target size in MB of 1,000,000 bytes (default 100)\n"
          "  -s SEED  random seed (default 42)\n",
          stderr);
}

int main(int argc, char **argv)
{
    outdir = "build/bench/corpus";
    double mb = 100;
    unsigned long long seed = 42;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-o") && i + 1 < argc)
            outdir = argv[++i];
        else if (!strcmp(argv[i], "-m") && i + 1 < argc)
            mb = atof(argv[++i]);
        else if (!strcmp(argv[i], "-s") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else {
            usage();
            return 2;
        }
    }
    if (mb <= 0) {
        usage();
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    cc_s2t = opencc_open("s2t.json");
    cc_s2tw = opencc_open("s2tw.json");
    if (cc_s2t == (opencc_t)-1 || cc_s2tw == (opencc_t)-1) {
        fprintf(stderr, "gencorpus: cannot open OpenCC s2t.json/s2tw.json: %s\n", opencc_error());
        return 1;
    }
    if (mkdir_p(outdir) != 0) {
        fprintf(stderr, "gencorpus: cannot create %s: %s\n", outdir, strerror(errno));
        return 1;
    }
    rng_state = seed;
    build_vocab();

    char *ini = xasprintf("%s/corpus.ini", outdir);
    FILE *f = fopen(ini, "w");
    if (!f) {
        fprintf(stderr, "gencorpus: cannot write %s\n", ini);
        return 1;
    }
    fprintf(f,
            "; generated by bench/gencorpus (seed %llu, %.0f MB): synthetic, not real data\n"
            "[corpus]\n"
            "name = bench-synthetic-%llu\n"
            "as_of = 2026-01-01\n\n"
            "[regulations]\n"
            "kind = regulations\n"
            "path = regs/**/*.md\n"
            "format = markdown\n"
            "level = 地方政府规章\n\n"
            "[notices]\n"
            "kind = regulations\n"
            "path = notices/**/*.txt\n"
            "format = text\n"
            "level = 行政规范性文件\n",
            seed, mb, seed);
    fclose(f);
    free(ini);

    unsigned long long target = (unsigned long long)(mb * 1e6);
    unsigned long long reg_bytes = 0;
    while (st.bytes < target) {
        /* about three quarters of the bytes are regulations, a quarter records */
        unsigned long long before = st.bytes;
        if (reg_bytes <= (st.bytes * 3) / 4) {
            gen_regulation();
            reg_bytes += st.bytes - before;
        } else {
            gen_notice();
        }
    }

    char *cand = xasprintf("%s.candidates", outdir);
    write_candidates(cand);
    free(cand);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;

    long units = st.articles + st.items + st.title_units;
    char *statp = xasprintf("%s.stats", outdir);
    f = fopen(statp, "w");
    if (!f) {
        fprintf(stderr, "gencorpus: cannot write %s\n", statp);
        return 1;
    }
    fprintf(f,
            "seed=%llu\ntarget_mb=%g\nbytes=%llu\nchars=%llu\nfiles=%ld\nreg_files=%ld\n"
            "works=%ld\nnotice_files=%ld\ntrad_files=%ld\nsimp_files=%ld\narticles=%ld\n"
            "items=%ld\ntitle_units=%ld\nunits=%ld\navg_file_chars=%.0f\n"
            "avg_unit_chars=%.0f\navg_article_chars=%.0f\navg_record_chars=%.0f\n"
            "gen_seconds=%.1f\n",
            seed, mb, st.bytes, st.chars, st.files, st.reg_files, st.works, st.notice_files,
            st.trad_files, st.simp_files, st.articles, st.items, st.title_units, units,
            (double)st.chars / (double)st.files,
            (double)st.unit_chars / (double)(st.articles + st.items),
            (double)st.article_chars / (double)(st.articles ? st.articles : 1),
            (double)st.item_chars / (double)(st.items ? st.items : 1), secs);
    fclose(f);
    free(statp);
    printf("gencorpus: %s: %.1f MB, %ld files (%ld regulations in %ld works, %ld notices; "
           "%ld Traditional, %ld Simplified), ~%ld units (%ld articles, %ld records, %ld titles); "
           "average %.0f characters per file, %.0f per article/record; %.1f s\n",
           outdir, st.bytes / 1e6, st.files, st.reg_files, st.works, st.notice_files,
           st.trad_files, st.simp_files, units, st.articles, st.items, st.title_units,
           (double)st.chars / (double)st.files,
           (double)st.unit_chars / (double)(st.articles + st.items), secs);
    opencc_close(cc_s2t);
    opencc_close(cc_s2tw);
    return 0;
}
