-- gongkai database schema: the single source of truth for every domain.
-- Built by `gongkai load` into a new file, verified, then renamed over the old one.
-- Dates are ISO 8601 text (YYYY-MM-DD, or YYYY-MM / YYYY where only that is known).
-- Every record carries source_id -> source (provenance); raw published values are kept
-- beside canonical ones (status_raw, value_raw ...).
--
-- The console opens the file read-only and refuses a database whose user_version or
-- tokenizer stamp (meta 'fts_stamp') differs from its own.

PRAGMA user_version = 9;

-- ---- build facts ---------------------------------------------------------------------
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,   -- schema_version, fts_stamp, corpus_name, as_of, built_at,
    value TEXT NOT NULL       -- builder, counts.*
) WITHOUT ROWID;

-- One row per manifest section and file read.
CREATE TABLE source (
    id          INTEGER PRIMARY KEY,
    corpus      TEXT NOT NULL,        -- corpus name from [corpus] name=
    section     TEXT NOT NULL,        -- manifest section
    kind        TEXT NOT NULL,        -- regulations, reg_index, vocab, ...
    path        TEXT NOT NULL,        -- path relative to the corpus root
    encoding    TEXT NOT NULL,        -- encoding the file was read in (detected or declared)
    sha256      TEXT NOT NULL,        -- of the file's bytes as read
    bytes       INTEGER NOT NULL,
    publisher   TEXT,
    url         TEXT,
    retrieved   TEXT,                 -- date the data was retrieved
    licence     TEXT
);

