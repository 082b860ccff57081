# menhu 的简体中文提示。每条提示的编号和占位符与 en.ftl、zh-Hant.ftl 一致（有测试检查）。
# zh-Hant.ftl 由本文件经 OpenCC（s2t）转换生成：改了这里，运行
# `MENHU_UPDATE_CATALOGS=1 cargo test --lib catalogs_in_sync`，再通读一遍繁体版。
# 用词与编辑手册一致：稿件、栏目、前置信息、附件、发布日期。文件路径、配置项和取值照原样写。

## 错误提示的格式

label-error = 错误
label-warning = 警告
label-expected = 应为
label-help = 怎样改
label-colon = ：
label-paren =
    .open = （
    .close = ）
summary = { $errors } 个错误，{ $warnings } 个警告{ $files ->
        [0] {""}
       *[other] ，涉及 { $files } 个文件
    }

## docs/diagnostics.zh.md

doc-title = 问题代码一览
doc-intro = menhu 报告的每个问题都有一个固定的代码。本页由 `src/diag/registry.rs` 中的代码表和提示文字生成（`cargo test --lib diagnostics_docs` 会检查，`MENHU_UPDATE_DOCS=1` 时重新生成）。“错误”会让网站生成失败（退出码 1）；“警告”只提醒，网站照常生成。定时发布的稿件里的错误，在发布时间到来之前以警告报出，代码不变。
doc-code = 代码
doc-severity = 级别
doc-trigger = 什么情况下出现
doc-fix = 怎样改
stage-internal = 内部错误
stage-config = 配置文件（site-config.toml）
stage-content = 稿件文件和前置信息
stage-portal = 网站结构：地区、网址、机构、系列、菜单
stage-templates = 模板和主题
stage-output = 输出
stage-scaffold = menhu init 和 menhu new
stage-serve = 预览（menhu serve）
stage-deploy = 发布（menhu deploy）
stage-network = 站群（network.toml、build --network）
stage-check-links = menhu check：链接和页面
stage-check-inspection = menhu check：政府网站检查项
stage-check-wording = menhu check：用词


## build、serve、init、new、check 的状态提示

build-done = 网站已生成：{ $pages } 篇稿件，{ $sections } 个栏目；写出 { $written } 个文件，复制 { $copied } 个文件到 `{ $output }`，用时 { $took }
build-cache-other-menhu = 生成缓存 `{ $folder }` 由另一个 menhu（另一版本，或同一版本的另一次编译）生成，本次全部重新生成
    .help = 无需处理：本次生成会为下次保存新的缓存
build-cache-other-config = 生成缓存 `{ $folder }` 对应的是另一份配置，本次全部重新生成
    .help = 无需处理：本次生成会为下次保存新的缓存
build-cache-damage-link = 它的位置上是一个链接
build-cache-damage-index-not-file = { $index } 不是文件
build-cache-damage-index-too-large = { $index } 太大
build-cache-damage-index-unreadable = 无法读取 { $index }
build-cache-damage-index-invalid = { $index } 不是 menhu 写下的索引：{ $detail }
build-cache-damage-no-header = { $index } 缺少文件头
build-cache-damage-output-missing = `{ $path }` 的缓存副本缺失或大小不符
build-cache-damage-blob = { $file } 已损坏
build-cache-search-damaged = 生成缓存 `{ $folder }` 里的搜索词条 `{ $file }` 已损坏，本次搜索索引从所有页面重新生成
    .help = 无需处理：本次生成会为下次重新保存；如果每次都出现，请删除这个文件夹
build-cache-damaged = 生成缓存 `{ $folder }` 已损坏（{ $reason }），本次全部重新生成
    .help = 无需处理：本次生成会为下次保存新的缓存；如果每次都出现，请删除这个文件夹
build-cache-in-output = 生成缓存 `{ $folder }` 位于输出文件夹内，而输出文件夹每次都会被替换；本次不用缓存，全部重新生成
    .help = 为 `--cache` 指定输出文件夹以外的文件夹，例如 `.menhu-cache/build`
build-cache-unsaved = 无法保存生成缓存 `{ $folder }`：{ $reason }
    .help = 网站已生成；请检查磁盘空间和文件夹权限，或删除这个文件夹
build-cache-in-the-way = 无法保存生成缓存 `{ $folder }`：`{ $path }` 是一个文件或链接，缓存要在那里放文件夹
    .help = 网站已生成；删除或改名 `{ $path }` 后，下次生成会重新建立缓存
build-cache-reuse = 生成缓存：重新生成 { $rendered } 个页面和列表，{ $reused } 个取自缓存；重新渲染 Markdown { $markdown } 篇
build-cache-search-terms = 搜索索引：{ $made } 个页面重新分词，{ $reused } 个页面的词条取自缓存
build-denied-warnings = 错误：网站有警告，而命令带了 `--deny-warnings`；按上面的提示改好警告，或去掉这个选项
serve-listening = 预览已启动：在浏览器里打开 { $address }/（按 Ctrl-C 停止）
serve-reachable = 警告：预览绑定在 { $bind } 上，其他电脑也能打开；只在本机预览时请去掉 `--bind`
serve-rebuilt = 已重新生成，用时 { $took }：渲染 { $rendered } 个页面，{ $changed } 个有变化
serve-not-built-title = 网站还没有生成成功
serve-not-built-text = 网站里有错误，预览还不能显示。出错的文件、行号和改法显示在本页上方的提示框里，也打印在运行 menhu serve 的窗口中。改正并保存后，本页会自动刷新。
serve-not-built-yet = 网站还没能生成，预览先显示一个提示页：改好以上问题并保存后会自动重新生成
serve-keeps-last-good = 改好以上问题之前，预览继续显示上一次成功生成的网站
serve-port-in-use = 无法在 { $bind }:{ $port } 上启动预览：这个端口已被别的程序占用
serve-cannot-listen = 无法在 { $bind }:{ $port } 上启动预览：{ $reason }
    .help = 换一个端口，如 `--port 1112`；或用 `--port 0` 让系统挑一个空闲端口
    .bind-help = `{ $bind }` 不是这台电脑的地址：只在本机预览时去掉 `--bind`；要让其他电脑打开，写 `--bind 0.0.0.0`，再把启动时显示的地址发给他们；或写这台电脑自己的地址（用 `ip addr` 或 `ipconfig` 查看）
serve-edit-local-only = `--edit` 和 `--bind { $bind }` 不能同时用：在线编辑会被其他电脑打开
    .help = 使用 `--edit` 时去掉 `--bind`（或写 `--bind 127.0.0.1`）
serve-editor-listening = 在线编辑已启动：在浏览器里打开 { $address }/_menhu/edit/
serve-edit-commit-no-git = `--edit-commit`：这台电脑没有安装 git，审核结果无法提交
    .help = 安装 git 并在网站文件夹里运行 `git init`（或去掉 `--edit-commit`）
serve-edit-commit-no-repository = `--edit-commit`：网站文件夹不在 git 版本库里
init-wrote = 示例网站已写入 `{ $folder }`（{ $count } 个文件）
init-dates-moved = 示例稿件的日期已整体顺延 { $days } 天，最新一篇是今天的（文件名里的日期仍是原来的）
init-wrote-ci = 已写入 CI 流水线 `{ $file }`：请把 MENHU_URL 和 MENHU_SHA256 设为要用的 menhu 版本，并添加 [deploy] 发布目标（见 docs/operator-guide.md）
init-next = 下一步：运行 `cd { $folder } && menhu serve`，在浏览器里预览网站
init-wrote-network = 示例站群已写入 `{ $folder }`（{ $sites } 个网站，{ $count } 个文件）
init-wrote-network-ci = 已写入分片生成的 CI 流水线 `{ $file }`：请把 MENHU_URL 和 MENHU_SHA256 设为要用的 menhu 版本（见 docs/network.md）
init-next-network = 下一步：运行 `cd { $folder } && menhu serve --network`，在浏览器里预览全部网站
new-guidance-file =
    已新建稿件：{ $file }
    下一步：打开这个文件，填写作者、来源、责任编辑，写好正文，再运行 `menhu serve` 预览。
    要配照片或附件，请改用 `menhu new 栏目 "标题" --bundle` 新建稿件文件夹。
new-guidance-bundle =
    已新建稿件文件夹：{ $folder }/
    正文写在 { $index } 里。
    照片和附件（PDF、Word、Excel）直接放进这个文件夹，和 index.md 放在一起：
      正文插图只写文件名，方括号里写图片说明，例如 ![调研现场](xianchang.jpg)
      附件写在前置信息里，例如 attachments = [{"{"} path = "tongzhi.pdf", title = "通知全文" {"}"}]
    写好后运行 `menhu serve` 预览。
check-no-problems = 没有发现问题
check-waiting-for-review = 「{ $title }」在等待审核（待审）
    .help = 审核人在 `menhu serve --edit` 里审核通过（或写明意见退回）；通过后稿件开头的 `status` 和 `draft` 会被删去
check-report-unwritable = 错误：自查报告 `{ $file }` 写不进去：{ $reason }；请换一个位置，如 `--report report.html`

## 配置文件 site-config.toml（E01xx、W01xx）

config-zola-only = `{ $key }` 是 Zola 的设置，menhu 不用，已忽略
    .help = 网站不再需要用 Zola 生成时，删去这一行
config-unknown-key = 不认识的配置项 `{ $key }`
    .help = 删去这一行
    .help-top = 删去这一行；自己要用的值请放到 `[extra]` 下
    .help-move-up = `{ $key }` 要写在文件开头、第一个 `[…]` 标题的上面：写在标题下面的行属于那个表（这里是 `[{ $table }]`），请把这一行移上去
config-unknown-key-in = `[{ $table }]` 里有不认识的配置项 `{ $key }`
config-one-of = 以下之一：{ $keys }
config-did-you-mean = 是不是要写 `{ $key }`？
config-none = `{ $folder }` 里没有 `site-config.toml`，也没有 `config.toml`
    .expected = 网站根目录里有 `site-config.toml`（或 Zola 的 `config.toml`）
    .help = 新建 `site-config.toml`，至少写上 `base_url` 和 `title`；或用 `--root` 指定网站目录；或运行 `menhu init 目录` 从示例网站开始
    .inside-site = 这个文件夹在网站 `{ $site }` 里面：请到那个文件夹里运行 menhu，或用 `--root` 指定它
config-follow-symlinks-unusable = `follow_symlinks` 中的 `{ $entry }` 不能用：{ $reason }
    .help = 写一个存在的目录（绝对路径，或相对网站根目录的路径），或删去这一项
config-unreadable = 读不出 `{ $file }`：{ $reason }
    .help = 检查这个文件的读取权限
    .help-encoding = 这个文件不是 UTF-8 编码；请另存为 UTF-8，例如 `iconv -f GB18030 -t UTF-8 { $file } > { $file }.utf8`，再改回原名
config-invalid-toml = TOML 语法错误：{ $reason }
    .help = 文字要用英文双引号括起来，例如 `title = "某某市科协"`；语法见 https://toml.io
config-wrong-value = `{ $key }` 的值不对：{ $found }
config-unknown-timezone = 不认识的时区「{ $name }」
    .expected = IANA 时区名，例如 `timezone = "Asia/Shanghai"`
    .help-near = 是不是要写 `timezone = "{ $near }"`？
    .help = 写时区数据库中的名称（https://en.wikipedia.org/wiki/List_of_tz_database_time_zones），或删去这一行，使用默认时区
config-no-base-url = 缺少 `base_url`
    .expected = 网站的完整网址，例如 `https://www.example.org.cn`
    .help = 在文件开头加一行：`{ $example }`
config-bad-base-url = `base_url`「{ $url }」不是以 http(s) 开头的完整网址
    .expected = 以 `https://` 或 `http://` 开头的网址，例如 `https://www.example.org.cn`
    .help = 写完整的网址：`{ $example }`
config-zero-per-page = `{ $key }` 是 0
    .expected = 每页条数，至少为 1，例如 `20`
    .help = 改成 `{ $key } = 20`，或删去这一行，让所有条目显示在一页上
config-taxonomy-empty-name = 分类法的 `name` 是空的
    .expected = 一个名称，如 `tags` 或 `cities`
    .help = 给分类法起个名字，例如 `{"{"} name = "tags" {"}"}`
config-taxonomy-twice = 分类法「{ $name }」声明了两次
    .help = 删去这一个；第一个在第 { $line } 行
config-taxonomy-no-name = 分类法没有 `name`
    .expected = `taxonomies` 的每一项都有名称，例如 `{"{"} name = "tags" {"}"}`
    .help = 在这一项里加上 `name = "…"`
config-inline-highlighting = `[markdown.highlighting]` 中的 `style = "inline"` 会按样式类（CSS class）显示
    .help = menhu 总是用样式类给代码着色，颜色由主题的样式表决定；无需处理
config-keep-location-alone = 没有 `keep_exif = true` 时，`images.keep_location` 不起作用
    .help = 拍摄地点属于相机信息：要两者都保留，在 `[images]` 中加上 `keep_exif = true`；否则删去 `keep_location`
