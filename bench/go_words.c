/* go_words.c: genorgs's word lists, written for this benchmark (Simplified). Only data.
 * Place names are "示" + an invented syllable (示川市, 示北区), so no generated name is
 * that of a real organisation; national and unregistered organisations carry 示例. */
#include "go.h"

enum {
    D_SPORT, D_CULTURE, D_EDU, D_SCI, D_CIVIL, D_HEALTH, D_AGRI, D_NONE, D_ART, D_SOCSCI,
    D_HR, D_ENV, D_DISAB, D_WOMEN, D_YOUTH, D_ECON
};

const char *const depts[] = {
    "体育局",          "文化和旅游局",     "教育局",     "科学技术协会", "民政局",
    "卫生健康委员会",  "农业农村局",       "",           "文学艺术界联合会", "社会科学界联合会",
    "人力资源和社会保障局", "生态环境局",  "残疾人联合会", "妇女联合会", "共青团委员会",
    "发展和改革委员会",
};
const size_t depts_n = NELEM(depts);

/* Most frequent first. */
const struct field fields[] = {
    /* the head */
    {"体育", D_SPORT}, {"慈善", D_CIVIL}, {"社区服务", D_CIVIL}, {"教育", D_EDU},
    {"书画艺术", D_ART}, {"养老服务", D_CIVIL}, {"志愿者", D_YOUTH}, {"社会工作", D_CIVIL},
    {"个体劳动者", D_NONE}, {"科技", D_SCI}, {"文化", D_CULTURE}, {"老年人体育", D_SPORT},
    {"企业家", D_NONE}, {"家庭教育", D_EDU}, {"围棋", D_SPORT}, {"摄影", D_ART},
    {"音乐", D_ART}, {"舞蹈", D_ART}, {"书法", D_ART}, {"美术", D_ART},
    {"环保志愿者", D_ENV}, {"农业技术", D_AGRI}, {"心理健康", D_HEALTH}, {"乒乓球", D_SPORT},
    {"篮球", D_SPORT}, {"足球", D_SPORT}, {"羽毛球", D_SPORT}, {"象棋", D_SPORT},
    {"太极拳", D_SPORT}, {"武术", D_SPORT}, {"钓鱼", D_SPORT}, {"登山", D_SPORT},
    {"家政服务", D_NONE}, {"物业管理", D_NONE}, {"餐饮", D_NONE}, {"旅游", D_CULTURE},
    {"民间文艺", D_ART}, {"戏曲", D_ART}, {"诗词", D_ART}, {"楹联", D_ART},
    /* the middle */
    {"作家", D_ART}, {"收藏", D_CULTURE}, {"剪纸", D_ART}, {"曲艺", D_ART}, {"京剧", D_ART},
    {"越剧", D_ART}, {"合唱", D_ART}, {"朗诵", D_ART}, {"电影", D_CULTURE}, {"动漫", D_CULTURE},
    {"非物质文化遗产", D_CULTURE}, {"地方志", D_SOCSCI}, {"历史", D_SOCSCI}, {"哲学", D_SOCSCI},
    {"经济", D_SOCSCI}, {"统计", D_SOCSCI}, {"金融", D_ECON}, {"保险", D_ECON},
    {"会计", D_ECON}, {"税务", D_ECON}, {"法学", D_SOCSCI}, {"国学", D_SOCSCI},
    {"传统文化", D_CULTURE}, {"红色文化", D_CULTURE}, {"茶文化", D_CULTURE}, {"酒文化", D_CULTURE},
    {"饮食文化", D_CULTURE}, {"民俗", D_CULTURE}, {"旅游饭店", D_CULTURE}, {"导游", D_CULTURE},
    {"物流", D_ECON}, {"电子商务", D_ECON}, {"软件", D_SCI}, {"计算机", D_SCI},
    {"人工智能", D_SCI}, {"信息化", D_SCI}, {"网络安全", D_SCI}, {"大数据", D_SCI},
    {"建筑业", D_ECON}, {"房地产", D_ECON}, {"装饰装修", D_ECON}, {"汽车", D_ECON},
    {"机械", D_ECON}, {"电子", D_ECON}, {"纺织", D_ECON}, {"服装", D_ECON},
    {"印刷", D_ECON}, {"包装", D_ECON}, {"塑料", D_ECON}, {"化工", D_ECON},
    {"食品", D_ECON}, {"粮食", D_AGRI}, {"茶叶", D_AGRI}, {"水产", D_AGRI},
    {"蔬菜", D_AGRI}, {"果业", D_AGRI}, {"花卉", D_AGRI}, {"畜牧", D_AGRI},
    {"蜂业", D_AGRI}, {"林业", D_AGRI}, {"园林绿化", D_AGRI}, {"农机", D_AGRI},
    {"种子", D_AGRI}, {"农产品流通", D_AGRI}, {"农民专业合作", D_AGRI}, {"乡村旅游", D_AGRI},
    {"中医药", D_HEALTH}, {"医院管理", D_HEALTH}, {"护理", D_HEALTH}, {"健康管理", D_HEALTH},
    {"营养", D_HEALTH}, {"康复医学", D_HEALTH}, {"预防医学", D_HEALTH}, {"口腔医学", D_HEALTH},
    {"医师", D_HEALTH}, {"药学", D_HEALTH}, {"医疗器械", D_HEALTH}, {"急救", D_HEALTH},
    {"职业教育", D_EDU}, {"幼儿教育", D_EDU}, {"学前教育", D_EDU}, {"特殊教育", D_EDU},
    {"成人教育", D_EDU}, {"教育技术", D_EDU}, {"语言文字", D_EDU}, {"外语", D_EDU},
    {"科普", D_SCI}, {"青少年科技", D_SCI}, {"发明", D_SCI}, {"知识产权", D_SCI},
    {"环境科学", D_ENV}, {"生态", D_ENV}, {"气象", D_SCI}, {"地质", D_SCI},
    {"水利", D_SCI}, {"能源", D_ECON}, {"电力", D_ECON}, {"节能", D_ENV},
    {"循环经济", D_ENV}, {"野生动物保护", D_ENV}, {"湿地保护", D_ENV}, {"垃圾分类", D_ENV},
    {"助残", D_DISAB}, {"残疾人", D_DISAB}, {"盲人", D_DISAB}, {"聋人", D_DISAB},
    {"肢残人", D_DISAB}, {"智力残疾人亲友", D_DISAB}, {"精神残疾人亲友", D_DISAB}, {"助盲", D_DISAB},
    {"妇女儿童", D_WOMEN}, {"女企业家", D_WOMEN}, {"婚姻家庭", D_WOMEN}, {"母婴", D_WOMEN},
    {"青年创业", D_YOUTH}, {"大学生", D_YOUTH}, {"青少年发展", D_YOUTH}, {"少年儿童", D_YOUTH},
    {"法律援助", D_HR}, {"人民调解", D_CIVIL}, {"婚姻调解", D_CIVIL}, {"社区矫正", D_CIVIL},
    {"禁毒", D_CIVIL}, {"见义勇为", D_CIVIL}, {"红十字", D_HEALTH}, {"献血", D_HEALTH},
    {"殡葬", D_CIVIL}, {"地名文化", D_CIVIL}, {"婚庆", D_CIVIL}, {"社会救助", D_CIVIL},
    {"儿童福利", D_CIVIL}, {"未成年人保护", D_CIVIL}, {"邻里互助", D_CIVIL}, {"居家养老", D_CIVIL},
    /* the tail */
    {"桥牌", D_SPORT}, {"国际象棋", D_SPORT}, {"五子棋", D_SPORT}, {"网球", D_SPORT},
    {"游泳", D_SPORT}, {"田径", D_SPORT}, {"马拉松", D_SPORT}, {"自行车", D_SPORT},
    {"轮滑", D_SPORT}, {"门球", D_SPORT}, {"健身气功", D_SPORT}, {"龙舟", D_SPORT},
    {"舞龙舞狮", D_SPORT}, {"排球", D_SPORT}, {"台球", D_SPORT}, {"射箭", D_SPORT},
    {"航模", D_SPORT}, {"无线电", D_SPORT}, {"风筝", D_SPORT}, {"毽球", D_SPORT},
    {"柔道", D_SPORT}, {"跆拳道", D_SPORT}, {"拳击", D_SPORT}, {"击剑", D_SPORT},
    {"滑雪", D_SPORT}, {"冰雪运动", D_SPORT}, {"户外运动", D_SPORT}, {"定向运动", D_SPORT},
    {"广场舞", D_SPORT}, {"瑜伽", D_SPORT}, {"健美操", D_SPORT}, {"体育舞蹈", D_SPORT},
    {"钢琴", D_ART}, {"古筝", D_ART}, {"二胡", D_ART}, {"琵琶", D_ART},
    {"管乐", D_ART}, {"民乐", D_ART}, {"声乐", D_ART}, {"话剧", D_ART},
    {"木偶", D_ART}, {"皮影", D_ART}, {"刺绣", D_ART}, {"陶艺", D_ART},
    {"篆刻", D_ART}, {"根雕", D_ART}, {"奇石", D_CULTURE}, {"盆景", D_CULTURE},
    {"集邮", D_CULTURE}, {"钱币", D_CULTURE}, {"读书", D_CULTURE}, {"图书馆", D_CULTURE},
    {"博物馆", D_CULTURE}, {"文物保护", D_CULTURE}, {"古建筑", D_CULTURE}, {"姓氏文化", D_CULTURE},
    {"家谱", D_CULTURE}, {"方言", D_CULTURE}, {"诗歌", D_ART}, {"散文", D_ART},
    {"报告文学", D_ART}, {"网络文学", D_ART}, {"儿童文学", D_ART}, {"翻译", D_SOCSCI},
    {"社会学", D_SOCSCI}, {"心理学", D_SOCSCI}, {"伦理学", D_SOCSCI}, {"逻辑学", D_SOCSCI},
    {"人口学", D_SOCSCI}, {"老年学", D_SOCSCI}, {"城市规划", D_SOCSCI}, {"区域经济", D_SOCSCI},
    {"农村经济", D_SOCSCI}, {"财政学", D_SOCSCI}, {"审计", D_ECON}, {"价格", D_ECON},
    {"质量管理", D_ECON}, {"标准化", D_ECON}, {"计量", D_ECON}, {"安全生产", D_ECON},
    {"消防", D_ECON}, {"保安服务", D_ECON}, {"人力资源服务", D_HR}, {"职业培训", D_HR},
    {"劳动保障", D_HR}, {"创业服务", D_HR}, {"就业促进", D_HR}, {"技能人才", D_HR},
    {"美容美发", D_ECON}, {"洗染", D_ECON}, {"摄影摄像", D_ECON}, {"照明", D_ECON},
    {"眼镜", D_ECON}, {"珠宝玉石", D_ECON}, {"黄金", D_ECON}, {"家具", D_ECON},
    {"陶瓷", D_ECON}, {"石材", D_ECON}, {"建材", D_ECON}, {"钢结构", D_ECON},
    {"混凝土", D_ECON}, {"道路运输", D_ECON}, {"出租汽车", D_ECON}, {"快递", D_ECON},
    {"跨境电商", D_ECON}, {"直播电商", D_ECON}, {"会展", D_ECON}, {"广告", D_ECON},
};
const size_t fields_n = NELEM(fields);

