# menhu 的簡體中文提示。每條提示的編號和佔位符與 en.ftl、zh-Hant.ftl 一致（有測試檢查）。
# zh-Hant.ftl 由本文件經 OpenCC（s2t）轉換生成：改了這裏，運行
# `MENHU_UPDATE_CATALOGS=1 cargo test --lib catalogs_in_sync`，再通讀一遍繁體版。
# 用詞與編輯手冊一致：稿件、欄目、前置信息、附件、發佈日期。文件路徑、配置項和取值照原樣寫。

## 錯誤提示的格式

label-error = 錯誤
label-warning = 警告
label-expected = 應爲
label-help = 怎樣改
label-colon = ：
label-paren =
    .open = （
    .close = ）
summary = { $errors } 個錯誤，{ $warnings } 個警告{ $files ->
        [0] {""}
       *[other] ，涉及 { $files } 個文件
    }

## docs/diagnostics.zh.md

doc-title = 問題代碼一覽
doc-intro = menhu 報告的每個問題都有一個固定的代碼。本頁由 `src/diag/registry.rs` 中的代碼表和提示文字生成（`cargo test --lib diagnostics_docs` 會檢查，`MENHU_UPDATE_DOCS=1` 時重新生成）。“錯誤”會讓網站生成失敗（退出碼 1）；“警告”只提醒，網站照常生成。定時發佈的稿件裏的錯誤，在發佈時間到來之前以警告報出，代碼不變。
doc-code = 代碼
doc-severity = 級別
doc-trigger = 什麼情況下出現
doc-fix = 怎樣改
stage-internal = 內部錯誤
stage-config = 配置文件（site-config.toml）
stage-content = 稿件文件和前置信息
stage-portal = 網站結構：地區、網址、機構、系列、菜單
stage-templates = 模板和主題
stage-output = 輸出
stage-scaffold = menhu init 和 menhu new
stage-serve = 預覽（menhu serve）
stage-deploy = 發佈（menhu deploy）
stage-network = 站羣（network.toml、build --network）
stage-check-links = menhu check：鏈接和頁面
stage-check-inspection = menhu check：政府網站檢查項
stage-check-wording = menhu check：用詞


## build、serve、init、new、check 的狀態提示

build-done = 網站已生成：{ $pages } 篇稿件，{ $sections } 個欄目；寫出 { $written } 個文件，複製 { $copied } 個文件到 `{ $output }`，用時 { $took }
build-cache-other-menhu = 生成緩存 `{ $folder }` 由另一個 menhu（另一版本，或同一版本的另一次編譯）生成，本次全部重新生成
    .help = 無需處理：本次生成會爲下次保存新的緩存
build-cache-other-config = 生成緩存 `{ $folder }` 對應的是另一份配置，本次全部重新生成
    .help = 無需處理：本次生成會爲下次保存新的緩存
build-cache-damage-link = 它的位置上是一個鏈接
build-cache-damage-index-not-file = { $index } 不是文件
build-cache-damage-index-too-large = { $index } 太大
build-cache-damage-index-unreadable = 無法讀取 { $index }
build-cache-damage-index-invalid = { $index } 不是 menhu 寫下的索引：{ $detail }
build-cache-damage-no-header = { $index } 缺少文件頭
build-cache-damage-output-missing = `{ $path }` 的緩存副本缺失或大小不符
build-cache-damage-blob = { $file } 已損壞
build-cache-search-damaged = 生成緩存 `{ $folder }` 裏的搜索詞條 `{ $file }` 已損壞，本次搜索索引從所有頁面重新生成
    .help = 無需處理：本次生成會爲下次重新保存；如果每次都出現，請刪除這個文件夾
build-cache-damaged = 生成緩存 `{ $folder }` 已損壞（{ $reason }），本次全部重新生成
    .help = 無需處理：本次生成會爲下次保存新的緩存；如果每次都出現，請刪除這個文件夾
build-cache-in-output = 生成緩存 `{ $folder }` 位於輸出文件夾內，而輸出文件夾每次都會被替換；本次不用緩存，全部重新生成
    .help = 爲 `--cache` 指定輸出文件夾以外的文件夾，例如 `.menhu-cache/build`
build-cache-unsaved = 無法保存生成緩存 `{ $folder }`：{ $reason }
    .help = 網站已生成；請檢查磁盤空間和文件夾權限，或刪除這個文件夾
build-cache-in-the-way = 無法保存生成緩存 `{ $folder }`：`{ $path }` 是一個文件或鏈接，緩存要在那裏放文件夾
    .help = 網站已生成；刪除或改名 `{ $path }` 後，下次生成會重新建立緩存
build-cache-reuse = 生成緩存：重新生成 { $rendered } 個頁面和列表，{ $reused } 個取自緩存；重新渲染 Markdown { $markdown } 篇
build-cache-search-terms = 搜索索引：{ $made } 個頁面重新分詞，{ $reused } 個頁面的詞條取自緩存
build-denied-warnings = 錯誤：網站有警告，而命令帶了 `--deny-warnings`；按上面的提示改好警告，或去掉這個選項
serve-listening = 預覽已啓動：在瀏覽器裏打開 { $address }/（按 Ctrl-C 停止）
serve-reachable = 警告：預覽綁定在 { $bind } 上，其他電腦也能打開；只在本機預覽時請去掉 `--bind`
serve-rebuilt = 已重新生成，用時 { $took }：渲染 { $rendered } 個頁面，{ $changed } 個有變化
serve-not-built-title = 網站還沒有生成成功
serve-not-built-text = 網站裏有錯誤，預覽還不能顯示。出錯的文件、行號和改法顯示在本頁上方的提示框裏，也打印在運行 menhu serve 的窗口中。改正並保存後，本頁會自動刷新。
serve-not-built-yet = 網站還沒能生成，預覽先顯示一個提示頁：改好以上問題並保存後會自動重新生成
serve-keeps-last-good = 改好以上問題之前，預覽繼續顯示上一次成功生成的網站
serve-port-in-use = 無法在 { $bind }:{ $port } 上啓動預覽：這個端口已被別的程序佔用
serve-cannot-listen = 無法在 { $bind }:{ $port } 上啓動預覽：{ $reason }
    .help = 換一個端口，如 `--port 1112`；或用 `--port 0` 讓系統挑一個空閒端口
    .bind-help = `{ $bind }` 不是這臺電腦的地址：只在本機預覽時去掉 `--bind`；要讓其他電腦打開，寫 `--bind 0.0.0.0`，再把啓動時顯示的地址發給他們；或寫這臺電腦自己的地址（用 `ip addr` 或 `ipconfig` 查看）
serve-edit-local-only = `--edit` 和 `--bind { $bind }` 不能同時用：在線編輯會被其他電腦打開
    .help = 使用 `--edit` 時去掉 `--bind`（或寫 `--bind 127.0.0.1`）
serve-editor-listening = 在線編輯已啓動：在瀏覽器裏打開 { $address }/_menhu/edit/
serve-edit-commit-no-git = `--edit-commit`：這臺電腦沒有安裝 git，審覈結果無法提交
    .help = 安裝 git 並在網站文件夾裏運行 `git init`（或去掉 `--edit-commit`）
serve-edit-commit-no-repository = `--edit-commit`：網站文件夾不在 git 版本庫裏
init-wrote = 示例網站已寫入 `{ $folder }`（{ $count } 個文件）
init-dates-moved = 示例稿件的日期已整體順延 { $days } 天，最新一篇是今天的（文件名裏的日期仍是原來的）
init-wrote-ci = 已寫入 CI 流水線 `{ $file }`：請把 MENHU_URL 和 MENHU_SHA256 設爲要用的 menhu 版本，並添加 [deploy] 發佈目標（見 docs/operator-guide.md）
init-next = 下一步：運行 `cd { $folder } && menhu serve`，在瀏覽器裏預覽網站
init-wrote-network = 示例站羣已寫入 `{ $folder }`（{ $sites } 個網站，{ $count } 個文件）
init-wrote-network-ci = 已寫入分片生成的 CI 流水線 `{ $file }`：請把 MENHU_URL 和 MENHU_SHA256 設爲要用的 menhu 版本（見 docs/network.md）
init-next-network = 下一步：運行 `cd { $folder } && menhu serve --network`，在瀏覽器裏預覽全部網站
new-guidance-file =
    已新建稿件：{ $file }
    下一步：打開這個文件，填寫作者、來源、責任編輯，寫好正文，再運行 `menhu serve` 預覽。
    要配照片或附件，請改用 `menhu new 欄目 "標題" --bundle` 新建稿件文件夾。
new-guidance-bundle =
    已新建稿件文件夾：{ $folder }/
    正文寫在 { $index } 裏。
    照片和附件（PDF、Word、Excel）直接放進這個文件夾，和 index.md 放在一起：
      正文插圖只寫文件名，方括號裏寫圖片說明，例如 ![調研現場](xianchang.jpg)
      附件寫在前置信息裏，例如 attachments = [{"{"} path = "tongzhi.pdf", title = "通知全文" {"}"}]
    寫好後運行 `menhu serve` 預覽。
check-no-problems = 沒有發現問題
check-waiting-for-review = 「{ $title }」在等待審覈（待審）
    .help = 審覈人在 `menhu serve --edit` 裏審覈通過（或寫明意見退回）；通過後稿件開頭的 `status` 和 `draft` 會被刪去
check-report-unwritable = 錯誤：自查報告 `{ $file }` 寫不進去：{ $reason }；請換一個位置，如 `--report report.html`

## 配置文件 site-config.toml（E01xx、W01xx）

config-zola-only = `{ $key }` 是 Zola 的設置，menhu 不用，已忽略
    .help = 網站不再需要用 Zola 生成時，刪去這一行
config-unknown-key = 不認識的配置項 `{ $key }`
    .help = 刪去這一行
    .help-top = 刪去這一行；自己要用的值請放到 `[extra]` 下
    .help-move-up = `{ $key }` 要寫在文件開頭、第一個 `[…]` 標題的上面：寫在標題下面的行屬於那個表（這裏是 `[{ $table }]`），請把這一行移上去
config-unknown-key-in = `[{ $table }]` 裏有不認識的配置項 `{ $key }`
config-one-of = 以下之一：{ $keys }
config-did-you-mean = 是不是要寫 `{ $key }`？
config-none = `{ $folder }` 裏沒有 `site-config.toml`，也沒有 `config.toml`
    .expected = 網站根目錄裏有 `site-config.toml`（或 Zola 的 `config.toml`）
    .help = 新建 `site-config.toml`，至少寫上 `base_url` 和 `title`；或用 `--root` 指定網站目錄；或運行 `menhu init 目錄` 從示例網站開始
    .inside-site = 這個文件夾在網站 `{ $site }` 裏面：請到那個文件夾裏運行 menhu，或用 `--root` 指定它
config-follow-symlinks-unusable = `follow_symlinks` 中的 `{ $entry }` 不能用：{ $reason }
    .help = 寫一個存在的目錄（絕對路徑，或相對網站根目錄的路徑），或刪去這一項
config-unreadable = 讀不出 `{ $file }`：{ $reason }
    .help = 檢查這個文件的讀取權限
    .help-encoding = 這個文件不是 UTF-8 編碼；請另存爲 UTF-8，例如 `iconv -f GB18030 -t UTF-8 { $file } > { $file }.utf8`，再改回原名
config-invalid-toml = TOML 語法錯誤：{ $reason }
    .help = 文字要用英文雙引號括起來，例如 `title = "某某市科協"`；語法見 https://toml.io
config-wrong-value = `{ $key }` 的值不對：{ $found }
config-unknown-timezone = 不認識的時區「{ $name }」
    .expected = IANA 時區名，例如 `timezone = "Asia/Shanghai"`
    .help-near = 是不是要寫 `timezone = "{ $near }"`？
    .help = 寫時區數據庫中的名稱（https://en.wikipedia.org/wiki/List_of_tz_database_time_zones），或刪去這一行，使用默認時區
config-no-base-url = 缺少 `base_url`
    .expected = 網站的完整網址，例如 `https://www.example.org.cn`
    .help = 在文件開頭加一行：`{ $example }`
config-bad-base-url = `base_url`「{ $url }」不是以 http(s) 開頭的完整網址
    .expected = 以 `https://` 或 `http://` 開頭的網址，例如 `https://www.example.org.cn`
    .help = 寫完整的網址：`{ $example }`
config-zero-per-page = `{ $key }` 是 0
    .expected = 每頁條數，至少爲 1，例如 `20`
    .help = 改成 `{ $key } = 20`，或刪去這一行，讓所有條目顯示在一頁上
config-taxonomy-empty-name = 分類法的 `name` 是空的
    .expected = 一個名稱，如 `tags` 或 `cities`
    .help = 給分類法起個名字，例如 `{"{"} name = "tags" {"}"}`
config-taxonomy-twice = 分類法「{ $name }」聲明瞭兩次
    .help = 刪去這一個；第一個在第 { $line } 行
config-taxonomy-no-name = 分類法沒有 `name`
    .expected = `taxonomies` 的每一項都有名稱，例如 `{"{"} name = "tags" {"}"}`
    .help = 在這一項里加上 `name = "…"`
config-inline-highlighting = `[markdown.highlighting]` 中的 `style = "inline"` 會按樣式類（CSS class）顯示
    .help = menhu 總是用樣式類給代碼着色，顏色由主題的樣式表決定；無需處理
config-keep-location-alone = 沒有 `keep_exif = true` 時，`images.keep_location` 不起作用
    .help = 拍攝地點屬於相機信息：要兩者都保留，在 `[images]` 中加上 `keep_exif = true`；否則刪去 `keep_location`
config-images-no-widths = `images.widths` 是空的
    .expected = 響應式圖片的各個寬度，例如 `widths = [480, 960, 1600]`
    .help = 至少寫一個寬度，或刪去 `widths`，使用默認的 [480, 960, 1600]