-- ---- search units ---------------------------------------------------------------------
-- Every searchable unit of every domain (a regulation article, a Q&A item, an organisation,
-- a hotline entry...) is a row here; its text is stored once and indexed by doc_fts.
--
-- The loader inserts docs sorted by (domain in reverse display order, rank_group DESC,
-- date, position), so each (domain, rank_group) is one contiguous rowid range (doc_range)
-- and a higher rowid comes first: earlier domain, better status, newer. Searches run per
-- range with FTS5's rowid constraints: in-force items rank before repealed ones without
-- computing bm25 for all of them, a domain filter costs nothing, and "newest first" in
-- display order is FTS5's native ORDER BY rowid DESC over the whole table.
-- Small columns come first so reading them never touches the body's overflow pages.
CREATE TABLE doc (
    id         INTEGER PRIMARY KEY,
    domain     TEXT NOT NULL,         -- reg, org, place, stat, hotline, qa
    ref_id     INTEGER NOT NULL,      -- row id in the domain's own table (reg: reg_node.id)
    rank_group INTEGER NOT NULL DEFAULT 0, -- 0 in force ... 5 repealed: sorts before bm25
    date       TEXT,                  -- date used to order unranked results (newest first)
    title      TEXT NOT NULL,         -- e.g. 社会救助暂行办法 第十一条
    body       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE doc_range (
    domain     TEXT NOT NULL,
    rank_group INTEGER NOT NULL,
    lo         INTEGER NOT NULL,      -- first rowid of the range
    hi         INTEGER NOT NULL,      -- last rowid of the range
    PRIMARY KEY (domain, rank_group)
) WITHOUT ROWID;

-- body before title: FTS5 marks every hit outside column 0 with a column number, and
-- most hits are in bodies (measured: 1.56x the text with title first, 1.06x body first).
CREATE VIRTUAL TABLE doc_fts USING fts5(
    body, title, content='doc', content_rowid='id', tokenize='zh'
);

-- Taiwan/mainland vocabulary and aliases beyond the built-in data/vocab.txt
-- (a corpus may add its own). One row per member; members of a group are equivalent.
CREATE TABLE vocab (
    grp    INTEGER NOT NULL,
    term   TEXT NOT NULL,
    source_id INTEGER REFERENCES source(id)
);

-- ---- regulations (法规规章规范性文件) --------------------------------------------------
CREATE TABLE regulation (
    id               INTEGER PRIMARY KEY,
    work_key         TEXT NOT NULL,   -- folded short title: versions of one law share it
    title            TEXT NOT NULL,   -- full title as published
    short_title      TEXT NOT NULL,   -- without 中华人民共和国
    edition_label    TEXT,            -- e.g. 2023修正
    version_date     TEXT,            -- date of this version (file name or latest event)
    level            TEXT,            -- 效力位阶: 法律, 行政法规, 部门规章, 行政规范性文件...
    issuing_organs   TEXT,            -- 制定机关, several separated by 、
    doc_number       TEXT,            -- 令号/文号 as published: 国务院令第649号, 民发〔2021〕57号
    doc_number_norm  TEXT,            -- brackets normalised to 〔〕
    adopted_date     TEXT,            -- 会议通过
    promulgated_date TEXT,            -- 公布
    effective_date   TEXT,            -- 施行
    amended_dates    TEXT,            -- 修正/修订 dates, comma-separated, oldest first
    status           TEXT NOT NULL CHECK (status IN ('in_force', 'amended', 'partly_invalid',
                       'repealed', 'not_yet_effective', 'expired')),
    status_raw       TEXT,            -- as published (现行有效, 已被修改 ...) or derived
    status_source    TEXT,            -- index, manifest, derived
    superseded_by    INTEGER REFERENCES regulation(id),
    preamble         TEXT,            -- 题注 / event lines, as published
    topic            TEXT,
    source_id        INTEGER REFERENCES source(id),
    line             INTEGER          -- line of the title in the source file
);

-- The article tree: 编 / 分编 / 章 / 节 / 条 / 款 / 项 / 目, plus 段 for the numbered
-- items and paragraphs of documents without articles (notices, work plans), and one 题注
-- node (ordinal 0) holding the title and preamble as a search unit.
-- A 题注, 条 or 段 owns a doc row (domain reg, ref_id = node id) with its whole text;
-- 款/项/目 nodes point into that text by byte offsets [text_start, text_end) into doc.body.
CREATE TABLE reg_node (
    id         INTEGER PRIMARY KEY,
    reg_id     INTEGER NOT NULL REFERENCES regulation(id),
    parent_id  INTEGER REFERENCES reg_node(id),
    kind       TEXT NOT NULL CHECK (kind IN ('题注', '编', '分编', '章', '节', '标题', '条', '款',
                 '项', '目', '段')),   -- 标题: a heading of no numbered form (附则)
    label      TEXT NOT NULL,         -- 第十一条, 第十条之一, 第二章, （一）, 第2款
    num        INTEGER,               -- 11 for 第十一条, 1 for （一）
    num_sub    INTEGER NOT NULL DEFAULT 0, -- 1 for 第十条之一
    ordinal    INTEGER NOT NULL,      -- document order within the regulation
    heading    TEXT,                  -- 总则 for 第一章 总则
    path       TEXT NOT NULL,         -- 第二章/第十一条
    text_start INTEGER,
    text_end   INTEGER,
    line       INTEGER                -- line in the source file
);

CREATE TABLE reg_relation (
    from_id  INTEGER NOT NULL REFERENCES regulation(id),
    to_id    INTEGER REFERENCES regulation(id),
    to_title TEXT,                    -- when the target is not in the corpus
    type     TEXT NOT NULL CHECK (type IN ('amends', 'repeals', 'replaces', 'implements',
               'interprets', 'related', 'cites', 'version_of'))
);

-- ---- social organisations and lists (社会组织, 信用名单, 非法社会组织) ----------------------
-- Every organisation the corpus knows is one org row: from the registry (registered = 1)
-- or known only from a published list (registered = 0: 涉嫌非法 and 取缔 lists name
-- bodies that were never registered). A list entry is one listing row linked to its org
-- at the end of the load: by 统一社会信用代码, else (credit lists only) by a unique exact
-- name key among registered organisations; an illegal-organisation entry is never linked
-- to a registered body by name alone (same name, different body: a false accusation).
-- One search unit (doc, domain org) per org, grouped: currently listed, previously listed,
-- registered, deregistered.
CREATE TABLE org (
    id               INTEGER PRIMARY KEY,
    registered       INTEGER NOT NULL,  -- 1 from the registry, 0 known only from lists
    uscc             TEXT,            -- 统一社会信用代码, normalised (ASCII, upper case)
    uscc_raw         TEXT,
    uscc_check       TEXT CHECK (uscc_check IN ('ok', 'bad_check', 'bad_format', 'none')),
    name             TEXT NOT NULL,
    name_key         TEXT NOT NULL,   -- folded, without punctuation (core/orgname.h)
    name_core        TEXT NOT NULL,   -- name_key without a 中国/中华/全国 prefix
    org_type         TEXT,            -- 社会团体, 民办非企业单位 (社会服务机构), 基金会
    reg_authority    TEXT,            -- 登记管理机关
    supervisor_unit  TEXT,            -- 业务主管单位
    legal_rep        TEXT,            -- 法定代表人
    founded_date     TEXT,
    registered_capital TEXT,
    status           TEXT,            -- 登记状态 as published: 正常, 注销, 撤销 ...
    active           INTEGER,         -- 1 正常/存续, 0 注销/撤销/吊销, NULL unknown
    address          TEXT,
    scope            TEXT,            -- 业务范围
    region_code      TEXT,            -- division of the registration authority, if known
    as_of            TEXT,
    source_id        INTEGER REFERENCES source(id),
    line             INTEGER
);

-- Every name an organisation is known by: its name, former names (曾用名) and each name
-- a list printed it under. Rows are written in verdict order (deregistered, registered,
-- listed before, listed now), so a name search reading rowids downwards meets the
-- organisations on a list first.
CREATE TABLE org_name (
    org_id     INTEGER NOT NULL REFERENCES org(id),
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL,
    name_core  TEXT NOT NULL,
    current    INTEGER NOT NULL,      -- 1 the present name, 0 a former one
    valid_to   TEXT                   -- last day of a former name, if known
);

-- A published batch of a list (民政部 2021年第一批 涉嫌非法社会组织名单, 浙江省2024年第四批 ...).
CREATE TABLE list_batch (
    id             INTEGER PRIMARY KEY,
    list_kind      TEXT NOT NULL,     -- as listing.list_kind
    issuer         TEXT,
    year           INTEGER,
    batch_no       TEXT,              -- 2021年第三批
    published_date TEXT,              -- YYYY-MM-DD, YYYY-MM or YYYY
    published_raw  TEXT,
    complete       INTEGER,           -- 1 every entry of the batch is here, 0 not, NULL unknown
    url            TEXT,
    source_id      INTEGER REFERENCES source(id)
);

-- One entry of a list: 活动异常名录 / 严重违法失信名单 (民政部令第60号), 涉嫌非法 / 已取缔 /
-- 关停网站 batches, 养老服务领域联合惩戒对象 (机构 or 人员).
CREATE TABLE listing (
    id                INTEGER PRIMARY KEY,
    list_kind         TEXT NOT NULL CHECK (list_kind IN ('abnormal', 'serious', 'suspected',
                        'banned', 'site_closed', 'eldercare')),
    org_id            INTEGER REFERENCES org(id),
    link_how          TEXT CHECK (link_how IN ('uscc', 'name', 'list')), -- list: org made for it
    batch_id          INTEGER REFERENCES list_batch(id),
    seq               INTEGER,
    subject_kind      TEXT NOT NULL DEFAULT '机构' CHECK (subject_kind IN ('机构', '人员')),
    name              TEXT NOT NULL,  -- as listed
    name_key          TEXT NOT NULL,
    uscc              TEXT,
    id_masked         TEXT,           -- a person's identity number, masked at load
    listed_date       TEXT,           -- 列入日期 (or the batch's publication date)
    listed_raw        TEXT,
    listed_reason     TEXT,           -- 列入事由
    listed_by         TEXT,           -- 作出决定机关 / 发布机关
    listed_ground     INTEGER,        -- 60号令: which numbered ground (1 = 2 years abnormal)
    decision_doc_no   TEXT,
    removed_date      TEXT,           -- 移出日期; NULL while listed
    removed_reason    TEXT,
    removed_by        TEXT,
    note              TEXT,           -- as published (合法登记的为…)
    confusable_name   TEXT,           -- the similarly named legal organisation a note names
    confusable_key    TEXT,           -- its matching key (core/orgname.h)
    enforcement_body  TEXT,           -- 执法主体
    illegal_facts     TEXT,
    measures          TEXT,           -- 惩戒措施
    region_code       TEXT,
    as_of             TEXT,
    url               TEXT,
    source_id         INTEGER REFERENCES source(id),
    line              INTEGER
);

-- Names by part: "围棋协会" finds 示例市围棋协会 (core/orgcand.c). Same tokenizer as doc_fts.
CREATE VIRTUAL TABLE org_name_fts USING fts5(
    name, content='org_name', content_rowid='rowid', tokenize='zh'
);

-- Similar names (core/orgsimilar.c, core/orggram.h): for each pair of adjacent code points
-- of the names' cores, the org_name rows holding it, one row per side (registered, or known
-- only from lists). A similar name shares most of its pairs with the query, so counting the
-- query's rarer lists finds every candidate without reading the lists of 服务 or 协会.
CREATE TABLE org_name_gram (
    gram  INTEGER PRIMARY KEY,       -- (first << 21 | second) << 1 | (registered = 0)
    n     INTEGER NOT NULL,          -- names in the list
    ids   BLOB NOT NULL              -- per name: varint rowid delta, then its pair count
);

-- The article each computed date of the 60号令 lifecycle rests on (core/lifecycle.h):
-- the corpus names it (the draft and the final text number articles differently), the
-- loader resolves it against the regulations loaded.
CREATE TABLE rule_basis (
    rule      TEXT PRIMARY KEY,        -- auto_removal, escalation, serious_removal, restart
    citation  TEXT NOT NULL,           -- as written: 社会组织信用信息管理办法 第十四条
    reg_id    INTEGER REFERENCES regulation(id),
    node_id   INTEGER REFERENCES reg_node(id)  -- NULL when not in the corpus (a warning)
) WITHOUT ROWID;

-- ---- divisions and place names (区划, 地名) --------------------------------------------
-- One row per code and period; rows are never deleted (a code abolished stays, ended = 1).
-- code is canonical (core/divcode.h): 6 digits for 省/地/县, 9 for 乡, 12 for 村.
CREATE TABLE division (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL,
    valid_from  TEXT NOT NULL DEFAULT '', -- '' when the source gives no date
    valid_to    TEXT,                 -- the last day, when known
    ended       INTEGER NOT NULL DEFAULT 0, -- 1 no longer in force (valid_to may be unknown)
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,        -- folded (繁简, width) for look-up by name
    level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5), -- 省 地 县 乡 村
    type        TEXT,                 -- 直辖市, 地级市, 市辖区, 县, 街道, 镇, 乡, 村委会 ...
    parent_code TEXT,
    urban_rural TEXT,                 -- NBS 城乡分类代码 (111 ... 220)
    seat_name   TEXT,
    as_of       TEXT,                 -- the source's date (the version table it comes from)
    pinyin      TEXT,                 -- a published spelling of the name's first characters
                                      -- ("lu an" for 六安市; place_name.pinyin_key), else NULL
    source_id   INTEGER REFERENCES source(id),
    line        INTEGER,
    UNIQUE (code, valid_from, name)   -- a code's other names: other rows
);