const char *const qualifiers[] = {
    "青少年", "老年人", "妇女", "儿童", "残疾人", "农村", "社区", "城乡", "传统", "民间",
    "企业", "职工", "大学生", "退役军人", "少数民族", "新时代", "现代", "青年", "中小学",
    "家庭", "乡村", "工商", "外商投资", "民营", "个体", "私营", "新阶层", "华侨", "港澳",
    "台胞", "归国留学人员", "知识分子", "科技工作者", "教师", "医务工作者", "律师", "会计师",
    "工程师", "农民", "渔民", "牧民", "老干部", "老战士", "老教授", "老科技工作者",
    "少年", "幼儿", "女性", "中青年", "银发", "社会", "公益", "文明", "绿色", "智慧",
    "数字", "健康", "平安", "和谐", "阳光",
};
const size_t qualifiers_n = NELEM(qualifiers);

const struct suffix suffixes[] = {
    {"协会", '1', 40},      {"研究会", '1', 10},   {"学会", '1', 8},      {"促进会", '1', 6},
    {"行业协会", '1', 6},   {"联合会", '1', 5},    {"商会", '1', 4},      {"联谊会", '1', 3},
    {"爱好者协会", '1', 3}, {"发展促进会", '1', 2}, {"总会", '1', 1},     {"同业公会", '1', 1},
    {"服务中心", '2', 30},  {"培训学校", '2', 12}, {"幼儿园", '2', 10},   {"发展中心", '2', 8},
    {"服务社", '2', 6},     {"研究院", '2', 5},    {"养老院", '2', 5},    {"研究中心", '2', 5},
    {"康复中心", '2', 4},   {"俱乐部", '2', 4},    {"评估中心", '2', 2},  {"指导中心", '2', 2},
    {"艺术学校", '2', 2},   {"职业技能培训学校", '2', 2}, {"社会工作服务社", '2', 2},
    {"基金会", '3', 70},    {"发展基金会", '3', 15}, {"慈善基金会", '3', 10}, {"教育基金会", '3', 5},
};
const size_t suffixes_n = NELEM(suffixes);