config-images-no-widths = `images.widths` 是空的
    .expected = 响应式图片的各个宽度，例如 `widths = [480, 960, 1600]`
    .help = 至少写一个宽度，或删去 `widths`，使用默认的 [480, 960, 1600]
config-images-out-of-range = `images.{ $key }` 是 { $value }，超出范围
    .help = 改正 `[images]` 中的 `{ $key }`，或删去这一行，使用默认值
config-images-at-least = 至少为 { $min } 的数，例如 `{ $example }`
config-images-between = { $min } 到 { $max } 之间的数，例如 `{ $example }`
config-not-a-segment = `{ $key }`「{ $value }」不能用作网址中的一段
    .expected = 英文字母、数字、`-` 或 `_`，例如 `cities` 或 `diqu`
    .help = 把 `{ $key }` 改成一个词，如 `{ $default }`
config-entry-lacks = `{ $table }` 的某一项缺少 { $keys }
    .expected =
        每一项都有这两个键，例如
        { $example }
    .help = 在这一项里补上 { $keys }，或删去这一项

## 稿件：文件和前置信息（E020x、W020x）

config-check-concurrency-zero = `check.external.concurrency` 是 0
    .expected = 同时发出的请求数，例如 `concurrency = 8`
    .help = 至少写 1
config-check-as-of = `check.as_of` 不是日期：「{ $value }」
    .expected = 日期，例如 "2026-05-01"
    .help = 按“年-月-日”写日期；或删去这一行，按今天检查
config-check-column-no-section = `[[check.columns]]` 的某一项没有 `section`
    .expected = `content/` 下的栏目文件夹，例如 `section = "news/tzgg"`
    .help = 在这一项里加上 `section = "…"`
config-check-column-type = 不认识的栏目类型 `{ $value }`
    .expected = `news`、`notice`、`other`、`exempt` 之一
    .help = 动态、要闻类栏目用 `news`（14 天），通知公告、政策文件类用 `notice`（180 天）
config-check-wording-no-right = `[[check.wording]]` 的某一项没有正确写法 `right`
    .expected = `right = "正确写法"` 和 `wrong = ["常见错误写法"]`
    .help = 补上名称或术语的正确写法
config-check-forbidden-no-term = `[[check.forbidden]]` 的某一项没有 `term`
    .expected = `term = "过时的说法"`，可再加 `instead = "现行说法"`
    .help = 补上要查找的说法
wording-file-other-key = `{ $file }` 里不能有 `{ $key }`：这个文件只放用语规则
    .expected = `[[check.wording]]` 和 `[[check.forbidden]]` 条目，写法与 site-config.toml 里相同
    .help = 把这项设置移到 site-config.toml，或者删掉
content-expected-utf8 = UTF-8 编码的文件
content-utf16 = 文件是 UTF-16 编码，不是 UTF-8
content-gb18030 = 文件是 GBK/GB18030 编码，不是 UTF-8
content-resave = 请另存为 UTF-8：在编辑器的“另存为”里选择「UTF-8」编码；或运行 `iconv -f { $from } -t UTF-8 { $file } > x.md && mv x.md { $file }`
content-invalid-utf8 = 文件有乱码，不是有效的 UTF-8：字节 { $byte } 不能组成文字
    .help = 文件可能已损坏，或用了别的编码保存；找到这个位置，重新输入那几个字，用编辑器另存为 UTF-8
content-nul = 文件里有 NUL 字节：这是二进制文件，或文件已损坏
    .expected = Markdown 文本文件
    .help = 如果这不是稿件（如 Word、PDF），请改用别的扩展名，不要用 `.md`；否则从完好的备份恢复
content-unclosed = 以 `{ $fence }` 开始的前置信息没有结束
    .expected = 前置信息后面有一行只写 `{ $fence }`
    .help = 在前置信息末尾补一行 `{ $fence }`；如果稿件没有前置信息、开头是一条分隔线，请先加上前置信息
content-bad-date = `{ $key }` 的日期「{ $value }」写错了
    .expected = 日期，如 2024-05-01 或 2024-05-01T09:30:00+08:00
    .help = 写一个真实的日期，如 2024-05-01；要写时间，写成 2024-05-01T09:30:00+08:00
    .help-corrected = 写成 `{ $fixed }`：年份四位，月和日各两位，用 `-` 隔开
content-empty-title = 稿件的标题 `title` 是空的
    .help = 写上标题，例如 `{ $example }`
content-photo-without-cover = 写了 `photo = true`，但稿件没有封面图 `cover`，不会出现在图片新闻里
    .help = 加上 `cover = "photo.jpg"`，写上稿件旁边要显示的照片的文件名（并用 `cover_alt` 说明照片内容）；或删去 `photo = true`
content-no-title = 稿件没有标题 `title`
    .expected = 稿件标题
    .help = 在前置信息里加上 `{ $example }`
    .help-no-front-matter = 在文件开头加上前置信息：一行 `+++`，一行 `title = "…"`，再一行 `+++`
content-use-one-of = 改为以下之一：{ $values }
content-unknown-value = `{ $key }` 的值「{ $value }」不认识
content-bad-syntax = 前置信息的 { $format } 格式有误：{ $reason }
    .expected-toml = TOML 格式，如 `title = "…"`，文字放在英文双引号里
    .expected-yaml = YAML 格式，如 `title: …`，每行一个字段
    .help = 检查这一行和上一行的引号、括号和 `=`/`:`；引号要用英文的 `"`，不要用中文引号
content-wide-mark = 前置信息的 { $format } 格式有误：字段名后面用了中文的「{ $mark }」
    .help = 字段名和值之间用英文的 `{ $sign }`，改成：`{ $fixed }`
content-chinese-quotes = 前置信息的 { $format } 格式有误：文字两边用了中文引号“”
    .help = 文字两边要用英文双引号，改成：`{ $fixed }`
content-inner-quotes = 前置信息的 { $format } 格式有误：文字里的英文双引号 `"` 让文字提前结束了
    .help = 文字里面的引号用中文引号“”，改成：`{ $fixed }`
toml-reason-unquoted = 文字没有放在英文双引号里
toml-reason-unclosed-string = 引号没有配对，文字的结尾少了一个引号
toml-reason-duplicate-key = 同一个字段写了两次
toml-reason-unclosed-array = 方括号 `[` 没有配对的 `]`
toml-reason-missing-comma = 方括号里的两项之间少了英文逗号 `,`
toml-reason-unclosed-table = `[` 开头的那一行少了 `]`
toml-reason-no-value = 字段名后面少了英文等号 `=` 和值
toml-reason-more-on-line = 值的后面还有别的文字（一行只写一个字段）
toml-reason-bad-key = 字段名只能用英文字母、数字、`_` 和 `-`
yaml-reason-tab = 用了制表符（Tab）缩进，YAML 只能用空格
yaml-reason-unclosed = 引号或括号没有配对，直到前置信息结尾都没有结束
yaml-reason-colon-in-text = 文字里有冒号「: 」，整段文字要放在英文双引号里
yaml-reason-unclosed-list = 方括号 `[` 没有配对的 `]`，或两项之间少了英文逗号 `,`
yaml-reason-bad-start = 文字开头的符号不能直接写，整段文字要放在英文双引号里
content-misnamed-page = 文件「{ $name }」不是以 `.md` 结尾，没有当作稿件，也没有发布
    .help = 稿件的文件名要以小写的 `.md` 结尾：改名为「{ $right }」（记事本另存时，“保存类型”选“所有文件”）
content-chinese-key =
    .expected = 英文字段名，如 `{ $example }`
    .help = 字段名要用英文：`{ $example }`
content-not-a-table = 前置信息不是“字段 = 值”的形式
    .expected = 每行一个字段和值，如 `{ $example }`
content-wrong-value = `{ $key }` 的值不对：{ $found }
    .help = 按“应为”改写这个值；文字要放在英文双引号里
    .help-flag = 是写 `true`，否写 `false`，不加引号：`{ $fixed }`
content-wrong-value-somewhere = 前置信息里有值不对：{ $found }
content-expected-flag = `true`（是）或 `false`（否），不加引号
content-expected-pin = `true`（置顶），或表示先后的整数，如 1（最前）
content-expected-whole-number = 整数，如 { $example }
content-expected-count = 0 或正整数，如 { $example }
content-expected-list = 文字的列表，如 ["科普", "青少年"]，或一串用顿号隔开的文字
content-expected-attachments = 文件名或表的列表，如 ["a.pdf", {"{"} path = "b.docx", title = "报名表" {"}"}]
content-expected-taxonomies = 由列表组成的表，如 `[taxonomies]` 下一行 `tags = ["科普"]`
content-expected-extra = 由值组成的表，如 `[extra]` 下一行 `key = "value"`
content-expected-text-or-number = 文字或数字
content-expected-text = 文字，如 "科技活动周"
content-found-text = 写的是文字 "{ $value }"
content-found-number = 写的是数字 { $value }
content-found-flag = 写的是 { $value }
content-found-list = 写的是一个列表
content-found-table = 写的是一个表
content-more-unknown-keys = 还有 { $count } 个不认识的前置信息字段
    .help = 先改好上面的字段；不认识的字段不起作用
content-unknown-key = 前置信息里有不认识的字段 `{ $key }`
    .help = menhu 不用这个字段；要留给模板用，请把它放到 `[extra]` 下
    .help-yaml = menhu 不用这个字段；要留给模板用，请把它放到 `extra:` 下
    .help-here = menhu 不用这个字段；这里可用的字段是 { $keys }
content-unknown-key-in = `{ $table }` 里有不认识的字段 `{ $key }`

content-no-folder = 网站没有 `content/` 文件夹
    .help = 新建 `content/_index.md`；或运行 `menhu init 目录`，从示例网站开始
content-bad-ignore-pattern = `ignored_content` 中的模式 `{ $pattern }` 写错了：{ $reason }
    .help = 按通配符的写法改，如 `*.docx` 或 `drafts/**`
content-name-not-unicode = 文件名含有无法识别的字符，不能用作网址
    .help = 用普通的汉字、字母或数字给文件重新命名
content-link-loop = 符号链接（快捷方式）绕成了圈：这个文件夹链接回了它的上级文件夹
content-permission-denied = 读不出来：没有读取权限
content-cannot-read = 读不出来：{ $reason }
    .help = 请管理员检查文件权限，或删去这个链接；网站的其余部分已照常读取

## Markdown 正文：链接、图片、短代码（E0210–E0212、W0202、W0203）

markdown-more-problems = 这篇稿件还有 { $count } 个问题没有列出（只列出前 { $shown } 个）
    .help = 先改好列出的问题，再生成一次，就能看到其余的
markdown-broken-link = 站内链接 `{ $link }` 指向的稿件不存在
    .help = 站内链接写成 `@/` 加上 `content/` 下的文件路径，如 `@/news/2024-05-01-x.md`；链接到栏目写 `@/news/_index.md`，链接到小标题写 `@/news/x.md#锚点`；请核对文件名和文件夹
markdown-unlinked-image = 图片「{ $path }」被原样显示成了文字：文件名里有空格
markdown-unlinked-link = 链接「{ $path }」被原样显示成了文字：路径里有空格
markdown-unlinked =
    .help = 把路径放进尖括号：`{ $bracketed }`；或给文件改名，去掉空格，如 `{ $renamed }`
markdown-unknown-shortcode = 不认识的短代码 `{ $name }`
    .help = 检查短代码名称是否写错；或请管理员添加模板 `templates/shortcodes/{ $name }.html`（或 `.md`）；要把这段文字原样显示，写成 `{"{{"}/* name() */{"}}"}`
markdown-no-alt = 图片 `{ $src }` 没有说明文字
    .help = 在方括号里写上图片的内容，方便看不见图片的读者：`![梧州市科协调研现场](photo.jpg)`
markdown-own-computer-image = 图片 `{ $src }` 是写稿人自己电脑上的文件（从 Word 粘贴时常见），读者看不到
    .help = 把图片放进稿件文件夹（在线编辑时直接拖进正文），改写成 `![图片说明](照片.jpg)`
markdown-own-computer-link = 链接 `{ $href }` 指向写稿人自己电脑上的文件（从 Word 粘贴时常见），读者打不开
    .help = 把文件放进稿件文件夹（在线编辑时点工具栏的上传按钮），改写成 `[报名表](baoming-biao.docx)`
markdown-indented-prose = 这一段前面有制表符或空格，网页上显示成了代码框（等宽字体、不自动换行）：「{ $start }」
    .help = 删去段首的制表符或空格，网页会自动把段首空两格；列表里的段落，缩进和上面列表项的文字对齐即可
markdown-table-row-too-long = 表格的这一行有 { $cells } 格，比表头多，多出的「{ $text }」不会显示在网页上
    .help = 表头有 { $columns } 格，每一行都要一样多：在表头补上列名，或把多出的文字并进前面的格子；从 Word 抄来的表格，合并的单元格要拆开，每格写在自己的列里

## 命令行：帮助和用法错误（src/cli/help.rs）