-- Keys for prefix look-up by range (key >= ? AND key < ?): kind 0 the folded name, 1 the
-- full pinyin without spaces, 2 the pinyin initials (core/pinyin.h); one row per
-- polyphone alternative.
CREATE TABLE division_key (
    key      TEXT NOT NULL,
    kind     INTEGER NOT NULL,
    division INTEGER NOT NULL REFERENCES division(id),
    PRIMARY KEY (key, kind, division)
) WITHOUT ROWID;

-- Division names by part (华门街道 finds 东华门街道); same tokenizer as doc_fts.
CREATE VIRTUAL TABLE division_fts USING fts5(
    name, content='division', content_rowid='id', tokenize='zh'
);

CREATE TABLE division_event (
    id                INTEGER PRIMARY KEY,
    event_type        TEXT NOT NULL CHECK (event_type IN ('设立', '撤销', '更名', '隶属变更',
                        '驻地迁移', '界线变更', '合并', '拆分', '代码变更')),
    event_date        TEXT,
    approval_doc_no   TEXT,
    approver          TEXT,
    description       TEXT,
    source_id         INTEGER REFERENCES source(id)
);

CREATE TABLE division_event_link (
    event_id       INTEGER NOT NULL REFERENCES division_event(id),
    old_code       TEXT,
    old_valid_from TEXT,
    new_code       TEXT,
    relation       TEXT NOT NULL CHECK (relation IN ('same_entity_renamed', 'merged_into',
                     'split_into', 'part_transferred_to', 'superseded_by'))
);