config-images-out-of-range = `images.{ $key }` 是 { $value }，超出範圍
    .help = 改正 `[images]` 中的 `{ $key }`，或刪去這一行，使用默認值
config-images-at-least = 至少爲 { $min } 的數，例如 `{ $example }`
config-images-between = { $min } 到 { $max } 之間的數，例如 `{ $example }`
config-not-a-segment = `{ $key }`「{ $value }」不能用作網址中的一段
    .expected = 英文字母、數字、`-` 或 `_`，例如 `cities` 或 `diqu`
    .help = 把 `{ $key }` 改成一個詞，如 `{ $default }`
config-entry-lacks = `{ $table }` 的某一項缺少 { $keys }
    .expected =
        每一項都有這兩個鍵，例如
        { $example }
    .help = 在這一項裏補上 { $keys }，或刪去這一項

## 稿件：文件和前置信息（E020x、W020x）

config-check-concurrency-zero = `check.external.concurrency` 是 0
    .expected = 同時發出的請求數，例如 `concurrency = 8`
    .help = 至少寫 1
config-check-as-of = `check.as_of` 不是日期：「{ $value }」
    .expected = 日期，例如 "2026-05-01"
    .help = 按“年-月-日”寫日期；或刪去這一行，按今天檢查
config-check-column-no-section = `[[check.columns]]` 的某一項沒有 `section`
    .expected = `content/` 下的欄目文件夾，例如 `section = "news/tzgg"`
    .help = 在這一項里加上 `section = "…"`
config-check-column-type = 不認識的欄目類型 `{ $value }`
    .expected = `news`、`notice`、`other`、`exempt` 之一
    .help = 動態、要聞類欄目用 `news`（14 天），通知公告、政策文件類用 `notice`（180 天）
config-check-wording-no-right = `[[check.wording]]` 的某一項沒有正確寫法 `right`
    .expected = `right = "正確寫法"` 和 `wrong = ["常見錯誤寫法"]`
    .help = 補上名稱或術語的正確寫法
config-check-forbidden-no-term = `[[check.forbidden]]` 的某一項沒有 `term`
    .expected = `term = "過時的說法"`，可再加 `instead = "現行說法"`
    .help = 補上要查找的說法
wording-file-other-key = `{ $file }` 裏不能有 `{ $key }`：這個文件只放用語規則
    .expected = `[[check.wording]]` 和 `[[check.forbidden]]` 條目，寫法與 site-config.toml 裏相同
    .help = 把這項設置移到 site-config.toml，或者刪掉
content-expected-utf8 = UTF-8 編碼的文件
content-utf16 = 文件是 UTF-16 編碼，不是 UTF-8
content-gb18030 = 文件是 GBK/GB18030 編碼，不是 UTF-8
content-resave = 請另存爲 UTF-8：在編輯器的“另存爲”裏選擇「UTF-8」編碼；或運行 `iconv -f { $from } -t UTF-8 { $file } > x.md && mv x.md { $file }`
content-invalid-utf8 = 文件有亂碼，不是有效的 UTF-8：字節 { $byte } 不能組成文字
    .help = 文件可能已損壞，或用了別的編碼保存；找到這個位置，重新輸入那幾個字，用編輯器另存爲 UTF-8
content-nul = 文件裏有 NUL 字節：這是二進制文件，或文件已損壞
    .expected = Markdown 文本文件
    .help = 如果這不是稿件（如 Word、PDF），請改用別的擴展名，不要用 `.md`；否則從完好的備份恢復
content-unclosed = 以 `{ $fence }` 開始的前置信息沒有結束
    .expected = 前置信息後面有一行只寫 `{ $fence }`
    .help = 在前置信息末尾補一行 `{ $fence }`；如果稿件沒有前置信息、開頭是一條分隔線，請先加上前置信息
content-bad-date = `{ $key }` 的日期「{ $value }」寫錯了
    .expected = 日期，如 2024-05-01 或 2024-05-01T09:30:00+08:00
    .help = 寫一個真實的日期，如 2024-05-01；要寫時間，寫成 2024-05-01T09:30:00+08:00
    .help-corrected = 寫成 `{ $fixed }`：年份四位，月和日各兩位，用 `-` 隔開
content-empty-title = 稿件的標題 `title` 是空的
    .help = 寫上標題，例如 `{ $example }`
content-photo-without-cover = 寫了 `photo = true`，但稿件沒有封面圖 `cover`，不會出現在圖片新聞裏
    .help = 加上 `cover = "photo.jpg"`，寫上稿件旁邊要顯示的照片的文件名（並用 `cover_alt` 說明照片內容）；或刪去 `photo = true`
content-no-title = 稿件沒有標題 `title`
    .expected = 稿件標題
    .help = 在前置信息里加上 `{ $example }`
    .help-no-front-matter = 在文件開頭加上前置信息：一行 `+++`，一行 `title = "…"`，再一行 `+++`
content-use-one-of = 改爲以下之一：{ $values }
content-unknown-value = `{ $key }` 的值「{ $value }」不認識
content-bad-syntax = 前置信息的 { $format } 格式有誤：{ $reason }
    .expected-toml = TOML 格式，如 `title = "…"`，文字放在英文雙引號裏
    .expected-yaml = YAML 格式，如 `title: …`，每行一個字段
    .help = 檢查這一行和上一行的引號、括號和 `=`/`:`；引號要用英文的 `"`，不要用中文引號
content-wide-mark = 前置信息的 { $format } 格式有誤：字段名後面用了中文的「{ $mark }」
    .help = 字段名和值之間用英文的 `{ $sign }`，改成：`{ $fixed }`
content-chinese-quotes = 前置信息的 { $format } 格式有誤：文字兩邊用了中文引號“”
    .help = 文字兩邊要用英文雙引號，改成：`{ $fixed }`
content-inner-quotes = 前置信息的 { $format } 格式有誤：文字裏的英文雙引號 `"` 讓文字提前結束了
    .help = 文字裏面的引號用中文引號“”，改成：`{ $fixed }`
toml-reason-unquoted = 文字沒有放在英文雙引號裏
toml-reason-unclosed-string = 引號沒有配對，文字的結尾少了一個引號
toml-reason-duplicate-key = 同一個字段寫了兩次
toml-reason-unclosed-array = 方括號 `[` 沒有配對的 `]`
toml-reason-missing-comma = 方括號裏的兩項之間少了英文逗號 `,`
toml-reason-unclosed-table = `[` 開頭的那一行少了 `]`
toml-reason-no-value = 字段名後面少了英文等號 `=` 和值
toml-reason-more-on-line = 值的後面還有別的文字（一行只寫一個字段）
toml-reason-bad-key = 字段名只能用英文字母、數字、`_` 和 `-`
yaml-reason-tab = 用了製表符（Tab）縮進，YAML 只能用空格
yaml-reason-unclosed = 引號或括號沒有配對，直到前置信息結尾都沒有結束
yaml-reason-colon-in-text = 文字裏有冒號「: 」，整段文字要放在英文雙引號裏
yaml-reason-unclosed-list = 方括號 `[` 沒有配對的 `]`，或兩項之間少了英文逗號 `,`
yaml-reason-bad-start = 文字開頭的符號不能直接寫，整段文字要放在英文雙引號裏
content-misnamed-page = 文件「{ $name }」不是以 `.md` 結尾，沒有當作稿件，也沒有發佈
    .help = 稿件的文件名要以小寫的 `.md` 結尾：改名爲「{ $right }」（記事本另存時，“保存類型”選“所有文件”）
content-chinese-key =
    .expected = 英文字段名，如 `{ $example }`
    .help = 字段名要用英文：`{ $example }`
content-not-a-table = 前置信息不是“字段 = 值”的形式
    .expected = 每行一個字段和值，如 `{ $example }`
content-wrong-value = `{ $key }` 的值不對：{ $found }
    .help = 按“應爲”改寫這個值；文字要放在英文雙引號裏
    .help-flag = 是寫 `true`，否寫 `false`，不加引號：`{ $fixed }`
content-wrong-value-somewhere = 前置信息裏有值不對：{ $found }
content-expected-flag = `true`（是）或 `false`（否），不加引號
content-expected-pin = `true`（置頂），或表示先後的整數，如 1（最前）
content-expected-whole-number = 整數，如 { $example }
content-expected-count = 0 或正整數，如 { $example }
content-expected-list = 文字的列表，如 ["科普", "青少年"]，或一串用頓號隔開的文字
content-expected-attachments = 文件名或表的列表，如 ["a.pdf", {"{"} path = "b.docx", title = "報名表" {"}"}]
content-expected-taxonomies = 由列表組成的表，如 `[taxonomies]` 下一行 `tags = ["科普"]`
content-expected-extra = 由值組成的表，如 `[extra]` 下一行 `key = "value"`
content-expected-text-or-number = 文字或數字
content-expected-text = 文字，如 "科技活動周"
content-found-text = 寫的是文字 "{ $value }"
content-found-number = 寫的是數字 { $value }
content-found-flag = 寫的是 { $value }
content-found-list = 寫的是一個列表
content-found-table = 寫的是一個表
content-more-unknown-keys = 還有 { $count } 個不認識的前置信息字段
    .help = 先改好上面的字段；不認識的字段不起作用
content-unknown-key = 前置信息裏有不認識的字段 `{ $key }`
    .help = menhu 不用這個字段；要留給模板用，請把它放到 `[extra]` 下
    .help-yaml = menhu 不用這個字段；要留給模板用，請把它放到 `extra:` 下
    .help-here = menhu 不用這個字段；這裏可用的字段是 { $keys }
content-unknown-key-in = `{ $table }` 裏有不認識的字段 `{ $key }`

content-no-folder = 網站沒有 `content/` 文件夾
    .help = 新建 `content/_index.md`；或運行 `menhu init 目錄`，從示例網站開始
content-bad-ignore-pattern = `ignored_content` 中的模式 `{ $pattern }` 寫錯了：{ $reason }
    .help = 按通配符的寫法改，如 `*.docx` 或 `drafts/**`
content-name-not-unicode = 文件名含有無法識別的字符，不能用作網址
    .help = 用普通的漢字、字母或數字給文件重新命名
content-link-loop = 符號鏈接（快捷方式）繞成了圈：這個文件夾鏈接回了它的上級文件夾
content-permission-denied = 讀不出來：沒有讀取權限
content-cannot-read = 讀不出來：{ $reason }
    .help = 請管理員檢查文件權限，或刪去這個鏈接；網站的其餘部分已照常讀取

## Markdown 正文：鏈接、圖片、短代碼（E0210–E0212、W0202、W0203）

markdown-more-problems = 這篇稿件還有 { $count } 個問題沒有列出（只列出前 { $shown } 個）
    .help = 先改好列出的問題，再生成一次，就能看到其餘的
markdown-broken-link = 站內鏈接 `{ $link }` 指向的稿件不存在
    .help = 站內鏈接寫成 `@/` 加上 `content/` 下的文件路徑，如 `@/news/2024-05-01-x.md`；鏈接到欄目寫 `@/news/_index.md`，鏈接到小標題寫 `@/news/x.md#錨點`；請覈對文件名和文件夾
markdown-unlinked-image = 圖片「{ $path }」被原樣顯示成了文字：文件名裏有空格
markdown-unlinked-link = 鏈接「{ $path }」被原樣顯示成了文字：路徑裏有空格
markdown-unlinked =
    .help = 把路徑放進尖括號：`{ $bracketed }`；或給文件改名，去掉空格，如 `{ $renamed }`
markdown-unknown-shortcode = 不認識的短代碼 `{ $name }`
    .help = 檢查短代碼名稱是否寫錯；或請管理員添加模板 `templates/shortcodes/{ $name }.html`（或 `.md`）；要把這段文字原樣顯示，寫成 `{"{{"}/* name() */{"}}"}`
markdown-no-alt = 圖片 `{ $src }` 沒有說明文字
    .help = 在方括號裏寫上圖片的內容，方便看不見圖片的讀者：`![梧州市科協調研現場](photo.jpg)`
markdown-own-computer-image = 圖片 `{ $src }` 是寫稿人自己電腦上的文件（從 Word 粘貼時常見），讀者看不到
    .help = 把圖片放進稿件文件夾（在線編輯時直接拖進正文），改寫成 `![圖片說明](照片.jpg)`
markdown-own-computer-link = 鏈接 `{ $href }` 指向寫稿人自己電腦上的文件（從 Word 粘貼時常見），讀者打不開
    .help = 把文件放進稿件文件夾（在線編輯時點工具欄的上傳按鈕），改寫成 `[報名表](baoming-biao.docx)`
markdown-indented-prose = 這一段前面有製表符或空格，網頁上顯示成了代碼框（等寬字體、不自動換行）：「{ $start }」
    .help = 刪去段首的製表符或空格，網頁會自動把段首空兩格；列表裏的段落，縮進和上面列表項的文字對齊即可
markdown-table-row-too-long = 表格的這一行有 { $cells } 格，比表頭多，多出的「{ $text }」不會顯示在網頁上
    .help = 表頭有 { $columns } 格，每一行都要一樣多：在表頭補上列名，或把多出的文字並進前面的格子；從 Word 抄來的表格，合併的單元格要拆開，每格寫在自己的列裏

## 命令行：幫助和用法錯誤（src/cli/help.rs）

cli = 爲科協等羣團組織的門戶網站生成靜態網站（門戶）
    .root = 網站根目錄（`site-config.toml` 所在的目錄）
    .lang = 提示用的語言：zh-Hans（簡體）、zh-Hant（繁體）或 en（英文）；不寫時依次看 `MENHU_LANG`、網站的 `default_language`、系統的 `LANG`，都沒有則用英文
    .help = 顯示幫助
    .version = 顯示版本
    .after-help = 退出碼：0 成功；1 網站有錯誤（每個錯誤都寫明文件、行號和改法）；2 命令行寫錯了。
