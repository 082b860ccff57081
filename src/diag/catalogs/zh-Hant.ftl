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
summary = { $errors } 個錯誤，{ $warnings } 個警告，涉及 { $files } 個文件

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
stage-check-links = menhu check：鏈接和頁面
stage-check-inspection = menhu check：政府網站檢查項
stage-check-wording = menhu check：用詞


## build、serve、init、new、check 的狀態提示

build-done = 網站已生成：{ $pages } 篇稿件，{ $sections } 個欄目；寫出 { $written } 個文件，複製 { $copied } 個文件到 `{ $output }`，用時 { $took }
build-denied-warnings = 錯誤：網站有警告，而命令帶了 `--deny-warnings`；按上面的提示改好警告，或去掉這個選項
serve-listening = 預覽已啓動：在瀏覽器裏打開 { $address }/（按 Ctrl-C 停止）
serve-reachable = 警告：預覽綁定在 { $bind } 上，其他電腦也能打開；只在本機預覽時請去掉 `--bind`
serve-rebuilt = 已重新生成，用時 { $took }：渲染 { $rendered } 個頁面，{ $changed } 個有變化
serve-keeps-last-good = 改好以上問題之前，預覽繼續顯示上一次成功生成的網站
serve-port-in-use = 無法在 { $bind }:{ $port } 上啓動預覽：這個端口已被別的程序佔用
serve-cannot-listen = 無法在 { $bind }:{ $port } 上啓動預覽：{ $reason }
    .help = 換一個端口，如 `--port 1112`；或用 `--port 0` 讓系統挑一個空閒端口
serve-edit-local-only = `--edit` 和 `--bind { $bind }` 不能同時用：在線編輯會被其他電腦打開
    .help = 使用 `--edit` 時去掉 `--bind`（或寫 `--bind 127.0.0.1`）
serve-editor-listening = 在線編輯已啓動：在瀏覽器裏打開 { $address }/_menhu/edit/
serve-edit-commit-no-git = `--edit-commit`：這臺電腦沒有安裝 git，審覈結果無法提交
    .help = 安裝 git 並在網站文件夾裏運行 `git init`（或去掉 `--edit-commit`）
serve-edit-commit-no-repository = `--edit-commit`：網站文件夾不在 git 版本庫裏
init-wrote = 示例網站已寫入 `{ $folder }`（{ $count } 個文件）
init-wrote-ci = 已寫入 CI 流水線 `{ $file }`：請把 MENHU_URL 和 MENHU_SHA256 設爲要用的 menhu 版本，並添加 [deploy] 發佈目標（見 docs/operator-guide.md）
init-next = 下一步：cd { $folder } && menhu serve
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
config-unknown-key-in = `[{ $table }]` 裏有不認識的配置項 `{ $key }`
config-one-of = 以下之一：{ $keys }
config-did-you-mean = 是不是要寫 `{ $key }`？
config-none = `{ $folder }` 裏沒有 `site-config.toml`，也沒有 `config.toml`
    .expected = 網站根目錄裏有 `site-config.toml`（或 Zola 的 `config.toml`）
    .help = 新建 `site-config.toml`，至少寫上 `base_url` 和 `title`；或用 `--root` 指定網站目錄；或運行 `menhu init 目錄` 從示例網站開始
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
content-empty-title = 稿件的標題 `title` 是空的
    .help = 寫上標題，例如 `{ $example }`
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
content-chinese-key =
    .expected = 英文字段名，如 `{ $example }`
    .help = 字段名要用英文：`{ $example }`
content-not-a-table = 前置信息不是“字段 = 值”的形式
    .expected = 每行一個字段和值，如 `{ $example }`
content-wrong-value = `{ $key }` 的值不對：{ $found }
    .help = 按“應爲”改寫這個值；文字要放在英文雙引號裏
content-wrong-value-somewhere = 前置信息裏有值不對：{ $found }
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
    .clean-cache = 先刪除處理過的圖片緩存（`.menhu-cache/images/`），所有圖片重新處理
    .offline = 不聯網：`load_data(url=…)` 只用 `.menhu-cache/` 中已下載的數據，從未下載過的網址會報錯
cli-serve = 在內存中生成網站並啓動本機預覽
    .port = 預覽用的端口（0：任選一個空閒端口）
    .bind = 綁定的地址；只有改了它，其他電腦才能打開預覽
    .drafts = 也預覽草稿和發佈日期在將來的稿件
    .base-url = 鏈接裏用的網址，如用手機預覽時寫 `http://192.168.1.5:1111`（默認爲預覽地址，鏈接不會跳出預覽）
    .verbose = 每次生成後列出每篇沒有發佈的稿件，寫明文件和原因
    .offline = 不聯網：`load_data(url=…)` 只用 `.menhu-cache/` 中已下載的數據，從未下載過的網址會報錯
    .edit = 在本機另一個端口打開在線編輯：在瀏覽器裏改稿、加照片、送審；同時預覽草稿（相當於 `--drafts`）；只能在本機（127.0.0.1）使用
    .edit-commit = 與 `--edit` 一起用：審覈通過時把稿件（和審覈記錄）提交到網站的 git 版本庫，作者記爲審覈人
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
cli-deploy = 把生成好的網站發佈到 site-config.toml 中 `[deploy]` 的某個目標，只上傳上次發佈以來有變化的文件
    .target = 目標名稱，即 `[deploy.targets.名稱]`（默認爲 `[deploy] default`，或唯一的目標）
    .dry-run = 只列出會上傳和刪除的文件，什麼都不改
    .output = 要發佈的目錄（默認爲配置中的 `output_dir`，即 "public"）
    .verbose = 列出每個上傳和刪除的文件
    .format = `json`：在標準輸出上用一個 JSON 對象給出發佈記錄
cli-init = 把示例門戶網站寫入一個新目錄
    .dir = 要新建的目錄（不存在或是空的）
    .ci = 另外寫一個 CI 流水線：安裝指定版本的 menhu，生成、檢查併發佈網站（見 docs/operator-guide.md）
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
cli-error-missing = 錯誤：缺少 { $args }
cli-error-other = 錯誤：命令行寫得不對
cli-error-help = 運行 `menhu --help` 查看所有命令和選項

## menhu init、menhu new 和預覽的文件監視（E060x、E0702）

init-not-empty = `{ $folder }` 不是空目錄
    .help = 換一個新的目錄名，如 `menhu init my-portal`；init 從不覆蓋已有的文件
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
serve-no-site-folder = 找不到網站目錄：{ $reason }
serve-cannot-watch = 無法監視 `{ $folder }` 的變化：{ $reason }
    .help = 請管理員調高 Linux 的 inotify 上限：`sudo sysctl fs.inotify.max_user_watches=524288`

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
code-C0120 = 稿件裏還留着稿件模板的提示文字
    .fix = 換成稿件自己的內容，或刪去這一行
code-C0121 = `source`（來源）是空的
    .fix = 填上來源；本站自己的稿件可以刪去這一行
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