/* 示 + one of these: invented place names (no real place is called 示X). */
const char *const syllables[] = {
    "例", "澜", "川", "北", "安", "宁", "和", "丰", "阳", "清", "源", "平", "康", "兴", "禾",
    "林", "泉", "溪", "桥", "湾", "岭", "峰", "原", "洲", "津", "浦", "塘", "坪", "垣", "庄",
    "东", "南", "西", "中", "新", "昌", "盛", "泰", "瑞", "祥", "福", "德", "仁", "义", "礼",
    "信", "文", "武", "明", "华", "荣", "茂", "嘉", "庆", "乐", "悦", "欣", "怡", "静", "远",
    "长", "永", "春", "夏", "秋", "冬", "云", "雨", "霞", "虹", "星", "月", "日", "海", "江",
    "河", "湖", "山", "石", "玉", "金", "银", "铜", "松", "柏", "杨", "柳", "桃", "李", "梅",
    "兰", "竹", "菊", "荷", "莲", "芦", "苇", "蒲", "芝", "蓉", "城", "关", "门", "口", "台",
    "港", "滨", "沙", "田", "畈", "圩", "堰", "坝", "渡", "亭", "阁", "楼", "营", "屯", "堡",
    "寨", "集", "埠", "店", "铺", "沟", "涧", "潭", "渚", "汀", "岛", "崖", "谷", "坡", "冈",
    "岗", "陵", "丘", "坊", "巷", "里", "园", "苑", "廷", "宫", "殿", "溶", "沁", "泽", "沛",
    "淳", "湘", "沅", "澧", "渝", "滇", "黔", "桂", "闽", "赣", "皖", "鄂", "豫", "冀", "晋",
    "陇", "秦", "蜀", "粤", "琼", "辽", "吉", "黑", "蒙", "藏", "疆", "甘", "青", "宜", "定",
    "靖", "绥", "怀", "化", "顺", "通", "达", "广", "博", "厚", "崇", "高", "隆", "升", "恒",
    "益", "利", "贞", "元", "亨", "钧", "衡", "璋", "琳", "琅", "瑶", "瑜", "璟", "晖", "曦",
};
const size_t syllables_n = NELEM(syllables);

