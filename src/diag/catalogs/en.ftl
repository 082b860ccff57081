# menhu's messages in English. Every message here has the same id and the same
# placeholders in zh-Hans.ftl and zh-Hant.ftl (a test checks it). English is what
# `--format json` and `github` carry in `message`, so its wording is part of the
# machine-read output: change it only on purpose.

## The human rendering of a diagnostic

label-error = error
label-warning = warning
label-expected = expected
label-help = help
label-colon = {": "}
label-paren =
    .open = {" ("}
    .close = )
summary = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }{ $files ->
        [0] {""}
        [one] {" "}in 1 file
       *[other] {" "}in { $files } files
    }

## docs/diagnostics.md

doc-title = Diagnostic codes
doc-intro = Every problem menhu reports has a stable code. This page is generated from the registry in `src/diag/registry.rs` and the message catalogs (`cargo test --lib diagnostics_docs` checks it; `MENHU_UPDATE_DOCS=1` rewrites it). Errors stop the build (exit code 1); warnings are reported and the build goes on. An error on a page scheduled for later is reported as a warning, with the same code, until the page is due.
doc-code = Code
doc-severity = Severity
doc-trigger = What triggers it
doc-fix = Fix
stage-internal = Internal
stage-config = Configuration (site-config.toml)
stage-content = Content files and front matter
stage-portal = Site structure: places, URLs, organizations, series, menus
stage-templates = Templates and theme
stage-output = Output
stage-scaffold = menhu init and menhu new
stage-serve = Preview (menhu serve)
stage-deploy = Deploy (menhu deploy)
stage-network = Networks (站群: network.toml, build --network)
stage-check-links = menhu check: links and pages
stage-check-inspection = menhu check: government-website inspection rules
stage-check-wording = menhu check: wording


## Status lines of build, serve, init, new and check

build-done = built { $pages } pages, { $sections } sections: { $written } files written, { $copied } copied to `{ $output }` in { $took }
build-cache-other-menhu = the build cache `{ $folder }` was made by another menhu (another version, or another build of it); this build makes everything anew
    .help = nothing to do: this build saves a new cache for the next one
build-cache-other-config = the build cache `{ $folder }` was made with another configuration; this build makes everything anew
    .help = nothing to do: this build saves a new cache for the next one
build-cache-damage-link = a link stands in its place
build-cache-damage-index-not-file = { $index } is not a file
build-cache-damage-index-too-large = { $index } is too large
build-cache-damage-index-unreadable = { $index } cannot be read
build-cache-damage-index-invalid = { $index } is not an index menhu wrote: { $detail }
build-cache-damage-no-header = { $index } has no header
build-cache-damage-output-missing = the copy of { $path } is missing or has another size
build-cache-damage-blob = { $file } is damaged
build-cache-search-damaged = the search terms `{ $file }` of the build cache `{ $folder }` are damaged; this build makes the search index from every page anew
    .help = nothing to do: this build saves them anew for the next one; if it happens every time, delete the folder
build-cache-damaged = the build cache `{ $folder }` is damaged ({ $reason }); this build makes everything anew
    .help = nothing to do: this build saves a new cache for the next one; if it happens every time, delete the folder
build-cache-in-output = the build cache `{ $folder }` lies in the output folder, which a build replaces; this build makes everything anew without it
    .help = give `--cache` a folder outside the output folder, e.g. `.menhu-cache/build`
build-cache-unsaved = the build cache `{ $folder }` could not be saved: { $reason }
    .help = the site is built; check the free disk space and the folder's permissions, or delete the folder
build-cache-in-the-way = the build cache `{ $folder }` could not be saved: `{ $path }` is a file or a link where the cache keeps a folder
    .help = the site is built; delete or rename `{ $path }`, and the next build makes the cache again
build-cache-reuse = build cache: { $rendered } pages and lists rendered, { $reused } taken from the cache; the Markdown of { $markdown ->
        [one] 1 page
       *[other] { $markdown } pages
    } rendered again
build-cache-search-terms = search index: { $made ->
        [one] 1 page
       *[other] { $made } pages
    } tokenised, the terms of { $reused ->
        [one] 1 page
       *[other] { $reused } pages
    } taken from the cache
build-denied-warnings = error: the build has warnings and `--deny-warnings` was given
serve-listening = serving the site at { $address }/ (press Ctrl-C to stop)
serve-reachable = warning: serving on { $bind } makes the preview reachable from other machines
serve-rebuilt = rebuilt in { $took }: { $rendered } outputs rendered, { $changed } changed
serve-not-built-title = The site has not been built yet
serve-not-built-text = The site has errors, so there is nothing to preview yet. Each file, line and fix is shown in the box over this page and in the window running menhu serve. Once they are fixed and saved, this page reloads by itself.
serve-not-built-yet = the site could not be built, so the preview shows a notice for now: it is built again as soon as the problems above are fixed and saved
serve-keeps-last-good = the preview keeps showing the last good build until this is fixed
serve-port-in-use = cannot listen on { $bind }:{ $port }: the port is already in use by another program
serve-cannot-listen = cannot listen on { $bind }:{ $port }: { $reason }
    .help = pick another port with `--port 1112`, or `--port 0` for any free port
    .bind-help = `{ $bind }` is no address of this computer: leave `--bind` out to preview here only, write `--bind 0.0.0.0` to let other computers open the address printed, or give one of this computer's own addresses (`ip addr`, `ipconfig`)
serve-edit-local-only = `--edit` with `--bind { $bind }`: the online editor would be open to other machines
    .help = leave out `--bind` (or use `--bind 127.0.0.1`) together with `--edit`
serve-editor-listening = online editor (在线编辑) at { $address }/_menhu/edit/
serve-edit-commit-no-git = `--edit-commit`: git is not installed on this machine, so approvals cannot be committed
    .help = install git and run `git init` in the site's folder (or leave out `--edit-commit`)
serve-edit-commit-no-repository = `--edit-commit`: the site's folder is not in a git repository
init-wrote = wrote the demo portal ({ $count } files) to `{ $folder }`
init-dates-moved = the demo's news is dated up to today: its dates were moved { $days } days forward (file names keep the day each was written)
init-wrote-ci = wrote the CI pipeline `{ $file }`: set MENHU_URL and MENHU_SHA256 to the menhu release to use, and add a [deploy] target (docs/operator-guide.md)
init-next = next: cd { $folder } && menhu serve
init-wrote-network = wrote the demo network ({ $sites } sites, { $count } files) to `{ $folder }`
init-wrote-network-ci = wrote the sharded CI pipeline `{ $file }`: set MENHU_URL and MENHU_SHA256 to the menhu release to use (docs/network.md)
init-next-network = next: cd { $folder } && menhu serve --network
new-guidance-file =
    New page: { $file }
    Next: open this file, fill in the author, source and responsible editor, write the text, then run `menhu serve` to preview it.
    For photos or attachments, make a page folder instead: `menhu new SECTION "TITLE" --bundle`.
new-guidance-bundle =
    New page folder: { $folder }/
    Write the text in { $index }.
    Put photos and attachments (PDF, Word, Excel) in this folder, beside index.md:
      in the text, write only the file name, with a description in the brackets, e.g. ![调研现场](xianchang.jpg)
      attachments go in the front matter, e.g. attachments = [{"{"} path = "tongzhi.pdf", title = "通知全文" {"}"}]
    Then run `menhu serve` to preview it.
check-no-problems = no problems found
check-waiting-for-review = 「{ $title }」 is waiting for review (待审)
    .help = a reviewer approves it (or returns it with a comment) in `menhu serve --edit`; approving removes `status` and `draft` from its front matter
check-report-unwritable = error: cannot write the report `{ $file }`: { $reason }

## Configuration: site-config.toml (E01xx, W01xx)

config-zola-only = `{ $key }` is a Zola setting menhu does not use; it is ignored
    .help = remove it once the site no longer needs to build with Zola
config-unknown-key = unknown key `{ $key }`
    .help = remove it
    .help-top = remove it, or move values of your own under `[extra]`
    .help-move-up = `{ $key }` belongs at the top of the file, above the first `[…]` header: a line below a header is part of that table (here `[{ $table }]`), so move this line up
config-unknown-key-in = unknown key `{ $key }` in `[{ $table }]`
config-one-of = one of { $keys }
config-did-you-mean = did you mean `{ $key }`?
config-none = no `site-config.toml` or `config.toml` in `{ $folder }`
    .expected = a `site-config.toml` at the site root, or a Zola `config.toml`
    .help = create `site-config.toml` with at least `base_url` and `title`, pass the site folder with `--root`, or run `menhu init DIR` to start from the demo portal
    .inside-site = this folder is inside the site `{ $site }`: run menhu in that folder, or pass it with `--root`
config-follow-symlinks-unusable = `follow_symlinks` entry `{ $entry }` cannot be used: { $reason }
    .help = name an existing folder, absolute or relative to the site root, or remove the entry
config-unreadable = cannot read `{ $file }`: { $reason }
    .help = check the file's permissions
    .help-encoding = the file is not UTF-8; re-save it as UTF-8, e.g. `iconv -f GB18030 -t UTF-8 { $file } > { $file }.utf8` and rename it
config-invalid-toml = invalid TOML: { $reason }
    .help = see https://toml.io for the syntax; strings need double quotes, e.g. `title = "某某市科协"`