cli = 为科协等群团组织的门户网站生成静态网站（门户）
    .root = 网站根目录（`site-config.toml` 所在的目录）
    .lang = 提示用的语言：zh-Hans（简体）、zh-Hant（繁体）或 en（英文）；不写时依次看 `MENHU_LANG`、网站的 `default_language`、系统的 `LANG`，都没有则用英文
    .help = 显示帮助
    .version = 显示版本
    .after-help = 退出码：0 成功；1 网站有错误（每个错误都写明文件、行号和改法）；2 命令行写错了。
cli-build = 生成网站，写入输出目录（整个替换，不会只写一半）
    .output = 输出目录（默认为配置中的 `output_dir`，即 "public"）
    .drafts = 也生成草稿和发布日期在将来的稿件
    .base-url = 用这个网址代替配置中的 `base_url`
    .force = 允许输出目录在网站以外
    .timings = 显示每个步骤的用时和最大内存占用
    .verbose = 列出每篇没有发布的稿件，写明文件和原因
    .format = `json`：在标准输出上给出这次生成的记录（发布数、每篇未发布稿件的原因和日期、下一次定时发布时间、文件数、字节数、用时）
    .quiet = 只显示问题：不显示“网站已生成……”一行，也不列出未发布的稿件
    .deny-warnings = 有警告时也以退出码 1 结束（网站照常写出）
    .clean-cache = 先删除缓存（`.menhu-cache/images/` 里处理过的图片，以及生成缓存），全部重新生成
    .cache = 使用并更新 DIR 里的生成缓存（默认 `.menhu-cache/build`）：只重新生成输入有变化的页面（docs/cache.md）
    .offline = 不联网：`load_data(url=…)` 只用 `.menhu-cache/` 中已下载的数据，从未下载过的网址会报错
    .network = 生成站群的每个成员网站（`--root` 或其上级文件夹里的 `network.toml`），各自写入 `<输出目录>/<网站名>/`
    .site = 只生成站群中的这个成员网站（可写多次），写入 `<输出目录>/<网站名>/`
    .shard = 与 `--network` 一起用：只生成 N 份中的第 I 份（`--shard 2/4`，供 N 台 CI 机器分担），并写出清单 `.menhu-shard-I-of-N.json`
cli-serve = 在内存中生成网站并启动本机预览
    .port = 预览用的端口（0：任选一个空闲端口）
    .bind = 绑定的地址；只有改了它，其他电脑才能打开预览
    .drafts = 也预览草稿和发布日期在将来的稿件
    .base-url = 链接里用的网址，如用手机预览时写 `http://192.168.1.5:1111`（默认为预览地址，链接不会跳出预览）
    .verbose = 每次生成后列出每篇没有发布的稿件，写明文件和原因
    .offline = 不联网：`load_data(url=…)` 只用 `.menhu-cache/` 中已下载的数据，从未下载过的网址会报错
    .edit = 在本机另一个端口打开在线编辑：在浏览器里改稿、加照片、送审；同时预览草稿（相当于 `--drafts`）；只能在本机（127.0.0.1）使用
    .edit-commit = 与 `--edit` 一起用：审核通过时把稿件（和审核记录）提交到网站的 git 版本库，作者记为审核人
    .network = 在一个端口上预览站群（`--root` 下的 network.toml）的所有成员网站，首页可选择网站
cli-new = 新建一篇稿件：content/栏目/年-月-日-标题拼音.md
    .section = `content/` 下的栏目文件夹，如 `news`
    .title = 稿件标题，如 "汇聚四长资源"
    .bundle = 改为新建一个稿件文件夹（内有 `index.md`），照片和附件放在它旁边：content/栏目/年-月-日-拼音/index.md
cli-check = 检查链接、稿件、政府网站检查项和用词
    .external = 也检查站外链接（需要联网）
    .format = 问题的显示方式：`human`（标准错误输出）、`json` 或 `github`（标准输出）
    .report = 另外把检查结果写成一个 HTML 自查报告文件
    .today = 按这一天（年-月-日）而不是今天计算更新情况
    .deny-warnings = 有警告时也以退出码 1 结束
    .drafts = 也检查草稿和发布日期在将来的稿件
    .offline = `load_data(url=…)` 不联网，只用 `.menhu-cache/` 中已下载的数据
    .network = 检查站群（`--root` 下的 network.toml）的每个成员网站，按网站分别报告，并检查站群自身的规则
cli-deploy = 把生成好的网站发布到 site-config.toml 中 `[deploy]` 的某个目标，只上传上次发布以来有变化的文件
    .target = 目标名称，即 `[deploy.targets.名称]`（默认为 `[deploy] default`，或唯一的目标）
    .dry-run = 只列出会上传和删除的文件，什么都不改
    .output = 要发布的目录（默认为配置中的 `output_dir`，即 "public"）
    .verbose = 列出每个上传和删除的文件
    .format = `json`：在标准输出上用一个 JSON 对象给出发布记录
cli-init = 把示例门户网站写入一个新目录
    .dir = 要新建的目录（不存在或是空的）
    .ci = 另外写一个 CI 流水线：安装指定版本的 menhu，生成、检查并发布网站（见 docs/operator-guide.md）
    .network = 改为写入示例站群：一个自治区站和三个市级站，共用一套模板，附 network.toml（见 docs/network.md）；此时 `--ci` 写入分片生成的流水线（github 或 gitlab）
cli-help = 显示这段说明，或某个命令的说明
cli-heading =
    .commands = 命令
    .options = 选项
    .arguments = 参数
    .template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
        用法：{"{"}usage{"}"}

        {"{"}all-args{"}"}{"{"}after-help{"}"}
cli-error-unknown-argument = 错误：不认识的选项 `{ $arg }`
cli-error-unknown-command = 错误：不认识的命令 `{ $command }`
cli-error-invalid-value = 错误：`{ $arg }` 的值「{ $value }」不对
cli-error-now = 错误：`--now`（或环境变量 `MENHU_NOW`）的值「{ $value }」不是一个时刻：请写成带时差的时刻，例如 2026-12-06T08:09:00Z 或 2026-12-06T16:09:00+08:00
cli-error-valid-values = 可以写的值：{ $values }
cli-error-missing = 错误：缺少 { $args }
cli-error-other = 错误：命令行写得不对
cli-error-help = 运行 `menhu --help` 查看所有命令和选项

## menhu init、menhu new 和预览的文件监视（E060x、E0702）

init-not-empty = `{ $folder }` 不是空目录
    .help = 换一个新的目录名，如 `menhu init my-portal`；init 从不覆盖已有的文件
init-network-ci-unsupported = menhu 没有适用于 Gitee Go 的站群分片流水线
    .help = 改用 `--ci github` 或 `--ci gitlab`；也可以不加 `--ci`，参照 docs/network.md 自己编写流水线
scaffold-cannot-read = 读不出 `{ $path }`：{ $reason }
scaffold-cannot-create = 无法新建 `{ $path }`：{ $reason }
scaffold-cannot-write = 写不进 `{ $path }`：{ $reason }
    .help = 检查目录的写入权限和磁盘剩余空间
new-not-a-section = `{ $section }` 不是栏目名
    .help = 写 `content/` 下的栏目文件夹名，如 `menhu new news "标题"`
new-no-file-name = 无法从标题「{ $title }」生成文件名
    .help = 标题里要有汉字、字母或数字
new-exists = `{ $file }` 已经存在
    .help = 直接编辑那篇稿件，或换一个标题
new-no-section = `content/` 里没有栏目 `{ $section }`
    .expected = 以下栏目之一：{ $sections }
    .help = 先新建栏目：`content/{ $section }/_index.md`
serve-refused-host = 拒绝访问：这个预览只回应它自己的地址，例如 { $address }
    .named = 拒绝访问：这个预览只回应它自己的地址，例如 { $address }；要用 `{ $host }` 这个名字打开，启动预览时加上 `--base-url http://{ $host }:{ $port }`
serve-refused-one-host = 请求有误：请求里必须有且只有一个 Host 头
serve-refused-target-long = 请求的地址太长
serve-refused-headers-large = 请求头太大
serve-refused-method = 不允许这种请求方法：预览只回应 GET 和 HEAD
serve-refused-lengths = 请求有误：请求里的消息长度互相矛盾
preview-scheduled-title = 尚未发布：{ $title }（本地预览）
preview-scheduled-note = 本地预览（menhu serve）提示，正式网站上不会出现这一页
preview-scheduled-heading = 此稿件定于 { $due } 发布
preview-scheduled-why = 《{ $title }》还没有到发布时间，所以没有发布：在那之前，正式网站上这个网址会显示“找不到页面”（404）。到时间后的第一次生成（<code>menhu build</code>）会把它发布出来。
preview-scheduled-file = 稿件文件：<code>{ $file }</code>
preview-scheduled-fix = 想现在就在预览里看正文，请运行 <code>menhu serve --drafts</code>；想提前发布，请把前置信息里的 <code>date</code> 改成现在或更早的时间。
preview-expired-banner = 本地预览提示：此稿件已于 { $at } 过期（<code>expires</code>）。正式网站上它仍可通过网址访问，但不再出现在列表、订阅和搜索中。
serve-no-site-folder = 找不到网站目录：{ $reason }
serve-cannot-watch = 无法监视 `{ $folder }` 的变化：{ $reason }
    .help = 请管理员调高 Linux 的 inotify 上限：`sudo sysctl fs.inotify.max_user_watches=524288`
serve-network-listening = 站群预览已启动：在浏览器里打开 { $address }/，选择要预览的网站（{ $network }，共 { $count } 个网站，每个网站在自己的路径下；按 Ctrl-C 停止）
serve-network-rebuilt = 已重新生成 { $count } 个网站中的 { $sites } 个，用时 { $took }：{ $changed } 个页面有变化
serve-picker-title = { $network } · 站群预览（共 { $count } 个网站）
serve-picker-intro = 请选择要预览的网站。修改文件后，打开着的页面会自动刷新，稿件出现在哪几个网站，哪几个网站的页面就刷新。
serve-picker-region = 地区
serve-picker-name = 站点名
serve-picker-folder = 文件夹
serve-picker-failed = 上一次生成失败：问题写在命令行窗口里，也显示在该网站的页面上。
serve-picker-no-site = 站群里没有这个地址的网站
serve-picker-back = 返回 { $network } 的网站列表

## 前置信息、表格和菜单里的地址（E0110、E0213）

address-bad-scheme = `{ $key }`「{ $value }」是 `{ $scheme }:` 类的地址，网页不能链接到这种地址
    .expected = 站内路径，如 `/about/` 或 `files/a.pdf`；或以 `https://`、`http://`、`mailto:`、`tel:` 开头的地址
    .help = 改写成站内路径，或 `https://www.example.org.cn/` 这样的网址
address-not-site-path = `{ $key }`「{ $value }」不是本站的路径：它以 `{ $scheme }:` 开头
    .expected = 路径，如 `/news/2024/`；或一个词，如 `kexie-dahui`
    .help = 删去 `{ $scheme }:` 及其后面的网址部分；要把读者引到别的网站，请在正文里加链接

## 短代码（E0212）

shortcode-too-deep = 短代码 `{ $name }` 嵌套超过了 { $depth } 层
    .help = 短代码生成的 Markdown 又调用了短代码；请确认它没有调用自己
shortcode-too-much = 短代码 `{ $name }` 没有展开：这篇稿件的短代码生成的内容太多
    .help = 一篇稿件最多调用 { $calls } 次短代码，生成的内容最多 64 MiB；请把稿件拆成几篇
shortcode-failed = 短代码 `{ $name }` 出错：{ $reason }
shortcode-bad-args = 短代码 `{ $name }` 的参数写得不对：{ $reason }
    .help = 参数写成 `名称=值`，用英文逗号隔开，例如 `name(id="x", n=3, on=true, list=[1, "a"])`
shortcode-unclosed = 短代码 `{ $name }` 没有用 `{ $close }` 结束
    .help = 在短代码末尾加上 `{ $close }`
shortcode-no-end = 成对的短代码 `{ $name }` 缺少 `{"{"}% end %{"}"}`
    .help = 在正文之后单独一行写 `{"{"}% end %{"}"}`
shortcode-args-unclosed = 参数列表缺少结尾的 `)`
shortcode-args-no-name = 这里应是参数名，却是 `{ $found }`
shortcode-args-no-equals = `{ $key }` 后面应有 `=`
shortcode-args-after = `{ $key }=` 之后：{ $reason }
shortcode-args-no-comma = `{ $key }` 的值后面应有 `,` 或 `)`
shortcode-args-too-deep = 列表嵌套超过了 { $depth } 层
shortcode-args-no-value = 这里应是一个值（英文引号括起的文字、数字、true、false 或 [列表]）
shortcode-args-unclosed-string = 文字缺少结尾的 { $quote }
shortcode-args-not-a-number = 「{ $value }」不是数字
shortcode-args-list-comma = 列表里应有 `,` 或 `]`

## 网站以外的文件（E0214）

escape-link = 快捷方式（符号链接）`{ $path }` 指向
escape-path = `{ $path }` 通向
escape-outside = { $what }网站以外：{ $to }
    .expected = 网站目录里的文件和文件夹
    .help = 把链接换成它所指文件的副本；如果网站确实要读那个文件夹，请在配置的 `follow_symlinks` 里列出它