cli-build = 生成網站，寫入輸出目錄（整個替換，不會只寫一半）
    .output = 輸出目錄（默認爲配置中的 `output_dir`，即 "public"）
    .drafts = 也生成草稿和發佈日期在將來的稿件
    .base-url = 用這個網址代替配置中的 `base_url`
    .force = 允許輸出目錄在網站以外
    .timings = 顯示每個步驟的用時和最大內存佔用
    .verbose = 列出每篇沒有發佈的稿件，寫明文件和原因
    .format = `json`：在標準輸出上給出這次生成的記錄（發佈數、每篇未發佈稿件的原因和日期、下一次定時發佈時間、文件數、字節數、用時）
    .quiet = 只顯示問題：不顯示“網站已生成……”一行，也不列出未發佈的稿件
    .deny-warnings = 有警告時也以退出碼 1 結束（網站照常寫出）
    .clean-cache = 先刪除緩存（`.menhu-cache/images/` 裏處理過的圖片，以及生成緩存），全部重新生成
    .cache = 使用並更新 DIR 裏的生成緩存（默認 `.menhu-cache/build`）：只重新生成輸入有變化的頁面（docs/cache.md）
    .offline = 不聯網：`load_data(url=…)` 只用 `.menhu-cache/` 中已下載的數據，從未下載過的網址會報錯
    .network = 生成站羣的每個成員網站（`--root` 或其上級文件夾裏的 `network.toml`），各自寫入 `<輸出目錄>/<網站名>/`
    .site = 只生成站羣中的這個成員網站（可寫多次），寫入 `<輸出目錄>/<網站名>/`
    .shard = 與 `--network` 一起用：只生成 N 份中的第 I 份（`--shard 2/4`，供 N 臺 CI 機器分擔），並寫出清單 `.menhu-shard-I-of-N.json`
cli-serve = 在內存中生成網站並啓動本機預覽
    .port = 預覽用的端口（0：任選一個空閒端口）
    .bind = 綁定的地址；只有改了它，其他電腦才能打開預覽
    .drafts = 也預覽草稿和發佈日期在將來的稿件
    .base-url = 鏈接裏用的網址，如用手機預覽時寫 `http://192.168.1.5:1111`（默認爲預覽地址，鏈接不會跳出預覽）
    .verbose = 每次生成後列出每篇沒有發佈的稿件，寫明文件和原因
    .offline = 不聯網：`load_data(url=…)` 只用 `.menhu-cache/` 中已下載的數據，從未下載過的網址會報錯
    .edit = 在本機另一個端口打開在線編輯：在瀏覽器裏改稿、加照片、送審；同時預覽草稿（相當於 `--drafts`）；只能在本機（127.0.0.1）使用
    .edit-commit = 與 `--edit` 一起用：審覈通過時把稿件（和審覈記錄）提交到網站的 git 版本庫，作者記爲審覈人
    .network = 在一個端口上預覽站羣（`--root` 下的 network.toml）的所有成員網站，首頁可選擇網站
cli-new = 新建一篇稿件：content/欄目/年-月-日-標題拼音.md
    .section = `content/` 下的欄目文件夾，如 `news`
    .title = 稿件標題，如 "匯聚四長資源"
    .bundle = 改爲新建一個稿件文件夾（內有 `index.md`），照片和附件放在它旁邊：content/欄目/年-月-日-拼音/index.md
cli-check = 檢查鏈接、稿件、政府網站檢查項和用詞
    .external = 也檢查站外鏈接（需要聯網）
    .format = 問題的顯示方式：`human`（標準錯誤輸出）、`json` 或 `github`（標準輸出）
    .report = 另外把檢查結果寫成一個 HTML 自查報告文件
    .today = 按這一天（年-月-日）而不是今天計算更新情況
    .deny-warnings = 有警告時也以退出碼 1 結束
    .drafts = 也檢查草稿和發佈日期在將來的稿件
    .offline = `load_data(url=…)` 不聯網，只用 `.menhu-cache/` 中已下載的數據
    .network = 檢查站羣（`--root` 下的 network.toml）的每個成員網站，按網站分別報告，並檢查站羣自身的規則
cli-deploy = 把生成好的網站發佈到 site-config.toml 中 `[deploy]` 的某個目標，只上傳上次發佈以來有變化的文件
    .target = 目標名稱，即 `[deploy.targets.名稱]`（默認爲 `[deploy] default`，或唯一的目標）
    .dry-run = 只列出會上傳和刪除的文件，什麼都不改
    .output = 要發佈的目錄（默認爲配置中的 `output_dir`，即 "public"）
    .verbose = 列出每個上傳和刪除的文件
    .format = `json`：在標準輸出上用一個 JSON 對象給出發佈記錄
cli-init = 把示例門戶網站寫入一個新目錄
    .dir = 要新建的目錄（不存在或是空的）
    .ci = 另外寫一個 CI 流水線：安裝指定版本的 menhu，生成、檢查併發佈網站（見 docs/operator-guide.md）
    .network = 改爲寫入示例站羣：一個自治區站和三個市級站，共用一套模板，附 network.toml（見 docs/network.md）；此時 `--ci` 寫入分片生成的流水線（github 或 gitlab）
cli-help = 顯示這段說明，或某個命令的說明
cli-heading =
    .commands = 命令
    .options = 選項
    .arguments = 參數
    .template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
        用法：{"{"}usage{"}"}

        {"{"}all-args{"}"}{"{"}after-help{"}"}
cli-error-unknown-argument = 錯誤：不認識的選項 `{ $arg }`
cli-error-unknown-command = 錯誤：不認識的命令 `{ $command }`
cli-error-invalid-value = 錯誤：`{ $arg }` 的值「{ $value }」不對
cli-error-now = 錯誤：`--now`（或環境變量 `MENHU_NOW`）的值「{ $value }」不是一個時刻：請寫成帶時差的時刻，例如 2026-12-06T08:09:00Z 或 2026-12-06T16:09:00+08:00
cli-error-valid-values = 可以寫的值：{ $values }
cli-error-missing = 錯誤：缺少 { $args }
cli-error-other = 錯誤：命令行寫得不對
cli-error-help = 運行 `menhu --help` 查看所有命令和選項

## menhu init、menhu new 和預覽的文件監視（E060x、E0702）

init-not-empty = `{ $folder }` 不是空目錄
    .help = 換一個新的目錄名，如 `menhu init my-portal`；init 從不覆蓋已有的文件
init-network-ci-unsupported = menhu 沒有適用於 Gitee Go 的站羣分片流水線
    .help = 改用 `--ci github` 或 `--ci gitlab`；也可以不加 `--ci`，參照 docs/network.md 自己編寫流水線
scaffold-cannot-read = 讀不出 `{ $path }`：{ $reason }
scaffold-cannot-create = 無法新建 `{ $path }`：{ $reason }
scaffold-cannot-write = 寫不進 `{ $path }`：{ $reason }
    .help = 檢查目錄的寫入權限和磁盤剩餘空間
new-not-a-section = `{ $section }` 不是欄目名
    .help = 寫 `content/` 下的欄目文件夾名，如 `menhu new news "標題"`
new-no-file-name = 無法從標題「{ $title }」生成文件名
    .help = 標題裏要有漢字、字母或數字
new-exists = `{ $file }` 已經存在
    .help = 直接編輯那篇稿件，或換一個標題
new-no-section = `content/` 裏沒有欄目 `{ $section }`
    .expected = 以下欄目之一：{ $sections }
    .help = 先新建欄目：`content/{ $section }/_index.md`
serve-refused-host = 拒絕訪問：這個預覽只回應它自己的地址，例如 { $address }
    .named = 拒絕訪問：這個預覽只回應它自己的地址，例如 { $address }；要用 `{ $host }` 這個名字打開，啓動預覽時加上 `--base-url http://{ $host }:{ $port }`
serve-refused-one-host = 請求有誤：請求裏必須有且只有一個 Host 頭
serve-refused-target-long = 請求的地址太長
serve-refused-headers-large = 請求頭太大
serve-refused-method = 不允許這種請求方法：預覽只回應 GET 和 HEAD
serve-refused-lengths = 請求有誤：請求裏的消息長度互相矛盾
preview-scheduled-title = 尚未發佈：{ $title }（本地預覽）
preview-scheduled-note = 本地預覽（menhu serve）提示，正式網站上不會出現這一頁
preview-scheduled-heading = 此稿件定於 { $due } 發佈
preview-scheduled-why = 《{ $title }》還沒有到發佈時間，所以沒有發佈：在那之前，正式網站上這個網址會顯示“找不到頁面”（404）。到時間後的第一次生成（<code>menhu build</code>）會把它發佈出來。
preview-scheduled-file = 稿件文件：<code>{ $file }</code>
preview-scheduled-fix = 想現在就在預覽裏看正文，請運行 <code>menhu serve --drafts</code>；想提前發佈，請把前置信息裏的 <code>date</code> 改成現在或更早的時間。
preview-expired-banner = 本地預覽提示：此稿件已於 { $at } 過期（<code>expires</code>）。正式網站上它仍可通過網址訪問，但不再出現在列表、訂閱和搜索中。
serve-no-site-folder = 找不到網站目錄：{ $reason }
serve-cannot-watch = 無法監視 `{ $folder }` 的變化：{ $reason }
    .help = 請管理員調高 Linux 的 inotify 上限：`sudo sysctl fs.inotify.max_user_watches=524288`
serve-network-listening = 站羣預覽已啓動：在瀏覽器裏打開 { $address }/，選擇要預覽的網站（{ $network }，共 { $count } 個網站，每個網站在自己的路徑下；按 Ctrl-C 停止）
serve-network-rebuilt = 已重新生成 { $count } 個網站中的 { $sites } 個，用時 { $took }：{ $changed } 個頁面有變化
serve-picker-title = { $network } · 站羣預覽（共 { $count } 個網站）
serve-picker-intro = 請選擇要預覽的網站。修改文件後，打開着的頁面會自動刷新，稿件出現在哪幾個網站，哪幾個網站的頁面就刷新。
serve-picker-region = 地區
serve-picker-name = 站點名
serve-picker-folder = 文件夾
serve-picker-failed = 上一次生成失敗：問題寫在命令行窗口裏，也顯示在該網站的頁面上。
serve-picker-no-site = 站羣裏沒有這個地址的網站
serve-picker-back = 返回 { $network } 的網站列表

## 前置信息、表格和菜單裏的地址（E0110、E0213）

address-bad-scheme = `{ $key }`「{ $value }」是 `{ $scheme }:` 類的地址，網頁不能鏈接到這種地址
    .expected = 站內路徑，如 `/about/` 或 `files/a.pdf`；或以 `https://`、`http://`、`mailto:`、`tel:` 開頭的地址
    .help = 改寫成站內路徑，或 `https://www.example.org.cn/` 這樣的網址
address-not-site-path = `{ $key }`「{ $value }」不是本站的路徑：它以 `{ $scheme }:` 開頭
    .expected = 路徑，如 `/news/2024/`；或一個詞，如 `kexie-dahui`
    .help = 刪去 `{ $scheme }:` 及其後面的網址部分；要把讀者引到別的網站，請在正文里加鏈接

## 短代碼（E0212）

shortcode-too-deep = 短代碼 `{ $name }` 嵌套超過了 { $depth } 層
    .help = 短代碼生成的 Markdown 又調用了短代碼；請確認它沒有調用自己
shortcode-too-much = 短代碼 `{ $name }` 沒有展開：這篇稿件的短代碼生成的內容太多
    .help = 一篇稿件最多調用 { $calls } 次短代碼，生成的內容最多 64 MiB；請把稿件拆成幾篇
shortcode-failed = 短代碼 `{ $name }` 出錯：{ $reason }
shortcode-bad-args = 短代碼 `{ $name }` 的參數寫得不對：{ $reason }
    .help = 參數寫成 `名稱=值`，用英文逗號隔開，例如 `name(id="x", n=3, on=true, list=[1, "a"])`
shortcode-unclosed = 短代碼 `{ $name }` 沒有用 `{ $close }` 結束
    .help = 在短代碼末尾加上 `{ $close }`
shortcode-no-end = 成對的短代碼 `{ $name }` 缺少 `{"{"}% end %{"}"}`
    .help = 在正文之後單獨一行寫 `{"{"}% end %{"}"}`
shortcode-args-unclosed = 參數列表缺少結尾的 `)`
shortcode-args-no-name = 這裏應是參數名，卻是 `{ $found }`
shortcode-args-no-equals = `{ $key }` 後面應有 `=`
shortcode-args-after = `{ $key }=` 之後：{ $reason }
shortcode-args-no-comma = `{ $key }` 的值後面應有 `,` 或 `)`
shortcode-args-too-deep = 列表嵌套超過了 { $depth } 層
shortcode-args-no-value = 這裏應是一個值（英文引號括起的文字、數字、true、false 或 [列表]）
shortcode-args-unclosed-string = 文字缺少結尾的 { $quote }
shortcode-args-not-a-number = 「{ $value }」不是數字
shortcode-args-list-comma = 列表裏應有 `,` 或 `]`

## 網站以外的文件（E0214）

escape-link = 快捷方式（符號鏈接）`{ $path }` 指向
escape-path = `{ $path }` 通向
escape-outside = { $what }網站以外：{ $to }
    .expected = 網站目錄裏的文件和文件夾
    .help = 把鏈接換成它所指文件的副本；如果網站確實要讀那個文件夾，請在配置的 `follow_symlinks` 裏列出它
escape-hidden = { $what }網站裏的隱藏文件夾：{ $to }
    .help = menhu 從不通過鏈接讀取 `.git` 這類隱藏文件夾；請直接複製文件