const char *const street_words[] = {
    "和平", "人民", "解放", "建设", "文化", "光明", "幸福", "团结", "胜利", "友谊", "新华",
    "中山", "滨江", "环城", "学府", "体育", "民生", "康宁", "安居", "创新", "绿荫", "颐年",
    "文体", "长寿", "北环", "南环", "东风", "西湖", "青年", "健康", "振兴", "繁荣", "迎宾",
    "工业", "科技", "育才", "惠民", "兴业", "富民", "朝阳",
};
const size_t street_words_n = NELEM(street_words);

const char *const surnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
    "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
    "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜",
};
const size_t surnames_n = NELEM(surnames);

const char *const scope_words[] = {
    "交流", "培训", "研究", "咨询", "展览", "比赛", "服务", "宣传", "公益活动", "编辑出版",
    "国际合作", "行业自律", "标准制定", "评比表彰", "技术推广", "信息服务", "人才培养",
};
const size_t scope_words_n = NELEM(scope_words);

const char *const grand_prefixes[] = {
    "中国", "中华", "全国", "国际", "世界", "全球华人", "亚太", "华夏", "中外", "东方",
};
const size_t grand_prefixes_n = NELEM(grand_prefixes);

const char *const grand_words[] = {
    "现代", "当代", "国学", "传统", "民族", "文化", "发展", "战略", "产业", "和平",
    "一带一路", "复兴", "名人", "精英", "百强", "品牌", "诚信", "合作", "交流", "联盟",
};
const size_t grand_words_n = NELEM(grand_words);

const char *const illegal_suffixes[] = {
    "联合会", "促进会", "研究院", "委员会", "联盟", "总会", "协会", "商会", "发展中心",
    "研究会", "学会", "基金管理委员会", "评定中心", "认证中心", "组委会", "书画院",
};
const size_t illegal_suffixes_n = NELEM(illegal_suffixes);

const char *const swap_chars[] = {
    "华", "国", "新", "民", "文", "艺", "学", "研", "发", "展", "联", "合", "社", "区",
    "服", "务", "体", "育", "老", "少", "书", "画", "科", "技", "商", "业", "慈", "善",
    "会", "协", "促", "进", "中", "心", "院", "馆", "健", "康", "美", "术", "音", "乐",
};
const size_t swap_chars_n = NELEM(swap_chars);