escape-hidden = { $what }网站里的隐藏文件夹：{ $to }
    .help = menhu 从不通过链接读取 `.git` 这类隐藏文件夹；请直接复制文件
escape-unresolved = { $what }一个读不到的位置：{ $reason }
    .help = 修正或删除这个链接

## 名录表格：`[[directories]]`（E0220–E0223）

directory-no-section = 名录所属栏目 `{ $section }` 不存在
    .expected = 文件夹 `content/{ $section }/`，里面有 `_index.md`
    .help = 新建 `content/{ $section }/_index.md` 并写上 `kind = "orgs"`，或改正这个 `[[directories]]` 里的 `section`
directory-row-replaces = 第 { $line } 行会顶替已有的稿件 `{ $page }`
    .help = 给这一行的 `slug` 列换一个值，或给那篇 Markdown 稿件改名
directory-unreadable = 读不出名录表格 `{ $file }`：{ $reason }
    .help = 检查 `[[directories]]` 里的 `file`；路径从网站根目录算起
directory-not-a-table = 不是 `.csv` 或 `.toml` 文件
    .help = 表格文件名以 `.csv` 结尾（第一行是表头，之后每行一个组织），或以 `.toml` 结尾（每个组织一个 `[[orgs]]`）
directory-bad-csv = CSV 表格的行有误：{ $reason }
    .help = 每一行的列数要和表头一样；含逗号的值要用英文双引号括起来："南宁市青秀区，示范路 1 号"
directory-unknown-column = 第 { $line } 行：不认识的列「{ $name }」
    .expected = 以下列名之一：{ $columns }
    .help = 改正列名，或删去这一列
directory-invalid-toml =
    .help = 每个组织写一个 `[[orgs]]` 表，例如 `[[orgs]]\ntitle = "藤县科协"`
directory-no-orgs = 表格里没有 `[[orgs]]`
    .help = 每个组织写一个 `[[orgs]]` 表
directory-no-title = 缺少 `title`
    .expected = 组织的全称，例如 藤县科学技术协会
directory-members-not-a-number = `members` 列的「{ $value }」不是数字
    .expected = 会员人数，整数，例如 120
directory-bad-row = 这一行有误
directory-bad-cell = 第 { $line } 行：{ $what }
    .help = 改正 `{ $file }` 第 { $line } 行的 `{ $column }` 列

## 图片（E0250–E0255）

image-unreadable = 读不出图片 `{ $file }`：{ $reason }
    .expected = 网站目录里的图片文件
    .help = 检查文件是否存在、能否读取，以及它是不是指向网站以外文件的链接
image-unsupported = `{ $file }` 不是 menhu 能读的图片：{ $reason }
    .expected = JPEG、PNG、WebP 或 GIF 图片
    .help = 把图片另存为 JPEG（照片）或 PNG（图表、截图），改用另存的文件
image-damaged = 图片 `{ $file }` 已损坏：{ $reason }
    .expected = 能用看图软件打开的图片文件
    .help = 用图片编辑软件打开后重新保存为 JPEG 或 PNG，或从原处重新复制一份
image-too-large = 图片 `{ $file }` 太大：{ $reason }
    .expected = 不超过 1 亿像素、不超过 100 MB 的照片
    .help = 用图片编辑软件缩小后重新保存（网页上宽 2500 像素就足够了）
image-bad-request = 无法缩放 `{ $file }`：{ $reason }
    .expected = 宽和高在 1 到 10000 像素之间（按操作的需要）
    .help = 改正模板里 `resize_image` 的参数
image-cache = 无法保存 `{ $file }` 的缩放副本：{ $reason }
    .expected = 网站里可写入的 `.menhu-cache/images` 文件夹
    .help = 检查磁盘剩余空间和 `.menhu-cache/` 的权限，或用 `menhu build --clean-cache` 删除这个文件夹
image-cache-not-deleted = 无法删除图片缓存 `{ $folder }`：{ $reason }
    .help = 手动删除这个文件夹，或不加 `--clean-cache` 生成
image-detail-site-folder = 网站文件夹：{ $reason }
image-detail-outside = 它在网站目录以外
image-detail-not-a-file = 它不是文件
image-detail-bytes = { $size } 字节，超过了上限 { $limit } 字节
image-detail-not-an-image = 文件开头不是 JPEG、PNG、WebP 或 GIF 图片的格式
image-detail-pixels = { $width } × { $height } 像素，超过了上限 { $limit } 百万像素
image-detail-zero-size = 文件声称的尺寸是 { $width } × { $height } 像素
image-detail-limits = { $reason }（每边最多 { $side } 像素，总共最多 { $limit } 百万像素）
image-detail-ends-early = 文件不完整或读不出（{ $reason }）
image-detail-encoding = 编码为 { $format } 时出错：{ $reason }
image-detail-changed = 生成网站的过程中这个文件被改动了；请重新生成
image-detail-copy-side = 要求的副本每边 { $side } 像素；最多 { $limit } 像素
image-detail-copy-size = `{ $operation }` 会生成 { $width } × { $height } 像素的副本；每边最多 { $limit } 像素
image-detail-quality = 质量 { $quality } 不在 1 到 100 之间

## 网站结构：地区、网址、附件、组织、系列、菜单（E03xx、W03xx）

list-or = { $first }或{ $rest }
list-and = { $first }，{ $rest }
attachment-missing = 稿件旁边找不到附件 `{ $path }`
    .expected = 放在稿件自己文件夹里的文件（稿件文件夹：`news/x/index.md` 旁边放 `news/x/file.pdf`）
    .help = 把附件放到 `index.md` 旁边（需要时把稿件改成文件夹），或改正文件名
place-ambiguous-region = 地区「{ $name }」有歧义：有 { $count } 个地方叫这个名字
place-ambiguous-city = 城市「{ $name }」有歧义：有 { $count } 个地方叫这个名字
place-ambiguous =
    .expected = 只有一个行政区叫的名字
    .help = 写出你指的那个地方的全称：{ $choices }；或在网站配置的 `[regions]` 里设置 `default_province`
place-unknown-region = 不认识的地区「{ $name }」
place-unknown-city = 不认识的城市「{ $name }」
place-unknown =
    .expected = 行政区划名录里的省、市或县，例如「梧州」或「广西壮族自治区梧州市藤县」
    .help = 检查写法，或在网站配置的 `[[regions.custom]]` 里声明这个地方
place-did-you-mean = 是不是要写{ $choices }？
place-choice = 「{ $name }」（{ $full }）
place-region = 地区「{ $name }」
place-city = 城市「{ $name }」
place-not-a-province = `default_province`「{ $name }」不是省级行政区
    .expected = 省级名称，例如「广西」或「广西壮族自治区」
    .help = 改写它所在的省：「{ $province }」
region-path-taken = 地区页面的网址 `{ $path }` 会顶替{ $owner }
    .expected = 没有分类、栏目或稿件使用的网址段
    .help = 在网站配置里换一个网址段，例如 `[regions]` 下写 `path = "diqu"`
series-path-taken = 系列页面的网址 `{ $path }` 会顶替{ $owner }
    .expected = 没有分类、栏目或稿件使用的网址段
    .help = 在网站配置里换一个网址段，例如 `[series]` 下写 `path = "xilie"`
owner-taxonomy = 分类 `{ $name }` 的页面
owner-section = 栏目 `{ $file }`
    .help = 在栏目的 `_index.md` 里另写 `path`，或给栏目文件夹改名
owner-page = 稿件 `{ $file }`
    .help = 在它的前置信息里另写 `path` 或 `slug`，或给文件改名
menu-target-missing = 菜单项「{ $title }」链接到 `{ $target }`，但它不存在
    .expected = `@/` 加 content 下的路径，例如 `@/news/_index.md` 或 `@/about.md`
    .help = 检查 `content/` 下的路径，或改用站内路径，如 `/cities/`
org-unknown-level = 不认识的组织级别「{ $level }」
    .help = 学会写 `society`，企业科协写 `enterprise`，园区科协写 `park`
org-unknown-parent = 上级组织「{ $name }」不在名录里
    .did-you-mean = 是不是要写「{ $name }」？（上级组织按其页面标题填写）
    .help = 给它加一个页面；如果它不在本网站，就当普通文字保留
org-unknown = `org`「{ $name }」不是名录里的组织
    .did-you-mean = 是不是要写「{ $name }」？
    .help = 填写该组织页面的标题
series-no-index = 系列「{ $name }」的这篇稿件没有 `series_index`
    .expected = 稿件在系列中的序号，例如 `series_index = 31`
    .help = 在 `series` 下面加 `series_index = { $next }`（系列中最大序号的下一个）
series-number-twice = 系列「{ $name }」有两篇稿件的序号都是 { $number }
    .expected = 同一系列里每个序号只用一次
    .help = `{ $file }` 用了同一个序号；给其中一篇改个序号
series-gap = 系列「{ $name }」缺少序号为 { $missing } 的稿件
    .help = 检查 `series_index`，或发布缺少的那一期
taxonomy-undeclared = 分类 `{ $name }` 没有在网站配置里声明，它的分类词被忽略了
    .help = 在配置里声明它：`taxonomies = [{"{"} name = "{ $name }" {"}"}]`
url-taken-twice = 两篇稿件的网址相同 `{ $path }`：`{ $first }` 和 `{ $second }`
    .help = 在其中一篇的前置信息里换一个 `slug`，或给文件改名
schedule-link-to-waiting = 链接到 `{ $target }`，这篇稿件定于 { $due } 发布：在那之前这个链接打不开
    .help = 两篇一起发布（把本稿件的发布日期设为相同或更晚），或等那篇发布后再加链接
schedule-fix-before = 这篇稿件定于 { $due } 发布，现在还没有发布；请在此之前改好，否则到时生成网站会失败
    .after-help = { $help }；这篇稿件定于 { $due } 发布，现在还没有发布；请在此之前改好，否则到时生成网站会失败

## 生成后未发布稿件的统计（每次生成后的一行）

publication-all = 所有稿件都已发布
    .drafts = 所有稿件都已发布（--drafts：草稿和发布日期在将来的稿件也包括在内）
publication-scheduled = { $count } 篇定时发布（最近一篇：{ $next }）
publication-drafts = { $count } 篇草稿
publication-left-out = { $count } 篇稿件未发布：{ $parts }
publication-expired = { $line }；{ $count } 篇稿件已过期（网址仍可打开，但不出现在列表、订阅和搜索中）
publication-reason =
    .scheduled = 定时发布
    .draft = 草稿
    .expired = 已过期

## 同一个输出路径有两个来源（E0304、E0305）

alias-leaves-site = 旧网址 `{ $alias }` 会跑到网站以外
    .help = 从网站根目录写旧网址，例如 `aliases = ["/old/news/"]`
output-file-and-folder = `{ $path }` 既是文件（来自{ $first }），又是装着 `{ $inner }` 的文件夹（来自{ $second }）
output-written-twice = 两个输出都要写到 `{ $path }`：{ $first }和{ $second }
    .expected = 每个输出路径只有一个来源
owner-traditional-copy-of = { $owner }的繁体版
owner-home = 首页 `{ $file }`
owner-section-pager = `{ $file }` 列表的第 { $number } 页
owner-taxonomy-list = 全部 `{ $name }` 的列表页
    .help = 在配置里给这个分类改名，或把另一个输出移走
owner-term = { $number ->
        [0] `{ $taxonomy }`「{ $term }」的页面
        [1] `{ $taxonomy }`「{ $term }」的页面
       *[other] `{ $taxonomy }`「{ $term }」页面的第 { $number } 页
    }
    .help = 给这个分类词改名，或把另一个输出移走
owner-cities = 城市页
owner-region-page =
    .help = 在配置里另设 `[regions] path`
owner-city = { $number ->
        [0] 「{ $name }」的城市页
        [1] 「{ $name }」的城市页
       *[other] 「{ $name }」城市页的第 { $number } 页
    }
owner-province = 「{ $name }」的省份页
owner-series = 系列「{ $name }」的页面
    .help = 在配置里另设 `[series] path`
owner-not-found = 404 页面
    .help = 404 页面来自 `templates/404.html`；请删去另一个输出
owner-sitemap = 网站地图
owner-robots = `robots.txt`
owner-switch-off = 要发布自己的文件，请在配置里设置 `{ $key } = false`；否则删去另一个
owner-highlight = 代码高亮样式表
    .help = 给另一个文件改名
owner-stylesheet = 由 `sass/` 编译的样式表
    .help = 给另一个文件或 Sass 文件改名
owner-search-page = 搜索页
    .help = `search/` 归搜索页和搜索索引所有；请把另一个输出移走
owner-search-index = 搜索索引（它占用 `{ $folder }/`）
    .help = `search/` 归搜索索引所有；请把另一个输出移走，或设置 `build_search_index = false`
owner-feed-site = 全站订阅源
owner-feed-section = `{ $file }` 的订阅源
owner-feed-term = `{ $taxonomy }`「{ $term }」的订阅源
owner-feed-city = 「{ $name }」的订阅源
owner-feed =
    .help = 给另一个文件改名，或修改 `feed_filenames`
owner-redirect-section = 从 `{ $file }` 第 1 页的跳转
    .help = 修改 `paginate_path`，或把另一个输出移走