CREATE TABLE place_name (
    id             INTEGER PRIMARY KEY,
    place_code     TEXT,              -- 20-digit 国家地名信息库 code where known
    division_code  TEXT,              -- the division this name belongs to or lies in
    standard_name  TEXT NOT NULL,
    category       TEXT,              -- 地名类别 (行政区划, 村委会所在地, 街路巷 ...)
    category_code  TEXT,
    pinyin         TEXT,              -- spelling as published (with tones where given)
    pinyin_key     TEXT,              -- toneless, lower case, syllables separated by spaces
    meaning        TEXT,              -- 含义
    origin         TEXT,              -- 来历
    history        TEXT,              -- 地名历史沿革
    lon            REAL,
    lat            REAL,
    source_id      INTEGER REFERENCES source(id),
    line           INTEGER
);

CREATE TABLE place_old_name (
    place_id    INTEGER NOT NULL REFERENCES place_name(id),
    old_name    TEXT NOT NULL,
    period_text TEXT
);

-- ---- relief statistics (低保, 特困, 临时救助) -------------------------------------------
CREATE TABLE indicator (
    code          TEXT PRIMARY KEY,   -- our identity, e.g. urban_dibao_persons
    official_code TEXT,               -- e.g. YZH012410000
    name          TEXT NOT NULL,      -- 城市低保人数
    allowed_units TEXT NOT NULL,      -- units separated by |, e.g. 万人|人 (the first is the
                                      -- unit tables show unless asked otherwise)
    measure_type  TEXT NOT NULL CHECK (measure_type IN ('point', 'cumulative', 'average')),
    parent_code   TEXT,               -- component of another indicator (sums to it)
    ord           INTEGER NOT NULL DEFAULT 0, -- catalogue order, for pickers
    note          TEXT
);