escape-unresolved = { $what }一個讀不到的位置：{ $reason }
    .help = 修正或刪除這個鏈接

## 名錄表格：`[[directories]]`（E0220–E0223）

directory-no-section = 名錄所屬欄目 `{ $section }` 不存在
    .expected = 文件夾 `content/{ $section }/`，裏面有 `_index.md`
    .help = 新建 `content/{ $section }/_index.md` 並寫上 `kind = "orgs"`，或改正這個 `[[directories]]` 裏的 `section`
directory-row-replaces = 第 { $line } 行會頂替已有的稿件 `{ $page }`
    .help = 給這一行的 `slug` 列換一個值，或給那篇 Markdown 稿件改名
directory-unreadable = 讀不出名錄表格 `{ $file }`：{ $reason }
    .help = 檢查 `[[directories]]` 裏的 `file`；路徑從網站根目錄算起
directory-not-a-table = 不是 `.csv` 或 `.toml` 文件
    .help = 表格文件名以 `.csv` 結尾（第一行是表頭，之後每行一個組織），或以 `.toml` 結尾（每個組織一個 `[[orgs]]`）
directory-bad-csv = CSV 表格的行有誤：{ $reason }
    .help = 每一行的列數要和表頭一樣；含逗號的值要用英文雙引號括起來："南寧市青秀區，示範路 1 號"
directory-unknown-column = 第 { $line } 行：不認識的列「{ $name }」
    .expected = 以下列名之一：{ $columns }
    .help = 改正列名，或刪去這一列
directory-invalid-toml =
    .help = 每個組織寫一個 `[[orgs]]` 表，例如 `[[orgs]]\ntitle = "藤縣科協"`
directory-no-orgs = 表格裏沒有 `[[orgs]]`
    .help = 每個組織寫一個 `[[orgs]]` 表
directory-no-title = 缺少 `title`
    .expected = 組織的全稱，例如 藤縣科學技術協會
directory-members-not-a-number = `members` 列的「{ $value }」不是數字
    .expected = 會員人數，整數，例如 120
directory-bad-row = 這一行有誤
directory-bad-cell = 第 { $line } 行：{ $what }
    .help = 改正 `{ $file }` 第 { $line } 行的 `{ $column }` 列

## 圖片（E0250–E0255）

image-unreadable = 讀不出圖片 `{ $file }`：{ $reason }
    .expected = 網站目錄裏的圖片文件
    .help = 檢查文件是否存在、能否讀取，以及它是不是指向網站以外文件的鏈接
image-unsupported = `{ $file }` 不是 menhu 能讀的圖片：{ $reason }
    .expected = JPEG、PNG、WebP 或 GIF 圖片
    .help = 把圖片另存爲 JPEG（照片）或 PNG（圖表、截圖），改用另存的文件
image-damaged = 圖片 `{ $file }` 已損壞：{ $reason }
    .expected = 能用看圖軟件打開的圖片文件
    .help = 用圖片編輯軟件打開後重新保存爲 JPEG 或 PNG，或從原處重新複製一份
image-too-large = 圖片 `{ $file }` 太大：{ $reason }
    .expected = 不超過 1 億像素、不超過 100 MB 的照片
    .help = 用圖片編輯軟件縮小後重新保存（網頁上寬 2500 像素就足夠了）
image-bad-request = 無法縮放 `{ $file }`：{ $reason }
    .expected = 寬和高在 1 到 10000 像素之間（按操作的需要）
    .help = 改正模板裏 `resize_image` 的參數
image-cache = 無法保存 `{ $file }` 的縮放副本：{ $reason }
    .expected = 網站裏可寫入的 `.menhu-cache/images` 文件夾
    .help = 檢查磁盤剩餘空間和 `.menhu-cache/` 的權限，或用 `menhu build --clean-cache` 刪除這個文件夾
image-cache-not-deleted = 無法刪除圖片緩存 `{ $folder }`：{ $reason }
    .help = 手動刪除這個文件夾，或不加 `--clean-cache` 生成
image-detail-site-folder = 網站文件夾：{ $reason }
image-detail-outside = 它在網站目錄以外
image-detail-not-a-file = 它不是文件
image-detail-bytes = { $size } 字節，超過了上限 { $limit } 字節
image-detail-not-an-image = 文件開頭不是 JPEG、PNG、WebP 或 GIF 圖片的格式
image-detail-pixels = { $width } × { $height } 像素，超過了上限 { $limit } 百萬像素
image-detail-zero-size = 文件聲稱的尺寸是 { $width } × { $height } 像素
image-detail-limits = { $reason }（每邊最多 { $side } 像素，總共最多 { $limit } 百萬像素）
image-detail-ends-early = 文件不完整或讀不出（{ $reason }）
image-detail-encoding = 編碼爲 { $format } 時出錯：{ $reason }
image-detail-changed = 生成網站的過程中這個文件被改動了；請重新生成
image-detail-copy-side = 要求的副本每邊 { $side } 像素；最多 { $limit } 像素
image-detail-copy-size = `{ $operation }` 會生成 { $width } × { $height } 像素的副本；每邊最多 { $limit } 像素
image-detail-quality = 質量 { $quality } 不在 1 到 100 之間

## 網站結構：地區、網址、附件、組織、系列、菜單（E03xx、W03xx）

list-or = { $first }或{ $rest }
list-and = { $first }，{ $rest }
attachment-missing = 稿件旁邊找不到附件 `{ $path }`
    .expected = 放在稿件自己文件夾裏的文件（稿件文件夾：`news/x/index.md` 旁邊放 `news/x/file.pdf`）
    .help = 把附件放到 `index.md` 旁邊（需要時把稿件改成文件夾），或改正文件名
place-ambiguous-region = 地區「{ $name }」有歧義：有 { $count } 個地方叫這個名字
place-ambiguous-city = 城市「{ $name }」有歧義：有 { $count } 個地方叫這個名字
place-ambiguous =
    .expected = 只有一個行政區叫的名字
    .help = 寫出你指的那個地方的全稱：{ $choices }；或在網站配置的 `[regions]` 裏設置 `default_province`
place-unknown-region = 不認識的地區「{ $name }」
place-unknown-city = 不認識的城市「{ $name }」
place-unknown =
    .expected = 行政區劃名錄裏的省、市或縣，例如「梧州」或「廣西壯族自治區梧州市藤縣」
    .help = 檢查寫法，或在網站配置的 `[[regions.custom]]` 裏聲明這個地方
place-did-you-mean = 是不是要寫{ $choices }？
place-choice = 「{ $name }」（{ $full }）
place-region = 地區「{ $name }」
place-city = 城市「{ $name }」
place-not-a-province = `default_province`「{ $name }」不是省級行政區
    .expected = 省級名稱，例如「廣西」或「廣西壯族自治區」
    .help = 改寫它所在的省：「{ $province }」
region-path-taken = 地區頁面的網址 `{ $path }` 會頂替{ $owner }
    .expected = 沒有分類、欄目或稿件使用的網址段
    .help = 在網站配置裏換一個網址段，例如 `[regions]` 下寫 `path = "diqu"`
series-path-taken = 系列頁面的網址 `{ $path }` 會頂替{ $owner }
    .expected = 沒有分類、欄目或稿件使用的網址段
    .help = 在網站配置裏換一個網址段，例如 `[series]` 下寫 `path = "xilie"`
owner-taxonomy = 分類 `{ $name }` 的頁面
owner-section = 欄目 `{ $file }`
    .help = 在欄目的 `_index.md` 裏另寫 `path`，或給欄目文件夾改名
owner-page = 稿件 `{ $file }`
    .help = 在它的前置信息裏另寫 `path` 或 `slug`，或給文件改名
menu-target-missing = 菜單項「{ $title }」鏈接到 `{ $target }`，但它不存在
    .expected = `@/` 加 content 下的路徑，例如 `@/news/_index.md` 或 `@/about.md`
    .help = 檢查 `content/` 下的路徑，或改用站內路徑，如 `/cities/`
org-unknown-level = 不認識的組織級別「{ $level }」
    .help = 學會寫 `society`，企業科協寫 `enterprise`，園區科協寫 `park`
org-unknown-parent = 上級組織「{ $name }」不在名錄裏
    .did-you-mean = 是不是要寫「{ $name }」？（上級組織按其頁面標題填寫）
    .help = 給它加一個頁面；如果它不在本網站，就當普通文字保留
org-unknown = `org`「{ $name }」不是名錄裏的組織
    .did-you-mean = 是不是要寫「{ $name }」？
    .help = 填寫該組織頁面的標題
series-no-index = 系列「{ $name }」的這篇稿件沒有 `series_index`
    .expected = 稿件在系列中的序號，例如 `series_index = 31`
    .help = 在 `series` 下面加 `series_index = { $next }`（系列中最大序號的下一個）
series-number-twice = 系列「{ $name }」有兩篇稿件的序號都是 { $number }
    .expected = 同一系列裏每個序號只用一次
    .help = `{ $file }` 用了同一個序號；給其中一篇改個序號
series-gap = 系列「{ $name }」缺少序號爲 { $missing } 的稿件
    .help = 檢查 `series_index`，或發佈缺少的那一期
taxonomy-undeclared = 分類 `{ $name }` 沒有在網站配置裏聲明，它的分類詞被忽略了
    .help = 在配置裏聲明它：`taxonomies = [{"{"} name = "{ $name }" {"}"}]`
url-taken-twice = 兩篇稿件的網址相同 `{ $path }`：`{ $first }` 和 `{ $second }`
    .help = 在其中一篇的前置信息裏換一個 `slug`，或給文件改名
schedule-link-to-waiting = 鏈接到 `{ $target }`，這篇稿件定於 { $due } 發佈：在那之前這個鏈接打不開
    .help = 兩篇一起發佈（把本稿件的發佈日期設爲相同或更晚），或等那篇發佈後再加鏈接
schedule-fix-before = 這篇稿件定於 { $due } 發佈，現在還沒有發佈；請在此之前改好，否則到時生成網站會失敗
    .after-help = { $help }；這篇稿件定於 { $due } 發佈，現在還沒有發佈；請在此之前改好，否則到時生成網站會失敗

## 生成後未發佈稿件的統計（每次生成後的一行）

publication-all = 所有稿件都已發佈
    .drafts = 所有稿件都已發佈（--drafts：草稿和發佈日期在將來的稿件也包括在內）
publication-scheduled = { $count } 篇定時發佈（最近一篇：{ $next }）
publication-drafts = { $count } 篇草稿
publication-left-out = { $count } 篇稿件未發佈：{ $parts }
publication-expired = { $line }；{ $count } 篇稿件已過期（網址仍可打開，但不出現在列表、訂閱和搜索中）
publication-reason =
    .scheduled = 定時發佈
    .draft = 草稿
    .expired = 已過期

## 同一個輸出路徑有兩個來源（E0304、E0305）

alias-leaves-site = 舊網址 `{ $alias }` 會跑到網站以外
    .help = 從網站根目錄寫舊網址，例如 `aliases = ["/old/news/"]`
output-file-and-folder = `{ $path }` 既是文件（來自{ $first }），又是裝着 `{ $inner }` 的文件夾（來自{ $second }）
output-written-twice = 兩個輸出都要寫到 `{ $path }`：{ $first }和{ $second }
    .expected = 每個輸出路徑只有一個來源
owner-traditional-copy-of = { $owner }的繁體版
owner-home = 首頁 `{ $file }`
owner-section-pager = `{ $file }` 列表的第 { $number } 頁
owner-taxonomy-list = 全部 `{ $name }` 的列表頁
    .help = 在配置裏給這個分類改名，或把另一個輸出移走
owner-term = { $number ->
        [0] `{ $taxonomy }`「{ $term }」的頁面
        [1] `{ $taxonomy }`「{ $term }」的頁面
       *[other] `{ $taxonomy }`「{ $term }」頁面的第 { $number } 頁
    }
    .help = 給這個分類詞改名，或把另一個輸出移走
owner-cities = 城市頁
owner-region-page =
    .help = 在配置裏另設 `[regions] path`
owner-city = { $number ->
        [0] 「{ $name }」的城市頁
        [1] 「{ $name }」的城市頁
       *[other] 「{ $name }」城市頁的第 { $number } 頁
    }
owner-province = 「{ $name }」的省份頁
owner-series = 系列「{ $name }」的頁面
    .help = 在配置裏另設 `[series] path`
owner-not-found = 404 頁面
    .help = 404 頁面來自 `templates/404.html`；請刪去另一個輸出
owner-sitemap = 網站地圖
owner-robots = `robots.txt`
owner-switch-off = 要發佈自己的文件，請在配置裏設置 `{ $key } = false`；否則刪去另一個
owner-highlight = 代碼高亮樣式表
    .help = 給另一個文件改名
owner-stylesheet = 由 `sass/` 編譯的樣式表
    .help = 給另一個文件或 Sass 文件改名
owner-search-page = 搜索頁
    .help = `search/` 歸搜索頁和搜索索引所有；請把另一個輸出移走
owner-search-index = 搜索索引（它佔用 `{ $folder }/`）
    .help = `search/` 歸搜索索引所有；請把另一個輸出移走，或設置 `build_search_index = false`
owner-feed-site = 全站訂閱源
owner-feed-section = `{ $file }` 的訂閱源
owner-feed-term = `{ $taxonomy }`「{ $term }」的訂閱源
owner-feed-city = 「{ $name }」的訂閱源
owner-feed =
    .help = 給另一個文件改名，或修改 `feed_filenames`
owner-redirect-section = 從 `{ $file }` 第 1 頁的跳轉
    .help = 修改 `paginate_path`，或把另一個輸出移走
owner-redirect-term = 從 `{ $taxonomy }`「{ $term }」第 1 頁的跳轉
owner-alias = `{ $file }` 的舊網址 `{ $alias }`
    .help = 刪去這個舊網址，或換一個沒有被其他輸出佔用的舊網址