owner-redirect-term = 从 `{ $taxonomy }`「{ $term }」第 1 页的跳转
owner-alias = `{ $file }` 的旧网址 `{ $alias }`
    .help = 删去这个旧网址，或换一个没有被其他输出占用的旧网址
owner-static = 静态文件 `{ $file }`
    .help = 给这个静态文件改名或删除它；网站自己会生成这个输出
owner-traditional = 网站的繁体版（它占用 `{ $folder }/`）
    .help = 给另一个输出改名，或设置 `traditional = false`
owner-bundle = 稿件旁边的文件 `{ $file }`
    .help = 给这个文件改名：稿件文件夹里的文件会发布在稿件旁边

## 模板和主题（E04xx、W0401）

theme-not-found = 在 `themes/{ $name }/` 里找不到主题 `{ $name }`
    .help = 检查配置里的 `theme`，或把主题文件夹复制到 `themes/` 里
    .help-portal = 主题 `portal` 是 menhu 自带的：用 `menhu init` 生成一个新文件夹（如 `menhu init /tmp/portal`），把其中的 `themes/portal/` 复制到本网站的 `themes/` 里；或从 git 恢复（`git checkout -- themes`）
template-unreadable = 读不出模板：{ $reason }
    .help = 把模板存为 UTF-8 文本，并检查文件的读取权限
template-error = 模板出错：{ $reason }
    .help = 出错时正在生成 `{ $file }`；请改正模板或这篇稿件的前置信息
template-unparsed-help = 改正模板里标出的位置：那里的标签（`{"{"}{"{"} … {"}"}{"}"}`、`{"{"}% … %{"}"}`）写错了或没有闭合；模板用的是 Tera 语法，与 Zola 相同（见 docs/templates.md）
render-error-more = { $help }（另有 { $others } 个页面出现同样的错误）
template-not-found = 找不到模板 `{ $template }`
    .expected = 网站里的 `templates/{ $template }`，或配置所设主题的 `themes/主题名/templates/` 里的同名文件
    .help = 新建这个模板，或在配置里设置 `theme = "portal"`，或改正 `template` 的值
template-extends-loop = 模板互相继承，形成了循环：{ $chain }
    .help = 改掉其中一个 `{"{"}% extends %{"}"}`，让继承链停在一个不继承别的模板的模板上，例如 `base.html`
template-extends-itself = `{ $name }` 继承了它自己；要继承主题里的 `{ $name }`，请写 `{"{"}% extends "{ $theme }/templates/{ $name }" %{"}"}`
template-include-loop = 模板包含了它自己：{ $chain }
    .help = 删去造成循环的那个 include；要输出嵌套的内容（菜单、目录树），请用递归的宏
template-endless-macro = 宏 `{ $name }` 总是调用它自己，永远不会结束
    .help = 只在会停止的 `{"{"}% if %{"}"}` 或 `{"{"}% for %{"}"}` 里再次调用这个宏
template-recursion = 模板无休止地递归：'{ $file }' 里的宏 `{ $name }` 已嵌套调用 { $depth } 层
    .cycle = 模板无休止地递归：'{ $file }' 里的宏 `{ $name }` 已嵌套调用 { $depth } 层；这些宏互相调用，没有尽头：{ $chain }
    .help = 确认宏里的 `{"{"}% if %{"}"}` 会让它停止调用自己：计数器如果越来越远离上限，就永远停不下来
theme-strings-unreadable = 读不出主题的文字表：{ $reason }
    .expected = 像 `home = "首页"` 这样的行：每行一个名称和一段文字
    .help = 每个值都用英文双引号括起来；每行一个 `名称 = "文字"`
static-bad-pattern = `{ $key }` 里的规则 `{ $pattern }` 写得不对：{ $reason }
    .help = 用通配符写法，例如 `*.psd` 或 `.well-known`
static-hidden = `static/` 里的隐藏文件没有发布：{ $names }
    .more = `static/` 里的隐藏文件没有发布：{ $names }，另有 { $more } 个
    .help = 隐藏文件常含机密（`.env`、`.git/`）；确实要发布的，请列在 `static_dotfiles` 里，例如 `static_dotfiles = [".well-known"]`
sass-compiler-bug = Sass 编译器内部出错，这是 menhu 的缺陷；请连同这个文件一起报告
sass-error = Sass 出错：{ $reason }
    .help = 改正样式表，或在配置里设置 `compile_sass = false`
sass-import = Sass：读不出导入的文件：{ $reason }
    .help = 只导入网站 `sass/` 文件夹里的文件

## 输出文件夹（E05xx）和 menhu 自身的错误（E0001）

output-refused = 不能把 `{ $folder }` 用作输出文件夹：{ $reason }
    .help = 选网站里的一个文件夹，例如 `public`：`menhu build --output public`
    .root = 它是文件系统的根目录
    .site = 它就是网站本身，或网站的上级文件夹
    .source = 它在 menhu 要读取的 `{ $folder }` 里面
    .hidden = 它是隐藏文件夹（如 `.git`），生成网站时会被整个替换
    .file = 它是一个文件，生成网站时会被替换成文件夹
    .file-help = 把文件 `{ $file }` 删掉或改名（它不是 menhu 生成的），或用 `--output` 另选一个文件夹
    .holds = 它里面有网站要读取的 `{ $path }`
    .outside = 它在网站以外；如果确实要这样，请加 `--force`
output-outside = 不能写入 `{ $path }`：它会落到输出文件夹以外
    .help = 前置信息里的 `path` 或 `slug` 不要含 `..`
output-io =
    .find-parent = 找不到 `{ $path }` 的上级文件夹
    .create = 无法创建 `{ $path }`：{ $reason }
    .write = 无法写入 `{ $path }`：{ $reason }
    .copy = 无法复制 `{ $path }`：{ $reason }
    .move-in = 无法把新生成的网站移到 `{ $path }`：{ $reason }
    .move-aside = 无法把原来的输出从 `{ $path }` 移开：{ $reason }
    .clean = 无法清理 `{ $path }`：{ $reason }
    .remove = 无法删除 `{ $path }`：{ $reason }
    .help = 检查磁盘剩余空间和权限；原来的输出没有改动
internal-file = 处理这个文件时 menhu 内部出错，这是 menhu 的缺陷，请报告
    .help = 网站的其余部分已处理完；报告时请尽量附上这个文件
internal-search-outside = menhu 内部出错：搜索索引把 `{ $path }` 写到了它的文件夹以外，这是 menhu 的缺陷，请报告
internal-not-planned = menhu 内部出错：生成了 `{ $path }`，但它不在输出计划里，这是 menhu 的缺陷，请报告
markdown-more-no-alt = 还有 { $count } 张图片没有说明文字，未一一列出
    .help = 给这篇稿件的每张图片都写上说明文字，再重新生成

## menhu check：链接和页面（C01xx）

check-missing-image = 图片 `{ $path }` 不存在
    .expected = 稿件旁边（稿件文件夹里）或 `static/` 下的图片
    .help = 把图片放到 `index.md` 旁边或 `static/` 里，或改正路径
check-broken-link = 链接 `{ $link }` 指向的页面或文件不存在
    .expected = 本站的页面，最好写成 `@/栏目/文件.md`
    .help = 用 `@/` 链接到 Markdown 文件，例如 `[通知](@/news/tzgg/x.md)`，这样文件改名时 menhu 能发现
check-missing-file = 链接的文件 `{ $path }` 不存在
    .expected = 稿件旁边（稿件文件夹里）或 `static/` 下的文件
    .help = 把文件放到 `index.md` 旁边，或改正文件名（大小写也要一样）；附件也可以写进前置信息的 `attachments`，文末会列出附件和大小
check-broken-anchor = 页面 `{ $page }` 上没有锚点 `#{ $anchor }`
    .expected = 那个页面上某个标题或元素的 id
    .help = 链接到页面目录里显示的标题 id，或删去 `#…` 部分
check-summary-link = 链接 `{ $path }` 在稿件页面上能用，但在显示摘要的页面上打不开（`{ $shown }`{ $more ->
        [0] {""}
       *[other] 等 { $more } 处
    }）
    .expected = 在所有显示摘要的页面上都能用的路径：从网站根目录写起
    .help = 从网站根目录写：`{ $path }`；或把它移到 `<!-- more -->` 下面，列表里就不显示它
check-summary-image = 图片 `{ $path }` 在稿件页面上能显示，但在显示摘要的页面上显示不出（`{ $shown }`{ $more ->
        [0] {""}
       *[other] 等 { $more } 处
    }）
check-template-link = 模板里写的链接 `{ $link }` 指向的页面或文件不存在（{ $pages ->
        [1] 本页
       *[other] { $pages } 个页面
    }）
    .expected = 网站生成的路径，例如用 `get_url(path="@/news/_index.md")` 得到的地址
    .help = 改正主题模板（或网站 `templates/` 里）的链接；用 `get_url` 加 `@/` 写链接，改名时能被发现
check-template-anchor = { $problem }（在模板里，{ $pages ->
        [1] 本页
       *[other] { $pages } 个页面
    }）

## menhu check：页面、检查规则和用语（C01xx–C03xx）

check-no-alt =
    .expected = 方括号里写一句简短的说明：`![描述](图片.jpg)`
    .help = 为看不到图片的读者写明图片内容，例如 `![梧州市科协调研现场](photo.jpg)`
check-title-again = 正文开头又写了一遍标题「{ $title }」，网页上标题会出现两次
    .help = 删去正文里的这一行：标题写在前置信息的 `title` 里，网页会自动显示
check-outline-paragraph = 「{ $text }」像小标题，却写成了普通段落{ $more ->
        [0] {""}
       *[other] （这篇稿件还有 { $more } 处）
    }，网页的目录和小标题链接里没有它
    .help = 小标题前面加上 `## `（下一级加 `### `），如 `## { $text }`
check-heading-no-space = 「{ $text }」的 `#` 后面没有空格，网页上原样显示成了文字{ $more ->
        [0] {""}
       *[other] （这篇稿件还有 { $more } 处这样的小标题）
    }
    .help = 在 `{ $marks }` 后面加一个空格：`{ $marks } { $text }`
check-heading-jump = 标题「{ $title }」从第 { $from } 级跳到了第 { $to } 级
    .expected = 这里用第 { $level } 级标题（`{ $marks }`）
    .help = 读屏软件按标题级别朗读提纲：不要跳级；用 `#` 号的个数表示结构，不要用字号
check-duplicate-title = 标题「{ $title }」被 { $count } 篇稿件使用
    .help = 每篇稿件用自己的标题（最先使用的是 `{ $first }`）；这些稿件是：{ $pages }
check-external-broken = 站外链接 `{ $url }` 打不开：{ $reason }{ $others ->
        [0] {""}
       *[other] （另有 { $others } 处同样的链接）
    }
    .help = 改正或删除这个链接；如果对方页面搬了家，请链接到新地址
check-external-silent = 站外链接 `{ $url }` 没有响应：{ $reason }{ $others ->
        [0] {""}
       *[other] （另有 { $others } 处同样的链接）
    }
    .help = 在浏览器里打开这个地址看看；如果对方网站拒绝自动检查，请把它加到 `[check.external]` 的 `skip` 里
check-external-private = 没有访问站外链接 `{ $url }`：{ $reason }{ $others ->
        [0] {""}
       *[other] （另有 { $others } 处同样的链接）
    }
    .help = 公开网页不应链接到内部网络；如果确实要链接（内网页面），请把它的主机名加到 `[check.external]` 的 `allow_private` 里
check-template-text = 稿件里还留着模板的提示文字：「{ $text }」
    .expected = 用稿件自己的内容替换模板的提示文字
    .help = 把提示文字换成正文，或删去这一行
check-empty-source = `source`（来源）是空的
    .expected = 稿件的来源，例如 `source = "梧州市科协"`
    .help = 填写来源；如果稿件就出自本网站，删去这一行
check-photo-size = { $bytes }，{ $width } × { $height } 像素
check-photo-kept = { $size } 的照片按原图发布
    .help = `[images]` 里的 `keep_original = true` 让原图照原样发布；删去这一行，读者就会看到缩小后的副本；或把照片存小一些
check-photo-large = { $size } 的照片太大，不能按原图发布
    .expected = 每边最多 { $side } 像素、不超过 { $bytes } 的照片
    .help = 无须处理：页面上显示的是缩小后的副本。如果也要发布原图，请把它存为每边最多 { $side } 像素、不超过 { $bytes }，或在 `[images]` 里设置 `keep_original = true`
check-stale-pin = { $day } 的稿件仍然{ $what }，已经过了 { $days } 天
    .expected = 只把最近 { $days } 天的新闻置顶或设为头条，或写明截止日期
    .help = 删去 `{ $key }`，或写明截止日期：`{ $key }_until = { $until }`
check-stale-home = 首页
    .help = 发布一条新闻（`menhu new news "标题"`）；时限是 site-config.toml 里 `[check]` 下的 `home_days`
