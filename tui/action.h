/* Every named action of the console, with its help text: one table for the key bindings,
 * config.ini's [keys] section, the help screen and docs/keys.md. */
#ifndef GONGKAI_ACTION_H
#define GONGKAI_ACTION_H

/* X(ID, name used in config.ini, label in the function-key bar, help text) */
#define ACTIONS(X)                                                                         \
    X(QUIT, "quit", "退出", "退出 quit")                                                            \
    X(HELP, "help", "帮助", "帮助：按键一览 help")                                                   \
    X(REDRAW, "redraw", "重画", "重画屏幕 redraw the screen")                                        \
    X(PANE_SEARCH, "pane-search", "搜索", "搜索窗格：查全部 search everything")                       \
    X(PANE_REGS, "pane-regs", "法规", "法规窗格 regulations")                                        \
    X(PANE_ORGS, "pane-orgs", "组织", "社会组织窗格：是否在名单上 organisations and lists")            \
    X(PANE_PLACES, "pane-places", "地名", "地名窗格：区划名称、代码和沿革 places and division codes")      \
    X(PANE_STATS, "pane-stats", "统计", "统计窗格：低保、特困、临时救助数字 relief statistics")          \
    X(PANE_HOTLINES, "pane-hotlines", "热线", "热线窗格：来电地点该转哪条热线、现在是否有人接 hotlines for a caller") \
    X(NEXT_PANE, "next-pane", "下个", "下一个窗格 next pane")                                         \
    X(PREV_PANE, "prev-pane", "上个", "上一个窗格 previous pane")                                     \
    X(FOCUS_INPUT, "focus-input", "输入", "输入查询 type a query")                                   \
    X(TOGGLE_SCRIPT, "toggle-script", "简繁", "简体/繁体显示 Simplified/Traditional display")        \
    X(TOGGLE_HISTORY, "toggle-history", "记录", "暂停/恢复记录查询历史（本次运行）stop or resume recording the history") \
    X(UP, "up", "上", "上一行 up")                                                                 \
    X(DOWN, "down", "下", "下一行 down")                                                           \
    X(PAGE_UP, "page-up", "上页", "上一页 page up")                                                  \
    X(PAGE_DOWN, "page-down", "下页", "下一页 page down")                                            \
    X(FIRST, "first", "首行", "第一行 first")                                                        \
    X(LAST, "last", "末行", "最后一行 last")                                                         \
    X(OPEN, "open", "打开", "打开 open")                                                             \
    X(BACK, "back", "返回", "返回 back")                                                             \
    X(FILTER, "filter", "筛选", "筛选：法规按效力位阶，组织按名单地区，地名按层级，统计选指标、地区、时期 filter") \
    X(SORT, "sort", "排序", "排序 sort")                                                             \
    X(TOGGLE_REPEALED, "toggle-repealed", "已废止", "显示/隐藏已修改、已废止 show or hide superseded")  \
    X(GOTO_ARTICLE, "goto-article", "跳转", "跳到第X条 go to an article")                            \
    X(NEXT_ARTICLE, "next-article", "下一条", "下一条 next article")                                   \
    X(PREV_ARTICLE, "prev-article", "上一条", "上一条 previous article")                               \
    X(NEXT_MATCH, "next-match", "下一处", "下一处匹配 next match")                                     \
    X(PREV_MATCH, "prev-match", "上一处", "上一处匹配 previous match")                                 \
    X(COPY_CITATION, "copy-citation", "引用", "复制引用 copy the citation")                          \
    X(VERSIONS, "versions", "版本", "版本列表 versions")                                             \
    X(TOGGLE_TREE, "toggle-tree", "目录", "显示/隐藏条文目录 article list")                  \
    X(DETAIL, "detail", "详情", "详情：名称沿革和代码变更 details and history")                     \
    X(AS_OF, "as-of", "日期", "按日期查：当时的名称和代码 as of a date")                              \
    X(COLUMN_LEFT, "column-left", "左列", "左一列（表格横向滚动）column left")                        \
    X(COLUMN_RIGHT, "column-right", "右列", "右一列（表格横向滚动）column right")                     \
    X(CHART, "chart", "图表", "图表/表格：条形图、趋势 chart or table")                               \
    X(CHANGE, "change", "同比", "原值、同比、环比轮换 value, year on year, period on period")             \
    X(CONVERT_PERIOD, "convert-period", "换算", "允许元/人月与元/人年换算（乘除 12，标明）month/year conversion") \
    X(TRANSPOSE, "transpose", "转置", "行列互换 swap rows and columns")                              \
    X(COPY_TABLE, "copy-table", "复制表", "复制整个表格（TSV）copy the table as TSV")          \
    X(TOGGLE_INACTIVE, "toggle-inactive", "已停用", "显示/隐藏已并入、已停用的热线 show or hide merged and retired lines") \
    X(LOCAL_INFO, "local-info", "本地", "来电地区的低保标准和政策问答 the area's relief standard and Q&A") \
    X(QA_BROWSE, "qa-browse", "问答", "按类别浏览政策问答 browse Q&A by category")

enum action {
    ACT_NONE = 0,
#define X(id, name, label, help) ACT_##id,
    ACTIONS(X)
#undef X
    ACT_COUNT
};

/* Name ("quit"), function-key bar label ("退出") and help text of an action. */
const char *action_name(enum action a);
const char *action_label(enum action a);
const char *action_help(enum action a);
/* The action with that name, or ACT_NONE. */
enum action action_by_name(const char *name);

#endif