owner-static = 靜態文件 `{ $file }`
    .help = 給這個靜態文件改名或刪除它；網站自己會生成這個輸出
owner-traditional = 網站的繁體版（它佔用 `{ $folder }/`）
    .help = 給另一個輸出改名，或設置 `traditional = false`
owner-bundle = 稿件旁邊的文件 `{ $file }`
    .help = 給這個文件改名：稿件文件夾裏的文件會發布在稿件旁邊

## 模板和主題（E04xx、W0401）

theme-not-found = 在 `themes/{ $name }/` 裏找不到主題 `{ $name }`
    .help = 檢查配置裏的 `theme`，或把主題文件夾複製到 `themes/` 裏
    .help-portal = 主題 `portal` 是 menhu 自帶的：用 `menhu init` 生成一個新文件夾（如 `menhu init /tmp/portal`），把其中的 `themes/portal/` 複製到本網站的 `themes/` 裏；或從 git 恢復（`git checkout -- themes`）
template-unreadable = 讀不出模板：{ $reason }
    .help = 把模板存爲 UTF-8 文本，並檢查文件的讀取權限
template-error = 模板出錯：{ $reason }
    .help = 出錯時正在生成 `{ $file }`；請改正模板或這篇稿件的前置信息
template-unparsed-help = 改正模板裏標出的位置：那裏的標籤（`{"{"}{"{"} … {"}"}{"}"}`、`{"{"}% … %{"}"}`）寫錯了或沒有閉合；模板用的是 Tera 語法，與 Zola 相同（見 docs/templates.md）
render-error-more = { $help }（另有 { $others } 個頁面出現同樣的錯誤）
template-not-found = 找不到模板 `{ $template }`
    .expected = 網站裏的 `templates/{ $template }`，或配置所設主題的 `themes/主題名/templates/` 裏的同名文件
    .help = 新建這個模板，或在配置裏設置 `theme = "portal"`，或改正 `template` 的值
template-extends-loop = 模板互相繼承，形成了循環：{ $chain }
    .help = 改掉其中一個 `{"{"}% extends %{"}"}`，讓繼承鏈停在一個不繼承別的模板的模板上，例如 `base.html`
template-extends-itself = `{ $name }` 繼承了它自己；要繼承主題裏的 `{ $name }`，請寫 `{"{"}% extends "{ $theme }/templates/{ $name }" %{"}"}`
template-include-loop = 模板包含了它自己：{ $chain }
    .help = 刪去造成循環的那個 include；要輸出嵌套的內容（菜單、目錄樹），請用遞歸的宏
template-endless-macro = 宏 `{ $name }` 總是調用它自己，永遠不會結束
    .help = 只在會停止的 `{"{"}% if %{"}"}` 或 `{"{"}% for %{"}"}` 裏再次調用這個宏
template-recursion = 模板無休止地遞歸：'{ $file }' 裏的宏 `{ $name }` 已嵌套調用 { $depth } 層
    .cycle = 模板無休止地遞歸：'{ $file }' 裏的宏 `{ $name }` 已嵌套調用 { $depth } 層；這些宏互相調用，沒有盡頭：{ $chain }
    .help = 確認宏裏的 `{"{"}% if %{"}"}` 會讓它停止調用自己：計數器如果越來越遠離上限，就永遠停不下來
theme-strings-unreadable = 讀不出主題的文字表：{ $reason }
    .expected = 像 `home = "首頁"` 這樣的行：每行一個名稱和一段文字
    .help = 每個值都用英文雙引號括起來；每行一個 `名稱 = "文字"`
static-bad-pattern = `{ $key }` 裏的規則 `{ $pattern }` 寫得不對：{ $reason }
    .help = 用通配符寫法，例如 `*.psd` 或 `.well-known`
static-hidden = `static/` 裏的隱藏文件沒有發佈：{ $names }
    .more = `static/` 裏的隱藏文件沒有發佈：{ $names }，另有 { $more } 個
    .help = 隱藏文件常含機密（`.env`、`.git/`）；確實要發佈的，請列在 `static_dotfiles` 裏，例如 `static_dotfiles = [".well-known"]`
sass-compiler-bug = Sass 編譯器內部出錯，這是 menhu 的缺陷；請連同這個文件一起報告
sass-error = Sass 出錯：{ $reason }
    .help = 改正樣式表，或在配置裏設置 `compile_sass = false`
sass-import = Sass：讀不出導入的文件：{ $reason }
    .help = 只導入網站 `sass/` 文件夾裏的文件

## 輸出文件夾（E05xx）和 menhu 自身的錯誤（E0001）

output-refused = 不能把 `{ $folder }` 用作輸出文件夾：{ $reason }
    .help = 選網站裏的一個文件夾，例如 `public`：`menhu build --output public`
    .root = 它是文件系統的根目錄
    .site = 它就是網站本身，或網站的上級文件夾
    .source = 它在 menhu 要讀取的 `{ $folder }` 裏面
    .hidden = 它是隱藏文件夾（如 `.git`），生成網站時會被整個替換
    .file = 它是一個文件，生成網站時會被替換成文件夾
    .file-help = 把文件 `{ $file }` 刪掉或改名（它不是 menhu 生成的），或用 `--output` 另選一個文件夾
    .holds = 它裏面有網站要讀取的 `{ $path }`
    .outside = 它在網站以外；如果確實要這樣，請加 `--force`
output-outside = 不能寫入 `{ $path }`：它會落到輸出文件夾以外
    .help = 前置信息裏的 `path` 或 `slug` 不要含 `..`
output-io =
    .find-parent = 找不到 `{ $path }` 的上級文件夾
    .create = 無法創建 `{ $path }`：{ $reason }
    .write = 無法寫入 `{ $path }`：{ $reason }
    .copy = 無法複製 `{ $path }`：{ $reason }
    .move-in = 無法把新生成的網站移到 `{ $path }`：{ $reason }
    .move-aside = 無法把原來的輸出從 `{ $path }` 移開：{ $reason }
    .clean = 無法清理 `{ $path }`：{ $reason }
    .remove = 無法刪除 `{ $path }`：{ $reason }
    .help = 檢查磁盤剩餘空間和權限；原來的輸出沒有改動
internal-file = 處理這個文件時 menhu 內部出錯，這是 menhu 的缺陷，請報告
    .help = 網站的其餘部分已處理完；報告時請儘量附上這個文件
internal-search-outside = menhu 內部出錯：搜索索引把 `{ $path }` 寫到了它的文件夾以外，這是 menhu 的缺陷，請報告
internal-not-planned = menhu 內部出錯：生成了 `{ $path }`，但它不在輸出計劃裏，這是 menhu 的缺陷，請報告
markdown-more-no-alt = 還有 { $count } 張圖片沒有說明文字，未一一列出
    .help = 給這篇稿件的每張圖片都寫上說明文字，再重新生成

## menhu check：鏈接和頁面（C01xx）

check-missing-image = 圖片 `{ $path }` 不存在
    .expected = 稿件旁邊（稿件文件夾裏）或 `static/` 下的圖片
    .help = 把圖片放到 `index.md` 旁邊或 `static/` 裏，或改正路徑
check-broken-link = 鏈接 `{ $link }` 指向的頁面或文件不存在
    .expected = 本站的頁面，最好寫成 `@/欄目/文件.md`
    .help = 用 `@/` 鏈接到 Markdown 文件，例如 `[通知](@/news/tzgg/x.md)`，這樣文件改名時 menhu 能發現
check-missing-file = 鏈接的文件 `{ $path }` 不存在
    .expected = 稿件旁邊（稿件文件夾裏）或 `static/` 下的文件
    .help = 把文件放到 `index.md` 旁邊，或改正文件名（大小寫也要一樣）；附件也可以寫進前置信息的 `attachments`，文末會列出附件和大小
check-broken-anchor = 頁面 `{ $page }` 上沒有錨點 `#{ $anchor }`
    .expected = 那個頁面上某個標題或元素的 id
    .help = 鏈接到頁面目錄裏顯示的標題 id，或刪去 `#…` 部分
check-summary-link = 鏈接 `{ $path }` 在稿件頁面上能用，但在顯示摘要的頁面上打不開（`{ $shown }`{ $more ->
        [0] {""}
       *[other] 等 { $more } 處
    }）
    .expected = 在所有顯示摘要的頁面上都能用的路徑：從網站根目錄寫起
    .help = 從網站根目錄寫：`{ $path }`；或把它移到 `<!-- more -->` 下面，列表裏就不顯示它
check-summary-image = 圖片 `{ $path }` 在稿件頁面上能顯示，但在顯示摘要的頁面上顯示不出（`{ $shown }`{ $more ->
        [0] {""}
       *[other] 等 { $more } 處
    }）
check-template-link = 模板裏寫的鏈接 `{ $link }` 指向的頁面或文件不存在（{ $pages ->
        [1] 本頁
       *[other] { $pages } 個頁面
    }）
    .expected = 網站生成的路徑，例如用 `get_url(path="@/news/_index.md")` 得到的地址
    .help = 改正主題模板（或網站 `templates/` 裏）的鏈接；用 `get_url` 加 `@/` 寫鏈接，改名時能被發現
check-template-anchor = { $problem }（在模板裏，{ $pages ->
        [1] 本頁
       *[other] { $pages } 個頁面
    }）

## menhu check：頁面、檢查規則和用語（C01xx–C03xx）

check-no-alt =
    .expected = 方括號裏寫一句簡短的說明：`![描述](圖片.jpg)`
    .help = 爲看不到圖片的讀者寫明圖片內容，例如 `![梧州市科協調研現場](photo.jpg)`
check-title-again = 正文開頭又寫了一遍標題「{ $title }」，網頁上標題會出現兩次
    .help = 刪去正文裏的這一行：標題寫在前置信息的 `title` 裏，網頁會自動顯示
check-outline-paragraph = 「{ $text }」像小標題，卻寫成了普通段落{ $more ->
        [0] {""}
       *[other] （這篇稿件還有 { $more } 處）
    }，網頁的目錄和小標題鏈接裏沒有它
    .help = 小標題前面加上 `## `（下一級加 `### `），如 `## { $text }`
check-heading-no-space = 「{ $text }」的 `#` 後面沒有空格，網頁上原樣顯示成了文字{ $more ->
        [0] {""}
       *[other] （這篇稿件還有 { $more } 處這樣的小標題）
    }
    .help = 在 `{ $marks }` 後面加一個空格：`{ $marks } { $text }`
check-heading-jump = 標題「{ $title }」從第 { $from } 級跳到了第 { $to } 級
    .expected = 這裏用第 { $level } 級標題（`{ $marks }`）
    .help = 讀屏軟件按標題級別朗讀提綱：不要跳級；用 `#` 號的個數表示結構，不要用字號
check-duplicate-title = 標題「{ $title }」被 { $count } 篇稿件使用
    .help = 每篇稿件用自己的標題（最先使用的是 `{ $first }`）；這些稿件是：{ $pages }
check-external-broken = 站外鏈接 `{ $url }` 打不開：{ $reason }{ $others ->
        [0] {""}
       *[other] （另有 { $others } 處同樣的鏈接）
    }
    .help = 改正或刪除這個鏈接；如果對方頁面搬了家，請鏈接到新地址
check-external-silent = 站外鏈接 `{ $url }` 沒有響應：{ $reason }{ $others ->
        [0] {""}
       *[other] （另有 { $others } 處同樣的鏈接）
    }
    .help = 在瀏覽器裏打開這個地址看看；如果對方網站拒絕自動檢查，請把它加到 `[check.external]` 的 `skip` 裏
check-external-private = 沒有訪問站外鏈接 `{ $url }`：{ $reason }{ $others ->
        [0] {""}
       *[other] （另有 { $others } 處同樣的鏈接）
    }
    .help = 公開網頁不應鏈接到內部網絡；如果確實要鏈接（內網頁面），請把它的主機名加到 `[check.external]` 的 `allow_private` 裏
check-template-text = 稿件裏還留着模板的提示文字：「{ $text }」
    .expected = 用稿件自己的內容替換模板的提示文字
    .help = 把提示文字換成正文，或刪去這一行
check-empty-source = `source`（來源）是空的
    .expected = 稿件的來源，例如 `source = "梧州市科協"`
    .help = 填寫來源；如果稿件就出自本網站，刪去這一行
check-photo-size = { $bytes }，{ $width } × { $height } 像素
check-photo-kept = { $size } 的照片按原圖發佈
    .help = `[images]` 裏的 `keep_original = true` 讓原圖照原樣發佈；刪去這一行，讀者就會看到縮小後的副本；或把照片存小一些
check-photo-large = { $size } 的照片太大，不能按原圖發佈
    .expected = 每邊最多 { $side } 像素、不超過 { $bytes } 的照片
    .help = 無須處理：頁面上顯示的是縮小後的副本。如果也要發佈原圖，請把它存爲每邊最多 { $side } 像素、不超過 { $bytes }，或在 `[images]` 裏設置 `keep_original = true`
check-stale-pin = { $day } 的稿件仍然{ $what }，已經過了 { $days } 天
    .expected = 只把最近 { $days } 天的新聞置頂或設爲頭條，或寫明截止日期
    .help = 刪去 `{ $key }`，或寫明截止日期：`{ $key }_until = { $until }`
check-stale-home = 首頁
    .help = 發佈一條新聞（`menhu new news "標題"`）；時限是 site-config.toml 裏 `[check]` 下的 `home_days`
check-stale-column = 欄目「{ $title }」
check-stale = { $what }上次更新是 { $age } 天前（{ $newest }），超過了 { $limit } 天的時限
    .undated = { $what }沒有帶日期的稿件，視爲從未更新
    .expected = 至少每 { $limit } 天更新一次
    .help = 發佈新稿件（`menhu new { $folder } "標題"`），或在 site-config.toml 裏用 `[[check.columns]]`、`section = "{ $folder }"` 和 `days = …` 設置這個欄目的時限