check-stale-column = 栏目「{ $title }」
check-stale = { $what }上次更新是 { $age } 天前（{ $newest }），超过了 { $limit } 天的时限
    .undated = { $what }没有带日期的稿件，视为从未更新
    .expected = 至少每 { $limit } 天更新一次
    .help = 发布新稿件（`menhu new { $folder } "标题"`），或在 site-config.toml 里用 `[[check.columns]]`、`section = "{ $folder }"` 和 `days = …` 设置这个栏目的时限
check-empty-column = 栏目「{ $title }」没有任何稿件
    .expected = 受检查的栏目至少有一篇已发布的稿件
    .help = 在 `content/{ $path }/` 里发布一篇稿件，或删去这个栏目，或用 `[[check.columns]] section = "{ $path }"` 加 `allow_empty = true`（或 `type = "exempt"`）标明它可以为空
check-undated = 按日期排列的栏目「{ $column }」里，稿件「{ $title }」没有发布日期
    .expected = 前置信息里的 `date`，例如 `date = 2026-05-01`，或以 `2026-05-01-` 开头的文件名
    .help = 在标题下面加 `date = YYYY-MM-DD`：检查时没有日期的稿件算作未更新
check-empty-attachment = 附件 `{ $name }` 是空文件
    .expected = 附件本身（读者会下载它）
    .help = 换成真正的文件，或把它从 `attachments` 里删去
check-meta-missing = { $count } 个页面缺少 meta 标签 `{ $tag }`，或它的内容为空
    .expected = 每个页面的 `<head>` 里都有 `<meta name="{ $tag }" content="…">`
    .help = 主题的 `base.html` 要写出 `<meta name="{ $tag }" …>`；自带的 `portal` 主题会写
    .site-id-code = 在 site-config.toml 的 `[check]` 下设置 `site_id_code`，或在 `[extra.footer]` 下设置 `site_code`（网站标识码）
    .content-source = 主题的 `base.html` 要写出 `<meta name="ContentSource" …>`；自带的 `portal` 主题写的是稿件的 `source`（来源），没有来源时写网站名称
    .pub-date = 在稿件的前置信息里写上 `date`（发布日期）
check-filing-missing = { $count } 个页面的页脚没有{ $name }（{ $mark }…）
    .expected = 政府或事业单位网站每个页面的页脚都有{ $name }
    .help = 在 site-config.toml 的 `[extra.footer]` 里填写 `icp`、`police` 和 `site_code`（portal 主题会显示它们）；如果网站不是政府或事业单位网站，请在 `[check]` 下设置 `government = false`
check-old-as-of = `[check] as_of` 是 { $day }，已是 { $days } 天前：更新情况按那一天计算，而不是今天
    .help = 删去 `[check]` 里的 `as_of`，让自查按运行当天计算；固定日期只用于测试（`menhu check --today YYYY-MM-DD`）
check-network-site = { $association }（{ $site }，{ $folder }）
check-network-rules = { $network } 的站群规则
check-network-no-column = 成员网站「{ $site }」把 { $origins } 的稿件转载到栏目 `{ $section }`，但它没有这个栏目
    .help = 给该网站加上这个栏目（`{ $folder }/content/{ $section }/_index.md`），或在转载规则里用 `into` 指定一个已有的栏目
check-network-push-no-column = 这篇稿件报送到「{ $target }」（成员网站「{ $site }」），但那个网站没有栏目 `{ $section }`，稿件不会出现在那里
check-network-push-not-ancestor = 这篇稿件报送到「{ $target }」（成员网站「{ $site }」），它不是本网站的上级
    .help = 稿件一般向上级报送，写 `"parent"`（上级）或 `"province"`（省级）；确实要报送给它的话可以不改
check-network-total = 共检查 { $sites } 个网站：{ $summary }
check-network-filing-missing = 成员网站「{ $site }」的页脚配置里没有{ $names }
    .help = 在该网站 site-config.toml 的 `[extra]` 里写上本网站自己的备案号：`footer = { "{" } icp = "…", police = "…" { "}" }`
check-network-filing-copied = 成员网站「{ $site }」的{ $name }「{ $number }」与「{ $other }」相同：是从别的网站复制来后没有改
    .help = 改为本网站自己的备案号，以备案证书为准（ICP 备案：beian.miit.gov.cn；公安备案：beian.mps.gov.cn）
check-miswritten = 「{ $wrong }」是「{ $right }」的错误写法
    .help = 改为「{ $right }」
check-forbidden = 「{ $term }」是禁用或过时的说法
    .instead = 改为「{ $instead }」
    .help = 换一种说法（site-config.toml 的 `[[check.forbidden]]` 列出了这个词）

## menhu check --report：自查报告页面

report-title = { $site } 网站自查报告
report-summary = 检查页面 { $pages } 个：错误 { $errors } 项，警告 { $warnings } 项。
    .errors = 错误 { $errors } 项
report-today = 更新情况按 { $day } 计算。
report-columns = 栏目更新情况
    .column = 栏目
    .kind = 类型
    .limit = 时限（天）
    .items = 条目
    .undated = 无日期
    .newest = 最近更新
    .age = 距今（天）
    .status = 状态
    .problems = 问题（含下级栏目）
report-home = 首页
report-column-name = { $title }（{ $section }）
report-kind =
    .news = 动态要闻
    .notice = 通知公告/政策文件
    .other = 其他
    .exempt = 不检查
report-status =
    .ok = 正常
    .stale = 未按时更新
    .empty = 空白栏目
    .exempt = 不检查
report-by-rule = 按规则统计
    .none = 未发现问题。
    .code = 代码
    .errors = 错误
    .warnings = 警告
report-problems = 问题清单
    .level = 级别
    .place = 位置
    .problem = 问题
    .fix = 修改建议
report-level =
    .error = 错误
    .warning = 警告

## menhu deploy（E08xx）

deploy-unreadable-config = 读不出 `{ $file }`：{ $reason }
    .help = 在网站文件夹里运行 `menhu deploy`，或用 `--root` 指定网站文件夹
deploy-bad-target = [deploy.targets.{ $name }]：{ $reason }
    .expected = type = "s3"、"folder" 或 "sftp"，并写上各自需要的项（见 docs/operator-guide.md 的“Deploying”）
deploy-unknown-default = [deploy] default = "{ $name }" 不是任何一个发布目标
    .help = 添加 [deploy.targets.{ $name }]，或改写成已有目标的名称
deploy-prefix-escapes = [deploy.targets.{ $name }] 的 prefix `{ $prefix }` 跑出了存储桶的文件夹
deploy-no-brotli = [deploy.targets.{ $name }]：对象存储无法提供 brotli 压缩版本
    .help = 存储桶只按请求返回文件，不能按浏览器的 Accept-Encoding 选择；请用 precompress = ["gzip"]，所有浏览器都能读
deploy-unknown-precompress = [deploy.targets.{ $name }]：不认识的 precompress `{ $value }`
    .expected = precompress = ["gzip", "brotli"]
deploy-bad-pattern = cache_control 规则 `{ $pattern }` 写得不对：{ $reason }
    .expected = 通配符规则，例如 "*.html"、"**/*.html" 或 "search/**"
deploy-secret = `{ $key }` 是密钥，不能写在 `{ $file }` 里
    .expected = 把密钥放在环境变量 { $variable } 里
    .help = 删去这一行，更换这个密钥（它已经留在 git 历史里了），再把新密钥设为 CI 的机密变量 { $variable }
deploy-invalid = [deploy]：{ $reason }
    .expected = docs/operator-guide.md“Deploying”一节列出的配置项
deploy-unknown-key = 这里没有 `{ $key }` 这一项，能写的是 { $allowed }
deploy-unknown-key-none = 这里没有 `{ $key }` 这一项，这一节不需要写任何项
deploy-missing-key = 缺少必填的 `{ $key }`
deploy-no-section = site-config.toml 里没有 [deploy]
    .help = 添加一个发布目标，例如 [deploy.targets.www]，写上 type = "folder" 和 path = "/srv/www"（见 docs/operator-guide.md 的“Deploying”）
deploy-nothing-built = `{ $folder }` 里没有生成好的网站（没有 index.html）
    .help = 先运行 `menhu build`；deploy 发布的是最近一次生成的结果
deploy-no-target-chosen = 有多个发布目标，但没有指定用哪一个
    .help = 加上 `--target 名称`（可选：{ $names }），或设置 [deploy] default
deploy-no-such-target = 没有名为 `{ $name }` 的发布目标
    .none = 在 site-config.toml 里的 [deploy.targets.名称] 下添加一个
    .help = 已有的目标：{ $names }
deploy-unreadable-file = 读不出 `{ $file }`：{ $reason }
deploy-unreadable-output = 读不出输出文件夹：{ $reason }
deploy-bad-manifest = 发布目标上的 `{ $file }` 读不出：{ $reason }
    .help = 删除发布目标上的 `{ $file }`：下次发布时会重新上传所有文件
deploy-failed =
    .create = 无法创建 `{ $what }`：{ $reason }
    .write = 无法写入 `{ $what }`：{ $reason }
    .read = 无法读取 `{ $what }`：{ $reason }
    .delete = 无法删除 `{ $what }`：{ $reason }
    .upload = 无法上传 `{ $what }`：{ $reason }
    .upload-to = 无法上传到 `{ $what }`：{ $reason }
    .run = 无法运行 `{ $what }`：{ $reason }
    .connect-to = 无法连接 `{ $what }`：{ $reason }
deploy-folder-is-a-file = `{ $file }` 是一个文件，不是文件夹
    .help = 请把 site-config.toml 里这个文件夹发布目标的 `path` 改成网站的发布文件夹（现在写的是 `{ $folder }`），或把那个文件移走；然后再运行一次 `menhu deploy`：已经上传的文件不会重复上传
deploy-folder-refused =
    .help = 请检查 `{ $folder }` 是否就是网站的发布文件夹（共享盘要先挂载好）、运行 menhu 的用户能否往里写、磁盘是否还有空间；然后再运行一次 `menhu deploy`：已经上传的文件不会重复上传
deploy-temporary-folder = 临时文件夹
deploy-answer = 服务器返回 { $status }：{ $body }
    .forbidden = 检查 MENHU_DEPLOY_ACCESS_KEY_ID / MENHU_DEPLOY_SECRET_ACCESS_KEY、区域，以及这个密钥有没有写入存储桶的权限
    .not-found = 检查存储桶的名称和访问地址（以及 path_style）
    .help = 请看上面存储服务返回的信息
deploy-no-credentials = 没有访问存储桶的凭据
    .expected = 环境变量 MENHU_DEPLOY_ACCESS_KEY_ID 和 MENHU_DEPLOY_SECRET_ACCESS_KEY
    .help = 用 CI 的机密变量设置它们（GitHub：Settings → Secrets and variables → Actions）
deploy-bad-endpoint = 访问地址 `{ $endpoint }` 有误：{ $reason }
    .expected = 网址，例如 https://oss-cn-hangzhou.aliyuncs.com
deploy-bad-bucket = `{ $endpoint }` 上的存储桶 `{ $bucket }` 有误：{ $reason }
    .help = 用 IP 地址访问的服务（MinIO、测试服务器）需要设置 path_style = true
deploy-no-sftp =
    .help = 安装 OpenSSH 客户端（Debian：apt-get install openssh-client）
deploy-sftp-connect =
    .help = 检查主机、用户名和端口；{ $key } 要指向私钥文件，{ $known } 要指向含服务器公钥的 known_hosts 文件
deploy-resume =
    .help = 已发送的文件都记录在服务器上：再运行一次 `menhu deploy` 即可接着上传

## menhu deploy：做了什么

deploy-line =
    .upload = 上传
    .delete = 删除
deploy-dry-run = 试运行 `{ $target }`：将上传 { $uploaded } 个文件（{ $size }），删除 { $deleted } 个，{ $unchanged } 个不变
deploy-done = 已发布到 `{ $target }`：上传 { $uploaded } 个文件（{ $size }），删除 { $deleted } 个，{ $unchanged } 个不变，用时 { $seconds } 秒
deploy-first = { $line }（发布目标上没有发布记录：全部文件都要上传）

## 命令行自身的错误

cli-cannot-start = 错误：无法启动：{ $reason }
cli-bug = menhu 内部出错，这是 menhu 的缺陷，请报告
    .at = menhu 在 { $file }:{ $line } 内部出错，这是 menhu 的缺陷，请报告
check-report-outside = 它所在的文件夹通向网站以外：`{ $folder }`

## 前置信息：置顶

content-bad-pin = `pin` 是 { $value }
    .expected = `pin = true`，或从 1（最前）起的名次：`pin = 2`
    .help = 写 `pin = 1` 排在最前，或删去 `pin`

## 站群：network.toml、build --network（E09xx）

network-unreadable = `{ $folder }` 里没有可读的 `network.toml`：{ $reason }
    .expected = 站群根文件夹里的 `network.toml`，列出各成员网站
    .help = 在放 `network.toml` 的文件夹里运行命令，或用 `--root` 指定；`menhu init 文件夹 --network` 会写一个示例
network-invalid = `network.toml` 写得不对：{ $reason }
    .help = 各个键见 docs/network.md：先写 `[network] name`，再为每个成员网站写一个 `[[sites]]`，含 `name`、`path`、`region` 和 `association`