config-wrong-value = wrong value for `{ $key }`: { $found }
config-unknown-timezone = unknown time zone 「{ $name }」
    .expected = an IANA time zone name, e.g. `timezone = "Asia/Shanghai"`
    .help-near = did you mean `timezone = "{ $near }"`?
    .help = use the name of the zone database (https://en.wikipedia.org/wiki/List_of_tz_database_time_zones), or remove the line for the default
config-no-base-url = missing `base_url`
    .expected = the site's absolute address, e.g. `https://www.example.org.cn`
    .help = add a line at the top of the file: `{ $example }`
config-bad-base-url = `base_url` 「{ $url }」 is not an absolute http(s) URL
    .expected = an address starting with `https://` or `http://`, e.g. `https://www.example.org.cn`
    .help = write the full address: `{ $example }`
config-zero-per-page = `{ $key }` is 0
    .expected = a number of items per page of at least 1, e.g. `20`
    .help = set `{ $key } = 20`, or remove it to show everything on one page
config-taxonomy-empty-name = taxonomy with an empty `name`
    .expected = a name such as `tags` or `cities`
    .help = give the taxonomy a name, e.g. `{"{"} name = "tags" {"}"}`
config-taxonomy-twice = taxonomy 「{ $name }」 is declared twice
    .help = remove this one; the first is on line { $line }
config-taxonomy-no-name = taxonomy without a `name`
    .expected = every entry of `taxonomies` to have a name, e.g. `{"{"} name = "tags" {"}"}`
    .help = add `name = "…"` to the entry
config-inline-highlighting = `style = "inline"` in `[markdown.highlighting]` is rendered with CSS classes
    .help = menhu always highlights with CSS classes; the theme's stylesheet gives the colours
config-keep-location-alone = `images.keep_location` has no effect without `keep_exif = true`
    .help = the location is part of the camera metadata: add `keep_exif = true` to `[images]` to keep both, or remove `keep_location`
config-images-no-widths = `images.widths` is empty
    .expected = the widths of the responsive copies, e.g. `widths = [480, 960, 1600]`
    .help = list at least one width, or remove `widths` for the default [480, 960, 1600]
config-images-out-of-range = `images.{ $key }` is { $value }
    .help = change `{ $key }` in `[images]`, or remove it for the default
config-images-at-least = a number of at least { $min }, e.g. `{ $example }`
config-images-between = a number from { $min } to { $max }, e.g. `{ $example }`
config-not-a-segment = `{ $key }` 「{ $value }」 is not a URL segment
    .expected = ASCII letters, digits, `-` or `_`, e.g. `cities` or `diqu`
    .help = set `{ $key }` to one word such as `{ $default }`
config-entry-lacks = an entry of `{ $table }` lacks { $keys }
    .expected =
        both keys in every entry, e.g.
        { $example }
    .help = add { $keys } to the entry, or remove it

## Content: files and front matter (E020x, W020x)

config-check-concurrency-zero = `check.external.concurrency` is 0
    .expected = a number of requests at once, e.g. `concurrency = 8`
    .help = use at least 1
config-check-as-of = `check.as_of` is not a date: 「{ $value }」
    .expected = a date like "2026-05-01"
    .help = write the date as YYYY-MM-DD, or remove the line to measure from today
config-check-column-no-section = a `[[check.columns]]` entry has no `section`
    .expected = the section folder under `content/`, e.g. `section = "news/tzgg"`
    .help = add `section = "…"` to the entry
config-check-column-type = unknown column type `{ $value }`
    .expected = one of `news`, `notice`, `other`, `exempt`
    .help = `news` for 动态/要闻 (14 days), `notice` for 通知公告/政策文件 (180 days)
config-check-wording-no-right = a `[[check.wording]]` entry has no `right` form
    .expected = `right = "正确写法"` and `wrong = ["常见错误写法"]`
    .help = add the right form of the name or term
config-check-forbidden-no-term = a `[[check.forbidden]]` entry has no `term`
    .expected = `term = "过时的说法"`, optionally `instead = "现行说法"`
    .help = add the term to look for
wording-file-other-key = `{ $key }` cannot be in `{ $file }`: the file holds wording rules only
    .expected = `[[check.wording]]` and `[[check.forbidden]]` entries, as in site-config.toml
    .help = move the setting to site-config.toml, or remove it
content-expected-utf8 = a file encoded as UTF-8
content-utf16 = file is UTF-16, not UTF-8
content-gb18030 = file is encoded as GBK/GB18030, not UTF-8
content-resave = re-save it as UTF-8, e.g. `iconv -f { $from } -t UTF-8 { $file } > x.md && mv x.md { $file }`, or in your editor choose 「UTF-8」 encoding
content-invalid-utf8 = file is not valid UTF-8: byte { $byte } cannot start or continue a character
    .help = the file may be damaged or saved in another encoding; re-save it as UTF-8 in your editor
content-nul = file contains a NUL byte: it is binary or corrupted
    .expected = a Markdown text file
    .help = if this is not a Markdown page, give it another extension than `.md`; otherwise restore it from a good copy
content-unclosed = front matter opened with `{ $fence }` is never closed
    .expected = a line with only `{ $fence }` after the front matter
    .help = add a closing `{ $fence }` line after the front matter; if the page has no front matter and starts with a horizontal rule, add the front matter first
content-bad-date = invalid date 「{ $value }」 for `{ $key }`
    .expected = a date like 2024-05-01 or 2024-05-01T09:30:00+08:00
    .help = write a real calendar date such as 2024-05-01; add a time as 2024-05-01T09:30:00+08:00
    .help-corrected = write `{ $fixed }`: four digits for the year, two each for month and day, joined by `-`
content-empty-title = page `title` is empty
    .help = write the title, e.g. `{ $example }`
content-photo-without-cover = `photo = true`, but the page has no `cover`: it is left out of the photo news (图片新闻)
    .help = add `cover = "photo.jpg"` naming the photo to show, a file beside the page (and `cover_alt` saying what it shows); or remove `photo = true`
content-no-title = page has no `title`
    .expected = a page title
    .help = add `{ $example }` to the front matter
    .help-no-front-matter = add front matter at the top of the file: a line `+++`, then `title = "…"`, then `+++`
content-use-one-of = use one of { $values }
content-unknown-value = unknown value 「{ $value }」 for `{ $key }`
content-bad-syntax = invalid { $format } in front matter: { $reason }
    .expected-toml = TOML lines like `title = "…"`, text in double quotes
    .expected-yaml = YAML lines like `title: …`, one key per line
    .help = check the quotes, brackets and `=`/`:` on this line and the one before
content-wide-mark = invalid { $format } in front matter: a full-width 「{ $mark }」 follows the key
    .help = put an ASCII `{ $sign }` between key and value: `{ $fixed }`
content-chinese-quotes = invalid { $format } in front matter: the text is between Chinese quotes “”
    .help = put text between ASCII double quotes: `{ $fixed }`
content-inner-quotes = invalid { $format } in front matter: an ASCII double quote `"` inside the text ends it early
    .help = use Chinese quotes “” inside the text: `{ $fixed }`
toml-reason-unquoted = text is not between double quotes
toml-reason-unclosed-string = a quote is not closed
toml-reason-duplicate-key = a key is written twice
toml-reason-unclosed-array = a `[` has no `]`
toml-reason-missing-comma = a comma `,` is missing between two items in brackets
toml-reason-unclosed-table = the line starting with `[` has no `]`
toml-reason-no-value = the key has no `=` and value after it
toml-reason-more-on-line = there is more after the value (one key per line)
toml-reason-bad-key = a key is made of ASCII letters, digits, `_` and `-`
yaml-reason-tab = a tab indents a line, and YAML takes spaces only
yaml-reason-unclosed = a quote or bracket is not closed before the front matter ends
yaml-reason-colon-in-text = the text holds a colon `: `; put the whole text between double quotes
yaml-reason-unclosed-list = a `[` has no `]`, or a comma `,` is missing between two items
yaml-reason-bad-start = the text starts with a sign YAML reads as markup; put the whole text between double quotes
content-misnamed-page = 「{ $name }」 does not end in `.md`: it is not read as a page, nor published
    .help = a page's name ends in lowercase `.md`: rename it 「{ $right }」 (in Notepad's Save As, choose “All files” as the type)
content-chinese-key =
    .expected = an English key, like `{ $example }`
    .help = write the key in English: `{ $example }`
content-not-a-table = front matter is not a list of keys and values
    .expected = one key and value per line, like `{ $example }`
content-wrong-value = wrong value for `{ $key }`: { $found }
    .help = change the value to the expected kind; text goes in double quotes
    .help-flag = write `true` for yes and `false` for no, without quotes: `{ $fixed }`
content-wrong-value-somewhere = wrong value in front matter: { $found }
content-expected-flag = `true` or `false`, without quotes
content-expected-pin = `true`, `false` or a whole number such as 1 (first)
content-expected-whole-number = a whole number, like { $example }
content-expected-count = a whole number from 0 up, like { $example }
content-expected-list = a list of text values, like ["科普", "青少年"], or one text with 顿号 between them
content-expected-attachments = a list of file names or tables, like ["a.pdf", {"{"} path = "b.docx", title = "报名表" {"}"}]
content-expected-taxonomies = a table of lists, like `[taxonomies]` then `tags = ["科普"]`
content-expected-extra = a table of values, like `[extra]` then `key = "value"`
content-expected-text-or-number = text or a number
content-expected-text = text, like "科技活动周"
content-found-text = found string "{ $value }"
content-found-number = found integer `{ $value }`
content-found-flag = found boolean `{ $value }`
content-found-list = found a list
content-found-table = found a table
content-more-unknown-keys = { $count } more unknown front-matter keys
    .help = fix the keys above first; unknown keys are ignored
content-unknown-key = unknown front-matter key `{ $key }`
    .help = menhu ignores it; to keep it for templates, move it under `[extra]`
    .help-yaml = menhu ignores it; to keep it for templates, move it under `extra:`
    .help-here = menhu ignores it; the keys here are { $keys }
content-unknown-key-in = unknown key `{ $key }` in `{ $table }`

content-no-folder = the site has no `content/` folder
    .help = create `content/_index.md`, or start from the demo with `menhu init DIR`
content-bad-ignore-pattern = invalid pattern `{ $pattern }` in `ignored_content`: { $reason }
    .help = use glob syntax such as `*.docx` or `drafts/**`
content-name-not-unicode = file name is not valid Unicode and cannot become a URL
    .help = rename the file using UTF-8 characters
content-link-loop = symbolic link loop: this folder links back to one of its parents
content-permission-denied = cannot read: permission denied
content-cannot-read = cannot read: { $reason }
    .help = fix the file's permissions or remove the link; the rest of the site was still read

## Markdown: links, images, shortcodes (E0210–E0212, W0202, W0203)

markdown-more-problems = { $count } more problems in this page not shown (the first { $shown } are)
    .help = fix the problems shown, then build again to see the rest
markdown-broken-link = internal link `{ $link }` points to no page
    .help = write internal links as `@/` followed by the file's path under `content/`, e.g. `@/news/2024-05-01-x.md`, `@/news/_index.md` for a section, or `@/news/x.md#anchor`; check the file name and folder
markdown-unlinked-image = image 「{ $path }」 is shown as text: its file name has a space
markdown-unlinked-link = link to 「{ $path }」 is shown as text: its path has a space
markdown-unlinked =
    .help = put the path between `<` and `>`: `{ $bracketed }`, or rename the file without spaces, e.g. `{ $renamed }`
markdown-unknown-shortcode = unknown shortcode `{ $name }`
    .help = add a template `templates/shortcodes/{ $name }.html` (or `.md`), or check the name's spelling; to show the text itself write it as `{"{{"}/* name() */{"}}"}`
markdown-no-alt = image `{ $src }` has no alt text
    .help = describe the image for visitors who cannot see it: `![梧州市科协调研现场](photo.jpg)`
markdown-own-computer-image = image `{ $src }` is a file on the writer's own computer (as pasted from Word): no reader can see it
    .help = put the picture beside the page (in the online editor: drag it into the text) and write `![说明](photo.jpg)` instead