check-empty-column = 欄目「{ $title }」沒有任何稿件
    .expected = 受檢查的欄目至少有一篇已發佈的稿件
    .help = 在 `content/{ $path }/` 裏發佈一篇稿件，或刪去這個欄目，或用 `[[check.columns]] section = "{ $path }"` 加 `allow_empty = true`（或 `type = "exempt"`）標明它可以爲空
check-undated = 按日期排列的欄目「{ $column }」裏，稿件「{ $title }」沒有發佈日期
    .expected = 前置信息裏的 `date`，例如 `date = 2026-05-01`，或以 `2026-05-01-` 開頭的文件名
    .help = 在標題下面加 `date = YYYY-MM-DD`：檢查時沒有日期的稿件算作未更新
check-empty-attachment = 附件 `{ $name }` 是空文件
    .expected = 附件本身（讀者會下載它）
    .help = 換成真正的文件，或把它從 `attachments` 裏刪去
check-meta-missing = { $count } 個頁面缺少 meta 標籤 `{ $tag }`，或它的內容爲空
    .expected = 每個頁面的 `<head>` 裏都有 `<meta name="{ $tag }" content="…">`
    .help = 主題的 `base.html` 要寫出 `<meta name="{ $tag }" …>`；自帶的 `portal` 主題會寫
    .site-id-code = 在 site-config.toml 的 `[check]` 下設置 `site_id_code`，或在 `[extra.footer]` 下設置 `site_code`（網站標識碼）
    .content-source = 主題的 `base.html` 要寫出 `<meta name="ContentSource" …>`；自帶的 `portal` 主題寫的是稿件的 `source`（來源），沒有來源時寫網站名稱
    .pub-date = 在稿件的前置信息裏寫上 `date`（發佈日期）
check-filing-missing = { $count } 個頁面的頁腳沒有{ $name }（{ $mark }…）
    .expected = 政府或事業單位網站每個頁面的頁腳都有{ $name }
    .help = 在 site-config.toml 的 `[extra.footer]` 裏填寫 `icp`、`police` 和 `site_code`（portal 主題會顯示它們）；如果網站不是政府或事業單位網站，請在 `[check]` 下設置 `government = false`
check-old-as-of = `[check] as_of` 是 { $day }，已是 { $days } 天前：更新情況按那一天計算，而不是今天
    .help = 刪去 `[check]` 裏的 `as_of`，讓自查按運行當天計算；固定日期只用於測試（`menhu check --today YYYY-MM-DD`）
check-network-site = { $association }（{ $site }，{ $folder }）
check-network-rules = { $network } 的站羣規則
check-network-no-column = 成員網站「{ $site }」把 { $origins } 的稿件轉載到欄目 `{ $section }`，但它沒有這個欄目
    .help = 給該網站加上這個欄目（`{ $folder }/content/{ $section }/_index.md`），或在轉載規則裏用 `into` 指定一個已有的欄目
check-network-push-no-column = 這篇稿件報送到「{ $target }」（成員網站「{ $site }」），但那個網站沒有欄目 `{ $section }`，稿件不會出現在那裏
check-network-push-not-ancestor = 這篇稿件報送到「{ $target }」（成員網站「{ $site }」），它不是本網站的上級
    .help = 稿件一般向上級報送，寫 `"parent"`（上級）或 `"province"`（省級）；確實要報送給它的話可以不改
check-network-total = 共檢查 { $sites } 個網站：{ $summary }
check-network-filing-missing = 成員網站「{ $site }」的頁腳配置裏沒有{ $names }
    .help = 在該網站 site-config.toml 的 `[extra]` 裏寫上本網站自己的備案號：`footer = { "{" } icp = "…", police = "…" { "}" }`
check-network-filing-copied = 成員網站「{ $site }」的{ $name }「{ $number }」與「{ $other }」相同：是從別的網站複製來後沒有改
    .help = 改爲本網站自己的備案號，以備案證書爲準（ICP 備案：beian.miit.gov.cn；公安備案：beian.mps.gov.cn）
check-miswritten = 「{ $wrong }」是「{ $right }」的錯誤寫法
    .help = 改爲「{ $right }」
check-forbidden = 「{ $term }」是禁用或過時的說法
    .instead = 改爲「{ $instead }」
    .help = 換一種說法（site-config.toml 的 `[[check.forbidden]]` 列出了這個詞）

## menhu check --report：自查報告頁面

report-title = { $site } 網站自查報告
report-summary = 檢查頁面 { $pages } 個：錯誤 { $errors } 項，警告 { $warnings } 項。
    .errors = 錯誤 { $errors } 項
report-today = 更新情況按 { $day } 計算。
report-columns = 欄目更新情況
    .column = 欄目
    .kind = 類型
    .limit = 時限（天）
    .items = 條目
    .undated = 無日期
    .newest = 最近更新
    .age = 距今（天）
    .status = 狀態
    .problems = 問題（含下級欄目）
report-home = 首頁
report-column-name = { $title }（{ $section }）
report-kind =
    .news = 動態要聞
    .notice = 通知公告/政策文件
    .other = 其他
    .exempt = 不檢查
report-status =
    .ok = 正常
    .stale = 未按時更新
    .empty = 空白欄目
    .exempt = 不檢查
report-by-rule = 按規則統計
    .none = 未發現問題。
    .code = 代碼
    .errors = 錯誤
    .warnings = 警告
report-problems = 問題清單
    .level = 級別
    .place = 位置
    .problem = 問題
    .fix = 修改建議
report-level =
    .error = 錯誤
    .warning = 警告

## menhu deploy（E08xx）

deploy-unreadable-config = 讀不出 `{ $file }`：{ $reason }
    .help = 在網站文件夾裏運行 `menhu deploy`，或用 `--root` 指定網站文件夾
deploy-bad-target = [deploy.targets.{ $name }]：{ $reason }
    .expected = type = "s3"、"folder" 或 "sftp"，並寫上各自需要的項（見 docs/operator-guide.md 的“Deploying”）
deploy-unknown-default = [deploy] default = "{ $name }" 不是任何一個發佈目標
    .help = 添加 [deploy.targets.{ $name }]，或改寫成已有目標的名稱
deploy-prefix-escapes = [deploy.targets.{ $name }] 的 prefix `{ $prefix }` 跑出了存儲桶的文件夾
deploy-no-brotli = [deploy.targets.{ $name }]：對象存儲無法提供 brotli 壓縮版本
    .help = 存儲桶只按請求返回文件，不能按瀏覽器的 Accept-Encoding 選擇；請用 precompress = ["gzip"]，所有瀏覽器都能讀
deploy-unknown-precompress = [deploy.targets.{ $name }]：不認識的 precompress `{ $value }`
    .expected = precompress = ["gzip", "brotli"]
deploy-bad-pattern = cache_control 規則 `{ $pattern }` 寫得不對：{ $reason }
    .expected = 通配符規則，例如 "*.html"、"**/*.html" 或 "search/**"
deploy-secret = `{ $key }` 是密鑰，不能寫在 `{ $file }` 裏
    .expected = 把密鑰放在環境變量 { $variable } 裏
    .help = 刪去這一行，更換這個密鑰（它已經留在 git 歷史裏了），再把新密鑰設爲 CI 的機密變量 { $variable }
deploy-invalid = [deploy]：{ $reason }
    .expected = docs/operator-guide.md“Deploying”一節列出的配置項
deploy-unknown-key = 這裏沒有 `{ $key }` 這一項，能寫的是 { $allowed }
deploy-unknown-key-none = 這裏沒有 `{ $key }` 這一項，這一節不需要寫任何項
deploy-missing-key = 缺少必填的 `{ $key }`
deploy-no-section = site-config.toml 裏沒有 [deploy]
    .help = 添加一個發佈目標，例如 [deploy.targets.www]，寫上 type = "folder" 和 path = "/srv/www"（見 docs/operator-guide.md 的“Deploying”）
deploy-nothing-built = `{ $folder }` 裏沒有生成好的網站（沒有 index.html）
    .help = 先運行 `menhu build`；deploy 發佈的是最近一次生成的結果
deploy-no-target-chosen = 有多個發佈目標，但沒有指定用哪一個
    .help = 加上 `--target 名稱`（可選：{ $names }），或設置 [deploy] default
deploy-no-such-target = 沒有名爲 `{ $name }` 的發佈目標
    .none = 在 site-config.toml 裏的 [deploy.targets.名稱] 下添加一個
    .help = 已有的目標：{ $names }
deploy-unreadable-file = 讀不出 `{ $file }`：{ $reason }
deploy-unreadable-output = 讀不出輸出文件夾：{ $reason }
deploy-bad-manifest = 發佈目標上的 `{ $file }` 讀不出：{ $reason }
    .help = 刪除發佈目標上的 `{ $file }`：下次發佈時會重新上傳所有文件
deploy-failed =
    .create = 無法創建 `{ $what }`：{ $reason }
    .write = 無法寫入 `{ $what }`：{ $reason }
    .read = 無法讀取 `{ $what }`：{ $reason }
    .delete = 無法刪除 `{ $what }`：{ $reason }
    .upload = 無法上傳 `{ $what }`：{ $reason }
    .upload-to = 無法上傳到 `{ $what }`：{ $reason }
    .run = 無法運行 `{ $what }`：{ $reason }
    .connect-to = 無法連接 `{ $what }`：{ $reason }
deploy-folder-is-a-file = `{ $file }` 是一個文件，不是文件夾
    .help = 請把 site-config.toml 裏這個文件夾發佈目標的 `path` 改成網站的發佈文件夾（現在寫的是 `{ $folder }`），或把那個文件移走；然後再運行一次 `menhu deploy`：已經上傳的文件不會重複上傳
deploy-folder-refused =
    .help = 請檢查 `{ $folder }` 是否就是網站的發佈文件夾（共享盤要先掛載好）、運行 menhu 的用戶能否往裏寫、磁盤是否還有空間；然後再運行一次 `menhu deploy`：已經上傳的文件不會重複上傳
deploy-temporary-folder = 臨時文件夾
deploy-answer = 服務器返回 { $status }：{ $body }
    .forbidden = 檢查 MENHU_DEPLOY_ACCESS_KEY_ID / MENHU_DEPLOY_SECRET_ACCESS_KEY、區域，以及這個密鑰有沒有寫入存儲桶的權限
    .not-found = 檢查存儲桶的名稱和訪問地址（以及 path_style）
    .help = 請看上面存儲服務返回的信息
deploy-no-credentials = 沒有訪問存儲桶的憑據
    .expected = 環境變量 MENHU_DEPLOY_ACCESS_KEY_ID 和 MENHU_DEPLOY_SECRET_ACCESS_KEY
    .help = 用 CI 的機密變量設置它們（GitHub：Settings → Secrets and variables → Actions）
deploy-bad-endpoint = 訪問地址 `{ $endpoint }` 有誤：{ $reason }
    .expected = 網址，例如 https://oss-cn-hangzhou.aliyuncs.com
deploy-bad-bucket = `{ $endpoint }` 上的存儲桶 `{ $bucket }` 有誤：{ $reason }
    .help = 用 IP 地址訪問的服務（MinIO、測試服務器）需要設置 path_style = true
deploy-no-sftp =
    .help = 安裝 OpenSSH 客戶端（Debian：apt-get install openssh-client）
deploy-sftp-connect =
    .help = 檢查主機、用戶名和端口；{ $key } 要指向私鑰文件，{ $known } 要指向含服務器公鑰的 known_hosts 文件
deploy-resume =
    .help = 已發送的文件都記錄在服務器上：再運行一次 `menhu deploy` 即可接着上傳

## menhu deploy：做了什麼

deploy-line =
    .upload = 上傳
    .delete = 刪除
deploy-dry-run = 試運行 `{ $target }`：將上傳 { $uploaded } 個文件（{ $size }），刪除 { $deleted } 個，{ $unchanged } 個不變
deploy-done = 已發佈到 `{ $target }`：上傳 { $uploaded } 個文件（{ $size }），刪除 { $deleted } 個，{ $unchanged } 個不變，用時 { $seconds } 秒
deploy-first = { $line }（發佈目標上沒有發佈記錄：全部文件都要上傳）

## 命令行自身的錯誤

cli-cannot-start = 錯誤：無法啓動：{ $reason }
cli-bug = menhu 內部出錯，這是 menhu 的缺陷，請報告
    .at = menhu 在 { $file }:{ $line } 內部出錯，這是 menhu 的缺陷，請報告
check-report-outside = 它所在的文件夾通向網站以外：`{ $folder }`

## 前置信息：置頂

content-bad-pin = `pin` 是 { $value }
    .expected = `pin = true`，或從 1（最前）起的名次：`pin = 2`
    .help = 寫 `pin = 1` 排在最前，或刪去 `pin`

## 站羣：network.toml、build --network（E09xx）

network-unreadable = `{ $folder }` 裏沒有可讀的 `network.toml`：{ $reason }
    .expected = 站羣根文件夾裏的 `network.toml`，列出各成員網站
    .help = 在放 `network.toml` 的文件夾裏運行命令，或用 `--root` 指定；`menhu init 文件夾 --network` 會寫一個示例
network-invalid = `network.toml` 寫得不對：{ $reason }
    .help = 各個鍵見 docs/network.md：先寫 `[network] name`，再爲每個成員網站寫一個 `[[sites]]`，含 `name`、`path`、`region` 和 `association`
network-no-sites = `network.toml` 沒有列出任何成員網站
    .help = 每個成員網站寫一個 `[[sites]]` 表，含 `name`、`path`、`region` 和 `association`