network-no-sites = `network.toml` 没有列出任何成员网站
    .help = 每个成员网站写一个 `[[sites]]` 表，含 `name`、`path`、`region` 和 `association`
network-bad-name = 网站名「{ $name }」不是英文标识
    .expected = 小写字母、数字和 `-`，例如 `wuzhou`：它是输出文件夹名，也用于 `--site` 和 `@wuzhou:/` 链接
    .help = 用拼音写，例如 `name = "{ $name }"`
network-name-taken = 网站名 `{ $name }` 已在第 { $line } 行用过
    .help = 每个成员网站用一个不同的名字
network-bad-folder = 成员文件夹 `{ $path }` 不能用：{ $reason }
    .help = 写成员网站文件夹相对 `network.toml` 的路径，例如 `path = "sites/wuzhou"`
    .outside = 它不是站群根文件夹下面的文件夹
    .missing = 它不存在
    .no-config = 里面没有 `site-config.toml`
network-empty-association = 协会名称是空的
    .help = 写协会全称，例如 `association = "梧州市科学技术协会"`
network-association-taken = 协会名称「{ $name }」已在第 { $line } 行用过
    .help = 每个成员用不同的协会名称，这样按名称报送只指向一个网站
network-unknown-site = 没有名为 `{ $name }` 的成员网站
    .expected = `network.toml` 里的网站名之一：{ $names }
    .help = 对照 `network.toml` 里每个 `[[sites]]` 的 `name` 检查拼写
network-did-you-mean = 是不是 `{ $name }`？
network-own-parent = 网站 `{ $name }` 的上级是它自己
network-parent-loop = 网站 `{ $name }` 的上级一层层又回到了它自己
    .help = 成员的 `parent` 必须是它上面的网站（市的上级是省）；删掉 `parent` 就会用地区包含它的那个成员
network-pull-no-parent = 网站 `{ $name }` 要从上级转载，但它没有上级
    .help = 给这个网站设 `parent = "…"`，或者从指定网站转载：`from = ["guangxi"]`
network-pull-no-sections = 转载规则没有写栏目
    .expected = 要转载的来源网站栏目，例如 `sections = ["news/tzgg"]`
network-unknown-push = 报送目标「{ $target }」不对应任何成员网站
    .expected = `"parent"`（上级）、`"province"`（省级）、`"city"`（市级）、`"county"`（县级）、`network.toml` 里的网站名（`"guangxi"`），或协会全称、简称（`"广西科协"`）
    .help = 对照 `network.toml` 检查拼写，或把这个目标从 `push` 里删掉
markdown-broken-site-link = 链接 `{ $link }` 失效：网站 `{ $site }` 没有这个页面或栏目
    .no-site = 链接 `{ $link }` 失效：站群里没有名为 `{ $site }` 的成员网站
    .help = 先写 `network.toml` 里的网站名，再写该网站 `content/` 下的路径，例如 `@wuzhou:/news/2026-05-01-x.md`
network-bad-shard = `--shard { $written }` 不是有效的分片
    .expected = `I/N`，1 ≤ I ≤ N，例如 `--shard 2/4`
    .help = GitHub Actions 矩阵里写 `--shard ${"{"}{"{"} matrix.shard {"}"}{"}"}/4`；GitLab 里写 `--shard $CI_NODE_INDEX/$CI_NODE_TOTAL`
network-output-unwritable = 不能写入 `{ $folder }`：{ $reason }
network-built = 已生成站群「{ $name }」：{ $total } 个网站中的 { $built } 个，输出到 { $output }，用时 { $took }
network-site-built = { $name }：{ $pages } 个页面，写出 { $written } 个文件，复制 { $copied } 个
network-site-failed = { $name }：没有生成（原来的输出保持不变）
network-some-failed = { $total } 个网站中有 { $failed } 个有错误

## 每个代码的含义（docs/diagnostics.zh.md）

code-E0001 = menhu 内部出错（这是 menhu 的缺陷，不是稿件的问题）
    .fix = 把提示里的文件发给维护人员
code-E0100 = 网站根目录里没有 `site-config.toml`（也没有 `config.toml`）
    .fix = 在网站根目录运行，或用 `--root` 指定目录，或用 `menhu init 目录` 新建网站
code-E0101 = 配置项名称写错（提示里给出最接近的正确名称）
    .fix = 按提示改成正确的名称
code-E0102 = 配置值类型或取值不对（包括不认识的时区 `timezone`）
    .fix = 按“应为”改：`true` 不加引号，日期写 `"2026-05-01"`，时区写 `"Asia/Shanghai"`
code-E0103 = `base_url` 缺少或不是完整网址
    .fix = 写成 `base_url = "https://www.example.org.cn"`
code-E0104 = 分类法没有名称、名称为空或重复
    .fix = 每个分类法一个不同的 `name`
code-E0105 = 每页条数 `paginate_by` 为 0
    .fix = 改为 1 以上，或删去这一行
code-E0106 = 配置文件 TOML 语法错误（或 `ignored_content` 的模式写错）
    .fix = 文字加英文双引号，如 `title = "某某市科协"`；检查括号是否成对
code-E0107 = 配置文件读不出来（没有权限，或不是 UTF-8 编码）
    .fix = 检查权限，或转存为 UTF-8
code-E0108 = `[regions] path` 或 `[series] path` 不是一个网址段
    .fix = 写成一个词，如 `path = "diqu"`
code-E0109 = `[[regions.custom]]`、`[[menus]]` 或 `[[directories]]` 的某一项缺少必填的键
    .fix = 补上 `name`/`parent`、`title`/`url` 或 `file`
code-E0110 = 导航菜单的 `url` 是 `javascript:` 等不允许的地址
    .fix = 改成本站路径、`@/` 链接或 `https://…` 网址
code-E0200 = 网站没有 `content/` 文件夹
    .fix = 在网站根目录运行，或新建 `content/_index.md`
code-E0201 = 文件是 GBK/GB18030 编码
    .fix = 用编辑器另存为 UTF-8，或用 `iconv -f GB18030 -t UTF-8` 转换
code-E0202 = 文件是 UTF-16 编码
    .fix = 另存为 UTF-8
code-E0203 = 文件里有乱码（不是有效的 UTF-8）
    .fix = 找到提示的位置，重新输入那几个字，另存为 UTF-8
code-E0204 = 文件里有 NUL 字节，不是文本文件
    .fix = 不要把 Word、PDF 等文件改名为 `.md`；作为附件放进稿件文件夹
code-E0205 = 前置信息的 `+++` 或 `---` 没有结束
    .fix = 在前置信息末尾补一行 `+++`（或 `---`）
code-E0206 = 前置信息格式错误（常见：文字没加引号、用了中文引号或中文字段名）
    .fix = 按提示改，如 `title = "…"`，用英文双引号
code-E0207 = 发布日期等日期写错
    .fix = 写成 `2026-05-01` 或 `2026-05-01T09:30:00+08:00`
code-E0208 = 稿件缺少标题
    .fix = 在前置信息里加上 `title = "…"`
code-E0209 = 稿件文件读不出来，或文件名不能用作网址
    .fix = 检查权限，或用普通字符重新命名文件
code-E0210 = `@/` 链接指向的稿件不存在
    .fix = 核对路径（提示里会给出最接近的现有稿件），可以从 `content/` 下复制文件路径
code-E0211 = 不认识的短代码
    .fix = 检查短代码名称是否写错
code-E0212 = 短代码写法有误
    .fix = 按提示检查参数和结束标记
code-E0213 = 链接或网址字段（`website`、`cover`、附件、`redirect_to`）不是网址，或 `path`、`slug`、`aliases` 不是本站路径
    .fix = 链接写成 `https://…`、`mailto:`、`tel:` 开头的地址或相对路径；`path` 写成 `/zhuanti/2024/` 这样的本站路径
code-E0214 = 网站里的文件是指向网站以外或 `.git` 等隐藏目录的“符号链接”（快捷方式）
    .fix = 把链接换成文件本身的副本；确需引用网站外的目录时，请管理员把它列入 `follow_symlinks`
code-E0220 = 机构名录表格读不出来或格式错误
    .fix = 按提示改正表格文件，或改正配置中的路径
code-E0221 = 机构名录表格的某一行有错（没有名称、不认识的列、数字不对）
    .fix = 按提示改正那一行
code-E0222 = 机构名录对应的栏目不存在
    .fix = 新建 `content/栏目/_index.md`，或改正 `section`
code-E0223 = 机构名录的某一行会顶替网站已有的稿件
    .fix = 改这一行的 `slug`，或删去那篇稿件
code-E0250 = 图片读不出来，或在网站文件夹以外
    .fix = 检查文件名和路径；图片要放在网站文件夹里（一般放在稿件文件夹中，`index.md` 旁边）
code-E0251 = 文件不是 JPEG、PNG、WebP 或 GIF 图片
    .fix = 用看图或修图软件另存为 JPEG（照片）或 PNG（图表、截图）
code-E0252 = 图片文件已损坏
    .fix = 用修图软件打开后重新保存，或从原处重新复制
code-E0253 = 图片太大（超过 1 亿像素、边长 3 万像素或 100 MB）
    .fix = 用修图软件缩小（网页用宽 2500 像素足够）后重新保存
code-E0254 = 模板要求的图片尺寸不合理
    .fix = 请管理员改正模板中 `resize_image` 的参数
code-E0255 = 处理后的图片无法存入缓存 `.menhu-cache/images`
    .fix = 请管理员检查磁盘空间和文件夹权限
code-E0301 = 城市、地区或机构不在名录中
    .fix = 按提示改为正确的名称，或写得更完整（如“辽宁省朝阳市”）
code-E0302 = 地名有重名，或两篇稿件的网址相同
    .fix = 写出完整地名；或修改其中一篇的文件名或 `slug`
code-E0303 = 附件不在稿件文件夹中，或地区设置无法识别
    .fix = 把附件放到 `index.md` 旁边，或改正文件名；地区写省份全称或简称
code-E0304 = `aliases` 旧网址与网站已有的输出冲突，或含有 `..`
    .fix = 删去或改为别的旧网址；提示会指出冲突的另一方
code-E0305 = 两个来源要写同一个输出文件
    .fix = 按提示改 `path`/`slug`，给文件改名或删去
code-E0310 = 城市页的网址与已有栏目、页面冲突
    .fix = 请管理员在配置 `[regions] path` 中换一个网址段
code-E0311 = 系列页的网址与已有栏目、页面冲突
    .fix = 请管理员在配置 `[series] path` 中换一个网址段
code-E0320 = 机构层级 `level` 写错
    .fix = 改为 national、province、city、county、township、society、enterprise、park、university 之一
code-E0330 = 同一系列有两篇编号相同
    .fix = 改正 `series_index`，每篇一个编号
code-E0340 = 导航菜单链接到不存在的页面
    .fix = 请管理员改正 `[[menus]]` 中的 `url`
code-E0401 = 配置里的主题在 `themes/` 中找不到
    .fix = 改正 `theme`，或把主题放到 `themes/名称/`
code-E0402 = 模板文件读不出来
    .fix = 检查模板文件的权限和编码（UTF-8）
code-E0403 = 模板有语法错误，或渲染某个页面时出错
    .fix = 按提示的模板文件和行号修改
code-E0404 = 稿件要求的模板不存在
    .fix = 新建模板，或改正 `template` 字段里的模板名
code-E0405 = 主题的界面文字文件（`i18n/*.toml`）读不出来
    .fix = 按提示改正那个文件
code-E0406 = 模板互相继承（`extends`）或包含（`include`）成环，或宏无休止地调用自己
    .fix = 请管理员按提示的模板链修改
code-E0407 = Sass 样式文件（`compile_sass = true`）编译出错
    .fix = 请管理员按提示的行改正 Sass 文件
code-E0501 = 输出目录不安全（网站本身、`content` 等源文件目录、隐藏目录、已有的文件）
    .fix = 使用网站内的 `public` 目录
code-E0502 = 输出文件写不进去，或会写到输出目录以外
    .fix = 检查磁盘空间和权限；`path`、`slug` 里不要用 `..`
code-E0601 = `menhu init` 指定的目录不是空的
    .fix = 换一个新的目录名，如 `menhu init my-portal`
code-E0602 = `menhu init` 或 `menhu new` 写不进文件
    .fix = 检查目录权限和磁盘空间
code-E0603 = `menhu new` 的栏目名不是一个文件夹名
    .fix = 写 `content/` 下的栏目文件夹名，如 `menhu new news "标题"`
code-E0604 = 标题里没有能用作文件名的字
    .fix = 标题里要有汉字、字母或数字
code-E0605 = 要新建的稿件已经存在
    .fix = 直接编辑那篇稿件，或换一个标题
code-E0606 = `menhu new` 指定的栏目不存在
    .fix = 用提示列出的栏目之一，或先建栏目文件夹和 `_index.md`
code-E0607 = `menhu init --network` 要写的 CI 流水线没有站群分片版本
    .fix = 改用 `--ci github` 或 `--ci gitlab`，或不加 `--ci`
code-E0701 = 预览服务无法使用这个端口
    .fix = 换一个端口，如 `--port 1112`，或 `--port 0` 让系统挑一个空闲端口