markdown-own-computer-link = link `{ $href }` goes to a file on the writer's own computer (as Word pastes links): no reader can open it
    .help = put the file beside the page (in the online editor, with the toolbar's upload button) and link to it by name: `[报名表](baoming-biao.docx)`
markdown-indented-prose = this paragraph starts with a tab or spaces and is shown as code (typewriter font, lines not wrapped): 「{ $start }」
    .help = remove the tab or spaces before it, the page indents paragraphs itself; in a list, indent a paragraph as far as the item's text above
markdown-table-row-too-long = this table row has { $cells } cells, more than its header: 「{ $text }」 is not shown on the page
    .help = the header has { $columns } cells and every row needs as many: add the column's name to the header, or move the text into a cell before it; in a table copied from Word, split merged cells so each is in its own column

## The command line: help texts and usage errors (src/cli/help.rs)

cli = A static site generator for the web portals of Chinese public associations (门户)
    .root = The site's root folder (where site-config.toml is)
    .lang = The language of messages: zh-Hans, zh-Hant or en (default: `MENHU_LANG`, else the site's `default_language`, else the system's `LANG`, else en)
    .help = Print help
    .version = Print version
    .after-help = Exit codes: 0 success, 1 the site has errors (each printed with file, line and fix), 2 bad command line.
cli-build = Build the site into the output folder (replaced atomically)
    .output = Output folder (default: the config's `output_dir`, "public")
    .drafts = Include drafts and pages dated in the future
    .base-url = Use this base URL instead of the config's
    .force = Allow an output folder outside the site
    .timings = Print the time each stage took and the peak memory
    .verbose = List every page not published, with its file and the reason
    .format = `json`: print the build's account on stdout (published count, every page not published with its reason and date, next scheduled time, files, bytes, seconds)
    .quiet = Print only problems: no "built …" line, no account of unpublished pages
    .deny-warnings = Exit with 1 when the build has warnings (the output is still written)
    .clean-cache = Delete the caches first (processed images in `.menhu-cache/images/`, and the build cache), so everything is made again
    .cache = Reuse and refresh a build cache in DIR (default `.menhu-cache/build`): only pages whose inputs changed are rendered again (docs/cache.md)
    .offline = No network: `load_data(url=…)` answers from `.menhu-cache/` only, and is an error for an address not fetched before
    .network = Build every member site of the network (`network.toml` in `--root` or a folder above it), each into `<output>/<name>/`
    .site = Build this member site of the network (may be given more than once), into `<output>/<name>/`
    .shard = With `--network`: build only shard I of N (`--shard 2/4`, for N CI machines) and write its manifest `.menhu-shard-I-of-N.json`
cli-serve = Build the site in memory and serve it for preview
    .port = Port to listen on (0: any free port)
    .bind = Address to bind; other machines can reach the preview only if you change it
    .drafts = Include drafts and pages dated in the future
    .base-url = Base URL used in links, e.g. `http://192.168.1.5:1111` to preview from a phone (default: the address served, so links stay on the preview)
    .verbose = List every page not published after each build, with its file and reason
    .offline = No network: `load_data(url=…)` answers from `.menhu-cache/` only, and is an error for an address not fetched before
    .edit = Open the online editor (在线编辑) on a second local port: edit pages, add photos and send them for review in the browser; implies `--drafts`; only on this machine (127.0.0.1)
    .edit-commit = With `--edit`: approving a page commits it (and its review notes) to the site's git repository, with the reviewer's name as author
    .network = Preview every member site of the network (network.toml in `--root`) on one port, with a site picker
cli-new = Create a new page: content/SECTION/YYYY-MM-DD-<pinyin-of-title>.md
    .section = Section folder under content/, e.g. `news`
    .title = The page's title, e.g. "汇聚四长资源"
    .bundle = Make a folder with `index.md` instead, so photos and attachments go beside it: content/SECTION/YYYY-MM-DD-<pinyin>/index.md
cli-check = Check links, content, the government-website inspection rules and wording
    .external = Also request external links (needs the network)
    .format = How problems are printed: `human` (stderr), `json` or `github` (stdout)
    .report = Also write a self-contained HTML summary of the inspection to this file
    .today = Measure staleness from this day (YYYY-MM-DD) instead of today
    .deny-warnings = Fail (exit code 1) on warnings too
    .drafts = Include drafts and pages dated in the future
    .offline = No network for `load_data(url=…)`: answers come from `.menhu-cache/` only
    .network = Check every member site of the network (network.toml in `--root`), reporting per site, and the network's own rules
cli-deploy = Publish the built site to a target of `[deploy]` in site-config.toml, uploading only what changed since the last deploy
    .target = The target's name, under `[deploy.targets.NAME]` (default: `[deploy] default`, or the only target)
    .dry-run = List what would be uploaded and deleted; change nothing
    .output = The built folder to publish (default: the config's `output_dir`, "public")
    .verbose = List every file uploaded and deleted
    .format = `json`: print what was done on stdout as one JSON object
cli-init = Write the demo portal into a new folder
    .dir = Folder to create (must be missing or empty)
    .ci = Also write a CI pipeline that installs a pinned menhu release, builds, audits and deploys (docs/operator-guide.md)
    .network = Write the demo network instead: a province site and three city sites sharing one theme, with network.toml (docs/network.md); `--ci` then writes the sharded pipeline (github or gitlab)
cli-help = Print this message or the help of the given subcommand(s)
cli-heading =
    .commands = Commands
    .options = Options
    .arguments = Arguments
    .template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
        {"{"}usage-heading{"}"} {"{"}usage{"}"}

        {"{"}all-args{"}"}{"{"}after-help{"}"}
cli-error-unknown-argument = error: unexpected argument `{ $arg }`
cli-error-unknown-command = error: unknown command `{ $command }`
cli-error-invalid-value = error: invalid value 「{ $value }」 for `{ $arg }`
cli-error-now = error: `--now` (or the variable `MENHU_NOW`) is 「{ $value }」, which is no moment: write an instant with its offset, like 2026-12-06T08:09:00Z or 2026-12-06T16:09:00+08:00
cli-error-valid-values = the values it takes: { $values }
cli-error-missing = error: missing { $args }
cli-error-other = error: the command line is not valid
cli-error-help = run `menhu --help` for the commands and their options

## menhu init, menhu new and the preview's watcher (E060x, E0702)

init-not-empty = `{ $folder }` is not empty
    .help = choose a new folder name, e.g. `menhu init my-portal`; init never overwrites files
init-network-ci-unsupported = menhu has no sharded network pipeline for Gitee Go
    .help = use `--ci github` or `--ci gitlab`, or leave out `--ci` and write the pipeline by hand from docs/network.md
scaffold-cannot-read = cannot read `{ $path }`: { $reason }
scaffold-cannot-create = cannot create `{ $path }`: { $reason }
scaffold-cannot-write = cannot write `{ $path }`: { $reason }
    .help = check the folder's permissions and the free disk space
new-not-a-section = `{ $section }` is not a section name
    .help = name a folder of `content/`, e.g. `menhu new news "标题"`
new-no-file-name = cannot make a file name from the title 「{ $title }」
    .help = use a title with Chinese characters, letters or digits
new-exists = `{ $file }` already exists
    .help = edit that page, or choose another title
new-no-section = there is no section `{ $section }` in `content/`
    .expected = one of: { $sections }
    .help = create `content/{ $section }/_index.md` first
serve-refused-host = forbidden: this preview answers only to its own address, such as { $address }
    .named = forbidden: this preview answers only to its own address, such as { $address }; to open it as `{ $host }`, start it with `--base-url http://{ $host }:{ $port }`
serve-refused-one-host = bad request: one Host header is required
serve-refused-target-long = request target too long
serve-refused-headers-large = request header fields too large
serve-refused-method = method not allowed: the preview only answers GET and HEAD
serve-refused-lengths = bad request: conflicting message lengths
preview-scheduled-title = Not yet published: { $title } (local preview)
preview-scheduled-note = A note of the local preview (menhu serve): this page never appears on the published site
preview-scheduled-heading = This page is scheduled for { $due }
preview-scheduled-why = “{ $title }” is not due yet, so it is not published: until then this address answers “page not found” (404) on the published site. The first build (<code>menhu build</code>) after that time publishes it.
preview-scheduled-file = Page file: <code>{ $file }</code>
preview-scheduled-fix = To read it in the preview now, run <code>menhu serve --drafts</code>; to publish it earlier, set <code>date</code> in its front matter to now or earlier.
preview-expired-banner = Local preview note: this page expired on { $at } (<code>expires</code>). The published site still serves it at its address, but it is no longer in any list, feed or search.
serve-no-site-folder = cannot find the site folder: { $reason }
serve-cannot-watch = cannot watch `{ $folder }` for changes: { $reason }
    .help = on Linux, raise the inotify limit: `sudo sysctl fs.inotify.max_user_watches=524288`
serve-network-listening = serving the network { $network } ({ $count } sites) at { $address }/: choose a site there; each site is under its own path (press Ctrl-C to stop)
serve-network-rebuilt = rebuilt { $sites } of { $count } sites in { $took }: { $changed } outputs changed
serve-picker-title = { $network }: preview of { $count } sites
serve-picker-intro = Choose a site to preview. Pages you keep open reload by themselves when a file changes, in every site it appears in.
serve-picker-region = Region
serve-picker-name = Site name
serve-picker-folder = Folder
serve-picker-failed = The last build failed: the errors are shown in the terminal and on the site's pages.
serve-picker-no-site = No member site has this address
serve-picker-back = Back to the sites of { $network }

## Addresses in front matter, tables and menus (E0110, E0213)

address-bad-scheme = `{ $key }` 「{ $value }」 is an address of the `{ $scheme }:` kind, which pages may not link to
    .expected = a path such as `/about/` or `files/a.pdf`, or an address starting with `https://`, `http://`, `mailto:` or `tel:`
    .help = write a path on the site or a web address such as `https://www.example.org.cn/`
address-not-site-path = `{ $key }` 「{ $value }」 is not a path on this site: it starts with the scheme `{ $scheme }:`
    .expected = a path such as `/news/2024/` or a word such as `kexie-dahui`
    .help = remove `{ $scheme }:` and what belongs to it; to send visitors to another site, link to it in the text

## Shortcode calls (E0212)

shortcode-too-deep = shortcode `{ $name }` is nested more than { $depth } deep
    .help = a shortcode's Markdown output calls shortcodes again; make sure it does not call itself
shortcode-too-much = shortcode `{ $name }` not expanded: the page's shortcodes produce too much output
    .help = a page may call at most { $calls } shortcodes producing at most 64 MiB
shortcode-failed = shortcode `{ $name }` failed: { $reason }
shortcode-bad-args = bad arguments in shortcode `{ $name }`: { $reason }
    .help = write arguments as `key=value` separated by commas, e.g. `name(id="x", n=3, on=true, list=[1, "a"])`
shortcode-unclosed = shortcode `{ $name }` is not closed with `{ $close }`
    .help = end the shortcode with `{ $close }`
shortcode-no-end = block shortcode `{ $name }` has no `{"{"}% end %{"}"}`
    .help = close the block with `{"{"}% end %{"}"}` on its own line after the body
shortcode-args-unclosed = the argument list is not closed with `)`
shortcode-args-no-name = expected an argument name, found `{ $found }`
shortcode-args-no-equals = expected `=` after `{ $key }`
shortcode-args-after = { $reason } after `{ $key }=`
shortcode-args-no-comma = expected `,` or `)` after the value of `{ $key }`
shortcode-args-too-deep = lists nested more than { $depth } deep
shortcode-args-no-value = expected a value (a string in quotes, a number, true, false or a [list])
shortcode-args-unclosed-string = a string is not closed with { $quote }
shortcode-args-not-a-number = 「{ $value }」 is not a number
shortcode-args-list-comma = expected `,` or `]` in a list

## Files reached outside the site (E0214)

escape-link = symbolic link `{ $path }` points
escape-path = `{ $path }` leads
escape-outside = { $what } outside the site, to { $to }
    .expected = files and folders inside the site
    .help = replace the link with a copy of what it points to; if the site must read that folder, list it in `follow_symlinks` in the config
escape-hidden = { $what } into a hidden folder of the site, to { $to }
    .help = menhu never reads hidden folders such as `.git` through a link; copy the file instead
escape-unresolved = { $what } nowhere menhu can read: { $reason }
    .help = fix or remove the link

## Directory tables: `[[directories]]` (E0220–E0223)

directory-no-section = directory section `{ $section }` does not exist
    .expected = a folder `content/{ $section }/` with an `_index.md`
    .help = create `content/{ $section }/_index.md` with `kind = "orgs"`, or set `section` in this `[[directories]]` entry
directory-row-replaces = row { $line } would replace the page `{ $page }`
    .help = give the row a different `slug` column, or rename the Markdown page
directory-unreadable = cannot read directory table `{ $file }`: { $reason }
    .help = check `file` in `[[directories]]`; paths are relative to the site root
directory-not-a-table = not a `.csv` or `.toml` file
    .help = name the table `….csv` (a header row, then one organization per row) or `….toml` (`[[orgs]]` entries)
directory-bad-csv = bad CSV row: { $reason }
    .help = every row needs as many columns as the header; quote values that contain commas: "南宁市青秀区，示范路 1 号"
directory-unknown-column = row { $line }: unknown column 「{ $name }」
    .expected = columns among { $columns }
    .help = rename the column, or remove it
directory-invalid-toml =
    .help = write one `[[orgs]]` table per organization, e.g. `[[orgs]]\ntitle = "藤县科协"`
directory-no-orgs = no `[[orgs]]` entries in the table
    .help = write one `[[orgs]]` table per organization
directory-no-title = has no `title`
    .expected = the organization's full name, e.g. 藤县科学技术协会
directory-members-not-a-number = column `members` 「{ $value }」 is not a number
    .expected = a whole number of members, e.g. 120
directory-bad-row = bad row
directory-bad-cell = row { $line }: { $what }
    .help = fix column `{ $column }` of row { $line } in `{ $file }`

## Images (E0250–E0255)

image-unreadable = cannot read image `{ $file }`: { $reason }
    .expected = an image file inside the site
    .help = check that the file exists and is readable, and that it is not a link to a file outside the site
image-unsupported = `{ $file }` is not an image menhu can read: { $reason }
    .expected = a JPEG, PNG, WebP or GIF image
    .help = save the picture as JPEG (photos) or PNG (drawings, screenshots) and use that file
image-damaged = image `{ $file }` is damaged: { $reason }
    .expected = an image file that opens in an image viewer
    .help = open the picture in an image editor and save it again as JPEG or PNG, or copy it again from its source
image-too-large = image `{ $file }` is too large: { $reason }
    .expected = a photo of at most 100 megapixels and 100 MB
    .help = reduce the picture in an image editor (a width of 2500 pixels is plenty for the web) and save it again
image-bad-request = cannot resize `{ $file }`: { $reason }
    .expected = a width and height from 1 to 10000 pixels, as the operation needs them
    .help = fix the arguments of `resize_image` in the template
image-cache = cannot store the copy of `{ $file }`: { $reason }
    .expected = a writable `.menhu-cache/images` folder in the site
    .help = check the free disk space and the permissions of `.menhu-cache/`, or delete that folder with `menhu build --clean-cache`
image-cache-not-deleted = cannot delete the image cache `{ $folder }`: { $reason }
    .help = delete the folder by hand, or build without `--clean-cache`
image-detail-site-folder = the site folder: { $reason }
image-detail-outside = it lies outside the site
image-detail-not-a-file = it is not a file
image-detail-bytes = { $size } bytes, over the limit of { $limit }
image-detail-not-an-image = its first bytes are not those of a JPEG, PNG, WebP or GIF image
image-detail-pixels = { $width } × { $height } pixels, over the limit of { $limit } megapixels
image-detail-zero-size = it claims a size of { $width } × { $height } pixels
image-detail-limits = { $reason } (at most { $side } pixels a side and { $limit } megapixels)
image-detail-ends-early = the file ends early or cannot be read ({ $reason })
image-detail-encoding = encoding { $format }: { $reason }
image-detail-changed = the file changed while the site was being built; build again
image-detail-copy-side = a copy of { $side } pixels a side was asked for; at most { $limit }
image-detail-copy-size = `{ $operation }` makes a copy of { $width } × { $height } pixels; at most { $limit } a side
image-detail-quality = quality { $quality } is not from 1 to 100

## The site's structure: places, URLs, attachments, organizations, series, menus (E03xx, W03xx)

list-or = { $first } or { $rest }
list-and = { $first }, { $rest }
attachment-missing = attachment `{ $path }` not found beside the page
    .expected = a file in the page's own folder (a page bundle: `news/x/index.md` with `news/x/file.pdf`)
    .help = put the file next to `index.md`, turning the page into a folder if needed, or fix the name
place-ambiguous-region = ambiguous region 「{ $name }」: { $count } places have this name
place-ambiguous-city = ambiguous city 「{ $name }」: { $count } places have this name
place-ambiguous =
    .expected = a name that only one division has
    .help = write the full name of the one you mean: { $choices }; or set `default_province` in `[regions]` of the site config
place-unknown-region = unknown region 「{ $name }」
place-unknown-city = unknown city 「{ $name }」
place-unknown =
    .expected = a province, city or county in the administrative-division registry, e.g. 「梧州」 or 「广西壮族自治区梧州市藤县」
    .help = check the spelling, or declare the place in `[[regions.custom]]` of the site config
place-did-you-mean = did you mean { $choices }?
place-choice = 「{ $name }」 ({ $full })
place-region = region 「{ $name }」
place-city = city 「{ $name }」
place-not-a-province = `default_province` 「{ $name }」 is not a province
    .expected = a province-level name such as 「广西」 or 「广西壮族自治区」
    .help = use its province: 「{ $province }」
region-path-taken = region pages at `{ $path }` would replace { $owner }
    .expected = a URL segment for region pages that no taxonomy, section or page uses
    .help = set another segment in the site config, e.g. `[regions]` then `path = "diqu"`
series-path-taken = series pages at `{ $path }` would replace { $owner }
    .expected = a URL segment for series pages that no taxonomy, section or page uses
    .help = set another segment in the site config, e.g. `[series]` then `path = "xilie"`
owner-taxonomy = the pages of the taxonomy `{ $name }`
owner-section = the section `{ $file }`
    .help = give the section another `path` in its `_index.md`, or rename its folder
owner-page = the page `{ $file }`
    .help = give it another `path` or `slug` in its front matter, or rename its file
menu-target-missing = menu entry 「{ $title }」 links to `{ $target }`, which does not exist
    .expected = `@/` followed by a content path, e.g. `@/news/_index.md` or `@/about.md`
    .help = check the path under `content/`, or use a site path such as `/cities/`
org-unknown-level = unknown organization level 「{ $level }」
    .help = use `society` for a 学会, `enterprise` for an enterprise branch, `park` for a park branch
org-unknown-parent = parent organization 「{ $name }」 is not in the directory
    .did-you-mean = did you mean 「{ $name }」? (the parent is named by its page title)
    .help = add a page for it, or leave it as plain text if it is outside the site
org-unknown = `org` 「{ $name }」 names no organization of the directory
    .did-you-mean = did you mean 「{ $name }」?
    .help = write the organization's page title
series-no-index = page of the series 「{ $name }」 has no `series_index`
    .expected = the page's number in the series, e.g. `series_index = 31`
    .help = add `series_index = { $next }` below `series` (the next number after the highest in the series)
series-number-twice = series 「{ $name }」 has two pages numbered { $number }
    .expected = each number once per series
    .help = `{ $file }` has the same number; renumber one of them
series-gap = series 「{ $name }」 has no page numbered { $missing }
    .help = check `series_index`, or publish the missing number
taxonomy-undeclared = taxonomy `{ $name }` is not declared in the site config; its terms are ignored
    .help = declare it in the config: `taxonomies = [{"{"} name = "{ $name }" {"}"}]`
url-taken-twice = two pages have the same URL `{ $path }`: `{ $first }` and `{ $second }`
    .help = give one of them a different `slug` in its front matter, or rename the file
schedule-link-to-waiting = link to `{ $target }`, a page scheduled for { $due }: until then the link leads to a missing page
    .help = publish the two together (give this page the same date or a later one), or add the link once the other page is out
schedule-fix-before = this page is scheduled for { $due } and not published yet; fix this before then, or the build that publishes it fails
    .after-help = { $help }; this page is scheduled for { $due } and not published yet; fix this before then, or the build that publishes it fails

## What a build did not publish (the line after every build)

publication-all = every page published
    .drafts = every page published (--drafts: drafts and pages dated in the future included)
publication-scheduled = { $count } scheduled (next: { $next })
publication-drafts = { $count ->
        [one] 1 draft
       *[other] { $count } drafts
    }
publication-left-out = { $count ->
        [one] 1 page
       *[other] { $count } pages
    } not published: { $parts }
publication-expired = { $line }; { $count ->
        [one] 1 expired page (still at its address, in no list, feed or search)
       *[other] { $count } expired pages (still at their address, in no list, feed or search)
    }
publication-reason =
    .scheduled = scheduled
    .draft = draft
    .expired = expired

## Output paths claimed twice (E0304, E0305)

alias-leaves-site = alias `{ $alias }` would leave the site
    .help = write the old address from the site's root, e.g. `aliases = ["/old/news/"]`
output-file-and-folder = `{ $path }` would be both a file, from { $first }, and a folder holding `{ $inner }`, from { $second }
output-written-twice = two outputs would be written to `{ $path }`: { $first } and { $second }
    .expected = one source for each output path
owner-traditional-copy-of = the Traditional copy of { $owner }
owner-home = the home page `{ $file }`
owner-section-pager = page { $number } of the list of `{ $file }`
owner-taxonomy-list = the list of all `{ $name }`
    .help = rename the taxonomy in the config, or move the other output
owner-term = { $number ->
        [0] the `{ $taxonomy }` page of 「{ $term }」
        [1] the `{ $taxonomy }` page of 「{ $term }」
       *[other] page { $number } of the `{ $taxonomy }` page of 「{ $term }」
    }
    .help = rename the term, or move the other output
owner-cities = the cities page
owner-region-page =
    .help = set another `[regions] path` in the config
owner-city = { $number ->
        [0] the city page of 「{ $name }」
        [1] the city page of 「{ $name }」
       *[other] page { $number } of the city page of 「{ $name }」
    }
owner-province = the province page of 「{ $name }」
owner-series = the series page of 「{ $name }」
    .help = set another `[series] path` in the config
owner-not-found = the 404 page
    .help = the 404 page comes from `templates/404.html`; remove the other output
owner-sitemap = the sitemap
owner-robots = `robots.txt`
owner-switch-off = set `{ $key } = false` in the config to publish your own file instead, or remove the other one
owner-highlight = the code highlighting stylesheet
    .help = rename the other file
owner-stylesheet = a stylesheet compiled from `sass/`
    .help = rename the other file or the Sass file
owner-search-page = the search page
    .help = the search page and index own `search/`; move the other output
owner-search-index = the search index (it owns `{ $folder }/`)
    .help = the search index owns `search/`; move the other output, or set `build_search_index = false`
owner-feed-site = the feed of the site
owner-feed-section = the feed of `{ $file }`
owner-feed-term = the feed of the `{ $taxonomy }` 「{ $term }」
owner-feed-city = the feed of 「{ $name }」
owner-feed =
    .help = rename the other file, or change `feed_filenames`
owner-redirect-section = the redirect from page 1 of `{ $file }`
    .help = change `paginate_path`, or move the other output
owner-redirect-term = the redirect from page 1 of the `{ $taxonomy }` 「{ $term }」
owner-alias = the alias `{ $alias }` of `{ $file }`
    .help = remove the alias, or give an old address no other output has
owner-static = the static file `{ $file }`
    .help = rename or remove the static file; the site makes this output itself
owner-traditional = the Traditional copy of the site (it owns `{ $folder }/`)
    .help = rename the other output, or set `traditional = false`
owner-bundle = the file `{ $file }` beside its page
    .help = rename the file: the files in a page's folder are published beside the page

## Templates and theme (E04xx, W0401)

theme-not-found = theme `{ $name }` not found in `themes/{ $name }/`
    .help = check `theme` in the config, or copy the theme folder into `themes/`
    .help-portal = the theme `portal` comes with menhu: run `menhu init` into a new folder (`menhu init /tmp/portal`) and copy its `themes/portal/` into this site's `themes/`, or restore it from git (`git checkout -- themes`)
template-unreadable = cannot read template: { $reason }
    .help = save the template as UTF-8 text, and check the file's permissions
template-error = template error: { $reason }
    .help = while rendering `{ $file }`; fix the template or the page's front matter
template-unparsed-help = fix the template at the place shown: a tag there (`{"{"}{"{"} … {"}"}{"}"}`, `{"{"}% … %{"}"}`) is misspelled or not closed; the templates are Tera, as in Zola (docs/templates.md)
render-error-more = { $help } (the same error on { $others ->
        [one] one more page
       *[other] { $others } more pages
    })
template-not-found = template `{ $template }` not found
    .expected = `templates/{ $template }` in the site, or in `themes/NAME/templates/` of the theme set in the config
    .help = create the template, set `theme = "portal"` in the config, or fix the `template` key
template-extends-loop = templates extend each other in a loop: { $chain }
    .help = change one `{"{"}% extends %{"}"}` so that the chain ends at a template that extends nothing, such as `base.html`
template-extends-itself = `{ $name }` extends itself; to extend the theme's own `{ $name }`, write `{"{"}% extends "{ $theme }/templates/{ $name }" %{"}"}`
template-include-loop = template includes itself: { $chain }
    .help = remove the include that closes the loop; for nested output (menus, trees) use a recursive macro
template-endless-macro = macro `{ $name }` always calls itself, so it never ends
    .help = call the macro again only inside an `{"{"}% if %{"}"}` or `{"{"}% for %{"}"}` that stops
template-recursion = template recursion: macro `{ $name }` in '{ $file }' was entered { $depth } calls deep
    .cycle = template recursion: macro `{ $name }` in '{ $file }' was entered { $depth } calls deep; these macros call each other without end: { $chain }
    .help = make sure the macro's `{"{"}% if %{"}"}` stops calling it again: a counter that moves away from its limit never does
theme-strings-unreadable = cannot read theme strings: { $reason }
    .expected = lines like `home = "首页"`: keys with string values
    .help = quote every value; one `key = "text"` per line
static-bad-pattern = invalid pattern `{ $pattern }` in `{ $key }`: { $reason }
    .help = use glob syntax such as `*.psd` or `.well-known`
static-hidden = hidden files in `static/` are not published: { $names }
    .more = hidden files in `static/` are not published: { $names }, { $more } more
    .help = hidden files often hold secrets (`.env`, `.git/`); to publish one, list it in `static_dotfiles`, e.g. `static_dotfiles = [".well-known"]`
sass-compiler-bug = internal error in the Sass compiler — a bug, please report it with this file
sass-error = Sass: { $reason }
    .help = fix the stylesheet, or set `compile_sass = false` in the config
sass-import = Sass: cannot read an import: { $reason }
    .help = import only files inside the site's `sass/` folder

## Output folder (E05xx) and menhu's own errors (E0001)

output-refused = refusing to use `{ $folder }` as the output folder: { $reason }
    .help = choose a folder such as `public` inside the site, e.g. `menhu build --output public`
    .root = it is the file system's root
    .site = it is the site itself or one of its parent folders
    .source = it is inside `{ $folder }`, which menhu reads
    .hidden = it is a hidden folder (such as `.git`), which a build would replace
    .file = it is a file, which a build would replace with a folder
    .file-help = delete or rename the file `{ $file }` (menhu did not make it), or choose another folder with `--output`
    .holds = it holds `{ $path }`, which the site reads
    .outside = it is outside the site; pass `--force` if you really mean it
output-outside = refusing to write `{ $path }`: it would land outside the output folder
    .help = use a `path` or `slug` without `..` in the front matter
output-io =
    .find-parent = cannot find the parent of `{ $path }`: no parent folder
    .create = cannot create `{ $path }`: { $reason }
    .write = cannot write `{ $path }`: { $reason }
    .copy = cannot copy `{ $path }`: { $reason }
    .move-in = cannot move the new site into `{ $path }`: { $reason }
    .move-aside = cannot move the previous output aside from `{ $path }`: { $reason }
    .clean = cannot clean `{ $path }`: { $reason }
    .remove = cannot remove `{ $path }`: { $reason }
    .help = check free disk space and permissions; the previous output was left as it was
internal-file = internal error while processing this file — a bug in menhu, please report it
    .help = the rest of the site was processed; attach this file to the report if you can
internal-search-outside = internal error: the search index wrote `{ $path }` outside its folder — a bug in menhu, please report it
internal-not-planned = internal error: `{ $path }` was rendered but is not in the plan of outputs — a bug in menhu, please report it
markdown-more-no-alt = { $count } more images without alt text not shown
    .help = give every image of this page an alt text, then build again

## menhu check: links and pages (C01xx)

check-missing-image = image `{ $path }` does not exist
    .expected = an image beside the page (a page bundle) or under `static/`
    .help = put the file next to `index.md` or in `static/`, or fix the path
check-broken-link = link to `{ $link }` goes to no page or file
    .expected = a page of the site, best written as `@/section/file.md`
    .help = link to the Markdown file with `@/`, e.g. `[通知](@/news/tzgg/x.md)`, so renames are caught
check-missing-file = linked file `{ $path }` does not exist
    .expected = a file beside the page (in its folder) or under `static/`
    .help = put the file beside `index.md`, or correct its name (the case of letters too); attachments may also be listed in the front matter's `attachments`, which the page ends with, sizes shown
check-broken-anchor = anchor `#{ $anchor }` does not exist on `{ $page }`
    .expected = the id of a heading or element on that page
    .help = link to a heading's id as shown in the page's table of contents, or remove the `#…` part
check-summary-link = link `{ $path }` works on its page but goes nowhere where the page's summary is shown (`{ $shown }`{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    })
    .expected = a path that works on every page showing the summary: one from the site root
    .help = write it from the site root, `{ $path }`, or move it below `<!-- more -->` so lists do not show it
check-summary-image = image `{ $path }` works on its page but goes nowhere where the page's summary is shown (`{ $shown }`{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    })
check-template-link = link to `{ $link }` written in a template goes to no page or file ({ $pages ->
        [one] this page
       *[other] { $pages } pages
    })
    .expected = a path the build writes, e.g. one made with `get_url(path="@/news/_index.md")`
    .help = fix the link in the theme's template (or in `templates/` of the site); `get_url` with `@/` catches renames
check-template-anchor = { $problem } (in a template, { $pages ->
        [one] this page
       *[other] { $pages } pages
    })

## menhu check: pages, inspection rules and wording (C01xx–C03xx)

check-no-alt =
    .expected = a short description between the brackets: `![描述](图片.jpg)`
    .help = describe what the image shows for visitors who cannot see it, e.g. `![梧州市科协调研现场](photo.jpg)`
check-title-again = the body starts with the title again, 「{ $title }」: the page shows its title twice
    .help = remove this line from the body: the title is the front matter's `title`, which the page shows
check-outline-paragraph = 「{ $text }」 looks like a heading but is written as a paragraph{ $more ->
        [0] {""}
       *[other] {" "}({ $more } more in this page)
    }, so the page's contents and heading links leave it out
    .help = put `## ` before a heading (`### ` one level down), like `## { $text }`
check-heading-no-space = 「{ $text }」 has no space after its `#`, so it shows as text with its marks{ $more ->
        [0] {""}
       *[other] {" "}({ $more } more headings like it in this page)
    }
    .help = put a space after `{ $marks }`: `{ $marks } { $text }`
check-heading-jump = heading 「{ $title }」 jumps from level { $from } to level { $to }
    .expected = a level-{ $level } heading (`{ $marks }`) here
    .help = screen readers use heading levels as an outline: do not skip levels; use `#` marks, not size, to structure the text
check-duplicate-title = title 「{ $title }」 is used by { $count } pages
    .help = give each page its own title (first used by `{ $first }`); pages: { $pages }
check-external-broken = external link `{ $url }` is broken: { $reason }{ $others ->
        [0] {""}
        [1] {" "}(and 1 other place)
       *[other] {" "}(and { $others } other places)
    }
    .help = fix or remove the link; if the page moved, link to its new address
check-external-silent = external link `{ $url }` did not answer: { $reason }{ $others ->
        [0] {""}
        [1] {" "}(and 1 other place)
       *[other] {" "}(and { $others } other places)
    }
    .help = check the address in a browser; add it to `skip` under `[check.external]` if the site blocks automated checks
check-external-private = external link `{ $url }` was not requested: { $reason }{ $others ->
        [0] {""}
        [1] {" "}(and 1 other place)
       *[other] {" "}(and { $others } other places)
    }
    .help = a public page should not lead into a private network; if the address is meant (an intranet page), add its host to `allow_private` under `[check.external]`
check-template-text = text left over from the page template: 「{ $text }」
    .expected = the page's own text in place of the template's hint
    .help = replace the hint with the news itself, or delete the line
check-empty-source = `source` (来源) is empty
    .expected = where the news comes from, e.g. `source = "梧州市科协"`
    .help = fill in the 来源, or delete the line when the site itself is the source
check-photo-size = { $bytes }, { $width } × { $height } pixels
check-photo-kept = photo of { $size } is published at full size
    .help = `keep_original = true` in `[images]` publishes originals as they are; remove it so visitors get the resized copies, or save the photo smaller
check-photo-large = photo of { $size } is too large to publish as it is
    .expected = photos of at most { $side } pixels a side and { $bytes }
    .help = nothing to do: pages show its resized copies. To publish the original too, save it at most { $side } pixels a side and { $bytes }, or set `keep_original = true` in `[images]`
check-stale-pin = page of { $day } is still { $what }, { $days } days later
    .expected = a pin or headline on news of the last { $days } days, or one with an end date
    .help = remove `{ $key }`, or say until when it holds: `{ $key }_until = { $until }`
check-stale-home = the home page
    .help = publish a news item (`menhu new news "标题"`); the limit is `home_days` under `[check]` in site-config.toml
check-stale-column = column 「{ $title }」
check-stale = { $what } was last updated { $age } days ago ({ $newest }), more than the { $limit } allowed
    .undated = { $what } has no dated item, so it counts as never updated
    .expected = a new item at least every { $limit } days
    .help = publish something new (`menhu new { $folder } "标题"`), or set the column's limit with `[[check.columns]]`, `section = "{ $folder }"` and `days = …` in site-config.toml
check-empty-column = column 「{ $title }」 has no items
    .expected = at least one published page in an inspected column
    .help = publish a page in `content/{ $path }/`, remove the column, or mark it with `[[check.columns]] section = "{ $path }"` and `allow_empty = true` (or `type = "exempt"`)
check-undated = page 「{ $title }」 in the dated column 「{ $column }」 has no date
    .expected = a `date` in the front matter, e.g. `date = 2026-05-01`, or a `2026-05-01-` file name
    .help = add `date = YYYY-MM-DD` below the title: inspectors count undated items as not updated
check-empty-attachment = attachment `{ $name }` is an empty file
    .expected = the document itself, as visitors will download it
    .help = replace the file with the real document, or remove it from `attachments`
check-meta-missing = meta tag `{ $tag }` is missing or empty on { $count ->
        [one] 1 page
       *[other] { $count } pages
    }
    .expected = `<meta name="{ $tag }" content="…">` in the `<head>` of every page
    .help = the theme's `base.html` must write `<meta name="{ $tag }" …>`; the bundled `portal` theme does
    .site-id-code = set the 网站标识码 as `site_id_code` under `[check]` or `site_code` in `[extra.footer]` of site-config.toml
    .content-source = the theme's `base.html` must write `<meta name="ContentSource" …>`; the bundled `portal` theme writes the page's `source` (来源), else the site title
    .pub-date = give the page a `date` in its front matter
check-filing-missing = the footer has no { $name } ({ $mark }…) on { $count ->
        [one] 1 page
       *[other] { $count } pages
    }
    .expected = the { $name } in the footer of every page of a government or public-institution site
    .help = fill `icp`, `police` and `site_code` of `[extra.footer]` in site-config.toml (the portal theme shows them), or set `government = false` under `[check]` if the site is neither
check-old-as-of = `[check] as_of` is { $day }, { $days } days ago: staleness is measured from that day, not from today
    .help = remove `as_of` from `[check]` so the audit measures the day it runs; fixed days belong in tests (`menhu check --today YYYY-MM-DD`)
check-network-site = { $association } ({ $site }, { $folder })
check-network-rules = network rules of { $network }
check-network-no-column = member site 「{ $site }」 pulls pages of { $origins } into the column `{ $section }`, which it does not have
    .help = add the column to the site (`{ $folder }/content/{ $section }/_index.md`), or give the pull rule an `into` naming a column it has
check-network-push-no-column = the page is pushed to 「{ $target }」 (member site 「{ $site }」), which has no column `{ $section }` to show it in: it does not appear there
check-network-push-not-ancestor = the page is pushed to 「{ $target }」 (member site 「{ $site }」), which is not a parent or ancestor of this site
    .help = pages are usually reported (报送) upwards, to `"parent"` or `"province"`; if this push is meant, leave it
check-network-total = { $sites } sites checked: { $summary }
check-network-filing-missing = member site 「{ $site }」 has no { $names } in its footer config
    .help = write the site's own numbers under `[extra]` of its site-config.toml: `footer = { "{" } icp = "…", police = "…" { "}" }`
check-network-filing-copied = member site 「{ $site }」 has the same { $name } 「{ $number }」 as 「{ $other }」: copied from another site and never changed
    .help = write this site's own number, as on its filing certificate (ICP 备案: beian.miit.gov.cn; 公安备案: beian.mps.gov.cn)
check-miswritten = 「{ $wrong }」 is a miswriting of 「{ $right }」
    .help = write 「{ $right }」
check-forbidden = 「{ $term }」 is a forbidden or outdated term
    .instead = write 「{ $instead }」 instead
    .help = rephrase without this term (`[[check.forbidden]]` in site-config.toml lists it)

## menhu check --report: the audit page

report-title = { $site } website self-inspection report
report-summary = { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } checked: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }.
    .errors = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }
report-today = Updates are measured on { $day }.
report-columns = Column updates
    .column = Column
    .kind = Type
    .limit = Limit (days)
    .items = Items
    .undated = Undated
    .newest = Last update
    .age = Days since
    .status = Status
    .problems = Problems (with sub-columns)
report-home = Home page
report-column-name = { $title } ({ $section })
report-kind =
    .news = News
    .notice = Notices / policy documents
    .other = Other
    .exempt = Not inspected
report-status =
    .ok = OK
    .stale = Not updated in time
    .empty = Empty column
    .exempt = Not inspected
report-by-rule = Problems by rule
    .none = No problems found.
    .code = Code
    .errors = Errors
    .warnings = Warnings
report-problems = Every problem
    .level = Level
    .place = Place
    .problem = Problem
    .fix = How to fix
report-level =
    .error = Error
    .warning = Warning

## menhu deploy (E08xx)

deploy-unreadable-config = cannot read `{ $file }`: { $reason }
    .help = run `menhu deploy` in the site's folder, or pass it with `--root`
deploy-bad-target = [deploy.targets.{ $name }]: { $reason }
    .expected = type = "s3", "folder" or "sftp" with its keys (docs/operator-guide.md, "Deploying")
deploy-unknown-default = [deploy] default = "{ $name }" names no target
    .help = add [deploy.targets.{ $name }] or name one of the targets
deploy-prefix-escapes = [deploy.targets.{ $name }] prefix `{ $prefix }` leaves the bucket's folder
deploy-no-brotli = [deploy.targets.{ $name }]: object storage cannot serve brotli variants
    .help = a bucket serves the object it is asked for and cannot choose by the browser's Accept-Encoding; use precompress = ["gzip"], which every browser reads
deploy-unknown-precompress = [deploy.targets.{ $name }]: unknown precompress `{ $value }`
    .expected = precompress = ["gzip", "brotli"]
deploy-bad-pattern = cache_control pattern `{ $pattern }`: { $reason }
    .expected = a glob such as "*.html", "**/*.html" or "search/**"
deploy-secret = `{ $key }` is a secret and may not be written in `{ $file }`
    .expected = the secret in the environment variable { $variable }
    .help = delete the line, change the secret (it is in git's history now) and give the new one to the CI as a secret variable named { $variable }
deploy-invalid = [deploy]: { $reason }
    .expected = the keys listed in docs/operator-guide.md, "Deploying"
deploy-unknown-key = `{ $key }` is not a key of this table; it takes { $allowed }
deploy-unknown-key-none = `{ $key }` is not a key of this table, which takes none
deploy-missing-key = `{ $key }` is missing and is required here
deploy-no-section = site-config.toml has no [deploy] section
    .help = add a target, e.g. [deploy.targets.www] with type = "folder" and path = "/srv/www" (docs/operator-guide.md, "Deploying")
deploy-nothing-built = `{ $folder }` holds no built site (no index.html)
    .help = run `menhu build` first; deploy publishes what the last build wrote
deploy-no-target-chosen = several deploy targets and none chosen
    .help = pass `--target NAME` (one of: { $names }) or set [deploy] default
deploy-no-such-target = no deploy target `{ $name }`
    .none = add one under [deploy.targets.NAME] in site-config.toml
    .help = the targets are: { $names }
deploy-unreadable-file = cannot read `{ $file }`: { $reason }
deploy-unreadable-output = cannot read the output folder: { $reason }
deploy-bad-manifest = the target's `{ $file }` is not readable: { $reason }
    .help = delete `{ $file }` on the target: the next deploy then uploads every file
deploy-failed =
    .create = cannot create `{ $what }`: { $reason }
    .write = cannot write `{ $what }`: { $reason }
    .read = cannot read `{ $what }`: { $reason }
    .delete = cannot delete `{ $what }`: { $reason }
    .upload = cannot upload `{ $what }`: { $reason }
    .upload-to = cannot upload to `{ $what }`: { $reason }
    .run = cannot run `{ $what }`: { $reason }
    .connect-to = cannot connect to `{ $what }`: { $reason }
deploy-folder-is-a-file = `{ $file }` is a file, not a folder
    .help = point `path` of the folder target in site-config.toml at the folder the site is served from (`{ $folder }` now), or move that file away; then run `menhu deploy` again: what is already uploaded is not sent twice
deploy-folder-refused =
    .help = check that `{ $folder }` is the folder the site is served from (a share must be mounted), that the user running menhu may write into it, and that its disk has room; then run `menhu deploy` again: what is already uploaded is not sent twice
deploy-temporary-folder = a temporary folder
deploy-answer = the server answered { $status }: { $body }
    .forbidden = check MENHU_DEPLOY_ACCESS_KEY_ID / MENHU_DEPLOY_SECRET_ACCESS_KEY, the region, and that the key may write to the bucket
    .not-found = check the bucket's name and endpoint (and path_style)
    .help = see the storage service's message above
deploy-no-credentials = no credentials for the bucket
    .expected = the environment variables MENHU_DEPLOY_ACCESS_KEY_ID and MENHU_DEPLOY_SECRET_ACCESS_KEY
    .help = set them from the CI's secret variables (GitHub: Settings → Secrets and variables → Actions)
deploy-bad-endpoint = endpoint `{ $endpoint }`: { $reason }
    .expected = a URL such as https://oss-cn-hangzhou.aliyuncs.com
deploy-bad-bucket = bucket `{ $bucket }` at `{ $endpoint }`: { $reason }
    .help = an endpoint given as an IP address (MinIO, a test server) needs path_style = true
deploy-no-sftp =
    .help = install OpenSSH's client (Debian: apt-get install openssh-client)
deploy-sftp-connect =
    .help = check the host, user and port, that { $key } names the private key file and { $known } a known_hosts file with the server's key
deploy-resume =
    .help = the files sent so far are recorded on the server: run `menhu deploy` again to go on

## menhu deploy: what was done

deploy-line =
    .upload = upload
    .delete = delete
deploy-dry-run = dry run for `{ $target }`: would upload { $uploaded } files ({ $size }), delete { $deleted }, leave { $unchanged } unchanged
deploy-done = deployed to `{ $target }`: { $uploaded } files uploaded ({ $size }), { $deleted } deleted, { $unchanged } unchanged in { $seconds } s
deploy-first = { $line } (the target had no manifest: everything is uploaded)

## The command line's own errors

cli-cannot-start = error: cannot start: { $reason }
cli-bug = internal error — a bug in menhu, please report it
    .at = internal error at { $file }:{ $line } — a bug in menhu, please report it
check-report-outside = its folder leads out of the site, to `{ $folder }`

## Front matter: placement

content-bad-pin = `pin` is { $value }
    .expected = `pin = true`, or a rank from 1 (first) up: `pin = 2`
    .help = write `pin = 1` for the first place, or remove `pin`

## Networks: network.toml, build --network (E09xx)

network-unreadable = no readable `network.toml` in `{ $folder }`: { $reason }
    .expected = a `network.toml` in the network's root folder, listing its member sites
    .help = run the command in the folder holding `network.toml`, or give it with `--root`; `menhu init DIR --network` writes an example
network-invalid = `network.toml` is not valid: { $reason }
    .help = see docs/network.md for the keys: `[network] name`, then one `[[sites]]` per member site with `name`, `path`, `region` and `association`
network-no-sites = `network.toml` lists no member site
    .help = add one `[[sites]]` table per member site, with `name`, `path`, `region` and `association`
network-bad-name = site name 「{ $name }」 is not an ASCII id
    .expected = lower-case letters, digits and `-`, e.g. `wuzhou`: it names the output folder, `--site` and `@wuzhou:/` links
    .help = write it in pinyin, e.g. `name = "{ $name }"`
network-name-taken = site name `{ $name }` is already used on line { $line }
    .help = give every member site a name of its own
network-bad-folder = member folder `{ $path }` cannot be used: { $reason }
    .help = write the path of the member's site folder relative to `network.toml`, e.g. `path = "sites/wuzhou"`
    .outside = it is not a folder below the network's root
    .missing = it does not exist
    .no-config = it has no `site-config.toml`
network-empty-association = the association's name is empty
    .help = write the association's full name, e.g. `association = "梧州市科学技术协会"`
network-association-taken = the association name 「{ $name }」 is already used on line { $line }
    .help = give each member its own association name, so a `push` by name means one site
network-unknown-site = no member site is named `{ $name }`
    .expected = one of the site names of `network.toml`: { $names }
    .help = check the spelling against the `name` of each `[[sites]]` in `network.toml`
network-did-you-mean = did you mean `{ $name }`?
network-own-parent = site `{ $name }` is its own parent
network-parent-loop = the parents of site `{ $name }` lead back to it
    .help = a member's `parent` must be a site above it (a city's province); remove `parent` to take the member whose region contains this one
network-pull-no-parent = site `{ $name }` pulls from its parent but has none
    .help = set `parent = "…"` on this site, or pull from named sites: `from = ["guangxi"]`
network-pull-no-sections = a pull rule names no section
    .expected = the sections of the origin site to pull, e.g. `sections = ["news/tzgg"]`
network-unknown-push = no member site answers to the push target 「{ $target }」
    .expected = `"parent"`, `"province"`, `"city"`, `"county"`, a site name of `network.toml` (`"guangxi"`) or an association's full or short name (`"广西科协"`)
    .help = check the spelling against `network.toml`, or remove the target from `push`
markdown-broken-site-link = broken link `{ $link }`: site `{ $site }` has no such page or section
    .no-site = broken link `{ $link }`: no member site of the network is named `{ $site }`
    .help = write the site's name from `network.toml`, then the path under that site's `content/`, e.g. `@wuzhou:/news/2026-05-01-x.md`
network-bad-shard = `--shard { $written }` is not a shard
    .expected = `I/N` with 1 ≤ I ≤ N, e.g. `--shard 2/4`
    .help = in a GitHub Actions matrix: `--shard ${"{"}{"{"} matrix.shard {"}"}{"}"}/4`; in GitLab: `--shard $CI_NODE_INDEX/$CI_NODE_TOTAL`
network-output-unwritable = cannot write to `{ $folder }`: { $reason }
network-built = built the network 「{ $name }」: { $built } of { $total } sites into { $output } in { $took }
network-site-built = { $name }: { $pages } pages, { $written } files written, { $copied } copied
network-site-failed = { $name }: not built (its previous output is left as it was)
network-some-failed = { $failed } of { $total } sites have errors

## What each code means (docs/diagnostics.md)

code-E0001 = an internal error of menhu while processing a file (a bug, not a problem of the site)
    .fix = report it with the file named in the message
code-E0100 = neither `site-config.toml` nor `config.toml` at the site root
    .fix = run menhu in the site's folder, pass it with `--root`, or create a site with `menhu init DIR`
code-E0101 = an unknown key in the configuration, at its line and column, with the closest valid key
    .fix = fix the spelling: `titel` → `title`, `[markdwon]` → `[markdown]`
code-E0102 = a configuration value of the wrong type or not one of the allowed values (including an unknown `timezone`)
    .fix = write the value as `expected` says: `smart_punctuation = true`, `timezone = "Asia/Shanghai"`
code-E0103 = `base_url` is missing or not an absolute http(s) address
    .fix = `base_url = "https://www.kx.example.gov.cn"`
code-E0104 = a taxonomy without a name, with an empty name, or declared twice
    .fix = give each taxonomy one unique `name`
code-E0105 = `paginate_by = 0` (at the top level or in a taxonomy)
    .fix = a number of at least 1, or remove the key
code-E0106 = the configuration (or an `ignored_content` pattern) is not valid syntax
    .fix = strings need double quotes: `title = "某某市科协"`; check that brackets pair up
code-E0107 = the configuration file cannot be read (permissions, or not UTF-8)
    .fix = fix the permissions, or re-save it as UTF-8, e.g. `iconv -f GB18030 -t UTF-8`
code-E0108 = `[regions] path` or `[series] path` is not one URL segment
    .fix = `path = "diqu"`
code-E0109 = an entry of `[[regions.custom]]`, `[[menus]]` or `[[directories]]` lacks a required key
    .fix = add `name`/`parent`, `title`/`url`, or `file`
code-E0110 = a menu `url` with a scheme other than `http`, `https`, `mailto` or `tel`
    .fix = `url = "/about/"` or `url = "https://www.example.org.cn/"`
code-E0200 = the site has no `content/` folder
    .fix = run menhu in the site's folder, or create `content/_index.md`
code-E0201 = a file is encoded as GBK/GB18030, not UTF-8
    .fix = re-save it as UTF-8 in the editor, or `iconv -f GB18030 -t UTF-8`
code-E0202 = a file is encoded as UTF-16, not UTF-8
    .fix = re-save it as UTF-8
code-E0203 = a file has bytes that are not valid UTF-8 (garbled text)
    .fix = retype the characters at the place shown and save the file as UTF-8
code-E0204 = a file contains a NUL byte: it is binary, not text
    .fix = do not rename Word or PDF files to `.md`; put them beside the page as an attachment
code-E0205 = the front matter's `+++` or `---` is never closed
    .fix = add the closing `+++` (or `---`) line after the front matter
code-E0206 = the front matter is not valid TOML or YAML, or a value has the wrong type
    .fix = fix it as the message says, e.g. `title = "…"` with straight double quotes
code-E0207 = a date that is not a real date or not in a known form
    .fix = `2026-05-01` or `2026-05-01T09:30:00+08:00`
code-E0208 = a page without a title
    .fix = add `title = "…"` to the front matter
code-E0209 = a file or folder of `content/` cannot be read, or its name cannot become a URL
    .fix = fix the permissions, or rename the file with ordinary characters
code-E0210 = an `@/` link names no page
    .fix = check the path (the help names the closest page); copy it from `content/`
code-E0211 = a shortcode that neither the site nor the theme defines
    .fix = check the shortcode's name
code-E0212 = a shortcode call that cannot be read (arguments, closing tag)
    .fix = check the arguments and the closing `{"{"}% end %{"}"}`
code-E0213 = a link field (`website`, `cover`, `attachments`, `redirect_to`) that is not an address, or a `path`/`slug`/`aliases` that is not a site path
    .fix = write `https://…`, `mailto:`, `tel:` or a relative path; `path = "/zhuanti/2024/"`
code-E0214 = a file of the site is (or is reached by a symbolic link) outside the site or in a hidden folder
    .fix = replace the link by a copy of the file, or list the folder in `follow_symlinks`
code-E0220 = a `[[directories]]` table cannot be read or parsed
    .fix = fix the file named, or its path in the config
code-E0221 = a row of a directory table is wrong (no title, unknown column, a number that is not one)
    .fix = fix the row named
code-E0222 = the section of a `[[directories]]` entry does not exist
    .fix = create `content/SECTION/_index.md`, or fix `section`
code-E0223 = a directory row would replace a page of the site
    .fix = rename the row's `slug`, or remove the page
code-E0250 = an image cannot be read, or is outside the site
    .fix = check the file name and path; keep images inside the site, beside `index.md`
code-E0251 = a file is not a JPEG, PNG, WebP or GIF image
    .fix = save it as JPEG (photos) or PNG (drawings, screenshots)
code-E0252 = an image file is damaged
    .fix = open it in an image editor and save it again, or copy it again
code-E0253 = an image larger than 100 megapixels, 30,000 pixels a side or 100 MB
    .fix = reduce it (a width of 2500 pixels is plenty for the web) and save it again
code-E0254 = a template asks for an image size that makes no sense
    .fix = fix the arguments of `resize_image` in the template
code-E0255 = a processed image cannot be stored in `.menhu-cache/images`
    .fix = check the free disk space and the folder's permissions
code-E0301 = a city, region or organization that is not in the registry
    .fix = use the name the help suggests, or write it in full (「辽宁省朝阳市」)
code-E0302 = a place name that several divisions have, or two pages with the same URL
    .fix = write the full name, or change one page's file name or `slug`
code-E0303 = an attachment that is not beside the page, or a region that does not resolve
    .fix = put the file next to `index.md` or fix its name; `default_province = "广西"`
code-E0304 = an `aliases` entry clashes with an output of the site or contains `..`
    .fix = remove it or choose another old address
code-E0305 = two sources would write the same output file
    .fix = change `path`/`slug`, rename or remove the file
code-E0310 = region pages would replace a taxonomy, section or page
    .fix = set another `[regions] path`
code-E0311 = series pages would replace a taxonomy, section or page
    .fix = set another `[series] path`
code-E0320 = an organization `level` that is not one of the known levels
    .fix = national, province, city, county, township, society, enterprise, park or university
code-E0330 = two pages of a series with the same `series_index`
    .fix = give each page its own number
code-E0340 = a menu `url = "@/…"` names no page or section
    .fix = fix the content path
code-E0401 = the theme named in the config is not in `themes/`
    .fix = fix `theme`, or copy the theme into `themes/NAME/`
code-E0402 = a template file cannot be read
    .fix = fix the file's permissions or encoding (UTF-8)
code-E0403 = a template has a syntax error or fails while rendering a page
    .fix = fix the template at the file and line shown
code-E0404 = a page asks for a template that does not exist
    .fix = create the template or fix the `template` key
code-E0405 = the theme's strings (`i18n/*.toml`) cannot be read
    .fix = fix the file named
code-E0406 = templates extend or include each other in a loop, or a macro calls itself without end
    .fix = break the loop in the chain shown
code-E0407 = a Sass file (`compile_sass = true`) does not compile
    .fix = fix the Sass at the line shown
code-E0501 = the output folder is unsafe (the site itself, a source folder, a hidden folder, an existing file)
    .fix = use `public` inside the site, or pass `--force` for a folder outside it
code-E0502 = an output file cannot be written, or would land outside the output folder
    .fix = check the disk space and permissions; no `..` in `path` or `slug`
code-E0601 = `menhu init` was given a folder that is not empty
    .fix = choose a new folder name, e.g. `menhu init my-portal`
code-E0602 = `menhu init` or `menhu new` cannot write a file
    .fix = check the folder's permissions and the free disk space
code-E0603 = `menhu new` was given a section name that is not a folder name
    .fix = name a folder of `content/`, e.g. `menhu new news "标题"`
code-E0604 = the title gives no file name
    .fix = use a title with Chinese characters, letters or digits
code-E0605 = the page `menhu new` would write already exists
    .fix = edit that page, or choose another title
code-E0606 = `menhu new` names a section that does not exist
    .fix = use one of the sections listed, or create the folder with an `_index.md`
code-E0607 = `menhu init --network` was asked for a CI service that has no sharded pipeline
    .fix = use `--ci github` or `--ci gitlab`, or leave out `--ci`
code-E0701 = the preview cannot listen on its port
    .fix = pick another port with `--port 1112`, or `--port 0` for any free port
code-E0702 = the preview cannot watch the site for changes
    .fix = raise the inotify limit: `sudo sysctl fs.inotify.max_user_watches=524288`
code-E0703 = the online editor runs only on this machine
    .fix = leave out `--bind` (or use `--bind 127.0.0.1`) together with `--edit`
code-E0704 = approvals cannot be committed to git
    .fix = install git and run `git init` in the site's folder (or leave out `--edit-commit`)
code-E0800 = `site-config.toml` cannot be read for `menhu deploy`
    .fix = run `menhu deploy` in the site's folder, or pass it with `--root`
code-E0801 = a secret (key, password) is written in `site-config.toml`
    .fix = move it to the environment variable the message names
code-E0802 = a `[deploy]` table or target is invalid
    .fix = fix it as docs/operator-guide.md, "Deploying", describes
code-E0803 = `[deploy] default` names no target
    .fix = name one of `[deploy.targets]`
code-E0804 = a `cache_control` pattern is not a valid glob
    .fix = a glob such as `"*.html"` or `"search/**"`
code-E0805 = `site-config.toml` has no `[deploy]` section
    .fix = add a target, e.g. `[deploy.targets.www]`
code-E0806 = the folder to deploy holds no built site
    .fix = run `menhu build` first, or pass `--output`
code-E0807 = no deploy target chosen, or an unknown one
    .fix = pass `--target NAME`, or set `[deploy] default`
code-E0810 = the target's manifest of the last deploy cannot be read
    .fix = delete it on the target to upload everything again
code-E0811 = a file of the built site cannot be read while deploying
    .fix = build again, and check the output folder's permissions
code-E0820 = the target refused or failed an upload, listing or deletion
    .fix = check the target's address, permissions and free space; deploy again
code-E0821 = no credentials for the bucket
    .fix = set MENHU_DEPLOY_ACCESS_KEY_ID and MENHU_DEPLOY_SECRET_ACCESS_KEY
code-E0822 = the bucket's endpoint or name is not usable
    .fix = an endpoint such as https://oss-cn-hangzhou.aliyuncs.com; `path_style = true` for an IP address
code-E0901 = no `network.toml` where `--network` looked, or it cannot be read
    .fix = run in the network's root folder or give it with `--root`
code-E0902 = `network.toml` is not valid TOML, has an unknown key or a wrong type, or lists no site
    .fix = follow the keys of docs/network.md
code-E0903 = a member site's `name` is not `[a-z0-9-]`, or two members have the same
    .fix = write a unique pinyin name such as `wuzhou`
code-E0904 = a member's `path` is missing, leads out of the network, or is not a site folder
    .fix = give the folder of the member site, relative to `network.toml`, holding its `site-config.toml`
code-E0905 = a member's `region` is not in the administrative-division registry, or several divisions have it
    .fix = use the name the help suggests, or write it in full (「广西壮族自治区梧州市」)
code-E0906 = a member's association name is empty or another member's
    .fix = give each member its own full and short association name
code-E0907 = a site name that no member of `network.toml` has (`parent`, `pull`, `--site`)
    .fix = use one of the `name`s of `network.toml`, as the help suggests
code-E0908 = a member's parents lead back to itself
    .fix = remove the `parent` that closes the loop
code-E0909 = a pull rule reads from no one (`from = "parent"` on a site without parent) or names no section
    .fix = set the site's `parent` or name the origin sites; list the sections to pull
code-E0910 = a page's `push` target is no member of the network
    .fix = use `parent`, `province`, a site name or an association's name from `network.toml`
code-E0911 = an `@site:/path.md` link to a member site or page that does not exist
    .fix = use a site name of `network.toml` and a path under that site's `content/`
code-E0912 = `--shard` is not `I/N` with 1 ≤ I ≤ N
    .fix = write e.g. `--shard 1/4`, the job's number and the number of jobs
code-W0101 = a Zola setting menhu does not use
    .fix = nothing to do; remove it when Zola is no longer used
code-W0102 = `style = "inline"` under `[markdown.highlighting]`
    .fix = nothing to do; colours come from CSS classes
code-W0103 = a `follow_symlinks` entry names no usable folder
    .fix = fix the path, or remove the entry
code-W0110 = `keep_location = true` in `[images]` without `keep_exif = true`
    .fix = add `keep_exif = true`, or remove `keep_location`
code-W0201 = an unknown key in the front matter
    .fix = fix the key's spelling, or move it under `[extra]`
code-W0202 = an image without alt text (C0105 in `menhu check`)
    .fix = describe the image: `![梧州市科协调研现场](photo.jpg)`
code-W0203 = an image or link shown as text because its path has a space (C0108 in `menhu check`)
    .fix = put the address in angle brackets, or rename the file
code-W0204 = a page asks for the photo news (`photo = true`) but has no `cover`, so it is left out of it
    .fix = add `cover` naming the photo beside the page, or remove `photo = true`
code-W0205 = an image or link whose address is a file on the writer's own computer (`file:`), as Word pastes pictures and attachments: no reader can see it (C0113 in `menhu check`)
    .fix = put the picture or file beside the page and refer to it by its file name
code-W0207 = Chinese text indented with a tab or four spaces, as in Word, shown as code (typewriter font, lines not wrapped)
    .fix = remove the tab or spaces before the paragraph; the page indents paragraphs itself
code-W0206 = a table row with more cells than its header: the text in the extra cells is not shown (common in tables copied from Word with merged cells)
    .fix = give every row as many cells as the header: name the column in the header, or move the text into a cell before it
code-W0208 = a file named like a page that does not end in `.md` (Notepad's `.md.txt`, an uppercase `.MD`): not read as a page, nor published
    .fix = rename it as the help says, ending in lowercase `.md`
code-W0209 = a photo beside a page that menhu cannot make copies of (not an image, such as a phone's HEIC photo renamed `.jpg`; damaged; over 100 megapixels): the page shows it broken
    .fix = save it again as a JPEG of at most 2500 pixels a side (export a HEIC photo as JPEG first)
code-W0301 = a taxonomy used in front matter but not declared in the config
    .fix = declare it in `taxonomies`, or remove it
code-W0305 = a link to a page scheduled for later
    .fix = publish both together, or add the link once the other page is out
code-W0320 = an organization's `parent` is not in the directory
    .fix = use the name of an organization of the directory
code-W0321 = `org` names no organization of the directory
    .fix = use the name of an organization of the directory
code-W0330 = a series has no page with some number
    .fix = add the missing page, or renumber
code-W0331 = a page of a series has no `series_index`
    .fix = add `series_index = N` below `series`
code-W0401 = hidden files in `static/` were not published
    .fix = list those to publish in `static_dotfiles`
code-W0501 = the build cache (`--cache`) was not used, or not saved; a note, which never fails a build
    .fix = nothing to fix: a cache of another menhu, another configuration or damaged is set aside and the build makes everything anew
code-C0101 = a link goes to no page or file of the site
    .fix = fix the address; write links to pages as `@/section/file.md`
code-C0102 = a link's `#anchor` is not an id of the target page
    .fix = use a heading's id (the help names the closest), or drop `#…`
code-C0103 = an image that does not exist
    .fix = put the image in the page's folder or `static/`, or fix the name
code-C0104 = a link written in a template goes nowhere
    .fix = fix the theme's template
code-C0105 = an image without alt text
    .fix = describe the image: `![梧州市科协调研现场](photo.jpg)`
code-C0106 = more than one page has the same title
    .fix = give each page its own title
code-C0107 = a heading skips a level (`##` then `####`)
    .fix = use `##`, `###`, `####` in order
code-C0108 = an image or link shown as text because its path has a space
    .fix = put the address in angle brackets: `![现场](<IMG_2031 现场照片.JPG>)`
code-C0109 = a relative link or image in a summary, which breaks on lists
    .fix = write the address from the site root, or move it below `<!-- more -->`
code-C0110 = `--external`: an external link answers with an error status
    .fix = use the new address, or remove the link
code-C0111 = `--external`: an external link never answered
    .fix = open it in a browser; add hosts that block checks to `[check.external] skip`
code-C0112 = `--external`: an external link leads to a private or local address and was not requested
    .fix = link to a public address; list intranet hosts in `allow_private`
code-C0113 = an image or link whose address is a file on the writer's own computer (`file:`), as Word pastes pictures and attachments: no reader can see it
    .fix = put the picture or file beside the page and refer to it by its file name
code-C0120 = a line of the page template's text is still in the page
    .fix = replace it with the page's own text
code-C0121 = `source` (来源) is written but empty
    .fix = fill in the source, or remove the line for the site's own pages
code-C0122 = the body starts with the page's title again (`# 标题`, as a whole Word document pasted brings it): the page shows its title twice (warning)
    .fix = remove the heading from the body
code-C0123 = an outline heading numbered 「一、」 or 「（一）」 written as a paragraph, or with no space after its `##`: the page's contents and heading links leave it out (warning)
    .fix = put `## ` before the heading (`### ` one level down), a space after the `#`
code-C0130 = a photo too large to publish as it is (over `max_original_bytes` or `max_original_px`); only its resized copies are published
    .fix = shrink the photo (2500 px wide is plenty for the web), or set `keep_original = true`
code-C0131 = a page pinned (置顶) or made the headline (头条) more than 90 days ago, with no end date
    .fix = add `pin_until` or `headline_until`, or remove `pin` or `headline`
code-C0140 = a page is waiting for review (待审)
    .fix = a reviewer approves or returns it in `menhu serve --edit`
code-C0201 = the home page has had no new item for more than `home_days` (14) days
    .fix = publish a new page
code-C0202 = a column has had no new item for longer than its limit
    .fix = publish a new page; set `days` in `[[check.columns]]` for a slow column
code-C0203 = an inspected column has no item
    .fix = publish a page, or set `allow_empty = true`
code-C0204 = a page in a dated column has no date
    .fix = add `date = 2026-05-01`
code-C0205 = an attachment cannot be downloaded (empty, or the external address fails)
    .fix = replace the file, or fix the address
code-C0206 = a government meta tag is missing or empty
    .fix = fill in the value the template needs (site config or front matter)
code-C0207 = a page's footer lacks the ICP number, the 公安 filing number or the site code
    .fix = add them to the footer
code-C0208 = `[check] as_of` is more than 30 days in the past
    .fix = remove `as_of` so staleness is measured from today
code-C0301 = a name or term of `[[check.wording]]` is miswritten
    .fix = write the right form given in `expected`
code-C0302 = a term of `[[check.forbidden]]` is used
    .fix = use the replacement given, if any
code-C0401 = pages syndicated to a member site of a network have no column there to land in
    .fix = add the column to the receiving site, or name one it has with `into`
code-C0402 = a member site of a network has no ICP or 公安 filing number in its footer config
    .fix = write the site's own numbers into `[extra] footer`
code-C0403 = a member site of a network has the same filing number or site code as another member
    .fix = write the site's own number, as on its filing certificate
code-C0404 = a page is pushed to a member site that is not an ancestor of its own site
    .fix = push to `"parent"` or `"province"`, unless this push is meant