network-bad-name = 網站名「{ $name }」不是英文標識
    .expected = 小寫字母、數字和 `-`，例如 `wuzhou`：它是輸出文件夾名，也用於 `--site` 和 `@wuzhou:/` 鏈接
    .help = 用拼音寫，例如 `name = "{ $name }"`
network-name-taken = 網站名 `{ $name }` 已在第 { $line } 行用過
    .help = 每個成員網站用一個不同的名字
network-bad-folder = 成員文件夾 `{ $path }` 不能用：{ $reason }
    .help = 寫成員網站文件夾相對 `network.toml` 的路徑，例如 `path = "sites/wuzhou"`
    .outside = 它不是站羣根文件夾下面的文件夾
    .missing = 它不存在
    .no-config = 裏面沒有 `site-config.toml`
network-empty-association = 協會名稱是空的
    .help = 寫協會全稱，例如 `association = "梧州市科學技術協會"`
network-association-taken = 協會名稱「{ $name }」已在第 { $line } 行用過
    .help = 每個成員用不同的協會名稱，這樣按名稱報送只指向一個網站
network-unknown-site = 沒有名爲 `{ $name }` 的成員網站
    .expected = `network.toml` 裏的網站名之一：{ $names }
    .help = 對照 `network.toml` 裏每個 `[[sites]]` 的 `name` 檢查拼寫
network-did-you-mean = 是不是 `{ $name }`？
network-own-parent = 網站 `{ $name }` 的上級是它自己
network-parent-loop = 網站 `{ $name }` 的上級一層層又回到了它自己
    .help = 成員的 `parent` 必須是它上面的網站（市的上級是省）；刪掉 `parent` 就會用地區包含它的那個成員
network-pull-no-parent = 網站 `{ $name }` 要從上級轉載，但它沒有上級
    .help = 給這個網站設 `parent = "…"`，或者從指定網站轉載：`from = ["guangxi"]`
network-pull-no-sections = 轉載規則沒有寫欄目
    .expected = 要轉載的來源網站欄目，例如 `sections = ["news/tzgg"]`
network-unknown-push = 報送目標「{ $target }」不對應任何成員網站
    .expected = `"parent"`（上級）、`"province"`（省級）、`"city"`（市級）、`"county"`（縣級）、`network.toml` 裏的網站名（`"guangxi"`），或協會全稱、簡稱（`"廣西科協"`）
    .help = 對照 `network.toml` 檢查拼寫，或把這個目標從 `push` 裏刪掉
markdown-broken-site-link = 鏈接 `{ $link }` 失效：網站 `{ $site }` 沒有這個頁面或欄目
    .no-site = 鏈接 `{ $link }` 失效：站羣裏沒有名爲 `{ $site }` 的成員網站
    .help = 先寫 `network.toml` 裏的網站名，再寫該網站 `content/` 下的路徑，例如 `@wuzhou:/news/2026-05-01-x.md`
network-bad-shard = `--shard { $written }` 不是有效的分片
    .expected = `I/N`，1 ≤ I ≤ N，例如 `--shard 2/4`
    .help = GitHub Actions 矩陣裏寫 `--shard ${"{"}{"{"} matrix.shard {"}"}{"}"}/4`；GitLab 裏寫 `--shard $CI_NODE_INDEX/$CI_NODE_TOTAL`
network-output-unwritable = 不能寫入 `{ $folder }`：{ $reason }
network-built = 已生成站羣「{ $name }」：{ $total } 個網站中的 { $built } 個，輸出到 { $output }，用時 { $took }
network-site-built = { $name }：{ $pages } 個頁面，寫出 { $written } 個文件，複製 { $copied } 個
network-site-failed = { $name }：沒有生成（原來的輸出保持不變）
network-some-failed = { $total } 個網站中有 { $failed } 個有錯誤

## 每個代碼的含義（docs/diagnostics.zh.md）

code-E0001 = menhu 內部出錯（這是 menhu 的缺陷，不是稿件的問題）
    .fix = 把提示裏的文件發給維護人員
code-E0100 = 網站根目錄裏沒有 `site-config.toml`（也沒有 `config.toml`）
    .fix = 在網站根目錄運行，或用 `--root` 指定目錄，或用 `menhu init 目錄` 新建網站
code-E0101 = 配置項名稱寫錯（提示裏給出最接近的正確名稱）
    .fix = 按提示改成正確的名稱
code-E0102 = 配置值類型或取值不對（包括不認識的時區 `timezone`）
    .fix = 按“應爲”改：`true` 不加引號，日期寫 `"2026-05-01"`，時區寫 `"Asia/Shanghai"`
code-E0103 = `base_url` 缺少或不是完整網址
    .fix = 寫成 `base_url = "https://www.example.org.cn"`
code-E0104 = 分類法沒有名稱、名稱爲空或重複
    .fix = 每個分類法一個不同的 `name`
code-E0105 = 每頁條數 `paginate_by` 爲 0
    .fix = 改爲 1 以上，或刪去這一行
code-E0106 = 配置文件 TOML 語法錯誤（或 `ignored_content` 的模式寫錯）
    .fix = 文字加英文雙引號，如 `title = "某某市科協"`；檢查括號是否成對
code-E0107 = 配置文件讀不出來（沒有權限，或不是 UTF-8 編碼）
    .fix = 檢查權限，或轉存爲 UTF-8
code-E0108 = `[regions] path` 或 `[series] path` 不是一個網址段
    .fix = 寫成一個詞，如 `path = "diqu"`
code-E0109 = `[[regions.custom]]`、`[[menus]]` 或 `[[directories]]` 的某一項缺少必填的鍵
    .fix = 補上 `name`/`parent`、`title`/`url` 或 `file`
code-E0110 = 導航菜單的 `url` 是 `javascript:` 等不允許的地址
    .fix = 改成本站路徑、`@/` 鏈接或 `https://…` 網址
code-E0200 = 網站沒有 `content/` 文件夾
    .fix = 在網站根目錄運行，或新建 `content/_index.md`
code-E0201 = 文件是 GBK/GB18030 編碼
    .fix = 用編輯器另存爲 UTF-8，或用 `iconv -f GB18030 -t UTF-8` 轉換
code-E0202 = 文件是 UTF-16 編碼
    .fix = 另存爲 UTF-8
code-E0203 = 文件裏有亂碼（不是有效的 UTF-8）
    .fix = 找到提示的位置，重新輸入那幾個字，另存爲 UTF-8
code-E0204 = 文件裏有 NUL 字節，不是文本文件
    .fix = 不要把 Word、PDF 等文件改名爲 `.md`；作爲附件放進稿件文件夾
code-E0205 = 前置信息的 `+++` 或 `---` 沒有結束
    .fix = 在前置信息末尾補一行 `+++`（或 `---`）
code-E0206 = 前置信息格式錯誤（常見：文字沒加引號、用了中文引號或中文字段名）
    .fix = 按提示改，如 `title = "…"`，用英文雙引號
code-E0207 = 發佈日期等日期寫錯
    .fix = 寫成 `2026-05-01` 或 `2026-05-01T09:30:00+08:00`
code-E0208 = 稿件缺少標題
    .fix = 在前置信息里加上 `title = "…"`
code-E0209 = 稿件文件讀不出來，或文件名不能用作網址
    .fix = 檢查權限，或用普通字符重新命名文件
code-E0210 = `@/` 鏈接指向的稿件不存在
    .fix = 覈對路徑（提示裏會給出最接近的現有稿件），可以從 `content/` 下複製文件路徑
code-E0211 = 不認識的短代碼
    .fix = 檢查短代碼名稱是否寫錯
code-E0212 = 短代碼寫法有誤
    .fix = 按提示檢查參數和結束標記
code-E0213 = 鏈接或網址字段（`website`、`cover`、附件、`redirect_to`）不是網址，或 `path`、`slug`、`aliases` 不是本站路徑
    .fix = 鏈接寫成 `https://…`、`mailto:`、`tel:` 開頭的地址或相對路徑；`path` 寫成 `/zhuanti/2024/` 這樣的本站路徑
code-E0214 = 網站裏的文件是指向網站以外或 `.git` 等隱藏目錄的“符號鏈接”（快捷方式）
    .fix = 把鏈接換成文件本身的副本；確需引用網站外的目錄時，請管理員把它列入 `follow_symlinks`
code-E0220 = 機構名錄表格讀不出來或格式錯誤
    .fix = 按提示改正表格文件，或改正配置中的路徑
code-E0221 = 機構名錄表格的某一行有錯（沒有名稱、不認識的列、數字不對）
    .fix = 按提示改正那一行
code-E0222 = 機構名錄對應的欄目不存在
    .fix = 新建 `content/欄目/_index.md`，或改正 `section`
code-E0223 = 機構名錄的某一行會頂替網站已有的稿件
    .fix = 改這一行的 `slug`，或刪去那篇稿件
code-E0250 = 圖片讀不出來，或在網站文件夾以外
    .fix = 檢查文件名和路徑；圖片要放在網站文件夾裏（一般放在稿件文件夾中，`index.md` 旁邊）
code-E0251 = 文件不是 JPEG、PNG、WebP 或 GIF 圖片
    .fix = 用看圖或修圖軟件另存爲 JPEG（照片）或 PNG（圖表、截圖）
code-E0252 = 圖片文件已損壞
    .fix = 用修圖軟件打開後重新保存，或從原處重新複製
code-E0253 = 圖片太大（超過 1 億像素、邊長 3 萬像素或 100 MB）
    .fix = 用修圖軟件縮小（網頁用寬 2500 像素足夠）後重新保存
code-E0254 = 模板要求的圖片尺寸不合理
    .fix = 請管理員改正模板中 `resize_image` 的參數
code-E0255 = 處理後的圖片無法存入緩存 `.menhu-cache/images`
    .fix = 請管理員檢查磁盤空間和文件夾權限
code-E0301 = 城市、地區或機構不在名錄中
    .fix = 按提示改爲正確的名稱，或寫得更完整（如“遼寧省朝陽市”）
code-E0302 = 地名有重名，或兩篇稿件的網址相同
    .fix = 寫出完整地名；或修改其中一篇的文件名或 `slug`
code-E0303 = 附件不在稿件文件夾中，或地區設置無法識別
    .fix = 把附件放到 `index.md` 旁邊，或改正文件名；地區寫省份全稱或簡稱
code-E0304 = `aliases` 舊網址與網站已有的輸出衝突，或含有 `..`
    .fix = 刪去或改爲別的舊網址；提示會指出衝突的另一方
code-E0305 = 兩個來源要寫同一個輸出文件
    .fix = 按提示改 `path`/`slug`，給文件改名或刪去
code-E0310 = 城市頁的網址與已有欄目、頁面衝突
    .fix = 請管理員在配置 `[regions] path` 中換一個網址段
code-E0311 = 系列頁的網址與已有欄目、頁面衝突
    .fix = 請管理員在配置 `[series] path` 中換一個網址段
code-E0320 = 機構層級 `level` 寫錯
    .fix = 改爲 national、province、city、county、township、society、enterprise、park、university 之一
code-E0330 = 同一系列有兩篇編號相同
    .fix = 改正 `series_index`，每篇一個編號
code-E0340 = 導航菜單鏈接到不存在的頁面
    .fix = 請管理員改正 `[[menus]]` 中的 `url`
code-E0401 = 配置裏的主題在 `themes/` 中找不到
    .fix = 改正 `theme`，或把主題放到 `themes/名稱/`
code-E0402 = 模板文件讀不出來
    .fix = 檢查模板文件的權限和編碼（UTF-8）
code-E0403 = 模板有語法錯誤，或渲染某個頁面時出錯
    .fix = 按提示的模板文件和行號修改
code-E0404 = 稿件要求的模板不存在
    .fix = 新建模板，或改正 `template` 字段裏的模板名
code-E0405 = 主題的界面文字文件（`i18n/*.toml`）讀不出來
    .fix = 按提示改正那個文件
code-E0406 = 模板互相繼承（`extends`）或包含（`include`）成環，或宏無休止地調用自己
    .fix = 請管理員按提示的模板鏈修改
code-E0407 = Sass 樣式文件（`compile_sass = true`）編譯出錯
    .fix = 請管理員按提示的行改正 Sass 文件
code-E0501 = 輸出目錄不安全（網站本身、`content` 等源文件目錄、隱藏目錄、已有的文件）
    .fix = 使用網站內的 `public` 目錄
code-E0502 = 輸出文件寫不進去，或會寫到輸出目錄以外
    .fix = 檢查磁盤空間和權限；`path`、`slug` 裏不要用 `..`
code-E0601 = `menhu init` 指定的目錄不是空的
    .fix = 換一個新的目錄名，如 `menhu init my-portal`
code-E0602 = `menhu init` 或 `menhu new` 寫不進文件
    .fix = 檢查目錄權限和磁盤空間
code-E0603 = `menhu new` 的欄目名不是一個文件夾名
    .fix = 寫 `content/` 下的欄目文件夾名，如 `menhu new news "標題"`
code-E0604 = 標題裏沒有能用作文件名的字
    .fix = 標題裏要有漢字、字母或數字
code-E0605 = 要新建的稿件已經存在
    .fix = 直接編輯那篇稿件，或換一個標題
code-E0606 = `menhu new` 指定的欄目不存在
    .fix = 用提示列出的欄目之一，或先建欄目文件夾和 `_index.md`
code-E0607 = `menhu init --network` 要寫的 CI 流水線沒有站羣分片版本
    .fix = 改用 `--ci github` 或 `--ci gitlab`，或不加 `--ci`
code-E0701 = 預覽服務無法使用這個端口
    .fix = 換一個端口，如 `--port 1112`，或 `--port 0` 讓系統挑一個空閒端口
code-E0702 = 預覽服務無法監視網站文件的變化
    .fix = 請管理員調高 inotify 上限：`sudo sysctl fs.inotify.max_user_watches=524288`