-- Every name an indicator is published under (城镇居民最低生活保障人数 = 城市低保人数),
-- folded (繁简, width, no spaces or brackets; core/statcat.h), and its code and name.
CREATE TABLE indicator_alias (
    key           TEXT PRIMARY KEY,
    indicator     TEXT NOT NULL REFERENCES indicator(code)
) WITHOUT ROWID;

CREATE TABLE stat_value (
    id            INTEGER PRIMARY KEY,
    indicator     TEXT NOT NULL REFERENCES indicator(code),
    region_code   TEXT NOT NULL,      -- division code, or 000000 for 全国
    region_name   TEXT NOT NULL,      -- as the source wrote it (北京市, 福建省三明市, 全国)
    period_type   TEXT NOT NULL CHECK (period_type IN ('month', 'quarter', 'half', 'year')),
    period_start  TEXT NOT NULL,      -- a cumulative value: January 1 of its year
    period_end    TEXT NOT NULL,
    value         REAL NOT NULL,
    value_raw     TEXT NOT NULL,
    unit          TEXT NOT NULL,      -- canonical spelling (core/statunit.h)
    source_doc    TEXT,
    source_url    TEXT,
    published     TEXT,
    note          TEXT,
    derived       INTEGER NOT NULL DEFAULT 0,
    derivation    TEXT,               -- how a derived value was computed
    revised       INTEGER NOT NULL DEFAULT 0,
    source_id     INTEGER REFERENCES source(id),
    line          INTEGER
);

-- What the loader's checks found about a value (components that do not sum to their
-- total, a cumulative figure that falls within a year, a jump of more than 20%): the
-- value is kept, and the console shows the finding beside it.
CREATE TABLE stat_flag (
    value_id      INTEGER NOT NULL REFERENCES stat_value(id),
    kind          TEXT NOT NULL CHECK (kind IN ('sum', 'cumulative_falls', 'jump', 'duplicate')),
    message       TEXT NOT NULL,
    other_id      INTEGER            -- the value it was compared with, when one
);

-- ---- hotline directory ----------------------------------------------------------------
CREATE TABLE hotline (
    id            INTEGER PRIMARY KEY,
    number        TEXT NOT NULL,      -- digits only: 12349, 02312345, 0571-...
    number_raw    TEXT NOT NULL,
    display       TEXT,               -- as people read it: 0431-85086100, 12345 转 2
    extension     TEXT,               -- 分机 or key path
    via_platform  TEXT,               -- e.g. 12345 (拨打12345转...)
    service_line  TEXT NOT NULL CHECK (service_line IN ('社会救助', '儿童救助保护', '养老服务',
                    '流浪乞讨救助', '婚姻登记', '殡葬', '社会组织投诉举报', '综合')),
    operator      TEXT,
    admin_level   TEXT CHECK (admin_level IN ('部', '省', '市', '县', '乡')),
    division_code TEXT,               -- the operator's division
    hours         TEXT,               -- structured: 24h or Mon-Fri 08:30-12:00,14:00-17:30
    hours_raw     TEXT,
    holiday_rule  TEXT,
    status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'retired')),
    replaced_by   INTEGER REFERENCES hotline(id),
    published     TEXT,
    verified      TEXT,
    address       TEXT,
    note          TEXT,               -- the source's remark; a bracketed one (白, 夜) of a
                                      -- cell that held several numbers
    source_id     INTEGER REFERENCES source(id),
    line          INTEGER
);

