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
summary = { $errors } 个错误，{ $warnings } 个警告，涉及 { $files } 个文件

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
stage-check-links = menhu check：链接和页面
stage-check-inspection = menhu check：政府网站检查项
stage-check-wording = menhu check：用词


## build、serve、init、new、check 的状态提示

build-done = 网站已生成：{ $pages } 篇稿件，{ $sections } 个栏目；写出 { $written } 个文件，复制 { $copied } 个文件到 `{ $output }`，用时 { $took }
build-denied-warnings = 错误：网站有警告，而命令带了 `--deny-warnings`；按上面的提示改好警告，或去掉这个选项
serve-listening = 预览已启动：在浏览器里打开 { $address }/（按 Ctrl-C 停止）
serve-reachable = 警告：预览绑定在 { $bind } 上，其他电脑也能打开；只在本机预览时请去掉 `--bind`
serve-rebuilt = 已重新生成，用时 { $took }：渲染 { $rendered } 个页面，{ $changed } 个有变化
serve-keeps-last-good = 改好以上问题之前，预览继续显示上一次成功生成的网站
serve-port-in-use = 无法在 { $bind }:{ $port } 上启动预览：这个端口已被别的程序占用
serve-cannot-listen = 无法在 { $bind }:{ $port } 上启动预览：{ $reason }
    .help = 换一个端口，如 `--port 1112`；或用 `--port 0` 让系统挑一个空闲端口
serve-edit-local-only = `--edit` 和 `--bind { $bind }` 不能同时用：在线编辑会被其他电脑打开
    .help = 使用 `--edit` 时去掉 `--bind`（或写 `--bind 127.0.0.1`）
serve-editor-listening = 在线编辑已启动：在浏览器里打开 { $address }/_menhu/edit/
serve-edit-commit-no-git = `--edit-commit`：这台电脑没有安装 git，审核结果无法提交
    .help = 安装 git 并在网站文件夹里运行 `git init`（或去掉 `--edit-commit`）
serve-edit-commit-no-repository = `--edit-commit`：网站文件夹不在 git 版本库里
init-wrote = 示例网站已写入 `{ $folder }`（{ $count } 个文件）
init-wrote-ci = 已写入 CI 流水线 `{ $file }`：请把 MENHU_URL 和 MENHU_SHA256 设为要用的 menhu 版本，并添加 [deploy] 发布目标（见 docs/operator-guide.md）
init-next = 下一步：cd { $folder } && menhu serve
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
config-unknown-key-in = `[{ $table }]` 里有不认识的配置项 `{ $key }`
config-one-of = 以下之一：{ $keys }
config-did-you-mean = 是不是要写 `{ $key }`？
config-none = `{ $folder }` 里没有 `site-config.toml`，也没有 `config.toml`
    .expected = 网站根目录里有 `site-config.toml`（或 Zola 的 `config.toml`）
    .help = 新建 `site-config.toml`，至少写上 `base_url` 和 `title`；或用 `--root` 指定网站目录；或运行 `menhu init 目录` 从示例网站开始
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
content-empty-title = 稿件的标题 `title` 是空的
    .help = 写上标题，例如 `{ $example }`
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
content-chinese-key =
    .expected = 英文字段名，如 `{ $example }`
    .help = 字段名要用英文：`{ $example }`
content-not-a-table = 前置信息不是“字段 = 值”的形式
    .expected = 每行一个字段和值，如 `{ $example }`
content-wrong-value = `{ $key }` 的值不对：{ $found }
    .help = 按“应为”改写这个值；文字要放在英文双引号里
content-wrong-value-somewhere = 前置信息里有值不对：{ $found }
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
    .clean-cache = 先删除处理过的图片缓存（`.menhu-cache/images/`），所有图片重新处理
    .offline = 不联网：`load_data(url=…)` 只用 `.menhu-cache/` 中已下载的数据，从未下载过的网址会报错
cli-serve = 在内存中生成网站并启动本机预览
    .port = 预览用的端口（0：任选一个空闲端口）
    .bind = 绑定的地址；只有改了它，其他电脑才能打开预览
    .drafts = 也预览草稿和发布日期在将来的稿件
    .base-url = 链接里用的网址，如用手机预览时写 `http://192.168.1.5:1111`（默认为预览地址，链接不会跳出预览）
    .verbose = 每次生成后列出每篇没有发布的稿件，写明文件和原因
    .offline = 不联网：`load_data(url=…)` 只用 `.menhu-cache/` 中已下载的数据，从未下载过的网址会报错
    .edit = 在本机另一个端口打开在线编辑：在浏览器里改稿、加照片、送审；同时预览草稿（相当于 `--drafts`）；只能在本机（127.0.0.1）使用
    .edit-commit = 与 `--edit` 一起用：审核通过时把稿件（和审核记录）提交到网站的 git 版本库，作者记为审核人
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
cli-deploy = 把生成好的网站发布到 site-config.toml 中 `[deploy]` 的某个目标，只上传上次发布以来有变化的文件
    .target = 目标名称，即 `[deploy.targets.名称]`（默认为 `[deploy] default`，或唯一的目标）
    .dry-run = 只列出会上传和删除的文件，什么都不改
    .output = 要发布的目录（默认为配置中的 `output_dir`，即 "public"）
    .verbose = 列出每个上传和删除的文件
    .format = `json`：在标准输出上用一个 JSON 对象给出发布记录
cli-init = 把示例门户网站写入一个新目录
    .dir = 要新建的目录（不存在或是空的）
    .ci = 另外写一个 CI 流水线：安装指定版本的 menhu，生成、检查并发布网站（见 docs/operator-guide.md）
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
cli-error-missing = 错误：缺少 { $args }
cli-error-other = 错误：命令行写得不对
cli-error-help = 运行 `menhu --help` 查看所有命令和选项

## menhu init、menhu new 和预览的文件监视（E060x、E0702）

init-not-empty = `{ $folder }` 不是空目录
    .help = 换一个新的目录名，如 `menhu init my-portal`；init 从不覆盖已有的文件
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
serve-no-site-folder = 找不到网站目录：{ $reason }
serve-cannot-watch = 无法监视 `{ $folder }` 的变化：{ $reason }
    .help = 请管理员调高 Linux 的 inotify 上限：`sudo sysctl fs.inotify.max_user_watches=524288`

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
code-C0120 = 稿件里还留着稿件模板的提示文字
    .fix = 换成稿件自己的内容，或删去这一行
code-C0121 = `source`（来源）是空的
    .fix = 填上来源；本站自己的稿件可以删去这一行
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