code-E0703 = 在線編輯只能在本機使用
    .fix = 使用 `--edit` 時去掉 `--bind`（或寫 `--bind 127.0.0.1`）
code-E0704 = 審覈結果無法提交到 git
    .fix = 安裝 git 並在網站文件夾裏運行 `git init`（或去掉 `--edit-commit`）
code-E0800 = `menhu deploy` 讀不到 `site-config.toml`
    .fix = 在網站根目錄運行，或用 `--root` 指定目錄
code-E0801 = `site-config.toml` 裏寫了密鑰或密碼
    .fix = 刪去這一行，改用提示中的環境變量
code-E0802 = `[deploy]` 設置或發佈目標寫錯
    .fix = 按運維手冊 docs/operator-guide.md 的“Deploying”一節改正
code-E0803 = `[deploy] default` 指向的目標不存在
    .fix = 改成 `[deploy.targets]` 中的一個
code-E0804 = `cache_control` 的文件模式寫錯
    .fix = 寫成 `"*.html"`、`"search/**"` 這樣的模式
code-E0805 = `site-config.toml` 裏沒有 `[deploy]` 設置
    .fix = 添加發布目標，如 `[deploy.targets.www]`
code-E0806 = 要發佈的目錄裏沒有生成好的網站
    .fix = 先運行 `menhu build`，或用 `--output` 指定目錄
code-E0807 = 沒有選定發佈目標，或目標名寫錯
    .fix = 用 `--target 名稱` 指定，或設置 `[deploy] default`
code-E0810 = 發佈目標上記錄上次發佈的清單讀不出來
    .fix = 在目標上刪去這個清單，全部重新上傳
code-E0811 = 發佈時讀不出生成好的文件
    .fix = 重新生成網站，並檢查輸出目錄的權限
code-E0820 = 發佈目標拒絕或沒有完成上傳、列表或刪除
    .fix = 檢查目標地址、權限和剩餘空間，然後重新發布
code-E0821 = 沒有對象存儲的訪問密鑰
    .fix = 設置環境變量 MENHU_DEPLOY_ACCESS_KEY_ID 和 MENHU_DEPLOY_SECRET_ACCESS_KEY
code-E0822 = 對象存儲的地址或桶名不可用
    .fix = 寫成 https://oss-cn-hangzhou.aliyuncs.com 這樣的地址；用 IP 地址時設 `path_style = true`
code-E0901 = `--network` 找的地方沒有 `network.toml`，或讀不了
    .fix = 在站羣根文件夾裏運行，或用 `--root` 指定
code-E0902 = `network.toml` 不是有效的 TOML，有不認識的鍵或類型不對，或沒有列出網站
    .fix = 按 docs/network.md 裏的鍵來寫
code-E0903 = 成員網站的 `name` 不是 `[a-z0-9-]`，或兩個成員同名
    .fix = 寫一個不重複的拼音名，例如 `wuzhou`
code-E0904 = 成員的 `path` 不存在、指到站羣外面，或不是網站文件夾
    .fix = 寫成員網站文件夾相對 `network.toml` 的路徑，文件夾裏要有 `site-config.toml`
code-E0905 = 成員的 `region` 不在行政區劃表裏，或有幾個地方同名
    .fix = 用提示給出的名稱，或寫全稱（「廣西壯族自治區梧州市」）
code-E0906 = 成員的協會名稱是空的，或與別的成員相同
    .fix = 每個成員用自己的協會全稱和簡稱
code-E0907 = 網站名不是 `network.toml` 裏任何成員的名字（`parent`、`pull`、`--site`）
    .fix = 按提示用 `network.toml` 裏的某個 `name`
code-E0908 = 成員的上級一層層又回到它自己
    .fix = 刪掉造成循環的那個 `parent`
code-E0909 = 轉載規則沒有來源（沒有上級的網站寫了 `from = "parent"`）或沒寫欄目
    .fix = 設好網站的 `parent` 或寫明來源網站；列出要轉載的欄目
code-E0910 = 頁面的 `push` 報送目標不是站羣的成員
    .fix = 用 `parent`、`province`、網站名，或 `network.toml` 裏的協會名稱
code-E0911 = `@網站名:/路徑.md` 鏈接指向的成員網站或頁面不存在
    .fix = 用 `network.toml` 裏的網站名和該網站 `content/` 下的路徑
code-E0912 = `--shard` 不是 1 ≤ I ≤ N 的 `I/N`
    .fix = 寫成例如 `--shard 1/4`：本任務的序號和任務總數
code-W0101 = Zola 專有設置，menhu 不用
    .fix = 無需處理
code-W0102 = `[markdown.highlighting]` 中的 `style = "inline"`
    .fix = 無需處理；顏色由樣式表決定
code-W0103 = `follow_symlinks` 中列出的目錄不存在或不能用
    .fix = 改正路徑，或刪去這一項
code-W0110 = `[images]` 中設了 `keep_location` 卻沒有設 `keep_exif = true`
    .fix = 補上 `keep_exif = true`，或刪去 `keep_location`
code-W0201 = 前置信息裏有不認識的字段
    .fix = 按提示改成正確的字段名，或放到 `[extra]` 下
code-W0202 = 圖片沒有說明文字（`menhu check` 中爲 C0105）
    .fix = 在方括號裏寫上圖片內容，如 `![梧州市科協調研現場](photo.jpg)`
code-W0203 = 圖片或鏈接的文件名裏有空格，被原樣顯示成文字（`menhu check` 中爲 C0108）
    .fix = 把地址放進尖括號：`![現場](<IMG_2031 現場照片.JPG>)`，或給文件改名去掉空格
code-W0204 = 稿件寫了 `photo = true`（圖片新聞），卻沒有封面圖 `cover`，因此不會出現在圖片新聞裏
    .fix = 加上 `cover`，寫上稿件旁邊的照片文件名；或刪去 `photo = true`
code-W0205 = 圖片或鏈接的地址是寫稿人自己電腦上的文件（`file:`，從 Word 粘貼的圖片和附件常是這樣），讀者看不到（`menhu check` 中爲 C0113）
    .fix = 把圖片或文件放進稿件文件夾，用文件名引用它
code-W0207 = 段首有製表符或四個空格的中文段落，顯示成了代碼框（等寬字體、不自動換行）
    .fix = 刪去段首的製表符或空格，網頁會自動縮進段首
code-W0206 = 表格的某一行比表頭的格數多，多出的文字不會顯示（常見於從 Word 抄來、有合併單元格的表格）
    .fix = 讓每一行和表頭的格數一樣：在表頭補上列名，或把多出的文字並進前面的格子
code-W0208 = 文件名像稿件，卻不是以 `.md` 結尾（如記事本存成的 `.md.txt`、大寫的 `.MD`），沒有當作稿件，也沒有發佈
    .fix = 按提示改名，讓文件名以小寫的 `.md` 結尾
code-W0209 = 稿件旁的照片 menhu 處理不了（不是圖片，如手機的 HEIC 照片改成了 `.jpg`；已損壞；超過 1 億像素），頁面上顯示不出來
    .fix = 把照片另存爲 JPEG，每邊不超過 2500 像素（HEIC 照片請先導出爲 JPEG）
code-W0301 = 用了配置裏沒有聲明的分類法
    .fix = 請管理員在配置的 `taxonomies` 中聲明，或刪去
code-W0305 = 鏈接到了還沒到發佈時間的稿件
    .fix = 讓兩篇同時發佈，或等對方發佈後再加鏈接
code-W0320 = 機構的上級組織 `parent` 不在名錄中
    .fix = 改爲名錄中機構的名稱，或先建上級機構頁
code-W0321 = `org` 寫的機構不在名錄中
    .fix = 改爲名錄中機構的名稱
code-W0330 = 系列編號有缺號
    .fix = 補上缺的那一篇，或調整編號
code-W0331 = 系列稿件沒寫編號 `series_index`
    .fix = 按提示在 `series` 下一行加上 `series_index = 編號`
code-W0401 = `static/` 裏以 `.` 開頭的隱藏文件沒有發佈
    .fix = 一般無需處理；確需發佈的請管理員列入 `static_dotfiles`
code-W0501 = 生成緩存（`--cache`）沒有使用或沒有保存；這只是提示，不會讓生成失敗
    .fix = 無需處理：其他版本的 menhu、其他配置生成的或已損壞的緩存會被擱置，本次全部重新生成
code-C0101 = 鏈接指向的頁面或文件不存在
    .fix = 改正地址；站內鏈接儘量寫成 `@/欄目/文件.md`
code-C0102 = 鏈接裏的 `#錨點` 在目標頁面上不存在
    .fix = 改成目標頁面小標題的編號（提示裏給出最接近的），或去掉 `#…`
code-C0103 = 圖片文件不存在
    .fix = 把圖片放進稿件文件夾或 `static/`，或改正文件名
code-C0104 = 模板裏寫的鏈接失效（所有用這個模板的頁面都有）
    .fix = 請管理員修改主題模板
code-C0105 = 圖片沒有說明文字
    .fix = 在方括號裏寫上圖片內容，如 `![梧州市科協調研現場](photo.jpg)`
code-C0106 = 多篇稿件標題相同
    .fix = 給每篇稿件不同的標題
code-C0107 = 小標題跳級，如 `##` 後直接用 `####`
    .fix = 按層級依次使用 `##`、`###`、`####`
code-C0108 = 圖片或鏈接的文件名裏有空格，頁面上顯示的是原文
    .fix = 把地址放進尖括號：`![現場](<IMG_2031 現場照片.JPG>)`，或給文件改名去掉空格
code-C0109 = 摘要裏的圖片或鏈接用了相對地址，列表頁上打不開
    .fix = 改爲從網站根目錄寫起的地址（提示裏給出），或移到 `<!-- more -->` 下面
code-C0110 = 站外鏈接打不開（返回 404、500 等）
    .fix = 改爲新地址或刪去鏈接
code-C0111 = 站外鏈接沒有響應
    .fix = 在瀏覽器裏打開確認；對方屏蔽自動檢查時，請管理員加入 `[check.external] skip`
code-C0112 = 站外鏈接指向內網、本機等非公網地址，沒有去訪問
    .fix = 改正或刪去；確屬內網網站的，請管理員加入 `[check.external] allow_private`
code-C0113 = 圖片或鏈接的地址是寫稿人自己電腦上的文件（`file:`，從 Word 粘貼的圖片和附件常是這樣），讀者看不到
    .fix = 把圖片或文件放進稿件文件夾，用文件名引用它
code-C0120 = 稿件裏還留着稿件模板的提示文字
    .fix = 換成稿件自己的內容，或刪去這一行
code-C0121 = `source`（來源）是空的
    .fix = 填上來源；本站自己的稿件可以刪去這一行
code-C0122 = 正文開頭又寫了一遍稿件標題（`# 標題`，粘貼整篇 Word 文檔時常見），網頁上標題出現兩次（警告）
    .fix = 刪去正文裏的這一行標題
code-C0123 = 「一、」「（一）」這樣編號的小標題寫成了普通段落，或 `##` 後面沒有空格，目錄和小標題鏈接裏沒有它（警告）
    .fix = 在小標題前面加上 `## `（下一級加 `### `），`#` 後面空一格
code-C0130 = 照片太大（超過 `max_original_bytes` 或 `max_original_px`），只發布縮小後的副本（警告）
    .fix = 用修圖軟件縮小（網頁用寬 2500 像素足夠）；確需發佈原圖的，請管理員設 `keep_original = true`
code-C0131 = 置頂或頭條已超過 90 天，又沒有寫結束日期（警告）
    .fix = 寫上 `pin_until` 或 `headline_until`，或刪去 `pin`、`headline`
code-C0140 = 稿件在等待審覈（待審）（警告）
    .fix = 審覈人在 `menhu serve --edit` 裏通過或退回
code-C0201 = 首頁超過 14 天沒有更新
    .fix = 發佈新稿件
code-C0202 = 欄目超過時限沒有更新（動態要聞類 14 天，通知公告、政策文件類 180 天）
    .fix = 發佈新稿件；確屬不需頻繁更新的欄目，請管理員在 `[[check.columns]]` 中設置 `days`
code-C0203 = 空白欄目
    .fix = 發佈稿件，或請管理員撤銷欄目、設置 `allow_empty = true`
code-C0204 = 按日期排序的欄目裏有稿件沒寫日期
    .fix = 加上 `date = 2026-05-01`
code-C0205 = 附件無法下載（空文件，或站外地址打不開）
    .fix = 換上完整的文件，或改正地址
code-C0206 = 政府網站要求的 meta 標籤缺少或爲空
    .fix = 請管理員在配置或模板中補上
code-C0207 = 頁腳缺少 ICP 備案號、公安機關備案號或網站標識碼
    .fix = 請管理員在頁腳補上
code-C0208 = `[check] as_of` 比今天早 30 天以上
    .fix = 刪去 `as_of`，按今天檢查
code-C0301 = 名稱或術語寫錯了
    .fix = 改成“應爲”中給出的正確寫法
code-C0302 = 用了不應再用的說法
    .fix = 按提示改成現行說法
code-C0401 = 轉載到站羣成員網站的稿件在該網站沒有對應的欄目
    .fix = 給接收的網站加上這個欄目，或用 `into` 指定一個已有的欄目
code-C0402 = 站羣的成員網站在頁腳配置裏沒有 ICP 備案號或公安備案號
    .fix = 在 `[extra] footer` 裏寫上本網站自己的備案號
code-C0403 = 站羣的成員網站與另一個成員網站的備案號或網站標識碼相同
    .fix = 改爲本網站自己的備案號，以備案證書爲準
code-C0404 = 稿件報送給了不是本網站上級的成員網站
    .fix = 改爲向 `"parent"` 或 `"province"` 報送，確實要報送給它的話可以不改