CREATE TABLE hotline_area (
    hotline_id    INTEGER NOT NULL REFERENCES hotline(id),
    division_code TEXT NOT NULL
);

-- Telephone area codes (区号) by division.
CREATE TABLE area_code (
    area_code     TEXT NOT NULL,
    division_code TEXT,
    place         TEXT NOT NULL,
    source_id     INTEGER REFERENCES source(id),
    line          INTEGER
);

-- Public holidays and make-up working days (调休) as the State Council publishes them
-- each year: what "open now?" needs besides a line's hours (core/hours.h).
CREATE TABLE holiday (
    date          TEXT NOT NULL,      -- YYYY-MM-DD
    kind          TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name          TEXT,               -- 春节, 国庆节 ...
    source_id     INTEGER REFERENCES source(id),
    line          INTEGER
);

-- ---- policy Q&A -----------------------------------------------------------------------
CREATE TABLE qa_item (
    id          INTEGER PRIMARY KEY,
    question    TEXT NOT NULL,
    variants    TEXT,                 -- colloquial forms, one per line
    answer      TEXT NOT NULL,
    publisher   TEXT,
    platform    TEXT,
    category    TEXT,
    region_code TEXT,
    published   TEXT,
    updated     TEXT,
    status      TEXT NOT NULL DEFAULT 'current' CHECK (status IN ('current', 'possibly_outdated')),
    status_reason TEXT,               -- why possibly_outdated: 《…》第十一条在 2019-03-02 版中有改动…
    url         TEXT,
    source_id   INTEGER REFERENCES source(id),
    line        INTEGER
);

CREATE TABLE qa_basis (
    qa_id       INTEGER NOT NULL REFERENCES qa_item(id),
    ord         INTEGER NOT NULL DEFAULT 0, -- position in the item's basis field
    ref_text    TEXT NOT NULL,        -- as written: 社会救助暂行办法第十一条
    reg_id      INTEGER REFERENCES regulation(id), -- the version in force (current)
    node_id     INTEGER REFERENCES reg_node(id),   -- NULL when unresolved (reported at load)
    cited_reg_id INTEGER REFERENCES regulation(id), -- the version the item rests on: named in
                                      -- ref_text (（2014年版）) or in force when it was published
    problem     TEXT                  -- why it is unresolved, as reported at load
);

-- @after-load
-- Indexes are created once the data is in: maintaining them row by row would slow a
-- load by about 15% (measured on the 100 MB benchmark). The loader runs this part after
-- reading every file and before linking versions; nothing above may depend on it.
-- rank_group too: an organisation check looks up the verdict group of each of up to a few
-- hundred candidates (core/orgcheck.c), and the doc rows themselves are large.
CREATE INDEX doc_ref ON doc(domain, ref_id, rank_group);
CREATE INDEX regulation_work ON regulation(work_key, version_date);
CREATE INDEX regulation_title ON regulation(title);
CREATE INDEX reg_node_reg ON reg_node(reg_id, ordinal);
CREATE INDEX reg_node_num ON reg_node(reg_id, kind, num, num_sub);
CREATE INDEX org_uscc ON org(uscc);
-- The few codes the registry gives malformed (a code typed as it stands there).
CREATE INDEX org_bad_code ON org(uscc_check) WHERE uscc_check = 'bad_format';
CREATE INDEX org_name_key ON org_name(name_key);
CREATE INDEX org_name_core ON org_name(name_core);
CREATE INDEX org_name_org ON org_name(org_id);
CREATE INDEX listing_org ON listing(org_id);
CREATE INDEX listing_confusable ON listing(confusable_key) WHERE confusable_key IS NOT NULL;
CREATE INDEX division_parent ON division(parent_code); -- by code: UNIQUE (code, valid_from)
CREATE INDEX division_event_link_old ON division_event_link(old_code);
CREATE INDEX division_event_link_new ON division_event_link(new_code);
CREATE INDEX place_name_division ON place_name(division_code);
CREATE INDEX stat_value_lookup ON stat_value(indicator, region_code, period_start);
CREATE INDEX stat_value_region ON stat_value(region_code, indicator, period_start);
CREATE INDEX stat_flag_value ON stat_flag(value_id);
CREATE INDEX hotline_area_code ON hotline_area(division_code);
CREATE INDEX hotline_area_line ON hotline_area(hotline_id);
CREATE INDEX hotline_number ON hotline(number);
CREATE INDEX area_code_division ON area_code(division_code);
CREATE INDEX holiday_date ON holiday(date);