code-E0702 = 预览服务无法监视网站文件的变化
    .fix = 请管理员调高 inotify 上限：`sudo sysctl fs.inotify.max_user_watches=524288`
code-E0703 = 在线编辑只能在本机使用
    .fix = 使用 `--edit` 时去掉 `--bind`（或写 `--bind 127.0.0.1`）
code-E0704 = 审核结果无法提交到 git
    .fix = 安装 git 并在网站文件夹里运行 `git init`（或去掉 `--edit-commit`）
code-E0800 = `menhu deploy` 读不到 `site-config.toml`
    .fix = 在网站根目录运行，或用 `--root` 指定目录
code-E0801 = `site-config.toml` 里写了密钥或密码
    .fix = 删去这一行，改用提示中的环境变量
code-E0802 = `[deploy]` 设置或发布目标写错
    .fix = 按运维手册 docs/operator-guide.md 的“Deploying”一节改正
code-E0803 = `[deploy] default` 指向的目标不存在
    .fix = 改成 `[deploy.targets]` 中的一个
code-E0804 = `cache_control` 的文件模式写错
    .fix = 写成 `"*.html"`、`"search/**"` 这样的模式
code-E0805 = `site-config.toml` 里没有 `[deploy]` 设置
    .fix = 添加发布目标，如 `[deploy.targets.www]`
code-E0806 = 要发布的目录里没有生成好的网站
    .fix = 先运行 `menhu build`，或用 `--output` 指定目录
code-E0807 = 没有选定发布目标，或目标名写错
    .fix = 用 `--target 名称` 指定，或设置 `[deploy] default`
code-E0810 = 发布目标上记录上次发布的清单读不出来
    .fix = 在目标上删去这个清单，全部重新上传
code-E0811 = 发布时读不出生成好的文件
    .fix = 重新生成网站，并检查输出目录的权限
code-E0820 = 发布目标拒绝或没有完成上传、列表或删除
    .fix = 检查目标地址、权限和剩余空间，然后重新发布
code-E0821 = 没有对象存储的访问密钥
    .fix = 设置环境变量 MENHU_DEPLOY_ACCESS_KEY_ID 和 MENHU_DEPLOY_SECRET_ACCESS_KEY
code-E0822 = 对象存储的地址或桶名不可用
    .fix = 写成 https://oss-cn-hangzhou.aliyuncs.com 这样的地址；用 IP 地址时设 `path_style = true`
code-E0901 = `--network` 找的地方没有 `network.toml`，或读不了
    .fix = 在站群根文件夹里运行，或用 `--root` 指定
code-E0902 = `network.toml` 不是有效的 TOML，有不认识的键或类型不对，或没有列出网站
    .fix = 按 docs/network.md 里的键来写
code-E0903 = 成员网站的 `name` 不是 `[a-z0-9-]`，或两个成员同名
    .fix = 写一个不重复的拼音名，例如 `wuzhou`
code-E0904 = 成员的 `path` 不存在、指到站群外面，或不是网站文件夹
    .fix = 写成员网站文件夹相对 `network.toml` 的路径，文件夹里要有 `site-config.toml`
code-E0905 = 成员的 `region` 不在行政区划表里，或有几个地方同名
    .fix = 用提示给出的名称，或写全称（「广西壮族自治区梧州市」）
code-E0906 = 成员的协会名称是空的，或与别的成员相同
    .fix = 每个成员用自己的协会全称和简称
code-E0907 = 网站名不是 `network.toml` 里任何成员的名字（`parent`、`pull`、`--site`）
    .fix = 按提示用 `network.toml` 里的某个 `name`
code-E0908 = 成员的上级一层层又回到它自己
    .fix = 删掉造成循环的那个 `parent`
code-E0909 = 转载规则没有来源（没有上级的网站写了 `from = "parent"`）或没写栏目
    .fix = 设好网站的 `parent` 或写明来源网站；列出要转载的栏目
code-E0910 = 页面的 `push` 报送目标不是站群的成员
    .fix = 用 `parent`、`province`、网站名，或 `network.toml` 里的协会名称
code-E0911 = `@网站名:/路径.md` 链接指向的成员网站或页面不存在
    .fix = 用 `network.toml` 里的网站名和该网站 `content/` 下的路径
code-E0912 = `--shard` 不是 1 ≤ I ≤ N 的 `I/N`
    .fix = 写成例如 `--shard 1/4`：本任务的序号和任务总数
code-W0101 = Zola 专有设置，menhu 不用
    .fix = 无需处理
code-W0102 = `[markdown.highlighting]` 中的 `style = "inline"`
    .fix = 无需处理；颜色由样式表决定
code-W0103 = `follow_symlinks` 中列出的目录不存在或不能用
    .fix = 改正路径，或删去这一项
code-W0110 = `[images]` 中设了 `keep_location` 却没有设 `keep_exif = true`
    .fix = 补上 `keep_exif = true`，或删去 `keep_location`
code-W0201 = 前置信息里有不认识的字段
    .fix = 按提示改成正确的字段名，或放到 `[extra]` 下
code-W0202 = 图片没有说明文字（`menhu check` 中为 C0105）
    .fix = 在方括号里写上图片内容，如 `![梧州市科协调研现场](photo.jpg)`
code-W0203 = 图片或链接的文件名里有空格，被原样显示成文字（`menhu check` 中为 C0108）
    .fix = 把地址放进尖括号：`![现场](<IMG_2031 现场照片.JPG>)`，或给文件改名去掉空格
code-W0204 = 稿件写了 `photo = true`（图片新闻），却没有封面图 `cover`，因此不会出现在图片新闻里
    .fix = 加上 `cover`，写上稿件旁边的照片文件名；或删去 `photo = true`
code-W0205 = 图片或链接的地址是写稿人自己电脑上的文件（`file:`，从 Word 粘贴的图片和附件常是这样），读者看不到（`menhu check` 中为 C0113）
    .fix = 把图片或文件放进稿件文件夹，用文件名引用它
code-W0207 = 段首有制表符或四个空格的中文段落，显示成了代码框（等宽字体、不自动换行）
    .fix = 删去段首的制表符或空格，网页会自动缩进段首
code-W0206 = 表格的某一行比表头的格数多，多出的文字不会显示（常见于从 Word 抄来、有合并单元格的表格）
    .fix = 让每一行和表头的格数一样：在表头补上列名，或把多出的文字并进前面的格子
code-W0208 = 文件名像稿件，却不是以 `.md` 结尾（如记事本存成的 `.md.txt`、大写的 `.MD`），没有当作稿件，也没有发布
    .fix = 按提示改名，让文件名以小写的 `.md` 结尾
code-W0209 = 稿件旁的照片 menhu 处理不了（不是图片，如手机的 HEIC 照片改成了 `.jpg`；已损坏；超过 1 亿像素），页面上显示不出来
    .fix = 把照片另存为 JPEG，每边不超过 2500 像素（HEIC 照片请先导出为 JPEG）
code-W0301 = 用了配置里没有声明的分类法
    .fix = 请管理员在配置的 `taxonomies` 中声明，或删去
code-W0305 = 链接到了还没到发布时间的稿件
    .fix = 让两篇同时发布，或等对方发布后再加链接
code-W0320 = 机构的上级组织 `parent` 不在名录中
    .fix = 改为名录中机构的名称，或先建上级机构页
code-W0321 = `org` 写的机构不在名录中
    .fix = 改为名录中机构的名称
code-W0330 = 系列编号有缺号
    .fix = 补上缺的那一篇，或调整编号
code-W0331 = 系列稿件没写编号 `series_index`
    .fix = 按提示在 `series` 下一行加上 `series_index = 编号`
code-W0401 = `static/` 里以 `.` 开头的隐藏文件没有发布
    .fix = 一般无需处理；确需发布的请管理员列入 `static_dotfiles`
code-W0501 = 生成缓存（`--cache`）没有使用或没有保存；这只是提示，不会让生成失败
    .fix = 无需处理：其他版本的 menhu、其他配置生成的或已损坏的缓存会被搁置，本次全部重新生成
code-C0101 = 链接指向的页面或文件不存在
    .fix = 改正地址；站内链接尽量写成 `@/栏目/文件.md`
code-C0102 = 链接里的 `#锚点` 在目标页面上不存在
    .fix = 改成目标页面小标题的编号（提示里给出最接近的），或去掉 `#…`
code-C0103 = 图片文件不存在
    .fix = 把图片放进稿件文件夹或 `static/`，或改正文件名
code-C0104 = 模板里写的链接失效（所有用这个模板的页面都有）
    .fix = 请管理员修改主题模板
code-C0105 = 图片没有说明文字
    .fix = 在方括号里写上图片内容，如 `![梧州市科协调研现场](photo.jpg)`
code-C0106 = 多篇稿件标题相同
    .fix = 给每篇稿件不同的标题
code-C0107 = 小标题跳级，如 `##` 后直接用 `####`
    .fix = 按层级依次使用 `##`、`###`、`####`
code-C0108 = 图片或链接的文件名里有空格，页面上显示的是原文
    .fix = 把地址放进尖括号：`![现场](<IMG_2031 现场照片.JPG>)`，或给文件改名去掉空格
code-C0109 = 摘要里的图片或链接用了相对地址，列表页上打不开
    .fix = 改为从网站根目录写起的地址（提示里给出），或移到 `<!-- more -->` 下面
code-C0110 = 站外链接打不开（返回 404、500 等）
    .fix = 改为新地址或删去链接
code-C0111 = 站外链接没有响应
    .fix = 在浏览器里打开确认；对方屏蔽自动检查时，请管理员加入 `[check.external] skip`
code-C0112 = 站外链接指向内网、本机等非公网地址，没有去访问
    .fix = 改正或删去；确属内网网站的，请管理员加入 `[check.external] allow_private`
code-C0113 = 图片或链接的地址是写稿人自己电脑上的文件（`file:`，从 Word 粘贴的图片和附件常是这样），读者看不到
    .fix = 把图片或文件放进稿件文件夹，用文件名引用它
code-C0120 = 稿件里还留着稿件模板的提示文字
    .fix = 换成稿件自己的内容，或删去这一行
code-C0121 = `source`（来源）是空的
    .fix = 填上来源；本站自己的稿件可以删去这一行
code-C0122 = 正文开头又写了一遍稿件标题（`# 标题`，粘贴整篇 Word 文档时常见），网页上标题出现两次（警告）
    .fix = 删去正文里的这一行标题
code-C0123 = 「一、」「（一）」这样编号的小标题写成了普通段落，或 `##` 后面没有空格，目录和小标题链接里没有它（警告）
    .fix = 在小标题前面加上 `## `（下一级加 `### `），`#` 后面空一格
code-C0130 = 照片太大（超过 `max_original_bytes` 或 `max_original_px`），只发布缩小后的副本（警告）
    .fix = 用修图软件缩小（网页用宽 2500 像素足够）；确需发布原图的，请管理员设 `keep_original = true`
code-C0131 = 置顶或头条已超过 90 天，又没有写结束日期（警告）
    .fix = 写上 `pin_until` 或 `headline_until`，或删去 `pin`、`headline`
code-C0140 = 稿件在等待审核（待审）（警告）
    .fix = 审核人在 `menhu serve --edit` 里通过或退回
code-C0201 = 首页超过 14 天没有更新
    .fix = 发布新稿件
code-C0202 = 栏目超过时限没有更新（动态要闻类 14 天，通知公告、政策文件类 180 天）
    .fix = 发布新稿件；确属不需频繁更新的栏目，请管理员在 `[[check.columns]]` 中设置 `days`
code-C0203 = 空白栏目
    .fix = 发布稿件，或请管理员撤销栏目、设置 `allow_empty = true`
code-C0204 = 按日期排序的栏目里有稿件没写日期
    .fix = 加上 `date = 2026-05-01`
code-C0205 = 附件无法下载（空文件，或站外地址打不开）
    .fix = 换上完整的文件，或改正地址
code-C0206 = 政府网站要求的 meta 标签缺少或为空
    .fix = 请管理员在配置或模板中补上
code-C0207 = 页脚缺少 ICP 备案号、公安机关备案号或网站标识码
    .fix = 请管理员在页脚补上
code-C0208 = `[check] as_of` 比今天早 30 天以上
    .fix = 删去 `as_of`，按今天检查
code-C0301 = 名称或术语写错了
    .fix = 改成“应为”中给出的正确写法
code-C0302 = 用了不应再用的说法
    .fix = 按提示改成现行说法
code-C0401 = 转载到站群成员网站的稿件在该网站没有对应的栏目
    .fix = 给接收的网站加上这个栏目，或用 `into` 指定一个已有的栏目
code-C0402 = 站群的成员网站在页脚配置里没有 ICP 备案号或公安备案号
    .fix = 在 `[extra] footer` 里写上本网站自己的备案号
code-C0403 = 站群的成员网站与另一个成员网站的备案号或网站标识码相同
    .fix = 改为本网站自己的备案号，以备案证书为准
code-C0404 = 稿件报送给了不是本网站上级的成员网站
    .fix = 改为向 `"parent"` 或 `"province"` 报送，确实要报送给它的话可以不改
